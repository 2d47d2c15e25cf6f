"""Per-subscription conditions: `any subscription has status = 'active', interval = 'month'`.

The billing fields (`segment_fields.py`) describe a contact's main subscription; a contact with
several subscriptions is described record by record here, as the segment catalog's `subscription`
collection: one subscription must meet every condition. Registered with the billing fields by
`register_billing_fields()` (app.wiring). Subscription rows change in the billing transactions that
already queue `table:contact_billing`, so that is this collection's trigger too.

Add-ons are not recorded on subscriptions or orders (ProductAddOn only says which prices may be
bought with a product), and commerce records no retention save, so neither is offered here.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from typing import Any

from app.commerce.models import PaymentStatus, PriceInterval, SubscriptionStatus
from app.segments import catalog

TABLE_TRIGGER = "table:contact_billing"
_KEPT_PAYMENTS = (PaymentStatus.SUCCEEDED.value, PaymentStatus.PARTIALLY_REFUNDED.value)
_RENEWING = (SubscriptionStatus.ACTIVE.value, SubscriptionStatus.TRIALING.value, SubscriptionStatus.PAST_DUE.value)
_LTV_SQL = ("(SELECT COALESCE(sum(p.amount - p.amount_refunded), 0) FROM payments p WHERE p.subscription_id = r.id"
            " AND p.status IN ('succeeded', 'partially_refunded'))")


def _renews(record: dict[str, Any]) -> bool:
    return record.get("status") in _RENEWING and not record.get("cancel_at_period_end")


def _days_until(record: dict[str, Any], now: datetime) -> int | None:
    end = record.get("current_period_end")
    if end is None or not _renews(record):
        return None
    return math.floor((end - now).total_seconds() / 86400)


def _days_until_sql(b: Any, _suffix: str | None) -> str:
    return (f"(CASE WHEN r.status IN ('active', 'trialing', 'past_due') AND NOT r.cancel_at_period_end THEN"
            f" floor(extract(epoch FROM r.current_period_end - {b.param(b.now, 'timestamptz')}) / 86400)::int END)")


# name, type, sql over `r` (a subscriptions row), value of the record dict, description, enum values
Attribute = tuple[str, str, Any, Callable[[dict[str, Any], datetime], Any], str, tuple[str, ...]]
ATTRIBUTES: list[Attribute] = [
    ("status", "enum", "r.status", lambda r, _n: r.get("status"), "Stripe status of the subscription",
     tuple(s.value for s in SubscriptionStatus)),
    ("interval", "enum", "r.interval", lambda r, _n: r.get("interval"), "Billing interval",
     tuple(i.value for i in PriceInterval)),
    ("intervalCount", "number", "r.interval_count", lambda r, _n: r.get("interval_count"),
     "Intervals between bills", ()),
    ("quantity", "number", "r.quantity", lambda r, _n: r.get("quantity"), "Quantity (seats)", ()),
    ("mrr", "money", "r.mrr_amount", lambda r, _n: r.get("mrr_amount"),
     "Monthly recurring revenue of this subscription, after discounts", ()),
    ("ltv", "money", _LTV_SQL, lambda r, _n: r.get("ltv", 0), "Paid for this subscription, minus refunds", ()),
    ("isTrial", "boolean", "(r.status = 'trialing')", lambda r, _n: r.get("status") == "trialing",
     "In a free trial", ()),
    ("trialEndsAt", "date", "r.trial_end", lambda r, _n: r.get("trial_end"), "When the trial ends", ()),
    ("willRenew", "boolean", "(r.status IN ('active', 'trialing', 'past_due') AND NOT r.cancel_at_period_end)",
     lambda r, _n: _renews(r), "Renews at period end", ()),
    ("renewsAt", "date", "(CASE WHEN r.status IN ('active', 'trialing', 'past_due') AND NOT r.cancel_at_period_end"
     " THEN r.current_period_end END)", lambda r, _n: r.get("current_period_end") if _renews(r) else None,
     "Next renewal (not set when it will not renew)", ()),
    ("daysUntilRenewal", "number", _days_until_sql, _days_until,
     "Whole days until the next renewal (not set when it will not renew)", ()),
    ("productId", "string", "r.product_id::text", lambda r, _n: _text(r.get("product_id")), "Product id", ()),
    ("productName", "string", "(SELECT pr.name FROM products pr WHERE pr.id = r.product_id)",
     lambda r, _n: r.get("product_name"), "Product name", ()),
    ("planId", "string", "r.price_id::text", lambda r, _n: _text(r.get("price_id")), "Price (plan) id", ()),
    ("planName", "string", "(SELECT NULLIF(pc.nickname, '') FROM prices pc WHERE pc.id = r.price_id)",
     lambda r, _n: r.get("plan_name") or None, "Plan name (the price's nickname)", ()),
    ("couponId", "string", "r.coupon_id", lambda r, _n: r.get("coupon_id"), "Coupon applied", ()),
    ("startedAt", "date", "r.started_at", lambda r, _n: r.get("started_at"), "When it started", ()),
    ("canceledAt", "date", "r.canceled_at", lambda r, _n: r.get("canceled_at"), "When it was canceled", ()),
]


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _value(read: Callable[[dict[str, Any], datetime], Any]) -> Callable[[catalog.ContactState], Any]:
    """The record is the state's `contact`; the evaluator puts its `now` in `extra`."""
    return lambda state: read(state.contact, state.extra["now"])


def _rows_sql(_builder: Any) -> str:
    return "FROM subscriptions r WHERE r.team_contact_id = c.id AND r.team_id = $1::bigint"


async def load_subscription_state(conn: Any, team_id: int, contact_ids: list[int]) -> dict[int, dict[str, Any]]:
    """State loader for the reference evaluator: state.extra["subscriptions"] per contact."""
    sql = ("SELECT r.team_contact_id, r.status, r.interval, r.interval_count, r.quantity, r.mrr_amount, r.trial_end,"
           " r.cancel_at_period_end, r.current_period_end, r.product_id, r.price_id, r.coupon_id, r.started_at,"
           " r.canceled_at, pr.name AS product_name, pc.nickname AS plan_name,"
           " (SELECT COALESCE(sum(p.amount - p.amount_refunded), 0) FROM payments p WHERE p.subscription_id = r.id"
           "   AND p.status = ANY($3::text[])) AS ltv"
           " FROM subscriptions r LEFT JOIN products pr ON pr.id = r.product_id"
           " LEFT JOIN prices pc ON pc.id = r.price_id"
           " WHERE r.team_id = $1 AND r.team_contact_id = ANY($2::bigint[]) ORDER BY r.id")
    rows = [dict(r) for r in await conn.fetch(sql, team_id, list(contact_ids), list(_KEPT_PAYMENTS))]
    out: dict[int, dict[str, Any]] = {}
    for row in rows:
        out.setdefault(int(row.pop("team_contact_id")), {"subscriptions": []})["subscriptions"].append(row)
    return out


def subscription_collection() -> catalog.Collection:
    attributes = {
        name: catalog.FieldSpec(f"subscription.{name}", kind, sql, _value(read), description, (TABLE_TRIGGER,),
                                enum_values, "billing")
        for name, kind, sql, read, description, enum_values in ATTRIBUTES
    }
    return catalog.Collection(
        "subscription", _rows_sql, attributes, lambda state: list(state.extra.get("subscriptions") or []),
        triggers=(TABLE_TRIGGER,), day_counts={"daysUntilRenewal": "r.current_period_end"}, table="subscriptions",
    )


def register_subscription_records() -> None:
    if catalog.collection("subscription") is None:
        catalog.register_collection(subscription_collection())
        catalog.register_state_loader(load_subscription_state)
