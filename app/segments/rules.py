"""Rule trees: the typed nodes, their JSON form (what a segment stores) and structural checks.

JSON shape (every node is one object):
  {"and": [node, ...]}  {"or": [node, ...]}  {"not": node}
  {"field": "lifecycleStage", "op": "in", "value": ["engaged", "loyal"]}
  {"field": "lastActivityAt", "op": "within", "value": {"amount": 14, "unit": "days"}}
  {"aggregate": "sum", "of": "orders.total", "within": {"amount": 90, "unit": "days"}, "op": ">", "value": 500}
  {"aggregate": "count", "of": "events", "type": "search", "where": [...], "op": ">=", "value": 5}
  {"aggregate": "sum", "of": "events", "type": "purchase", "property": "amount", "op": ">", "value": 100}
  {"event": "any" | "no" | "last", "type": "page_view", "where": [{"property": "device", "op": "=",
   "value": "mobile"}], "within": {...} | "during": "this month", "since": "cart_abandoned"}
  {"inSegment": "Name"}
Field names, operators and value types are checked against the catalog in `app.segments.validate`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Union

from app.core.errors import FieldError

MAX_DEPTH = 4
MAX_LIST = 1000
MAX_CONDITIONS = 200

FIELD_OPS = (
    "=", "!=", ">", ">=", "<", "<=", "in", "not in", "contains", "not contains", "starts with",
    "ends with", "within", "not within", "before", "after", "between", "during", "is set", "is not set",
)
# Negation is one thing: each negative operator means NOT of its positive twin, so a missing value
# is in `country != 'GB'` exactly as in `NOT country = 'GB'`. Only `is set` / `is not set` name it.
NEGATIVE_OPS = {"!=": "=", "not in": "in", "not contains": "contains", "not within": "within",
                "is not set": "is set"}
COMPARE_OPS = ("=", "!=", ">", ">=", "<", "<=")
AGGREGATE_FNS = ("count", "sum", "avg", "min", "max")
AGGREGATE_SOURCES = ("orders", "orders.total", "events")
QUANTIFIERS = ("any", "no", "last")
FILTER_OPS = ("=", "!=", ">", ">=", "<", "<=", "between", "in", "not in", "contains", "not contains",
              "is set", "is not set")

Pos = tuple[int, int] | None


@dataclass
class Window:
    amount: int | None = None
    unit: str | None = None
    during: str | None = None

    def to_json(self) -> tuple[str, Any]:
        if self.during is not None:
            return "during", self.during
        return "within", {"amount": self.amount, "unit": self.unit}


@dataclass
class PropertyFilter:
    property: str
    op: str
    value: Any


@dataclass
class Group:
    op: str  # "and" | "or"
    items: list[Node]
    path: str = "rule"
    pos: Pos = None


@dataclass
class Not:
    item: Node
    path: str = "rule"
    pos: Pos = None


@dataclass
class FieldCondition:
    field: str
    op: str
    value: Any = None
    path: str = "rule"
    pos: Pos = None
    spec: Any = None  # the catalog FieldSpec, set by validation


@dataclass
class AggregateCondition:
    fn: str
    source: str  # "orders" (count), "orders.total", "events"
    op: str
    value: Any
    event_type: str | None = None
    where: list[PropertyFilter] = field(default_factory=list)
    window: Window | None = None
    path: str = "rule"
    pos: Pos = None
    property: str | None = None  # events only: the numeric event property summed, averaged, ...


@dataclass
class EventCondition:
    quantifier: str  # "any" | "no" | "last"
    event_type: str
    where: list[PropertyFilter] = field(default_factory=list)
    window: Window | None = None
    since: str | None = None  # "no event of type B since that A"
    path: str = "rule"
    pos: Pos = None


@dataclass
class RecordCondition:
    """`any subscription has status = 'active', interval = 'month'`: one record meets all of `where`."""

    quantifier: str  # "any" | "no"
    collection: str  # "subscription"
    where: list[FieldCondition] = field(default_factory=list)
    path: str = "rule"
    pos: Pos = None


@dataclass
class SegmentCondition:
    name: str
    path: str = "rule"
    pos: Pos = None
    # Set by validation: the referenced segment's id and kind (a rule reads its stored membership).
    segment_id: int | None = None
    kind: str | None = None


Node = Union[Group, Not, FieldCondition, AggregateCondition, EventCondition, RecordCondition, SegmentCondition]  # noqa: UP007 - runtime alias of forward refs
Leaf = Union[FieldCondition, AggregateCondition, EventCondition, RecordCondition, SegmentCondition]  # noqa: UP007 - idem


def where_at(node: Any, message: str) -> tuple[str, str]:
    """The (field, message) of an error at a node: line/column for text, the JSON path for trees."""
    if node.pos is not None:
        line, column = node.pos
        return "ruleText", f"line {line}, column {column}: {message}"
    return node.path, f"{node.path}: {message}"


def error_at(node: Any, message: str, code: str) -> FieldError:
    field_name, text = where_at(node, message)
    return FieldError(field_name, text, code)


def depth(node: Node) -> int:
    """Levels of AND / OR / NOT above the deepest leaf (a lone condition is 0)."""
    if isinstance(node, Group):
        return 1 + max((depth(i) for i in node.items), default=0)
    if isinstance(node, Not):
        return 1 + depth(node.item)
    return 0


def leaves(node: Node) -> list[Leaf]:
    if isinstance(node, Group):
        return [leaf for item in node.items for leaf in leaves(item)]
    if isinstance(node, Not):
        return leaves(node.item)
    return [node]


# ---------------------------------------------------------------- JSON -> nodes


class _TreeReader:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def fail(self, path: str, message: str, code: str = "INVALID_RULE") -> None:
        self.errors.append(FieldError(path, f"{path}: {message}", code))

    def node(self, raw: Any, path: str) -> Node | None:
        if not isinstance(raw, dict) or not raw:
            self.fail(path, "expected a condition object")
            return None
        for op in ("and", "or"):
            if op in raw:
                items = raw[op]
                if not isinstance(items, list) or not items:
                    self.fail(f"{path}.{op}", "expected a non-empty list of conditions")
                    return None
                read = [self.node(item, f"{path}.{op}.{i}") for i, item in enumerate(items)]
                if any(r is None for r in read):
                    return None
                if len(read) == 1:  # a one-item group is its item (the text form has no way to say it)
                    return read[0]
                return Group(op, [r for r in read if r is not None], path=path)
        if "not" in raw:
            item = self.node(raw["not"], f"{path}.not")
            return Not(item, path=path) if item is not None else None
        if "field" in raw:
            return self.field_condition(raw, path)
        if "aggregate" in raw:
            return self.aggregate(raw, path)
        if "event" in raw:
            return self.event(raw, path)
        if "records" in raw:
            return self.records(raw, path)
        if "inSegment" in raw:
            name = raw["inSegment"]
            if not isinstance(name, str) or not name.strip():
                self.fail(f"{path}.inSegment", "expected a segment name")
                return None
            return SegmentCondition(name.strip(), path=path)
        self.fail(path, "unknown condition (expected and, or, not, field, aggregate, event, records or inSegment)")
        return None

    def field_condition(self, raw: dict[str, Any], path: str) -> Node | None:
        name, op = raw.get("field"), raw.get("op")
        if not isinstance(name, str) or not name:
            self.fail(f"{path}.field", "expected a field name")
            return None
        if op not in FIELD_OPS:
            self.fail(f"{path}.op", f"unknown operator {op!r}", "UNKNOWN_OPERATOR")
            return None
        return FieldCondition(name, op, _json_value(raw.get("value")), path=path)

    def records(self, raw: dict[str, Any], path: str) -> Node | None:
        where = raw.get("where")
        if not isinstance(where, list) or not where:
            self.fail(f"{path}.where", "expected a non-empty list of conditions on the record")
            return None
        conditions: list[FieldCondition] = []
        for i, item in enumerate(where):
            condition = self.field_condition(item, f"{path}.where.{i}") if isinstance(item, dict) else None
            if not isinstance(condition, FieldCondition):
                if not isinstance(item, dict):
                    self.fail(f"{path}.where.{i}", "expected {field, op, value}")
                return None
            conditions.append(condition)
        return RecordCondition(_unchecked(raw, "quantifier") or "any", _unchecked(raw, "records"), conditions,
                               path=path)

    def window(self, raw: dict[str, Any], path: str) -> Window | Literal[False] | None:
        """Returns a Window, None (no window) or False (invalid)."""
        if "within" in raw:
            within = raw["within"]
            if not isinstance(within, dict):
                self.fail(f"{path}.within", "expected {amount, unit}")
                return False
            return Window(amount=within.get("amount"), unit=within.get("unit"))
        if "during" in raw:
            return Window(during=raw["during"])
        return None

    def where(self, raw: Any, path: str) -> list[PropertyFilter] | None:
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.fail(path, "expected a list of property filters")
            return None
        filters = []
        for i, item in enumerate(raw):
            if not isinstance(item, dict) or not isinstance(item.get("property"), str):
                self.fail(f"{path}.{i}", "expected {property, op, value}")
                return None
            filters.append(PropertyFilter(item["property"], item.get("op", "="), _json_value(item.get("value"))))
        return filters

    def aggregate(self, raw: dict[str, Any], path: str) -> Node | None:
        window = self.window(raw, path)
        where = self.where(raw.get("where"), f"{path}.where")
        if window is False or where is None:
            return None
        return AggregateCondition(
            fn=_unchecked(raw, "aggregate"), source=_unchecked(raw, "of"), op=_unchecked(raw, "op"),
            value=raw.get("value"),
            event_type=raw.get("type"), where=where, window=window or None, path=path,
            property=raw.get("property"),
        )

    def event(self, raw: dict[str, Any], path: str) -> Node | None:
        window = self.window(raw, path)
        where = self.where(raw.get("where"), f"{path}.where")
        if window is False or where is None:
            return None
        return EventCondition(
            quantifier=_unchecked(raw, "event"), event_type=_unchecked(raw, "type"), where=where,
            window=window or None,
            since=raw.get("since"), path=path,
        )


def _unchecked(raw: dict[str, Any], key: str) -> Any:
    """`raw[key]` (None when absent) as read: any JSON value until `app.segments.validate` checks it."""
    return raw.get(key)


def _json_value(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def from_json(raw: Any) -> tuple[Node | None, list[FieldError]]:
    reader = _TreeReader()
    node = reader.node(raw, "rule")
    return (node if not reader.errors else None), reader.errors


# ---------------------------------------------------------------- nodes -> JSON


def _filters_json(filters: list[PropertyFilter]) -> list[dict[str, Any]]:
    return [{"property": f.property, "op": f.op} if f.op in ("is set", "is not set")
            else {"property": f.property, "op": f.op, "value": f.value} for f in filters]


def to_json(node: Node) -> dict[str, Any]:
    if isinstance(node, Group):
        return {node.op: [to_json(i) for i in node.items]}
    if isinstance(node, Not):
        return {"not": to_json(node.item)}
    if isinstance(node, FieldCondition):
        out: dict[str, Any] = {"field": node.field, "op": node.op}
        if node.op not in ("is set", "is not set"):
            out["value"] = node.value
        return out
    if isinstance(node, AggregateCondition):
        out = {"aggregate": node.fn, "of": node.source}
        if node.event_type is not None:
            out["type"] = node.event_type
        if node.property is not None:
            out["property"] = node.property
        if node.where:
            out["where"] = _filters_json(node.where)
        if node.window is not None:
            key, value = node.window.to_json()
            out[key] = value
        out.update(op=node.op, value=node.value)
        return out
    if isinstance(node, EventCondition):
        out = {"event": node.quantifier, "type": node.event_type}
        if node.where:
            out["where"] = _filters_json(node.where)
        if node.window is not None:
            key, value = node.window.to_json()
            out[key] = value
        if node.since is not None:
            out["since"] = node.since
        return out
    if isinstance(node, RecordCondition):
        return {"records": node.collection, "quantifier": node.quantifier,
                "where": [to_json(condition) for condition in node.where]}
    return {"inSegment": node.name}
