"""`POST /webhooks/stripe/{team_id}`: verify, dedupe by event id, apply in one transaction.

Nothing is written before the signature checks out, and the signature's timestamp must be within
five minutes either way. The event id is recorded in the same transaction as its effects, so a
delivery that fails (5xx, Stripe retries) leaves no trace and a delivery that succeeded is never
applied twice, even when two copies arrive at once.

A signed event without a `data.object` (an object with an id) can never be applied, and Stripe
retries any non-2xx answer for days before disabling the endpoint: it is answered 200 with
`"ignored": "malformed event"`, recorded like any other (a redelivery is a duplicate) and logged.
One without an id or a type cannot be recorded: 400.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import stripe
from starlette.requests import Request
from starlette.responses import JSONResponse
from tortoise import connections
from tortoise.transactions import in_transaction

from app.commerce import stripe_events, stripe_sync
from app.commerce.contact_billing import recompute_contact_billing
from app.commerce.entitlements import Outbox
from app.commerce.segment_fields import notify_segment_engine, wake_segment_engine
from app.commerce.stripe_api import ref, team_stripe
from app.core.ids import InvalidId, decode_id, parse_id_or_none

log = logging.getLogger("memberhub.commerce")

# Stripe's signature tolerance (5 minutes), applied both ways: a delivery signed too long ago is a
# replay, one signed in the future a forgery or a broken clock.
TOLERANCE_SECONDS = 300

Handler = Callable[[Outbox, stripe.StripeClient, dict[str, Any]], Awaitable[Any]]


async def _subscription_changed(outbox: Outbox, client: stripe.StripeClient, obj: dict[str, Any]) -> None:
    # The payload may be older than what Stripe holds now: lock the customer, then fetch and apply
    # the current object, so two deliveries cannot write their fetches in the wrong order.
    customer_id = ref(obj.get("customer"))
    if customer_id:
        await stripe_sync.lock(outbox.team_id, customer_id)
    await stripe_sync.apply_subscription(outbox, client, obj["id"])


async def _checkout_completed(outbox: Outbox, client: stripe.StripeClient, obj: dict[str, Any]) -> None:
    await stripe_sync.apply_checkout_session(outbox, client, obj)


HANDLERS: dict[str, Handler] = {
    "checkout.session.completed": _checkout_completed,
    "checkout.session.async_payment_succeeded": _checkout_completed,
    "invoice.paid": stripe_sync.apply_invoice,
    "invoice.payment_failed": stripe_sync.apply_invoice,
    "customer.subscription.created": _subscription_changed,
    "customer.subscription.updated": _subscription_changed,
    "customer.subscription.deleted": _subscription_changed,
    "customer.subscription.paused": _subscription_changed,
    "customer.subscription.resumed": _subscription_changed,
    "charge.refunded": stripe_sync.apply_charge,
    "charge.dispute.created": stripe_events.apply_dispute,
    "charge.dispute.updated": stripe_events.apply_dispute,
    "charge.dispute.closed": stripe_events.apply_dispute,
    "charge.dispute.funds_withdrawn": stripe_events.apply_dispute,
    "charge.dispute.funds_reinstated": stripe_events.apply_dispute,
    "checkout.session.expired": stripe_events.checkout_expired,
    "checkout.session.async_payment_failed": stripe_events.checkout_payment_failed,
    "invoice.payment_action_required": stripe_events.invoice_action_required,
    "invoice.upcoming": stripe_events.invoice_upcoming,
    "customer.subscription.trial_will_end": stripe_events.trial_will_end,
}
# Objects that have no id by nature: the upcoming invoice is a preview, not yet an invoice.
IDLESS_TYPES = frozenset({"invoice.upcoming"})


async def apply_in_transaction(team_id: int, work: Callable[[Outbox], Awaitable[Any]],
                               event: tuple[str, str] | None = None) -> bool:
    """Run `work` in one transaction (recording `event` (id, type) first), then announce its changes.

    Returns False when the event had already been applied.
    """
    outbox = Outbox(team_id)
    async with in_transaction() as tx:
        if event is not None:
            rows = await connections.get("default").execute_query_dict(
                "INSERT INTO processed_stripe_events (team_id, stripe_event_id, type, processed_at) "
                "VALUES ($1, $2, $3, now()) ON CONFLICT (team_id, stripe_event_id) DO NOTHING RETURNING id",
                [team_id, event[0], event[1]],
            )
            if not rows:
                return False
        await work(outbox)
        for contact_id in sorted(outbox.contact_ids):
            await recompute_contact_billing(team_id, contact_id)
        async with tx.acquire_connection() as conn:
            await notify_segment_engine(conn, outbox)
    await outbox.flush()
    if outbox.contact_ids:
        await wake_segment_engine(team_id)
    return True


def _event_object(event: dict[str, Any]) -> dict[str, Any] | None:
    """The event's `data.object` when it is an object with an id, as every handled type but
    IDLESS_TYPES has."""
    data = event.get("data")
    obj = data.get("object") if isinstance(data, dict) else None
    if isinstance(obj, dict) and event.get("type") in IDLESS_TYPES:
        return obj
    return obj if isinstance(obj, dict) and isinstance(obj.get("id"), str) and obj["id"] else None


async def process_event(team_id: int, client: stripe.StripeClient, event: dict[str, Any]) -> bool:
    handler = HANDLERS.get(event["type"])
    obj = _event_object(event)

    async def work(outbox: Outbox) -> None:
        if obj is None:  # malformed: recorded (a redelivery is a duplicate) and skipped
            log.warning("stripe event %s (%s) has no data.object with an id; recorded and ignored",
                        event["id"], event["type"])
            return
        if handler is not None:
            try:
                await handler(outbox, client, obj)
            except stripe_sync.CannotLink:
                log.warning("stripe event %s names no contact; recorded and skipped", event["id"])

    return await apply_in_transaction(team_id, work, (event["id"], event["type"]))


def _signed_at(header: str) -> int:
    """The `t=` of a verified Stripe-Signature header (verification already parsed it as digits)."""
    for item in header.split(","):
        key, _, value = item.strip().partition("=")
        if key == "t":
            return parse_id_or_none(value) or 0
    return 0


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _team_of_path(value: str | None) -> int | None:
    """The path carries the team's global id, as `StripeSettings.webhookPath` gives it."""
    try:
        return decode_id(value, "Team")
    except InvalidId:
        return None


async def stripe_webhook(request: Request) -> JSONResponse:
    header = request.headers.get("stripe-signature")
    if not header:
        return _error(400, "missing Stripe-Signature header")
    team_id = _team_of_path(request.path_params.get("team_id"))
    credentials = await team_stripe(team_id) if team_id else None
    if team_id is None or credentials is None:
        return _error(404, "unknown team or Stripe is not configured")
    client, webhook_secret = credentials
    payload = await request.body()
    try:
        event = stripe.Webhook.construct_event(payload, header, webhook_secret, tolerance=TOLERANCE_SECONDS)
    except ValueError:
        return _error(400, "invalid payload")
    except stripe.SignatureVerificationError:
        return _error(400, "invalid signature")
    if _signed_at(header) > time.time() + TOLERANCE_SECONDS:  # the client checks only the past
        return _error(400, "timestamp is in the future")
    raw = event.to_dict()
    if not (isinstance(raw.get("id"), str) and raw["id"] and isinstance(raw.get("type"), str) and raw["type"]):
        return _error(400, "an event needs an id and a type")  # cannot be recorded, so cannot be acknowledged
    try:
        applied = await process_event(team_id, client, raw)
    except Exception:  # ask Stripe to retry; nothing of this delivery was committed
        log.exception("stripe event %s (%s) failed for team %s", event.id, event.type, team_id)
        return _error(500, "processing failed; retry later")
    body: dict[str, Any] = {"received": True, "duplicate": not applied}
    if applied and _event_object(raw) is None:
        body["ignored"] = "malformed event"
    return JSONResponse(body)
