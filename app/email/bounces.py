"""Bounce and complaint intake: a hub's mail provider or mail server tells us an address is dead
or complained, and the address is suppressed (scope ALL: no mail of any kind goes to it again).

Two endpoints per hub, both authenticated with HTTP Basic auth whose password is the hub's bounce
webhook secret (`rotateBounceWebhookSecret`; compared in constant time, stored encrypted):

- `POST /email/bounces/<hub id>/postmark`: Postmark's bounce and spam-complaint webhooks (JSON).
  Postmark sends the credentials given in the webhook URL (`https://user:secret@host/...`) as
  Basic auth. `HardBounce`, `BadEmailAddress` and `ManuallyDeactivated` bounces suppress with
  HARD_BOUNCE, `SpamComplaint` with COMPLAINT; transient and soft bounces change nothing.
- `POST /email/bounces/<hub id>/dsn`: one raw bounce message (RFC 5322 bytes) as a mail server
  forwards it. Delivery status notifications (RFC 3464, `multipart/report;
  report-type=delivery-status`) and the common non-standard bounce formats are read by
  flufl.bounce; its permanent failures suppress with HARD_BOUNCE, temporary ones change nothing.

When the bounce names the original message (its Message-ID in the DSN's returned headers), the
campaign recipient or outbox row it was is marked bounced as well.
"""

from __future__ import annotations

import base64
import binascii
import email
import hmac
import re
from datetime import UTC, datetime
from email import policy
from email.message import Message
from typing import Any

from flufl.bounce import all_failures

from app.core.crypto import decrypt_secret
from app.core.ids import InvalidId, decode_id
from app.email.addresses import normalise_or_none
from app.email.models import CampaignRecipient, EmailSend, EmailSettings, SuppressionReason, SuppressionScope
from app.email.service import suppress

POSTMARK_HARD = {"HardBounce", "BadEmailAddress", "ManuallyDeactivated"}
POSTMARK_COMPLAINT = {"SpamComplaint"}
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
    """Suppress the address for the hub's team (ALL scope); mark the original message bounced when it
    is one of ours. False when the address does not parse (nothing is written)."""
    normalised = normalise_or_none(address)
    if normalised is None:
        return False
    await suppress(config.team_id, normalised, SuppressionScope.ALL, reason)
    now = datetime.now(UTC)
    match = _OUR_MESSAGE_ID.search(message_id or "")
    if match and match.group(1):
        await CampaignRecipient.filter(
            team_id=config.team_id, campaign_id=int(match.group(1)), id=int(match.group(2)), state="sent",
        ).update(state="bounced", bounced_at=now, error=f"{reason.value} reported after delivery")
    elif match and match.group(3):
        await EmailSend.filter(team_id=config.team_id, id=int(match.group(3)), state="sent").update(
            error=f"{reason.value} reported after delivery")
    return True


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


def _original_message_id(message: Message) -> str | None:
    """The Message-ID of the message a DSN returns (its message/rfc822 or text/rfc822-headers part)."""
    for part in message.walk():
        content_type = part.get_content_type()
        if content_type == "message/rfc822":
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            if isinstance(inner, Message) and inner.get("Message-ID"):
                return str(inner["Message-ID"])
        elif content_type == "text/rfc822-headers":
            data = part.get_payload(decode=True)
            headers = email.message_from_bytes(data if isinstance(data, bytes) else b"", policy=policy.compat32)
            if headers.get("Message-ID"):
                return str(headers["Message-ID"])
    return None


async def dsn_message(config: EmailSettings, raw: bytes) -> list[str]:
    """One raw bounce message: the permanently failed addresses it names, each suppressed."""
    message = email.message_from_bytes(raw, policy=policy.compat32)
    _temporary, permanent = all_failures(message)
    original = _original_message_id(message)
    suppressed: list[str] = []
    for value in sorted(permanent):
        address = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
        if await record_bounce(config, address, SuppressionReason.HARD_BOUNCE, original):
            suppressed.append(address.lower())
    return suppressed
