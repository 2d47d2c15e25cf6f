"""GraphQL for commerce: catalog CRUD, Stripe settings, checkout, and billing state (read-only)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import strawberry
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
from app.core.errors import ValidationFailed
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.errors import UserError, user_errors
from app.graphql.ids import parse_id_or_none

PriceTypeEnum = strawberry.enum(PriceType, name="PriceType")
BillingIntervalEnum = strawberry.enum(PriceInterval, name="BillingInterval")
CouponKindEnum = strawberry.enum(CouponKind, name="CouponKind")
CouponDurationEnum = strawberry.enum(CouponDuration, name="CouponDuration")
DeliverableKindEnum = strawberry.enum(DeliverableKind, name="DeliverableKind")
PastDuePolicyEnum = strawberry.enum(PastDuePolicy, name="PastDuePolicy")
EntitlementStatusEnum = strawberry.enum(EntitlementStatus, name="EntitlementStatus")
SubscriptionStatusEnum = strawberry.enum(SubscriptionStatus, name="BillingSubscriptionStatus")

READ, WRITE = "commerce:read", "commerce:write"


def _id(value: int | None) -> strawberry.ID | None:
    return strawberry.ID(str(value)) if value is not None else None


@strawberry.type(name="Price")
class PriceType_:
    id: strawberry.ID
    product_id: strawberry.ID
    type: PriceTypeEnum  # type: ignore[valid-type]
    currency: str
    amount: int = strawberry.field(description="Minor units (cents).")
    interval: BillingIntervalEnum | None  # type: ignore[valid-type]
    interval_count: int
    trial_days: int
    nickname: str
    stripe_price_id: str | None
    active: bool
    created_at: datetime

    @classmethod
    def from_model(cls, m: Price) -> PriceType_:
        return cls(
            id=strawberry.ID(str(m.id)), product_id=strawberry.ID(str(m.product_id)), type=PriceType(m.type),
            currency=m.currency, amount=m.amount, interval=PriceInterval(m.interval) if m.interval else None,
            interval_count=m.interval_count, trial_days=m.trial_days, nickname=m.nickname,
            stripe_price_id=m.stripe_price_id, active=m.active, created_at=m.created_at,
        )


@strawberry.type(name="Deliverable")
class DeliverableType:
    id: strawberry.ID
    kind: DeliverableKindEnum  # type: ignore[valid-type]
    hub_id: strawberry.ID | None
    hub_role: str | None
    content_node_ids: list[strawberry.ID]
    tag: str | None

    @classmethod
    def from_model(cls, m: Deliverable) -> DeliverableType:
        return cls(
            id=strawberry.ID(str(m.id)), kind=DeliverableKind(m.kind), hub_id=_id(m.hub_id), hub_role=m.hub_role,
            content_node_ids=[strawberry.ID(str(i)) for i in m.content_node_ids or []], tag=m.tag,
        )


@strawberry.type(name="ProductAddOn")
class ProductAddOnType:
    id: strawberry.ID
    price_id: strawberry.ID


@strawberry.type(name="Product")
class ProductType:
    id: strawberry.ID
    name: str
    description: str
    hub_id: strawberry.ID | None
    active: bool
    past_due_policy: PastDuePolicyEnum  # type: ignore[valid-type]
    grace_days: int
    created_at: datetime
    team_id: strawberry.Private[int]

    @strawberry.field
    async def prices(self, info: Info[Context, None]) -> list[PriceType_]:
        rows = await Price.filter(team_id=self.team_id, product_id=int(self.id)).order_by("id")
        return [PriceType_.from_model(r) for r in rows]

    @strawberry.field
    async def deliverables(self, info: Info[Context, None]) -> list[DeliverableType]:
        rows = await Deliverable.filter(team_id=self.team_id, product_id=int(self.id)).order_by("id")
        return [DeliverableType.from_model(r) for r in rows]

    @strawberry.field
    async def add_ons(self, info: Info[Context, None]) -> list[ProductAddOnType]:
        rows = await ProductAddOn.filter(team_id=self.team_id, product_id=int(self.id)).order_by("id")
        return [ProductAddOnType(id=strawberry.ID(str(r.id)), price_id=strawberry.ID(str(r.price_id))) for r in rows]

    @classmethod
    def from_model(cls, m: Product) -> ProductType:
        return cls(
            id=strawberry.ID(str(m.id)), name=m.name, description=m.description, hub_id=_id(m.hub_id),
            active=m.active, past_due_policy=PastDuePolicy(m.past_due_policy), grace_days=m.grace_days,
            created_at=m.created_at, team_id=m.team_id,
        )


@strawberry.type(name="Coupon")
class CouponType:
    id: strawberry.ID
    code: str
    kind: CouponKindEnum  # type: ignore[valid-type]
    percent_off: float | None
    amount_off: int | None
    currency: str | None
    duration: CouponDurationEnum  # type: ignore[valid-type]
    duration_in_months: int | None
    active: bool

    @classmethod
    def from_model(cls, m: Coupon) -> CouponType:
        return cls(
            id=strawberry.ID(str(m.id)), code=m.code, kind=CouponKind(m.kind),
            percent_off=float(m.percent_off) if m.percent_off is not None else None, amount_off=m.amount_off,
            currency=m.currency, duration=CouponDuration(m.duration), duration_in_months=m.duration_in_months,
            active=m.active,
        )


@strawberry.type(name="CheckoutSession")
class CheckoutSessionType:
    id: strawberry.ID
    stripe_session_id: str
    url: str | None
    mode: str
    status: str

    @classmethod
    def from_model(cls, m: CheckoutSession) -> CheckoutSessionType:
        return cls(id=strawberry.ID(str(m.id)), stripe_session_id=m.stripe_session_id, url=m.url, mode=m.mode,
                   status=m.status)


@strawberry.type(name="Entitlement")
class EntitlementType:
    id: strawberry.ID
    contact_id: strawberry.ID
    product_id: strawberry.ID
    status: EntitlementStatusEnum  # type: ignore[valid-type]
    starts_at: datetime
    ends_at: datetime | None
    source: str

    @classmethod
    def from_model(cls, m: Entitlement) -> EntitlementType:
        return cls(
            id=strawberry.ID(str(m.id)), contact_id=strawberry.ID(str(m.team_contact_id)),
            product_id=strawberry.ID(str(m.product_id)), status=EntitlementStatus(m.status), starts_at=m.starts_at,
            ends_at=m.ends_at, source=m.source,
        )


@strawberry.type(name="BillingSubscription")
class BillingSubscriptionType:
    id: strawberry.ID
    contact_id: strawberry.ID
    product_id: strawberry.ID | None
    price_id: strawberry.ID | None
    stripe_subscription_id: str
    status: SubscriptionStatusEnum  # type: ignore[valid-type]
    quantity: int
    interval: BillingIntervalEnum  # type: ignore[valid-type]
    interval_count: int
    current_period_end: datetime | None
    cancel_at_period_end: bool
    trial_end: datetime | None

    @classmethod
    def from_model(cls, m: Subscription) -> BillingSubscriptionType:
        return cls(
            id=strawberry.ID(str(m.id)), contact_id=strawberry.ID(str(m.team_contact_id)),
            product_id=_id(m.product_id), price_id=_id(m.price_id), stripe_subscription_id=m.stripe_subscription_id,
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
            contact_id=strawberry.ID(str(m.team_contact_id)), mrr=float(m.mrr), ltv=float(m.ltv),
            currency=m.currency, billing_status=m.billing_status,
            product_ids=[strawberry.ID(p) for p in m.product_ids or []], plan_interval=m.plan_interval,
            plan_interval_count=m.plan_interval_count, plan_quantity=m.plan_quantity,
            next_billing_at=m.next_billing_at, will_renew=m.will_renew, is_trial=m.is_trial,
            is_past_due=m.is_past_due, active_coupon_id=m.active_coupon_id,
        )


@strawberry.type(name="StripeSettings")
class StripeSettingsType:
    key_hint: str
    webhook_path: str
    updated_at: datetime

    @classmethod
    def from_model(cls, m: StripeSettings) -> StripeSettingsType:
        return cls(key_hint=m.key_hint, webhook_path=f"/webhooks/stripe/{m.team_id}", updated_at=m.updated_at)


# --- inputs and payloads -------------------------------------------------------------------------


@strawberry.input
class CreateProductInput:
    name: str
    description: str = ""
    hub_id: strawberry.ID | None = None
    past_due_policy: PastDuePolicyEnum | None = None  # type: ignore[valid-type]
    grace_days: int | None = None


@strawberry.input
class UpdateProductInput:
    id: strawberry.ID
    name: str | None = None
    description: str | None = None
    active: bool | None = None
    past_due_policy: PastDuePolicyEnum | None = None  # type: ignore[valid-type]
    grace_days: int | None = None


@strawberry.type
class ProductPayload:
    product: ProductType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class CreatePriceInput:
    product_id: strawberry.ID
    type: PriceTypeEnum  # type: ignore[valid-type]
    amount: int
    currency: str = "usd"
    interval: BillingIntervalEnum | None = None  # type: ignore[valid-type]
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
    kind: CouponKindEnum  # type: ignore[valid-type]
    percent_off: float | None = None
    amount_off: int | None = None
    currency: str | None = None
    duration: CouponDurationEnum = CouponDuration.ONCE  # type: ignore[valid-type]
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
    kind: DeliverableKindEnum  # type: ignore[valid-type]
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
                       active_only: bool = False) -> Connection[ProductType]:
        viewer = info.context.require(READ)
        queryset = Product.filter(team_id=viewer.team.id)
        if active_only:
            queryset = queryset.filter(active=True)
        return await keyset_page(queryset, ProductType.from_model, first=first, after=after)

    @strawberry.field
    async def product(self, info: Info[Context, None], id: strawberry.ID) -> ProductType | None:
        viewer = info.context.require(READ)
        product_id = parse_id_or_none(id)
        product = await Product.get_or_none(id=product_id, team_id=viewer.team.id) if product_id else None
        return ProductType.from_model(product) if product else None

    @strawberry.field
    async def coupons(self, info: Info[Context, None], first: int | None = None,
                      after: str | None = None) -> Connection[CouponType]:
        viewer = info.context.require(READ)
        return await keyset_page(Coupon.filter(team_id=viewer.team.id), CouponType.from_model, first=first,
                                 after=after)

    @strawberry.field(description="Entitlements, optionally of one contact.")
    async def entitlements(self, info: Info[Context, None], contact_id: strawberry.ID | None = None,
                           first: int | None = None, after: str | None = None) -> Connection[EntitlementType]:
        viewer = info.context.require(READ)
        queryset = Entitlement.filter(team_id=viewer.team.id)
        if contact_id is not None:
            queryset = queryset.filter(team_contact_id=parse_id_or_none(contact_id) or 0)
        return await keyset_page(queryset, EntitlementType.from_model, first=first, after=after)

    @strawberry.field(description="Subscriptions, optionally of one contact.")
    async def billing_subscriptions(
        self, info: Info[Context, None], contact_id: strawberry.ID | None = None, first: int | None = None,
        after: str | None = None,
    ) -> Connection[BillingSubscriptionType]:
        viewer = info.context.require(READ)
        queryset = Subscription.filter(team_id=viewer.team.id)
        if contact_id is not None:
            queryset = queryset.filter(team_contact_id=parse_id_or_none(contact_id) or 0)
        return await keyset_page(queryset, BillingSubscriptionType.from_model, first=first, after=after)

    @strawberry.field(description="A contact's billing facts (MRR, LTV, status…), or null if none.")
    async def contact_billing(self, info: Info[Context, None], contact_id: strawberry.ID) -> ContactBillingType | None:
        viewer = info.context.require(READ)
        cid = parse_id_or_none(contact_id)
        row = await ContactBilling.get_or_none(team_id=viewer.team.id, team_contact_id=cid) if cid else None
        return ContactBillingType.from_model(row) if row else None

    @strawberry.field
    async def stripe_settings(self, info: Info[Context, None]) -> StripeSettingsType | None:
        viewer = info.context.require("admin")
        row = await StripeSettings.get_or_none(team_id=viewer.team.id)
        return StripeSettingsType.from_model(row) if row else None


@strawberry.type
class CommerceMutation:
    @strawberry.mutation
    async def create_product(self, info: Info[Context, None], input: CreateProductInput) -> ProductPayload:
        viewer = info.context.require(WRITE)
        try:
            product = await service.create_product(
                viewer.team, name=input.name, description=input.description,
                hub_id=parse_id_or_none(input.hub_id), hub_given=input.hub_id is not None,
                past_due_policy=input.past_due_policy.value if input.past_due_policy else None,
                grace_days=input.grace_days,
            )
        except ValidationFailed as exc:
            return ProductPayload(user_errors=user_errors(exc))
        return ProductPayload(product=ProductType.from_model(product))

    @strawberry.mutation
    async def update_product(self, info: Info[Context, None], input: UpdateProductInput) -> ProductPayload:
        viewer = info.context.require(WRITE)
        try:
            product = await service.update_product(
                viewer.team, parse_id_or_none(input.id), name=input.name, description=input.description,
                active=input.active, past_due_policy=input.past_due_policy.value if input.past_due_policy else None,
                grace_days=input.grace_days,
            )
        except ValidationFailed as exc:
            return ProductPayload(user_errors=user_errors(exc))
        return ProductPayload(product=ProductType.from_model(product))

    @strawberry.mutation
    async def create_price(self, info: Info[Context, None], input: CreatePriceInput) -> PricePayload:
        viewer = info.context.require(WRITE)
        try:
            price = await service.create_price(
                viewer.team, parse_id_or_none(input.product_id), type_=input.type.value, amount=input.amount,
                currency=input.currency, interval=input.interval.value if input.interval else None,
                interval_count=input.interval_count, trial_days=input.trial_days, nickname=input.nickname,
                stripe_price_id=input.stripe_price_id,
            )
        except ValidationFailed as exc:
            return PricePayload(user_errors=user_errors(exc))
        return PricePayload(price=PriceType_.from_model(price))

    @strawberry.mutation
    async def update_price(self, info: Info[Context, None], input: UpdatePriceInput) -> PricePayload:
        viewer = info.context.require(WRITE)
        try:
            price = await service.set_price_active(viewer.team, parse_id_or_none(input.id), input.active)
        except ValidationFailed as exc:
            return PricePayload(user_errors=user_errors(exc))
        return PricePayload(price=PriceType_.from_model(price))

    @strawberry.mutation
    async def add_product_add_on(self, info: Info[Context, None], input: AddProductAddOnInput) -> ProductAddOnPayload:
        viewer = info.context.require(WRITE)
        try:
            addon = await service.add_product_addon(
                viewer.team, parse_id_or_none(input.product_id), parse_id_or_none(input.price_id)
            )
        except ValidationFailed as exc:
            return ProductAddOnPayload(user_errors=user_errors(exc))
        return ProductAddOnPayload(add_on=ProductAddOnType(id=strawberry.ID(str(addon.id)),
                                                           price_id=strawberry.ID(str(addon.price_id))))

    @strawberry.mutation
    async def remove_product_add_on(self, info: Info[Context, None], input: RemoveInput) -> RemovePayload:
        viewer = info.context.require(WRITE)
        try:
            await service.remove_product_addon(viewer.team, parse_id_or_none(input.id))
        except ValidationFailed as exc:
            return RemovePayload(user_errors=user_errors(exc))
        return RemovePayload(removed_id=input.id)

    @strawberry.mutation
    async def create_coupon(self, info: Info[Context, None], input: CreateCouponInput) -> CouponPayload:
        viewer = info.context.require(WRITE)
        try:
            coupon = await service.create_coupon(
                viewer.team, code=input.code, kind=input.kind.value,
                percent_off=Decimal(str(input.percent_off)) if input.percent_off is not None else None,
                amount_off=input.amount_off, currency=input.currency, duration=input.duration.value,
                duration_in_months=input.duration_in_months,
            )
        except ValidationFailed as exc:
            return CouponPayload(user_errors=user_errors(exc))
        return CouponPayload(coupon=CouponType.from_model(coupon))

    @strawberry.mutation
    async def update_coupon(self, info: Info[Context, None], input: UpdateCouponInput) -> CouponPayload:
        viewer = info.context.require(WRITE)
        try:
            coupon = await service.set_coupon_active(viewer.team, parse_id_or_none(input.id), input.active)
        except ValidationFailed as exc:
            return CouponPayload(user_errors=user_errors(exc))
        return CouponPayload(coupon=CouponType.from_model(coupon))

    @strawberry.mutation
    async def add_deliverable(self, info: Info[Context, None], input: AddDeliverableInput) -> DeliverablePayload:
        viewer = info.context.require(WRITE)
        node_ids = None
        if input.content_node_ids is not None:
            node_ids = [parse_id_or_none(i) or -1 for i in input.content_node_ids]
        try:
            deliverable = await service.add_deliverable(
                viewer.team, parse_id_or_none(input.product_id), kind=input.kind.value,
                hub_id=parse_id_or_none(input.hub_id), hub_role=input.hub_role, content_node_ids=node_ids,
                tag=input.tag,
            )
        except ValidationFailed as exc:
            return DeliverablePayload(user_errors=user_errors(exc))
        return DeliverablePayload(deliverable=DeliverableType.from_model(deliverable))

    @strawberry.mutation
    async def remove_deliverable(self, info: Info[Context, None], input: RemoveInput) -> RemovePayload:
        viewer = info.context.require(WRITE)
        try:
            await service.remove_deliverable(viewer.team, parse_id_or_none(input.id))
        except ValidationFailed as exc:
            return RemovePayload(user_errors=user_errors(exc))
        return RemovePayload(removed_id=input.id)

    @strawberry.mutation(description="Store the team's Stripe secret key and webhook secret (encrypted).")
    async def set_stripe_settings(self, info: Info[Context, None],
                                  input: SetStripeSettingsInput) -> StripeSettingsPayload:
        viewer = info.context.require("admin")
        try:
            settings = await service.set_stripe_settings(viewer.team, input.secret_key, input.webhook_secret)
        except ValidationFailed as exc:
            return StripeSettingsPayload(user_errors=user_errors(exc))
        return StripeSettingsPayload(settings=StripeSettingsType.from_model(settings))

    @strawberry.mutation(description="Create a Stripe Checkout Session for a contact and a price.")
    async def create_checkout(self, info: Info[Context, None], input: CreateCheckoutInput) -> CheckoutPayload:
        viewer = info.context.require(WRITE)
        request = service.CheckoutRequest(
            price_id=parse_id_or_none(input.price_id), contact_id=parse_id_or_none(input.contact_id),
            success_url=input.success_url, cancel_url=input.cancel_url, quantity=input.quantity,
            addon_price_ids=tuple(parse_id_or_none(i) for i in input.add_on_price_ids),
            coupon_code=input.coupon_code, client_reference=input.idempotency_key,
        )
        try:
            session = await service.create_checkout(viewer.team, request)
        except ValidationFailed as exc:
            return CheckoutPayload(user_errors=user_errors(exc))
        return CheckoutPayload(session=CheckoutSessionType.from_model(session))
