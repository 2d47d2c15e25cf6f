"""A hub's published tree and access rules, kept in-process per hub version.

The cache never decides anything on its own: every request reads the hub's version from
PostgreSQL in the same statement as the member's facts (`fetch_facts_and_version`, or the
member's session statement in app/access/members.py), and a snapshot serves only while that
version still matches. The version covers every row a snapshot is built from — the hub's
content nodes (any status), the media they show, and the hub's access rules: statement
triggers on those tables (migration 28) give the hub a new value of one sequence in the same
transaction as any insert, update or delete, through the ORM, raw SQL, COPY or another process,
so nothing has to remember to invalidate (only TRUNCATE, or triggers turned off, would pass
unseen). Reading it is one unique-key lookup; it used to be a sum of hashes of every row's
`xmin`, about 0.6 ms of PostgreSQL's CPU per member request on a 500-node hub. On a miss the
tree and rules are fetched and the per-node effective rules are computed once; each request then
only decides, in plain Python.
The version and the data of a snapshot are read in one REPEATABLE READ transaction, so a
snapshot is exactly the state its version names.

A snapshot is shared by concurrent requests: treat it as read-only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strawberry.dataloader import DataLoader
from tortoise import connections
from tortoise.backends.base.client import TransactionalDBClient
from tortoise.transactions import in_transaction

from app.access.decision import MemberFacts, Rule, effective_rules_by_node
from app.access.loaders import HubRules, _facts_from_row, member_facts_sql, rules_by_target
from app.access.models import AccessRule
from app.content.loaders import HubTree, fetch_published_tree

MAX_HUBS = 256


def hub_version_sql(team: str = "$1", hub: str = "$2") -> str:
    """The hub's content version (`HubContentVersion`, kept by the database's triggers): one indexed row.
    "none" for a hub that never had a content node, access rule or media change (nothing to snapshot)."""
    return f"""coalesce((
  SELECT 'v' || cv.version::text FROM hub_content_versions cv WHERE cv.team_id = {team} AND cv.hub_id = {hub}
), 'none')"""


HUB_VERSION_SQL = hub_version_sql()
FACTS_AND_VERSION_SQL = member_facts_sql(
    "unnest($3::bigint[]) AS c(id)", columns=f",\n  {HUB_VERSION_SQL} AS hub_version")
# One contact reads from a one-row VALUES list: PostgreSQL then settles on one generic plan for the
# statement; with an array whose length it cannot know, it plans again on every call (about 0.4 ms
# of its CPU per request).
ONE_CONTACT_FACTS_AND_VERSION_SQL = member_facts_sql(
    "(VALUES ($3::bigint)) AS c(id)", columns=f",\n  {HUB_VERSION_SQL} AS hub_version")


@dataclass(frozen=True)
class FactsAndVersion:
    facts: MemberFacts
    hub_version: str


async def fetch_facts_and_version(team_id: int, hub_id: int, contact_ids: list[int]) -> list[FactsAndVersion]:
    """One statement: each contact's facts in the hub, and the hub's current version."""
    connection = connections.get("default")
    if len(contact_ids) == 1:
        rows = await connection.execute_query_dict(ONE_CONTACT_FACTS_AND_VERSION_SQL, [team_id, hub_id, contact_ids[0]])
    else:
        rows = await connection.execute_query_dict(FACTS_AND_VERSION_SQL, [team_id, hub_id, contact_ids])
    by_id = {row["team_contact_id"]: row for row in rows}
    version = rows[0]["hub_version"] if rows else ""
    return [
        FactsAndVersion(_facts_from_row(by_id[i]) if i in by_id else MemberFacts(team_contact_id=i), version)
        for i in contact_ids
    ]


def facts_and_version_from_row(row: dict[str, Any]) -> FactsAndVersion:
    """From a row of a statement built with `member_facts_sql` and a `hub_version` column."""
    return FactsAndVersion(_facts_from_row(row), row["hub_version"])


def facts_and_version_loader(team_id: int, hub_id: int) -> DataLoader[int, FactsAndVersion]:
    async def load(contact_ids: list[int]) -> list[FactsAndVersion]:
        return await fetch_facts_and_version(team_id, hub_id, list(contact_ids))

    return DataLoader(load_fn=load)


@dataclass
class HubSnapshot:
    team_id: int
    hub_id: int
    version: str
    tree: HubTree
    rules: HubRules
    effective: dict[int, tuple[Rule, ...]]  # node id -> its effective rules, in tree order
    # The distinct tuples of `effective`, and node id -> index in them (tree order): a member's
    # decisions are one per rule set, so those outcomes and the version determine the whole tree.
    rule_sets: tuple[tuple[Rule, ...], ...] = ()
    rule_set_of: dict[int, int] = field(default_factory=dict)
    # False when read inside a caller's transaction: its state may never be committed.
    shareable: bool = True
    # Derived, read-only values other modules compute once per version (e.g. static JSON of the tree).
    memo: dict[str, Any] = field(default_factory=dict)


def build_snapshot(team_id: int, hub_id: int, version: str, tree: HubTree, rules: HubRules) -> HubSnapshot:
    parents = tree.parents()
    effective_unordered = effective_rules_by_node(
        parents, rules.nodes, {i: n.section_id for i, n in tree.nodes.items()}, rules.sections
    )
    effective = {i: effective_unordered[i] for i in tree.order}
    index: dict[int, int] = {}  # id() of an interned rule tuple -> its position in rule_sets
    rule_sets: list[tuple[Rule, ...]] = []
    rule_set_of: dict[int, int] = {}
    for node_id, node_rules in effective.items():
        position = index.get(id(node_rules))
        if position is None:
            position = index[id(node_rules)] = len(rule_sets)
            rule_sets.append(node_rules)
        rule_set_of[node_id] = position
    return HubSnapshot(team_id, hub_id, version, tree, rules, effective, tuple(rule_sets), rule_set_of)


async def fetch_hub_rules(team_id: int, hub_id: int) -> HubRules:
    return rules_by_target(await AccessRule.filter(team_id=team_id, hub_id=hub_id))


_snapshots: dict[tuple[int, int], HubSnapshot] = {}


async def _read_snapshot(team_id: int, hub_id: int) -> HubSnapshot:
    """Version, tree and rules read in one REPEATABLE READ transaction: the version is the data's."""
    async with in_transaction() as conn:
        await conn.execute_script("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        rows = await conn.execute_query_dict(f"SELECT {HUB_VERSION_SQL} AS hub_version", [team_id, hub_id])
        tree = await fetch_published_tree(team_id, hub_id)  # sequential: no concurrency in a transaction
        rules = await fetch_hub_rules(team_id, hub_id)
    return build_snapshot(team_id, hub_id, rows[0]["hub_version"], tree, rules)


async def hub_snapshot(team_id: int, hub_id: int, version: str) -> HubSnapshot:
    """The hub's snapshot at `version` (just read from the database): cached, or read now.

    A snapshot read now may be newer than `version` (a change in between); it is stored under
    its own version, so the next request reads it again or uses it, whichever is right.
    """
    key = (team_id, hub_id)
    cached = _snapshots.get(key)
    if cached is not None and cached.version == version:
        return cached
    if isinstance(connections.get("default"), TransactionalDBClient):
        # Inside a caller's transaction (its own view of the data): read, but neither use nor fill the cache.
        tree = await fetch_published_tree(team_id, hub_id)
        rules = await fetch_hub_rules(team_id, hub_id)
        snapshot = build_snapshot(team_id, hub_id, version, tree, rules)
        snapshot.shareable = False
        return snapshot
    snapshot = await _read_snapshot(team_id, hub_id)
    _snapshots.pop(key, None)
    while len(_snapshots) >= MAX_HUBS:  # evict the oldest stored
        _snapshots.pop(next(iter(_snapshots)), None)
    _snapshots[key] = snapshot
    return snapshot


def clear_snapshots() -> None:
    _snapshots.clear()
