"""Orders, payments, refunds and disputes in GraphQL, and the actions on them: each action goes to
the local fake Stripe (checked on the wire: path, parameters, idempotency key) and changes nothing
here until the webhook confirms it."""

from __future__ import annotations

import time
from typing import Any

from ids import gid, pk
from test_commerce_fakes import (  # noqa: F401  (fixtures are imported to register them)
    fake_stripe_fixture,
    invoice_object,
    make_shop,
    send,
    stripe_server_fixture,
    subscription_object,
)

from app.commerce.models import Payment, Subscription

PAYMENTS = """
query($c: ID, $s: PaymentStatus, $since: DateTime, $until: DateTime, $first: Int, $after: String) {
  payments(contactId: $c, status: $s, since: $since, until: $until, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id status amount amountRefunded contactId orderId }
  }
}"""
REFUND = """
mutation($i: RefundPaymentInput!) { refundPayment(input: $i) { request { stripeId status amount } userErrors { field code } } }"""
CANCEL = """
mutation($i: CancelSubscriptionInput!) { cancelSubscription(input: $i) { request { stripeId status } userErrors { field code } } }"""
PAUSE = """
mutation($i: SubscriptionActionInput!) { pauseSubscription(input: $i) { request { status } userErrors { field code } } }"""
RESUME = """
mutation($i: SubscriptionActionInput!) { resumeSubscription(input: $i) { request { status } userErrors { field code } } }"""
CHANGE = """
mutation($i: ChangeSubscriptionPlanInput!) { changeSubscriptionPlan(input: $i) { request { stripeId } userErrors { field code } } }"""
SUBSCRIPTION_STATE = """
query($c: ID!) {
  billingSubscriptions(contactId: $c) { nodes { id status cancelAtPeriodEnd priceId } }
  entitlements(contactId: $c) { nodes { status } }
  contactBilling(contactId: $c) { billingStatus willRenew mrr }
}"""


def checkout(shop: Any, number: int, amount: int) -> dict[str, Any]:
    return {"id": f"cs_api{number}", "object": "checkout.session", "status": "complete", "mode": "payment",
            "customer": "cus_api", "payment_intent": f"pi_api{number}", "payment_status": "paid",
            "amount_total": amount, "currency": "usd", "metadata": shop.metadata(),
            "customer_details": {"email": shop.email}, "created": int(time.time())}


def charge(number: int, amount: int, refunds: list[tuple[str, int]]) -> dict[str, Any]:
    return {"id": f"ch_api{number}", "object": "charge", "customer": "cus_api", "payment_intent": f"pi_api{number}",
            "amount": amount, "amount_refunded": sum(a for _, a in refunds), "refunded": sum(a for _, a in refunds) >= amount,
            "refunds": {"object": "list", "data": [{"id": r, "amount": a, "status": "succeeded"} for r, a in refunds]}}


async def test_payments_orders_refunds_and_disputes_are_listed_per_contact_and_team(gql, http, team, other_team,
                                                                                   fake_stripe):
    shop = await make_shop(gql, team, recurring=False, amount=3000)
    for number in (1, 2, 3):
        await send(http, team.id, "checkout.session.completed", checkout(shop, number, 3000))
    await send(http, team.id, "charge.refunded", charge(2, 3000, [("re_api2", 3000)]))

    page = (await gql(PAYMENTS, {"first": 2}, token=team.key))["payments"]
    assert page["totalCount"] == 3 and page["pageInfo"]["hasNextPage"] is True
    rest = (await gql(PAYMENTS, {"first": 2, "after": page["pageInfo"]["endCursor"]}, token=team.key))["payments"]
    assert len({n["id"] for n in page["nodes"] + rest["nodes"]}) == 3 and rest["pageInfo"]["hasNextPage"] is False
    refunded = (await gql(PAYMENTS, {"s": "REFUNDED", "c": shop.contact_id}, token=team.key))["payments"]["nodes"]
    assert [(n["amount"], n["amountRefunded"], n["contactId"]) for n in refunded] == [(3000, 3000, shop.contact_id)]
    future = (await gql(PAYMENTS, {"since": "2999-01-01T00:00:00Z"}, token=team.key))["payments"]
    past = (await gql(PAYMENTS, {"until": "2000-01-01T00:00:00Z"}, token=team.key))["payments"]
    assert future["totalCount"] == 0 == past["totalCount"]

    orders = await gql("query { orders(status: REFUNDED) { nodes { id status totalAmount amountRefunded } } }",
                       token=team.key)
    assert [(o["status"], o["amountRefunded"]) for o in orders["orders"]["nodes"]] == [("REFUNDED", 3000)]
    assert (await gql('query { orders(since: "2999-01-01T00:00:00Z") { totalCount } }',
                      token=team.key))["orders"]["totalCount"] == 0
    refunds = await gql("query($c: ID) { refunds(contactId: $c) { nodes { amount stripeRefundId paymentId } } }",
                        {"c": shop.contact_id}, token=team.key)
    assert [(r["amount"], r["stripeRefundId"]) for r in refunds["refunds"]["nodes"]] == [(3000, "re_api2")]
    assert refunds["refunds"]["nodes"][0]["paymentId"] == refunded[0]["id"]
    disputes = await gql("query { disputes(open: true) { totalCount } }", token=team.key)
    assert disputes["disputes"]["totalCount"] == 0

    # another team sees none of it; its ids in arguments are unknown
    assert (await gql(PAYMENTS, {}, token=other_team.key))["payments"]["totalCount"] == 0
    assert (await gql(PAYMENTS, {"c": shop.contact_id}, token=other_team.key))["payments"]["totalCount"] == 0
    node = await gql("query($id: ID!) { node(id: $id) { id } }", {"id": refunded[0]["id"]}, token=other_team.key)
    assert node["node"] is None
    bad = await gql.raw(PAYMENTS, {"c": "not-an-id"}, token=team.key)
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_refunds_go_through_stripe_with_an_idempotency_key_and_apply_on_the_webhook(gql, http, team,
                                                                                         other_team, fake_stripe):
    shop = await make_shop(gql, team, recurring=False, amount=5000)
    await send(http, team.id, "checkout.session.completed", checkout(shop, 4, 5000))
    payment = await Payment.get(team_id=team.id, stripe_ref="pi_api4")
    payment_id = gid("Payment", payment.id)

    partial = await gql(REFUND, {"i": {"paymentId": payment_id, "amount": 1500, "reason": "requested_by_customer"}},
                        token=team.key)
    assert partial["refundPayment"]["userErrors"] == []
    assert partial["refundPayment"]["request"]["amount"] == 1500
    again = await gql(REFUND, {"i": {"paymentId": payment_id, "amount": 1500, "reason": "requested_by_customer"}},
                      token=team.key)  # a double click: the same request reaches Stripe as the same refund
    assert again["refundPayment"]["request"]["stripeId"] == partial["refundPayment"]["request"]["stripeId"]
    [first, second] = fake_stripe.calls("POST", "/v1/refunds")
    assert first.params == {"payment_intent": "pi_api4", "amount": "1500", "reason": "requested_by_customer",
                            "metadata[team_id]": str(team.id), "metadata[payment_id]": str(payment.id)}
    assert first.headers["idempotency-key"] == second.headers["idempotency-key"]
    assert first.headers["idempotency-key"].startswith(f"memberhub-refund-{team.id}-")
    assert len([o for o in fake_stripe.objects.values() if o["object"] == "refund"]) == 1
    # Nothing changes here before Stripe's webhook confirms it.
    assert (await Payment.get(id=payment.id)).amount_refunded == 0
    refund_id = partial["refundPayment"]["request"]["stripeId"]
    await send(http, team.id, "charge.refunded", charge(4, 5000, [(refund_id, 1500)]))
    assert (await Payment.get(id=payment.id)).amount_refunded == 1500

    rest = await gql(REFUND, {"i": {"paymentId": payment_id, "idempotencyKey": "ticket-42"}}, token=team.key)
    assert rest["refundPayment"]["request"]["amount"] == 3500  # all that is left
    assert fake_stripe.calls("POST", "/v1/refunds")[-1].headers["idempotency-key"] == \
        f"memberhub-refund-{team.id}-ticket-42"

    sent = len(fake_stripe.calls("POST", "/v1/refunds"))
    for bad_input, expected in [
        ({"paymentId": payment_id, "amount": 0}, [{"field": "amount", "code": "OUT_OF_RANGE"}]),
        ({"paymentId": payment_id, "amount": 3501}, [{"field": "amount", "code": "OUT_OF_RANGE"}]),
        ({"paymentId": payment_id, "reason": "because"}, [{"field": "reason", "code": "INVALID_REASON"}]),
        ({"paymentId": payment_id, "idempotencyKey": " "}, [{"field": "idempotencyKey", "code": "INVALID_KEY"}]),
        ({"paymentId": "nope"}, [{"field": "paymentId", "code": "INVALID_ID"}]),
        ({"paymentId": gid("Payment", 10**9)}, [{"field": "paymentId", "code": "NOT_FOUND"}]),
    ]:
        result = await gql(REFUND, {"i": bad_input}, token=team.key)
        assert result["refundPayment"] == {"request": None, "userErrors": expected}, bad_input
    foreign = await gql(REFUND, {"i": {"paymentId": payment_id}}, token=other_team.key)
    assert foreign["refundPayment"]["userErrors"] == [{"field": "paymentId", "code": "NOT_FOUND"}]
    assert len(fake_stripe.calls("POST", "/v1/refunds")) == sent

    await send(http, team.id, "charge.refunded", charge(4, 5000, [(refund_id, 1500), ("re_rest", 3500)]))
    done = await gql(REFUND, {"i": {"paymentId": payment_id}}, token=team.key)
    assert done["refundPayment"]["userErrors"] == [{"field": "paymentId", "code": "NOT_REFUNDABLE"}]
    fake_stripe.fail_paths.add("/v1/refunds")
    await Payment.filter(id=payment.id).update(amount_refunded=0, status="succeeded")
    down = await gql(REFUND, {"i": {"paymentId": payment_id}}, token=team.key)
    assert down["refundPayment"]["userErrors"] == [{"field": None, "code": "STRIPE_ERROR"}]


async def _subscribed(gql: Any, http: Any, team: Any, fake_stripe: Any) -> tuple[Any, str, dict[str, Any]]:
    shop = await make_shop(gql, team, trial_days=0)
    sub = fake_stripe.put(subscription_object(sub_id="sub_api", customer="cus_sub", status="active",
                                              metadata=shop.metadata()))
    await send(http, team.id, "customer.subscription.created", sub)
    await send(http, team.id, "invoice.paid", invoice_object(invoice_id="in_api", customer="cus_sub",
                                                              subscription="sub_api", paid=True, payment_intent="pi_s"))
    row = await Subscription.get(team_id=team.id, stripe_subscription_id="sub_api")
    return shop, gid("BillingSubscription", row.id), sub


async def sub_state(gql: Any, shop: Any) -> dict[str, Any]:
    data = await gql(SUBSCRIPTION_STATE, {"c": shop.contact_id}, token=shop.key)
    [sub] = data["billingSubscriptions"]["nodes"]
    return {"status": sub["status"], "cancel_at_period_end": sub["cancelAtPeriodEnd"], "price": sub["priceId"],
            "entitlement": data["entitlements"]["nodes"][0]["status"], **data["contactBilling"]}


async def test_cancel_at_period_end_then_now_through_stripe(gql, http, team, other_team, fake_stripe):
    shop, sub_id, sub = await _subscribed(gql, http, team, fake_stripe)
    result = await gql(CANCEL, {"i": {"subscriptionId": sub_id}}, token=team.key)
    assert result["cancelSubscription"]["userErrors"] == []
    [update] = fake_stripe.calls("POST", "/v1/subscriptions/sub_api")
    assert update.params == {"cancel_at_period_end": "true"} and update.headers["idempotency-key"]
    assert (await sub_state(gql, shop))["cancel_at_period_end"] is False  # not before the webhook
    await send(http, team.id, "customer.subscription.updated", sub)
    state = await sub_state(gql, shop)
    assert state["cancel_at_period_end"] is True and state["willRenew"] is False and state["entitlement"] == "ACTIVE"

    foreign = await gql(CANCEL, {"i": {"subscriptionId": sub_id, "atPeriodEnd": False}}, token=other_team.key)
    assert foreign["cancelSubscription"]["userErrors"] == [{"field": "subscriptionId", "code": "NOT_FOUND"}]
    assert fake_stripe.calls("DELETE", "/v1/subscriptions") == []
    now = await gql(CANCEL, {"i": {"subscriptionId": sub_id, "atPeriodEnd": False}}, token=team.key)
    assert now["cancelSubscription"]["request"]["status"] == "canceled"
    assert len(fake_stripe.calls("DELETE", "/v1/subscriptions/sub_api")) == 1
    await send(http, team.id, "customer.subscription.deleted", sub)
    state = await sub_state(gql, shop)
    assert state["status"] == "CANCELED" and state["entitlement"] == "REVOKED" and state["billingStatus"] == "canceled"
    ended = await gql(CANCEL, {"i": {"subscriptionId": sub_id}}, token=team.key)
    assert ended["cancelSubscription"]["userErrors"] == [{"field": "subscriptionId", "code": "SUBSCRIPTION_ENDED"}]


async def test_pause_holds_access_and_resume_gives_it_back(gql, http, team, fake_stripe):
    shop, sub_id, sub = await _subscribed(gql, http, team, fake_stripe)
    not_paused = await gql(RESUME, {"i": {"subscriptionId": sub_id}}, token=team.key)
    assert not_paused["resumeSubscription"]["userErrors"] == [{"field": "subscriptionId", "code": "NOT_PAUSED"}]
    assert (await gql(PAUSE, {"i": {"subscriptionId": sub_id}}, token=team.key))["pauseSubscription"]["userErrors"] == []
    assert fake_stripe.calls("POST", "/v1/subscriptions/sub_api")[-1].params == {"pause_collection[behavior]": "void"}
    assert (await sub_state(gql, shop))["entitlement"] == "ACTIVE"
    await send(http, team.id, "customer.subscription.updated", sub)
    state = await sub_state(gql, shop)
    assert (state["entitlement"], state["billingStatus"], state["willRenew"], state["mrr"]) == (
        "ON_HOLD", "paused", False, 0.0)

    assert (await gql(RESUME, {"i": {"subscriptionId": sub_id}}, token=team.key))["resumeSubscription"]["userErrors"] == []
    assert fake_stripe.calls("POST", "/v1/subscriptions/sub_api")[-1].params == {"pause_collection": ""}
    await send(http, team.id, "customer.subscription.updated", sub)
    state = await sub_state(gql, shop)
    assert (state["entitlement"], state["billingStatus"], state["mrr"]) == ("ACTIVE", "active", 20.0)


async def test_change_plan_creates_the_stripe_price_once_and_applies_on_the_webhook(gql, http, team, fake_stripe):
    shop, sub_id, sub = await _subscribed(gql, http, team, fake_stripe)
    yearly = await gql(
        "mutation($i: CreatePriceInput!) { createPrice(input: $i) { price { id } userErrors { code } } }",
        {"i": {"productId": shop.product_id, "amount": 24000, "currency": "usd", "type": "RECURRING",
               "interval": "YEAR", "intervalCount": 1}}, token=team.key)
    price_id = yearly["createPrice"]["price"]["id"]
    result = await gql(CHANGE, {"i": {"subscriptionId": sub_id, "priceId": price_id, "proration": "none"}},
                       token=team.key)
    assert result["changeSubscriptionPlan"]["userErrors"] == []
    [created] = fake_stripe.calls("POST", "/v1/prices")
    assert (created.params["unit_amount"], created.params["recurring[interval]"]) == ("24000", "year")
    [update] = fake_stripe.calls("POST", "/v1/subscriptions/sub_api")
    assert update.params["items[0][id]"] == "si_sub_api" and update.params["proration_behavior"] == "none"
    assert update.params["metadata[price_id]"] == str(pk(price_id))
    assert (await sub_state(gql, shop))["price"] == shop.price_id  # until the webhook
    await send(http, team.id, "customer.subscription.updated", sub)
    state = await sub_state(gql, shop)
    assert state["price"] == price_id and state["mrr"] == 20.0 and state["entitlement"] == "ACTIVE"

    again = await gql(CHANGE, {"i": {"subscriptionId": sub_id, "priceId": price_id}}, token=team.key)
    assert again["changeSubscriptionPlan"]["userErrors"] == [{"field": "priceId", "code": "UNCHANGED"}]
    back = await gql(CHANGE, {"i": {"subscriptionId": sub_id, "priceId": shop.price_id, "proration": "maybe"}},
                     token=team.key)
    assert back["changeSubscriptionPlan"]["userErrors"] == [{"field": "proration", "code": "INVALID_PRORATION"}]
    assert len(fake_stripe.calls("POST", "/v1/prices")) == 1
