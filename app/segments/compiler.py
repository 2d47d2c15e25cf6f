"""Rule -> one parameterized PostgreSQL statement over the team's contacts and their computed properties.

The same compiled rule serves full recompute, preview, explain and the incremental path (a set of
contact ids): `c` is team_contacts, `s` its contact_stats row, `e<n>` per-event-type stats joined
for the types the rule names, `agg<n>` CTEs for windowed or filtered aggregates. Every value is a
`$n` parameter. A condition is true or false, never unknown: where a NULL could flip under NOT,
the leaf is wrapped so that SQL and the reference evaluator (`evaluator.py`) agree.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from app.segments import rules
from app.segments.catalog import PAID_ORDER_STATUSES, FieldSpec, collection
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

# segment id -> (contacts who would join, contacts who would leave): a referenced segment's what-if.
Memberships = dict[int, tuple[list[int], list[int]]]

_COLUMN = re.compile(r"^[a-z][a-z0-9_]*\.[a-z_][a-z0-9_]*$")
_STATS_ALIAS = re.compile(r"(?<![\w.$])s\.")  # a reference to the contact_stats row `s`
_SQL_OPS = {"=": "=", "!=": "<>", ">": ">", ">=": ">=", "<": "<", "<=": "<="}


def json_text(value: Any) -> str | None:
    """What PostgreSQL's `->>` gives for a JSON value (so SQL and Python compare the same text)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return json.dumps(value)
    return json.dumps(value, separators=(", ", ": "))


def literal(spec_type: str, value: Any) -> Any:
    """A rule value as the parameter compared with the field (money: major units -> minor units)."""
    if spec_type == "money":
        return Decimal(str(value)) * 100
    if spec_type == "number":
        return Decimal(str(value))
    return value


_CASTS = {"string": "text", "enum": "text", "tags": "text", "number": "numeric", "money": "numeric",
          "boolean": "boolean", "date": "timestamptz"}


_ZERO_DEFAULT = re.compile(r"^COALESCE\(([a-z][a-z0-9_]*\.[a-z_][a-z0-9_]*), 0\)$")


def _unless_zero_matches(x: str, op: str, target: Decimal) -> str:
    """`COALESCE(col, 0)` (a computed property a contact may have no row for) as the bare column when
    0 fails the comparison anyway (`totalSpent > 250`): the leaf is then NULL instead of false for a
    contact without the row, which the caller marks nullable (so NOT wraps it), and a strict
    condition on the joined row lets PostgreSQL turn the LEFT JOIN into a join it can start from
    either side, instead of scanning every contact's row."""
    found = _ZERO_DEFAULT.match(x)
    zero = Decimal(0)
    passes = {"=": zero == target, "!=": zero != target, ">": zero > target, ">=": zero >= target,
              "<": zero < target, "<=": zero <= target}[op]
    return found.group(1) if found and not passes else x


@dataclass
class LeafSql:
    predicate: str
    value: str | None


@dataclass
class CompiledRule:
    where: str
    params: list[Any]
    ctes: list[str] = field(default_factory=list)
    joins: list[str] = field(default_factory=list)
    leaf_sql: dict[int, LeafSql] = field(default_factory=dict)
    restricted: bool = False

    def param(self, value: Any, cast: str) -> str:
        self.params.append(value)
        return f"${len(self.params)}::{cast}"

    def restrict(self, column: str) -> str:
        """In the restricted form, the contact list on a joined table's contact column too: PostgreSQL
        does not carry `c.id = ANY(...)` across the join, and without it a batch of a few hundred
        contacts hash-joins a whole-team scan of the computed properties (once per woken segment)."""
        return f" AND {column} = ANY($2::bigint[])" if self.restricted else ""

    def cte_prefix(self) -> str:
        return ", ".join(self.ctes)

    def select(self, columns: str, tail: str = "", include_rule: bool = True) -> str:
        """`SELECT columns FROM ... WHERE <team> AND <rule>`, without the WITH clause."""
        restrict = " AND c.id = ANY($2::bigint[])" if self.restricted else ""
        where = f" AND ({self.where})" if include_rule else ""
        joins = "".join(f"\n  {j}" for j in self.joins)
        # contact_stats only when something reads it: PostgreSQL drops an unused LEFT JOIN on a
        # unique key in a plain SELECT, but not once the statement is the recompute's FULL JOIN diff,
        # where it cost a scan and hash of every contact's stats.
        if _STATS_ALIAS.search(" ".join((columns, tail, self.where if include_rule else "", joins,
                                         *self.ctes))):
            joins = (f"\n  LEFT JOIN contact_stats s ON s.team_contact_id = c.id AND s.team_id = $1::bigint"
                     f"{self.restrict('s.team_contact_id')}{joins}")
        return f"SELECT {columns} FROM team_contacts c{joins}\n WHERE c.team_id = $1::bigint{restrict}{where}{tail}"

    def statement(self, columns: str, tail: str = "", include_rule: bool = True) -> str:
        prefix = f"WITH {self.cte_prefix()}\n" if self.ctes else ""
        return prefix + self.select(columns, tail, include_rule)


class SqlBuilder:
    """Collects parameters, joins and CTEs while compiling; field SQL callables use `param`/`event_stats`."""

    def __init__(self, team_id: int, tz: ZoneInfo, now: datetime, contact_ids: list[int] | None,
                 memberships: Memberships | None = None) -> None:
        self.out = CompiledRule(where="", params=[team_id], restricted=contact_ids is not None)
        self.memberships = memberships or {}
        if contact_ids is not None:
            self.out.params.append(list(contact_ids))
        self.tz = tz
        self.now = now
        self._event_aliases: dict[str, str] = {}
        self._tz_param: str | None = None

    def param(self, value: Any, cast: str) -> str:
        return self.out.param(value, cast)

    def tz_param(self) -> str:
        if self._tz_param is None:
            self._tz_param = self.param(self.tz.key, "text")
        return self._tz_param

    def event_stats(self, event_type: str) -> str:
        alias = self._event_aliases.get(event_type)
        if alias is None:
            alias = f"e{len(self._event_aliases) + 1}"
            self._event_aliases[event_type] = alias
            self.out.joins.append(
                f"LEFT JOIN contact_event_stats {alias} ON {alias}.team_contact_id = c.id"
                f" AND {alias}.team_id = $1::bigint AND {alias}.type = {self.param(event_type, 'text')}"
                + self.restrict(f"{alias}.team_contact_id")
            )
        return alias

    def aggregate_cte(self, body: str) -> str:
        alias = f"agg{len(self.out.ctes) + 1}"
        self.out.ctes.append(f"{alias} AS ({body})")
        self.out.joins.append(f"LEFT JOIN {alias} ON {alias}.team_contact_id = c.id")
        return alias

    def restrict(self, column: str) -> str:
        return self.out.restrict(column)

    # -- time
    def window_sql(self, column: str, window: Window) -> str:
        if window.during is not None:
            start, end = period_range(window.during, self.now, self.tz)
            return f"{column} >= {self.param(start, 'timestamptz')} AND {column} < {self.param(end, 'timestamptz')}"
        start = window_start(window.amount or 0, window.unit or "days", self.now, self.tz)
        return f"{column} >= {self.param(start, 'timestamptz')}"

    def filters_sql(self, filters: list[rules.PropertyFilter], alias: str = "ev") -> str:
        return "".join(f" AND {self.filter_sql(f, alias)}" for f in filters)

    def filter_sql(self, f: rules.PropertyFilter, alias: str = "ev") -> str:
        """A typed comparison of one event property: JSON numbers compare as numbers (50 = 50.0),
        strings as strings, booleans as booleans; a property of another type (or none) never
        matches the positive operator, and a negative operator is NOT of its positive twin."""
        positive = rules.NEGATIVE_OPS.get(f.op, f.op)
        sql = self._positive_filter(f.property, positive, f.value, alias)
        return f"NOT COALESCE(({sql}), false)" if f.op in rules.NEGATIVE_OPS else f"COALESCE(({sql}), false)"

    def _positive_filter(self, prop: str, op: str, value: Any, alias: str) -> str:
        key = self.param(prop, "text")
        raw, text = f"({alias}.properties -> {key})", f"({alias}.properties ->> {key})"
        if op == "is set":
            return f"jsonb_typeof({raw}) <> 'null'"
        if op == "in":
            return f"{raw} = ANY({self.param([json.dumps(v) for v in value], 'jsonb[]')})"
        if op == "=":
            return f"{raw} = {self.param(json.dumps(value), 'jsonb')}"
        if op == "contains":
            return (f"jsonb_typeof({raw}) = 'string' AND strpos(lower({text}), "
                    f"lower({self.param(value, 'text')})) > 0")
        if op == "between":
            low, high = value
            return (f"jsonb_typeof({raw}) = 'number' AND ({text})::numeric BETWEEN "
                    f"{self.param(Decimal(str(low)), 'numeric')} AND {self.param(Decimal(str(high)), 'numeric')}")
        sql_op = _SQL_OPS[op]
        if isinstance(value, str):  # strings order by code point, as Python does
            return f"jsonb_typeof({raw}) = 'string' AND {text} COLLATE \"C\" {sql_op} {self.param(value, 'text')}"
        return (f"jsonb_typeof({raw}) = 'number' AND ({text})::numeric {sql_op} "
                f"{self.param(Decimal(str(value)), 'numeric')}")

    # -- nodes
    def node(self, node: Node, negated: bool) -> str:
        if isinstance(node, rules.Group):
            joiner = " AND " if node.op == "and" else " OR "
            return "(" + joiner.join(self.node(i, negated) for i in node.items) + ")"
        if isinstance(node, rules.Not):
            return f"NOT {self.node(node.item, not negated)}"
        if isinstance(node, SegmentCondition):
            sql = self.segment(node)
            self.out.leaf_sql[id(node)] = LeafSql(sql, None)
            return sql
        if isinstance(node, FieldCondition):
            sql, nullable, value = self.field(node)
        elif isinstance(node, AggregateCondition):
            sql, nullable, value = self.aggregate(node)
        elif isinstance(node, RecordCondition):
            sql, nullable, value = self.records(node)
        else:
            sql, nullable, value = self.event(node)
        self.out.leaf_sql[id(node)] = LeafSql(sql, value)
        return f"COALESCE(({sql}), false)" if negated and nullable else f"({sql})"

    def segment(self, node: SegmentCondition) -> str:
        """The referenced segment's stored membership, whatever its kind: never its rule inlined, so
        a reference costs one index probe however deep the segments it is built on go."""
        stored = (f"EXISTS (SELECT 1 FROM segment_memberships sm WHERE sm.team_id = $1::bigint"
                  f" AND sm.team_contact_id = c.id AND sm.segment_id = {self.param(node.segment_id, 'bigint')})")
        override = self.memberships.get(node.segment_id or 0)
        if override is None:
            return stored
        # What-if of an edit to the referenced segment: its members as the edit would leave them.
        joins, leaves = override
        return (f"(c.id = ANY({self.param(joins, 'bigint[]')}) OR ({stored}"
                f" AND c.id <> ALL({self.param(leaves, 'bigint[]')})))")

    def field(self, node: FieldCondition) -> tuple[str, bool, str]:
        """A negative operator (`!=`, `not in`, `not contains`, `not within`, `is not set`) is NOT of
        its positive twin, so a missing value is in it, exactly as in `NOT (positive)`."""
        spec: FieldSpec = node.spec
        x = spec.sql_expression(self)
        # Tags (GIN index) and columns whose writer stores the normal form are compared as stored.
        if spec.case is not None and spec.type != "tags" and not spec.stored_normalised:
            x = f"{'lower' if spec.case == 'lower' else 'upper'}({x})"
        op = node.op
        if op == "not within" and _COLUMN.match(x):
            # NOT COALESCE((x >= since), false), written as a range the planner can read: ANDed with
            # `x within N` it becomes one index range (a BitmapOr) instead of a filter on every row.
            # Columns only: a subquery (hub activity) would run twice.
            since = self.param(window_start(node.value["amount"], node.value["unit"], self.now, self.tz),
                               "timestamptz")
            return f"({x} < {since} OR {x} IS NULL)", False, x
        positive = rules.NEGATIVE_OPS.get(op, op)
        sql, nullable, shown = self._positive_field(spec, x, positive, node.value)
        if op in rules.NEGATIVE_OPS:
            return (f"NOT COALESCE(({sql}), false)" if nullable else f"NOT ({sql})"), False, shown
        return sql, nullable, shown

    def _positive_field(self, spec: FieldSpec, x: str, op: str, value: Any) -> tuple[str, bool, str]:
        cast = _CASTS[spec.type]
        if op == "is set":
            return f"{x} IS NOT NULL", False, x
        if spec.type == "tags":  # contains: has this tag
            return f"{x} @> ARRAY[{self.param(value, 'text')}]", False, f"array_to_string({x}, ', ')"
        if spec.type == "date" and op in (">=", "<="):
            start, end = period_range(value, self.now, self.tz)
            if op == ">=":
                return f"{x} >= {self.param(start, 'timestamptz')}", True, x
            return f"{x} < {self.param(end, 'timestamptz')}", True, x
        if op in _SQL_OPS:
            target = literal(spec.type, value)
            column = _unless_zero_matches(x, op, target) if spec.type in ("number", "money") else x
            return f"{column} {_SQL_OPS[op]} {self.param(target, cast)}", True, x
        if op == "in":
            return f"{x} = ANY({self.param([literal(spec.type, v) for v in value], cast + '[]')})", True, x
        if op == "contains":
            return f"strpos(lower({x}), lower({self.param(value, 'text')})) > 0", True, x
        if op == "starts with":
            return f"starts_with(lower({x}), lower({self.param(value, 'text')}))", True, x
        if op == "ends with":
            p = self.param(value, "text")
            return f"right(lower({x}), char_length({p})) = lower({p})", True, x
        if op == "within":
            since = self.param(window_start(value["amount"], value["unit"], self.now, self.tz), "timestamptz")
            return f"{x} >= {since}", True, x
        if op == "before":
            start, _ = period_range(value, self.now, self.tz)
            return f"{x} < {self.param(start, 'timestamptz')}", True, x
        if op == "after":
            _, end = period_range(value, self.now, self.tz)
            return f"{x} >= {self.param(end, 'timestamptz')}", True, x
        if op == "between" and spec.type in ("number", "money"):
            low, high = (self.param(literal(spec.type, v), "numeric") for v in value)
            return f"{x} >= {low} AND {x} <= {high}", True, x
        first, last = (value, value) if op == "during" else (value[0], value[1])
        start, _ = period_range(first, self.now, self.tz)
        _, end = period_range(last, self.now, self.tz)
        return f"{x} >= {self.param(start, 'timestamptz')} AND {x} < {self.param(end, 'timestamptz')}", True, x

    def having(self, expression: str, node: AggregateCondition, op: str, target: str) -> str:
        """Keep only the contacts that satisfy the comparison in the aggregate itself, when that
        cannot change the leaf: a contact the HAVING drops then reads as having no rows, and no rows
        (count/sum 0; min/max/avg NULL, which is false even under NOT) must fail the comparison too.
        The join then carries the few matching contacts rather than every contact with a row.
        Only for whole-team statements: explain and the real-time path (restricted to a few
        contacts) keep every contact's value."""
        if self.out.restricted:
            return ""
        if node.fn in ("count", "sum"):
            zero = Decimal(0)
            value = literal("money" if node.source == "orders.total" else "number", node.value)
            if {"=": zero == value, "<>": zero != value, ">": zero > value, ">=": zero >= value,
                    "<": zero < value, "<=": zero <= value}[op]:
                return ""
        return f" HAVING {expression} {op} {target}"

    def records(self, node: RecordCondition) -> tuple[str, bool, str]:
        """EXISTS one record meeting every condition (each condition with the field semantics)."""
        found = collection(node.collection)
        assert found is not None  # checked by validation
        conditions = []
        for condition in node.where:
            sql, nullable, _ = self.field(condition)
            conditions.append(f"COALESCE(({sql}), false)" if nullable else f"({sql})")
        exists = f"EXISTS (SELECT 1 {found.rows_sql(self)} AND {' AND '.join(conditions)})"
        return (f"NOT {exists}" if node.quantifier == "no" else exists), False, "NULL"

    def aggregate(self, node: AggregateCondition) -> tuple[str, bool, str]:
        """`!=` is NOT of `=`, so an average of no orders is `!= 5` (and not `= 5`)."""
        positive = "=" if node.op == "!=" else node.op
        sql, nullable, shown = self._aggregate(node, positive)
        if node.op == "!=":
            return (f"NOT COALESCE(({sql}), false)" if nullable else f"NOT ({sql})"), False, shown
        return sql, nullable, shown

    def _aggregate(self, node: AggregateCondition, op_name: str) -> tuple[str, bool, str]:
        money = node.source == "orders.total"
        target = self.param(literal("money" if money else "number", node.value), "numeric")
        op = _SQL_OPS[op_name]
        if node.source == "events":
            if not node.where and node.window is None and node.property is None:
                alias = self.event_stats(node.event_type or "")
                x = f"COALESCE({alias}.count, 0)"
                column = _unless_zero_matches(x, op_name, literal("number", node.value))
                return f"{column} {op} {target}", column != x, x
            expression, numeric = "count(*)", ""
            if node.property is not None:
                # Only JSON numbers take part: an event without the property (or with text) is left out.
                key = self.param(node.property, "text")
                numeric = f" AND jsonb_typeof(ev.properties -> {key}) = 'number'"
                if node.fn != "count":
                    expression = f"{node.fn}((ev.properties ->> {key})::numeric)"
            body = (f"SELECT ev.team_contact_id, {expression} AS v FROM events ev WHERE ev.team_id = $1::bigint"
                    f" AND ev.type = {self.param(node.event_type, 'text')}{numeric}{self.filters_sql(node.where)}"
                    + (f" AND {self.window_sql('ev.occurred_at', node.window)}" if node.window else "")
                    + f"{self.restrict('ev.team_contact_id')} GROUP BY 1"
                    + self.having(expression, node, op, target))
            alias = self.aggregate_cte(body)
            if node.fn in ("count", "sum"):
                x = f"COALESCE({alias}.v, 0)"
                return f"{x} {op} {target}", False, x
            return f"{alias}.v {op} {target}", True, f"{alias}.v"
        if node.window is None and node.fn in ("count", "sum"):
            x = "COALESCE(s.order_count, 0)" if node.fn == "count" else "COALESCE(s.total_spent, 0)"
            column = _unless_zero_matches(x, op_name, literal("money" if money else "number", node.value))
            return f"{column} {op} {target}", column != x, x
        # Money an order counts for is what was kept: its total net of refunds (as totalSpent and ltv).
        expression = "count(*)" if node.fn == "count" else f"{node.fn}(o.total_amount - o.amount_refunded)"
        body = (f"SELECT o.team_contact_id, {expression} AS v FROM orders o WHERE o.team_id = $1::bigint"
                f" AND o.status = ANY({self.param(list(PAID_ORDER_STATUSES), 'text[]')})"
                + (f" AND {self.window_sql('o.placed_at', node.window)}" if node.window else "")
                + f"{self.restrict('o.team_contact_id')} GROUP BY 1"
                + self.having(expression, node, op, target))
        alias = self.aggregate_cte(body)
        if node.fn in ("count", "sum"):
            x = f"COALESCE({alias}.v, 0)"
            return f"{x} {op} {target}", False, x
        return f"{alias}.v {op} {target}", True, f"{alias}.v"

    def event(self, node: EventCondition) -> tuple[str, bool, str]:
        if node.since is not None:
            anchor = self.event_stats(node.since)
            if node.where:
                later = (f"NOT EXISTS (SELECT 1 FROM events ev WHERE ev.team_id = $1::bigint"
                         f" AND ev.team_contact_id = c.id AND ev.type = "
                         f"{self.param(node.event_type, 'text')}{self.filters_sql(node.where)}"
                         f" AND ev.occurred_at > {anchor}.last_at)")
            else:
                other = self.event_stats(node.event_type)
                later = f"({other}.last_at IS NULL OR {other}.last_at <= {anchor}.last_at)"
            return f"{anchor}.last_at IS NOT NULL AND {later}", False, f"{anchor}.last_at"
        if not node.where and (node.window is None or node.window.during is None):
            alias = self.event_stats(node.event_type)
            if node.window is None:
                present = f"{alias}.last_at IS NOT NULL"
                absent = f"{alias}.last_at IS NULL"
            else:
                start = self.param(window_start(node.window.amount or 0, node.window.unit or "days", self.now, self.tz),
                                   "timestamptz")
                present = f"{alias}.last_at >= {start}"
                absent = f"({alias}.last_at IS NULL OR {alias}.last_at < {start})"
            if node.quantifier == "no":
                return absent, False, f"{alias}.last_at"
            return present, node.window is not None, f"{alias}.last_at"
        window = f" AND {self.window_sql('ev.occurred_at', node.window)}" if node.window else ""
        exists = (f"EXISTS (SELECT 1 FROM events ev WHERE ev.team_id = $1::bigint AND ev.team_contact_id = c.id"
                  f" AND ev.type = "
                  f"{self.param(node.event_type, 'text')}{self.filters_sql(node.where)}{window})")
        return (f"NOT {exists}" if node.quantifier == "no" else exists), False, "NULL"


def compile_rule(
    node: Node, team_id: int, tz: ZoneInfo, now: datetime, contact_ids: list[int] | None = None,
    memberships: Memberships | None = None,
) -> CompiledRule:
    """Compile checked nodes (see `validate.parse_rule`). `contact_ids` limits the statement to them;
    `memberships` replaces referenced segments' stored members by (joins, leaves) for a what-if."""
    builder = SqlBuilder(team_id, tz, now, contact_ids, memberships)
    builder.out.where = builder.node(node, negated=False)
    return builder.out
