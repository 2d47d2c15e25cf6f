"""The report cache (app/reports/db.py): identical requests share one computation, a repeat over
unchanged data is answered from the finished result, no write of the team's report inputs is ever
hidden by it (orders imported and refunded later, events ingested, history edited, raw SQL, a
TRUNCATE), and another team's writes do not invalidate it.

Through GraphQL on the hand-computed "Loyal" fixture of test_reports_segment.py; the cache keys on
the team's data version (report_data_versions, kept by the triggers of migration 29), and its
outcomes are read from /metrics (memberhub_report_cache_total).
"""

from __future__ import annotations

import asyncio
from typing import Any

import factories
from ids import gid
from prometheus_client.parser import text_string_to_metric_families
from test_reports_segment import PERIOD, REPORT, history, loyal_world, order
from tortoise import connections

from app.reports.db import CACHE
from app.segments.models import SegmentMembershipChange


async def cache_counts(http: Any) -> dict[str, float]:
    response = await http.get("/metrics")
    assert response.status_code == 200, response.text
    counts = {"hit": 0.0, "joined": 0.0, "computed": 0.0}
    for family in text_string_to_metric_families(response.text):
        for s in family.samples:
            if s.name == "memberhub_report_cache_total":
                counts[s.labels["result"]] += s.value
    return counts


def delta(after: dict[str, float], before: dict[str, float]) -> dict[str, float]:
    return {k: after[k] - before[k] for k in after}


async def report(gql: Any, world: dict[str, Any]) -> dict[str, Any]:
    data = await gql(REPORT, {"ids": [gid("Segment", world["loyal"].id)], "period": {**PERIOD, "granularity": "WEEK"}},
                     token=world["team"].key)
    assert data["segmentReport"]["userErrors"] == []
    return data["segmentReport"]["reports"][0]


TRACK = """mutation($e: [TrackEventInput!]!) { trackEvents(input: {events: $e}) { accepted { index } rejected { code } } }"""
IMPORT = """mutation($orders: [ImportOrderInput!]!) { importOrders(input: {orders: $orders}) {
  createdCount updatedCount rejected { code message } userErrors { code } } }"""


async def team_version(team_id: int) -> str:
    from app.reports.db import data_version

    return await data_version(team_id)


async def repeat_is_a_hit(gql: Any, http: Any, world: dict[str, Any]) -> dict[str, Any]:
    before = await cache_counts(http)
    result = await report(gql, world)
    # The report's two statements and its currency.
    assert delta(await cache_counts(http), before) == {"hit": 3, "joined": 0, "computed": 0}
    return result


async def test_identical_reports_in_flight_share_one_computation(gql: Any, http: Any, make_team: Any) -> None:
    world = await loyal_world(make_team)
    loop = asyncio.get_running_loop()
    CACHE.clear()
    before = await cache_counts(http)
    # Hold the report's statements (they read events) until the second request is in. Commits elsewhere
    # on the server (other databases', other teams') leave the team's version, so they must share.
    async with connections.get("default").acquire_connection() as blocker:
        tx = blocker.transaction()
        await tx.start()
        await blocker.execute("LOCK TABLE events IN ACCESS EXCLUSIVE MODE")
        requests = [asyncio.ensure_future(report(gql, world)) for _ in range(2)]
        deadline = loop.time() + 60  # a hang guard, not a timing: the second request waits for the first
        while delta(await cache_counts(http), before)["joined"] < 1:
            assert loop.time() < deadline, delta(await cache_counts(http), before)
            await asyncio.sleep(0.05)
        await tx.rollback()
    results = await asyncio.gather(*requests)
    assert results[0] == results[1]
    assert (results[0]["sizeAtEnd"], results[0]["billing"]["revenue"], results[0]["billing"]["mrr"]) == (
        3, 12500, 4500)


async def test_a_repeat_over_unchanged_data_is_a_hit_and_every_write_of_the_team_shows(
        gql: Any, http: Any, make_team: Any) -> None:
    world = await loyal_world(make_team)
    acme, loyal = world["team"], world["loyal"]
    ava, ben, _cat, _dan = world["contacts"]
    first = await report(gql, world)
    assert await repeat_is_a_hit(gql, http, world) == first

    # A new order of a member in the period shows at once.
    await order(acme, ava, 600, "2026-04-03T10:00:00")
    after_order = await report(gql, world)
    assert (after_order["billing"]["revenue"], after_order["billing"]["orders"]) == (13100, 5)
    assert after_order["series"]["nodes"][1]["revenue"] == 4100
    assert await repeat_is_a_hit(gql, http, world) == after_order

    # An order imported through GraphQL, then refunded later (the import again, with the refund).
    imported = {"externalId": "late-1", "email": "ava@example.com", "placedAt": "2026-04-04T10:00:00Z",
                "currency": "usd", "totalAmount": 900}
    done = (await gql(IMPORT, {"orders": [imported]}, token=acme.key))["importOrders"]
    assert (done["createdCount"], done["rejected"], done["userErrors"]) == (1, [], [])
    after_import = await report(gql, world)
    assert (after_import["billing"]["revenue"], after_import["billing"]["orders"]) == (14000, 6)
    assert await repeat_is_a_hit(gql, http, world) == after_import
    done = (await gql(IMPORT, {"orders": [{**imported, "amountRefunded": 400}]}, token=acme.key))["importOrders"]
    assert (done["updatedCount"], done["rejected"]) == (1, [])
    after_refund = await report(gql, world)
    assert (after_refund["billing"]["revenue"], after_refund["billing"]["refunded"]) == (13600, 1400)

    # Events through ingest (trackEvents): the members' events by type.
    tracked = await gql(TRACK, {"e": [{"email": "ava@example.com", "type": "page_view",
                                       "occurredAt": "2026-04-02T09:00:00Z"}]}, token=acme.key)
    assert tracked["trackEvents"]["rejected"] == []
    after_event = await report(gql, world)
    assert {t["type"]: t["events"] for t in after_event["engagement"]["eventsByType"]} == {"page_view": 2, "search": 1}

    # A change of history: ben now left on 24 March, before his 4000 order of the 26th.
    await SegmentMembershipChange.filter(team_id=acme.id, team_contact_id=ben.id, action="leave").delete()
    await history(acme, loyal, ben, "leave", "2026-03-24T00:00:00")
    after_history = await report(gql, world)
    assert after_history["billing"]["revenue"] == 13600 - 4000
    assert after_history["series"]["nodes"][0]["leaves"] == 1
    assert await repeat_is_a_hit(gql, http, world) == after_history

    # Raw SQL, outside any service, is seen too: the triggers are the database's own.
    async with connections.get("default").acquire_connection() as conn:
        await conn.execute("DELETE FROM orders WHERE team_id = $1 AND total_amount = 600", acme.id)
    after_sql = await report(gql, world)
    assert after_sql["billing"]["revenue"] == 13600 - 4000 - 600

    # A rolled-back write changes nothing: the repeat is still a hit.
    async with connections.get("default").acquire_connection() as conn:
        tx = conn.transaction()
        await tx.start()
        await conn.execute("DELETE FROM orders WHERE team_id = $1", acme.id)
        await tx.rollback()
    assert await repeat_is_a_hit(gql, http, world) == after_sql


async def test_another_teams_writes_leave_the_cached_report_valid(gql: Any, http: Any, make_team: Any) -> None:
    world = await loyal_world(make_team)
    other = await make_team("Other")
    first = await report(gql, world)
    version = await team_version(world["team"].id)
    other_contact = await factories.contact(other, "zed@example.com")
    await order(other, other_contact, 5000, "2026-03-25T10:00:00")
    tracked = await gql(TRACK, {"e": [{"email": "zed@example.com", "type": "page_view"}]}, token=other.key)
    assert tracked["trackEvents"]["rejected"] == []
    done = (await gql(IMPORT, {"orders": [{"externalId": "o-1", "email": "yan@example.com", "currency": "usd",
                                            "placedAt": "2026-03-25T10:00:00Z", "totalAmount": 100}]},
                      token=other.key))["importOrders"]
    assert done["createdCount"] == 1
    assert await team_version(world["team"].id) == version
    assert await team_version(other.id) != version
    assert await repeat_is_a_hit(gql, http, world) == first


async def test_a_truncate_changes_every_teams_version(make_team: Any) -> None:
    acme = await make_team("Acme")
    before = await team_version(acme.id)
    async with connections.get("default").acquire_connection() as conn:
        await conn.execute("TRUNCATE report_ltv_predictions")
    assert await team_version(acme.id) != before
