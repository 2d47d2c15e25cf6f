"""Computed properties: per-contact values maintained as events and orders are written.

Call these inside the transaction that writes the events or orders, so the values are never
behind the rows they summarize:

    async with in_transaction() as tx, tx.acquire_connection() as conn:
        ...insert events...
        await apply_events(conn, team_id, [(contact_id, "search", occurred_at), ...])
        ...insert or update orders...
        await apply_orders(conn, team_id, [contact_id, ...])

Ingest (`app.events.service`) calls `apply_events` through the hook `apply_ingested_events`, and
`rebuild_computed_properties` recreates everything from the raw rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import asyncpg
from tortoise.transactions import in_transaction

from app.segments.catalog import PAID_ORDER_STATUSES

EventFact = tuple[int, str, datetime]  # (team_contact_id, type, occurred_at)


async def _execute(conn: Any, sql: str, *args: Any) -> None:
    if isinstance(conn, asyncpg.Connection):
        await conn.execute(sql, *args)
    else:  # a Tortoise client or transaction
        await conn.execute_query(sql, list(args))


_EVENT_STATS_SQL = """
INSERT INTO contact_event_stats AS es (team_id, team_contact_id, type, count, first_at, last_at)
SELECT $1::bigint, x.cid, x.type, count(*), min(x.at), max(x.at)
  FROM unnest($2::bigint[], $3::text[], $4::timestamptz[]) AS x(cid, type, at)
 GROUP BY x.cid, x.type ORDER BY x.cid, x.type
ON CONFLICT (team_id, team_contact_id, type) DO UPDATE SET
    count = es.count + EXCLUDED.count,
    first_at = LEAST(es.first_at, EXCLUDED.first_at),
    last_at = GREATEST(es.last_at, EXCLUDED.last_at)
"""
_CONTACT_EVENTS_SQL = """
INSERT INTO contact_stats AS cs (team_contact_id, team_id, event_count, last_activity_at, order_count, total_spent,
                                 products)
SELECT x.cid, $1::bigint, count(*), max(x.at), 0, 0, '{}'::text[]
  FROM unnest($2::bigint[], $3::timestamptz[]) AS x(cid, at)
 GROUP BY x.cid ORDER BY x.cid
ON CONFLICT (team_contact_id) DO UPDATE SET
    event_count = cs.event_count + EXCLUDED.event_count,
    last_activity_at = GREATEST(cs.last_activity_at, EXCLUDED.last_activity_at)
"""


async def apply_events(conn: Any, team_id: int, events: Iterable[EventFact]) -> None:
    """Fold newly inserted events into the computed properties (events are append-only)."""
    facts = sorted(events, key=lambda e: (e[0], e[1]))
    if not facts:
        return
    ids = [f[0] for f in facts]
    times = [f[2] for f in facts]
    await _execute(conn, _EVENT_STATS_SQL, team_id, ids, [f[1] for f in facts], times)
    await _execute(conn, _CONTACT_EVENTS_SQL, team_id, ids, times)


_ORDER_STATS_SQL = """
INSERT INTO contact_stats AS cs (team_contact_id, team_id, event_count, last_activity_at, order_count, total_spent,
                                 first_order_at, last_order_at, products)
SELECT c.id, c.team_id, 0, NULL, COALESCE(o.n, 0), COALESCE(o.total, 0), o.first_at, o.last_at,
       COALESCE(p.products, '{}'::text[])
  FROM team_contacts c
  LEFT JOIN LATERAL (
      SELECT count(*) AS n, sum(total_amount - amount_refunded) AS total, min(placed_at) AS first_at,
             max(placed_at) AS last_at
        FROM orders WHERE team_id = $1::bigint AND team_contact_id = c.id AND status = ANY($3::text[])
  ) o ON true
  LEFT JOIN LATERAL (
      SELECT array_agg(DISTINCT oi.product_id::text ORDER BY oi.product_id::text) AS products
        FROM order_items oi JOIN orders o2 ON o2.team_id = oi.team_id AND o2.id = oi.order_id
       WHERE oi.team_id = $1::bigint AND o2.team_id = $1::bigint AND o2.team_contact_id = c.id
         AND o2.status = ANY($3::text[]) AND oi.product_id IS NOT NULL
  ) p ON true
 WHERE c.team_id = $1::bigint AND c.id = ANY($2::bigint[])
 ORDER BY c.id
ON CONFLICT (team_contact_id) DO UPDATE SET
    order_count = EXCLUDED.order_count, total_spent = EXCLUDED.total_spent,
    first_order_at = EXCLUDED.first_order_at, last_order_at = EXCLUDED.last_order_at,
    products = EXCLUDED.products
"""


async def apply_orders(conn: Any, team_id: int, contact_ids: Iterable[int]) -> None:
    """Recompute the order properties of these contacts from their orders (any status change, refunds)."""
    ids = sorted(set(contact_ids))
    if ids:
        await _execute(conn, _ORDER_STATS_SQL, team_id, ids, list(PAID_ORDER_STATUSES))


_REBUILD_SQL = [
    "DELETE FROM contact_event_stats WHERE team_id = $1::bigint",
    "DELETE FROM contact_stats WHERE team_id = $1::bigint",
    """
    INSERT INTO contact_event_stats (team_id, team_contact_id, type, count, first_at, last_at)
    SELECT $1::bigint, team_contact_id, type, count(*), min(occurred_at), max(occurred_at)
      FROM events WHERE team_id = $1::bigint GROUP BY team_contact_id, type
    """,
    """
    INSERT INTO contact_stats (team_contact_id, team_id, event_count, last_activity_at, order_count, total_spent,
                               first_order_at, last_order_at, products)
    SELECT c.id, c.team_id, COALESCE(ev.n, 0), ev.last_at, COALESCE(o.n, 0), COALESCE(o.total, 0), o.first_at,
           o.last_at, COALESCE(p.products, '{}'::text[])
      FROM team_contacts c
      LEFT JOIN (SELECT team_contact_id, sum(count) AS n, max(last_at) AS last_at FROM contact_event_stats
                  WHERE team_id = $1::bigint GROUP BY 1) ev ON ev.team_contact_id = c.id
      LEFT JOIN (SELECT team_contact_id, count(*) AS n, sum(total_amount - amount_refunded) AS total,
                        min(placed_at) AS first_at, max(placed_at) AS last_at
                   FROM orders WHERE team_id = $1::bigint AND status = ANY($2::text[]) GROUP BY 1) o
             ON o.team_contact_id = c.id
      LEFT JOIN (SELECT o2.team_contact_id,
                        array_agg(DISTINCT oi.product_id::text ORDER BY oi.product_id::text) AS products
                   FROM order_items oi JOIN orders o2 ON o2.team_id = oi.team_id AND o2.id = oi.order_id
                  WHERE oi.team_id = $1::bigint AND o2.team_id = $1::bigint AND o2.status = ANY($2::text[])
                    AND oi.product_id IS NOT NULL
                  GROUP BY 1) p ON p.team_contact_id = c.id
     WHERE c.team_id = $1::bigint AND (ev.team_contact_id IS NOT NULL OR o.team_contact_id IS NOT NULL)
    """,
]


async def rebuild_computed_properties(team_id: int, conn: Any = None) -> None:
    """Recreate a team's computed properties from its events and orders, in one transaction."""
    if conn is not None:
        await _rebuild(conn, team_id)
        return
    async with in_transaction() as tx, tx.acquire_connection() as connection:
        await _rebuild(connection, team_id)


async def _rebuild(conn: Any, team_id: int) -> None:
    for index, sql in enumerate(_REBUILD_SQL):
        args: list[Any] = [team_id] + ([list(PAID_ORDER_STATUSES)] if index == 3 else [])
        await _execute(conn, sql, *args)


async def apply_ingested_events(conn: asyncpg.Connection, team_id: int, stored: list[dict[str, Any]]) -> None:
    """The ingest hook (installed by app.wiring): computed properties exact at the events' commit."""
    await apply_events(conn, team_id, [(e["team_contact_id"], e["type"], e["occurred_at"]) for e in stored])
