"""Live membership changes on `team_channel(team_id, "segment-membership")`, one message per change.

Payload (a contract other domains rely on): {"segment_id", "team_contact_id", "action": "join" |
"leave", "cause", "cause_ref", "committed_at"}. Changes are published as JSON lists of up to
`CHUNK` of them (one PUBLISH per chunk, in one pipeline); `listen` hands them out one by one, so a
recompute that moves 50,000 contacts costs a few round trips and decodes, not 50,000.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import asdict, dataclass

from app.core.pubsub import listen, team_channel
from app.core.redis import get_redis

TOPIC = "segment-membership"
CHUNK = 500
log = logging.getLogger("memberhub.segments")


@dataclass(frozen=True)
class MembershipChange:
    segment_id: int
    team_contact_id: int
    action: str  # "join" | "leave"
    cause: str
    cause_ref: str | None


async def publish_membership_changes(team_id: int, changes: list[MembershipChange]) -> None:
    """Best effort, after commit: the history table already holds every change."""
    if not changes:
        return
    channel = team_channel(team_id, TOPIC)
    committed_at = time.time()
    try:
        redis = await get_redis()
        pipe = redis.pipeline(transaction=False)
        for start in range(0, len(changes), CHUNK):
            # Published right after commit, so this is when the change became visible.
            pipe.publish(channel, json.dumps([{**asdict(change), "committed_at": committed_at}
                                              for change in changes[start:start + CHUNK]]))
        await pipe.execute()
    except Exception:  # Redis down must never fail a write that already committed
        log.warning("publish to %s failed", channel, exc_info=True)


async def membership_changes(team_id: int) -> AsyncIterator[MembershipChange]:
    async for message in listen(team_channel(team_id, TOPIC)):
        yield MembershipChange(**{k: v for k, v in message.items() if k != "committed_at"})
