"""Ids: the one place where public ids are made and read.

In GraphQL every id is a Relay global id, strawberry's `GlobalID`: base64 of `TypeName:pk`. Reading
one is strict: canonical base64, one of the expected type names, and a primary key of ASCII digits
within PostgreSQL's bigint. Outside GraphQL (URLs, services given raw keys) `parse_id_or_none` reads
a bare primary key by the same digit rule.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterable

import strawberry
from strawberry.relay import GlobalID

from app.core.errors import ValidationFailed
from app.graphql.errors import BadInput

MAX_ID = 2**63 - 1
MAX_GLOBAL_ID_LENGTH = 200
_DIGITS = re.compile(r"[0-9]+")  # str.isdigit() and int() also take other scripts' digits (and '\u00b2')


class InvalidId(ValueError):
    """Not a global id of one of the expected types."""


def parse_id_or_none(value: str | int | None) -> int | None:
    """A bare primary key (ASCII digits, 1 to 2^63-1), or None."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    if not _DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def encode_id(type_name: str, pk: int) -> strawberry.ID:
    """The global id of row `pk` of the GraphQL type `type_name`."""
    return strawberry.ID(str(GlobalID(type_name, str(pk))))


def gid(type_name: str, pk: int | None) -> strawberry.ID | None:
    """`encode_id` for a nullable reference."""
    return None if pk is None else encode_id(type_name, pk)


def gids(type_name: str, pks: Iterable[int]) -> list[strawberry.ID]:
    return [encode_id(type_name, pk) for pk in pks]


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


def _describe(expected: str | tuple[str, ...]) -> str:
    return expected if isinstance(expected, str) else " or ".join(expected)


# ---------------------------------------------------------------- arguments: GraphQL errors

def id_arg(value: object, expected: str | tuple[str, ...], name: str = "id") -> int:
    """A field argument's id; malformed or of another type: a BAD_USER_INPUT error."""
    try:
        return decode_id(value, expected)
    except InvalidId as exc:
        raise BadInput(f"{name}: not a valid {_describe(expected)} id") from exc


def id_arg_or_none(value: object | None, expected: str | tuple[str, ...], name: str = "id") -> int | None:
    return None if value is None else id_arg(value, expected, name)


def id_args(values: Iterable[object], expected: str | tuple[str, ...], name: str) -> list[int]:
    return [id_arg(v, expected, name) for v in values]


# ---------------------------------------------------------------- mutation inputs: userErrors

def _invalid(field: str, expected: str | tuple[str, ...], where: str = "") -> ValidationFailed:
    return ValidationFailed.one(field, f"not a valid {_describe(expected)} id{where}", "INVALID_ID")


def id_input(value: object, expected: str | tuple[str, ...], field: str) -> int:
    """A mutation input's id; malformed or of another type: a userError on `field` (INVALID_ID)."""
    try:
        return decode_id(value, expected)
    except InvalidId as exc:
        raise _invalid(field, expected) from exc


def id_input_or_none(value: object | None, expected: str | tuple[str, ...], field: str) -> int | None:
    return None if value is None else id_input(value, expected, field)


def id_inputs(values: Iterable[object] | None, expected: str | tuple[str, ...], field: str) -> list[int] | None:
    """Every id of a list input, or one userError on `field` naming the first bad one's index."""
    if values is None:
        return None
    out = []
    for index, value in enumerate(values):
        try:
            out.append(decode_id(value, expected))
        except InvalidId as exc:
            raise _invalid(field, expected, f" (item {index})") from exc
    return out
