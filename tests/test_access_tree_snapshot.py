"""The member tree is served from a per-hub snapshot: it must follow every change, however made."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from ids import gid
from tortoise import connections
from tortoise.transactions import in_transaction

from app.access import members
from app.access.models import AccessRule
from app.access.service import RuleSpec, remove_access_rule, set_access_rule
from app.commerce.models import Entitlement, Product
from app.contacts.models import Contact, TeamContact
from app.content import service as content
from app.hubs.models import Hub, HubMembership
from app.segments.models import Segment, SegmentMembership

FIELDS = """{ myHub { lessonCount accessibleLessonCount contentTree { id parentId sectionId kind title position depth
  canAccess lockedReason availableAt body lessonCount accessibleLessonCount
  media { id kind filename contentType sizeBytes url } } } }"""
JSON_TREE = "{ myHub { contentTreeJson } }"


async def member_hub(team):
    t = team.team
    hub = await Hub.create(team=t, name="Snap", slug="snap")
    contact = await TeamContact.create(team=t, contact=await Contact.create(email="m@example.com"),
                                       email="m@example.com")
    await HubMembership.create(team=t, hub=hub, team_contact=contact, joined_at=datetime.now(UTC) - timedelta(days=3))
    segment = await Segment.create(team=t, name="S", kind="static")
    product = await Product.create(team=t, name="P")
    section = await content.create_section(t, hub.id, "Gated", None)
    await set_access_rule(t, "hub_section", section.id, RuleSpec(audience="segments_any", segment_ids=[segment.id]))
    media = await content.link_media(t, hub.id, "https://cdn.example.com/a.mp4", "a.mp4", "video/mp4", 10)
    nodes = {}

    async def node(title, kind="lesson", parent=None, **kw):
        spec = content.NodeChanges(title=title, kind=kind, status="published", body=f"{title} body",
                                   parent_id=nodes[parent].id if parent else None, **kw)
        nodes[title] = await content.create_node(t, hub.id, spec)

    await node("Gated course", "course", section_id=section.id)
    await node("Gated lesson", parent="Gated course", media_id=media.id)
    await node("Open course", "course")
    await node("Open module", "module", parent="Open course")
    await node("Open lesson", parent="Open module", media_id=media.id)
    await node("Drip lesson", parent="Open module")
    await set_access_rule(t, "node", nodes["Drip lesson"].id, RuleSpec(drip_days=10, drip_anchor="hub_join"))
    await node("Paid lesson", parent="Open module")
    await set_access_rule(t, "node", nodes["Paid lesson"].id, RuleSpec(audience="products", product_ids=[product.id]))
    issued = await members.admin_issue_code(t.id, hub.id, contact.id)
    _, token = await members.sign_in_with_code(hub.id, contact.email, issued.code)
    return SimpleNamespace(hub=hub, contact=contact, segment=segment, product=product, media=media, nodes=nodes,
                           token=token)


async def views(gql, token):
    """The tree through both fields; asserts they agree."""
    fields = (await gql(FIELDS, token=token))["myHub"]
    compact = (await gql(JSON_TREE, token=token))["myHub"]["contentTreeJson"]
    assert compact == fields["contentTree"]
    return {n["title"]: n for n in compact}


async def test_json_tree_matches_the_field_tree_for_every_kind_of_decision(gql, team):
    s = await member_hub(team)
    tree = await views(gql, s.token)
    assert list(tree) == ["Gated course", "Gated lesson", "Open course", "Open module", "Open lesson", "Drip lesson",
                          "Paid lesson"]
    assert tree["Gated lesson"]["lockedReason"] == "NOT_IN_SEGMENT" and tree["Gated lesson"]["media"] is None
    assert tree["Drip lesson"]["lockedReason"] == "NOT_YET_AVAILABLE" and tree["Drip lesson"]["availableAt"]
    assert tree["Paid lesson"]["lockedReason"] == "NO_ENTITLEMENT"
    assert tree["Open lesson"]["media"]["url"] == "https://cdn.example.com/a.mp4"
    assert (tree["Open course"]["lessonCount"], tree["Open course"]["accessibleLessonCount"]) == (3, 1)


async def test_the_members_own_facts_are_read_on_every_request(gql, team):
    s = await member_hub(team)
    await views(gql, s.token)
    await SegmentMembership.create(team=team.team, segment=s.segment, team_contact=s.contact)
    await Entitlement.create(team=team.team, team_contact=s.contact, product=s.product, status="active",
                             starts_at=datetime.now(UTC) - timedelta(days=1))
    tree = await views(gql, s.token)
    assert tree["Gated lesson"]["canAccess"] and tree["Gated lesson"]["body"] == "Gated lesson body"
    assert tree["Paid lesson"]["canAccess"]
    await HubMembership.filter(hub_id=s.hub.id, team_contact_id=s.contact.id).update(banned=True)
    tree = await views(gql, s.token)
    assert {n["lockedReason"] for n in tree.values()} == {"BANNED"}


async def test_rule_and_content_changes_show_up_at_once(gql, team):
    s = await member_hub(team)
    t = team.team
    await views(gql, s.token)
    # a rule added, changed, then removed through the service
    await set_access_rule(t, "node", s.nodes["Open lesson"].id, RuleSpec(audience="roles", roles=["host"]))
    assert (await views(gql, s.token))["Open lesson"]["lockedReason"] == "ROLE_REQUIRED"
    await set_access_rule(t, "node", s.nodes["Open lesson"].id, RuleSpec(audience="roles", roles=["member"]))
    assert (await views(gql, s.token))["Open lesson"]["canAccess"]
    await set_access_rule(t, "node", s.nodes["Paid lesson"].id, RuleSpec(mode="replace"))
    assert (await views(gql, s.token))["Paid lesson"]["canAccess"]
    await remove_access_rule(t, "node", s.nodes["Paid lesson"].id)
    assert (await views(gql, s.token))["Paid lesson"]["canAccess"]
    # a node edited, unpublished, moved; a new node; a deleted node
    await content.update_node(t, s.nodes["Open lesson"].id, content.NodeChanges(title="Renamed"))
    assert "Renamed" in await views(gql, s.token)
    await content.update_node(t, s.nodes["Drip lesson"].id, content.NodeChanges(status="draft"))
    assert "Drip lesson" not in await views(gql, s.token)
    await content.update_node(t, s.nodes["Paid lesson"].id, content.NodeChanges(parent_id=s.nodes["Gated course"].id))
    moved = (await views(gql, s.token))["Paid lesson"]
    assert (moved["parentId"], moved["lockedReason"]) == (gid("MemberContentNode", s.nodes["Gated course"].id),
                                                          "NOT_IN_SEGMENT")
    await content.create_node(t, s.hub.id, content.NodeChanges(title="New", kind="course", status="published"))
    assert "New" in await views(gql, s.token)
    await content.delete_node(t, s.nodes["Gated course"].id)
    assert not {"Gated course", "Gated lesson", "Paid lesson"} & set(await views(gql, s.token))


async def test_changes_made_outside_the_app_show_up_too(gql, team):
    """Raw SQL, no updated_at, no hook in Python: the snapshot's version is kept by the database's triggers."""
    s = await member_hub(team)
    db = connections.get("default")
    await views(gql, s.token)
    await db.execute_query("UPDATE content_nodes SET title = 'Raw' WHERE id = $1", [s.nodes["Open course"].id])
    assert "Raw" in await views(gql, s.token)
    await db.execute_query("UPDATE media SET external_url = 'https://cdn.example.com/b.mp4' WHERE id = $1", [s.media.id])
    assert (await views(gql, s.token))["Open lesson"]["media"]["url"] == "https://cdn.example.com/b.mp4"
    await db.execute_query("UPDATE access_rules SET drip_days = 1 WHERE target_id = $1 AND target_type = 'node'",
                           [s.nodes["Drip lesson"].id])
    assert (await views(gql, s.token))["Drip lesson"]["canAccess"]
    await db.execute_query("DELETE FROM access_rules WHERE target_id = $1 AND target_type = 'node'",
                           [s.nodes["Drip lesson"].id])
    assert (await views(gql, s.token))["Drip lesson"]["canAccess"]
    await db.execute_query("UPDATE content_nodes SET title = 'Raw lesson' WHERE id = $1", [s.nodes["Drip lesson"].id])
    await db.execute_query("DELETE FROM content_nodes WHERE id = $1", [s.nodes["Drip lesson"].id])
    assert not {"Drip lesson", "Raw lesson"} & set(await views(gql, s.token))
    # A change rolled back leaves the version, and the tree, as they were.
    before = await views(gql, s.token)
    with contextlib.suppress(RuntimeError):
        async with in_transaction() as conn:
            await conn.execute_query("UPDATE content_nodes SET title = 'Never' WHERE id = $1", [s.nodes["Open course"].id])
            raise RuntimeError("roll back")
    assert await views(gql, s.token) == before


async def test_a_rule_added_and_removed_again_leaves_the_tree_as_it_was(gql, team):
    s = await member_hub(team)
    before = await views(gql, s.token)
    rule = await set_access_rule(team.team, "node", s.nodes["Open course"].id, RuleSpec(audience="roles", roles=["host"]))
    assert {n["lockedReason"] for t, n in (await views(gql, s.token)).items() if t.startswith("Open")} == {"ROLE_REQUIRED"}
    await AccessRule.filter(id=rule.id).delete()
    assert await views(gql, s.token) == before
