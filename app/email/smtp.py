"""Building RFC 5322 messages and handing them to the hub's SMTP server (aiosmtplib)."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, getaddresses, make_msgid

import aiosmtplib

from app.core.crypto import decrypt_secret
from app.email import dkim_keys
from app.email.headers import new_message, serialize
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
    message = new_message()
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


def envelope_of(message: EmailMessage) -> tuple[str, list[str]]:
    """MAIL FROM and RCPT TO of a message we built (no Bcc: every recipient is in To/Cc)."""
    sender = getaddresses([str(message["From"])])[0][1]
    headers = [str(v) for v in message.get_all("To", []) + message.get_all("Cc", [])]
    recipients = [addr for _, addr in getaddresses(headers)]
    return sender, recipients


async def deliver_message(config: EmailSettings, message: EmailMessage, raw: bytes | None = None) -> None:
    """Send or raise SmtpFailure. Returning means the server accepted the message.

    The bytes handed over are `serialize(message)`, DKIM-signed when the hub has a key (or `raw`, as
    the caller made and signed them), never a second flattening by the SMTP client under another policy."""
    password = decrypt_secret(config.password_encrypted) if config.password_encrypted else None
    sender, recipients = envelope_of(message)
    try:
        await aiosmtplib.send(
            raw if raw is not None else dkim_keys.sign(config, serialize(message)),
            sender=sender, recipients=recipients,
            hostname=config.smtp_host, port=config.smtp_port,
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


class SmtpSession:
    """One SMTP connection for many messages (a campaign batch): connect once, then `send` each.

    A refused recipient or a 5xx for one message leaves the connection usable; a lost connection
    raises a transient SmtpFailure and `connected` turns False (the caller reconnects or stops)."""

    def __init__(self, config: EmailSettings) -> None:
        self.config = config
        self.client = aiosmtplib.SMTP(
            hostname=config.smtp_host, port=config.smtp_port, use_tls=config.tls_mode == TlsMode.TLS,
            start_tls=config.tls_mode == TlsMode.STARTTLS, timeout=SMTP_TIMEOUT_SECONDS,
        )

    @property
    def connected(self) -> bool:
        return bool(self.client.is_connected)

    async def connect(self) -> None:
        password = decrypt_secret(self.config.password_encrypted) if self.config.password_encrypted else None
        try:
            await self.client.connect()
            if self.config.username:
                await self.client.login(self.config.username, password or "")
        except aiosmtplib.SMTPResponseException as exc:
            raise SmtpFailure(f"SMTP {exc.code}: {exc.message}", permanent=False) from exc
        except (aiosmtplib.SMTPException, OSError) as exc:
            raise SmtpFailure(f"{type(exc).__name__}: {exc}", permanent=False) from exc

    async def send(self, sender: str, recipients: list[str], raw: bytes) -> None:
        try:
            await self.client.sendmail(sender, recipients, raw)
        except aiosmtplib.SMTPRecipientsRefused as exc:
            permanent = all(r.code >= 500 for r in exc.recipients)
            await self._reset()
            raise SmtpFailure(f"recipient refused: {exc.recipients[0].message}", permanent, bounce=permanent) from exc
        except aiosmtplib.SMTPResponseException as exc:
            await self._reset()
            raise SmtpFailure(f"SMTP {exc.code}: {exc.message}", permanent=exc.code >= 500) from exc
        except (aiosmtplib.SMTPException, OSError) as exc:
            raise SmtpFailure(f"{type(exc).__name__}: {exc}", permanent=False) from exc

    async def _reset(self) -> None:
        try:
            await self.client.rset()
        except (aiosmtplib.SMTPException, OSError):
            self.client.close()

    async def close(self) -> None:
        try:
            if self.client.is_connected:
                await self.client.quit()
        except (aiosmtplib.SMTPException, OSError):
            self.client.close()
