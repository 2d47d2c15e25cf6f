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
from app.segments.catalog import ContactState, collection, net_amount
from app.segments.compiler import literal
from app.segments.rules import (
    AggregateCondition,
    EventCondition,
    FieldCondition,
    Node,
    RecordCondition,
    SegmentCondition,
    Window,
)
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


def _is_json_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _same_type(left: Any, right: Any) -> bool:
    """JSON types: booleans, numbers (50 is 50.0) and strings never equal one another."""
    if isinstance(left, bool) or isinstance(right, bool):
        return isinstance(left, bool) and isinstance(right, bool)
    if _is_json_number(left) or _is_json_number(right):
        return _is_json_number(left) and _is_json_number(right)
    return isinstance(left, str) and isinstance(right, str)


def _json_equal(actual: Any, value: Any) -> bool:
    if not _same_type(actual, value):
        return False
    if _is_json_number(actual):
        return Decimal(str(actual)) == Decimal(str(value))
    return bool(actual == value)


def _filter(actual: Any, op: str, value: Any) -> bool:
    """The positive event property comparisons, typed as JSON (see the compiler's filter_sql)."""
    if op == "is set":
        return actual is not None
    if op == "=":
        return _json_equal(actual, value)
    if op == "in":
        return any(_json_equal(actual, v) for v in value)
    if op == "contains":
        return isinstance(actual, str) and value.lower() in actual.lower()
    if op == "between":
        return _is_json_number(actual) and Decimal(str(value[0])) <= Decimal(str(actual)) <= Decimal(str(value[1]))
    if isinstance(value, str):
        return isinstance(actual, str) and _compare(actual, op, value)
    return _is_json_number(actual) and _compare(Decimal(str(actual)), op, Decimal(str(value)))


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
        return at >= window_start(window.amount or 0, window.unit or "days", self.now, self.tz)

    @staticmethod
    def matches(event: dict[str, Any], filters: list[rules.PropertyFilter]) -> bool:
        props = event.get("properties") or {}
        for f in filters:
            positive = _filter(props.get(f.property), rules.NEGATIVE_OPS.get(f.op, f.op), f.value)
            if positive == (f.op in rules.NEGATIVE_OPS):
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
        if isinstance(node, RecordCondition):
            return self.records(node, state)
        return self.segment(node, state)

    def records(self, node: RecordCondition, state: ContactState) -> bool:
        found = collection(node.collection)
        assert found is not None
        present = any(
            all(self.field(c, ContactState(contact=record, tz=state.tz, extra={**state.extra, "now": self.now}))
                for c in node.where)
            for record in found.records(state))
        return not present if node.quantifier == "no" else present

    def segment(self, node: SegmentCondition, state: ContactState) -> bool:
        # As compiled: the referenced segment's stored membership, whatever its kind.
        return node.segment_id in state.segment_ids

    def field(self, node: FieldCondition, state: ContactState) -> bool:
        """A negative operator is NOT of its positive twin (missing values included)."""
        if node.op in rules.NEGATIVE_OPS:
            return not self._positive_field(node, rules.NEGATIVE_OPS[node.op], state)
        return self._positive_field(node, node.op, state)

    def _positive_field(self, node: FieldCondition, op: str, state: ContactState) -> bool:
        spec = node.spec
        x = spec.value(state)
        if spec.type != "tags":  # tags are stored normalised by their writer (see the compiler)
            x = spec.normalised(x)
        value = node.value
        if op == "is set":
            return x is not None
        if spec.type == "tags":
            return value in x
        if spec.type in ("number", "money"):
            x = _number(x)
        if x is None:
            return False
        if spec.type == "date" and op in (">=", "<="):
            start, end = period_range(value, self.now, self.tz)
            return x >= start if op == ">=" else x < end
        if op in ("=", ">", ">=", "<", "<="):
            return _compare(x, op, literal(spec.type, value))
        if op == "in":
            return x in [literal(spec.type, v) for v in value]
        if op == "contains":
            return value.lower() in x.lower()
        if op == "starts with":
            return x.lower().startswith(value.lower())
        if op == "ends with":
            return x.lower().endswith(value.lower())
        if op == "within":
            return x >= window_start(value["amount"], value["unit"], self.now, self.tz)
        if op == "before":
            return x < period_range(value, self.now, self.tz)[0]
        if op == "after":
            return x >= period_range(value, self.now, self.tz)[1]
        if op == "between" and spec.type in ("number", "money"):
            return literal(spec.type, value[0]) <= x <= literal(spec.type, value[1])
        first, last = (value, value) if op == "during" else (value[0], value[1])
        return period_range(first, self.now, self.tz)[0] <= x < period_range(last, self.now, self.tz)[1]

    def aggregate(self, node: AggregateCondition, state: ContactState) -> bool:
        """`!=` is NOT of `=`: the average of no orders is `!= 5`."""
        if node.op == "!=":
            return not self._aggregate(node, "=", state)
        return self._aggregate(node, node.op, state)

    def _aggregate(self, node: AggregateCondition, op: str, state: ContactState) -> bool:
        if node.source == "events":
            events = [e for e in state.events_of(node.event_type or "")
                      if self.matches(e, node.where) and self.in_window(e["occurred_at"], node.window)]
            if node.property is None:
                amounts = [Decimal(1) for _ in events]
            else:
                amounts = [Decimal(str(v)) for e in events
                           if _is_json_number(v := (e.get("properties") or {}).get(node.property))]
            target = literal("number", node.value)
        else:
            amounts = [Decimal(net_amount(o)) for o in state.paid_orders()
                       if self.in_window(o["placed_at"], node.window)]
            target = literal("money" if node.source == "orders.total" else "number", node.value)
        if node.fn == "count":
            return _compare(Decimal(len(amounts)), op, target)
        if node.fn == "sum":
            return _compare(sum(amounts, Decimal(0)), op, target)
        if not amounts:
            return False
        return _compare(_REDUCERS[node.fn](amounts), op, target)

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
