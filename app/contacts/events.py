"""The one writer of the `events` table: ingest and billing store their events through here.

Storing is all this does: validation, computed properties and segment evaluation are the
callers' (`app.events.service` for ingest, commerce for billing events), in their transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import asyncpg


@dataclass(frozen=True)
class NewEvent:
    team_contact_id: int
    type: str
    occurred_at: datetime
    properties: dict[str, Any] = field(default_factory=dict)
    client_event_id: str | None = None


_INSERT_SQL = """
INSERT INTO events (id, team_id, team_contact_id, type, occurred_at, received_at, properties, client_event_id)
SELECT u.id, $1, u.contact_id, u.type, u.occurred_at, now(), u.properties::jsonb, u.client_id
FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::timestamptz[], $6::text[], $7::text[])
     AS u(id, contact_id, type, occurred_at, properties, client_id)
ON CONFLICT (team_id, client_event_id) DO NOTHING
RETURNING id
"""


async def insert_events(conn: asyncpg.Connection, team_id: int, events: Sequence[NewEvent]) -> list[int | None]:
    """Store events in the caller's transaction. Per input, in order: its new id, or None when an
    event with its `client_event_id` was already stored (by an earlier or a concurrent batch)."""
    if not events:
        return []
    # Ids are drawn first so each stored row maps back to its input exactly.
    ids = [r[0] for r in await conn.fetch(
        "SELECT nextval(pg_get_serial_sequence('events', 'id')) FROM generate_series(1, $1)", len(events)
    )]
    rows = await conn.fetch(
        _INSERT_SQL, team_id, ids, [e.team_contact_id for e in events], [e.type for e in events],
        [e.occurred_at for e in events], [json.dumps(e.properties) for e in events],
        [e.client_event_id for e in events],
    )
    inserted = {r["id"] for r in rows}
    return [event_id if event_id in inserted else None for event_id in ids]
