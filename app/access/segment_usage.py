"""Access rules as users of segments (registered by `app.wiring`): find, impact of an edit, detach.

A rule with audience `segments_any` admits a hub member in any of its segments, `segments_all` one
in every one of them; an edit of one segment changes access for the (not banned) hub members who
join or leave it and whom the rule's other segments do not already decide.
"""

from __future__ import annotations

import json
from typing import Any

from tortoise import connections

from app.access.models import AccessRule, Audience, RuleTarget
from app.content.models import ContentNode, HubSection, Page
from app.segments.usage import MembershipDiff, SegmentImpact, SegmentUse, counted

SEGMENT_AUDIENCES = (Audience.SEGMENTS_ANY, Audience.SEGMENTS_ALL)

# Hub members among `$3` (the movers) for whom this segment decides the rule: for "any", those in
# none of the rule's other segments; for "all", those in every one of them.
_DECIDED_SQL = """
SELECT count(*) FROM unnest($3::bigint[]) AS c(id)
JOIN hub_memberships hm ON hm.team_id = $1 AND hm.hub_id = $2 AND hm.team_contact_id = c.id AND NOT hm.banned
WHERE CASE WHEN $5 THEN
        (SELECT count(DISTINCT sm.segment_id) FROM segment_memberships sm
          WHERE sm.team_id = $1 AND sm.team_contact_id = c.id AND sm.segment_id = ANY($4::bigint[]))
        = cardinality($4::bigint[])
      ELSE NOT EXISTS (SELECT 1 FROM segment_memberships sm
                        WHERE sm.team_id = $1 AND sm.team_contact_id = c.id AND sm.segment_id = ANY($4::bigint[]))
      END
"""


async def _target_labels(rules: list[AccessRule]) -> dict[int, str]:
    """What each rule guards, by rule id, in words: one query per kind of target, not per rule."""
    wanted: dict[RuleTarget, set[int]] = {}
    for rule in rules:
        wanted.setdefault(RuleTarget(rule.target_type), set()).add(rule.target_id)
    titles: dict[tuple[RuleTarget, int], str] = {}
    for target, ids in wanted.items():
        if target == RuleTarget.NODE:
            for node in await ContentNode.filter(id__in=sorted(ids)).only("id", "kind", "title"):
                titles[(target, node.id)] = f"{node.kind} '{node.title}'"
        elif target == RuleTarget.SPACE:
            continue  # community spaces sit above access: named by id
        else:
            model, word = (HubSection, "section") if target == RuleTarget.HUB_SECTION else (Page, "page")
            for row in await model.filter(id__in=sorted(ids)).only("id", "title"):
                titles[(target, row.id)] = f"{word} '{row.title}'"
    fallback = {RuleTarget.NODE: "content node", RuleTarget.HUB_SECTION: "section", RuleTarget.PAGE: "page",
                RuleTarget.SPACE: "community space"}
    return {rule.id: titles.get((RuleTarget(rule.target_type), rule.target_id),
                                f"{fallback[RuleTarget(rule.target_type)]} {rule.target_id}") for rule in rules}


async def _rules_using(team_id: int, segment_id: int) -> list[AccessRule]:
    rows = await connections.get("default").execute_query_dict(
        "SELECT id FROM access_rules WHERE team_id = $1 AND segment_ids @> $2::jsonb ORDER BY id",
        [team_id, json.dumps([segment_id])],
    )
    return await AccessRule.filter(id__in=[r["id"] for r in rows]).order_by("id") if rows else []


class AccessRuleUsage:
    kind = "access_rule"

    async def find(self, team_id: int, segment_id: int) -> list[SegmentUse]:
        rules = await _rules_using(team_id, segment_id)
        labels = await _target_labels(rules)
        return [SegmentUse(self.kind, rule.id, f"access rule on {labels[rule.id]}") for rule in rules]

    async def impact(self, team_id: int, segment_id: int, use: SegmentUse, diff: MembershipDiff) -> SegmentImpact:
        rule = await AccessRule.get(id=use.id, team_id=team_id)
        target = use.name.removeprefix("access rule on ")
        if rule.audience not in SEGMENT_AUDIENCES:
            return SegmentImpact(use, 0, 0, f"the access rule on {target} does not admit by segment now: "
                                            "no member's access changes")
        others = sorted({int(i) for i in rule.segment_ids} - {segment_id})
        every = rule.audience == Audience.SEGMENTS_ALL
        conn = connections.get("default")

        async def decided(movers: list[int]) -> int:
            if not movers:
                return 0
            rows = await conn.execute_query_dict(_DECIDED_SQL, [team_id, rule.hub_id, movers, others, every])
            return int(rows[0]["count"])

        gaining, losing = await decided(list(diff.joins)), await decided(list(diff.leaves))
        if not gaining and not losing:
            message = f"no member's access to {target} changes"
        else:
            parts = ([f"{counted(losing, 'member')} {'loses' if losing == 1 else 'lose'} access to {target}"]
                     if losing else [])
            parts += ([f"{counted(gaining, 'member')} {'gains' if gaining == 1 else 'gain'} access to {target}"]
                      if gaining else [])
            message = ", ".join(parts)
        return SegmentImpact(use, gaining, losing, message)

    async def detach(self, db: Any, team_id: int, segment_id: int) -> list[str]:
        lines = []
        rules = await _rules_using(team_id, segment_id)
        labels = await _target_labels(rules)
        for rule in rules:
            rule.segment_ids = [i for i in rule.segment_ids if int(i) != segment_id]
            await rule.save(using_db=db, update_fields=["segment_ids", "updated_at"])
            line = f"access rule on {labels[rule.id]} no longer reads the segment"
            if rule.audience in SEGMENT_AUDIENCES and not rule.segment_ids:
                line += " and admits no one until it is given another audience"
            lines.append(line)
        return lines
