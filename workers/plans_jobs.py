"""Plans jobs: recompute schedules that are due (every minute) and the AI segments' daily recompute."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app.plans.schedules import recompute_ai_segments, run_due
from workers.cron import cron


async def run_recompute_schedules(ctx: dict[str, Any]) -> int:
    """Runs on every worker that fires it; each due period is claimed by one (app/plans/schedules.py)."""
    return sum(1 for outcome in await run_due() if outcome.ran)


async def recompute_ai_segments_daily(ctx: dict[str, Any]) -> int:
    return sum(1 for outcome in await recompute_ai_segments(datetime.now(UTC).date().isoformat()) if outcome.ran)


PLANS_FUNCTIONS: list[Any] = [run_recompute_schedules, recompute_ai_segments_daily]
PLANS_CRON_JOBS: list[Any] = [
    cron(run_recompute_schedules, second={10}, unique=True, timeout=3600, keep_result=0),
    cron(recompute_ai_segments_daily, hour={2}, minute={40}, unique=True, timeout=6 * 3600, keep_result=0),
]
