"""Process-wide wiring: resolve service URLs (configured or embedded), start and stop the ORM."""

from __future__ import annotations

import logging
import sys

from tortoise import Tortoise

from app.db import ensure_database, tortoise_config
from app.embedded import embedded_postgres_url, embedded_valkey_url
from app.settings import Settings, get_settings

log = logging.getLogger("memberhub")

_resolved: dict[str, str] = {}


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def resolve_database_url(settings: Settings | None = None) -> str:
    settings = settings or get_settings()
    if "db" not in _resolved:
        if settings.database_url:
            _resolved["db"] = settings.database_url
        else:
            url = embedded_postgres_url(settings.data_dir)
            _say(f"memberhub: DATABASE_URL not set; using embedded PostgreSQL under {settings.data_dir}/postgres")
            _resolved["db"] = url
    return _resolved["db"]


def resolve_redis_url(settings: Settings | None = None) -> str:
    settings = settings or get_settings()
    if "redis" not in _resolved:
        if settings.redis_url:
            _resolved["redis"] = settings.redis_url
        else:
            url = embedded_valkey_url(settings.data_dir)
            _say(f"memberhub: REDIS_URL not set; using embedded Valkey at {url}")
            _resolved["redis"] = url
    return _resolved["redis"]


def orm_config(settings: Settings | None = None, statement_timeout_ms: int | None = None) -> dict:
    settings = settings or get_settings()
    timeout = settings.worker_statement_timeout_ms if statement_timeout_ms is None else statement_timeout_ms
    return tortoise_config(resolve_database_url(settings), pool_max=settings.db_pool_max, statement_timeout_ms=timeout)


async def init_orm(settings: Settings | None = None, *, statement_timeout_ms: int | None = None) -> None:
    """Initialise Tortoise once for this process (global fallback so every task sees it). Statements
    time out after `statement_timeout_ms` (default: the workers' MEMBERHUB_WORKER_STATEMENT_TIMEOUT_MS;
    the API passes its own)."""
    if Tortoise._inited and Tortoise.apps is not None:
        return
    settings = settings or get_settings()
    url = resolve_database_url(settings)
    await ensure_database(url)
    await Tortoise.init(config=orm_config(settings, statement_timeout_ms), _enable_global_fallback=True)


async def close_orm() -> None:
    """Close connections and forget the models so a later init_orm starts afresh."""
    await Tortoise.close_connections()
    await Tortoise._reset_apps()
