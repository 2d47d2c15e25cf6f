"""Community spaces, posts, comments and reactions through the member API, gated by the access decision."""

from __future__ import annotations

import re
from types import SimpleNamespace

import factories
from ids import gid, pk

from app.access import members
from app.community.models import Post, Reaction
from app.contacts.models import Event
from app.segments.models import SegmentMembership
from app.segments.pipeline.worker import evaluate_pending

CREATE_SPACE = """mutation($i: CreateCommunitySpaceInput!) { createCommunitySpace(input: $i) {
  space { id slug name kind position membersCanPost } userErrors { field code message } } }"""
SET_RULE = """mutation($i: SetAccessRuleInput!) { setAccessRule(input: $i) { rule { id targetId } userErrors { field code } } }"""
COMMUNITY = """{ myCommunity { reactions isModerator spaces { id slug name kind canAccess lockedReason canPost readOnly } } }"""
FEED = """query($id: ID!, $first: Int, $after: String) { mySpace(id: $id) { id canAccess lockedReason
  posts(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node {
    id title body bodyHtml status pinned locked commentCount author { handle displayName }
    reactions { emoji count reactedByMe } } } } } }"""
CREATE_POST = """mutation($i: CreatePostInput!) { createPost(input: $i) {
  post { id title bodyHtml status author { handle } } userErrors { field code message } } }"""
UPDATE_POST = """mutation($i: UpdatePostInput!) { updatePost(input: $i) {
  post { id title body editedAt revisions { title body } } userErrors { field code } } }"""
DELETE_POST = """mutation($i: DeletePostInput!) { deletePost(input: $i) { post { id status } userErrors { field code } } }"""
CREATE_COMMENT = """mutation($i: CreateCommentInput!) { createComment(input: $i) {
  comment { id parentId depth body author { handle } } userErrors { field code message } } }"""
THREAD = """query($id: ID!) { communityPost(id: $id) { id commentCount
  comments(first: 50) { edges { node { id parentId depth body status author { handle } reactions { emoji count reactedByMe } } } } } }"""
REACT = """mutation($i: ReactionInput!) { addReaction(input: $i) { changed reactions { emoji count reactedByMe }
  userErrors { field code message } } }"""
UNREACT = """mutation($i: ReactionInput!) { removeReaction(input: $i) { changed reactions { emoji count }
  userErrors { field code } } }"""
SETTINGS = """mutation($i: UpdateCommunitySettingsInput!) { updateCommunitySettings(input: $i) {
  settings { reactions postRateLimit firstPostReview wordFilters { word action } } userErrors { field code } } }"""


async def sign_in(gql, hub, contact) -> str:
    issued = await members.admin_issue_code(hub.team_id, hub.id, contact.id)
    data = await gql("mutation($i: SignInMemberInput!) { signInMember(input: $i) { token userErrors { code } } }",
                     {"i": {"hubId": gid("Hub", hub.id), "email": contact.email, "code": issued.code}})
    assert data["signInMember"]["userErrors"] == []
    return data["signInMember"]["token"]


async def space(gql, key, hub, name, **extra):
    data = await gql(CREATE_SPACE, {"i": {"hubId": gid("Hub", hub.id), "name": name, **extra}}, token=key)
    assert data["createCommunitySpace"]["userErrors"] == [], data
    return data["createCommunitySpace"]["space"]


async def community(gql, team):
    """A hub with two members (Ava, Bob), a moderator (Mo), and a general and an announcements space."""
    s = SimpleNamespace()
    s.hub = await factories.hub(team, "Yoga", "yoga")
    s.ava = await factories.contact(team, "ava@example.com", firstName="Ava")
    s.bob = await factories.contact(team, "bob@example.com", firstName="Bob")
    s.mo = await factories.contact(team, "mo@example.com", firstName="Mo")
    await factories.hub_member(team, s.hub, s.ava)
    await factories.hub_member(team, s.hub, s.bob)
    await factories.hub_member(team, s.hub, s.mo, role="moderator")
    s.general = await space(gql, team.key, s.hub, "General")
    s.news = await space(gql, team.key, s.hub, "News", kind="ANNOUNCEMENTS")
    s.ava_token = await sign_in(gql, s.hub, s.ava)
    s.bob_token = await sign_in(gql, s.hub, s.bob)
    s.mo_token = await sign_in(gql, s.hub, s.mo)
    return s


async def post(gql, token, space_id, title="Hello", body="", **extra):
    data = await gql(CREATE_POST, {"i": {"spaceId": space_id, "title": title, "body": body, **extra}}, token=token)
    return data["createPost"]


def member_space_id(space_id: str) -> str:
    return gid("MemberSpace", pk(space_id))


async def test_member_posts_comments_and_reacts_in_an_open_space(gql, team):
    s = await community(gql, team)
    assert s.news["membersCanPost"] is False and s.general["position"] == 0 and s.news["position"] == 1
    mine = (await gql(COMMUNITY, token=s.ava_token))["myCommunity"]
    assert mine["isModerator"] is False and "thumbs_up" in mine["reactions"]
    assert [(sp["slug"], sp["canAccess"], sp["canPost"], sp["readOnly"]) for sp in mine["spaces"]] == [
        ("general", True, True, False), ("news", True, False, True)]
    general = member_space_id(s.general["id"])

    created = await post(gql, s.ava_token, general, "First!", "Hello **world**")
    assert created["userErrors"] == []
    assert created["post"]["bodyHtml"] == "<p>Hello <strong>world</strong></p>\n"
    assert created["post"]["author"] == {"handle": "ava"}
    post_id = created["post"]["id"]

    comment = (await gql(CREATE_COMMENT, {"i": {"postId": post_id, "body": "Welcome"}}, token=s.bob_token))
    assert comment["createComment"]["userErrors"] == []
    first = comment["createComment"]["comment"]
    reply = (await gql(CREATE_COMMENT, {"i": {"postId": post_id, "body": "Thanks", "parentId": first["id"]}},
                       token=s.ava_token))["createComment"]["comment"]
    assert (reply["parentId"], reply["depth"]) == (first["id"], 1)

    react = {"targetType": "POST", "targetId": post_id, "emoji": "heart"}
    assert (await gql(REACT, {"i": react}, token=s.bob_token))["addReaction"]["changed"] is True
    again = (await gql(REACT, {"i": react}, token=s.bob_token))["addReaction"]
    assert again["changed"] is False and again["reactions"] == [{"emoji": "heart", "count": 1, "reactedByMe": True}]
    await gql(REACT, {"i": {**react, "emoji": "tada"}}, token=s.bob_token)
    await gql(REACT, {"i": react}, token=s.ava_token)
    unknown = (await gql(REACT, {"i": {**react, "emoji": "poop"}}, token=s.ava_token))["addReaction"]
    assert unknown["userErrors"][0]["code"] == "UNKNOWN_REACTION"
    assert await Reaction.all().count() == 3

    feed = (await gql(FEED, {"id": general}, token=s.ava_token))["mySpace"]["posts"]["edges"]
    [node] = [e["node"] for e in feed]
    assert node["commentCount"] == 2 and node["author"]["displayName"] == "Ava"
    assert node["reactions"] == [{"emoji": "heart", "count": 2, "reactedByMe": True},
                                 {"emoji": "tada", "count": 1, "reactedByMe": False}]
    thread = (await gql(THREAD, {"id": post_id}, token=s.bob_token))["communityPost"]
    assert [(c["body"], c["depth"], c["author"]["handle"]) for c in
            (e["node"] for e in thread["comments"]["edges"])] == [("Welcome", 0, "bob"), ("Thanks", 1, "ava")]

    removed = (await gql(UNREACT, {"i": react}, token=s.bob_token))["removeReaction"]
    assert removed["changed"] is True
    assert sorted(removed["reactions"], key=lambda r: r["emoji"]) == [{"emoji": "heart", "count": 1},
                                                                      {"emoji": "tada", "count": 1}]

    # Edit history: the author edits, the old text is kept; others cannot edit.
    edited = (await gql(UPDATE_POST, {"i": {"id": post_id, "title": "First, edited"}}, token=s.ava_token))
    assert edited["updatePost"]["post"]["revisions"] == [{"title": "First!", "body": "Hello **world**"}]
    assert edited["updatePost"]["post"]["editedAt"] is not None
    not_author = (await gql(UPDATE_POST, {"i": {"id": post_id, "title": "Mine"}}, token=s.bob_token))
    assert not_author["updatePost"]["userErrors"] == [{"field": "id", "code": "NOT_AUTHOR"}]

    # Soft delete: gone from the feed and from reading, the row kept.
    deleted = (await gql(DELETE_POST, {"i": {"id": post_id}}, token=s.ava_token))["deletePost"]
    assert deleted["post"]["status"] == "DELETED"
    assert (await gql(FEED, {"id": general}, token=s.bob_token))["mySpace"]["posts"]["edges"] == []
    assert (await gql(THREAD, {"id": post_id}, token=s.bob_token))["communityPost"] is None
    assert await Post.filter(id=pk(post_id)).exists()


async def test_announcements_are_read_only_for_members_but_not_moderators(gql, team):
    s = await community(gql, team)
    news = member_space_id(s.news["id"])
    refused = await post(gql, s.ava_token, news, "Can I?")
    assert refused == {"post": None, "userErrors": [
        {"field": "spaceId", "code": "READ_ONLY", "message": "only moderators post in this space"}]}
    assert (await post(gql, s.mo_token, news, "Schedule"))["userErrors"] == []
    assert await Post.all().count() == 1


async def test_bad_input_is_a_user_error_and_writes_nothing(gql, team):
    s = await community(gql, team)
    general = member_space_id(s.general["id"])
    for extra, field, code in (
        ({"title": "  "}, "title", "REQUIRED"),
        ({"title": "x" * 301}, "title", "TOO_LONG"),
        ({"body": "x" * 20_001}, "body", "TOO_LONG"),
        ({"spaceId": "nonsense"}, "spaceId", "INVALID_ID"),
        ({"spaceId": gid("MemberSpace", 999999)}, "spaceId", "NOT_FOUND"),
        ({"mediaIds": [gid("MemberMedia", 999999)]}, "mediaIds", "NOT_FOUND"),
    ):
        payload = {"spaceId": general, "title": "Ok", "body": "", **extra}
        data = await gql(CREATE_POST, {"i": payload}, token=s.ava_token)
        assert data["createPost"]["post"] is None
        assert [(e["field"], e["code"]) for e in data["createPost"]["userErrors"]] == [(field, code)], extra
    comment = await gql(CREATE_COMMENT, {"i": {"postId": gid("CommunityPost", 1), "body": "x"}}, token=s.ava_token)
    assert comment["createComment"]["userErrors"][0]["code"] == "NOT_FOUND"
    bad = await gql(CREATE_SPACE, {"i": {"hubId": gid("Hub", s.hub.id), "name": "Gen", "slug": "general"}},
                    token=team.key)
    assert bad["createCommunitySpace"]["userErrors"][0]["code"] == "TAKEN"
    settings = await gql(SETTINGS, {"i": {"hubId": gid("Hub", s.hub.id), "reactions": ["Bad Name!"]}},
                         token=team.key)
    assert settings["updateCommunitySettings"]["userErrors"][0]["code"] == "INVALID_REACTIONS"
    limit = await gql(SETTINGS, {"i": {"hubId": gid("Hub", s.hub.id), "postRateLimit": "often"}}, token=team.key)
    assert limit["updateCommunitySettings"]["userErrors"][0]["code"] == "INVALID_LIMIT"
    assert await Post.all().count() == 0


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](javascript:alert(1))",
    "![x](x\" onerror=\"alert(1))",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<svg onload=alert(1)>",
    "<iframe src=https://evil.example></iframe>",
    "<details open ontoggle=alert(1)>",
    "[x](vbscript:msgbox(1))",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "`<script>` and ```\n<script>alert(1)</script>\n```",
    "<<script>script>alert(1)<</script>/script>",
    "[x](&#106;avascript:alert(1))",
    "[x](java\tscript:alert(1))",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<form action=javascript:alert(1)><input type=submit>",
]


def assert_inert(html: str) -> None:
    lowered = html.lower()
    assert "<script" not in lowered and "<iframe" not in lowered and "<svg" not in lowered, html
    assert "<style" not in lowered and "<form" not in lowered and "<details" not in lowered, html
    assert not re.search(r"<[^>]+\son\w+\s*=", lowered), html
    for tag in re.findall(r"<[a-z][^>]*>", lowered):  # real tags only: escaped text is inert
        for attribute in re.findall(r"(?:href|src)=\"([^\"]*)\"", tag):
            assert attribute.startswith(("http://", "https://", "mailto:")), html


async def test_markdown_cannot_inject_script(gql, team):
    s = await community(gql, team)
    general = member_space_id(s.general["id"])
    await gql(SETTINGS, {"i": {"hubId": gid("Hub", s.hub.id), "postRateLimit": "100/minute"}}, token=team.key)
    first = (await post(gql, s.ava_token, general, "XSS", "safe"))["post"]["id"]
    for payload in XSS_PAYLOADS:
        created = await post(gql, s.ava_token, general, "XSS", payload)
        assert created["userErrors"] == []
        assert_inert(created["post"]["bodyHtml"])
        comment = (await gql(CREATE_COMMENT, {"i": {"postId": first, "body": payload}}, token=s.ava_token))
        assert comment["createComment"]["userErrors"] == []
    thread = (await gql("query($id: ID!) { communityPost(id: $id) { comments(first: 50) { nodes { bodyHtml } } } }",
                        {"id": first}, token=s.bob_token))["communityPost"]["comments"]["nodes"]
    assert len(thread) == len(XSS_PAYLOADS)
    for c in thread:
        assert_inert(c["bodyHtml"])
    ok = (await post(gql, s.ava_token, general, "Links", "[site](https://example.com) <b>x</b>"))["post"]
    assert ok["bodyHtml"] == ('<p><a href="https://example.com" rel="nofollow noopener noreferrer ugc">site</a> '
                              "&lt;b&gt;x&lt;/b&gt;</p>\n")


async def test_a_segment_gated_space_opens_and_closes_with_the_segment(gql, team):
    s = await community(gql, team)
    insiders = await factories.segment(team, "Insiders", kind="static")
    vip = await space(gql, team.key, s.hub, "VIP")
    rule = await gql(SET_RULE, {"i": {"targetType": "SPACE", "targetId": vip["id"], "audience": "SEGMENTS_ANY",
                                      "segmentIds": [gid("Segment", insiders.id)]}}, token=team.key)
    assert rule["setAccessRule"]["userErrors"] == []
    vip_id = member_space_id(vip["id"])

    locked = (await gql(FEED, {"id": vip_id}, token=s.ava_token))["mySpace"]
    assert (locked["canAccess"], locked["lockedReason"], locked["posts"]["edges"]) == (False, "NOT_IN_SEGMENT", [])
    refused = await post(gql, s.ava_token, vip_id, "Let me in")
    assert refused["userErrors"][0]["code"] == "LOCKED"

    # Mo is in: posts there. Ava cannot read that post, nor comment on it.
    await SegmentMembership.create(team=team.team, segment=insiders, team_contact=s.mo)
    inside = (await post(gql, s.mo_token, vip_id, "Insider news"))["post"]["id"]
    assert (await gql(THREAD, {"id": inside}, token=s.ava_token))["communityPost"] is None
    sneaky = await gql(CREATE_COMMENT, {"i": {"postId": inside, "body": "hi"}}, token=s.ava_token)
    assert sneaky["createComment"]["userErrors"][0]["code"] == "NOT_FOUND"
    sneaky = await gql(REACT, {"i": {"targetType": "POST", "targetId": inside, "emoji": "heart"}}, token=s.ava_token)
    assert sneaky["addReaction"]["userErrors"][0]["code"] == "NOT_FOUND"

    # Ava joins the segment: the space opens; she leaves it: closed again at once.
    membership = await SegmentMembership.create(team=team.team, segment=insiders, team_contact=s.ava)
    opened = (await gql(FEED, {"id": vip_id}, token=s.ava_token))["mySpace"]
    assert opened["canAccess"] is True and len(opened["posts"]["edges"]) == 1
    await membership.delete()
    closed = (await gql(FEED, {"id": vip_id}, token=s.ava_token))["mySpace"]
    assert closed["canAccess"] is False and closed["posts"]["edges"] == []
    assert (await gql(THREAD, {"id": inside}, token=s.ava_token))["communityPost"] is None


async def test_other_hubs_and_teams_ids_behave_as_unknown(gql, team, other_team):
    s = await community(gql, team)
    other_hub = await factories.hub(team, "Pilates", "pilates")
    elsewhere = await space(gql, team.key, other_hub, "Elsewhere")
    general = member_space_id(s.general["id"])
    created = (await post(gql, s.ava_token, general, "Mine"))["post"]["id"]

    # Same team, another hub: the member's token does not reach it.
    foreign_space = member_space_id(elsewhere["id"])
    assert (await gql(FEED, {"id": foreign_space}, token=s.ava_token))["mySpace"] is None
    assert (await post(gql, s.ava_token, foreign_space, "x"))["userErrors"][0]["code"] == "NOT_FOUND"

    # Another team's staff: the space and the hub are unknown.
    for mutation, variables in (
        ("mutation($i: UpdateCommunitySpaceInput!) { updateCommunitySpace(input: $i) { userErrors { field code } } }",
         {"i": {"id": s.general["id"], "name": "Mine now"}}),
        ("mutation($i: DeleteCommunitySpaceInput!) { deleteCommunitySpace(input: $i) { userErrors { field code } } }",
         {"i": {"id": s.general["id"]}}),
        (CREATE_SPACE, {"i": {"hubId": gid("Hub", s.hub.id), "name": "Intruder"}}),
        (SETTINGS, {"i": {"hubId": gid("Hub", s.hub.id), "reactions": ["x"]}}),
        (SET_RULE, {"i": {"targetType": "SPACE", "targetId": s.general["id"]}}),
    ):
        data = await gql(mutation, variables, token=other_team.key)
        [errors] = [v["userErrors"] for v in data.values()]
        assert [e["code"] for e in errors] == ["NOT_FOUND"], (mutation, errors)
    listed = await gql("query($h: ID!) { communitySpaces(hubId: $h) { id } communitySettings(hubId: $h) { hubId } }",
                       {"h": gid("Hub", s.hub.id)}, token=other_team.key)
    assert listed == {"communitySpaces": [], "communitySettings": None}
    nodes = await gql("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": [s.general["id"]]},
                      token=other_team.key)
    assert nodes["nodes"] == [None]
    # A member of the other team's hub cannot read this team's post either.
    ohub = await factories.hub(other_team, "Other", "other")
    oscar = await factories.contact(other_team, "oscar@example.com")
    await factories.hub_member(other_team, ohub, oscar)
    oscar_token = await sign_in(gql, ohub, oscar)
    assert (await gql(THREAD, {"id": created}, token=oscar_token))["communityPost"] is None
    staff_only = await gql.raw(COMMUNITY, token=team.key)
    assert staff_only["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_posting_rate_limit_holds_per_member(gql, team):
    s = await community(gql, team)
    general = member_space_id(s.general["id"])
    await gql(SETTINGS, {"i": {"hubId": gid("Hub", s.hub.id), "postRateLimit": "2/minute"}}, token=team.key)
    for n in range(2):
        assert (await post(gql, s.ava_token, general, f"Post {n}"))["userErrors"] == []
    refused = await gql.raw(CREATE_POST, {"i": {"spaceId": general, "title": "Third"}}, token=s.ava_token)
    assert refused["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert refused["errors"][0]["extensions"]["retryAfter"] >= 1
    # Another member has their own allowance; moderators are not limited.
    assert (await post(gql, s.bob_token, general, "Bob's"))["userErrors"] == []
    for n in range(3):
        assert (await post(gql, s.mo_token, general, f"Mod {n}"))["userErrors"] == []
    assert await Post.filter(author_id=s.ava.id).count() == 2


SEGMENT = """mutation($name: String!, $rule: String!) { createSegment(input: {name: $name, kind: DYNAMIC, ruleText: $rule}) {
  segment { id } userErrors { field code message } } }"""
SEGMENT_MEMBERS = """query($id: ID!) { segment(id: $id) { memberCount members(first: 50) { nodes { contact { email } } } } }"""


async def segment_emails(gql, key, segment_id):
    data = (await gql(SEGMENT_MEMBERS, {"id": segment_id}, token=key))["segment"]
    return {n["contact"]["email"] for n in data["members"]["nodes"]}


async def test_community_activity_drives_live_segments(gql, team):
    s = await community(gql, team)
    general = member_space_id(s.general["id"])
    segments = {}
    for name, rule in (("Posted this week", "lastPostAt within 7 days"),
                       ("Never posted", "hubs contains 'yoga' AND communityPosts = 0"),
                       ("In general", "communitySpaces contains 'yoga/general'"),
                       ("Reactors", "count of events of type 'reaction_added' >= 1"),
                       ("Commenters", "communityComments >= 1")):
        created = await gql(SEGMENT, {"name": name, "rule": rule}, token=team.key)
        assert created["createSegment"]["userErrors"] == [], created
        segments[name] = created["createSegment"]["segment"]["id"]
    await evaluate_pending(None)
    everyone = {"ava@example.com", "bob@example.com", "mo@example.com"}
    assert await segment_emails(gql, team.key, segments["Never posted"]) == everyone
    assert await segment_emails(gql, team.key, segments["Posted this week"]) == set()

    post_id = (await post(gql, s.ava_token, general, "Hi all"))["post"]["id"]
    await gql(CREATE_COMMENT, {"i": {"postId": post_id, "body": "hey"}}, token=s.bob_token)
    await gql(REACT, {"i": {"targetType": "POST", "targetId": post_id, "emoji": "heart"}}, token=s.mo_token)
    assert await evaluate_pending(None) >= 1
    assert await segment_emails(gql, team.key, segments["Posted this week"]) == {"ava@example.com"}
    assert await segment_emails(gql, team.key, segments["Never posted"]) == everyone - {"ava@example.com"}
    assert await segment_emails(gql, team.key, segments["In general"]) == {"ava@example.com", "bob@example.com"}
    assert await segment_emails(gql, team.key, segments["Reactors"]) == {"mo@example.com"}
    assert await segment_emails(gql, team.key, segments["Commenters"]) == {"bob@example.com"}
    types = sorted(await Event.all().values_list("type", flat=True))
    assert types == ["comment_created", "post_created", "reaction_added"]


async def test_a_segment_gate_follows_activity(gql, team):
    """Segments gate spaces: posting in General puts a member in 'Posters', which opens the Posters' lounge."""
    s = await community(gql, team)
    posters = await gql(SEGMENT, {"name": "Posters", "rule": "communityPosts >= 1"}, token=team.key)
    posters_id = posters["createSegment"]["segment"]["id"]
    lounge = await space(gql, team.key, s.hub, "Lounge")
    await gql(SET_RULE, {"i": {"targetType": "SPACE", "targetId": lounge["id"], "audience": "SEGMENTS_ANY",
                               "segmentIds": [posters_id]}}, token=team.key)
    lounge_id = member_space_id(lounge["id"])
    assert (await gql(FEED, {"id": lounge_id}, token=s.ava_token))["mySpace"]["canAccess"] is False
    await post(gql, s.ava_token, member_space_id(s.general["id"]), "My first")
    await evaluate_pending(None)
    assert (await gql(FEED, {"id": lounge_id}, token=s.ava_token))["mySpace"]["canAccess"] is True


async def test_node_refetches_attachments_and_avatars_only_where_the_member_may_see_them(gql, team, other_team):
    from test_community_social import UPDATE_PROFILE

    from app.content import service as content

    s = await community(gql, team)

    async def image(owner, hub, name):
        return gid("MemberMedia", (await content.link_media(owner, hub.id, f"https://cdn.example.com/{name}",
                                                            name, "image/png", 10)).id)

    shared, secret, ava_face, mo_face, loose = [await image(team.team, s.hub, f"{n}.png") for n in (
        "shared", "secret", "ava", "mo", "loose")]
    foreign = await image(other_team.team, await factories.hub(other_team, "Other", "other"), "foreign.png")
    vips = await factories.segment(team, "VIPs", kind="static")
    vip = await space(gql, team.key, s.hub, "VIP")
    await gql(SET_RULE, {"i": {"targetType": "SPACE", "targetId": vip["id"], "audience": "SEGMENTS_ANY",
                               "segmentIds": [gid("Segment", vips.id)]}}, token=team.key)
    await SegmentMembership.create(team=team.team, segment=vips, team_contact=s.ava)
    attached = await post(gql, s.ava_token, member_space_id(s.general["id"]), "Look", mediaIds=[shared])
    assert attached["userErrors"] == []
    assert (await post(gql, s.ava_token, member_space_id(vip["id"]), "VIP", mediaIds=[secret]))["userErrors"] == []
    await gql(UPDATE_PROFILE, {"i": {"avatarMediaId": ava_face}}, token=s.ava_token)
    await gql(UPDATE_PROFILE, {"i": {"avatarMediaId": mo_face, "visibility": {"avatar": "NOBODY"}}}, token=s.mo_token)

    every = [shared, secret, ava_face, mo_face, loose, foreign]
    query = "query($ids: [ID!]!) { nodes(ids: $ids) { ... on MemberMedia { id filename url } } }"
    bob = (await gql(query, {"ids": every}, token=s.bob_token))["nodes"]
    assert [n and n["filename"] for n in bob] == ["shared.png", None, "ava.png", None, None, None]
    assert bob[0]["url"] == "https://cdn.example.com/shared.png"
    feed = (await gql("query($id: ID!) { mySpace(id: $id) { posts(first: 5) { nodes { attachments { id url } } } } }",
                      {"id": member_space_id(s.general["id"])}, token=s.bob_token))["mySpace"]["posts"]["nodes"]
    assert feed[0]["attachments"] == [{"id": bob[0]["id"], "url": bob[0]["url"]}]
    ava = (await gql(query, {"ids": every}, token=s.ava_token))["nodes"]
    assert [n and n["filename"] for n in ava] == ["shared.png", "secret.png", "ava.png", None, None, None]
    mo = (await gql(query, {"ids": every}, token=s.mo_token))["nodes"]
    assert [n and n["filename"] for n in mo] == ["shared.png", None, "ava.png", "mo.png", None, None]

    # The post leaves view (deleted by its author): so does its attachment.
    await gql(DELETE_POST, {"i": {"id": attached["post"]["id"]}}, token=s.ava_token)
    assert (await gql(query, {"ids": [shared]}, token=s.bob_token))["nodes"] == [None]
