"""One-time purchases, add-ons, coupons and refunds through checkout and webhooks."""

from __future__ import annotations

import time

from ids import pk
from test_commerce_fakes import (  # noqa: F401  (fixtures are imported to register them)
    event_payload,
    fake_stripe_fixture,
    make_shop,
    post_event,
    send,
    stripe_server_fixture,
)

from app.commerce.models import Order, OrderItem, Payment, Refund
from app.contacts.models import Event

CHECKOUT = """mutation($i: CreateCheckoutInput!) {
  createCheckout(input: $i) { session { stripeSessionId url mode status } userErrors { field code message } } }"""
ENTITLEMENTS = "query($c: ID!) { entitlements(contactId: $c) { nodes { productId status source } } }"


def completed_session(shop, session_id: str, amount: int, metadata: dict | None = None, customer: str = "cus_buy",
                      payment_intent: str = "pi_buy") -> dict:
    return {"id": session_id, "object": "checkout.session", "status": "complete", "mode": "payment",
            "customer": customer, "payment_intent": payment_intent, "payment_status": "paid",
            "amount_total": amount, "currency": "usd", "metadata": metadata or shop.metadata(),
            "customer_details": {"email": shop.email}, "created": int(time.time())}


def charge(amount: int, refunded: int, refunds: list[dict], payment_intent: str = "pi_buy") -> dict:
    return {"id": "ch_buy", "object": "charge", "customer": "cus_buy", "payment_intent": payment_intent,
            "amount": amount, "amount_refunded": refunded, "refunded": refunded >= amount,
            "refunds": {"object": "list", "data": refunds}}


async def entitlement_statuses(gql, shop) -> dict[str, str]:
    data = await gql(ENTITLEMENTS, {"c": shop.contact_id}, token=shop.key)
    return {e["productId"]: e["status"] for e in data["entitlements"]["nodes"]}


async def test_one_time_purchase_with_add_on_and_coupon_then_partial_and_full_refund(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team, recurring=False, amount=5000)
    addon_product = await gql('mutation { createProduct(input: {name: "Workbook"}) { product { id } } }',
                              token=team.key)
    addon_product_id = addon_product["createProduct"]["product"]["id"]
    addon_price = await gql("mutation($i: CreatePriceInput!) { createPrice(input: $i) { price { id } } }",
                            {"i": {"productId": addon_product_id, "type": "ONE_TIME", "amount": 1000}},
                            token=team.key)
    addon_price_id = addon_price["createPrice"]["price"]["id"]
    linked = await gql("mutation($i: AddProductAddOnInput!) { addProductAddOn(input: $i) { addOn { id } userErrors { code } } }",
                       {"i": {"productId": shop.product_id, "priceId": addon_price_id}}, token=team.key)
    assert linked["addProductAddOn"]["userErrors"] == []
    coupon = await gql('mutation { createCoupon(input: {code: "launch10", kind: PERCENT, percentOff: 10}) { coupon { code } userErrors { code } } }',
                       token=team.key)
    assert coupon["createCoupon"]["coupon"]["code"] == "LAUNCH10"

    out = await gql(CHECKOUT, {"i": {"priceId": shop.price_id, "contactId": shop.contact_id,
                                     "successUrl": "https://s.test/ok", "cancelUrl": "https://s.test/no",
                                     "addOnPriceIds": [addon_price_id], "couponCode": "launch10",
                                     "idempotencyKey": "cart-1"}}, token=team.key)
    assert out["createCheckout"]["userErrors"] == [] and out["createCheckout"]["session"]["mode"] == "payment"
    again = await gql(CHECKOUT, {"i": {"priceId": shop.price_id, "contactId": shop.contact_id,
                                       "successUrl": "https://s.test/ok", "cancelUrl": "https://s.test/no",
                                       "addOnPriceIds": [addon_price_id], "couponCode": "launch10",
                                       "idempotencyKey": "cart-1"}}, token=team.key)
    session_id = out["createCheckout"]["session"]["stripeSessionId"]
    assert again["createCheckout"]["session"]["stripeSessionId"] == session_id  # same idempotency key
    [coupon_call] = fake_stripe.calls("POST", "/v1/coupons")
    assert coupon_call.params["percent_off"] == "10.0"
    sent = fake_stripe.calls("POST", "/v1/checkout/sessions")[0]
    assert sent.params["customer_creation"] == "always" and sent.params["line_items[1][price_data][unit_amount]"] == "1000"
    assert sent.params["discounts[0][coupon]"].startswith("co_")
    assert sent.params["metadata[addon_price_ids]"] == str(pk(addon_price_id))

    metadata = fake_stripe.objects[session_id]["metadata"]
    await send(http, team.id, "checkout.session.completed", completed_session(shop, session_id, 5400, metadata))
    assert await entitlement_statuses(gql, shop) == {shop.product_id: "ACTIVE", addon_product_id: "ACTIVE"}
    order = await Order.get(team_id=team.id)
    assert order.total_amount == 5400 and order.status == "paid"
    assert sorted(await OrderItem.filter(order_id=order.id).values_list("amount", flat=True)) == [1000, 4400]

    partial = charge(5400, 1000, [{"id": "re_1", "amount": 1000, "status": "succeeded"}])
    await send(http, team.id, "charge.refunded", partial)
    assert (await Order.get(id=order.id)).status == "partially_refunded"
    assert await entitlement_statuses(gql, shop) == {shop.product_id: "ACTIVE", addon_product_id: "ACTIVE"}

    full = charge(5400, 5400, [{"id": "re_1", "amount": 1000, "status": "succeeded"},
                               {"id": "re_2", "amount": 4400, "status": "succeeded"}])
    await send(http, team.id, "charge.refunded", full)
    await send(http, team.id, "charge.refunded", partial)  # a late copy of the first refund changes nothing
    await send(http, team.id, "checkout.session.completed",  # nor does a replayed checkout under a new event id
               completed_session(shop, session_id, 5400, metadata))
    assert (await Order.get(id=order.id)).status == "refunded"
    payment = await Payment.get(team_id=team.id)
    assert payment.amount_refunded == 5400 and payment.status == "refunded"
    assert await Refund.filter(team_id=team.id).count() == 2
    assert await entitlement_statuses(gql, shop) == {shop.product_id: "REVOKED", addon_product_id: "REVOKED"}
    assert await Order.filter(team_id=team.id).count() == 1
    assert [e.properties["amount_minor"] for e in await Event.filter(type="refund").order_by("id")] == [1000, 4400]
    billing = await gql("query($c: ID!) { contactBilling(contactId: $c) { ltv billingStatus } }",
                        {"c": shop.contact_id}, token=team.key)
    assert billing["contactBilling"] == {"ltv": 0.0, "billingStatus": "refunded"}  # not "paid" (issue 18)


async def test_refund_for_another_teams_payment_changes_nothing(gql, http, team, other_team, fake_stripe):
    shop = await make_shop(gql, team, recurring=False)
    other = await make_shop(gql, other_team, recurring=False)
    await send(http, other_team.id, "checkout.session.completed",
               completed_session(other, "cs_other", 2000, customer="cus_o", payment_intent="pi_o"))
    # team A's endpoint receives a (validly signed, for A) refund naming B's payment intent
    response = await post_event(http, team.id, event_payload("charge.refunded", charge(2000, 2000, [], "pi_o")))
    assert response.status_code == 200
    assert (await Payment.get(team_id=other_team.id)).amount_refunded == 0
    assert await entitlement_statuses(gql, other) == {other.product_id: "ACTIVE"}
    assert await entitlement_statuses(gql, shop) == {}
