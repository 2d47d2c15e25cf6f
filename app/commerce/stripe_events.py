"""Stripe events beyond payments and subscriptions: abandoned and failed checkouts, invoices that
need the customer, trials about to end, upcoming renewals, and disputes.

Like `stripe_sync`, each runs in the webhook's transaction (and reconciliation's), writes only
through commerce's own tables and the contacts service (events), and is safe to apply twice.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import stripe

from app.commerce import disputes, stripe_sync
from app.commerce import stripe_api as sa
from app.commerce.billing_mail import TRIAL_WILL_END, BillingMail
from app.commerce.entitlements import Outbox, record_event, set_entitlement
from app.commerce.models import (
    CheckoutSession,
    Dispute,
    EntitlementStatus,
    Payment,
    PaymentStatus,
    Product,
    Subscription,
)

log = logging.getLogger("memberhub.commerce")


def _int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


async def _session_contact(outbox: Outbox, client: stripe.StripeClient, session: dict[str, Any]) -> int | None:
    metadata = session.get("metadata") or {}
    if _int(metadata.get("team_id")) not in (None, outbox.team_id):
        return None
    customer_id = sa.ref(session.get("customer"))
    email = sa.get(session, "customer_details", "email") or session.get("customer_email")
    await stripe_sync.lock(outbox.team_id, customer_id or (email or "").lower() or session["id"])
    return await stripe_sync.contact_for_customer(outbox.team_id, client, customer_id, email=email,
                                                  contact_hint=metadata.get("team_contact_id"))


async def checkout_expired(outbox: Outbox, client: stripe.StripeClient, session: dict[str, Any]) -> None:
    """checkout.session.expired: an abandoned checkout, as an event segments and drips can use."""
    await CheckoutSession.filter(team_id=outbox.team_id, stripe_session_id=session["id"]).exclude(
        status="complete").update(status="expired")
    contact_id = await _session_contact(outbox, client, session)
    if contact_id is None:
        return
    metadata = session.get("metadata") or {}
    await record_event(outbox, contact_id, "checkout_expired", {
        "stripe_checkout_session_id": session["id"], "price_id": _int(metadata.get("price_id")),
        "product_id": _int(metadata.get("product_id")),
        "amount": int(session.get("amount_total") or 0) / 100, "currency": (session.get("currency") or "usd").lower(),
    })
    outbox.changes += 1


async def checkout_payment_failed(outbox: Outbox, client: stripe.StripeClient, session: dict[str, Any]) -> None:
    """checkout.session.async_payment_failed: a delayed method (bank debit) failed; nothing was granted."""
    await CheckoutSession.filter(team_id=outbox.team_id, stripe_session_id=session["id"]).update(
        status="payment_failed")
    contact_id = await _session_contact(outbox, client, session)
    if contact_id is None:
        return
    stripe_ref = sa.ref(session.get("payment_intent")) or session["id"]
    currency = (session.get("currency") or "usd").lower()
    amount = int(session.get("amount_total") or 0)
    if not await Payment.exists(team_id=outbox.team_id, stripe_ref=stripe_ref):
        await Payment.create(team_id=outbox.team_id, team_contact_id=contact_id, stripe_ref=stripe_ref,
                             stripe_payment_intent_id=sa.ref(session.get("payment_intent")),
                             status=PaymentStatus.FAILED, currency=currency, amount=amount)
    await record_event(outbox, contact_id, "payment_failed", {
        "stripe_checkout_session_id": session["id"], "amount": amount / 100, "currency": currency,
        "subscription_id": None,
    })
    outbox.changes += 1


async def _invoice_contact(outbox: Outbox, client: stripe.StripeClient, invoice: dict[str, Any]
                           ) -> tuple[int, Subscription | None]:
    customer_id = sa.ref(invoice.get("customer"))
    await stripe_sync.lock(outbox.team_id, customer_id or str(invoice.get("id") or "upcoming"))
    subscription_id = sa.invoice_subscription_id(invoice)
    subscription = (await Subscription.get_or_none(team_id=outbox.team_id, stripe_subscription_id=subscription_id)
                    if subscription_id else None)
    if subscription is not None:
        return subscription.team_contact_id, subscription
    contact_id = await stripe_sync.contact_for_customer(
        outbox.team_id, client, customer_id, email=invoice.get("customer_email"),
        contact_hint=sa.invoice_metadata(invoice).get("team_contact_id"))
    return contact_id, None


async def invoice_action_required(outbox: Outbox, client: stripe.StripeClient, invoice: dict[str, Any]) -> None:
    """invoice.payment_action_required: the bank wants the customer (3-D Secure); the subscription's
    state is applied as for any invoice, and the event carries the link to finish paying."""
    subscription_id = sa.invoice_subscription_id(invoice)
    if subscription_id:
        await stripe_sync.lock(outbox.team_id, sa.ref(invoice.get("customer")) or subscription_id)
        await stripe_sync.apply_subscription(outbox, client, subscription_id)
    contact_id, subscription = await _invoice_contact(outbox, client, invoice)
    await record_event(outbox, contact_id, "payment_action_required", {
        "stripe_invoice_id": invoice["id"], "amount": int(invoice.get("amount_due") or 0) / 100,
        "currency": (invoice.get("currency") or "usd").lower(),
        "hosted_invoice_url": invoice.get("hosted_invoice_url"),
        "subscription_id": subscription.id if subscription else None,
    })
    outbox.changes += 1


async def invoice_upcoming(outbox: Outbox, client: stripe.StripeClient, invoice: dict[str, Any]) -> None:
    """invoice.upcoming (a draft without an id, days before a renewal): an event for "renews soon" rules."""
    try:
        contact_id, subscription = await _invoice_contact(outbox, client, invoice)
    except stripe_sync.CannotLink:
        return
    due = sa.timestamp(invoice.get("next_payment_attempt") or invoice.get("period_end"))
    await record_event(outbox, contact_id, "invoice_upcoming", {
        "amount": int(invoice.get("amount_due") or 0) / 100, "currency": (invoice.get("currency") or "usd").lower(),
        "due_at": due.isoformat() if due else None, "subscription_id": subscription.id if subscription else None,
    })
    outbox.changes += 1


async def trial_will_end(outbox: Outbox, client: stripe.StripeClient, obj: dict[str, Any]) -> None:
    """customer.subscription.trial_will_end (three days before): state, an event, and the hub's
    `trial_will_end` mail (once per subscription and trial end)."""
    customer_id = sa.ref(obj.get("customer"))
    if customer_id:
        await stripe_sync.lock(outbox.team_id, customer_id)
    sub = await stripe_sync.apply_subscription(outbox, client, obj["id"])
    if sub is None:
        return
    trial_end = sub.trial_end or sa.timestamp(obj.get("trial_end"))
    await record_event(outbox, sub.team_contact_id, "trial_will_end", {
        "subscription_id": sub.id, "product_id": sub.product_id,
        "trial_end": trial_end.isoformat() if trial_end else None,
    })
    product = await Product.get_or_none(id=sub.product_id) if sub.product_id else None
    if product is not None and product.hub_id is not None:
        outbox.mails.append(BillingMail(
            hub_id=product.hub_id, contact_id=sub.team_contact_id, kind=TRIAL_WILL_END,
            # Flat names: a template saved before this context existed still renders them (as empty).
            context={"trial_end": trial_end.date().isoformat() if trial_end else None, "product_name": product.name,
                     "amount": f"{sub.unit_amount * sub.quantity / 100:.2f}", "currency": sub.currency},
            dedupe_key=f"trial_will_end:{sub.id}:{int(trial_end.timestamp()) if trial_end else 0}",
        ))


async def apply_dispute(outbox: Outbox, client: stripe.StripeClient, obj: dict[str, Any]) -> Dispute | None:
    """charge.dispute.*: record Stripe's current dispute and re-derive what its products grant."""
    team_id = outbox.team_id
    data = sa.plain(await client.v1.disputes.retrieve_async(obj["id"]))
    payment = await disputes.find_payment(team_id, client, data)
    if payment is None:
        log.info("dispute %s matches no payment of team %s", data.get("id"), team_id)
        return None
    await stripe_sync.lock(team_id, sa.ref(data.get("customer")) or payment.stripe_ref)
    dispute, previous = await disputes.upsert_dispute(team_id, payment, data)
    if previous == dispute.status:
        return dispute
    outbox.changes += 1
    contact_id = payment.team_contact_id
    closed = dispute.status in disputes.CLOSED
    await record_event(outbox, contact_id, "dispute_closed" if closed else "dispute_opened", {
        "dispute_id": dispute.id, "payment_id": payment.id, "amount": dispute.amount / 100,
        "currency": dispute.currency, "reason": dispute.reason, "status": dispute.status,
        "effect": dispute.effect,
    })
    await rederive_products(outbox, payment, dispute.product_ids or [])
    outbox.contact_ids.add(contact_id)
    return dispute


async def rederive_products(outbox: Outbox, payment: Payment, product_ids: list[int]) -> None:
    """What these products grant now: `set_entitlement` applies any dispute's block."""
    contact_id = payment.team_contact_id
    if payment.subscription_id is not None:
        sub = await Subscription.select_for_update().get_or_none(id=payment.subscription_id)
        if sub is not None:
            await stripe_sync.sync_subscription_entitlement(outbox, sub)
        return
    for product_id in product_ids:
        product = await Product.get_or_none(id=product_id, team_id=outbox.team_id)
        if product is None:
            continue
        kept = payment.status in (PaymentStatus.SUCCEEDED, PaymentStatus.PARTIALLY_REFUNDED)
        if kept:
            await set_entitlement(outbox, contact_id, product, EntitlementStatus.ACTIVE, None, "purchase")
        else:
            await set_entitlement(outbox, contact_id, product, EntitlementStatus.REVOKED, datetime.now(UTC),
                                  "refund")
