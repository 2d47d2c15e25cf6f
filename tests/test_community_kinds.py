"""Events spaces (a time and place per post, RSVPs with counts and the member's own) and questions spaces (an
accepted answer chosen by the question's author or a moderator), through the member API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import factories
from ids import gid
from test_community import CREATE_COMMENT, SET_RULE, community, member_space_id, sign_in, space
from test_query_counts import assert_constant, statements_of

from app.community.models import Notification, Post, Rsvp
from app.contacts.models import Event

EVENT_POST = """mutation($i: CreatePostInput!) { createPost(input: $i) {
  post { id event { startsAt endsAt location goingCount notGoingCount myRsvp } } userErrors { field code } } }"""
RSVP = """mutation($i: RsvpInput!) { rsvpToEvent(input: $i) {
  post { event { goingCount notGoingCount myRsvp } } userErrors { field code } } }"""
EVENT_FEED = """query($id: ID!) { mySpace(id: $id) { posts(first: 50) { nodes { title
  event { startsAt location goingCount notGoingCount myRsvp } } } } }"""
UPDATE_EVENT = """mutation($i: UpdatePostInput!) { updatePost(input: $i) {
  post { title event { startsAt endsAt location } } userErrors { field code } } }"""
ACCEPT = """mutation($i: AcceptAnswerInput!) { acceptAnswer(input: $i) { post { acceptedAnswerId }
  userErrors { field code } } }"""
QUESTION_THREAD = """query($id: ID!) { communityPost(id: $id) { acceptedAnswerId
  comments(first: 10) { nodes { id body isAcceptedAnswer } } } }"""


def _at(hours: float) -> str:
    return (datetime.now(UTC) + timedelta(hours=hours)).isoformat()


async def test_event_posts_take_rsvps_with_counts_and_the_members_own(gql, team, other_team):
    s = await community(gql, team)
    meetups = member_space_id((await space(gql, team.key, s.hub, "Meetups", kind="EVENTS"))["id"])
    general = member_space_id(s.general["id"])
    event = {"startsAt": _at(24), "endsAt": _at(26), "location": " Studio 2 "}

    for space_id, extra, error in (
            (meetups, {}, {"field": "event", "code": "EVENT_REQUIRED"}),
            (general, {"event": event}, {"field": "event", "code": "NOT_AN_EVENTS_SPACE"}),
            (meetups, {"event": {**event, "endsAt": _at(20)}}, {"field": "event", "code": "INVALID_EVENT_TIME"}),
            (meetups, {"event": {**event, "location": "x" * 301}}, {"field": "event", "code": "TOO_LONG"})):
        refused = await gql(EVENT_POST, {"i": {"spaceId": space_id, "title": "Meetup", **extra}}, token=s.ava_token)
        assert refused["createPost"] == {"post": None, "userErrors": [error]}, extra
    assert await Post.all().count() == 0

    created = (await gql(EVENT_POST, {"i": {"spaceId": meetups, "title": "Meetup", "event": event}},
                         token=s.ava_token))["createPost"]
    assert created["userErrors"] == []
    meetup = created["post"]["id"]
    shown = created["post"]["event"]
    assert (shown["location"], shown["goingCount"], shown["notGoingCount"], shown["myRsvp"]) == (
        "Studio 2", 0, 0, None)
    assert datetime.fromisoformat(shown["startsAt"]) == datetime.fromisoformat(event["startsAt"])

    going = await gql(RSVP, {"i": {"postId": meetup, "status": "GOING"}}, token=s.bob_token)
    assert going["rsvpToEvent"] == {"post": {"event": {"goingCount": 1, "notGoingCount": 0, "myRsvp": "GOING"}},
                                    "userErrors": []}
    await gql(RSVP, {"i": {"postId": meetup, "status": "NOT_GOING"}}, token=s.mo_token)
    await gql(RSVP, {"i": {"postId": meetup, "status": "GOING"}}, token=s.ava_token)
    changed = await gql(RSVP, {"i": {"postId": meetup, "status": "NOT_GOING"}}, token=s.bob_token)
    assert changed["rsvpToEvent"]["post"]["event"] == {"goingCount": 1, "notGoingCount": 2, "myRsvp": "NOT_GOING"}
    feed = (await gql(EVENT_FEED, {"id": meetups}, token=s.ava_token))["mySpace"]["posts"]["nodes"]
    assert [(n["title"], n["event"]["goingCount"], n["event"]["notGoingCount"], n["event"]["myRsvp"])
            for n in feed] == [("Meetup", 1, 2, "GOING")]
    withdrawn = await gql(RSVP, {"i": {"postId": meetup, "status": None}}, token=s.bob_token)
    assert withdrawn["rsvpToEvent"]["post"]["event"] == {"goingCount": 1, "notGoingCount": 1, "myRsvp": None}
    assert await Rsvp.all().count() == 2
    assert await Event.filter(type="event_rsvp").count() == 5  # each change, through ingest

    # Not an event, another team's post, a locked space's event: refused, nothing written.
    plain = (await gql(EVENT_POST, {"i": {"spaceId": general, "title": "Chat"}}, token=s.ava_token))["createPost"]
    ohub = await factories.hub(other_team, "Other", "other")
    oscar = await factories.contact(other_team, "oscar@example.com")
    await factories.hub_member(other_team, ohub, oscar)
    ospace = member_space_id((await space(gql, other_team.key, ohub, "Theirs", kind="EVENTS"))["id"])
    theirs = (await gql(EVENT_POST, {"i": {"spaceId": ospace, "title": "Theirs", "event": event}},
                        token=await sign_in(gql, ohub, oscar)))["createPost"]["post"]["id"]
    locked = await space(gql, team.key, s.hub, "Hosts' events", kind="EVENTS")
    hosts_event = (await gql(EVENT_POST, {"i": {"spaceId": member_space_id(locked["id"]), "title": "Hosts",
                                                "event": event}}, token=s.mo_token))["createPost"]["post"]["id"]
    await gql(SET_RULE, {"i": {"targetType": "SPACE", "targetId": locked["id"], "audience": "ROLES",
                               "roles": ["moderator"]}}, token=team.key)
    for post_id, error in ((plain["post"]["id"], "NOT_AN_EVENT"), (theirs, "NOT_FOUND"), (hosts_event, "NOT_FOUND"),
                           (gid("Hub", s.hub.id), "INVALID_ID")):
        refused = await gql(RSVP, {"i": {"postId": post_id, "status": "GOING"}}, token=s.bob_token)
        assert refused["rsvpToEvent"] == {"post": None, "userErrors": [{"field": "postId", "code": error}]}, error
    assert await Rsvp.all().count() == 2

    # The author moves the event; once it is over, RSVPs are closed.
    not_author = await gql(UPDATE_EVENT, {"i": {"id": meetup, "event": {"startsAt": _at(1)}}}, token=s.bob_token)
    assert not_author["updatePost"]["userErrors"] == [{"field": "id", "code": "NOT_AUTHOR"}]
    bad = await gql(UPDATE_EVENT, {"i": {"id": meetup, "title": "Moved", "event": {
        "startsAt": _at(5), "endsAt": _at(4)}}}, token=s.ava_token)
    assert bad["updatePost"]["userErrors"] == [{"field": "event", "code": "INVALID_EVENT_TIME"}]
    assert (await Post.get(id=int(__import__("ids").pk(meetup)))).title == "Meetup"  # nothing written
    moved = await gql(UPDATE_EVENT, {"i": {"id": meetup, "event": {"startsAt": _at(-3), "endsAt": _at(-2)}}},
                      token=s.ava_token)
    assert moved["updatePost"]["userErrors"] == [] and moved["updatePost"]["post"]["event"]["location"] == ""
    over = await gql(RSVP, {"i": {"postId": meetup, "status": "GOING"}}, token=s.bob_token)
    assert over["rsvpToEvent"]["userErrors"] == [{"field": "postId", "code": "EVENT_OVER"}]


async def test_an_events_feed_costs_the_same_statements_whatever_its_length(gql, team):
    s = await community(gql, team)
    meetups = (await space(gql, team.key, s.hub, "Meetups", kind="EVENTS"))["id"]
    space_id = int(__import__("ids").pk(meetups))
    statements: dict[int, list[str]] = {}
    for n in (3, 40):
        now = datetime.now(UTC)
        have = await Post.filter(space_id=space_id).count()
        await Post.bulk_create([Post(team_id=team.id, hub_id=s.hub.id, space_id=space_id, author_id=s.ava.id,
                                     title=f"Event {i}", event_starts_at=now + timedelta(days=1), created_at=now,
                                     last_activity_at=now) for i in range(have, n)])
        ids = [p.id for p in await Post.filter(space_id=space_id)]
        await Rsvp.bulk_create([Rsvp(team_id=team.id, hub_id=s.hub.id, post_id=p, team_contact_id=c.id,
                                     status="going") for p in ids[have:] for c in (s.ava, s.bob)])
        await gql(EVENT_FEED, {"id": member_space_id(meetups)}, token=s.bob_token)
        data, statements[n] = await statements_of(gql, EVENT_FEED, {"id": member_space_id(meetups)},
                                                  token=s.bob_token)
        nodes = data["mySpace"]["posts"]["nodes"]
        assert len(nodes) == n and all(e["event"]["goingCount"] == 2 and e["event"]["myRsvp"] == "GOING"
                                       for e in nodes)
    assert_constant(statements, 5, "events feed")


async def test_a_question_has_one_accepted_answer_chosen_by_its_author_or_a_moderator(gql, team):
    s = await community(gql, team)
    questions = member_space_id((await space(gql, team.key, s.hub, "Q&A", kind="QUESTIONS"))["id"])
    asked = (await gql(EVENT_POST, {"i": {"spaceId": questions, "title": "How do I breathe?"}},
                       token=s.ava_token))["createPost"]["post"]["id"]
    other = (await gql(EVENT_POST, {"i": {"spaceId": questions, "title": "Mats?"}}, token=s.ava_token))[
        "createPost"]["post"]["id"]
    chat = (await gql(EVENT_POST, {"i": {"spaceId": member_space_id(s.general["id"]), "title": "Chat"}},
                      token=s.ava_token))["createPost"]["post"]["id"]

    async def comment(post_id, body, token):
        made = await gql(CREATE_COMMENT, {"i": {"postId": post_id, "body": body}}, token=token)
        return made["createComment"]["comment"]["id"]

    bobs, mos = await comment(asked, "Slowly", s.bob_token), await comment(asked, "Through the nose", s.mo_token)
    elsewhere, chatty = await comment(other, "Cork", s.bob_token), await comment(chat, "hi", s.bob_token)
    for token, variables, error in (
            (s.bob_token, {"postId": asked, "commentId": bobs}, {"field": "postId", "code": "NOT_ALLOWED"}),
            (s.ava_token, {"postId": asked, "commentId": elsewhere}, {"field": "commentId", "code": "NOT_FOUND"}),
            (s.ava_token, {"postId": chat, "commentId": chatty}, {"field": "postId", "code": "NOT_A_QUESTION"}),
            (s.ava_token, {"postId": asked, "commentId": asked}, {"field": "commentId", "code": "INVALID_ID"})):
        refused = await gql(ACCEPT, {"i": variables}, token=token)
        assert refused["acceptAnswer"] == {"post": None, "userErrors": [error]}, variables
    assert await Post.filter(accepted_comment_id__isnull=False).count() == 0

    accepted = await gql(ACCEPT, {"i": {"postId": asked, "commentId": bobs}}, token=s.ava_token)
    assert accepted["acceptAnswer"] == {"post": {"acceptedAnswerId": bobs}, "userErrors": []}
    thread = (await gql(QUESTION_THREAD, {"id": asked}, token=s.mo_token))["communityPost"]
    assert thread["acceptedAnswerId"] == bobs
    assert [(c["body"], c["isAcceptedAnswer"]) for c in thread["comments"]["nodes"]] == [
        ("Slowly", True), ("Through the nose", False)]
    feed = (await gql("query($id: ID!) { mySpace(id: $id) { posts(first: 5) { nodes { title acceptedAnswerId } } } }",
                      {"id": questions}, token=s.bob_token))["mySpace"]["posts"]["nodes"]
    assert feed == [{"title": "Mats?", "acceptedAnswerId": None}, {"title": "How do I breathe?",
                                                                   "acceptedAnswerId": bobs}]

    # A moderator may choose another; the accepted answer's deletion leaves the question open again.
    moved = await gql(ACCEPT, {"i": {"postId": asked, "commentId": mos}}, token=s.mo_token)
    assert moved["acceptAnswer"]["post"] == {"acceptedAnswerId": mos}
    await gql("mutation($i: DeleteCommentInput!) { deleteComment(input: $i) { userErrors { code } } }",
              {"i": {"id": mos}}, token=s.mo_token)
    assert (await gql(QUESTION_THREAD, {"id": asked}, token=s.ava_token))["communityPost"]["acceptedAnswerId"] is None
    await gql(ACCEPT, {"i": {"postId": asked, "commentId": bobs}}, token=s.ava_token)
    cleared = await gql(ACCEPT, {"i": {"postId": asked, "commentId": None}}, token=s.ava_token)
    assert cleared["acceptAnswer"] == {"post": {"acceptedAnswerId": None}, "userErrors": []}


UPCOMING = """query($id: ID!, $after: String) { mySpace(id: $id) { posts(first: 2, after: $after, upcoming: true) {
  pageInfo { hasNextPage endCursor } nodes { title } } } }"""


async def test_upcoming_events_are_listed_soonest_first_and_ended_ones_left_out(gql, team):
    s = await community(gql, team)
    meetups = member_space_id((await space(gql, team.key, s.hub, "Meetups", kind="EVENTS"))["id"])
    for title, starts, ends in (("In a week", 168, None), ("Tomorrow", 24, 26), ("Going on", -1, 1),
                                ("Next month", 720, None), ("Ended", -5, -4), ("Started, no end", -2, None)):
        event = {"startsAt": _at(starts), **({"endsAt": _at(ends)} if ends is not None else {})}
        made = await gql(EVENT_POST, {"i": {"spaceId": meetups, "title": title, "event": event}},
                         token=s.mo_token)  # a moderator: not held to the posting limit
        assert made["createPost"]["userErrors"] == [], title
    titles, after = [], None
    while True:
        page = (await gql(UPCOMING, {"id": meetups, "after": after}, token=s.bob_token))["mySpace"]["posts"]
        titles += [n["title"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert titles == ["Going on", "Tomorrow", "In a week", "Next month"]
    newest = (await gql(EVENT_FEED, {"id": meetups}, token=s.bob_token))["mySpace"]["posts"]["nodes"]
    assert [n["title"] for n in newest][:2] == ["Started, no end", "Ended"]  # the plain feed: newest first, all


ANSWER_NOTES = "{ myNotifications(first: 10) { nodes { kind text postId commentId actor { handle } } } }"
QUEUE_COMMENTS = """{ myModerationQueue { flags { nodes { comment { id body isAcceptedAnswer } } } } }"""


async def test_an_accepted_answers_author_is_notified_and_the_queue_shows_the_answer(gql, team):
    from test_community_moderation import FLAG
    from test_community_social import BLOCK, profile_id

    s = await community(gql, team)
    questions = member_space_id((await space(gql, team.key, s.hub, "Q&A", kind="QUESTIONS"))["id"])
    asked = (await gql(EVENT_POST, {"i": {"spaceId": questions, "title": "How do I breathe?"}},
                       token=s.ava_token))["createPost"]["post"]["id"]
    made = await gql(CREATE_COMMENT, {"i": {"postId": asked, "body": "Slowly"}}, token=s.bob_token)
    bobs = made["createComment"]["comment"]["id"]
    own = (await gql(CREATE_COMMENT, {"i": {"postId": asked, "body": "Found it"}}, token=s.ava_token))[
        "createComment"]["comment"]["id"]
    before = (await gql(ANSWER_NOTES, token=s.bob_token))["myNotifications"]["nodes"]

    assert (await gql(ACCEPT, {"i": {"postId": asked, "commentId": bobs}}, token=s.ava_token))["acceptAnswer"][
        "userErrors"] == []
    notes = (await gql(ANSWER_NOTES, token=s.bob_token))["myNotifications"]["nodes"]
    assert len(notes) == len(before) + 1
    assert notes[0] == {"kind": "ANSWER_ACCEPTED", "text": "accepted your answer to “How do I breathe?”",
                        "postId": asked, "commentId": bobs, "actor": {"handle": "ava"}}
    again = await gql(ACCEPT, {"i": {"postId": asked, "commentId": bobs}}, token=s.mo_token)  # no change: no note
    assert again["acceptAnswer"]["userErrors"] == []
    assert len((await gql(ANSWER_NOTES, token=s.bob_token))["myNotifications"]["nodes"]) == len(notes)
    ava_notes = len((await gql(ANSWER_NOTES, token=s.ava_token))["myNotifications"]["nodes"])
    await gql(ACCEPT, {"i": {"postId": asked, "commentId": own}}, token=s.ava_token)  # her own: nobody to tell
    assert len((await gql(ANSWER_NOTES, token=s.ava_token))["myNotifications"]["nodes"]) == ava_notes

    # Bob blocked Ava: he hears nothing from her, an accepted answer included (and her earlier note leaves his view).
    ava = await profile_id(gql, s.ava_token)
    assert (await gql(BLOCK, {"i": {"memberId": ava}}, token=s.bob_token))["blockMember"]["changed"] is True
    await gql(ACCEPT, {"i": {"postId": asked, "commentId": bobs}}, token=s.ava_token)
    assert (await gql(ANSWER_NOTES, token=s.bob_token))["myNotifications"]["nodes"] == []
    assert await Notification.filter(recipient_id=s.bob.id, kind="answer_accepted").count() == 1

    # The moderation queue shows a flagged comment as the accepted answer it is (and the other as not).
    for comment in (bobs, own):
        flagged = await gql(FLAG, {"i": {"targetType": "COMMENT", "targetId": comment, "reason": "check"}},
                            token=s.mo_token)
        assert flagged["flagContent"]["userErrors"] == []
    queue = (await gql(QUEUE_COMMENTS, token=s.mo_token))["myModerationQueue"]["flags"]["nodes"]
    assert sorted((f["comment"]["body"], f["comment"]["isAcceptedAnswer"]) for f in queue) == [
        ("Found it", False), ("Slowly", True)]
    staff = await gql("query($h: ID!) { moderationQueue(hubId: $h) { flags { nodes { comment { isAcceptedAnswer } } } } }",
                      {"h": gid("Hub", s.hub.id)}, token=team.key)
    assert sorted(f["comment"]["isAcceptedAnswer"] for f in staff["moderationQueue"]["flags"]["nodes"]) == [False, True]
