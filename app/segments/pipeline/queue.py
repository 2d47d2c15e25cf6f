"""The evaluation queue API: mark contacts for segment re-evaluation, wake a worker after commit.

Any write that can change segment membership (events, contact fields, hub memberships, orders,
billing) calls `request_evaluation` inside its transaction and `wake_evaluator` after commit.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence

import asyncpg

from app.core.evaluation import ALL_FIELDS  # noqa: F401  (re-exported for the engine)
from app.core.redis import get_redis, job_id

log = logging.getLogger("memberhub.pipeline")


def static_segment_field(segment_id: int) -> str:
    """The `fields_changed` marker of a hand-managed segment's membership (rules may read it)."""
    return f"segment:{segment_id}"


async def request_evaluation(
    conn: asyncpg.Connection, team_id: int, contact_ids: Sequence[int], *,
    event_types: Sequence[Sequence[str]] | None = None, fields: Sequence[str] = (),
    cause: str = "event", cause_refs: Sequence[str | None] | None = None,
) -> None:
    """Mark contacts for segment re-evaluation inside the caller's transaction (coalescing)."""
    if not contact_ids:
        return
    types = [json.dumps(sorted(set(t))) for t in (event_types or [[] for _ in contact_ids])]
    refs = list(cause_refs or [None] * len(contact_ids))
    await conn.execute(
        """
        INSERT INTO pending_evaluations (team_id, team_contact_id, event_types, fields_changed, cause, cause_ref,
                                         requested_at, updated_at, version)
        SELECT $1, u.contact_id, u.types::jsonb, $4::jsonb, $5, u.ref, now(), now(), 0
        FROM unnest($2::bigint[], $3::text[], $6::text[]) AS u(contact_id, types, ref)
        ON CONFLICT (team_contact_id) DO UPDATE SET
            event_types = (SELECT coalesce(jsonb_agg(DISTINCT x), '[]'::jsonb)
                           FROM jsonb_array_elements(pending_evaluations.event_types || EXCLUDED.event_types) x),
            fields_changed = (SELECT coalesce(jsonb_agg(DISTINCT x), '[]'::jsonb)
                              FROM jsonb_array_elements(pending_evaluations.fields_changed
                                                        || EXCLUDED.fields_changed) x),
            cause = EXCLUDED.cause, cause_ref = EXCLUDED.cause_ref, updated_at = now(),
            version = pending_evaluations.version + 1
        """,
        team_id, list(contact_ids), types, json.dumps(sorted(set(fields))), cause, refs,
    )


# Evaluation jobs per team that may be queued or running at once. Each drains the queue until it is
# empty, so more jobs would only split batches (every batch costs one statement per woken segment).
EVALUATOR_SLOTS = 2


async def wake_evaluator(team_id: int) -> bool:
    """Enqueue an evaluation job after commit. Redis being down is fine: the sweep catches up.

    Job ids are per team and slot: while both slots are taken, the running jobs pick the new rows
    up before they finish, so nothing more is enqueued."""
    try:
        redis = await get_redis()
        for slot in range(EVALUATOR_SLOTS):
            if await redis.enqueue_job("evaluate_pending", team_id, _job_id=job_id("evaluate", team_id, slot)):
                return True
        return True
    except Exception:  # any Redis failure: the rows are safe in PostgreSQL
        log.warning("could not enqueue evaluation for team %s; the sweep will pick it up", team_id, exc_info=True)
        return False


async def start_backfill(conn: asyncpg.Connection, team_id: int, *, source: str, total: int) -> None:
    """A bulk write's contacts are queued: the team shows as catching up until none wait (the worker
    finishes the backfill when the queue is empty)."""
    await conn.execute(
        "INSERT INTO evaluation_backfills (team_id, source, total, started_at) VALUES ($1, $2, $3, now())",
        team_id, source, total,
    )


class PipelineQueue:
    """The engine's implementation of `app.core.evaluation.EvaluationQueue` (installed by app.wiring)."""

    async def request(self, conn: asyncpg.Connection, team_id: int, contact_ids: Sequence[int], *,
                      event_types: Sequence[Sequence[str]] | None = None, fields: Sequence[str] = (),
                      cause: str = "event", cause_refs: Sequence[str | None] | None = None) -> None:
        await request_evaluation(conn, team_id, contact_ids, event_types=event_types, fields=fields,
                                 cause=cause, cause_refs=cause_refs)

    async def wake(self, team_id: int) -> bool:
        return await wake_evaluator(team_id)

    async def start_backfill(self, conn: asyncpg.Connection, team_id: int, *, source: str, total: int) -> None:
        await start_backfill(conn, team_id, source=source, total=total)
