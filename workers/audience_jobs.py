"""Ad-audience jobs: one link's sync (sync-now) and the daily sync of every link."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

from arq import Retry, func

from app.audiences.models import AudienceLink
from app.audiences.service import sync_all_links, sync_link
from app.email.campaigns import evaluation_hold
from workers.cron import cron


async def sync_audience_link(ctx: dict[str, Any], link_id: int, trigger: str = "manual",
                             period: str | None = None) -> str | None:
    # The same hold as campaigns: while the segment is catching up (a bulk import), its members are
    # not final yet, so the sync waits (retried every minute) instead of uploading a half-evaluated list.
    team_id = await AudienceLink.filter(id=link_id).first().values_list("team_id", flat=True)
    if team_id is not None and await evaluation_hold(cast(int, team_id)) is not None:
        raise Retry(defer=HOLD_RETRY_SECONDS)
    run = await sync_link(link_id, trigger=trigger, period=period)
    return run.status if run else None


async def sync_all_audiences(ctx: dict[str, Any]) -> int:
    """Daily: the day is the run's period, unique per link, so a double-fired cron syncs once."""
    return await sync_all_links(datetime.now(UTC).date().isoformat())


HOLD_RETRY_SECONDS = 60
AUDIENCE_FUNCTIONS: list[Any] = [func(sync_audience_link, keep_result=0, timeout=2 * 3600, max_tries=60),
                                 sync_all_audiences]
AUDIENCE_CRON_JOBS: list[Any] = [
    cron(sync_all_audiences, hour={4}, minute={10}, unique=True, timeout=6 * 3600, keep_result=0)
]
