"""Fan-out of live changes across processes through Redis pub/sub."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

from app.core.redis import get_redis, key_prefix

log = logging.getLogger("memberhub.pubsub")


def team_channel(team_id: int, topic: str) -> str:
    return f"{key_prefix()}:team:{team_id}:{topic}"


def credentials_channel() -> str:
    """Revoked credentials, by the sha256 of their token: open websockets using one close at once."""
    return f"{key_prefix()}:credentials:revoked"


async def publish_revoked(token_hash: str) -> None:
    await publish(credentials_channel(), {"token_hash": token_hash})


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
    per message, not a hundred. A listener may ask only for messages whose `field` has a given
    value (one segment's changes, say): those are routed by a dict lookup, so a message costs one
    queue put per interested listener rather than one per listener. A published JSON list carries
    several messages (a batch of changes in one PUBLISH). Listeners get the same dict: treat it as
    read-only."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.queues: set[asyncio.Queue[Any]] = set()  # every message
        self.routed: dict[str, dict[Any, set[asyncio.Queue[Any]]]] = {}  # field -> value -> listeners
        self.batched: dict[asyncio.Queue[Any], tuple[str, frozenset[Any]]] = {}  # whole messages, filtered
        self.subscribed = asyncio.Event()
        self.task = asyncio.create_task(self._read())

    def add(self, queue: asyncio.Queue[Any], where: tuple[str, Any] | None) -> None:
        if where is None:
            self.queues.add(queue)
        else:
            self.routed.setdefault(where[0], {}).setdefault(where[1], set()).add(queue)

    def discard(self, queue: asyncio.Queue[Any], where: tuple[str, Any] | None) -> None:
        if where is None:
            self.queues.discard(queue)
            return
        by_value = self.routed.get(where[0], {})
        listeners = by_value.get(where[1], set())
        listeners.discard(queue)
        if not listeners:
            by_value.pop(where[1], None)
        if not by_value:
            self.routed.pop(where[0], None)

    def idle(self) -> bool:
        return not self.queues and not self.routed and not self.batched

    def _everyone(self) -> list[asyncio.Queue[Any]]:
        return [*self.queues, *(q for by_value in self.routed.values() for qs in by_value.values() for q in qs),
                *self.batched]

    def _deliver_batch(self, items: list[Any]) -> None:
        for queue, (name, values) in self.batched.items():
            wanted = [i for i in items if isinstance(i, dict) and i.get(name) in values]
            if wanted:
                _put(queue, wanted, self.name)

    def _deliver(self, payload: Any) -> None:
        targets: list[asyncio.Queue[Any]] = list(self.queues)
        for name, by_value in self.routed.items():
            targets += by_value.get(payload.get(name) if isinstance(payload, dict) else None, ())
        for queue in targets:
            _put(queue, payload, self.name)

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
                items = payload if isinstance(payload, list) else [payload]
                for item in items:
                    self._deliver(item)
                if self.batched:
                    self._deliver_batch(items)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # Redis went away: every listener's stream ends with the error
            log.warning("pub/sub reader for %s failed", self.name, exc_info=True)
            for queue in self._everyone():
                queue.put_nowait(_Failure(exc))
        finally:
            self.subscribed.set()
            _channels.pop(self.name, None)
            if pubsub is not None:
                with contextlib.suppress(Exception):
                    await pubsub.unsubscribe(self.name)
                    await pubsub.aclose()


def _put(queue: asyncio.Queue[Any], item: Any, channel: str) -> None:
    if queue.full():  # a stalled consumer loses old messages rather than memory
        log.warning("dropping a message for a slow listener on %s", channel)
        queue.get_nowait()
    queue.put_nowait(item)


class _Failure:
    def __init__(self, exc: Exception) -> None:
        self.exc = exc


_channels: dict[str, _Channel] = {}
LISTENER_BACKLOG = 10_000


async def _consume(channel: str, attach: Callable[[_Channel, asyncio.Queue[Any]], object],
                   detach: Callable[[_Channel, asyncio.Queue[Any]], object],
                   ready: asyncio.Event | None = None) -> AsyncIterator[Any]:
    entry = _channels.get(channel)
    if entry is None or entry.task.done():
        entry = _channels[channel] = _Channel(channel)
    queue: asyncio.Queue[Any] = asyncio.Queue(maxsize=LISTENER_BACKLOG)
    attach(entry, queue)
    try:
        await entry.subscribed.wait()  # subscribed before the caller goes on: nothing published after is missed
        if ready is not None:
            ready.set()
        while True:
            item = await queue.get()
            if isinstance(item, _Failure):
                raise ConnectionError(f"live updates on {channel} stopped: {item.exc}") from item.exc
            yield item
    finally:
        detach(entry, queue)
        if entry.idle() and _channels.get(channel) is entry:
            del _channels[channel]
            entry.task.cancel()


def listen(channel: str, where: tuple[str, Any] | None = None,
           ready: asyncio.Event | None = None) -> AsyncIterator[dict[str, Any]]:
    """Yield messages published on `channel` until the consumer stops iterating; with
    `where=(field, value)`, only the messages whose `field` equals `value`. `ready` is set once
    subscribed (for a consumer running in a task of its own)."""
    return _consume(channel, lambda entry, queue: entry.add(queue, where),
                    lambda entry, queue: entry.discard(queue, where), ready)


def listen_batches(channel: str, field: str, values: set[Any]) -> AsyncIterator[list[dict[str, Any]]]:
    """Yield each published message as one list, keeping only the items whose `field` is in
    `values` (messages with none are skipped): a whole batch of changes costs its consumer one step."""
    return _consume(channel, lambda entry, queue: entry.batched.__setitem__(queue, (field, frozenset(values))),
                    lambda entry, queue: entry.batched.pop(queue, None))
