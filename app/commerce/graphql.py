"""GraphQL for commerce: catalog CRUD, Stripe settings, checkout, and billing state (read-only)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

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
    DisputePolicy,
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
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, gid, gids, id_arg, id_input, id_input_or_none, id_inputs, parse_id_or_none
from app.graphql.nodes import NodeType, staff, team_rows
from app.teams import audit

PriceTypeEnum = strawberry.enum(PriceType, name="PriceType")
BillingIntervalEnum = strawberry.enum(PriceInterval, name="BillingInterval")
CouponKindEnum = strawberry.enum(CouponKind, name="CouponKind")
CouponDurationEnum = strawberry.enum(CouponDuration, name="CouponDuration")
DeliverableKindEnum = strawberry.enum(DeliverableKind, name="DeliverableKind")
PastDuePolicyEnum = strawberry.enum(PastDuePolicy, name="PastDuePolicy")
EntitlementStatusEnum = strawberry.enum(EntitlementStatus, name="EntitlementStatus")
SubscriptionStatusEnum = strawberry.enum(SubscriptionStatus, name="BillingSubscriptionStatus")
DisputePolicyEnum = strawberry.enum(DisputePolicy, name="DisputePolicy")

READ, WRITE = "commerce:read", "commerce:write"


@strawberry.type(name="Price")
class PriceType_(relay.Node):
    id: relay.NodeID[int]
    product_id: strawberry.ID
    type: PriceType
    currency: str
    amount: int = strawberry.field(description="Minor units (cents).")
    interval: PriceInterval | None
    interval_count: int
    trial_days: int
    nickname: str
    stripe_price_id: str | None
    active: bool
    created_at: datetime

    @classmethod
    def from_model(cls, m: Price) -> PriceType_:
        return cls(
            id=m.id, product_id=encode_id("Product", m.product_id), type=PriceType(m.type),
            currency=m.currency, amount=m.amount, interval=PriceInterval(m.interval) if m.interval else None,
            interval_count=m.interval_count, trial_days=m.trial_days, nickname=m.nickname,
            stripe_price_id=m.stripe_price_id, active=m.active, created_at=m.created_at,
        )


@strawberry.type(name="Deliverable")
class DeliverableType(relay.Node):
    id: relay.NodeID[int]
    kind: DeliverableKind
    hub_id: strawberry.ID | None
    hub_role: str | None
    content_node_ids: list[strawberry.ID]
    tag: str | None

    @classmethod
    def from_model(cls, m: Deliverable) -> DeliverableType:
        return cls(
            id=m.id, kind=DeliverableKind(m.kind), hub_id=gid("Hub", m.hub_id), hub_role=m.hub_role,
            content_node_ids=gids("ContentNode", m.content_node_ids or []), tag=m.tag,
        )


@strawberry.type(name="ProductAddOn")
class ProductAddOnType(relay.Node):
    id: relay.NodeID[int]
    price_id: strawberry.ID

    @classmethod
    def from_model(cls, m: ProductAddOn) -> ProductAddOnType:
        return cls(id=m.id, price_id=encode_id("Price", m.price_id))


@strawberry.type(name="Product")
class ProductType(relay.Node):
    id: relay.NodeID[int]
    name: str
    description: str
    hub_id: strawberry.ID | None
    active: bool
    past_due_policy: PastDuePolicy
    grace_days: int
    external_id: str | None = strawberry.field(description="Its id on the platform it came from (order imports).")
    created_at: datetime
    team_id: strawberry.Private[int]

    @strawberry.field
    async def prices(self, info: Info[Context, None]) -> list[PriceType_]:
        rows = await Price.filter(team_id=self.team_id, product_id=self.id).order_by("id")
        return [PriceType_.from_model(r) for r in rows]

    @strawberry.field
    async def deliverables(self, info: Info[Context, None]) -> list[DeliverableType]:
        rows = await Deliverable.filter(team_id=self.team_id, product_id=self.id).order_by("id")
        return [DeliverableType.from_model(r) for r in rows]

    @strawberry.field
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


@strawberry.type(name="Coupon")
class CouponType(relay.Node):
    id: relay.NodeID[int]
    code: str
    kind: CouponKind
    percent_off: float | None
    amount_off: int | None
    currency: str | None
    duration: CouponDuration
    duration_in_months: int | None
    active: bool

    @classmethod
    def from_model(cls, m: Coupon) -> CouponType:
        return cls(
            id=m.id, code=m.code, kind=CouponKind(m.kind),
            percent_off=float(m.percent_off) if m.percent_off is not None else None, amount_off=m.amount_off,
            currency=m.currency, duration=CouponDuration(m.duration), duration_in_months=m.duration_in_months,
            active=m.active,
        )


@strawberry.type(name="CheckoutSession")
class CheckoutSessionType(relay.Node):
    id: relay.NodeID[int]
    stripe_session_id: str
    url: str | None
    mode: str
    status: str

    @classmethod
    def from_model(cls, m: CheckoutSession) -> CheckoutSessionType:
        return cls(id=m.id, stripe_session_id=m.stripe_session_id, url=m.url, mode=m.mode,
                   status=m.status)


@strawberry.type(name="Entitlement")
class EntitlementType(relay.Node):
    id: relay.NodeID[int]
    contact_id: strawberry.ID
    product_id: strawberry.ID
    status: EntitlementStatus
    starts_at: datetime
    ends_at: datetime | None
    source: str

    @classmethod
    def from_model(cls, m: Entitlement) -> EntitlementType:
        return cls(
            id=m.id, contact_id=encode_id("Contact", m.team_contact_id),
            product_id=encode_id("Product", m.product_id), status=EntitlementStatus(m.status), starts_at=m.starts_at,
            ends_at=m.ends_at, source=m.source,
        )


@strawberry.type(name="BillingSubscription")
class BillingSubscriptionType(relay.Node):
    id: relay.NodeID[int]
    contact_id: strawberry.ID
    product_id: strawberry.ID | None
    price_id: strawberry.ID | None
    stripe_subscription_id: str
    status: SubscriptionStatus
    quantity: int
    interval: PriceInterval
    interval_count: int
    current_period_end: datetime | None
    cancel_at_period_end: bool
    trial_end: datetime | None

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


@strawberry.type(name="ContactBilling")
class ContactBillingType:
    contact_id: strawberry.ID
    mrr: float
    ltv: float
    currency: str | None
    billing_status: str
    product_ids: list[strawberry.ID]
    plan_interval: str | None
    plan_interval_count: int | None
    plan_quantity: int | None
    next_billing_at: datetime | None
    will_renew: bool
    is_trial: bool
    is_past_due: bool
    active_coupon_id: str | None

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


@strawberry.type(name="StripeSettings")
class StripeSettingsType:
    key_hint: str
    webhook_path: str
    updated_at: datetime
    dispute_policy: DisputePolicy = strawberry.field(description="What an open dispute does to access")

    @classmethod
    def from_model(cls, m: StripeSettings) -> StripeSettingsType:
        return cls(key_hint=m.key_hint, webhook_path=f"/webhooks/stripe/{encode_id('Team', m.team_id)}",
                   updated_at=m.updated_at, dispute_policy=DisputePolicy(m.dispute_policy))


# --- inputs and payloads -------------------------------------------------------------------------


@strawberry.input
class CreateProductInput:
    name: str
    description: str = ""
    hub_id: strawberry.ID | None = None
    past_due_policy: PastDuePolicy | None = None
    grace_days: int | None = None
    external_id: str | None = strawberry.field(
        default=None, description="Its id on the platform it came from; imported orders name items by it.")


@strawberry.input
class UpdateProductInput:
    id: strawberry.ID
    name: str | None = None
    description: str | None = None
    active: bool | None = None
    past_due_policy: PastDuePolicy | None = None
    grace_days: int | None = None
    external_id: str | None = strawberry.field(default=None, description="An empty string clears it.")


@strawberry.type
class ProductPayload:
    product: ProductType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class CreatePriceInput:
    product_id: strawberry.ID
    type: PriceType
    amount: int
    currency: str = "usd"
    interval: PriceInterval | None = None
    interval_count: int = 1
    trial_days: int = 0
    nickname: str = ""
    stripe_price_id: str | None = None


@strawberry.input
class UpdatePriceInput:
    id: strawberry.ID
    active: bool


@strawberry.type
class PricePayload:
    price: PriceType_ | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class AddProductAddOnInput:
    product_id: strawberry.ID
    price_id: strawberry.ID


@strawberry.type
class ProductAddOnPayload:
    add_on: ProductAddOnType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class RemoveInput:
    id: strawberry.ID


@strawberry.type
class RemovePayload:
    removed_id: strawberry.ID | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class CreateCouponInput:
    code: str
    kind: CouponKind
    percent_off: float | None = None
    amount_off: int | None = None
    currency: str | None = None
    duration: CouponDuration = CouponDuration.ONCE
    duration_in_months: int | None = None


@strawberry.input
class UpdateCouponInput:
    id: strawberry.ID
    active: bool


@strawberry.type
class CouponPayload:
    coupon: CouponType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class AddDeliverableInput:
    product_id: strawberry.ID
    kind: DeliverableKind
    hub_id: strawberry.ID | None = None
    hub_role: str | None = None
    content_node_ids: list[strawberry.ID] | None = None
    tag: str | None = None


@strawberry.type
class DeliverablePayload:
    deliverable: DeliverableType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class SetStripeSettingsInput:
    secret_key: str
    webhook_secret: str


@strawberry.type
class StripeSettingsPayload:
    settings: StripeSettingsType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class CreateCheckoutInput:
    price_id: strawberry.ID
    contact_id: strawberry.ID
    success_url: str
    cancel_url: str
    quantity: int = 1
    add_on_price_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    coupon_code: str | None = None
    idempotency_key: str | None = strawberry.field(
        default=None, description="Repeat it to get the same session back (retries, double clicks)."
    )


@strawberry.type
class CheckoutPayload:
    session: CheckoutSessionType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


# --- root fields ---------------------------------------------------------------------------------


@strawberry.type
class CommerceQuery:
    @strawberry.field(description="The team's products.")
    async def products(self, info: Info[Context, None], first: int | None = None, after: str | None = None,
                       last: int | None = None, before: str | None = None,
                       active_only: bool = False) -> Connection[ProductType]:
        viewer = info.context.require(READ)
        queryset = Product.filter(team_id=viewer.team.id)
        if active_only:
            queryset = queryset.filter(active=True)
        return await keyset_page(queryset, ProductType.from_model, first=first, after=after, last=last,
                                 before=before)

    @strawberry.field
    async def product(self, info: Info[Context, None], id: strawberry.ID) -> ProductType | None:
        viewer = info.context.require(READ)
        product = await Product.get_or_none(id=id_arg(id, "Product"), team_id=viewer.team.id)
        return ProductType.from_model(product) if product else None

    @strawberry.field
    async def coupons(self, info: Info[Context, None], first: int | None = None, after: str | None = None,
                      last: int | None = None, before: str | None = None) -> Connection[CouponType]:
        viewer = info.context.require(READ)
        return await keyset_page(Coupon.filter(team_id=viewer.team.id), CouponType.from_model, first=first,
                                 after=after, last=last, before=before)

    @strawberry.field(description="Entitlements, optionally of one contact.")
    async def entitlements(self, info: Info[Context, None], contact_id: strawberry.ID | None = None,
                           first: int | None = None, after: str | None = None, last: int | None = None,
                           before: str | None = None) -> Connection[EntitlementType]:
        viewer = info.context.require(READ)
        queryset = Entitlement.filter(team_id=viewer.team.id)
        if contact_id is not None:
            queryset = queryset.filter(team_contact_id=id_arg(contact_id, "Contact", "contactId"))
        return await keyset_page(queryset, EntitlementType.from_model, first=first, after=after, last=last,
                                 before=before)

    @strawberry.field(description="Subscriptions, optionally of one contact.")
    async def billing_subscriptions(
        self, info: Info[Context, None], contact_id: strawberry.ID | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[BillingSubscriptionType]:
        viewer = info.context.require(READ)
        queryset = Subscription.filter(team_id=viewer.team.id)
        if contact_id is not None:
            queryset = queryset.filter(team_contact_id=id_arg(contact_id, "Contact", "contactId"))
        return await keyset_page(queryset, BillingSubscriptionType.from_model, first=first, after=after, last=last,
                                 before=before)

    @strawberry.field(description="A contact's billing facts (MRR, LTV, status…), or null if none.")
    async def contact_billing(self, info: Info[Context, None], contact_id: strawberry.ID) -> ContactBillingType | None:
        viewer = info.context.require(READ)
        cid = id_arg(contact_id, "Contact", "contactId")
        row = await ContactBilling.get_or_none(team_id=viewer.team.id, team_contact_id=cid)
        return ContactBillingType.from_model(row) if row else None

    @strawberry.field
    async def stripe_settings(self, info: Info[Context, None]) -> StripeSettingsType | None:
        viewer = info.context.require("admin")
        row = await StripeSettings.get_or_none(team_id=viewer.team.id)
        return StripeSettingsType.from_model(row) if row else None


@strawberry.type
class CommerceMutation:
    @strawberry.mutation
    @mutation_payload
    async def create_product(self, info: Info[Context, None], input: CreateProductInput) -> ProductPayload:
        viewer = info.context.require(WRITE)
        product = await service.create_product(
            viewer.team, name=input.name, description=input.description,
            hub_id=id_input_or_none(input.hub_id, "Hub", "hubId"), hub_given=input.hub_id is not None,
            past_due_policy=input.past_due_policy.value if input.past_due_policy else None,
            grace_days=input.grace_days, external_id=input.external_id,
        )
        return ProductPayload(product=ProductType.from_model(product))

    @strawberry.mutation
    @mutation_payload
    async def update_product(self, info: Info[Context, None], input: UpdateProductInput) -> ProductPayload:
        viewer = info.context.require(WRITE)
        product = await service.update_product(
            viewer.team, id_input(input.id, "Product", "id"), name=input.name, description=input.description,
            active=input.active, past_due_policy=input.past_due_policy.value if input.past_due_policy else None,
            grace_days=input.grace_days, external_id=input.external_id,
        )
        return ProductPayload(product=ProductType.from_model(product))

    @strawberry.mutation
    @mutation_payload
    async def create_price(self, info: Info[Context, None], input: CreatePriceInput) -> PricePayload:
        viewer = info.context.require(WRITE)
        price = await service.create_price(
            viewer.team, id_input(input.product_id, "Product", "productId"), type_=input.type.value,
            amount=input.amount,
            currency=input.currency, interval=input.interval.value if input.interval else None,
            interval_count=input.interval_count, trial_days=input.trial_days, nickname=input.nickname,
            stripe_price_id=input.stripe_price_id,
        )
        return PricePayload(price=PriceType_.from_model(price))

    @strawberry.mutation
    @mutation_payload
    async def update_price(self, info: Info[Context, None], input: UpdatePriceInput) -> PricePayload:
        viewer = info.context.require(WRITE)
        price = await service.set_price_active(viewer.team, id_input(input.id, "Price", "id"), input.active)
        return PricePayload(price=PriceType_.from_model(price))

    @strawberry.mutation
    @mutation_payload
    async def add_product_add_on(self, info: Info[Context, None], input: AddProductAddOnInput) -> ProductAddOnPayload:
        viewer = info.context.require(WRITE)
        addon = await service.add_product_addon(
            viewer.team, id_input(input.product_id, "Product", "productId"),
            id_input(input.price_id, "Price", "priceId"),
        )
        return ProductAddOnPayload(add_on=ProductAddOnType.from_model(addon))

    @strawberry.mutation
    @mutation_payload
    async def remove_product_add_on(self, info: Info[Context, None], input: RemoveInput) -> RemovePayload:
        viewer = info.context.require(WRITE)
        await service.remove_product_addon(viewer.team, id_input(input.id, "ProductAddOn", "id"))
        return RemovePayload(removed_id=input.id)

    @strawberry.mutation
    @mutation_payload
    async def create_coupon(self, info: Info[Context, None], input: CreateCouponInput) -> CouponPayload:
        viewer = info.context.require(WRITE)
        coupon = await service.create_coupon(
            viewer.team, code=input.code, kind=input.kind.value,
            percent_off=Decimal(str(input.percent_off)) if input.percent_off is not None else None,
            amount_off=input.amount_off, currency=input.currency, duration=input.duration.value,
            duration_in_months=input.duration_in_months,
        )
        return CouponPayload(coupon=CouponType.from_model(coupon))

    @strawberry.mutation
    @mutation_payload
    async def update_coupon(self, info: Info[Context, None], input: UpdateCouponInput) -> CouponPayload:
        viewer = info.context.require(WRITE)
        coupon = await service.set_coupon_active(viewer.team, id_input(input.id, "Coupon", "id"), input.active)
        return CouponPayload(coupon=CouponType.from_model(coupon))

    @strawberry.mutation
    @mutation_payload
    async def add_deliverable(self, info: Info[Context, None], input: AddDeliverableInput) -> DeliverablePayload:
        viewer = info.context.require(WRITE)
        node_ids = id_inputs(input.content_node_ids, "ContentNode", "contentNodeIds")
        deliverable = await service.add_deliverable(
            viewer.team, id_input(input.product_id, "Product", "productId"), kind=input.kind.value,
            hub_id=id_input_or_none(input.hub_id, "Hub", "hubId"), hub_role=input.hub_role, content_node_ids=node_ids,
            tag=input.tag,
        )
        return DeliverablePayload(deliverable=DeliverableType.from_model(deliverable))

    @strawberry.mutation
    @mutation_payload
    async def remove_deliverable(self, info: Info[Context, None], input: RemoveInput) -> RemovePayload:
        viewer = info.context.require(WRITE)
        await service.remove_deliverable(viewer.team, id_input(input.id, "Deliverable", "id"))
        return RemovePayload(removed_id=input.id)

    @strawberry.mutation(description="Store the team's Stripe secret key and webhook secret (encrypted).")
    @mutation_payload
    async def set_stripe_settings(self, info: Info[Context, None],
                                  input: SetStripeSettingsInput) -> StripeSettingsPayload:
        viewer = info.context.require("admin")
        settings = await service.set_stripe_settings(viewer.team, input.secret_key, input.webhook_secret)
        await audit.record(viewer.team.id, viewer, "settings.stripe_changed", "StripeSettings", None,
                           {"key_hint": settings.key_hint})
        return StripeSettingsPayload(settings=StripeSettingsType.from_model(settings))

    @strawberry.mutation(description="Create a Stripe Checkout Session for a contact and a price.")
    @mutation_payload
    async def create_checkout(self, info: Info[Context, None], input: CreateCheckoutInput) -> CheckoutPayload:
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
