"""Campaign messages composed straight to bytes: the same bytes as `serialize(build_message(...))`
(app/email/smtp.py, app/email/headers.py), without an EmailMessage per recipient.

Building and flattening an `EmailMessage` parses every header through the header registry, and
that was most of a campaign's time per message (bench/campaign_send.py under py-spy). Here what is
the same for every message of a campaign (From, Reply-To, the MIME headers) is folded once, by the
very header classes a built message uses; per recipient only To, Subject, Message-ID and
List-Unsubscribe are folded (by the same whitespace-only fold when they are ASCII, else by the
header classes), and each body is encoded by the standard library's own text encoder, so the
transfer encoding (7bit, 8bit, quoted-printable or base64) is the one `set_content` would choose.
tests/test_email_compose.py holds the two side by side, byte for byte.
"""

from __future__ import annotations

import re
import secrets
from email import contentmanager
from email.utils import formataddr, getaddresses

from app.email.headers import MAIL_POLICY, fold_verbatim, header_bytes
from app.email.models import EmailSettings
from app.email.rendering import RenderedMessage

CRLF = b"\r\n"
_NEWLINES = re.compile(r"\r\n|\r|\n")
# An address the header registry writes back exactly as given (no display name, quoting or comments).
_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+")


def _header(name: str, value: str, *, plain: bool = True) -> bytes:
    folded = fold_verbatim(name, value, MAIL_POLICY) if plain else None
    return folded.encode("ascii") if folded is not None else header_bytes(name, value)


def _part(subtype: str, text: str, *, mime_version: bool) -> bytes:
    # The encoder `EmailMessage.set_content(str)` uses: same heuristics, same output.
    cte, payload = contentmanager._encode_text(text, "utf-8", None, MAIL_POLICY)  # type: ignore[attr-defined]
    body = _NEWLINES.sub("\r\n", payload).encode("ascii", "surrogateescape")
    head = (f'Content-Type: text/{subtype}; charset="utf-8"\r\nContent-Transfer-Encoding: {cte}\r\n'
            + ("MIME-Version: 1.0\r\n" if mime_version else "")).encode("ascii")
    return head + CRLF + body


class Composer:
    """The messages of one hub's campaign: `compose` gives one recipient's bytes."""

    def __init__(self, config: EmailSettings) -> None:
        sender = formataddr((config.from_name, config.from_address))
        self.sender = getaddresses([sender])[0][1]
        self.from_line = header_bytes("From", sender)
        self.reply_to_line = header_bytes("Reply-To", config.reply_to) if config.reply_to else b""

    def compose(self, to: str, rendered: RenderedMessage, message_id: str, unsubscribe_url: str | None) -> bytes:
        text = _part("plain", rendered.text, mime_version=False)
        html = _part("html", rendered.html, mime_version=True)
        boundary = _boundary(text, html)
        to_line = _header("To", to, plain=bool(_PLAIN_ADDRESS.fullmatch(to)))
        head = [self.from_line, to_line, _header("Subject", rendered.subject), self.reply_to_line,
                _header("Message-ID", message_id)]
        if unsubscribe_url:
            head += [_header("List-Unsubscribe", f"<{unsubscribe_url}>"),
                     b"List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"]
        head.append(b'MIME-Version: 1.0\r\nContent-Type: multipart/alternative;\r\n boundary="' + boundary
                    + b'"\r\n')
        delimiter = b"--" + boundary
        return (b"".join(head) + CRLF + delimiter + CRLF + text + CRLF + delimiter + CRLF + html + CRLF
                + delimiter + b"--" + CRLF)

    def envelope(self, to: str) -> tuple[str, list[str]]:
        return self.sender, [addr for _, addr in getaddresses([to])]


def _boundary(*parts: bytes) -> bytes:
    """A boundary in the standard library's form, found in no part."""
    while True:
        boundary = b"===============%019d==" % secrets.randbelow(10**19)
        if not any(boundary in part for part in parts):
            return boundary
