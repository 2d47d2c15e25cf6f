"""A deadlock between an ingest batch and another transaction never reaches the client as a 500:
PostgreSQL rolls the ingest back whole, and the ingest runs its transaction again."""

from __future__ import annotations

import asyncio

import asyncpg
from ids import gid, pk
from test_events_ingest import contact_id

from app.contacts.models import Event
from app.db import connection_params
from app.teams.service import create_api_key

PENDING_ROW = "SELECT 1 FROM pending_evaluations WHERE team_contact_id = $1 FOR UPDATE"


async def _ingest_waits_for_a_lock(watcher: asyncpg.Connection, holder_pid: int) -> None:
    for _ in range(500):
        if await watcher.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))", holder_pid,
        ):
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the ingest never waited for the held row")


async def test_an_ingest_chosen_as_deadlock_victim_is_run_again(http, gql, team, test_database_url):
    _, key = await create_api_key(team.team, "ingest", ["events:write"])
    first, second = sorted([await contact_id(gql, team.key, e) for e in ("a@example.com", "b@example.com")],
                           key=pk)
    # Both contacts have a pending evaluation row (no worker runs here), so the ingest's upsert
    # locks the existing rows, in contact order: first, then second.
    params = connection_params(test_database_url)
    params.pop("options", None)
    holder = await asyncpg.connect(**params)
    watcher = await asyncpg.connect(**params)
    try:
        for _attempt in range(3):
            events_before = await Event.filter(team_id=team.id).count()
            tx = holder.transaction()
            await tx.start()
            # The holder may wait long before checking for a deadlock, so the ingest (which waits
            # first, with the default 1 s) is the one PostgreSQL rolls back.
            await holder.execute("SET LOCAL deadlock_timeout = '20s'")
            await holder.execute(PENDING_ROW, pk(second))
            ingest = asyncio.create_task(http.post(
                f"/api/v1/teams/{gid('Team', team.id)}/events", headers={"Authorization": f"Bearer {key}"},
                json=[{"contactId": first, "type": "page_view"}, {"contactId": second, "type": "page_view"}],
            ))
            await _ingest_waits_for_a_lock(watcher, holder.get_server_pid())
            try:
                await holder.execute(PENDING_ROW, pk(first))  # closes the cycle
                holder_was_victim = False
            except asyncpg.DeadlockDetectedError:
                holder_was_victim = True
            await tx.rollback()
            response = await ingest
            assert response.status_code == 200, response.text
            assert response.json()["accepted"] == 2
            # Stored once, not once per attempt.
            assert await Event.filter(team_id=team.id).count() == events_before + 2
            if not holder_was_victim:
                return  # the ingest was rolled back by the deadlock and succeeded on its retry
        raise AssertionError("the holder was chosen as the victim every time; the retry was not exercised")
    finally:
        await holder.close()
        await watcher.close()

