"""Billing fields in the segment field catalog, and how commerce tells the segment engine what changed.

Every field reads `contact_billing` (one row per contact, maintained by commerce in the same
transaction as the billing change). Rules such as `mrr > 100 AND plan.interval = 'year'` and
`billingStatus = 'past_due'` compile to lookups on it. Money is minor units in SQL (rules use
major units; the segment compiler converts). `register_billing_fields()` is called once at
startup by `app.wiring` and is idempotent.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from app.commerce.entitlements import Outbox
from app.commerce.segment_subscriptions import register_subscription_records
from app.segments import catalog, stats
from app.segments.pipeline.queue import request_evaluation, wake_evaluator

log = logging.getLogger("memberhub.commerce")

BILLING_STATUSES = ("none", "paid", "refunded", "active", "trialing", "past_due", "paused", "canceled", "incomplete")
INTERVALS = ("day", "week", "month", "year")
TABLE_TRIGGER = "table:contact_billing"
ORDERS_TRIGGER = "orders"  # what order rules wake on (app/segments/catalog.py, triggers.py)

_COLUMNS = (
    "mrr", "ltv", "billing_status", "product_ids", "price_ids", "plan_interval", "plan_interval_count",
    "plan_quantity", "next_billing_at", "will_renew", "is_trial", "is_past_due", "active_coupon_id",
    "discount_percent", "discount_amount", "subscription_started_at", "canceled_at",
)


def _lookup(expression: str, default: str | None = None) -> str:
    inner = f"(SELECT {expression} FROM contact_billing b WHERE b.team_contact_id = c.id)"
    return f"COALESCE({inner}, {default})" if default is not None else inner


def _minor(value: Any) -> int:
    return int((Decimal(value or 0) * 100).to_integral_value())


def _days(start: datetime | None, end: datetime | None) -> int | None:
    return int((end - start).total_seconds() // 86400) if start and end else None


def _billing(state: Any) -> dict[str, Any]:
    return state.extra.get("billing") or {}


def _from_billing(read: Callable[[dict[str, Any]], Any]) -> Callable[[catalog.ContactState], Any]:
    """A catalog value function: `read` applied to the contact's billing dict."""
    return lambda state: read(_billing(state))


def _duration_days(b: dict[str, Any]) -> int | None:
    end = b.get("canceled_at") if b.get("billing_status") == "canceled" and b.get("canceled_at") else datetime.now(UTC)
    return _days(b.get("subscription_started_at"), end)


_DURATION_SQL = ("floor(extract(epoch FROM COALESCE(CASE WHEN b.billing_status = 'canceled' THEN b.canceled_at END,"
                 " now()) - b.subscription_started_at) / 86400)::int")
_SINCE_CANCELED_SQL = ("CASE WHEN b.billing_status = 'canceled' THEN"
                       " floor(extract(epoch FROM now() - b.canceled_at) / 86400)::int END")

# name, type, sql, value(billing dict), description, enum values
FIELDS: list[tuple[str, str, str, Callable[[dict[str, Any]], Any], str, tuple[str, ...]]] = [
    ("mrr", "money", _lookup("round(b.mrr * 100)::bigint", "0"), lambda b: _minor(b.get("mrr")),
     "Monthly recurring revenue of active and past-due subscriptions, after discounts", ()),
    ("ltv", "money", _lookup("round(b.ltv * 100)::bigint", "0"), lambda b: _minor(b.get("ltv")),
     "Lifetime value: everything paid, minus refunds", ()),
    ("billingStatus", "enum", _lookup("b.billing_status", "'none'"), lambda b: b.get("billing_status") or "none",
     "Billing status of the contact's main subscription (paid = one-time buyer, none = never paid)",
     BILLING_STATUSES),
    ("plans", "tags", _lookup("b.price_ids", "'{}'::text[]"), lambda b: list(b.get("price_ids") or []),
     "Ids of the prices (plans) the contact has subscribed to", ()),
    ("billingProducts", "tags", _lookup("b.product_ids", "'{}'::text[]"), lambda b: list(b.get("product_ids") or []),
     "Ids of products bought or subscribed to", ()),
    ("plan.interval", "enum", _lookup("b.plan_interval"), lambda b: b.get("plan_interval"),
     "Billing interval of the current plan", INTERVALS),
    ("plan.intervalCount", "number", _lookup("b.plan_interval_count"), lambda b: b.get("plan_interval_count"),
     "Intervals between bills (2 with month = every two months)", ()),
    ("plan.quantity", "number", _lookup("b.plan_quantity"), lambda b: b.get("plan_quantity"),
     "Quantity (seats) of the current plan", ()),
    ("nextBillingAt", "date", _lookup("b.next_billing_at"), lambda b: b.get("next_billing_at"),
     "Next billing date (not set when the plan will not renew)", ()),
    ("willRenew", "boolean", _lookup("b.will_renew", "false"), lambda b: bool(b.get("will_renew")),
     "The current subscription renews at period end", ()),
    ("isTrial", "boolean", _lookup("b.is_trial", "false"), lambda b: bool(b.get("is_trial")),
     "The current subscription is in a free trial", ()),
    ("isPastDue", "boolean", _lookup("b.is_past_due", "false"), lambda b: bool(b.get("is_past_due")),
     "The current subscription is past due or unpaid", ()),
    ("activeCouponId", "string", _lookup("b.active_coupon_id"), lambda b: b.get("active_coupon_id"),
     "Stripe coupon applied to the current subscription", ()),
    ("discountPercent", "number", _lookup("b.discount_percent"),
     lambda b: b.get("discount_percent"), "Percent discount on the current subscription", ()),
    ("discountAmount", "money", _lookup("round(b.discount_amount * 100)::bigint"),
     lambda b: _minor(b["discount_amount"]) if b.get("discount_amount") is not None else None,
     "Fixed discount on the current subscription", ()),
    ("subscriptionStartedAt", "date", _lookup("b.subscription_started_at"),
     lambda b: b.get("subscription_started_at"), "When the current subscription started", ()),
    ("canceledAt", "date", _lookup("b.canceled_at"), lambda b: b.get("canceled_at"),
     "When the subscription was canceled", ()),
    ("subscriptionDurationDays", "number", _lookup(_DURATION_SQL), _duration_days,
     "Days from subscription start to now (or to cancellation)", ()),
    ("daysSinceCanceled", "number", _lookup(_SINCE_CANCELED_SQL),
     lambda b: _days(b.get("canceled_at"), datetime.now(UTC)) if b.get("billing_status") == "canceled" else None,
     "Days since the subscription was canceled", ()),
]
FIELD_NAMES = tuple(f[0] for f in FIELDS)
_registered = False


async def load_billing_state(conn: Any, team_id: int, contact_ids: list[int]) -> dict[int, dict[str, Any]]:
    """State loader for the reference evaluator: state.extra["billing"] per contact."""
    sql = (f"SELECT team_contact_id, {', '.join(_COLUMNS)} FROM contact_billing "
           "WHERE team_id = $1 AND team_contact_id = ANY($2::bigint[])")
    if hasattr(conn, "fetch"):
        rows = [dict(r) for r in await conn.fetch(sql, team_id, list(contact_ids))]
    else:
        rows = await conn.execute_query_dict(sql, [team_id, list(contact_ids)])
    return {int(r["team_contact_id"]): {"billing": r} for r in rows}


def register_billing_fields() -> None:
    """Add the billing fields to the segment catalog (called once by app.wiring)."""
    global _registered
    if _registered:
        return
    for name, type_, sql, value, description, enum_values in FIELDS:
        if catalog.static_field(name) is not None:
            continue
        catalog.register_field(
            name, type_, sql=sql, value=_from_billing(value), description=description,
            triggers=(TABLE_TRIGGER, f"field:{name}"), enum_values=enum_values, group="billing",
        )
    catalog.register_state_loader(load_billing_state)
    register_subscription_records()
    _registered = True


async def notify_segment_engine(conn: Any, outbox: Outbox) -> None:
    """Inside the billing transaction: update the engine's computed properties, queue re-evaluation.

    `conn` is the transaction's asyncpg connection. Contacts whose orders changed (a purchase, a
    refund) wake the order rules too (`orders`: orderCount, totalSpent, `count of orders`...).
    """
    if not outbox.contact_ids:
        return
    if outbox.events:
        await stats.apply_events(conn, outbox.team_id, outbox.events)
    if outbox.order_contact_ids:
        await stats.apply_orders(conn, outbox.team_id, sorted(outbox.order_contact_ids))
    contact_ids = sorted(outbox.contact_ids | outbox.order_contact_ids)
    types_by_contact: dict[int, set[str]] = {c: set() for c in contact_ids}
    for contact_id, type_, _ in outbox.events:
        types_by_contact.setdefault(contact_id, set()).add(type_)
    await request_evaluation(
        conn, outbox.team_id, contact_ids, event_types=[sorted(types_by_contact[c]) for c in contact_ids],
        fields=[*FIELD_NAMES, TABLE_TRIGGER], cause="billing",
    )
    if outbox.order_contact_ids:
        await request_evaluation(conn, outbox.team_id, sorted(outbox.order_contact_ids), fields=[ORDERS_TRIGGER],
                                 cause="billing")


async def wake_segment_engine(team_id: int) -> None:
    """After commit: wake the evaluator (the engine's sweep catches up if this fails)."""
    await wake_evaluator(team_id)
