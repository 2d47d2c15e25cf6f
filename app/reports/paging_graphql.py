"""Relay connections over computed rows (a report's series, cohort rows): GraphQL-facing paging.

A report is computed whole, then paged: the cursor is the row's own key (a day or month as its
ordinal), the same keyset shape as app/graphql/connections.py, so a client pages a long series
with `first/after` or `last/before` exactly as it pages contacts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from app.graphql.connections import Connection, Edge, PageInfo, decode_cursor, encode_cursor, page_size
from app.graphql.errors import BadInput

ItemT = TypeVar("ItemT")
NodeT = TypeVar("NodeT")


def rows_page(items: Sequence[ItemT], key: Callable[[ItemT], int], to_node: Callable[[ItemT], NodeT], *,
              first: int | None = None, after: str | None = None, last: int | None = None,
              before: str | None = None) -> Connection[NodeT]:
    """`items` in key order, one page of them (first/last as everywhere: default 50, at most 200)."""
    if first is not None and last is not None:
        raise BadInput("give first or last, not both")
    window = list(items)
    if after:
        after_key = decode_cursor(after)[1]
        window = [i for i in window if key(i) > after_key]
    if before:
        before_key = decode_cursor(before)[1]
        window = [i for i in window if key(i) < before_key]
    if last is not None:
        limit = page_size(last, "last")
        page = window[-limit:] if limit else []
        more = len(window) > limit
        has_next, has_previous = bool(before) and len(window) < len(items), more
    else:
        limit = page_size(first)
        page = window[:limit]
        more = len(window) > limit
        has_next, has_previous = more, bool(after) and len(window) < len(items)
    edges = [Edge(cursor=encode_cursor(key(i), key(i)), node=to_node(i)) for i in page]
    total = len(items)

    async def count() -> int:
        return total

    return Connection(edges=edges, page_info=PageInfo(
        has_next_page=has_next, has_previous_page=has_previous,
        start_cursor=edges[0].cursor if edges else None, end_cursor=edges[-1].cursor if edges else None),
        count_query=count)
