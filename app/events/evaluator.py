"""The real-time evaluator: claim pending contacts, evaluate only the segments they can change.

One transaction claims a batch of `pending_evaluations` rows (`FOR UPDATE SKIP LOCKED`, so two
workers never take the same contact), evaluates each woken segment for the batch's contacts in one
statement, writes the membership diffs with history, deletes the claimed rows and commits. A
worker killed midway rolls everything back and the rows are claimed again: no change lost, none
written twice. Changes are published only after commit.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import asyncpg
from tortoise.transactions import in_transaction

from app.events.queue import ALL_FIELDS, static_segment_field
from app.events.timesweep import time_field
from app.segments.dependencies import dependency_order
from app.segments.events import MembershipChange, publish_membership_changes
from app.segments.models import Segment, SegmentKind
from app.segments.service import _update_member_count, _write_diff, load_context, stored_rule
from app.segments.triggers import Triggers
from app.teams.models import Team

log = logging.getLogger("memberhub.evaluator")

CLAIM_BATCH = 500


@dataclass
class PendingContact:
    contact_id: int
    event_types: set[str]
    fields: set[str]
    cause: str
    cause_ref: str | None
    requested_at: datetime


@dataclass
class BatchReport:
    claimed: int = 0
    segments_evaluated: int = 0
    changes: list[MembershipChange] = field(default_factory=list)


def wakes(segment_id: int, triggers: Triggers, pending: PendingContact) -> bool:
    """Does this contact's pending change touch anything the segment's rule reads?"""
    if ALL_FIELDS in pending.fields or time_field(segment_id) in pending.fields:
        return True
    if any(static_segment_field(s) in pending.fields for s in triggers.segments):
        return True
    if any(triggers.wakes_on_event(t) for t in pending.event_types):
        return True
    if triggers.wakes_on_fields(pending.fields):
        return True
    if triggers.orders and ("orders" in pending.fields or "purchase" in pending.event_types):
        return True
    if triggers.hubs and "hubs" in pending.fields:
        return True
    return bool(triggers.tables & pending.fields)


async def _claim(conn: asyncpg.Connection, team_id: int | None, limit: int) -> dict[int, list[PendingContact]]:
    rows = await conn.fetch(
        """
        DELETE FROM pending_evaluations WHERE id IN (
            SELECT id FROM pending_evaluations
            WHERE ($1::bigint IS NULL OR team_id = $1)
            ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING team_id, team_contact_id, event_types, fields_changed, cause, cause_ref, requested_at
        """,
        team_id, limit,
    )
    by_team: dict[int, list[PendingContact]] = defaultdict(list)
    for r in rows:
        by_team[r["team_id"]].append(PendingContact(
            contact_id=r["team_contact_id"], event_types=set(json.loads(r["event_types"])),
            fields=set(json.loads(r["fields_changed"])), cause=r["cause"], cause_ref=r["cause_ref"],
            requested_at=r["requested_at"],
        ))
    return by_team


async def _record_stats(conn: asyncpg.Connection, team_id: int, segment_id: int, contacts: int, lag_ms: int,
                        error: str | None = None) -> None:
    await conn.execute(
        """
        INSERT INTO segment_evaluation_stats (segment_id, team_id, last_evaluated_at, evaluation_count,
            contacts_evaluated, last_lag_ms, max_lag_ms, total_lag_ms, error_count, last_error, last_error_at)
        VALUES ($1, $2, now(), 1, $3::bigint, $4::int, $4::int, $4::int,
                CASE WHEN $5::text IS NULL THEN 0 ELSE 1 END, $5::text,
                CASE WHEN $5::text IS NULL THEN NULL ELSE now() END)
        ON CONFLICT (segment_id) DO UPDATE SET
            last_evaluated_at = now(),
            evaluation_count = segment_evaluation_stats.evaluation_count + 1,
            contacts_evaluated = segment_evaluation_stats.contacts_evaluated + $3::bigint,
            last_lag_ms = $4::int,
            max_lag_ms = GREATEST(segment_evaluation_stats.max_lag_ms, $4::int),
            total_lag_ms = segment_evaluation_stats.total_lag_ms + $4::int,
            error_count = segment_evaluation_stats.error_count + CASE WHEN $5::text IS NULL THEN 0 ELSE 1 END,
            last_error = COALESCE($5::text, segment_evaluation_stats.last_error),
            last_error_at = CASE WHEN $5::text IS NULL THEN segment_evaluation_stats.last_error_at ELSE now() END
        """,
        segment_id, team_id, contacts, lag_ms, error,
    )


async def _finish_backfills(conn: asyncpg.Connection, team_id: int) -> None:
    """A bulk import is caught up once none of the team's contacts wait in the queue."""
    await conn.execute(
        """
        UPDATE evaluation_backfills SET finished_at = now()
        WHERE team_id = $1 AND finished_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM pending_evaluations WHERE team_id = $1)
        """,
        team_id,
    )


async def _evaluate_team(tx: Any, team_id: int, pending: list[PendingContact], report: BatchReport) -> None:
    # ORM reads go through the transaction; the raw connection is held only around each statement,
    # because Tortoise serializes a transaction's queries on one lock.
    team = await Team.get_or_none(id=team_id)
    if team is None:
        return
    segments = dependency_order(
        await Segment.filter(team_id=team_id, kind=SegmentKind.DYNAMIC, rule__not_isnull=True).order_by("id")
    )
    if not segments:
        return
    ctx = await load_context(team)
    now = datetime.now(UTC)
    for segment in segments:
        triggers = Triggers.from_json(segment.triggers)
        woken = [p for p in pending if wakes(segment.id, triggers, p)]
        if not woken:
            continue
        contact_ids = sorted({p.contact_id for p in woken})
        refs = {p.contact_id: p.cause_ref for p in woken}
        lag_ms = int((now - min(p.requested_at for p in woken)).total_seconds() * 1000)
        error: str | None = None
        parsed = await stored_rule(team, segment, ctx)
        async with tx.acquire_connection() as conn:
            try:
                # A savepoint per segment: one broken rule must not block every other segment.
                async with conn.transaction():
                    changes = await _write_diff(
                        conn, segment, parsed.compile(now, contact_ids), woken[0].cause, None, cause_refs=refs
                    )
                    await _update_member_count(conn, segment.id, changes, exact=False)
                report.changes.extend(changes)
                report.segments_evaluated += 1
            except Exception as exc:  # recorded on the segment; the batch goes on
                log.exception("evaluating segment %s failed", segment.id)
                error = f"{type(exc).__name__}: {exc}"
            await _record_stats(conn, team_id, segment.id, len(contact_ids), lag_ms, error)


async def evaluate_pending_batch(team_id: int | None = None, limit: int = CLAIM_BATCH) -> BatchReport:
    report = BatchReport()
    async with in_transaction() as tx:
        async with tx.acquire_connection() as conn:
            claimed = await _claim(conn, team_id, limit)
        report.claimed = sum(len(v) for v in claimed.values())
        for claimed_team, pending in claimed.items():
            await _evaluate_team(tx, claimed_team, pending, report)
            async with tx.acquire_connection() as conn:
                await _finish_backfills(conn, claimed_team)
    if report.changes:
        team_of = {s.id: s.team_id for s in await Segment.filter(
            id__in=list({c.segment_id for c in report.changes})).only("id", "team_id")}
        by_team: dict[int, list[MembershipChange]] = defaultdict(list)
        for change in report.changes:
            by_team[team_of[change.segment_id]].append(change)
        for changed_team, changes in by_team.items():
            await publish_membership_changes(changed_team, changes)
    return report


async def evaluate_pending(ctx: dict[str, Any] | None, team_id: int | None = None) -> int:
    """arq job: drain the team's pending evaluations. Idempotent: an empty queue is a no-op."""
    total = 0
    while True:
        report = await evaluate_pending_batch(team_id)
        if report.claimed == 0:
            return total
        total += report.claimed


async def sweep_pending(ctx: dict[str, Any] | None) -> int:
    """Reconciliation: anything still pending (Redis was down, a job was lost) is evaluated now."""
    return await evaluate_pending(ctx, None)
