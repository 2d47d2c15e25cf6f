"""Ad-audience jobs: one link's sync (sync-now) and the daily sync of every link."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from arq import func

from app.audiences.service import sync_all_links, sync_link
from workers.cron import cron


async def sync_audience_link(ctx: dict[str, Any], link_id: int, trigger: str = "manual",
                             period: str | None = None) -> str | None:
    run = await sync_link(link_id, trigger=trigger, period=period)
    return run.status if run else None


async def sync_all_audiences(ctx: dict[str, Any]) -> int:
    """Daily: the day is the run's period, unique per link, so a double-fired cron syncs once."""
    return await sync_all_links(datetime.now(UTC).date().isoformat())


AUDIENCE_FUNCTIONS: list[Any] = [func(sync_audience_link, keep_result=0, timeout=2 * 3600), sync_all_audiences]
AUDIENCE_CRON_JOBS: list[Any] = [
    cron(sync_all_audiences, hour={4}, minute={10}, unique=True, timeout=6 * 3600, keep_result=0)
]
