"""Commerce: products, orders and the entitlements a purchase grants.

Segments read `orders`/`order_items` (aggregates, products purchased) and access reads
`entitlements`; commerce knows nothing about either.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.contrib.postgres.fields import ArrayField
from tortoise.models import Model


class OrderStatus(StrEnum):
    PENDING = "pending"
    PAID = "paid"
    REFUNDED = "refunded"
    PARTIALLY_REFUNDED = "partially_refunded"
    FAILED = "failed"
    CANCELED = "canceled"


class EntitlementStatus(StrEnum):
    ACTIVE = "active"
    GRACE = "grace"
    ON_HOLD = "on_hold"  # no access while a dispute of its payment is open (policy HOLD)
    REVOKED = "revoked"


class DisputePolicy(StrEnum):
    """What an open dispute (chargeback) does to the entitlements its payment granted."""

    KEEP = "keep"
    HOLD = "hold"
    REVOKE = "revoke"


class PastDuePolicy(StrEnum):
    """What a past_due/unpaid subscription does to the entitlement it granted."""

    KEEP = "keep"
    GRACE = "grace"
    REVOKE = "revoke"


class Product(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="products", on_delete=fields.CASCADE
    )
    team_id: int
    hub: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Hub", related_name="products", null=True, on_delete=fields.SET_NULL
    )
    hub_id: int | None
    name = fields.CharField(max_length=200)
    external_id = fields.CharField(max_length=200, null=True, description="the id on the platform it came from")
    description = fields.TextField(default="")
    active = fields.BooleanField(default=True)
    past_due_policy = fields.CharEnumField(
        PastDuePolicy, max_length=16, default=PastDuePolicy.GRACE, db_default=PastDuePolicy.GRACE.value
    )
    grace_days = fields.IntField(default=7, db_default=7)
    created_at = fields.DatetimeField(auto_now_add=True)
    deliverables: fields.ReverseRelation[Deliverable]

    class Meta:
        table = "products"
        unique_together = (("team", "external_id"),)


class Order(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="orders", on_delete=fields.CASCADE
    )
    team_id: int
    team_contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.TeamContact", related_name="orders", on_delete=fields.CASCADE
    )
    team_contact_id: int
    status = fields.CharEnumField(OrderStatus, max_length=24, default=OrderStatus.PAID)
    currency = fields.CharField(max_length=3, default="usd")
    total_amount = fields.BigIntField(default=0, description="minor units")
    amount_refunded = fields.BigIntField(default=0, db_default=0, description="minor units refunded so far")
    placed_at = fields.DatetimeField()
    external_id = fields.CharField(max_length=200, null=True, description="imported orders: the id it had before")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "orders"
        unique_together = (("team", "external_id"),)
        # Both cover what they serve, so those reads are index-only scans: the first a contact's
        # orders (the reports' revenue of members while members, lifetime value, cohorts), the
        # second windowed order aggregates over the team (`sum of orders.total within 90 days`).
        indexes = (("team", "team_contact", "placed_at", "status", "total_amount", "amount_refunded", "id"),
                   ("team", "placed_at", "team_contact", "status", "total_amount", "amount_refunded"))


class OrderItem(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="order_items", on_delete=fields.CASCADE
    )
    team_id: int
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="items", on_delete=fields.CASCADE
    )
    order_id: int
    product: fields.ForeignKeyNullableRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="order_items", null=True, on_delete=fields.SET_NULL
    )
    product_id: int | None
    quantity = fields.IntField(default=1)
    amount = fields.BigIntField(default=0, description="minor units")

    class Meta:
        table = "order_items"
        indexes = (("order",),)  # an order's items: order stats per contact, re-imports


class Entitlement(Model):
    """What a contact holds because of a purchase; access rules read it."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="entitlements", on_delete=fields.CASCADE
    )
    team_id: int
    team_contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.TeamContact", related_name="entitlements", on_delete=fields.CASCADE
    )
    team_contact_id: int
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="entitlements", on_delete=fields.CASCADE
    )
    product_id: int
    status = fields.CharEnumField(EntitlementStatus, max_length=16, default=EntitlementStatus.ACTIVE)
    starts_at = fields.DatetimeField()
    ends_at = fields.DatetimeField(null=True)
    source = fields.CharField(max_length=64, default="purchase")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "entitlements"
        unique_together = (("team_contact", "product"),)


# --- Catalog -------------------------------------------------------------------------------------


class PriceType(StrEnum):
    ONE_TIME = "one_time"
    RECURRING = "recurring"


class PriceInterval(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class CouponKind(StrEnum):
    PERCENT = "percent"
    FIXED = "fixed"


class CouponDuration(StrEnum):
    ONCE = "once"
    REPEATING = "repeating"
    FOREVER = "forever"


class DeliverableKind(StrEnum):
    HUB_MEMBERSHIP = "hub_membership"
    CONTENT_ACCESS = "content_access"
    TAG = "tag"


class Price(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="prices", on_delete=fields.CASCADE
    )
    team_id: int
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="prices", on_delete=fields.CASCADE
    )
    product_id: int
    type = fields.CharEnumField(PriceType, max_length=16)
    currency = fields.CharField(max_length=3, default="usd")
    amount = fields.BigIntField(description="minor units")
    interval = fields.CharEnumField(PriceInterval, max_length=8, null=True)
    interval_count = fields.IntField(default=1)
    trial_days = fields.IntField(default=0)
    nickname = fields.CharField(max_length=200, default="")
    stripe_price_id = fields.CharField(max_length=255, null=True)
    active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "prices"
        indexes = (("team", "stripe_price_id"),)


class ProductAddOn(Model):
    """A price that may be bought together with a product at checkout (an order bump)."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="product_addons", on_delete=fields.CASCADE
    )
    team_id: int
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="addons", on_delete=fields.CASCADE
    )
    product_id: int
    price: fields.ForeignKeyRelation[Price] = fields.ForeignKeyField(
        "models.Price", related_name="addon_of", on_delete=fields.CASCADE
    )
    price_id: int
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "product_addons"
        unique_together = (("product", "price"),)


class Coupon(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="coupons", on_delete=fields.CASCADE
    )
    team_id: int
    code = fields.CharField(max_length=64)
    kind = fields.CharEnumField(CouponKind, max_length=8)
    percent_off = fields.DecimalField(max_digits=5, decimal_places=2, null=True)
    amount_off = fields.BigIntField(null=True, description="minor units")
    currency = fields.CharField(max_length=3, null=True)
    duration = fields.CharEnumField(CouponDuration, max_length=16, default=CouponDuration.ONCE)
    duration_in_months = fields.IntField(null=True)
    stripe_coupon_id = fields.CharField(max_length=255, null=True)
    active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "coupons"
        unique_together = (("team", "code"),)


class Deliverable(Model):
    """What buying a product grants. Content node ids belong to the content domain; we only store them."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="deliverables", on_delete=fields.CASCADE
    )
    team_id: int
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="deliverables", on_delete=fields.CASCADE
    )
    product_id: int
    kind = fields.CharEnumField(DeliverableKind, max_length=24)
    hub: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Hub", related_name="deliverables", null=True, on_delete=fields.CASCADE
    )
    hub_id: int | None
    hub_role = fields.CharField(max_length=16, null=True)
    content_node_ids = fields.JSONField[list[Any]](default=list)
    tag = fields.CharField(max_length=100, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "deliverables"


class DeliveredHubMembership(Model):
    """A hub membership created by a purchase, so that a revoke removes only what commerce added."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="delivered_hub_memberships", on_delete=fields.CASCADE
    )
    team_id: int
    team_contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.TeamContact", related_name="delivered_hub_memberships", on_delete=fields.CASCADE
    )
    team_contact_id: int
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="delivered_hub_memberships", on_delete=fields.CASCADE
    )
    product_id: int
    hub_membership: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.HubMembership", related_name="deliveries", on_delete=fields.CASCADE
    )
    hub_membership_id: int

    class Meta:
        table = "delivered_hub_memberships"
        unique_together = (("team_contact", "product", "hub_membership"),)


# --- Stripe state --------------------------------------------------------------------------------


class StripeSettings(Model):
    """A team's Stripe account: keys encrypted with app.core.crypto."""

    id = fields.BigIntField(primary_key=True)
    team: fields.OneToOneRelation = fields.OneToOneField(
        "models.Team", related_name="stripe_settings", on_delete=fields.CASCADE
    )
    team_id: int
    secret_key_encrypted = fields.TextField()
    webhook_secret_encrypted = fields.TextField()
    key_hint = fields.CharField(max_length=16, default="")
    dispute_policy = fields.CharEnumField(DisputePolicy, max_length=8, default=DisputePolicy.HOLD,
                                          db_default=DisputePolicy.HOLD.value)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "stripe_settings"


class StripeCustomer(Model):
    """A Stripe customer linked to one contact; a customer id never moves to another contact."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="stripe_customers", on_delete=fields.CASCADE
    )
    team_id: int
    team_contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.TeamContact", related_name="stripe_customers", on_delete=fields.CASCADE
    )
    team_contact_id: int
    stripe_customer_id = fields.CharField(max_length=255)
    email = fields.CharField(max_length=320, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "stripe_customers"
        unique_together = (("team", "stripe_customer_id"),)


class CheckoutSession(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="checkout_sessions", on_delete=fields.CASCADE
    )
    team_id: int
    team_contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.TeamContact", related_name="checkout_sessions", on_delete=fields.CASCADE
    )
    team_contact_id: int
    price: fields.ForeignKeyRelation[Price] = fields.ForeignKeyField(
        "models.Price", related_name="checkout_sessions", on_delete=fields.CASCADE
    )
    price_id: int
    stripe_session_id = fields.CharField(max_length=255)
    mode = fields.CharField(max_length=16)
    url: str | None = fields.TextField(null=True)  # Tortoise types every TextField as str
    status = fields.CharField(max_length=16, default="open")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "checkout_sessions"
        unique_together = (("team", "stripe_session_id"),)


class SubscriptionStatus(StrEnum):
    INCOMPLETE = "incomplete"
    INCOMPLETE_EXPIRED = "incomplete_expired"
    TRIALING = "trialing"
    ACTIVE = "active"
    PAST_DUE = "past_due"
    UNPAID = "unpaid"
    CANCELED = "canceled"
    PAUSED = "paused"


class Subscription(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="subscriptions", on_delete=fields.CASCADE
    )
    team_id: int
    team_contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.TeamContact", related_name="subscriptions", on_delete=fields.CASCADE
    )
    team_contact_id: int
    product: fields.ForeignKeyNullableRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="subscriptions", null=True, on_delete=fields.SET_NULL
    )
    product_id: int | None
    price: fields.ForeignKeyNullableRelation[Price] = fields.ForeignKeyField(
        "models.Price", related_name="subscriptions", null=True, on_delete=fields.SET_NULL
    )
    price_id: int | None
    stripe_subscription_id = fields.CharField(max_length=255)
    stripe_customer_id = fields.CharField(max_length=255)
    status = fields.CharEnumField(SubscriptionStatus, max_length=24)
    quantity = fields.IntField(default=1)
    currency = fields.CharField(max_length=3, default="usd")
    unit_amount = fields.BigIntField(default=0, description="minor units")
    interval = fields.CharEnumField(PriceInterval, max_length=8, default=PriceInterval.MONTH)
    interval_count = fields.IntField(default=1)
    mrr_amount = fields.BigIntField(default=0, description="minor units per month, after discount")
    current_period_start = fields.DatetimeField(null=True)
    current_period_end = fields.DatetimeField(null=True)
    cancel_at_period_end = fields.BooleanField(default=False)
    # Stripe's pause_collection is set (pauseSubscription): invoices are voided, access is held.
    collection_paused = fields.BooleanField(default=False, db_default=False)
    trial_start = fields.DatetimeField(null=True)
    trial_end = fields.DatetimeField(null=True)
    started_at = fields.DatetimeField(null=True)
    canceled_at = fields.DatetimeField(null=True)
    ended_at = fields.DatetimeField(null=True)
    past_due_since = fields.DatetimeField(null=True)
    coupon_id = fields.CharField(max_length=255, null=True)
    discount_percent = fields.DecimalField(max_digits=5, decimal_places=2, null=True)
    discount_amount = fields.BigIntField(null=True, description="minor units")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "subscriptions"
        unique_together = (("team", "stripe_subscription_id"),)
        indexes = (("team_contact", "status"),)


class PaymentStatus(StrEnum):
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    REFUNDED = "refunded"
    PARTIALLY_REFUNDED = "partially_refunded"


class Payment(Model):
    """One money movement from Stripe: a paid checkout or invoice (`stripe_ref` = its id)."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="payments", on_delete=fields.CASCADE
    )
    team_id: int
    team_contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.TeamContact", related_name="payments", on_delete=fields.CASCADE
    )
    team_contact_id: int
    order: fields.ForeignKeyNullableRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="payments", null=True, on_delete=fields.SET_NULL
    )
    order_id: int | None
    subscription: fields.ForeignKeyNullableRelation[Subscription] = fields.ForeignKeyField(
        "models.Subscription", related_name="payments", null=True, on_delete=fields.SET_NULL
    )
    subscription_id: int | None
    stripe_ref = fields.CharField(max_length=255)
    stripe_payment_intent_id = fields.CharField(max_length=255, null=True)
    status = fields.CharEnumField(PaymentStatus, max_length=24)
    currency = fields.CharField(max_length=3, default="usd")
    amount = fields.BigIntField(default=0, description="minor units")
    amount_refunded = fields.BigIntField(default=0, description="minor units")
    paid_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "payments"
        unique_together = (("team", "stripe_ref"),)
        indexes = (("team", "stripe_payment_intent_id"),)


class Refund(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="refunds", on_delete=fields.CASCADE
    )
    team_id: int
    payment: fields.ForeignKeyRelation[Payment] = fields.ForeignKeyField(
        "models.Payment", related_name="refunds", on_delete=fields.CASCADE
    )
    payment_id: int
    stripe_refund_id = fields.CharField(max_length=255)
    amount = fields.BigIntField(description="minor units")
    status = fields.CharField(max_length=24, default="succeeded")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "refunds"
        unique_together = (("team", "stripe_refund_id"),)


class Dispute(Model):
    """A chargeback on one of our payments, as Stripe last reported it (reports read these)."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="disputes", on_delete=fields.CASCADE
    )
    team_id: int
    payment: fields.ForeignKeyRelation[Payment] = fields.ForeignKeyField(
        "models.Payment", related_name="disputes", on_delete=fields.CASCADE
    )
    payment_id: int
    team_contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.TeamContact", related_name="disputes", on_delete=fields.CASCADE
    )
    team_contact_id: int
    stripe_dispute_id = fields.CharField(max_length=255)
    stripe_charge_id = fields.CharField(max_length=255, default="")
    amount = fields.BigIntField(description="minor units")
    currency = fields.CharField(max_length=3, default="usd")
    reason = fields.CharField(max_length=64, default="general")
    status = fields.CharField(max_length=32, description="Stripe's: needs_response, under_review, won, lost, ...")
    effect = fields.CharEnumField(DisputePolicy, max_length=8, description="the team's policy when it opened")
    product_ids = fields.JSONField[list[Any]](default=list)  # what the disputed payment paid for
    opened_at = fields.DatetimeField()
    closed_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "disputes"
        unique_together = (("team", "stripe_dispute_id"),)
        indexes = (("team", "opened_at"), ("team", "team_contact"))


class ProcessedStripeEvent(Model):
    """Webhook events already applied; inserted in the same transaction as their effects."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="processed_stripe_events", on_delete=fields.CASCADE
    )
    team_id: int
    stripe_event_id = fields.CharField(max_length=255)
    type = fields.CharField(max_length=100)
    processed_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "processed_stripe_events"
        unique_together = (("team", "stripe_event_id"),)


class ReconciliationRun(Model):
    """One reconciliation per team per period; the row plus an advisory lock keep it single."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="stripe_reconciliation_runs", on_delete=fields.CASCADE
    )
    team_id: int
    period = fields.CharField(max_length=16)
    started_at = fields.DatetimeField()
    finished_at = fields.DatetimeField(null=True)
    repaired = fields.IntField(default=0)

    class Meta:
        table = "stripe_reconciliation_runs"
        unique_together = (("team", "period"),)


class ContactBilling(Model):
    """Per-contact billing facts, recomputed on every billing change; segment rules read them."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="contact_billing", on_delete=fields.CASCADE
    )
    team_id: int
    team_contact: fields.OneToOneRelation = fields.OneToOneField(
        "models.TeamContact", related_name="billing", on_delete=fields.CASCADE
    )
    team_contact_id: int
    mrr = fields.DecimalField(max_digits=14, decimal_places=2, default=0, description="major units")
    ltv = fields.DecimalField(max_digits=14, decimal_places=2, default=0, description="major units")
    currency = fields.CharField(max_length=3, null=True)
    billing_status = fields.CharField(max_length=16, default="none")
    product_ids = ArrayField(element_type="text", default=list, description="products ever bought")
    price_ids = ArrayField(element_type="text", default=list, description="plans ever subscribed to")
    plan_interval = fields.CharField(max_length=8, null=True)
    plan_interval_count = fields.IntField(null=True)
    plan_quantity = fields.IntField(null=True)
    next_billing_at = fields.DatetimeField(null=True)
    will_renew = fields.BooleanField(default=False)
    is_trial = fields.BooleanField(default=False)
    is_past_due = fields.BooleanField(default=False)
    active_coupon_id = fields.CharField(max_length=255, null=True)
    discount_percent = fields.DecimalField(max_digits=5, decimal_places=2, null=True)
    discount_amount = fields.DecimalField(max_digits=14, decimal_places=2, null=True)
    subscription_started_at = fields.DatetimeField(null=True)
    canceled_at = fields.DatetimeField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "contact_billing"
        indexes = (("team", "billing_status"), ("team", "mrr"))
