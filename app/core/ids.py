"""Public ids, made and read in one way for GraphQL and HTTP alike.

Every id a client sees is a Relay global id: base64 of `TypeName:pk` (strawberry's `GlobalID`).
Reading one is strict: canonical base64, one of the expected type names, and a primary key of
ASCII digits within PostgreSQL's bigint. `parse_id_or_none` reads a bare primary key by the same
digit rule, for code that is handed raw keys.
"""

from __future__ import annotations

import base64
import binascii
import re

from strawberry.relay import GlobalID

MAX_ID = 2**63 - 1
MAX_GLOBAL_ID_LENGTH = 200
_DIGITS = re.compile(r"[0-9]+")  # str.isdigit() and int() also take other scripts' digits (and '\u00b2')


class InvalidId(ValueError):
    """Not a global id of one of the expected types."""


def parse_id_or_none(value: str | int | None) -> int | None:
    """A bare primary key (ASCII digits without leading zeros, 1 to 2^63-1), or None."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value)  # canonical only: no spaces, signs or other scripts' digits
    if not _DIGITS.fullmatch(text) or text.startswith("0"):  # one spelling per key: no leading zeros
        return None
    number = int(text)
    return number if number <= MAX_ID else None


def encode_id(type_name: str, pk: int) -> str:
    """The global id of row `pk` of the GraphQL type `type_name`."""
    return str(GlobalID(type_name, str(pk)))


def decode_global_id(value: object) -> tuple[str, int]:
    """(type name, primary key) of a well-formed global id; raises `InvalidId` otherwise."""
    if not isinstance(value, str) or not 0 < len(value) <= MAX_GLOBAL_ID_LENGTH:
        raise InvalidId("not a global id")
    try:
        text = base64.b64decode(value.encode("ascii"), validate=True).decode("ascii")
    except (UnicodeError, binascii.Error, ValueError) as exc:
        raise InvalidId("not a global id") from exc
    type_name, sep, raw_pk = text.partition(":")
    pk = parse_id_or_none(raw_pk) if _DIGITS.fullmatch(raw_pk) else None
    if not sep or not type_name or pk is None:
        raise InvalidId("not a global id")
    if str(GlobalID(type_name, str(pk))) != value:  # one spelling per id: no leading zeros, no odd padding
        raise InvalidId("not a global id")
    return type_name, pk


def decode_id(value: object, expected: str | tuple[str, ...]) -> int:
    """The primary key of a global id of type `expected` (or one of them); raises `InvalidId`."""
    names = (expected,) if isinstance(expected, str) else expected
    type_name, pk = decode_global_id(value)
    if type_name not in names:
        raise InvalidId(f"not a {' or '.join(names)} id")
    return pk
