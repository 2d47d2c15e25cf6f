"""Per-contact billing facts (`contact_billing`), derived from subscriptions and payments.

Recomputed from scratch for the touched contacts in the same transaction as the change, so the
row is always what the source rows say; segment rules read it as computed properties.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from app.commerce.models import (
    ContactBilling,
    Dispute,
    OrderItem,
    Payment,
    PaymentStatus,
    PriceInterval,
    Subscription,
    SubscriptionStatus,
)

# Which subscription speaks for the contact when there are several: the most "alive" one.
STATUS_RANK = {
    SubscriptionStatus.ACTIVE: 0, SubscriptionStatus.PAST_DUE: 1, SubscriptionStatus.TRIALING: 2,
    SubscriptionStatus.UNPAID: 3, SubscriptionStatus.PAUSED: 4, SubscriptionStatus.INCOMPLETE: 5,
    SubscriptionStatus.CANCELED: 6, SubscriptionStatus.INCOMPLETE_EXPIRED: 7,
}
BILLING_STATUS = {
    SubscriptionStatus.ACTIVE: "active", SubscriptionStatus.TRIALING: "trialing",
    SubscriptionStatus.PAST_DUE: "past_due", SubscriptionStatus.UNPAID: "past_due",
    SubscriptionStatus.PAUSED: "paused", SubscriptionStatus.CANCELED: "canceled",
    SubscriptionStatus.INCOMPLETE: "incomplete", SubscriptionStatus.INCOMPLETE_EXPIRED: "canceled",
}
MONTHS_PER_INTERVAL = {
    PriceInterval.DAY: Decimal(12) / Decimal(365), PriceInterval.WEEK: Decimal(12) / Decimal(52),
    PriceInterval.MONTH: Decimal(1), PriceInterval.YEAR: Decimal(12),
}
CENT = Decimal("0.01")


def monthly_amount(amount: int | Decimal, interval: str, interval_count: int) -> Decimal:
    """An amount charged every `interval_count` `interval`s, per month."""
    months = MONTHS_PER_INTERVAL[PriceInterval(interval)] * max(interval_count, 1)
    return Decimal(amount) / months


def _major(minor: int | Decimal) -> Decimal:
    return (Decimal(minor) / 100).quantize(CENT)


async def recompute_contact_billing(team_id: int, contact_id: int) -> ContactBilling:
    subscriptions = await Subscription.filter(team_id=team_id, team_contact_id=contact_id).order_by("id")
    payments = await Payment.filter(
        team_id=team_id, team_contact_id=contact_id,
        status__in=[PaymentStatus.SUCCEEDED, PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED],
    )
    order_ids = [p.order_id for p in payments if p.order_id]
    product_ids: set[int | None] = set(cast(
        list[int | None], await OrderItem.filter(order_id__in=order_ids).values_list("product_id", flat=True),
    )) if order_ids else set()
    product_ids |= {s.product_id for s in subscriptions}
    current = min(subscriptions, key=lambda s: (STATUS_RANK[SubscriptionStatus(s.status)], -s.id), default=None)
    # A lost dispute took its amount back, like a refund.
    lost = {d.payment_id: d.amount for d in await Dispute.filter(team_id=team_id, team_contact_id=contact_id,
                                                                   status="lost")}
    kept = {p.id: max(0, p.amount - p.amount_refunded - lost.get(p.id, 0)) for p in payments}
    values: dict[str, Any] = {
        "mrr": _major(sum(s.mrr_amount for s in subscriptions)),
        "ltv": _major(sum(kept.values())),
        "currency": current.currency if current else (payments[0].currency if payments else None),
        "product_ids": sorted(str(p) for p in product_ids if p),
        "price_ids": sorted({str(s.price_id) for s in subscriptions if s.price_id}),
        "billing_status": "none",
        "plan_interval": None, "plan_interval_count": None, "plan_quantity": None, "next_billing_at": None,
        "will_renew": False, "is_trial": False, "is_past_due": False, "active_coupon_id": None,
        "discount_percent": None, "discount_amount": None, "subscription_started_at": None, "canceled_at": None,
    }
    if current is None and payments:
        # Paid while any payment kept money; refunded (or lost to disputes) in full, "refunded".
        values["billing_status"] = "paid" if any(kept.values()) else "refunded"
    if current is not None:
        status = SubscriptionStatus(current.status)
        live = status not in (SubscriptionStatus.CANCELED, SubscriptionStatus.INCOMPLETE_EXPIRED)
        paused = current.collection_paused and live
        values.update({
            "billing_status": "paused" if paused else BILLING_STATUS[status],
            "plan_interval": current.interval, "plan_interval_count": current.interval_count,
            "plan_quantity": current.quantity,
            "next_billing_at": current.current_period_end if live and not current.cancel_at_period_end else None,
            "will_renew": live and not current.cancel_at_period_end and status != SubscriptionStatus.PAUSED
            and not paused,
            "is_trial": status == SubscriptionStatus.TRIALING,
            "is_past_due": status in (SubscriptionStatus.PAST_DUE, SubscriptionStatus.UNPAID),
            "active_coupon_id": current.coupon_id if live else None,
            "discount_percent": current.discount_percent if live else None,
            "discount_amount": _major(current.discount_amount) if live and current.discount_amount else None,
            "subscription_started_at": current.started_at,
            "canceled_at": (current.canceled_at or current.ended_at) if not live else current.canceled_at,
        })
    row = await ContactBilling.select_for_update().get_or_none(team_contact_id=contact_id)
    if row is None:
        return await ContactBilling.create(team_id=team_id, team_contact_id=contact_id, **values)
    row.update_from_dict(values)
    await row.save()
    return row
