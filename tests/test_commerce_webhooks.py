"""Stripe webhooks end to end: signed deliveries over HTTP, Stripe API answered by a local fake."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from ids import gid, pk
from test_commerce_fakes import (  # noqa: F401  (fixtures are imported to register them)
    event_payload,
    fake_stripe_fixture,
    invoice_object,
    make_shop,
    post_event,
    send,
    stripe_server_fixture,
    subscription_object,
)

from app.commerce.models import Order, Payment, ProcessedStripeEvent, StripeCustomer, Subscription
from app.contacts.models import Event, TeamContact
from app.core.pubsub import team_channel
from app.core.redis import get_redis

STATE = """
query($c: ID!, $h: ID!) {
  entitlements(contactId: $c) { nodes { productId status endsAt source } }
  contactBilling(contactId: $c) { billingStatus mrr ltv isTrial isPastDue willRenew planInterval planIntervalCount }
  hub(id: $h) { members { totalCount nodes { role contact { id } } } }
  contact(id: $c) { tags }
}"""


async def state(gql: Any, shop: Any) -> dict[str, Any]:
    data = await gql(STATE, {"c": shop.contact_id, "h": shop.hub_id}, token=shop.key)
    statuses = [e["status"] for e in data["entitlements"]["nodes"]]
    return {
        "entitlement": statuses[0] if statuses else None,
        "ends_at": data["entitlements"]["nodes"][0]["endsAt"] if statuses else None,
        "billing": data["contactBilling"],
        "members": data["hub"]["members"]["totalCount"],
        "tags": data["contact"]["tags"],
    }


class Channel:
    """Messages published on the team's entitlements channel while the test runs."""

    def __init__(self, team_id: int) -> None:
        self.name = team_channel(team_id, "entitlements")

    async def __aenter__(self) -> Channel:
        self.pubsub = (await get_redis()).pubsub()
        await self.pubsub.subscribe(self.name)
        confirmation = await self.pubsub.get_message(timeout=2.0)
        assert confirmation is not None and confirmation["type"] == "subscribe"
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.pubsub.unsubscribe(self.name)
        await self.pubsub.aclose()

    async def drain(self) -> list[dict[str, Any]]:
        messages = []
        while True:
            message = await self.pubsub.get_message(ignore_subscribe_messages=True, timeout=0.2)
            if message is None:
                return messages
            messages.append(json.loads(message["data"]))


async def test_subscription_lifecycle_trial_active_past_due_unpaid_canceled(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team, policy="GRACE", grace_days=3)
    checkout = await gql("""mutation($i: CreateCheckoutInput!) {
        createCheckout(input: $i) { session { stripeSessionId url mode } userErrors { field code } } }""",
        {"i": {"priceId": shop.price_id, "contactId": shop.contact_id, "successUrl": "https://shop.test/ok",
               "cancelUrl": "https://shop.test/cancel"}}, token=shop.key)
    session_out = checkout["createCheckout"]["session"]
    assert checkout["createCheckout"]["userErrors"] == [] and session_out["mode"] == "subscription"
    [sent] = fake_stripe.calls("POST", "/v1/checkout/sessions")
    assert sent.headers["idempotency-key"].startswith(f"memberhub-checkout-{team.id}-")
    assert sent.params["mode"] == "subscription" and sent.params["customer_email"] == shop.email
    assert sent.params["metadata[team_contact_id]"] == str(pk(shop.contact_id))
    assert sent.params["metadata[price_id]"] == str(pk(shop.price_id))
    assert sent.params["subscription_data[trial_period_days]"] == "7"
    assert sent.params["line_items[0][price_data][unit_amount]"] == "2000"
    assert sent.params["line_items[0][price_data][recurring][interval]"] == "month"

    meta = shop.metadata()
    sub = fake_stripe.put(subscription_object(sub_id="sub_life", customer="cus_life", status="trialing",
                                              metadata=meta, trial_days=7))
    fake_stripe.put({"id": "cus_life", "object": "customer", "email": shop.email})
    session = {**fake_stripe.objects[session_out["stripeSessionId"]], "status": "complete", "customer": "cus_life",
               "subscription": "sub_life", "payment_status": "no_payment_required", "amount_total": 0,
               "invoice": "in_trial", "customer_details": {"email": shop.email}}
    async with Channel(team.id) as channel:
        await send(http, team.id, "checkout.session.completed", session)
        now = await state(gql, shop)
        assert now["entitlement"] == "ACTIVE" and now["members"] == 1 and "pro-customer" in now["tags"]
        assert now["billing"]["billingStatus"] == "trialing" and now["billing"]["isTrial"] is True
        assert now["billing"]["mrr"] == 0 and now["billing"]["planInterval"] == "month"
        assert await channel.drain() == [
            {"team_contact_id": pk(shop.contact_id), "product_id": pk(shop.product_id), "status": "active"}
        ]

        # trial ends, first invoice paid
        fake_stripe.put({**sub, "status": "active", "trial_end": int(time.time())})
        await send(http, team.id, "customer.subscription.updated", sub)
        await send(http, team.id, "invoice.paid", invoice_object(
            invoice_id="in_1", customer="cus_life", subscription="sub_life", paid=True, payment_intent="pi_1"))
        now = await state(gql, shop)
        assert now["entitlement"] == "ACTIVE" and now["members"] == 1
        assert now["billing"]["billingStatus"] == "active" and now["billing"]["mrr"] == 20.0
        assert now["billing"]["ltv"] == 20.0 and now["billing"]["willRenew"] is True
        assert await Order.filter(team_id=team.id).count() == 1
        assert await channel.drain() == []  # still active: nothing to announce

        # renewal fails: past_due → grace, access and membership kept
        fake_stripe.put({**sub, "status": "past_due"})
        await send(http, team.id, "invoice.payment_failed", invoice_object(
            invoice_id="in_2", customer="cus_life", subscription="sub_life", paid=False))
        now = await state(gql, shop)
        assert now["entitlement"] == "GRACE" and now["ends_at"] is not None and now["members"] == 1
        assert now["billing"]["billingStatus"] == "past_due" and now["billing"]["isPastDue"] is True
        assert [m["status"] for m in await channel.drain()] == ["grace"]

        # unpaid: still inside the 3-day grace window
        fake_stripe.put({**sub, "status": "unpaid"})
        await send(http, team.id, "customer.subscription.updated", sub)
        assert (await state(gql, shop))["entitlement"] == "GRACE"

        # canceled: revoked, hub membership withdrawn, the tag stays as a record of the purchase
        fake_stripe.put({**sub, "status": "canceled", "canceled_at": int(time.time()), "ended_at": int(time.time())})
        await send(http, team.id, "customer.subscription.deleted", sub)
        now = await state(gql, shop)
        assert now["entitlement"] == "REVOKED" and now["members"] == 0 and "pro-customer" in now["tags"]
        assert now["billing"]["billingStatus"] == "canceled" and now["billing"]["mrr"] == 0
        assert now["billing"]["ltv"] == 20.0
        assert [m["status"] for m in await channel.drain()] == ["revoked"]

    types = await Event.filter(team_id=team.id).order_by("id").values_list("type", flat=True)
    assert [t for t in types if t.startswith("entitlement_")] == [
        "entitlement_granted", "entitlement_grace_started", "entitlement_revoked"]
    assert types.count("purchase") == 1
    assert [e.properties["status"] for e in await Event.filter(type="subscription_status_changed").order_by("id")] == [
        "trialing", "active", "past_due", "unpaid", "canceled"]


async def test_past_due_revoke_policy_and_keep_policy(gql, http, make_team, fake_stripe):
    for policy, expected in (("REVOKE", "REVOKED"), ("KEEP", "ACTIVE")):
        team = await make_team(f"Team {policy}")
        shop = await make_shop(gql, team, policy=policy)
        sub = subscription_object(sub_id=f"sub_{policy}", customer=f"cus_{policy}", status="active",
                                  metadata=shop.metadata())
        fake_stripe.put(sub)
        await send(http, team.id, "customer.subscription.created", sub)
        assert (await state(gql, shop))["entitlement"] == "ACTIVE"
        fake_stripe.put({**sub, "status": "past_due"})
        await send(http, team.id, "customer.subscription.updated", sub)
        now = await state(gql, shop)
        assert now["entitlement"] == expected and now["members"] == (1 if policy == "KEEP" else 0)


async def test_cancel_at_period_end_keeps_access_until_the_end(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team)
    sub = subscription_object(sub_id="sub_cape", customer="cus_cape", status="active", metadata=shop.metadata())
    fake_stripe.put(sub)
    await send(http, team.id, "customer.subscription.created", sub)
    fake_stripe.put({**sub, "cancel_at_period_end": True})
    await send(http, team.id, "customer.subscription.updated", sub)
    now = await state(gql, shop)
    assert now["entitlement"] == "ACTIVE" and now["ends_at"] is not None
    assert now["billing"]["willRenew"] is False
    fake_stripe.put({**sub, "status": "canceled", "cancel_at_period_end": True, "ended_at": int(time.time())})
    await send(http, team.id, "customer.subscription.deleted", sub)
    assert (await state(gql, shop))["entitlement"] == "REVOKED"


async def test_duplicate_and_concurrent_deliveries_apply_once(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team)
    sub = fake_stripe.put(subscription_object(sub_id="sub_dup", customer="cus_dup", status="active",
                                              metadata=shop.metadata()))
    fake_stripe.put({"id": "cus_dup", "object": "customer", "email": shop.email})
    invoice = invoice_object(invoice_id="in_dup", customer="cus_dup", subscription="sub_dup", paid=True)
    payload = event_payload("invoice.paid", invoice, "evt_same")
    responses = await asyncio.gather(*[post_event(http, team.id, payload) for _ in range(4)])
    # the same invoice reported again under other event ids (Stripe resends, or invoice.paid + checkout)
    others = await asyncio.gather(*[post_event(http, team.id, event_payload("invoice.paid", invoice))
                                    for _ in range(3)])
    others += await asyncio.gather(*[post_event(http, team.id, event_payload("customer.subscription.updated", sub))
                                     for _ in range(3)])
    assert [r.status_code for r in responses + others] == [200] * 10, [r.text for r in responses + others]
    assert sorted(r.json()["duplicate"] for r in responses) == [False, True, True, True]
    assert await ProcessedStripeEvent.filter(team_id=team.id).count() == 7
    assert await Order.filter(team_id=team.id).count() == 1
    assert await Payment.filter(team_id=team.id).count() == 1
    assert await Subscription.filter(team_id=team.id).count() == 1
    assert await StripeCustomer.filter(team_id=team.id).count() == 1
    assert await Event.filter(team_id=team.id, type="entitlement_granted").count() == 1
    assert await Event.filter(team_id=team.id, type="purchase").count() == 1
    replay = await post_event(http, team.id, payload)
    assert replay.status_code == 200 and replay.json()["duplicate"] is True


async def test_out_of_order_events_never_regress_state(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team)
    sub = subscription_object(sub_id="sub_ooo", customer="cus_ooo", status="active", metadata=shop.metadata())
    stale_created = dict(sub)
    canceled = {**sub, "status": "canceled", "canceled_at": int(time.time()), "ended_at": int(time.time())}
    fake_stripe.put(canceled)
    # deleted arrives first, then the older "created" and "updated(active)" deliveries
    await send(http, team.id, "customer.subscription.deleted", canceled)
    await send(http, team.id, "customer.subscription.created", stale_created)
    await send(http, team.id, "customer.subscription.updated", stale_created)
    assert (await Subscription.get(stripe_subscription_id="sub_ooo")).status == "canceled"
    assert await Event.filter(team_id=team.id, type="entitlement_granted").count() == 0
    now = await state(gql, shop)
    assert now["entitlement"] is None and now["members"] == 0

    # invoice.paid before checkout.session.completed: one order, linked by customer id
    fake_stripe.put(subscription_object(sub_id="sub_ooo2", customer="cus_ooo2", status="active",
                                        metadata=shop.metadata()))
    await send(http, team.id, "invoice.paid", invoice_object(invoice_id="in_ooo2", customer="cus_ooo2",
                                                             subscription="sub_ooo2", paid=True))
    session = {"id": "cs_ooo2", "object": "checkout.session", "status": "complete", "mode": "subscription",
               "customer": "cus_ooo2", "subscription": "sub_ooo2", "invoice": "in_ooo2", "payment_status": "paid",
               "amount_total": 2000, "currency": "usd", "metadata": shop.metadata(),
               "customer_details": {"email": "wallet-other@example.com"}, "created": int(time.time())}
    await send(http, team.id, "checkout.session.completed", session)
    assert await Order.filter(team_id=team.id).count() == 1
    assert await TeamContact.filter(team_id=team.id).count() == 1  # the wallet's other email made no contact
    assert (await state(gql, shop))["entitlement"] == "ACTIVE"


async def test_bad_signatures_stale_timestamps_and_missing_header_write_nothing(gql, http, team, other_team,
                                                                                fake_stripe):
    shop = await make_shop(gql, team)
    sub = fake_stripe.put(subscription_object(sub_id="sub_sig", customer="cus_sig", status="active",
                                              metadata=shop.metadata()))
    payload = event_payload("customer.subscription.created", sub)
    no_header = await http.post(f"/webhooks/stripe/{gid('Team', team.id)}", content=payload.encode())
    wrong_secret = await post_event(http, team.id, payload, secret="whsec_wrong")
    stale = await post_event(http, team.id, payload, timestamp=int(time.time()) - 3600)
    garbage = await post_event(http, team.id, payload, header="t=1,v1=deadbeef")
    tampered_header = await post_event(http, team.id, payload)  # valid header…
    signature = tampered_header.request.headers["stripe-signature"]
    tampered = await post_event(http, team.id, payload.replace("active", "canceled"), header=signature)
    unknown_team = await post_event(http, 999_999, payload)
    not_configured = await post_event(http, other_team.id, payload)
    assert no_header.status_code == 400
    assert wrong_secret.status_code == 400 and stale.status_code == 400 and garbage.status_code == 400
    assert tampered.status_code == 400
    assert unknown_team.status_code == 404 and not_configured.status_code == 404
    # only the one correctly signed delivery was applied
    assert await ProcessedStripeEvent.filter().count() == 1


async def test_other_teams_ids_in_metadata_are_not_honoured(gql, http, team, other_team, fake_stripe):
    shop = await make_shop(gql, team)
    other_shop = await make_shop(gql, other_team, email="bob@example.com")
    # a subscription in team A's Stripe account whose metadata names team B's contact and price
    sub = fake_stripe.put(subscription_object(
        sub_id="sub_x", customer="cus_x", status="active",
        metadata={"team_contact_id": str(pk(other_shop.contact_id)), "price_id": str(pk(other_shop.price_id)),
                  "product_id": str(pk(other_shop.product_id))}))
    fake_stripe.put({"id": "cus_x", "object": "customer", "email": "mallory@example.com"})
    await send(http, team.id, "customer.subscription.created", sub)
    row = await Subscription.get(stripe_subscription_id="sub_x")
    assert row.team_id == team.id and row.product_id is None and row.price_id is None
    contact = await TeamContact.get(id=row.team_contact_id)
    assert contact.team_id == team.id and contact.email == "mallory@example.com"
    assert (await state(gql, other_shop))["entitlement"] is None
    # metadata claiming another team entirely is ignored
    foreign = fake_stripe.put(subscription_object(sub_id="sub_y", customer="cus_y", status="active",
                                                  metadata={**other_shop.metadata()}))
    await send(http, team.id, "customer.subscription.created", foreign)
    assert not await Subscription.exists(stripe_subscription_id="sub_y")
    assert (await state(gql, shop))["entitlement"] is None


async def test_handler_failure_returns_5xx_and_the_retry_succeeds(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team)
    sub = fake_stripe.put(subscription_object(sub_id="sub_err", customer="cus_err", status="active",
                                              metadata=shop.metadata()))
    fake_stripe.fail_paths.add("/v1/subscriptions/sub_err")
    payload = event_payload("customer.subscription.created", sub, "evt_retry")
    failed = await post_event(http, team.id, payload)
    assert failed.status_code == 500
    assert await ProcessedStripeEvent.filter(team_id=team.id).count() == 0
    assert not await Subscription.exists(team_id=team.id)
    fake_stripe.fail_paths.clear()
    retried = await post_event(http, team.id, payload)
    assert retried.status_code == 200 and retried.json()["duplicate"] is False
    assert (await state(gql, shop))["entitlement"] == "ACTIVE"
