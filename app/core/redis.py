"""One Redis client per process (jobs, pub/sub), keyed by the settings' prefix."""

from __future__ import annotations

import os

from arq.connections import ArqRedis, RedisSettings, create_pool

from app.runtime import resolve_redis_url

_pool: ArqRedis | None = None


def key_prefix() -> str:
    """Namespaces channels and queues so test runs on a shared Redis never cross."""
    return os.environ.get("MEMBERHUB_REDIS_PREFIX", "mh")


def job_id(*parts: object) -> str:
    """An arq job id under our prefix. arq keys jobs by id alone (`arq:job:<id>`), whatever the queue,
    so two deployments sharing a Redis would otherwise block each other's jobs of the same id."""
    return ":".join([key_prefix(), *(str(part) for part in parts)])


def queue_name() -> str:
    return f"{key_prefix()}:queue"


def redis_settings() -> RedisSettings:
    settings = RedisSettings.from_dsn(resolve_redis_url())
    settings.conn_timeout = 2
    settings.conn_retries = 1
    return settings


async def get_redis() -> ArqRedis:
    global _pool
    if _pool is None:
        _pool = await create_pool(redis_settings(), default_queue_name=queue_name())
    return _pool


async def close_redis() -> None:
    global _pool
    if _pool is not None:
        await _pool.aclose()
        _pool = None
