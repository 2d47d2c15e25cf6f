"""Revenue of a period split by the segments the buyer was in when ordering.

Membership at the time of the order comes from history, not today's membership, so "which
segment drove the most revenue this quarter" counts an order for the segments its buyer was in
then. A buyer in two of the listed segments counts for both: each segment's figure is its own,
the overlap is reported per pair, and the totals count every order once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import Any

from app.core.db_limits import heavy
from app.core.errors import ValidationFailed
from app.reports.access import MAX_SEGMENTS, ReportSegment, bounds, granted_segment_ids, visible_segments
from app.reports.db import fetch
from app.reports.periods import Granularity, Period, make_period
from app.reports.sql import PAID_ORDER
from app.teams.service import Viewer

# One row per set of listed segments the buyer was in at the order (the empty set included).
_BY_SEGMENT_SET = f"""
WITH params AS (SELECT $3::text AS time_zone),
ch AS (
    SELECT c.segment_id, c.team_contact_id, c.action, c.at,
           LEAD(c.at) OVER (PARTITION BY c.segment_id, c.team_contact_id ORDER BY c.at, c.id) AS next_at
    FROM segment_membership_changes c
    WHERE c.team_id = $1 AND c.segment_id = ANY($2::bigint[]) AND c.at < $5
      AND c.team_contact_id <= COALESCE(($6::bigint[])[array_position($2::bigint[], c.segment_id)],
                                        9223372036854775807)
),
iv AS (SELECT segment_id, team_contact_id, at AS from_at, next_at AS to_at FROM ch WHERE action = 'join'),
o AS (
    SELECT o.id, o.team_contact_id, o.placed_at, (o.total_amount - o.amount_refunded) AS net
    FROM orders o
    WHERE o.team_id = $1 AND o.status IN {PAID_ORDER} AND o.placed_at >= $4 AND o.placed_at < $5
),
tagged AS (  -- each order with the listed segments it was in, as bits of their positions in $2 (hashed)
    SELECT o.id, o.net, COALESCE(bit_or(1::bigint << (array_position($2::bigint[], iv.segment_id) - 1)), 0) AS mask
    FROM o
    LEFT JOIN iv ON iv.team_contact_id = o.team_contact_id AND o.placed_at >= iv.from_at
                AND (iv.to_at IS NULL OR o.placed_at < iv.to_at)
    GROUP BY o.id, o.net
),
sets AS (SELECT mask, count(*)::bigint AS orders, COALESCE(sum(net), 0)::bigint AS revenue FROM tagged GROUP BY mask)
SELECT ARRAY(SELECT u.segment_id FROM unnest($2::bigint[]) WITH ORDINALITY AS u(segment_id, i)
             WHERE sets.mask & (1::bigint << (u.i::int - 1)) <> 0 ORDER BY 1) AS segments,
       orders, revenue
FROM sets
"""


@dataclass
class SegmentRevenue:
    segment: ReportSegment
    revenue: int
    orders: int
    share: float | None  # of the total
    exclusive_revenue: int  # orders in no other listed segment


@dataclass
class Overlap:
    first: ReportSegment
    second: ReportSegment
    revenue: int
    orders: int


@dataclass
class RevenueAttribution:
    period: Period
    total_revenue: int | None  # all the team's orders (None for a partner key: not its to see)
    total_orders: int | None
    attributed_revenue: int  # orders in at least one listed segment, each once
    attributed_orders: int
    unattributed_revenue: int | None
    segments: list[SegmentRevenue]
    overlaps: list[Overlap]


async def revenue_by_segment(viewer: Viewer, segment_ids: list[int], start: date, end: date) -> RevenueAttribution:
    if len(set(segment_ids)) > MAX_SEGMENTS:
        raise ValidationFailed.one("segmentIds", f"at most {MAX_SEGMENTS} segments side by side", "TOO_MANY_SEGMENTS")
    period = make_period(start, end, Granularity.DAY, viewer.team.time_zone)
    segments = await visible_segments(viewer, segment_ids)
    partner = await granted_segment_ids(viewer) is not None
    async with heavy(viewer.team.id):
        rows = await fetch(_BY_SEGMENT_SET, viewer.team.id, [s.id for s in segments], period.time_zone,
                           period.starts_at, period.ends_at, bounds(segments))
    return _attribution(period, segments, rows, partner)


def _attribution(period: Period, segments: list[ReportSegment], rows: list[dict[str, Any]],
                 partner: bool) -> RevenueAttribution:
    sets = [(frozenset(int(s) for s in r["segments"]), int(r["orders"]), int(r["revenue"])) for r in rows]
    total_orders = sum(n for _, n, _ in sets)
    total = sum(v for _, _, v in sets)
    attributed = [(k, n, v) for k, n, v in sets if k]
    attributed_revenue = sum(v for _, _, v in attributed)
    per_segment = []
    for segment in segments:
        mine = [(k, n, v) for k, n, v in attributed if segment.id in k]
        revenue = sum(v for _, _, v in mine)
        per_segment.append(SegmentRevenue(
            segment=segment, revenue=revenue, orders=sum(n for _, n, _ in mine),
            share=None if partner else (round(revenue / total, 4) if total else 0.0),
            exclusive_revenue=sum(v for k, _, v in mine if len(k) == 1)))
    overlaps = []
    for a, b in combinations(segments, 2):
        both = [(n, v) for k, n, v in attributed if a.id in k and b.id in k]
        if both:
            overlaps.append(Overlap(first=a, second=b, revenue=sum(v for _, v in both),
                                    orders=sum(n for n, _ in both)))
    return RevenueAttribution(
        period=period, total_revenue=None if partner else total, total_orders=None if partner else total_orders,
        attributed_revenue=attributed_revenue, attributed_orders=sum(n for _, n, _ in attributed),
        unattributed_revenue=None if partner else total - attributed_revenue,
        segments=per_segment, overlaps=overlaps)
