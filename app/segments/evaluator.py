"""Reference evaluator: the same rule in plain Python over one contact's raw rows.

It reads events and orders directly (not the computed properties), so the property tests check
the compiler, the computed properties and this module against each other.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

from app.segments import rules
from app.segments.catalog import ContactState, net_amount
from app.segments.compiler import json_text, literal
from app.segments.rules import AggregateCondition, EventCondition, FieldCondition, Node, SegmentCondition, Window
from app.segments.timeutil import period_range, window_start


def _number(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    return Decimal(str(value))


def _compare(left: Any, op: str, right: Any) -> bool:
    if left is None:
        return False
    return {
        "=": left == right, "!=": left != right, ">": left > right, ">=": left >= right,
        "<": left < right, "<=": left <= right,
    }[op]


# avg/min/max of a non-empty list of amounts (count and sum are handled before).
_REDUCERS: dict[str, Callable[[list[Decimal]], Decimal]] = {
    "avg": lambda a: sum(a, Decimal(0)) / len(a), "min": min, "max": max,
}


class Evaluator:
    def __init__(self, now: datetime, tz: Any) -> None:
        self.now = now
        self.tz = tz

    def in_window(self, at: datetime, window: Window | None) -> bool:
        if window is None:
            return True
        if window.during is not None:
            start, end = period_range(window.during, self.now, self.tz)
            return start <= at < end
        return at >= window_start(window.amount or 0, window.unit or "days", self.now)

    @staticmethod
    def matches(event: dict[str, Any], filters: list[rules.PropertyFilter]) -> bool:
        props = event.get("properties") or {}
        for f in filters:
            actual = json_text(props.get(f.property))
            if actual is None:
                return False
            if (actual == json_text(f.value)) != (f.op == "="):
                return False
        return True

    def evaluate(self, node: Node, state: ContactState) -> bool:
        if isinstance(node, rules.Group):
            results = (self.evaluate(i, state) for i in node.items)
            return all(results) if node.op == "and" else any(results)
        if isinstance(node, rules.Not):
            return not self.evaluate(node.item, state)
        if isinstance(node, FieldCondition):
            return self.field(node, state)
        if isinstance(node, AggregateCondition):
            return self.aggregate(node, state)
        if isinstance(node, EventCondition):
            return self.event(node, state)
        return self.segment(node, state)

    def segment(self, node: SegmentCondition, state: ContactState) -> bool:
        # As compiled: the referenced segment's stored membership, whatever its kind.
        return node.segment_id in state.segment_ids

    def field(self, node: FieldCondition, state: ContactState) -> bool:
        spec = node.spec
        x = spec.value(state)
        op, value = node.op, node.value
        if op == "is set":
            return x is not None
        if op == "is not set":
            return x is None
        if spec.type == "tags":
            return (value in x) == (op == "contains")
        if spec.type in ("number", "money"):
            x = _number(x)
        if op in ("=", "!=", ">", ">=", "<", "<="):
            return _compare(x, op, literal(spec.type, value))
        if x is None:
            return op == "not within"
        if op in ("in", "not in"):
            return (x in [literal(spec.type, v) for v in value]) == (op == "in")
        if op == "contains":
            return value.lower() in x.lower()
        if op == "not contains":
            return value.lower() not in x.lower()
        if op == "starts with":
            return x.lower().startswith(value.lower())
        if op == "ends with":
            return x.lower().endswith(value.lower())
        if op in ("within", "not within"):
            inside = x >= window_start(value["amount"], value["unit"], self.now)
            return inside == (op == "within")
        if op == "before":
            return x < period_range(value, self.now, self.tz)[0]
        if op == "after":
            return x >= period_range(value, self.now, self.tz)[1]
        first, last = (value, value) if op == "during" else (value[0], value[1])
        return period_range(first, self.now, self.tz)[0] <= x < period_range(last, self.now, self.tz)[1]

    def aggregate(self, node: AggregateCondition, state: ContactState) -> bool:
        if node.source == "events":
            count = sum(
                1 for e in state.events_of(node.event_type or "")
                if self.matches(e, node.where) and self.in_window(e["occurred_at"], node.window)
            )
            return _compare(Decimal(count), node.op, literal("number", node.value))
        amounts = [Decimal(net_amount(o)) for o in state.paid_orders()
                   if self.in_window(o["placed_at"], node.window)]
        target = literal("money" if node.source == "orders.total" else "number", node.value)
        if node.fn == "count":
            return _compare(Decimal(len(amounts)), node.op, target)
        if node.fn == "sum":
            return _compare(sum(amounts, Decimal(0)), node.op, target)
        if not amounts:
            return False
        value = _REDUCERS[node.fn](amounts)
        return _compare(value, node.op, target)

    def event(self, node: EventCondition, state: ContactState) -> bool:
        events = [e for e in state.events_of(node.event_type) if self.matches(e, node.where)]
        if node.since is not None:
            anchors = [e["occurred_at"] for e in state.events_of(node.since)]
            if not anchors:
                return False
            last = max(anchors)
            return not any(e["occurred_at"] > last for e in events)
        present = any(self.in_window(e["occurred_at"], node.window) for e in events)
        return not present if node.quantifier == "no" else present


def evaluate(node: Node, state: ContactState, now: datetime) -> bool:
    return Evaluator(now, state.tz).evaluate(node, state)
