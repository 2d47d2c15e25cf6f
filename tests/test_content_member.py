"""Members sign in to a hub and see exactly what the access rules allow, through every way out."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import factories
from ids import gid

from app.access import members
from app.access.service import RuleSpec, set_access_rule
from app.commerce.models import Entitlement
from app.contacts.models import Event
from app.content import service as content
from app.content.storage import get_storage
from app.hubs.models import HubMembership
from app.segments.models import SegmentMembership
from app.settings import get_settings
from app.teams.models import Team

TREE = """query { myHub { id name lessonCount accessibleLessonCount
  contentTree { id parentId depth title kind canAccess lockedReason availableAt body
                media { url } lessonCount accessibleLessonCount } } }"""


async def make_contact(team, email):
    return await factories.contact(team, email)


async def join(hub, contact, **kw):
    return await factories.hub_member(await Team.get(id=hub.team_id), hub, contact, **kw)


def node_spec(title, kind="lesson", parent=None, body="", section=None, media=None, status="published"):
    return content.NodeChanges(title=title, kind=kind, body=body, status=status,
                               parent_id=parent.id if parent else None,
                               section_id=section.id if section else None, media_id=media.id if media else None)


async def build_hub(team):
    """A hub with a segment-gated section, a paid course with a free preview, a drip, a draft."""
    t = team.team
    hub = await factories.hub(t, "Yoga", "yoga")
    s = SimpleNamespace(hub=hub)
    s.ava = await make_contact(t, "ava@example.com")
    s.bob = await make_contact(t, "bob@example.com")
    s.carl = await make_contact(t, "carl@example.com")
    await join(hub, s.ava)
    await join(hub, s.bob, banned=True)
    s.segment = await factories.segment(t, "Engaged", kind="static")
    s.product = await factories.product(t, "Masterclass")
    s.section = await content.create_section(t, hub.id, "Members only", None)
    await set_access_rule(t, "hub_section", s.section.id, RuleSpec(audience="segments_any", segment_ids=[s.segment.id]))
    s.a = await content.create_node(t, hub.id, node_spec("Course A", "course", section=s.section))
    s.a1 = await content.create_node(t, hub.id, node_spec("Module A1", "module", s.a))
    s.a1a = await content.create_node(t, hub.id, node_spec("Lesson A1a", parent=s.a1, body="alpha secret"))
    s.free = await content.create_node(t, hub.id, node_spec("Course F", "course"))
    s.f1 = await content.create_node(t, hub.id, node_spec("Lesson F1", parent=s.free, body="free secret"))
    s.f2 = await content.create_node(t, hub.id, node_spec("Lesson F2", parent=s.free, body="dripped secret"))
    await set_access_rule(t, "node", s.f2.id, RuleSpec(drip_days=30, drip_anchor="hub_join"))
    s.media = await content.upload_media(t, get_storage(get_settings()), hub.id, "b1.mp4", "video/mp4", b"VIDEO")
    s.paid = await content.create_node(t, hub.id, node_spec("Course P", "course"))
    await set_access_rule(t, "node", s.paid.id, RuleSpec(audience="products", product_ids=[s.product.id]))
    s.p1 = await content.create_node(t, hub.id, node_spec("Lesson P1", parent=s.paid, body="paid secret", media=s.media))
    s.p2 = await content.create_node(t, hub.id, node_spec("Lesson P2 preview", parent=s.paid, body="preview secret"))
    await set_access_rule(t, "node", s.p2.id, RuleSpec(mode="replace"))
    s.draft = await content.create_node(t, hub.id, node_spec("Course D", "course", status="draft"))
    s.d1 = await content.create_node(t, hub.id, node_spec("Lesson D1", parent=s.draft, body="draft secret"))
    s.page = await content.create_page(t, hub.id, "homepage", "welcome", "Welcome", "published")
    await content.set_page_sections(t, s.page.id, [
        content.SectionSpec(title="Hello", body="intro text"),
        content.SectionSpec(title="Featured", body="paid teaser", node_id=s.p1.id, media_id=s.media.id),
    ])
    s.vip = await content.create_page(t, hub.id, "custom", "vip", "VIP", "published")
    await set_access_rule(t, "page", s.vip.id, RuleSpec(audience="contacts", contact_ids=[s.carl.id]))
    await content.set_page_sections(t, s.vip.id, [content.SectionSpec(title="VIP", body="vip secret")])
    return s


async def sign_in(gql, hub, contact) -> str:
    issued = await members.admin_issue_code(hub.team_id, hub.id, contact.id)
    data = await gql("mutation($i: SignInMemberInput!) { signInMember(input: $i) { token userErrors { code } } }",
                     {"i": {"hubId": gid("Hub", hub.id), "email": contact.email, "code": issued.code}})
    assert data["signInMember"]["userErrors"] == []
    return data["signInMember"]["token"]


def by_title(tree):
    return {n["title"]: n for n in tree}


async def test_member_tree_shows_titles_and_reasons_but_only_allowed_bodies(gql, team):
    s = await build_hub(team)
    token = await sign_in(gql, s.hub, s.ava)
    hub = (await gql(TREE, token=token))["myHub"]
    nodes = by_title(hub["contentTree"])
    assert list(nodes) == ["Course A", "Module A1", "Lesson A1a", "Course F", "Lesson F1", "Lesson F2",
                           "Course P", "Lesson P1", "Lesson P2 preview"]
    assert nodes["Lesson A1a"] == {**nodes["Lesson A1a"], "canAccess": False, "lockedReason": "NOT_IN_SEGMENT",
                                   "body": None, "depth": 2}
    assert nodes["Lesson F1"]["canAccess"] and nodes["Lesson F1"]["body"] == "free secret"
    f2 = nodes["Lesson F2"]
    assert (f2["canAccess"], f2["lockedReason"], f2["body"]) == (False, "NOT_YET_AVAILABLE", None)
    assert datetime.fromisoformat(f2["availableAt"]) > datetime.now(UTC) + timedelta(days=29)
    assert nodes["Lesson P1"]["lockedReason"] == "NO_ENTITLEMENT" and nodes["Lesson P1"]["media"] is None
    assert nodes["Lesson P2 preview"]["canAccess"] and nodes["Lesson P2 preview"]["body"] == "preview secret"
    assert (hub["lessonCount"], hub["accessibleLessonCount"]) == (5, 2)
    assert (nodes["Course P"]["lessonCount"], nodes["Course P"]["accessibleLessonCount"]) == (2, 1)


async def test_every_way_out_respects_the_decision(gql, team, http):
    s = await build_hub(team)
    token = await sign_in(gql, s.hub, s.ava)
    q = "query($id: ID!) { myNode(id: $id) { title canAccess lockedReason body media { url } } }"
    # node by id: locked shows title and reason only; drafts (and their children) do not exist
    locked = (await gql(q, {"id": gid("MemberContentNode", s.p1.id)}, token=token))["myNode"]
    assert locked == {"title": "Lesson P1", "canAccess": False, "lockedReason": "NO_ENTITLEMENT", "body": None,
                      "media": None}
    assert (await gql(q, {"id": gid("MemberContentNode", s.d1.id)}, token=token))["myNode"] is None
    # search: only what may be opened, and the count agrees
    found = (await gql('{ mySearch(query: "SECRET") { totalCount nodes { title } } }', token=token))["mySearch"]
    assert found == {"totalCount": 2, "nodes": [{"title": "Lesson F1"}, {"title": "Lesson P2 preview"}]}
    # page sections: a section showing a locked node shows no body, no media
    page = (await gql('{ myPage(slug: "welcome") { canAccess sections { title canAccess lockedReason body '
                      'media { url } node { title canAccess } } } }', token=token))["myPage"]
    assert page["sections"][0] == {"title": "Hello", "canAccess": True, "lockedReason": None, "body": "intro text",
                                   "media": None, "node": None}
    assert page["sections"][1] == {"title": "Featured", "canAccess": False, "lockedReason": "NO_ENTITLEMENT",
                                   "body": None, "media": None, "node": {"title": "Lesson P1", "canAccess": False}}
    vip = (await gql('{ myPage(slug: "vip") { canAccess lockedReason sections { body canAccess } } }',
                     token=token))["myPage"]
    assert vip == {"canAccess": False, "lockedReason": "NOT_LISTED", "sections": [{"body": None, "canAccess": False}]}
    # progress cannot be written on a locked lesson
    locked_done = await gql("mutation($i: LessonInput!) { completeLesson(input: $i) { userErrors { code } } }",
                            {"i": {"nodeId": gid("MemberContentNode", s.p1.id)}}, token=token)
    assert locked_done["completeLesson"]["userErrors"] == [{"code": "LOCKED"}]
    # children walk: same decisions as the flat tree
    roots = (await gql("{ myHub { roots { title children { title canAccess body } } } }", token=token))["myHub"]
    paid = next(r for r in roots["roots"] if r["title"] == "Course P")
    assert paid["children"][0] == {"title": "Lesson P1", "canAccess": False, "body": None}


async def test_entitlement_opens_the_paid_course_and_its_media_url_serves_the_file(gql, team, http):
    s = await build_hub(team)
    token = await sign_in(gql, s.hub, s.ava)
    await Entitlement.create(team=team.team, team_contact=s.ava, product=s.product, status="active",
                             starts_at=datetime.now(UTC) - timedelta(days=1))
    node = (await gql("query($id: ID!) { myNode(id: $id) { canAccess body media { url contentType } } }",
                      {"id": gid("MemberContentNode", s.p1.id)}, token=token))["myNode"]
    assert node["canAccess"] and node["body"] == "paid secret"
    url = node["media"]["url"]
    path = url.split("127.0.0.1:8000", 1)[-1] if "127.0.0.1:8000" in url else url
    response = await http.get(path)
    assert response.status_code == 200 and response.content == b"VIDEO"
    tampered = await http.get(path.replace("signature=", "signature=x"))
    assert tampered.status_code == 404
    page = (await gql('{ myPage(slug: "welcome") { sections { canAccess body media { url } } } }',
                      token=token))["myPage"]
    assert page["sections"][1]["canAccess"] and page["sections"][1]["media"]["url"]


async def test_segment_membership_opens_the_gated_section(gql, team):
    s = await build_hub(team)
    token = await sign_in(gql, s.hub, s.ava)
    await SegmentMembership.create(team=team.team, segment=s.segment, team_contact=s.ava)
    nodes = by_title((await gql(TREE, token=token))["myHub"]["contentTree"])
    assert nodes["Lesson A1a"]["canAccess"] and nodes["Lesson A1a"]["body"] == "alpha secret"


async def test_banned_members_cannot_sign_in_and_existing_tokens_see_nothing(gql, team):
    s = await build_hub(team)
    token = await sign_in(gql, s.hub, s.ava)
    await HubMembership.filter(team_contact_id=s.ava.id).update(banned=True)
    nodes = (await gql(TREE, token=token))["myHub"]["contentTree"]
    assert {n["lockedReason"] for n in nodes} == {"BANNED"} and all(n["body"] is None for n in nodes)
    found = (await gql('{ mySearch(query: "secret") { totalCount } }', token=token))["mySearch"]
    assert found["totalCount"] == 0
    refused = await gql("mutation($i: SignInMemberInput!) { signInMember(input: $i) { token userErrors { code } } }",
                        {"i": {"hubId": gid("Hub", s.hub.id), "email": "bob@example.com", "code": "12345678"}})
    assert refused["signInMember"] == {"token": None, "userErrors": [{"code": "INVALID_CODE"}]}


async def test_completing_a_lesson_records_progress_and_one_event(gql, team):
    s = await build_hub(team)
    token = await sign_in(gql, s.hub, s.ava)
    done = "mutation($i: LessonInput!) { completeLesson(input: $i) { status { completed } userErrors { code } } }"
    for _ in range(2):
        result = await gql(done, {"i": {"nodeId": gid("MemberContentNode", s.f1.id)}}, token=token)
        assert result["completeLesson"] == {"status": {"completed": True}, "userErrors": []}
    events = await Event.filter(team_contact_id=s.ava.id, type="lesson_completed")
    assert len(events) == 1 and events[0].properties == {"hub_id": s.hub.id, "node_id": s.f1.id,
                                                         "course_id": s.free.id}
    started = await gql("mutation($i: LessonInput!) { startLesson(input: $i) { status { startedAt completed } } }",
                        {"i": {"nodeId": gid("MemberContentNode", s.p2.id)}}, token=token)
    assert started["startLesson"]["status"]["completed"] is False
    progress = (await gql("{ myProgress { course { title } totalLessons completedLessons percent } }",
                          token=token))["myProgress"]
    assert {p["course"]["title"]: p["percent"] for p in progress} == {"Course A": 0.0, "Course F": 50.0,
                                                                        "Course P": 0.0}
    not_lesson = await gql(done, {"i": {"nodeId": gid("MemberContentNode", s.free.id)}}, token=token)
    assert not_lesson["completeLesson"]["userErrors"] == [{"code": "NOT_A_LESSON"}]
    unknown = await gql(done, {"i": {"nodeId": gid("MemberContentNode", s.d1.id)}}, token=token)
    assert unknown["completeLesson"]["userErrors"] == [{"code": "NOT_FOUND"}]


async def test_member_searches_are_recorded_as_events(gql, team):
    s = await build_hub(team)
    token = await sign_in(gql, s.hub, s.ava)
    await gql('{ mySearch(query: "Lesson") { totalCount } }', token=token)
    event = await Event.get(team_contact_id=s.ava.id, type="search")
    assert event.properties == {"hub_id": s.hub.id, "query": "lesson", "result_count": 2}


async def test_sign_in_codes_are_single_use_hashed_and_limited(gql, team):
    s = await build_hub(team)
    sent = []

    async def capture(code):
        sent.append(code)

    members.code_senders.append(capture)
    try:
        request = "mutation($i: RequestMemberSignInCodeInput!) { requestMemberSignInCode(input: $i) { sent } }"
        for email in ("ava@example.com", "carl@example.com", "nobody@example.com"):
            data = await gql(request, {"i": {"hubId": gid("Hub", s.hub.id), "email": email}})
            assert data["requestMemberSignInCode"]["sent"] is True
    finally:
        members.code_senders.remove(capture)
    assert [c.email for c in sent] == ["ava@example.com"]  # carl is not a hub member
    from app.access.models import MemberSignInCode

    stored = await MemberSignInCode.get(team_contact_id=s.ava.id)
    assert sent[0].code not in stored.code_hash and sent[0].code in sent[0].magic_link
    sign = "mutation($i: SignInMemberInput!) { signInMember(input: $i) { token userErrors { code } } }"
    bad = await gql(sign, {"i": {"hubId": gid("Hub", s.hub.id), "email": "ava@example.com", "code": "00000000x"}})
    assert bad["signInMember"]["userErrors"] == [{"code": "INVALID_CODE"}]
    ok = await gql(sign, {"i": {"hubId": gid("Hub", s.hub.id), "email": "AVA@example.com", "code": sent[0].code}})
    token = ok["signInMember"]["token"]
    assert token.startswith("mhm_")
    again = await gql(sign, {"i": {"hubId": gid("Hub", s.hub.id), "email": "ava@example.com", "code": sent[0].code}})
    assert again["signInMember"]["userErrors"] == [{"code": "INVALID_CODE"}]
    # a member token opens member fields only; staff keys do not open member fields
    admin_field = await gql.raw("{ hubs { totalCount } }", token=token)
    assert admin_field["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    staff = await gql.raw("{ myHub { id } }", token=team.key)
    assert staff["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    anonymous = await gql.raw("{ myHub { id } }")
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert (await gql("mutation { signOutMember }", token=token))["signOutMember"] is True
    revoked = await gql.raw("{ myHub { id } }", token=token)
    assert revoked["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_too_many_wrong_codes_burn_the_code(gql, team):
    s = await build_hub(team)
    issued = await members.admin_issue_code(s.hub.team_id, s.hub.id, s.ava.id)
    sign = "mutation($i: SignInMemberInput!) { signInMember(input: $i) { token userErrors { code } } }"
    for _ in range(members.MAX_ATTEMPTS):
        await gql(sign, {"i": {"hubId": gid("Hub", s.hub.id), "email": "ava@example.com", "code": "99999999"}})
    late = await gql(sign, {"i": {"hubId": gid("Hub", s.hub.id), "email": "ava@example.com", "code": issued.code}})
    assert late["signInMember"]["userErrors"] == [{"code": "INVALID_CODE"}]


async def test_preview_as_member_matches_what_the_member_sees(gql, team, other_team):
    s = await build_hub(team)
    token = await sign_in(gql, s.hub, s.ava)
    fields = "contentTree { title canAccess lockedReason body }"
    as_member = (await gql(f"{{ myHub {{ {fields} }} }}", token=token))["myHub"]
    preview = await gql(f"query($h: ID!, $c: ID!) {{ previewAsMember(hubId: $h, contactId: $c) {{ {fields} }} }}",
                        {"h": gid("Hub", s.hub.id), "c": gid("Contact", s.ava.id)}, token=team.key)
    assert preview["previewAsMember"] == as_member
    outsider = await gql(f"query($h: ID!, $c: ID!) {{ previewAsMember(hubId: $h, contactId: $c) {{ {fields} }} }}",
                         {"h": gid("Hub", s.hub.id), "c": gid("Contact", s.carl.id)}, token=team.key)
    assert {n["lockedReason"] for n in outsider["previewAsMember"]["contentTree"]} == {"NOT_A_MEMBER"}
    other = await gql("query($h: ID!, $c: ID!) { previewAsMember(hubId: $h, contactId: $c) { id } }",
                      {"h": gid("Hub", s.hub.id), "c": gid("Contact", s.ava.id)}, token=other_team.key)
    assert other["previewAsMember"] is None


def test_uploads_are_base64_in_admin_api():
    assert base64.b64encode(b"VIDEO").decode() == "VklERU8="


async def test_member_views_refetch_by_id_with_the_same_decisions(gql, team):
    s = await build_hub(team)
    token = await sign_in(gql, s.hub, s.ava)
    page = (await gql('{ myPage(slug: "welcome") { id sections { id title } } }', token=token))["myPage"]
    ids = [gid("MemberContentNode", s.f1.id), gid("MemberContentNode", s.p1.id), gid("MemberContentNode", s.d1.id),
           gid("MemberHubSection", s.section.id), page["id"], page["sections"][1]["id"],
           gid("MemberPage", s.vip.id), gid("MemberMedia", s.media.id)]
    data = await gql("""query($ids: [ID!]!) { nodes(ids: $ids) { __typename
      ... on MemberContentNode { title canAccess body } ... on MemberHubSection { title canAccess lockedReason }
      ... on MemberPage { slug canAccess } ... on MemberPageSection { title canAccess body }
      ... on MemberMedia { url } } }""", {"ids": ids}, token=token)
    assert data["nodes"] == [
        {"__typename": "MemberContentNode", "title": "Lesson F1", "canAccess": True, "body": "free secret"},
        {"__typename": "MemberContentNode", "title": "Lesson P1", "canAccess": False, "body": None},
        None,  # a draft is not in the member's tree
        {"__typename": "MemberHubSection", "title": "Members only", "canAccess": False,
         "lockedReason": "NOT_IN_SEGMENT"},
        {"__typename": "MemberPage", "slug": "welcome", "canAccess": True},
        {"__typename": "MemberPageSection", "title": "Featured", "canAccess": False, "body": None},
        {"__typename": "MemberPage", "slug": "vip", "canAccess": False},
        None,  # the media only hangs off locked content: not given out
    ]
    # Another member's hub is not this member's: unknown ids and the other hub's rows resolve to null.
    other = await factories.hub(team.team, "Other", "other")
    other_page = await content.create_page(team.team, other.id, "custom", "x", "X", "published")
    assert (await gql("query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }",
                      {"ids": [gid("MemberHubView", other.id), gid("MemberPage", other_page.id)]},
                      token=token))["nodes"] == [None, None]
