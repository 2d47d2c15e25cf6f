"""Recompute schedules: a cron expression per segment, read in the team's time zone, for a full
recompute on top of real-time evaluation; and the daily recompute of AI-generated segments.

Every due run is claimed by inserting its `scheduled_recomputes` row (unique per segment and
period) before anything else happens: arq's cron can fire on every worker (arq #196), and only the
worker whose insert wins recomputes. The schedule's next instant then moves on with a conditional
update, so a worker that read the old instant changes nothing.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import cast

from croniter import CroniterBadCronError, CroniterBadDateError, CroniterNotAlphaError, croniter
from tortoise import connections

from app.core import plan_caps
from app.core.errors import NotFound, ValidationFailed
from app.plans.models import RecomputeSchedule, ScheduledRecompute, SegmentGeneration
from app.plans.service import check_can_change, check_can_create
from app.segments import service as segments
from app.segments.models import Segment, SegmentKind
from app.segments.timeutil import zone
from app.teams.models import Team

MIN_INTERVAL = timedelta(minutes=15)
MAX_CRON = 120
CAUSE_SCHEDULE = "schedule"
TRIGGER_SCHEDULE = "schedule"
TRIGGER_AI_DAILY = "ai_daily"
WORKER_NAME = f"{socket.gethostname()}:{os.getpid()}"


def next_instant(cron: str, time_zone: str, after: datetime) -> datetime:
    """The first instant after `after` that the expression names, read in the team's zone (UTC)."""
    local = after.astimezone(zone(time_zone))
    return cast(datetime, croniter(cron, local).get_next(datetime)).astimezone(UTC)


def validate_cron(cron: str, time_zone: str, now: datetime) -> str:
    cron = " ".join((cron or "").split())
    if not cron:
        raise ValidationFailed.one("cron", "a cron expression is required, such as '0 6 * * *'", "REQUIRED")
    if len(cron) > MAX_CRON or len(cron.split()) != 5:
        raise ValidationFailed.one("cron", "a cron expression has five fields: minute hour day month weekday "
                                   "(such as '0 6 * * 1' for Mondays at 06:00)", "INVALID_CRON")
    try:
        first = next_instant(cron, time_zone, now)
        second = next_instant(cron, time_zone, first)
    except (CroniterBadCronError, CroniterBadDateError, CroniterNotAlphaError, ValueError, KeyError) as exc:
        raise ValidationFailed.one("cron", f"'{cron}' is not a valid cron expression: {exc}", "INVALID_CRON") from exc
    if second - first < MIN_INTERVAL:
        raise ValidationFailed.one("cron", f"runs at most every {int(MIN_INTERVAL.total_seconds() // 60)} minutes "
                                   "(real-time evaluation keeps the segment current in between)", "TOO_FREQUENT")
    return cron


async def set_schedule(team: Team, segment_id: int, cron: str, enabled: bool = True,
                       now: datetime | None = None) -> RecomputeSchedule:
    """Create or change the segment's schedule (plan-gated; a schedule over the plan's caps after a
    downgrade keeps running but is read-only)."""
    now = now or datetime.now(UTC)
    segment = await segments.get_segment(team, segment_id, "segmentId")
    if segment.kind != SegmentKind.DYNAMIC:
        raise ValidationFailed.one("segmentId", f"a {segment.kind} segment is not recomputed from a rule",
                                   "NOT_DYNAMIC")
    existing = await RecomputeSchedule.get_or_none(team_id=team.id, segment_id=segment.id)
    if existing is None:
        await check_can_create(team.id, plan_caps.RECOMPUTE_SCHEDULES, field="segmentId")
    else:
        await check_can_change(team.id, plan_caps.RECOMPUTE_SCHEDULES, existing.id, field="segmentId")
    cron = validate_cron(cron, team.time_zone, now)
    next_run = next_instant(cron, team.time_zone, now) if enabled else None
    if existing is None:
        return await RecomputeSchedule.create(team_id=team.id, segment_id=segment.id, cron=cron, enabled=enabled,
                                              next_run_at=next_run)
    existing.cron, existing.enabled, existing.next_run_at = cron, enabled, next_run
    await existing.save(update_fields=["cron", "enabled", "next_run_at"])
    return existing


async def remove_schedule(team: Team, segment_id: int) -> int:
    """Always allowed (it is how a team gets back under its plan's caps)."""
    segment = await segments.get_segment(team, segment_id, "segmentId")
    schedule = await RecomputeSchedule.get_or_none(team_id=team.id, segment_id=segment.id)
    if schedule is None:
        raise NotFound("segmentId", "schedule for this segment")
    await schedule.delete()
    return schedule.id


async def reschedule_for_time_zone(team: Team) -> None:
    """The team's zone changed: every schedule's next instant is read again in the new zone."""
    now = datetime.now(UTC)
    for schedule in await RecomputeSchedule.filter(team_id=team.id, enabled=True):
        schedule.next_run_at = next_instant(schedule.cron, team.time_zone, now)
        await schedule.save(update_fields=["next_run_at"])


# ---------------------------------------------------------------- running


@dataclass(frozen=True)
class RunOutcome:
    segment_id: int
    period: str
    ran: bool  # False: another worker had claimed this period


async def claim(team_id: int, segment_id: int, period: str, trigger: str) -> int | None:
    """The period's run row, or None when another worker inserted it first."""
    rows = await connections.get("default").execute_query_dict(
        "INSERT INTO scheduled_recomputes (team_id, segment_id, period, trigger, worker, started_at, joined, \"left\")"
        " VALUES ($1, $2, $3, $4, $5, now(), 0, 0) ON CONFLICT (team_id, segment_id, period) DO NOTHING RETURNING id",
        [team_id, segment_id, period, trigger, WORKER_NAME])
    return int(rows[0]["id"]) if rows else None


async def _recompute_claimed(run_id: int, team: Team, segment: Segment, period: str) -> None:
    run = await ScheduledRecompute.get(id=run_id)
    try:
        changes = await segments.recompute(team, segment, cause=CAUSE_SCHEDULE, cause_ref=period)
    except ValidationFailed as exc:  # the rule no longer validates (a property removed, say)
        run.error = "; ".join(e.message for e in exc.errors)[:2000]
    else:
        run.joined = sum(1 for c in changes if c.action == "join")
        run.left = len(changes) - run.joined
    run.finished_at = datetime.now(UTC)
    await run.save(update_fields=["error", "joined", "left", "finished_at"])


async def run_due(now: datetime | None = None) -> list[RunOutcome]:
    """Every schedule whose instant has come: claimed, recomputed once, moved to its next instant."""
    now = now or datetime.now(UTC)
    outcomes: list[RunOutcome] = []
    due = await RecomputeSchedule.filter(enabled=True, next_run_at__lte=now).order_by("next_run_at")
    for schedule in due:
        assert schedule.next_run_at is not None
        team = await Team.get(id=schedule.team_id)
        period = schedule.next_run_at.astimezone(UTC).isoformat()
        following = next_instant(schedule.cron, team.time_zone, max(now, schedule.next_run_at))
        # Moves on only from the instant this worker read: a second worker's update matches nothing.
        await RecomputeSchedule.filter(id=schedule.id, next_run_at=schedule.next_run_at).update(
            next_run_at=following, last_run_at=now)
        run_id = await claim(team.id, schedule.segment_id, period, TRIGGER_SCHEDULE)
        if run_id is None:
            outcomes.append(RunOutcome(schedule.segment_id, period, False))
            continue
        segment = await Segment.get_or_none(id=schedule.segment_id, team_id=team.id)
        if segment is not None:
            await _recompute_claimed(run_id, team, segment, period)
        outcomes.append(RunOutcome(schedule.segment_id, period, True))
    return outcomes


async def recompute_ai_segments(day: str) -> list[RunOutcome]:
    """The daily full recompute of every segment saved from an AI generation (period: the day)."""
    outcomes: list[RunOutcome] = []
    rows = await SegmentGeneration.filter(segment_id__not_isnull=True).values_list("team_id", "segment_id")
    for team_id, segment_id in rows:
        period = f"ai-daily:{day}"
        run_id = await claim(team_id, segment_id, period, TRIGGER_AI_DAILY)
        if run_id is None:
            outcomes.append(RunOutcome(segment_id, period, False))
            continue
        team = await Team.get(id=team_id)
        segment = await Segment.get_or_none(id=segment_id, team_id=team_id, kind=SegmentKind.DYNAMIC)
        if segment is not None:
            await _recompute_claimed(run_id, team, segment, period)
        outcomes.append(RunOutcome(segment_id, period, True))
    return outcomes
