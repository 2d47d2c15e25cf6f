"""Where report queries run: `REPORTS_DATABASE_URL` (a read replica) when set, else the primary.

Every report statement goes through `fetch`, so routing is one decision. Reports only read; a
replica that lags shows slightly older numbers, never wrong ones (each report is one snapshot
per statement). The replica pool is opened lazily, one per event loop, and runs with the same
statement timeout as the API's connections.
"""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg
from tortoise import connections

from app.db import connection_params
from app.settings import get_settings

_pools: dict[tuple[str, int], asyncpg.Pool] = {}


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
        pool = await asyncpg.create_pool(**params, min_size=0,
                                         max_size=max(2, settings.db_pool_max // 2), server_settings=server_settings)
        _pools[key] = pool
    return pool


def reports_url() -> str | None:
    return get_settings().reports_database_url


async def fetch(sql: str, *args: Any) -> list[dict[str, Any]]:
    """Rows of one parameterized statement ($1, $2, ...), as dicts."""
    url = reports_url()
    if url:
        pool = await _replica_pool(url)
        return [dict(row) for row in await pool.fetch(sql, *args)]
    return await connections.get("default").execute_query_dict(sql, list(args))


async def close_pools() -> None:
    pools = list(_pools.values())
    _pools.clear()
    for pool in pools:
        await pool.close()
