"""One typed settings object, read from the environment once per process."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from limits import parse_many

from app.core.body_limits import BodyLimits
from app.core.db_limits import SlotLimits


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw else default


def _float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    return float(raw) if raw else default


def _limit(name: str, default: str) -> str:
    """A rate limit string, checked here so a typo fails at startup rather than at the first login."""
    raw = os.environ.get(name, default).strip()
    if raw:
        parse_many(raw)
    return raw


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
    # Attempt limits ("N/minute;M/hour", see app/core/ratelimit.py; empty: no limit).
    login_limit_per_address: str = "20/minute;200/hour"
    login_failures_per_account: str = "5/minute;20/hour"
    two_factor_failures_per_user: str = "5/15 minutes;20/day"  # wrong two-factor codes
    sign_in_limit_per_address: str = "20/minute;200/hour"
    sign_in_failures_per_member: str = "10/15 minutes;30/day"
    sign_in_codes_per_member: str = "5/15 minutes;20/day"
    # Email template rendering (app/email/render_pool.py): per render, in separate processes.
    template_render_timeout: float = 2.0
    template_render_memory_mb: int = 256
    template_render_workers: int = 2
    # DKIM signing of campaign batches (app/email/dkim_keys.py): processes; 0 signs in the sender.
    dkim_sign_workers: int = 1
    # Request bodies (app/core/body_limits.py), bytes: larger ones get 413 before being read.
    max_body_bytes: int = 64 * 1024
    max_graphql_body_bytes: int = 32 * 1024 * 1024  # with an Authorization header (base64 uploads)
    max_anonymous_graphql_body_bytes: int = 1024 * 1024
    max_events_body_bytes: int = 8 * 1024 * 1024
    max_webhook_body_bytes: int = 2 * 1024 * 1024
    # Database time (app/core/db_limits.py): per statement, and heavy rule work at once per process.
    statement_timeout_ms: int = 30_000  # API processes
    worker_statement_timeout_ms: int = 600_000  # workers and the CLI (full recomputes, imports)
    db_slots_per_team: int = 3
    db_slots_per_request: int = 2
    db_slots_total: int = 0  # 0: half the pool
    max_query_cost: int = 25_000
    # Member tree responses shared between members with equal outcomes (app/access/shared_graphql.py).
    member_response_cache: bool = True
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
    # Report queries go here when set (a read replica); the primary otherwise.
    reports_database_url: str | None = None
    # Finished report results kept per process (app/reports/db.py), in MB; 0 turns the cache off.
    reports_cache_mb: int = 64
    log_format: str = "text"  # "json": one JSON object per line (app/core/logs.py)
    # Ad audiences (app/audiences): Meta's Graph API version, the deployment's Meta app secret
    # (appsecret_proof; a destination may carry its own), and Google's OAuth client and token endpoint.
    meta_graph_version: str = "v24.0"
    meta_app_secret: str | None = None
    google_oauth_client_id: str | None = None
    google_oauth_client_secret: str | None = None
    google_token_url: str = "https://oauth2.googleapis.com/token"
    # Where a magic link lands after signing a member in (docs/member-api.md): "{slug}" is replaced by
    # the hub's slug and "#member_token=…" appended; None shows a page with the token instead.
    member_app_url: str | None = None
    # A campaign batch job holds its recipients this long (app/email/campaign_send.py): after a worker
    # dies, its queued rows wait this long for another job, and its in-flight row then becomes uncertain.
    campaign_lease_seconds: int = 300
    # Plans (app/plans): a team without a plan of its own is on this one; self-hosted deployments
    # are not metered, so the default holds everything.
    default_plan: str = "enterprise"
    # SHA-256 hex digests of the platform-admin tokens (`memberhub platform-token` makes one).
    platform_admin_token_hashes: tuple[str, ...] = ()
    tracing: str | None = None  # "otlp": OpenTelemetry spans over OTLP/HTTP (app/core/tracing.py)
    # AI-generated segments (app/plans/ai.py): the deployment's OpenAI-compatible endpoint, used by
    # teams without their own; teams may point only at these hosts outside development.
    ai_base_url: str | None = None
    ai_model: str | None = None
    ai_api_key: str | None = None
    ai_allowed_hosts: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @property
    def db_slot_limits(self) -> SlotLimits:
        return SlotLimits(per_team=max(1, self.db_slots_per_team), per_request=max(1, self.db_slots_per_request),
                          total=max(1, self.db_slots_total or self.db_pool_max // 2))

    @property
    def body_limits(self) -> BodyLimits:
        return BodyLimits(default=self.max_body_bytes, graphql=self.max_graphql_body_bytes,
                          graphql_anonymous=self.max_anonymous_graphql_body_bytes,
                          events=self.max_events_body_bytes, webhooks=self.max_webhook_body_bytes)


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


# Bounds on the work of one request (issue 13), each read from MEMBERHUB_<NAME> with its default.
_RATE_LIMITS = ("login_limit_per_address", "login_failures_per_account", "two_factor_failures_per_user",
                "sign_in_limit_per_address",
                "sign_in_failures_per_member", "sign_in_codes_per_member")
_INT_LIMITS = ("template_render_memory_mb", "template_render_workers", "dkim_sign_workers", "max_body_bytes",
               "max_graphql_body_bytes", "max_anonymous_graphql_body_bytes", "max_events_body_bytes",
               "max_webhook_body_bytes",
               "statement_timeout_ms", "worker_statement_timeout_ms", "db_slots_per_team", "db_slots_per_request",
               "db_slots_total", "max_query_cost", "reports_cache_mb")
_FLOAT_LIMITS = ("template_render_timeout",)


def _limits_from_env() -> dict[str, Any]:
    values: dict[str, Any] = {}
    for names, read in ((_RATE_LIMITS, _limit), (_INT_LIMITS, _int), (_FLOAT_LIMITS, _float)):
        for name in names:
            values[name] = read(f"MEMBERHUB_{name.upper()}", getattr(Settings, name))
    return values
def _list(name: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in os.environ.get(name, "").split(",") if item.strip())


def load_settings() -> Settings:
    data_dir = Path(os.environ.get("MEMBERHUB_DATA_DIR", ".memberhub")).expanduser().resolve()
    environment = os.environ.get("MEMBERHUB_ENV", "development")
    production = environment == "production"
    return Settings(
        database_url=os.environ.get("DATABASE_URL") or None,
        reports_database_url=os.environ.get("REPORTS_DATABASE_URL") or None,
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
        **_limits_from_env(),
        cors_origins=_list("MEMBERHUB_CORS_ORIGINS"),
        cors_allow_credentials=_bool("MEMBERHUB_CORS_ALLOW_CREDENTIALS", False),
        operation_allowlist=Path(os.environ["MEMBERHUB_OPERATION_ALLOWLIST"]).expanduser().resolve()
        if os.environ.get("MEMBERHUB_OPERATION_ALLOWLIST") else None,
        metrics_token=os.environ.get("MEMBERHUB_METRICS_TOKEN") or None,
        member_response_cache=_bool("MEMBERHUB_MEMBER_RESPONSE_CACHE", True),
        graphiql_assets_url=os.environ.get("MEMBERHUB_GRAPHIQL_ASSETS_URL", "https://unpkg.com").rstrip("/"),
        log_format=os.environ.get("MEMBERHUB_LOG_FORMAT") or ("json" if production else "text"),
        meta_graph_version=os.environ.get("MEMBERHUB_META_GRAPH_VERSION", "").strip() or "v24.0",
        meta_app_secret=os.environ.get("MEMBERHUB_META_APP_SECRET") or None,
        google_oauth_client_id=os.environ.get("MEMBERHUB_GOOGLE_OAUTH_CLIENT_ID") or None,
        google_oauth_client_secret=os.environ.get("MEMBERHUB_GOOGLE_OAUTH_CLIENT_SECRET") or None,
        google_token_url=os.environ.get("MEMBERHUB_GOOGLE_TOKEN_URL", "").strip()
        or "https://oauth2.googleapis.com/token",
        member_app_url=os.environ.get("MEMBERHUB_MEMBER_APP_URL") or None,
        campaign_lease_seconds=_int("MEMBERHUB_CAMPAIGN_LEASE_SECONDS", 300),
        default_plan=(os.environ.get("MEMBERHUB_DEFAULT_PLAN") or "enterprise").strip().lower(),
        platform_admin_token_hashes=tuple(h.lower() for h in _list("MEMBERHUB_PLATFORM_ADMIN_TOKEN_HASHES")),
        tracing=_tracing_mode(),
        ai_base_url=(os.environ.get("MEMBERHUB_AI_BASE_URL") or "").rstrip("/") or None,
        ai_model=os.environ.get("MEMBERHUB_AI_MODEL") or None,
        ai_api_key=os.environ.get("MEMBERHUB_AI_API_KEY") or None,
        ai_allowed_hosts=_list("MEMBERHUB_AI_ALLOWED_HOSTS"),
    )


def _tracing_mode() -> str | None:
    mode = (os.environ.get("MEMBERHUB_TRACING") or "").strip().lower()
    if mode in ("", "off", "none", "0", "false"):
        return None
    if mode != "otlp":
        raise ValueError(f"MEMBERHUB_TRACING must be 'otlp' or unset, not {mode!r}")
    return mode


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
