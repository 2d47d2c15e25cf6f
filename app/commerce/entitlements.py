"""Entitlements: grant, put in grace and revoke, with their deliverables, events and live messages.

Commerce emits; access and segments read. Every status change writes an `events` row in the
caller's transaction and, after commit, a message on `team_channel(team_id, "entitlements")`:
`{"team_contact_id", "product_id", "status"}` (also when only `ends_at` moved).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient

from app.commerce.billing_mail import BillingMail, send_billing_mail
from app.commerce.disputes import dispute_block
from app.commerce.models import (
    DeliverableKind,
    DeliveredHubMembership,
    Entitlement,
    EntitlementStatus,
    Order,
    OrderItem,
    OrderStatus,
    Payment,
    PaymentStatus,
    Product,
    Subscription,
    SubscriptionStatus,
)
from app.contacts.events import NewEvent, insert_events
from app.contacts.service import add_tags
from app.core.pubsub import publish, team_channel
from app.hubs.models import HubRole
from app.hubs.service import grant_hub_membership, member_joined, remove_hub_memberships

log = logging.getLogger("memberhub.commerce")

TOPIC = "entitlements"
EVENT_FOR_STATUS = {
    EntitlementStatus.ACTIVE: "entitlement_granted",
    EntitlementStatus.GRACE: "entitlement_grace_started",
    EntitlementStatus.ON_HOLD: "entitlement_held",
    EntitlementStatus.REVOKED: "entitlement_revoked",
}
NO_ACCESS = (EntitlementStatus.REVOKED, EntitlementStatus.ON_HOLD)
GRANTING_SUBSCRIPTION_STATUSES = (SubscriptionStatus.ACTIVE, SubscriptionStatus.TRIALING)

# After a Stripe payment made a new paid order (checkout or invoice) and committed: (team id, order id).
# app/wiring.py binds the email domain's receipt; email sits above commerce.
OrderPaidHook = Callable[[int, int], Awaitable[Any]]
_order_paid_hooks: list[OrderPaidHook] = []


def on_order_paid(hook: OrderPaidHook) -> None:
    if hook not in _order_paid_hooks:
        _order_paid_hooks.append(hook)



@dataclass
class Outbox:
    """What to announce once the transaction that changed billing state has committed."""

    team_id: int
    messages: list[dict[str, Any]] = field(default_factory=list)
    contact_ids: set[int] = field(default_factory=set)
    order_ids: list[int] = field(default_factory=list)
    changes: int = 0  # rows written; reconciliation reports how many objects it repaired
    events: list[tuple[int, str, datetime]] = field(default_factory=list)  # (contact, type, occurred_at)
    order_contact_ids: set[int] = field(default_factory=set)  # whose orders changed (segments' order stats)
    hub_joins: list[tuple[int, int]] = field(default_factory=list)  # (hub, contact) granted by a deliverable
    paid_orders: list[int] = field(default_factory=list)  # orders a payment created (receipts, after commit)
    mails: list[BillingMail] = field(default_factory=list)  # billing mail to queue after commit

    async def flush(self) -> None:
        channel = team_channel(self.team_id, TOPIC)
        for message in self.messages:
            await publish(channel, message)
        for hub_id, contact_id in self.hub_joins:
            await member_joined(self.team_id, hub_id, contact_id)
        for order_id in self.paid_orders:
            for hook in _order_paid_hooks:
                try:
                    await hook(self.team_id, order_id)
                except Exception:  # the payment is committed; a failing receipt must not undo the webhook's 200
                    log.exception("order-paid hook %s failed for order %s", hook, order_id)
        for mail in self.mails:
            await send_billing_mail(self.team_id, mail)


def current_db() -> BaseDBAsyncClient:
    """The caller's transaction (billing writes run inside `webhooks.apply_in_transaction`)."""
    return connections.get("default")


async def record_event(outbox: Outbox, contact_id: int, type_: str, properties: dict[str, Any],
                       occurred_at: datetime | None = None) -> None:
    occurred_at = occurred_at or datetime.now(UTC)
    async with current_db().acquire_connection() as conn:
        await insert_events(conn, outbox.team_id, [NewEvent(contact_id, type_, occurred_at, properties)])
    outbox.events.append((contact_id, type_, occurred_at))
    outbox.contact_ids.add(contact_id)


async def set_entitlement(
    outbox: Outbox, contact_id: int, product: Product, status: EntitlementStatus,
    ends_at: datetime | None, source: str,
) -> Entitlement | None:
    """Move the (contact, product) entitlement to `status`; no-op when nothing changes.

    A grant (active, grace) is capped by the disputes on the contact's payments for the product
    (app/commerce/disputes.py), except a grant from staff (`source = "manual"`)."""
    team_id = outbox.team_id
    if status not in NO_ACCESS and source != "manual":
        block = await dispute_block(team_id, contact_id, product.id)
        if block is not None:
            status, ends_at, source = block, (datetime.now(UTC) if block == EntitlementStatus.REVOKED else None), \
                "dispute"
    entitlement = await Entitlement.select_for_update().get_or_none(team_contact_id=contact_id, product_id=product.id)
    if entitlement is None and status in NO_ACCESS:
        return None
    now = datetime.now(UTC)
    previous = entitlement.status if entitlement else None
    if entitlement is None:
        entitlement = await Entitlement.create(
            team_id=team_id, team_contact_id=contact_id, product_id=product.id, status=status,
            starts_at=now, ends_at=ends_at, source=source,
        )
    else:
        if previous == status and (entitlement.ends_at == ends_at or status in NO_ACCESS):
            return entitlement
        if previous == EntitlementStatus.REVOKED and status != EntitlementStatus.REVOKED:
            entitlement.starts_at = now
        entitlement.status = status
        entitlement.ends_at = ends_at
        entitlement.source = source
        await entitlement.save()
    if previous != status:
        await record_event(outbox, contact_id, EVENT_FOR_STATUS[status], {
            "product_id": product.id, "status": status.value,
            "previous_status": previous.value if previous else None,
            "source": source, "ends_at": ends_at.isoformat() if ends_at else None,
        })
        if status == EntitlementStatus.ACTIVE and previous in (None, *NO_ACCESS):
            await deliver(outbox, contact_id, product)
        elif status in NO_ACCESS and previous not in NO_ACCESS:
            await withdraw(outbox, contact_id, product)
    outbox.changes += 1
    outbox.messages.append({"team_contact_id": contact_id, "product_id": product.id, "status": status.value})
    outbox.contact_ids.add(contact_id)
    return entitlement


async def deliver(outbox: Outbox, contact_id: int, product: Product) -> None:
    """Apply the product's deliverables through their owners' services, in the caller's transaction.
    Content access needs nothing here: access reads entitlements."""
    db = current_db()
    for deliverable in await product.deliverables.all():
        if deliverable.kind == DeliverableKind.HUB_MEMBERSHIP and deliverable.hub_id:
            membership = await grant_hub_membership(
                db, outbox.team_id, deliverable.hub_id, contact_id, deliverable.hub_role or HubRole.MEMBER,
            )
            if membership is not None:
                outbox.hub_joins.append((deliverable.hub_id, contact_id))
                await _record_delivery(db, outbox.team_id, contact_id, product.id, membership.id)
            else:
                await _share_delivery(db, outbox.team_id, contact_id, product.id, deliverable.hub_id)
        elif deliverable.kind == DeliverableKind.TAG and deliverable.tag:
            async with db.acquire_connection() as conn:
                await add_tags(conn, outbox.team_id, contact_id, [deliverable.tag], cause="billing")


async def _record_delivery(db: BaseDBAsyncClient, team_id: int, contact_id: int, product_id: int,
                           membership_id: int) -> None:
    await DeliveredHubMembership.get_or_create(
        team_id=team_id, team_contact_id=contact_id, product_id=product_id, hub_membership_id=membership_id,
        using_db=db,
    )


async def _share_delivery(db: BaseDBAsyncClient, team_id: int, contact_id: int, product_id: int, hub_id: int) -> None:
    """The contact is already a member. A membership another purchase delivered is now held by this
    product too, so it stays while either grants it; one the contact had without buying is theirs,
    and no purchase will ever take it away."""
    membership_ids = cast(list[int], await DeliveredHubMembership.filter(
        team_id=team_id, team_contact_id=contact_id, hub_membership__hub_id=hub_id,
    ).using_db(db).values_list("hub_membership_id", flat=True))
    for membership_id in set(membership_ids):
        await _record_delivery(db, team_id, contact_id, product_id, membership_id)


async def withdraw(outbox: Outbox, contact_id: int, product: Product) -> None:
    """Remove the hub memberships this product delivered that no other purchase still holds; tags
    stay (they record that a purchase happened)."""
    db = current_db()
    mine = DeliveredHubMembership.filter(team_id=outbox.team_id, team_contact_id=contact_id, product_id=product.id)
    membership_ids = set(cast(list[int], await mine.using_db(db).values_list("hub_membership_id", flat=True)))
    await mine.using_db(db).delete()
    still_held = set(cast(list[int], await DeliveredHubMembership.filter(
        team_id=outbox.team_id, hub_membership_id__in=sorted(membership_ids),
    ).using_db(db).values_list("hub_membership_id", flat=True))) if membership_ids else set()
    await remove_hub_memberships(db, outbox.team_id, sorted(membership_ids - still_held))


async def other_grant_exists(contact_id: int, product_id: int, *, except_subscription_id: int | None = None,
                             except_payment_id: int | None = None) -> bool:
    """Another live source (subscription or paid one-time order) still holds this product."""
    subscriptions = Subscription.filter(
        team_contact_id=contact_id, product_id=product_id, status__in=list(GRANTING_SUBSCRIPTION_STATUSES)
    )
    if except_subscription_id is not None:
        subscriptions = subscriptions.exclude(id=except_subscription_id)
    if await subscriptions.exists():
        return True
    payments = Payment.filter(
        team_contact_id=contact_id, subscription_id=None,
        status__in=[PaymentStatus.SUCCEEDED, PaymentStatus.PARTIALLY_REFUNDED],
    )
    if except_payment_id is not None:
        payments = payments.exclude(id=except_payment_id)
    order_ids = [oid for oid in await payments.values_list("order_id", flat=True) if oid]
    if not order_ids:
        return False
    return await OrderItem.filter(order_id__in=order_ids, product_id=product_id).exists()


async def record_order(
    outbox: Outbox, contact_id: int, *, currency: str, placed_at: datetime,
    items: list[tuple[int | None, int, int]],
) -> Order:
    """A paid order with its items [(product_id, quantity, amount)] and its `purchase` event."""
    total = sum(amount for _, _, amount in items)
    order = await Order.create(
        team_id=outbox.team_id, team_contact_id=contact_id, status=OrderStatus.PAID, currency=currency,
        total_amount=total, placed_at=placed_at,
    )
    for product_id, quantity, amount in items:
        await OrderItem.create(team_id=outbox.team_id, order=order, product_id=product_id, quantity=quantity,
                               amount=amount)
    outbox.order_contact_ids.add(contact_id)
    await record_event(outbox, contact_id, "purchase", {
        "order_id": order.id, "amount": total / 100, "amount_minor": total, "currency": currency,
        "product_ids": [p for p, _, _ in items if p],
    }, occurred_at=placed_at)
    outbox.order_ids.append(order.id)
    outbox.changes += 1
    outbox.contact_ids.add(contact_id)
    return order
