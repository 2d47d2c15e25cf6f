"""Typed member tree lists (`contentTree`, `roots`, `children`, search hits) completed in one pass.

The per-field path resolves each selected field of each `MemberContentNode` on its own (a
500-node tree with a dozen fields is ~6,000 resolver calls). The values are all in the
request's `HubAccess` (the hub snapshot's tree and this member's decisions), so a plan built
from the selection reads them directly: per response key one getter, per node one dict.
The per-node values that depend only on the snapshot (ids, kinds) are encoded once per
snapshot version.

A plan gives exactly what the generic path gives, field for field (tests/test_member_tree.py
compares them); a selection with a field it does not know is completed the generic way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLObjectType, get_nullable_type
from graphql.execution.collect_fields import GroupedFieldSet

from app.access.decision import Decision
from app.access.view import HubAccess
from app.content.loaders import MediaRow
from app.content.media_urls import media_url
from app.content.models import MediaKind, NodeKind
from app.graphql.ids import encode_id, gid
from app.graphql.planned import PlannedExecutionContext
from app.settings import Settings

Getter = Callable[[int], Any]
NODE_TYPE = "MemberContentNode"
# Every field of the member node types a plan computes (tests/test_member_tree.py checks the schema has no other).
NODE_FIELDS = frozenset({
    "__typename", "id", "parentId", "sectionId", "kind", "title", "position", "depth", "canAccess", "lockedReason",
    "availableAt", "body", "media", "lessonCount", "accessibleLessonCount", "children", "progress",
})
MEDIA_FIELDS = frozenset({"__typename", "id", "kind", "filename", "contentType", "sizeBytes", "url"})
STATUS_FIELDS = frozenset({"__typename", "startedAt", "completedAt", "completed"})


@dataclass
class TreePlan:
    """Shapes nodes for one selection; `progress` must be set before shaping when `needs_progress`."""

    shape: Callable[[int], dict[str, Any]]
    needs_progress: bool
    state: _State

    def shape_all(self, node_ids: list[int], progress: dict[int, Any] | None = None) -> list[dict[str, Any]]:
        self.state.progress = progress or {}
        shape = self.shape
        return [shape(i) for i in node_ids]


class _State:
    """What the getters of one plan share: the request's values."""

    def __init__(self, access: HubAccess, settings: Settings) -> None:
        self.access = access
        self.settings = settings
        self.progress: dict[int, Any] = {}
        self.media: dict[tuple[int, int], dict[str, Any]] = {}  # (id of the media plan, media id) -> shaped
        self.needs_progress = False


def compile_tree_plan(executor: PlannedExecutionContext, item_type: GraphQLObjectType, fields: GroupedFieldSet,
                      access: HubAccess, settings: Settings) -> TreePlan | None:
    """A plan for this selection of `MemberContentNode`, or None if it has a field a plan does not compute."""
    state = _State(access, settings)
    shape = _node_shaper(executor, item_type, fields, state)
    if shape is None:
        return None
    return TreePlan(shape, state.needs_progress, state)


def _memo(access: HubAccess, name: str, build: Callable[[], dict[int, Any]]) -> dict[int, Any]:
    """A per-node value that depends only on the snapshot, built once per snapshot version."""
    snapshot = access.snapshot
    if snapshot is None:
        return build()
    key = f"tree-plan:{name}"
    value = snapshot.memo.get(key)
    if value is None:
        value = snapshot.memo[key] = build()
    return value


def _reason(decision: Decision) -> str | None:
    return decision.reason.name if not decision.allowed and decision.reason is not None else None


def _iso(decision: Decision) -> str | None:
    return decision.available_at.isoformat() if decision.available_at is not None else None


def _shaper(getters: list[tuple[str, Getter]]) -> Callable[[int], dict[str, Any]]:
    def shape(key: int) -> dict[str, Any]:
        return {name: get(key) for name, get in getters}

    return shape


def _node_shaper(executor: PlannedExecutionContext, item_type: GraphQLObjectType, fields: GroupedFieldSet,
                 state: _State) -> Callable[[int], dict[str, Any]] | None:
    access = state.access
    tree, decisions = access.tree, access.decisions
    nodes = tree.nodes
    getters: list[tuple[str, Getter]] = []
    for response_name, details_list in fields.items():
        name = details_list[0].node.name.value
        if name not in NODE_FIELDS:
            return None
        get: Getter
        if name == "__typename":
            get = _constant(item_type.name)
        elif name == "id":
            get = _memo(access, "id", lambda: {i: encode_id(NODE_TYPE, i) for i in nodes}).__getitem__
        elif name == "parentId":
            get = _memo(access, "parentId", lambda: {i: gid(NODE_TYPE, r.parent_id) for i, r in nodes.items()}
                        ).__getitem__
        elif name == "sectionId":
            get = _memo(access, "sectionId", lambda: {
                i: gid("MemberHubSection", r.section_id) for i, r in nodes.items()}).__getitem__
        elif name == "kind":
            get = _memo(access, "kind", lambda: {i: NodeKind(r.kind).name for i, r in nodes.items()}).__getitem__
        elif name == "title":
            get = _memo(access, "title", lambda: {i: r.title for i, r in nodes.items()}).__getitem__
        elif name == "position":
            get = _memo(access, "position", lambda: {i: r.position for i, r in nodes.items()}).__getitem__
        elif name == "depth":
            get = tree.depth.__getitem__
        elif name == "canAccess":
            get = _allowed(decisions)
        elif name == "lockedReason":
            get = _by_decision(decisions, _reason)
        elif name == "availableAt":
            get = _by_decision(decisions, _iso)
        elif name == "body":
            get = _body(access)
        elif name == "lessonCount":
            get = access.node_lesson_counts()[0].__getitem__
        elif name == "accessibleLessonCount":
            get = access.node_lesson_counts()[1]
        else:  # an object or list field: its own selection, planned too
            sub_type = get_nullable_type(item_type.fields[name].type)
            if name == "children":
                sub_type = get_nullable_type(sub_type.of_type)
            if not isinstance(sub_type, GraphQLObjectType):
                return None
            sub_fields = executor.collect_plain_subfields(sub_type, details_list)
            if sub_fields is None:
                return None
            sub = _sub_getter(executor, name, sub_type, sub_fields, state)
            if sub is None:
                return None
            get = sub
        getters.append((response_name, get))
    return _shaper(getters)


def _sub_getter(executor: PlannedExecutionContext, name: str, sub_type: GraphQLObjectType, sub_fields: GroupedFieldSet,
                state: _State) -> Getter | None:
    access = state.access
    tree, decisions = access.tree, access.decisions
    if name == "children":
        child = _node_shaper(executor, sub_type, sub_fields, state)
        if child is None:
            return None
        shape_child = child
        children = tree.children
        return lambda i: [shape_child(c) for c in children.get(i, ())]
    if name == "media":
        media = _media_shaper(sub_type, sub_fields, state)
        if media is None:
            return None
        shape_media = media
        nodes = tree.nodes
        return lambda i: shape_media(row) if decisions[i].allowed and (row := nodes[i].media) is not None else None
    if name == "progress":
        status = _status_shaper(sub_type, sub_fields)
        if status is None:
            return None
        state.needs_progress = True
        shape_status = status
        return lambda i: (shape_status(row) if decisions[i].allowed and (row := state.progress.get(i)) is not None
                          else None)
    return None


def _constant(value: Any) -> Callable[[Any], Any]:
    return lambda _: value


def _allowed(decisions: dict[int, Decision]) -> Getter:
    return lambda i: decisions[i].allowed


def _by_decision(decisions: dict[int, Decision], fn: Callable[[Decision], Any]) -> Getter:
    return lambda i: fn(decisions[i])


def _body(access: HubAccess) -> Getter:
    nodes, decisions = access.tree.nodes, access.decisions
    return lambda i: nodes[i].body if decisions[i].allowed else None


_MEDIA_GETTERS: dict[str, Callable[[MediaRow], Any]] = {
    "id": lambda m: encode_id("MemberMedia", m.id),
    "kind": lambda m: MediaKind(m.kind).name,
    "filename": lambda m: m.filename,
    "contentType": lambda m: m.content_type,
    "sizeBytes": lambda m: m.size_bytes,
}
_STATUS_GETTERS: dict[str, Callable[[Any], Any]] = {
    "startedAt": lambda p: p.started_at.isoformat() if p.started_at is not None else None,
    "completedAt": lambda p: p.completed_at.isoformat() if p.completed_at is not None else None,
    "completed": lambda p: p.completed_at is not None,
}


def _media_shaper(media_type: GraphQLObjectType, fields: GroupedFieldSet,
                  state: _State) -> Callable[[MediaRow], dict[str, Any]] | None:
    settings, now = state.settings, state.access.now.timestamp()
    getters: list[tuple[str, Callable[[MediaRow], Any]]] = []
    for response_name, details_list in fields.items():
        name = details_list[0].node.name.value
        if name not in MEDIA_FIELDS:
            return None
        getters.append((response_name, _constant(media_type.name) if name == "__typename"
                        else (lambda m: media_url(settings, m, now)) if name == "url" else _MEDIA_GETTERS[name]))
    cache = state.media
    plan_id = id(getters)

    def shape(m: MediaRow) -> dict[str, Any]:
        key = (plan_id, m.id)
        shaped = cache.get(key)
        if shaped is None:
            shaped = cache[key] = {name: get(m) for name, get in getters}
        return shaped

    return shape


def _status_shaper(status_type: GraphQLObjectType, fields: GroupedFieldSet) -> Callable[[Any], dict[str, Any]] | None:
    getters: list[tuple[str, Callable[[Any], Any]]] = []
    for response_name, details_list in fields.items():
        name = details_list[0].node.name.value
        if name not in STATUS_FIELDS:
            return None
        getters.append((response_name, _constant(status_type.name) if name == "__typename" else _STATUS_GETTERS[name]))
    return lambda p: {name: get(p) for name, get in getters}
