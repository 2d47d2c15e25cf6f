"""Catalog (products, prices, add-ons, coupons, deliverables), Stripe settings and checkout.

Services take the team explicitly, validate everything before writing, and raise
ValidationFailed / NotFound (another team's ids look exactly like unknown ones).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlparse

import stripe
from tortoise import connections
from tortoise.transactions import in_transaction

from app.commerce import stripe_api
from app.commerce.models import (
    CheckoutSession,
    Coupon,
    CouponDuration,
    CouponKind,
    Deliverable,
    DeliverableKind,
    PastDuePolicy,
    Price,
    PriceInterval,
    PriceType,
    Product,
    ProductAddOn,
    StripeCustomer,
    StripeSettings,
)
from app.contacts.models import TeamContact
from app.core.crypto import encrypt_secret
from app.core.errors import FieldError, NotFound, ValidationFailed
from app.hubs.models import Hub, HubRole
from app.teams.models import Team

if TYPE_CHECKING:
    from stripe.params import CouponCreateParams
    from stripe.params.checkout import SessionCreateParams

MAX_AMOUNT = 99_999_999
MAX_TRIAL_DAYS = 730
MAX_INTERVAL_COUNT = {PriceInterval.DAY: 365, PriceInterval.WEEK: 52, PriceInterval.MONTH: 12, PriceInterval.YEAR: 3}
MAX_GRACE_DAYS = 90
IDEMPOTENCY_WINDOW_SECONDS = 600


async def get_product(team: Team, product_id: int | None, field: str = "productId") -> Product:
    product = await Product.get_or_none(id=product_id, team_id=team.id) if product_id else None
    if product is None:
        raise NotFound(field, "product")
    return product


async def get_price(team: Team, price_id: int | None, field: str = "priceId") -> Price:
    price = await Price.get_or_none(id=price_id, team_id=team.id) if price_id else None
    if price is None:
        raise NotFound(field, "price")
    return price


def _policy_errors(policy: str | None, grace_days: int | None) -> list[FieldError]:
    errors = []
    if policy is not None and policy not in {p.value for p in PastDuePolicy}:
        errors.append(FieldError("pastDuePolicy", f"unknown policy '{policy}'", "INVALID_POLICY"))
    if grace_days is not None and not 0 <= grace_days <= MAX_GRACE_DAYS:
        errors.append(FieldError("graceDays", f"grace days must be between 0 and {MAX_GRACE_DAYS}",
                                 "OUT_OF_RANGE"))
    return errors


MAX_EXTERNAL_ID = 200


async def _external_id(team: Team, value: str | None, errors: list[FieldError],
                       product_id: int | None = None) -> str | None:
    """A product's id on the platform it came from (order imports name items by it): unique in the
    team, no `;` (it separates items in a CSV cell) and no control characters; "" clears it."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return ""
    if len(value) > MAX_EXTERNAL_ID or ";" in value or not value.isprintable():
        errors.append(FieldError("externalId", f"external id must be 1-{MAX_EXTERNAL_ID} printable characters"
                                 " without ';'", "INVALID_EXTERNAL_ID"))
        return None
    if await Product.filter(team_id=team.id, external_id=value).exclude(id=product_id or 0).exists():
        errors.append(FieldError("externalId", f"another product has external id '{value}'", "DUPLICATE_EXTERNAL_ID"))
        return None
    return value


async def create_product(team: Team, *, name: str, description: str = "", hub_id: int | None = None,
                         hub_given: bool = False, past_due_policy: str | None = None,
                         grace_days: int | None = None, external_id: str | None = None) -> Product:
    errors: list[FieldError] = []
    name = name.strip()
    if not name or len(name) > 200:
        errors.append(FieldError("name", "name is required (at most 200 characters)", "REQUIRED"))
    errors.extend(_policy_errors(past_due_policy, grace_days))
    external = await _external_id(team, external_id, errors)
    hub = None
    if hub_given:
        hub = await Hub.get_or_none(id=hub_id, team_id=team.id) if hub_id else None
        if hub is None:
            errors.append(FieldError("hubId", "hub not found", "NOT_FOUND"))
    if errors:
        raise ValidationFailed(errors)
    return await Product.create(
        team=team, name=name, description=description.strip(), hub=hub, external_id=external or None,
        past_due_policy=past_due_policy or PastDuePolicy.GRACE, grace_days=7 if grace_days is None else grace_days,
    )


async def update_product(team: Team, product_id: int | None, *, name: str | None = None,
                         description: str | None = None, active: bool | None = None,
                         past_due_policy: str | None = None, grace_days: int | None = None,
                         external_id: str | None = None) -> Product:
    product = await get_product(team, product_id, "id")
    errors = _policy_errors(past_due_policy, grace_days)
    if name is not None and (not name.strip() or len(name.strip()) > 200):
        errors.append(FieldError("name", "name is required (at most 200 characters)", "REQUIRED"))
    external = await _external_id(team, external_id, errors, product.id)
    if errors:
        raise ValidationFailed(errors)
    if external is not None:
        product.external_id = external or None
    if name is not None:
        product.name = name.strip()
    if description is not None:
        product.description = description.strip()
    if active is not None:
        product.active = active
    if past_due_policy is not None:
        product.past_due_policy = PastDuePolicy(past_due_policy)
    if grace_days is not None:
        product.grace_days = grace_days
    await product.save()
    return product


async def create_price(team: Team, product_id: int | None, *, type_: str, amount: int, currency: str = "usd",
                       interval: str | None = None, interval_count: int = 1, trial_days: int = 0,
                       nickname: str = "", stripe_price_id: str | None = None) -> Price:
    product = await get_product(team, product_id)
    errors: list[FieldError] = []
    if type_ not in {t.value for t in PriceType}:
        errors.append(FieldError("type", f"unknown price type '{type_}'", "INVALID_TYPE"))
    if not 0 <= amount <= MAX_AMOUNT:
        errors.append(FieldError("amount", "amount must be between 0 and 99999999 minor units", "OUT_OF_RANGE"))
    currency = currency.strip().lower()
    if len(currency) != 3 or not currency.isalpha():
        errors.append(FieldError("currency", "currency must be a 3-letter ISO code", "INVALID_CURRENCY"))
    if type_ == PriceType.RECURRING:
        if interval not in {i.value for i in PriceInterval}:
            errors.append(FieldError("interval", "recurring prices need an interval (day/week/month/year)",
                                     "INVALID_INTERVAL"))
        elif not 1 <= interval_count <= MAX_INTERVAL_COUNT[PriceInterval(interval)]:
            errors.append(FieldError("intervalCount", "interval count is out of range", "OUT_OF_RANGE"))
        if not 0 <= trial_days <= MAX_TRIAL_DAYS:
            errors.append(FieldError("trialDays", f"trial days must be between 0 and {MAX_TRIAL_DAYS}",
                                     "OUT_OF_RANGE"))
    elif type_ == PriceType.ONE_TIME and (interval is not None or trial_days):
        errors.append(FieldError("interval", "one-time prices have no interval or trial", "INVALID_INTERVAL"))
    if errors:
        raise ValidationFailed(errors)
    recurring = type_ == PriceType.RECURRING
    return await Price.create(
        team=team, product=product, type=type_, amount=amount, currency=currency,
        interval=interval if recurring else None, interval_count=interval_count if recurring else 1,
        trial_days=trial_days if recurring else 0, nickname=nickname.strip()[:200],
        stripe_price_id=(stripe_price_id or "").strip() or None,
    )


async def set_price_active(team: Team, price_id: int | None, active: bool) -> Price:
    price = await get_price(team, price_id, "id")
    price.active = active
    await price.save(update_fields=["active"])
    return price


async def add_product_addon(team: Team, product_id: int | None, price_id: int | None) -> ProductAddOn:
    product = await get_product(team, product_id)
    price = await get_price(team, price_id)
    if price.product_id == product.id:
        raise ValidationFailed.one("priceId", "a product cannot be its own add-on", "INVALID_ADDON")
    if price.type != PriceType.ONE_TIME:
        raise ValidationFailed.one("priceId", "add-ons must be one-time prices", "INVALID_ADDON")
    existing = await ProductAddOn.get_or_none(product_id=product.id, price_id=price.id)
    return existing or await ProductAddOn.create(team=team, product=product, price=price)


async def remove_product_addon(team: Team, addon_id: int | None) -> None:
    deleted = await ProductAddOn.filter(id=addon_id, team_id=team.id).delete() if addon_id else 0
    if not deleted:
        raise NotFound("id", "add-on")


async def create_coupon(team: Team, *, code: str, kind: str, percent_off: Decimal | None = None,
                        amount_off: int | None = None, currency: str | None = None, duration: str = "once",
                        duration_in_months: int | None = None) -> Coupon:
    errors: list[FieldError] = []
    code = code.strip().upper()
    if not code or len(code) > 64 or not code.replace("-", "").replace("_", "").isalnum():
        errors.append(FieldError("code", "code must be 1-64 letters, digits, - or _", "INVALID_CODE"))
    elif await Coupon.exists(team_id=team.id, code=code):
        errors.append(FieldError("code", f"coupon '{code}' already exists", "DUPLICATE_CODE"))
    if kind == CouponKind.PERCENT:
        if percent_off is None or not Decimal(0) < percent_off <= Decimal(100):
            errors.append(FieldError("percentOff", "percent off must be in (0, 100]", "OUT_OF_RANGE"))
        amount_off, currency = None, None
    elif kind == CouponKind.FIXED:
        if amount_off is None or not 0 < amount_off <= MAX_AMOUNT:
            errors.append(FieldError("amountOff", "amount off must be positive minor units", "OUT_OF_RANGE"))
        if not currency or len(currency.strip()) != 3:
            errors.append(FieldError("currency", "fixed coupons need a currency", "INVALID_CURRENCY"))
        percent_off = None
    else:
        errors.append(FieldError("kind", f"unknown coupon kind '{kind}'", "INVALID_KIND"))
    if duration not in {d.value for d in CouponDuration}:
        errors.append(FieldError("duration", f"unknown duration '{duration}'", "INVALID_DURATION"))
    elif duration == CouponDuration.REPEATING and not (duration_in_months and 0 < duration_in_months <= 36):
        errors.append(FieldError("durationInMonths", "repeating coupons need 1-36 months", "OUT_OF_RANGE"))
    if errors:
        raise ValidationFailed(errors)
    return await Coupon.create(
        team=team, code=code, kind=kind, percent_off=percent_off, amount_off=amount_off,
        currency=currency.strip().lower() if currency else None, duration=duration,
        duration_in_months=duration_in_months if duration == CouponDuration.REPEATING else None,
    )


async def set_coupon_active(team: Team, coupon_id: int | None, active: bool) -> Coupon:
    coupon = await Coupon.get_or_none(id=coupon_id, team_id=team.id) if coupon_id else None
    if coupon is None:
        raise NotFound("id", "coupon")
    coupon.active = active
    await coupon.save(update_fields=["active"])
    return coupon


# Content sits above commerce: app/wiring.py binds the lookup of a team's content node ids, so a
# deliverable naming another team's (or no) node is refused like an unknown id.
ContentNodeLookup = Callable[[int, list[int]], Awaitable[set[int]]]
_content_node_lookup: list[ContentNodeLookup] = []


def find_content_nodes_with(lookup: ContentNodeLookup) -> None:
    _content_node_lookup[:] = [lookup]


async def _team_content_nodes(team_id: int, node_ids: list[int]) -> set[int]:
    if not _content_node_lookup:
        raise RuntimeError("no content node lookup: call app.wiring.wire() at startup")
    return await _content_node_lookup[0](team_id, node_ids)


async def add_deliverable(team: Team, product_id: int | None, *, kind: str, hub_id: int | None = None,
                          hub_role: str | None = None, content_node_ids: list[int] | None = None,
                          tag: str | None = None) -> Deliverable:
    product = await get_product(team, product_id)
    values: dict[str, Any] = {}
    if kind == DeliverableKind.HUB_MEMBERSHIP:
        hub = await Hub.get_or_none(id=hub_id, team_id=team.id) if hub_id else None
        if hub is None:
            raise NotFound("hubId", "hub")
        role = hub_role or HubRole.MEMBER.value
        if role not in {r.value for r in HubRole}:
            raise ValidationFailed.one("hubRole", f"unknown role '{role}'", "INVALID_ROLE")
        values = {"hub": hub, "hub_role": role}
    elif kind == DeliverableKind.CONTENT_ACCESS:
        ids = sorted(set(content_node_ids or []))
        if not ids or len(ids) > 500 or any(i <= 0 for i in ids):
            raise ValidationFailed.one("contentNodeIds", "give 1-500 content node ids", "INVALID_CONTENT_NODES")
        missing = set(ids) - await _team_content_nodes(team.id, ids)
        if missing:
            raise ValidationFailed.one("contentNodeIds", f"{len(missing)} content node(s) not found", "NOT_FOUND")
        values = {"content_node_ids": ids}
    elif kind == DeliverableKind.TAG:
        clean = (tag or "").strip()
        if not clean or len(clean) > 100:
            raise ValidationFailed.one("tag", "tag is required (at most 100 characters)", "REQUIRED")
        values = {"tag": clean}
    else:
        raise ValidationFailed.one("kind", f"unknown deliverable kind '{kind}'", "INVALID_KIND")
    return await Deliverable.create(team=team, product=product, kind=kind, **values)


async def remove_deliverable(team: Team, deliverable_id: int | None) -> None:
    deleted = await Deliverable.filter(id=deliverable_id, team_id=team.id).delete() if deliverable_id else 0
    if not deleted:
        raise NotFound("id", "deliverable")


async def set_stripe_settings(team: Team, secret_key: str, webhook_secret: str) -> StripeSettings:
    errors = []
    secret_key, webhook_secret = secret_key.strip(), webhook_secret.strip()
    if not secret_key.startswith(("sk_", "rk_")):
        errors.append(FieldError("secretKey", "expected a Stripe secret key (sk_… or rk_…)", "INVALID_KEY"))
    if not webhook_secret.startswith("whsec_"):
        errors.append(FieldError("webhookSecret", "expected a webhook signing secret (whsec_…)", "INVALID_KEY"))
    if errors:
        raise ValidationFailed(errors)
    values: dict[str, Any] = {
        "secret_key_encrypted": encrypt_secret(secret_key),
        "webhook_secret_encrypted": encrypt_secret(webhook_secret),
        "key_hint": f"{secret_key[:8]}…{secret_key[-4:]}",
    }
    async with in_transaction():
        settings = await StripeSettings.select_for_update().get_or_none(team_id=team.id)
        if settings is None:
            return await StripeSettings.create(team=team, **values)
        settings.update_from_dict(values)
        await settings.save()
    return settings


# --- checkout ------------------------------------------------------------------------------------


@dataclass
class CheckoutRequest:
    price_id: int | None
    contact_id: int | None
    success_url: str
    cancel_url: str
    quantity: int = 1
    addon_price_ids: tuple[int | None, ...] = ()
    coupon_code: str | None = None
    client_reference: str | None = None


def _valid_url(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc) and len(url) <= 2000


def _price_line(price: Price, product: Product, quantity: int) -> dict[str, Any]:
    if price.stripe_price_id:
        return {"price": price.stripe_price_id, "quantity": quantity}
    data: dict[str, Any] = {
        "currency": price.currency, "unit_amount": price.amount,
        "product_data": {"name": product.name, "metadata": {"memberhub_product_id": str(product.id)}},
    }
    if price.type == PriceType.RECURRING:
        data["recurring"] = {"interval": price.interval, "interval_count": price.interval_count}
    return {"price_data": data, "quantity": quantity}


async def _stripe_coupon_id(client: stripe.StripeClient, coupon: Coupon) -> str:
    """Coupons are created in Stripe on first use (same idempotency key if two checkouts race)."""
    if coupon.stripe_coupon_id:
        return coupon.stripe_coupon_id
    params: dict[str, Any] = {"duration": coupon.duration, "name": coupon.code,
                              "metadata": {"memberhub_coupon_id": str(coupon.id)}}
    if coupon.kind == CouponKind.PERCENT:
        params["percent_off"] = float(coupon.percent_off or 0)
    else:
        params["amount_off"] = coupon.amount_off
        params["currency"] = coupon.currency
    if coupon.duration == CouponDuration.REPEATING:
        params["duration_in_months"] = coupon.duration_in_months
    created = await client.v1.coupons.create_async(
        cast("CouponCreateParams", params), {"idempotency_key": f"memberhub-coupon-{coupon.team_id}-{coupon.id}"}
    )
    await Coupon.filter(id=coupon.id).update(stripe_coupon_id=created.id)
    return created.id


def checkout_idempotency_key(team_id: int, params: dict[str, Any], client_reference: str | None,
                             now: float | None = None) -> str:
    """Same request (a double click, a retried call) → same session; a new window → a new one."""
    window = client_reference or str(int((now or time.time()) // IDEMPOTENCY_WINDOW_SECONDS))
    digest = hashlib.sha256(json.dumps([team_id, params, window], sort_keys=True).encode()).hexdigest()
    return f"memberhub-checkout-{team_id}-{digest[:40]}"


async def create_checkout(team: Team, request: CheckoutRequest) -> CheckoutSession:
    errors: list[FieldError] = []
    price = await get_price(team, request.price_id)
    contact = await TeamContact.get_or_none(id=request.contact_id, team_id=team.id) if request.contact_id else None
    if contact is None:
        raise NotFound("contactId", "contact")
    if not price.active:
        errors.append(FieldError("priceId", "this price is archived", "INACTIVE"))
    product = await Product.get(id=price.product_id)
    if not product.active:
        errors.append(FieldError("priceId", "this product is archived", "INACTIVE"))
    for field, url in (("successUrl", request.success_url), ("cancelUrl", request.cancel_url)):
        if not _valid_url(url):
            errors.append(FieldError(field, "must be an absolute http(s) URL", "INVALID_URL"))
    if not 1 <= request.quantity <= 100:
        errors.append(FieldError("quantity", "quantity must be between 1 and 100", "OUT_OF_RANGE"))
    addons: list[Price] = []
    for addon_id in request.addon_price_ids:
        addon = await Price.get_or_none(id=addon_id, team_id=team.id) if addon_id else None
        if addon is None or not await ProductAddOn.exists(product_id=product.id, price_id=addon.id):
            errors.append(FieldError("addOnPriceIds", "add-on not found for this product", "NOT_FOUND"))
            break
        addons.append(addon)
    coupon = None
    if request.coupon_code:
        coupon = await Coupon.get_or_none(team_id=team.id, code=request.coupon_code.strip().upper(), active=True)
        if coupon is None:
            errors.append(FieldError("couponCode", "coupon not found", "NOT_FOUND"))
    credentials = await stripe_api.team_stripe(team.id)
    if credentials is None:
        errors.append(FieldError(None, "Stripe is not configured for this team", "STRIPE_NOT_CONFIGURED"))
    if errors:
        raise ValidationFailed(errors)
    assert credentials is not None
    client = credentials[0]
    recurring = price.type == PriceType.RECURRING
    metadata = {
        "team_id": str(team.id), "team_contact_id": str(contact.id), "price_id": str(price.id),
        "product_id": str(product.id), "quantity": str(request.quantity),
        "addon_price_ids": ",".join(str(a.id) for a in addons),
    }
    params: dict[str, Any] = {
        "mode": "subscription" if recurring else "payment",
        "line_items": [_price_line(price, product, request.quantity)]
        + [_price_line(a, await Product.get(id=a.product_id), 1) for a in addons],
        "success_url": request.success_url, "cancel_url": request.cancel_url,
        "client_reference_id": str(contact.id), "metadata": metadata,
    }
    link = await StripeCustomer.filter(team_id=team.id, team_contact_id=contact.id).order_by("-id").first()
    if link is not None:
        params["customer"] = link.stripe_customer_id
    else:
        params["customer_email"] = contact.email
        if not recurring:
            params["customer_creation"] = "always"
    if recurring:
        params["subscription_data"] = {"metadata": metadata}
        if price.trial_days:
            params["subscription_data"]["trial_period_days"] = price.trial_days
    else:
        params["payment_intent_data"] = {"metadata": metadata}
    if coupon is not None:
        params["discounts"] = [{"coupon": await _stripe_coupon_id(client, coupon)}]
    key = checkout_idempotency_key(team.id, params, request.client_reference)
    try:
        session = await client.v1.checkout.sessions.create_async(
            cast("SessionCreateParams", params), {"idempotency_key": key}
        )
    except stripe.StripeError as exc:
        message = getattr(exc, "user_message", None) or "Stripe rejected the checkout"
        raise ValidationFailed.one(None, message, "STRIPE_ERROR") from exc
    # The same idempotency key gives every concurrent identical request the same session: one statement
    # stores it once, without a unique violation (which would also abort a caller's transaction).
    await connections.get("default").execute_query(
        "INSERT INTO checkout_sessions (team_id, team_contact_id, price_id, stripe_session_id, mode, url, status, "
        "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now()) ON CONFLICT (team_id, stripe_session_id) DO NOTHING",
        [team.id, contact.id, price.id, session.id, params["mode"], session.url, session.status or "open"],
    )
    return await CheckoutSession.get(team_id=team.id, stripe_session_id=session.id)
