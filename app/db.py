"""Tortoise configuration: one model app, PostgreSQL through asyncpg, URLs parsed here."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

import asyncpg

MODEL_MODULES = [
    "app.teams.models",
    "app.contacts.models",
    "app.hubs.models",
    "app.segments.pipeline.models",
    "app.commerce.models",
    "app.segments.models",
    "app.content.models",
    "app.access.models",
    "app.email.models",
    "app.audiences.models",
    "app.community.models",
    "app.plans.models",
    "app.reports.models",
    "aerich.models",
]


def connection_params(database_url: str) -> dict[str, Any]:
    """Split a postgres:// URL into asyncpg keyword arguments (supports ?host=/socket/dir)."""
    parsed = urlparse(database_url)
    query = {key: values[-1] for key, values in parse_qs(parsed.query).items()}
    host = query.pop("host", None) or parsed.hostname or "127.0.0.1"
    port = int(query.pop("port", None) or parsed.port or 5432)
    return {
        "host": unquote(host),
        "port": port,
        "user": unquote(parsed.username or "postgres"),
        "password": unquote(parsed.password or "") or None,
        "database": (parsed.path or "/").lstrip("/") or "postgres",
        "options": query,
    }


def with_database(database_url: str, database: str) -> str:
    parsed = urlparse(database_url)
    return parsed._replace(path="/" + database).geturl()


async def keep_session(connection: asyncpg.Connection) -> None:
    """The pools' reset on release, in place of asyncpg's default. asyncpg has already rolled back a
    transaction left open and dropped listeners; its default would then send RESET ALL, CLOSE ALL,
    UNLISTEN * and pg_advisory_unlock_all() — one more round trip, and PostgreSQL's CPU, after every
    statement run outside a transaction, that is twice the round trips of a member request. MemberHub
    leaves no session state to reset: settings are per connection (server_settings) or SET LOCAL,
    advisory locks are transaction-scoped, and no listener or held cursor is left on a pooled connection
    (tests/test_db_sessions.py scans the code for them)."""


def tortoise_config(database_url: str, pool_max: int = 20, statement_timeout_ms: int = 0) -> dict[str, Any]:
    """`statement_timeout_ms` (0: none) is set on every connection of the pool."""
    params = connection_params(database_url)
    options = params.pop("options")
    credentials: dict[str, Any] = {
        "host": params["host"],
        "port": params["port"],
        "user": params["user"],
        "password": params["password"] or "",
        "database": params["database"],
        "minsize": int(options.get("minsize", 1)),
        "maxsize": int(options.get("maxsize", pool_max)),
        "reset": keep_session,
    }
    if statement_timeout_ms > 0:
        credentials["server_settings"] = {"statement_timeout": str(statement_timeout_ms)}
    return {
        "connections": {"default": {"engine": "tortoise.backends.asyncpg", "credentials": credentials}},
        "apps": {"models": {"models": MODEL_MODULES, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


async def ensure_database(database_url: str) -> None:
    """Create the URL's database if it does not exist yet."""
    params = connection_params(database_url)
    params.pop("options")
    name = params["database"]
    admin = await asyncpg.connect(**{**params, "database": "postgres"})
    try:
        exists = await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if not exists:
            # Identifiers cannot be bound as parameters; quote_ident keeps the name safe.
            quoted = await admin.fetchval("SELECT quote_ident($1)", name)
            await admin.execute(f"CREATE DATABASE {quoted}")
    finally:
        await admin.close()


async def drop_database(database_url: str) -> None:
    params = connection_params(database_url)
    params.pop("options")
    admin = await asyncpg.connect(**{**params, "database": "postgres"})
    try:
        quoted = await admin.fetchval("SELECT quote_ident($1)", params["database"])
        await admin.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
    finally:
        await admin.close()


async def fold_departed_backends(table: str, keys: tuple[str, ...]) -> int:
    """Fold the rows of backends that have gone into one row per key at slot 0, in one statement.

    The version tables (report_data_versions, community_versions) keep a row per writing backend
    (`slot`: its pid), so writers never wait on each other; every reconnection of a pool adds a row
    that nobody will write again, and the version is a sum over them. Moving the departed rows' sum
    into slot 0 (no backend's pid) keeps each key's sum exactly, so no cached answer is invalidated
    and no later sum can repeat an earlier one. A backend that takes a departed pid again and writes
    meanwhile either has its row folded with its new value (the DELETE waits for its commit and sees
    that value) or inserts a fresh one afterwards. Returns the number of rows folded.
    `table` and `keys` are our own identifiers, never caller input.
    """
    columns = ", ".join(keys)
    sql = f"""
WITH departed AS (
  DELETE FROM {table} v
  WHERE v.slot <> 0 AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = v.slot)
  RETURNING {columns}, version
), folded AS (
  INSERT INTO {table} AS v ({columns}, slot, version)
  SELECT {columns}, 0, sum(version) FROM departed GROUP BY {columns}
  ON CONFLICT ({columns}, slot) DO UPDATE SET version = v.version + EXCLUDED.version
)
SELECT count(*) AS folded FROM departed"""
    from tortoise import connections

    rows = await connections.get("default").execute_query_dict(sql)
    return int(rows[0]["folded"])
