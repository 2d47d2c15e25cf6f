"""Relay connections with keyset cursors: (sort value, id) pairs, never offsets."""

from __future__ import annotations

import base64
import json
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any, Generic, TypeVar

import strawberry
from tortoise import fields
from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from app.core.ids import MAX_ID, parse_id_or_none
from app.core.inputs import text_problem
from app.graphql.errors import BadInput

NodeT = TypeVar("NodeT")
MAX_PAGE_SIZE = 200
DEFAULT_PAGE_SIZE = 50
MAX_CURSOR_LENGTH = 2000  # an email sort value is at most 320 characters


@strawberry.type(description="Where a page of a connection sits in the whole list (Relay cursor connections).")
class PageInfo:
    has_next_page: bool = strawberry.field(description=(
        "Whether items follow this page: pass `endCursor` as `after` to read them. Exact, also when paging "
        "backwards."))
    has_previous_page: bool = strawberry.field(description=(
        "Whether items precede this page: pass `startCursor` as `before` (with `last`) to read them. Exact, "
        "also when paging forwards."))
    start_cursor: str | None = strawberry.field(description="Cursor of the page's first item; null on an empty page.")
    end_cursor: str | None = strawberry.field(description="Cursor of the page's last item; null on an empty page.")


@strawberry.type(description="One item of a connection page, with its cursor.")
class Edge(Generic[NodeT]):
    cursor: str = strawberry.field(description=(
        "Opaque keyset cursor of this item (its sort value and id, not an offset): items added or removed "
        "elsewhere never shift a page that starts here. Pass it as `after` or `before`."))
    node: NodeT = strawberry.field(description="The item.")


@strawberry.type(description=(
    f"One page of a list, in the list's order, with keyset cursors: `first`/`after` page forwards, "
    f"`last`/`before` backwards, at most {MAX_PAGE_SIZE} items a page ({DEFAULT_PAGE_SIZE} by default)."))
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]] = strawberry.field(description="The page's items with their cursors.")
    page_info: PageInfo = strawberry.field(description="Cursors of the page's ends and whether more items exist.")
    count_query: strawberry.Private[Callable[[], Awaitable[int]] | None] = None

    @strawberry.field(description=(
        "Number of items in the whole list (matching the filter), not only this page; one COUNT query, so "
        "it costs more than the page (query cost 10)."), metadata={"cost": 10})
    async def total_count(self) -> int:
        if self.count_query is None:
            return len(self.edges)
        return await self.count_query()

    @strawberry.field(description="The page's items without cursors (the `node` of each edge, in order).")
    def nodes(self) -> list[NodeT]:
        return [edge.node for edge in self.edges]


def encode_cursor(sort_value: Any, row_id: int) -> str:
    if isinstance(sort_value, datetime):
        sort_value = {"t": sort_value.isoformat()}
    raw = json.dumps([sort_value, row_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort_type: type = int) -> tuple[Any, int]:
    """A cursor's (sort value, row id): the id a key in bigint range, the sort value of `sort_type`
    (the sort column's: int, str or an aware datetime); anything else is BAD_USER_INPUT, before SQL."""
    try:
        if not isinstance(cursor, str) or len(cursor) > MAX_CURSOR_LENGTH:
            raise ValueError
        padded = cursor + "=" * (-len(cursor) % 4)
        sort_value, row_id = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        if sort_type is datetime:
            if not (isinstance(sort_value, dict) and isinstance(sort_value.get("t"), str)):
                raise ValueError
            sort_value = datetime.fromisoformat(sort_value["t"])
            if sort_value.tzinfo is None:
                raise ValueError
        elif sort_type is int:
            if not isinstance(sort_value, int) or isinstance(sort_value, bool) or not 0 <= sort_value <= MAX_ID:
                raise ValueError
        elif not isinstance(sort_value, str) or text_problem(sort_value):
            raise ValueError
        if not isinstance(row_id, int) or parse_id_or_none(row_id) is None:
            raise ValueError
        return sort_value, row_id
    except (ValueError, TypeError, RecursionError) as exc:  # json and base64 errors are ValueErrors
        raise BadInput("invalid cursor") from exc


def _sort_type(queryset: QuerySet, sort_field: str) -> type:
    """The Python type a cursor's sort value must have, from the sort column's model field."""
    field = queryset.model._meta.fields_map[sort_field]
    if isinstance(field, fields.DatetimeField):
        return datetime
    if isinstance(field, fields.CharField | fields.TextField):
        return str
    return int


def page_size(count: int | None, name: str = "first") -> int:
    if count is None:
        return DEFAULT_PAGE_SIZE
    if count < 0 or count > MAX_PAGE_SIZE:
        raise BadInput(f"{name} must be between 0 and {MAX_PAGE_SIZE}")
    return count


def _beyond(queryset: QuerySet, cursor: str, sort_field: str, op: str, inclusive: bool = False) -> QuerySet:
    """Rows after (op "gt") or before (op "lt") the cursor's (sort value, id) pair."""
    value, row_id = decode_cursor(cursor, _sort_type(queryset, sort_field))
    id_op = f"{op}e" if inclusive else op
    if sort_field == "id":
        return queryset.filter(**{f"id__{id_op}": row_id})
    return queryset.filter(Q(**{f"{sort_field}__{op}": value}) | Q(**{sort_field: value, f"id__{id_op}": row_id}))


async def keyset_page(
    queryset: QuerySet,
    to_node: Callable[[Any], NodeT],
    *,
    first: int | None,
    after: str | None,
    last: int | None = None,
    before: str | None = None,
    sort_field: str = "id",
    descending: bool = False,
) -> Connection[NodeT]:
    """One page of `queryset` ordered by (sort_field, id); cursors are (sort value, id) pairs.

    `first`/`after` page forwards; `last`/`before` page backwards (the page is still in order).
    A cursor on the other side costs one EXISTS query, so hasPreviousPage/hasNextPage are exact."""
    if first is not None and last is not None:
        raise BadInput("give first or last, not both")
    backwards = last is not None
    limit = page_size(last, "last") if backwards else page_size(first)
    count_source = queryset
    forward_op, backward_op = ("lt", "gt") if descending else ("gt", "lt")
    if after:
        queryset = _beyond(queryset, after, sort_field, forward_op)
    if before:
        queryset = _beyond(queryset, before, sort_field, backward_op)
    reverse = descending != backwards  # backwards: read from the far end, then turn the page around
    prefix = "-" if reverse else ""
    ordering = [f"{prefix}id"] if sort_field == "id" else [f"{prefix}{sort_field}", f"{prefix}id"]
    rows: Sequence[Any] = await queryset.order_by(*ordering).limit(limit + 1)
    more = len(rows) > limit
    rows = list(rows[:limit])
    if backwards:
        rows.reverse()
    # The far side of the cursor we came from holds at least the cursor's own row, unless it is gone.
    came_from = before if backwards else after
    beyond = False
    if came_from:
        op = forward_op if backwards else backward_op
        beyond = await _beyond(count_source, came_from, sort_field, op, inclusive=True).exists()
    edges = [
        Edge(cursor=encode_cursor(getattr(row, sort_field), row.id), node=to_node(row)) for row in rows
    ]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=beyond if backwards else more,
            has_previous_page=more if backwards else beyond,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        count_query=count_source.count,
    )
