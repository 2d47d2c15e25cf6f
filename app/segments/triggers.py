"""Triggers: from a rule, the event types and fields that can change it, and whether time alone can."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.segments import rules
from app.segments.catalog import collection
from app.segments.rules import (
    AggregateCondition,
    EventCondition,
    FieldCondition,
    Node,
    RecordCondition,
    SegmentCondition,
)
from app.segments.timeutil import CALENDAR_WORDS


@dataclass
class Triggers:
    event_types: set[str] = field(default_factory=set)
    any_event: bool = False  # any event at all (lastActivityAt, eventCount)
    fields: set[str] = field(default_factory=set)  # contact fields: "lifecycleStage", "custom.plan"
    orders: bool = False
    hubs: bool = False
    segments: set[int] = field(default_factory=set)  # segments whose stored membership it reads
    tables: set[str] = field(default_factory=set)  # other domains' tables (registered fields)
    time_based: bool = False  # relative windows and calendar words: re-check on a schedule

    def to_json(self) -> dict[str, Any]:
        return {
            "eventTypes": sorted(self.event_types), "anyEvent": self.any_event, "fields": sorted(self.fields),
            "orders": self.orders, "hubs": self.hubs, "segments": sorted(self.segments),
            "tables": sorted(self.tables), "timeBased": self.time_based,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any] | None) -> Triggers:
        raw = raw or {}
        return cls(
            event_types=set(raw.get("eventTypes", [])), any_event=bool(raw.get("anyEvent")),
            fields=set(raw.get("fields", [])), orders=bool(raw.get("orders")), hubs=bool(raw.get("hubs")),
            segments=set(raw.get("segments", [])), tables=set(raw.get("tables", [])),
            time_based=bool(raw.get("timeBased")),
        )


def _relative(value: Any) -> bool:
    values = value if isinstance(value, list) else [value]
    return any(isinstance(v, str) and v in CALENDAR_WORDS for v in values)


def _add_spec_trigger(out: Triggers, trigger: str) -> None:
    kind, _, name = trigger.partition(":")
    if kind == "event":
        if name == "*":
            out.any_event = True
        else:
            out.event_types.add(name)
    elif kind == "field":
        out.fields.add(name)
    elif kind == "orders":
        out.orders = True
    elif kind == "hubs":
        out.hubs = True
    elif kind == "table":
        out.tables.add(name)


def rule_triggers(node: Node, out: Triggers | None = None) -> Triggers:
    """Triggers of a checked rule. A referenced segment is one trigger (its membership), not its rule's:
    the worker re-checks a dependent for whoever that segment's change moved."""
    out = out or Triggers()
    for leaf in rules.leaves(node):
        if isinstance(leaf, FieldCondition):
            for trigger in leaf.spec.triggers if leaf.spec else ():
                _add_spec_trigger(out, trigger)
            if leaf.op in ("within", "not within") or _relative(leaf.value):
                out.time_based = True
        elif isinstance(leaf, AggregateCondition):
            if leaf.source == "events":
                out.event_types.add(leaf.event_type or "")
            else:
                out.orders = True
            if leaf.window is not None and (leaf.window.during is None or _relative(leaf.window.during)):
                out.time_based = True
        elif isinstance(leaf, EventCondition):
            out.event_types.add(leaf.event_type)
            if leaf.since:
                out.event_types.add(leaf.since)
            if leaf.window is not None and (leaf.window.during is None or _relative(leaf.window.during)):
                out.time_based = True
        elif isinstance(leaf, RecordCondition):
            found = collection(leaf.collection)
            for trigger in found.triggers if found else ():
                _add_spec_trigger(out, trigger)
            for condition in leaf.where:
                if (condition.op in ("within", "not within") or _relative(condition.value)
                        or (found is not None and condition.field in found.day_counts)):
                    out.time_based = True
        elif isinstance(leaf, SegmentCondition) and leaf.segment_id is not None:
            out.segments.add(leaf.segment_id)
    return out
