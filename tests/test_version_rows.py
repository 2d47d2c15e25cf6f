"""The version tables keep a row per writing backend (report_data_versions, community_versions): the
worker's hourly `fold_version_rows` folds the rows of backends that have gone into one row at slot 0,
keeping every version's sum, so a shared feed page stays shared, a report's version keeps its sum,
rows of live backends stay, and the next write still gives a new version."""

from __future__ import annotations

import asyncpg
from test_community_shared_pages import FEED, counted, world
from test_member_shared_responses import post as ask
from tortoise import connections

from app.core.redis import get_redis
from app.db import connection_params
from app.reports.db import data_version
from workers.settings import build_worker


async def connect(database_url: str) -> asyncpg.Connection:
    params = connection_params(database_url)
    params.pop("options")
    return await asyncpg.connect(**params)


async def rows(sql: str, *args: object) -> list[dict]:
    return await connections.get("default").execute_query_dict(sql, list(args))


async def community_rows(team_id: int, hub_id: int) -> dict[int, int]:
    found = await rows("SELECT slot, version FROM community_versions WHERE team_id = $1 AND hub_id = $2", team_id, hub_id)
    return {r["slot"]: r["version"] for r in found}


async def report_rows(team_id: int) -> dict[int, int]:
    found = await rows("SELECT slot, version FROM report_data_versions WHERE team_id = $1", team_id)
    return {r["slot"]: r["version"] for r in found}


async def fold_through_the_worker() -> int:
    job = await (await get_redis()).enqueue_job("fold_version_rows")
    assert job is not None
    worker = build_worker(burst=True, poll_delay=0, on_startup=None, on_shutdown=None)
    try:
        await worker.async_run()
    finally:
        await worker.close()
    return await job.result(timeout=5)


async def test_departed_backends_rows_fold_into_one_and_every_version_keeps_its_sum(http, gql, team,
                                                                                    test_database_url):
    s = await world(gql, team)
    team_id, hub_id = team.team.id, s.hub.id
    # Two backends write (a no-op update still fires the statement triggers) and go away; a third stays.
    departed = []
    for _ in range(2):
        conn = await connect(test_database_url)
        departed.append(await conn.fetchval("SELECT pg_backend_pid()"))
        await conn.execute("UPDATE community_posts SET title = title WHERE team_id = $1 AND hub_id = $2", team_id, hub_id)
        await conn.execute("UPDATE team_contacts SET email = email WHERE team_id = $1", team_id)
        await conn.close()
    live = await connect(test_database_url)
    try:
        live_pid = await live.fetchval("SELECT pg_backend_pid()")
        await live.execute("UPDATE community_posts SET title = title WHERE team_id = $1 AND hub_id = $2", team_id, hub_id)
        await live.execute("UPDATE team_contacts SET email = email WHERE team_id = $1", team_id)
        community_before, reports_before = await community_rows(team_id, hub_id), await report_rows(team_id)
        assert set(departed) | {live_pid} <= set(community_before) & set(reports_before)
        report_version = await data_version(team_id)

        page = await ask(http, s.dee_token, FEED, {"id": s.general_id})  # built at the current version
        hits = (await counted(http)).get("hit", 0.0)
        assert await ask(http, s.dee_token, FEED, {"id": s.general_id}) == page
        assert (await counted(http))["hit"] == hits + 1

        folded = await fold_through_the_worker()

        community_after, reports_after = await community_rows(team_id, hub_id), await report_rows(team_id)
        assert folded >= 4  # at least the two departed backends' rows in each table
        for before, after in ((community_before, community_after), (reports_before, reports_after)):
            assert not set(departed) & set(after)  # the departed rows are gone ...
            assert after[live_pid] == before[live_pid]  # ... a live backend's row stays as it was
            assert 0 in after and len(after) < len(before)
            assert sum(after.values()) == sum(before.values())  # the version's sum is kept exactly
        assert (await data_version(team_id)).split(":")[0] == report_version.split(":")[0]

        # The shared page is still shared: folding invalidated nothing.
        assert await ask(http, s.dee_token, FEED, {"id": s.general_id}) == page
        assert (await counted(http))["hit"] == hits + 2

        # A later write (here by the live backend, whose row was kept) still gives a new, larger version.
        await live.execute("UPDATE team_contacts SET email = email WHERE team_id = $1", team_id)
        assert int((await data_version(team_id)).split(":")[0]) > int(report_version.split(":")[0])
        assert await fold_through_the_worker() == 0  # nothing departed since: a rerun changes nothing
    finally:
        await live.close()
