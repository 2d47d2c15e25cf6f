"""Drip campaigns as users of segments (registered by `app.wiring`): find, impact of an edit, detach.

A segment-join drip enrols each contact who joins its trigger segment once ever; a drip exits
active enrolments whose contact leaves its exit segment. A deleted segment never deletes a drip:
one that loses its trigger segment is paused, one that loses its exit segment stops exiting on it.
"""

from __future__ import annotations

from typing import Any

from tortoise import connections
from tortoise.expressions import Q

from app.email.models import DripCampaign
from app.segments.usage import MembershipDiff, SegmentImpact, SegmentUse, counted

_NOT_ENROLLED_SQL = """
SELECT count(*) FROM unnest($2::bigint[]) AS c(id)
WHERE NOT EXISTS (SELECT 1 FROM drip_enrollments e WHERE e.drip_id = $1 AND e.team_contact_id = c.id)
"""
_ACTIVE_SQL = """
SELECT count(*) FROM drip_enrollments e
WHERE e.drip_id = $1 AND e.status = 'active' AND e.team_contact_id = ANY($2::bigint[])
"""


def _drips_using(team_id: int, segment_id: int) -> Any:
    return DripCampaign.filter(Q(trigger_segment_id=segment_id) | Q(exit_segment_id=segment_id),
                               team_id=team_id).order_by("id")


class DripUsage:
    kind = "drip"

    async def find(self, team_id: int, segment_id: int) -> list[SegmentUse]:
        return [SegmentUse(self.kind, drip.id, f"drip '{drip.name}'")
                for drip in await _drips_using(team_id, segment_id)]

    async def impact(self, team_id: int, segment_id: int, use: SegmentUse, diff: MembershipDiff) -> SegmentImpact:
        drip = await DripCampaign.get(id=use.id, team_id=team_id)
        conn = connections.get("default")
        enrolling = exiting = 0
        parts = []
        if drip.trigger_segment_id == segment_id and diff.joins:
            enrolling = int((await conn.execute_query_dict(_NOT_ENROLLED_SQL, [drip.id, list(diff.joins)]))[0]["count"])
        if drip.exit_segment_id == segment_id and diff.leaves:
            exiting = int((await conn.execute_query_dict(_ACTIVE_SQL, [drip.id, list(diff.leaves)]))[0]["count"])
        if enrolling:
            parts.append(f"would enrol {enrolling} more" + ("" if drip.active else " once resumed (it is paused)"))
        if exiting:
            parts.append(f"would exit {counted(exiting, 'enrolled contact')}")
        message = f"drip '{drip.name}' " + (" and ".join(parts) if parts else "would enrol and exit no one")
        return SegmentImpact(use, enrolling, exiting, message)

    async def detach(self, db: Any, team_id: int, segment_id: int) -> list[str]:
        lines = []
        for drip in await _drips_using(team_id, segment_id):
            changed = []
            if drip.trigger_segment_id == segment_id:
                drip.trigger_segment_id, drip.active = None, False
                changed += ["trigger_segment_id", "active"]
                lines.append(f"drip '{drip.name}' paused: it has no trigger segment any more")
            if drip.exit_segment_id == segment_id:
                drip.exit_segment_id = None
                changed.append("exit_segment_id")
                lines.append(f"drip '{drip.name}' no longer exits contacts who leave the segment")
            await drip.save(using_db=db, update_fields=[*changed, "updated_at"])
        return lines
