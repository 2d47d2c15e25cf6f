"""Automatic persisted queries (Apollo's `extensions.persistedQuery`) and the optional operation allow-list.

APQ: a client sends `{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": h}}}` without the
query; an unknown hash answers `PersistedQueryNotFound` and the client retries with the query, which is
kept in Redis under the deployment's prefix (`<prefix>:apq:<hash>`) for APQ_TTL_SECONDS after its last use.

Allow-list (MEMBERHUB_OPERATION_ALLOWLIST, a JSON file): only the listed documents run, over HTTP and
websockets alike (a validation rule, so the check is on the document text that is executed); hashes
are looked up in the list, never stored.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from graphql import ASTValidationRule, GraphQLError, ValidationContext

from app.core.redis import get_redis, key_prefix
from app.settings import Settings

APQ_TTL_SECONDS = 7 * 24 * 3600
_HASH = re.compile(r"[0-9a-f]{64}")


class PersistedQueryError(Exception):
    """An APQ request that cannot run; Apollo's client retries on PERSISTED_QUERY_NOT_FOUND (status 200)."""

    def __init__(self, message: str, code: str, status_code: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status_code = status_code


def query_hash(query: str) -> str:
    return hashlib.sha256(query.encode()).hexdigest()


def _apq_key(digest: str) -> str:
    return f"{key_prefix()}:apq:{digest}"


@lru_cache(maxsize=4)
def load_allowlist(path: Path) -> dict[str, str]:
    """hash → document, from an Apollo persisted-query manifest or a plain {"<sha256>": "<document>"} map.

    Every hash is checked against its document, so a stale or hand-edited list fails at startup."""
    raw = json.loads(path.read_text())
    if isinstance(raw, dict) and isinstance(raw.get("operations"), list):
        pairs = [(op.get("id"), op.get("body")) for op in raw["operations"]]
    elif isinstance(raw, dict):
        pairs = list(raw.items())
    else:
        raise ValueError(f"{path}: expected an Apollo persisted-query manifest or a JSON object of hash: document")
    allowed: dict[str, str] = {}
    for digest, body in pairs:
        if not isinstance(digest, str) or not isinstance(body, str) or query_hash(body) != digest.lower():
            raise ValueError(f"{path}: {digest!r} is not the sha256 of its document")
        allowed[digest.lower()] = body
    return allowed


def allowlist_of(settings: Settings) -> dict[str, str] | None:
    return load_allowlist(settings.operation_allowlist) if settings.operation_allowlist else None


async def resolve_persisted_query(query: str | None, extensions: dict[str, Any] | None,
                                  settings: Settings) -> str | None:
    """The document to execute: the request's own, or the one its persisted-query hash names."""
    persisted = (extensions or {}).get("persistedQuery")
    if persisted is None:
        return query
    digest = persisted.get("sha256Hash") if isinstance(persisted, dict) else None
    if not isinstance(persisted, dict) or persisted.get("version") != 1 or not isinstance(digest, str) \
            or not _HASH.fullmatch(digest):
        raise PersistedQueryError("extensions.persistedQuery must be {\"version\": 1, \"sha256Hash\": "
                                  "\"<64 lowercase hex digits>\"}", "PERSISTED_QUERY_INVALID")
    allowlist = allowlist_of(settings)
    if query is not None:
        if query_hash(query) != digest:
            raise PersistedQueryError("provided sha does not match query", "PERSISTED_QUERY_HASH_MISMATCH")
        if allowlist is None:
            await (await get_redis()).set(_apq_key(digest), query.encode(), ex=APQ_TTL_SECONDS)
        return query
    if allowlist is not None:
        found: str | None = allowlist.get(digest)
    else:
        stored = await (await get_redis()).getex(_apq_key(digest), ex=APQ_TTL_SECONDS)
        found = stored.decode() if isinstance(stored, bytes) else stored
    if found is None:
        raise PersistedQueryError("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND", status_code=200)
    return found


def allowlist_rule(allowed: dict[str, str]) -> type[ASTValidationRule]:
    """A validation rule refusing any document whose text is not in the allow-list."""
    hashes = frozenset(allowed)

    class OperationAllowList(ASTValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            loc = context.document.loc
            body = loc.source.body if loc is not None else ""
            if query_hash(body) not in hashes:
                context.report_error(GraphQLError(
                    "this operation is not in the server's allow-list (MEMBERHUB_OPERATION_ALLOWLIST)",
                    extensions={"code": "OPERATION_NOT_ALLOWED"},
                ))

    return OperationAllowList
