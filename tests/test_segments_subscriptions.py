"""Per-subscription conditions through GraphQL: one subscription meets every condition, product and
plan names, money in major units, and days until renewal re-checked by the time sweep."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import factories
from test_realtime import make_segment, members
from test_segments_rules import contacts
from test_segments_semantics import errors_of, preview
from tortoise.transactions import in_transaction

from app.commerce.models import Payment, Subscription
from app.commerce.segment_subscriptions import load_subscription_state
from app.segments.catalog import ContactState
from app.segments.evaluator import evaluate
from app.segments.pipeline.timesweep import sweep_time_windows
from app.segments.pipeline.worker import evaluate_pending
from app.segments.service import check_rule


async def _subscription(team, contact_id, price, **row):
    defaults = {"status": "active", "interval": "month", "quantity": 1, "mrr_amount": 0,
                "current_period_end": datetime.now(UTC) + timedelta(days=20)}
    return await Subscription.create(
        team_id=team.id, team_contact_id=contact_id, product_id=price.product_id, price_id=price.id,
        stripe_subscription_id=f"sub_{contact_id}_{price.id}_{row.get('status', 'active')}",
        stripe_customer_id=f"cus_{contact_id}", **{**defaults, **row})


async def _reference_states(team, ids):
    async with in_transaction() as tx, tx.acquire_connection() as conn:
        loaded = await load_subscription_state(conn, team.id, list(ids.values()))
    return {email: ContactState(contact={"email": email}, extra=loaded.get(cid, {})) for email, cid in ids.items()}


async def test_any_subscription_has_means_one_subscription_meets_every_condition(gql, team):
    yoga, pilates = await factories.product(team, "Yoga"), await factories.product(team, "Pilates")
    monthly = await factories.price(team, yoga, 1500, interval="month", nickname="Monthly yoga")
    yearly = await factories.price(team, pilates, 12000, interval="year")
    ids = await contacts(gql, team, {"email": "a@x.com"}, {"email": "b@x.com"}, {"email": "c@x.com"})
    mine = await _subscription(team, ids["a@x.com"], monthly, quantity=2, mrr_amount=1500)
    await _subscription(team, ids["a@x.com"], yearly, interval="year", status="canceled", mrr_amount=0)
    await _subscription(team, ids["b@x.com"], yearly, interval="year", mrr_amount=1000)
    await _subscription(team, ids["b@x.com"], monthly, status="trialing", current_period_end=None)
    await Payment.create(team_id=team.id, team_contact_id=ids["a@x.com"], subscription_id=mine.id, stripe_ref="in_1",
                         status="succeeded", amount=3000, amount_refunded=500)
    cases = {
        "any subscription has status = 'active' AND interval = 'month'": ["a@x.com"],
        "any subscription has status = 'Active', interval = 'year'": ["b@x.com"],
        "any subscription has isTrial = true": ["b@x.com"],
        "any subscription has productName = 'Yoga', quantity >= 2": ["a@x.com"],
        "any subscription has planName contains 'monthly'": ["a@x.com", "b@x.com"],
        "any subscription has planName contains 'monthly', status = 'active'": ["a@x.com"],
        "any subscription has mrr > 10": ["a@x.com"],
        "any subscription has ltv = 25": ["a@x.com"],
        "any subscription has status != 'active'": ["a@x.com", "b@x.com"],
        "no subscription has status = 'active'": ["c@x.com"],
        "any subscription has renewsAt after today, status = 'trialing'": [],
        "any subscription has daysUntilRenewal between 18 and 20": ["a@x.com", "b@x.com"],
        f"any subscription has willRenew = true, isTrial = false, planId = '{monthly.id}'": ["a@x.com"],
    }
    states = await _reference_states(team, ids)
    for text, expected in cases.items():
        emails, result = await preview(gql, team, text)
        assert emails == expected, text
        # The reference evaluator, over the subscription rows, agrees.
        parsed = await check_rule(team.team, text, None)
        now = datetime.now(UTC)
        assert sorted(e for e, state in states.items() if evaluate(parsed.node, state, now)) == expected, text
    _, result = await preview(gql, team, "any subscription has status = 'active' and interval = 'month'")
    assert result["ruleText"] == "any subscription has status = 'active', interval = 'month'"
    [error] = await errors_of(gql, team, "any subscription has stauts = 'active'")
    assert error["code"] == "UNKNOWN_FIELD" and "did you mean 'status'" in error["message"]
    [error] = await errors_of(gql, team, "any subscription has status = 'activ'")
    assert error["code"] == "INVALID_VALUE" and "did you mean 'active'" in error["message"]


async def test_days_until_renewal_is_rechecked_by_the_time_sweep(gql, team):
    price = await factories.price(team, await factories.product(team, "Club"), 900, interval="month")
    ids = await contacts(gql, team, {"email": "soon@x.com"}, {"email": "later@x.com"})
    now = datetime.now(UTC)
    await _subscription(team, ids["soon@x.com"], price, current_period_end=now + timedelta(days=8, seconds=2))
    await _subscription(team, ids["later@x.com"], price, current_period_end=now + timedelta(days=20))
    renewing = await make_segment(gql, team.key, "Renewing this week",
                                  "any subscription has daysUntilRenewal <= 7")
    assert await members(renewing) == set()
    await asyncio.sleep(3)  # 8 days and 2 seconds became 7 days and 23:59:59: a whole day less
    report = await sweep_time_windows(None)
    assert report["queued"] == 1
    await evaluate_pending(None)
    assert await members(renewing) == {ids["soon@x.com"]}
