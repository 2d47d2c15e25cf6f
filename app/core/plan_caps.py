"""The contract every domain uses to respect the team's plan (tiers and caps live in app.plans).

Segments, audiences, email and reports sit below the plans domain, so they may not import it: they
call these functions, and `app.wiring` installs the plans service behind them at startup. Until it
is installed a call fails loudly rather than letting everything through.

- `check_can_create(team_id, resource)`: before creating one more of a capped thing; raises
  `ValidationFailed` with code `PLAN_LIMIT` (the cap, the plan that lifts it, what it would unlock).
- `check_can_change(team_id, resource, object_id)`: before editing one; a thing over the caps of
  the team's plan (after a downgrade) is read-only until the team is back under.
- `capped_audience(team_id, segment_id)`: what may use a segment's audience (audience sync,
  exports, campaign sends, partner reports) takes at most `AudienceCap.limit` members: those with
  `team_contact_id <= AudienceCap.last_included_id`, lowest ids first, and shows `notice`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

# Capped resources; app.plans.tiers holds their limits per plan.
STATIC_SEGMENTS = "static_segments"
DYNAMIC_SEGMENTS = "dynamic_segments"
COHORTS = "cohorts"
AI_SEGMENTS = "ai_segments"
SEGMENT_LIBRARY = "segment_library"
AUDIENCE_SYNC = "audience_sync"
RECOMPUTE_SCHEDULES = "recompute_schedules"
MEMBERS_PER_SEGMENT = "members_per_segment"
AGENCIES = "agencies"

SEGMENT_RESOURCES = {"static": STATIC_SEGMENTS, "dynamic": DYNAMIC_SEGMENTS, "cohort": COHORTS}


@dataclass(frozen=True)
class AudienceCap:
    """How much of a segment's audience its users may take under the team's plan."""

    total: int  # members the segment has (always computed in full)
    limit: int | None  # the plan's members-per-segment cap; None: unlimited
    last_included_id: int | None  # the highest team_contact_id inside the cap; None: no bound
    notice: str | None  # "4,210 of 5,210 members left out: ..." when members are left out

    @property
    def included(self) -> int:
        return self.total if self.limit is None else min(self.total, self.limit)

    @property
    def left_out(self) -> int:
        return self.total - self.included

    def includes(self, team_contact_id: int) -> bool:
        return self.last_included_id is None or team_contact_id <= self.last_included_id


class PlanCaps(Protocol):
    async def check_can_create(self, team_id: int, resource: str, count: int = 1) -> None: ...

    async def check_can_change(self, team_id: int, resource: str, object_id: int) -> None: ...

    async def capped_audience(self, team_id: int, segment_id: int) -> AudienceCap: ...


_caps: PlanCaps | None = None


def install_caps(caps: PlanCaps) -> None:
    global _caps
    _caps = caps


def _installed() -> PlanCaps:
    if _caps is None:
        raise RuntimeError("plan caps are not installed: call app.wiring.wire() at startup")
    return _caps


async def check_can_create(team_id: int, resource: str, count: int = 1) -> None:
    """Room for `count` more of `resource`, or ValidationFailed with code PLAN_LIMIT."""
    await _installed().check_can_create(team_id, resource, count)


async def check_can_change(team_id: int, resource: str, object_id: int) -> None:
    await _installed().check_can_change(team_id, resource, object_id)


async def capped_audience(team_id: int, segment_id: int) -> AudienceCap:
    return await _installed().capped_audience(team_id, segment_id)
