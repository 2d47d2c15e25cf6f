"""Audience links as users of segments (registered by `app.wiring`): find, impact of an edit, detach.

A link pushes the segment's members to an ad-platform audience at each sync; detaching removes
the link (its sync stops), never the destination.
"""

from __future__ import annotations

from typing import Any

from app.audiences.models import AudienceLink
from app.segments.usage import MembershipDiff, SegmentImpact, SegmentUse, counted


def _label(link: AudienceLink) -> str:
    return f"{link.destination.kind} audience '{link.destination.name}'"


class AudienceLinkUsage:
    kind = "audience_link"

    async def find(self, team_id: int, segment_id: int) -> list[SegmentUse]:
        links = await AudienceLink.filter(team_id=team_id, segment_id=segment_id).select_related("destination")
        return [SegmentUse(self.kind, link.id, f"audience link to {_label(link)}")
                for link in sorted(links, key=lambda link: link.id)]

    async def impact(self, team_id: int, segment_id: int, use: SegmentUse, diff: MembershipDiff) -> SegmentImpact:
        link = await AudienceLink.get(id=use.id, team_id=team_id).select_related("destination")
        adding, removing = len(diff.joins), len(diff.leaves)
        message = (f"{_label(link)} would add {counted(adding, 'contact')} and remove {removing} "
                   "at its next sync")
        return SegmentImpact(use, adding, removing, message)

    async def detach(self, db: Any, team_id: int, segment_id: int) -> list[str]:
        links = await AudienceLink.filter(team_id=team_id, segment_id=segment_id).select_related("destination")
        if not links:
            return []
        await AudienceLink.filter(id__in=[link.id for link in links]).using_db(db).delete()
        return [f"audience link to {_label(link)} removed (its sync stops)"
                for link in sorted(links, key=lambda link: link.id)]
