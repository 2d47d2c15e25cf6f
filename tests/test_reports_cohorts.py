"""Cohort retention and revenue attribution through GraphQL, against hand-computed fixtures.

Team in America/New_York. First orders: a 10 Jan (1000), b 1 Feb 03:00Z = 31 Jan 22:00 EST
(2000, 500 refunded: a January first-orderer), c 10 Feb (3000); d never orders.
a also orders 15 Feb (500) and has an event on 5 Mar; c an event on 20 Feb.
Subscriptions: a 10 Jan - 20 Feb; c from 10 Feb, still live.

January cohort {a, b}: Jan active 2/2, subscribed 1/2, revenue 1000 + 1500 = 2500 (1250 each);
Feb active 1 (a's order), subscribed 1 (a, until the 20th), revenue 3000; Mar active 1 (event), 0, 3000.
February cohort {c}: Feb 1/1 active, subscribed, 3000; Mar and Apr subscribed only, 3000.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import factories
from ids import gid

from app.commerce.models import Order, Subscription
from app.contacts.models import Event, TeamContact
from app.segments.models import SegmentMembership, SegmentMembershipChange

COHORTS = """
query($input: CohortReportInput!) {
  cohortReport(input: $input) {
    userErrors { field code }
    report { cohortBy timeZone periods
      rows(first: 50) { totalCount pageInfo { hasNextPage endCursor }
        nodes { cohort size cells { period month active activeRate subscribed subscribedRate revenue revenuePerMember } } }
    }
  }
}
"""

ATTRIBUTION = """
query($ids: [ID!]!, $period: ReportPeriodInput!) {
  revenueBySegment(segmentIds: $ids, period: $period) {
    userErrors { field code }
    attribution { timeZone totalRevenue totalOrders attributedRevenue attributedOrders unattributedRevenue
      segments { segmentId segmentName revenue orders share exclusiveRevenue }
      overlaps { firstSegmentId secondSegmentId revenue orders } }
  }
}
"""


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


async def order(team: Any, contact: Any, total: int, when: str, refunded: int = 0) -> None:
    await Order.create(team_id=team.id, team_contact_id=contact.id, total_amount=total, amount_refunded=refunded,
                       status="partially_refunded" if refunded else "paid", placed_at=at(when))


async def history(team: Any, segment: Any, contact: Any, action: str, when: str) -> None:
    await SegmentMembershipChange.create(team_id=team.id, segment_id=segment.id, team_contact_id=contact.id,
                                         action=action, cause="recompute", at=at(when))


async def cohort_world(make_team: Any) -> dict[str, Any]:
    acme = await make_team("Acme NY", time_zone="America/New_York")
    a, b, c, d = [await factories.contact(acme, f"{n}@example.com") for n in "abcd"]
    await order(acme, a, 1000, "2026-01-10T17:00:00")
    await order(acme, a, 500, "2026-02-15T17:00:00")
    await order(acme, b, 2000, "2026-02-01T03:00:00", refunded=500)
    await order(acme, c, 3000, "2026-02-10T17:00:00")
    for contact, when in [(a, "2026-03-05T17:00:00"), (c, "2026-02-20T17:00:00")]:
        await Event.create(team_id=acme.id, team_contact_id=contact.id, type="page_view", occurred_at=at(when))
    sub = {"team_id": acme.id, "stripe_customer_id": "cus", "interval": "month", "unit_amount": 1000}
    await Subscription.create(**sub, team_contact_id=a.id, stripe_subscription_id="s_a", status="canceled",
                              started_at=at("2026-01-10T17:00:00"), ended_at=at("2026-02-20T17:00:00"))
    await Subscription.create(**sub, team_contact_id=c.id, stripe_subscription_id="s_c", status="active",
                              mrr_amount=1000, started_at=at("2026-02-10T17:00:00"))
    return {"team": acme, "contacts": (a, b, c, d)}


def cells(row: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(c["period"], c["month"], c["active"], c["activeRate"], c["subscribed"], c["subscribedRate"],
             c["revenue"], c["revenuePerMember"]) for c in row["cells"]]


async def test_first_order_cohorts(gql: Any, make_team: Any) -> None:
    world = await cohort_world(make_team)

    data = await gql(COHORTS, {"input": {"cohortBy": "FIRST_ORDER_MONTH", "start": "2026-01-01",
                                         "end": "2026-02-28", "periods": 3}}, token=world["team"].key)

    report = data["cohortReport"]["report"]
    assert (report["cohortBy"], report["timeZone"], report["periods"]) == (
        "FIRST_ORDER_MONTH", "America/New_York", 3)
    assert report["rows"]["totalCount"] == 2
    january, february = report["rows"]["nodes"]
    assert (january["cohort"], january["size"]) == ("2026-01-01", 2)
    assert cells(january) == [
        (0, "2026-01-01", 2, 1.0, 1, 0.5, 2500, 1250.0),
        (1, "2026-02-01", 1, 0.5, 1, 0.5, 3000, 1500.0),
        (2, "2026-03-01", 1, 0.5, 0, 0.0, 3000, 1500.0),
    ]
    assert (february["cohort"], february["size"]) == ("2026-02-01", 1)
    assert cells(february) == [
        (0, "2026-02-01", 1, 1.0, 1, 1.0, 3000, 3000.0),
        (1, "2026-03-01", 0, 0.0, 1, 1.0, 3000, 3000.0),
        (2, "2026-04-01", 0, 0.0, 1, 1.0, 3000, 3000.0),
    ]


async def test_cohort_by_segment_now_and_by_segment_join(gql: Any, make_team: Any) -> None:
    world = await cohort_world(make_team)
    acme = world["team"]
    a, _b, c, _d = world["contacts"]
    still_active = await factories.segment(acme, "Still active", kind="static")
    await SegmentMembership.filter(team_id=acme.id).delete()
    await SegmentMembership.create(team_id=acme.id, segment_id=still_active.id, team_contact_id=a.id)
    vip = await factories.segment(acme, "VIP", kind="static")
    await SegmentMembershipChange.filter(team_id=acme.id).delete()
    await history(acme, vip, a, "join", "2026-01-05T17:00:00")
    await history(acme, vip, c, "join", "2026-03-02T17:00:00")

    crossed = await gql(COHORTS, {"input": {"cohortBy": "FIRST_ORDER_MONTH", "start": "2026-01-01",
                                            "end": "2026-02-28", "periods": 1,
                                            "inSegmentId": gid("Segment", still_active.id)}}, token=acme.key)
    joined = await gql(COHORTS, {"input": {"cohortBy": "SEGMENT_JOIN_MONTH", "start": "2026-01-01",
                                           "end": "2026-03-31", "periods": 1,
                                           "cohortSegmentId": gid("Segment", vip.id)}}, token=acme.key)

    [january] = crossed["cohortReport"]["report"]["rows"]["nodes"]
    assert (january["cohort"], january["size"], cells(january)) == (
        "2026-01-01", 1, [(0, "2026-01-01", 1, 1.0, 1, 1.0, 1000, 1000.0)])
    rows = joined["cohortReport"]["report"]["rows"]["nodes"]
    assert [(r["cohort"], r["size"]) for r in rows] == [("2026-01-01", 1), ("2026-03-01", 1)]
    assert cells(rows[1]) == [(0, "2026-03-01", 0, 0.0, 1, 1.0, 0, 0.0)]  # c's order was before joining


async def test_join_month_cohorts_and_paging(gql: Any, make_team: Any) -> None:
    world = await cohort_world(make_team)
    acme = world["team"]
    for contact, when in zip(world["contacts"], ["2026-01-03", "2026-01-20", "2026-02-02", "2026-03-09"],
                             strict=True):
        await TeamContact.filter(id=contact.id).update(created_at=at(when + "T17:00:00"))
    query = COHORTS.replace("rows(first: 50)", "rows(first: 2, after: $after)").replace(
        "query($input: CohortReportInput!)", "query($input: CohortReportInput!, $after: String)")
    variables: dict[str, Any] = {"input": {"cohortBy": "JOIN_MONTH", "start": "2026-01-01", "end": "2026-03-31",
                                           "periods": 1}, "after": None}

    first = (await gql(query, variables, token=acme.key))["cohortReport"]["report"]["rows"]
    variables["after"] = first["pageInfo"]["endCursor"]
    second = (await gql(query, variables, token=acme.key))["cohortReport"]["report"]["rows"]

    assert [(r["cohort"], r["size"]) for r in first["nodes"]] == [("2026-01-01", 2), ("2026-02-01", 1)]
    assert first["pageInfo"]["hasNextPage"] is True and first["totalCount"] == 3
    assert [(r["cohort"], r["size"]) for r in second["nodes"]] == [("2026-03-01", 1)]
    assert second["pageInfo"]["hasNextPage"] is False


async def test_cohort_input_errors(gql: Any, make_team: Any) -> None:
    world = await cohort_world(make_team)
    acme = world["team"]
    other = await make_team("Globex")
    theirs = await factories.segment(other, "Theirs", kind="static")
    base = {"cohortBy": "FIRST_ORDER_MONTH", "start": "2026-01-01", "end": "2026-02-28"}
    for changes, expected in [
        ({"end": "2025-12-01"}, [("end", "INVALID_PERIOD")]),
        ({"end": "2029-12-01"}, [("end", "PERIOD_TOO_LONG")]),
        ({"periods": 0}, [("periods", "INVALID_VALUE")]),
        ({"periods": 37}, [("periods", "INVALID_VALUE")]),
        ({"cohortBy": "SEGMENT_JOIN_MONTH"}, [("cohortSegmentId", "REQUIRED")]),
        ({"inSegmentId": gid("Segment", theirs.id)}, [("inSegmentId", "NOT_FOUND")]),
        ({"cohortBy": "SEGMENT_JOIN_MONTH", "cohortSegmentId": gid("Segment", theirs.id)},
         [("cohortSegmentId", "NOT_FOUND")]),
        ({"inSegmentId": gid("Hub", 1)}, [("inSegmentId", "INVALID_ID")]),
    ]:
        data = await gql(COHORTS, {"input": {**base, **changes}}, token=acme.key)
        result = data["cohortReport"]
        assert result["report"] is None, changes
        assert [(e["field"], e["code"]) for e in result["userErrors"]] == expected, changes


async def attribution_world(make_team: Any) -> dict[str, Any]:
    acme = await make_team("Acme NY", time_zone="America/New_York")
    a, b, c = [await factories.contact(acme, f"{n}@example.com") for n in "abc"]
    seg_a = await factories.segment(acme, "A", kind="static")
    seg_b = await factories.segment(acme, "B", kind="static")
    await SegmentMembershipChange.filter(team_id=acme.id).delete()
    await history(acme, seg_a, a, "join", "2026-01-01T12:00:00")
    await history(acme, seg_b, a, "join", "2026-02-01T12:00:00")
    await history(acme, seg_b, a, "leave", "2026-03-01T12:00:00")
    await history(acme, seg_b, b, "join", "2026-01-01T12:00:00")
    await order(acme, a, 1000, "2026-01-15T17:00:00")  # A
    await order(acme, a, 2000, "2026-02-15T17:00:00")  # A and B
    await order(acme, a, 400, "2026-03-15T17:00:00")  # A (a left B on 1 March)
    await order(acme, b, 3000, "2026-01-20T17:00:00", refunded=1000)  # B, net 2000
    await order(acme, c, 5000, "2026-02-01T17:00:00")  # neither
    await order(acme, c, 9000, "2026-04-01T17:00:00")  # after the quarter
    return {"team": acme, "a": seg_a, "b": seg_b}


async def test_revenue_by_segment_at_the_time_of_the_order(gql: Any, make_team: Any) -> None:
    world = await attribution_world(make_team)
    ga, gb = gid("Segment", world["a"].id), gid("Segment", world["b"].id)

    data = await gql(ATTRIBUTION, {"ids": [ga, gb], "period": {"start": "2026-01-01", "end": "2026-03-31"}},
                     token=world["team"].key)

    result = data["revenueBySegment"]["attribution"]
    assert (result["totalRevenue"], result["totalOrders"]) == (10400, 5)
    assert (result["attributedRevenue"], result["attributedOrders"], result["unattributedRevenue"]) == (5400, 4, 5000)
    assert result["segments"] == [
        {"segmentId": ga, "segmentName": "A", "revenue": 3400, "orders": 3, "share": 0.3269, "exclusiveRevenue": 1400},
        {"segmentId": gb, "segmentName": "B", "revenue": 4000, "orders": 2, "share": 0.3846, "exclusiveRevenue": 2000},
    ]
    assert result["overlaps"] == [{"firstSegmentId": ga, "secondSegmentId": gb, "revenue": 2000, "orders": 1}]


async def test_revenue_by_segment_errors(gql: Any, make_team: Any) -> None:
    world = await attribution_world(make_team)
    other = await make_team("Globex")
    theirs = await factories.segment(other, "Theirs", kind="static")
    for ids, period, expected in [
        ([gid("Segment", world["a"].id)], {"start": "2026-03-01", "end": "2026-01-01"}, ("end", "INVALID_PERIOD")),
        ([gid("Segment", theirs.id)], {"start": "2026-01-01", "end": "2026-03-31"}, ("segmentIds", "NOT_FOUND")),
    ]:
        data = await gql(ATTRIBUTION, {"ids": ids, "period": period}, token=world["team"].key)
        assert data["revenueBySegment"]["attribution"] is None
        assert [(e["field"], e["code"]) for e in data["revenueBySegment"]["userErrors"]] == [expected]
