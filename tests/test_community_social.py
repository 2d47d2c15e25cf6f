"""Mentions and notifications, direct messages and blocks, profiles and the member directory, and the live
community streams over graphql-transport-ws."""

from __future__ import annotations

import asyncio
import json

import factories
import websockets
from ids import gid, pk
from test_community import CREATE_COMMENT, SET_RULE, community, member_space_id, post, sign_in, space

from app.community.models import Message, Notification
from app.contacts.models import Event
from app.hubs.models import HubMembership
from app.segments.models import SegmentMembership

NOTIFICATIONS = """{ myUnreadNotificationCount myNotifications(first: 20) { nodes { id kind text read
  postId actor { handle } } } }"""
MARK = """mutation($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) { marked userErrors { code } } }"""
PROFILE = """{ myProfile { profile { id handle displayName bio links } bioVisibility directoryVisibility } }"""
UPDATE_PROFILE = """mutation($i: UpdateMyProfileInput!) { updateMyProfile(input: $i) {
  profile { profile { id handle displayName bio links } bioVisibility linksVisibility directoryVisibility }
  userErrors { field code } } }"""
DIRECTORY = """query($search: String, $role: HubRole, $first: Int, $after: String) {
  memberDirectory(search: $search, role: $role, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor } edges { node { role profile { handle displayName bio links } } } } }"""
START = """mutation($i: StartConversationInput!) { startConversation(input: $i) { conversation { id isGroup
  members { handle } } userErrors { field code message } } }"""
SEND = """mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id body author { handle } }
  userErrors { field code message } } }"""
CONVERSATIONS = """{ myConversations(first: 10) { nodes { id isGroup unreadCount members { handle }
  messages(last: 10) { nodes { body author { handle } } } } } }"""
BLOCK = """mutation($i: BlockMemberInput!) { blockMember(input: $i) { changed userErrors { field code } } }"""


async def profile_id(gql, token) -> str:
    return (await gql(PROFILE, token=token))["myProfile"]["profile"]["id"]


async def test_mentions_and_replies_notify_and_are_marked_read(gql, team):
    s = await community(gql, team)
    general = member_space_id(s.general["id"])
    await profile_id(gql, s.bob_token)  # Bob's handle exists before he is mentioned
    created = await post(gql, s.ava_token, general, "Hi @bob", "and @nobody, see `@mo`")
    post_id = created["post"]["id"]
    await gql(CREATE_COMMENT, {"i": {"postId": post_id, "body": "thanks @ava"}}, token=s.bob_token)

    bob = (await gql(NOTIFICATIONS, token=s.bob_token))
    assert bob["myUnreadNotificationCount"] == 1
    assert [(n["kind"], n["actor"]["handle"], n["postId"]) for n in bob["myNotifications"]["nodes"]] == [
        ("MENTION", "ava", post_id)]
    ava = (await gql(NOTIFICATIONS, token=s.ava_token))["myNotifications"]["nodes"]
    assert [n["kind"] for n in ava] == ["REPLY"]  # a reply that also mentions her says reply, once
    assert not await Notification.filter(recipient_id=s.mo.id).exists()  # a mention in code is no mention

    marked = await gql(MARK, {"i": {"ids": [ava[0]["id"]]}}, token=s.bob_token)  # not Bob's: nothing
    assert marked["markNotificationsRead"]["marked"] == 0
    marked = await gql(MARK, {"i": {}}, token=s.ava_token)
    assert marked["markNotificationsRead"]["marked"] == 1
    assert (await gql(NOTIFICATIONS, token=s.ava_token))["myUnreadNotificationCount"] == 0


async def test_a_mention_does_not_reach_who_cannot_read_the_space_or_blocked_the_author(gql, team):
    s = await community(gql, team)
    vips = await factories.segment(team, "VIPs", kind="static")
    vip = await space(gql, team.key, s.hub, "VIP")
    await gql(SET_RULE, {"i": {"targetType": "SPACE", "targetId": vip["id"], "audience": "SEGMENTS_ANY",
                               "segmentIds": [gid("Segment", vips.id)]}}, token=team.key)
    await SegmentMembership.create(team=team.team, segment=vips, team_contact=s.ava)
    await profile_id(gql, s.bob_token)
    mo_profile = await profile_id(gql, s.mo_token)
    await post(gql, s.ava_token, member_space_id(vip["id"]), "Secret for @bob")  # Bob may not read VIP
    assert not await Notification.filter(recipient_id=s.bob.id).exists()
    ava_profile = await profile_id(gql, s.ava_token)
    assert (await gql(BLOCK, {"i": {"memberId": ava_profile}}, token=s.mo_token))["blockMember"]["changed"] is True
    await post(gql, s.ava_token, member_space_id(s.general["id"]), "Hey @mo")
    assert not await Notification.filter(recipient_id=s.mo.id).exists()
    self_block = await gql(BLOCK, {"i": {"memberId": mo_profile}}, token=s.mo_token)
    assert self_block["blockMember"]["userErrors"][0]["code"] == "SELF"


async def test_direct_messages_between_members_and_blocks(gql, team, other_team):
    s = await community(gql, team)
    bob, mo = await profile_id(gql, s.bob_token), await profile_id(gql, s.mo_token)
    started = (await gql(START, {"i": {"memberIds": [bob]}}, token=s.ava_token))["startConversation"]
    assert started["userErrors"] == [] and started["conversation"]["isGroup"] is False
    conversation = started["conversation"]["id"]
    assert sorted(m["handle"] for m in started["conversation"]["members"]) == ["ava", "bob"]
    again = (await gql(START, {"i": {"memberIds": [bob]}}, token=s.ava_token))["startConversation"]
    assert again["conversation"]["id"] == conversation  # one 1:1 conversation per pair

    sent = (await gql(SEND, {"i": {"conversationId": conversation, "body": "hi **Bob**"}}, token=s.ava_token))
    assert sent["sendMessage"]["userErrors"] == []
    listed = (await gql(CONVERSATIONS, token=s.bob_token))["myConversations"]["nodes"]
    assert [(c["unreadCount"], [m["body"] for m in c["messages"]["nodes"]]) for c in listed] == [(1, ["hi **Bob**"])]
    assert (await gql(NOTIFICATIONS, token=s.bob_token))["myNotifications"]["nodes"][0]["kind"] == "MESSAGE"
    assert await Event.filter(type="message_sent").count() == 1

    # Mo is not in it: the conversation and its messages are unknown to him, and to staff.
    assert (await gql(CONVERSATIONS, token=s.mo_token))["myConversations"]["nodes"] == []
    intruding = await gql(SEND, {"i": {"conversationId": conversation, "body": "hello?"}}, token=s.mo_token)
    assert intruding["sendMessage"]["userErrors"][0]["code"] == "NOT_FOUND"
    peek = await gql("query($id: ID!) { myConversation(id: $id) { id } }", {"id": conversation}, token=s.mo_token)
    assert peek["myConversation"] is None
    staff = await gql.raw("query($id: ID!) { myConversation(id: $id) { id } }", {"id": conversation}, token=team.key)
    assert staff["errors"][0]["extensions"]["code"] == "FORBIDDEN"

    group = (await gql(START, {"i": {"memberIds": [bob, mo], "title": "Trio"}}, token=s.ava_token))
    assert group["startConversation"]["conversation"]["isGroup"] is True

    # Bob blocks Ava: neither can message the other 1:1 any more.
    ava = await profile_id(gql, s.ava_token)
    await gql(BLOCK, {"i": {"memberId": ava}}, token=s.bob_token)
    blocked = await gql(SEND, {"i": {"conversationId": conversation, "body": "still there?"}}, token=s.ava_token)
    assert blocked["sendMessage"]["userErrors"][0]["code"] == "BLOCKED"
    blocked = await gql(SEND, {"i": {"conversationId": conversation, "body": "go away"}}, token=s.bob_token)
    assert blocked["sendMessage"]["userErrors"][0]["code"] == "BLOCKED"
    assert await Message.all().count() == 1

    # Another team's profile ids are unknown members.
    ohub = await factories.hub(other_team, "Other", "other")
    oscar = await factories.contact(other_team, "oscar@example.com")
    await factories.hub_member(other_team, ohub, oscar)
    oscar_profile = await profile_id(gql, await sign_in(gql, ohub, oscar))
    foreign = await gql(START, {"i": {"memberIds": [oscar_profile]}}, token=s.ava_token)
    assert foreign["startConversation"]["userErrors"][0]["code"] == "NOT_FOUND"
    empty = await gql(START, {"i": {"memberIds": []}}, token=s.ava_token)
    assert empty["startConversation"]["userErrors"][0]["code"] == "REQUIRED"


async def test_staff_read_a_private_message_only_when_a_report_names_it(gql, team):
    s = await community(gql, team)
    bob = await profile_id(gql, s.bob_token)
    conversation = (await gql(START, {"i": {"memberIds": [bob]}}, token=s.ava_token))["startConversation"][
        "conversation"]["id"]
    message = (await gql(SEND, {"i": {"conversationId": conversation, "body": "rude words"}}, token=s.ava_token))[
        "sendMessage"]["message"]["id"]
    hide = """mutation($i: ModerateContentInput!) { moderateCommunityContent(input: $i) { status userErrors { code } } }"""
    before = await gql(hide, {"i": {"targetType": "MESSAGE", "targetId": message, "action": "HIDE"}}, token=team.key)
    assert before["moderateCommunityContent"]["userErrors"] == [{"code": "NOT_FOUND"}]
    flag = """mutation($i: FlagContentInput!) { flagContent(input: $i) { flag { id } userErrors { code } } }"""
    assert (await gql(flag, {"i": {"targetType": "MESSAGE", "targetId": message, "reason": "rude"}},
                      token=s.mo_token))["flagContent"]["userErrors"] == [{"code": "NOT_FOUND"}]  # not his
    await gql(flag, {"i": {"targetType": "MESSAGE", "targetId": message, "reason": "rude"}}, token=s.bob_token)
    queue = await gql("query($h: ID!) { moderationQueue(hubId: $h) { flags { nodes { message { body } } } } }",
                      {"h": gid("Hub", s.hub.id)}, token=team.key)
    assert queue["moderationQueue"]["flags"]["nodes"] == [{"message": {"body": "rude words"}}]
    after = await gql(hide, {"i": {"targetType": "MESSAGE", "targetId": message, "action": "HIDE"}}, token=team.key)
    assert after["moderateCommunityContent"]["status"] == "HIDDEN"


async def test_profiles_with_per_field_visibility_and_the_directory(gql, team):
    s = await community(gql, team)
    extra = []
    for i in range(5):
        c = await factories.contact(team, f"m{i}@example.com", firstName=f"Zed{i}")
        await factories.hub_member(team, s.hub, c)
        extra.append(c)
    banned = await factories.contact(team, "gone@example.com", firstName="Gone")
    await factories.hub_member(team, s.hub, banned, banned=True)

    updated = await gql(UPDATE_PROFILE, {"i": {"handle": "ava.y", "displayName": "Ava Yoga", "bio": "I teach",
                                               "links": ["https://ava.example"],
                                               "visibility": {"bio": "NOBODY"}}}, token=s.ava_token)
    assert updated["updateMyProfile"]["userErrors"] == []
    mine = updated["updateMyProfile"]["profile"]
    assert (mine["profile"]["bio"], mine["bioVisibility"], mine["linksVisibility"]) == ("I teach", "NOBODY", "MEMBERS")
    for bad, field, code in (({"handle": "-bad"}, "handle", "INVALID_HANDLE"),
                             ({"links": ["javascript:alert(1)"]}, "links", "INVALID_LINKS"),
                             ({"displayName": ""}, "displayName", "INVALID_NAME"),
                             ({"avatarMediaId": gid("MemberMedia", 999)}, "avatarMediaId", "NOT_FOUND")):
        refused = await gql(UPDATE_PROFILE, {"i": bad}, token=s.bob_token)
        assert [(e["field"], e["code"]) for e in refused["updateMyProfile"]["userErrors"]] == [(field, code)], bad
    taken = await gql(UPDATE_PROFILE, {"i": {"handle": "ava.y"}}, token=s.bob_token)
    assert taken["updateMyProfile"]["userErrors"] == [{"field": "handle", "code": "TAKEN"}]

    found = (await gql(DIRECTORY, {"search": "ava"}, token=s.bob_token))["memberDirectory"]["edges"]
    assert [e["node"] for e in found] == [{"role": "MEMBER", "profile": {
        "handle": "ava.y", "displayName": "Ava Yoga", "bio": None, "links": ["https://ava.example"]}}]
    mods = (await gql(DIRECTORY, {"role": "MODERATOR"}, token=s.bob_token))["memberDirectory"]["edges"]
    assert [e["node"]["profile"]["displayName"] for e in mods] == ["Mo"]

    # Keyset pages by display name; the banned member is not listed; hiding from the directory works.
    await gql(UPDATE_PROFILE, {"i": {"visibility": {"directory": "NOBODY"}}}, token=s.mo_token)
    names, after = [], None
    while True:
        page = (await gql(DIRECTORY, {"first": 3, "after": after}, token=s.bob_token))["memberDirectory"]
        names += [e["node"]["profile"]["displayName"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert names == ["Ava Yoga", "Bob", "Zed0", "Zed1", "Zed2", "Zed3", "Zed4"]
    bad = await gql.raw(DIRECTORY, {"search": ""}, token=s.bob_token)
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def _subscribe(url: str, token: str, query: str, variables: dict) -> websockets.ClientConnection:
    ws = await websockets.connect(url, subprotocols=["graphql-transport-ws"])
    await ws.send(json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}}))
    assert json.loads(await ws.recv())["type"] == "connection_ack"
    await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query, "variables": variables}}))
    await asyncio.sleep(0.4)  # subscribed in Redis before anything is published
    return ws


async def _next(ws: websockets.ClientConnection) -> dict:
    message = json.loads(await asyncio.wait_for(ws.recv(), timeout=5))
    assert message["type"] == "next", message
    return message["payload"]["data"]


ACTIVITY = """subscription($s: ID!) { mySpaceActivity(spaceId: $s) { kind postId canAccess lockedReason
  post { title author { handle } } comment { body } } }"""


async def test_space_activity_streams_posts_and_ends_when_the_segment_is_left(live_server, gql, team):
    s = await community(gql, team)
    fans = await factories.segment(team, "Fans", kind="static")
    lounge = await space(gql, team.key, s.hub, "Lounge")
    await gql(SET_RULE, {"i": {"targetType": "SPACE", "targetId": lounge["id"], "audience": "SEGMENTS_ANY",
                               "segmentIds": [gid("Segment", fans.id)]}}, token=team.key)
    membership = await SegmentMembership.create(team=team.team, segment=fans, team_contact=s.bob)
    await SegmentMembership.create(team=team.team, segment=fans, team_contact=s.ava)
    lounge_id = member_space_id(lounge["id"])
    ws = await _subscribe(live_server.ws_url, s.bob_token, ACTIVITY, {"s": lounge_id})
    slow = await _subscribe(live_server.ws_url, s.bob_token, ACTIVITY, {"s": lounge_id})  # never read
    try:
        created = await post(gql, s.ava_token, lounge_id, "Live one")
        event = (await _next(ws))["mySpaceActivity"]
        assert (event["kind"], event["post"]["title"], event["post"]["author"]["handle"]) == (
            "POST_CREATED", "Live one", "ava")
        await gql(CREATE_COMMENT, {"i": {"postId": created["post"]["id"], "body": "nice"}}, token=s.ava_token)
        event = (await _next(ws))["mySpaceActivity"]
        assert (event["kind"], event["comment"]) == ("COMMENT_CREATED", {"body": "nice"})

        # Bob leaves the segment: his stream says so at once, and ends.
        await membership.delete()
        from app.core.pubsub import publish, team_channel

        await publish(team_channel(team.id, "segment-membership"), [{
            "segment_id": fans.id, "team_contact_id": s.bob.id, "action": "leave", "cause": "manual"}])
        event = (await _next(ws))["mySpaceActivity"]
        assert (event["kind"], event["canAccess"], event["lockedReason"]) == ("ACCESS_CHANGED", False, "NOT_IN_SEGMENT")
        done = json.loads(await asyncio.wait_for(ws.recv(), timeout=5))
        assert done["type"] == "complete"
    finally:
        await ws.close()
        await slow.close()


async def test_notifications_and_messages_are_pushed_live(live_server, gql, team):
    s = await community(gql, team)
    bob = await profile_id(gql, s.bob_token)
    notes = await _subscribe(live_server.ws_url, s.bob_token,
                             "subscription { myNotificationAdded { kind text actor { handle } } }", {})
    conversation = (await gql(START, {"i": {"memberIds": [bob]}}, token=s.ava_token))["startConversation"][
        "conversation"]["id"]
    chat = await _subscribe(live_server.ws_url, s.bob_token,
                            "subscription($c: ID!) { myConversationMessages(conversationId: $c) { body author { handle } } }",
                            {"c": conversation})
    outsider = await _subscribe(live_server.ws_url, s.mo_token,
                                "subscription($c: ID!) { myConversationMessages(conversationId: $c) { body } }",
                                {"c": conversation})
    try:
        refused = json.loads(await asyncio.wait_for(outsider.recv(), timeout=5))
        errors = refused["payload"] if refused["type"] == "error" else refused["payload"]["errors"]
        assert errors[0]["extensions"]["code"] == "NOT_FOUND", refused
        await post(gql, s.ava_token, member_space_id(s.general["id"]), "Hey @bob")
        assert (await _next(notes))["myNotificationAdded"] == {
            "kind": "MENTION", "text": "mentioned you in “Hey @bob”", "actor": {"handle": "ava"}}
        await gql(SEND, {"i": {"conversationId": conversation, "body": "psst"}}, token=s.ava_token)
        assert (await _next(chat))["myConversationMessages"] == {"body": "psst", "author": {"handle": "ava"}}
        assert (await _next(notes))["myNotificationAdded"]["kind"] == "MESSAGE"
    finally:
        for ws in (notes, chat, outsider):
            await ws.close()


UPDATE_MEMBERSHIP = """mutation($i: UpdateHubMembershipInput!) { updateHubMembership(input: $i) {
  membership { id role banned } userErrors { field code } } }"""


async def test_a_ban_or_a_role_change_reaches_the_members_space_stream_at_once(live_server, gql, team):
    s = await community(gql, team)
    staff_room = await space(gql, team.key, s.hub, "Staff room")
    await gql(SET_RULE, {"i": {"targetType": "SPACE", "targetId": staff_room["id"], "audience": "ROLES",
                               "roles": ["moderator"]}}, token=team.key)
    general, room = member_space_id(s.general["id"]), member_space_id(staff_room["id"])
    bob_stream = await _subscribe(live_server.ws_url, s.bob_token, ACTIVITY, {"s": general})
    mo_stream = await _subscribe(live_server.ws_url, s.mo_token, ACTIVITY, {"s": room})
    try:
        # Bob is banned by a moderator: his stream says so and ends, with no segment change in between.
        bob = await profile_id(gql, s.bob_token)
        banned = await gql("mutation($i: BanMemberInput!) { banMember(input: $i) { banned userErrors { code } } }",
                           {"i": {"memberId": bob, "reason": "spam"}}, token=s.mo_token)
        assert banned["banMember"] == {"banned": True, "userErrors": []}
        event = (await _next(bob_stream))["mySpaceActivity"]
        assert (event["kind"], event["canAccess"], event["lockedReason"]) == ("ACCESS_CHANGED", False, "BANNED")
        assert json.loads(await asyncio.wait_for(bob_stream.recv(), timeout=5))["type"] == "complete"

        # Mo stops being a moderator (staff change the role): the moderators' space closes for them at once.
        membership = await HubMembership.get(hub_id=s.hub.id, team_contact_id=s.mo.id)
        changed = await gql(UPDATE_MEMBERSHIP, {"i": {"id": gid("HubMembership", membership.id), "role": "MEMBER"}},
                            token=team.key)
        assert changed["updateHubMembership"]["userErrors"] == []
        event = (await _next(mo_stream))["mySpaceActivity"]
        assert (event["kind"], event["canAccess"], event["lockedReason"]) == (
            "ACCESS_CHANGED", False, "ROLE_REQUIRED")
        assert json.loads(await asyncio.wait_for(mo_stream.recv(), timeout=5))["type"] == "complete"
    finally:
        await bob_stream.close()
        await mo_stream.close()


BLOCK_FEED = """query($id: ID!) { mySpace(id: $id) { posts(first: 10) { nodes { title } } } }"""
BLOCK_THREAD = """query($id: ID!) { communityPost(id: $id) { title comments(first: 10) { nodes { body } } } }"""


async def test_a_block_takes_the_blocked_members_posts_comments_and_notifications_out_of_the_blockers_view(
        gql, team):
    s = await community(gql, team)
    general = member_space_id(s.general["id"])
    await profile_id(gql, s.ava_token)
    mine = (await post(gql, s.ava_token, general, "Ava's"))["post"]["id"]
    bobs = (await post(gql, s.bob_token, general, "Bob's", "hi @ava"))["post"]["id"]
    comment = (await gql(CREATE_COMMENT, {"i": {"postId": mine, "body": "from Bob"}}, token=s.bob_token))[
        "createComment"]["comment"]["id"]
    await gql(CREATE_COMMENT, {"i": {"postId": mine, "body": "from Mo"}}, token=s.mo_token)
    assert (await gql(NOTIFICATIONS, token=s.ava_token))["myUnreadNotificationCount"] == 3  # mention, 2 replies

    bob = await profile_id(gql, s.bob_token)
    assert (await gql(BLOCK, {"i": {"memberId": bob}}, token=s.ava_token))["blockMember"]["changed"] is True

    feed = (await gql(BLOCK_FEED, {"id": general}, token=s.ava_token))["mySpace"]["posts"]["nodes"]
    assert [p["title"] for p in feed] == ["Ava's"]
    thread = (await gql(BLOCK_THREAD, {"id": mine}, token=s.ava_token))["communityPost"]
    assert [c["body"] for c in thread["comments"]["nodes"]] == ["from Mo"]
    assert (await gql(BLOCK_THREAD, {"id": bobs}, token=s.ava_token))["communityPost"] is None
    refetch = await gql("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": [bobs, comment]},
                        token=s.ava_token)
    assert refetch["nodes"] == [None, None]
    reply = await gql(CREATE_COMMENT, {"i": {"postId": bobs, "body": "?"}}, token=s.ava_token)
    assert reply["createComment"]["userErrors"][0]["code"] == "NOT_FOUND"
    react = await gql("""mutation($i: ReactionInput!) { addReaction(input: $i) { userErrors { field code } } }""",
                      {"i": {"targetType": "COMMENT", "targetId": comment, "emoji": "heart"}}, token=s.ava_token)
    assert react["addReaction"]["userErrors"] == [{"field": "targetId", "code": "NOT_FOUND"}]
    notes = await gql(NOTIFICATIONS, token=s.ava_token)
    assert notes["myUnreadNotificationCount"] == 1
    assert [n["actor"]["handle"] for n in notes["myNotifications"]["nodes"]] == ["mo"]

    # The block is the blocker's view only: Bob and Mo still see everything; unblocking brings it back.
    assert len((await gql(BLOCK_FEED, {"id": general}, token=s.mo_token))["mySpace"]["posts"]["nodes"]) == 2
    thread = (await gql(BLOCK_THREAD, {"id": mine}, token=s.bob_token))["communityPost"]
    assert [c["body"] for c in thread["comments"]["nodes"]] == ["from Bob", "from Mo"]
    assert (await gql(BLOCK, {"i": {"memberId": bob, "blocked": False}}, token=s.ava_token))["blockMember"][
        "changed"] is True
    assert len((await gql(BLOCK_FEED, {"id": general}, token=s.ava_token))["mySpace"]["posts"]["nodes"]) == 2
    assert (await gql(NOTIFICATIONS, token=s.ava_token))["myUnreadNotificationCount"] == 3


async def test_a_message_notification_names_the_conversation_by_an_id_myconversation_takes(gql, team):
    s = await community(gql, team)
    bob = await profile_id(gql, s.bob_token)
    conversation = (await gql(START, {"i": {"memberIds": [bob]}}, token=s.ava_token))["startConversation"][
        "conversation"]["id"]
    await gql(SEND, {"i": {"conversationId": conversation, "body": "hi"}}, token=s.ava_token)
    note = (await gql("{ myNotifications(first: 1) { nodes { kind conversationId } } }", token=s.bob_token))[
        "myNotifications"]["nodes"][0]
    assert note == {"kind": "MESSAGE", "conversationId": conversation}
    found = await gql("query($id: ID!) { myConversation(id: $id) { id } }", {"id": note["conversationId"]},
                      token=s.bob_token)
    assert found["myConversation"] == {"id": conversation}


RENAME = """mutation($i: RenameConversationInput!) { renameConversation(input: $i) { conversation { title }
  userErrors { field code } } }"""
LEAVE = """mutation($i: LeaveConversationInput!) { leaveConversation(input: $i) { conversation { members { handle } }
  userErrors { field code } } }"""


async def test_a_group_is_renamed_by_its_members_and_left_for_good(live_server, gql, team, other_team):
    s = await community(gql, team)
    bob, mo = await profile_id(gql, s.bob_token), await profile_id(gql, s.mo_token)
    group = (await gql(START, {"i": {"memberIds": [bob, mo], "title": "Trio"}}, token=s.ava_token))[
        "startConversation"]["conversation"]["id"]
    pair = (await gql(START, {"i": {"memberIds": [bob]}}, token=s.ava_token))["startConversation"][
        "conversation"]["id"]

    renamed = await gql(RENAME, {"i": {"conversationId": group, "title": " Yoga trio "}}, token=s.bob_token)
    assert renamed["renameConversation"] == {"conversation": {"title": "Yoga trio"}, "userErrors": []}
    for token, variables, error in (
            (s.bob_token, {"conversationId": group, "title": "  "}, {"field": "title", "code": "INVALID_TITLE"}),
            (s.bob_token, {"conversationId": group, "title": "x" * 201}, {"field": "title", "code": "INVALID_TITLE"}),
            (s.ava_token, {"conversationId": pair, "title": "Us"}, {"field": "conversationId", "code": "NOT_A_GROUP"}),
            (s.mo_token, {"conversationId": pair, "title": "Us"}, {"field": "conversationId", "code": "NOT_FOUND"}),
            (s.ava_token, {"conversationId": gid("Hub", s.hub.id), "title": "Us"},
             {"field": "conversationId", "code": "INVALID_ID"})):
        refused = await gql(RENAME, {"i": variables}, token=token)
        assert refused["renameConversation"] == {"conversation": None, "userErrors": [error]}, variables
    titles = {c["id"]: c["title"] for c in (await gql("{ myConversations(first: 5) { nodes { id title } } }",
                                                      token=s.ava_token))["myConversations"]["nodes"]}
    assert titles == {group: "Yoga trio", pair: ""}

    # Another team's member cannot reach the group.
    ohub = await factories.hub(other_team, "Other", "other")
    oscar = await factories.contact(other_team, "oscar@example.com")
    await factories.hub_member(other_team, ohub, oscar)
    outsider = await gql(LEAVE, {"i": {"conversationId": group}}, token=await sign_in(gql, ohub, oscar))
    assert outsider["leaveConversation"]["userErrors"] == [{"field": "conversationId", "code": "NOT_FOUND"}]
    assert (await gql(LEAVE, {"i": {"conversationId": pair}}, token=s.bob_token))["leaveConversation"][
        "userErrors"] == [{"field": "conversationId", "code": "NOT_A_GROUP"}]

    chat = await _subscribe(live_server.ws_url, s.bob_token,
                            "subscription($c: ID!) { myConversationMessages(conversationId: $c) { body } }",
                            {"c": group})
    try:
        left = await gql(LEAVE, {"i": {"conversationId": group}}, token=s.bob_token)
        assert left["leaveConversation"] == {"conversation": {"members": [{"handle": "ava"}, {"handle": "mo"}]},
                                             "userErrors": []}
        assert json.loads(await asyncio.wait_for(chat.recv(), timeout=5))["type"] == "complete"
    finally:
        await chat.close()
    await gql(SEND, {"i": {"conversationId": group, "body": "bye Bob"}}, token=s.ava_token)
    assert [c["id"] for c in (await gql(CONVERSATIONS, token=s.bob_token))["myConversations"]["nodes"]] == [pair]
    again = await gql(SEND, {"i": {"conversationId": group, "body": "back?"}}, token=s.bob_token)
    assert again["sendMessage"]["userErrors"][0]["code"] == "NOT_FOUND"
    assert await Notification.filter(recipient_id=s.mo.id, conversation_id=pk(group)).count() == 1
    assert await Notification.filter(recipient_id=s.bob.id, conversation_id=pk(group)).count() == 0
    mo_view = (await gql(CONVERSATIONS, token=s.mo_token))["myConversations"]["nodes"]
    assert [m["handle"] for m in mo_view[0]["members"]] == ["ava", "mo"]
    assert [m["body"] for m in mo_view[0]["messages"]["nodes"]] == ["bye Bob"]


GROUP_MESSAGES = """query($id: ID!) { myConversation(id: $id) { unreadCount messages(last: 20) { nodes { id body
  author { handle } } } } }"""


async def test_a_blocked_members_group_messages_and_directory_entry_leave_the_blockers_view(gql, team):
    s = await community(gql, team)
    bob, mo = await profile_id(gql, s.bob_token), await profile_id(gql, s.mo_token)
    group = (await gql(START, {"i": {"memberIds": [bob, mo], "title": "Trio"}}, token=s.ava_token))[
        "startConversation"]["conversation"]["id"]
    for token, body in ((s.bob_token, "from Bob"), (s.mo_token, "from Mo"), (s.bob_token, "Bob again")):
        sent = await gql(SEND, {"i": {"conversationId": group, "body": body}}, token=token)
        assert sent["sendMessage"]["userErrors"] == []
    bobs_message = (await gql(GROUP_MESSAGES, {"id": group}, token=s.ava_token))["myConversation"]["messages"][
        "nodes"][0]["id"]
    directory = "{ memberDirectory(first: 10) { nodes { profile { handle } } } }"
    assert [e["profile"]["handle"] for e in (await gql(directory, token=s.ava_token))["memberDirectory"]["nodes"]] == [
        "ava", "bob", "mo"]

    assert (await gql(BLOCK, {"i": {"memberId": bob}}, token=s.ava_token))["blockMember"]["changed"] is True
    seen = (await gql(GROUP_MESSAGES, {"id": group}, token=s.ava_token))["myConversation"]
    assert [m["body"] for m in seen["messages"]["nodes"]] == ["from Mo"] and seen["unreadCount"] == 1
    node = "query($id: ID!) { node(id: $id) { ... on CommunityMessage { body } } }"
    assert (await gql(node, {"id": bobs_message}, token=s.ava_token))["node"] is None
    assert [e["profile"]["handle"] for e in (await gql(directory, token=s.ava_token))["memberDirectory"]["nodes"]] == [
        "ava", "mo"]
    # The blocker's view only: Mo still reads Bob, and finds him in the directory; Bob still reads the group.
    mos = (await gql(GROUP_MESSAGES, {"id": group}, token=s.mo_token))["myConversation"]
    assert [m["body"] for m in mos["messages"]["nodes"]] == ["from Bob", "from Mo", "Bob again"]
    assert [e["profile"]["handle"] for e in (await gql(directory, token=s.mo_token))["memberDirectory"]["nodes"]] == [
        "ava", "bob", "mo"]
    assert (await gql(node, {"id": bobs_message}, token=s.mo_token))["node"] == {"body": "from Bob"}

    assert (await gql(BLOCK, {"i": {"memberId": bob, "blocked": False}}, token=s.ava_token))["blockMember"]["changed"]
    back = (await gql(GROUP_MESSAGES, {"id": group}, token=s.ava_token))["myConversation"]
    assert [m["body"] for m in back["messages"]["nodes"]] == ["from Bob", "from Mo", "Bob again"]
    assert back["unreadCount"] == 3
