"""GraphQL for orders: the team's orders (read) and the history import `importOrders`."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from app.commerce import order_import
from app.commerce.models import Order, OrderItem, OrderStatus
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.enums import described_enum
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, gid, id_arg
from app.graphql.nodes import NodeType, staff, team_rows

OrderStatusEnum = described_enum(OrderStatus, name="OrderStatus", description="Where an order stands.", values={
    "PENDING": "Placed, not paid yet.",
    "PAID": "Paid in full.",
    "REFUNDED": "Refunded in full.",
    "PARTIALLY_REFUNDED": "Part of the total was refunded (`amountRefunded`).",
    "FAILED": "The payment failed.",
    "CANCELED": "Cancelled before payment.",
})

READ, WRITE = "commerce:read", "commerce:write"


@strawberry.type(name="OrderItem", description="One line of an order.")
class OrderItemType:
    product_id: strawberry.ID | None = strawberry.field(description="Null once the product was deleted.")
    quantity: int = strawberry.field(description="Units of the product.")
    amount: int = strawberry.field(description="The line's total, minor units.")


def _items_loader(team_id: int) -> DataLoader[int, list[OrderItemType]]:
    async def load(order_ids: list[int]) -> list[list[OrderItemType]]:
        by_order: dict[int, list[OrderItemType]] = defaultdict(list)
        for item in await OrderItem.filter(team_id=team_id, order_id__in=order_ids).order_by("id"):
            by_order[item.order_id].append(OrderItemType(
                product_id=gid("Product", item.product_id), quantity=item.quantity, amount=item.amount))
        return [by_order.get(order_id, []) for order_id in order_ids]

    return DataLoader(load_fn=load)


@strawberry.type(name="Order", description="A purchase: from Stripe checkout or invoices, or imported history.")
class OrderType(relay.Node):
    id: relay.NodeID[int]
    external_id: str | None = strawberry.field(description="Imported orders: their id on the old platform.")
    contact_id: strawberry.ID = strawberry.field(description="The buyer (a Contact id).")
    status: OrderStatus = strawberry.field(description="Paid, refunded, ...")
    currency: str = strawberry.field(description="ISO 4217 code, lowercase (`usd`).")
    total_amount: int = strawberry.field(description="Minor units.")
    amount_refunded: int = strawberry.field(description="Minor units.")
    placed_at: datetime = strawberry.field(description="When the buyer placed the order (the orders list sorts by it).")
    created_at: datetime = strawberry.field(description=(
        "When MemberHub recorded it (the import time for imported history)."))
    team_id: strawberry.Private[int]

    @strawberry.field(description="The order's lines, in order.")
    async def items(self, info: Info[Context, None]) -> list[OrderItemType]:
        loader = info.context.loader("order_items", lambda: _items_loader(self.team_id))
        return await loader.load(self.id)

    @classmethod
    def from_model(cls, m: Order) -> OrderType:
        return cls(
            id=m.id, external_id=m.external_id, contact_id=encode_id("Contact", m.team_contact_id),
            status=OrderStatus(m.status), currency=m.currency, total_amount=m.total_amount,
            amount_refunded=m.amount_refunded, placed_at=m.placed_at, created_at=m.created_at, team_id=m.team_id,
        )


@strawberry.input(description="One line of an imported order.")
class ImportOrderItemInput:
    product_external_id: str = strawberry.field(description="The product's `externalId`.")
    quantity: int = strawberry.field(default=1, description="Units (default 1).")
    amount: int = strawberry.field(description="The line's total, minor units.")


@strawberry.input(description="One past order to import.")
class ImportOrderInput:
    external_id: str = strawberry.field(description="The order's id on the old platform: re-imports update it.")
    email: str = strawberry.field(description="The contact's email; an unknown one creates the contact.")
    placed_at: datetime = strawberry.field(description="No offset means the team's time zone.")
    currency: str = strawberry.field(description="ISO 4217 code, e.g. usd.")
    total_amount: int = strawberry.field(description="Minor units.")
    amount_refunded: int = strawberry.field(default=0, description="Minor units; at most the total.")
    items: list[ImportOrderItemInput] = strawberry.field(default_factory=list, description=(
        "The order's lines; products are matched by `externalId`."))


@strawberry.input(description="A batch for `importOrders`.")
class ImportOrdersInput:
    orders: list[ImportOrderInput] = strawberry.field(description=(
        f"Up to {order_import.MAX_IMPORT_BATCH} orders; each is checked on its own."))


@strawberry.type(description="An order of the batch that was not imported, and why.")
class RejectedOrder:
    index: int = strawberry.field(description="Position of the order in the input list, from 0.")
    external_id: str | None = strawberry.field(description="Its `externalId` as given; null if missing.")
    code: str = strawberry.field(description="The first error's code.")
    message: str = strawberry.field(description="Every reason, joined.")
    errors: list[UserError] = strawberry.field(description=(
        "Every reason, with its field (`items.0.productExternalId`) and code."))


@strawberry.type(description="Result of `importOrders`: every order is counted once or rejected.")
class ImportOrdersPayload:
    created_count: int = strawberry.field(default=0, description="Orders new to the team.")
    updated_count: int = strawberry.field(default=0, description=(
        "Orders already imported (same external id) that changed."))
    unchanged_count: int = strawberry.field(default=0, description="Orders already imported exactly like this.")
    contacts_created_count: int = strawberry.field(default=0, description="Contacts created for unknown emails.")
    rejected: list[RejectedOrder] = strawberry.field(default_factory=list, description=(
        "Orders not imported, with reasons."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class OrdersQuery:
    @strawberry.field(description=(
        "The team's orders, newest first; optionally one contact's or by external id. Needs commerce:read."))
    async def orders(
        self, info: Info[Context, None],
        contact_id: Annotated[strawberry.ID | None, strawberry.argument(description=(
            "Only this buyer's (a Contact id)."))] = None,
        external_id: Annotated[str | None, strawberry.argument(description=(
            "Only the imported order with this external id."))] = None,
        first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[OrderType]:
        viewer = info.context.require(READ)
        queryset = Order.filter(team_id=viewer.team.id)
        if contact_id is not None:
            queryset = queryset.filter(team_contact_id=id_arg(contact_id, "Contact", "contactId"))
        if external_id is not None:
            queryset = queryset.filter(external_id=external_id.strip())
        return await keyset_page(queryset, OrderType.from_model, first=first, after=after, last=last, before=before,
                                 sort_field="placed_at", descending=True)


@strawberry.type
class OrdersMutation:
    @strawberry.mutation(description=(
        f"Import past orders (up to {order_import.MAX_IMPORT_BATCH} per call), idempotent by external id: each "
        "order is created, updated or left as it is, or rejected with its reasons; the team's segments catch up. "
        "Needs commerce:write."
    ))
    @mutation_payload
    async def import_orders(
        self, info: Info[Context, None], input: Annotated[ImportOrdersInput, strawberry.argument(description=(
            "The orders."))],
    ) -> ImportOrdersPayload:
        viewer = info.context.require(WRITE)
        result = await order_import.import_orders(viewer.team.id, [{
            "externalId": o.external_id, "email": o.email, "placedAt": o.placed_at, "currency": o.currency,
            "total": o.total_amount, "refunded": o.amount_refunded,
            "items": [(i.product_external_id, i.quantity, i.amount) for i in o.items],
        } for o in input.orders])
        return ImportOrdersPayload(
            created_count=result.created, updated_count=result.updated, unchanged_count=result.unchanged,
            contacts_created_count=result.contacts_created,
            rejected=[RejectedOrder(
                index=index, external_id=external_id, code=errors[0].code,
                message="; ".join(e.message for e in errors),
                errors=[UserError(field=e.field, message=e.message, code=e.code) for e in errors],
            ) for index, external_id, errors in sorted(result.rejections, key=lambda r: r[0])],
        )


NODE_TYPES = (NodeType("Order", staff(READ), team_rows(Order, OrderType.from_model)),)
