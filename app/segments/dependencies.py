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


def dependency_layers(ordered: list[Segment], reads: dict[int, set[int]]) -> list[list[Segment]]:
    """`ordered` (see `dependency_order`) cut into layers: a segment's layer comes after those of the
    segments it reads (`reads`: segment id -> ids it references) among `ordered`. One layer is one
    statement in the real-time batch; reading stored memberships, it sees the earlier layers' writes."""
    level: dict[int, int] = {}
    for segment in ordered:
        level[segment.id] = 1 + max((level[r] for r in reads.get(segment.id, ()) if r in level), default=-1)
    layers: list[list[Segment]] = [[] for _ in range(max(level.values(), default=-1) + 1)]
    for segment in ordered:
        layers[level[segment.id]].append(segment)
    return layers


def referenced_names(raw: Any) -> set[str]:
    """Names in the `inSegment` leaves of a stored rule tree."""
    if isinstance(raw, dict):
        found = {raw["inSegment"]} if isinstance(raw.get("inSegment"), str) else set()
        return found.union(*(referenced_names(v) for v in raw.values()))
    if isinstance(raw, list):
        return set().union(*(referenced_names(v) for v in raw))
    return set()
