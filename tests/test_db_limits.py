"""Database time per request: a query cost limit, heavy work capped per request and per team, and a
statement timeout that ends in a clear error."""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest
from ids import gid
from netutil import api_process

from app.db import connection_params

PREVIEW = 'previewSegment(ruleText: "totalSpent > 0") { count }'  # reads contact_stats
COUNT = "{ contacts { totalCount } }"


def previews(count: int) -> str:
    return "{ " + " ".join(f"p{i}: {PREVIEW}" for i in range(count)) + " }"


async def test_a_costly_document_is_refused_before_it_runs(gql, team):
    body = await gql.raw(previews(30), token=team.key)
    [error] = body["errors"]
    assert error["extensions"] == {"code": "QUERY_TOO_COSTLY", "cost": 30_030, "maxCost": 25_000}
    assert "data" not in body  # a request error: refused before execution (GraphQL over HTTP)
    nested = "query($n: Int) { hubs(first: $n) { edges { node { members(first: $n) { edges { node { id } } } } } } }"
    refused = await gql.raw(nested, {"n": 200}, token=team.key)
    assert refused["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
    # The same shapes with small pages (or a few previews) run.
    assert "errors" not in await gql.raw(nested, {"n": 5}, token=team.key)
    assert (await gql(previews(3), token=team.key))["p2"] == {"count": 0}


@contextlib.asynccontextmanager
async def locked_stats(database_url: str) -> AsyncIterator[asyncpg.Connection]:
    """contact_stats locked by another session: every rule statement waits on it (holding its
    connection), while queries that do not read it go on. Unlocked by `COMMIT` or on leaving."""
    params = connection_params(database_url)
    params.pop("options")
    conn = await asyncpg.connect(**params)
    try:
        await conn.execute("BEGIN; LOCK TABLE contact_stats IN ACCESS EXCLUSIVE MODE")
        yield conn
    finally:
        await conn.close()


async def waiting(conn: asyncpg.Connection) -> int:
    return await conn.fetchval("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                               " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()")


async def until_waiting(conn: asyncpg.Connection, count: int) -> None:
    while await waiting(conn) < count:  # noqa: ASYNC110 - PostgreSQL has no event for "a session now waits"
        await asyncio.sleep(0.05)


async def test_one_teams_heavy_previews_never_starve_another_teams_queries(gql, team, other_team, test_database_url):
    await gql('mutation { upsertContacts(input: {contacts: [{email: "b@example.com"}]}) { createdCount } }',
              token=other_team.key)
    async with locked_stats(test_database_url) as lock:
        await starve_attempt(gql, team, other_team, lock)


async def starve_attempt(gql, team, other_team, locked_stats) -> None:
    # One request of eight previews: two of them at a time reach the database.
    first = asyncio.create_task(gql(previews(8), token=team.key))
    await asyncio.wait_for(until_waiting(locked_stats, 2), timeout=60)
    other = await asyncio.wait_for(gql(COUNT, token=other_team.key), timeout=60)
    assert other == {"contacts": {"totalCount": 1}} and await waiting(locked_stats) == 2
    # Two more such requests (24 previews, more than the pool's 20 connections): three at a time per team.
    more = [asyncio.create_task(gql(previews(8), token=team.key)) for _ in range(2)]
    await asyncio.wait_for(until_waiting(locked_stats, 3), timeout=60)
    other = await asyncio.wait_for(gql(COUNT, token=other_team.key), timeout=60)
    assert other == {"contacts": {"totalCount": 1}} and await waiting(locked_stats) == 3
    await locked_stats.execute("COMMIT")
    for result in await asyncio.gather(first, *more):
        assert result == {f"p{i}": {"count": 0} for i in range(8)}


@pytest.fixture
async def short_timeout_server() -> AsyncIterator[str]:
    """A real API process whose statements time out after 300 ms."""
    env = {**os.environ, "MEMBERHUB_STATEMENT_TIMEOUT_MS": "300"}
    async with api_process(env) as server:
        yield server.url


async def test_a_timed_out_statement_is_a_clear_error_not_a_500(team, short_timeout_server, test_database_url):
    auth = {"Authorization": f"Bearer {team.key}"}
    async with locked_stats(test_database_url), httpx.AsyncClient(base_url=short_timeout_server, timeout=60) as client:
        graphql = await client.post("/graphql", json={"query": "{ " + PREVIEW + " }"}, headers=auth)
        assert graphql.status_code == 200
        [error] = graphql.json()["errors"]
        assert error["extensions"] == {"code": "STATEMENT_TIMEOUT"}
        assert error["message"].startswith("the database took longer than this request may (0.3 s)")
        # Ingest writes computed properties (contact_stats): its statement times out too.
        events = await client.post(f"/api/v1/teams/{gid('Team', team.id)}/events",
                                   json=[{"email": "a@example.com", "type": "page_view"}], headers=auth)
        assert events.status_code == 503
        assert events.json()["error"]["code"] == "STATEMENT_TIMEOUT"
        # Anything that does not wait on the lock answers as usual.
        ok = await client.post("/graphql", json={"query": COUNT}, headers=auth)
        assert ok.json() == {"data": {"contacts": {"totalCount": 0}}}
