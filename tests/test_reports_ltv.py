"""Predicted LTV: the library's fit against published results, and the per-segment report.

tests/data/cdnow_summary.csv is the CDNOW sample summary (2,357 customers: repeat purchases x,
recency t_x and age T in weeks, mean repeat spend zbar) that Fader, Hardie & Lee published with
their BG/NBD paper, as shipped in the MIT-licensed `lifetimes` 0.11.3 wheel. On it the paper
reports r = 0.243, alpha = 4.414, a = 0.793, b = 2.426 (Marketing Science 24(2), 2005), and Fader
& Hardie's Gamma-Gamma note p = 6.25, q = 3.74, gamma = 15.44: the fit must be within 2%.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import factories
import pytest
from ids import gid

from app.commerce.models import Order
from app.core.redis import get_redis
from app.reports.ltv import Customer, bgnbd_params, customer_summary, fit_bgnbd, fit_gamma_gamma
from app.reports.models import LtvPrediction
from app.segments.models import SegmentMembership
from workers.settings import build_worker

pytest.importorskip("pymc_marketing")  # the clv extra (part of the test extra)

CDNOW = Path(__file__).parent / "data" / "cdnow_summary.csv"

LTV = """
query($ids: [ID!]!) {
  predictedLtv(segmentIds: $ids) {
    userErrors { field code }
    ltv { status message fittedAt horizonDays customers parameters { r alpha a b p q v }
      segments { segmentId segmentName members customers expectedPurchases expectedSpend
                 expectedPurchasesPerMember expectedSpendPerMember averageProbabilityAlive } }
  }
}
"""


def cdnow() -> list[Customer]:
    with CDNOW.open() as f:
        return [Customer(id=int(r["ID"]), frequency=int(r["x"]), recency=float(r["t_x"]), t=float(r["T"]),
                         monetary=float(r["zbar"])) for r in csv.DictReader(f)]


def test_bgnbd_and_gamma_gamma_reproduce_the_published_cdnow_fits() -> None:
    customers = cdnow()
    assert len(customers) == 2357

    params = bgnbd_params(fit_bgnbd(customers))
    gamma = fit_gamma_gamma(customers).fit_result

    for name, published in {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}.items():
        assert params[name] == pytest.approx(published, rel=0.02), name
    for name, published in {"p": 6.25, "q": 3.74, "v": 15.44}.items():
        assert float(gamma[name].values.reshape(-1)[0]) == pytest.approx(published, rel=0.02), name


NOW = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)


async def ltv_world(make_team: Any) -> dict[str, Any]:
    acme = await make_team("Acme LTV")
    contacts = [await factories.contact(acme, f"c{i}@example.com") for i in range(40)]
    for i, contact in enumerate(contacts):
        first = NOW - timedelta(days=300 - i * 5)
        repeats = i % 5  # 0..4 repeat purchases, the more loyal the later they stopped
        days = [first + timedelta(days=20 * k) for k in range(repeats + 1)]
        for k, day in enumerate(days):
            await Order.create(team_id=acme.id, team_contact_id=contact.id, total_amount=2000 + 500 * (i % 3) + k * 100,
                               status="paid", placed_at=day)
    # One buyer with two orders on one day (one purchase) and a refund: 3000 net on day 0, then day 30.
    ava = await factories.contact(acme, "ava@example.com")
    start = NOW - timedelta(days=100)
    await Order.create(team_id=acme.id, team_contact_id=ava.id, total_amount=2000, status="paid", placed_at=start)
    await Order.create(team_id=acme.id, team_contact_id=ava.id, total_amount=1500, amount_refunded=500,
                       status="partially_refunded", placed_at=start + timedelta(hours=1))
    await Order.create(team_id=acme.id, team_contact_id=ava.id, total_amount=4000, status="paid",
                       placed_at=start + timedelta(days=30))
    loyal = await factories.segment(acme, "Loyal", kind="static")
    window = await factories.segment(acme, "Window shoppers", kind="static")
    await SegmentMembership.filter(team_id=acme.id).delete()
    for contact in [*contacts[:10], ava]:
        await SegmentMembership.create(team_id=acme.id, segment_id=loyal.id, team_contact_id=contact.id)
    browser = await factories.contact(acme, "browser@example.com")  # a member who never bought
    await SegmentMembership.create(team_id=acme.id, segment_id=window.id, team_contact_id=browser.id)
    return {"team": acme, "loyal": loyal, "window": window, "ava": ava, "members": [*contacts[:10], ava]}


async def test_customer_summary_counts_purchase_days_net_of_refunds(make_team: Any) -> None:
    world = await ltv_world(make_team)

    summary = {c.id: c for c in await customer_summary(world["team"].team, NOW)}

    ava = summary[world["ava"].id]
    assert (ava.frequency, ava.recency, ava.t, ava.monetary) == (1, 30.0, 100.0, 4000.0)
    assert len(summary) == 41  # the browser never bought


async def test_predicted_ltv_by_segment_after_the_fit_job(gql: Any, make_team: Any) -> None:
    world = await ltv_world(make_team)
    acme = world["team"]
    ids = [gid("Segment", world["loyal"].id), gid("Segment", world["window"].id)]

    before = await gql(LTV, {"ids": ids}, token=acme.key)
    redis = await get_redis()
    await redis.enqueue_job("fit_predicted_ltv", acme.id)
    worker = build_worker(burst=True, poll_delay=0, on_startup=None, on_shutdown=None, cron_jobs=[])
    try:
        await worker.async_run()
    finally:
        await worker.close()
    after = await gql(LTV, {"ids": ids}, token=acme.key)

    assert before["predictedLtv"]["ltv"]["status"] is None
    assert [s["expectedPurchases"] for s in before["predictedLtv"]["ltv"]["segments"]] == [0.0, 0.0]
    ltv = after["predictedLtv"]["ltv"]
    assert (ltv["status"], ltv["horizonDays"], ltv["customers"]) == ("OK", 90, 41)
    assert all(ltv["parameters"][k] > 0 for k in ("r", "alpha", "a", "b", "p", "q", "v"))
    loyal, window = ltv["segments"]
    predictions = {p.team_contact_id: p for p in await LtvPrediction.filter(team_id=acme.id)}
    assert len(predictions) == 41
    mine = [predictions[c.id] for c in world["members"]]
    assert (loyal["members"], loyal["customers"]) == (11, 11)
    assert loyal["expectedPurchases"] == pytest.approx(sum(p.expected_purchases for p in mine), abs=1e-3)
    assert loyal["expectedSpend"] == pytest.approx(sum(p.expected_spend for p in mine), abs=0.01)
    assert loyal["expectedSpendPerMember"] == pytest.approx(loyal["expectedSpend"] / 11, abs=0.01)
    assert 0 < loyal["averageProbabilityAlive"] <= 1
    assert loyal["expectedPurchases"] > 0 and loyal["expectedSpend"] > 0
    assert (window["members"], window["customers"], window["expectedPurchases"], window["averageProbabilityAlive"]) == (
        1, 0, 0.0, None)


async def test_predicted_ltv_errors_and_too_few_customers(gql: Any, make_team: Any) -> None:
    acme = await make_team("Tiny")
    other = await make_team("Globex")
    theirs = await factories.segment(other, "Theirs", kind="static")
    mine = await factories.segment(acme, "Mine", kind="static")
    from app.reports.ltv import fit_team

    fit = await fit_team(acme.team)
    data = await gql(LTV, {"ids": [gid("Segment", mine.id)]}, token=acme.key)
    refused = await gql(LTV, {"ids": [gid("Segment", theirs.id)]}, token=acme.key)

    assert fit.status == "too_few"
    assert data["predictedLtv"]["ltv"]["status"] == "TOO_FEW"
    assert "at least 20 customers" in data["predictedLtv"]["ltv"]["message"]
    assert refused["predictedLtv"]["ltv"] is None
    assert refused["predictedLtv"]["userErrors"] == [{"field": "segmentIds", "code": "NOT_FOUND"}]
