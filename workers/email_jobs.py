"""Email jobs: the per-minute tick (drip enrolment + claiming due sends) and the send job."""

from __future__ import annotations

from typing import Any

from arq import Retry, func

from app.email.campaign_send import run_campaign
from app.email.campaigns import campaign_tick
from app.email.delivery import claim_due_sends, deliver_send
from app.email.drips import process_drip_enrollments
from app.email.service import enqueue_send
from workers.cron import cron

RETRY_BASE_SECONDS = 30


async def send_email(ctx: dict[str, Any], send_id: int) -> str:
    """Deliver one outbox row; safe to run any number of times (see app/email/delivery.py)."""
    result = await deliver_send(send_id)
    if result == "retry":
        raise Retry(defer=RETRY_BASE_SECONDS * 2 ** (ctx.get("job_try", 1) - 1))
    return str(result)


async def email_tick(ctx: dict[str, Any]) -> dict[str, int]:
    """Enrol contacts from new history, then enqueue every due or orphaned send.

    Double-fired crons (arq #196) are harmless: drips are locked with SKIP LOCKED and sends are
    claimed with SKIP LOCKED, and job ids are the send ids.
    """
    read = await process_drip_enrollments()
    claimed = await claim_due_sends()
    enqueued = 0
    for send_id in claimed:
        enqueued += await enqueue_send(send_id)
    campaigns = await campaign_tick()
    return {"history_read": read, "claimed": len(claimed), "enqueued": enqueued,
            "campaigns": sum(campaigns.values())}


async def campaign_batch(ctx: dict[str, Any], campaign_id: int) -> dict[str, int | str]:
    """Send a campaign's queued recipients in batches (app/email/campaign_send.py); idempotent."""
    return await run_campaign(campaign_id)


# keep_result=0: a finished send's job id is free again at once, so the tick can re-enqueue it.
EMAIL_FUNCTIONS: list[Any] = [func(send_email, keep_result=0, max_tries=6), func(email_tick, keep_result=0),
                              func(campaign_batch, keep_result=0, max_tries=3, timeout=600)]
EMAIL_CRON_JOBS: list[Any] = [cron(email_tick, second={0}, unique=True, keep_result=0)]
