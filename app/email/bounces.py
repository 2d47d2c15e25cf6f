"""Bounce and complaint intake: a hub's mail provider or mail server tells us an address is dead
or complained, and the address is suppressed (scope ALL: no mail of any kind goes to it again).

Two endpoints per hub, both authenticated with HTTP Basic auth whose password is the hub's bounce
webhook secret (`rotateBounceWebhookSecret`; compared in constant time, stored encrypted):

- `POST /email/bounces/<hub id>/postmark`: Postmark's bounce and spam-complaint webhooks (JSON).
  Postmark sends the credentials given in the webhook URL (`https://user:secret@host/...`) as
  Basic auth. `HardBounce`, `BadEmailAddress` and `ManuallyDeactivated` bounces suppress with
  HARD_BOUNCE, `SpamComplaint` with COMPLAINT; transient and soft bounces change nothing.
- `POST /email/bounces/<hub id>/dsn`: one raw bounce or complaint message (RFC 5322 bytes) as a
  mail server forwards it. Delivery status notifications (RFC 3464, `multipart/report;
  report-type=delivery-status`) and the common non-standard bounce formats are read by
  flufl.bounce; its permanent failures suppress with HARD_BOUNCE, temporary ones change nothing.
  Feedback reports (ARF, RFC 5965: a `message/feedback-report` part) of type abuse, fraud or
  virus are spam complaints and suppress with COMPLAINT; other types (not-spam, other) change nothing.

When the report names the original message (its Message-ID in the returned message or headers),
the campaign recipient or outbox row it was is marked bounced or complained as well; a complaint
about one of our campaign mails suppresses the address that mail went to, even when the report
redacts the recipient.
"""

from __future__ import annotations

import base64
import binascii
import email
import hmac
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.message import Message
from email.utils import getaddresses
from typing import Any

from flufl.bounce import all_failures

from app.core.crypto import decrypt_secret
from app.core.ids import InvalidId, decode_id
from app.email.addresses import normalise_or_none
from app.email.models import CampaignRecipient, EmailSend, EmailSettings, SuppressionReason, SuppressionScope
from app.email.service import suppress

POSTMARK_HARD = {"HardBounce", "BadEmailAddress", "ManuallyDeactivated"}
POSTMARK_COMPLAINT = {"SpamComplaint"}
ARF_COMPLAINTS = {"abuse", "fraud", "virus"}  # RFC 5965 feedback types that are complaints about the mail
_OUR_MESSAGE_ID = re.compile(r"<mh-(?:c(\d+)-(\d+)|(\d+))@[^>]+>")


async def authenticated_settings(hub_ref: str, authorization: str | None) -> EmailSettings | None:
    """The hub's settings when the Basic-auth password is its bounce secret; None for anything else
    (unknown or another kind of id, no secret yet, wrong or missing credentials): all look alike."""
    try:
        hub_id = decode_id(hub_ref, "Hub")
    except InvalidId:
        return None
    config = await EmailSettings.get_or_none(hub_id=hub_id)
    password = _basic_password(authorization)
    if config is None or not config.bounce_webhook_secret_encrypted or password is None:
        return None
    expected = decrypt_secret(config.bounce_webhook_secret_encrypted)
    return config if hmac.compare_digest(password.encode(), expected.encode()) else None


def _basic_password(header: str | None) -> str | None:
    scheme, _, value = (header or "").partition(" ")
    if scheme.lower() != "basic" or not value:
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return decoded.partition(":")[2] if ":" in decoded else None


async def record_bounce(config: EmailSettings, address: str, reason: SuppressionReason,
                        message_id: str | None = None) -> bool:
    """Suppress the address for the hub's team (ALL scope); mark the original message bounced (or
    complained about) when it is one of ours. False when the address does not parse (nothing is written)."""
    normalised = normalise_or_none(address)
    if normalised is None:
        return False
    await suppress(config.team_id, normalised, SuppressionScope.ALL, reason)
    now = datetime.now(UTC)
    match = _OUR_MESSAGE_ID.search(message_id or "")
    if match and match.group(1):
        recipient = CampaignRecipient.filter(team_id=config.team_id, campaign_id=int(match.group(1)),
                                             id=int(match.group(2)))
        if reason == SuppressionReason.COMPLAINT:  # it was delivered: the state stays, the complaint is noted
            await recipient.filter(state__in=["sent", "uncertain", "bounced"], complained_at__isnull=True).update(
                complained_at=now)
        else:
            await recipient.filter(state="sent").update(state="bounced", bounced_at=now,
                                                        error=f"{reason.value} reported after delivery")
    elif match and match.group(3):
        await EmailSend.filter(team_id=config.team_id, id=int(match.group(3)), state="sent").update(
            error=f"{reason.value} reported after delivery")
    return True


async def _our_recipient_address(team_id: int, message_id: str | None) -> str | None:
    """The address one of our mails (by its Message-ID) went to, as we recorded it."""
    match = _OUR_MESSAGE_ID.search(message_id or "")
    if match and match.group(1):
        row = await CampaignRecipient.get_or_none(team_id=team_id, campaign_id=int(match.group(1)),
                                                  id=int(match.group(2)))
        return row.to_address if row else None
    if match and match.group(3):
        send = await EmailSend.get_or_none(team_id=team_id, id=int(match.group(3)))
        return send.to_address if send else None
    return None


async def postmark_event(config: EmailSettings, event: Any) -> str:
    """One Postmark webhook event; returns what was done (`suppressed`, `ignored`)."""
    if not isinstance(event, dict):
        raise ValueError("a JSON object is required")
    record_type, kind, address = event.get("RecordType"), event.get("Type"), event.get("Email")
    if not isinstance(address, str) or not isinstance(kind, str):
        raise ValueError("Type and Email are required")
    if record_type == "SpamComplaint" or kind in POSTMARK_COMPLAINT:
        reason = SuppressionReason.COMPLAINT
    elif record_type in (None, "Bounce") and kind in POSTMARK_HARD:
        reason = SuppressionReason.HARD_BOUNCE
    else:
        return "ignored"
    if not await record_bounce(config, address, reason):
        raise ValueError("Email is not an email address")
    return "suppressed"


def _original_message(message: Message) -> Message | None:
    """The message a report returns (its message/rfc822 part, or the text/rfc822-headers of it) when
    that has a Message-ID."""
    for part in message.walk():
        content_type = part.get_content_type()
        if content_type == "message/rfc822":
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            if isinstance(inner, Message) and inner.get("Message-ID"):
                return inner
        elif content_type == "text/rfc822-headers":
            data = part.get_payload(decode=True)
            headers = email.message_from_bytes(data if isinstance(data, bytes) else b"", policy=policy.compat32)
            if headers.get("Message-ID"):
                return headers
    return None


def _original_message_id(message: Message) -> str | None:
    """The Message-ID of the message a DSN or feedback report returns."""
    original = _original_message(message)
    return str(original["Message-ID"]) if original is not None else None


class UnreadableBounce(ValueError):
    """The raw message is not one a bounce parser can read (nothing is written)."""


@dataclass(frozen=True)
class FeedbackReport:
    """The fields of an ARF report (RFC 5965) that say who complained about which mail."""

    feedback_type: str  # lower case: abuse, fraud, virus, not-spam, other, ...
    recipients: list[str]  # Original-Rcpt-To, as written (often absent or redacted)
    original_to: list[str]  # the To of the returned original message or headers
    message_id: str | None  # the original's Message-ID


def feedback_report(message: Message) -> FeedbackReport | None:
    """The message's feedback report (its `message/feedback-report` part), or None when it has none."""
    for part in message.walk():
        if part.get_content_type() != "message/feedback-report":
            continue
        payload = part.get_payload()
        if isinstance(payload, list) and payload and isinstance(payload[0], Message):
            fields = payload[0]
        else:  # an encoded part: its decoded text is the fields
            data = part.get_payload(decode=True)
            fields = email.message_from_bytes(data if isinstance(data, bytes) else b"", policy=policy.compat32)
        original = _original_message(message)
        return FeedbackReport(
            feedback_type=str(fields.get("Feedback-Type", "")).strip().lower(),
            recipients=[str(v).strip().strip("<>").strip() for v in fields.get_all("Original-Rcpt-To", [])],
            original_to=[addr for _, addr in getaddresses([str(v) for v in original.get_all("To", [])])]
            if original is not None else [],
            message_id=str(original["Message-ID"]) if original is not None and original.get("Message-ID") else None,
        )
    return None


async def feedback_message(config: EmailSettings, report: FeedbackReport) -> list[str]:
    """A feedback report: a complaint (abuse, fraud, virus) suppresses who complained; the addresses
    suppressed. Who complained: the address our mail went to when the report returns one of ours,
    else the report's Original-Rcpt-To, else the returned message's To."""
    if report.feedback_type not in ARF_COMPLAINTS:
        return []
    ours = await _our_recipient_address(config.team_id, report.message_id)
    addresses = [ours] if ours else report.recipients or report.original_to
    suppressed: list[str] = []
    for address in dict.fromkeys(addresses):
        if await record_bounce(config, address, SuppressionReason.COMPLAINT, report.message_id):
            suppressed.append(address.lower())
    return suppressed


async def raw_report(config: EmailSettings, raw: bytes) -> tuple[str | None, list[str]]:
    """One raw bounce or complaint message: (its Feedback-Type when it is a feedback report, else None;
    the addresses suppressed)."""
    message = email.message_from_bytes(raw, policy=policy.compat32)
    report = feedback_report(message)
    if report is not None:  # a complaint, not a bounce
        return report.feedback_type, await feedback_message(config, report)
    return None, await dsn_message(config, message)


async def dsn_message(config: EmailSettings, message: Message) -> list[str]:
    """A bounce (an RFC 3464 DSN or another format flufl.bounce reads): the permanently failed
    addresses it names, each suppressed. UnreadableBounce when flufl.bounce cannot read it at all."""
    try:
        _temporary, permanent = all_failures(message)
    except Exception as exc:  # its detectors assume a well-formed mail (one without From raises IndexError)
        raise UnreadableBounce(f"not a bounce message that can be read ({type(exc).__name__})") from exc
    original = _original_message_id(message)
    suppressed: list[str] = []
    for value in sorted(permanent):
        address = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
        if await record_bounce(config, address, SuppressionReason.HARD_BOUNCE, original):
            suppressed.append(address.lower())
    return suppressed
