"""Attempt limits shared by every API process, kept in Redis (the `limits` library's moving window).

A limit is a string such as "10/minute" or "5/minute;20/hour" (every part must hold). `hit`
counts an attempt against each key and refuses once any is spent; `check` only asks; `record`
counts without refusing (failures, counted after the fact). A refusal says when to retry.

Redis being down lets attempts through (logged): the password hashing pool still bounds the CPU
they can take, and losing Redis must not lock everyone out.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Sequence

from limits import RateLimitItem, parse_many
from limits.aio.storage import RedisStorage
from limits.aio.strategies import MovingWindowRateLimiter

from app.core.redis import key_prefix
from app.runtime import resolve_redis_url

log = logging.getLogger("memberhub.ratelimit")

_limiter: MovingWindowRateLimiter | None = None
_storage: RedisStorage | None = None


class RateLimited(Exception):
    """Too many attempts: `retry_after` seconds until the next one is accepted."""

    def __init__(self, what: str, retry_after: int) -> None:
        super().__init__(f"too many {what}; try again in {retry_after} seconds")
        self.retry_after = retry_after


def _get() -> MovingWindowRateLimiter:
    global _limiter, _storage
    if _limiter is None:
        _storage = RedisStorage(f"async+{resolve_redis_url()}", implementation="redispy",
                                key_prefix=f"{key_prefix()}:limits", socket_timeout=2, socket_connect_timeout=2)
        _limiter = MovingWindowRateLimiter(_storage)
    return _limiter


def _items(limit: str) -> list[RateLimitItem]:
    return parse_many(limit) if limit.strip() else []


async def _retry_after(limiter: MovingWindowRateLimiter, item: RateLimitItem, key: str) -> int:
    stats = await limiter.get_window_stats(item, key)
    return max(1, math.ceil(stats.reset_time - time.time()))


async def _attempt(what: str, limit: str, keys: Sequence[str], *, count: bool) -> None:
    try:
        limiter = _get()
        for item in _items(limit):
            for key in keys:
                if not await (limiter.hit(item, key) if count else limiter.test(item, key)):
                    raise RateLimited(what, await _retry_after(limiter, item, key))
    except RateLimited:
        raise
    except Exception:
        log.warning("rate limiting failed; letting the attempt through", exc_info=True)


async def check(what: str, limit: str, keys: Sequence[str]) -> None:
    """Raise RateLimited if any key has no attempt left under `limit` (nothing is counted)."""
    await _attempt(what, limit, keys, count=False)


async def hit(what: str, limit: str, keys: Sequence[str]) -> None:
    """Count one attempt against every key; raise RateLimited if any was already spent. Each count is
    atomic in Redis, so parallel attempts cannot all slip through before one is recorded."""
    await _attempt(what, limit, keys, count=True)


async def record(limit: str, keys: Sequence[str]) -> None:
    """Count one attempt against every key, refusing nothing (for failures, counted afterwards)."""
    try:
        limiter = _get()
        for item in _items(limit):
            for key in keys:
                await limiter.hit(item, key)
    except Exception:
        log.warning("could not record an attempt for rate limiting", exc_info=True)


async def reset() -> None:
    """Forget every count under this deployment's prefix (tests, or an operator after an incident)."""
    _get()
    if _storage is not None:
        await _storage.reset()


async def close() -> None:
    global _limiter, _storage
    if _storage is not None:
        try:
            await _storage.bridge.storage.aclose()  # type: ignore[attr-defined]  # the bridge's redis.asyncio client
        except Exception:
            log.debug("closing the rate limit storage failed", exc_info=True)
    _limiter = _storage = None
