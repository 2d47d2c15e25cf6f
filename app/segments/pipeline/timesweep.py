"""Time alone changes memberships: `lastActivityAt not within 14 days` becomes true at an instant.

Every few seconds, for each dynamic segment whose rule has relative windows, the sweep finds the
contacts whose window boundary was crossed since the segment's last check (its watermark) and
queues exactly those for evaluation. A boundary `x + N` lies in (t0, now] when `x` lies in
[t0 - N, now - N): an index range scan on the column behind the window, never a scan of every
contact. Calendar words (`during this month`) move all at once: when a period rolls over, the
segment is recomputed. The watermark and the queued rows commit together, so a crash between
sweeps loses nothing; a sweep that runs twice queues a contact twice, which coalesces.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from tortoise.transactions import in_transaction

from app.segments import rules
from app.segments.catalog import CatalogContext, collection
from app.segments.compiler import SqlBuilder
from app.segments.models import Segment, SegmentKind
from app.segments.pipeline.queue import request_evaluation, wake_evaluator
from app.segments.rules import (
    AggregateCondition,
    EventCondition,
    FieldCondition,
    Node,
    RecordCondition,
    Window,
)
from app.segments.service import CAUSE_TIME, load_context, recompute, stored_rule
from app.segments.timeutil import CALENDAR_WORDS, period_range, window_start
from app.segments.triggers import Triggers
from app.teams.models import Team

log = logging.getLogger("memberhub.timesweep")

def time_field(segment_id: int) -> str:
    """The pending `fields_changed` marker that wakes one segment only."""
    return f"time:{segment_id}"


@dataclass
class Crossings:
    """What the sweep must do for one segment between two instants."""

    queries: list[tuple[str, list[Any]]] = field(default_factory=list)  # each selects contact ids
    full: bool = False  # a calendar period rolled over: recompute the whole segment


def _calendar_words(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, str) and v in CALENDAR_WORDS]


class _Planner:
    def __init__(self, team_id: int, tz: ZoneInfo, since: datetime, now: datetime) -> None:
        self.team_id, self.tz, self.since, self.now = team_id, tz, since, now
        self.out = Crossings()

    def _rolled_over(self, words: list[str]) -> bool:
        return any(period_range(w, self.since, self.tz) != period_range(w, self.now, self.tz) for w in words)

    def _range(self, amount: int, unit: str) -> tuple[datetime, datetime]:
        # Values that left the window between the two checks (months and years: calendar steps).
        return window_start(amount, unit, self.since, self.tz), window_start(amount, unit, self.now, self.tz)

    def _add(self, sql: str, *params: Any) -> None:
        self.out.queries.append((sql, [self.team_id, *params]))

    def _window(self, window: Window | None) -> tuple[datetime, datetime] | None:
        """The [low, high) range of event times that left a relative window, or None."""
        if window is None:
            return None
        if window.during is not None:
            if self._rolled_over(_calendar_words(window.during)):
                self.out.full = True
            return None
        return self._range(window.amount or 0, window.unit or "days")

    def visit(self, node: Node) -> None:
        for leaf in rules.leaves(node):
            if isinstance(leaf, FieldCondition):
                self._field(leaf)
            elif isinstance(leaf, AggregateCondition):
                self._aggregate(leaf)
            elif isinstance(leaf, EventCondition):
                self._event(leaf)
            elif isinstance(leaf, RecordCondition):
                self._records(leaf)
            # A referenced segment's own sweep moves its members; the worker then re-checks dependents.

    def _field(self, leaf: FieldCondition) -> None:
        if self._rolled_over(_calendar_words(leaf.value)):
            self.out.full = True
        if leaf.op not in ("within", "not within") or leaf.spec is None:
            return
        low, high = self._range(leaf.value["amount"], leaf.value["unit"])
        builder = SqlBuilder(self.team_id, self.tz, self.now, None)
        x = leaf.spec.sql_expression(builder)
        # A computed property (`s.`) is found through its (team_id, column) index.
        team = "s.team_id = $1::bigint AND " if x.startswith("s.") else ""
        builder.out.where = (f"{team}{x} >= {builder.param(low, 'timestamptz')}"
                             f" AND {x} < {builder.param(high, 'timestamptz')}")
        self.out.queries.append((builder.out.statement("c.id"), builder.out.params))

    def _records(self, leaf: RecordCondition) -> None:
        """Contacts with a record whose windowed date or whole-day count changed between the checks."""
        found = collection(leaf.collection)
        if found is None:
            return
        for condition in leaf.where:
            if self._rolled_over(_calendar_words(condition.value)):
                self.out.full = True
            builder = SqlBuilder(self.team_id, self.tz, self.now, None)
            if condition.field in found.day_counts:
                column = found.day_counts[condition.field]
                since, now = builder.param(self.since, "timestamptz"), builder.param(self.now, "timestamptz")
                moved = (f"floor(extract(epoch FROM {column} - {since}) / 86400)"
                         f" <> floor(extract(epoch FROM {column} - {now}) / 86400)")
            elif condition.op in ("within", "not within") and condition.spec is not None:
                low, high = self._range(condition.value["amount"], condition.value["unit"])
                x = condition.spec.sql_expression(builder)
                moved = f"{x} >= {builder.param(low, 'timestamptz')} AND {x} < {builder.param(high, 'timestamptz')}"
            else:
                continue
            builder.out.where = f"EXISTS (SELECT 1 {found.rows_sql(builder)} AND {moved})"
            self.out.queries.append((builder.out.statement("c.id"), builder.out.params))

    def _events_left(self, event_type: str, left: tuple[datetime, datetime]) -> None:
        self._add("SELECT DISTINCT team_contact_id FROM events WHERE team_id = $1 AND type = $2"
                  " AND occurred_at >= $3 AND occurred_at < $4", event_type, *left)

    def _aggregate(self, leaf: AggregateCondition) -> None:
        left = self._window(leaf.window)
        if left is None:
            return
        if leaf.source == "events":
            self._events_left(leaf.event_type or "", left)
        else:
            self._add("SELECT DISTINCT team_contact_id FROM orders WHERE team_id = $1"
                      " AND placed_at >= $2 AND placed_at < $3", *left)

    def _event(self, leaf: EventCondition) -> None:
        left = self._window(leaf.window)
        if left is None:
            return
        if leaf.where:
            self._events_left(leaf.event_type, left)
        else:  # the rule reads the computed last time of this type
            self._add("SELECT team_contact_id FROM contact_event_stats WHERE team_id = $1 AND type = $2"
                      " AND last_at >= $3 AND last_at < $4", leaf.event_type, *left)


def plan_crossings(node: Node, team_id: int, tz: ZoneInfo, since: datetime, now: datetime) -> Crossings:
    planner = _Planner(team_id, tz, since, now)
    planner.visit(node)
    return planner.out


@dataclass
class SweepReport:
    segments: int = 0
    queued: int = 0
    recomputed: int = 0


_ADVANCE_WATERMARK = """
INSERT INTO segment_evaluation_stats (segment_id, team_id, time_checked_at, evaluation_count, contacts_evaluated,
                                      total_lag_ms, error_count)
VALUES ($1, $2, $3, 0, 0, 0, 0)
ON CONFLICT (segment_id) DO UPDATE SET time_checked_at =
    GREATEST(segment_evaluation_stats.time_checked_at, EXCLUDED.time_checked_at)
"""


async def sweep_segment(team: Team, segment: Segment, now: datetime,
                        ctx: CatalogContext | None = None) -> tuple[int, bool]:
    """Queue the contacts whose windows this segment's rule crossed since its watermark.

    Lock order matches the evaluator's (queue rows, then the stats row), so the two never deadlock.
    """
    parsed = await stored_rule(team, segment, ctx)
    async with in_transaction() as tx, tx.acquire_connection() as conn:
        checked = await conn.fetchval(
            "SELECT time_checked_at FROM segment_evaluation_stats WHERE segment_id = $1", segment.id)
        # Never checked: the segment was fully evaluated when created (and whenever its rule changed).
        since = checked or segment.created_at
        if since >= now:
            return 0, False
        plan = plan_crossings(parsed.node, team.id, parsed.ctx.tz, since, now)
        contact_ids: set[int] = set()
        if not plan.full:
            for sql, params in plan.queries:
                contact_ids.update(r[0] for r in await conn.fetch(sql, *params))
            await request_evaluation(conn, team.id, sorted(contact_ids), fields=[time_field(segment.id)],
                                     cause=CAUSE_TIME)
            await conn.execute(_ADVANCE_WATERMARK, segment.id, team.id, now)
    if plan.full:
        # Recompute before moving the watermark: a crash in between only repeats the (idempotent) recompute.
        await recompute(team, segment, cause=CAUSE_TIME, now=now)
        async with in_transaction() as tx, tx.acquire_connection() as conn:
            await conn.execute(_ADVANCE_WATERMARK, segment.id, team.id, now)
    return len(contact_ids), plan.full


async def sweep_time_windows(ctx: dict[str, Any] | None, now: datetime | None = None) -> dict[str, int]:
    """arq cron job: flip memberships that time alone changed (runs every 15 s)."""
    now = now or datetime.now(UTC)
    report = SweepReport()
    segments = [
        s for s in await Segment.filter(kind=SegmentKind.DYNAMIC, rule__not_isnull=True).order_by("team_id", "id")
        if Triggers.from_json(s.triggers).time_based
    ]
    teams = {t.id: t for t in await Team.filter(id__in={s.team_id for s in segments})}
    contexts: dict[int, CatalogContext] = {}  # one catalog per team, not per segment
    woken: set[int] = set()
    for segment in segments:
        team = teams[segment.team_id]
        try:
            if team.id not in contexts:
                contexts[team.id] = await load_context(team)
            queued, full = await sweep_segment(team, segment, now, contexts[team.id])
        except Exception:  # one broken rule must not stop the others; the next sweep retries it
            log.exception("time sweep of segment %s failed", segment.id)
            continue
        report.segments += 1
        report.queued += queued
        report.recomputed += int(full)
        if queued:
            woken.add(team.id)
    for team_id in woken:
        await wake_evaluator(team_id)
    return asdict(report)

