"""aerich migrations: apply them (`memberhub migrate`) and generate them (`makemigrations`)."""

from __future__ import annotations

import fcntl
from pathlib import Path

from aerich import Command
from tortoise import Tortoise

from app.db import ensure_database, tortoise_config


def _migrations_dir() -> Path:
    """The checkout's `migrations/` (development, editable installs), else the copy a wheel ships
    inside the package (setup.py puts it at app/_migrations)."""
    checkout = Path(__file__).resolve().parent.parent / "migrations"
    shipped = Path(__file__).resolve().parent / "_migrations"
    return checkout if (checkout / "models").is_dir() or not shipped.is_dir() else shipped


MIGRATIONS_DIR = _migrations_dir()


async def apply_migrations(database_url: str) -> list[str]:
    """Apply every pending migration; running it again applies nothing (idempotent)."""
    await ensure_database(database_url)
    config = tortoise_config(database_url, pool_max=2)
    command = Command(tortoise_config=config, app="models", location=str(MIGRATIONS_DIR))
    was_inited = Tortoise._inited
    try:
        await command.init()
        return await command.upgrade(run_in_transaction=True)
    finally:
        if not was_inited:
            await Tortoise.close_connections()
            await Tortoise._reset_apps()


async def make_migration(database_url: str, name: str) -> str | None:
    """Write the next migration from the models' diff (development only).

    A file lock keeps two developers' runs on one checkout from taking the same number.
    """
    MIGRATIONS_DIR.mkdir(exist_ok=True)
    with open(MIGRATIONS_DIR / ".lock", "w") as lock:  # noqa: ASYNC230 - a dev command, one tiny file
        fcntl.flock(lock, fcntl.LOCK_EX)
        config = tortoise_config(database_url, pool_max=2)
        command = Command(tortoise_config=config, app="models", location=str(MIGRATIONS_DIR))
        try:
            if not any((MIGRATIONS_DIR / "models").glob("*.py")):
                await command.init_migrations(safe=True)
                return "initial"
            await command.init(offline=True)
            return await command.migrate(name, no_input=True, offline=True)
        finally:
            await Tortoise.close_connections()
            await Tortoise._reset_apps()
