"""Anomalies, segment-aware: days far outside each series' recent pattern, and who moved.

Method (robust to the outliers it looks for): for every day, the baseline is the median of the
previous WINDOW days and the spread is the median absolute deviation (MAD) around it, scaled by
1.4826 so it estimates a standard deviation for normal data. The day's robust z-score is
(value - median) / (1.4826 * MAD); a day is an anomaly when |z| > THRESHOLD (3.5, Iglewicz &
Hoaglin's cut-off) and at least MIN_HISTORY previous days exist. A flat history has MAD 0: the
spread is then floored at 1% of the median (and at least one unit), so a steady series flags a
real jump, not noise of one.

Series: each segment's daily size (end of day) and daily revenue (orders by members while
members, net of refunds), and the team's total revenue. When the team's total is an anomaly,
`team_moves` says how each listed segment moved that day against its own baseline.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import median
from typing import Any

from app.core.db_limits import heavy
from app.core.errors import ValidationFailed
from app.reports import sql
from app.reports.access import MAX_SEGMENTS, ReportSegment, bounds, granted_segment_ids, visible_segments
from app.reports.db import fetch
from app.reports.periods import Granularity, make_period
from app.teams.service import Viewer

WINDOW = 28
MIN_HISTORY = 14
THRESHOLD = 3.5
MAD_SCALE = 1.4826
FLAT = 0.10  # a segment whose change is within ±10% of its baseline is "flat"

_TEAM_REVENUE = f"""
SELECT (o.placed_at AT TIME ZONE $2)::date AS day, sum(o.total_amount - o.amount_refunded)::bigint AS revenue
FROM orders o
WHERE o.team_id = $1 AND o.status IN {sql.PAID_ORDER} AND o.placed_at >= $3 AND o.placed_at < $4
GROUP BY 1
"""


@dataclass
class Point:
    day: date
    value: float
    baseline: float | None
    score: float | None  # robust z

    @property
    def anomalous(self) -> bool:
        return self.score is not None and abs(self.score) > THRESHOLD

    @property
    def change(self) -> float | None:
        if self.baseline is None or self.baseline == 0:
            return None
        return round((self.value - self.baseline) / abs(self.baseline), 4)


@dataclass
class Anomaly:
    day: date
    metric: str  # "size" | "revenue"
    value: float
    baseline: float
    score: float
    change: float | None


@dataclass
class SegmentMove:
    segment: ReportSegment
    value: float
    baseline: float | None
    change: float | None
    direction: str  # "rose" | "fell" | "flat"


@dataclass
class TeamMove:
    day: date
    value: float
    baseline: float
    score: float
    change: float | None
    direction: str
    segments: list[SegmentMove]
    summary: str


@dataclass
class SegmentAnomalies:
    segment: ReportSegment
    anomalies: list[Anomaly] = field(default_factory=list)


@dataclass
class AnomalyReport:
    segments: list[SegmentAnomalies]
    team_moves: list[TeamMove]


def score_series(values: list[tuple[date, float]]) -> list[Point]:
    """Each day against the WINDOW days before it (the series starts WINDOW days before the period)."""
    points = []
    for i, (day, value) in enumerate(values):
        history = [v for _, v in values[max(0, i - WINDOW):i]]
        if len(history) < MIN_HISTORY:
            points.append(Point(day, value, None, None))
            continue
        center = median(history)
        mad = median(abs(v - center) for v in history)
        spread = max(MAD_SCALE * mad, 0.01 * abs(center), 1.0)
        points.append(Point(day, value, center, round((value - center) / spread, 3)))
    return points


def _direction(change: float | None, value: float, baseline: float | None) -> str:
    if change is None:
        return "flat" if baseline is None or value == baseline else ("rose" if value > baseline else "fell")
    return "flat" if abs(change) < FLAT else ("rose" if change > 0 else "fell")


def _percent(change: float | None) -> str:
    return "n/a" if change is None else f"{change * 100:+.0f}%"


async def anomaly_report(viewer: Viewer, segment_ids: list[int], start: date, end: date) -> AnomalyReport:
    if len(set(segment_ids)) > MAX_SEGMENTS:
        raise ValidationFailed.one("segmentIds", f"at most {MAX_SEGMENTS} segments side by side", "TOO_MANY_SEGMENTS")
    period = make_period(start, end, Granularity.DAY, viewer.team.time_zone)
    segments = await visible_segments(viewer, segment_ids)
    partner = await granted_segment_ids(viewer) is not None
    # The baseline needs the WINDOW days before the period: read from there.
    history = make_period(start - timedelta(days=WINDOW), end, Granularity.DAY, viewer.team.time_zone)
    ids = [s.id for s in segments]
    team_id = viewer.team.id

    async def none() -> list[dict[str, Any]]:
        return []  # a partner key does not see the team's total

    async def rows(statement: str, *args: Any) -> list[dict[str, Any]]:
        async with heavy(team_id):  # a slot each: the statements run side by side
            return await fetch(statement, *args)

    sizes, revenue, total = await asyncio.gather(
        rows(sql.DAILY_SIZES, team_id, ids, history.time_zone, history.ends_at, history.start, history.end,
             bounds(segments)),
        rows(sql.REVENUE_BY_DAY, team_id, ids, history.time_zone, history.starts_at, history.ends_at,
             bounds(segments)),
        none() if partner else rows(_TEAM_REVENUE, team_id, history.time_zone, history.starts_at,
                                    history.ends_at))
    days = history.day_list()
    in_period = set(period.day_list())
    size_by = {(int(r["segment_id"]), r["day"]): float(r["size"]) for r in sizes}
    revenue_by: dict[tuple[int, date], float] = {}
    for r in revenue:
        key = (int(r["segment_id"]), r["day"])
        revenue_by[key] = revenue_by.get(key, 0.0) + float(r["gross"]) - float(r["refunded"])
    result, revenue_points = [], {}
    for segment in segments:
        found = SegmentAnomalies(segment=segment)
        for metric, source in (("size", size_by), ("revenue", revenue_by)):
            points = score_series([(d, source.get((segment.id, d), 0.0)) for d in days])
            if metric == "revenue":
                revenue_points[segment.id] = {p.day: p for p in points}
            found.anomalies += [Anomaly(p.day, metric, p.value, p.baseline or 0.0, p.score or 0.0, p.change)
                                for p in points if p.anomalous and p.day in in_period]
        found.anomalies.sort(key=lambda a: (a.day, a.metric))
        result.append(found)
    team_moves = []
    if not partner:
        total_by = {r["day"]: float(r["revenue"]) for r in total}
        for p in score_series([(d, total_by.get(d, 0.0)) for d in days]):
            if not (p.anomalous and p.day in in_period):
                continue
            moves = []
            for segment in segments:
                sp = revenue_points[segment.id][p.day]
                moves.append(SegmentMove(segment, sp.value, sp.baseline, sp.change,
                                         _direction(sp.change, sp.value, sp.baseline)))
            direction = _direction(p.change, p.value, p.baseline)
            verb = {"rose": "sales rose", "fell": "sales dropped", "flat": "sales moved"}[direction]
            parts = [f"'{m.segment.name}' " + ("is flat" if m.direction == "flat" else
                                               f"{m.direction} {_percent(m.change)[1:] if m.change else ''}".strip())
                     for m in moves]
            summary = f"{verb} ({_percent(p.change)} vs the {WINDOW}-day median)" + (
                ": " + ", ".join(parts) if parts else "")
            team_moves.append(TeamMove(p.day, p.value, p.baseline or 0.0, p.score or 0.0, p.change, direction,
                                       moves, summary))
    return AnomalyReport(segments=result, team_moves=team_moves)
