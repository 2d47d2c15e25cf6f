"""Cohort retention: rows are cohorts (a month of the team's calendar), columns months since.

A cohort is the contacts whose first paid order, whose joining the team, or whose first joining
a given segment fell in that month. Optionally only those in another segment now ("March
first-orderers who are in 'still active' today"). Each cell, for month k since the cohort's:
- active: contacts with any event or a paid order in that month;
- subscribed: contacts with a subscription (trials included) live at some moment of that month;
- revenue: the cohort's net order revenue from its month to the end of month k (cumulative), and
  per member (the cohort's LTV curve).
Months not yet begun are left out. One SQL statement; money in minor units.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from app.core.db_limits import heavy
from app.core.errors import FieldError, ValidationFailed
from app.reports.access import granted_segment_ids, visible_segments
from app.reports.db import fetch
from app.reports.periods import EARLIEST, LATEST, zone
from app.reports.sql import PAID_ORDER
from app.teams.service import Viewer

MAX_COHORTS = 36
MAX_PERIODS = 36


class CohortBy(StrEnum):
    FIRST_ORDER_MONTH = "first_order_month"
    JOIN_MONTH = "join_month"  # joined the team (the contact's record was created)
    SEGMENT_JOIN_MONTH = "segment_join_month"  # first joined `cohortSegmentId`


_BASE = {
    CohortBy.FIRST_ORDER_MONTH: f"""
        SELECT o.team_contact_id, date_trunc('month', min(o.placed_at) AT TIME ZONE $2)::date AS cohort
        FROM orders o WHERE o.team_id = $1 AND o.status IN {PAID_ORDER} GROUP BY 1""",
    CohortBy.JOIN_MONTH: """
        SELECT tc.id AS team_contact_id, date_trunc('month', tc.created_at AT TIME ZONE $2)::date AS cohort
        FROM team_contacts tc WHERE tc.team_id = $1""",
    CohortBy.SEGMENT_JOIN_MONTH: """
        SELECT c.team_contact_id, date_trunc('month', min(c.at) AT TIME ZONE $2)::date AS cohort
        FROM segment_membership_changes c
        WHERE c.team_id = $1 AND c.segment_id = $7 AND c.action = 'join' GROUP BY 1""",
}

# $1 team, $2 time zone, $3 first cohort month, $4 last cohort month, $5 periods, $6 current month,
# $7 cohort segment (or 0), $8 "in segment now" (or 0), $9 the member bound of a partner under the
# plan's members-per-segment cap (the smaller of the two segments'; the largest bigint: none).
_COHORTS = """
WITH params AS (SELECT $7::bigint AS cohort_segment),
base AS ({base}),
cohort AS (
    SELECT b.team_contact_id, b.cohort FROM base b
    WHERE b.cohort >= $3::date AND b.cohort <= $4::date AND b.team_contact_id <= $9::bigint
      AND ($8::bigint = 0 OR EXISTS (
          SELECT 1 FROM segment_memberships sm
          WHERE sm.team_id = $1 AND sm.segment_id = $8 AND sm.team_contact_id = b.team_contact_id))
),
sizes AS (SELECT cohort, count(*)::bigint AS n FROM cohort GROUP BY 1),
grid AS (
    SELECT s.cohort, k, (s.cohort + make_interval(months => k))::date AS m
    FROM sizes s, generate_series(0, $5::int - 1) AS k
    WHERE (s.cohort + make_interval(months => k))::date <= $6::date
),
cohort_orders AS MATERIALIZED (  -- read once: activity and revenue both use them
    SELECT c.cohort, c.team_contact_id, date_trunc('month', o.placed_at AT TIME ZONE $2)::date AS m,
           o.total_amount - o.amount_refunded AS net
    FROM cohort c JOIN orders o ON o.team_id = $1 AND o.team_contact_id = c.team_contact_id
    WHERE o.status IN {paid} AND o.placed_at >= (c.cohort::timestamp AT TIME ZONE $2)
),
touch AS (
    SELECT DISTINCT c.cohort, date_trunc('month', e.occurred_at AT TIME ZONE $2)::date AS m, c.team_contact_id
    FROM cohort c JOIN events e ON e.team_id = $1 AND e.team_contact_id = c.team_contact_id
    WHERE e.occurred_at >= (c.cohort::timestamp AT TIME ZONE $2)
    UNION
    SELECT cohort, m, team_contact_id FROM cohort_orders
),
active AS (SELECT cohort, m, count(*)::bigint AS n FROM touch GROUP BY 1, 2),
subscribed AS (
    SELECT g.cohort, g.m, count(DISTINCT c.team_contact_id)::bigint AS n
    FROM grid g
    JOIN cohort c ON c.cohort = g.cohort
    JOIN subscriptions s ON s.team_id = $1 AND s.team_contact_id = c.team_contact_id AND s.status <> 'incomplete'
    WHERE COALESCE(s.started_at, s.created_at) < ((g.m + interval '1 month')::timestamp AT TIME ZONE $2)
      AND COALESCE(s.ended_at, CASE WHEN s.status IN ('canceled', 'incomplete_expired')
                                    THEN COALESCE(s.canceled_at, s.updated_at) END,
                   'infinity'::timestamptz) >= (g.m::timestamp AT TIME ZONE $2)
    GROUP BY 1, 2
),
revenue AS (SELECT cohort, m, sum(net)::bigint AS net FROM cohort_orders GROUP BY 1, 2)
SELECT g.cohort, g.k, g.m, s.n AS size, COALESCE(a.n, 0) AS active, COALESCE(sub.n, 0) AS subscribed,
       (sum(COALESCE(r.net, 0)) OVER (PARTITION BY g.cohort ORDER BY g.k))::bigint AS revenue
FROM grid g
JOIN sizes s ON s.cohort = g.cohort
LEFT JOIN active a ON a.cohort = g.cohort AND a.m = g.m
LEFT JOIN subscribed sub ON sub.cohort = g.cohort AND sub.m = g.m
LEFT JOIN revenue r ON r.cohort = g.cohort AND r.m = g.m
ORDER BY 1, 2
"""


@dataclass
class CohortCell:
    period: int
    month: date
    active: int
    active_rate: float
    subscribed: int
    subscribed_rate: float
    revenue: int  # cumulative
    revenue_per_member: float


@dataclass
class CohortRow:
    cohort: date
    size: int
    cells: list[CohortCell] = field(default_factory=list)


@dataclass
class CohortReport:
    cohort_by: CohortBy
    time_zone: str
    periods: int
    rows: list[CohortRow]


def _month(day: date) -> date:
    return day.replace(day=1)


def _months_between(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month + 1


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


async def cohort_report(viewer: Viewer, cohort_by: CohortBy, start: date, end: date, periods: int = 12,
                        cohort_segment_id: int | None = None, in_segment_id: int | None = None,
                        now: datetime | None = None) -> CohortReport:
    errors = [FieldError(name, f"{name} must be between {EARLIEST} and {LATEST}", "INVALID_DATE")
              for name, day in (("start", start), ("end", end)) if not EARLIEST <= day <= LATEST]
    if not errors and end < start:
        errors.append(FieldError("end", "the period ends before it starts", "INVALID_PERIOD"))
    elif not errors and _months_between(_month(start), _month(end)) > MAX_COHORTS:
        errors.append(FieldError("end", f"at most {MAX_COHORTS} monthly cohorts", "PERIOD_TOO_LONG"))
    if not 1 <= periods <= MAX_PERIODS:
        errors.append(FieldError("periods", f"periods must be between 1 and {MAX_PERIODS}", "INVALID_VALUE"))
    if cohort_by == CohortBy.SEGMENT_JOIN_MONTH and cohort_segment_id is None:
        errors.append(FieldError("cohortSegmentId", "a segment-join cohort needs its segment", "REQUIRED"))
    if errors:
        raise ValidationFailed(errors)
    named = []
    if cohort_segment_id is not None:
        named += await visible_segments(viewer, [cohort_segment_id], "cohortSegmentId")
    if in_segment_id is not None:
        named += await visible_segments(viewer, [in_segment_id], "inSegmentId")
    bound = min((s.member_bound for s in named if s.member_bound is not None), default=2**63 - 1)
    restricted = cohort_segment_id is None if cohort_by == CohortBy.SEGMENT_JOIN_MONTH else in_segment_id is None
    if restricted and await granted_segment_ids(viewer) is not None:
        # A partner key sees its segments only: the cohort must be drawn from one of them.
        raise ValidationFailed.one("inSegmentId", "this key reports on its segments only: name one",
                                   "SEGMENT_REQUIRED")
    tz = zone(viewer.team.time_zone)
    current = _month((now or datetime.now(UTC)).astimezone(tz).date())
    sql = _COHORTS.format(base=_BASE[cohort_by], paid=PAID_ORDER)
    async with heavy(viewer.team.id):
        rows = await fetch(sql, viewer.team.id, tz.key, _month(start), _month(end), periods, current,
                           cohort_segment_id or 0, in_segment_id or 0, bound)
    return CohortReport(cohort_by=cohort_by, time_zone=tz.key, periods=periods, rows=_rows(rows))


def _rows(rows: list[dict[str, Any]]) -> list[CohortRow]:
    result: dict[date, CohortRow] = {}
    for r in rows:
        size = int(r["size"])
        row = result.setdefault(r["cohort"], CohortRow(cohort=r["cohort"], size=size))
        active, subscribed, revenue = int(r["active"]), int(r["subscribed"]), int(r["revenue"])
        row.cells.append(CohortCell(
            period=int(r["k"]), month=r["m"], active=active, active_rate=_rate(active, size), subscribed=subscribed,
            subscribed_rate=_rate(subscribed, size), revenue=revenue,
            revenue_per_member=round(revenue / size, 2) if size else 0.0))
    return [result[k] for k in sorted(result)]
