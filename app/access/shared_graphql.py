"""Whole member-tree responses, encoded once and shared by members whose outcomes are equal.

A member frontend asks the same few documents over and over (the course page, the whole tree),
and for most of them every value in the response comes from the hub's snapshot and the
member's outcomes: the same inputs `contentTreeJson` is cached on (`outcome_key`). For such a
document the finished response is kept as bytes, keyed by the document, the operation name, the
variables and the outcome key; a member with an equal key gets those bytes without any
parsing, validation or execution.

Which documents: a query whose every field is in `SHARED_FIELDS` for its type (no per-member
field such as `progress` or `contactId`, no hub field the snapshot's version does not cover),
with no directive but @include/@skip and no fragment on another type. Anything else runs as
usual. Only results without errors or extensions are kept, so a document that does not parse,
does not validate, exceeds a limit or carries bad variables never comes from here: it has to run
to be stored, and what ran once for this key gives the same bytes again.

A document whose only tree fields are `contentTree(rootId: …)` (a course page) is keyed by the
outcomes of those subtrees' rule sets alone, so members who differ elsewhere in the hub share it,
and only those rule sets are decided. A document that reads no tree (`{ myHub { id } }`) is not
worth a key and runs as usual.

The member's session and access facts are still read per request (so revocation and segment
changes act at once), and the request is still counted in the operation metrics.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    StringValueNode,
    ValueNode,
    VariableNode,
    parse,
)
from strawberry.types import ExecutionResult

from app.access.members import MemberViewer
from app.access.tree_graphql import MEDIA_FIELDS, NODE_FIELDS
from app.access.tree_json import EncodedTrees, outcome_key
from app.access.view import hub_access
from app.core.metrics import GRAPHQL_DURATION, GRAPHQL_OPERATIONS, MEMBER_SHARED_RESPONSES
from app.graphql.encoding import EncodedJSON, encode_response
from app.graphql.errors import BadInput
from app.graphql.ids import id_arg
from app.settings import Settings

MAX_CACHED_BYTES = 64 * 1024 * 1024  # per process; the least recently used responses go first
MAX_QUERY_CHARS = 20_000  # larger documents are not worth a key
MAX_VARIABLES_CHARS = 2_000  # a tree document's variables are a root id and a depth or two

_NODE = "MemberContentNode"
# Per type, the fields whose values depend only on the snapshot and the outcomes (None: a leaf).
SHARED_FIELDS: dict[str, dict[str, str | None]] = {
    "Query": {"__typename": None, "myHub": "MemberHubView"},
    "MemberHubView": {
        "__typename": None, "id": None, "lessonCount": None, "accessibleLessonCount": None,
        "contentTreeJson": None, "contentTree": _NODE, "roots": _NODE,
    },
    _NODE: {
        **{name: None for name in NODE_FIELDS - {"progress", "children", "media"}},
        "children": _NODE, "media": "MemberMedia",
    },
    "MemberMedia": {name: None for name in MEDIA_FIELDS},
}
_DIRECTIVES = frozenset({"include", "skip"})

shared_responses = EncodedTrees(MAX_CACHED_BYTES)


@dataclass(frozen=True)
class SharedDocument:
    """A document whose response may be shared. `roots`: the `rootId` arguments of its only tree fields
    (`contentTree(rootId:)`), so only those subtrees' outcomes matter; None: the whole hub's do."""

    roots: tuple[ValueNode, ...] | None


# Fields of the hub view that read no outcome, and the one whose rootId can narrow what is read.
_HUB_NO_OUTCOMES = frozenset({"__typename", "id"})


@lru_cache(maxsize=512)
def shared_document(query: str, operation_name: str | None) -> SharedDocument | None:
    """This document as a shared one, or None when its response depends on more than the snapshot, the
    outcomes and the variables (or it reads no tree at all, so sharing saves nothing)."""
    parsed = parsed_query(query, operation_name, MAX_QUERY_CHARS)
    if parsed is None:
        return None
    operation, fragments = parsed
    hub_fields: list[FieldNode] = []
    if not reads_only(SHARED_FIELDS, operation.selection_set, "Query", fragments, "MemberHubView", hub_fields):
        return None
    reading = [f for f in hub_fields if f.name.value not in _HUB_NO_OUTCOMES]
    if not reading:
        return None
    roots: list[ValueNode] = []
    for field in reading:
        root = next((a.value for a in field.arguments or () if a.name.value == "rootId"), None)
        if field.name.value != "contentTree" or root is None:
            return SharedDocument(None)
        roots.append(root)
    return SharedDocument(tuple(roots))


def is_shared_document(query: str, operation_name: str | None) -> bool:
    return shared_document(query, operation_name) is not None


def parsed_query(query: str, operation_name: str | None, max_chars: int
                 ) -> tuple[OperationDefinitionNode, dict[str, FragmentDefinitionNode]] | None:
    """The query a request runs (with no directive but @include/@skip) and the document's fragments; None for
    a document past `max_chars`, one that does not parse, or an operation that is not one query."""
    if len(query) > max_chars:
        return None
    try:
        document = parse(query, no_location=True)
    except GraphQLError:
        return None
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is None:
        chosen = operations if len(operations) == 1 else []
    else:
        chosen = [op for op in operations if op.name is not None and op.name.value == operation_name]
    if len(chosen) != 1 or chosen[0].operation is not OperationType.QUERY or not plain_directives(chosen[0]):
        return None
    return chosen[0], {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


def plain_directives(node: Any) -> bool:
    return all(d.name.value in _DIRECTIVES for d in node.directives or ())


def reads_only(allowed_fields: dict[str, dict[str, str | None]], selection_set: SelectionSetNode | None,
               type_name: str, fragments: dict[str, FragmentDefinitionNode], collect_on: str,
               collected: list[FieldNode], refused_arguments: frozenset[str] = frozenset(),
               spreading: tuple[str, ...] = ()) -> bool:
    """Whether every selection reads only `allowed_fields` (per type, each field's type, None for a leaf),
    with no directive but @include/@skip, no fragment on another type and none of `refused_arguments`;
    collects the fields selected on the type `collect_on`."""
    if selection_set is None:
        return False
    allowed = allowed_fields[type_name]
    for selection in selection_set.selections:
        if not plain_directives(selection):
            return False
        if isinstance(selection, FieldNode):
            name = selection.name.value
            if name not in allowed or any(a.name.value in refused_arguments for a in selection.arguments or ()):
                return False
            if type_name == collect_on:
                collected.append(selection)
            child = allowed[name]
            if child is None:
                if selection.selection_set is not None:
                    return False
            elif not reads_only(allowed_fields, selection.selection_set, child, fragments, collect_on, collected,
                                refused_arguments, spreading):
                return False
        elif isinstance(selection, InlineFragmentNode):
            condition = selection.type_condition
            if condition is not None and condition.name.value != type_name:
                return False
            if not reads_only(allowed_fields, selection.selection_set, type_name, fragments, collect_on, collected,
                              refused_arguments, spreading):
                return False
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if (fragment is None or name in spreading or fragment.type_condition.name.value != type_name
                    or not plain_directives(fragment)
                    or not reads_only(allowed_fields, fragment.selection_set, type_name, fragments, collect_on,
                                      collected, refused_arguments, (*spreading, name))):
                return False
        else:
            return False
    return True


def canonical_variables(variables: dict[str, Any] | None) -> str | None:
    try:
        return json.dumps(variables or {}, sort_keys=True, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError):  # NaN, or values JSON cannot hold: run the request as usual
        return None


def argument_id(node: ValueNode, variables: dict[str, Any], type_name: str, argument: str = "id") -> int | None:
    """The database id a literal or variable ID argument names, or None when it is not a well-formed id
    of `type_name` (the request then fails as it should, and a failure is never kept)."""
    if isinstance(node, VariableNode):
        value = variables.get(node.name.value)
    elif isinstance(node, StringValueNode):
        value = node.value
    else:
        return None
    if not isinstance(value, str):
        return None
    try:
        return id_arg(value, type_name, argument)
    except BadInput:
        return None


def _root_ids(roots: tuple[ValueNode, ...], variables: dict[str, Any]) -> tuple[int, ...] | None:
    """The node ids the rootId arguments name, or None when one is not a well-formed node id."""
    ids = []
    for node in roots:
        found = argument_id(node, variables, "MemberContentNode", "rootId")
        if found is None:
            return None
        ids.append(found)
    return tuple(sorted(set(ids)))


async def shared_response_key(member: MemberViewer, loaders: dict[str, Any], settings: Settings, query: str | None,
                              operation_name: str | None, variables: dict[str, Any] | None) -> tuple | None:
    """This request's key among shared responses, or None when it must run on its own."""
    if not query or member.hub is None:
        return None
    document = shared_document(query, operation_name)
    if document is None:
        return None
    canonical = canonical_variables(variables)
    if canonical is None or len(canonical) > MAX_VARIABLES_CHARS:
        return None
    under = None
    if document.roots is not None:
        under = _root_ids(document.roots, variables or {})
        if under is None:
            return None
    try:
        access = await hub_access(loaders, member.team_id, member.hub_id, member.team_contact_id)
    except Exception:  # the resolver meets the same failure and reports it as it should
        return None
    outcomes = outcome_key(access, settings, under)
    return None if outcomes is None else (query, operation_name, canonical, *outcomes)


def cached_response(key: tuple, started: float) -> ExecutionResult | None:
    encoded = shared_responses.get(key)
    if encoded is None:
        MEMBER_SHARED_RESPONSES.labels("miss").inc()
        return None
    MEMBER_SHARED_RESPONSES.labels("hit").inc()
    GRAPHQL_OPERATIONS.labels("query", "ok").inc()
    GRAPHQL_DURATION.labels("query").observe(time.perf_counter() - started)
    # The encoded data is embedded in the response as is (app/graphql/encoding.py).
    return ExecutionResult(data=EncodedJSON(encoded), errors=None)  # type: ignore[arg-type]


def keep_response(key: tuple, result: ExecutionResult) -> None:
    """Store a result that ran cleanly (no errors, no extensions) under its key."""
    if result.errors or result.extensions or result.data is None:
        return
    query, _, variables = key[:3]
    shared_responses.put(key, encode_response(result.data).encode(), key_bytes=len(query) + len(variables) + 256)
