"""Ids in GraphQL: the argument and input forms of app.core.ids' global ids.

A malformed id, or one of another type, is a BAD_USER_INPUT error in a field argument and an
INVALID_ID userError in a mutation's input; never a 500, never a lookup.
"""

from __future__ import annotations

from collections.abc import Iterable

import strawberry

from app.core.errors import ValidationFailed
from app.core.ids import (  # noqa: F401  (re-exported: GraphQL modules read ids from here)
    MAX_ID,
    InvalidId,
    decode_global_id,
    decode_id,
    parse_id_or_none,
)
from app.core.ids import encode_id as _encode_id
from app.graphql.errors import BadInput


def encode_id(type_name: str, pk: int) -> strawberry.ID:
    """The global id of row `pk` of the GraphQL type `type_name`."""
    return strawberry.ID(_encode_id(type_name, pk))


def gid(type_name: str, pk: int | None) -> strawberry.ID | None:
    """`encode_id` for a nullable reference."""
    return None if pk is None else encode_id(type_name, pk)


def gids(type_name: str, pks: Iterable[int]) -> list[strawberry.ID]:
    return [encode_id(type_name, pk) for pk in pks]


def _describe(expected: str | tuple[str, ...]) -> str:
    return expected if isinstance(expected, str) else " or ".join(expected)


# ---------------------------------------------------------------- arguments: GraphQL errors

def typed_id_arg(value: object, expected: tuple[str, ...], name: str = "id") -> tuple[str, int]:
    """(type name, key) of a field argument that may name one of several types; BAD_USER_INPUT otherwise."""
    try:
        type_name, pk = decode_global_id(value)
    except InvalidId as exc:
        raise BadInput(f"{name}: not a valid {_describe(expected)} id") from exc
    if type_name not in expected:
        raise BadInput(f"{name}: not a valid {_describe(expected)} id")
    return type_name, pk


def id_arg(value: object, expected: str | tuple[str, ...], name: str = "id") -> int:
    """A field argument's id; malformed or of another type: a BAD_USER_INPUT error."""
    return typed_id_arg(value, (expected,) if isinstance(expected, str) else expected, name)[1]


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
