"""The rule DSL: a small tokenizer and recursive-descent parser (text -> nodes) and the renderer back.

    lifecycleStage in (engaged, converted, loyal)
    AND last event of type 'cart_abandoned' within 24 hours
    AND no event of type 'purchase' since that cart_abandoned

AND binds tighter than OR; parentheses group; NOT applies to the next condition or group.
Keywords are case-insensitive. Strings take single (or double) quotes, '' escapes a quote.
Rendering is canonical: a rule longer than one line (120 characters) puts each top-level
operand on its own line, so the texts merchants write in that style round-trip exactly.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.segments.catalog import collection, static_field
from app.segments.rules import (
    AGGREGATE_FNS,
    AggregateCondition,
    EventCondition,
    FieldCondition,
    Group,
    Node,
    Not,
    PropertyFilter,
    RecordCondition,
    SegmentCondition,
    Window,
)
from app.segments.timeutil import CALENDAR_WORDS, UNIT_ALIASES

LINE_WIDTH = 120
MAX_TEXT = 20_000
MAX_NESTING = 32

# Digits are ASCII [0-9]: `\d` (and int()) also take other scripts' digits, which no rule means.
_TOKEN_RE = re.compile(
    r"""
    (?P<ws>[ \t\r]+|\n)
  | (?P<string>'(?:[^']|'')*'|"(?:[^"]|"")*")
  | (?P<date>[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?(?![\w.]))
  | (?P<number>-?[0-9]+(?:\.[0-9]+)?(?![\w]))
  | (?P<op>!=|<>|>=|<=|=|>|<)
  | (?P<punct>[(),])
  | (?P<word>[A-Za-z_][A-Za-z0-9_.\-]*)
    """,
    re.VERBOSE,
)
_BARE_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_KEYWORDS = {"and", "or", "not", "in", "true", "false"}


class DslError(Exception):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(f"line {line}, column {column}: {message}")
        self.message = message
        self.line = line
        self.column = column


@dataclass
class Token:
    kind: str  # string, date, number, op, punct, word, end
    text: str
    line: int
    column: int

    @property
    def word(self) -> str:
        return self.text.lower() if self.kind == "word" else ""

    def describe(self) -> str:
        return "end of rule" if self.kind == "end" else repr(self.text)


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    line, line_start, index = 1, 0, 0
    while index < len(text):
        match = _TOKEN_RE.match(text, index)
        column = index - line_start + 1
        if match is None:
            raise DslError(f"unexpected character {text[index]!r}", line, column)
        kind = match.lastgroup or ""
        value = match.group()
        if kind == "ws":
            if value == "\n":
                line, line_start = line + 1, match.end()
        else:
            tokens.append(Token(kind, value, line, column))
            line += value.count("\n")
            if "\n" in value:
                line_start = index + value.rindex("\n") + 1
        index = match.end()
    tokens.append(Token("end", "", line, index - line_start + 1))
    return tokens


class _Parser:
    def __init__(self, tokens: list[Token], text: str = "") -> None:
        self.tokens = tokens
        self.index = 0
        self.depth = 0
        self.text = text
        self._offsets = _line_offsets(text)

    # -- helpers
    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def peek(self, offset: int = 1) -> Token:
        return self.tokens[min(self.index + offset, len(self.tokens) - 1)]

    def advance(self) -> Token:
        token = self.current
        self.index = min(self.index + 1, len(self.tokens) - 1)
        return token

    def fail(self, expected: str, token: Token | None = None, suggestion: str | None = None) -> DslError:
        token = token or self.current
        message = f"expected {expected}, found {token.describe()}"
        if suggestion and suggestion.strip() != self.text.strip():
            message += f"; did you mean `{' '.join(suggestion.split())}`?"
        return DslError(message, token.line, token.column)

    def offset(self, token: Token) -> int:
        return self._offsets[token.line - 1] + token.column - 1 if token.kind != "end" else len(self.text)

    def insert_before(self, token: Token, text: str) -> str:
        """The whole rule with `text` inserted before `token` (for a "did you mean" hint)."""
        at = self.offset(token)
        if token.kind == "end":
            return self.text.rstrip() + " " + text
        return self.text[:at] + text + " " + self.text[at:]

    def replace_token(self, token: Token, text: str) -> str:
        at = self.offset(token)
        return self.text[:at] + text + self.text[at + len(token.text):]

    def at_word(self, *words: str) -> bool:
        return self.current.word in words

    def expect_word(self, *words: str, suggestion: str | None = None) -> Token:
        if not self.at_word(*words):
            raise self.fail(" or ".join(repr(w) for w in words), suggestion=suggestion)
        return self.advance()

    def expect_punct(self, char: str) -> Token:
        if self.current.kind != "punct" or self.current.text != char:
            raise self.fail(repr(char))
        return self.advance()

    # -- grammar
    def rule(self) -> Node:
        if self.current.kind == "end":
            raise self.fail("a condition")
        node = self.or_expr()
        if self.current.kind != "end":
            raise self.fail("AND, OR or end of rule")
        return node

    def or_expr(self) -> Node:
        start = self.current
        items = [self.and_expr()]
        while self.at_word("or"):
            self.advance()
            items.append(self.and_expr())
        return items[0] if len(items) == 1 else Group("or", items, pos=(start.line, start.column))

    def and_expr(self) -> Node:
        start = self.current
        items = [self.unary()]
        while self.at_word("and"):
            self.advance()
            items.append(self.unary())
        return items[0] if len(items) == 1 else Group("and", items, pos=(start.line, start.column))

    def unary(self) -> Node:
        token = self.current
        if token.word == "not" or (token.kind == "punct" and token.text == "("):
            self.depth += 1  # bounded: thousands of '(' or NOT would exhaust Python's recursion
            if self.depth > MAX_NESTING:
                raise DslError(f"rule is nested too deeply (at most {MAX_NESTING} levels of NOT and parentheses)",
                               token.line, token.column)
            try:
                return self._nested(token)
            finally:
                self.depth -= 1
        return self.condition()

    def _nested(self, token: Token) -> Node:
        self.advance()
        if token.word == "not":
            return Not(self.unary(), pos=(token.line, token.column))
        node = self.or_expr()
        self.expect_punct(")")
        if isinstance(node, Group):
            node.pos = (token.line, token.column)
        return node

    def condition(self) -> Node:
        token = self.current
        pos = (token.line, token.column)
        if token.kind != "word":
            raise self.fail("a field, an aggregate, an event condition or 'in segment'")
        if token.word in AGGREGATE_FNS and self.peek().word == "of":
            return self.aggregate(pos)
        if token.word in ("any", "no", "last") and self.peek().word == "event":
            return self.event(pos)
        if token.word in ("any", "no") and collection(self.peek().word) is not None:
            return self.records(pos)
        if token.word == "in" and self.peek().word == "segment":
            self.advance()
            self.advance()
            if self.current.kind != "string":
                raise self.fail("a quoted segment name")
            return SegmentCondition(_unquote(self.advance().text), pos=pos)
        if token.word in _KEYWORDS:
            raise self.fail("a field name")
        self.advance()
        return self.field_condition(token.text, pos)

    def at_period(self) -> bool:
        token = self.current
        return token.kind == "date" or token.word in ("today", "yesterday") or (
            token.word in ("this", "last") and self.peek().word in ("week", "month", "year"))

    def field_condition(self, name: str, pos: tuple[int, int]) -> FieldCondition:
        token = self.current
        if token.kind == "op":
            self.advance()
            op = "!=" if token.text == "<>" else token.text
            # `createdAt >= last month`: a comparison of a date with a period (see validate)
            value = self.period() if self.at_period() else self.value()
            return FieldCondition(name, op, value, pos=pos)
        word = token.word
        if word == "not":
            self.advance()
            nxt = self.expect_word("in", "contains", "within")
            word = "not " + nxt.word
        else:
            if word in ("starts", "ends"):
                self.advance()
                self.expect_word("with")
                return FieldCondition(name, f"{word} with", self.value(), pos=pos)
            if word == "is":
                self.advance()
                negated = self.at_word("not")
                if negated:
                    self.advance()
                if not self.at_word("set"):  # `country is 'GB'` means `country = 'GB'`
                    hint = None
                    if self.current.kind != "end":
                        start, at = self.offset(token), self.offset(self.current)
                        hint = self.text[:start] + ("!= " if negated else "= ") + self.text[at:]
                    raise self.fail("'set' (as in 'is set' / 'is not set')", suggestion=hint)
                self.advance()
                return FieldCondition(name, "is not set" if negated else "is set", None, pos=pos)
            if word not in ("in", "contains", "within", "before", "after", "between", "during"):
                synonyms = {"equals": "=", "is": "=", "eq": "=", "gt": ">", "lt": "<", "has": "contains",
                            "include": "contains", "includes": "contains", "since": "after"}
                hint = self.replace_token(token, synonyms[word]) if word in synonyms else None
                raise self.fail("an operator (=, !=, >, <, in, contains, within, before, after, ...)",
                                suggestion=hint)
            self.advance()
        if word in ("in", "not in"):
            return FieldCondition(name, word, self.value_list(), pos=pos)
        if word in ("contains", "not contains"):
            return FieldCondition(name, word, self.value(), pos=pos)
        if word in ("within", "not within"):
            amount, unit = self.duration()
            return FieldCondition(name, word, {"amount": amount, "unit": unit}, pos=pos)
        if word == "between":
            if self.current.kind == "number":  # totalSpent between 10 and 100
                low = self.value()
                self.expect_word("and")
                return FieldCondition(name, word, [low, self.value()], pos=pos)
            first = self.period()
            self.expect_word("and")
            return FieldCondition(name, word, [first, self.period()], pos=pos)
        return FieldCondition(name, word, self.period(), pos=pos)

    def value(self) -> Any:
        token = self.current
        if token.kind == "string":
            self.advance()
            return _unquote(token.text)
        if token.kind == "number":
            self.advance()
            return _number(token.text)
        if token.kind == "date":
            self.advance()
            return token.text
        if token.kind == "word" and token.word not in ("and", "or"):
            self.advance()
            if token.word in ("true", "false"):
                return token.word == "true"
            return token.text
        raise self.fail("a value")

    def value_list(self) -> list[Any]:
        self.expect_punct("(")
        values = [self.value()]
        while self.current.kind == "punct" and self.current.text == ",":
            self.advance()
            values.append(self.value())
        self.expect_punct(")")
        return values

    def duration(self) -> tuple[int, str]:
        token = self.current
        if token.kind != "number" or not token.text.isdigit():
            raise self.fail("a whole number (as in 'within 30 days')",
                            suggestion=self.insert_before(token, "30 days") if token.kind == "end" else None)
        self.advance()
        unit = self.current
        if unit.word not in UNIT_ALIASES:
            plural = sorted(set(UNIT_ALIASES.values()))
            close = difflib.get_close_matches(unit.word or unit.text.lower(), plural, n=1, cutoff=0.5)
            hint = (self.replace_token(unit, close[0]) if close and unit.kind == "word"
                    else self.insert_before(unit, "days"))
            raise self.fail("minutes, hours, days, weeks, months or years", suggestion=hint)
        self.advance()
        return int(token.text), UNIT_ALIASES[unit.word]

    def period(self) -> str:
        token = self.current
        if token.kind == "date":
            self.advance()
            return token.text
        if token.kind == "string":
            self.advance()
            return _unquote(token.text)
        if token.word in ("today", "yesterday"):
            self.advance()
            return token.word
        if token.word in ("this", "last") and self.peek().word in ("week", "month", "year"):
            self.advance()
            return f"{token.word} {self.advance().word}"
        hint = None
        if token.word in ("this", "last"):
            close = difflib.get_close_matches(self.peek().word, ["week", "month", "year"], n=1, cutoff=0.3)
            hint = self.replace_token(self.peek(), close[0]) if close and self.peek().kind == "word" else None
        raise self.fail("a date (2026-03-01), a month (2026-03) or " + ", ".join(CALENDAR_WORDS), suggestion=hint)

    def event_type(self) -> str:
        if not self.at_word("of"):
            raise self.fail("'of type'", suggestion=self.insert_before(self.current, "of type"))
        self.advance()
        self.expect_word("type", suggestion=self.insert_before(self.current, "type"))
        token = self.current
        if token.kind == "string" or (token.kind == "word" and token.word not in _KEYWORDS):
            self.advance()
            return _unquote(token.text) if token.kind == "string" else token.text
        raise self.fail("an event type")

    def filters(self) -> list[PropertyFilter]:
        if not self.at_word("has"):
            return []
        self.advance()
        filters = [self.property_filter()]
        while self.current.kind == "punct" and self.current.text == ",":
            self.advance()
            filters.append(self.property_filter())
        return filters

    def property_filter(self) -> PropertyFilter:
        token = self.current
        if token.kind not in ("word", "string"):
            raise self.fail("an event property name")
        self.advance()
        name = _unquote(token.text) if token.kind == "string" else token.text
        op = self.current
        if op.kind == "op":
            self.advance()
            return PropertyFilter(name, "!=" if op.text == "<>" else op.text, self.value())
        word = op.word
        if word == "not":
            self.advance()
            word = "not " + self.expect_word("in", "contains").word
        elif word in ("in", "contains", "between", "is"):
            self.advance()
        else:
            raise self.fail("a property comparison (=, !=, >, >=, <, <=, between, in, not in, contains, is set)")
        if word in ("in", "not in"):
            return PropertyFilter(name, word, self.value_list())
        if word == "between":
            low = self.value()
            self.expect_word("and")
            return PropertyFilter(name, word, [low, self.value()])
        if word == "is":
            negated = self.at_word("not")
            if negated:
                self.advance()
            self.expect_word("set")
            return PropertyFilter(name, "is not set" if negated else "is set", None)
        return PropertyFilter(name, word, self.value())

    def window(self) -> Window | None:
        if self.at_word("within"):
            self.advance()
            amount, unit = self.duration()
            return Window(amount=amount, unit=unit)
        if self.at_word("during"):
            self.advance()
            return Window(during=self.period())
        return None

    def filters_and_window(self) -> tuple[list[PropertyFilter], Window | None]:
        """`has ...` and a window, in either order (`within 14 days has device = 'tablet'`)."""
        where, window = self.filters(), self.window()
        if window is not None and not where:
            where = self.filters()
        return where, window

    def aggregate(self, pos: tuple[int, int]) -> AggregateCondition:
        fn = self.advance().word
        self.expect_word("of")
        source_token = self.current
        prop: str | None = None
        if source_token.word == "events":
            self.advance()
            source, event_type = "events", self.event_type()
        elif source_token.word in ("orders", "orders.total"):
            self.advance()
            source, event_type = source_token.word, None
        elif source_token.kind in ("word", "string") and self.peek().word == "of":
            # sum of amount of events of type 'purchase'
            self.advance()
            prop = _unquote(source_token.text)
            self.advance()
            self.expect_word("events")
            source, event_type = "events", self.event_type()
        elif source_token.kind == "word" and "." in source_token.text.strip("."):
            # sum of purchase.amount: the event type, then the property after the last dot
            self.advance()
            event_type, _, prop = source_token.text.rpartition(".")
            source = "events"
        else:
            raise self.fail("orders, orders.total, events of type '...' or <event type>.<property>")
        where: list[PropertyFilter] = []
        window = None
        if source == "events":
            where, window = self.filters_and_window()
        else:
            window = self.window()
        op = self.current
        if op.kind != "op":
            raise self.fail("a comparison (=, !=, >, >=, <, <=)")
        self.advance()
        value_token = self.current
        if value_token.kind != "number":
            raise self.fail("a number")
        self.advance()
        if window is None:  # count of events of type 'search' >= 5 within 7 days
            window = self.window()
        return AggregateCondition(
            fn=fn, source=source, op="!=" if op.text == "<>" else op.text, value=_number(value_token.text),
            event_type=event_type, where=where, window=window, pos=pos, property=prop,
        )

    _OPERATOR_STARTS = ("in", "not", "contains", "is", "within", "before", "after", "between", "during", "starts",
                        "ends")

    def records(self, pos: tuple[int, int]) -> RecordCondition:
        """`any subscription has status = 'active', interval = 'month'`; `and` also joins two record
        conditions when the word after it is one of the record's attributes (`... and interval = 'month'`)."""
        quantifier = self.advance().word
        name = self.advance().word
        found = collection(name)
        attributes = set(found.attributes) if found else set()
        self.expect_word("has", suggestion=self.insert_before(self.current, "has status = 'active'")
                         if self.current.kind == "end" else None)
        where = [self.record_condition(attributes)]
        while self.joins_record_condition(attributes):
            self.advance()
            where.append(self.record_condition(attributes))
        return RecordCondition(quantifier, name, where, pos=pos)

    def joins_record_condition(self, attributes: set[str]) -> bool:
        if self.current.kind == "punct" and self.current.text == ",":
            return True
        return (self.at_word("and") and self.peek().text in attributes
                and (self.peek(2).kind == "op" or self.peek(2).word in self._OPERATOR_STARTS))

    def record_condition(self, attributes: set[str]) -> FieldCondition:
        token = self.current
        if token.kind != "word" or token.word in _KEYWORDS:
            raise self.fail(f"one of {', '.join(sorted(attributes))}")
        self.advance()
        return self.field_condition(token.text, (token.line, token.column))

    def event(self, pos: tuple[int, int]) -> EventCondition:
        quantifier = self.advance().word
        self.expect_word("event")
        event_type = self.event_type()
        where, window = self.filters_and_window()
        since = None
        if window is None and self.at_word("since"):
            self.advance()
            self.expect_word("that")
            token = self.current
            if token.kind not in ("word", "string") or token.word in _KEYWORDS:
                raise self.fail("an event type (as in 'since that cart_abandoned')")
            self.advance()
            since = _unquote(token.text) if token.kind == "string" else token.text
        return EventCondition(quantifier, event_type, where=where, window=window, since=since, pos=pos)


def _line_offsets(text: str) -> list[int]:
    offsets = [0]
    for index, char in enumerate(text):
        if char == "\n":
            offsets.append(index + 1)
    return offsets


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] in "'\"" and text[-1] == text[0]:
        quote = text[0]
        return text[1:-1].replace(quote * 2, quote)
    return text


def _number(text: str) -> int | float:
    return int(text) if re.fullmatch(r"-?[0-9]+", text) else float(text)


def parse(text: str) -> Node:
    """Text -> nodes; raises DslError with line and column."""
    if len(text) > MAX_TEXT:
        raise DslError(f"rule text is longer than {MAX_TEXT} characters", 1, 1)
    return _Parser(tokenize(text), text).rule()


# ---------------------------------------------------------------- nodes -> text


def quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def render_value(value: Any, bare: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        text = format(Decimal(str(value)).normalize(), "f")
        return text
    if isinstance(value, str):
        if bare and _BARE_RE.match(value) and value.lower() not in _KEYWORDS:
            return value
        return quote(value)
    return quote(str(value))


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _period(value: Any) -> str:
    if isinstance(value, str) and (value in CALENDAR_WORDS or re.fullmatch(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?", value)):
        return value
    return render_value(value)


def _duration(value: dict[str, Any]) -> str:
    amount, unit = value.get("amount"), str(value.get("unit"))
    return f"{amount} {unit[:-1] if amount == 1 and unit.endswith('s') else unit}"


def _window(window: Window | None) -> str:
    if window is None:
        return ""
    if window.during is not None:
        return f" during {_period(window.during)}"
    return f" within {_duration({'amount': window.amount, 'unit': window.unit})}"


def is_bare(text: str) -> bool:
    return bool(_BARE_RE.match(text))


def render_filters(filters: list[PropertyFilter]) -> str:
    return _filters(filters)


def _filters(filters: list[PropertyFilter]) -> str:
    if not filters:
        return ""
    return " has " + ", ".join(_filter(f) for f in filters)


def _filter(f: PropertyFilter) -> str:
    name = f.property if _BARE_RE.match(f.property) else quote(f.property)
    if f.op in ("is set", "is not set"):
        return f"{name} {f.op}"
    if f.op in ("in", "not in"):
        values = f.value if isinstance(f.value, list) else [f.value]
        return f"{name} {f.op} (" + ", ".join(render_value(v) for v in values) + ")"
    if f.op == "between" and isinstance(f.value, list) and len(f.value) == 2:
        return f"{name} between {render_value(f.value[0])} and {render_value(f.value[1])}"
    return f"{name} {f.op} {render_value(f.value)}"


def _event_type(name: str) -> str:
    return quote(name)


def _leaf(node: Node) -> str:
    if isinstance(node, FieldCondition):
        spec = static_field(node.field)
        bare = spec is not None and spec.type == "enum"
        op = node.op
        if op in ("is set", "is not set"):
            return f"{node.field} {op}"
        if op in ("in", "not in"):
            values = node.value if isinstance(node.value, list) else [node.value]
            return f"{node.field} {op} (" + ", ".join(render_value(v, bare) for v in values) + ")"
        if op in ("within", "not within"):
            return f"{node.field} {op} {_duration(node.value if isinstance(node.value, dict) else {})}"
        if op in ("before", "after", "during"):
            return f"{node.field} {op} {_period(node.value)}"
        if op == "between":
            first, last = [*node.value, None, None][:2] if isinstance(node.value, list) else (None, None)
            if _is_number(first):
                return f"{node.field} between {render_value(first)} and {render_value(last)}"
            return f"{node.field} between {_period(first)} and {_period(last)}"
        if op in (">", ">=", "<", "<=") and isinstance(node.value, str) and (
                node.value in CALENDAR_WORDS or re.fullmatch(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?", node.value)):
            return f"{node.field} {op} {_period(node.value)}"
        return f"{node.field} {op} {render_value(node.value)}"
    if isinstance(node, AggregateCondition):
        source = node.source
        if source == "events":
            source = f"events of type {_event_type(node.event_type or '')}"
            if node.property is not None:
                event_type = node.event_type or ""
                if (_BARE_RE.match(event_type) and _BARE_RE.match(node.property) and event_type != "orders"
                        and event_type.lower() not in ("events", "orders")):
                    source = f"{event_type}.{node.property}"
                else:
                    prop = node.property if _BARE_RE.match(node.property) else quote(node.property)
                    source = f"{prop} of {source}"
        return (
            f"{node.fn} of {source}{_filters(node.where)}{_window(node.window)} {node.op} "
            f"{render_value(node.value)}"
        )
    if isinstance(node, EventCondition):
        text = f"{node.quantifier} event of type {_event_type(node.event_type)}{_filters(node.where)}"
        text += _window(node.window)
        if node.since is not None:
            since = node.since if _BARE_RE.match(node.since) else quote(node.since)
            text += f" since that {since}"
        return text
    if isinstance(node, SegmentCondition):
        return f"in segment {quote(node.name)}"
    if isinstance(node, RecordCondition):
        return f"{node.quantifier} {node.collection} has " + ", ".join(_leaf(c) for c in node.where)
    raise TypeError(node)


def _inline(node: Node, parent: str | None) -> str:
    if isinstance(node, Group):
        text = f" {node.op.upper()} ".join(_inline(i, node.op) for i in node.items)
        return f"({text})" if parent is not None else text
    if isinstance(node, Not):
        return f"NOT ({_inline(node.item, None)})"
    return _leaf(node)


def render(node: Node) -> str:
    """Nodes -> canonical text."""
    text = _inline(node, None)
    if isinstance(node, Group) and len(text) > LINE_WIDTH:
        return f"\n{node.op.upper()} ".join(_inline(i, node.op) for i in node.items)
    return text
