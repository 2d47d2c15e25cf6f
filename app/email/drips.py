"""Drip enrolment from the database: segment history and events, read through per-drip cursors.

Each drip row is locked (SKIP LOCKED) while its new history is turned into enrolments and exits,
and its cursors advance in that same transaction: a dead worker or a lost Redis loses nothing,
and two ticks never work on one drip at once. Rows younger than SETTLE stay behind the cursor
and are read again next tick (enrolment and exit are idempotent), so a row whose id was taken
before a slower transaction committed is still seen.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, cast

from tortoise.transactions import in_transaction

from app.email.campaigns import evaluation_hold
from app.email.models import DripCampaign, DripStep, DripTrigger, ReentryPolicy

SETTLE = timedelta(seconds=60)
BATCH = 5000

# A new round when the drip's re-entry policy lets the contact in ($7: may a finished enrolment be
# followed by another; $8: how long after the last entry, at least). Never while one is active, and
# never for a trigger at or before the last entry: a trigger read again (behind the settle horizon)
# enrols nobody twice.
ENROLL_SQL = """
WITH last AS (
    SELECT round, status, enrolled_at FROM drip_enrollments
    WHERE team_id = $1 AND drip_id = $2 AND team_contact_id = $3 ORDER BY round DESC LIMIT 1
)
INSERT INTO drip_enrollments (team_id, drip_id, team_contact_id, round, status, source, source_ref, enrolled_at)
SELECT $1, $2, $3, COALESCE((SELECT round FROM last), 0) + 1, 'active', $4, $5, $6
WHERE NOT EXISTS (SELECT 1 FROM last)
   OR (SELECT $7::boolean AND status <> 'active' AND enrolled_at < $6 AND enrolled_at + $8::interval <= $6 FROM last)
ON CONFLICT (team_id, drip_id, team_contact_id, round) DO NOTHING
RETURNING id, enrolled_at
"""
FIRST_SEND_SQL = """
INSERT INTO email_sends (team_id, hub_id, team_contact_id, kind, marketing, enrollment_id, step_id, context,
                         due_at, state, attempts, created_at)
VALUES ($1, $2, $3, 'drip', TRUE, $4, $5, '{}'::jsonb, $6, 'scheduled', 0, $7)
ON CONFLICT (enrollment_id, step_id) DO NOTHING
"""
EXIT_SQL = """
WITH exited AS (
    UPDATE drip_enrollments SET status = 'exited', exited_at = $3, exit_reason = $4
    WHERE team_id = $6 AND drip_id = $1 AND team_contact_id = $2 AND status = 'active' AND enrolled_at <= $5
    RETURNING id
)
UPDATE email_sends SET state = 'skipped', finished_at = $3, error = 'enrollment exited: ' || $4, skip_reason = $4
WHERE team_id = $6 AND enrollment_id IN (SELECT id FROM exited) AND state = 'scheduled'
"""


def reentry_terms(drip: DripCampaign) -> tuple[bool, timedelta]:
    """ENROLL_SQL's $7 and $8 for the drip: may a finished enrolment be followed by another, and how
    long after the last entry at the least."""
    again = drip.reentry != ReentryPolicy.ONCE_EVER
    gap = timedelta(days=drip.reentry_days or 0) if drip.reentry == ReentryPolicy.AT_MOST_EVERY_N_DAYS \
        else timedelta(0)
    return again, gap


async def process_drip_enrollments(now: datetime | None = None) -> int:
    """Enrol and exit contacts for every active drip; returns how many history rows were read."""
    now = now or datetime.now(UTC)
    total = 0
    held: dict[int, bool] = {}
    for drip_id, team_id in cast(list[tuple[int, int]], await DripCampaign.filter(active=True).values_list(
            "id", "team_id")):
        # While the team's segments catch up (a bulk import), their history is not final yet: the
        # cursors stay put and enrolment resumes once evaluation has caught up (as campaigns wait).
        if team_id not in held:
            held[team_id] = await evaluation_hold(team_id) is not None
        if not held[team_id]:
            total += await _process_drip(drip_id, now)
    return total


def _settled_cursor(rows: list[dict[str, Any]], cursor: int, time_key: str, horizon: datetime) -> int:
    for row in rows:
        if row[time_key] >= horizon:
            break
        cursor = row["id"]
    return cursor


async def _process_drip(drip_id: int, now: datetime) -> int:
    horizon = now - SETTLE
    async with in_transaction() as conn:
        drip = await DripCampaign.filter(id=drip_id, active=True).select_for_update(skip_locked=True).first()
        if drip is None:
            return 0
        first_step = await DripStep.filter(drip_id=drip.id).order_by("position").first()
        if first_step is None:
            return 0
        read = 0
        again, gap = reentry_terms(drip)

        async def enrol(contact_id: int, source: str, ref: str, at: datetime) -> None:
            rows = await conn.execute_query_dict(
                ENROLL_SQL, [drip.team_id, drip.id, contact_id, source, ref, at, again, gap])
            if rows:
                due = max(rows[0]["enrolled_at"] + timedelta(minutes=first_step.delay_minutes), now)
                await conn.execute_query(FIRST_SEND_SQL, [
                    drip.team_id, drip.hub_id, contact_id, rows[0]["id"], first_step.id, due, now,
                ])

        async def leave(contact_id: int, reason: str, at: datetime) -> None:
            # Only an enrolment that began before the leave or goal ends by it (a later round stays).
            await conn.execute_query(EXIT_SQL, [drip.id, contact_id, now, reason, at, drip.team_id])

        segments = [s for s in (drip.trigger_segment_id, drip.exit_segment_id) if s]
        if segments:
            changes = await conn.execute_query_dict(
                "SELECT id, segment_id, team_contact_id, action, at FROM segment_membership_changes "
                "WHERE team_id = $1 AND id > $2 AND segment_id = ANY($3::bigint[]) ORDER BY id LIMIT $4",
                [drip.team_id, drip.change_cursor, segments, BATCH],
            )
            for change in changes:
                if change["segment_id"] == drip.trigger_segment_id and change["action"] == "join":
                    await enrol(change["team_contact_id"], "segment_join", str(change["id"]), change["at"])
                if change["segment_id"] == drip.exit_segment_id and change["action"] == "leave":
                    await leave(change["team_contact_id"], "left_segment", change["at"])
            drip.change_cursor = _settled_cursor(changes, drip.change_cursor, "at", horizon)
            read += len(changes)
        event_types = [t for t in (drip.trigger_event_type, drip.goal_event_type) if t]
        if event_types:
            events = await conn.execute_query_dict(
                "SELECT id, team_contact_id, type, received_at FROM events "
                "WHERE team_id = $1 AND id > $2 AND type = ANY($3::text[]) ORDER BY id LIMIT $4",
                [drip.team_id, drip.event_cursor, event_types, BATCH],
            )
            for event in events:
                if drip.trigger == DripTrigger.EVENT and event["type"] == drip.trigger_event_type:
                    await enrol(event["team_contact_id"], "event", str(event["id"]), event["received_at"])
                if event["type"] == drip.goal_event_type:
                    await leave(event["team_contact_id"], "goal_reached", event["received_at"])
            drip.event_cursor = _settled_cursor(events, drip.event_cursor, "received_at", horizon)
            read += len(events)
        await drip.save(update_fields=["change_cursor", "event_cursor"])
        return read
