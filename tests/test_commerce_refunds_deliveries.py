"""What purchases and refunds do to segments: deliverables through their owners, order rules net of refunds."""

from __future__ import annotations

import dataclasses
import time

from ids import gid, pk
from test_commerce_fakes import (  # noqa: F401  (fixtures are imported to register them)
    fake_stripe_fixture,
    make_shop,
    send,
    stripe_server_fixture,
    subscription_object,
)
from test_realtime import make_segment, members

from app.contacts.models import TeamContact
from app.email.models import EmailSend
from app.hubs.models import HubMembership
from app.segments.pipeline.worker import evaluate_pending

EXPLAIN = """
query($s: ID!, $c: ID!) { explainSegment(segmentId: $s, contactId: $c) { matches conditions { text value } } }"""


def session(shop, number: int, amount: int) -> dict:
    return {"id": f"cs_{number}", "object": "checkout.session", "status": "complete", "mode": "payment",
            "customer": "cus_buy", "payment_intent": f"pi_{number}", "payment_status": "paid",
            "amount_total": amount, "currency": "usd", "metadata": shop.metadata(),
            "customer_details": {"email": shop.email}, "created": int(time.time())}


def refund(number: int, amount: int, refunded: int) -> dict:
    return {"id": f"ch_{number}", "object": "charge", "customer": "cus_buy", "payment_intent": f"pi_{number}",
            "amount": amount, "amount_refunded": refunded, "refunded": refunded >= amount,
            "refunds": {"object": "list", "data": [{"id": f"re_{number}_{refunded}", "amount": refunded,
                                                    "status": "succeeded"}]}}


async def test_delivered_hub_membership_and_tag_move_the_buyer_through_segments(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team, recurring=False, amount=5000)
    contact = pk(shop.contact_id)
    in_hub = await make_segment(gql, team.key, "Members hub", "hubs contains 'members'")
    tagged = await make_segment(gql, team.key, "Pro customers", "tags contains 'pro-customer'")
    await evaluate_pending(None)  # the new contact's own evaluation
    assert await members(in_hub) == set() == await members(tagged)

    await send(http, team.id, "checkout.session.completed", session(shop, 1, 5000))
    await evaluate_pending(None)
    assert await members(in_hub) == {contact} and await members(tagged) == {contact}
    # the hubs service ran its join hooks after commit: the welcome mail is queued once
    assert await EmailSend.filter(team_id=team.id, kind="welcome", team_contact_id=contact).count() == 1

    await send(http, team.id, "charge.refunded", refund(1, 5000, 5000))  # revoked: the membership is withdrawn
    await evaluate_pending(None)
    assert await members(in_hub) == set()
    assert await members(tagged) == {contact}  # tags stay, a record of the purchase


async def test_refunds_move_the_buyer_out_of_order_segments_and_total_spent_follows_ltv(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team, recurring=False, amount=10000)
    contact = pk(shop.contact_id)
    repeat = await make_segment(gql, team.key, "Repeat buyers", "count of orders > 2")
    big = await make_segment(gql, team.key, "Big spenders", "totalSpent > 250")
    recent_big = await make_segment(gql, team.key, "Big recent spenders", "sum of orders.total within 30 days > 250")
    valuable = await make_segment(gql, team.key, "Valuable", "ltv > 250")
    await evaluate_pending(None)  # the new contact's own evaluation
    for number in (1, 2, 3):
        await send(http, team.id, "checkout.session.completed", session(shop, number, 10000))
    await evaluate_pending(None)
    assert [await members(s) for s in (repeat, big, recent_big, valuable)] == [{contact}] * 4

    # a partial refund of 60.00 on the first order: 240 kept, the order still counts
    await send(http, team.id, "charge.refunded", refund(1, 10000, 6000))
    await evaluate_pending(None)
    assert await members(repeat) == {contact}
    assert await members(big) == set() == await members(recent_big) == await members(valuable)
    billing = await gql("query($c: ID!) { contactBilling(contactId: $c) { ltv } }", {"c": shop.contact_id},
                        token=team.key)
    explained = await gql(EXPLAIN, {"s": gid("Segment", big), "c": shop.contact_id}, token=team.key)
    total_spent = explained["explainSegment"]["conditions"][0]["value"]
    assert billing["contactBilling"]["ltv"] == 240.0 and total_spent == "240.00"  # explain shows currency units

    # the second order refunded in full: two paid orders are left
    await send(http, team.id, "charge.refunded", refund(2, 10000, 10000))
    await evaluate_pending(None)
    assert await members(repeat) == set()
    explained = await gql(EXPLAIN, {"s": gid("Segment", big), "c": shop.contact_id}, token=team.key)
    assert explained["explainSegment"]["conditions"][0]["value"] == "140.00"
    billing = await gql("query($c: ID!) { contactBilling(contactId: $c) { ltv } }", {"c": shop.contact_id},
                        token=team.key)
    assert billing["contactBilling"]["ltv"] == 140.0


async def test_a_contact_stripe_creates_is_evaluated_like_any_new_contact(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team)
    subscribers = await make_segment(gql, team.key, "Subscribers", "lifecycleStage = 'subscriber'")
    await evaluate_pending(None)
    assert await members(subscribers) == {pk(shop.contact_id)}
    sub = fake_stripe.put(subscription_object(sub_id="sub_new", customer="cus_new", status="active",
                                              metadata={"price_id": str(pk(shop.price_id))}))
    fake_stripe.put({"id": "cus_new", "object": "customer", "email": "New.Buyer@Example.com"})
    await send(http, team.id, "customer.subscription.created", sub)
    [created] = await TeamContact.filter(team_id=team.id, email="new.buyer@example.com")
    await evaluate_pending(None)
    assert await members(subscribers) == {pk(shop.contact_id), created.id}


async def test_a_hub_two_purchases_deliver_stays_until_both_are_refunded(gql, http, team, fake_stripe):
    first = await make_shop(gql, team, recurring=False, amount=5000)
    contact = pk(first.contact_id)
    product = await gql(
        "mutation($i: CreateProductInput!) { createProduct(input: $i) { product { id } userErrors { code } } }",
        {"i": {"name": "Members bundle", "hubId": first.hub_id}}, token=team.key)
    product_id = product["createProduct"]["product"]["id"]
    added = await gql(
        "mutation($i: AddDeliverableInput!) { addDeliverable(input: $i) { userErrors { code } } }",
        {"i": {"productId": product_id, "kind": "HUB_MEMBERSHIP", "hubId": first.hub_id, "hubRole": "member"}},
        token=team.key)
    assert added["addDeliverable"]["userErrors"] == []
    price = await gql(
        "mutation($i: CreatePriceInput!) { createPrice(input: $i) { price { id } userErrors { code } } }",
        {"i": {"productId": product_id, "amount": 3000, "currency": "usd", "type": "ONE_TIME"}}, token=team.key)
    second = dataclasses.replace(first, product_id=product_id, price_id=price["createPrice"]["price"]["id"])
    in_hub = await make_segment(gql, team.key, "Members hub", "hubs contains 'members'")

    await send(http, team.id, "checkout.session.completed", session(first, 1, 5000))
    await send(http, team.id, "checkout.session.completed", session(second, 2, 3000))
    await evaluate_pending(None)
    assert await members(in_hub) == {contact}

    await send(http, team.id, "charge.refunded", refund(1, 5000, 5000))
    await evaluate_pending(None)
    assert await members(in_hub) == {contact}  # the second purchase still delivers the hub
    assert await HubMembership.filter(team_contact_id=contact).count() == 1

    await send(http, team.id, "charge.refunded", refund(2, 3000, 3000))
    await evaluate_pending(None)
    assert await members(in_hub) == set()
    assert await HubMembership.filter(team_contact_id=contact).count() == 0


async def test_a_membership_held_before_any_purchase_survives_the_refund(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team, recurring=False, amount=5000)
    contact = pk(shop.contact_id)
    joined = await gql(
        "mutation($i: AddHubMemberInput!) { addHubMember(input: $i) { membership { id } userErrors { code } } }",
        {"i": {"hubId": shop.hub_id, "contactId": shop.contact_id}}, token=team.key)
    assert joined["addHubMember"]["userErrors"] == []
    await send(http, team.id, "checkout.session.completed", session(shop, 1, 5000))
    await send(http, team.id, "charge.refunded", refund(1, 5000, 5000))
    assert await HubMembership.filter(team_contact_id=contact).count() == 1
