"""Which segments a report caller may see: the team's, or only the named ones of a partner key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from app.core import plan_caps
from app.core.errors import NotFound
from app.reports.models import ReportKeySegment
from app.segments.models import Segment
from app.teams.service import ADMIN_SCOPE, Viewer

MAX_SEGMENTS = 10  # side by side in one report



@dataclass(frozen=True)
class ReportSegment:
    id: int
    name: str
    member_count: int
    # The plan's members-per-segment cap, for API-key (partner) callers: only contacts with
    # team_contact_id <= member_bound count (app.core.plan_caps.capped_audience); None: everyone.
    member_bound: int | None = None
    cap_notice: str | None = None


def bounds(segments: list[ReportSegment]) -> list[int | None]:
    """Each segment's member bound, aligned with the segment ids passed to the SQL."""
    return [s.member_bound for s in segments]


async def _capped(viewer: Viewer, segment: ReportSegment) -> ReportSegment:
    if viewer.api_key is None or ADMIN_SCOPE in viewer.scopes:
        return segment  # the team's own staff and admin keys see every member; partners the plan's share
    cap = await plan_caps.capped_audience(viewer.team.id, segment.id)
    if cap.last_included_id is None:
        return segment
    return ReportSegment(id=segment.id, name=segment.name, member_count=cap.included,
                         member_bound=cap.last_included_id, cap_notice=cap.notice)


async def granted_segment_ids(viewer: Viewer) -> set[int] | None:
    """The segments a partner key is limited to, or None when it sees every segment of the team."""
    if viewer.api_key is None:
        return None
    granted = cast(list[int], await ReportKeySegment.filter(
        team_id=viewer.team.id, api_key_id=viewer.api_key.id).values_list("segment_id", flat=True))
    return set(granted) if granted else None


async def visible_segments(viewer: Viewer, segment_ids: list[int], field: str = "segmentIds") -> list[ReportSegment]:
    """The requested segments, in the order asked; another team's, or one outside a partner key's
    grant, is unknown (NOT_FOUND), exactly like an id that does not exist."""
    if not segment_ids:
        raise NotFound(field, "segment")
    wanted = list(dict.fromkeys(segment_ids))
    granted = await granted_segment_ids(viewer)
    rows = {s.id: s for s in await Segment.filter(team_id=viewer.team.id, id__in=wanted)}
    if any(s not in rows or (granted is not None and s not in granted) for s in wanted):
        raise NotFound(field, "segment")
    return [await _capped(viewer, ReportSegment(id=s, name=rows[s].name, member_count=rows[s].member_count))
            for s in wanted]


async def listable_segments(viewer: Viewer) -> list[ReportSegment]:
    """Every segment the caller may report on, by id."""
    granted = await granted_segment_ids(viewer)
    query = Segment.filter(team_id=viewer.team.id)
    if granted is not None:
        query = query.filter(id__in=sorted(granted))
    return [await _capped(viewer, ReportSegment(id=s.id, name=s.name, member_count=s.member_count))
            for s in await query.order_by("id")]
