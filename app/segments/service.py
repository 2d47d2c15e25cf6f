"""Segments: create/update/delete, membership by rule (full and incremental), static lists, cohorts,
preview, what-if and explain. No GraphQL here.

Membership changes are always a diff written with their history in one transaction, then
published on `team_channel(team_id, "segment-membership")` after commit.
"""

from __future__ import annotations

import asyncio
import csv
import functools
import io
import json
import re
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, Concatenate, ParamSpec, TypeVar, cast
from zoneinfo import ZoneInfo

import asyncpg
from tortoise.transactions import in_transaction

from app.contacts.models import CustomPropertyDefinition, TeamContact
from app.core import db_limits, plan_caps
from app.core.errors import FieldError, NotFound, ValidationFailed
from app.core.ids import parse_id_or_none
from app.hubs.models import Hub
from app.segments import dsl, rules
from app.segments import stats as _stats  # noqa: F401  (registers the ingest hook that keeps computed properties exact)
from app.segments.catalog import CatalogContext
from app.segments.compiler import CompiledRule, Memberships, compile_rule
from app.segments.dependencies import dependency_order, referenced_names
from app.segments.models import Segment, SegmentKind, SegmentMembership
from app.segments.pipeline.changes import MembershipChange, publish_membership_changes
from app.segments.pipeline.queue import request_evaluation, static_segment_field, wake_evaluator
from app.segments.rules import Node
from app.segments.timeutil import zone
from app.segments.triggers import Triggers, rule_triggers
from app.segments.usage import SEGMENT, MembershipDiff, SegmentImpact, SegmentUse, counted, registered_usages
from app.segments.validate import parse_rule
from app.teams.models import Team

MAX_NAME = 200
MAX_TAGS = 20
MAX_TAG_LENGTH = 64
MAX_STATIC_BATCH = 10_000
SAMPLE_SIZE = 10
CAUSE_RECOMPUTE = "recompute"
CAUSE_MANUAL = "manual"
CAUSE_COHORT = "cohort"
CAUSE_TIME = "time"  # a relative window moved past the contact (app.segments.pipeline.timesweep)
CAUSE_SEGMENT = "segment"  # a hand-managed list this rule reads changed
CAUSE_TIME_ZONE = "time_zone"  # the team's time zone changed (cause_ref: the new zone)

# ---------------------------------------------------------------- context and rules

P = ParamSpec("P")
R = TypeVar("R")


def _heavy(fn: Callable[Concatenate[Team, P], Awaitable[R]]) -> Callable[Concatenate[Team, P], Awaitable[R]]:
    """Runs a rule over the team's contacts: takes one of the team's heavy-work slots (see
    app.core.db_limits) for the whole call, before it holds any connection."""
    @functools.wraps(fn)
    async def wrapper(team: Team, *args: P.args, **kwargs: P.kwargs) -> R:
        async with db_limits.heavy(team.id):
            return await fn(team, *args, **kwargs)

    return wrapper



async def load_context(team: Team) -> CatalogContext:
    ctx = CatalogContext(team_id=team.id, tz=zone(team.time_zone))
    for definition in await CustomPropertyDefinition.filter(team_id=team.id):
        ctx.custom[definition.key] = (str(definition.type), tuple(definition.options or ()))
    for hub in await Hub.filter(team_id=team.id).only("id", "slug"):
        ctx.hubs[hub.slug] = hub.id
    for seg in await Segment.filter(team_id=team.id).only("id", "name", "kind", "rule"):
        ctx.segments[seg.name] = (seg.id, str(seg.kind), seg.rule)
    return ctx


@dataclass
class ParsedRule:
    node: Node
    ctx: CatalogContext

    @property
    def json(self) -> dict[str, Any]:
        return rules.to_json(self.node)

    @property
    def text(self) -> str:
        return dsl.render(self.node)

    @property
    def triggers(self) -> Triggers:
        return rule_triggers(self.node)

    def compile(self, now: datetime, contact_ids: list[int] | None = None,
                memberships: Memberships | None = None) -> CompiledRule:
        return compile_rule(self.node, self.ctx.team_id, self.ctx.tz, now, contact_ids, memberships)


async def check_rule(team: Team, rule_text: str | None, rule: Any, self_name: str | None = None,
                     ctx: CatalogContext | None = None) -> ParsedRule:
    """A rule from a request: parsed and checked in a thread, so a large one never holds the event
    loop (its size is bounded by the DSL's and the checker's limits, references cost one lookup)."""
    ctx = ctx or await load_context(team)
    return ParsedRule(await asyncio.to_thread(parse_rule, rule_text, rule, ctx, self_name), ctx)


async def stored_rule(team: Team, segment: Segment, ctx: CatalogContext | None = None) -> ParsedRule:
    """A saved rule, checked when it was saved: parsed inline (the real-time path reads many per batch)."""
    ctx = ctx or await load_context(team)
    return ParsedRule(parse_rule(None, segment.rule, ctx, segment.name), ctx)


# ---------------------------------------------------------------- membership writes

# Joins and leaves come from one FULL JOIN of the matches with the current members. PostgreSQL
# runs a FULL JOIN only as a hash or merge join, so the diff stays linear whatever the estimates say:
# right after a first build the membership statistics still say "1 row", and the anti-join this
# replaced became a nested loop over both sides (3 s for 3,700 members at 20k contacts).
_DIFF_SQL = """
, matched AS ({matched})
, current_members AS (
    SELECT team_contact_id FROM segment_memberships WHERE team_id = $1::bigint AND segment_id = {seg}{restrict_current})
, delta AS (
    SELECT m.id AS join_id, cm.team_contact_id AS leave_id
      FROM matched m FULL JOIN current_members cm ON cm.team_contact_id = m.id
     WHERE m.id IS NULL OR cm.team_contact_id IS NULL)
, joined AS (
    INSERT INTO segment_memberships (team_id, segment_id, team_contact_id, joined_at)
    SELECT $1::bigint, {seg}, d.join_id, now() FROM delta d WHERE d.join_id IS NOT NULL
    ON CONFLICT (team_id, segment_id, team_contact_id) DO NOTHING
    RETURNING team_contact_id)
, left_members AS (
    DELETE FROM segment_memberships sm WHERE sm.team_id = $1::bigint AND sm.segment_id = {seg}
       AND sm.team_contact_id IN (SELECT d.leave_id FROM delta d WHERE d.leave_id IS NOT NULL)
    RETURNING team_contact_id)
, changes AS (
    SELECT 'join'::text AS action, team_contact_id FROM joined
    UNION ALL SELECT 'leave'::text, team_contact_id FROM left_members)
, history AS (
    INSERT INTO segment_membership_changes (team_id, segment_id, team_contact_id, action, cause, cause_ref, at)
    SELECT $1::bigint, {seg}, team_contact_id, action, {cause}, {history_ref}, now() FROM changes){count}
SELECT action, team_contact_id FROM changes{count_row}
"""
# A full evaluation leaves exactly the matched contacts as members (the segment row is locked, so no
# other evaluation of it runs meanwhile): the exact member count comes from the same statement.
_DIFF_COUNT_SQL = """
, counted AS (
    UPDATE segments SET member_count = (SELECT count(*) FROM matched), updated_at = updated_at
     WHERE id = {seg} RETURNING member_count)"""
_DIFF_COUNT_ROW_SQL = "\nUNION ALL SELECT 'count', member_count FROM counted"


async def _write_diff(conn: Any, segment: Segment, compiled: CompiledRule, cause: str,
                      cause_ref: str | None) -> tuple[list[MembershipChange], int | None]:
    """One segment's diff and history (full recompute or a contact list), and for a full one the
    exact member count it set. The real-time path, which diffs many segments at once with a cause
    per contact, is `app.segments.batch_diff`."""
    seg = compiled.param(segment.id, "bigint")
    restrict = " AND team_contact_id = ANY($2::bigint[])" if compiled.restricted else ""
    full = not compiled.restricted
    sql = _DIFF_SQL.format(
        matched=compiled.select("c.id"), seg=seg, restrict_current=restrict,
        cause=compiled.param(cause, "text"), history_ref=compiled.param(cause_ref, "text"),
        count=_DIFF_COUNT_SQL.format(seg=seg) if full else "", count_row=_DIFF_COUNT_ROW_SQL if full else "",
    )
    sql = "WITH " + (compiled.cte_prefix() + "\n" + sql.lstrip() if compiled.ctes else sql.lstrip().lstrip(","))
    rows = await conn.fetch(sql, *compiled.params)
    count = next((r["team_contact_id"] for r in rows if r["action"] == "count"), None)
    changes = [MembershipChange(segment.id, r["team_contact_id"], r["action"], cause, cause_ref)
               for r in rows if r["action"] != "count"]
    return changes, count


async def _update_member_count(conn: Any, segment_id: int, changes: list[MembershipChange]) -> int:
    delta = sum(1 if c.action == "join" else -1 for c in changes)
    return await conn.fetchval(
        "UPDATE segments SET member_count = member_count + $2 WHERE id = $1 RETURNING member_count",
        segment_id, delta)


# Whole-team statements (full recompute, preview) group a team's orders or events per contact:
# with the server's default 4 MB those hash aggregates spill to disk at 100k contacts. JIT costs
# more to compile these statements than it saves at this size.
_SEGMENT_QUERY_SETTINGS = "SET LOCAL work_mem = '64MB'; SET LOCAL jit = off"
_LOCK_SQL = "SELECT id FROM segments WHERE id = $1 FOR UPDATE"
_LOCK_WITH_SETTINGS_SQL = ("SELECT id, set_config('work_mem', '64MB', true), set_config('jit', 'off', true)"
                           " FROM segments WHERE id = $1 FOR UPDATE")


async def _evaluate_with(conn: Any, segment: Segment, parsed: ParsedRule, contact_ids: list[int] | None,
                         cause: str, cause_ref: str | None, now: datetime | None = None) -> list[MembershipChange]:
    """Diff and history inside the caller's transaction; the caller publishes after commit."""
    # One evaluation of a segment at a time: concurrent diffs would double joins or miss leaves.
    # A whole-team one sets its statement settings in the same round trip.
    await conn.execute(_LOCK_SQL if contact_ids is not None else _LOCK_WITH_SETTINGS_SQL, segment.id)
    changes, count = await _write_diff(conn, segment, parsed.compile(now or datetime.now(UTC), contact_ids), cause,
                                       cause_ref)
    if count is None:
        count = await _update_member_count(conn, segment.id, changes)
    segment.member_count = count
    return changes


async def _evaluate(team: Team, segment: Segment, parsed: ParsedRule, contact_ids: list[int] | None,
                    cause: str, cause_ref: str | None, now: datetime | None = None) -> list[MembershipChange]:
    async with in_transaction() as tx, tx.acquire_connection() as conn:
        changes = await _evaluate_with(conn, segment, parsed, contact_ids, cause, cause_ref, now)
    await publish_membership_changes(team.id, changes)
    return changes


async def lock_segment_rules(db: Any, team_id: int) -> None:
    """Until the caller's transaction ends: rule edits of this team run one at a time, so a rule is
    checked (references, cycles, names) against the rules as they are when it is saved."""
    async with db.acquire_connection() as conn:
        await conn.execute("SELECT pg_advisory_xact_lock(hashtext('segment_rules'), $1::int)", team_id % 2**31)


async def evaluate_for_contacts(segment: Segment, contact_ids: list[int], cause: str,
                                cause_ref: str | None = None) -> list[MembershipChange]:
    """Re-evaluate a dynamic segment for these contacts only (the real-time path): one statement,
    membership diff + history in one transaction, published after commit. Static segments and
    cohorts are left alone. Cause: "event" with the event id as cause_ref, "recompute", ..."""
    if segment.kind != SegmentKind.DYNAMIC or not contact_ids or segment.rule is None:
        return []
    team = await Team.get(id=segment.team_id)
    parsed = await stored_rule(team, segment)
    return await _evaluate(team, segment, parsed, sorted(set(contact_ids)), cause, cause_ref)


@_heavy
async def recompute(team: Team, segment: Segment, cause: str = CAUSE_RECOMPUTE,
                    cause_ref: str | None = None, now: datetime | None = None) -> list[MembershipChange]:
    """Full recompute of a dynamic segment (as of `now`: the time sweep passes the instant it checks).
    Whoever it moved is queued for the segments whose rules read it (`in segment`), which the
    real-time worker then re-checks in dependency order."""
    if segment.kind != SegmentKind.DYNAMIC:
        raise ValidationFailed.one("id", f"a {segment.kind} segment is not recomputed from a rule", "NOT_DYNAMIC")
    ctx = await load_context(team)
    parsed = await stored_rule(team, segment, ctx)
    # The context holds every rule of the team: no second read to find the segments built on this one.
    read_by_others = any(
        other_id != segment.id and rule is not None and (node := rules.from_json(rule)[0]) is not None
        and _references(node, segment.name) for other_id, _kind, rule in ctx.segments.values())
    async with in_transaction() as tx, tx.acquire_connection() as conn:
        changes = await _evaluate_with(conn, segment, parsed, None, cause, cause_ref, now)
        if read_by_others:
            moved = sorted({c.team_contact_id for c in changes})
            await request_evaluation(conn, team.id, moved, fields=[static_segment_field(segment.id)],
                                     cause=CAUSE_SEGMENT, cause_refs=[str(segment.id)] * len(moved))
    await publish_membership_changes(team.id, changes)
    if changes and read_by_others:
        await wake_evaluator(team.id)
    return changes


# ---------------------------------------------------------------- CRUD


def _clean_name(name: str | None, errors: list[FieldError]) -> str:
    name = (name or "").strip()
    if not name:
        errors.append(FieldError("name", "name is required", "REQUIRED"))
    elif len(name) > MAX_NAME:
        errors.append(FieldError("name", f"name is longer than {MAX_NAME}", "TOO_LONG"))
    return name


def _clean_tags(tags: list[str] | None, errors: list[FieldError]) -> list[str]:
    cleaned: list[str] = []
    for tag in tags or []:
        tag = tag.strip().lower()
        if not tag:
            continue
        if len(tag) > MAX_TAG_LENGTH:
            errors.append(FieldError("tags", f"a tag is at most {MAX_TAG_LENGTH} characters", "INVALID_TAG"))
        elif tag not in cleaned:
            cleaned.append(tag)
    if len(cleaned) > MAX_TAGS:
        errors.append(FieldError("tags", f"at most {MAX_TAGS} tags", "TOO_MANY_TAGS"))
    return cleaned


async def get_segment(team: Team, segment_id: Any, field_name: str = "id") -> Segment:
    number = parse_id_or_none(segment_id)
    segment = await Segment.get_or_none(id=number, team_id=team.id) if number else None
    if segment is None:
        raise NotFound(field_name, "segment")
    return segment


@_heavy
async def create_segment(
    team: Team, name: str, kind: str, description: str = "", tags: list[str] | None = None,
    rule_text: str | None = None, rule: Any = None,
) -> Segment:
    """All or nothing: the row, its first evaluation and its members commit together."""
    errors: list[FieldError] = []
    name = _clean_name(name, errors)
    tags = _clean_tags(tags, errors)
    if kind not in (SegmentKind.DYNAMIC, SegmentKind.COHORT) and (rule_text is not None or rule is not None):
        errors.append(FieldError("ruleText", "a static segment has no rule", "INVALID_RULE"))
    if errors:
        raise ValidationFailed(errors)
    async with in_transaction() as tx:
        await lock_segment_rules(tx, team.id)
        parsed: ParsedRule | None = None
        if name and await Segment.exists(team_id=team.id, name=name):
            errors.append(FieldError("name", f"a segment named '{name}' already exists", "DUPLICATE_NAME"))
        if str(kind) in plan_caps.SEGMENT_RESOURCES:  # under the rules lock: creates of a team queue here
            try:
                await plan_caps.check_can_create(team.id, plan_caps.SEGMENT_RESOURCES[str(kind)])
            except ValidationFailed as exc:
                errors.extend(exc.errors)
        if kind in (SegmentKind.DYNAMIC, SegmentKind.COHORT):
            try:
                parsed = await check_rule(team, rule_text, rule, name)
            except ValidationFailed as exc:
                errors.extend(exc.errors)
        if errors:
            raise ValidationFailed(errors)
        segment = await Segment.create(
            team=team, name=name, kind=kind, description=(description or "").strip(), tags=tags,
            rule=parsed.json if parsed else None, rule_text=parsed.text if parsed else None,
            triggers=parsed.triggers.to_json() if parsed else None, using_db=tx,
        )
        changes: list[MembershipChange] = []
        if parsed is not None:
            cause = CAUSE_COHORT if kind == SegmentKind.COHORT else CAUSE_RECOMPUTE
            changes = await _first_evaluation(tx, segment, parsed, cause)
    await publish_membership_changes(team.id, changes)
    return segment


@dataclass
class NewSegment:
    """One segment of `create_segments`."""

    name: str
    rule_text: str | None = None
    rule: Any = None
    kind: str = SegmentKind.DYNAMIC
    description: str = ""
    tags: list[str] | None = None


@_heavy
async def create_segments(team: Team, specs: list[NewSegment], field_prefix: str = "segments") -> list[Segment]:
    """Several segments at once (a library clone), all or nothing: one rules lock, one catalog, every
    row and first evaluation in one transaction. An error's field names the spec:
    `segments.3.ruleText`."""
    errors: list[FieldError] = []
    names: set[str] = set()
    cleaned: list[tuple[str, list[str]]] = []
    for index, spec in enumerate(specs):
        own: list[FieldError] = []
        name = _clean_name(spec.name, own)
        if name in names:
            own.append(FieldError("name", f"'{name}' is given twice", "DUPLICATE_NAME"))
        names.add(name)
        if spec.kind == SegmentKind.STATIC and (spec.rule_text is not None or spec.rule is not None):
            own.append(FieldError("ruleText", "a static segment has no rule", "INVALID_RULE"))
        cleaned.append((name, _clean_tags(spec.tags, own)))
        errors += [FieldError(f"{field_prefix}.{index}.{e.field}", e.message, e.code) for e in own]
    if errors:
        raise ValidationFailed(errors)
    created: list[Segment] = []
    changes: list[MembershipChange] = []
    async with in_transaction() as tx:
        await lock_segment_rules(tx, team.id)
        by_kind: dict[str, int] = defaultdict(int)
        for spec in specs:
            by_kind[str(spec.kind)] += 1
        for kind, count in by_kind.items():
            await plan_caps.check_can_create(team.id, plan_caps.SEGMENT_RESOURCES[kind], count)
        taken = set(cast(list[str], await Segment.filter(team_id=team.id, name__in=list(names))
                         .values_list("name", flat=True)))
        ctx = await load_context(team)
        parsed_rules: list[ParsedRule | None] = []
        for index, (spec, (name, _)) in enumerate(zip(specs, cleaned, strict=True)):
            if name in taken:
                errors.append(FieldError(f"{field_prefix}.{index}.name", f"a segment named '{name}' already exists",
                                         "DUPLICATE_NAME"))
            parsed: ParsedRule | None = None
            if spec.kind in (SegmentKind.DYNAMIC, SegmentKind.COHORT):
                try:
                    parsed = await check_rule(team, spec.rule_text, spec.rule, name, ctx=ctx)
                except ValidationFailed as exc:
                    errors += [FieldError(f"{field_prefix}.{index}.{e.field}", e.message, e.code) for e in exc.errors]
            parsed_rules.append(parsed)
        if errors:
            raise ValidationFailed(errors)
        for spec, (name, tags), parsed in zip(specs, cleaned, parsed_rules, strict=True):
            segment = await Segment.create(
                team=team, name=name, kind=spec.kind, description=(spec.description or "").strip(), tags=tags,
                rule=parsed.json if parsed else None, rule_text=parsed.text if parsed else None,
                triggers=parsed.triggers.to_json() if parsed else None, using_db=tx,
            )
            created.append(segment)
            if parsed is not None:
                cause = CAUSE_COHORT if spec.kind == SegmentKind.COHORT else CAUSE_RECOMPUTE
                changes += await _first_evaluation(tx, segment, parsed, cause)
    await publish_membership_changes(team.id, changes)
    return created


async def _first_evaluation(tx: Any, segment: Segment, parsed: ParsedRule, cause: str) -> list[MembershipChange]:
    """A rule the database cannot evaluate (say, a stored value it cannot cast) is a userError, and
    the caller's transaction rolls the new segment back."""
    try:
        async with tx.acquire_connection() as conn:
            return await _evaluate_with(conn, segment, parsed, None, cause, None)
    except asyncpg.PostgresError as exc:
        raise ValidationFailed.one(
            "ruleText", f"the rule could not be evaluated: {exc}", "EVALUATION_FAILED") from exc


@dataclass
class WhatIf:
    join_count: int
    leave_count: int
    joins: list[int]  # every contact who would join (ids, sorted)
    leaves: list[int]

    @property
    def join_sample(self) -> list[int]:
        return self.joins[:SAMPLE_SIZE]

    @property
    def leave_sample(self) -> list[int]:
        return self.leaves[:SAMPLE_SIZE]


@_heavy
async def what_if(team: Team, segment: Segment, parsed: ParsedRule, memberships: Memberships | None = None) -> WhatIf:
    """Who would join and leave if the segment had this rule now (nothing is written); `memberships`:
    referenced segments' members as a pending edit would change them."""
    compiled = parsed.compile(datetime.now(UTC), memberships=memberships)
    seg = compiled.param(segment.id, "bigint")
    prefix = compiled.cte_prefix() + ", " if compiled.ctes else ""
    sql = f"""
    WITH {prefix}matched AS ({compiled.select("c.id")}),
    current_members AS (SELECT team_contact_id AS id FROM segment_memberships
                        WHERE team_id = $1::bigint AND segment_id = {seg}),
    joins AS (SELECT id FROM matched EXCEPT SELECT id FROM current_members),
    leaves AS (SELECT id FROM current_members EXCEPT SELECT id FROM matched)
    SELECT ARRAY(SELECT id FROM joins ORDER BY id) AS joins, ARRAY(SELECT id FROM leaves ORDER BY id) AS leaves
    """
    async with in_transaction() as tx, tx.acquire_connection() as conn:
        row = await conn.fetchrow(sql, *compiled.params)
    joins, leaves = list(row["joins"]), list(row["leaves"])
    return WhatIf(len(joins), len(leaves), joins, leaves)


def _references(node: Any, name: str) -> bool:
    return any(isinstance(leaf, rules.SegmentCondition) and leaf.name == name for leaf in rules.leaves(node))


async def referencing_segments(team: Team, segment: Segment) -> list[Segment]:
    found = []
    for other in await Segment.filter(team_id=team.id, rule__not_isnull=True).exclude(id=segment.id):
        node, _ = rules.from_json(other.rule)
        if node is not None and _references(node, segment.name):
            found.append(other)
    return found


async def segment_uses(team: Team, segment: Segment) -> list[SegmentUse]:
    """Every user of the segment: rules of other segments, then the registered kinds (access rules,
    drips, audience links; see app.wiring)."""
    uses = [SegmentUse(SEGMENT, s.id, f"rule of segment '{s.name}'") for s in await referencing_segments(team, segment)]
    for usage in registered_usages():
        uses.extend(await usage.find(team.id, segment.id))
    return uses


async def edit_impacts(team: Team, segment: Segment, parsed: ParsedRule, change: WhatIf,
                       uses: list[SegmentUse]) -> list[SegmentImpact]:
    """Per user, what giving the segment this rule changes, from the edit's what-if diff."""
    diff = MembershipDiff(change.joins, change.leaves)
    by_kind = {usage.kind: usage for usage in registered_usages()}
    impacts: list[SegmentImpact] = []
    ctx: CatalogContext | None = None
    for use in uses:
        if use.kind != SEGMENT:
            impacts.append(await by_kind[use.kind].impact(team.id, segment.id, use, diff))
            continue
        if ctx is None:  # rules that read the segment see its members as the new rule would leave them
            ctx = await load_context(team)
            ctx.segments[segment.name] = (segment.id, str(segment.kind), parsed.json)
        impacts.append(await _dependent_impact(team, use, ctx, {segment.id: (change.joins, change.leaves)}))
    return impacts


async def _dependent_impact(team: Team, use: SegmentUse, ctx: CatalogContext,
                            memberships: Memberships) -> SegmentImpact:
    other = await Segment.get(id=use.id, team_id=team.id)
    if other.kind != SegmentKind.DYNAMIC:
        return SegmentImpact(use, 0, 0, f"{other.kind} '{other.name}' is frozen: its members stay")
    try:
        dependent = await check_rule(team, None, other.rule, other.name, ctx=ctx)
    except ValidationFailed:
        return SegmentImpact(use, 0, 0, f"the rule of segment '{other.name}' would no longer be valid")
    change = await what_if(team, other, dependent, memberships)
    message = (f"segment '{other.name}' would gain {change.join_count} and lose "
               f"{counted(change.leave_count, 'member')}")
    return SegmentImpact(use, change.join_count, change.leave_count, message)


def _rename_references(raw: Any, old: str, new: str) -> Any:
    if isinstance(raw, dict):
        if raw.get("inSegment") == old:
            return {**raw, "inSegment": new}
        return {k: _rename_references(v, old, new) for k, v in raw.items()}
    if isinstance(raw, list):
        return [_rename_references(v, old, new) for v in raw]
    return raw


@dataclass
class UpdateResult:
    segment: Segment
    what_if: WhatIf | None = None
    warnings: list[str] = field(default_factory=list)
    impacts: list[SegmentImpact] = field(default_factory=list)  # per user, what the new rule changes
    saved: bool = True


@_heavy
async def update_segment(
    team: Team, segment_id: Any, *, name: str | None = None, description: str | None = None,
    tags: list[str] | None = None, rule_text: str | None = None, rule: Any = None, dry_run: bool = False,
) -> UpdateResult:
    segment = await get_segment(team, segment_id)
    if not dry_run:  # over the plan's caps after a downgrade: kept and evaluated, but not edited
        await plan_caps.check_can_change(team.id, plan_caps.SEGMENT_RESOURCES[str(segment.kind)], segment.id)
    errors: list[FieldError] = []
    new_name = segment.name
    if name is not None:
        new_name = _clean_name(name, errors)
        if new_name and new_name != segment.name and await Segment.exists(team_id=team.id, name=new_name):
            errors.append(FieldError("name", f"a segment named '{new_name}' already exists", "DUPLICATE_NAME"))
    new_tags = _clean_tags(tags, errors) if tags is not None else segment.tags
    parsed: ParsedRule | None = None
    if rule_text is not None or rule is not None:
        if segment.kind != SegmentKind.DYNAMIC:
            errors.append(FieldError("ruleText", f"the rule of a {segment.kind} segment cannot change",
                                     "NOT_DYNAMIC"))
        else:
            try:
                parsed = await check_rule(team, rule_text, rule, new_name)
            except ValidationFailed as exc:
                errors.extend(exc.errors)
    if errors:
        raise ValidationFailed(errors)
    result = UpdateResult(segment=segment, saved=not dry_run)
    if parsed is not None:
        result.what_if = await what_if(team, segment, parsed)
    if parsed is not None or new_name != segment.name:
        uses = await segment_uses(team, segment)
        result.warnings = [f"segment '{segment.name}' is used by {use.name}" for use in uses]
        if result.what_if is not None and parsed is not None:
            result.impacts = await edit_impacts(team, segment, parsed, result.what_if, uses)
    if dry_run:
        return result
    async with in_transaction() as tx:
        await lock_segment_rules(tx, team.id)
        # Checked again under the lock: an edit committed since the first check (B now reads this
        # segment, say) may make this one a cycle or a duplicate name.
        segment = await get_segment(team, segment.id)
        if new_name != segment.name and await Segment.exists(team_id=team.id, name=new_name):
            raise ValidationFailed.one("name", f"a segment named '{new_name}' already exists", "DUPLICATE_NAME")
        if parsed is not None:
            parsed = await check_rule(team, rule_text, rule, new_name)
        result.segment = segment
        old_name = segment.name
        segment.name = new_name
        segment.tags = new_tags
        if description is not None:
            segment.description = description.strip()
        if parsed is not None:
            segment.rule, segment.rule_text, segment.triggers = parsed.json, parsed.text, parsed.triggers.to_json()
        # Not member_count: evaluations keep it and may have moved it since it was read.
        await segment.save(update_fields=["name", "tags", "description", "rule", "rule_text", "triggers",
                                          "updated_at"])
        if new_name != old_name:
            for other in await referencing_segments_by_name(team, old_name, segment.id):
                other.rule = _rename_references(other.rule, old_name, new_name)
                node, _ = rules.from_json(other.rule)
                if node is not None:
                    other.rule_text = dsl.render(node)
                await other.save(update_fields=["rule", "rule_text"])
    if parsed is not None:
        await _evaluate(team, segment, parsed, None, CAUSE_RECOMPUTE, None)
        await _refresh_dependents(team, segment)
    return result


async def referencing_segments_by_name(team: Team, name: str, exclude_id: int) -> list[Segment]:
    found = []
    for other in await Segment.filter(team_id=team.id, rule__not_isnull=True).exclude(id=exclude_id):
        node, _ = rules.from_json(other.rule)
        if node is not None and _references(node, name):
            found.append(other)
    return found


async def _refresh_dependents(team: Team, segment: Segment) -> None:
    """S's rule changed: every segment built on S, directly or through others, is recomputed in
    dependency order (S's dependents before theirs), each reading the members just written."""
    ctx = await load_context(team)
    others = await Segment.filter(team_id=team.id, rule__not_isnull=True).exclude(id=segment.id)
    users_of: dict[str, list[Segment]] = defaultdict(list)  # name -> segments whose rule uses it
    for other in others:
        for name in referenced_names(other.rule):
            users_of[name].append(other)
    found: dict[int, Segment] = {}
    frontier = [segment]
    while frontier:
        frontier = [u for current in frontier for u in users_of[current.name] if u.id not in found]
        found.update((u.id, u) for u in frontier)
    for other in dependency_order(list(found.values())):
        try:
            parsed = await stored_rule(team, other, ctx)
        except ValidationFailed:
            continue
        other.triggers = parsed.triggers.to_json()
        await other.save(update_fields=["triggers"])
        if other.kind == SegmentKind.DYNAMIC:
            await _evaluate(team, other, parsed, None, CAUSE_RECOMPUTE, f"segment:{segment.id}")


@dataclass
class DeleteResult:
    deleted_id: int
    detached: list[str] = field(default_factory=list)  # what `force` changed, one line per change


class SegmentInUse(ValidationFailed):
    def __init__(self, segment: Segment, uses: list[SegmentUse], note: str = "") -> None:
        super().__init__([FieldError("id", f"segment '{segment.name}' is used by "
                                           f"{', '.join(u.name for u in uses)}{note}", "SEGMENT_IN_USE")])
        self.uses = uses


async def delete_segment(team: Team, segment_id: Any, *, force: bool = False) -> DeleteResult:
    """Refused while anything uses the segment. With `force`, access rules, drips and audience links
    are detached in the same transaction (a drip is paused, never deleted); rules of other segments
    are never rewritten, so they still refuse."""
    segment = await get_segment(team, segment_id)
    async with in_transaction() as tx:
        await lock_segment_rules(tx, team.id)  # no rule starts reading it meanwhile
        uses = await segment_uses(team, segment)
        rules_using = [u for u in uses if u.kind == SEGMENT]
        if rules_using and force:
            raise SegmentInUse(segment, uses, " (change the rules of those segments first: they are not detached)")
        if uses and not force:
            raise SegmentInUse(segment, uses)
        detached: list[str] = []
        for usage in registered_usages():
            detached += await usage.detach(tx, team.id, segment.id)
        deleted_id = segment.id
        await segment.delete(using_db=tx)
    return DeleteResult(deleted_id, detached)


# ---------------------------------------------------------------- static lists

_EMAIL_HEADER = re.compile(r"^\s*e-?mail(\s*address)?\s*$", re.IGNORECASE)


def emails_from_csv(text: str) -> list[str]:
    """Emails from a CSV: the 'email' column when there is a header, else the first column."""
    try:  # newline="": the csv module, not StringIO, splits lines (a lone '\r' is a line end, not an error)
        rows = [r for r in csv.reader(io.StringIO(text, newline="")) if any(cell.strip() for cell in r)]
    except csv.Error as exc:
        raise ValidationFailed.one("csv", f"malformed CSV: {exc}", "INVALID_CSV") from exc
    if not rows:
        return []
    column = 0
    header = [cell.strip() for cell in rows[0]]
    for index, cell in enumerate(header):
        if _EMAIL_HEADER.match(cell):
            column = index
            rows = rows[1:]
            break
    return [r[column].strip().lower() for r in rows if len(r) > column and r[column].strip()]


async def _resolve_contacts(team: Team, contact_ids: list[str] | None, emails: list[str] | None,
                            csv_text: str | None) -> list[int]:
    errors: list[FieldError] = []
    wanted_emails = [e.strip().lower() for e in emails or [] if e.strip()]
    if csv_text:
        wanted_emails.extend(emails_from_csv(csv_text))
    parsed_ids = [parse_id_or_none(i) for i in contact_ids or []]
    total = len(parsed_ids) + len(wanted_emails)
    if total == 0:
        raise ValidationFailed.one("contactIds", "give contact ids, emails or a CSV", "REQUIRED")
    if total > MAX_STATIC_BATCH:
        raise ValidationFailed.one("contactIds", f"at most {MAX_STATIC_BATCH} contacts per call", "BATCH_TOO_LARGE")
    ids = {i for i in parsed_ids if i is not None}
    found_ids = set(cast(list[int], await TeamContact.filter(team_id=team.id, id__in=list(ids))
                         .values_list("id", flat=True)))
    missing = [str(v) for v, p in zip(contact_ids or [], parsed_ids, strict=True) if p is None or p not in found_ids]
    if missing:
        errors.append(FieldError("contactIds", f"contacts not found: {', '.join(missing[:10])}", "NOT_FOUND"))
    by_email = dict(await TeamContact.filter(team_id=team.id, email__in=list(set(wanted_emails)))
                    .values_list("email", "id"))
    unknown = [e for e in dict.fromkeys(wanted_emails) if e not in by_email]
    if unknown:
        errors.append(FieldError("emails", f"no contact with email: {', '.join(unknown[:10])}"
                                 + (f" (and {len(unknown) - 10} more)" if len(unknown) > 10 else ""), "NOT_FOUND"))
    if errors:
        raise ValidationFailed(errors)
    return sorted(found_ids | set(by_email.values()))


async def _static_segment(team: Team, segment_id: Any) -> Segment:
    segment = await get_segment(team, segment_id, "segmentId")
    if segment.kind != SegmentKind.STATIC:
        raise ValidationFailed.one("segmentId", f"contacts are added by hand only to static segments "
                                   f"(this one is {segment.kind})", "NOT_STATIC")
    return segment


async def change_static_members(
    team: Team, segment_id: Any, *, add: bool, contact_ids: list[str] | None = None,
    emails: list[str] | None = None, csv_text: str | None = None,
) -> tuple[Segment, list[MembershipChange]]:
    segment = await _static_segment(team, segment_id)
    await plan_caps.check_can_change(team.id, plan_caps.STATIC_SEGMENTS, segment.id)
    ids = await _resolve_contacts(team, contact_ids, emails, csv_text)
    if add:
        sql = """
        WITH joined AS (
            INSERT INTO segment_memberships (team_id, segment_id, team_contact_id, joined_at)
            SELECT $1, $2, x, now() FROM unnest($3::bigint[]) AS x
            ON CONFLICT (team_id, segment_id, team_contact_id) DO NOTHING RETURNING team_contact_id)
        INSERT INTO segment_membership_changes (team_id, segment_id, team_contact_id, action, cause, at)
        SELECT $1, $2, team_contact_id, 'join', 'manual', now() FROM joined RETURNING team_contact_id
        """
    else:
        sql = """
        WITH left_members AS (
            DELETE FROM segment_memberships
             WHERE team_id = $1 AND segment_id = $2 AND team_contact_id = ANY($3::bigint[])
            RETURNING team_contact_id)
        INSERT INTO segment_membership_changes (team_id, segment_id, team_contact_id, action, cause, at)
        SELECT $1, $2, team_contact_id, 'leave', 'manual', now() FROM left_members RETURNING team_contact_id
        """
    action = "join" if add else "leave"
    async with in_transaction() as tx, tx.acquire_connection() as conn:
        await conn.execute("SELECT id FROM segments WHERE id = $1 FOR UPDATE", segment.id)
        rows = await conn.fetch(sql, team.id, segment.id, ids)
        changes = [MembershipChange(segment.id, r["team_contact_id"], action, CAUSE_MANUAL, None) for r in rows]
        segment.member_count = await _update_member_count(conn, segment.id, changes)
        # Dynamic segments may read this list (`in segment 'VIPs'`): re-evaluate whoever moved.
        await request_evaluation(conn, team.id, [c.team_contact_id for c in changes],
                                 fields=[static_segment_field(segment.id)], cause=CAUSE_SEGMENT,
                                 cause_refs=[str(segment.id)] * len(changes))
    await publish_membership_changes(team.id, changes)
    if changes:
        await wake_evaluator(team.id)
    return segment, changes


# ---------------------------------------------------------------- preview and explain


@dataclass
class Preview:
    count: int
    sample_ids: list[int]
    parsed: ParsedRule


@_heavy
async def preview(team: Team, rule_text: str | None, rule: Any, sample_size: int = SAMPLE_SIZE,
                  now: datetime | None = None) -> Preview:
    """Count and sample of a rule as of `now` (default: this instant)."""
    parsed = await check_rule(team, rule_text, rule)
    compiled = parsed.compile(now or datetime.now(UTC))
    limit = compiled.param(max(0, min(sample_size, 50)), "int")
    # One pass over the team: the matches are counted and sampled from the same materialized rows.
    prefix = compiled.cte_prefix() + ", " if compiled.ctes else ""
    sql = (f"WITH {prefix}matched AS MATERIALIZED ({compiled.select('c.id')})\n"
           f"SELECT (SELECT count(*) FROM matched) AS count,"
           f" ARRAY(SELECT id FROM matched ORDER BY id LIMIT {limit}) AS sample")
    async with in_transaction() as tx, tx.acquire_connection() as conn:
        await conn.execute(_SEGMENT_QUERY_SETTINGS)
        row = await conn.fetchrow(sql, *compiled.params)
    return Preview(count=row["count"], sample_ids=list(row["sample"]), parsed=parsed)


@dataclass
class ExplainedCondition:
    path: str
    text: str
    matched: bool
    value: str | None
    depth: int


@dataclass
class Explanation:
    segment: Segment
    contact: TeamContact
    matches: bool
    is_member: bool
    conditions: list[ExplainedCondition]
    reason: str


def _is_money(leaf: Node) -> bool:
    if isinstance(leaf, rules.FieldCondition):
        return leaf.spec is not None and leaf.spec.type == "money"
    return isinstance(leaf, rules.AggregateCondition) and leaf.source == "orders.total" and leaf.fn != "count"


def shown_value(leaf: Node, raw: Any, tz: ZoneInfo) -> str | None:
    """A contact's value in the field's unit: money in currency units (200.00, not the 20000 minor
    units stored), times in the team's zone, tags joined with ', ', numbers without trailing zeros."""
    if raw is None:
        return None
    if isinstance(raw, datetime):
        return raw.astimezone(tz).isoformat()
    if isinstance(raw, list):
        return ", ".join(str(v) for v in raw)
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, int | float | Decimal):
        amount = Decimal(str(raw))
        if _is_money(leaf):
            return f"{amount / 100:.2f}"
        return format(amount.normalize(), "f") if amount != amount.to_integral() else str(int(amount))
    return str(raw)


@_heavy
async def explain(team: Team, segment_id: Any, contact_id: Any) -> Explanation:
    segment = await get_segment(team, segment_id, "segmentId")
    number = parse_id_or_none(contact_id)
    contact = await TeamContact.get_or_none(id=number, team_id=team.id) if number else None
    if contact is None:
        raise NotFound("contactId", "contact")
    is_member = await SegmentMembership.exists(team_id=team.id, segment_id=segment.id, team_contact_id=contact.id)
    if segment.kind != SegmentKind.DYNAMIC or segment.rule is None:
        where = "listed by hand" if segment.kind == SegmentKind.STATIC else "in the snapshot taken at creation"
        reason = f"{segment.kind} segment: the contact is {'' if is_member else 'not '}{where}"
        return Explanation(segment, contact, is_member, is_member, [], reason)
    parsed = await stored_rule(team, segment)
    async with in_transaction() as tx, tx.acquire_connection() as conn:
        compiled = parsed.compile(datetime.now(UTC), [contact.id])
        leaf_list = rules.leaves(parsed.node)
        columns = []
        for index, leaf in enumerate(leaf_list):
            sql = compiled.leaf_sql[id(leaf)]
            columns.append(f"COALESCE(({sql.predicate}), false) AS l{index}")
            columns.append(f"({sql.value or 'NULL::text'}) AS v{index}")
        statement = compiled.statement(", ".join(columns), include_rule=False)
        row = await conn.fetchrow(statement, *compiled.params)
    results = {id(leaf): (bool(row[f"l{i}"]), shown_value(leaf, row[f"v{i}"], parsed.ctx.tz))
               for i, leaf in enumerate(leaf_list)}
    conditions: list[ExplainedCondition] = []

    def walk(node: Node, path: str, depth: int) -> bool:
        entry = ExplainedCondition(path, dsl.render(node).replace("\n", " "), False, None, depth)
        conditions.append(entry)
        if isinstance(node, rules.Group):
            outcomes = [walk(item, f"{path}.{node.op}.{i}", depth + 1) for i, item in enumerate(node.items)]
            entry.matched = all(outcomes) if node.op == "and" else any(outcomes)
        elif isinstance(node, rules.Not):
            entry.matched = not walk(node.item, f"{path}.not", depth + 1)
        else:
            entry.matched, entry.value = results[id(node)]
        return entry.matched

    matches = walk(parsed.node, "rule", 0)
    reason = ("matches the rule" if matches else "does not match the rule") + (
        "" if matches == is_member else " (membership updates on the next evaluation)")
    return Explanation(segment, contact, matches, is_member, conditions, reason)


async def recompute_for_time_zone(team: Team) -> None:
    """The team's zone changed (bound to `app.teams.service.on_time_zone_changed`): calendar words,
    dates in rules and custom dates moved, so every dynamic segment is recomputed, referenced first."""
    ctx = await load_context(team)
    segments = await Segment.filter(team_id=team.id, kind=SegmentKind.DYNAMIC, rule__not_isnull=True)
    for segment in dependency_order(list(segments)):
        try:
            parsed = await stored_rule(team, segment, ctx)
        except ValidationFailed:
            continue
        await _evaluate(team, segment, parsed, None, CAUSE_TIME_ZONE, team.time_zone)


async def segment_ids_with_tag(team: Team, tag: str) -> list[int]:
    async with in_transaction() as tx, tx.acquire_connection() as conn:
        rows = await conn.fetch("SELECT id FROM segments WHERE team_id = $1 AND tags @> $2::jsonb",
                                team.id, json.dumps([tag.strip().lower()]))
    return [r["id"] for r in rows]
