"""Sending a campaign in batches: one render trip and one SMTP connection per batch, the database
deciding who has been sent.

Per recipient, the row goes `queued → sending` (committed) before its SMTP transaction and
`sending → sent` after the server accepted it; both moves ride on one statement per message
(the previous message's `sent` and this one's `sending`). A batch job holds its rows with a claim
(token and lease, `claimed_until`). A worker killed mid-batch leaves:

- its claimed `queued` rows: taken by the next job once the lease has run out;
- at most one `sending` row per connection: the server may have accepted that message, so once
  its lease has run out it becomes `uncertain` and is never sent again (at most once, never twice).

A killed worker therefore never causes a second copy: the test kills a real arq worker in the
middle of a campaign and counts what the SMTP server received per recipient.
"""

from __future__ import annotations

import logging
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from tortoise import connections

from app.contacts.models import TeamContact
from app.core.links import InsecureLinks
from app.email import dkim_keys
from app.email.campaigns import campaign_segments, enqueue_batch
from app.email.compose import Composer
from app.email.gauntlet import check_recipients
from app.email.models import (
    Campaign,
    CampaignStatus,
    EmailSettings,
    EmailTemplate,
    SuppressionReason,
    SuppressionScope,
)
from app.email.render_pool import render_many
from app.email.rendering import RenderedMessage, contact_variables, hub_variables
from app.email.service import suppress
from app.email.smtp import SmtpFailure, SmtpSession
from app.email.tracking import add_tracking, recipient_token
from app.email.unsubscribe import UnsubscribeTarget, unsubscribe_url
from app.hubs.models import Hub
from app.settings import get_settings

log = logging.getLogger("memberhub.email")

BATCH = 200
JOB_BUDGET_SECONDS = 50  # a job sends batches for this long, then hands over to a fresh job


def lease() -> timedelta:
    return timedelta(seconds=get_settings().campaign_lease_seconds)


RECOVER_SQL = """
UPDATE campaign_recipients SET state = 'uncertain', claimed_until = NULL,
  error = 'the worker stopped during SMTP delivery; not sent again to avoid a duplicate'
WHERE team_id = $1 AND campaign_id = $2 AND state = 'sending' AND claimed_until < $3
"""
CLAIM_SQL = """
UPDATE campaign_recipients r SET claimed_until = $3, claim = $4
FROM (SELECT id FROM campaign_recipients
      WHERE team_id = $1 AND campaign_id = $2 AND state = 'queued' AND (claimed_until IS NULL OR claimed_until < $5)
      ORDER BY id LIMIT $6 FOR UPDATE SKIP LOCKED) c
WHERE r.id = c.id
RETURNING r.id, r.team_contact_id
"""
# The previous message is sent ($1), the next one is about to be ($2, only if still ours and queued).
ADVANCE_SQL = """
WITH done AS (
    UPDATE campaign_recipients SET state = 'sent', sent_at = $3, claimed_until = NULL
    WHERE id = $1 AND state = 'sending' RETURNING id
), next AS (
    UPDATE campaign_recipients SET state = 'sending', sending_at = $3, claimed_until = $6,
      to_address = $4, message_id = $5
    WHERE id = $2 AND state = 'queued' AND claim = $7 RETURNING id
)
SELECT (SELECT count(*) FROM next) AS next
"""
SKIP_SQL = """
UPDATE campaign_recipients r SET state = 'skipped', skip_reason = v.reason, claimed_until = NULL
FROM unnest($1::bigint[], $2::text[]) AS v(id, reason)
WHERE r.id = v.id AND r.state = 'queued' AND r.claim = $3
"""
FAIL_SQL = """
UPDATE campaign_recipients SET state = $2, error = $3, claimed_until = NULL, bounced_at = $4
WHERE id = $1 AND state = 'sending'
"""
RELEASE_SQL = """
UPDATE campaign_recipients SET claimed_until = NULL, claim = NULL, state = 'queued'
WHERE id = ANY($1::bigint[]) AND claim = $2 AND state IN ('queued', 'sending')
"""
LEFT_SQL = """
SELECT count(*) FILTER (WHERE state = 'queued') AS queued, count(*) FILTER (WHERE state = 'sending') AS sending,
       min(claimed_until) FILTER (WHERE state IN ('queued', 'sending')) AS first_lease
FROM campaign_recipients WHERE team_id = $1 AND campaign_id = $2 AND state IN ('queued', 'sending')
"""


@dataclass
class BatchResult:
    claimed: int = 0
    sent: int = 0
    skipped: int = 0
    failed: int = 0
    stopped: str | None = None  # why the batch stopped early (SMTP down), its rows released


@dataclass(frozen=True)
class Outgoing:
    """One campaign mail ready for the wire: its recipient row, address, Message-ID, signed bytes, envelope."""

    recipient_id: int
    address: str
    message_id: str
    raw: bytes
    sender: str
    recipients: list[str]


@dataclass
class CampaignContext:
    campaign: Campaign
    hub: Hub
    config: EmailSettings
    template: EmailTemplate
    include: list[int]
    exclude: list[int]
    composer: Composer


async def load_context(campaign_id: int) -> CampaignContext | None:
    campaign = await Campaign.get_or_none(id=campaign_id)
    if campaign is None or campaign.status != CampaignStatus.SENDING:
        return None
    config = await EmailSettings.get_or_none(hub_id=campaign.hub_id)
    if config is None:
        return None
    hub = await Hub.get(id=campaign.hub_id)
    template = await EmailTemplate.get(id=campaign.template_id)
    include, exclude = await campaign_segments(campaign)
    return CampaignContext(campaign, hub, config, template, include, exclude, Composer(config))


def recipient_message(ctx: CampaignContext, recipient_id: int, address: str,
                      rendered: RenderedMessage, link: str) -> tuple[str, bytes, str, list[str]]:
    """(Message-ID, bytes before DKIM, envelope sender, recipients) of one campaign mail."""
    config = ctx.config
    if config.track_opens or config.track_clicks:
        token = recipient_token(ctx.campaign.team_id, recipient_id)
        rendered = RenderedMessage(rendered.subject, add_tracking(
            rendered.html, token, opens=config.track_opens, clicks=config.track_clicks, skip=link), rendered.text)
    domain = config.from_address.rpartition("@")[2]
    message_id = f"<mh-c{ctx.campaign.id}-{recipient_id}@{domain}>"
    # The bytes `serialize(build_message(...))` would give, composed without an EmailMessage (compose.py).
    raw = ctx.composer.compose(address, rendered, message_id, link)
    sender, recipients = ctx.composer.envelope(address)
    return message_id, raw, sender, recipients


def render_context(ctx: CampaignContext, contact: TeamContact, link: str) -> dict[str, Any]:
    return {"contact": contact_variables(contact), "hub": hub_variables(ctx.hub), "unsubscribe_url": link,
            "campaign": {"name": ctx.campaign.name}}


async def send_batch(ctx: CampaignContext, size: int = BATCH) -> BatchResult:
    """Claim up to `size` queued recipients, run the gauntlet, render, and send them on one connection."""
    conn = connections.get("default")
    campaign = ctx.campaign
    now = datetime.now(UTC)
    await conn.execute_query(RECOVER_SQL, [campaign.team_id, campaign.id, now])
    claim = secrets.randbits(62)
    rows = await conn.execute_query_dict(
        CLAIM_SQL, [campaign.team_id, campaign.id, now + lease(), claim, now, size]
    )
    result = BatchResult(claimed=len(rows))
    if not rows:
        return result
    by_contact = {r["team_contact_id"]: r["id"] for r in rows}
    verdicts = await check_recipients(campaign.team_id, campaign.hub_id, list(by_contact), include=ctx.include,
                                      exclude=ctx.exclude)
    skipped = [(by_contact[c], v.reason) for c, v in verdicts.items() if v.reason is not None]
    if skipped:
        await conn.execute_query(SKIP_SQL, [[s[0] for s in skipped], [s[1] for s in skipped], claim])
        result.skipped = len(skipped)
    sendable = [(by_contact[c], v.address) for c, v in verdicts.items() if v.reason is None and v.address]
    if not sendable:
        return result
    contacts = {c.id: c for c in await TeamContact.filter(
        team_id=campaign.team_id, id__in=[c for c, v in verdicts.items() if v.reason is None])}
    contact_of = {rid: cid for cid, rid in by_contact.items()}
    try:
        links = {rid: unsubscribe_url(UnsubscribeTarget(campaign.team_id, contact_of[rid], campaign.hub_id,
                                                        campaign_id=campaign.id)) for rid, _ in sendable}
    except InsecureLinks as exc:
        await _fail_all(conn, [rid for rid, _ in sendable], claim, str(exc))
        result.failed = len(sendable)
        return result
    template = ctx.template
    rendered = await render_many(template.subject, template.html_body, template.text_body,
                                 [render_context(ctx, contacts[contact_of[rid]], links[rid]) for rid, _ in sendable])
    bad = [(rid, out) for (rid, _), out in zip(sendable, rendered, strict=True) if not isinstance(out, RenderedMessage)]
    if bad:
        await _fail_all(conn, [rid for rid, _ in bad], claim, None, {
            rid: "template error: " + "; ".join(e.message for e in cast(list[Any], out)) for rid, out in bad})
        result.failed += len(bad)
    ready = [(rid, address, out) for (rid, address), out in zip(sendable, rendered, strict=True)
             if isinstance(out, RenderedMessage)]
    await _deliver(ctx, conn, claim, ready, contact_of, links, result)
    return result


async def _fail_all(conn: Any, ids: list[int], claim: int, error: str | None,
                    errors: dict[int, str] | None = None) -> None:
    for rid in ids:
        await conn.execute_query(
            "UPDATE campaign_recipients SET state = 'failed', error = $2, claimed_until = NULL "
            "WHERE id = $1 AND claim = $3 AND state = 'queued'", [rid, error or (errors or {}).get(rid), claim])


async def _deliver(ctx: CampaignContext, conn: Any, claim: int, ready: list[tuple[int, str, RenderedMessage]],
                   contact_of: dict[int, int], links: dict[int, str], result: BatchResult) -> None:
    # The batch is composed, then DKIM-signed at once in the signing process (dkim_keys.sign_many),
    # before a connection is pinned: the other batch jobs send meanwhile.
    messages = [recipient_message(ctx, rid, address, rendered, links[rid]) for rid, address, rendered in ready]
    signed = await dkim_keys.sign_many(ctx.config, [raw for _, raw, _, _ in messages])
    outgoing = [Outgoing(rid, address, message_id, raw, sender, recipients) for (rid, address, _), raw,
                (message_id, _, sender, recipients) in zip(ready, signed, messages, strict=True)]
    del messages, signed
    # One pooled connection for the batch's per-message state moves: the pool's reset on every
    # release was a second round trip per statement.
    bounced: list[tuple[str, int]] = []
    async with conn.acquire_connection() as pg:
        await _deliver_on(ctx, pg, claim, outgoing, contact_of, result, bounced)
    # After the pinned connection went back: a suppression never waits on a pool its own batch holds.
    for address, contact_id in bounced:
        await suppress(ctx.campaign.team_id, address, SuppressionScope.ALL, SuppressionReason.HARD_BOUNCE,
                       contact_id=contact_id)


async def _deliver_on(ctx: CampaignContext, pg: Any, claim: int, ready: list[Outgoing], contact_of: dict[int, int],
                      result: BatchResult, bounced: list[tuple[str, int]]) -> None:
    session = SmtpSession(ctx.config)
    previous = 0
    current = 0  # index of the message in hand: it and those after go back to the queue on a transient failure
    try:
        await session.connect()
        for index, mail in enumerate(ready):
            current = index
            rid, address = mail.recipient_id, mail.address
            now = datetime.now(UTC)
            moved = await pg.fetchval(ADVANCE_SQL, previous, rid, now, address, mail.message_id, now + lease(), claim)
            if previous:
                result.sent += 1
            previous = 0
            if not moved:
                continue  # cancelled, or taken over after our lease ran out
            try:
                await session.send(mail.sender, mail.recipients, mail.raw)
            except SmtpFailure as failure:
                if not failure.permanent:
                    raise
                await pg.execute(FAIL_SQL, rid, "bounced" if failure.bounce else "failed", str(failure),
                                 now if failure.bounce else None)
                if failure.bounce:
                    bounced.append((address, contact_of[rid]))
                result.failed += 1
                continue
            previous = rid
    except SmtpFailure as failure:
        # The server is unreachable or answered 4xx: nothing of the current message was accepted, so it
        # and the rest go back to the queue for a later batch.
        result.stopped = str(failure)
        rest = [mail.recipient_id for mail in ready[current:]]
        await pg.execute(RELEASE_SQL, rest, claim)
    finally:
        if previous:
            await pg.fetchval(ADVANCE_SQL, previous, 0, datetime.now(UTC), None, None, None, claim)
            result.sent += 1
        await session.close()


async def finish_if_done(campaign: Campaign) -> bool:
    rows = await connections.get("default").execute_query_dict(LEFT_SQL, [campaign.team_id, campaign.id])
    if rows[0]["queued"] or rows[0]["sending"]:
        return False
    updated = await Campaign.filter(id=campaign.id, status=CampaignStatus.SENDING).update(
        status=CampaignStatus.SENT, finished_at=datetime.now(UTC))
    return bool(updated)


async def run_campaign(campaign_id: int, budget_seconds: float = JOB_BUDGET_SECONDS) -> dict[str, int | str]:
    """The batch job: send batches until nothing is left, the rate says wait, or the time budget is spent
    (then a fresh job carries on). Safe to run any number of times, at once or after a kill."""
    ctx = await load_context(campaign_id)
    if ctx is None:
        return {"status": "not sending"}
    started = time.monotonic()
    totals = {"sent": 0, "skipped": 0, "failed": 0}
    rate = ctx.campaign.rate_per_minute
    while True:
        size = min(BATCH, rate) if rate else BATCH
        if rate and ctx.campaign.next_batch_at and ctx.campaign.next_batch_at > datetime.now(UTC):
            wait = (ctx.campaign.next_batch_at - datetime.now(UTC)).total_seconds()
            await enqueue_batch(campaign_id, datetime.now(UTC), defer_seconds=wait, handover=True)
            return {**totals, "status": "waiting"}
        batch_start = datetime.now(UTC)
        result = await send_batch(ctx, size)
        totals["sent"] += result.sent
        totals["skipped"] += result.skipped
        totals["failed"] += result.failed
        if rate and result.claimed:
            ctx.campaign.next_batch_at = batch_start + timedelta(seconds=60 * result.claimed / rate)
            await Campaign.filter(id=campaign_id).update(next_batch_at=ctx.campaign.next_batch_at)
        if result.stopped:
            log.warning("campaign %s: SMTP stopped the batch (%s); retried on the next tick", campaign_id,
                        result.stopped)
            return {**totals, "status": "smtp unavailable"}
        if not result.claimed:
            done = await finish_if_done(ctx.campaign)
            return {**totals, "status": "sent" if done else "waiting for other workers"}
        if await Campaign.filter(id=campaign_id, status=CampaignStatus.SENDING).count() == 0:
            return {**totals, "status": "stopped"}
        if time.monotonic() - started > budget_seconds:
            await enqueue_batch(campaign_id, datetime.now(UTC), handover=True)
            return {**totals, "status": "continued"}
