"""Fan-out of live changes across processes through Redis pub/sub."""

from __future__ import annotations

import asyncio
import contextlib
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


class _Channel:
    """One Redis subscription per channel per process, decoded once and fanned out to local listeners.

    A hundred dashboard subscriptions on one channel cost one Redis connection and one JSON decode
    per message, not a hundred. Listeners get the same dict: treat it as read-only."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.queues: set[asyncio.Queue[Any]] = set()
        self.subscribed = asyncio.Event()
        self.task = asyncio.create_task(self._read())

    async def _read(self) -> None:
        pubsub = None
        try:
            redis = await get_redis()
            pubsub = redis.pubsub()
            await pubsub.subscribe(self.name)
            self.subscribed.set()
            while True:
                message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
                if message is None:
                    continue
                payload = json.loads(message["data"])
                for queue in list(self.queues):
                    if queue.full():  # a stalled consumer loses old messages rather than memory
                        log.warning("dropping a message for a slow listener on %s", self.name)
                        queue.get_nowait()
                    queue.put_nowait(payload)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # Redis went away: every listener's stream ends with the error
            log.warning("pub/sub reader for %s failed", self.name, exc_info=True)
            for queue in list(self.queues):
                queue.put_nowait(_Failure(exc))
        finally:
            self.subscribed.set()
            _channels.pop(self.name, None)
            if pubsub is not None:
                with contextlib.suppress(Exception):
                    await pubsub.unsubscribe(self.name)
                    await pubsub.aclose()


class _Failure:
    def __init__(self, exc: Exception) -> None:
        self.exc = exc


_channels: dict[str, _Channel] = {}
LISTENER_BACKLOG = 10_000


async def listen(channel: str) -> AsyncIterator[dict[str, Any]]:
    """Yield messages published on `channel` until the consumer stops iterating."""
    entry = _channels.get(channel)
    if entry is None or entry.task.done():
        entry = _channels[channel] = _Channel(channel)
    queue: asyncio.Queue[Any] = asyncio.Queue(maxsize=LISTENER_BACKLOG)
    entry.queues.add(queue)
    try:
        await entry.subscribed.wait()  # subscribed before the caller goes on: nothing published after is missed
        while True:
            item = await queue.get()
            if isinstance(item, _Failure):
                raise ConnectionError(f"live updates on {channel} stopped: {item.exc}") from item.exc
            yield item
    finally:
        entry.queues.discard(queue)
        if not entry.queues and _channels.get(channel) is entry:
            del _channels[channel]
            entry.task.cancel()
