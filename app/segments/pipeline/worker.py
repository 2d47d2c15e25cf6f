"""The real-time evaluator: claim pending contacts, evaluate only the segments they can change.

A worker claims a batch of `pending_evaluations` rows in one committed statement (`FOR UPDATE
SKIP LOCKED`, recording its database session), so two workers never take the same contact and
ingest never waits for an evaluation. In one transaction on that session it evaluates each woken
segment for the batch's contacts in one statement, writes the membership diffs with history,
deletes the rows it evaluated (a row changed meanwhile is released for another round) and commits.
A worker killed midway rolls its transaction back; its claim names a session that no longer
exists, so the rows are claimed again at once: no change lost, none written twice. Changes are
published only after commit.
"""

from __future__ import annotations

import json
import logging
import time
from collections import OrderedDict, defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import asyncpg
from tortoise import connections

from app.segments.batch_diff import SegmentWork, apply_member_counts, write_batch_diff
from app.segments.catalog import CatalogContext
from app.segments.dependencies import dependency_layers, dependency_order, referenced_names
from app.segments.models import Segment, SegmentKind
from app.segments.pipeline.changes import MembershipChange, publish_membership_changes
from app.segments.pipeline.queue import ALL_FIELDS, static_segment_field
from app.segments.pipeline.timesweep import time_field
from app.segments.service import ParsedRule, load_context, stored_rule
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


class WakeIndex:
    """The batch's contacts indexed by what changed, so finding who wakes a segment costs set lookups
    per trigger rather than a check per contact per segment."""

    def __init__(self, pending: list[PendingContact]) -> None:
        self.everyone = [p for p in pending if ALL_FIELDS in p.fields]
        self.any_event = [p for p in pending if p.event_types]
        self.by_event: dict[str, list[PendingContact]] = defaultdict(list)
        self.by_field: dict[str, list[PendingContact]] = defaultdict(list)
        for p in pending:
            for event_type in p.event_types:
                self.by_event[event_type].append(p)
            for name in p.fields:
                self.by_field[name].append(p)

    def woken(self, segment_id: int, triggers: Triggers, reads: Collection[int] = ()) -> list[PendingContact]:
        """The contacts whose pending change touches anything the segment's rule reads (`reads`: the
        segments it references, whose membership changed outside this batch)."""
        groups = [self.everyone, self.by_field.get(time_field(segment_id), [])]
        groups += [self.by_field.get(static_segment_field(s), []) for s in triggers.segments.union(reads)]
        if triggers.any_event:
            groups.append(self.any_event)
        groups += [self.by_event.get(t, []) for t in triggers.event_types]
        groups += [self.by_field.get(f, []) for f in triggers.fields]
        if "custom.*" in triggers.fields:
            groups += [v for k, v in self.by_field.items() if k.startswith("custom.")]
        if triggers.orders:
            groups += [self.by_field.get("orders", []), self.by_event.get("purchase", [])]
        if triggers.hubs:
            groups.append(self.by_field.get("hubs", []))
        groups += [self.by_field.get(t, []) for t in triggers.tables]
        chosen: dict[int, PendingContact] = {}
        for group in groups:
            for p in group:
                chosen[p.contact_id] = p
        return list(chosen.values())


_CLAIM_SQL = """
WITH me AS (
    SELECT pid, backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid()
), claimable AS (
    SELECT p.id FROM pending_evaluations p
    WHERE ($1::bigint IS NULL OR p.team_id = $1)
      AND (p.claimed_pid IS NULL
           OR p.claimed_at < now() - make_interval(secs => $3)
           OR NOT EXISTS (SELECT 1 FROM pg_stat_activity a
                          WHERE a.pid = p.claimed_pid AND a.backend_start = p.claimed_backend_start))
    ORDER BY p.id LIMIT $2 FOR UPDATE SKIP LOCKED
)
UPDATE pending_evaluations p
   SET claimed_pid = me.pid, claimed_backend_start = me.backend_start, claimed_at = now()
  FROM me, claimable WHERE p.id = claimable.id
RETURNING p.id, p.version, p.team_id, p.team_contact_id, p.event_types, p.fields_changed, p.cause, p.cause_ref,
          p.requested_at
"""

# Rows evaluated as claimed are done; rows that a request changed meanwhile are released for another round.
_FINISH_SQL = """
WITH done AS (
    DELETE FROM pending_evaluations p USING unnest($1::bigint[], $2::bigint[]) AS u(id, version)
    WHERE p.id = u.id AND p.version = u.version
    RETURNING p.id)
UPDATE pending_evaluations SET claimed_pid = NULL, claimed_backend_start = NULL, claimed_at = NULL,
       requested_at = updated_at
WHERE id = ANY($1::bigint[]) AND id NOT IN (SELECT id FROM done)
"""

_RELEASE_SQL = """
UPDATE pending_evaluations SET claimed_pid = NULL, claimed_backend_start = NULL, claimed_at = NULL
WHERE id = ANY($1::bigint[]) AND claimed_pid = pg_backend_pid()
"""

# A claim older than this is taken over even if its session still looks alive (a hung worker).
CLAIM_TIMEOUT_SECONDS = 300


@dataclass
class Claim:
    by_team: dict[int, list[PendingContact]]
    ids: list[int]
    versions: list[int]


async def _claim(conn: asyncpg.Connection, team_id: int | None, limit: int) -> Claim:
    """Claim up to `limit` rows for this connection's session, committed at once (autocommit)."""
    rows = await conn.fetch(_CLAIM_SQL, team_id, limit, CLAIM_TIMEOUT_SECONDS)
    by_team: dict[int, list[PendingContact]] = defaultdict(list)
    for r in rows:
        by_team[r["team_id"]].append(PendingContact(
            contact_id=r["team_contact_id"], event_types=set(json.loads(r["event_types"])),
            fields=set(json.loads(r["fields_changed"])), cause=r["cause"], cause_ref=r["cause_ref"],
            requested_at=r["requested_at"],
        ))
    return Claim(by_team, [r["id"] for r in rows], [r["version"] for r in rows])


async def _record_stats(conn: asyncpg.Connection, team_id: int,
                        stats: list[tuple[int, int, int, str | None]]) -> None:
    """One statement for the batch: (segment id, contacts evaluated, lag ms, error) per segment."""
    ids, contacts, lags, errors = (list(column) for column in zip(*stats, strict=True))
    await conn.execute(
        """
        INSERT INTO segment_evaluation_stats AS s (segment_id, team_id, last_evaluated_at, evaluation_count,
            contacts_evaluated, last_lag_ms, max_lag_ms, total_lag_ms, error_count, last_error, last_error_at)
        SELECT u.id, $1, now(), 1, u.contacts, u.lag, u.lag, u.lag,
               CASE WHEN u.error IS NULL THEN 0 ELSE 1 END, u.error,
               CASE WHEN u.error IS NULL THEN NULL ELSE now() END
        FROM unnest($2::bigint[], $3::bigint[], $4::int[], $5::text[]) AS u(id, contacts, lag, error)
        ORDER BY u.id
        ON CONFLICT (segment_id) DO UPDATE SET
            last_evaluated_at = now(),
            evaluation_count = s.evaluation_count + 1,
            contacts_evaluated = s.contacts_evaluated + EXCLUDED.contacts_evaluated,
            last_lag_ms = EXCLUDED.last_lag_ms,
            max_lag_ms = GREATEST(s.max_lag_ms, EXCLUDED.last_lag_ms),
            total_lag_ms = s.total_lag_ms + EXCLUDED.last_lag_ms,
            error_count = s.error_count + EXCLUDED.error_count,
            last_error = COALESCE(EXCLUDED.last_error, s.last_error),
            last_error_at = COALESCE(EXCLUDED.last_error_at, s.last_error_at)
        """,
        team_id, ids, contacts, lags, errors,
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


async def _write_layer(conn: asyncpg.Connection, team_id: int, runnable: list[SegmentWork],
                       causes: dict[int, tuple[str, str | None]], errors: dict[int, str]) -> list[MembershipChange]:
    """One statement for the layer's segments; should it fail, one savepoint per segment."""
    try:
        async with conn.transaction():  # a savepoint: on failure, retry segment by segment
            return await write_batch_diff(conn, team_id, runnable, causes)
    except Exception:
        log.warning("batch diff for team %s failed; evaluating its segments one by one", team_id, exc_info=True)
    changes: list[MembershipChange] = []
    for item in runnable:
        try:
            async with conn.transaction():
                changes += await write_batch_diff(conn, team_id, [item], causes)
        except Exception as exc:
            log.exception("evaluating segment %s failed", item.segment_id)
            errors[item.segment_id] = f"{type(exc).__name__}: {exc}"
    return changes


# What a batch reads of a team's rules, as one fingerprint (computed by PostgreSQL, so nothing is
# fetched or parsed to learn that nothing changed): every segment's name, kind, rule and triggers
# (references name static segments too), the custom property definitions and hubs the catalog
# resolves fields against, and the time zone.
_RULES_VERSION_SQL = """
SELECT t.time_zone,
       (SELECT md5(coalesce(string_agg(concat_ws('|', s.id, s.name, s.kind, s.rule::text, s.triggers::text),
                                       E'\\n' ORDER BY s.id), ''))
          FROM segments s WHERE s.team_id = t.id) AS segments,
       (SELECT md5(coalesce(string_agg(concat_ws('|', d.key, d.type, d.options::text), E'\\n' ORDER BY d.key), ''))
          FROM custom_property_definitions d WHERE d.team_id = t.id) AS custom,
       (SELECT md5(coalesce(string_agg(concat_ws('|', h.id, h.slug), E'\\n' ORDER BY h.id), ''))
          FROM hubs h WHERE h.team_id = t.id) AS hubs
  FROM teams t WHERE t.id = $1
"""


@dataclass
class TeamRules:
    """A team's dynamic segments as a batch uses them, read and parsed once per version of the rules."""

    version: tuple[Any, ...]
    team: Team
    segments: list[Segment]  # in dependency order
    ctx: CatalogContext
    parsed: dict[int, ParsedRule | Exception]  # a stored rule that no longer parses: its error
    triggers: dict[int, Triggers]
    reads: dict[int, set[int]]  # segment id -> the segments its rule references
    layers: list[list[Segment]]


# Per process, the most recently used teams' rules: reading the segments and the catalog context
# and parsing 100 rules cost ~15 ms of every batch, and a batch is 50-100 ms at 1,000 events/s.
RULES_CACHED_TEAMS = 256
_rules_cache: OrderedDict[int, TeamRules] = OrderedDict()


async def _team_rules(conn: asyncpg.Connection, team_id: int) -> TeamRules | None:
    row = await conn.fetchrow(_RULES_VERSION_SQL, team_id)
    if row is None:
        _rules_cache.pop(team_id, None)
        return None
    version = tuple(row)
    cached = _rules_cache.get(team_id)
    if cached is not None and cached.version == version:
        _rules_cache.move_to_end(team_id)
        return cached
    team = await Team.get_or_none(id=team_id)
    if team is None:
        return None
    segments = dependency_order(
        await Segment.filter(team_id=team_id, kind=SegmentKind.DYNAMIC, rule__not_isnull=True).order_by("id")
    )
    ctx = await load_context(team)
    parsed: dict[int, ParsedRule | Exception] = {}
    for segment in segments:
        try:
            parsed[segment.id] = await stored_rule(team, segment, ctx)
        except Exception as exc:  # recorded on the segment by every batch that wakes it
            parsed[segment.id] = exc
    reads = {s.id: {ctx.segments[n][0] for n in referenced_names(s.rule) if n in ctx.segments} for s in segments}
    rules = TeamRules(version, team, segments, ctx, parsed, {s.id: Triggers.from_json(s.triggers) for s in segments},
                      reads, dependency_layers(segments, reads))
    _rules_cache[team_id] = rules
    _rules_cache.move_to_end(team_id)
    while len(_rules_cache) > RULES_CACHED_TEAMS:
        _rules_cache.popitem(last=False)
    return rules


async def _evaluate_team(conn: asyncpg.Connection, team_id: int, pending: list[PendingContact],
                         report: BatchReport) -> list[MembershipChange]:
    """Diffs and stats go through `conn` (the batch's transaction); the rules come from `_team_rules`.

    The woken segments are diffed in one statement per dependency layer (`write_batch_diff`): a
    segment built on others is diffed after them, for the contacts they moved too. Should a statement
    fail (a rule the catalog no longer supports, say), the batch falls back to one savepoint per
    segment, so one broken rule never blocks the others and its error is recorded on it."""
    rules = await _team_rules(conn, team_id)
    if rules is None or not rules.segments:
        return []
    reads = rules.reads
    now = datetime.now(UTC)
    index = WakeIndex(pending)
    by_contact = {p.contact_id: p for p in pending}
    causes = {p.contact_id: (p.cause, p.cause_ref) for p in pending}
    work: list[SegmentWork] = []
    errors: dict[int, str] = {}
    lags: dict[int, int] = {}
    changes: list[MembershipChange] = []
    moved: dict[int, set[int]] = defaultdict(set)  # segment id -> contacts whose membership it changed
    for layer in rules.layers:
        # A rule reads the stored membership of the segments it references: those of an earlier
        # layer are written by now, and whoever they moved is re-checked here.
        layer_work: list[SegmentWork] = []
        for segment in layer:
            woken = index.woken(segment.id, rules.triggers[segment.id], reads[segment.id])
            moved_ids = {c for s in reads[segment.id] for c in moved.get(s, ())}
            woken += [by_contact[c] for c in moved_ids - {p.contact_id for p in woken}]
            if not woken:
                continue
            contact_ids = sorted({p.contact_id for p in woken})
            lags[segment.id] = int((now - min(p.requested_at for p in woken)).total_seconds() * 1000)
            parsed = rules.parsed[segment.id]
            try:
                if isinstance(parsed, Exception):
                    raise parsed.with_traceback(None)
                layer_work.append(SegmentWork(segment.id, contact_ids, parsed.compile(now, contact_ids)))
            except Exception as exc:  # recorded on the segment; the batch goes on
                log.exception("compiling segment %s failed", segment.id)
                errors[segment.id] = f"{type(exc).__name__}: {exc}"
                layer_work.append(SegmentWork(segment.id, contact_ids, None))
        work += layer_work
        layer_changes = await _write_layer(conn, team_id, [w for w in layer_work if w.compiled is not None],
                                           causes, errors)
        for change in layer_changes:
            moved[change.segment_id].add(change.team_contact_id)
        changes += layer_changes
    runnable = [w for w in work if w.compiled is not None]
    report.segments_evaluated += sum(1 for w in runnable if w.segment_id not in errors)
    # Publish a referenced segment's changes before those of the segments built on it.
    position = {w.segment_id: i for i, w in enumerate(work)}
    changes.sort(key=lambda c: position[c.segment_id])
    await apply_member_counts(conn, changes)
    if work:
        await _record_stats(conn, team_id, [
            (w.segment_id, len(w.contact_ids), lags[w.segment_id], errors.get(w.segment_id)) for w in work
        ])
    return changes


async def evaluate_pending_batch(team_id: int | None = None, limit: int = CLAIM_BATCH) -> BatchReport:
    """Claim a batch (committed at once, so ingest never waits on it), evaluate it in one transaction
    on the same session, and finish the claim in that transaction. A worker killed midway leaves a
    claim whose session is gone: the next batch takes it over. Changes are published after commit."""
    report = BatchReport()
    changes_by_team: dict[int, list[MembershipChange]] = {}
    async with connections.get("default").acquire_connection() as conn:
        claim = await _claim(conn, team_id, limit)
        report.claimed = len(claim.ids)
        if not claim.ids:
            return report
        try:
            async with conn.transaction():
                # Memberships are derived from durable events. Should the server crash before this
                # commit reaches disk, the claimed rows come back with it and are evaluated again,
                # so the commit need not wait for the WAL flush.
                await conn.execute("SET LOCAL synchronous_commit = off")
                for claimed_team, pending in claim.by_team.items():
                    changes_by_team[claimed_team] = await _evaluate_team(conn, claimed_team, pending, report)
                await conn.execute(_FINISH_SQL, claim.ids, claim.versions)
                for claimed_team in claim.by_team:
                    await _finish_backfills(conn, claimed_team)
        except BaseException:
            try:  # hand the rows back at once rather than after the claim times out
                await conn.execute(_RELEASE_SQL, claim.ids)
            except Exception:
                log.warning("could not release a failed claim; it is taken over once this session ends")
            raise
    for changed_team, changes in changes_by_team.items():  # after commit
        report.changes.extend(changes)
        await publish_membership_changes(changed_team, changes)
    return report


# A sweep drains what no job took (Redis was down, a job was lost), for at most SWEEP_SECONDS and
# never twice at once in a process. It used to drain until the queue was empty: under sustained
# load that never happens, so each 15-s cron run started one more endless loop beside the team's
# two jobs (after ten minutes, up to 20 per worker process, all claiming small batches from the
# same queue).
SWEEP_SECONDS = 10.0
_sweeping = False


async def evaluate_pending(ctx: dict[str, Any] | None, team_id: int | None = None,
                           budget: float | None = None) -> int:
    """arq job: drain the team's pending evaluations (with `budget`, for at most that many seconds).
    Idempotent: an empty queue is a no-op."""
    total = 0
    began = time.monotonic()
    while True:
        report = await evaluate_pending_batch(team_id)
        if report.claimed == 0:
            return total
        total += report.claimed
        if budget is not None and time.monotonic() - began > budget:
            return total


async def sweep_pending(ctx: dict[str, Any] | None) -> int:
    """Reconciliation: anything still pending (Redis was down, a job was lost) is evaluated now."""
    global _sweeping
    if ctx is None:  # called directly (tests, the benches' final check): drain everything
        return await evaluate_pending(ctx, None)
    if _sweeping:
        return 0
    _sweeping = True
    try:
        return await evaluate_pending(ctx, None, SWEEP_SECONDS)
    finally:
        _sweeping = False
