"""Access for a whole tree costs a constant number of SQL queries, whatever its size (Saleor-style)."""

from __future__ import annotations

from contextlib import contextmanager

from tortoise import connections

from app.access import members
from app.access.service import RuleSpec, set_access_rule
from app.contacts.models import Contact, TeamContact
from app.content import service as content
from app.hubs.models import Hub, HubMembership
from app.segments.models import Segment

TREE = """{ myHub { lessonCount accessibleLessonCount contentTree { id title canAccess lockedReason availableAt body
  lessonCount accessibleLessonCount media { url } } } }"""


@contextmanager
def count_queries():
    """Count every statement sent through the ORM's PostgreSQL client (raw SQL included)."""
    client_class = type(connections.get("default"))
    seen: list[str] = []
    originals = {}
    for name in ("execute_query", "execute_query_dict", "execute_insert", "execute_many", "execute_script"):
        original = getattr(client_class, name)
        originals[name] = original

        def wrapper(self, query, *args, _original=original, **kwargs):
            seen.append(query)
            return _original(self, query, *args, **kwargs)

        setattr(client_class, name, wrapper)
    try:
        yield seen
    finally:
        for name, original in originals.items():
            setattr(client_class, name, original)


async def hub_with_tree(team, n_nodes: int):
    """Courses of modules of lessons with mixed rules on every level."""
    hub = await Hub.create(team=team, name=f"Hub {n_nodes}", slug=f"hub-{n_nodes}")
    contact = await TeamContact.create(team=team, contact=await Contact.create(email=f"m{n_nodes}@example.com"),
                                       email=f"m{n_nodes}@example.com")
    await HubMembership.create(team=team, hub=hub, team_contact=contact)
    segment = await Segment.create(team=team, name=f"S{n_nodes}", kind="static")
    section = await content.create_section(team, hub.id, "Gated", None)
    await set_access_rule(team, "hub_section", section.id, RuleSpec(audience="segments_any", segment_ids=[segment.id]))
    media = await content.link_media(team, hub.id, "https://cdn.example.com/v.mp4", "v.mp4", "video/mp4", 10)
    created = 0
    parent = None
    while created < n_nodes:
        kind = ("course", "module", "lesson", "lesson", "lesson")[created % 5]
        spec = content.NodeChanges(title=f"N{created}", kind=kind, status="published", body="b",
                                   parent_id=None if kind == "course" else parent,
                                   section_id=section.id if kind == "course" and created % 10 == 0 else None,
                                   media_id=media.id if kind == "lesson" else None)
        node = await content.create_node(team, hub.id, spec)
        if kind in ("course", "module"):
            parent = node.id
        if created % 7 == 0:
            await set_access_rule(team, "node", node.id, RuleSpec(drip_days=created % 30, drip_anchor="hub_join"))
        created += 1
    issued = await members.admin_issue_code(team.id, hub.id, contact.id)
    _, token = await members.sign_in_with_code(hub.id, contact.email, issued.code)
    return token


async def test_member_tree_query_count_is_constant_in_tree_size(gql, team):
    counts = {}
    for n in (10, 500):
        token = await hub_with_tree(team.team, n)
        await gql(TREE, token=token)  # warm: parser cache and validation cache
        with count_queries() as seen:
            data = await gql(TREE, token=token)
        assert len(data["myHub"]["contentTree"]) == n
        counts[n] = len(seen)
    assert counts[10] == counts[500] <= 5, counts
