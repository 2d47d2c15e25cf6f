"""Relay connections with keyset cursors: (sort value, id) pairs, never offsets."""

from __future__ import annotations

import base64
import json
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any, Generic, TypeVar

import strawberry
from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from app.graphql.errors import BadInput

NodeT = TypeVar("NodeT")
MAX_PAGE_SIZE = 200
DEFAULT_PAGE_SIZE = 50


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[NodeT]):
    cursor: str
    node: NodeT


@strawberry.type
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]]
    page_info: PageInfo
    count_query: strawberry.Private[Callable[[], Awaitable[int]] | None] = None

    @strawberry.field(description="Total number of nodes matching the filter (one COUNT query).")
    async def total_count(self) -> int:
        if self.count_query is None:
            return len(self.edges)
        return await self.count_query()

    @strawberry.field
    def nodes(self) -> list[NodeT]:
        return [edge.node for edge in self.edges]


def encode_cursor(sort_value: Any, row_id: int) -> str:
    if isinstance(sort_value, datetime):
        sort_value = {"t": sort_value.isoformat()}
    raw = json.dumps([sort_value, row_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[Any, int]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        sort_value, row_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if isinstance(sort_value, dict) and "t" in sort_value:
            sort_value = datetime.fromisoformat(sort_value["t"])
        if not isinstance(row_id, int):
            raise ValueError
        return sort_value, row_id
    except (ValueError, TypeError, json.JSONDecodeError) as exc:
        raise BadInput("invalid cursor") from exc


def page_size(first: int | None) -> int:
    if first is None:
        return DEFAULT_PAGE_SIZE
    if first < 0 or first > MAX_PAGE_SIZE:
        raise BadInput(f"first must be between 0 and {MAX_PAGE_SIZE}")
    return first


async def keyset_page(
    queryset: QuerySet,
    to_node: Callable[[Any], NodeT],
    *,
    first: int | None,
    after: str | None,
    sort_field: str = "id",
    descending: bool = False,
) -> Connection[NodeT]:
    """One page of `queryset` ordered by (sort_field, id); the cursor is the last pair seen."""
    limit = page_size(first)
    count_source = queryset
    if after:
        value, row_id = decode_cursor(after)
        op = "lt" if descending else "gt"
        if sort_field == "id":
            queryset = queryset.filter(**{f"id__{op}": row_id})
        else:
            queryset = queryset.filter(
                Q(**{f"{sort_field}__{op}": value}) | Q(**{sort_field: value, f"id__{op}": row_id})
            )
    prefix = "-" if descending else ""
    ordering = [f"{prefix}id"] if sort_field == "id" else [f"{prefix}{sort_field}", f"{prefix}id"]
    rows: Sequence[Any] = await queryset.order_by(*ordering).limit(limit + 1)
    has_next = len(rows) > limit
    rows = rows[:limit]
    edges = [
        Edge(cursor=encode_cursor(getattr(row, sort_field), row.id), node=to_node(row)) for row in rows
    ]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=has_next,
            has_previous_page=after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        count_query=count_source.count,
    )
