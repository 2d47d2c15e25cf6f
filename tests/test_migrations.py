"""Migrations applied to an empty database give exactly the models' schema."""

from __future__ import annotations

import os
import subprocess
import sys

import asyncpg
from tortoise import Tortoise
from tortoise.utils import get_schema_sql

from app.db import connection_params, drop_database, ensure_database, with_database

COLUMNS_SQL = """
SELECT table_name, column_name, data_type, udt_name, is_nullable, character_maximum_length
FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'aerich'
"""
INDEXES_SQL = """
SELECT tablename, regexp_replace(indexdef, 'INDEX \\S+ ON', 'INDEX ON') AS definition
FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'aerich'
"""
CONSTRAINTS_SQL = """
SELECT conrelid::regclass::text AS table_name, contype,
       regexp_replace(pg_get_constraintdef(oid), '"', '', 'g') AS definition
FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'aerich'
"""


def _migrate_cli(url: str) -> str:
    """`memberhub migrate` in its own process, as an operator runs it."""
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "migrate"], env={**os.environ, "DATABASE_URL": url},
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


async def _schema_of(url: str) -> dict[str, set[tuple]]:
    params = connection_params(url)
    params.pop("options")
    conn = await asyncpg.connect(**params)
    try:
        return {
            "columns": {tuple(r) for r in await conn.fetch(COLUMNS_SQL)},
            "indexes": {tuple(r) for r in await conn.fetch(INDEXES_SQL)},
            "constraints": {tuple(r) for r in await conn.fetch(CONSTRAINTS_SQL)},
        }
    finally:
        await conn.close()


async def test_migrations_on_empty_database_match_models(test_database_url):
    migrated_url = with_database(test_database_url, test_database_url.rsplit("/", 1)[1].split("?")[0] + "_mig")
    modeled_url = with_database(test_database_url, test_database_url.rsplit("/", 1)[1].split("?")[0] + "_mod")
    await drop_database(migrated_url)
    await drop_database(modeled_url)
    try:
        first = _migrate_cli(migrated_url)
        assert "applied 0 migration" not in first, first
        second = _migrate_cli(migrated_url)
        assert "applied 0 migration(s)" in second, "migrate is not idempotent: " + second

        await ensure_database(modeled_url)
        params = connection_params(modeled_url)
        params.pop("options")
        conn = await asyncpg.connect(**params)
        try:
            await conn.execute(get_schema_sql(Tortoise.get_connection("default"), safe=False))
        finally:
            await conn.close()

        migrated, modeled = await _schema_of(migrated_url), await _schema_of(modeled_url)
        for part in ("columns", "indexes", "constraints"):
            missing = modeled[part] - migrated[part]
            extra = migrated[part] - modeled[part]
            assert not missing and not extra, f"{part}: models-only {sorted(missing)}; migrations-only {sorted(extra)}"
    finally:
        await drop_database(migrated_url)
        await drop_database(modeled_url)
