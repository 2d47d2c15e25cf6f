"""Every string, key and number a GraphQL request carries, checked before any resolver runs.

One pass over the variables and the document's literals (String, ID, JSON alike, any depth, at
any argument) refuses NUL characters, lone surrogates, NaN/Infinity and JSON nested deeper than
`MAX_INPUT_DEPTH` with one BAD_USER_INPUT error whose `extensions.field` is the argument path (`upsertContacts.input.
contacts[3].firstName`, a literal's with its location too). Nothing executes, so nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    ArgumentNode,
    ExecutionResult,
    FieldNode,
    GraphQLError,
    ListValueNode,
    Node,
    ObjectFieldNode,
    ObjectValueNode,
    StringValueNode,
    VariableDefinitionNode,
    VariableNode,
)
from strawberry.extensions import SchemaExtension

from app.core.inputs import MAX_JSON_DEPTH, BadValue, check_value, text_problem

# Input objects and lists around a JSON value add levels of their own.
MAX_INPUT_DEPTH = 2 * MAX_JSON_DEPTH


def bad_input(message: str, field: str, node: Node | None = None) -> GraphQLError:
    return GraphQLError(message, nodes=node, extensions={"code": "BAD_USER_INPUT", "field": field})


def _walk(document: Node, usages: dict[str, str]) -> Iterator[GraphQLError]:
    """The document's bad literals; records where each variable is used (`createHub.input`) in `usages`.
    Iterative; the parser already bounds the document's nesting."""
    stack: list[tuple[Node, str, int]] = [(document, "", 0)]
    while stack:
        item, where, level = stack.pop()
        if isinstance(item, StringValueNode):
            problem = text_problem(item.value)
            if problem:
                yield bad_input(f"{where}: {problem}", where, item)
        elif isinstance(item, VariableNode):
            usages.setdefault(item.name.value, where)
        elif isinstance(item, ListValueNode | ObjectValueNode) and level >= MAX_INPUT_DEPTH:
            yield bad_input(f"{where}: is nested too deeply (at most {MAX_INPUT_DEPTH} levels)", where, item)
        elif isinstance(item, FieldNode):
            stack.extend((child, item.name.value, level) for child in item.arguments or ())
            stack.extend((child, item.name.value, level) for child in item.directives or ())
            if item.selection_set is not None:
                stack.append((item.selection_set, where, level))
        elif isinstance(item, VariableDefinitionNode):  # its own $name is no usage; its default is a literal
            if item.default_value is not None:
                stack.append((item.default_value, f"${item.variable.name.value}", level))
        elif isinstance(item, ArgumentNode | ObjectFieldNode):
            stack.append((item.value, f"{where}.{item.name.value}" if where else item.name.value, level))
        elif isinstance(item, ListValueNode):
            stack.extend((v, f"{where}[{i}]", level + 1) for i, v in enumerate(item.values))
        elif isinstance(item, ObjectValueNode):
            stack.extend((f, where, level + 1) for f in item.fields)
        else:
            for key in item.keys:  # any other node: its children (definitions, selections, directives)
                child = getattr(item, key, None)
                if isinstance(child, Node):
                    stack.append((child, where, level))
                elif isinstance(child, tuple | list):
                    stack.extend((c, where, level) for c in child if isinstance(c, Node))


def check_request(document: Node | None, variables: dict[str, Any] | None) -> GraphQLError | None:
    """The first problem of a request's literals or variables, or None. A variable's problem is
    named where the variable is used: `$c` in `upsertContacts(input: {contacts: $c})` gives
    `upsertContacts.input.contacts[1].tags[0]`."""
    usages: dict[str, str] = {}
    if document is not None:
        for error in _walk(document, usages):
            return error
    for name, value in (variables or {}).items():
        if not isinstance(name, str) or text_problem(name):
            return bad_input("a variable name must be valid text", "")
        try:
            check_value(value, usages.get(name, f"${name}"), MAX_INPUT_DEPTH)
        except BadValue as exc:
            return bad_input(str(exc), exc.path)
    return None


class InputGuard(SchemaExtension):
    """Refuses the request before execution (queries, mutations and subscriptions alike)."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        error = check_request(context.graphql_document, context.variables)
        if error is not None:
            context.result = ExecutionResult(data=None, errors=[error])
        yield
