"""The send state machine: at-least-once jobs, exactly-once sends.

    scheduled ──tick──▶ queued ──job──▶ sending ──SMTP accepted──▶ sent
                                           │
                                           └─ found by a rerun ──▶ uncertain (never re-sent)

`sending` is committed before the SMTP conversation starts. A run that finds a row in `sending`
for longer than IN_FLIGHT knows an earlier run died between the SMTP hand-off and the commit:
the mail may have gone out, so it is never sent again (a younger `sending` row belongs to a run
still in flight, and is left to it). A rerun of a `queued` row sends normally (nothing went out).
Moving on to the next drip step happens in the same transaction as `sent`/`uncertain`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import Any

from tortoise import connections
from tortoise.transactions import in_transaction

from app.contacts.models import Event, TeamContact
from app.core.errors import ValidationFailed
from app.core.links import InsecureLinks
from app.email.gauntlet import check_recipients
from app.email.models import (
    DripCampaign,
    DripEnrollment,
    DripStep,
    EmailSend,
    EmailSettings,
    EmailTemplate,
    EnrollmentStatus,
    SendState,
    SuppressionReason,
    SuppressionScope,
)
from app.email.render_pool import render
from app.email.rendering import DEFAULT_TEMPLATES, contact_variables, hub_variables
from app.email.service import SEALED, find_suppression, is_final, open_context, suppress
from app.email.smtp import SmtpFailure, build_message, deliver_message
from app.email.unsubscribe import UnsubscribeTarget, unsubscribe_url
from app.hubs.models import Hub
from app.segments.models import SegmentMembership

log = logging.getLogger("memberhub.email")

MAX_ATTEMPTS = 5
# A run is in SMTP for at most a few SMTP timeouts; a `sending` row older than this is orphaned.
IN_FLIGHT = timedelta(minutes=2)
LEASE = timedelta(minutes=5)  # > IN_FLIGHT: the tick re-enqueues queued/sending rows older than this
CLAIM_BATCH = 500

CLAIM_SQL = """
WITH due AS (
    SELECT s.id FROM email_sends s
    WHERE ((s.state = 'scheduled' AND s.due_at <= $1)
           OR (s.state IN ('queued', 'sending') AND COALESCE(s.queued_at, s.created_at) < $2))
      AND (s.enrollment_id IS NULL OR EXISTS (
            SELECT 1 FROM drip_enrollments e JOIN drip_campaigns d ON d.id = e.drip_id
            WHERE e.id = s.enrollment_id AND d.active))
    ORDER BY s.due_at
    LIMIT $3
    FOR UPDATE OF s SKIP LOCKED
)
UPDATE email_sends s
SET state = CASE WHEN s.state = 'scheduled' THEN 'queued' ELSE s.state END, queued_at = $1
FROM due WHERE s.id = due.id
RETURNING s.id
"""


async def claim_due_sends(now: datetime | None = None, lease: timedelta = LEASE, limit: int = CLAIM_BATCH) -> list[int]:
    """Due rows, plus rows whose job vanished (queued/sending past the lease), for enqueueing.

    SKIP LOCKED lets several workers' ticks run at once without claiming a row twice.
    """
    now = now or datetime.now(UTC)
    rows = await connections.get("default").execute_query_dict(CLAIM_SQL, [now, now - lease, limit])
    return [r["id"] for r in rows]


@dataclass
class Prepared:
    config: EmailSettings
    message: EmailMessage


@dataclass
class Outcome:
    state: SendState | str
    error: str | None = None
    exit_reason: str | None = None
    skip_reason: str | None = None  # a skipped send's reason (the gauntlet's, or its exit's)


# A drip step the gauntlet skips for one of these ends the enrolment; for another reason (banned,
# no consent) only that step is skipped and the next one gets its own check when it is due.
EXITING_REASONS = {"suppressed", "invalid_address", "missing"}


async def _exit_enrollment(enrollment_id: int, reason: str, now: datetime) -> None:
    await DripEnrollment.filter(id=enrollment_id, status=EnrollmentStatus.ACTIVE).update(
        status=EnrollmentStatus.EXITED, exited_at=now, exit_reason=reason
    )


async def schedule_next_step(send: EmailSend, now: datetime) -> None:
    """After a drip step is done: insert the next (enrolment, step) row, or complete the enrolment."""
    if send.enrollment_id is None or send.step_id is None:
        return
    enrollment = await DripEnrollment.get(id=send.enrollment_id)
    if enrollment.status != EnrollmentStatus.ACTIVE:
        return
    step = await DripStep.get(id=send.step_id)
    following = await DripStep.filter(drip_id=step.drip_id, position__gt=step.position).order_by("position").first()
    if following is None:
        enrollment.status = EnrollmentStatus.COMPLETED
        await enrollment.save(update_fields=["status"])
        return
    due = max(enrollment.enrolled_at + timedelta(minutes=following.delay_minutes), now)
    await connections.get("default").execute_query(
        "INSERT INTO email_sends (team_id, hub_id, team_contact_id, kind, marketing, enrollment_id, step_id, context, "
        "due_at, state, attempts, created_at) VALUES ($1, $2, $3, 'drip', TRUE, $4, $5, '{}'::jsonb, $6, "
        "'scheduled', 0, $7) ON CONFLICT (enrollment_id, step_id) DO NOTHING",
        [send.team_id, send.hub_id, send.team_contact_id, enrollment.id, following.id, due, now],
    )


async def _drip_check(send: EmailSend, contact: TeamContact) -> tuple[Outcome | None, DripCampaign | None]:
    """Eligibility of a drip step right now: enrolment active, exit conditions, campaign active."""
    enrollment = await DripEnrollment.get(id=send.enrollment_id)
    drip = await DripCampaign.get(id=enrollment.drip_id)
    if enrollment.status != EnrollmentStatus.ACTIVE:
        return Outcome(SendState.SKIPPED, f"enrollment {enrollment.status}",
                       skip_reason=enrollment.exit_reason or str(enrollment.status)), drip
    if not drip.active:
        return Outcome(SendState.SCHEDULED), drip  # paused: wait for the campaign to resume
    if drip.exit_segment_id and not await SegmentMembership.exists(
        segment_id=drip.exit_segment_id, team_contact_id=contact.id
    ):
        return Outcome(SendState.SKIPPED, "contact left the segment", "left_segment", "left_segment"), drip
    if drip.goal_event_type and await Event.exists(
        team_contact_id=contact.id, type=drip.goal_event_type, occurred_at__gte=enrollment.enrolled_at
    ):
        return Outcome(SendState.SKIPPED, "goal reached", "goal_reached", "goal_reached"), drip
    return None, drip


async def _suppressed(team_id: int, address: str, marketing: bool, hub_id: int, drip_id: int | None) -> Outcome | None:
    suppression = await find_suppression(team_id, address, marketing=marketing, hub_id=hub_id, drip_id=drip_id)
    if suppression is None:
        return None
    return Outcome(SendState.SKIPPED, f"suppressed ({suppression.scope}: {suppression.reason})", "suppressed",
                   "suppressed")


async def _prepare_staff(send: EmailSend) -> Outcome | Prepared:
    """Mail to staff (no contact): transactional, to `to_address`, with the hub's settings and template."""
    address = send.to_address or ""
    hub = await Hub.get(id=send.hub_id)
    if (refused := await _suppressed(send.team_id, address, False, hub.id, None)) is not None:
        return refused
    config = await EmailSettings.get_or_none(hub_id=hub.id)
    if config is None:
        return Outcome(SendState.FAILED, "the hub has no email settings", "send_failed")
    template = await EmailTemplate.get_or_none(hub_id=hub.id, key=send.kind)
    parts = (template.subject, template.html_body, template.text_body) if template else DEFAULT_TEMPLATES[send.kind]
    try:
        context = {**open_context(send.context or {}), "contact": {"email": address}, "hub": hub_variables(hub),
                   "unsubscribe_url": ""}
        rendered = await render(*parts, context)
    except (InsecureLinks, ValidationFailed) as exc:
        return Outcome(SendState.FAILED, f"template error: {exc}", "send_failed")
    except Exception as exc:
        return Outcome(SendState.FAILED, f"template error: {type(exc).__name__}: {exc}", "send_failed")
    domain = config.from_address.rpartition("@")[2]
    return Prepared(config, build_message(config, address, rendered, message_id=f"<mh-{send.id}@{domain}>"))


async def _prepare(send: EmailSend) -> Outcome | Prepared:
    if send.team_contact_id is None:
        return await _prepare_staff(send)
    contact = await TeamContact.get(id=send.team_contact_id)
    hub = await Hub.get(id=send.hub_id)
    drip: DripCampaign | None = None
    if send.enrollment_id is not None:
        outcome, drip = await _drip_check(send, contact)
        if outcome is not None:
            return outcome
        # The same send-time gauntlet as campaigns (app/email/gauntlet.py), without an audience
        # check: the drip's own exit conditions were checked above.
        verdict = (await check_recipients(send.team_id, hub.id, [contact.id], drip_id=drip.id if drip else 0))[
            contact.id]
        if verdict.reason is not None:
            exit_reason = verdict.reason if verdict.reason in EXITING_REASONS else None
            return Outcome(SendState.SKIPPED, f"skipped at send time: {verdict.reason}", exit_reason, verdict.reason)
    if (refused := await _suppressed(send.team_id, contact.email, send.marketing, hub.id,
                                     drip.id if drip else None)) is not None:
        return refused
    config = await EmailSettings.get_or_none(hub_id=hub.id)
    if config is None:
        return Outcome(SendState.FAILED, "the hub has no email settings", "send_failed")
    if send.step_id is not None:
        step = await DripStep.get(id=send.step_id)
        template: Any = await EmailTemplate.get(id=step.template_id)
        parts = (template.subject, template.html_body, template.text_body)
    else:
        template = await EmailTemplate.get_or_none(hub_id=hub.id, key=send.kind)
        parts = (template.subject, template.html_body, template.text_body) if template else DEFAULT_TEMPLATES[send.kind]
    link = None
    try:
        if send.marketing:
            link = unsubscribe_url(UnsubscribeTarget(send.team_id, contact.id, hub.id, drip.id if drip else 0))
        opened = open_context(send.context or {})
    except InsecureLinks as exc:
        return Outcome(SendState.FAILED, str(exc), "send_failed")
    context = {**opened, "contact": contact_variables(contact), "hub": hub_variables(hub),
               "unsubscribe_url": link or ""}
    try:
        rendered = await render(*parts, context)
    except ValidationFailed as exc:
        return Outcome(SendState.FAILED, f"template error: {exc}", "send_failed")
    except Exception as exc:
        return Outcome(SendState.FAILED, f"template error: {type(exc).__name__}: {exc}", "send_failed")
    domain = config.from_address.rpartition("@")[2]
    message = build_message(config, contact.email, rendered, message_id=f"<mh-{send.id}@{domain}>",
                            unsubscribe_url=link)
    return Prepared(config, message)


async def _finish(send: EmailSend, outcome: Outcome, now: datetime) -> None:
    send.state = SendState(outcome.state)
    send.error = outcome.error
    send.skip_reason = outcome.skip_reason
    send.finished_at = now if is_final(send.state) else None
    fields = ["state", "error", "skip_reason", "finished_at"]
    if is_final(send.state) and SEALED in (send.context or {}):
        send.context = {k: v for k, v in send.context.items() if k != SEALED}
        fields.append("context")
    await send.save(update_fields=fields)
    if outcome.exit_reason and send.enrollment_id is not None:
        await _exit_enrollment(send.enrollment_id, outcome.exit_reason, now)


async def deliver_send(send_id: int) -> str:
    """Run one send through the state machine. Returns the resulting state, or "retry"."""
    now = datetime.now(UTC)
    async with in_transaction():
        send = await EmailSend.filter(id=send_id).select_for_update().first()
        if send is None or is_final(send.state) or (send.state == SendState.SCHEDULED and send.due_at > now):
            return send.state if send else "missing"
        if send.state == SendState.SENDING:
            if send.sending_at and now - send.sending_at < IN_FLIGHT:
                return "in_flight"  # a duplicate run while the first is still talking to SMTP
            await _finish(send, Outcome(
                SendState.UNCERTAIN, "the worker stopped during SMTP delivery; not sent again to avoid a duplicate"
            ), now)
            await schedule_next_step(send, now)
            return SendState.UNCERTAIN
        prepared = await _prepare(send)
        if isinstance(prepared, Outcome):
            await _finish(send, prepared, now)
            if prepared.state == SendState.SKIPPED and prepared.exit_reason is None:
                await schedule_next_step(send, now)  # this step skipped; the enrolment goes on
            return prepared.state
        send.state, send.sending_at, send.attempts = SendState.SENDING, now, send.attempts + 1
        send.message_id = prepared.message["Message-ID"]
        send.to_address, send.subject = prepared.message["To"], prepared.message["Subject"]
        await send.save(update_fields=["state", "sending_at", "attempts", "message_id", "to_address", "subject"])

    try:
        await deliver_message(prepared.config, prepared.message)
    except SmtpFailure as failure:
        return await _record_failure(send_id, failure)

    async with in_transaction():
        done = datetime.now(UTC)
        updated = await EmailSend.filter(id=send_id, state=SendState.SENDING).update(
            state=SendState.SENT, finished_at=done, error=None,
            **({"context": {k: v for k, v in send.context.items() if k != SEALED}}
               if SEALED in (send.context or {}) else {}),
        )
        if updated:
            await schedule_next_step(send, done)
    return SendState.SENT


async def _record_failure(send_id: int, failure: SmtpFailure) -> str:
    """The server refused or could not be reached: nothing was accepted, so retrying is safe."""
    now = datetime.now(UTC)
    async with in_transaction():
        send = await EmailSend.filter(id=send_id, state=SendState.SENDING).select_for_update().first()
        if send is None:
            return "gone"
        if failure.bounce:
            await suppress(send.team_id, send.to_address or "", SuppressionScope.ALL, SuppressionReason.HARD_BOUNCE,
                           contact_id=send.team_contact_id)
        if failure.permanent or send.attempts >= MAX_ATTEMPTS:
            await _finish(send, Outcome(SendState.FAILED, str(failure), "send_failed"), now)
            return SendState.FAILED
        send.state, send.error, send.queued_at = SendState.QUEUED, str(failure), now
        await send.save(update_fields=["state", "error", "queued_at"])
        return "retry"
