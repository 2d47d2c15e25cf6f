"""A small Stripe stand-in on 127.0.0.1 and helpers to sign and post webhooks (no tests here).

The fake keeps objects in memory, answers the few endpoints commerce calls the way Stripe does
(form-encoded requests, JSON objects, `{"error": …}` failures), and records every request so tests
can check what was sent (API key, idempotency key, parameters).
"""

from __future__ import annotations

import itertools
import json
import os
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlparse

import pytest
import stripe
from ids import gid, pk

SECRET_KEY = "sk_test_memberhub_fake_123456"
WEBHOOK_SECRET = "whsec_memberhub_test_secret"
_ids = itertools.count(1)


def new_id(prefix: str) -> str:
    return f"{prefix}_{next(_ids):06d}"


@dataclass
class Recorded:
    method: str
    path: str
    params: dict[str, str]
    headers: dict[str, str]


@dataclass
class FakeStripe:
    url: str = ""
    objects: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    idempotent: dict[str, dict[str, Any]] = field(default_factory=dict)
    fail_paths: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        with self.lock:
            self.objects.clear()
            self.requests.clear()
            self.idempotent.clear()
            self.fail_paths.clear()

    def put(self, obj: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            self.objects[obj["id"]] = obj
        return obj

    def calls(self, method: str, path_prefix: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == method and r.path.startswith(path_prefix)]

    def handle(self, method: str, path: str, params: dict[str, str], headers: dict[str, str]) -> tuple[int, Any]:
        with self.lock:
            self.requests.append(Recorded(method, path, params, headers))
            if headers.get("authorization") != f"Bearer {SECRET_KEY}":
                return 401, {"error": {"type": "invalid_request_error", "message": "Invalid API Key provided"}}
            if path in self.fail_paths:
                return 500, {"error": {"type": "api_error", "message": "fake outage"}}
            key = headers.get("idempotency-key")
            if method == "POST" and key and key in self.idempotent:
                return 200, self.idempotent[key]
            status, body = self._route(method, path, params)
            if method == "POST" and key and status == 200:
                self.idempotent[key] = body
            return status, body

    def _route(self, method: str, path: str, params: dict[str, str]) -> tuple[int, Any]:
        parts = path.strip("/").split("/")[1:]  # drop "v1"
        if method == "POST" and parts == ["checkout", "sessions"]:
            session = {
                "id": new_id("cs_test"), "object": "checkout.session", "status": "open",
                "mode": params.get("mode"), "url": "https://checkout.stripe.test/pay/" + str(next(_ids)),
                "customer": params.get("customer"), "customer_email": params.get("customer_email"),
                "metadata": {k[9:-1]: v for k, v in params.items() if k.startswith("metadata[")},
                "payment_status": "unpaid", "created": int(time.time()),
            }
            self.objects[session["id"]] = session
            return 200, session
        if method == "POST" and parts == ["coupons"]:
            coupon = {"id": new_id("co"), "object": "coupon", "percent_off": params.get("percent_off"),
                      "amount_off": params.get("amount_off"), "duration": params.get("duration")}
            self.objects[coupon["id"]] = coupon
            return 200, coupon
        if method == "POST" and parts == ["refunds"]:
            refund = {"id": new_id("re"), "object": "refund", "amount": int(params["amount"]),
                      "payment_intent": params.get("payment_intent"), "status": "succeeded",
                      "reason": params.get("reason"), "created": int(time.time())}
            self.objects[refund["id"]] = refund
            return 200, refund
        if method == "POST" and parts == ["prices"]:
            price = {"id": new_id("price"), "object": "price", "currency": params.get("currency"),
                     "unit_amount": int(params.get("unit_amount") or 0),
                     "recurring": {"interval": params.get("recurring[interval]"),
                                   "interval_count": int(params.get("recurring[interval_count]") or 1)},
                     "metadata": {k[9:-1]: v for k, v in params.items() if k.startswith("metadata[")}}
            self.objects[price["id"]] = price
            return 200, price
        if len(parts) in (2, 3) and parts[0] == "subscriptions" and method in ("POST", "DELETE"):
            sub = self.objects.get(parts[1])
            if sub is None:
                return 404, {"error": {"type": "invalid_request_error", "message": f"No such subscription: {parts[1]}"}}
            if method == "DELETE":
                sub.update(status="canceled", canceled_at=int(time.time()), ended_at=int(time.time()))
            elif len(parts) == 3 and parts[2] == "resume":
                sub.update(status="active")
            else:
                self._update_subscription(sub, params)
            return 200, sub
        if method == "GET" and len(parts) == 2 and parts[0] in ("subscriptions", "customers", "charges", "invoices",
                                                                 "disputes"):
            obj = self.objects.get(parts[1])
            if obj is None:
                return 404, {"error": {"type": "invalid_request_error", "message": f"No such object: {parts[1]}"}}
            return 200, obj
        if method == "GET" and parts in (["subscriptions"], ["checkout", "sessions"], ["invoices"], ["charges"],
                                         ["disputes"]):
            kind = "checkout.session" if parts == ["checkout", "sessions"] else parts[0][:-1]
            data = [o for o in self.objects.values() if o.get("object") == kind]
            if kind == "checkout.session" and params.get("status"):
                data = [o for o in data if o.get("status") == params["status"]]
            return 200, {"object": "list", "data": data, "has_more": False, "url": path}
        return 404, {"error": {"type": "invalid_request_error", "message": f"Unrecognized request URL {path}"}}


    def _update_subscription(self, sub: dict[str, Any], params: dict[str, str]) -> None:
        """Stripe's update, for the fields commerce sends (form-encoded, nested keys)."""
        if "cancel_at_period_end" in params:
            sub["cancel_at_period_end"] = params["cancel_at_period_end"] == "true"
        if params.get("pause_collection[behavior]"):
            sub["pause_collection"] = {"behavior": params["pause_collection[behavior]"]}
        elif "pause_collection" in params and params["pause_collection"] == "":
            sub["pause_collection"] = None
        if params.get("items[0][price]"):
            item = sub["items"]["data"][0]
            assert params.get("items[0][id]") == item["id"], "the update must name the existing item"
            item["price"] = self.objects.get(params["items[0][price]"], {"id": params["items[0][price]"]})
        metadata = {k[9:-1]: v for k, v in params.items() if k.startswith("metadata[")}
        if metadata:
            sub["metadata"] = {**(sub.get("metadata") or {}), **metadata}


def _handler_for(fake: FakeStripe) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _serve(self, method: str) -> None:
            parsed = urlparse(self.path)
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length).decode() if length else ""
            params = dict(parse_qsl(parsed.query, keep_blank_values=True))
            params.update(parse_qsl(body, keep_blank_values=True))
            headers = {k.lower(): v for k, v in self.headers.items()}
            status, payload = fake.handle(method, parsed.path, params, headers)
            raw = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("request-id", "req_fake")
            self.send_header("content-length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def do_GET(self) -> None:
            self._serve("GET")

        def do_POST(self) -> None:
            self._serve("POST")

        def do_DELETE(self) -> None:
            self._serve("DELETE")

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture(scope="session", name="stripe_server")
def stripe_server_fixture():  # type: ignore[no-untyped-def]
    fake = FakeStripe()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(fake))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    previous = os.environ.get("MEMBERHUB_STRIPE_API_BASE")
    os.environ["MEMBERHUB_STRIPE_API_BASE"] = fake.url
    yield fake
    server.shutdown()
    if previous is None:
        os.environ.pop("MEMBERHUB_STRIPE_API_BASE", None)
    else:
        os.environ["MEMBERHUB_STRIPE_API_BASE"] = previous


@pytest.fixture(name="fake_stripe")
def fake_stripe_fixture(stripe_server: FakeStripe) -> FakeStripe:
    stripe_server.reset()
    return stripe_server


# --- Stripe-shaped objects (current API version: billing periods live on subscription items) ---


def subscription_object(*, sub_id: str, customer: str, status: str, amount: int = 2000, interval: str = "month",
                        interval_count: int = 1, metadata: dict[str, str] | None = None, quantity: int = 1,
                        cancel_at_period_end: bool = False, trial_days: int = 0, coupon: dict | None = None,
                        canceled: bool = False) -> dict[str, Any]:
    now = int(time.time())
    end = now + 30 * 86400
    return {
        "id": sub_id, "object": "subscription", "customer": customer, "status": status,
        "metadata": metadata or {}, "cancel_at_period_end": cancel_at_period_end,
        "canceled_at": now if canceled else None, "ended_at": now if canceled else None,
        "start_date": now - 86400, "created": now - 86400,
        "trial_start": now - 86400 if trial_days else None, "trial_end": now + trial_days * 86400 if trial_days else None,
        "discounts": [{"id": "di_1", "object": "discount", "source": {"coupon": coupon}}] if coupon else [],
        "items": {"object": "list", "data": [{
            "id": "si_" + sub_id, "object": "subscription_item", "quantity": quantity,
            "current_period_start": now, "current_period_end": end,
            "price": {"id": "price_" + sub_id, "object": "price", "unit_amount": amount, "currency": "usd",
                      "recurring": {"interval": interval, "interval_count": interval_count}},
        }]},
    }


def invoice_object(*, invoice_id: str, customer: str, subscription: str, paid: bool, amount: int = 2000,
                   payment_intent: str | None = None) -> dict[str, Any]:
    return {
        "id": invoice_id, "object": "invoice", "customer": customer, "currency": "usd",
        "status": "paid" if paid else "open", "amount_paid": amount if paid else 0, "amount_due": amount,
        "created": int(time.time()), "status_transitions": {"paid_at": int(time.time()) if paid else None},
        "parent": {"type": "subscription_details", "subscription_details": {"subscription": subscription,
                                                                             "metadata": {}}},
        "payments": {"object": "list", "data": [
            {"payment": {"type": "payment_intent", "payment_intent": payment_intent}}
        ] if payment_intent else []},
    }


def event_payload(event_type: str, obj: dict[str, Any], event_id: str | None = None,
                  created: int | None = None) -> str:
    return json.dumps({
        "id": event_id or new_id("evt"), "object": "event", "type": event_type, "api_version": "2026-10-28.endive",
        "created": created or int(time.time()), "livemode": False, "pending_webhooks": 1,
        "data": {"object": obj},
    })


async def post_event(http: Any, team_id: int, payload: str, *, secret: str = WEBHOOK_SECRET,
                     timestamp: int | None = None, header: str | None = None) -> Any:
    signature = header if header is not None else stripe.WebhookSignature.generate_signature_header(
        payload, secret, timestamp=timestamp
    )
    return await http.post(f"/webhooks/stripe/{gid('Team', team_id)}", content=payload.encode(),
                           headers={"stripe-signature": signature, "content-type": "application/json"})


async def send(http: Any, team_id: int, event_type: str, obj: dict[str, Any], *, event_id: str | None = None) -> Any:
    response = await post_event(http, team_id, event_payload(event_type, obj, event_id))
    assert response.status_code == 200, response.text
    return response.json()


# --- a team with Stripe, a hub, a product that grants it, a price and a contact ---------------


@dataclass
class Shop:
    team_id: int
    key: str
    hub_id: str
    product_id: str
    price_id: str
    contact_id: str
    email: str

    def metadata(self) -> dict[str, str]:
        # What our checkout writes into Stripe: row keys, not global ids.
        return {"team_id": str(self.team_id), "team_contact_id": str(pk(self.contact_id)),
                "price_id": str(pk(self.price_id)), "product_id": str(pk(self.product_id))}


async def make_shop(gql: Any, team: Any, *, policy: str = "GRACE", grace_days: int = 3, recurring: bool = True,
                    trial_days: int = 7, amount: int = 2000, email: str = "ava@example.com") -> Shop:
    settings = await gql(
        "mutation($i: SetStripeSettingsInput!) { setStripeSettings(input: $i) { settings { keyHint } userErrors { code } } }",
        {"i": {"secretKey": SECRET_KEY, "webhookSecret": WEBHOOK_SECRET}}, token=team.key,
    )
    assert settings["setStripeSettings"]["userErrors"] == []
    hub = await gql('mutation { createHub(input: {name: "Members"}) { hub { id } } }', token=team.key)
    hub_id = hub["createHub"]["hub"]["id"]
    contact = await gql("mutation($e: String!) { upsertContacts(input: {contacts: [{email: $e}]}) { contacts { id } } }",
                        {"e": email}, token=team.key)
    contact_id = contact["upsertContacts"]["contacts"][0]["id"]
    product = await gql(
        "mutation($i: CreateProductInput!) { createProduct(input: $i) { product { id } userErrors { field code } } }",
        {"i": {"name": "Pro membership", "hubId": hub_id, "pastDuePolicy": policy, "graceDays": grace_days}},
        token=team.key,
    )
    product_id = product["createProduct"]["product"]["id"]
    for deliverable in ({"kind": "HUB_MEMBERSHIP", "hubId": hub_id, "hubRole": "member"},
                        {"kind": "TAG", "tag": "pro-customer"}):
        added = await gql(
            "mutation($i: AddDeliverableInput!) { addDeliverable(input: $i) { deliverable { id } userErrors { code } } }",
            {"i": {"productId": product_id, **deliverable}}, token=team.key,
        )
        assert added["addDeliverable"]["userErrors"] == []
    price_input: dict[str, Any] = {"productId": product_id, "amount": amount, "currency": "usd"}
    if recurring:
        price_input.update(type="RECURRING", interval="MONTH", intervalCount=1, trialDays=trial_days)
    else:
        price_input.update(type="ONE_TIME")
    price = await gql(
        "mutation($i: CreatePriceInput!) { createPrice(input: $i) { price { id } userErrors { field code } } }",
        {"i": price_input}, token=team.key,
    )
    assert price["createPrice"]["userErrors"] == []
    return Shop(team_id=team.id, key=team.key, hub_id=hub_id, product_id=product_id,
                price_id=price["createPrice"]["price"]["id"], contact_id=contact_id, email=email)
