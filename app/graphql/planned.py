"""Lists whose items are completed by a plan, not field by field: the executor hook.

graphql-core completes a list of objects by resolving every selected field of every item: for
the member tree (500 nodes, a dozen fields each) that is about 6,000 resolver calls, each with its
resolve info, argument parsing and value coercion, where the values themselves are a few dict
lookups. A resolver may instead return a `PlannedList`: its `complete` gets the selection
(collected by the executor, so aliases, fragments and @include/@skip are as usual) and answers the
completed list in one pass, or `NOT_PLANNED` when it cannot (an unknown field, @defer, a resolve
middleware), and the items are then completed the generic way.

A plan only covers fields whose resolvers have no field extensions (permissions included), and
only runs when no schema extension wraps resolvers, so nothing that would observe a field is
skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from graphql import GraphQLList, GraphQLObjectType, GraphQLOutputType, GraphQLResolveInfo, get_nullable_type
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.pyutils import AwaitableOrValue, Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter


class _NotPlanned:
    def __repr__(self) -> str:
        return "NOT_PLANNED"


NOT_PLANNED: Any = _NotPlanned()
_plans = {"on": True}


def use_plans(on: bool) -> None:
    """Plans on (the default) or off, process-wide: off, every list is completed field by field (the
    benchmark's and the tests' reference for what a plan must give)."""
    _plans["on"] = on


class PlannedList:
    """A resolver's list result that can complete itself; iterating gives the items for the generic path."""

    def items(self) -> Iterable[Any]:
        raise NotImplementedError

    def complete(self, executor: PlannedExecutionContext, item_type: GraphQLObjectType, fields: GroupedFieldSet,
                 info: GraphQLResolveInfo) -> AwaitableOrValue[list[Any]]:
        """The completed list for the selection `fields` of `item_type`, or NOT_PLANNED."""
        raise NotImplementedError

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items())


def plain_field(object_type: GraphQLObjectType, name: str) -> bool:
    """Whether a plan may compute this field itself: it exists and no field extension wraps its resolver."""
    field = object_type.fields.get(name)
    if field is None:
        return False
    definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    return definition is not None and not getattr(definition, "extensions", None)


class PlannedExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context, with `PlannedList` results completed by their plan."""

    def complete_list_value(  # type: ignore[override]  # graphql-core's signature, only the result narrowed
        self,
        return_type: GraphQLList[GraphQLOutputType],
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo,
        path: Path,
        result: Any,
        position_context: Any,
    ) -> AwaitableOrValue[list[Any]]:
        if isinstance(result, PlannedList):
            done = self._planned(return_type, field_details_list, info, result) if _plans["on"] else NOT_PLANNED
            if done is not NOT_PLANNED:
                return done
            result = list(result.items())
        return super().complete_list_value(return_type, field_details_list, info, path, result, position_context)

    def _planned(self, return_type: GraphQLList[GraphQLOutputType], field_details_list: FieldDetailsList,
                 info: GraphQLResolveInfo, result: PlannedList) -> Any:
        item_type = get_nullable_type(return_type.of_type)
        if not isinstance(item_type, GraphQLObjectType):
            return NOT_PLANNED
        if self.middleware_manager is not None and self.middleware_manager.middlewares:
            return NOT_PLANNED  # an extension wants to see every resolver call
        fields = self.collect_plain_subfields(item_type, field_details_list)
        if fields is None:
            return NOT_PLANNED
        return result.complete(self, item_type, fields, info)

    def collect_plain_subfields(self, object_type: GraphQLObjectType,
                                field_details_list: FieldDetailsList) -> GroupedFieldSet | None:
        """The selection of `object_type` under these fields, or None if a plan must not complete it
        (a field with a field extension such as a permission, deferred parts, arguments, fragment variables)."""
        collected = self.collect_subfields(object_type, field_details_list)
        if collected.new_defer_usages or collected.forbidden_directive_instances:
            return None
        for details_list in collected.grouped_field_set.values():
            name = details_list[0].node.name.value
            if name != "__typename" and not plain_field(object_type, name):
                return None
            for details in details_list:
                if details.defer_usage is not None or details.fragment_variable_values is not None \
                        or details.node.arguments:
                    return None
        return collected.grouped_field_set
