"""Pub/sub fan-out: one Redis reader per channel, routed listeners, list messages, clean-up."""

from __future__ import annotations

import asyncio

from app.core import pubsub
from app.core.pubsub import listen, publish


async def _collect(channel: str, where, count: int, out: list) -> None:
    async for message in listen(channel, where=where):
        out.append(message)
        if len(out) == count:
            return


async def test_routed_listeners_get_only_their_messages_and_lists_fan_out_item_by_item(orm):
    channel = pubsub.team_channel(999_001, "test-routing")
    seven, eight, everything = [], [], []
    tasks = [
        asyncio.create_task(_collect(channel, ("segment_id", 7), 2, seven)),
        asyncio.create_task(_collect(channel, ("segment_id", 8), 1, eight)),
        asyncio.create_task(_collect(channel, None, 4, everything)),
    ]
    await asyncio.sleep(0)
    await pubsub._channels[channel].subscribed.wait()
    await publish(channel, [{"segment_id": 7, "n": 1}, {"segment_id": 8, "n": 2}, {"segment_id": 9, "n": 3}])
    await publish(channel, {"segment_id": 7, "n": 4})
    await asyncio.wait_for(asyncio.gather(*tasks), 10)
    assert [m["n"] for m in seven] == [1, 4]
    assert [m["n"] for m in eight] == [2]
    assert [m["n"] for m in everything] == [1, 2, 3, 4]
    await asyncio.sleep(0)
    assert channel not in pubsub._channels  # the last listener gone, the Redis subscription is closed
