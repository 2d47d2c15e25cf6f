"""The member tree in its shapes: typed `contentTree` (whole, by course, by levels), `roots`/`children`,
and `contentTreeJson` all answer from the same decisions; the one-pass plan gives what field-by-field
execution gives."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import factories
import pytest
import strawberry
from ids import gid
from strawberry.extensions import SchemaExtension
from strawberry.permission import BasePermission

from app.access import members
from app.access.service import RuleSpec, set_access_rule
from app.access.tree_graphql import MEDIA_FIELDS, NODE_FIELDS, STATUS_FIELDS
from app.commerce.models import Entitlement
from app.content import service as content
from app.content.storage import get_storage
from app.graphql.planned import PlannedExecutionContext, PlannedList, use_plans
from app.graphql.schema import build_schema, schema
from app.segments.models import SegmentMembership
from app.settings import get_settings

JSON_FIELDS = """id parentId sectionId kind title position depth canAccess lockedReason availableAt body lessonCount
  accessibleLessonCount media { id kind filename contentType sizeBytes url }"""
BOTH = f"{{ myHub {{ contentTreeJson contentTree {{ {JSON_FIELDS} }} }} }}"
PREVIEW_BOTH = f"""query($hub: ID!, $contact: ID!) {{ previewAsMember(hubId: $hub, contactId: $contact) {{
  contentTreeJson contentTree {{ {JSON_FIELDS} }} }} }}"""

# Aliases, fragments (named, inline, on the Node interface), @include/@skip, nesting and per-member progress.
EVERYTHING = """query($with: Boolean!, $root: ID) {
  myHub {
    tree: contentTree(rootId: $root) { ...node kids: children { __typename ...node children { id title } } }
    roots { ... on Node { id } title canAccess @include(if: $with) body @skip(if: $with) }
    mySearch: contentTree(depth: 1) { id depth lessonCount accessibleLessonCount }
  }
  mySearch(query: "secret") { totalCount nodes { id title body media { url } } }
}
fragment node on MemberContentNode {
  __typename id parentId sectionId kind title position depth canAccess lockedReason availableAt body
  lessonCount accessibleLessonCount
  media { __typename id kind filename contentType sizeBytes url u2: url }
  progress { __typename startedAt completedAt completed }
  again: title
}"""


def spec(title, kind="lesson", parent=None, body="", section=None, media=None, status="published"):
    return content.NodeChanges(title=title, kind=kind, body=body, status=status,
                               parent_id=parent.id if parent else None,
                               section_id=section.id if section else None, media_id=media.id if media else None)


async def build(team):
    """A segment-gated section, a product-gated course with a replace-open preview, a drip, a draft; five
    contacts whose access differs: plain member, segment member, buyer, old member (drip open), banned."""
    t = team.team
    s = SimpleNamespace(team=t, hub=await factories.hub(t, "Yoga", "yoga"))
    hub = s.hub.id
    s.segment = await factories.segment(t, "Engaged", kind="static")
    s.product = await factories.product(t, "Masterclass")
    s.section = await content.create_section(t, hub, "Members only", None)
    await set_access_rule(t, "hub_section", s.section.id, RuleSpec(audience="segments_any", segment_ids=[s.segment.id]))
    s.media = await content.upload_media(t, get_storage(get_settings()), hub, "b1.mp4", "video/mp4", b"VIDEO")
    s.link = await content.link_media(t, hub, "https://cdn.example.com/v.mp4", "v.mp4", "video/mp4", 10)
    s.a = await content.create_node(t, hub, spec("Course A", "course", section=s.section))
    s.a1 = await content.create_node(t, hub, spec("Module A1", "module", s.a))
    s.a1a = await content.create_node(t, hub, spec("Lesson A1a", parent=s.a1, body="alpha secret", media=s.link))
    s.a1b = await content.create_node(t, hub, spec("Lesson A1b", parent=s.a1, body="beta secret"))
    s.free = await content.create_node(t, hub, spec("Course F", "course"))
    s.f1 = await content.create_node(t, hub, spec("Lesson F1", parent=s.free, body="free secret", media=s.link))
    s.f2 = await content.create_node(t, hub, spec("Lesson F2", parent=s.free, body="dripped secret"))
    await set_access_rule(t, "node", s.f2.id, RuleSpec(drip_days=30, drip_anchor="hub_join"))
    s.paid = await content.create_node(t, hub, spec("Course P", "course"))
    await set_access_rule(t, "node", s.paid.id, RuleSpec(audience="products", product_ids=[s.product.id]))
    s.pm = await content.create_node(t, hub, spec("Module P1", "module", s.paid))
    s.p1 = await content.create_node(t, hub, spec("Lesson P1", parent=s.pm, body="paid secret", media=s.media))
    s.p2 = await content.create_node(t, hub, spec("Lesson P2 preview", parent=s.pm, body="preview secret"))
    await set_access_rule(t, "node", s.p2.id, RuleSpec(mode="replace"))
    s.draft = await content.create_node(t, hub, spec("Course D", "course", status="draft"))
    await content.create_node(t, hub, spec("Lesson D1", parent=s.draft, body="draft secret"))
    s.people = {}
    for name in ("plain", "segment", "buyer", "old", "banned"):
        contact = await factories.contact(t, f"{name}@example.com")
        extra = {"banned": True} if name == "banned" else {}
        if name == "old":
            extra = {"joined_at": datetime.now(UTC) - timedelta(days=40)}
        await factories.hub_member(t, s.hub, contact, **extra)
        s.people[name] = contact
    await SegmentMembership.create(team=t, segment=s.segment, team_contact=s.people["segment"])
    await Entitlement.create(team=t, team_contact=s.people["buyer"], product=s.product, status="active",
                             starts_at=datetime.now(UTC) - timedelta(days=1))
    s.outsider = await factories.contact(t, "outsider@example.com")  # not a hub member: staff preview only
    return s


async def token_of(s, contact) -> str:
    issued = await members.admin_issue_code(s.team.id, s.hub.id, contact.id)
    _, token = await members.sign_in_with_code(s.hub.id, contact.email, issued.code)
    return token


def ordered(value) -> str:
    """The JSON text with keys in response order: equal texts mean equal values and equal field order."""
    return json.dumps(value)


async def test_typed_tree_and_json_tree_agree_node_by_node_for_members_with_different_access(gql, team):
    s = await build(team)
    seen = {}
    for name, contact in s.people.items():
        if name == "banned":
            continue  # banned tokens are refused at sign-in; the preview below shows a banned contact
        hub = (await gql(BOTH, token=await token_of(s, contact)))["myHub"]
        seen[name] = hub
    for name in ("banned",):
        seen[name] = (await gql(PREVIEW_BOTH, {"hub": gid("Hub", s.hub.id), "contact": gid("Contact", s.people[name].id)},
                                token=team.key))["previewAsMember"]
    seen["outsider"] = (await gql(PREVIEW_BOTH, {"hub": gid("Hub", s.hub.id), "contact": gid("Contact", s.outsider.id)},
                                  token=team.key))["previewAsMember"]
    for name, hub in seen.items():
        typed, as_json = hub["contentTree"], hub["contentTreeJson"]
        assert len(typed) == len(as_json) == 11, name
        for typed_node, json_node in zip(typed, as_json, strict=True):
            assert typed_node == json_node, (name, typed_node["title"])
    access = {name: tuple((n["canAccess"], n["lockedReason"]) for n in hub["contentTree"]) for name, hub in seen.items()}
    assert len(set(access.values())) == len(access), access  # every member sees a different tree
    by_title = {name: {n["title"]: n for n in hub["contentTree"]} for name, hub in seen.items()}
    assert by_title["segment"]["Lesson A1a"]["body"] == "alpha secret"
    assert by_title["plain"]["Lesson A1a"]["lockedReason"] == "NOT_IN_SEGMENT"
    assert by_title["buyer"]["Lesson P1"]["media"]["url"].startswith(get_settings().public_url)
    assert by_title["plain"]["Lesson P1"]["media"] is None
    assert by_title["old"]["Lesson F2"]["canAccess"] and not by_title["plain"]["Lesson F2"]["canAccess"]
    assert by_title["plain"]["Lesson F2"]["availableAt"] is not None
    assert {n["lockedReason"] for n in by_title["banned"].values()} == {"BANNED"}
    assert {n["lockedReason"] for n in by_title["outsider"].values()} == {"NOT_A_MEMBER"}


@pytest.mark.parametrize("who", ["plain", "segment", "buyer", "old"])
async def test_one_pass_plan_gives_exactly_what_field_by_field_execution_gives(gql, team, who):
    s = await build(team)
    token = await token_of(s, s.people[who])
    await content.start_lesson(s.team.id, s.hub.id, s.people[who].id, s.f1.id)
    await content.complete_lesson(s.team.id, s.hub.id, s.people[who].id, s.p2.id, s.paid.id)
    for variables in ({"with": True}, {"with": False, "root": gid("MemberContentNode", s.paid.id)}):
        planned = await gql(EVERYTHING, variables, token=token)
        use_plans(False)
        try:
            generic = await gql(EVERYTHING, variables, token=token)
        finally:
            use_plans(True)
        assert ordered(planned) == ordered(generic)
    tree = planned["myHub"]["tree"]
    assert [n["title"] for n in tree] == ["Course P", "Module P1", "Lesson P1", "Lesson P2 preview"]
    preview = tree[-1]
    assert preview["progress"]["completed"] and preview["again"] == "Lesson P2 preview"
    assert preview["__typename"] == "MemberContentNode" and tree[0]["kids"][0]["__typename"] == "MemberContentNode"
    assert "canAccess" not in planned["myHub"]["roots"][0] and "body" in planned["myHub"]["roots"][0]


async def test_subtrees_by_root_and_depth(gql, team, other_team):
    s = await build(team)
    token = await token_of(s, s.people["buyer"])
    query = """query($root: ID, $depth: Int) { myHub { contentTree(rootId: $root, depth: $depth) { title depth
      lessonCount accessibleLessonCount } } }"""

    async def titles(root=None, depth=None):
        variables = {"root": gid("MemberContentNode", root.id) if root else None, "depth": depth}
        return [n["title"] for n in (await gql(query, variables, token=token))["myHub"]["contentTree"]]

    assert await titles(depth=0) == ["Course A", "Course F", "Course P"]
    assert await titles(s.paid) == ["Course P", "Module P1", "Lesson P1", "Lesson P2 preview"]
    assert await titles(s.paid, 0) == ["Course P"]
    assert await titles(s.paid, 1) == ["Course P", "Module P1"]
    assert await titles(s.pm, 5) == ["Module P1", "Lesson P1", "Lesson P2 preview"]
    assert len(await titles(depth=2)) == 11 == len(await titles())
    courses = (await gql(query, {"depth": 0}, token=token))["myHub"]["contentTree"]
    assert [(c["lessonCount"], c["accessibleLessonCount"]) for c in courses] == [(2, 0), (2, 1), (2, 2)]
    # A draft, another team's node and an unknown node are not in the member's tree: an empty list.
    other_hub = await factories.hub(other_team.team, "Other", "other")
    foreign = await content.create_node(other_team.team, other_hub.id, spec("Foreign", "course"))
    assert await titles(s.draft) == [] and await titles(foreign) == []
    assert await titles(SimpleNamespace(id=10**9)) == []
    for variables, message in (({"root": gid("Hub", s.hub.id)}, "rootId"), ({"root": "nope"}, "rootId"),
                               ({"depth": -1}, "depth")):
        body = await gql.raw(query, variables, token=token)
        assert body["data"] is None or body["data"]["myHub"] is None
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT" and message in body["errors"][0]["message"]


def test_the_plan_computes_every_field_of_the_member_node_types():
    """A field added to these types must be added to the plan (or the typed tree silently goes back to the
    slow path); the equivalence test above then checks its values."""
    types = schema._schema.type_map
    assert set(types["MemberContentNode"].fields) | {"__typename"} == NODE_FIELDS
    assert set(types["MemberMedia"].fields) | {"__typename"} == MEDIA_FIELDS
    assert set(types["LessonStatus"].fields) | {"__typename"} == STATUS_FIELDS


def test_nothing_turns_the_plan_off_unnoticed():
    """A field extension (a permission class) on these types, or a schema extension that wraps every
    resolver (per-field tracing), makes the typed tree field-by-field again (~30x the CPU): the plan steps
    aside for them. If one is wanted, decide it here, knowingly (and bench/access_bench.py shows the cost)."""
    types = schema._schema.type_map
    for name in ("MemberContentNode", "MemberMedia", "LessonStatus"):
        for field_name, field in types[name].fields.items():
            assert not field.extensions["strawberry-definition"].extensions, f"{name}.{field_name}"
    built = build_schema(get_settings())
    wrapping = [type(e).__name__ for e in built.get_extensions() if e._implements_resolve()]
    assert wrapping == []


# ---------------------------------------------------------------- the executor hook itself

class Allow(BasePermission):
    message = "no"

    def has_permission(self, source, info, **kwargs) -> bool:
        return True


@strawberry.type
class Item:
    name: str
    guarded: str = strawberry.field(default="guarded", permission_classes=[Allow])


class Items(PlannedList):
    def items(self):
        return [Item(name="generic")]

    def complete(self, executor, item_type, fields, info):
        return [{key: "planned" for key in fields}]


@strawberry.type
class ItemQuery:
    @strawberry.field(graphql_type=list[Item])
    def items(self) -> Items:
        return Items()


class SeesEveryResolver(SchemaExtension):
    def resolve(self, _next, root, info, *args, **kwargs):
        return _next(root, info, *args, **kwargs)


async def test_a_plan_never_skips_a_permission_or_a_resolver_wrapping_extension():
    plain = strawberry.Schema(query=ItemQuery, execution_context_class=PlannedExecutionContext)
    wrapped = strawberry.Schema(query=ItemQuery, execution_context_class=PlannedExecutionContext,
                                extensions=[SeesEveryResolver])
    assert (await plain.execute("{ items { name } }")).data == {"items": [{"name": "planned"}]}
    assert (await plain.execute("{ items { name guarded } }")).data == {
        "items": [{"name": "generic", "guarded": "guarded"}]}
    assert (await wrapped.execute("{ items { name } }")).data == {"items": [{"name": "generic"}]}


SUBTREE_BOTH = f"""query($root: ID, $depth: Int) {{ myHub {{ contentTreeJson
  contentTree(rootId: $root, depth: $depth) {{ {JSON_FIELDS} }} }} }}"""


async def test_subtrees_agree_with_the_json_tree_node_by_node_for_members_with_different_access(gql, team):
    """A course page (rootId) or a level (depth) decides only the rule sets it shows; each node is what the
    whole JSON tree says about it, for every member."""
    s = await build(team)
    roots = [None, s.a, s.a1, s.free, s.paid, s.pm, s.p2]
    for name in ("plain", "segment", "buyer", "old"):
        token = await token_of(s, s.people[name])
        for root in roots:
            for depth in (None, 0, 1, 2):
                variables = {"root": gid("MemberContentNode", root.id) if root else None, "depth": depth}
                hub = (await gql(SUBTREE_BOTH, variables, token=token))["myHub"]
                whole = {n["id"]: n for n in hub["contentTreeJson"]}
                typed = hub["contentTree"]
                start = whole[gid("MemberContentNode", root.id)]["depth"] if root else 0
                assert typed, (name, variables)
                for node in typed:
                    assert node == whole[node["id"]], (name, variables, node["title"])
                    assert depth is None or node["depth"] <= start + depth
                expected = len(typed) if depth is not None else (
                    len(whole) if root is None else 1 + sum(1 for n in whole.values() if _under(whole, n, root)))
                assert len(typed) == expected, (name, variables)


def _under(whole: dict, node: dict, root) -> bool:
    root_id = gid("MemberContentNode", root.id)
    parent = node["parentId"]
    while parent is not None:
        if parent == root_id:
            return True
        parent = whole[parent]["parentId"]
    return False
