"""Where report queries run, and the cache of their finished results.

Routing: `REPORTS_DATABASE_URL` (a read replica) when set, else the primary. Every report
statement goes through `fetch`, so routing is one decision. Reports only read; a replica that
lags shows slightly older numbers, never wrong ones (each report is one snapshot per statement).
The replica pool is opened lazily, one per event loop, and runs with the same statement timeout as
the API's connections.

Cache: a statement's rows are kept per (database, statement, parameters, data version), where the
data version is the team's (`report_data_versions`, migration 29): triggers on every table a report
reads give the team's row a new value of one sequence in the same transaction as any insert,
update or delete of its rows there (a TRUNCATE changes every team's). Two reads under the same
version see the same rows of the team, so a cached result is never stale, and nothing in Python has
to remember to invalidate anything: an order, an event, a membership change, a deletion, a replica
replaying one, all change it; another team's writes, or writes to tables no report reads (API keys'
last use, sessions, the engine's queue), do not. Every report statement's $1 is its team. A result
is stored only when the version was the same before and after the statement ran (then no write of
the team committed in between, so the rows are that version's). Identical requests arriving while
one is being computed under the same version wait for it (single flight) instead of computing it
again, so 20 partners opening the same dashboard cost one computation.
The cache is per process, bounded by `MEMBERHUB_REPORTS_CACHE_MB` (least recently used first out;
0 turns it off). Who may see what is checked before any statement runs, on the primary, and the
parameters (team, segments, member bounds, period) are part of the key.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import asyncpg
from tortoise import connections

from app.core.metrics import REPORT_CACHE
from app.db import connection_params, fold_departed_backends, keep_session
from app.settings import get_settings

_pools: dict[tuple[str, int], asyncpg.Pool] = {}

# The team's data version (and the database-wide one, team 0: TRUNCATEs): the sum and the maximum of
# their rows' values. A commit only raises values, a TRUNCATE of the versions a new maximum: no two
# committed states share both.
_VERSION = """
SELECT COALESCE(sum(version), 0)::text || ':' || COALESCE(max(version), 0)::text AS version
FROM report_data_versions WHERE team_id = ANY(ARRAY[0, $1::bigint])
"""


async def _replica_pool(url: str) -> asyncpg.Pool:
    key = (url, id(asyncio.get_running_loop()))
    pool = _pools.get(key)
    if pool is None:
        settings = get_settings()
        server_settings = {"application_name": "memberhub-reports"}
        if settings.statement_timeout_ms > 0:
            server_settings["statement_timeout"] = str(settings.statement_timeout_ms)
        params = connection_params(url)
        params.pop("options")  # tortoise's pool options (?maxsize=...), not asyncpg's
        pool = await asyncpg.create_pool(**params, min_size=0, reset=keep_session,
                                         max_size=max(2, settings.db_pool_max // 2), server_settings=server_settings)
        _pools[key] = pool
    return pool


def reports_url() -> str | None:
    return get_settings().reports_database_url


async def _query(sql: str, args: tuple[Any, ...]) -> list[dict[str, Any]]:
    url = reports_url()
    if url:
        pool = await _replica_pool(url)
        return [dict(row) for row in await pool.fetch(sql, *args)]
    return await connections.get("default").execute_query_dict(sql, list(args))


@dataclass
class _Entry:
    version: str
    rows: list[dict[str, Any]]
    size: int


class ResultCache:
    """Rows per statement key, each with the data version it was read under; LRU within a byte budget."""

    def __init__(self) -> None:
        self._entries: OrderedDict[tuple[Any, ...], _Entry] = OrderedDict()
        self._bytes = 0
        self._flights: dict[tuple[int, tuple[Any, ...], str], asyncio.Future[list[dict[str, Any]]]] = {}

    def clear(self) -> None:
        self._entries.clear()
        self._bytes = 0

    def get(self, key: tuple[Any, ...], version: str) -> list[dict[str, Any]] | None:
        entry = self._entries.get(key)
        if entry is None or entry.version != version:
            return None
        self._entries.move_to_end(key)
        return entry.rows

    def put(self, key: tuple[Any, ...], version: str, rows: list[dict[str, Any]], budget: int) -> None:
        size = _size(rows)
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= old.size
        if size > budget // 4:
            return  # one result may not take most of the cache
        self._entries[key] = _Entry(version, rows, size)
        self._bytes += size
        while self._bytes > budget and self._entries:
            _, evicted = self._entries.popitem(last=False)
            self._bytes -= evicted.size

    async def fetch(self, sql: str, args: tuple[Any, ...], budget: int) -> list[dict[str, Any]]:
        key = (reports_url() or get_settings().database_url, sql, _hashable(args))
        before = await data_version(args[0])
        rows = self.get(key, before)
        if rows is not None:
            REPORT_CACHE.labels("hit").inc()
            return rows
        flight_key = (id(asyncio.get_running_loop()), key, before)
        flight = self._flights.get(flight_key)
        if flight is not None:
            REPORT_CACHE.labels("joined").inc()
            return await asyncio.shield(flight)
        REPORT_CACHE.labels("computed").inc()
        flight = asyncio.ensure_future(self._compute(key, sql, args, before, budget))
        self._flights[flight_key] = flight
        flight.add_done_callback(lambda _: self._flights.pop(flight_key, None))
        return await asyncio.shield(flight)

    async def _compute(self, key: tuple[Any, ...], sql: str, args: tuple[Any, ...], before: str,
                       budget: int) -> list[dict[str, Any]]:
        rows = await _query(sql, args)
        if await data_version(args[0]) == before:  # no write of the team committed meanwhile: that version's rows
            self.put(key, before, rows, budget)
        return rows


async def data_version(team_id: int) -> str:
    """The team's report data version, read where reports run (the replica when there is one)."""
    [row] = await _query(_VERSION, (team_id,))
    return str(row["version"])


def _hashable(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(_hashable(v) for v in value)
    return value


def _size(rows: list[dict[str, Any]]) -> int:
    """Roughly the bytes the rows hold (texts and JSON by length, other values a fixed cost)."""
    total = 0
    for row in rows:
        total += 64
        for value in row.values():
            total += len(value) if isinstance(value, str | bytes) else 32
    return total


CACHE = ResultCache()


async def fetch(sql: str, *args: Any) -> list[dict[str, Any]]:
    """Rows of one parameterized report statement ($1, $2, ...; $1 is the team id), as dicts (copies:
    callers may edit them), from the cache when the team's data has not changed since they were read."""
    if isinstance(args[0], bool) or not isinstance(args[0], int):
        raise TypeError("a report statement's first parameter is its team id")
    budget = get_settings().reports_cache_mb * 1024 * 1024
    if budget <= 0:
        return await _query(sql, args)
    return [dict(row) for row in await CACHE.fetch(sql, args, budget)]


async def close_pools() -> None:
    pools = list(_pools.values())
    _pools.clear()
    for pool in pools:
        await pool.close()


async def fold_departed_version_rows() -> int:
    """Keep report_data_versions to a row per live writing backend (and one at slot 0) per team:
    the versions' sums, and so every cached result, stay as they are (see app.db)."""
    return await fold_departed_backends("report_data_versions", ("team_id",))
