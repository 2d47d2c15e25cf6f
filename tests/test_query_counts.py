"""Whole GraphQL queries cost a constant number of SQL statements, whatever the number of rows (Saleor's
tests/benchmark habit): each query runs over 10 and over 500 rows, and an N+1 fails here, not on a dashboard.

Statements are counted on asyncpg's connections, below the ORM, so raw SQL on an acquired connection and
transaction statements count too; the pool's reset on release does not (it is not ours to send).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

import asyncpg

from app.access import members
from app.access.service import RuleSpec, set_access_rule
from app.access.snapshot import clear_snapshots
from app.access.tree_json import encoded_trees
from app.contacts import service as contacts
from app.contacts.models import Contact, TeamContact
from app.content import service as content
from app.hubs import service as hubs
from app.hubs.models import Hub, HubMembership, HubRole, OnboardingState
from app.segments import service as segments
from app.segments.models import Segment
from app.segments.pipeline.models import EvaluationBackfill, SegmentEvaluationStats

SIZES = (10, 500)
PAGE = 200  # the largest page a connection gives (app/graphql/connections.py MAX_PAGE_SIZE)

CONTACT_FIELDS = """id email firstName lastName fullName phone country lifecycleStage tags customProperties
  createdAt updatedAt"""

CONTACTS = f"""query($first: Int) {{ contacts(first: $first) {{ totalCount
  pageInfo {{ hasNextPage endCursor }} edges {{ cursor node {{ {CONTACT_FIELDS} }} }} }} }}"""

SEGMENTS = """query($first: Int) { evaluationStatus { pendingContacts catchingUp backfills { id total remaining } }
  segments(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
    id name description kind tags rule ruleText memberCount createdAt updatedAt
    triggers { eventTypes anyEvent fields orders hubs segmentIds tables timeBased }
    evaluation { lastEvaluatedAt evaluationCount contactsEvaluated lastLagMs maxLagMs averageLagMs errorCount
      lastError lastErrorAt timeCheckedAt catchingUp backfillProgress } } } } }"""

SEGMENT_IDS = "{ segments(first: 200) { edges { node { id name } } } }"

SEGMENT_MEMBERS = f"""query($id: ID!, $first: Int) {{ segment(id: $id) {{ id name memberCount
  members(first: $first) {{ totalCount pageInfo {{ hasNextPage endCursor }}
    edges {{ cursor node {{ id joinedAt contact {{ {CONTACT_FIELDS} }} }} }} }} }} }}"""

# Its own request: beside `members`, the contacts of the two pages may load in one batch or in two, as
# the two pages' rows happen to arrive.
SEGMENT_HISTORY = f"""query($id: ID!, $first: Int) {{ segment(id: $id) {{ id
  history(first: $first) {{ totalCount pageInfo {{ hasNextPage endCursor }} edges {{ cursor node {{
    id action cause causeRef at contactId contact {{ {CONTACT_FIELDS} }} }} }} }} }} }}"""

HUB_IDS = "{ hubs { edges { node { id slug } } } }"

HUB_MEMBERS = f"""query($id: ID!, $first: Int) {{ hub(id: $id) {{ id name
  members(first: $first) {{ totalCount pageInfo {{ hasNextPage endCursor }} edges {{ cursor node {{
    id hubId role onboardingState termsAcceptedAt notificationPreferences banned bannedAt banReason joinedAt
    contact {{ {CONTACT_FIELDS} }} }} }} }} }} }}"""

TREE = """{ myHub { id name lessonCount accessibleLessonCount membership { canAccess lockedReason }
  sections { id title canAccess lockedReason availableAt }
  contentTree { id parentId sectionId kind title depth canAccess lockedReason availableAt body
    lessonCount accessibleLessonCount media { id url } progress { startedAt completed } } } }"""

# The shapes that do not load the whole tree: one course (with progress), and the courses alone.
COURSE = """query($root: ID!) { myHub { contentTree(rootId: $root) { id parentId depth title canAccess lockedReason
  body lessonCount accessibleLessonCount media { url } progress { completed } children { id } } } }"""
COURSES = "{ myHub { lessonCount contentTree(depth: 0) { id title canAccess lessonCount accessibleLessonCount } } }"


# ---------------------------------------------------------------- counting

_statements: ContextVar[list[str] | None] = ContextVar("counted_statements", default=None)
_COUNTED = ("execute", "executemany", "fetch", "fetchrow", "fetchval", "fetchmany", "prepare",
            "copy_records_to_table", "copy_to_table", "copy_from_table", "copy_from_query")


@contextmanager
def count_statements() -> Iterator[list[str]]:
    """Every statement sent on an asyncpg connection by this task and the tasks it starts (a request's
    dataloaders included, other tasks not). The pool's reset query on release is left out."""
    seen: list[str] = []
    originals = {name: getattr(asyncpg.Connection, name) for name in _COUNTED}

    def counted(name: str, original: Any) -> Any:
        def wrapper(self: asyncpg.Connection, query: Any = None, *args: Any, **kwargs: Any) -> Any:
            found = _statements.get()
            if found is not None and query != self.get_reset_query():
                found.append(f"{name}: {query}")
            return original(self, query, *args, **kwargs)

        return wrapper

    for name, original in originals.items():
        setattr(asyncpg.Connection, name, counted(name, original))
    token = _statements.set(seen)
    try:
        yield seen
    finally:
        _statements.reset(token)
        for name, original in originals.items():
            setattr(asyncpg.Connection, name, original)


async def first_use(gql: Any, key: str) -> None:
    """A key's last use is written at most once per LAST_USED_RESOLUTION: use it once before counting, so
    every counted request of a test reads the same."""
    await gql("{ viewer { scopes } }", token=key)


async def statements_of(gql: Any, query: str, variables: dict[str, Any] | None = None,
                        token: str | None = None) -> tuple[dict[str, Any], list[str]]:
    """One GraphQL request over HTTP: its data and the statements it sent."""
    with count_statements() as seen:
        data = await gql(query, variables, token=token)
    return data, list(seen)


def assert_constant(statements: dict[int, list[str]], bound: int, what: str) -> None:
    """Equal counts at every size, within `bound`; on failure the counts per N and the statements by text."""
    counts = {n: len(s) for n, s in statements.items()}
    print(f"{what}: statements per N {counts}")
    if len(set(counts.values())) == 1 and max(counts.values()) <= bound:
        return
    listing = []
    for n, seen in statements.items():
        listing.append(f"--- N={n}: {len(seen)} statements")
        listing += [f"{times:4d} x {' '.join(text.split())[:160]}" for text, times in Counter(seen).most_common()]
    raise AssertionError(f"{what}: statements per N {counts} (want equal, <= {bound})\n" + "\n".join(listing))


def page_of(n: int) -> int:
    return min(n, PAGE)


# ---------------------------------------------------------------- data, in bulk

async def define_properties(team: Any) -> None:
    await contacts.define_custom_property(team, "plan", None, "enum", ["free", "pro", "team"], "")
    await contacts.define_custom_property(team, "company", None, "string", None, "")
    await contacts.define_custom_property(team, "seats", None, "number", None, "")


async def add_contacts(team: Any, start: int, stop: int) -> list[int]:
    """Contacts start..stop-1 with tags, custom properties and lifecycle stages, in one upsert."""
    stages = ("subscriber", "lead", "engaged", "converted", "loyal")
    rows = [{
        "email": f"c{i}@example.com", "firstName": f"First{i}", "lastName": f"Last{i}", "phone": None,
        "country": ("US", "FR", "DE")[i % 3], "lifecycleStage": stages[i % len(stages)],
        "tags": ["vip", f"cohort-{i % 4}"] if i % 2 else [f"cohort-{i % 4}"],
        "customProperties": {"plan": ("free", "pro", "team")[i % 3], "company": f"Co {i}", "seats": i % 50},
    } for i in range(start, stop)]
    created, _ = await contacts.upsert_contacts(team, rows)
    return [c.id for c in created]


async def grow(team: Any, have: int, want: int) -> list[int]:
    """The team's contacts from `have` to `want`."""
    if have == 0:
        await define_properties(team)
    return await add_contacts(team, have, want)


async def admin_ids(gql: Any, query: str, key: str, token: str) -> dict[str, str]:
    """Ids by name (or slug), as GraphQL gives them out: the only ids these tests pass back."""
    data = await gql(query, token=token)
    root = next(iter(data.values()))
    return {edge["node"][key]: edge["node"]["id"] for edge in root["edges"]}


# ---------------------------------------------------------------- admin lists

async def test_contact_list_query_count_is_constant(gql, team):
    await first_use(gql, team.key)
    statements: dict[int, list[str]] = {}
    have = 0
    for n in SIZES:
        await grow(team.team, have, n)
        have = n
        data, statements[n] = await statements_of(gql, CONTACTS, {"first": PAGE}, token=team.key)
        page = data["contacts"]
        assert page["totalCount"] == n and len(page["edges"]) == page_of(n)
        assert page["pageInfo"]["hasNextPage"] == (n > PAGE)
        assert all(e["node"]["customProperties"]["company"] and e["node"]["tags"] for e in page["edges"])
    assert_constant(statements, 3, "contacts")


async def add_segments(team: Any, start: int, stop: int, stats_at: datetime) -> None:
    """Segments start..stop-1, in bulk: dynamic ones with rules of several kinds, static and cohorts;
    every other one with evaluation figures."""
    texts = [
        "lifecycleStage in (engaged, converted, loyal) AND tags contains 'vip'",
        "last event of type 'cart_abandoned' within 24 hours AND no event of type 'purchase' since that "
        "cart_abandoned",
        "count of orders > 2 OR country = 'FR'",
    ]
    parsed = [await segments.check_rule(team, text, None) for text in texts]
    rows = []
    for i in range(start, stop):
        kind = ("dynamic", "dynamic", "dynamic", "static", "cohort")[i % 5]
        rule = parsed[i % len(parsed)] if kind != "static" else None
        rows.append(Segment(
            team_id=team.id, name=f"Segment {i}", description=f"About {i}", kind=kind, tags=[f"t{i % 3}"],
            rule=rule.json if rule else None, rule_text=rule.text if rule else None,
            triggers=rule.triggers.to_json() if rule else None, member_count=i * 3,
        ))
    await Segment.bulk_create(rows)
    created = await Segment.filter(team_id=team.id, name__in=[r.name for r in rows])
    await SegmentEvaluationStats.bulk_create([
        SegmentEvaluationStats(segment_id=s.id, team_id=team.id, last_evaluated_at=stats_at, evaluation_count=4,
                               contacts_evaluated=40, last_lag_ms=12, max_lag_ms=30, total_lag_ms=60,
                               error_count=s.id % 2, last_error="boom" if s.id % 2 else None,
                               time_checked_at=stats_at)
        for s in created if s.id % 2 == 0
    ])


async def test_segment_list_query_count_is_constant(gql, team):
    await first_use(gql, team.key)
    now = datetime.now(UTC)
    await EvaluationBackfill.create(team_id=team.id, source="import", total=100)  # catching up: progress shown
    statements: dict[int, list[str]] = {}
    have = 0
    for n in SIZES:
        await add_segments(team.team, have, n, now)
        have = n
        data, statements[n] = await statements_of(gql, SEGMENTS, {"first": PAGE}, token=team.key)
        page = data["segments"]
        assert page["totalCount"] == n and len(page["edges"]) == page_of(n)
        nodes = [e["node"] for e in page["edges"]]
        assert any(s["evaluation"]["evaluationCount"] == 4 for s in nodes)
        assert all(s["evaluation"]["catchingUp"] for s in nodes)
        assert any(s["ruleText"] and s["triggers"]["eventTypes"] for s in nodes)
    assert_constant(statements, 6, "segments")


async def test_segment_members_query_count_is_constant(gql, team):
    await first_use(gql, team.key)
    segment = await segments.create_segment(team.team, "Hand picked", "static")
    statements: dict[int, list[str]] = {}
    history_statements: dict[int, list[str]] = {}
    have = 0
    for n in SIZES:
        await grow(team.team, have, n)
        await segments.change_static_members(team.team, segment.id, add=True,
                                             emails=[f"c{i}@example.com" for i in range(have, n)])
        have = n
        variables = {"id": (await admin_ids(gql, SEGMENT_IDS, "name", team.key))["Hand picked"], "first": PAGE}
        data, statements[n] = await statements_of(gql, SEGMENT_MEMBERS, variables, token=team.key)
        found = data["segment"]
        assert found["memberCount"] == n and found["members"]["totalCount"] == n
        edges = found["members"]["edges"]
        assert len(edges) == page_of(n) and all(e["node"]["contact"]["email"] for e in edges)
        data, history_statements[n] = await statements_of(gql, SEGMENT_HISTORY, variables, token=team.key)
        history = data["segment"]["history"]
        assert history["totalCount"] == n and len(history["edges"]) == page_of(n)
        assert all(e["node"]["action"] == "JOIN" and e["node"]["contact"]["email"] for e in history["edges"])
    assert_constant(statements, 5, "segment members")
    assert_constant(history_statements, 5, "segment history")


async def test_hub_members_query_count_is_constant(gql, team):
    await first_use(gql, team.key)
    hub = await hubs.create_hub(team.team, "Academy", "academy", "")
    statements: dict[int, list[str]] = {}
    have = 0
    for n in SIZES:
        ids = await grow(team.team, have, n)
        have = n
        # In bulk: the hubs service adds members one by one, with a welcome mail each.
        await HubMembership.bulk_create([
            HubMembership(team_id=team.id, hub_id=hub.id, team_contact_id=contact_id,
                          role=HubRole.MODERATOR if i % 10 == 0 else HubRole.MEMBER,
                          onboarding_state=(OnboardingState.NOT_STARTED, OnboardingState.COMPLETED)[i % 2],
                          notification_preferences={"digest": bool(i % 2)}, banned=i % 7 == 0,
                          ban_reason="spam" if i % 7 == 0 else None)
            for i, contact_id in enumerate(ids)
        ])
        hub_id = (await admin_ids(gql, HUB_IDS, "slug", team.key))["academy"]
        data, statements[n] = await statements_of(gql, HUB_MEMBERS, {"id": hub_id, "first": PAGE}, token=team.key)
        page = data["hub"]["members"]
        assert page["totalCount"] == n and len(page["edges"]) == page_of(n)
        assert all(e["node"]["contact"]["email"] for e in page["edges"])
    assert_constant(statements, 5, "hub members")


# ---------------------------------------------------------------- member tree

async def hub_with_tree(team: Any, n_nodes: int) -> str:
    """Courses of modules of lessons with mixed rules on every level; a member's token."""
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
    course = None
    while created < n_nodes:
        kind = ("course", "module", "lesson", "lesson", "lesson")[created % 5]
        spec = content.NodeChanges(title=f"N{created}", kind=kind, status="published", body="b",
                                   parent_id=None if kind == "course" else parent,
                                   section_id=section.id if kind == "course" and created % 10 == 0 else None,
                                   media_id=media.id if kind == "lesson" else None)
        node = await content.create_node(team, hub.id, spec)
        if kind == "course":
            course = node.id
        if kind in ("course", "module"):
            parent = node.id
        if created % 7 == 0:
            await set_access_rule(team, "node", node.id, RuleSpec(drip_days=created % 30, drip_anchor="hub_join"))
        if kind == "lesson" and created % 4 == 0 and course is not None:
            await content.complete_lesson(team.id, hub.id, contact.id, node.id, course)
        created += 1
    issued = await members.admin_issue_code(team.id, hub.id, contact.id)
    _, token = await members.sign_in_with_code(hub.id, contact.email, issued.code)
    return token


async def test_member_tree_query_count_is_constant_in_tree_size(gql, team):
    cold: dict[int, list[str]] = {}
    warm: dict[int, list[str]] = {}
    for n in SIZES:
        token = await hub_with_tree(team.team, n)
        clear_snapshots()
        encoded_trees.clear()
        data, cold[n] = await statements_of(gql, TREE, token=token)
        assert len(data["myHub"]["contentTree"]) == n
        assert any(node["progress"] and node["progress"]["completed"] for node in data["myHub"]["contentTree"])
        _, warm[n] = await statements_of(gql, TREE, token=token)
    assert_constant(cold, 9, "member tree, cold cache")
    assert_constant(warm, 3, "member tree, warm cache")


async def test_member_course_and_level_query_counts_are_constant_in_tree_size(gql, team):
    statements: dict[str, dict[int, list[str]]] = {"course": {}, "courses": {}}
    for n in SIZES:
        token = await hub_with_tree(team.team, n)
        clear_snapshots()
        roots = (await gql("{ myHub { roots { id } } }", token=token))["myHub"]["roots"]
        data, statements["course"][n] = await statements_of(gql, COURSE, {"root": roots[-1]["id"]}, token=token)
        assert 1 <= len(data["myHub"]["contentTree"]) <= 5 and data["myHub"]["contentTree"][0]["depth"] == 0
        data, statements["courses"][n] = await statements_of(gql, COURSES, token=token)
        assert len(data["myHub"]["contentTree"]) == len(roots) == (n + 4) // 5
    assert_constant(statements["course"], 2, "member course, warm cache")
    assert_constant(statements["courses"], 1, "member courses, warm cache")
