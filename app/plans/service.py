"""A team's plan and what its caps allow: usage, creation checks, read-only after a downgrade, and
the capped audience. Installed behind `app.core.plan_caps` by app.wiring.

Caps block creating, never what exists: a thing over the caps of the team's plan keeps working
(segments evaluate, syncs run) but is read-only until the team is back under. Which ones are over
is decided by age: the oldest `limit` are writable, the newer ones read-only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from tortoise import connections

from app.audiences.models import AudienceDestination
from app.core import plan_caps as caps
from app.core.errors import NotFound, ValidationFailed
from app.core.ids import parse_id_or_none
from app.core.plan_caps import AudienceCap
from app.plans import tiers
from app.plans.models import RecomputeSchedule, TeamPlan
from app.plans.tiers import Plan
from app.segments.models import Segment, SegmentKind
from app.settings import get_settings
from app.teams.models import Team

PLAN_LIMIT = "PLAN_LIMIT"


def default_plan() -> Plan:
    return tiers.BY_KEY.get(get_settings().default_plan, tiers.PLANS[-1])


async def plan_of(team_id: int) -> Plan:
    row = await TeamPlan.get_or_none(team_id=team_id)
    return tiers.BY_KEY.get(row.plan, default_plan()) if row else default_plan()


def validate_plan(key: str, field: str = "plan") -> Plan:
    plan = tiers.BY_KEY.get((key or "").strip().lower())
    if plan is None:
        known = ", ".join(p.key for p in tiers.PLANS)
        raise ValidationFailed.one(field, f"unknown plan '{key[:40]}' (plans: {known})", "INVALID_PLAN")
    return plan


async def find_team(reference: str) -> Team:
    """A team by its number or its slug (what an operator has at hand)."""
    number = parse_id_or_none(reference)
    team = await Team.get_or_none(id=number) if number else None
    if team is None:
        team = await Team.get_or_none(slug=(reference or "").strip())
    if team is None:
        raise NotFound("teamId", "team")
    return team


async def set_plan(team: Team, key: str, set_by: str) -> Plan:
    """Nothing is deleted on a downgrade: what is over the new caps turns read-only."""
    plan = validate_plan(key)
    row = await TeamPlan.get_or_none(team_id=team.id)
    if row is None:
        await TeamPlan.create(team_id=team.id, plan=plan.key, set_by=set_by[:200])
    else:
        row.plan, row.set_by = plan.key, set_by[:200]
        await row.save(update_fields=["plan", "set_by", "set_at"])
    return plan


# ---------------------------------------------------------------- what the team has


async def _segment_ids(team_id: int, kind: str) -> list[int]:
    rows = await Segment.filter(team_id=team_id, kind=kind).order_by("created_at", "id").values_list("id", flat=True)
    return cast(list[int], rows)


async def _destination_ids(team_id: int) -> list[int]:
    rows = await AudienceDestination.filter(team_id=team_id).order_by("created_at", "id").values_list("id", flat=True)
    return cast(list[int], rows)


# Per capability, the team's things of that kind, oldest first (None: not a count of things).
async def owned_ids(team_id: int, capability: str) -> list[int] | None:
    kinds = {caps.STATIC_SEGMENTS: SegmentKind.STATIC, caps.DYNAMIC_SEGMENTS: SegmentKind.DYNAMIC,
             caps.COHORTS: SegmentKind.COHORT}
    if capability in kinds:
        return await _segment_ids(team_id, kinds[capability])
    if capability == caps.AUDIENCE_SYNC:
        return await _destination_ids(team_id)
    if capability == caps.RECOMPUTE_SCHEDULES:
        rows = await RecomputeSchedule.filter(team_id=team_id).order_by("created_at", "id").values_list("id", flat=True)
        return cast(list[int], rows)
    return None


@dataclass(frozen=True)
class MemberOverflow:
    """Segments with more members than a members-per-segment limit, and by how much."""

    segments: int
    members: int  # beyond the limit, summed

    def describe(self, plan: Plan, cap: int) -> str:
        noun = "segment has" if self.segments == 1 else "segments have"
        return (f"{self.segments:,} {noun} {self.members:,} members beyond the {plan.name} limit of "
                f"{cap:,}")


async def member_overflow(team_id: int, cap: int | None) -> MemberOverflow:
    if cap is None:
        return MemberOverflow(0, 0)
    rows = await connections.get("default").execute_query_dict(
        "SELECT count(*) AS n, COALESCE(sum(member_count - $2), 0) AS beyond FROM segments"
        " WHERE team_id = $1 AND member_count > $2", [team_id, cap])
    return MemberOverflow(int(rows[0]["n"]), int(rows[0]["beyond"]))


def _members_unlock(plan: Plan, target: Plan, overflow: MemberOverflow, sizes: list[int]) -> str:
    """What moving to `target` would unlock of the members the current plan leaves out."""
    cap = tiers.limit(plan, caps.MEMBERS_PER_SEGMENT)
    if cap is None or not overflow.segments:
        return ""
    target_cap = tiers.limit(target, caps.MEMBERS_PER_SEGMENT)
    unlocked = sum((size if target_cap is None else min(size, target_cap)) - cap for size in sizes)
    if unlocked <= 0:
        return ""
    whole = "all of them" if unlocked == overflow.members else f"{unlocked:,} of them"
    return f"; {overflow.describe(plan, cap)}, and {target.name} would unlock {whole}"


async def _segment_sizes_over(team_id: int, cap: int) -> list[int]:
    rows = await Segment.filter(team_id=team_id, member_count__gt=cap).values_list("member_count", flat=True)
    return cast(list[int], rows)


async def _unlock_text(team_id: int, plan: Plan, target: Plan) -> str:
    cap = tiers.limit(plan, caps.MEMBERS_PER_SEGMENT)
    if cap is None:
        return ""
    overflow = await member_overflow(team_id, cap)
    if not overflow.segments:
        return ""
    return _members_unlock(plan, target, overflow, await _segment_sizes_over(team_id, cap))


def _lift_text(plan: Plan, capability: str, needed: int) -> tuple[Plan | None, str]:
    cap = tiers.CAPABILITY[capability]
    target = tiers.lifting_plan(plan, capability, needed)
    if target is None:
        return None, "no plan holds more"
    target_limit = tiers.limit(target, capability)
    if cap.boolean:
        return target, f"{target.name} includes them"
    current = tiers.limit(plan, capability) or 0
    more = "" if target_limit is None else f" ({target_limit - current:,} more)"
    return target, f"{target.name} allows {tiers.shown_limit(target_limit)}{more}"


async def plan_limit_error(team_id: int, plan: Plan, capability: str, have: int, field: str | None,
                           adding: int) -> ValidationFailed:
    """`adding`: how many the caller wants to create (0: a change to one that exists)."""
    cap = tiers.CAPABILITY[capability]
    value = tiers.limit(plan, capability)
    if cap.boolean or value == 0:
        head = f"{cap.label} are not in the {plan.name} plan"
    else:
        head = f"the {plan.name} plan allows {tiers.shown_limit(value)} {cap.label} and this team has {have:,}"
    target, lift = _lift_text(plan, capability, have + adding)
    unlock = await _unlock_text(team_id, plan, target) if target else ""
    return ValidationFailed.one(field, f"{head}: {lift}{unlock}", PLAN_LIMIT)


async def check_can_create(team_id: int, capability: str, count: int = 1, field: str | None = None) -> None:
    """Room for `count` more of `capability` under the team's plan, or PLAN_LIMIT."""
    plan = await plan_of(team_id)
    value = tiers.limit(plan, capability)
    if value is None:
        return
    ids = await owned_ids(team_id, capability)
    have = len(ids) if ids is not None else 0
    if value == 0 or have + count > value:
        raise await plan_limit_error(team_id, plan, capability, have, field, count)


async def check_can_change(team_id: int, capability: str, object_id: int, field: str | None = "id") -> None:
    """A thing beyond the plan's cap (the newest ones, after a downgrade) is read-only."""
    plan = await plan_of(team_id)
    value = tiers.limit(plan, capability)
    if value is None:
        return
    ids = await owned_ids(team_id, capability) or []
    if object_id not in ids[value:]:
        return
    error = await plan_limit_error(team_id, plan, capability, len(ids), field, 0)
    first = error.errors[0]
    over = len(ids) - value
    message = (f"read-only until the team is back under its plan's caps (delete {over:,} or upgrade): "
               f"{first.message}")
    raise ValidationFailed.one(first.field, message, PLAN_LIMIT)


async def capped_audience(team_id: int, segment_id: int) -> AudienceCap:
    plan = await plan_of(team_id)
    cap = tiers.limit(plan, caps.MEMBERS_PER_SEGMENT)
    conn = connections.get("default")
    rows = await conn.execute_query_dict(
        "SELECT count(*) AS n FROM segment_memberships WHERE team_id = $1 AND segment_id = $2",
        [team_id, segment_id])
    total = int(rows[0]["n"])
    if cap is None or total <= cap:
        return AudienceCap(total=total, limit=cap, last_included_id=None, notice=None)
    if cap == 0:
        bound: int | None = 0
    else:
        last = await conn.execute_query_dict(
            "SELECT team_contact_id FROM segment_memberships WHERE team_id = $1 AND segment_id = $2"
            " ORDER BY team_contact_id OFFSET $3 LIMIT 1", [team_id, segment_id, cap - 1])
        bound = int(last[0]["team_contact_id"])
    target = tiers.lifting_plan(plan, caps.MEMBERS_PER_SEGMENT, total)
    lift = f"; {target.name} lifts it" if target else ""
    notice = (f"{total - cap:,} of {total:,} members left out: the {plan.name} plan takes at most {cap:,} "
              f"members per segment{lift}")
    return AudienceCap(total=total, limit=cap, last_included_id=bound, notice=notice)


# ---------------------------------------------------------------- usage, for the dashboard


@dataclass(frozen=True)
class CapUsage:
    capability: str
    label: str
    limit: int | None
    included: bool
    used: int | None  # how many the team has (None: not a count of things)
    over: int  # how many are beyond the limit (read-only); for members: segments over it
    lifted_by: Plan | None
    note: str


async def usage(team_id: int) -> tuple[Plan, list[CapUsage]]:
    plan = await plan_of(team_id)
    result: list[CapUsage] = []
    for cap in tiers.CAPABILITIES:
        value = tiers.limit(plan, cap.key)
        ids = await owned_ids(team_id, cap.key)
        used = len(ids) if ids is not None else None
        over = 0 if value is None or used is None else max(0, used - value)
        note = ""
        lifted_by = None
        if cap.key == caps.MEMBERS_PER_SEGMENT and value is not None:
            overflow = await member_overflow(team_id, value)
            over = overflow.segments
            if overflow.segments:
                note = overflow.describe(plan, value)
                lifted_by = tiers.lifting_plan(plan, cap.key, max(await _segment_sizes_over(team_id, value)))
        elif value is not None:
            lifted_by = tiers.lifting_plan(plan, cap.key, (used or 0) + 1)
            if over:
                note = f"{over:,} {cap.label} over the {plan.name} limit are read-only"
        result.append(CapUsage(cap.key, cap.label, value, value != 0, used, over, lifted_by, note))
    return plan, result


class PlanCapsService:
    """What `app.core.plan_caps` calls (installed by app.wiring)."""

    async def check_can_create(self, team_id: int, resource: str, count: int = 1) -> None:
        await check_can_create(team_id, resource, count)

    async def check_can_change(self, team_id: int, resource: str, object_id: int) -> None:
        await check_can_change(team_id, resource, object_id)

    async def capped_audience(self, team_id: int, segment_id: int) -> AudienceCap:
        return await capped_audience(team_id, segment_id)
