"""Daily segment snapshots: each segment's size at the end of each day of the team's time zone.

`snapshot_team` writes one row per segment for every completed day that has none yet, from
membership history (the same SQL the report reads), with `ON CONFLICT DO NOTHING` on
(team, segment, day): running it twice, or from two workers at once, writes each day once. Days
before the job first ran for a segment are backfilled the same way (source `backfill`), as far
back as the segment's history goes (at most two years). The hourly cron reaches every team just
after its own midnight, whatever its time zone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from tortoise import connections

from app.reports.models import SnapshotSource
from app.reports.periods import MAX_DAYS, local_midnight, today_in, zone
from app.teams.models import Team

_FIRST_DAYS = """
SELECT s.id AS segment_id,
       (SELECT max(day) FROM report_segment_snapshots r WHERE r.team_id = $1 AND r.segment_id = s.id) AS last_day,
       (SELECT (min(c.at) AT TIME ZONE $2)::date FROM segment_membership_changes c
        WHERE c.team_id = $1 AND c.segment_id = s.id) AS first_change,
       (s.created_at AT TIME ZONE $2)::date AS created
FROM segments s WHERE s.team_id = $1
"""

# One statement per team and range: the running size from history, written for the missing days.
_INSERT = """
WITH deltas AS (
    SELECT c.segment_id, (c.at AT TIME ZONE $3)::date AS d,
           count(*) FILTER (WHERE c.action = 'join') AS joins,
           count(*) FILTER (WHERE c.action = 'leave') AS leaves
    FROM segment_membership_changes c
    WHERE c.team_id = $1 AND c.segment_id = $2 AND c.at < $5
    GROUP BY 1, 2
),
running AS (
    SELECT d, joins, leaves, sum(joins - leaves) OVER (ORDER BY d) AS size FROM deltas
)
INSERT INTO report_segment_snapshots (team_id, segment_id, day, member_count, joins, leaves, source, created_at)
SELECT $1, $2, g::date,
       COALESCE((SELECT r.size FROM running r WHERE r.d <= g::date ORDER BY r.d DESC LIMIT 1), 0),
       COALESCE(today.joins, 0), COALESCE(today.leaves, 0),
       CASE WHEN g::date < $6::date THEN $7 ELSE $8 END, now()
FROM generate_series($4::date, $6::date, interval '1 day') AS g
LEFT JOIN running today ON today.d = g::date
ON CONFLICT (team_id, segment_id, day) DO NOTHING
RETURNING day
"""


async def snapshot_team(team: Team, now: datetime | None = None) -> int:
    """Write the missing snapshots of every segment of the team up to yesterday; returns how many."""
    now = now or datetime.now(UTC)
    tz = zone(team.time_zone)
    yesterday = today_in(tz.key, now) - timedelta(days=1)
    end_of_yesterday = local_midnight(yesterday + timedelta(days=1), tz)
    conn = connections.get("default")
    written = 0
    for row in await conn.execute_query_dict(_FIRST_DAYS, [team.id, tz.key]):
        last: date | None = row["last_day"]
        first = last + timedelta(days=1) if last else (row["first_change"] or row["created"])
        first = max(first, yesterday - timedelta(days=MAX_DAYS - 1))
        if first > yesterday:
            continue
        _, inserted = await conn.execute_query(_INSERT, [
            team.id, row["segment_id"], tz.key, first, end_of_yesterday, yesterday,
            SnapshotSource.BACKFILL.value, SnapshotSource.DAILY.value,
        ])
        written += len(inserted)
    return written


async def snapshot_all_teams(now: datetime | None = None) -> int:
    written = 0
    for team in await Team.all().order_by("id"):
        written += await snapshot_team(team, now)
    return written
