"""Building RFC 5322 messages and handing them to the hub's SMTP server (aiosmtplib)."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

import aiosmtplib

from app.core.crypto import decrypt_secret
from app.email.models import EmailSettings, TlsMode
from app.email.rendering import RenderedMessage

SMTP_TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class SmtpFailure(Exception):
    """Why a send failed; `permanent` failures are not retried, `bounce` ones suppress the address."""

    message: str
    permanent: bool
    bounce: bool = False

    def __str__(self) -> str:
        return self.message


def build_message(
    config: EmailSettings, to: str, rendered: RenderedMessage, *, message_id: str | None = None,
    unsubscribe_url: str | None = None,
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = formataddr((config.from_name, config.from_address))
    message["To"] = to
    message["Subject"] = rendered.subject
    if config.reply_to:
        message["Reply-To"] = config.reply_to
    domain = config.from_address.rpartition("@")[2] or "memberhub.local"
    message["Message-ID"] = message_id or make_msgid(domain=domain)
    if unsubscribe_url:
        # RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" to the URL.
        message["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(rendered.text)
    message.add_alternative(rendered.html, subtype="html")
    return message


async def deliver_message(config: EmailSettings, message: EmailMessage) -> None:
    """Send or raise SmtpFailure. Returning means the server accepted the message."""
    password = decrypt_secret(config.password_encrypted) if config.password_encrypted else None
    try:
        await aiosmtplib.send(
            message, hostname=config.smtp_host, port=config.smtp_port,
            username=config.username or None, password=password,
            use_tls=config.tls_mode == TlsMode.TLS, start_tls=config.tls_mode == TlsMode.STARTTLS,
            timeout=SMTP_TIMEOUT_SECONDS,
        )
    except aiosmtplib.SMTPRecipientsRefused as exc:
        codes = [r.code for r in exc.recipients]
        permanent = all(code >= 500 for code in codes)
        raise SmtpFailure(f"recipient refused: {exc.recipients[0].message}", permanent, bounce=permanent) from exc
    except aiosmtplib.SMTPResponseException as exc:
        raise SmtpFailure(f"SMTP {exc.code}: {exc.message}", permanent=exc.code >= 500) from exc
    except (aiosmtplib.SMTPException, OSError) as exc:
        raise SmtpFailure(f"{type(exc).__name__}: {exc}", permanent=False) from exc
