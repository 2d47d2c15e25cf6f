"""Untrusted text and JSON, checked once where they enter (GraphQL, the events endpoint, CSV imports).

PostgreSQL text cannot hold NUL, UTF-8 cannot encode a lone surrogate (what a JSON `"\\ud800"`
escape decodes to), JSON has no NaN or Infinity, and JSON nested thousands deep exhausts the
recursion of every encoder on the way to the database. Each of these used to end in an internal
error deep down; here each is a problem with a path (`input.name`, `properties.tags[2]`) that the
boundary reports as the caller's error before anything runs.
"""

from __future__ import annotations

import json
import math
from typing import Any

MAX_JSON_DEPTH = 32  # objects/arrays inside a JSON value (event properties, JSON arguments)


class BadValue(ValueError):
    """A value a boundary refuses; `path` names where it is (`""` for the value itself)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}" if path else problem)
        self.path = path
        self.problem = problem


def text_problem(value: str) -> str | None:
    """Why `value` cannot be stored as text, or None."""
    if "\x00" in value:
        return "must not contain NUL (\\u0000) characters"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "must be valid Unicode text (it contains a lone surrogate)"
    return None


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def check_value(value: Any, path: str = "", max_depth: int = MAX_JSON_DEPTH) -> None:
    """Raise `BadValue` for the first bad string (value or key), non-finite number, or nesting deeper
    than `max_depth` containers in a JSON-like value. Iterative, so any depth is safe to walk."""
    stack: list[tuple[Any, str, int]] = [(value, path, 0)]
    while stack:
        item, where, depth = stack.pop()
        if isinstance(item, str):
            problem = text_problem(item)
            if problem:
                raise BadValue(where, problem)
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise BadValue(where, "must be a finite number (NaN and Infinity are not JSON)")
        elif isinstance(item, dict | list):
            if depth >= max_depth:
                raise BadValue(where, f"is nested too deeply (at most {max_depth} levels)")
            if isinstance(item, dict):
                for key, child in item.items():
                    if isinstance(key, str) and (problem := text_problem(key)):
                        raise BadValue(where, f"a key {problem}")
                    stack.append((child, _join(where, str(key)), depth + 1))
            else:
                stack.extend((child, _join(where, index), depth + 1) for index, child in enumerate(item))


def loads(data: str | bytes) -> Any:
    """`json.loads` whose every failure is a `ValueError` (json.JSONDecodeError where it can be), so
    a boundary answers 400: too deep for the parser, or an integer of thousands of digits."""
    try:
        return json.loads(data)
    except RecursionError as exc:
        raise json.JSONDecodeError("JSON is nested too deeply", "", 0) from exc
    except json.JSONDecodeError:
        raise
    except ValueError as exc:  # int() digit limit, undecodable bytes
        raise json.JSONDecodeError(str(exc), "", 0) from exc
