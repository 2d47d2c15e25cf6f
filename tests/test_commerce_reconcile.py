"""The daily reconciliation repairs what dropped webhooks left wrong, once per period."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from ids import pk
from test_commerce_fakes import (  # noqa: F401  (fixtures are imported to register them)
    fake_stripe_fixture,
    make_shop,
    send,
    stripe_server_fixture,
    subscription_object,
)

from app.commerce.models import Entitlement, Order, ReconciliationRun, Subscription
from app.commerce.reconcile import reconcile_team
from app.commerce.stripe_api import team_stripe
from app.core.redis import get_redis
from workers.settings import build_worker


async def test_reconciliation_repairs_a_dropped_cancellation_and_a_dropped_checkout(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team)
    sub = fake_stripe.put(subscription_object(sub_id="sub_rec", customer="cus_rec", status="active",
                                              metadata=shop.metadata()))
    await send(http, team.id, "customer.subscription.created", sub)
    assert (await Entitlement.get(team_id=team.id)).status == "active"
    # Stripe canceled it, but the customer.subscription.deleted delivery never arrived
    fake_stripe.put({**sub, "status": "canceled", "canceled_at": int(time.time()), "ended_at": int(time.time())})
    # …and a one-time purchase completed whose checkout.session.completed was dropped too
    one_time = await gql("mutation($i: CreatePriceInput!) { createPrice(input: $i) { price { id } } }",
                         {"i": {"productId": shop.product_id, "type": "ONE_TIME", "amount": 9900}}, token=team.key)
    buyer = await gql('mutation { upsertContacts(input: {contacts: [{email: "zoe@example.com"}]}) { contacts { id } } }',
                      token=team.key)
    buyer_id = buyer["upsertContacts"]["contacts"][0]["id"]
    fake_stripe.put({
        "id": "cs_dropped", "object": "checkout.session", "status": "complete", "mode": "payment",
        "customer": "cus_zoe", "payment_intent": "pi_zoe", "payment_status": "paid", "amount_total": 9900,
        "currency": "usd", "created": int(time.time()), "customer_details": {"email": "zoe@example.com"},
        "metadata": {"team_id": str(team.id), "team_contact_id": str(pk(buyer_id)),
                     "price_id": str(pk(one_time["createPrice"]["price"]["id"])), "product_id": str(pk(shop.product_id))},
    })

    redis = await get_redis()
    job = await redis.enqueue_job("reconcile_stripe")
    assert job is not None
    worker = build_worker(burst=True, poll_delay=0, on_startup=None, on_shutdown=None)
    try:
        await worker.async_run()
    finally:
        await worker.close()
    result = await job.result(timeout=10)
    assert result == {team.id: 2}
    assert (await Subscription.get(stripe_subscription_id="sub_rec")).status == "canceled"
    assert (await Entitlement.get(team_contact_id=pk(shop.contact_id))).status == "revoked"
    assert (await Entitlement.get(team_contact_id=pk(buyer_id))).status == "active"
    assert await Order.filter(team_contact_id=pk(buyer_id), total_amount=9900).count() == 1
    # the period is taken: a second run (another worker, or cron firing twice) does nothing
    client = (await team_stripe(team.id))[0]
    assert await reconcile_team(team.id, client) is None
    assert await ReconciliationRun.filter(team_id=team.id).count() == 1
    # a new period finds nothing left to repair
    assert await reconcile_team(team.id, client, period="next") == 0


async def test_reconciliation_ends_expired_grace_periods(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team, policy="GRACE", grace_days=3)
    sub = fake_stripe.put(subscription_object(sub_id="sub_gr", customer="cus_gr", status="past_due",
                                              metadata=shop.metadata()))
    await send(http, team.id, "customer.subscription.updated", sub)
    assert (await Entitlement.get(team_id=team.id)).status == "grace"
    await Subscription.filter(stripe_subscription_id="sub_gr").update(
        past_due_since=datetime.now(UTC) - timedelta(days=4))
    client = (await team_stripe(team.id))[0]
    assert await reconcile_team(team.id, client) == 1
    assert (await Entitlement.get(team_id=team.id)).status == "revoked"
