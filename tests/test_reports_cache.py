"""The report cache (app/reports/db.py): identical requests share one computation, a repeat over
unchanged data is answered from the finished result, and no write is ever hidden by it.

Through GraphQL on the hand-computed "Loyal" fixture of test_reports_segment.py; the cache's
outcomes are read from /metrics (memberhub_report_cache_total).
"""

from __future__ import annotations

import asyncio
from typing import Any

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


async def current_snapshot() -> str:
    async with connections.get("default").acquire_connection() as conn:
        return str(await conn.fetchval("SELECT pg_current_snapshot()::text"))


async def test_identical_reports_in_flight_share_one_computation(gql: Any, http: Any, make_team: Any) -> None:
    world = await loyal_world(make_team)
    loop = asyncio.get_running_loop()
    # Sharing needs both requests to read the same snapshot, and a commit anywhere on the server (other
    # databases' too) makes a new one: an attempt during which the snapshot moved proves nothing, so it
    # is tried again; one where it held still must share.
    for _ in range(10):
        CACHE.clear()  # an earlier attempt's results, kept under a snapshot that held, would be hits
        before = await cache_counts(http)
        snapshot = await current_snapshot()
        joined = moved = False
        # Hold the report's statements (they read events) until the second request is in.
        async with connections.get("default").acquire_connection() as blocker:
            tx = blocker.transaction()
            await tx.start()
            await blocker.execute("LOCK TABLE events IN ACCESS EXCLUSIVE MODE")
            requests = [asyncio.ensure_future(report(gql, world)) for _ in range(2)]
            deadline = loop.time() + 60
            while not (joined := delta(await cache_counts(http), before)["joined"] >= 1):
                if await current_snapshot() != snapshot:
                    moved = True
                    break
                assert loop.time() < deadline, delta(await cache_counts(http), before)  # held still, not shared
                await asyncio.sleep(0.05)
            await tx.rollback()
        results = await asyncio.gather(*requests)
        assert results[0] == results[1]
        assert (results[0]["sizeAtEnd"], results[0]["billing"]["revenue"], results[0]["billing"]["mrr"]) == (
            3, 12500, 4500)
        if joined:
            return
        assert moved
    raise AssertionError("the server's snapshot moved during every attempt")


async def test_a_repeat_over_unchanged_data_is_a_cached_result_and_a_write_is_never_hidden(
        gql: Any, http: Any, make_team: Any) -> None:
    world = await loyal_world(make_team)
    acme, loyal = world["team"], world["loyal"]
    ava, ben, _cat, _dan = world["contacts"]
    first = await report(gql, world)

    # Unchanged data: answered from the finished result. A commit anywhere on the server in between
    # (another database's too, or an autovacuum's analyze) makes a new snapshot and a computation; a
    # repeat during which the snapshot held still must be a hit.
    for _ in range(40):
        snapshot = await current_snapshot()
        await report(gql, world)  # computed, and kept if the snapshot holds
        before = await cache_counts(http)
        again = await report(gql, world)
        if delta(await cache_counts(http), before)["hit"] >= 2:  # the report and its currency
            break
        assert await current_snapshot() != snapshot, "the snapshot held still, yet the repeat was computed"
    else:
        raise AssertionError("the server's snapshot moved during every repeat")
    assert again == first

    # A new order of a member in the period shows at once.
    await order(acme, ava, 600, "2026-04-03T10:00:00")
    after_order = await report(gql, world)
    assert (after_order["billing"]["revenue"], after_order["billing"]["orders"]) == (13100, 5)
    assert after_order["series"]["nodes"][1]["revenue"] == 4100

    # So does a change of history: ben now left on 24 March, before his 4000 order of the 26th.
    await SegmentMembershipChange.filter(team_id=acme.id, team_contact_id=ben.id, action="leave").delete()
    await history(acme, loyal, ben, "leave", "2026-03-24T00:00:00")
    after_history = await report(gql, world)
    assert after_history["billing"]["revenue"] == 9100  # 13100 less ben's 4000
    assert after_history["series"]["nodes"][0]["leaves"] == 1
