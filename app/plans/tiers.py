"""The plan tiers and their caps, as data: one row per capability, one column per plan.

A limit is a number (at most that many), `None` (unlimited) or 0 (not in the plan). Nothing else in
the code names a plan: checks look the limit up here, and the plan that lifts a cap is the first
plan after the team's whose limit is higher. Change a number here and every check follows.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core import plan_caps as caps

UNLIMITED = None


@dataclass(frozen=True)
class Plan:
    key: str
    name: str
    rank: int


@dataclass(frozen=True)
class Capability:
    key: str
    label: str  # plural noun: "dynamic segments", used in messages
    boolean: bool  # included or not (✓ / —), rather than a count


PLANS: tuple[Plan, ...] = (
    Plan("free", "Free", 0),
    Plan("starter", "Starter", 1),
    Plan("pro", "Pro", 2),
    Plan("agency", "Agency", 3),
    Plan("enterprise", "Enterprise", 4),
)

CAPABILITIES: tuple[Capability, ...] = (
    Capability(caps.STATIC_SEGMENTS, "static segments", False),
    Capability(caps.DYNAMIC_SEGMENTS, "dynamic segments", False),
    Capability(caps.MEMBERS_PER_SEGMENT, "members per segment", False),
    Capability(caps.AI_SEGMENTS, "AI-generated segments", True),
    Capability(caps.COHORTS, "cohort definitions", False),
    Capability(caps.SEGMENT_LIBRARY, "segment library and cloning", True),
    Capability(caps.AUDIENCE_SYNC, "Meta/Google audience sync", True),
    Capability(caps.RECOMPUTE_SCHEDULES, "custom recompute schedules", True),
    Capability(caps.AGENCIES, "agency accounts", True),
)

#                                 free    starter pro        agency     enterprise
LIMITS: dict[str, tuple[int | None, ...]] = {
    caps.STATIC_SEGMENTS:       (5,     25,     100,       UNLIMITED, UNLIMITED),
    caps.DYNAMIC_SEGMENTS:      (5,     25,     100,       UNLIMITED, UNLIMITED),
    caps.MEMBERS_PER_SEGMENT:   (1_000, 10_000, UNLIMITED, UNLIMITED, UNLIMITED),
    caps.AI_SEGMENTS:           (0,     0,      UNLIMITED, UNLIMITED, UNLIMITED),
    caps.COHORTS:               (0,     5,      25,        100,       UNLIMITED),
    caps.SEGMENT_LIBRARY:       (0,     0,      0,         UNLIMITED, UNLIMITED),
    caps.AUDIENCE_SYNC:         (0,     0,      UNLIMITED, UNLIMITED, UNLIMITED),
    caps.RECOMPUTE_SCHEDULES:   (0,     0,      0,         UNLIMITED, UNLIMITED),
    caps.AGENCIES:              (0,     0,      0,         UNLIMITED, UNLIMITED),
}

BY_KEY = {plan.key: plan for plan in PLANS}
CAPABILITY = {cap.key: cap for cap in CAPABILITIES}


def limit(plan: Plan, capability: str) -> int | None:
    return LIMITS[capability][plan.rank]


def higher_plans(plan: Plan) -> tuple[Plan, ...]:
    return tuple(p for p in PLANS if p.rank > plan.rank)


def allows(limit_value: int | None, count: int) -> bool:
    """Whether a plan with this limit holds `count` things."""
    return limit_value is None or count <= limit_value


def lifting_plan(plan: Plan, capability: str, needed: int) -> Plan | None:
    """The first plan above `plan` that holds `needed` of the capability."""
    return next((p for p in higher_plans(plan) if allows(limit(p, capability), needed)), None)


def shown_limit(value: int | None) -> str:
    return "unlimited" if value is None else f"{value:,}"
