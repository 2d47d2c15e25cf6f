"""A benchmark's own database: dropped, migrated and opened by the ORM, so runs never touch real data."""

from __future__ import annotations

import os


async def open_bench_database(name: str) -> str:
    """Recreate database `name` on the configured server, point this process at it, start the ORM.
    Returns its URL (pass it to child processes and to `drop_database` at the end)."""
    from app import runtime
    from app.db import drop_database, with_database
    from app.migrate import apply_migrations
    from app.settings import get_settings

    url = with_database(runtime.resolve_database_url(), name)
    await drop_database(url)
    os.environ["DATABASE_URL"] = url
    runtime._resolved.clear()
    get_settings.cache_clear()
    await apply_migrations(url)
    await runtime.init_orm()
    return url
