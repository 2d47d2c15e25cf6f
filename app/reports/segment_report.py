"""The segment report: one or several segments side by side over a period of the team's days.

Every figure is computed in SQL (app/reports/sql.py) over membership history, so a contact counts
for a segment while it was a member (a contact leaving mid-period stops counting then), and
"members at the end" means the members as at the end of the period (or now, for a period that
has not ended). Money is in minor units of the team's main currency.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import orjson

from app.core.db_limits import heavy
from app.core.errors import ValidationFailed
from app.reports import sql
from app.reports.access import MAX_SEGMENTS, ReportSegment, bounds, visible_segments
from app.reports.db import fetch
from app.reports.periods import Granularity, Period, make_period
from app.teams.service import Viewer


@dataclass
class CauseCount:
    action: str
    cause: str
    count: int


@dataclass
class SeriesPoint:
    period_start: date
    period_end: date
    size: int  # at the end of the bucket's last day
    joins: int
    leaves: int
    causes: list[CauseCount] = field(default_factory=list)
    orders: int = 0
    revenue: int = 0  # net of refunds
    refunded: int = 0


@dataclass
class EventTypeCount:
    type: str
    events: int
    contacts: int
    per_member: float


@dataclass
class Engagement:
    members: int = 0
    active_7d: int = 0
    active_30d: int = 0
    events_by_type: list[EventTypeCount] = field(default_factory=list)
    lessons_started: int = 0
    lessons_completed: int = 0
    lesson_completers: int = 0
    searches: int = 0
    searchers: int = 0


@dataclass
class Billing:
    currency: str | None = None
    mrr: int = 0
    arr: int = 0
    ltv_average: float = 0.0
    ltv_median: float = 0.0
    paying: int = 0
    trialing: int = 0
    past_due: int = 0
    canceled: int = 0
    trials_ended: int = 0
    trials_converted: int = 0
    trial_conversion_rate: float | None = None
    churned_mrr: int = 0
    churned_subscriptions: int = 0
    revenue: int = 0
    refunded: int = 0
    orders: int = 0


@dataclass
class HubActivity:
    hub_id: int
    hub_name: str
    members: int
    active_members: int
    lessons_completed: int


@dataclass
class SegmentReport:
    segment: ReportSegment
    period: Period
    size_at_start: int
    size_at_end: int
    joins: int
    leaves: int
    series: list[SeriesPoint]
    daily: list[SeriesPoint]
    engagement: Engagement
    billing: Billing
    hubs: list[HubActivity]


def _dated(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """JSON rows of the one-statement report: its `day` values back to dates."""
    for row in rows:
        if "day" in row:
            row["day"] = date.fromisoformat(row["day"])
    return rows


def _by_segment(rows: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[int(row["segment_id"])].append(row)
    return grouped


async def daily_sizes(team_id: int, segment_ids: list[int], period: Period,
                      member_bounds: list[int | None] | None = None) -> dict[int, list[dict[str, Any]]]:
    rows = await fetch(sql.DAILY_SIZES, team_id, segment_ids, period.time_zone, period.ends_at,
                       period.start, period.end, member_bounds or [None] * len(segment_ids))
    return _by_segment(rows)


async def segment_reports(viewer: Viewer, segment_ids: list[int], start: date, end: date,
                          granularity: Granularity = Granularity.DAY) -> list[SegmentReport]:
    if len(set(segment_ids)) > MAX_SEGMENTS:
        raise ValidationFailed.one("segmentIds", f"at most {MAX_SEGMENTS} segments side by side", "TOO_MANY_SEGMENTS")
    period = make_period(start, end, granularity, viewer.team.time_zone)
    segments = await visible_segments(viewer, segment_ids)
    ids = [s.id for s in segments]
    team_id = viewer.team.id
    args = (team_id, ids, period.time_zone, period.starts_at, period.ends_at, bounds(segments))

    async def part(statement: str) -> dict[str, Any]:
        async with heavy(team_id):  # a slot each: the parts run side by side (the request's two slots)
            [row] = await fetch(statement, *args, period.start, period.end)
            return row

    async def currency_of_team() -> list[dict[str, Any]]:
        async with heavy(team_id):
            return await fetch(sql.CURRENCY, team_id)

    parts, currency_rows = await asyncio.gather(asyncio.gather(*(part(s) for s in sql.SEGMENT_REPORT_PARTS)),
                                                currency_of_team())
    sections = {name: _dated(orjson.loads(value) if isinstance(value, str | bytes) else value or [])
                for row in parts for name, value in row.items()}
    sizes, causes, revenue = (_by_segment(sections[k]) for k in ("sizes", "causes", "revenue"))
    events, hubs = _by_segment(sections["events"]), _by_segment(sections["hubs"])
    engagement, content, billing, flow = ({int(r["segment_id"]): r for r in sections[k]}
                                          for k in ("engagement", "content", "billing", "flow"))
    currency = currency_rows[0]["currency"] if currency_rows else None
    reports = []
    for segment in segments:
        sid = segment.id
        daily = _daily_points(sizes.get(sid, []), causes.get(sid, []), revenue.get(sid, []))
        series = _bucketed(period, daily)
        first = sizes.get(sid, [])
        size_at_start = (int(first[0]["size"]) - int(first[0]["joins"]) + int(first[0]["leaves"])) if first else 0
        reports.append(SegmentReport(
            segment=segment, period=period, size_at_start=size_at_start,
            size_at_end=daily[-1].size if daily else 0,
            joins=sum(p.joins for p in daily), leaves=sum(p.leaves for p in daily),
            series=series, daily=daily,
            engagement=_engagement(engagement.get(sid), events.get(sid, []), content.get(sid)),
            billing=_billing(currency, billing.get(sid), flow.get(sid), daily),
            hubs=[HubActivity(hub_id=int(r["hub_id"]), hub_name=r["hub_name"], members=int(r["members"]),
                              active_members=int(r["active_members"]), lessons_completed=int(r["lessons_completed"]))
                  for r in hubs.get(sid, [])],
        ))
    return reports


def _daily_points(sizes: list[dict[str, Any]], causes: list[dict[str, Any]],
                  revenue: list[dict[str, Any]]) -> list[SeriesPoint]:
    points = {r["day"]: SeriesPoint(period_start=r["day"], period_end=r["day"], size=int(r["size"]),
                                    joins=int(r["joins"]), leaves=int(r["leaves"])) for r in sizes}
    for r in causes:
        if r["day"] in points:
            points[r["day"]].causes.append(CauseCount(action=r["action"], cause=r["cause"], count=int(r["n"])))
    for r in revenue:
        if r["day"] in points:
            point = points[r["day"]]
            point.orders += int(r["orders"])
            point.refunded += int(r["refunded"])
            point.revenue += int(r["gross"]) - int(r["refunded"])
    return [points[d] for d in sorted(points)]


def _bucketed(period: Period, daily: list[SeriesPoint]) -> list[SeriesPoint]:
    if period.granularity == Granularity.DAY:
        return daily
    buckets: dict[date, SeriesPoint] = {}
    for point in daily:
        key = period.bucket_of(point.period_start)
        bucket = buckets.get(key)
        if bucket is None:
            bucket = buckets[key] = SeriesPoint(period_start=key, period_end=point.period_end, size=0, joins=0,
                                                leaves=0)
        bucket.period_end = point.period_end
        bucket.size = point.size
        bucket.joins += point.joins
        bucket.leaves += point.leaves
        bucket.orders += point.orders
        bucket.revenue += point.revenue
        bucket.refunded += point.refunded
        merged = {(c.action, c.cause): c.count for c in bucket.causes}
        for c in point.causes:
            merged[(c.action, c.cause)] = merged.get((c.action, c.cause), 0) + c.count
        bucket.causes = [CauseCount(action=a, cause=k, count=n) for (a, k), n in sorted(merged.items())]
    return [buckets[k] for k in sorted(buckets)]


def _engagement(row: dict[str, Any] | None, events: list[dict[str, Any]], content: dict[str, Any] | None) -> Engagement:
    members = int(row["members"]) if row else 0
    result = Engagement(members=members, active_7d=int(row["active_7d"]) if row else 0,
                        active_30d=int(row["active_30d"]) if row else 0)
    for r in events:
        count = int(r["events"])
        result.events_by_type.append(EventTypeCount(type=r["type"], events=count, contacts=int(r["contacts"]),
                                                    per_member=round(count / members, 4) if members else 0.0))
        if r["type"] == "search":
            result.searches, result.searchers = count, int(r["contacts"])
    if content:
        result.lessons_started = int(content["lessons_started"])
        result.lessons_completed = int(content["lessons_completed"])
        result.lesson_completers = int(content["completers"])
    return result


def _billing(currency: str | None, row: dict[str, Any] | None, flow: dict[str, Any] | None,
             daily: list[SeriesPoint]) -> Billing:
    result = Billing(currency=currency, revenue=sum(p.revenue for p in daily),
                     refunded=sum(p.refunded for p in daily), orders=sum(p.orders for p in daily))
    if row:
        result.mrr = int(row["mrr"] or 0)
        result.arr = result.mrr * 12
        result.paying, result.trialing = int(row["paying"]), int(row["trialing"])
        result.past_due, result.canceled = int(row["past_due"]), int(row["canceled"])
        result.ltv_average = round(float(row["ltv_avg"] or 0), 2)
        result.ltv_median = round(float(row["ltv_median"] or 0), 2)
    if flow:
        result.trials_ended, result.trials_converted = int(flow["trials_ended"]), int(flow["trials_converted"])
        result.trial_conversion_rate = (round(result.trials_converted / result.trials_ended, 4)
                                        if result.trials_ended else None)
        result.churned_mrr = int(flow["churned_mrr"] or 0)
        result.churned_subscriptions = int(flow["churned"])
    return result
