"""Fields that need a scope of their own, wherever their type is reached from.

A resolver checks the scope of the operation it serves (`info.context.require("hubs:read")`), but
object types are shared: a `Contact` is reached from `hub.members`, `segment.members`,
`previewSegment.sample` and more. `@requires_scope` puts the check on the type's own fields, so
every path to them, present and future, needs that scope, with no list of paths to keep.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from strawberry.extensions import FieldExtension
from strawberry.types import Info

T = TypeVar("T")


class RequireScope(FieldExtension):
    """Resolves the field only for a viewer holding `scope`; FORBIDDEN otherwise."""

    def __init__(self, scope: str) -> None:
        self.scope = scope

    def resolve(self, next_: Callable[..., Any], source: Any, info: Info, **kwargs: Any) -> Any:
        info.context.require(self.scope)
        return next_(source, info, **kwargs)

    async def resolve_async(self, next_: Callable[..., Any], source: Any, info: Info, **kwargs: Any) -> Any:
        info.context.require(self.scope)
        return await next_(source, info, **kwargs)


def requires_scope(scope: str, *, except_fields: Iterable[str] = ()) -> Callable[[type[T]], type[T]]:
    """Class decorator over a `@strawberry.type`: every field but `except_fields` (Python or GraphQL
    names; a relay Node's `id` is the `_id` field named `id`) needs `scope`, including fields added
    to the type later."""
    public = frozenset(except_fields)

    def names(field: Any) -> set[str]:
        return {field.python_name, field.graphql_name or field.python_name}

    def apply(cls: type[T]) -> type[T]:
        definition = cls.__strawberry_definition__  # type: ignore[attr-defined]  # set by @strawberry.type
        unknown = public - set().union(*(names(f) for f in definition.fields))
        if unknown:
            raise ValueError(f"{cls.__name__} has no fields {sorted(unknown)}")
        for field in definition.fields:
            if not names(field) & public:
                field.extensions.append(RequireScope(scope))
        return cls

    return apply


def scope_of(field: Any) -> str | None:
    """The scope a field of a Strawberry type requires through `@requires_scope` (None if none)."""
    return next((e.scope for e in field.extensions if isinstance(e, RequireScope)), None)
