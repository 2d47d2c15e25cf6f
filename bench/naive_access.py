"""The baseline `access_bench.py` compares against: each node's decision with its facts and rules
fetched node by node (no batched facts, no hub snapshot). Benchmark-only, so it lives here:
`use_naive_access(True)` swaps it into `app.access.view` in-process, and `create_app` is the
server factory of the bench's "naive" round (`uvicorn bench.naive_access:create_app --factory`).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

from strawberry.dataloader import DataLoader
from tortoise import connections

from app.access import view
from app.access.decision import Decision, MemberFacts, Rule, decide
from app.access.loaders import HubRules, _facts_from_row, member_facts_sql, rule_from_model, rules_by_target
from app.access.models import AccessRule, RuleTarget
from app.content.loaders import HubTree, fetch_published_tree

MEMBER_FACTS_SQL = member_facts_sql("unnest($3::bigint[]) AS c(id)")
ANCESTRY_SQL = """
WITH RECURSIVE up AS (
  SELECT id, parent_id, section_id, 0 AS level FROM content_nodes WHERE id = $1 AND team_id = $2
  UNION ALL
  SELECT n.id, n.parent_id, n.section_id, up.level + 1 FROM content_nodes n JOIN up ON n.id = up.parent_id
)
SELECT id, section_id FROM up ORDER BY level DESC
"""


async def fetch_member_facts(team_id: int, hub_id: int, contact_ids: list[int]) -> dict[int, MemberFacts]:
    rows = await connections.get("default").execute_query_dict(MEMBER_FACTS_SQL, [team_id, hub_id, contact_ids])
    return {row["team_contact_id"]: _facts_from_row(row) for row in rows}


def member_facts_loader(team_id: int, hub_id: int) -> DataLoader[int, MemberFacts]:
    async def load(contact_ids: list[int]) -> list[MemberFacts]:
        facts = await fetch_member_facts(team_id, hub_id, list(contact_ids))
        return [facts.get(i) or MemberFacts(team_contact_id=i) for i in contact_ids]

    return DataLoader(load_fn=load)


def hub_rules_loader(team_id: int) -> DataLoader[int, HubRules]:
    async def load(hub_ids: list[int]) -> list[HubRules]:
        rows = await AccessRule.filter(team_id=team_id, hub_id__in=list(hub_ids))
        grouped: dict[int, list[AccessRule]] = {h: [] for h in hub_ids}
        for row in rows:
            grouped[row.hub_id].append(row)
        return [rules_by_target(grouped[h]) for h in hub_ids]

    return DataLoader(load_fn=load)


def published_tree_loader(team_id: int) -> DataLoader[int, HubTree]:
    async def load(hub_ids: list[int]) -> list[HubTree]:
        return [await fetch_published_tree(team_id, h) for h in hub_ids]

    return DataLoader(load_fn=load)


async def naive_decision(team_id: int, hub_id: int, contact_id: int, node_id: int, now: datetime) -> Decision:
    facts = (await fetch_member_facts(team_id, hub_id, [contact_id])).get(contact_id)
    ancestry = await connections.get("default").execute_query_dict(ANCESTRY_SQL, [node_id, team_id])
    node_ids = [row["id"] for row in ancestry]
    section_id = next((row["section_id"] for row in reversed(ancestry) if row["section_id"]), None)
    rows = await AccessRule.filter(team_id=team_id, hub_id=hub_id, target_type=RuleTarget.NODE, target_id__in=node_ids)
    by_node = {row.target_id: rule_from_model(row) for row in rows}
    section_rule: Rule | None = None
    if section_id is not None:
        section_row = await AccessRule.get_or_none(team_id=team_id, target_type=RuleTarget.HUB_SECTION,
                                                   target_id=section_id)
        section_rule = rule_from_model(section_row) if section_row else None
    return decide(facts, [section_rule, *(by_node.get(i) for i in node_ids)], now)


async def naive_decisions(
    team_id: int, hub_id: int, contact_id: int, tree: HubTree, now: datetime
) -> dict[int, Decision]:
    results = await asyncio.gather(*(naive_decision(team_id, hub_id, contact_id, i, now) for i in tree.order))
    return dict(zip(tree.order, results, strict=True))


async def naive_compute_hub_access(
    loaders: dict[str, Any], team_id: int, hub_id: int, contact_id: int, now: datetime | None = None
) -> view.HubAccess:
    """`app.access.view.compute_hub_access` without the snapshot: node by node."""

    def get(name: str, factory: Any) -> Any:
        if name not in loaders:
            loaders[name] = factory()
        return loaders[name]

    now = now or datetime.now(UTC)
    tree, rules, facts = await asyncio.gather(
        get("content:tree", lambda: published_tree_loader(team_id)).load(hub_id),
        get("access:rules", lambda: hub_rules_loader(team_id)).load(hub_id),
        get(f"access:facts:{hub_id}", lambda: member_facts_loader(team_id, hub_id)).load(contact_id),
    )
    decisions = await naive_decisions(team_id, hub_id, contact_id, tree, now)
    return view.HubAccess(team_id, hub_id, contact_id, facts, tree, rules, decisions, now)


_DATALOADER_PATH = view.compute_hub_access


def use_naive_access(naive: bool) -> None:
    """Member queries decide node by node (True) or through the app's own path (False)."""
    view.compute_hub_access = naive_compute_hub_access if naive else _DATALOADER_PATH


def create_app() -> Any:
    from app.asgi import create_app as create_memberhub_app

    use_naive_access(True)
    return create_memberhub_app()
