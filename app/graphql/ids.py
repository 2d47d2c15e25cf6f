"""Public ids are the rows' integer keys as strings; anything else simply matches nothing."""

from __future__ import annotations

from app.core.errors import NotFound

MAX_ID = 2**63 - 1


def parse_id_or_none(value: str | int | None) -> int | None:
    if value is None:
        return None
    text = str(value).strip()
    if not text.isdigit():
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def parse_id(value: str | int | None, field: str, what: str) -> int:
    number = parse_id_or_none(value)
    if number is None:
        raise NotFound(field, what)
    return number
