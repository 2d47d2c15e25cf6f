"""The agency roll-up: per brand and segment, size, 7/28-day growth, evaluation lag and errors, and
health flags from the agency's thresholds.

Growth is read from the membership history (joins minus leaves in the window); the size a week ago
is today's size minus that. One statement per brand list, grouped by segment, over the history's
(team, segment, at) index and only the last 28 days (or the not-growing window, if longer).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from tortoise import connections

from app.plans.agencies import brands_of, thresholds_of
from app.plans.models import Agency
from app.teams.models import Team


class HealthFlag(StrEnum):
    EMPTY = "EMPTY"
    NOT_GROWING = "NOT_GROWING"
    SHRINKING = "SHRINKING"
    ERRORING = "ERRORING"


ROLLUP_SQL = """
SELECT s.id, s.team_id, s.name, s.kind, s.member_count, s.created_at,
       COALESCE(h.joins_7, 0) AS joins_7, COALESCE(h.leaves_7, 0) AS leaves_7,
       COALESCE(h.joins_28, 0) AS joins_28, COALESCE(h.leaves_28, 0) AS leaves_28,
       COALESCE(h.joins_quiet, 0) AS joins_quiet,
       e.last_evaluated_at, e.last_lag_ms, e.max_lag_ms, e.error_count, e.last_error, e.last_error_at
  FROM segments s
  LEFT JOIN (
        SELECT team_id, segment_id,
               count(*) FILTER (WHERE action = 'join' AND at >= $2) AS joins_7,
               count(*) FILTER (WHERE action = 'leave' AND at >= $2) AS leaves_7,
               count(*) FILTER (WHERE action = 'join' AND at >= $3) AS joins_28,
               count(*) FILTER (WHERE action = 'leave' AND at >= $3) AS leaves_28,
               count(*) FILTER (WHERE action = 'join' AND at >= $4) AS joins_quiet
          FROM segment_membership_changes
         WHERE team_id = ANY($1::bigint[]) AND at >= LEAST($3, $4)
         GROUP BY team_id, segment_id) h ON h.team_id = s.team_id AND h.segment_id = s.id
  LEFT JOIN segment_evaluation_stats e ON e.team_id = s.team_id AND e.segment_id = s.id
 WHERE s.team_id = ANY($1::bigint[])
 ORDER BY s.team_id, s.name
"""


@dataclass
class SegmentHealth:
    segment_id: int
    name: str
    kind: str
    size: int
    growth_7d: int
    growth_28d: int
    growth_7d_percent: float | None  # against the size a week ago
    last_evaluated_at: datetime | None
    lag_ms: int | None
    max_lag_ms: int | None
    error_count: int
    last_error: str | None
    last_error_at: datetime | None
    flags: list[HealthFlag] = field(default_factory=list)


@dataclass
class BrandRollup:
    team: Team
    segments: list[SegmentHealth]

    @property
    def flagged(self) -> int:
        return sum(1 for s in self.segments if s.flags)


def flags_for(row: dict[str, Any], thresholds: dict[str, Any], now: datetime) -> list[HealthFlag]:
    flags: list[HealthFlag] = []
    size = int(row["member_count"])
    if size == 0:
        flags.append(HealthFlag.EMPTY)
    quiet_days = float(thresholds["notGrowingDays"])
    # Only a rule can grow by itself; a new segment has not had the time to.
    if row["kind"] == "dynamic" and row["created_at"] <= now - timedelta(days=quiet_days) \
            and int(row["joins_quiet"]) == 0:
        flags.append(HealthFlag.NOT_GROWING)
    lost = int(row["leaves_7"]) - int(row["joins_7"])
    week_ago = size + lost
    if week_ago > 0 and lost > 0 and lost * 100 / week_ago > float(thresholds["shrinkPercentPerWeek"]):
        flags.append(HealthFlag.SHRINKING)
    error_at = row["last_error_at"]
    if error_at is not None and error_at >= now - timedelta(hours=float(thresholds["errorsWithinHours"])):
        flags.append(HealthFlag.ERRORING)
    return flags


async def rollup(agency: Agency, now: datetime | None = None, team_id: int | None = None) -> list[BrandRollup]:
    now = now or datetime.now(UTC)
    thresholds = thresholds_of(agency)
    brands = [t for t in await brands_of(agency) if team_id is None or t.id == team_id]
    if not brands:
        return []
    quiet_since = now - timedelta(days=float(thresholds["notGrowingDays"]))
    rows = await connections.get("default").execute_query_dict(
        ROLLUP_SQL, [[b.id for b in brands], now - timedelta(days=7), now - timedelta(days=28), quiet_since])
    by_team: dict[int, list[SegmentHealth]] = {b.id: [] for b in brands}
    for row in rows:
        size = int(row["member_count"])
        growth_7 = int(row["joins_7"]) - int(row["leaves_7"])
        week_ago = size - growth_7
        by_team[row["team_id"]].append(SegmentHealth(
            segment_id=row["id"], name=row["name"], kind=row["kind"], size=size, growth_7d=growth_7,
            growth_28d=int(row["joins_28"]) - int(row["leaves_28"]),
            growth_7d_percent=round(growth_7 * 100 / week_ago, 1) if week_ago > 0 else None,
            last_evaluated_at=row["last_evaluated_at"], lag_ms=row["last_lag_ms"], max_lag_ms=row["max_lag_ms"],
            error_count=int(row["error_count"] or 0), last_error=row["last_error"],
            last_error_at=row["last_error_at"], flags=flags_for(row, thresholds, now)))
    return [BrandRollup(team=b, segments=by_team[b.id]) for b in brands]
