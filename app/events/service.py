"""Event ingest: validate a batch, store the events and request segment evaluation, atomically.

One transaction stores the events, updates the contacts' computed properties and records which
contacts need re-evaluation (`pending_evaluations`). Only after commit is a worker woken through
Redis; if Redis is down the rows wait for the reconciliation sweep, so nothing is lost.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import asyncpg
from tortoise.transactions import in_transaction

from app.contacts.events import NewEvent, insert_events
from app.contacts.service import STAGING_COLUMNS, merge_staging, prepare_staging, staging_record
from app.contacts.validation import ContactRow
from app.core.errors import ValidationFailed
from app.core.ids import parse_id_or_none
from app.core.inputs import MAX_JSON_DEPTH, BadValue, check_value
from app.segments.pipeline.queue import request_evaluation, wake_evaluator
from app.teams.service import EMAIL_RE

log = logging.getLogger("memberhub.events")

MAX_BATCH = 1000
MAX_PROPERTIES_BYTES = 16_384
FUTURE_TOLERANCE = timedelta(seconds=60)
# Events before the Unix epoch are typos or zero values; the year 1 broke time-zone arithmetic downstream.
EARLIEST_TIME = datetime(1970, 1, 1, tzinfo=UTC)
MAX_EMAIL = 320
TYPE_RE = re.compile(r"[A-Za-z][A-Za-z0-9_.:-]{0,99}")
FIELD_ALIASES = {
    "contact_id": "contactId", "occurred_at": "occurredAt", "client_event_id": "clientEventId",
    "event_type": "type", "timestamp": "occurredAt",
}
KNOWN_FIELDS = {"contactId", "email", "type", "occurredAt", "properties", "clientEventId"}

# Called inside the ingest transaction with the stored events, so computed properties are
# exact at commit. The segment engine's updater is installed by app.wiring.
EventsWrittenHook = Callable[[asyncpg.Connection, int, list[dict[str, Any]]], Awaitable[None]]
_events_written_hooks: list[EventsWrittenHook] = []


def on_events_written(hook: EventsWrittenHook) -> EventsWrittenHook:
    if hook not in _events_written_hooks:
        _events_written_hooks.append(hook)
    return hook


@dataclass
class AcceptedEvent:
    index: int
    event_id: int
    contact_id: int
    duplicate: bool = False


@dataclass
class RejectedEvent:
    index: int
    code: str
    message: str


@dataclass
class IngestResult:
    accepted: list[AcceptedEvent] = field(default_factory=list)
    rejected: list[RejectedEvent] = field(default_factory=list)
    created_contacts: int = 0


@dataclass
class _Valid:
    index: int
    type: str
    occurred_at: datetime
    properties: dict[str, Any]
    client_event_id: str | None
    contact_id: int | None = None
    email: str | None = None


def _parse_time(value: Any, now: datetime) -> datetime:
    if value is None:
        return now
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        text = value.strip()
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        moment = datetime.fromisoformat(text)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        moment = datetime.fromtimestamp(float(value), UTC)
    else:
        raise ValueError("occurredAt must be an ISO 8601 time or a Unix timestamp")
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _validate(index: int, raw: Any, now: datetime) -> _Valid | RejectedEvent:
    if not isinstance(raw, dict):
        return RejectedEvent(index, "INVALID_EVENT", "an event must be a JSON object")
    try:  # NUL, lone surrogates, NaN/Infinity, deep nesting anywhere in the event: this event only
        check_value(raw, "", MAX_JSON_DEPTH + 1)
    except BadValue as exc:
        return RejectedEvent(index, "INVALID_VALUE", str(exc))
    raw = {FIELD_ALIASES.get(k, k): v for k, v in raw.items()}
    unknown = sorted(set(raw) - KNOWN_FIELDS)
    if unknown:
        return RejectedEvent(index, "UNKNOWN_FIELD", f"unknown fields: {', '.join(unknown)}")
    event_type = raw.get("type")
    if not isinstance(event_type, str) or not TYPE_RE.fullmatch(event_type):
        return RejectedEvent(index, "INVALID_TYPE", "type must be 1-100 letters, digits, '_', '.', ':' or '-'")
    try:
        occurred_at = _parse_time(raw.get("occurredAt"), now)
        too_early = occurred_at < EARLIEST_TIME  # compared in UTC: may overflow near year 1
    except (ValueError, OverflowError, OSError) as exc:
        return RejectedEvent(index, "INVALID_TIME", f"occurredAt: {exc}")
    if too_early:
        return RejectedEvent(index, "INVALID_TIME", f"occurredAt {occurred_at.isoformat()} is before 1970")
    if occurred_at > now + FUTURE_TOLERANCE:
        return RejectedEvent(index, "FUTURE_TIME", f"occurredAt {occurred_at.isoformat()} is in the future")
    properties = raw.get("properties") or {}
    if not isinstance(properties, dict):
        return RejectedEvent(index, "INVALID_PROPERTIES", "properties must be a JSON object")
    size = len(json.dumps(properties, separators=(",", ":")).encode())
    if size > MAX_PROPERTIES_BYTES:
        return RejectedEvent(
            index, "PROPERTIES_TOO_LARGE", f"properties are {size} bytes; the limit is {MAX_PROPERTIES_BYTES}"
        )
    client_event_id = raw.get("clientEventId")
    if client_event_id is not None and (not isinstance(client_event_id, str) or not 0 < len(client_event_id) <= 200):
        return RejectedEvent(index, "INVALID_CLIENT_EVENT_ID", "clientEventId must be a string of 1-200 characters")
    valid = _Valid(index, event_type, occurred_at, properties, client_event_id)
    contact_id, email = raw.get("contactId"), raw.get("email")
    if contact_id is not None:
        pk = parse_id_or_none(contact_id) if isinstance(contact_id, int) else None
        if pk is None:
            return RejectedEvent(index, "CONTACT_NOT_FOUND", "contact not found")
        valid.contact_id = pk
    elif isinstance(email, str) and len(email) <= MAX_EMAIL and EMAIL_RE.match(email.strip().lower()):
        valid.email = email.strip().lower()
    else:
        return RejectedEvent(index, "INVALID_CONTACT", "give the contact as contactId or a valid email")
    return valid


async def ingest_events(
    team_id: int, raw_events: Sequence[Any], conn: asyncpg.Connection | None = None
) -> IngestResult:
    """Store a batch of events. Invalid events are rejected with reasons and change nothing.

    With `conn`, the events join the caller's transaction (e.g. a lesson completion) and the caller
    calls `wake_evaluator(team_id)` after its commit.
    """
    if len(raw_events) > MAX_BATCH:
        raise ValidationFailed.one(
            "events", f"at most {MAX_BATCH} events per batch (got {len(raw_events)})", "BATCH_TOO_LARGE"
        )
    now = datetime.now(UTC)
    result = IngestResult()
    valid: list[_Valid] = []
    for index, raw in enumerate(raw_events):
        checked = _validate(index, raw, now)
        if isinstance(checked, RejectedEvent):
            result.rejected.append(checked)
        else:
            valid.append(checked)
    if not valid:
        return result

    if conn is not None:
        await _store(conn, team_id, valid, result)
    else:
        async with in_transaction() as tx, tx.acquire_connection() as own_conn:
            await _store(own_conn, team_id, valid, result)
    result.accepted.sort(key=lambda a: a.index)
    result.rejected.sort(key=lambda r: r.index)
    if conn is None and any(not a.duplicate for a in result.accepted):
        await wake_evaluator(team_id)
    return result


async def _store(conn: asyncpg.Connection, team_id: int, valid: list[_Valid], result: IngestResult) -> None:
    ids = sorted({v.contact_id for v in valid if v.contact_id is not None})
    known_ids = {
        r["id"] for r in await conn.fetch(
            "SELECT id FROM team_contacts WHERE team_id = $1 AND id = ANY($2::bigint[])", team_id, ids
        )
    } if ids else set()
    emails = sorted({v.email for v in valid if v.email is not None})
    by_email: dict[str, int] = {}
    if emails:
        by_email = {
            r["email"]: r["id"] for r in await conn.fetch(
                "SELECT id, email FROM team_contacts WHERE team_id = $1 AND email = ANY($2::text[])",
                team_id, emails,
            )
        }
        missing = [e for e in emails if e not in by_email]
        if missing:
            await prepare_staging(conn)
            await conn.copy_records_to_table(
                "contact_staging", records=[staging_record(ContactRow(email=e)) for e in missing],
                columns=STAGING_COLUMNS,
            )
            merged = await merge_staging(conn, team_id)
            result.created_contacts = merged.created
            await conn.execute("DROP TABLE contact_staging")
            for r in await conn.fetch(
                "SELECT id, email FROM team_contacts WHERE team_id = $1 AND email = ANY($2::text[])",
                team_id, missing,
            ):
                by_email[r["email"]] = r["id"]

    to_store: list[_Valid] = []
    first_by_client_id: dict[str, _Valid] = {}
    duplicates_in_batch: list[tuple[_Valid, _Valid]] = []
    for v in valid:
        if v.contact_id is not None and v.contact_id not in known_ids:
            result.rejected.append(RejectedEvent(v.index, "CONTACT_NOT_FOUND", f"contact {v.contact_id} not found"))
            continue
        if v.email is not None:
            v.contact_id = by_email[v.email]
        if v.client_event_id is not None:
            if v.client_event_id in first_by_client_id:
                duplicates_in_batch.append((v, first_by_client_id[v.client_event_id]))
                continue
            first_by_client_id[v.client_event_id] = v
        to_store.append(v)

    existing: dict[str, tuple[int, int]] = {}
    if first_by_client_id:
        existing = {
            r["client_event_id"]: (r["id"], r["team_contact_id"]) for r in await conn.fetch(
                "SELECT id, team_contact_id, client_event_id FROM events "
                "WHERE team_id = $1 AND client_event_id = ANY($2::text[])",
                team_id, list(first_by_client_id),
            )
        }
    fresh = [v for v in to_store if v.client_event_id is None or v.client_event_id not in existing]
    stored: list[dict[str, Any]] = []
    if fresh:
        new_ids = await insert_events(conn, team_id, [
            NewEvent(cast(int, v.contact_id), v.type, v.occurred_at, v.properties, v.client_event_id)
            for v in fresh  # every stored event has its contact by now
        ])
        raced: list[_Valid] = []
        for v, event_id in zip(fresh, new_ids, strict=True):
            if event_id is None:  # a concurrent batch stored the same clientEventId first
                raced.append(v)
                continue
            stored.append({
                "id": event_id, "team_contact_id": v.contact_id, "type": v.type,
                "occurred_at": v.occurred_at, "properties": v.properties,
            })
            result.accepted.append(AcceptedEvent(v.index, event_id, cast(int, v.contact_id)))
        if raced:
            for r in await conn.fetch(
                "SELECT id, team_contact_id, client_event_id FROM events "
                "WHERE team_id = $1 AND client_event_id = ANY($2::text[])",
                team_id, [v.client_event_id for v in raced],
            ):
                existing[r["client_event_id"]] = (r["id"], r["team_contact_id"])
    stored_ids = {a.index for a in result.accepted}
    for v in to_store:
        if v.index not in stored_ids and v.client_event_id is not None and v.client_event_id in existing:
            event_id, contact_id = existing[v.client_event_id]
            result.accepted.append(AcceptedEvent(v.index, event_id, contact_id, duplicate=True))
    accepted_by_index = {a.index: a for a in result.accepted}
    for v, first in duplicates_in_batch:
        original = accepted_by_index.get(first.index)
        if original is not None:
            result.accepted.append(AcceptedEvent(v.index, original.event_id, original.contact_id, duplicate=True))

    if stored:
        for hook in _events_written_hooks:
            await hook(conn, team_id, stored)
        per_contact: dict[int, tuple[set[str], int]] = {}
        for event in stored:
            types, last_id = per_contact.get(event["team_contact_id"], (set(), 0))
            types.add(event["type"])
            per_contact[event["team_contact_id"]] = (types, max(last_id, event["id"]))
        contact_ids = sorted(per_contact)
        await request_evaluation(
            conn, team_id, contact_ids,
            event_types=[sorted(per_contact[c][0]) for c in contact_ids],
            cause="event", cause_refs=[str(per_contact[c][1]) for c in contact_ids],
        )
