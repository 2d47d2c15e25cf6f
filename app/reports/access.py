"""Which segments a report caller may see: the team's, or only the named ones of a partner key."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import cast

from app.core.errors import NotFound
from app.reports.models import ReportKeySegment
from app.segments.models import Segment
from app.teams.service import Viewer

MAX_SEGMENTS = 10  # side by side in one report

# Hook for the plans domain (members-per-segment cap of the team's tier): given a team id, the cap
# that partner reports must respect, or None. Bound in app/wiring.py once plans provides it.
partner_segment_cap: Callable[[int], Awaitable[int | None]] | None = None


@dataclass(frozen=True)
class ReportSegment:
    id: int
    name: str
    member_count: int


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
    return [ReportSegment(id=s, name=rows[s].name, member_count=rows[s].member_count) for s in wanted]


async def listable_segments(viewer: Viewer) -> list[ReportSegment]:
    """Every segment the caller may report on, by id."""
    granted = await granted_segment_ids(viewer)
    query = Segment.filter(team_id=viewer.team.id)
    if granted is not None:
        query = query.filter(id__in=sorted(granted))
    return [ReportSegment(id=s.id, name=s.name, member_count=s.member_count) for s in await query.order_by("id")]
