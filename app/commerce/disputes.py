"""Disputes (chargebacks): recorded for reports, and the entitlement they hold or revoke.

What a dispute does to access is the team's `disputePolicy` when the dispute opens (kept on the
row, so changing the policy later does not flip disputes already open):

| policy | while open | won (or a closed warning) | lost |
|---|---|---|---|
| `KEEP` | nothing | nothing | revoked |
| `HOLD` (default) | `on_hold`: no access, deliverables withdrawn | restored | revoked |
| `REVOKE` | `revoked` | restored | revoked |

The block is checked wherever an entitlement is granted (`set_entitlement`), so a late
subscription update or a reconciliation cannot hand back what a dispute holds. A lost dispute
blocks the product until the contact pays for it again (a new purchase, or the subscription's next
paid invoice). A grant with `source = "manual"` is never blocked (no mutation makes one yet).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any, cast

import stripe

from app.commerce import stripe_api as sa
from app.commerce.models import (
    Dispute,
    DisputePolicy,
    EntitlementStatus,
    OrderItem,
    Payment,
    PaymentStatus,
    StripeSettings,
    Subscription,
)

log = logging.getLogger("memberhub.commerce")

CLOSED = frozenset({"won", "lost", "warning_closed", "prevented"})
LOST = "lost"


def blocking_status(disputes: list[Dispute]) -> EntitlementStatus | None:
    """What these disputes (all about one product) allow at most; None when they allow anything."""
    worst: EntitlementStatus | None = None
    for dispute in disputes:
        if dispute.status == LOST:
            return EntitlementStatus.REVOKED
        if dispute.status in CLOSED:
            continue
        if dispute.effect == DisputePolicy.REVOKE:
            return EntitlementStatus.REVOKED
        if dispute.effect == DisputePolicy.HOLD:
            worst = EntitlementStatus.ON_HOLD
    return worst


async def _paid_again(dispute: Dispute, product_id: int) -> bool:
    """A payment made after the dispute opened that kept its money and paid for the product."""
    later = await Payment.filter(
        team_id=dispute.team_id, team_contact_id=dispute.team_contact_id, created_at__gt=dispute.opened_at,
        status__in=[PaymentStatus.SUCCEEDED, PaymentStatus.PARTIALLY_REFUNDED],
    ).exclude(id=dispute.payment_id)
    for payment in later:
        if product_id in await payment_products(payment):
            return True
    return False


async def dispute_block(team_id: int, contact_id: int, product_id: int) -> EntitlementStatus | None:
    """A lost dispute blocks the product until the contact pays for it again (a new purchase, or a
    subscription's next paid invoice)."""
    disputes = [d for d in await Dispute.filter(team_id=team_id, team_contact_id=contact_id)
                if product_id in (d.product_ids or [])]
    disputes = [d for d in disputes if d.status != LOST or not await _paid_again(d, product_id)]
    return blocking_status(disputes)


async def payment_products(payment: Payment) -> list[int]:
    """The products a payment paid for: its subscription's, or its order's items."""
    if payment.subscription_id is not None:
        sub = await Subscription.get_or_none(id=payment.subscription_id)
        return [sub.product_id] if sub is not None and sub.product_id else []
    if payment.order_id is None:
        return []
    ids = cast(list[int | None], await OrderItem.filter(order_id=payment.order_id).values_list("product_id", flat=True))
    return sorted({p for p in ids if p})


async def find_payment(team_id: int, client: stripe.StripeClient, dispute: dict[str, Any]) -> Payment | None:
    intent = sa.ref(dispute.get("payment_intent"))
    if intent:
        payment = await Payment.filter(team_id=team_id, stripe_payment_intent_id=intent).first()
        if payment is not None:
            return payment
    charge_id = sa.ref(dispute.get("charge"))
    if not charge_id:
        return None
    charge = dispute.get("charge") if isinstance(dispute.get("charge"), dict) else None
    if charge is None:
        charge = sa.plain(await client.v1.charges.retrieve_async(charge_id))
    intent = sa.ref(charge.get("payment_intent"))
    if intent:
        payment = await Payment.filter(team_id=team_id, stripe_payment_intent_id=intent).first()
        if payment is not None:
            return payment
    invoice = sa.ref(charge.get("invoice"))
    return await Payment.get_or_none(team_id=team_id, stripe_ref=invoice) if invoice else None


async def team_policy(team_id: int) -> DisputePolicy:
    settings = await StripeSettings.get_or_none(team_id=team_id)
    return DisputePolicy(settings.dispute_policy) if settings is not None else DisputePolicy.HOLD


async def upsert_dispute(team_id: int, payment: Payment, data: dict[str, Any]) -> tuple[Dispute, str | None]:
    """Our row for Stripe's dispute, brought to `data`; returns it and its previous status (None: new)."""
    row = await Dispute.select_for_update().get_or_none(team_id=team_id, stripe_dispute_id=data["id"])
    status = str(data.get("status") or "needs_response")
    values: dict[str, Any] = {
        "status": status,
        "amount": int(data.get("amount") or 0),
        "currency": str(data.get("currency") or payment.currency).lower(),
        "reason": str(data.get("reason") or "general")[:64],
        "stripe_charge_id": sa.ref(data.get("charge")) or "",
        "opened_at": sa.timestamp(data.get("created")) or datetime.now(UTC),
    }
    if status in CLOSED:
        values["closed_at"] = (row.closed_at if row and row.closed_at else None) or datetime.now(UTC)
    else:
        values["closed_at"] = None
    if row is None:
        row = await Dispute.create(
            team_id=team_id, payment=payment, team_contact_id=payment.team_contact_id,
            stripe_dispute_id=data["id"], effect=await team_policy(team_id),
            product_ids=await payment_products(payment), **values,
        )
        return row, None
    previous = row.status
    changed = [k for k, v in values.items() if getattr(row, k) != v]
    if changed:
        row.update_from_dict({k: values[k] for k in changed})
        await row.save(update_fields=[*changed, "updated_at"])
    return row, previous
