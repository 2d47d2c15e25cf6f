"""GraphQL for commerce: catalog CRUD, Stripe settings, checkout, and billing state (read-only)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.commerce import service
from app.commerce.models import (
    CheckoutSession,
    ContactBilling,
    Coupon,
    CouponDuration,
    CouponKind,
    Deliverable,
    DeliverableKind,
    Entitlement,
    EntitlementStatus,
    PastDuePolicy,
    Price,
    PriceInterval,
    PriceType,
    Product,
    ProductAddOn,
    StripeSettings,
    Subscription,
    SubscriptionStatus,
)
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.enums import described_enum
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, gid, gids, id_arg, id_input, id_input_or_none, id_inputs, parse_id_or_none
from app.graphql.nodes import NodeType, staff, team_rows

PriceTypeEnum = described_enum(PriceType, name="PriceType", description="How a price is charged.", values={
    "ONE_TIME": "Paid once (a Checkout payment); grants the product for good, until refunded.",
    "RECURRING": "A subscription billed every `intervalCount` `interval`s; grants the product while it lasts.",
})
BillingIntervalEnum = described_enum(
    PriceInterval, name="BillingInterval", description="The unit of a recurring price's billing period.", values={
        "DAY": "Days (interval count 1 to 365).",
        "WEEK": "Weeks (1 to 52).",
        "MONTH": "Months (1 to 12).",
        "YEAR": "Years (1 to 3).",
    })
CouponKindEnum = described_enum(CouponKind, name="CouponKind", description="How a coupon discounts.", values={
    "PERCENT": "A percentage off (`percentOff`).",
    "FIXED": "A fixed amount off (`amountOff` in minor units of `currency`).",
})
CouponDurationEnum = described_enum(
    CouponDuration, name="CouponDuration", description="How long a coupon discounts a subscription.", values={
        "ONCE": "The first invoice (or the one-time payment) only.",
        "REPEATING": "The first `durationInMonths` months.",
        "FOREVER": "Every invoice while the subscription lasts.",
    })
DeliverableKindEnum = described_enum(
    DeliverableKind, name="DeliverableKind", description="What buying a product gives the contact.", values={
        "HUB_MEMBERSHIP": "Membership of `hubId` with `hubRole` (removed again when the entitlement is revoked).",
        "CONTENT_ACCESS": ("Content nodes that come with the product; access rules with audience PRODUCTS read "
                           "the entitlement, so nothing is copied."),
        "TAG": "A tag added to the contact.",
    })
PastDuePolicyEnum = described_enum(
    PastDuePolicy, name="PastDuePolicy",
    description="What a past-due or unpaid subscription does to the entitlement it granted.", values={
        "KEEP": "Keep the entitlement active while Stripe retries.",
        "GRACE": "Keep it for `graceDays` (status GRACE), then revoke it (the default, 7 days).",
        "REVOKE": "Revoke it at once.",
    })
EntitlementStatusEnum = described_enum(
    EntitlementStatus, name="EntitlementStatus", description="Whether an entitlement grants access now.", values={
        "ACTIVE": "Grants the product (until `endsAt`, when set).",
        "GRACE": "Past due but still granting until `endsAt` (the product's grace period).",
        "REVOKED": "No longer grants anything (ended, cancelled, refunded or unpaid).",
    })
SubscriptionStatusEnum = described_enum(
    SubscriptionStatus, name="BillingSubscriptionStatus", description=(
        "A Stripe subscription's status, as Stripe reports it."),
    values={
        "INCOMPLETE": "The first payment has not succeeded yet; grants nothing yet.",
        "INCOMPLETE_EXPIRED": "The first payment never succeeded; ended.",
        "TRIALING": "In its free trial; grants the product.",
        "ACTIVE": "Paid up; grants the product.",
        "PAST_DUE": "A renewal payment failed and Stripe is retrying; the product's pastDuePolicy applies.",
        "UNPAID": "Retries ran out and the subscription stays open unpaid; the pastDuePolicy applies.",
        "CANCELED": "Ended.",
        "PAUSED": "Paused (a trial ended without a payment method, or paused in Stripe); grants nothing while paused.",
    })

READ, WRITE = "commerce:read", "commerce:write"


@strawberry.type(name="Price", description="What a product costs, one-time or recurring. Needs commerce:read.")
class PriceType_(relay.Node):
    id: relay.NodeID[int]
    product_id: strawberry.ID = strawberry.field(description="The product (a Product id).")
    type: PriceType = strawberry.field(description="One-time or recurring.")
    currency: str = strawberry.field(description="ISO 4217 code, lowercase (`usd`, `eur`).")
    amount: int = strawberry.field(description="Minor units (cents).")
    interval: PriceInterval | None = strawberry.field(description=(
        "Billing period unit of a recurring price; null for one-time."))
    interval_count: int = strawberry.field(description=(
        "Billing periods per invoice (3 with MONTH: quarterly); 1 for one-time."))
    trial_days: int = strawberry.field(description=(
        "Free trial days of a recurring price before the first charge (0 to 730)."))
    nickname: str = strawberry.field(description="Your name for the price (`Monthly`); may be empty.")
    stripe_price_id: str | None = strawberry.field(description=(
        "The Stripe Price it maps to (`price_...`); null until Checkout creates one."))
    active: bool = strawberry.field(description=(
        "Whether it can be bought; archived prices keep existing subscriptions."))
    created_at: datetime = strawberry.field(description="When the price was created.")

    @classmethod
    def from_model(cls, m: Price) -> PriceType_:
        return cls(
            id=m.id, product_id=encode_id("Product", m.product_id), type=PriceType(m.type),
            currency=m.currency, amount=m.amount, interval=PriceInterval(m.interval) if m.interval else None,
            interval_count=m.interval_count, trial_days=m.trial_days, nickname=m.nickname,
            stripe_price_id=m.stripe_price_id, active=m.active, created_at=m.created_at,
        )


@strawberry.type(name="Deliverable", description=(
    "One thing a product gives its buyers while their entitlement is live. Needs commerce:read."))
class DeliverableType(relay.Node):
    id: relay.NodeID[int]
    kind: DeliverableKind = strawberry.field(description="What it gives.")
    hub_id: strawberry.ID | None = strawberry.field(description=(
        "HUB_MEMBERSHIP: the hub joined (a Hub id); null otherwise."))
    hub_role: str | None = strawberry.field(description=(
        "HUB_MEMBERSHIP: the role given (`member`, `moderator`, `host`); null otherwise."))
    content_node_ids: list[strawberry.ID] = strawberry.field(description=(
        "CONTENT_ACCESS: the content nodes (ContentNode ids); empty otherwise."))
    tag: str | None = strawberry.field(description="TAG: the tag added; null otherwise.")

    @classmethod
    def from_model(cls, m: Deliverable) -> DeliverableType:
        return cls(
            id=m.id, kind=DeliverableKind(m.kind), hub_id=gid("Hub", m.hub_id), hub_role=m.hub_role,
            content_node_ids=gids("ContentNode", m.content_node_ids or []), tag=m.tag,
        )


@strawberry.type(name="ProductAddOn", description=(
    "A one-time price of another product offered with this one at checkout (`addOnPriceIds`). Needs commerce:read."))
class ProductAddOnType(relay.Node):
    id: relay.NodeID[int]
    price_id: strawberry.ID = strawberry.field(description="The add-on's price (a Price id).")

    @classmethod
    def from_model(cls, m: ProductAddOn) -> ProductAddOnType:
        return cls(id=m.id, price_id=encode_id("Price", m.price_id))


@strawberry.type(name="Product", description=(
    "Something the team sells (a membership, a course): prices, what it delivers, add-ons. Buying it gives the "
    "contact an entitlement. Needs commerce:read."))
class ProductType(relay.Node):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="Name, at most 200 characters.")
    description: str = strawberry.field(description="What it is, for people; may be empty.")
    hub_id: strawberry.ID | None = strawberry.field(description=(
        "The hub it belongs to (a Hub id); null for a team-wide product."))
    active: bool = strawberry.field(description="Whether it can be bought; archiving keeps existing entitlements.")
    past_due_policy: PastDuePolicy = strawberry.field(description=(
        "What a past-due subscription does to its entitlement."))
    grace_days: int = strawberry.field(description=(
        "Days of access kept after a payment fails, with GRACE (0 to 90; default 7)."))
    external_id: str | None = strawberry.field(description="Its id on the platform it came from (order imports).")
    created_at: datetime = strawberry.field(description="When the product was created.")
    team_id: strawberry.Private[int]

    @strawberry.field(description="The product's prices, oldest first (archived ones too).")
    async def prices(self, info: Info[Context, None]) -> list[PriceType_]:
        rows = await Price.filter(team_id=self.team_id, product_id=self.id).order_by("id")
        return [PriceType_.from_model(r) for r in rows]

    @strawberry.field(description="What buying it gives, oldest first.")
    async def deliverables(self, info: Info[Context, None]) -> list[DeliverableType]:
        rows = await Deliverable.filter(team_id=self.team_id, product_id=self.id).order_by("id")
        return [DeliverableType.from_model(r) for r in rows]

    @strawberry.field(description="One-time prices offered with it at checkout.")
    async def add_ons(self, info: Info[Context, None]) -> list[ProductAddOnType]:
        rows = await ProductAddOn.filter(team_id=self.team_id, product_id=self.id).order_by("id")
        return [ProductAddOnType.from_model(r) for r in rows]

    @classmethod
    def from_model(cls, m: Product) -> ProductType:
        return cls(
            id=m.id, name=m.name, description=m.description, hub_id=gid("Hub", m.hub_id),
            active=m.active, past_due_policy=PastDuePolicy(m.past_due_policy), grace_days=m.grace_days,
            external_id=m.external_id, created_at=m.created_at, team_id=m.team_id,
        )


@strawberry.type(name="Coupon", description=(
    "A discount code buyers enter at checkout (`couponCode`). Needs commerce:read."))
class CouponType(relay.Node):
    id: relay.NodeID[int]
    code: str = strawberry.field(description=(
        "The code buyers type: 1 to 64 letters, digits, `-` or `_`, unique in the team."))
    kind: CouponKind = strawberry.field(description="Percentage or fixed amount.")
    percent_off: float | None = strawberry.field(description=(
        "PERCENT: the percentage, above 0 up to 100; null otherwise."))
    amount_off: int | None = strawberry.field(description=(
        "FIXED: the amount off in minor units (cents) of `currency`; null otherwise."))
    currency: str | None = strawberry.field(description="FIXED: ISO 4217 code, lowercase; null for PERCENT.")
    duration: CouponDuration = strawberry.field(description="How long it discounts a subscription.")
    duration_in_months: int | None = strawberry.field(description=(
        "REPEATING: months it lasts (1 to 36); null otherwise."))
    active: bool = strawberry.field(description="Whether it can still be redeemed.")

    @classmethod
    def from_model(cls, m: Coupon) -> CouponType:
        return cls(
            id=m.id, code=m.code, kind=CouponKind(m.kind),
            percent_off=float(m.percent_off) if m.percent_off is not None else None, amount_off=m.amount_off,
            currency=m.currency, duration=CouponDuration(m.duration), duration_in_months=m.duration_in_months,
            active=m.active,
        )


@strawberry.type(name="CheckoutSession", description=(
    "A Stripe Checkout Session made by `createCheckout`; Stripe's webhooks complete it. Needs commerce:read."))
class CheckoutSessionType(relay.Node):
    id: relay.NodeID[int]
    stripe_session_id: str = strawberry.field(description="Stripe's id (`cs_...`).")
    url: str | None = strawberry.field(description=(
        "Where to send the buyer (Stripe's hosted page); null if Stripe returned none."))
    mode: str = strawberry.field(description="`payment` (one-time price) or `subscription` (recurring price).")
    status: str = strawberry.field(description="`open` until paid, then `complete` (from Stripe's webhook).")

    @classmethod
    def from_model(cls, m: CheckoutSession) -> CheckoutSessionType:
        return cls(id=m.id, stripe_session_id=m.stripe_session_id, url=m.url, mode=m.mode,
                   status=m.status)


@strawberry.type(name="Entitlement", description=(
    "A contact's right to a product, from a purchase or a subscription; access rules and deliverables read it. "
    "Needs commerce:read."))
class EntitlementType(relay.Node):
    id: relay.NodeID[int]
    contact_id: strawberry.ID = strawberry.field(description="The contact (a Contact id).")
    product_id: strawberry.ID = strawberry.field(description="The product (a Product id).")
    status: EntitlementStatus = strawberry.field(description="Active, in grace, or revoked.")
    starts_at: datetime = strawberry.field(description=(
        "When it was granted; drips anchored at ENTITLEMENT_START count from it."))
    ends_at: datetime | None = strawberry.field(description=(
        "When it ends (or ended): a period end, grace deadline or revocation; null: open-ended."))
    source: str = strawberry.field(description=(
        "What granted it: `purchase` (a one-time payment) or `subscription:<id>`."))

    @classmethod
    def from_model(cls, m: Entitlement) -> EntitlementType:
        return cls(
            id=m.id, contact_id=encode_id("Contact", m.team_contact_id),
            product_id=encode_id("Product", m.product_id), status=EntitlementStatus(m.status), starts_at=m.starts_at,
            ends_at=m.ends_at, source=m.source,
        )


@strawberry.type(name="BillingSubscription", description=(
    "A contact's Stripe subscription, kept in step by Stripe's webhooks (read-only here). Needs commerce:read."))
class BillingSubscriptionType(relay.Node):
    id: relay.NodeID[int]
    contact_id: strawberry.ID = strawberry.field(description="The subscriber (a Contact id).")
    product_id: strawberry.ID | None = strawberry.field(description=(
        "The product (a Product id); null when the Stripe price is not one of the team's."))
    price_id: strawberry.ID | None = strawberry.field(description="The price (a Price id); null when unknown here.")
    stripe_subscription_id: str = strawberry.field(description="Stripe's id (`sub_...`).")
    status: SubscriptionStatus = strawberry.field(description="Stripe's status.")
    quantity: int = strawberry.field(description="Seats or units billed.")
    interval: PriceInterval = strawberry.field(description="Billing period unit.")
    interval_count: int = strawberry.field(description="Billing periods per invoice.")
    current_period_end: datetime | None = strawberry.field(description=(
        "When the current period ends (the next renewal); null if Stripe gave none."))
    cancel_at_period_end: bool = strawberry.field(description=(
        "Whether it ends at `currentPeriodEnd` instead of renewing."))
    trial_end: datetime | None = strawberry.field(description="When the trial ends; null without a trial.")

    @classmethod
    def from_model(cls, m: Subscription) -> BillingSubscriptionType:
        return cls(
            id=m.id, contact_id=encode_id("Contact", m.team_contact_id),
            product_id=gid("Product", m.product_id), price_id=gid("Price", m.price_id),
            stripe_subscription_id=m.stripe_subscription_id,
            status=SubscriptionStatus(m.status), quantity=m.quantity, interval=PriceInterval(m.interval),
            interval_count=m.interval_count, current_period_end=m.current_period_end,
            cancel_at_period_end=m.cancel_at_period_end, trial_end=m.trial_end,
        )


@strawberry.type(name="ContactBilling", description=(
    "A contact's billing facts, recomputed on every billing change; segment rules read the same values "
    "(`mrr`, `billingStatus`, ...). Money here is in major units (dollars, not cents)."))
class ContactBillingType:
    contact_id: strawberry.ID = strawberry.field(description="The contact (a Contact id).")
    mrr: float = strawberry.field(description=(
        "Monthly recurring revenue from its subscriptions after discounts, in major units of `currency`."))
    ltv: float = strawberry.field(description=(
        "Lifetime value: everything paid minus refunds, in major units of `currency`."))
    currency: str | None = strawberry.field(description=(
        "ISO 4217 code of the amounts, lowercase; null when the contact never paid."))
    billing_status: str = strawberry.field(description=(
        "`none` (never paid), `paid` (one-time purchases only), or the current subscription's: `active`, `trialing`, "
        "`past_due`, `paused`, `canceled`, `incomplete`."))
    product_ids: list[strawberry.ID] = strawberry.field(description=(
        "Every product the contact ever bought or subscribed to (Product ids)."))
    plan_interval: str | None = strawberry.field(description=(
        "The current subscription's interval (`month`, `year`, ...); null without one."))
    plan_interval_count: int | None = strawberry.field(description="Its interval count; null without a subscription.")
    plan_quantity: int | None = strawberry.field(description="Its quantity; null without a subscription.")
    next_billing_at: datetime | None = strawberry.field(description=(
        "When it next renews; null when it will not (cancelling, ended) or none."))
    will_renew: bool = strawberry.field(description=(
        "Whether the current subscription renews (live, not cancelling, not paused)."))
    is_trial: bool = strawberry.field(description="Whether it is in a trial.")
    is_past_due: bool = strawberry.field(description="Whether a payment is failing (past_due or unpaid).")
    active_coupon_id: str | None = strawberry.field(description=(
        "The Stripe coupon on the live subscription; null if none."))

    @classmethod
    def from_model(cls, m: ContactBilling) -> ContactBillingType:
        return cls(
            contact_id=encode_id("Contact", m.team_contact_id), mrr=float(m.mrr), ltv=float(m.ltv),
            currency=m.currency, billing_status=m.billing_status,
            product_ids=gids("Product", [pk for p in m.product_ids or [] if (pk := parse_id_or_none(p))]),
            plan_interval=m.plan_interval,
            plan_interval_count=m.plan_interval_count, plan_quantity=m.plan_quantity,
            next_billing_at=m.next_billing_at, will_renew=m.will_renew, is_trial=m.is_trial,
            is_past_due=m.is_past_due, active_coupon_id=m.active_coupon_id,
        )


@strawberry.type(name="StripeSettings", description=(
    "The team's Stripe connection (secrets stay encrypted, never shown)."))
class StripeSettingsType:
    key_hint: str = strawberry.field(description=(
        "The secret key's first 8 and last 4 characters (`sk_live_…a1b2`), to recognise it."))
    webhook_path: str = strawberry.field(description=(
        "Path to register in Stripe as the webhook endpoint, on MemberHub's public URL."))
    updated_at: datetime = strawberry.field(description="When the settings last changed.")

    @classmethod
    def from_model(cls, m: StripeSettings) -> StripeSettingsType:
        return cls(key_hint=m.key_hint, webhook_path=f"/webhooks/stripe/{encode_id('Team', m.team_id)}",
                   updated_at=m.updated_at)


# --- inputs and payloads -------------------------------------------------------------------------


@strawberry.input(description="A new product.")
class CreateProductInput:
    name: str = strawberry.field(description="Name (required, at most 200 characters).")
    description: str = strawberry.field(default="", description="What it is.")
    hub_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "The hub it belongs to (a Hub id); team-wide when omitted."))
    past_due_policy: PastDuePolicy | None = strawberry.field(default=None, description=(
        "What a failed renewal does (default GRACE)."))
    grace_days: int | None = strawberry.field(default=None, description="Grace period in days, 0 to 90 (default 7).")
    external_id: str | None = strawberry.field(
        default=None, description="Its id on the platform it came from; imported orders name items by it.")


@strawberry.input(description="Changes to a product; fields left out or null are kept.")
class UpdateProductInput:
    id: strawberry.ID = strawberry.field(description="The product (a Product id).")
    name: str | None = strawberry.field(default=None, description="New name.")
    description: str | None = strawberry.field(default=None, description="New description.")
    active: bool | None = strawberry.field(default=None, description=(
        "False archives it (no new purchases), true makes it buyable again."))
    past_due_policy: PastDuePolicy | None = strawberry.field(default=None, description=(
        "New past-due policy (applies from the next billing change)."))
    grace_days: int | None = strawberry.field(default=None, description="New grace period, 0 to 90 days.")
    external_id: str | None = strawberry.field(default=None, description="An empty string clears it.")


@strawberry.type(description="Result of `createProduct` and `updateProduct`.")
class ProductPayload:
    product: ProductType | None = strawberry.field(default=None, description=(
        "The product as stored now; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A new price for a product.")
class CreatePriceInput:
    product_id: strawberry.ID = strawberry.field(description="The product (a Product id).")
    type: PriceType = strawberry.field(description="One-time or recurring.")
    amount: int = strawberry.field(description="Amount in minor units (cents): 0 to 99,999,999.")
    currency: str = strawberry.field(default="usd", description="ISO 4217 code (default `usd`).")
    interval: PriceInterval | None = strawberry.field(default=None, description=(
        "Required for RECURRING, not allowed for ONE_TIME."))
    interval_count: int = strawberry.field(default=1, description=(
        "Periods per invoice (default 1; at most 365 days, 52 weeks, 12 months, 3 years)."))
    trial_days: int = strawberry.field(default=0, description="Free trial days for RECURRING, 0 to 730 (default 0).")
    nickname: str = strawberry.field(default="", description="Your name for the price.")
    stripe_price_id: str | None = strawberry.field(default=None, description=(
        "An existing Stripe Price to use (`price_...`) instead of one made at checkout."))


@strawberry.input(description="Archive or restore a price.")
class UpdatePriceInput:
    id: strawberry.ID = strawberry.field(description="The price (a Price id).")
    active: bool = strawberry.field(description=(
        "False archives it (no new checkouts; subscriptions go on), true restores it."))


@strawberry.type(description="Result of `createPrice` and `updatePrice`.")
class PricePayload:
    price: PriceType_ | None = strawberry.field(default=None, description=(
        "The price as stored now; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="Offer a one-time price with a product at checkout.")
class AddProductAddOnInput:
    product_id: strawberry.ID = strawberry.field(description="The product (a Product id).")
    price_id: strawberry.ID = strawberry.field(description=(
        "A one-time price of another product (INVALID_ADDON otherwise)."))


@strawberry.type(description="Result of `addProductAddOn`.")
class ProductAddOnPayload:
    add_on: ProductAddOnType | None = strawberry.field(default=None, description=(
        "The new add-on; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="What to remove.")
class RemoveInput:
    id: strawberry.ID = strawberry.field(description=(
        "Id of the add-on or deliverable (of the type the mutation names)."))


@strawberry.type(description="Result of a commerce remove.")
class RemovePayload:
    removed_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "Id of what was removed; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A new coupon.")
class CreateCouponInput:
    code: str = strawberry.field(description="1 to 64 letters, digits, `-` or `_`; DUPLICATE_CODE if the team has it.")
    kind: CouponKind = strawberry.field(description="Percentage or fixed amount.")
    percent_off: float | None = strawberry.field(default=None, description="PERCENT: above 0, at most 100.")
    amount_off: int | None = strawberry.field(default=None, description=(
        "FIXED: a positive amount in minor units (cents)."))
    currency: str | None = strawberry.field(default=None, description="FIXED: ISO 4217 code (required for FIXED).")
    duration: CouponDuration = strawberry.field(default=CouponDuration.ONCE, description=(
        "How long it discounts (default ONCE)."))
    duration_in_months: int | None = strawberry.field(default=None, description="REPEATING: 1 to 36 months.")


@strawberry.input(description="Deactivate or reactivate a coupon.")
class UpdateCouponInput:
    id: strawberry.ID = strawberry.field(description="The coupon (a Coupon id).")
    active: bool = strawberry.field(description="False stops new redemptions; discounts already applied stay.")


@strawberry.type(description="Result of `createCoupon` and `updateCoupon`.")
class CouponPayload:
    coupon: CouponType | None = strawberry.field(default=None, description=(
        "The coupon as stored now; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="Something a product gives its buyers; give the fields of its kind.")
class AddDeliverableInput:
    product_id: strawberry.ID = strawberry.field(description="The product (a Product id).")
    kind: DeliverableKind = strawberry.field(description="What it gives.")
    hub_id: strawberry.ID | None = strawberry.field(default=None, description="HUB_MEMBERSHIP: the hub (a Hub id).")
    hub_role: str | None = strawberry.field(default=None, description=(
        "HUB_MEMBERSHIP: `member` (default), `moderator` or `host`."))
    content_node_ids: list[strawberry.ID] | None = strawberry.field(default=None, description=(
        "CONTENT_ACCESS: 1 to 500 ContentNode ids."))
    tag: str | None = strawberry.field(default=None, description="TAG: the tag to add (at most 100 characters).")


@strawberry.type(description="Result of `addDeliverable`.")
class DeliverablePayload:
    deliverable: DeliverableType | None = strawberry.field(default=None, description=(
        "The new deliverable; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="The team's Stripe secrets (stored encrypted).")
class SetStripeSettingsInput:
    secret_key: str = strawberry.field(description="A Stripe secret or restricted key (`sk_...` or `rk_...`).")
    webhook_secret: str = strawberry.field(description="The webhook endpoint's signing secret (`whsec_...`).")


@strawberry.type(description="Result of `setStripeSettings`.")
class StripeSettingsPayload:
    settings: StripeSettingsType | None = strawberry.field(default=None, description=(
        "The settings (hints only); null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A checkout for one contact and one price.")
class CreateCheckoutInput:
    price_id: strawberry.ID = strawberry.field(description=(
        "The price (a Price id of an active product; INACTIVE when archived)."))
    contact_id: strawberry.ID = strawberry.field(description="The buyer (a Contact id).")
    success_url: str = strawberry.field(description="Absolute http(s) URL Stripe sends the buyer to after paying.")
    cancel_url: str = strawberry.field(description="Absolute http(s) URL Stripe sends the buyer to on cancel.")
    quantity: int = strawberry.field(default=1, description="Units, 1 to 100 (default 1).")
    add_on_price_ids: list[strawberry.ID] = strawberry.field(default_factory=list, description=(
        "Add-on prices of the product to buy along (Price ids)."))
    coupon_code: str | None = strawberry.field(default=None, description="A coupon code of the team to apply.")
    idempotency_key: str | None = strawberry.field(
        default=None, description="Repeat it to get the same session back (retries, double clicks)."
    )


@strawberry.type(description="Result of `createCheckout`.")
class CheckoutPayload:
    session: CheckoutSessionType | None = strawberry.field(default=None, description=(
        "The session; send the buyer to its `url`. Null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


# --- root fields ---------------------------------------------------------------------------------


@strawberry.type
class CommerceQuery:
    @strawberry.field(description="The team's products, oldest first. Needs commerce:read.")
    async def products(self, info: Info[Context, None], first: int | None = None, after: str | None = None,
                       last: int | None = None, before: str | None = None,
                       active_only: Annotated[bool, strawberry.argument(description=(
                           "Only products that can be bought (default false: archived too)."))] = False,
                       ) -> Connection[ProductType]:
        viewer = info.context.require(READ)
        queryset = Product.filter(team_id=viewer.team.id)
        if active_only:
            queryset = queryset.filter(active=True)
        return await keyset_page(queryset, ProductType.from_model, first=first, after=after, last=last,
                                 before=before)

    @strawberry.field(description="One product of the team; null when unknown. Needs commerce:read.")
    async def product(
        self, info: Info[Context, None], id: Annotated[strawberry.ID, strawberry.argument(description="A Product id.")],
    ) -> ProductType | None:
        viewer = info.context.require(READ)
        product = await Product.get_or_none(id=id_arg(id, "Product"), team_id=viewer.team.id)
        return ProductType.from_model(product) if product else None

    @strawberry.field(description="The team's coupons, oldest first. Needs commerce:read.")
    async def coupons(self, info: Info[Context, None], first: int | None = None, after: str | None = None,
                      last: int | None = None, before: str | None = None) -> Connection[CouponType]:
        viewer = info.context.require(READ)
        return await keyset_page(Coupon.filter(team_id=viewer.team.id), CouponType.from_model, first=first,
                                 after=after, last=last, before=before)

    @strawberry.field(description="Entitlements, optionally of one contact, oldest first. Needs commerce:read.")
    async def entitlements(self, info: Info[Context, None],
                           contact_id: Annotated[strawberry.ID | None, strawberry.argument(description=(
                               "Only this contact's (a Contact id)."))] = None,
                           first: int | None = None, after: str | None = None, last: int | None = None,
                           before: str | None = None) -> Connection[EntitlementType]:
        viewer = info.context.require(READ)
        queryset = Entitlement.filter(team_id=viewer.team.id)
        if contact_id is not None:
            queryset = queryset.filter(team_contact_id=id_arg(contact_id, "Contact", "contactId"))
        return await keyset_page(queryset, EntitlementType.from_model, first=first, after=after, last=last,
                                 before=before)

    @strawberry.field(description="Subscriptions, optionally of one contact, oldest first. Needs commerce:read.")
    async def billing_subscriptions(
        self, info: Info[Context, None],
        contact_id: Annotated[strawberry.ID | None, strawberry.argument(description=(
            "Only this contact's (a Contact id)."))] = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[BillingSubscriptionType]:
        viewer = info.context.require(READ)
        queryset = Subscription.filter(team_id=viewer.team.id)
        if contact_id is not None:
            queryset = queryset.filter(team_contact_id=id_arg(contact_id, "Contact", "contactId"))
        return await keyset_page(queryset, BillingSubscriptionType.from_model, first=first, after=after, last=last,
                                 before=before)

    @strawberry.field(description=(
        "A contact's billing facts (MRR, LTV, status…), or null if none (never billed). Needs commerce:read."))
    async def contact_billing(
        self, info: Info[Context, None], contact_id: Annotated[strawberry.ID, strawberry.argument(description=(
            "The contact (a Contact id)."))],
    ) -> ContactBillingType | None:
        viewer = info.context.require(READ)
        cid = id_arg(contact_id, "Contact", "contactId")
        row = await ContactBilling.get_or_none(team_id=viewer.team.id, team_contact_id=cid)
        return ContactBillingType.from_model(row) if row else None

    @strawberry.field(description="The team's Stripe connection; null until `setStripeSettings`. Needs admin.")
    async def stripe_settings(self, info: Info[Context, None]) -> StripeSettingsType | None:
        viewer = info.context.require("admin")
        row = await StripeSettings.get_or_none(team_id=viewer.team.id)
        return StripeSettingsType.from_model(row) if row else None


@strawberry.type
class CommerceMutation:
    @strawberry.mutation(description="Create a product. Needs commerce:write.")
    @mutation_payload
    async def create_product(
        self, info: Info[Context, None], input: Annotated[CreateProductInput, strawberry.argument(description=(
            "The product."))],
    ) -> ProductPayload:
        viewer = info.context.require(WRITE)
        product = await service.create_product(
            viewer.team, name=input.name, description=input.description,
            hub_id=id_input_or_none(input.hub_id, "Hub", "hubId"), hub_given=input.hub_id is not None,
            past_due_policy=input.past_due_policy.value if input.past_due_policy else None,
            grace_days=input.grace_days, external_id=input.external_id,
        )
        return ProductPayload(product=ProductType.from_model(product))

    @strawberry.mutation(description="Change or archive a product. Needs commerce:write.")
    @mutation_payload
    async def update_product(
        self, info: Info[Context, None], input: Annotated[UpdateProductInput, strawberry.argument(description=(
            "The changes."))],
    ) -> ProductPayload:
        viewer = info.context.require(WRITE)
        product = await service.update_product(
            viewer.team, id_input(input.id, "Product", "id"), name=input.name, description=input.description,
            active=input.active, past_due_policy=input.past_due_policy.value if input.past_due_policy else None,
            grace_days=input.grace_days, external_id=input.external_id,
        )
        return ProductPayload(product=ProductType.from_model(product))

    @strawberry.mutation(description="Add a price to a product. Needs commerce:write.")
    @mutation_payload
    async def create_price(
        self, info: Info[Context, None], input: Annotated[CreatePriceInput, strawberry.argument(description=(
            "The price."))],
    ) -> PricePayload:
        viewer = info.context.require(WRITE)
        price = await service.create_price(
            viewer.team, id_input(input.product_id, "Product", "productId"), type_=input.type.value,
            amount=input.amount,
            currency=input.currency, interval=input.interval.value if input.interval else None,
            interval_count=input.interval_count, trial_days=input.trial_days, nickname=input.nickname,
            stripe_price_id=input.stripe_price_id,
        )
        return PricePayload(price=PriceType_.from_model(price))

    @strawberry.mutation(description="Archive or restore a price. Needs commerce:write.")
    @mutation_payload
    async def update_price(
        self, info: Info[Context, None], input: Annotated[UpdatePriceInput, strawberry.argument(description=(
            "The price and its state."))],
    ) -> PricePayload:
        viewer = info.context.require(WRITE)
        price = await service.set_price_active(viewer.team, id_input(input.id, "Price", "id"), input.active)
        return PricePayload(price=PriceType_.from_model(price))

    @strawberry.mutation(description="Offer a one-time price with a product at checkout. Needs commerce:write.")
    @mutation_payload
    async def add_product_add_on(
        self, info: Info[Context, None], input: Annotated[AddProductAddOnInput, strawberry.argument(description=(
            "The product and price."))],
    ) -> ProductAddOnPayload:
        viewer = info.context.require(WRITE)
        addon = await service.add_product_addon(
            viewer.team, id_input(input.product_id, "Product", "productId"),
            id_input(input.price_id, "Price", "priceId"),
        )
        return ProductAddOnPayload(add_on=ProductAddOnType.from_model(addon))

    @strawberry.mutation(description="Stop offering an add-on. Needs commerce:write.")
    @mutation_payload
    async def remove_product_add_on(
        self, info: Info[Context, None], input: Annotated[RemoveInput, strawberry.argument(description=(
            "A ProductAddOn id."))],
    ) -> RemovePayload:
        viewer = info.context.require(WRITE)
        await service.remove_product_addon(viewer.team, id_input(input.id, "ProductAddOn", "id"))
        return RemovePayload(removed_id=input.id)

    @strawberry.mutation(description="Create a coupon. Needs commerce:write.")
    @mutation_payload
    async def create_coupon(
        self, info: Info[Context, None], input: Annotated[CreateCouponInput, strawberry.argument(description=(
            "The coupon."))],
    ) -> CouponPayload:
        viewer = info.context.require(WRITE)
        coupon = await service.create_coupon(
            viewer.team, code=input.code, kind=input.kind.value,
            percent_off=Decimal(str(input.percent_off)) if input.percent_off is not None else None,
            amount_off=input.amount_off, currency=input.currency, duration=input.duration.value,
            duration_in_months=input.duration_in_months,
        )
        return CouponPayload(coupon=CouponType.from_model(coupon))

    @strawberry.mutation(description="Deactivate or reactivate a coupon. Needs commerce:write.")
    @mutation_payload
    async def update_coupon(
        self, info: Info[Context, None], input: Annotated[UpdateCouponInput, strawberry.argument(description=(
            "The coupon and its state."))],
    ) -> CouponPayload:
        viewer = info.context.require(WRITE)
        coupon = await service.set_coupon_active(viewer.team, id_input(input.id, "Coupon", "id"), input.active)
        return CouponPayload(coupon=CouponType.from_model(coupon))

    @strawberry.mutation(description=(
        "Make a product give something (a hub membership, content, a tag); applies to new purchases. Needs "
        "commerce:write."))
    @mutation_payload
    async def add_deliverable(
        self, info: Info[Context, None], input: Annotated[AddDeliverableInput, strawberry.argument(description=(
            "The deliverable."))],
    ) -> DeliverablePayload:
        viewer = info.context.require(WRITE)
        node_ids = id_inputs(input.content_node_ids, "ContentNode", "contentNodeIds")
        deliverable = await service.add_deliverable(
            viewer.team, id_input(input.product_id, "Product", "productId"), kind=input.kind.value,
            hub_id=id_input_or_none(input.hub_id, "Hub", "hubId"), hub_role=input.hub_role, content_node_ids=node_ids,
            tag=input.tag,
        )
        return DeliverablePayload(deliverable=DeliverableType.from_model(deliverable))

    @strawberry.mutation(description="Stop a product giving something. Needs commerce:write.")
    @mutation_payload
    async def remove_deliverable(
        self, info: Info[Context, None], input: Annotated[RemoveInput, strawberry.argument(description=(
            "A Deliverable id."))],
    ) -> RemovePayload:
        viewer = info.context.require(WRITE)
        await service.remove_deliverable(viewer.team, id_input(input.id, "Deliverable", "id"))
        return RemovePayload(removed_id=input.id)

    @strawberry.mutation(description="Store the team's Stripe secret key and webhook secret (encrypted). Needs admin.")
    @mutation_payload
    async def set_stripe_settings(
        self, info: Info[Context, None], input: Annotated[SetStripeSettingsInput, strawberry.argument(description=(
            "The secrets."))],
    ) -> StripeSettingsPayload:
        viewer = info.context.require("admin")
        settings = await service.set_stripe_settings(viewer.team, input.secret_key, input.webhook_secret)
        return StripeSettingsPayload(settings=StripeSettingsType.from_model(settings))

    @strawberry.mutation(description=(
        "Create a Stripe Checkout Session for a contact and a price (calls Stripe; STRIPE_NOT_CONFIGURED without "
        "settings, STRIPE_ERROR when Stripe refuses). Needs commerce:write."))
    @mutation_payload
    async def create_checkout(
        self, info: Info[Context, None], input: Annotated[CreateCheckoutInput, strawberry.argument(description=(
            "The price, buyer and URLs."))],
    ) -> CheckoutPayload:
        viewer = info.context.require(WRITE)
        request = service.CheckoutRequest(
            price_id=id_input(input.price_id, "Price", "priceId"),
            contact_id=id_input(input.contact_id, "Contact", "contactId"),
            success_url=input.success_url, cancel_url=input.cancel_url, quantity=input.quantity,
            addon_price_ids=tuple(id_inputs(input.add_on_price_ids, "Price", "addOnPriceIds") or ()),
            coupon_code=input.coupon_code, client_reference=input.idempotency_key,
        )
        session = await service.create_checkout(viewer.team, request)
        return CheckoutPayload(session=CheckoutSessionType.from_model(session))


NODE_TYPES = (
    NodeType("Product", staff(READ), team_rows(Product, ProductType.from_model)),
    NodeType("Price", staff(READ), team_rows(Price, PriceType_.from_model)),
    NodeType("ProductAddOn", staff(READ), team_rows(ProductAddOn, ProductAddOnType.from_model)),
    NodeType("Deliverable", staff(READ), team_rows(Deliverable, DeliverableType.from_model)),
    NodeType("Coupon", staff(READ), team_rows(Coupon, CouponType.from_model)),
    NodeType("CheckoutSession", staff(READ), team_rows(CheckoutSession, CheckoutSessionType.from_model)),
    NodeType("Entitlement", staff(READ), team_rows(Entitlement, EntitlementType.from_model)),
    NodeType("BillingSubscription", staff(READ), team_rows(Subscription, BillingSubscriptionType.from_model)),
)
