"""`node(id)` and `nodes(ids)`: refetch any object by its global id, within the caller's team.

Each domain's graphql module exports `NODE_TYPES`, one `NodeType` per object type: who may read
it (the same check as the type's own query, which also gives the team) and a batch fetch bound to
that team. app/graphql/schema.py builds the one `NodeRegistry` from those lists, explicitly; nothing
registers itself on import. Ids of another team, and unknown ids, resolve to null.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any

import strawberry
from strawberry import relay
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from app.graphql.context import Context
from app.graphql.errors import BadInput
from app.graphql.ids import InvalidId, decode_global_id

MAX_NODES = 100

# The viewer's team id, or an access error: the same check as the type's normal query.
TeamOf = Callable[[Info[Context, None]], int]
# (info, the viewer's team id, primary keys) -> the objects found, by primary key.
FetchNodes = Callable[[Info[Context, None], int, list[int]], Awaitable[Mapping[int, Any]]]


@dataclass(frozen=True)
class NodeType:
    name: str  # the GraphQL type name, the `TypeName` of its global ids
    team_of: TeamOf
    fetch: FetchNodes


def staff(scope: str | None) -> TeamOf:
    """Staff or API keys holding `scope` (any signed-in staff caller with None)."""

    def team_of(info: Info[Context, None]) -> int:
        return info.context.require(scope).team.id

    return team_of


def team_rows(model: Any, to_node: Callable[[Any], Any], **filters: Any) -> FetchNodes:
    """Fetch rows of `model` by id within the team (one query), shaped by `to_node`."""

    async def fetch(info: Info[Context, None], team_id: int, pks: list[int]) -> Mapping[int, Any]:
        rows = await model.filter(team_id=team_id, id__in=pks, **filters)
        return {row.id: to_node(row) for row in rows}

    return fetch


class NodeRegistry:
    def __init__(self, *groups: Sequence[NodeType]) -> None:
        self.types: dict[str, NodeType] = {}
        for group in groups:
            for entry in group:
                if entry.name in self.types:
                    raise ValueError(f"node type {entry.name} registered twice")
                self.types[entry.name] = entry

    def _loader(self, info: Info[Context, None], entry: NodeType) -> DataLoader[int, Any]:
        team_id = entry.team_of(info)  # raises UNAUTHENTICATED/FORBIDDEN like the type's own query

        async def load(pks: list[int]) -> list[Any]:
            found = await entry.fetch(info, team_id, list(pks))
            return [found.get(pk) for pk in pks]

        return info.context.loader(f"node:{entry.name}", lambda: DataLoader(load_fn=load))

    def _parse(self, value: object) -> tuple[NodeType, int]:
        try:
            type_name, pk = decode_global_id(value)
        except InvalidId as exc:
            raise BadInput("not a valid global id") from exc
        entry = self.types.get(type_name)
        if entry is None:
            raise BadInput(f"{type_name} ids do not name a Node")
        return entry, pk

    async def resolve(self, info: Info[Context, None], ids: Sequence[object]) -> list[Any]:
        """The objects of `ids`, in order, None where not found; one query per type (dataloaders)."""
        parsed = [self._parse(value) for value in ids]
        loaders = {entry.name: self._loader(info, entry) for entry, _ in parsed}
        return list(await asyncio.gather(*(loaders[entry.name].load(pk) for entry, pk in parsed)))


def node_query(registry: NodeRegistry) -> type:
    """The root `node`/`nodes` fields over `registry`."""

    @strawberry.type
    class NodeQuery:
        @strawberry.field(description="Any object of the caller's team by its global id; null if not found.")
        async def node(
            self, info: Info[Context, None],
            id: Annotated[strawberry.ID, strawberry.argument(description=(
                "A global id from any `id` field; malformed, or of a type that is not a Node, is BAD_USER_INPUT."))],
        ) -> relay.Node | None:
            return (await registry.resolve(info, [id]))[0]

        @strawberry.field(description=f"Objects by global id, in order (null where not found); at most {MAX_NODES}.")
        async def nodes(
            self, info: Info[Context, None],
            ids: Annotated[list[strawberry.ID], strawberry.argument(description=(
                f"Up to {MAX_NODES} global ids, of any mix of types; one query per type."))],
        ) -> list[relay.Node | None]:
            if len(ids) > MAX_NODES:
                raise BadInput(f"at most {MAX_NODES} ids")
            return await registry.resolve(info, ids)

    return NodeQuery
