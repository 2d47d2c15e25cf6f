"""contentTreeJson is encoded once per distinct outcome and kept: equal outcomes share it, and any
fact, rule or instant that changes a decision gives a different value, never a kept one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import factories
import orjson

from app.access import members
from app.access.models import MemberSession
from app.access.service import RuleSpec, set_access_rule
from app.access.tree_json import EncodedTrees, encoded_trees, member_tree_json
from app.access.view import compute_hub_access
from app.commerce.models import Entitlement
from app.content import service as content
from app.content.media_urls import URL_PERIOD_SECONDS
from app.content.models import Media, MediaKind
from app.hubs.models import HubMembership
from app.segments.models import SegmentMembership
from app.settings import get_settings

JSON_TREE = "{ myHub { lessonCount accessibleLessonCount contentTreeJson } }"
FIELDS = """{ myHub { lessonCount accessibleLessonCount contentTree { id parentId sectionId kind title position depth
  canAccess lockedReason availableAt body lessonCount accessibleLessonCount
  media { id kind filename contentType sizeBytes url } } } }"""
JOINED = datetime(2026, 1, 5, 9, 31, 10, tzinfo=UTC)  # boundaries inside a media URL period


async def cached_hub(team):
    """Lessons behind a segment, a product, a role, a named contact, a drip and a date window."""
    t = team.team
    hub = await factories.hub(t, "Cache", "cache")
    segment = await factories.segment(t, "S", kind="static")
    product = await factories.product(t, "P")
    external = await content.link_media(t, hub.id, "https://cdn.example.com/a.mp4", "a.mp4", "video/mp4", 10)
    stored = await Media.create(team=t, hub=hub, kind=MediaKind.VIDEO, filename="b.mp4", content_type="video/mp4",
                                size_bytes=5, storage_key="b-key")
    course = await content.create_node(t, hub.id, content.NodeChanges(title="Course", kind="course",
                                                                      status="published"))
    nodes = {}
    for title, media in (("Open", external), ("Stored", stored), ("Segment", None), ("Paid", None),
                         ("Hosts", None), ("Named", None), ("Drip", None), ("Window", None)):
        nodes[title] = await content.create_node(t, hub.id, content.NodeChanges(
            title=title, kind="lesson", status="published", body=f"{title} body", parent_id=course.id,
            media_id=media.id if media else None))
    contacts = [await make_member(t, hub, f"m{i}@example.com") for i in range(4)]
    rules = {
        "Segment": RuleSpec(audience="segments_any", segment_ids=[segment.id]),
        "Paid": RuleSpec(audience="products", product_ids=[product.id]),
        "Hosts": RuleSpec(audience="roles", roles=["host"]),
        "Named": RuleSpec(audience="contacts", contact_ids=[contacts[3].id]),
        "Drip": RuleSpec(drip_days=10, drip_anchor="hub_join"),
        "Window": RuleSpec(available_from=JOINED + timedelta(days=20), available_until=JOINED + timedelta(days=40)),
    }
    for title, spec in rules.items():
        await set_access_rule(t, "node", nodes[title].id, spec)
    tokens = [await sign_in(hub, c) for c in contacts]
    return SimpleNamespace(hub=hub, segment=segment, product=product, nodes=nodes, contacts=contacts, tokens=tokens)


async def make_member(team, hub, email):
    contact = await factories.contact(team, email)
    await factories.hub_member(team, hub, contact, joined_at=JOINED)
    return contact


async def sign_in(hub, contact):
    issued = await members.admin_issue_code(hub.team_id, hub.id, contact.id)
    return (await members.sign_in_with_code(hub.id, contact.email, issued.code))[1]


async def tree(gql, token):
    """The JSON tree by title; asserts it matches the per-field tree."""
    compact = (await gql(JSON_TREE, token=token))["myHub"]
    fields = (await gql(FIELDS, token=token))["myHub"]
    assert compact["contentTreeJson"] == fields["contentTree"]
    assert (compact["lessonCount"], compact["accessibleLessonCount"]) == (
        fields["lessonCount"], fields["accessibleLessonCount"])
    return {n["title"]: n for n in compact["contentTreeJson"]}


def opened(nodes):
    return {title for title, n in nodes.items() if n["canAccess"]}


async def test_members_with_equal_outcomes_share_one_encoded_tree(gql, team):
    s = await cached_hub(team)
    first = await tree(gql, s.tokens[0])
    stored = len(encoded_trees)
    second = await tree(gql, s.tokens[1])
    assert second == first and len(encoded_trees) == stored
    # the named contact opens one more lesson: a value of its own
    named = await tree(gql, s.tokens[3])
    assert opened(named) - opened(first) == {"Named"} and len(encoded_trees) == stored + 1
    assert await tree(gql, s.tokens[0]) == first


async def test_each_fact_the_decision_reads_gives_that_member_a_different_tree(gql, team):
    s = await cached_hub(team)
    t = team.team
    baseline = await tree(gql, s.tokens[0])
    me, token = s.contacts[1], s.tokens[1]
    await SegmentMembership.create(team=t, segment=s.segment, team_contact=me)
    assert opened(await tree(gql, token)) - opened(baseline) == {"Segment"}
    entitlement = await Entitlement.create(team=t, team_contact=me, product=s.product, status="active",
                                           starts_at=datetime.now(UTC) - timedelta(days=1))
    assert opened(await tree(gql, token)) - opened(baseline) == {"Segment", "Paid"}
    await Entitlement.filter(id=entitlement.id).update(ends_at=datetime.now(UTC) - timedelta(minutes=1))
    ended = await tree(gql, token)
    assert ended["Paid"]["lockedReason"] == "EXPIRED"
    await HubMembership.filter(hub_id=s.hub.id, team_contact_id=me.id).update(role="host")
    assert "Hosts" in opened(await tree(gql, token))
    # a later join moves the drip's date: the same locks, a different availableAt
    await HubMembership.filter(hub_id=s.hub.id, team_contact_id=me.id).update(
        joined_at=datetime.now(UTC) - timedelta(days=2))
    moved = await tree(gql, token)
    assert moved["Drip"]["lockedReason"] == "NOT_YET_AVAILABLE"
    assert moved["Drip"]["availableAt"] != baseline["Drip"]["availableAt"]
    await HubMembership.filter(hub_id=s.hub.id, team_contact_id=me.id).update(banned=True)
    assert {n["lockedReason"] for n in (await tree(gql, token)).values()} == {"BANNED"}
    # the other members' values were never touched
    assert await tree(gql, s.tokens[0]) == baseline


async def test_a_rule_change_gives_everyone_a_new_tree(gql, team):
    s = await cached_hub(team)
    before = await tree(gql, s.tokens[0])
    await set_access_rule(team.team, "node", s.nodes["Hosts"].id, RuleSpec(audience="roles", roles=["member"]))
    after = await tree(gql, s.tokens[0])
    assert opened(after) - opened(before) == {"Hosts"}
    assert await tree(gql, s.tokens[1]) == after


async def test_every_time_boundary_in_the_tree_gives_a_new_value(team):
    """Decisions at instants around the drip's and the window's dates, each asked twice (kept value)."""
    s = await cached_hub(team)
    settings = get_settings()
    contact = s.contacts[0]

    async def at(now):
        access = await compute_hub_access({}, team.id, s.hub.id, contact.id, now=now)
        return {n["title"]: n for n in orjson.loads(member_tree_json(access, settings).encoded)}

    instants = {
        "before drip": JOINED + timedelta(days=10) - timedelta(seconds=1),
        "drip opens": JOINED + timedelta(days=10),
        "before window": JOINED + timedelta(days=20) - timedelta(microseconds=1),
        "window opens": JOINED + timedelta(days=20),
        "window closes": JOINED + timedelta(days=40),
    }
    seen = {}
    for label, now in [*instants.items(), *instants.items()]:
        nodes = await at(now)
        states = (nodes["Drip"]["lockedReason"], nodes["Window"]["lockedReason"])
        assert seen.setdefault(label, states) == states, label
    assert seen == {
        "before drip": ("NOT_YET_AVAILABLE", "NOT_YET_AVAILABLE"),
        "drip opens": (None, "NOT_YET_AVAILABLE"),
        "before window": (None, "NOT_YET_AVAILABLE"),
        "window opens": (None, None),
        "window closes": (None, "EXPIRED"),
    }


async def test_signed_media_urls_are_kept_only_for_their_period(team):
    s = await cached_hub(team)
    settings = get_settings()
    start = (int(datetime.now(UTC).timestamp()) // URL_PERIOD_SECONDS + 1) * URL_PERIOD_SECONDS

    async def stored_url(timestamp):
        access = await compute_hub_access({}, team.id, s.hub.id, s.contacts[0].id,
                                          now=datetime.fromtimestamp(timestamp, UTC))
        nodes = {n["title"]: n for n in orjson.loads(member_tree_json(access, settings).encoded)}
        assert nodes["Open"]["media"]["url"] == "https://cdn.example.com/a.mp4"
        return nodes["Stored"]["media"]["url"]

    first = await stored_url(start)
    assert await stored_url(start + URL_PERIOD_SECONDS - 1) == first
    assert await stored_url(start + URL_PERIOD_SECONDS) != first


async def test_expired_and_revoked_sessions_see_nothing(gql, team):
    s = await cached_hub(team)
    await tree(gql, s.tokens[0])
    await MemberSession.filter(team_contact_id=s.contacts[0].id).update(
        expires_at=datetime.now(UTC) - timedelta(seconds=1))
    expired = await gql.raw(JSON_TREE, token=s.tokens[0])
    assert expired["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    await MemberSession.filter(team_contact_id=s.contacts[1].id).update(revoked_at=datetime.now(UTC))
    revoked = await gql.raw(JSON_TREE, token=s.tokens[1])
    assert revoked["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_the_encoded_trees_stay_within_their_byte_budget():
    trees = EncodedTrees(max_bytes=10)
    trees.put(("a",), b"1234")
    trees.put(("b",), b"5678")
    assert trees.get(("a",)) == b"1234"  # now the most recently used
    trees.put(("c",), b"90ab")  # evicts "b", the least recently used
    assert trees.get(("b",)) is None and trees.get(("a",)) == b"1234" and trees.get(("c",)) == b"90ab"
    assert trees.size == 8 and len(trees) == 2
    trees.put(("huge",), b"x" * 11)  # larger than the budget: not kept
    assert trees.get(("huge",)) is None and trees.size == 8
    trees.put(("long key",), b"12", key_bytes=6)  # its key's text counts: 8 of the 10 bytes, "c" and "a" go
    assert trees.size == 8 and len(trees) == 1 and trees.get(("a",)) is None
