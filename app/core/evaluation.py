"""The contract every writer uses to ask the segment engine for re-evaluation.

Domains below the segment engine (contacts, hubs) change what rules read, so they must request
evaluation, but they may not import it. The engine installs its queue here at startup through
`app.wiring`; until then a request fails loudly rather than being dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

ALL_FIELDS = "*"  # "anything may have changed" (imports, merges)


class EvaluationQueue(Protocol):
    async def request(
        self, conn: Any, team_id: int, contact_ids: Sequence[int], *,
        event_types: Sequence[Sequence[str]] | None = None, fields: Sequence[str] = (),
        cause: str = "event", cause_refs: Sequence[str | None] | None = None,
    ) -> None: ...

    async def wake(self, team_id: int) -> bool: ...


_queue: EvaluationQueue | None = None


def install_queue(queue: EvaluationQueue) -> None:
    global _queue
    _queue = queue


def _installed() -> EvaluationQueue:
    if _queue is None:
        raise RuntimeError("the segment evaluation queue is not installed: call app.wiring.wire() at startup")
    return _queue


async def request_evaluation(
    conn: Any, team_id: int, contact_ids: Sequence[int], *,
    event_types: Sequence[Sequence[str]] | None = None, fields: Sequence[str] = (),
    cause: str = "event", cause_refs: Sequence[str | None] | None = None,
) -> None:
    """Inside the writer's transaction: mark contacts whose `fields` changed for re-evaluation."""
    await _installed().request(conn, team_id, contact_ids, event_types=event_types, fields=fields,
                               cause=cause, cause_refs=cause_refs)


async def wake_evaluator(team_id: int) -> bool:
    """After commit: wake a worker. False when Redis is down (the sweep catches up)."""
    return await _installed().wake(team_id)
