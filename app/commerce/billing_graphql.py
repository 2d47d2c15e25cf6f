"""GraphQL for money after checkout: payments, refunds and disputes (read), the dispute policy,
and the actions staff take on them (refund, cancel / pause / resume / change a subscription).

Every action is a request to Stripe; what it changes here arrives with the webhook that confirms
it (the webhook is the one writer of billing state), so a payload says what was *requested*.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.commerce import billing_actions
from app.commerce.graphql import StripeSettingsType
from app.commerce.models import Dispute, DisputePolicy, Payment, PaymentStatus, Refund, StripeSettings
from app.core.errors import ValidationFailed
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.enums import described_enum
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, gid, id_arg, id_input
from app.graphql.nodes import NodeType, staff, team_rows
from app.teams import audit

PaymentStatusEnum = described_enum(PaymentStatus, name="PaymentStatus", description="Where a payment stands.", values={
    "SUCCEEDED": "Paid; nothing refunded.",
    "FAILED": "The charge or invoice payment failed; no money came in.",
    "REFUNDED": "Paid, then refunded in full.",
    "PARTIALLY_REFUNDED": "Paid, then part of it refunded (see amountRefunded).",
})

READ, WRITE = "commerce:read", "commerce:write"


@strawberry.type(name="Payment", description="Money in from Stripe: a paid (or failed) checkout or invoice.")
class PaymentType(relay.Node):
    id: relay.NodeID[int]
    contact_id: strawberry.ID = strawberry.field(description="The contact who paid.")
    order_id: strawberry.ID | None = strawberry.field(description="The order it paid for; null when not an order.")
    subscription_id: strawberry.ID | None = strawberry.field(description=(
        "The billing subscription whose invoice it paid; null when not a subscription."))
    status: PaymentStatus = strawberry.field(description="Where it stands, refunds included.")
    currency: str = strawberry.field(description="ISO 4217 code, lower case (Stripe's), e.g. usd.")
    amount: int = strawberry.field(description="Minor units.")
    amount_refunded: int = strawberry.field(description="Minor units, as Stripe confirmed.")
    paid_at: datetime | None = strawberry.field(description="When it was paid (UTC); null when it failed.")
    created_at: datetime = strawberry.field(description="When we recorded it (UTC).")
    stripe_ref: str = strawberry.field(description="The Stripe invoice, payment intent or checkout session.")

    @classmethod
    def from_model(cls, m: Payment) -> PaymentType:
        return cls(id=m.id, contact_id=encode_id("Contact", m.team_contact_id), order_id=gid("Order", m.order_id),
                   subscription_id=gid("BillingSubscription", m.subscription_id), status=PaymentStatus(m.status),
                   currency=m.currency, amount=m.amount, amount_refunded=m.amount_refunded, paid_at=m.paid_at,
                   created_at=m.created_at, stripe_ref=m.stripe_ref)


@strawberry.type(name="Refund", description="Money back to a contact on a payment, as Stripe confirmed it.")
class RefundType(relay.Node):
    id: relay.NodeID[int]
    payment_id: strawberry.ID = strawberry.field(description="The payment refunded.")
    amount: int = strawberry.field(description="Minor units, in the payment's currency.")
    status: str = strawberry.field(description="Stripe's, e.g. succeeded, pending or failed.")
    stripe_refund_id: str = strawberry.field(description="The Stripe refund (re_...).")
    created_at: datetime = strawberry.field(description="When we recorded it (UTC).")

    @classmethod
    def from_model(cls, m: Refund) -> RefundType:
        return cls(id=m.id, payment_id=encode_id("Payment", m.payment_id), amount=m.amount, status=m.status,
                   stripe_refund_id=m.stripe_refund_id, created_at=m.created_at)


@strawberry.type(name="Dispute", description="A chargeback on a payment, as Stripe last reported it.")
class DisputeType(relay.Node):
    id: relay.NodeID[int]
    payment_id: strawberry.ID = strawberry.field(description="The payment disputed.")
    contact_id: strawberry.ID = strawberry.field(description="The contact who paid.")
    status: str = strawberry.field(description="Stripe's: needs_response, under_review, won, lost, warning_*")
    reason: str = strawberry.field(description="Stripe's, e.g. fraudulent, product_not_received, general.")
    amount: int = strawberry.field(description="Minor units.")
    currency: str = strawberry.field(description="ISO 4217 code, lower case (Stripe's), e.g. usd.")
    effect: DisputePolicy = strawberry.field(description="The team's dispute policy when it opened.")
    opened_at: datetime = strawberry.field(description="When Stripe opened it (UTC).")
    closed_at: datetime | None = strawberry.field(description="When it was won or lost (UTC); null while open.")
    stripe_dispute_id: str = strawberry.field(description="The Stripe dispute (dp_...).")

    @classmethod
    def from_model(cls, m: Dispute) -> DisputeType:
        return cls(id=m.id, payment_id=encode_id("Payment", m.payment_id),
                   contact_id=encode_id("Contact", m.team_contact_id), status=m.status, reason=m.reason,
                   amount=m.amount, currency=m.currency, effect=DisputePolicy(m.effect), opened_at=m.opened_at,
                   closed_at=m.closed_at, stripe_dispute_id=m.stripe_dispute_id)


@strawberry.type(description="What Stripe accepted; our rows change when its webhook confirms it.")
class BillingRequest:
    stripe_id: str = strawberry.field(description="The Stripe refund or subscription")
    status: str = strawberry.field(description="Stripe's status of it right after the request")
    amount: int | None = strawberry.field(default=None, description="A refund's amount, minor units")


@strawberry.type(description="The result of a billing action: what was requested of Stripe, or why not.")
class BillingRequestPayload:
    request: BillingRequest | None = strawberry.field(default=None, description=(
        "What Stripe accepted; null when the request failed (see userErrors)."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


async def _audited(info: Info[Context, None], action: str, target_type: str, target_id: str,
                   requested: billing_actions.Requested, **details: object) -> BillingRequestPayload:
    viewer = info.context.require()
    await audit.record(viewer.team.id, viewer, action, target_type, target_id,
                       {"stripe_id": requested.stripe_id, **details})
    return _payload(requested)


def _payload(requested: billing_actions.Requested) -> BillingRequestPayload:
    return BillingRequestPayload(request=BillingRequest(stripe_id=requested.stripe_id, status=requested.status,
                                                        amount=requested.amount))


INPUT = strawberry.argument(description="What to do.")
IDEMPOTENCY = "Repeat it to repeat the request safely (retries, double clicks); derived from the request if not given."


@strawberry.input(description="A refund to request from Stripe.")
class RefundPaymentInput:
    payment_id: strawberry.ID = strawberry.field(description="The payment to refund.")
    amount: int | None = strawberry.field(default=None, description="Minor units; all that is left when not given.")
    reason: str | None = strawberry.field(default=None, description="duplicate, fraudulent or requested_by_customer")
    idempotency_key: str | None = strawberry.field(default=None, description=IDEMPOTENCY)


@strawberry.input(description="A subscription to cancel through Stripe.")
class CancelSubscriptionInput:
    subscription_id: strawberry.ID = strawberry.field(description="The billing subscription.")
    at_period_end: bool = strawberry.field(default=True, description="False: end it now")
    idempotency_key: str | None = strawberry.field(default=None, description=IDEMPOTENCY)


@strawberry.input(description="A subscription to pause or resume through Stripe.")
class SubscriptionActionInput:
    subscription_id: strawberry.ID = strawberry.field(description="The billing subscription.")
    idempotency_key: str | None = strawberry.field(default=None, description=IDEMPOTENCY)


@strawberry.input(description="A subscription to move to another price through Stripe.")
class ChangeSubscriptionPlanInput:
    subscription_id: strawberry.ID = strawberry.field(description="The billing subscription.")
    price_id: strawberry.ID = strawberry.field(description="The recurring price to move it to.")
    proration: str = strawberry.field(default="create_prorations",
                                      description="create_prorations, none or always_invoice (Stripe's)")
    idempotency_key: str | None = strawberry.field(default=None, description=IDEMPOTENCY)


@strawberry.input(description="The team's dispute policy to set.")
class SetDisputePolicyInput:
    policy: DisputePolicy = strawberry.field(description="What an open dispute does to the access it granted.")


@strawberry.type(description="The result of setDisputePolicy.")
class DisputePolicyPayload:
    settings: StripeSettingsType | None = strawberry.field(default=None, description=(
        "The team's Stripe settings with the new policy; null on error (see userErrors)."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


CONTACT = Annotated[strawberry.ID | None, strawberry.argument(description="Only this contact's")]


def _period(queryset, field: str, since: datetime | None, until: datetime | None):  # type: ignore[no-untyped-def]
    if since is not None:
        queryset = queryset.filter(**{f"{field}__gte": since})
    if until is not None:
        queryset = queryset.filter(**{f"{field}__lt": until})
    return queryset


@strawberry.type
class BillingQuery:
    @strawberry.field(description="Payments, newest first: one contact's or the team's, by status and period.")
    async def payments(
        self, info: Info[Context, None], contact_id: CONTACT = None,
        status: Annotated[PaymentStatus | None, strawberry.argument(description="Only this status")] = None,
        since: Annotated[datetime | None, strawberry.argument(description="Created at or after")] = None,
        until: Annotated[datetime | None, strawberry.argument(description="Created before")] = None,
        first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[PaymentType]:
        viewer = info.context.require(READ)
        queryset = Payment.filter(team_id=viewer.team.id)
        if contact_id is not None:
            queryset = queryset.filter(team_contact_id=id_arg(contact_id, "Contact", "contactId"))
        if status is not None:
            queryset = queryset.filter(status=status)
        return await keyset_page(_period(queryset, "created_at", since, until), PaymentType.from_model, first=first,
                                 after=after, last=last, before=before, sort_field="created_at", descending=True)

    @strawberry.field(description="Refunds, newest first: of one payment, one contact or the whole team.")
    async def refunds(
        self, info: Info[Context, None], contact_id: CONTACT = None,
        payment_id: Annotated[strawberry.ID | None, strawberry.argument(description="Only this payment's")] = None,
        since: Annotated[datetime | None, strawberry.argument(description="Created at or after")] = None,
        until: Annotated[datetime | None, strawberry.argument(description="Created before")] = None,
        first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[RefundType]:
        viewer = info.context.require(READ)
        queryset = Refund.filter(team_id=viewer.team.id)
        if contact_id is not None:
            queryset = queryset.filter(payment__team_contact_id=id_arg(contact_id, "Contact", "contactId"))
        if payment_id is not None:
            queryset = queryset.filter(payment_id=id_arg(payment_id, "Payment", "paymentId"))
        return await keyset_page(_period(queryset, "created_at", since, until), RefundType.from_model, first=first,
                                 after=after, last=last, before=before, sort_field="created_at", descending=True)

    @strawberry.field(description="Disputes, newest first: one contact's or the team's, by status and period.")
    async def disputes(
        self, info: Info[Context, None], contact_id: CONTACT = None,
        status: Annotated[str | None, strawberry.argument(description="Stripe's status, e.g. needs_response")] = None,
        open: Annotated[bool | None, strawberry.argument(description="Only open (true) or closed (false)")] = None,
        since: Annotated[datetime | None, strawberry.argument(description="Opened at or after")] = None,
        until: Annotated[datetime | None, strawberry.argument(description="Opened before")] = None,
        first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[DisputeType]:
        viewer = info.context.require(READ)
        queryset = Dispute.filter(team_id=viewer.team.id)
        if contact_id is not None:
            queryset = queryset.filter(team_contact_id=id_arg(contact_id, "Contact", "contactId"))
        if status is not None:
            queryset = queryset.filter(status=status.strip().lower())
        if open is not None:
            queryset = queryset.filter(closed_at__isnull=open)
        return await keyset_page(_period(queryset, "opened_at", since, until), DisputeType.from_model, first=first,
                                 after=after, last=last, before=before, sort_field="opened_at", descending=True)


@strawberry.type
class BillingMutation:
    @strawberry.mutation(description=(
        "What an open dispute does to the access its payment granted: KEEP, HOLD (default: no access until it "
        "is won) or REVOKE. A lost dispute always revokes."))
    @mutation_payload
    async def set_dispute_policy(self, info: Info[Context, None],
                                 input: Annotated[SetDisputePolicyInput, INPUT]) -> DisputePolicyPayload:
        viewer = info.context.require("admin")
        settings = await StripeSettings.get_or_none(team_id=viewer.team.id)
        if settings is None:
            raise ValidationFailed.one("policy", "set up Stripe first (setStripeSettings)", "NOT_CONFIGURED")
        before = settings.dispute_policy
        settings.dispute_policy = input.policy
        await settings.save(update_fields=["dispute_policy", "updated_at"])
        await audit.record(viewer.team.id, viewer, "settings.dispute_policy_changed", "StripeSettings", None,
                           {"from": before, "to": input.policy.value})
        return DisputePolicyPayload(settings=StripeSettingsType.from_model(settings))

    @strawberry.mutation(description="Refund a payment in full or in part through Stripe (charge.refunded applies it).")
    @mutation_payload
    async def refund_payment(self, info: Info[Context, None],
                             input: Annotated[RefundPaymentInput, INPUT]) -> BillingRequestPayload:
        viewer = info.context.require(WRITE)
        requested = await billing_actions.refund_payment(
            viewer.team, id_input(input.payment_id, "Payment", "paymentId"), amount=input.amount,
            reason=input.reason.strip() if input.reason else None, idempotency_key=input.idempotency_key)
        return await _audited(info, "payment.refund_requested", "Payment", input.payment_id, requested,
                              amount=requested.amount)

    @strawberry.mutation(description="Cancel at the period's end (default) or now, through Stripe.")
    @mutation_payload
    async def cancel_subscription(self, info: Info[Context, None],
                                  input: Annotated[CancelSubscriptionInput, INPUT]) -> BillingRequestPayload:
        viewer = info.context.require(WRITE)
        requested = await billing_actions.cancel_subscription(
            viewer.team, id_input(input.subscription_id, "BillingSubscription", "subscriptionId"),
            at_period_end=input.at_period_end, idempotency_key=input.idempotency_key)
        return await _audited(info, "subscription.cancel_requested", "BillingSubscription", input.subscription_id,
                              requested, at_period_end=input.at_period_end)

    @strawberry.mutation(description="Pause collection (no invoices, access held) through Stripe.")
    @mutation_payload
    async def pause_subscription(self, info: Info[Context, None],
                                 input: Annotated[SubscriptionActionInput, INPUT]) -> BillingRequestPayload:
        viewer = info.context.require(WRITE)
        requested = await billing_actions.pause_subscription(
            viewer.team, id_input(input.subscription_id, "BillingSubscription", "subscriptionId"),
            idempotency_key=input.idempotency_key)
        return await _audited(info, "subscription.pause_requested", "BillingSubscription", input.subscription_id,
                              requested)

    @strawberry.mutation(description="Resume a paused subscription through Stripe.")
    @mutation_payload
    async def resume_subscription(self, info: Info[Context, None],
                                  input: Annotated[SubscriptionActionInput, INPUT]) -> BillingRequestPayload:
        viewer = info.context.require(WRITE)
        requested = await billing_actions.resume_subscription(
            viewer.team, id_input(input.subscription_id, "BillingSubscription", "subscriptionId"),
            idempotency_key=input.idempotency_key)
        return await _audited(info, "subscription.resume_requested", "BillingSubscription", input.subscription_id,
                              requested)

    @strawberry.mutation(description="Move a subscription to another recurring price, through Stripe.")
    @mutation_payload
    async def change_subscription_plan(self, info: Info[Context, None],
                                       input: Annotated[ChangeSubscriptionPlanInput, INPUT]) -> BillingRequestPayload:
        viewer = info.context.require(WRITE)
        requested = await billing_actions.change_plan(
            viewer.team, id_input(input.subscription_id, "BillingSubscription", "subscriptionId"),
            id_input(input.price_id, "Price", "priceId"), proration=input.proration.strip(),
            idempotency_key=input.idempotency_key)
        return await _audited(info, "subscription.plan_change_requested", "BillingSubscription",
                              input.subscription_id, requested, price_id=input.price_id)


NODE_TYPES = (
    NodeType("Payment", staff(READ), team_rows(Payment, PaymentType.from_model)),
    NodeType("Refund", staff(READ), team_rows(Refund, RefundType.from_model)),
    NodeType("Dispute", staff(READ), team_rows(Dispute, DisputeType.from_model)),
)
