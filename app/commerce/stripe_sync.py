"""Stripe objects → our rows. Webhooks and reconciliation share these functions.

Each `apply_*` runs inside the caller's transaction, takes an advisory lock per Stripe customer
(so deliveries about one customer are applied one at a time), re-reads the object's latest state
from Stripe where it can change, and writes only what differs. Applying the same object twice,
or an old one after a new one, leaves the same rows.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, cast

import stripe
from tortoise import connections

from app.commerce import stripe_api as sa
from app.commerce.contact_billing import monthly_amount
from app.commerce.entitlements import (
    Outbox,
    current_db,
    other_grant_exists,
    record_event,
    record_order,
    set_entitlement,
)
from app.commerce.models import (
    CheckoutSession,
    EntitlementStatus,
    Order,
    OrderItem,
    OrderStatus,
    PastDuePolicy,
    Payment,
    PaymentStatus,
    Price,
    PriceInterval,
    Product,
    Refund,
    StripeCustomer,
    Subscription,
    SubscriptionStatus,
)
from app.contacts.models import TeamContact
from app.contacts.service import ensure_contact

log = logging.getLogger("memberhub.commerce")


class CannotLink(Exception):
    """The object names no customer or email we could tie to a contact."""


async def lock(team_id: int, key: str) -> None:
    """Serialize work on one Stripe customer (or email) within the current transaction."""
    await connections.get("default").execute_query(
        "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [f"stripe:{team_id}:{key}"]
    )


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


async def team_contact_for_email(team_id: int, email: str) -> int:
    """The team's contact for this email, created if new (one per email per team), by the contacts service."""
    async with current_db().acquire_connection() as conn:
        return await ensure_contact(conn, team_id, email)


async def contact_for_customer(
    team_id: int, client: stripe.StripeClient, customer_id: str | None, *,
    email: str | None = None, contact_hint: Any = None,
) -> int:
    """Link by Stripe customer id first, so a wallet's other email never makes a second contact."""
    if customer_id:
        link = await StripeCustomer.get_or_none(team_id=team_id, stripe_customer_id=customer_id)
        if link is not None:
            return link.team_contact_id
    contact_id: int | None = None
    hint = _int_or_none(contact_hint)
    if hint is not None and await TeamContact.exists(id=hint, team_id=team_id):
        contact_id = hint
    if contact_id is None:
        if not email and customer_id:
            customer = sa.plain(await client.v1.customers.retrieve_async(customer_id))
            email = customer.get("email")
        if not email:
            raise CannotLink(f"no contact for customer {customer_id}")
        contact_id = await team_contact_for_email(team_id, email)
    if customer_id:
        await StripeCustomer.create(team_id=team_id, team_contact_id=contact_id, stripe_customer_id=customer_id,
                                    email=email)
    return contact_id


async def local_price(team_id: int, metadata: dict[str, Any] | None, stripe_price: Any) -> Price | None:
    """Our price: from the metadata we set at checkout, else by Stripe price id."""
    price_id = _int_or_none((metadata or {}).get("price_id"))
    if price_id is not None:
        price = await Price.get_or_none(id=price_id, team_id=team_id)
        if price is not None:
            return price
    stripe_price_id = sa.ref(stripe_price)
    if stripe_price_id:
        price = await Price.get_or_none(team_id=team_id, stripe_price_id=stripe_price_id)
        if price is not None:
            return price
        local_id = _int_or_none(sa.get(stripe_price, "metadata", "memberhub_price_id"))
        if local_id is not None:
            return await Price.get_or_none(id=local_id, team_id=team_id)
    return None


# --- subscriptions -------------------------------------------------------------------------------


def _discount(subscription: dict[str, Any]) -> tuple[str | None, Decimal | None, int | None]:
    discounts = subscription.get("discounts") or []
    discount = subscription.get("discount") or (discounts[0] if discounts and isinstance(discounts[0], dict) else None)
    coupon = sa.get(discount, "coupon") or sa.get(discount, "source", "coupon")
    if not isinstance(coupon, dict):
        return (coupon if isinstance(coupon, str) else None), None, None
    percent = coupon.get("percent_off")
    return coupon.get("id"), Decimal(str(percent)) if percent is not None else None, coupon.get("amount_off")


def subscription_entitlement(sub: Subscription, product: Product, now: datetime) -> tuple[EntitlementStatus | None,
                                                                                          datetime | None]:
    """What a subscription in this state grants; None means "grant nothing, change nothing"."""
    status = SubscriptionStatus(sub.status)
    if status in (SubscriptionStatus.ACTIVE, SubscriptionStatus.TRIALING) and sub.collection_paused:
        return EntitlementStatus.ON_HOLD, None
    if status in (SubscriptionStatus.ACTIVE, SubscriptionStatus.TRIALING):
        if sub.cancel_at_period_end and sub.current_period_end:
            if sub.current_period_end <= now:
                return EntitlementStatus.REVOKED, sub.current_period_end
            return EntitlementStatus.ACTIVE, sub.current_period_end
        return EntitlementStatus.ACTIVE, None
    if status in (SubscriptionStatus.PAST_DUE, SubscriptionStatus.UNPAID):
        policy = PastDuePolicy(product.past_due_policy)
        if policy == PastDuePolicy.KEEP:
            return EntitlementStatus.ACTIVE, None
        if policy == PastDuePolicy.GRACE:
            deadline = (sub.past_due_since or now) + timedelta(days=product.grace_days)
            if now < deadline:
                return EntitlementStatus.GRACE, deadline
        return EntitlementStatus.REVOKED, now
    if status == SubscriptionStatus.INCOMPLETE:
        return None, None
    return EntitlementStatus.REVOKED, sub.ended_at or now


async def sync_subscription_entitlement(outbox: Outbox, sub: Subscription) -> None:
    if sub.product_id is None:
        return
    product = await Product.get(id=sub.product_id)
    status, ends_at = subscription_entitlement(sub, product, datetime.now(UTC))
    if status is None:
        return
    if status == EntitlementStatus.REVOKED and await other_grant_exists(
        sub.team_contact_id, product.id, except_subscription_id=sub.id
    ):
        return
    await set_entitlement(outbox, sub.team_contact_id, product, status, ends_at, f"subscription:{sub.id}")


async def apply_subscription(outbox: Outbox, client: stripe.StripeClient, subscription_id: str, *,
                             latest: dict[str, Any] | None = None) -> Subscription | None:
    """Bring our row for `subscription_id` to Stripe's current state (fetched unless given).

    Callers lock the customer before a fetch (the customer of a subscription never changes), so
    fetch-then-write pairs of concurrent deliveries are applied one after the other.
    """
    team_id = outbox.team_id
    data = latest if latest is not None else sa.plain(await client.v1.subscriptions.retrieve_async(subscription_id))
    customer_id = sa.ref(data.get("customer"))
    await lock(team_id, customer_id or subscription_id)
    metadata = data.get("metadata") or {}
    if _int_or_none(metadata.get("team_id")) not in (None, team_id):
        log.warning("subscription %s belongs to another team; ignored", subscription_id)
        return None
    contact_id = await contact_for_customer(team_id, client, customer_id, contact_hint=metadata.get("team_contact_id"))
    item = sa.first_item(data)
    stripe_price = item.get("price") or {}
    price = await local_price(team_id, metadata, stripe_price)
    recurring = stripe_price.get("recurring") or {}
    period_start, period_end = sa.subscription_period(data)
    coupon_id, discount_percent, discount_amount = _discount(data)
    status = SubscriptionStatus(data["status"])
    unit_amount = int(stripe_price.get("unit_amount") or (price.amount if price else 0))
    quantity = int(item.get("quantity") or 1)
    interval = PriceInterval(recurring.get("interval") or (price.interval if price and price.interval else "month"))
    interval_count = int(recurring.get("interval_count") or (price.interval_count if price else 1))
    values: dict[str, Any] = {
        "team_contact_id": contact_id,
        "product_id": price.product_id if price else _int_or_none(metadata.get("product_id")),
        "price_id": price.id if price else None,
        "stripe_customer_id": customer_id or "",
        "status": status,
        "quantity": quantity,
        "currency": (stripe_price.get("currency") or (price.currency if price else "usd")).lower(),
        "unit_amount": unit_amount,
        "interval": interval,
        "interval_count": interval_count,
        "current_period_start": period_start,
        "current_period_end": period_end,
        "cancel_at_period_end": bool(data.get("cancel_at_period_end")),
        "collection_paused": bool(data.get("pause_collection")),
        "trial_start": sa.timestamp(data.get("trial_start")),
        "trial_end": sa.timestamp(data.get("trial_end")),
        "started_at": sa.timestamp(data.get("start_date") or data.get("created")),
        "canceled_at": sa.timestamp(data.get("canceled_at")),
        "ended_at": sa.timestamp(data.get("ended_at")),
        "coupon_id": coupon_id,
        "discount_percent": discount_percent,
        "discount_amount": discount_amount,
    }
    if values["product_id"] is not None and not await Product.exists(id=values["product_id"], team_id=team_id):
        values["product_id"] = None
    gross = monthly_amount(unit_amount * quantity, interval, interval_count)
    net = gross * (1 - (discount_percent or Decimal(0)) / 100)
    net -= monthly_amount(discount_amount or 0, interval, interval_count)
    # Trials bring no revenue yet, nor does a subscription whose collection is paused.
    counts = status in (SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE) and not values["collection_paused"]
    values["mrr_amount"] = max(0, round(net)) if counts else 0

    row = await Subscription.select_for_update().get_or_none(team_id=team_id, stripe_subscription_id=subscription_id)
    previous = SubscriptionStatus(row.status) if row else None
    now = datetime.now(UTC)
    if status in (SubscriptionStatus.PAST_DUE, SubscriptionStatus.UNPAID):
        values["past_due_since"] = (row.past_due_since if row and row.past_due_since else None) or now
    else:
        values["past_due_since"] = None
    if row is None:
        row = await Subscription.create(team_id=team_id, stripe_subscription_id=subscription_id, **values)
        outbox.changes += 1
    else:
        changed = [key for key, value in values.items() if getattr(row, key) != value]
        if changed:
            outbox.changes += 1
            row.update_from_dict({key: values[key] for key in changed})
            await row.save(update_fields=changed)
    if previous != status:
        await record_event(outbox, contact_id, "subscription_status_changed", {
            "subscription_id": row.id, "stripe_subscription_id": subscription_id, "product_id": row.product_id,
            "status": status.value, "previous_status": previous.value if previous else None,
        })
    await sync_subscription_entitlement(outbox, row)
    outbox.contact_ids.add(contact_id)
    return row


# --- payments ------------------------------------------------------------------------------------


async def record_payment(
    outbox: Outbox, contact_id: int, *, stripe_ref: str, amount: int, currency: str, paid_at: datetime,
    items: list[tuple[int | None, int, int]], subscription: Subscription | None = None,
    payment_intent_id: str | None = None,
) -> Payment | None:
    """One payment (and its order) per Stripe checkout/invoice, however often it is reported."""
    payment = await Payment.select_for_update().get_or_none(team_id=outbox.team_id, stripe_ref=stripe_ref)
    if payment is not None and payment.status != PaymentStatus.FAILED:
        if payment_intent_id and not payment.stripe_payment_intent_id:
            payment.stripe_payment_intent_id = payment_intent_id
            await payment.save(update_fields=["stripe_payment_intent_id"])
        return payment
    order = None
    if amount > 0:
        order = await record_order(outbox, contact_id, currency=currency, placed_at=paid_at, items=items)
        outbox.paid_orders.append(order.id)  # one per payment: a payment seen again returned above
    values: dict[str, Any] = {
        "team_contact_id": contact_id, "order_id": order.id if order else None,
        "subscription_id": subscription.id if subscription else None,
        "stripe_payment_intent_id": payment_intent_id, "status": PaymentStatus.SUCCEEDED,
        "currency": currency, "amount": amount, "paid_at": paid_at,
    }
    outbox.changes += 1
    if payment is None:
        payment = await Payment.create(team_id=outbox.team_id, stripe_ref=stripe_ref, **values)
    else:
        payment.update_from_dict(values)
        await payment.save()
    outbox.contact_ids.add(contact_id)
    return payment


async def apply_checkout_session(outbox: Outbox, client: stripe.StripeClient, session: dict[str, Any]) -> None:
    team_id = outbox.team_id
    metadata = session.get("metadata") or {}
    if _int_or_none(metadata.get("team_id")) not in (None, team_id):
        log.warning("checkout session %s belongs to another team; ignored", session.get("id"))
        return
    customer_id = sa.ref(session.get("customer"))
    email = sa.get(session, "customer_details", "email") or session.get("customer_email")
    await lock(team_id, customer_id or (email or "").lower() or session["id"])
    contact_id = await contact_for_customer(team_id, client, customer_id, email=email,
                                            contact_hint=metadata.get("team_contact_id"))
    await CheckoutSession.filter(team_id=team_id, stripe_session_id=session["id"]).update(status="complete")
    price = await local_price(team_id, metadata, None)
    addon_prices = [
        p for p in [
            await Price.get_or_none(id=pid, team_id=team_id)
            for pid in (_int_or_none(x) for x in (metadata.get("addon_price_ids") or "").split(","))
            if pid is not None
        ] if p is not None
    ]
    paid = session.get("payment_status") in ("paid", "no_payment_required")
    currency = (session.get("currency") or (price.currency if price else "usd")).lower()
    subscription = None
    if session.get("mode") == "subscription" and session.get("subscription"):
        subscription_id = sa.ref(session["subscription"])
        if subscription_id is None:
            raise ValueError(f"checkout session {session['id']}: its subscription has no id")
        subscription = await apply_subscription(outbox, client, subscription_id)
    if not paid or session.get("status") not in (None, "complete"):
        return
    amount = int(session.get("amount_total") or 0)
    items: list[tuple[int | None, int, int]] = []
    if session.get("mode") == "subscription":
        stripe_ref = sa.ref(session.get("invoice")) or session["id"]
        if subscription is not None:
            items.append((subscription.product_id, subscription.quantity, amount - sum(p.amount for p in addon_prices)))
    else:
        stripe_ref = sa.ref(session.get("payment_intent")) or session["id"]
        quantity = _int_or_none(metadata.get("quantity")) or 1
        if price is not None:
            items.append((price.product_id, quantity, price.amount * quantity))
    items.extend((p.product_id, 1, p.amount) for p in addon_prices)
    if items and sum(a for _, _, a in items) != amount:  # coupons: the order total is what was paid
        product_id, quantity, item_amount = items[0]
        items[0] = (product_id, quantity, max(0, item_amount - (sum(a for _, _, a in items) - amount)))
    payment = await record_payment(
        outbox, contact_id, stripe_ref=stripe_ref, amount=amount, currency=currency,
        paid_at=sa.timestamp(session.get("created")) or datetime.now(UTC), items=items or [(None, 1, amount)],
        subscription=subscription, payment_intent_id=sa.ref(session.get("payment_intent")),
    )
    if payment is not None and payment.status in (PaymentStatus.REFUNDED,):
        return
    one_time = ([price] if price is not None and session.get("mode") == "payment" else []) + addon_prices
    for p in one_time:
        product = await Product.get(id=p.product_id)
        await set_entitlement(outbox, contact_id, product, EntitlementStatus.ACTIVE, None, "purchase")


async def apply_invoice(outbox: Outbox, client: stripe.StripeClient, invoice: dict[str, Any]) -> None:
    """invoice.paid / invoice.payment_failed: the subscription's new state, plus the payment."""
    team_id = outbox.team_id
    customer_id = sa.ref(invoice.get("customer"))
    await lock(team_id, customer_id or invoice["id"])
    subscription_id = sa.invoice_subscription_id(invoice)
    subscription = await apply_subscription(outbox, client, subscription_id) if subscription_id else None
    contact_id = subscription.team_contact_id if subscription else await contact_for_customer(
        team_id, client, customer_id, email=invoice.get("customer_email"),
        contact_hint=sa.invoice_metadata(invoice).get("team_contact_id"),
    )
    currency = (invoice.get("currency") or "usd").lower()
    if invoice.get("status") == "paid":
        amount = int(invoice.get("amount_paid") or 0)
        await record_payment(
            outbox, contact_id, stripe_ref=invoice["id"], amount=amount, currency=currency,
            paid_at=sa.timestamp(sa.get(invoice, "status_transitions", "paid_at") or invoice.get("created"))
            or datetime.now(UTC),
            items=[(subscription.product_id if subscription else None, subscription.quantity if subscription else 1,
                    amount)],
            subscription=subscription, payment_intent_id=sa.invoice_payment_intent_id(invoice),
        )
        return
    existing = await Payment.select_for_update().get_or_none(team_id=team_id, stripe_ref=invoice["id"])
    if existing is None:
        await Payment.create(
            team_id=team_id, team_contact_id=contact_id, stripe_ref=invoice["id"],
            subscription_id=subscription.id if subscription else None, status=PaymentStatus.FAILED,
            currency=currency, amount=int(invoice.get("amount_due") or 0),
            stripe_payment_intent_id=sa.invoice_payment_intent_id(invoice),
        )
        await record_event(outbox, contact_id, "payment_failed", {
            "stripe_invoice_id": invoice["id"], "amount": int(invoice.get("amount_due") or 0) / 100,
            "currency": currency, "subscription_id": subscription.id if subscription else None,
        })
    outbox.contact_ids.add(contact_id)


async def apply_charge(outbox: Outbox, client: stripe.StripeClient, charge: dict[str, Any]) -> None:
    """charge.refunded: refunds only grow, so the larger amount seen wins whatever the order."""
    team_id = outbox.team_id
    await lock(team_id, sa.ref(charge.get("customer")) or charge["id"])
    intent = sa.ref(charge.get("payment_intent"))
    payment = None
    if intent:
        payment = await Payment.select_for_update().filter(team_id=team_id, stripe_payment_intent_id=intent).first()
    if payment is None and sa.ref(charge.get("invoice")):
        payment = await Payment.select_for_update().get_or_none(team_id=team_id, stripe_ref=sa.ref(charge["invoice"]))
    if payment is None:
        log.info("charge %s matches no payment of team %s", charge.get("id"), team_id)
        return
    for refund in sa.get(charge, "refunds", "data") or []:
        if not await Refund.exists(team_id=team_id, stripe_refund_id=refund["id"]):
            await Refund.create(team_id=team_id, payment=payment, stripe_refund_id=refund["id"],
                                amount=int(refund.get("amount") or 0), status=refund.get("status") or "succeeded")
    refunded = max(payment.amount_refunded, int(charge.get("amount_refunded") or 0))
    if refunded == payment.amount_refunded:
        return
    newly = refunded - payment.amount_refunded
    outbox.changes += 1
    full = refunded >= payment.amount
    payment.amount_refunded = refunded
    payment.status = PaymentStatus.REFUNDED if full else PaymentStatus.PARTIALLY_REFUNDED
    await payment.save(update_fields=["amount_refunded", "status"])
    if payment.order_id:
        # The order carries what was refunded, so order rules (totalSpent, sum of orders.total) count
        # what the contact kept, as ltv does.
        order = await Order.select_for_update().get(id=payment.order_id)
        order.status = OrderStatus.REFUNDED if full else OrderStatus.PARTIALLY_REFUNDED
        order.amount_refunded = min(order.total_amount, refunded)
        await order.save(update_fields=["status", "amount_refunded"])
    outbox.order_contact_ids.add(payment.team_contact_id)
    await record_event(outbox, payment.team_contact_id, "refund", {
        "payment_id": payment.id, "order_id": payment.order_id, "amount": newly / 100, "amount_minor": newly,
        "currency": payment.currency, "full": full,
    })
    outbox.contact_ids.add(payment.team_contact_id)
    if full and payment.subscription_id is None and payment.order_id:
        product_ids = cast(list[int | None],
                           await OrderItem.filter(order_id=payment.order_id).values_list("product_id", flat=True))
        for product_id in {p for p in product_ids if p}:
            if await other_grant_exists(payment.team_contact_id, product_id, except_payment_id=payment.id):
                continue
            product = await Product.get(id=product_id)
            await set_entitlement(outbox, payment.team_contact_id, product, EntitlementStatus.REVOKED,
                                  datetime.now(UTC), "refund")
