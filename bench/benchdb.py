"""A benchmark's own database: dropped, migrated and opened by the ORM, so runs never touch real data."""

from __future__ import annotations

import os

import asyncpg


async def _admin(url: str) -> asyncpg.Connection:
    from app.db import connection_params

    params = connection_params(url)
    params.pop("options")
    return await asyncpg.connect(**{**params, "database": "postgres"})


async def save_template(url: str, template: str, load_s: float | None = None) -> None:
    """Copy the freshly loaded bench database to `template`, so `--reuse` runs skip the load; with
    `load_s`, the load's duration is kept as the template's comment (`template_load_seconds`)."""
    from app import runtime

    await runtime.close_orm()
    admin = await _admin(url)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{template}" TEMPLATE "{url.rsplit("/", 1)[1]}" STRATEGY FILE_COPY')
        if load_s is not None:
            await admin.execute(f"COMMENT ON DATABASE \"{template}\" IS 'load_s={load_s:.1f}'")
    finally:
        await admin.close()
    from app.wiring import wire

    wire()
    await runtime.init_orm()


async def template_load_seconds(url: str, template: str) -> float | None:
    """How long the load saved as `template` took, if `save_template` was told."""
    admin = await _admin(url)
    try:
        text = await admin.fetchval(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = $1", template)
    finally:
        await admin.close()
    return float(text[len("load_s="):]) if text and text.startswith("load_s=") else None


async def restore_template(url: str, template: str) -> bool:
    """Recreate the bench database from `template`; False if there is none."""
    admin = await _admin(url)
    try:
        if not await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", template):
            return False
        name = url.rsplit("/", 1)[1]
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
        return True
    finally:
        await admin.close()


async def open_bench_database(name: str, reuse: bool = False) -> str:
    """Recreate database `name` on the configured server (with `reuse`, keep it if it is there),
    point this process at it, start the ORM. Returns its URL (pass it to child processes and to
    `drop_database` at the end)."""
    from app import runtime
    from app.db import drop_database, with_database
    from app.migrate import apply_migrations
    from app.settings import get_settings

    url = with_database(runtime.resolve_database_url(), name)
    if not reuse:
        await drop_database(url)
    os.environ["DATABASE_URL"] = url
    runtime._resolved.clear()
    get_settings.cache_clear()
    await apply_migrations(url)
    from app.wiring import wire

    wire()
    await runtime.init_orm()
    return url
