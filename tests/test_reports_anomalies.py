"""Anomalies (rolling median / MAD) and partner keys limited to named segments, through GraphQL.

Anomaly fixture (UTC team, baseline from February): every day ava (Engaged) orders ~1000, ben
(Loyal) ~2000 and olga (no segment) 500. On 15 March ava does not order: the team's sales drop
by about 29%, Engaged fell 100%, Loyal is flat. On 20 March twenty contacts join Engaged (size 1 -> 21).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import factories
from ids import gid

from app.commerce.models import Order
from app.segments.models import SegmentMembershipChange

ANOMALIES = """
query($ids: [ID!]!, $period: ReportPeriodInput!) {
  segmentAnomalies(segmentIds: $ids, period: $period) {
    userErrors { field code }
    report { method windowDays threshold
      segments { segmentId segmentName anomalies { day metric value baseline score change } }
      teamMoves { day value baseline change direction summary
                  segments { segmentName value baseline change direction } } }
  }
}
"""


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


async def anomaly_world(make_team: Any) -> dict[str, Any]:
    acme = await make_team("Acme anomalies")
    ava, ben, olga = [await factories.contact(acme, f"{n}@example.com") for n in ("ava", "ben", "olga")]
    engaged = await factories.segment(acme, "Engaged", kind="static")
    loyal = await factories.segment(acme, "Loyal", kind="static")
    await SegmentMembershipChange.filter(team_id=acme.id).delete()
    for segment, contact in ((engaged, ava), (loyal, ben)):
        await SegmentMembershipChange.create(team_id=acme.id, segment_id=segment.id, team_contact_id=contact.id,
                                             action="join", cause="recompute", at=at(date(2026, 1, 1)))
    for i in range(20):
        joiner = await factories.contact(acme, f"joiner{i}@example.com")
        await SegmentMembershipChange.create(team_id=acme.id, segment_id=engaged.id, team_contact_id=joiner.id,
                                             action="join", cause="event", at=at(date(2026, 3, 20), 9))
    day = date(2026, 2, 1)
    orders = []
    while day <= date(2026, 3, 31):
        n = day.toordinal()
        if day != date(2026, 3, 15):
            orders.append(Order(team_id=acme.id, team_contact_id=ava.id, total_amount=1000 + (n % 3) * 10,
                                status="paid", placed_at=at(day)))
        orders.append(Order(team_id=acme.id, team_contact_id=ben.id, total_amount=2000 + (n % 2) * 20,
                            status="paid", placed_at=at(day)))
        orders.append(Order(team_id=acme.id, team_contact_id=olga.id, total_amount=500, status="paid",
                            placed_at=at(day)))
        day += timedelta(days=1)
    await Order.bulk_create(orders)
    return {"team": acme, "engaged": engaged, "loyal": loyal}


async def test_anomalies_and_who_moved_when_sales_dropped(gql: Any, make_team: Any) -> None:
    world = await anomaly_world(make_team)
    ids = [gid("Segment", world["engaged"].id), gid("Segment", world["loyal"].id)]

    data = await gql(ANOMALIES, {"ids": ids, "period": {"start": "2026-03-01", "end": "2026-03-31"}},
                     token=world["team"].key)

    report = data["segmentAnomalies"]["report"]
    assert (report["method"], report["windowDays"], report["threshold"]) == ("rolling median / MAD", 28, 3.5)
    engaged, loyal = report["segments"]
    revenue = [a for a in engaged["anomalies"] if a["metric"] == "revenue"]
    assert [(a["day"], a["value"], a["change"]) for a in revenue] == [("2026-03-15", 0.0, -1.0)]
    assert revenue[0]["baseline"] in (1000.0, 1010.0) and revenue[0]["score"] < -3.5
    size = [a for a in engaged["anomalies"] if a["metric"] == "size"]
    assert (size[0]["day"], size[0]["value"], size[0]["baseline"]) == ("2026-03-20", 21.0, 1.0)
    assert loyal["anomalies"] == []  # steady: ±20 a day is inside its spread

    [move] = report["teamMoves"]
    assert (move["day"], move["direction"]) == ("2026-03-15", "fell")
    assert -0.30 < move["change"] < -0.27
    assert [(s["segmentName"], s["direction"]) for s in move["segments"]] == [("Engaged", "fell"), ("Loyal", "flat")]
    assert move["summary"].startswith("sales dropped (-29% vs the 28-day median)")
    assert "'Engaged' fell 100%" in move["summary"] and "'Loyal' is flat" in move["summary"]


async def test_anomaly_input_errors(gql: Any, make_team: Any) -> None:
    world = await anomaly_world(make_team)
    other = await make_team("Globex")
    theirs = await factories.segment(other, "Theirs", kind="static")
    for ids, period, expected in [
        ([gid("Segment", world["engaged"].id)], {"start": "2026-03-31", "end": "2026-03-01"}, ("end", "INVALID_PERIOD")),
        ([gid("Segment", theirs.id)], {"start": "2026-03-01", "end": "2026-03-31"}, ("segmentIds", "NOT_FOUND")),
    ]:
        data = await gql(ANOMALIES, {"ids": ids, "period": period}, token=world["team"].key)
        assert data["segmentAnomalies"]["report"] is None
        assert [(e["field"], e["code"]) for e in data["segmentAnomalies"]["userErrors"]] == [expected]


# --- partner keys limited to named segments ---

SET_GRANT = """mutation($k: ID!, $s: [ID!]!) { setReportKeySegments(input: {apiKeyId: $k, segmentIds: $s}) {
  apiKeyId segmentIds userErrors { field code } } }"""


async def partner_key(gql: Any, team: Any, scopes: str = '["reports:read"]') -> tuple[str, str]:
    data = await gql(f'mutation {{ createApiKey(input: {{name: "partner", scopes: {scopes}}}) {{ secret apiKey {{ id }} }} }}',
                     token=team.key)
    return data["createApiKey"]["secret"], data["createApiKey"]["apiKey"]["id"]


async def test_a_partner_key_reports_on_its_segments_only(gql: Any, make_team: Any) -> None:
    world = await anomaly_world(make_team)
    acme, engaged, loyal = world["team"], world["engaged"], world["loyal"]
    hidden = await factories.segment(acme, "Hidden", kind="static")
    secret, key_id = await partner_key(gql, acme)
    granted = await gql(SET_GRANT, {"k": key_id, "s": [gid("Segment", engaged.id), gid("Segment", loyal.id)]},
                        token=acme.key)
    assert granted["setReportKeySegments"]["segmentIds"] == [gid("Segment", engaged.id), gid("Segment", loyal.id)]
    period = {"start": "2026-03-01", "end": "2026-03-31"}
    report_q = "query($ids: [ID!]!, $p: ReportPeriodInput!) { segmentReport(segmentIds: $ids, period: $p) " \
               "{ userErrors { code } reports { segmentName sizeAtEnd } } }"

    listed = await gql("{ reportSegments { segmentId name memberCount } }", token=secret)
    mine = await gql(report_q, {"ids": [gid("Segment", engaged.id)], "p": period}, token=secret)
    hidden_report = await gql(report_q, {"ids": [gid("Segment", hidden.id)], "p": period}, token=secret)
    revenue = await gql("query($ids: [ID!]!, $p: ReportPeriodInput!) { revenueBySegment(segmentIds: $ids, period: $p)"
                        " { attribution { totalRevenue unattributedRevenue attributedRevenue segments { share } } } }",
                        {"ids": [gid("Segment", engaged.id)], "p": period}, token=secret)
    cohort_q = "query($i: CohortReportInput!) { cohortReport(input: $i) { userErrors { field code } " \
               "report { rows { totalCount } } } }"
    whole_team = await gql(cohort_q, {"i": {"cohortBy": "FIRST_ORDER_MONTH", "start": "2026-02-01",
                                            "end": "2026-03-31"}}, token=secret)
    in_hidden = await gql(cohort_q, {"i": {"cohortBy": "FIRST_ORDER_MONTH", "start": "2026-02-01", "end": "2026-03-31",
                                           "inSegmentId": gid("Segment", hidden.id)}}, token=secret)
    in_mine = await gql(cohort_q, {"i": {"cohortBy": "FIRST_ORDER_MONTH", "start": "2026-02-01", "end": "2026-03-31",
                                         "inSegmentId": gid("Segment", loyal.id)}}, token=secret)
    anomalies = await gql(ANOMALIES, {"ids": [gid("Segment", engaged.id)], "period": period}, token=secret)

    assert [s["name"] for s in listed["reportSegments"]] == ["Engaged", "Loyal"]
    assert mine["segmentReport"]["reports"][0]["segmentName"] == "Engaged"
    assert hidden_report["segmentReport"] == {"userErrors": [{"code": "NOT_FOUND"}], "reports": []}
    attribution = revenue["revenueBySegment"]["attribution"]
    assert (attribution["totalRevenue"], attribution["unattributedRevenue"]) == (None, None)
    assert attribution["attributedRevenue"] > 0 and attribution["segments"][0]["share"] is None
    assert whole_team["cohortReport"]["userErrors"] == [{"field": "inSegmentId", "code": "SEGMENT_REQUIRED"}]
    assert in_hidden["cohortReport"]["userErrors"] == [{"field": "inSegmentId", "code": "NOT_FOUND"}]
    assert in_mine["cohortReport"]["report"] is not None
    assert anomalies["segmentAnomalies"]["report"]["teamMoves"] == []  # the team's total is not the partner's

    # The staff key still sees every segment; lifting the grant gives the partner all of them.
    everything = await gql("{ reportSegments { name } }", token=acme.key)
    assert [s["name"] for s in everything["reportSegments"]] == ["Engaged", "Loyal", "Hidden"]
    lifted = await gql(SET_GRANT, {"k": key_id, "s": []}, token=acme.key)
    assert lifted["setReportKeySegments"]["userErrors"] == []
    again = await gql("{ reportSegments { name } }", token=secret)
    assert len(again["reportSegments"]) == 3


async def test_setting_a_partner_grant_refuses_bad_input_and_writes_nothing(gql: Any, make_team: Any) -> None:
    world = await anomaly_world(make_team)
    acme, engaged = world["team"], world["engaged"]
    other = await make_team("Globex")
    theirs = await factories.segment(other, "Theirs", kind="static")
    _, their_key = await partner_key(gql, other)
    secret, key_id = await partner_key(gql, acme)
    await gql(SET_GRANT, {"k": key_id, "s": [gid("Segment", engaged.id)]}, token=acme.key)
    for key, segments, expected in [
        (their_key, [gid("Segment", engaged.id)], ("apiKeyId", "NOT_FOUND")),
        (key_id, [gid("Segment", theirs.id)], ("segmentIds", "NOT_FOUND")),
        (key_id, [gid("Hub", 1)], ("segmentIds", "INVALID_ID")),
        (gid("Segment", engaged.id), [], ("apiKeyId", "INVALID_ID")),
    ]:
        data = await gql(SET_GRANT, {"k": key, "s": segments}, token=acme.key)
        assert [(e["field"], e["code"]) for e in data["setReportKeySegments"]["userErrors"]] == [expected]
    listed = await gql("{ reportSegments { name } }", token=secret)
    assert [s["name"] for s in listed["reportSegments"]] == ["Engaged"]  # unchanged
    denied = await gql.raw(SET_GRANT, {"k": key_id, "s": []}, token=secret)
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
