"""The segment report through GraphQL, against a hand-computed fixture.

Team in Europe/London, period Mon 23 March - Sun 5 April 2026 (British Summer Time starts on
Sunday 29 March, a 23-hour day). Segment "Loyal", from its history:
  ava  joins 1 Mar                      (member throughout)
  ben  joins 1 Mar, leaves 27 Mar 12:00Z (mid-period: his later order is not the segment's)
  dan  joins 28 Mar 23:30Z  = 28 Mar 23:30 GMT  -> counts on 28 March
  cat  joins 29 Mar 23:30Z  = 30 Mar 00:30 BST  -> counts on 30 March (a UTC day would say 29)
Daily size: 23-26 Mar 2, 27 Mar 1, 28-29 Mar 2, 30 Mar-5 Apr 3.
Orders (net of refunds, while a member): ava 5000 (24 Mar) and 3000 refunded 1000 placed
31 Mar 23:30Z = 1 Apr local; ben 4000 (26 Mar; his 7000 on 30 Mar is after he left); cat 1500 (2 Apr).
Week 1 (23-29 Mar): revenue 9000, 2 orders; week 2 (30 Mar-5 Apr): 2000 + 1500 = 3500, refunded 1000.
Subscriptions as at the end (5 Apr 23:00Z): ava paying, plan changed 2000 -> 3000 (MRR 3000);
dan's trial ended 4 Apr, paid 1000 (converted, paying); cat past due since 3 Apr (500);
ben's 2500/month subscription ended 28 Mar (churned MRR 2500). MRR 4500, ARR 54000.
LTV of the members at the end: ava 7000, dan 0, cat 1500 -> average 2833.33, median 1500.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import factories
from ids import gid

from app.commerce.models import Order, Payment, Subscription
from app.contacts.models import Event
from app.reports.snapshots import snapshot_team
from app.segments.models import SegmentMembershipChange


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


REPORT = """
query($ids: [ID!]!, $period: ReportPeriodInput!) {
  segmentReport(segmentIds: $ids, period: $period) {
    userErrors { field code message }
    reports {
      segmentId segmentName timeZone start end granularity sizeAtStart sizeAtEnd joins leaves
      series(first: 31) { totalCount nodes { periodStart periodEnd size joins leaves orders revenue refunded causes { action cause count } } }
      engagement { members active7d active30d searches searchers
                   eventsByType { type events contacts perMember } }
      billing { currency mrr arr ltvAverage ltvMedian paying trialing pastDue canceled trialsEnded
                trialsConverted trialConversionRate churnedMrr churnedSubscriptions revenue refunded orders }
      hubs { hubId hubName members activeMembers lessonsCompleted }
    }
  }
}
"""


async def history(team: Any, segment: Any, contact: Any, action: str, when: str, cause: str = "recompute") -> None:
    await SegmentMembershipChange.create(team_id=team.id, segment_id=segment.id, team_contact_id=contact.id,
                                         action=action, cause=cause, at=at(when))


async def order(team: Any, contact: Any, total: int, when: str, refunded: int = 0) -> None:
    await Order.create(team_id=team.id, team_contact_id=contact.id, total_amount=total, amount_refunded=refunded,
                       status="partially_refunded" if refunded else "paid", placed_at=at(when))


async def loyal_world(make_team: Any) -> dict[str, Any]:
    acme = await make_team("Acme London", time_zone="Europe/London")
    ava, ben, cat, dan = [await factories.contact(acme, f"{n}@example.com") for n in ("ava", "ben", "cat", "dan")]
    loyal = await factories.segment(acme, "Loyal", kind="static")
    await SegmentMembershipChange.filter(team_id=acme.id).delete()  # the fixture's history only
    await history(acme, loyal, ava, "join", "2026-03-01T10:00:00")
    await history(acme, loyal, ben, "join", "2026-03-01T10:00:00")
    await history(acme, loyal, ben, "leave", "2026-03-27T12:00:00")
    await history(acme, loyal, dan, "join", "2026-03-28T23:30:00", cause="manual")
    await history(acme, loyal, cat, "join", "2026-03-29T23:30:00", cause="event")
    await order(acme, ava, 5000, "2026-03-24T12:00:00")
    await order(acme, ava, 3000, "2026-03-31T23:30:00", refunded=1000)
    await order(acme, ben, 2000, "2026-02-15T12:00:00")
    await order(acme, ben, 4000, "2026-03-26T10:00:00")
    await order(acme, ben, 7000, "2026-03-30T10:00:00")
    await order(acme, cat, 1500, "2026-04-02T10:00:00")
    sub = {"team_id": acme.id, "stripe_customer_id": "cus", "currency": "usd", "interval": "month"}
    # ava changed plan: the row now says 3000 a month.
    await Subscription.create(**sub, team_contact_id=ava.id, stripe_subscription_id="sub_ava", status="active",
                              unit_amount=3000, mrr_amount=3000, started_at=at("2026-02-01T00:00:00"))
    dan_sub = await Subscription.create(
        **sub, team_contact_id=dan.id, stripe_subscription_id="sub_dan", status="active", unit_amount=1000,
        mrr_amount=1000, started_at=at("2026-03-28T23:40:00"), trial_start=at("2026-03-28T23:40:00"),
        trial_end=at("2026-04-04T00:00:00"))
    await Payment.create(team_id=acme.id, team_contact_id=dan.id, subscription_id=dan_sub.id, stripe_ref="in_dan",
                         status="succeeded", amount=1000, paid_at=at("2026-04-04T00:05:00"))
    await Subscription.create(**sub, team_contact_id=cat.id, stripe_subscription_id="sub_cat", status="past_due",
                              unit_amount=500, mrr_amount=500, started_at=at("2026-03-30T09:00:00"),
                              past_due_since=at("2026-04-03T00:00:00"))
    await Subscription.create(**sub, team_contact_id=ben.id, stripe_subscription_id="sub_ben", status="canceled",
                              unit_amount=2500, mrr_amount=0, started_at=at("2026-01-01T00:00:00"),
                              canceled_at=at("2026-03-20T00:00:00"), ended_at=at("2026-03-28T00:00:00"))
    yoga = await factories.hub(acme, "Yoga")
    await factories.hub_member(acme, yoga, ava)
    await factories.hub_member(acme, yoga, cat)
    for contact, type_, when, props in [
        (ava, "page_view", "2026-04-03T10:00:00", {}),
        (ava, "search", "2026-04-04T10:00:00", {"hub_id": yoga.id, "query": "breath"}),
        (dan, "page_view", "2026-03-10T10:00:00", {}),
        (ben, "page_view", "2026-03-25T10:00:00", {}),
    ]:
        await Event.create(team_id=acme.id, team_contact_id=contact.id, type=type_, occurred_at=at(when),
                           properties=props)
    return {"team": acme, "loyal": loyal, "yoga": yoga, "contacts": (ava, ben, cat, dan)}


PERIOD = {"start": "2026-03-23", "end": "2026-04-05"}


async def test_segment_report_matches_the_hand_computed_fixture(gql: Any, make_team: Any) -> None:
    world = await loyal_world(make_team)
    acme, loyal = world["team"], world["loyal"]

    data = await gql(REPORT, {"ids": [gid("Segment", loyal.id)], "period": {**PERIOD, "granularity": "WEEK"}},
                     token=acme.key)

    result = data["segmentReport"]
    assert result["userErrors"] == []
    [report] = result["reports"]
    assert (report["segmentName"], report["timeZone"], report["granularity"]) == ("Loyal", "Europe/London", "WEEK")
    assert (report["sizeAtStart"], report["sizeAtEnd"], report["joins"], report["leaves"]) == (2, 3, 2, 1)
    week1, week2 = report["series"]["nodes"]
    assert (week1["periodStart"], week1["periodEnd"], week1["size"], week1["joins"], week1["leaves"]) == (
        "2026-03-23", "2026-03-29", 2, 1, 1)
    assert sorted((c["action"], c["cause"], c["count"]) for c in week1["causes"]) == [
        ("join", "manual", 1), ("leave", "recompute", 1)]
    assert (week1["orders"], week1["revenue"], week1["refunded"]) == (2, 9000, 0)
    assert (week2["periodStart"], week2["size"], week2["joins"], week2["leaves"]) == ("2026-03-30", 3, 1, 0)
    assert week2["causes"] == [{"action": "join", "cause": "event", "count": 1}]
    assert (week2["orders"], week2["revenue"], week2["refunded"]) == (2, 3500, 1000)

    engagement = report["engagement"]
    assert (engagement["members"], engagement["active7d"], engagement["active30d"]) == (3, 1, 2)
    assert (engagement["searches"], engagement["searchers"]) == (1, 1)
    assert sorted((t["type"], t["events"], t["perMember"]) for t in engagement["eventsByType"]) == [
        ("page_view", 1, 0.3333), ("search", 1, 0.3333)]

    billing = report["billing"]
    assert (billing["mrr"], billing["arr"]) == (4500, 54000)
    assert (billing["paying"], billing["trialing"], billing["pastDue"], billing["canceled"]) == (2, 0, 1, 0)
    assert (billing["ltvAverage"], billing["ltvMedian"]) == (2833.33, 1500.0)
    assert (billing["trialsEnded"], billing["trialsConverted"], billing["trialConversionRate"]) == (1, 1, 1.0)
    assert (billing["churnedMrr"], billing["churnedSubscriptions"]) == (2500, 1)
    assert (billing["revenue"], billing["refunded"], billing["orders"], billing["currency"]) == (12500, 1000, 4, "usd")

    assert report["hubs"] == [{"hubId": gid("Hub", world["yoga"].id), "hubName": "Yoga", "members": 2,
                               "activeMembers": 1, "lessonsCompleted": 0}]


async def test_daily_series_follows_the_team_calendar_across_the_dst_change(gql: Any, make_team: Any) -> None:
    world = await loyal_world(make_team)

    data = await gql(REPORT, {"ids": [gid("Segment", world["loyal"].id)], "period": PERIOD}, token=world["team"].key)

    series = data["segmentReport"]["reports"][0]["series"]["nodes"]
    sizes = {p["periodStart"]: p["size"] for p in series}
    assert len(series) == 14
    assert [sizes[f"2026-03-{d}"] for d in range(23, 32)] == [2, 2, 2, 2, 1, 2, 2, 3, 3]
    joins = {p["periodStart"]: p["joins"] for p in series if p["joins"]}
    assert joins == {"2026-03-28": 1, "2026-03-30": 1}  # cat's 23:30Z on the 29th is the 30th in BST
    revenue = {p["periodStart"]: p["revenue"] for p in series if p["revenue"]}
    assert revenue == {"2026-03-24": 5000, "2026-03-26": 4000, "2026-04-01": 2000, "2026-04-02": 1500}


async def test_monthly_buckets_and_segments_side_by_side(gql: Any, make_team: Any) -> None:
    world = await loyal_world(make_team)
    acme = world["team"]
    empty = await factories.segment(acme, "Nobody", kind="static")

    data = await gql(REPORT, {"ids": [gid("Segment", world["loyal"].id), gid("Segment", empty.id)],
                              "period": {**PERIOD, "granularity": "MONTH"}}, token=acme.key)

    loyal_report, empty_report = data["segmentReport"]["reports"]
    assert [(p["periodStart"], p["periodEnd"], p["size"]) for p in loyal_report["series"]["nodes"]] == [
        ("2026-03-23", "2026-03-31", 3), ("2026-04-01", "2026-04-05", 3)]
    assert empty_report["segmentName"] == "Nobody"
    assert (empty_report["sizeAtEnd"], empty_report["engagement"]["members"], empty_report["billing"]["mrr"]) == (0, 0, 0)


async def test_snapshots_are_written_once_per_day_and_outlive_history(gql: Any, make_team: Any) -> None:
    world = await loyal_world(make_team)
    acme, loyal = world["team"], world["loyal"]
    from app.reports.models import SegmentDailySnapshot

    now = at("2026-04-10T08:00:00")  # 09:00 BST on 10 April: days up to 9 April are complete
    first = await snapshot_team(acme.team, now)
    again = await snapshot_team(acme.team, now)
    later = await snapshot_team(acme.team, at("2026-04-11T08:00:00"))

    assert (first, again, later) == (40, 0, 1)  # 1 March .. 9 April, then 10 April alone
    rows = {r.day: r for r in await SegmentDailySnapshot.filter(team_id=acme.id, segment_id=loyal.id)}
    assert (rows[date(2026, 3, 27)].member_count, rows[date(2026, 3, 30)].member_count) == (1, 3)
    assert (rows[date(2026, 3, 30)].joins, rows[date(2026, 3, 27)].leaves) == (1, 1)
    assert rows[date(2026, 3, 1)].source == "backfill" and rows[date(2026, 4, 9)].source == "daily"
    assert rows[date(2026, 4, 10)].source == "daily"

    # ben is deleted: his history goes, the snapshots keep what the segment was.
    await SegmentMembershipChange.filter(team_id=acme.id, team_contact_id=world["contacts"][1].id).delete()
    data = await gql(REPORT, {"ids": [gid("Segment", loyal.id)], "period": PERIOD}, token=acme.key)
    sizes = [p["size"] for p in data["segmentReport"]["reports"][0]["series"]["nodes"]]
    assert sizes[:5] == [2, 2, 2, 2, 1]


async def test_bad_periods_and_segments_are_user_errors(gql: Any, make_team: Any) -> None:
    world = await loyal_world(make_team)
    acme = world["team"]
    other = await make_team("Globex")
    theirs = await factories.segment(other, "Theirs", kind="static")
    mine = gid("Segment", world["loyal"].id)
    cases = [
        ([mine], {"start": "2026-04-05", "end": "2026-04-01"}, ("end", "INVALID_PERIOD")),
        ([mine], {"start": "2024-01-01", "end": "2026-01-01"}, ("end", "PERIOD_TOO_LONG")),
        ([gid("Segment", 999999)], PERIOD, ("segmentIds", "NOT_FOUND")),
        ([gid("Segment", theirs.id)], PERIOD, ("segmentIds", "NOT_FOUND")),
        ([mine, gid("Segment", theirs.id)], PERIOD, ("segmentIds", "NOT_FOUND")),
        ([gid("Hub", world["yoga"].id)], PERIOD, ("segmentIds", "INVALID_ID")),
        ([], PERIOD, ("segmentIds", "NOT_FOUND")),
        ([mine], {"start": "2026-01-01", "end": "9999-12-31"}, ("end", "INVALID_DATE")),
        ([mine], {"start": "0001-01-01", "end": "2026-01-01"}, ("start", "INVALID_DATE")),
    ]
    for ids, period, expected in cases:
        data = await gql(REPORT, {"ids": ids, "period": period}, token=acme.key)
        result = data["segmentReport"]
        assert result["reports"] == [], (ids, period)
        assert [(e["field"], e["code"]) for e in result["userErrors"]] == [expected], (ids, period)
    # exactly two years of days (731, a leap year included) is allowed
    data = await gql(REPORT, {"ids": [mine], "period": {"start": "2024-01-01", "end": "2025-12-31"}}, token=acme.key)
    assert data["segmentReport"]["userErrors"] == []


async def test_a_reports_key_reads_reports_and_nothing_else(gql: Any, make_team: Any) -> None:
    world = await loyal_world(make_team)
    acme = world["team"]
    created = await gql("""mutation { createApiKey(input: {name: "partner", scopes: ["reports:read"]}) {
        secret userErrors { code } } }""", token=acme.key)
    key = created["createApiKey"]["secret"]
    ava = world["contacts"][0]

    data = await gql(REPORT, {"ids": [gid("Segment", world["loyal"].id)], "period": PERIOD}, token=key)
    assert data["segmentReport"]["reports"][0]["sizeAtEnd"] == 3
    assert "ava@example.com" not in str(data)

    for query in [
        "{ contacts(first: 5) { edges { node { email } } } }",
        f'{{ contact(id: "{gid("Contact", ava.id)}") {{ email }} }}',
        "{ segments(first: 5) { edges { node { name } } } }",
        "{ hubs(first: 5) { edges { node { name } } } }",
        "{ orders(first: 5) { edges { node { id } } } }",
        f'{{ node(id: "{gid("Contact", ava.id)}") {{ id ... on Contact {{ email }} }} }}',
    ]:
        body = await gql.raw(query, token=key)
        assert body.get("errors"), query
        assert {e["extensions"]["code"] for e in body["errors"]} == {"FORBIDDEN"}, query
        assert "ava@example.com" not in str(body)
    denied = await gql.raw('mutation { trackEvents(input: {events: []}) { userErrors { code } } }', token=key)
    assert denied.get("errors") and denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_reports_need_credentials(gql: Any, make_team: Any) -> None:
    world = await loyal_world(make_team)
    body = await gql.raw(REPORT, {"ids": [gid("Segment", world["loyal"].id)], "period": PERIOD})
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_partner_report_keeps_to_the_plans_members_per_segment_cap(gql: Any, make_team: Any,
                                                                          monkeypatch: Any) -> None:
    from app.core import plan_caps
    from app.plans import service as plans
    from app.plans import tiers
    from app.segments.models import SegmentMembership

    world = await loyal_world(make_team)
    acme, loyal = world["team"], world["loyal"]
    ava, _ben, cat, dan = world["contacts"]
    for contact in (ava, cat, dan):  # today's members: the cap keeps the lowest ids (ava, cat)
        await SegmentMembership.create(team_id=acme.id, segment_id=loyal.id, team_contact_id=contact.id)
    monkeypatch.setitem(tiers.LIMITS, plan_caps.MEMBERS_PER_SEGMENT, (2, 4, None, None, None))
    await plans.set_plan(acme.team, "free", "test")
    created = await gql('mutation { createApiKey(input: {name: "partner", scopes: ["reports:read"]}) { secret } }',
                        token=acme.key)
    partner = created["createApiKey"]["secret"]
    query = REPORT.replace("segmentId segmentName", "segmentId segmentName capNotice")

    capped = (await gql(query, {"ids": [gid("Segment", loyal.id)], "period": PERIOD}, token=partner))
    full = (await gql(query, {"ids": [gid("Segment", loyal.id)], "period": PERIOD}, token=acme.key))

    mine, theirs = capped["segmentReport"]["reports"][0], full["segmentReport"]["reports"][0]
    assert theirs["capNotice"] is None and theirs["sizeAtEnd"] == 3
    assert mine["capNotice"].startswith("1 of 3 members left out")
    assert (mine["sizeAtEnd"], mine["engagement"]["members"], mine["billing"]["mrr"]) == (2, 2, 3500)  # no dan
    assert [p["size"] for p in mine["series"]["nodes"]][:9] == [2, 2, 2, 2, 1, 1, 1, 2, 2]
