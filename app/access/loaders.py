"""Facts for the access decision, fetched per request in a fixed number of queries.

A member's hub membership, segments and entitlements come from one statement (tables owned by
hubs, segments and commerce; read here, never written). A hub's rules come from another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.access.decision import EntitlementFacts, MemberFacts, Rule
from app.access.models import AccessRule, RuleTarget


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


def _facts_from_row(row: dict[str, Any]) -> MemberFacts:
    entitlements = {
        product_id: EntitlementFacts(status=status, starts_at=starts, ends_at=ends)
        for product_id, status, starts, ends in row["entitlements"]
    }
    return MemberFacts(
        team_contact_id=row["team_contact_id"], role=row["role"], joined_at=row["joined_at"],
        banned=bool(row["banned"]), segment_ids=frozenset(row["segment_ids"]), entitlements=entitlements,
    )


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
    spaces: dict[int, Rule] = field(default_factory=dict)  # community spaces (app/community)


def rules_by_target(rows: list[AccessRule]) -> HubRules:
    rules = HubRules()
    by_type = {RuleTarget.NODE: rules.nodes, RuleTarget.HUB_SECTION: rules.sections, RuleTarget.PAGE: rules.pages,
               RuleTarget.SPACE: rules.spaces}
    for row in rows:
        by_type[RuleTarget(row.target_type)][row.target_id] = rule_from_model(row)
    return rules
