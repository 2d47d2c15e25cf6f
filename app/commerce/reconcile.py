"""Daily reconciliation: re-read recent Stripe state and repair what a missed webhook left wrong.

It goes through the same `apply_*` functions as webhooks, so a repair is indistinguishable from
the late delivery of the missing event. One run per team per period: an advisory lock decides who
claims the period, the `stripe_reconciliation_runs` row remembers that it was claimed.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import stripe
from tortoise import connections
from tortoise.transactions import in_transaction

from app.commerce import stripe_api as sa
from app.commerce import stripe_events, stripe_sync
from app.commerce.disputes import CLOSED
from app.commerce.entitlements import Outbox
from app.commerce.models import Dispute, ReconciliationRun, StripeSettings, Subscription, SubscriptionStatus
from app.commerce.webhooks import apply_in_transaction

log = logging.getLogger("memberhub.commerce")

LOOKBACK = timedelta(days=3)
STALE_CLAIM = timedelta(hours=1)
MAX_PAGES = 20


def current_period(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y-%m-%d")


async def claim_period(team_id: int, period: str) -> ReconciliationRun | None:
    """The run row if this worker may reconcile `period` for the team, else None."""
    now = datetime.now(UTC)
    async with in_transaction():
        _, rows = await connections.get("default").execute_query(
            "SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked",
            [f"stripe-reconcile:{team_id}:{period}"],
        )
        if not rows[0]["locked"]:
            return None
        run = await ReconciliationRun.select_for_update().get_or_none(team_id=team_id, period=period)
        if run is not None and (run.finished_at is not None or run.started_at > now - STALE_CLAIM):
            return None
        if run is None:
            return await ReconciliationRun.create(team_id=team_id, period=period, started_at=now)
        run.started_at = now
        await run.save(update_fields=["started_at"])
        return run


async def _pages(list_call: Any, params: dict[str, Any]) -> Any:
    """Every object of a Stripe list, page by page (bounded)."""
    params = dict(params)
    for _ in range(MAX_PAGES):
        page = await list_call(params)
        data = list(page.data)
        for obj in data:
            yield sa.plain(obj)
        if not page.has_more or not data:
            return
        params["starting_after"] = data[-1].id


async def _apply(team_id: int, work: Any) -> int:
    counter = {"changes": 0}

    async def run(outbox: Outbox) -> None:
        try:
            await work(outbox)
        except stripe_sync.CannotLink:
            return
        counter["changes"] = outbox.changes

    await apply_in_transaction(team_id, run)
    return 1 if counter["changes"] else 0


async def reconcile_team(team_id: int, client: stripe.StripeClient, *, period: str | None = None,
                         now: datetime | None = None) -> int | None:
    """Objects repaired, or None when another run owns this period."""
    now = now or datetime.now(UTC)
    run = await claim_period(team_id, period or current_period(now))
    if run is None:
        return None
    repaired = 0
    since = int((now - LOOKBACK).timestamp())
    async for session in _pages(client.v1.checkout.sessions.list_async,
                                {"limit": 100, "status": "complete", "created": {"gte": since}}):
        repaired += await _apply(team_id, lambda ob, s=session: stripe_sync.apply_checkout_session(ob, client, s))
    seen: set[str] = set()
    async for sub in _pages(client.v1.subscriptions.list_async, {"limit": 100, "status": "all"}):
        seen.add(sub["id"])
        repaired += await _apply(
            team_id, lambda ob, s=sub: stripe_sync.apply_subscription(ob, client, s["id"], latest=s)
        )
    # Invoices paid or failed, refunds and disputes whose webhook never came: the same apply_* again.
    async for invoice in _pages(client.v1.invoices.list_async, {"limit": 100, "created": {"gte": since}}):
        if invoice.get("status") == "paid" or (invoice.get("status") == "open" and invoice.get("attempted")):
            repaired += await _apply(team_id, lambda ob, i=invoice: stripe_sync.apply_invoice(ob, client, i))
    async for charge in _pages(client.v1.charges.list_async, {"limit": 100, "created": {"gte": since}}):
        if int(charge.get("amount_refunded") or 0) > 0:
            repaired += await _apply(team_id, lambda ob, c=charge: stripe_sync.apply_charge(ob, client, c))
    dispute_ids: list[str] = []
    async for dispute in _pages(client.v1.disputes.list_async, {"limit": 100, "created": {"gte": since}}):
        dispute_ids.append(dispute["id"])
    # Disputes close weeks after they open: every one still open here is read again.
    open_ids = cast(list[str], await Dispute.filter(team_id=team_id).exclude(status__in=sorted(CLOSED)).values_list(
        "stripe_dispute_id", flat=True))
    for dispute_id in dict.fromkeys([*dispute_ids, *open_ids]):
        repaired += await _apply(team_id, lambda ob, d=dispute_id: stripe_events.apply_dispute(ob, client, {"id": d}))
    # Time alone ends grace periods and cancel-at-period-end access; re-derive those locally.
    waiting = cast(list[int], await Subscription.filter(team_id=team_id).filter(
        status__in=[SubscriptionStatus.PAST_DUE, SubscriptionStatus.UNPAID, SubscriptionStatus.ACTIVE,
                    SubscriptionStatus.TRIALING],
    ).values_list("id", flat=True))
    for subscription_id in waiting:
        async def resync(outbox: Outbox, sid: int = subscription_id) -> None:
            row = await Subscription.select_for_update().get(id=sid)
            await stripe_sync.sync_subscription_entitlement(outbox, row)
            outbox.contact_ids.add(row.team_contact_id)

        repaired += await _apply(team_id, resync)
    run.finished_at = datetime.now(UTC)
    run.repaired = repaired
    await run.save(update_fields=["finished_at", "repaired"])
    log.info("stripe reconciliation for team %s (%s): %s repaired", team_id, run.period, repaired)
    return repaired


async def reconcile_stripe(ctx: dict[str, Any]) -> dict[int, int | None]:
    """arq cron job: reconcile every team that has Stripe configured."""
    results: dict[int, int | None] = {}
    for team_id in cast(list[int], await StripeSettings.all().values_list("team_id", flat=True)):
        credentials = await sa.team_stripe(team_id)
        if credentials is None:
            continue
        try:
            results[team_id] = await reconcile_team(team_id, credentials[0])
        except Exception:  # one team's Stripe outage must not stop the others
            log.exception("stripe reconciliation failed for team %s", team_id)
            results[team_id] = None
    return results
