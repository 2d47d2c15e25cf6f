"""`memberhub doctor`: is this deployment's configuration sound, and do its services answer?

Each check is ok, warn or fail; any fail makes the command exit 1. Nothing is written: the database
is not created, migrations are not applied.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass
from urllib.parse import urlparse

import asyncpg

from app.db import connection_params
from app.migrate import MIGRATIONS_DIR
from app.settings import Settings, load_settings

MIN_SECRET_LENGTH = 32


@dataclass
class Check:
    name: str
    status: str  # ok | warn | fail
    detail: str


def _config_checks(settings: Settings) -> list[Check]:
    checks = [Check("config", "ok", f"environment {settings.environment}, data dir {settings.data_dir}")]
    if settings.environment not in ("development", "production"):
        checks[0] = Check("config", "warn",
                          f"MEMBERHUB_ENV={settings.environment!r}: only 'production' changes defaults")
    configured = os.environ.get("MEMBERHUB_SECRET_KEY")
    if settings.is_production and not configured:
        checks.append(Check("secret key", "fail", "set MEMBERHUB_SECRET_KEY (the same on every process)"))
    elif len(settings.secret_key) < MIN_SECRET_LENGTH:
        checks.append(Check("secret key", "fail" if settings.is_production else "warn",
                            f"shorter than {MIN_SECRET_LENGTH} characters"))
    else:
        checks.append(Check("secret key", "ok", "from MEMBERHUB_SECRET_KEY" if configured
                            else f"generated, kept in {settings.data_dir}/secret_key (development only)"))
    url = urlparse(settings.public_url)
    if url.scheme not in ("http", "https") or not url.hostname:
        checks.append(Check("public url", "fail",
                            f"MEMBERHUB_PUBLIC_URL={settings.public_url!r} is not an http(s) URL"))
    elif settings.is_production and url.scheme != "https":
        checks.append(Check("public url", "fail",
                            f"{settings.public_url}: links in emails must use https in production"))
    elif settings.is_production and url.hostname in ("127.0.0.1", "localhost"):
        checks.append(Check("public url", "fail", f"{settings.public_url} is not reachable by members"))
    else:
        checks.append(Check("public url", "ok", settings.public_url))
    if "*" in settings.cors_origins and settings.cors_allow_credentials:
        checks.append(Check("cors", "warn", "any origin with credentials lets every site act with users' cookies"))
    if settings.is_production:
        if settings.graphiql or settings.introspection:
            checks.append(Check("graphql", "warn", "GraphiQL or introspection is on in production"))
        if not settings.metrics_token:
            checks.append(Check("metrics", "warn", "MEMBERHUB_METRICS_TOKEN unset: /metrics is off in production"))
    return checks


async def _database_checks(database_url: str) -> list[Check]:
    params = connection_params(database_url)
    params.pop("options")
    try:
        conn = await asyncio.wait_for(asyncpg.connect(**params), timeout=5)
    except Exception as exc:  # any failure to connect is the finding
        return [Check("database", "fail", f"{params['host']}:{params['port']}/{params['database']}: "
                      f"{type(exc).__name__}: {exc}"),
                Check("migrations", "fail", "database not reachable")]
    try:
        version = await conn.fetchval("SHOW server_version")
        checks = [Check("database", "ok", f"PostgreSQL {version} at {params['host']}:{params['port']}/"
                        f"{params['database']}")]
        has_table = await conn.fetchval("SELECT to_regclass('aerich') IS NOT NULL")
        rows = await conn.fetch("SELECT version FROM aerich WHERE app = 'models'") if has_table else []
        applied_names = {row["version"] for row in rows}
    finally:
        await conn.close()
    shipped = sorted((p.name for p in (MIGRATIONS_DIR / "models").glob("*.py")), key=lambda n: int(n.split("_")[0]))
    pending = [name for name in shipped if name not in applied_names]
    unknown = sorted(applied_names - set(shipped))
    if pending:
        checks.append(Check("migrations", "fail", f"{len(pending)} pending (run `memberhub migrate`): "
                            + ", ".join(pending[:5]) + (" …" if len(pending) > 5 else "")))
    elif unknown:
        checks.append(Check("migrations", "warn",
                            f"the database has migrations this version lacks: {', '.join(unknown)}"))
    else:
        checks.append(Check("migrations", "ok", f"{len(shipped)} applied, none pending"))
    return checks


async def _redis_check(redis_url: str) -> Check:
    from redis.asyncio import Redis

    client = Redis.from_url(redis_url, socket_connect_timeout=3, socket_timeout=3)
    try:
        info = await client.info("server")
        return Check("redis", "ok", f"{info.get('redis_version', '?')} at {redis_url.split('@')[-1]}")
    except Exception as exc:  # any failure is the finding
        return Check("redis", "fail", f"{redis_url.split('@')[-1]}: {type(exc).__name__}: {exc}")
    finally:
        await client.aclose()


def run_checks() -> list[Check]:
    from app.runtime import resolve_database_url, resolve_redis_url

    try:
        settings = load_settings()
    except Exception as exc:  # a malformed variable
        return [Check("config", "fail", f"{type(exc).__name__}: {exc}")]
    checks = _config_checks(settings)

    async def services() -> list[Check]:
        found = await _database_checks(resolve_database_url(settings))
        found.append(await _redis_check(resolve_redis_url(settings)))
        return found

    return checks + asyncio.run(services())
