"""Email settings, templates, suppressions, transactional mail and drip campaigns (no GraphQL).

Other domains call `send_transactional` (or the `send_welcome_email` / `send_purchase_receipt` /
`send_magic_link` shorthands): it writes an outbox row and enqueues its job after commit.
"""

from __future__ import annotations

import logging
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from redis.exceptions import RedisError
from tortoise import connections
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from app.access.members import SignInCode
from app.commerce.models import Order, OrderItem, Product
from app.contacts.models import TeamContact
from app.core.crypto import decrypt_secret, encrypt_secret
from app.core.errors import FieldError, NotFound, ValidationFailed
from app.core.redis import get_redis, job_id
from app.email import dkim_keys
from app.email.addresses import InvalidAddress, normalise
from app.email.models import (
    DripCampaign,
    DripStep,
    DripTrigger,
    EmailSend,
    EmailSettings,
    EmailTemplate,
    ReentryPolicy,
    SendState,
    Suppression,
    SuppressionReason,
    SuppressionScope,
    TlsMode,
)
from app.email.render_pool import validate_template
from app.email.rendering import TRANSACTIONAL_KINDS, RenderedMessage
from app.email.smtp import SmtpFailure, build_message, deliver_message
from app.hubs.models import Hub, HubMembership
from app.segments.models import Segment
from app.teams.models import Team
from app.teams.service import EMAIL_RE

log = logging.getLogger("memberhub.email")

KEY_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
MAX_STEPS = 50
MAX_DELAY_MINUTES = 366 * 24 * 60
SEND_JOB = "send_email"


def send_job_id(send_id: int) -> str:
    return job_id("email-send", send_id)


async def _get_hub(team: Team | int, hub_id: int | None) -> Hub:
    team_id = team if isinstance(team, int) else team.id
    hub = await Hub.get_or_none(id=hub_id, team_id=team_id) if hub_id else None
    if hub is None:
        raise NotFound("hubId", "hub")
    return hub


def _check_email(value: str | None, field: str, errors: list[FieldError], required: bool = True) -> str | None:
    value = (value or "").strip()
    if not value:
        if required:
            errors.append(FieldError(field, f"{field} is required", "REQUIRED"))
        return None
    if len(value) > 320 or not EMAIL_RE.match(value):
        errors.append(FieldError(field, f"'{value}' is not a valid email address", "INVALID_EMAIL"))
    return value


# --- sending settings -------------------------------------------------------------------------


async def get_email_settings(team: Team, hub_id: int | None) -> EmailSettings | None:
    hub = await _get_hub(team, hub_id)
    return await EmailSettings.get_or_none(hub_id=hub.id)


async def update_email_settings(
    team: Team, hub_id: int | None, *, smtp_host: str, smtp_port: int, tls_mode: str, username: str | None,
    password: str | None, from_name: str, from_address: str, reply_to: str | None,
    track_opens: bool | None = None, track_clicks: bool | None = None,
) -> EmailSettings:
    """Create or replace a hub's settings. `password` None keeps the stored one, "" clears it."""
    hub = await _get_hub(team, hub_id)
    errors: list[FieldError] = []
    smtp_host = smtp_host.strip()
    if not smtp_host or len(smtp_host) > 255 or any(c.isspace() for c in smtp_host):
        errors.append(FieldError("smtpHost", "a host name is required", "INVALID_HOST"))
    if not 0 < smtp_port < 65536:
        errors.append(FieldError("smtpPort", "port must be between 1 and 65535", "INVALID_PORT"))
    if tls_mode not in {m.value for m in TlsMode}:
        errors.append(FieldError("tlsMode", f"unknown TLS mode '{tls_mode}'", "INVALID_TLS_MODE"))
    from_address = _check_email(from_address, "fromAddress", errors) or ""
    reply_to = _check_email(reply_to, "replyTo", errors, required=False)
    from_name = from_name.strip()
    if not from_name or len(from_name) > 200 or any(c in from_name for c in "\r\n"):
        errors.append(FieldError("fromName", "a from name (one line) is required", "INVALID_FROM_NAME"))
    if errors:
        raise ValidationFailed(errors)
    settings = await EmailSettings.get_or_none(hub_id=hub.id) or EmailSettings(team_id=team.id, hub_id=hub.id)
    settings.smtp_host, settings.smtp_port, settings.tls_mode = smtp_host, smtp_port, TlsMode(tls_mode)
    settings.username = (username or "").strip() or None
    if password is not None:
        settings.password_encrypted = encrypt_secret(password) if password else None
    settings.from_name, settings.from_address, settings.reply_to = from_name, from_address, reply_to
    if track_opens is not None:
        settings.track_opens = track_opens
    if track_clicks is not None:
        settings.track_clicks = track_clicks
    await settings.save()
    return settings


async def send_test_email(team: Team, hub_id: int | None, to: str) -> str:
    """Send a fixed test message right away; returns its Message-ID or raises with the SMTP error."""
    hub = await _get_hub(team, hub_id)
    errors: list[FieldError] = []
    to = _check_email(to, "to", errors) or ""
    if errors:
        raise ValidationFailed(errors)
    config = await EmailSettings.get_or_none(hub_id=hub.id)
    if config is None:
        raise ValidationFailed.one("hubId", "this hub has no email settings yet", "NOT_CONFIGURED")
    rendered = RenderedMessage(
        subject=f"Test email from {hub.name}",
        html=f"<p>This is a test email from {hub.name} sent by MemberHub.</p>",
        text=f"This is a test email from {hub.name} sent by MemberHub.\n",
    )
    message = build_message(config, to, rendered)
    try:
        await deliver_message(config, message)  # DKIM-signed there when the hub has a key
    except SmtpFailure as exc:
        raise ValidationFailed.one(None, f"the SMTP server refused the test email: {exc}", "SMTP_ERROR") from exc
    return str(message["Message-ID"])


async def _settings_or_error(team: Team, hub_id: int | None) -> EmailSettings:
    hub = await _get_hub(team, hub_id)
    config = await EmailSettings.get_or_none(hub_id=hub.id, team_id=team.id)
    if config is None:
        raise ValidationFailed.one("hubId", "this hub has no email settings yet", "NOT_CONFIGURED")
    return config


DKIM_SELECTOR_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*")
DOMAIN_RE = re.compile(r"(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]")


async def generate_dkim_key(team: Team, hub_id: int | None, domain: str, selector: str) -> EmailSettings:
    """A new DKIM key pair for the hub (RSA 2048); the private half is stored encrypted and every
    mail of the hub is signed with it from now on. The DNS record to publish is on the settings."""
    config = await _settings_or_error(team, hub_id)
    domain, selector = domain.strip().lower().rstrip("."), selector.strip().lower()
    errors: list[FieldError] = []
    if not DOMAIN_RE.fullmatch(domain):
        errors.append(FieldError("domain", "a domain name such as example.com is required", "INVALID_DOMAIN"))
    if len(selector) > 63 or not DKIM_SELECTOR_RE.fullmatch(selector):
        errors.append(FieldError("selector", "letters, digits, '-' and '.', at most 63", "INVALID_SELECTOR"))
    sender_domain = config.from_address.rpartition("@")[2].lower()
    if not errors and sender_domain != domain and not sender_domain.endswith("." + domain):
        errors.append(FieldError("domain", f"the hub sends from {sender_domain}: DKIM must be for it or a parent "
                                 "domain (DMARC alignment)", "DOMAIN_MISMATCH"))
    if errors:
        raise ValidationFailed(errors)
    config.dkim_domain, config.dkim_selector = domain, selector
    config.dkim_private_key_encrypted = encrypt_secret(dkim_keys.generate_private_key().decode("ascii"))
    await config.save(update_fields=["dkim_domain", "dkim_selector", "dkim_private_key_encrypted", "updated_at"])
    return config


async def remove_dkim_key(team: Team, hub_id: int | None) -> EmailSettings:
    config = await _settings_or_error(team, hub_id)
    config.dkim_domain = config.dkim_selector = config.dkim_private_key_encrypted = None
    await config.save(update_fields=["dkim_domain", "dkim_selector", "dkim_private_key_encrypted", "updated_at"])
    return config


async def rotate_bounce_webhook_secret(team: Team, hub_id: int | None) -> tuple[EmailSettings, str]:
    """A new Basic-auth password for the hub's bounce webhooks (the old one stops working); shown once."""
    config = await _settings_or_error(team, hub_id)
    secret = secrets.token_urlsafe(32)
    config.bounce_webhook_secret_encrypted = encrypt_secret(secret)
    await config.save(update_fields=["bounce_webhook_secret_encrypted", "updated_at"])
    return config, secret


# --- templates ---------------------------------------------------------------------------------


async def save_email_template(
    team: Team, *, template_id: int | None, hub_id: int | None, key: str, name: str, subject: str,
    html_body: str, text_body: str,
) -> EmailTemplate:
    """Create (no id) or update a template; a template that fails to compile is never saved."""
    hub = await _get_hub(team, hub_id)
    template: EmailTemplate | None = None
    if template_id is not None:
        template = await EmailTemplate.get_or_none(id=template_id, team_id=team.id, hub_id=hub.id)
        if template is None:
            raise NotFound("id", "email template")
    errors: list[FieldError] = []
    key = key.strip().lower()
    if not KEY_RE.match(key):
        errors.append(FieldError("key", "key must be lowercase letters, digits, '_' and '-'", "INVALID_KEY"))
    elif await EmailTemplate.filter(hub_id=hub.id, key=key).exclude(id=template_id or 0).exists():
        errors.append(FieldError("key", f"a template with key '{key}' already exists", "DUPLICATE_KEY"))
    if not name.strip():
        errors.append(FieldError("name", "name is required", "REQUIRED"))
    try:
        await validate_template(subject, html_body, text_body)
    except ValidationFailed as exc:
        errors.extend(exc.errors)
    if errors:
        raise ValidationFailed(errors)
    template = template or EmailTemplate(team_id=team.id, hub_id=hub.id)
    template.key, template.name, template.subject = key, name.strip(), subject
    template.html_body, template.text_body = html_body, text_body
    await template.save()
    return template


# --- suppressions -----------------------------------------------------------------------------


async def suppress(
    team_id: int, email: str, scope: SuppressionScope, reason: SuppressionReason, *, scope_ref: int = 0,
    contact_id: int | None = None,
) -> None:
    """Record a suppression; recording it twice changes nothing."""
    await connections.get("default").execute_query(
        "INSERT INTO email_suppressions (team_id, email, team_contact_id, scope, scope_ref, reason, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (team_id, email, scope, scope_ref) DO NOTHING",
        [team_id, email.strip().lower(), contact_id, scope.value, scope_ref, reason.value, datetime.now(UTC)],
    )


async def add_suppression(
    team: Team, email: str, scope: SuppressionScope, *, hub_id: int | None = None, drip_id: int | None = None,
) -> Suppression:
    """Staff suppress an address (reason MANUAL); adding one that exists returns it unchanged."""
    errors: list[FieldError] = []
    try:
        address = normalise(email).lower()
    except InvalidAddress as exc:
        errors.append(FieldError("email", str(exc), "INVALID_EMAIL"))
        address = ""
    ref = 0
    if scope == SuppressionScope.HUB:
        if hub_id is None:
            errors.append(FieldError("hubId", "a HUB suppression needs the hub", "REQUIRED"))
        elif not await Hub.exists(id=hub_id, team_id=team.id):
            errors.append(FieldError("hubId", "hub not found", "NOT_FOUND"))
        ref = hub_id or 0
    elif scope == SuppressionScope.DRIP:
        if drip_id is None:
            errors.append(FieldError("dripId", "a DRIP suppression needs the drip", "REQUIRED"))
        elif not await DripCampaign.exists(id=drip_id, team_id=team.id):
            errors.append(FieldError("dripId", "drip campaign not found", "NOT_FOUND"))
        ref = drip_id or 0
    if scope != SuppressionScope.HUB and hub_id is not None:
        errors.append(FieldError("hubId", "only a HUB suppression takes a hub", "NOT_APPLICABLE"))
    if scope != SuppressionScope.DRIP and drip_id is not None:
        errors.append(FieldError("dripId", "only a DRIP suppression takes a drip", "NOT_APPLICABLE"))
    if errors:
        raise ValidationFailed(errors)
    contact_ids = cast(list[int], await TeamContact.filter(team_id=team.id, email__iexact=address).values_list(
        "id", flat=True))
    await suppress(team.id, address, scope, SuppressionReason.MANUAL, scope_ref=ref,
                   contact_id=contact_ids[0] if contact_ids else None)
    return await Suppression.get(team_id=team.id, email=address, scope=scope, scope_ref=ref)


async def remove_suppression(team: Team, suppression_id: int | None) -> int:
    """Lift a suppression (any reason: staff decide a bounce was transient); returns its id."""
    row = await Suppression.get_or_none(id=suppression_id, team_id=team.id) if suppression_id else None
    if row is None:
        raise NotFound("id", "suppression")
    await Suppression.filter(id=row.id, team_id=team.id).delete()
    return row.id


async def find_suppression(
    team_id: int, email: str, *, marketing: bool, hub_id: int | None = None, drip_id: int | None = None,
) -> Suppression | None:
    condition = Q(scope=SuppressionScope.ALL)
    if marketing:
        condition |= Q(scope=SuppressionScope.MARKETING)
        if hub_id:
            condition |= Q(scope=SuppressionScope.HUB, scope_ref=hub_id)
        if drip_id:
            condition |= Q(scope=SuppressionScope.DRIP, scope_ref=drip_id)
    return await Suppression.filter(team_id=team_id, email=email.strip().lower()).filter(condition).first()


# --- transactional mail ------------------------------------------------------------------------


async def enqueue_send(send_id: int) -> bool:
    """Enqueue the send job after commit. False when Redis is down or the job already exists;
    either way the row is in the outbox and the email tick re-queues it."""
    try:
        job = await (await get_redis()).enqueue_job(SEND_JOB, send_id, _job_id=send_job_id(send_id))
    except (RedisError, OSError) as exc:
        log.warning("could not enqueue email send %s: %s", send_id, exc)
        return False
    return job is not None  # None: queued or running already (arq #432)


SEALED = "_sealed"  # context key holding encrypted variables (a sign-in code): opened at render, wiped once sent


def seal_context(context: dict[str, Any], secret: dict[str, Any] | None) -> dict[str, Any]:
    return {**context, SEALED: encrypt_secret(_json(secret))} if secret else context


def open_context(context: dict[str, Any]) -> dict[str, Any]:
    import json

    opened = {k: v for k, v in context.items() if k != SEALED}
    if isinstance(context.get(SEALED), str):
        opened.update(json.loads(decrypt_secret(context[SEALED])))
    return opened


async def send_transactional(
    team_id: int, hub_id: int, contact_id: int, kind: str, context: dict[str, Any] | None = None,
    *, dedupe_key: str | None = None, secret: dict[str, Any] | None = None,
) -> EmailSend:
    """Queue a transactional mail (welcome, purchase_receipt, magic_link, or a hub template key).

    This is the one entry point for other domains' mail (a trial ending, a receipt, a code): it
    writes an outbox row and enqueues its job; the send-time checks (hard bounce / complaint
    suppressions; transactional mail ignores marketing opt-outs) run when it is delivered.
    With `dedupe_key` (e.g. "receipt:<order id>") a repeated call returns the first row and sends
    nothing more, so at-least-once callers such as webhooks stay exactly-once. `secret` variables
    are stored encrypted and wiped from the row once the mail is final.
    """
    hub = await _get_hub(team_id, hub_id)
    contact = await TeamContact.get_or_none(id=contact_id, team_id=team_id)
    if contact is None:
        raise NotFound("contactId", "contact")
    if dedupe_key is not None:
        existing = await EmailSend.get_or_none(team_id=team_id, dedupe_key=dedupe_key)
        if existing is not None:
            return existing
    return await _queue_transactional(team_id, hub.id, contact.id, None, kind, context or {}, secret, dedupe_key)


async def send_staff_mail(team_id: int, hub_id: int, to_address: str, kind: str, context: dict[str, Any],
                          *, secret: dict[str, Any] | None = None, dedupe_key: str | None = None) -> EmailSend:
    """Queue a mail to staff (a team invitation): like `send_transactional`, through the outbox and its
    retries, but to an address that is no contact, with the hub's SMTP settings (and its template
    for `kind`, else the built-in one). `secret` variables are sealed and wiped once final."""
    hub = await _get_hub(team_id, hub_id)
    return await _queue_transactional(team_id, hub.id, None, to_address, kind, context, secret, dedupe_key)


async def _queue_transactional(team_id: int, hub_id: int, contact_id: int | None, to_address: str | None, kind: str,
                               context: dict[str, Any], secret: dict[str, Any] | None,
                               dedupe_key: str | None) -> EmailSend:
    if kind not in TRANSACTIONAL_KINDS and not await EmailTemplate.exists(hub_id=hub_id, key=kind):
        raise ValidationFailed.one("kind", f"no template for '{kind}'", "UNKNOWN_TEMPLATE")
    now = datetime.now(UTC)
    rows = await connections.get("default").execute_query_dict(
        "INSERT INTO email_sends (team_id, hub_id, team_contact_id, to_address, kind, marketing, context, dedupe_key, "
        "due_at, state, attempts, queued_at, created_at) "
        "VALUES ($1, $2, $3, $4, $5, FALSE, $6::jsonb, $7, $8, 'queued', 0, $8, $8) "
        "ON CONFLICT (team_id, dedupe_key) DO NOTHING RETURNING id",
        [team_id, hub_id, contact_id, to_address, kind, _json(seal_context(context, secret)), dedupe_key, now],
    )
    if not rows:  # a concurrent call with the same dedupe key won
        return await EmailSend.get(team_id=team_id, dedupe_key=dedupe_key)
    await enqueue_send(rows[0]["id"])
    return await EmailSend.get(id=rows[0]["id"])


def _json(value: dict[str, Any]) -> str:
    import json

    return json.dumps(value, default=str)


async def send_welcome_email(team_id: int, hub_id: int, contact_id: int) -> EmailSend:
    return await send_transactional(team_id, hub_id, contact_id, "welcome", dedupe_key=f"welcome:{hub_id}:{contact_id}")


async def send_purchase_receipt(team_id: int, hub_id: int, contact_id: int, order: dict[str, Any]) -> EmailSend:
    return await send_transactional(
        team_id, hub_id, contact_id, "purchase_receipt", {"order": order}, dedupe_key=f"receipt:{order['id']}"
    )


async def send_magic_link(team_id: int, hub_id: int, contact_id: int, url: str, code: str | None = None) -> EmailSend:
    return await send_transactional(team_id, hub_id, contact_id, "magic_link",
                                    secret={"magic_link_url": url, "code": code})


async def send_sign_in_code(issued: SignInCode) -> None:
    """The access domain's code sender (bound in app/wiring.py): the code and its magic link by mail."""
    await send_magic_link(issued.team_id, issued.hub_id, issued.team_contact_id, issued.magic_link, issued.code)


def _money(minor: int) -> str:
    return f"{minor / 100:.2f}"


async def send_order_receipt(team_id: int, order_id: int) -> EmailSend | None:
    """Commerce's order-paid hook (app/wiring.py): the receipt, from the hub of the order's product.

    Exactly once per order: the dedupe key is the order id, so a redelivered webhook, a
    reconciliation run or a second hook call sends nothing more. An order of no hub's product
    sends nothing (no hub, no sending settings), and says so in the log.
    """
    order = await Order.get_or_none(id=order_id, team_id=team_id)
    if order is None:
        return None
    items = await OrderItem.filter(order_id=order.id, team_id=team_id).order_by("id")
    product_ids = [i.product_id for i in items if i.product_id]
    products = {p.id: p for p in await Product.filter(id__in=product_ids, team_id=team_id)} if product_ids else {}
    hub_id = next((products[p].hub_id for p in product_ids if products.get(p) and products[p].hub_id), None)
    if hub_id is None:
        membership = await HubMembership.filter(team_id=team_id, team_contact_id=order.team_contact_id).order_by(
            "joined_at").first()
        hub_id = membership.hub_id if membership else None
    if hub_id is None:
        log.info("order %s belongs to no hub; no receipt sent", order.id)
        return None
    return await send_purchase_receipt(team_id, hub_id, order.team_contact_id, {
        "id": str(order.id), "total": _money(order.total_amount), "currency": order.currency,
        "placed_at": order.placed_at.isoformat(),
        "lines": [{"name": products[i.product_id].name if i.product_id in products else "Payment",
                   "quantity": i.quantity, "amount": _money(i.amount)} for i in items],
    })


# --- drip campaigns ----------------------------------------------------------------------------


@dataclass
class StepSpec:
    delay_minutes: int
    template_id: int | None


async def _validate_steps(team: Team, hub: Hub, steps: list[StepSpec]) -> list[FieldError]:
    errors: list[FieldError] = []
    if not steps:
        errors.append(FieldError("steps", "at least one step is required", "REQUIRED"))
    if len(steps) > MAX_STEPS:
        errors.append(FieldError("steps", f"at most {MAX_STEPS} steps", "TOO_MANY_STEPS"))
    previous = -1
    template_ids = {t for t in await EmailTemplate.filter(team_id=team.id, hub_id=hub.id).values_list("id", flat=True)}
    for i, step in enumerate(steps):
        if not 0 <= step.delay_minutes <= MAX_DELAY_MINUTES:
            errors.append(FieldError(f"steps.{i}.delayMinutes", "delay must be between 0 and a year", "INVALID_DELAY"))
        elif step.delay_minutes < previous:
            errors.append(FieldError(f"steps.{i}.delayMinutes", "steps must be in order of delay",
                                     "STEPS_OUT_OF_ORDER"))
        previous = max(previous, step.delay_minutes)
        if step.template_id not in template_ids:
            errors.append(FieldError(f"steps.{i}.templateId", "email template not found in this hub", "NOT_FOUND"))
    return errors


async def _segment_or_error(team: Team, segment_id: int | None, field: str, errors: list[FieldError]) -> int | None:
    if segment_id is None:
        return None
    if not await Segment.exists(id=segment_id, team_id=team.id):
        errors.append(FieldError(field, "segment not found", "NOT_FOUND"))
        return None
    return segment_id


MAX_REENTRY_DAYS = 3650


def _reentry_errors(reentry: ReentryPolicy, days: int | None) -> list[FieldError]:
    if reentry == ReentryPolicy.AT_MOST_EVERY_N_DAYS:
        if days is None:
            return [FieldError("reentryDays", "AT_MOST_EVERY_N_DAYS needs reentryDays", "REQUIRED")]
        if not 1 <= days <= MAX_REENTRY_DAYS:
            return [FieldError("reentryDays", f"reentryDays must be between 1 and {MAX_REENTRY_DAYS}",
                               "INVALID_REENTRY_DAYS")]
    elif days is not None:
        return [FieldError("reentryDays", "reentryDays applies to AT_MOST_EVERY_N_DAYS only", "INVALID_REENTRY_DAYS")]
    return []


async def create_drip_campaign(
    team: Team, *, hub_id: int | None, name: str, trigger: str, segment_id: int | None, event_type: str | None,
    exit_on_segment_leave: bool, exit_segment_id: int | None, goal_event_type: str | None, active: bool,
    steps: list[StepSpec], reentry: ReentryPolicy = ReentryPolicy.ONCE_EVER, reentry_days: int | None = None,
) -> DripCampaign:
    hub = await _get_hub(team, hub_id)
    errors: list[FieldError] = _reentry_errors(reentry, reentry_days)
    name = name.strip()
    if not name:
        errors.append(FieldError("name", "name is required", "REQUIRED"))
    elif await DripCampaign.exists(team_id=team.id, name=name):
        errors.append(FieldError("name", f"a drip named '{name}' already exists", "DUPLICATE_NAME"))
    segment_id = await _segment_or_error(team, segment_id, "segmentId", errors)
    exit_segment_id = await _segment_or_error(team, exit_segment_id, "exitSegmentId", errors)
    event_type = (event_type or "").strip() or None
    if trigger == DripTrigger.SEGMENT_JOIN:
        if segment_id is None and not any(e.field == "segmentId" for e in errors):
            errors.append(FieldError("segmentId", "a segment-join drip needs a segment", "REQUIRED"))
        if exit_on_segment_leave and exit_segment_id is None:
            exit_segment_id = segment_id
    elif trigger == DripTrigger.EVENT:
        if not event_type:
            errors.append(FieldError("eventType", "an event drip needs an event type", "REQUIRED"))
    else:
        errors.append(FieldError("trigger", f"unknown trigger '{trigger}'", "INVALID_TRIGGER"))
    errors.extend(await _validate_steps(team, hub, steps))
    if errors:
        raise ValidationFailed(errors)
    conn = connections.get("default")
    async with in_transaction():
        # Enrol from now on: history before the drip existed does not enrol anyone.
        change_cursor = (await conn.execute_query_dict(
            "SELECT COALESCE(MAX(id), 0) AS m FROM segment_membership_changes WHERE team_id = $1", [team.id]
        ))[0]["m"]
        event_cursor = (await conn.execute_query_dict(
            "SELECT COALESCE(MAX(id), 0) AS m FROM events WHERE team_id = $1", [team.id]
        ))[0]["m"]
        drip = await DripCampaign.create(
            team_id=team.id, hub_id=hub.id, name=name, trigger=DripTrigger(trigger),
            trigger_segment_id=segment_id if trigger == DripTrigger.SEGMENT_JOIN else None,
            trigger_event_type=event_type if trigger == DripTrigger.EVENT else None,
            exit_segment_id=exit_segment_id, goal_event_type=(goal_event_type or "").strip() or None,
            reentry=reentry, reentry_days=reentry_days,
            active=active, change_cursor=change_cursor, event_cursor=event_cursor,
        )
        for position, step in enumerate(steps, start=1):
            await DripStep.create(
                team_id=team.id, drip=drip, position=position, delay_minutes=step.delay_minutes,
                template_id=step.template_id,
            )
    return drip


async def update_drip_campaign(
    team: Team, drip_id: int | None, *, name: str | None = None, active: bool | None = None,
    goal_event_type: str | None = None, steps: list[StepSpec] | None = None,
    reentry: ReentryPolicy | None = None, reentry_days: int | None = None,
) -> DripCampaign:
    """Rename, pause/resume, change the goal, or edit steps (existing steps can change, not vanish,
    once mail went out for them)."""
    drip = await DripCampaign.get_or_none(id=drip_id, team_id=team.id) if drip_id else None
    if drip is None:
        raise NotFound("id", "drip campaign")
    errors: list[FieldError] = []
    if reentry is not None or reentry_days is not None:
        reentry = reentry or ReentryPolicy(drip.reentry)
        errors.extend(_reentry_errors(reentry, reentry_days))
    if name is not None:
        name = name.strip()
        if not name:
            errors.append(FieldError("name", "name is required", "REQUIRED"))
        elif await DripCampaign.filter(team_id=team.id, name=name).exclude(id=drip.id).exists():
            errors.append(FieldError("name", f"a drip named '{name}' already exists", "DUPLICATE_NAME"))
    existing = await DripStep.filter(drip_id=drip.id).order_by("position")
    if steps is not None:
        hub = await Hub.get(id=drip.hub_id)
        errors.extend(await _validate_steps(team, hub, steps))
        used = await EmailSend.filter(step_id__in=[s.id for s in existing[len(steps):]]).exists()
        if used:
            errors.append(FieldError("steps", "steps that already sent mail cannot be removed", "STEP_IN_USE"))
    if active and drip.trigger == DripTrigger.SEGMENT_JOIN and drip.trigger_segment_id is None:
        errors.append(FieldError("active", "this drip's trigger segment was deleted: it cannot resume",
                                 "NO_TRIGGER_SEGMENT"))
    if errors:
        raise ValidationFailed(errors)
    async with in_transaction():
        if name is not None:
            drip.name = name
        if active is not None:
            drip.active = active
        if goal_event_type is not None:
            drip.goal_event_type = goal_event_type.strip() or None
        if reentry is not None:
            drip.reentry, drip.reentry_days = reentry, reentry_days
        await drip.save()
        if steps is not None:
            for position, spec in enumerate(steps, start=1):
                if spec.template_id is None:  # _validate_steps already rejected this (NOT_FOUND)
                    raise ValueError(f"drip step {position} has no template")
                if position <= len(existing):
                    step = existing[position - 1]
                    step.delay_minutes, step.template_id = spec.delay_minutes, spec.template_id
                    await step.save(update_fields=["delay_minutes", "template_id"])
                else:
                    await DripStep.create(
                        team_id=team.id, drip=drip, position=position, delay_minutes=spec.delay_minutes,
                        template_id=spec.template_id,
                    )
            await DripStep.filter(drip_id=drip.id, position__gt=len(steps)).delete()
    return drip


def is_final(state: SendState | str) -> bool:
    return state in {SendState.SENT, SendState.UNCERTAIN, SendState.SKIPPED, SendState.FAILED}
