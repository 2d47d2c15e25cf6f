"""Predicted LTV by segment: the latest fit's per-customer predictions summed over current members."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.core.db_limits import heavy
from app.core.errors import ValidationFailed
from app.reports.access import MAX_SEGMENTS, ReportSegment, bounds, visible_segments
from app.reports.db import fetch
from app.reports.models import LtvFit, LtvFitStatus
from app.teams.service import Viewer

# Members without a prediction (never bought) expect nothing; they count as members, not customers.
_BY_SEGMENT = """
SELECT s.segment_id, count(sm.team_contact_id)::bigint AS members, count(p.id)::bigint AS customers,
       COALESCE(sum(p.expected_purchases), 0)::float8 AS purchases,
       COALESCE(sum(p.expected_spend), 0)::float8 AS spend,
       avg(p.probability_alive)::float8 AS alive
FROM unnest($2::bigint[]) AS s(segment_id)
LEFT JOIN segment_memberships sm ON sm.team_id = $1 AND sm.segment_id = s.segment_id
      AND sm.team_contact_id <= COALESCE(($3::bigint[])[array_position($2::bigint[], s.segment_id)],
                                         9223372036854775807)
LEFT JOIN report_ltv_predictions p ON p.team_id = $1 AND p.team_contact_id = sm.team_contact_id
GROUP BY 1
"""


@dataclass
class SegmentLtv:
    segment: ReportSegment
    members: int
    customers: int
    expected_purchases: float
    expected_spend: float
    probability_alive: float | None

    @property
    def purchases_per_member(self) -> float:
        return round(self.expected_purchases / self.members, 4) if self.members else 0.0

    @property
    def spend_per_member(self) -> float:
        return round(self.expected_spend / self.members, 2) if self.members else 0.0


@dataclass
class PredictedLtv:
    status: LtvFitStatus | None  # None: never fitted
    fitted_at: datetime | None
    horizon_days: int
    customers: int
    params: dict[str, float]
    message: str | None
    segments: list[SegmentLtv]


async def predicted_ltv(viewer: Viewer, segment_ids: list[int]) -> PredictedLtv:
    if len(set(segment_ids)) > MAX_SEGMENTS:
        raise ValidationFailed.one("segmentIds", f"at most {MAX_SEGMENTS} segments side by side", "TOO_MANY_SEGMENTS")
    segments = await visible_segments(viewer, segment_ids)
    fit = await LtvFit.filter(team_id=viewer.team.id).order_by("-fitted_at", "-id").first()
    ok = await LtvFit.filter(team_id=viewer.team.id, status=LtvFitStatus.OK).order_by("-fitted_at", "-id").first()
    rows: dict[int, dict[str, Any]] = {}
    if ok is not None:
        async with heavy(viewer.team.id):
            rows = {int(r["segment_id"]): r for r in await fetch(_BY_SEGMENT, viewer.team.id, [s.id for s in segments],
                                                                  bounds(segments))}
    return PredictedLtv(
        status=fit.status if fit else None, fitted_at=ok.fitted_at if ok else None,
        horizon_days=ok.horizon_days if ok else 90, customers=ok.customers if ok else 0,
        params={k: float(v) for k, v in (ok.params or {}).items()} if ok else {},
        message=fit.error if fit and fit.status != LtvFitStatus.OK else None,
        segments=[SegmentLtv(
            segment=s, members=int(rows[s.id]["members"]) if s.id in rows else 0,
            customers=int(rows[s.id]["customers"]) if s.id in rows else 0,
            expected_purchases=round(float(rows[s.id]["purchases"]), 4) if s.id in rows else 0.0,
            expected_spend=round(float(rows[s.id]["spend"]), 2) if s.id in rows else 0.0,
            probability_alive=(round(float(rows[s.id]["alive"]), 4)
                               if s.id in rows and rows[s.id]["alive"] is not None else None),
        ) for s in segments],
    )
