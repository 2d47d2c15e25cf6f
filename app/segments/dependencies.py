"""Segment references (`in segment 'S'`): which names a rule uses, and dependency order."""

from __future__ import annotations

from typing import Any

from app.segments.models import Segment


def dependency_order(segments: list[Segment]) -> list[Segment]:
    """Segments a rule references (`in segment 'S'`) come before the rule, so a batch publishes
    S's change before the changes it causes in segments built on S."""
    by_name = {s.name: s for s in segments}
    ordered: list[Segment] = []
    seen: set[int] = set()  # placed, or being placed (a cycle is rejected on save; this stays safe anyway)

    def visit(segment: Segment) -> None:
        if segment.id in seen:
            return
        seen.add(segment.id)
        for name in referenced_names(segment.rule):
            if name in by_name:
                visit(by_name[name])
        ordered.append(segment)

    for segment in segments:
        visit(segment)
    return ordered


def referenced_names(raw: Any) -> set[str]:
    """Names in the `inSegment` leaves of a stored rule tree."""
    if isinstance(raw, dict):
        found = {raw["inSegment"]} if isinstance(raw.get("inSegment"), str) else set()
        return found.union(*(referenced_names(v) for v in raw.values()))
    if isinstance(raw, list):
        return set().union(*(referenced_names(v) for v in raw))
    return set()
