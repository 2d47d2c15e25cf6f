"""Staff actions on money: refund a payment, cancel / pause / resume a subscription, change its plan.

Each is one request to Stripe and writes nothing here: the webhook that confirms it (and, if it
never arrives, reconciliation) is the one writer of billing state. Requests carry idempotency
keys, so a retried or double-clicked action reaches Stripe once.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Any

import stripe

from app.commerce import stripe_api
from app.commerce.models import (
    Payment,
    PaymentStatus,
    Price,
    PriceType,
    Product,
    Subscription,
    SubscriptionStatus,
)
from app.core.errors import FieldError, NotFound, ValidationFailed
from app.teams.models import Team

log = logging.getLogger("memberhub.commerce")

REFUND_REASONS = frozenset({"duplicate", "fraudulent", "requested_by_customer"})
PRORATIONS = frozenset({"create_prorations", "none", "always_invoice"})
ENDED = (SubscriptionStatus.CANCELED, SubscriptionStatus.INCOMPLETE_EXPIRED)
MAX_KEY = 255


@dataclass(frozen=True)
class Requested:
    """What Stripe accepted; the change itself arrives with its webhook."""

    stripe_id: str
    status: str
    amount: int | None = None


async def _client(team: Team) -> stripe.StripeClient:
    credentials = await stripe_api.team_stripe(team.id)
    if credentials is None:
        raise ValidationFailed.one(None, "Stripe is not configured for this team", "STRIPE_NOT_CONFIGURED")
    return credentials[0]


def _key(kind: str, team: Team, given: str | None, *parts: Any) -> str:
    """The caller's key (scoped to team and action), else one derived from the request itself."""
    if given is not None:
        given = given.strip()
        if not given or len(given) > 200:
            raise ValidationFailed.one("idempotencyKey", "1 to 200 characters", "INVALID_KEY")
        return f"memberhub-{kind}-{team.id}-{given}"[:MAX_KEY]
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"memberhub-{kind}-{team.id}-{digest}"


def _stripe_failure(exc: stripe.StripeError) -> ValidationFailed:
    if isinstance(exc, stripe.APIConnectionError):
        return ValidationFailed.one(None, "Stripe could not be reached; nothing was changed", "STRIPE_UNAVAILABLE")
    message = getattr(exc, "user_message", None) or "Stripe refused the request"
    return ValidationFailed.one(None, str(message), "STRIPE_ERROR")


async def refund_payment(team: Team, payment_id: int | None, *, amount: int | None, reason: str | None,
                         idempotency_key: str | None) -> Requested:
    """Refund all that is left of a payment, or `amount` of it (minor units)."""
    payment = await Payment.get_or_none(id=payment_id, team_id=team.id) if payment_id else None
    if payment is None:
        raise NotFound("paymentId", "payment")
    errors: list[FieldError] = []
    remaining = payment.amount - payment.amount_refunded
    if payment.status not in (PaymentStatus.SUCCEEDED, PaymentStatus.PARTIALLY_REFUNDED) or remaining <= 0:
        errors.append(FieldError("paymentId", "this payment has nothing left to refund", "NOT_REFUNDABLE"))
    elif not payment.stripe_payment_intent_id:
        errors.append(FieldError("paymentId", "this payment has no Stripe charge to refund", "NOT_REFUNDABLE"))
    if amount is not None and not 1 <= amount <= max(remaining, 1):
        errors.append(FieldError("amount", f"between 1 and {max(remaining, 0)} (minor units)", "OUT_OF_RANGE"))
    if reason is not None and reason not in REFUND_REASONS:
        errors.append(FieldError("reason", f"one of {', '.join(sorted(REFUND_REASONS))}", "INVALID_REASON"))
    client = await _client(team) if not errors else None
    if errors or client is None:
        raise ValidationFailed(errors)
    value = amount if amount is not None else remaining
    params: dict[str, Any] = {"payment_intent": payment.stripe_payment_intent_id, "amount": value,
                              "metadata": {"team_id": str(team.id), "payment_id": str(payment.id)}}
    if reason:
        params["reason"] = reason
    # Derived from what was refunded so far: a double click refunds once, a second refund later is new.
    key = _key("refund", team, idempotency_key, payment.id, value, payment.amount_refunded)
    try:
        refund = await client.v1.refunds.create_async(params, {"idempotency_key": key})  # type: ignore[arg-type]
    except stripe.StripeError as exc:
        raise _stripe_failure(exc) from exc
    return Requested(stripe_id=refund.id, status=str(refund.status or "pending"), amount=value)


async def _subscription(team: Team, subscription_id: int | None) -> Subscription:
    sub = await Subscription.get_or_none(id=subscription_id, team_id=team.id) if subscription_id else None
    if sub is None:
        raise NotFound("subscriptionId", "subscription")
    if SubscriptionStatus(sub.status) in ENDED:
        raise ValidationFailed.one("subscriptionId", "this subscription has ended", "SUBSCRIPTION_ENDED")
    return sub


async def cancel_subscription(team: Team, subscription_id: int | None, *, at_period_end: bool,
                              idempotency_key: str | None) -> Requested:
    sub = await _subscription(team, subscription_id)
    client = await _client(team)
    try:
        if at_period_end:
            key = _key("cancel", team, idempotency_key, sub.id, "period_end")
            updated = await client.v1.subscriptions.update_async(
                sub.stripe_subscription_id, {"cancel_at_period_end": True}, {"idempotency_key": key})
        else:
            updated = await client.v1.subscriptions.cancel_async(sub.stripe_subscription_id)
    except stripe.StripeError as exc:
        raise _stripe_failure(exc) from exc
    return Requested(stripe_id=updated.id, status=str(updated.status))


async def pause_subscription(team: Team, subscription_id: int | None, *, idempotency_key: str | None) -> Requested:
    """Pause collection (Stripe voids the invoices meanwhile); access is held until resumed."""
    sub = await _subscription(team, subscription_id)
    client = await _client(team)
    key = _key("pause", team, idempotency_key, sub.id, "pause", sub.updated_at.isoformat())
    try:
        updated = await client.v1.subscriptions.update_async(
            sub.stripe_subscription_id, {"pause_collection": {"behavior": "void"}}, {"idempotency_key": key})
    except stripe.StripeError as exc:
        raise _stripe_failure(exc) from exc
    return Requested(stripe_id=updated.id, status=str(updated.status))


async def resume_subscription(team: Team, subscription_id: int | None, *, idempotency_key: str | None) -> Requested:
    sub = await _subscription(team, subscription_id)
    if not sub.collection_paused and SubscriptionStatus(sub.status) != SubscriptionStatus.PAUSED:
        raise ValidationFailed.one("subscriptionId", "this subscription is not paused", "NOT_PAUSED")
    client = await _client(team)
    key = _key("resume", team, idempotency_key, sub.id, "resume", sub.updated_at.isoformat())
    try:
        if SubscriptionStatus(sub.status) == SubscriptionStatus.PAUSED:  # a trial that ended without a card
            updated = await client.v1.subscriptions.resume_async(
                sub.stripe_subscription_id, {"billing_cycle_anchor": "now"},  # type: ignore[arg-type]
                {"idempotency_key": key})
        else:
            updated = await client.v1.subscriptions.update_async(
                sub.stripe_subscription_id, {"pause_collection": ""}, {"idempotency_key": key})
    except stripe.StripeError as exc:
        raise _stripe_failure(exc) from exc
    return Requested(stripe_id=updated.id, status=str(updated.status))


async def _stripe_price_id(client: stripe.StripeClient, price: Price, product: Product) -> str:
    """Prices sold inline at checkout get a Stripe price on their first plan change (one, however
    many changes race: the idempotency key is the price's)."""
    if price.stripe_price_id:
        return price.stripe_price_id
    created = await client.v1.prices.create_async({  # type: ignore[arg-type]
        "currency": price.currency, "unit_amount": price.amount,
        "recurring": {"interval": price.interval, "interval_count": price.interval_count},
        "product_data": {"name": product.name, "metadata": {"memberhub_product_id": str(product.id)}},
        "metadata": {"memberhub_price_id": str(price.id)},
    }, {"idempotency_key": f"memberhub-price-{price.team_id}-{price.id}"})
    await Price.filter(id=price.id).update(stripe_price_id=created.id)
    return created.id


async def change_plan(team: Team, subscription_id: int | None, price_id: int | None, *, proration: str,
                      idempotency_key: str | None) -> Requested:
    sub = await _subscription(team, subscription_id)
    price = await Price.get_or_none(id=price_id, team_id=team.id) if price_id else None
    if price is None:
        raise NotFound("priceId", "price")
    errors: list[FieldError] = []
    if price.type != PriceType.RECURRING or not price.interval:
        errors.append(FieldError("priceId", "a subscription can only move to a recurring price", "NOT_RECURRING"))
    elif not price.active:
        errors.append(FieldError("priceId", "this price is archived", "INACTIVE"))
    elif price.id == sub.price_id:
        errors.append(FieldError("priceId", "the subscription is on this price already", "UNCHANGED"))
    if proration not in PRORATIONS:
        errors.append(FieldError("proration", f"one of {', '.join(sorted(PRORATIONS))}", "INVALID_PRORATION"))
    if errors:
        raise ValidationFailed(errors)
    client = await _client(team)
    product = await Product.get(id=price.product_id)
    try:
        current = stripe_api.plain(await client.v1.subscriptions.retrieve_async(sub.stripe_subscription_id))
        item_id = stripe_api.first_item(current).get("id")
        if not item_id:
            raise ValidationFailed.one("subscriptionId", "the Stripe subscription has no item", "STRIPE_ERROR")
        stripe_price = await _stripe_price_id(client, price, product)
        metadata = {**(current.get("metadata") or {}), "price_id": str(price.id), "product_id": str(product.id)}
        key = _key("plan", team, idempotency_key, sub.id, price.id, proration)
        updated = await client.v1.subscriptions.update_async(sub.stripe_subscription_id, {  # type: ignore[arg-type]
            "items": [{"id": item_id, "price": stripe_price}], "proration_behavior": proration,
            "metadata": metadata,
        }, {"idempotency_key": key})
    except stripe.StripeError as exc:
        raise _stripe_failure(exc) from exc
    return Requested(stripe_id=updated.id, status=str(updated.status))
