"""GraphQL enums over the models' Python enums, with a description for the type and every value.

The models' enums stay plain (`str, Enum`, stored by Tortoise); `strawberry.enum_value` would have to
go inside them. `described_enum` registers the very class, as `strawberry.enum(cls, name=...)` does,
and sets each value's description, refusing a key that is not a member. A member added later without
a description only leaves its value undescribed (graphql-schema-linter in tests/test_schema_lint.py
names it), so a new enum member never breaks the import.
"""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

import strawberry

E = TypeVar("E", bound=type[Enum])


def described_enum(cls: E, *, name: str, description: str, values: dict[str, str]) -> E:
    """`strawberry.enum(cls, name=name, description=description)` with `values[MEMBER]` as each
    member's description."""
    members = {member.name for member in cls}  # type: ignore[attr-defined]  # E is an Enum class
    if unknown := set(values) - members:
        raise ValueError(f"{name}: {sorted(unknown)} are not members of {cls.__name__}")
    definition = getattr(cls, "__strawberry_definition__", None)
    if definition is None:
        definition = strawberry.enum(cls, name=name, description=description).__strawberry_definition__  # type: ignore[attr-defined]
    else:  # a field that reads the enum was resolved first and registered it: describe that one
        definition.name, definition.description = name, description
    for value in definition.values:
        value.description = values.get(value.name)
    return cls
