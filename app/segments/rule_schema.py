"""The rule tree as a JSON Schema (draft 2020-12), for clients and language models that write rules.

It describes the shape of `rule` (docs/segments.md); the meaning (which fields exist, which operators
a field takes, values of the right type) is checked by `app.segments.validate`, which every rule goes
through whatever wrote it.
"""

from __future__ import annotations

from typing import Any

from app.segments.rules import AGGREGATE_FNS, FIELD_OPS, QUANTIFIERS
from app.segments.timeutil import CALENDAR_WORDS, UNITS

COMPARISONS = ("=", "!=", ">", ">=", "<", "<=")
FILTER_OPS = ("=", "!=", ">", ">=", "<", "<=", "between", "in", "not in", "contains", "not contains",
              "is set", "is not set")


def _node_ref() -> dict[str, str]:
    return {"$ref": "#/$defs/node"}


def _object(properties: dict[str, Any], required: list[str], description: str) -> dict[str, Any]:
    return {"type": "object", "description": description, "properties": properties, "required": required,
            "additionalProperties": False}


def rule_schema() -> dict[str, Any]:
    """The schema of one rule node (the `rule` of a segment)."""
    duration = _object({"amount": {"type": "integer", "minimum": 1},
                        "unit": {"enum": list(UNITS)}}, ["amount", "unit"], "a relative window: the last N units")
    period = {"type": "string", "description": "a day (2026-03-01), a month (2026-03) or one of: "
                                               + ", ".join(CALENDAR_WORDS)}
    value = {"description": "a string, number, boolean, list of those, duration object or period",
             "anyOf": [{"type": "string"}, {"type": "number"}, {"type": "boolean"},
                       {"type": "array", "items": {"type": ["string", "number"]}}, {"$ref": "#/$defs/duration"}]}
    field_condition = _object({"field": {"type": "string", "description": "a field of the catalog"},
                               "op": {"enum": list(FIELD_OPS)}, "value": value},
                              ["field", "op"], "a field compared with a value (no value for is set / is not set)")
    filter_ = _object({"property": {"type": "string"}, "op": {"enum": list(FILTER_OPS)}, "value": value},
                      ["property", "op"], "a filter on an event's JSON properties")
    filters = {"type": "array", "items": {"$ref": "#/$defs/filter"}, "maxItems": 20}
    aggregate = _object({
        "aggregate": {"enum": list(AGGREGATE_FNS)},
        "of": {"type": "string", "description": "orders, orders.total or events"},
        "type": {"type": "string", "description": "the event type (with of = events)"},
        "property": {"type": "string", "description": "a numeric event property to sum/avg/min/max"},
        "where": filters, "within": {"$ref": "#/$defs/duration"}, "during": period,
        "op": {"enum": list(COMPARISONS)}, "value": {"type": "number"},
    }, ["aggregate", "of", "op", "value"], "count/sum/avg/min/max of orders or events, compared with a number")
    event = _object({
        "event": {"enum": list(QUANTIFIERS)}, "type": {"type": "string", "description": "the event type"},
        "where": filters, "within": {"$ref": "#/$defs/duration"}, "during": period,
        "since": {"type": "string", "description": "with event = no: no such event since the latest event of this "
                                                   "type"},
    }, ["event", "type"], "any / no / last event of a type, with filters and a window")
    records = _object({"records": {"enum": ["subscription"]}, "quantifier": {"enum": ["any", "no"]},
                       "where": {"type": "array", "items": {"$ref": "#/$defs/field"}, "minItems": 1}},
                      ["records", "quantifier", "where"], "one subscription meeting every condition")
    in_segment = _object({"inSegment": {"type": "string"}}, ["inSegment"], "member of the segment with this name")
    groups = [_object({op: {"type": "array", "items": _node_ref(), "minItems": 2}}, [op],
                      f"{op.upper()} of conditions") for op in ("and", "or")]
    negation = _object({"not": _node_ref()}, ["not"], "NOT of a condition")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": "#/$defs/node",
        "$defs": {
            "node": {"anyOf": [*groups, negation, {"$ref": "#/$defs/field"}, aggregate, event, records,
                               in_segment]},
            "field": field_condition, "filter": filter_, "duration": duration,
        },
    }
