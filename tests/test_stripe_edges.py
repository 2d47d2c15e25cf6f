"""Stripe edge cases: malformed signed events, timestamps from the future, racing checkouts.

The real stripe client signs and calls; the Stripe API is the local fake of test_commerce_fakes.
"""

from __future__ import annotations

import asyncio
import json
import time

from test_commerce_fakes import (  # noqa: F401  (fixtures are imported to register them)
    fake_stripe_fixture,
    make_shop,
    post_event,
    stripe_server_fixture,
)

from app.commerce.models import CheckoutSession, ProcessedStripeEvent, StripeCustomer, Subscription

CHECKOUT = """mutation($i: CreateCheckoutInput!) {
  createCheckout(input: $i) { session { stripeSessionId url } userErrors { field message code } } }"""


async def test_a_signed_event_without_its_object_is_acknowledged_recorded_and_ignored(gql, http, team, fake_stripe):
    """Stripe retries any non-2xx for days and then disables the endpoint; a malformed event never
    gets better, so it is answered 200 once, recorded (a redelivery is a duplicate) and logged."""
    await make_shop(gql, team)
    payloads = [
        {"id": "evt_no_data", "object": "event", "type": "customer.subscription.updated", "created": 1},
        {"id": "evt_no_object", "object": "event", "type": "invoice.paid", "data": {}},
        {"id": "evt_str_object", "object": "event", "type": "charge.refunded", "data": {"object": "ch_1"}},
        {"id": "evt_no_obj_id", "object": "event", "type": "customer.subscription.created",
         "data": {"object": {"object": "subscription", "customer": "cus_1"}}},
    ]
    for payload in payloads:
        text = json.dumps(payload)
        first = await post_event(http, team.id, text)
        assert first.status_code == 200, first.text
        assert first.json() == {"received": True, "duplicate": False, "ignored": "malformed event"}
        again = await post_event(http, team.id, text)
        assert again.status_code == 200 and again.json()["duplicate"] is True
    recorded = await ProcessedStripeEvent.filter(team_id=team.id).order_by("id").values_list("stripe_event_id",
                                                                                             flat=True)
    assert recorded == [p["id"] for p in payloads]
    assert not await Subscription.exists(team_id=team.id)
    # Without an id or a type it cannot be recorded: the caller's error, nothing written.
    response = await post_event(http, team.id, json.dumps({"object": "event", "data": {"object": {}}}))
    assert response.status_code == 400
    assert await ProcessedStripeEvent.filter(team_id=team.id).count() == len(payloads)


async def test_webhook_timestamps_far_in_the_future_are_refused(gql, http, team, fake_stripe):
    await make_shop(gql, team)
    payload = json.dumps({"id": "evt_future", "object": "event", "type": "ping", "data": {"object": {"id": "x"}}})
    future = await post_event(http, team.id, payload, timestamp=int(time.time()) + 3600)
    assert future.status_code == 400 and "future" in future.json()["error"]
    assert not await ProcessedStripeEvent.exists(team_id=team.id)
    soon = await post_event(http, team.id, payload, timestamp=int(time.time()) + 30)  # clock skew is fine
    assert soon.status_code == 200


async def test_twenty_parallel_checkouts_for_one_contact_all_get_a_valid_answer(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team)
    variables = {"i": {"priceId": shop.price_id, "contactId": shop.contact_id,
                       "successUrl": "https://shop.test/ok", "cancelUrl": "https://shop.test/cancel"}}
    bodies = await asyncio.gather(*(gql.raw(CHECKOUT, variables, token=shop.key) for _ in range(20)))
    assert all("errors" not in body for body in bodies), [b["errors"] for b in bodies if "errors" in b]
    sessions = {body["data"]["createCheckout"]["session"]["stripeSessionId"] for body in bodies}
    assert all(body["data"]["createCheckout"]["userErrors"] == [] for body in bodies)
    assert len(sessions) == 1  # one idempotency key: one session, stored once
    assert await CheckoutSession.filter(team_id=team.id).count() == 1
    assert await StripeCustomer.filter(team_id=team.id).count() <= 1
