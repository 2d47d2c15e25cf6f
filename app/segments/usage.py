"""Where a segment is used, what an edit of its rule would change for each user, and detaching.

Users live in domains above the segment engine (access rules, drips, audience links), so each of
those domains implements `SegmentUsage` and `app.wiring` registers it; rules of other segments
(`in segment 'S'`) are the engine's own kind of user. An edit's impact is computed from the
what-if diff of the edit (who would join, who would leave).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

SEGMENT = "segment"  # the kind of a user that is another segment's rule


@dataclass(frozen=True)
class SegmentUse:
    kind: str  # "access_rule", "drip", "audience_link", "segment"
    id: int
    name: str  # for people: "access rule on lesson 'Module 3'", "drip 'Win-back'"


@dataclass(frozen=True)
class MembershipDiff:
    """Who would join and who would leave the segment (contact ids, sorted)."""

    joins: Sequence[int]
    leaves: Sequence[int]


@dataclass(frozen=True)
class SegmentImpact:
    use: SegmentUse
    joining: int  # contacts the user would gain (access granted, enrolments, audience additions)
    leaving: int  # contacts the user would lose (access lost, exits, audience removals)
    message: str  # "412 members lose access to lesson 'Module 3'"


class SegmentUsage(Protocol):
    """One kind of segment user, implemented by the domain that owns it."""

    kind: str

    async def find(self, team_id: int, segment_id: int) -> list[SegmentUse]:
        """Every user of this kind of the segment."""
        ...

    async def impact(self, team_id: int, segment_id: int, use: SegmentUse, diff: MembershipDiff) -> SegmentImpact:
        """What the segment's members joining and leaving as in `diff` changes for `use`."""
        ...

    async def detach(self, db: Any, team_id: int, segment_id: int) -> list[str]:
        """Inside the caller's transaction `db` (the segment is about to be deleted): stop every user
        of this kind from using the segment, without deleting what the user is. Returns one line per
        change, for people."""
        ...


_USAGES: list[SegmentUsage] = []


def register_segment_usage(usage: SegmentUsage) -> None:
    """Called by `app.wiring` for access rules, drips and audience links (idempotent per kind)."""
    if all(u.kind != usage.kind for u in _USAGES):
        _USAGES.append(usage)


def registered_usages() -> list[SegmentUsage]:
    return list(_USAGES)


def counted(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"
