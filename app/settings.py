"""One typed settings object, read from the environment once per process."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw else default


@dataclass(frozen=True)
class Settings:
    database_url: str | None
    redis_url: str | None
    data_dir: Path
    secret_key: str
    environment: str = "development"
    graphiql: bool = True
    introspection: bool = True
    max_query_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 4000
    db_pool_max: int = 20
    public_url: str = "http://127.0.0.1:8000"
    # Browser pages on these origins may call the API (CORS) and open its websocket; "*" allows any.
    cors_origins: tuple[str, ...] = ()
    # Only for cookies: API keys and member tokens travel in the Authorization header, which needs no credentials.
    cors_allow_credentials: bool = False
    # A JSON file of the only GraphQL documents that may run (app/web/persisted.py); None runs any.
    operation_allowlist: Path | None = None
    # Bearer token for GET /metrics; without one, /metrics answers outside production only.
    metrics_token: str | None = None
    # Where GraphiQL's scripts and styles come from: a mirror of unpkg's paths for machines without CDN access.
    graphiql_assets_url: str = "https://unpkg.com"
    log_format: str = "text"  # "json": one JSON object per line (app/core/logs.py)
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def is_production(self) -> bool:
        return self.environment == "production"


def _secret_key(data_dir: Path) -> str:
    """Use MEMBERHUB_SECRET_KEY, else a random key kept under the data dir (dev only)."""
    configured = os.environ.get("MEMBERHUB_SECRET_KEY")
    if configured:
        return configured
    key_file = data_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


def _list(name: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in os.environ.get(name, "").split(",") if item.strip())


def load_settings() -> Settings:
    data_dir = Path(os.environ.get("MEMBERHUB_DATA_DIR", ".memberhub")).expanduser().resolve()
    environment = os.environ.get("MEMBERHUB_ENV", "development")
    production = environment == "production"
    return Settings(
        database_url=os.environ.get("DATABASE_URL") or None,
        redis_url=os.environ.get("REDIS_URL") or None,
        data_dir=data_dir,
        secret_key=_secret_key(data_dir),
        environment=environment,
        graphiql=_bool("MEMBERHUB_GRAPHIQL", not production),
        introspection=_bool("MEMBERHUB_INTROSPECTION", not production),
        max_query_depth=_int("MEMBERHUB_MAX_QUERY_DEPTH", 12),
        max_aliases=_int("MEMBERHUB_MAX_ALIASES", 30),
        max_tokens=_int("MEMBERHUB_MAX_TOKENS", 4000),
        db_pool_max=_int("MEMBERHUB_DB_POOL_MAX", 20),
        public_url=os.environ.get("MEMBERHUB_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/"),
        cors_origins=_list("MEMBERHUB_CORS_ORIGINS"),
        cors_allow_credentials=_bool("MEMBERHUB_CORS_ALLOW_CREDENTIALS", False),
        operation_allowlist=Path(os.environ["MEMBERHUB_OPERATION_ALLOWLIST"]).expanduser().resolve()
        if os.environ.get("MEMBERHUB_OPERATION_ALLOWLIST") else None,
        metrics_token=os.environ.get("MEMBERHUB_METRICS_TOKEN") or None,
        graphiql_assets_url=os.environ.get("MEMBERHUB_GRAPHIQL_ASSETS_URL", "https://unpkg.com").rstrip("/"),
        log_format=os.environ.get("MEMBERHUB_LOG_FORMAT") or ("json" if production else "text"),
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
