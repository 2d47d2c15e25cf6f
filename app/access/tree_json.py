"""`contentTreeJson`: a member's decided tree as one JSON value, encoded once per distinct outcome.

Everything in the value comes from the hub's snapshot (one version) and the member's decisions,
and those are one per distinct rule set of the snapshot (`HubAccess.outcomes`). So the encoded
value is kept in-process, keyed by the snapshot's version, the outcomes exactly as the JSON
writes them, and the period of the signed media URLs. Members whose outcomes are equal (same
role, segments, products, named-contact hit, ban, drips opened) share one value. Keying by the
outcomes rather than by the facts means nothing the decision reads can be missing from the key,
and time is covered: once `now` passes a from/until/drip/entitlement boundary, the outcomes differ.

The value goes to the response as `EncodedJSON`, embedded as is (app/graphql/encoding.py).
"""

from __future__ import annotations

from typing import Any

import orjson

from app.access.decision import Decision, LockReason
from app.access.view import HubAccess
from app.content.loaders import NodeRow, is_lesson
from app.content.media_urls import URL_PERIOD_SECONDS, media_url
from app.content.models import MediaKind, NodeKind
from app.core.bounded import BoundedLRU
from app.graphql.encoding import EncodedJSON
from app.graphql.ids import encode_id, gid
from app.settings import Settings

MAX_CACHED_BYTES = 32 * 1024 * 1024  # per process; the least recently used values go first


class EncodedTrees(BoundedLRU[bytes]):
    """A least-recently-used map of encoded trees, bounded by their total size in bytes."""

    def put(self, key: tuple, value: bytes, key_bytes: int = 0) -> None:
        """Store `value`; it costs its length plus `key_bytes` (a key that holds caller-sent text, such as a
        document, counts against the budget too)."""
        self.store(key, value, len(value) + key_bytes)


encoded_trees = EncodedTrees(MAX_CACHED_BYTES)


def outcome_key(access: HubAccess, settings: Settings, under: tuple[int, ...] | None = None) -> tuple | None:
    """What a member's whole tree depends on: the snapshot's version, the outcomes as the JSON writes
    them, the media URLs' signing period (when the tree has signed media) and the settings that shape
    URLs; with `under`, only the outcomes of those nodes' subtrees (what a course page reads). None
    when the snapshot may not be shared (loaders off, or one read outside the cache)."""
    snapshot = access.snapshot
    if snapshot is None or not snapshot.shareable:
        return None
    if under is not None:
        outcomes = access.outcomes_under(under)
        if outcomes is None:
            return None
        decided: tuple = ("under", under, tuple((i, _outcome_json(d)) for i, d in outcomes))
    else:
        decided = tuple(_outcome_json(d) for d in access.outcomes)
    signed = snapshot.memo.get("content:tree-has-signed-media")
    if signed is None:
        signed = snapshot.memo["content:tree-has-signed-media"] = any(
            row.media is not None and not row.media.external_url for row in access.tree.nodes.values())
    return (
        access.team_id, access.hub_id, snapshot.version, settings.public_url, settings.secret_key,
        int(access.now.timestamp()) // URL_PERIOD_SECONDS if signed else None,
        decided,
    )


def member_tree_json(access: HubAccess, settings: Settings) -> EncodedJSON:
    """`contentTree` as one encoded JSON value: from the cache, or shaped and encoded now."""
    key = outcome_key(access, settings)
    encoded = encoded_trees.get(key) if key is not None else None
    if encoded is None:
        encoded = orjson.dumps(member_tree_data(access, settings))
        if key is not None:
            encoded_trees.put(key, encoded)
    return EncodedJSON(encoded)


def _outcome_json(decision: Decision) -> tuple[bool, str | None, str | None]:
    """A decision as the JSON writes it (canAccess, lockedReason, availableAt)."""
    return (
        decision.allowed, None if decision.allowed else _enum_name(decision.reason),
        decision.available_at.isoformat() if decision.available_at is not None else None,
    )


def _static_tree_json(access: HubAccess) -> list[tuple[int, bool, dict, NodeRow]]:
    """Per node, in tree order: (id, is lesson, the fields that do not depend on the member, row)."""
    tree = access.tree
    out = []
    for node_id in tree.order:
        row = tree.nodes[node_id]
        out.append((node_id, is_lesson(row), {
            "id": encode_id("MemberContentNode", row.id), "parentId": gid("MemberContentNode", row.parent_id),
            "sectionId": gid("MemberHubSection", row.section_id),
            "kind": NodeKind(row.kind).name, "title": row.title, "position": row.position,
            "depth": tree.depth[node_id],
        }, row))
    return out


def member_tree_data(access: HubAccess, settings: Settings) -> list[dict[str, Any]]:
    """`contentTree` as plain data, shaped in one pass (no per-field GraphQL resolution)."""
    snapshot = access.snapshot
    static = snapshot.memo.get("content:tree-json") if snapshot is not None else None
    if static is None:
        static = _static_tree_json(access)
        if snapshot is not None:
            snapshot.memo["content:tree-json"] = static
    decisions = access.decisions
    now = access.now.timestamp()
    media_json: dict[int, dict] = {}
    out = []
    for node_id, lesson, fields, row in static:
        decision = decisions[node_id]
        allowed = decision.allowed
        counts = (1, int(allowed)) if lesson else access.lesson_counts(node_id)
        media = None
        if allowed and row.media is not None:
            media = media_json.get(row.media.id)
            if media is None:
                m = row.media
                media = media_json[m.id] = {
                    "id": encode_id("MemberMedia", m.id), "kind": MediaKind(m.kind).name, "filename": m.filename,
                    "contentType": m.content_type, "sizeBytes": m.size_bytes, "url": media_url(settings, m, now),
                }
        out.append({
            **fields, "canAccess": allowed, "lockedReason": None if allowed else _enum_name(decision.reason),
            "availableAt": decision.available_at.isoformat() if decision.available_at is not None else None,
            "body": row.body if allowed else None, "lessonCount": counts[0], "accessibleLessonCount": counts[1],
            "media": media,
        })
    return out


def _enum_name(reason: LockReason | None) -> str | None:
    return reason.name if reason is not None else None
