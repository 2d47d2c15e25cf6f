"""Facts for the access decision, fetched per request in a fixed number of queries.

A member's hub membership, segments and entitlements come from one statement (tables owned by
hubs, segments and commerce; read here, never written). A hub's rules come from another.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from strawberry.dataloader import DataLoader
from tortoise import connections

from app.access.decision import EntitlementFacts, MemberFacts, Rule
from app.access.models import AccessRule, RuleTarget

# Benchmarks compare against naive per-node checks: MEMBERHUB_ACCESS_LOADERS=off.
LOADERS_ENABLED = os.environ.get("MEMBERHUB_ACCESS_LOADERS", "on").lower() != "off"

def member_facts_sql(contacts: str, *, team: str = "$1", hub: str = "$2", columns: str = "") -> str:
    """The facts statement: `contacts` is the FROM item naming each contact `c.id`; `team` and `hub`
    are SQL expressions (parameters by default); `columns` adds more to the SELECT list."""
    return f"""
SELECT c.id AS team_contact_id, hm.role, hm.joined_at, hm.banned,
  ARRAY(SELECT sm.segment_id FROM segment_memberships sm
        WHERE sm.team_id = {team} AND sm.team_contact_id = c.id) AS segment_ids,
  ARRAY(SELECT (e.product_id, e.status, e.starts_at, e.ends_at) FROM entitlements e
        WHERE e.team_id = {team} AND e.team_contact_id = c.id ORDER BY e.id) AS entitlements{columns}
FROM {contacts}
LEFT JOIN hub_memberships hm ON hm.team_id = {team} AND hm.hub_id = {hub} AND hm.team_contact_id = c.id
"""


MEMBER_FACTS_SQL = member_facts_sql("unnest($3::bigint[]) AS c(id)")


def _facts_from_row(row: dict[str, Any]) -> MemberFacts:
    entitlements = {
        product_id: EntitlementFacts(status=status, starts_at=starts, ends_at=ends)
        for product_id, status, starts, ends in row["entitlements"]
    }
    return MemberFacts(
        team_contact_id=row["team_contact_id"], role=row["role"], joined_at=row["joined_at"],
        banned=bool(row["banned"]), segment_ids=frozenset(row["segment_ids"]), entitlements=entitlements,
    )


async def fetch_member_facts(team_id: int, hub_id: int, contact_ids: list[int]) -> dict[int, MemberFacts]:
    rows = await connections.get("default").execute_query_dict(MEMBER_FACTS_SQL, [team_id, hub_id, contact_ids])
    return {row["team_contact_id"]: _facts_from_row(row) for row in rows}


def member_facts_loader(team_id: int, hub_id: int) -> DataLoader[int, MemberFacts]:
    async def load(contact_ids: list[int]) -> list[MemberFacts]:
        facts = await fetch_member_facts(team_id, hub_id, list(contact_ids))
        return [facts.get(i) or MemberFacts(team_contact_id=i) for i in contact_ids]

    return DataLoader(load_fn=load)


def rule_from_model(row: AccessRule) -> Rule:
    return Rule(
        audience=str(row.audience), mode=str(row.mode), roles=frozenset(row.roles or ()),
        segment_ids=frozenset(int(i) for i in row.segment_ids or ()),
        product_ids=frozenset(int(i) for i in row.product_ids or ()),
        contact_ids=frozenset(int(i) for i in row.contact_ids or ()),
        available_from=row.available_from, available_until=row.available_until,
        drip_days=row.drip_days, drip_anchor=str(row.drip_anchor) if row.drip_anchor else None,
    )


@dataclass(frozen=True)
class HubRules:
    nodes: dict[int, Rule] = field(default_factory=dict)
    sections: dict[int, Rule] = field(default_factory=dict)
    pages: dict[int, Rule] = field(default_factory=dict)


def rules_by_target(rows: list[AccessRule]) -> HubRules:
    rules = HubRules()
    by_type = {RuleTarget.NODE: rules.nodes, RuleTarget.HUB_SECTION: rules.sections, RuleTarget.PAGE: rules.pages}
    for row in rows:
        by_type[RuleTarget(row.target_type)][row.target_id] = rule_from_model(row)
    return rules


def hub_rules_loader(team_id: int) -> DataLoader[int, HubRules]:
    async def load(hub_ids: list[int]) -> list[HubRules]:
        rows = await AccessRule.filter(team_id=team_id, hub_id__in=list(hub_ids))
        grouped: dict[int, list[AccessRule]] = {h: [] for h in hub_ids}
        for row in rows:
            grouped[row.hub_id].append(row)
        return [rules_by_target(grouped[h]) for h in hub_ids]

    return DataLoader(load_fn=load)
