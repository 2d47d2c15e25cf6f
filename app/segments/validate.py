"""Rule checks against the catalog (fields, operators, value types, limits) and segment references.

Errors point at line/column for text and at the JSON path for trees; every error is reported,
not just the first. `in segment` references are resolved here to the segment's id (the compiled
rule reads its stored membership) and checked for cycles.
"""

from __future__ import annotations

import difflib
from typing import Any

from app.core.errors import FieldError, ValidationFailed
from app.segments import catalog, dsl, rules
from app.segments.dependencies import referenced_names
from app.segments.rules import (
    AGGREGATE_FNS,
    COMPARE_OPS,
    FILTER_OPS,
    MAX_CONDITIONS,
    MAX_DEPTH,
    MAX_LIST,
    AggregateCondition,
    EventCondition,
    FieldCondition,
    Node,
    RecordCondition,
    SegmentCondition,
    Window,
    error_at,
)
from app.segments.timeutil import CALENDAR_WORDS, MAX_WINDOW, UNITS, is_period

MAX_STRING = 1000
MAX_EVENT_TYPE = 100


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value and abs(value) < 1e15


def _is_scalar(value: Any) -> bool:
    return (isinstance(value, str) and len(value) <= MAX_STRING) or isinstance(value, bool) or _is_number(value)


def _did_you_mean(value: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    if not close:
        close = [c for c in candidates if c.lower() == value.lower()][:1]
    return f"; did you mean '{close[0]}'?" if close else ""


class _Checker:
    def __init__(self, ctx: catalog.CatalogContext, self_name: str | None) -> None:
        self.ctx = ctx
        self.self_name = self_name
        self.errors: list[FieldError] = []
        self._visited: set[str] = set()  # segments known not to lead back to self_name

    def fail(self, node: Any, message: str, code: str) -> None:
        self.errors.append(error_at(node, message, code))

    def node(self, node: Node) -> None:
        if isinstance(node, rules.Group):
            for item in node.items:
                self.node(item)
        elif isinstance(node, rules.Not):
            self.node(node.item)
        elif isinstance(node, FieldCondition):
            self.field(node)
        elif isinstance(node, AggregateCondition):
            self.aggregate(node)
        elif isinstance(node, EventCondition):
            self.event(node)
        elif isinstance(node, RecordCondition):
            self.records(node)
        else:
            self.segment(node)

    # -- values
    def window(self, node: Any, window: Window | None) -> None:
        if window is None:
            return
        if window.during is not None:
            if not is_period(window.during):
                self.fail(node, f"'{window.during}' is not a date, a month or one of {', '.join(CALENDAR_WORDS)}",
                          "INVALID_VALUE")
            return
        self.duration(node, {"amount": window.amount, "unit": window.unit})

    def duration(self, node: Any, value: Any) -> None:
        if not isinstance(value, dict):
            self.fail(node, "expected a duration {amount, unit}", "INVALID_VALUE")
            return
        amount, unit = value.get("amount"), value.get("unit")
        if unit not in UNITS:
            self.fail(node, f"unknown time unit {unit!r} (use {', '.join(UNITS)})", "INVALID_VALUE")
        elif (not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0
              or UNITS[unit] * amount > MAX_WINDOW):
            self.fail(node, "the duration must be a positive whole number (at most 100 years)", "INVALID_VALUE")

    def scalar(self, node: FieldCondition, spec: catalog.FieldSpec, value: Any) -> bool:
        kind = spec.type
        if kind in ("string", "tags"):
            ok = isinstance(value, str) and len(value) <= MAX_STRING
        elif kind in ("number", "money"):
            ok = _is_number(value)
        elif kind == "boolean":
            ok = isinstance(value, bool)
        elif kind == "enum":
            allowed = [spec.normalised(v) for v in spec.enum_values]
            ok = isinstance(value, str) and (not allowed or spec.normalised(value) in allowed)
            if isinstance(value, str) and not ok:
                self.fail(node, f"'{value}' is not a value of {spec.name} (one of: {', '.join(spec.enum_values)})"
                          + _did_you_mean(spec.normalised(value), allowed), "INVALID_VALUE")
                return False
        else:
            ok = False
        if not ok:
            shown = dsl.render_value(value) if value is not None else "nothing"
            self.fail(node, f"{spec.name} is a {kind} field; {shown} is not a {kind} value", "INVALID_VALUE_TYPE")
        return ok

    def field(self, node: FieldCondition) -> None:
        spec = catalog.resolve_field(node.field, self.ctx)
        if spec is None:
            family = catalog.family_of(node.field)
            hint = f" (expected {family.pattern} of this team)" if family else ""
            names = [f.name for f in catalog.all_fields(self.ctx)]
            self.fail(node, f"unknown field '{node.field}'{hint}" + _did_you_mean(node.field, names), "UNKNOWN_FIELD")
            return
        self.field_checks(node, spec)

    def records(self, node: RecordCondition) -> None:
        found = catalog.collection(node.collection) if isinstance(node.collection, str) else None
        if found is None:
            names = list(catalog.collection_names())
            self.fail(node, f"unknown records {node.collection!r} (use {', '.join(names) or 'none'})"
                      + _did_you_mean(str(node.collection), names), "INVALID_CONDITION")
            return
        if node.quantifier not in ("any", "no"):
            self.fail(node, f"expected any or no (got {node.quantifier!r})", "INVALID_CONDITION")
            return
        if len(node.where) > 20:
            self.fail(node, f"at most 20 conditions on one {node.collection}", "INVALID_VALUE")
        for condition in node.where:
            spec = found.attributes.get(condition.field)
            if spec is None:
                self.fail(condition, f"unknown {node.collection} attribute '{condition.field}' (use "
                                     f"{', '.join(found.attributes)})"
                          + _did_you_mean(condition.field, list(found.attributes)), "UNKNOWN_FIELD")
                continue
            self.field_checks(condition, spec)

    def field_checks(self, node: FieldCondition, spec: catalog.FieldSpec) -> None:
        node.spec = spec
        if spec.type == "date" and node.op in (">", "<"):  # synonyms: `createdAt > 2026-01-01` is after
            node.op = "after" if node.op == ">" else "before"
        if node.op not in spec.operators:
            self.fail(node, f"operator '{node.op}' does not apply to {spec.type} field {spec.name} "
                            f"(use {', '.join(spec.operators)})", "INVALID_OPERATOR")
            return
        op, value = node.op, node.value
        if op in ("is set", "is not set"):
            return
        if op in ("in", "not in"):
            if not isinstance(value, list) or not value:
                self.fail(node, "expected a non-empty list of values", "INVALID_VALUE")
            elif len(value) > MAX_LIST:
                self.fail(node, f"a list holds at most {MAX_LIST} values (got {len(value)})", "LIST_TOO_LONG")
            else:
                for item in value:
                    if not self.scalar(node, spec, item):
                        break
                else:
                    node.value = list(dict.fromkeys(spec.normalised(value)))
            return
        if op in ("within", "not within"):
            self.duration(node, value)
            return
        if op in ("before", "after", "during") or (spec.type == "date" and op in (">=", "<=")):
            if not is_period(value):
                self.fail(node, f"{dsl.render_value(value)} is not a date (YYYY-MM-DD), a month (YYYY-MM) or one "
                                f"of {', '.join(CALENDAR_WORDS)}", "INVALID_VALUE_TYPE")
            return
        if op == "between" and spec.type in ("number", "money"):
            if not isinstance(value, list) or len(value) != 2 or not all(_is_number(v) for v in value):
                self.fail(node, "between expects two numbers (as in 'between 10 and 100')", "INVALID_VALUE_TYPE")
            elif value[0] > value[1]:
                self.fail(node, f"between takes the lower bound first; did you mean `{node.field} between "
                                f"{dsl.render_value(value[1])} and {dsl.render_value(value[0])}`?", "INVALID_VALUE")
            return
        if op == "between":
            if not isinstance(value, list) or len(value) != 2 or not all(is_period(v) for v in value):
                self.fail(node, "between expects two dates", "INVALID_VALUE_TYPE")
            return
        if self.scalar(node, spec, value) and spec.case is not None:
            node.value = spec.normalised(value)  # the canonical rule (and explain) shows the normal form
        return

    def event_type(self, node: Any, event_type: Any, what: str = "event type") -> None:
        if not isinstance(event_type, str) or not event_type.strip() or len(event_type) > MAX_EVENT_TYPE:
            self.fail(node, f"expected an {what} (1 to {MAX_EVENT_TYPE} characters)", "INVALID_VALUE")

    def filters(self, node: Any, filters: list[rules.PropertyFilter]) -> None:
        if len(filters) > 20:
            self.fail(node, "at most 20 property filters", "INVALID_VALUE")
        for f in filters:
            self.property_filter(node, f)

    def property_filter(self, node: Any, f: rules.PropertyFilter) -> None:
        if not f.property or len(f.property) > MAX_EVENT_TYPE:
            self.fail(node, f"expected an event property name (1 to {MAX_EVENT_TYPE} characters)", "INVALID_VALUE")
            return
        if f.op not in FILTER_OPS:
            self.fail(node, f"property filters use {', '.join(FILTER_OPS)} (got {f.op!r})", "INVALID_OPERATOR")
            return
        value, name = f.value, f.property
        if f.op in ("is set", "is not set"):
            f.value = None
            return
        if f.op in ("in", "not in"):
            if not isinstance(value, list) or not value or len(value) > MAX_LIST:
                self.fail(node, f"property '{name}' {f.op} expects a list of 1 to {MAX_LIST} values", "INVALID_VALUE")
            elif not all(_is_scalar(v) for v in value):
                self.fail(node, f"property '{name}' is compared with strings, numbers or booleans",
                          "INVALID_VALUE_TYPE")
            return
        if f.op == "between":
            if not isinstance(value, list) or len(value) != 2 or not all(_is_number(v) for v in value):
                self.fail(node, f"property '{name}' between expects two numbers", "INVALID_VALUE_TYPE")
            return
        if f.op in ("contains", "not contains"):
            if not isinstance(value, str) or len(value) > MAX_STRING:
                self.fail(node, f"property '{name}' {f.op} expects a string", "INVALID_VALUE_TYPE")
            return
        if f.op in (">", ">=", "<", "<="):
            if not (_is_number(value) or (isinstance(value, str) and len(value) <= MAX_STRING)):
                self.fail(node, f"property '{name}' {f.op} expects a number or a string", "INVALID_VALUE_TYPE")
            return
        if not _is_scalar(value):
            self.fail(node, f"property '{name}' must be compared with a string, number or boolean",
                      "INVALID_VALUE_TYPE")

    def aggregate(self, node: AggregateCondition) -> None:
        if node.fn not in AGGREGATE_FNS:
            self.fail(node, f"unknown aggregate {node.fn!r} (use {', '.join(AGGREGATE_FNS)})", "INVALID_AGGREGATE")
            return
        if node.source not in rules.AGGREGATE_SOURCES:
            self.fail(node, f"cannot aggregate {node.source!r} (use orders, orders.total or events)",
                      "INVALID_AGGREGATE")
            return
        if node.fn == "count" and node.source == "orders.total":
            node.source = "orders"
        if node.property is not None and (node.source != "events" or not isinstance(node.property, str)
                                          or not node.property or len(node.property) > MAX_EVENT_TYPE):
            self.fail(node, "a property to aggregate applies to events only (as in 'sum of purchase.amount')",
                      "INVALID_AGGREGATE")
        if node.fn != "count" and node.source == "events" and node.property is None:
            kind = node.event_type if isinstance(node.event_type, str) and dsl.is_bare(node.event_type) else "purchase"
            self.fail(node, f"{node.fn} needs a number to aggregate: use '{node.fn} of orders.total' or "
                            f"'{node.fn} of {kind}.amount' (a numeric event property)", "INVALID_AGGREGATE")
        elif node.fn != "count" and node.source == "orders":
            self.fail(node, f"{node.fn} needs a number to aggregate: use '{node.fn} of orders.total'",
                      "INVALID_AGGREGATE")
        if node.source == "events":
            self.event_type(node, node.event_type)
            self.filters(node, node.where)
        elif node.event_type is not None or node.where:
            self.fail(node, "event types and property filters apply to events only", "INVALID_AGGREGATE")
        if node.op not in COMPARE_OPS:
            self.fail(node, f"unknown comparison {node.op!r}", "INVALID_OPERATOR")
        if not _is_number(node.value):
            self.fail(node, f"{node.fn} of {node.source} is compared with a number", "INVALID_VALUE_TYPE")
        self.window(node, node.window)

    def event(self, node: EventCondition) -> None:
        if node.quantifier not in rules.QUANTIFIERS:
            self.fail(node, f"expected any, no or last (got {node.quantifier!r})", "INVALID_CONDITION")
            return
        self.event_type(node, node.event_type)
        self.filters(node, node.where)
        self.window(node, node.window)
        if node.since is not None:
            self.event_type(node, node.since, "event type after 'since that'")
            if node.quantifier != "no":
                self.fail(node, "'since that' applies to 'no event of type ...'", "INVALID_CONDITION")
            if node.window is not None:
                self.fail(node, "use either a time window or 'since that', not both", "INVALID_CONDITION")
        if node.quantifier == "last" and (node.where or node.window is None):
            kind = dsl.quote(node.event_type) if isinstance(node.event_type, str) else "'...'"
            self.fail(node, "'last event of type ...' takes a time window and no property filters; did you mean "
                            f"`last event of type {kind} within 30 days` or `any event of type {kind}"
                            f"{dsl.render_filters(node.where)}`?", "INVALID_CONDITION")

    def segment(self, node: SegmentCondition) -> None:
        name = node.name
        if name == self.self_name:
            self.fail(node, f"segment '{name}' refers back to itself", "SEGMENT_CYCLE")
            return
        found = self.ctx.segments.get(name)
        if found is None:
            self.fail(node, f"unknown segment '{name}'", "UNKNOWN_SEGMENT")
            return
        # A reference reads the segment's stored membership: its rule is not inlined or checked here
        # (it was checked when saved), only whether it leads back to this one.
        node.segment_id, node.kind, _ = found
        if self.self_name is not None and self._reaches(name, self.self_name):
            self.fail(node, f"segment '{name}' refers back to this segment", "SEGMENT_CYCLE")

    def _reaches(self, start: str, target: str) -> bool:
        """Whether `start`'s stored rule leads to `target` through references: each segment is
        visited once per check, so the cost grows with the number of references, not paths."""
        stack = [start]
        while stack:
            current = stack.pop()
            if current in self._visited:
                continue
            self._visited.add(current)
            found = self.ctx.segments.get(current)
            if found is None or current == target:
                continue
            names = referenced_names(found[2])
            if target in names:
                return True
            stack.extend(names)
        return False


def check(node: Node, ctx: catalog.CatalogContext, self_name: str | None = None) -> None:
    """Raise ValidationFailed with every problem of a parsed rule; resolves fields and references."""
    errors: list[FieldError] = []
    if rules.depth(node) > MAX_DEPTH:
        errors.append(error_at(node, f"rules nest at most {MAX_DEPTH} levels of AND / OR / NOT "
                                     f"(this one has {rules.depth(node)})", "DEPTH_EXCEEDED"))
    if len(rules.leaves(node)) > MAX_CONDITIONS:
        errors.append(error_at(node, f"at most {MAX_CONDITIONS} conditions per rule", "TOO_MANY_CONDITIONS"))
    checker = _Checker(ctx, self_name)
    checker.node(node)
    errors.extend(checker.errors)
    if errors:
        raise ValidationFailed(errors)


def parse_rule(
    rule_text: str | None, rule: Any, ctx: catalog.CatalogContext, self_name: str | None = None
) -> Node:
    """Text or JSON -> checked nodes. Exactly one of the two is expected."""
    if (rule_text is None) == (rule is None):
        raise ValidationFailed.one("ruleText", "give the rule either as ruleText or as rule (JSON)", "REQUIRED")
    node: Node | None
    if rule_text is not None:
        try:
            node = dsl.parse(rule_text)
        except dsl.DslError as exc:
            raise ValidationFailed.one("ruleText", str(exc), "SYNTAX_ERROR") from exc
    else:
        node, errors = rules.from_json(rule)
        if node is None:
            raise ValidationFailed(errors)
    check(node, ctx, self_name)
    return node
