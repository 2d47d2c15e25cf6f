"""Fan-out of live changes across processes through Redis pub/sub."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from typing import Any

from app.realtime.redis import get_redis, key_prefix

log = logging.getLogger("memberhub.pubsub")


def team_channel(team_id: int, topic: str) -> str:
    return f"{key_prefix()}:team:{team_id}:{topic}"


async def publish(channel: str, payload: dict[str, Any]) -> None:
    """Best effort: the database already holds the change; a lost message is only a late UI."""
    try:
        redis = await get_redis()
        await redis.publish(channel, json.dumps(payload, default=str))
    except Exception:  # Redis down must never fail the write that already committed
        log.warning("publish to %s failed", channel, exc_info=True)


async def listen(channel: str) -> AsyncIterator[dict[str, Any]]:
    """Yield messages published on `channel` until the consumer stops iterating."""
    redis = await get_redis()
    pubsub = redis.pubsub()
    await pubsub.subscribe(channel)
    try:
        while True:
            message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
            if message is None:
                continue
            yield json.loads(message["data"])
    finally:
        await pubsub.unsubscribe(channel)
        await pubsub.aclose()
