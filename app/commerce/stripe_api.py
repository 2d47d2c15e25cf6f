"""The one way commerce talks to Stripe: a per-team StripeClient, and tolerant readers of its objects.

`MEMBERHUB_STRIPE_API_BASE` points the client at another base address (a local fake in tests).
Readers accept both the current API shapes (period on subscription items, invoice.parent) and
older ones (period on the subscription, invoice.subscription), so a pinned account version works.
"""

from __future__ import annotations

import asyncio
import os
import weakref
from datetime import UTC, datetime
from typing import Any

import stripe

from app.commerce.models import StripeSettings
from app.core.crypto import decrypt_secret

API_BASE_ENV = "MEMBERHUB_STRIPE_API_BASE"


# One HTTP connection pool per event loop (httpx pools are bound to the loop that opened them).
_http_clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, stripe.HTTPXClient] = weakref.WeakKeyDictionary()


def _http_client() -> stripe.HTTPXClient:
    loop = asyncio.get_running_loop()
    client = _http_clients.get(loop)
    if client is None:
        client = _http_clients[loop] = stripe.HTTPXClient(timeout=20)
    return client


def stripe_client(secret_key: str) -> stripe.StripeClient:
    base = os.environ.get(API_BASE_ENV)
    return stripe.StripeClient(
        secret_key,
        http_client=_http_client(),
        base_addresses={"api": base} if base else None,
        max_network_retries=2,
    )


async def team_stripe(team_id: int) -> tuple[stripe.StripeClient, str] | None:
    """The team's client and webhook secret, or None when Stripe is not set up."""
    settings = await StripeSettings.get_or_none(team_id=team_id)
    if settings is None:
        return None
    return (
        stripe_client(decrypt_secret(settings.secret_key_encrypted)),
        decrypt_secret(settings.webhook_secret_encrypted),
    )


def plain(obj: Any) -> Any:
    """A StripeObject (or anything nested in one) as plain dicts and lists."""
    if isinstance(obj, stripe.StripeObject):
        return obj.to_dict()
    return obj


def get(obj: Any, *path: str) -> Any:
    """obj[path[0]][path[1]]…, None where anything on the way is missing."""
    for key in path:
        if obj is None:
            return None
        if isinstance(obj, dict):
            obj = obj.get(key)
        else:
            try:
                obj = obj[key]
            except (KeyError, TypeError, IndexError):
                return None
    return obj


def ref(value: Any) -> str | None:
    """An expandable field as its id: "cus_1" or {"id": "cus_1", ...}."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return get(value, "id")


def timestamp(value: Any) -> datetime | None:
    return datetime.fromtimestamp(int(value), UTC) if value else None


def first_item(subscription: dict[str, Any]) -> dict[str, Any]:
    items = get(subscription, "items", "data") or []
    return items[0] if items else {}


def subscription_period(subscription: dict[str, Any]) -> tuple[datetime | None, datetime | None]:
    item = first_item(subscription)
    start = subscription.get("current_period_start") or item.get("current_period_start")
    end = subscription.get("current_period_end") or item.get("current_period_end")
    return timestamp(start), timestamp(end)


def invoice_subscription_id(invoice: dict[str, Any]) -> str | None:
    return ref(invoice.get("subscription")) or ref(get(invoice, "parent", "subscription_details", "subscription"))


def invoice_payment_intent_id(invoice: dict[str, Any]) -> str | None:
    direct = ref(invoice.get("payment_intent"))
    if direct:
        return direct
    for payment in get(invoice, "payments", "data") or []:
        intent = ref(get(payment, "payment", "payment_intent"))
        if intent:
            return intent
    return None


def invoice_metadata(invoice: dict[str, Any]) -> dict[str, Any]:
    return (
        get(invoice, "parent", "subscription_details", "metadata")
        or get(invoice, "subscription_details", "metadata")
        or {}
    )
