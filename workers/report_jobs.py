"""Report jobs: the hourly daily-snapshot pass (each team just after its own midnight)."""

from __future__ import annotations

from typing import Any

from app.reports.snapshots import snapshot_all_teams
from workers.cron import cron


async def snapshot_segments(ctx: dict[str, Any]) -> int:
    """Idempotent per (team, segment, day): a double-fired or repeated run writes nothing twice."""
    return await snapshot_all_teams()


REPORT_FUNCTIONS: list[Any] = [snapshot_segments]
REPORT_CRON_JOBS: list[Any] = [cron(snapshot_segments, minute={7}, unique=True, timeout=3600, keep_result=0)]
