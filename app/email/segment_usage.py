"""Drip campaigns as users of segments (registered by `app.wiring`): find, impact of an edit, detach.

A segment-join drip enrols a contact who joins its trigger segment as its re-entry policy says
(app/email/drips.py `ENROLL_SQL`: once ever; again once the last enrolment ended; or that and N days
after the last entry); a drip exits active enrolments whose contact leaves its exit segment. A
deleted segment never deletes a drip: one that loses its trigger segment is paused, one that loses
its exit segment stops exiting on it.
"""

from __future__ import annotations

from typing import Any

from tortoise import connections
from tortoise.expressions import Q

from app.email.drips import reentry_terms
from app.email.models import (
    Campaign,
    CampaignRecipient,
    CampaignSegment,
    CampaignStatus,
    DripCampaign,
    RecipientState,
)
from app.segments.usage import MembershipDiff, SegmentImpact, SegmentUse, counted

# Who of the joining contacts the drip would enrol now: as ENROLL_SQL decides on a join, an earlier
# enrolment keeps a contact out once ever ($4 false), else only while it is active or less than
# $5 (the re-entry gap) old. Never two active ones, so "any such enrolment" is "the last one is".
_WOULD_ENROL_SQL = """
SELECT count(*) FROM unnest($3::bigint[]) AS c(id)
WHERE NOT EXISTS (SELECT 1 FROM drip_enrollments e
                  WHERE e.team_id = $1 AND e.drip_id = $2 AND e.team_contact_id = c.id
                    AND (NOT $4::boolean OR e.status = 'active' OR e.enrolled_at + $5::interval > now()))
"""
_ACTIVE_SQL = """
SELECT count(*) FROM drip_enrollments e
WHERE e.team_id = $1 AND e.drip_id = $2 AND e.status = 'active' AND e.team_contact_id = ANY($3::bigint[])
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
            again, gap = reentry_terms(drip)
            enrolling = int((await conn.execute_query_dict(
                _WOULD_ENROL_SQL, [team_id, drip.id, list(diff.joins), again, gap]))[0]["count"])
        if drip.exit_segment_id == segment_id and diff.leaves:
            exiting = int((await conn.execute_query_dict(
                _ACTIVE_SQL, [team_id, drip.id, list(diff.leaves)]))[0]["count"])
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


def _open_statuses() -> list[str]:
    return [CampaignStatus.DRAFT, CampaignStatus.SCHEDULED, CampaignStatus.HELD, CampaignStatus.SENDING]


class CampaignUsage:
    """Campaigns not yet finished use their audience and exclusion segments: deleting one is refused,
    and with `force` such a campaign is cancelled (dropping an exclusion would widen its audience).
    A finished campaign's links are dropped silently (its recipients keep the segment id they came by)."""

    kind = "campaign"

    async def find(self, team_id: int, segment_id: int) -> list[SegmentUse]:
        ids = await CampaignSegment.filter(team_id=team_id, segment_id=segment_id).values_list("campaign_id", flat=True)
        rows = await Campaign.filter(team_id=team_id, id__in=list(ids), status__in=_open_statuses()).order_by("id")
        return [SegmentUse(self.kind, c.id, f"campaign '{c.name}' ({c.status})") for c in rows]

    async def impact(self, team_id: int, segment_id: int, use: SegmentUse, diff: MembershipDiff) -> SegmentImpact:
        campaign = await Campaign.get(id=use.id, team_id=team_id)
        link = await CampaignSegment.get(team_id=team_id, campaign_id=campaign.id, segment_id=segment_id)
        adding, removing = (len(diff.leaves), len(diff.joins)) if link.excluded else (len(diff.joins), len(diff.leaves))
        what = "exclusion" if link.excluded else "audience"
        message = (f"campaign '{campaign.name}' ({campaign.status}, {what} segment): "
                   f"{counted(adding, 'more recipient')} and {counted(removing, 'fewer recipient')} if it started now")
        return SegmentImpact(use, adding, removing, message)

    async def detach(self, db: Any, team_id: int, segment_id: int) -> list[str]:
        lines = []
        ids = await CampaignSegment.filter(team_id=team_id, segment_id=segment_id).using_db(db).values_list(
            "campaign_id", flat=True)
        for campaign in await Campaign.filter(team_id=team_id, id__in=list(ids), status__in=_open_statuses()
                                              ).using_db(db).order_by("id"):
            campaign.status, campaign.hold_reason = CampaignStatus.CANCELLED, "an audience segment was deleted"
            await campaign.save(using_db=db, update_fields=["status", "hold_reason", "updated_at"])
            await CampaignRecipient.filter(team_id=team_id, campaign_id=campaign.id, state=RecipientState.QUEUED
                                           ).using_db(db).update(state=RecipientState.SKIPPED, skip_reason="cancelled")
            lines.append(f"campaign '{campaign.name}' cancelled: one of its segments was deleted")
        await CampaignSegment.filter(team_id=team_id, segment_id=segment_id).using_db(db).delete()
        return lines
