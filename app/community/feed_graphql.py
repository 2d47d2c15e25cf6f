"""Feed and thread pages (`MemberSpace.posts`, `CommunityPost.comments` edges) completed in one pass.

Field by field, a 20-post feed page with authors and reactions is ~300 resolver calls (each with its
resolve info, an awaitable gathered per field); the values are attributes of the page's objects plus
two batched loads. A plan built from the selection (app/graphql/planned.py) loads the authors and
reaction counts of the whole page at once, through the request's same dataloaders (so the SQL is the
same statements), and shapes every edge with one getter per response key. Leaves are serialised by
their GraphQL type, as the generic path does; a selection with a field the plan does not know (an
attachment, an avatar, revisions, a field with arguments) is completed the generic way.
tests/test_community_query_counts.py compares both paths.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from graphql import (
    GraphQLEnumType,
    GraphQLList,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLScalarType,
    get_nullable_type,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from strawberry.schema.schema_converter import GraphQLCoreConverter

from app.community import loaders
from app.graphql.connections import Edge
from app.graphql.ids import encode_id
from app.graphql.planned import NOT_PLANNED, PlannedExecutionContext, PlannedList

if TYPE_CHECKING:
    from app.graphql.context import Context

Shape = Callable[[Any], Any]
ProfileOf = Callable[[Any, "int | None"], Any]  # (Profile row, viewer contact id) -> MemberProfile
CountOf = Callable[[loaders.ReactionCount], Any]  # -> the GraphQL ReactionCount
NODE_TYPES = frozenset({"CommunityPost", "CommunityComment", "MemberProfile"})  # `id` is the relay global id
CONTENT_TYPES = {"CommunityPost": "post", "CommunityComment": "comment"}  # reaction target kinds


class _Page:
    """What the getters of one plan share: the page's authors and reactions, loaded before shaping."""

    def __init__(self, profile: ProfileOf, count: CountOf) -> None:
        self.make_profile = profile
        self.make_count = count
        self.authors = False
        self.reactions = False
        self.profiles: dict[int, Any] = {}
        self.counts: dict[tuple[str, int], list[loaders.ReactionCount]] = {}


class PlannedEdges(list[Edge[Any]], PlannedList):
    """A page's edges: a list as any other, that the planned executor completes in one pass. `profile` and
    `count` make the GraphQL author and reaction objects from their rows, as the resolvers do."""

    def __init__(self, edges: list[Edge[Any]], *, profile: ProfileOf, count: CountOf) -> None:
        super().__init__(edges)
        self.make_profile = profile
        self.make_count = count

    def items(self) -> list[Edge[Any]]:
        return list(self)

    def complete(self, executor: PlannedExecutionContext, item_type: GraphQLObjectType, fields: GroupedFieldSet,
                 info: GraphQLResolveInfo) -> Any:
        page = _Page(self.make_profile, self.make_count)
        shape = _object(executor, item_type, fields, page)
        if shape is None:
            return NOT_PLANNED
        edges = list(self)
        if not (page.authors or page.reactions):
            return [shape(e) for e in edges]

        async def loaded() -> list[Any]:
            await _load(info.context, page, [e.node for e in edges])
            return [shape(e) for e in edges]

        return loaded()


async def _load(context: Context, page: _Page, nodes: list[Any]) -> None:
    """The page's authors' profiles and reaction counts, through the request's dataloaders (one statement each)."""
    if not nodes:
        return
    first = nodes[0]
    team_id, hub_id, viewer = first.team_id, first.hub_id, first.viewer
    kind = CONTENT_TYPES[type(first).__name__]
    jobs = []
    if page.authors:
        authors = sorted({n.author_id for n in nodes if n.author_id is not None})
        profiles = context.loader(f"community:profiles:{hub_id}", lambda: loaders.profiles_loader(team_id, hub_id))
        jobs.append(profiles.load_many(authors))
    if page.reactions:
        keys = [(kind, n.id) for n in nodes]
        counts = context.loader(f"community:reactions:{viewer}", lambda: loaders.reactions_loader(team_id, viewer))
        jobs.append(counts.load_many(keys))
    results = await asyncio.gather(*jobs)
    if page.authors:
        page.profiles = {p.team_contact_id: p for p in results[0] if p is not None}
    if page.reactions:
        page.counts = dict(zip(keys, results[-1], strict=True))


def _object(executor: PlannedExecutionContext, object_type: GraphQLObjectType, fields: GroupedFieldSet,
            page: _Page) -> Shape | None:
    getters: list[tuple[str, Shape]] = []
    for response_name, details_list in fields.items():
        name = details_list[0].node.name.value
        get = _field(executor, object_type, name, details_list, page)
        if get is None:
            return None
        getters.append((response_name, get))

    def shape(obj: Any) -> dict[str, Any]:
        return {key: get(obj) for key, get in getters}

    return shape


def _field(executor: PlannedExecutionContext, object_type: GraphQLObjectType, name: str,
           details_list: FieldDetailsList, page: _Page) -> Shape | None:
    type_name = object_type.name
    if name == "__typename":
        return lambda _: type_name
    if name == "id" and type_name in NODE_TYPES:
        return lambda obj: encode_id(type_name, obj.id)
    field = object_type.fields[name]
    definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if definition is None:
        return None
    field_type = get_nullable_type(field.type)
    if definition.base_resolver is not None:  # a resolver the plan knows, or none
        return _resolved(executor, type_name, name, field_type, details_list, page)
    attr = definition.python_name
    if isinstance(field_type, GraphQLScalarType | GraphQLEnumType):
        leaf = field_type
        return lambda obj: None if (value := getattr(obj, attr)) is None else leaf.serialize(value)
    if isinstance(field_type, GraphQLObjectType):
        sub = _sub(executor, field_type, details_list, page)
        if sub is None:
            return None
        shape_sub = sub
        return lambda obj: None if (value := getattr(obj, attr)) is None else shape_sub(value)
    return None


def _sub(executor: PlannedExecutionContext, sub_type: GraphQLObjectType, details_list: FieldDetailsList,
         page: _Page) -> Shape | None:
    fields = executor.collect_plain_subfields(sub_type, details_list)
    return _object(executor, sub_type, fields, page) if fields is not None else None


def _resolved(executor: PlannedExecutionContext, type_name: str, name: str, field_type: Any,
              details_list: FieldDetailsList, page: _Page) -> Shape | None:
    if type_name not in CONTENT_TYPES:
        return None
    if name == "author" and isinstance(field_type, GraphQLObjectType):
        sub = _sub(executor, field_type, details_list, page)
        if sub is None:
            return None
        shape_author = sub
        page.authors = True
        hides_author = type_name == "CommunityComment"  # a comment shown without body shows no author

        def author(obj: Any) -> Any:
            if obj.author_id is None or (hides_author and obj.body is None):
                return None
            profile = page.profiles.get(obj.author_id)
            return shape_author(page.make_profile(profile, obj.viewer)) if profile is not None else None

        return author
    if name == "reactions" and isinstance(field_type, GraphQLList):
        item_type = get_nullable_type(field_type.of_type)
        if not isinstance(item_type, GraphQLObjectType):
            return None
        sub = _sub(executor, item_type, details_list, page)
        if sub is None:
            return None
        shape_count = sub
        page.reactions = True
        kind = CONTENT_TYPES[type_name]

        def reactions(obj: Any) -> list[Any]:
            return [shape_count(page.make_count(r)) for r in page.counts.get((kind, obj.id), ())]

        return reactions
    return None
