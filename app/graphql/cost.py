"""Query cost limit: fields times list sizes, checked with the variables before anything runs.

Beside the depth, alias and token limits (which see only the document), the cost reads `first`
/ `last` as given (a variable counts with its value), so thirty aliased heavy fields or nested
connections of 200 are refused before they reach the database. A field costs 1, or its
`metadata={"cost": N}` (fields that run a whole-team rule statement); what it selects counts as
many times as the page it returns: `first`/`last` (default DEFAULT_PAGE_SIZE) on a connection,
LIST_SIZE for a plain list. A refused operation gets one error with `extensions.code`
`QUERY_TOO_COSTLY`, its cost and the limit.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_list_type,
)
from strawberry.extensions import SchemaExtension

from app.graphql.connections import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

LIST_SIZE = 10  # what a plain list (not a connection) is assumed to hold


def _page(field: FieldNode, variables: Mapping[str, Any]) -> int | None:
    """The page a field asks for; beyond what a connection serves it counts as the largest page
    (the resolver refuses it with its own BAD_USER_INPUT)."""
    for argument in field.arguments or ():
        if argument.name.value in ("first", "last"):
            value = argument.value
            if isinstance(value, IntValueNode):
                return max(0, min(int(value.value), MAX_PAGE_SIZE))
            if isinstance(value, VariableNode):
                given = variables.get(value.name.value)
                if isinstance(given, int) and not isinstance(given, bool):
                    return max(0, min(given, MAX_PAGE_SIZE))
                return DEFAULT_PAGE_SIZE
    return None


def _weight(definition: GraphQLField) -> int:
    strawberry_field = (definition.extensions or {}).get("strawberry-definition")
    metadata = getattr(strawberry_field, "metadata", None) or {}
    return int(metadata.get("cost", 1))


class _Coster:
    def __init__(self, schema: GraphQLSchema, fragments: dict[str, FragmentDefinitionNode],
                 variables: Mapping[str, Any]) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self._fragment_costs: dict[str, int] = {}

    def selections(self, parent: GraphQLNamedType | None, selection_set: SelectionSetNode | None) -> int:
        if selection_set is None or parent is None:
            return 0
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.field(parent, selection)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = self.schema.get_type(condition.name.value) if condition else parent
                total += self.selections(target, selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment(selection.name.value)
        return total

    def fragment(self, name: str) -> int:
        if name not in self._fragment_costs:
            self._fragment_costs[name] = 0  # a cycle is refused by validation; never recurse forever
            fragment = self.fragments.get(name)
            if fragment is not None:
                target = self.schema.get_type(fragment.type_condition.name.value)
                self._fragment_costs[name] = self.selections(target, fragment.selection_set)
        return self._fragment_costs[name]

    def field(self, parent: GraphQLNamedType, node: FieldNode) -> int:
        fields = getattr(parent, "fields", None)
        definition = fields.get(node.name.value) if fields else None
        if definition is None:  # __typename and introspection
            return 0
        named = get_named_type(definition.type)
        page = _page(node, self.variables)
        if page is None and isinstance(named, GraphQLObjectType) and "pageInfo" in named.fields:
            page = DEFAULT_PAGE_SIZE
        in_connection = isinstance(parent, GraphQLObjectType) and "pageInfo" in parent.fields
        if page is None:
            page = LIST_SIZE if is_list_type(get_nullable_type(definition.type)) and not in_connection else 1
        return _weight(definition) + page * self.selections(named, node.selection_set)


def operation_cost(schema: GraphQLSchema, document: Any, operation_name: str | None,
                   variables: Mapping[str, Any] | None) -> int:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    chosen = [o for o in operations if operation_name is None or (o.name and o.name.value == operation_name)]
    if not chosen:
        return 0
    operation = chosen[0]
    root = schema.get_root_type(operation.operation)
    return _Coster(schema, fragments, variables or {}).selections(root, operation.selection_set)


class QueryCostLimiter(SchemaExtension):
    def __init__(self, *, max_cost: int) -> None:
        self.max_cost = max_cost

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None and self.max_cost > 0:
            schema = context.schema._schema
            cost = operation_cost(schema, context.graphql_document, context.operation_name, context.variables)
            if cost > self.max_cost:
                context.result = ExecutionResult(data=None, errors=[GraphQLError(
                    f"the query costs {cost}, over the limit of {self.max_cost}: ask for fewer fields, "
                    f"smaller pages (first/last) or fewer aliases",
                    extensions={"code": "QUERY_TOO_COSTLY", "cost": cost, "maxCost": self.max_cost})])
        yield
