"""Descriptions of what every part of the schema shares, written once instead of on every field.

The schema repeats a few shapes many times: every Node type's `id`, the `first`/`after`/`last`/
`before` arguments of every connection field, every payload's `userErrors`, a mutation's `input`
argument (its input type's description). Each domain describes
its own types and fields; `describe_conventions` fills in these shared ones (only where the code gave
no description of its own), on the built schema, so the SDL and introspection both carry them.
tests/test_schema_lint.py runs graphql-schema-linter to keep every item described.
"""

from __future__ import annotations

from graphql import (
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    get_named_type,
)

from app.graphql.connections import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

NODE_ID = "Global id (opaque; stable across renames). Pass it to `node(id:)`, `nodes(ids:)` or any `...Id` argument."
PAGE_ARGUMENTS = {
    "first": f"Page forwards: at most this many items (0 to {MAX_PAGE_SIZE}; {DEFAULT_PAGE_SIZE} when neither "
             "`first` nor `last` is given). Not together with `last`.",
    "after": "Page forwards from this cursor (an `endCursor` or edge `cursor` of an earlier page); a malformed "
             "cursor is a BAD_USER_INPUT error.",
    "last": f"Page backwards: at most this many items before `before` (0 to {MAX_PAGE_SIZE}); the page is "
            "still in the connection's order.",
    "before": "Page backwards from this cursor (a `startCursor` or edge `cursor` of an earlier page).",
}
USER_ERRORS = (
    "Problems with the input that the caller can fix (`field` names the input field, `code` is stable). "
    "Empty on success; when not empty nothing was written and the other fields are null or empty."
)
SCALARS = {
    "DateTime": "An ISO 8601 date and time, e.g. `2026-03-01T09:30:00+00:00`. MemberHub returns UTC with an "
                "offset; send one too (an input that reads a time without an offset in the team's time zone "
                "says so).",
}


def _is_connection(field: GraphQLField) -> bool:
    named = get_named_type(field.type)
    return isinstance(named, GraphQLObjectType) and "pageInfo" in named.fields and "edges" in named.fields


def describe_conventions(schema: GraphQLSchema) -> GraphQLSchema:
    """Fill in the shared descriptions on `schema` (in place) where the code gave none."""
    for name, graphql_type in schema.type_map.items():
        if name.startswith("__"):
            continue
        if isinstance(graphql_type, GraphQLScalarType) and name in SCALARS:
            graphql_type.description = SCALARS[name]
        if not isinstance(graphql_type, GraphQLObjectType | GraphQLInterfaceType):
            continue
        is_node = any(interface.name == "Node" for interface in graphql_type.interfaces)
        for field_name, field in graphql_type.fields.items():
            if field_name == "id" and is_node and not field.description:
                field.description = NODE_ID
            if field_name == "userErrors" and not field.description:
                field.description = USER_ERRORS
            if name == "Mutation" and "input" in field.args and not field.args["input"].description:
                # A mutation's one argument: what its input type says it is.
                field.args["input"].description = get_named_type(field.args["input"].type).description
            if _is_connection(field):
                for arg_name, arg in field.args.items():
                    if arg_name in PAGE_ARGUMENTS and not arg.description:
                        arg.description = PAGE_ARGUMENTS[arg_name]
    return schema
