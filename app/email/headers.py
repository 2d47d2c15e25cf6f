"""The header policy of every message MemberHub builds.

Python's default policy RFC 2047-encodes any header word too long to fit a 78-character line,
ASCII or not, so `List-Unsubscribe: <https://…/long-token>` left as `=?utf-8?q?=3Chttps…?=`,
which RFC 2369/8058 readers (Gmail, Yahoo) do not decode: no one-click unsubscribe. Here an
ASCII value goes out as written, folded only at whitespace (a word longer than a line stays
whole: RFC 5322 allows 998 characters); only values with non-ASCII text (a display name, a
subject) are encoded, as RFC 2047 intends. The policy sits on the message's header classes, so it
holds whichever generator flattens the message; `serialize` gives the bytes that go on the wire
(and that DKIM signs).
"""

from __future__ import annotations

from email import policy as email_policy
from email.generator import BytesGenerator
from email.headerregistry import BaseHeader, HeaderRegistry
from email.message import EmailMessage
from email.policy import Policy
from io import BytesIO
from typing import Any

MAX_LINE = 998  # RFC 5322 2.1.1: the hard limit, CRLF excluded


def fold_verbatim(name: str, value: str, policy: Policy) -> str | None:
    """`Name: value` folded at whitespace only, or None when the value must be encoded (non-ASCII,
    an encoded word already, a line break)."""
    if not value.isascii() or "=?" in value or "\r" in value or "\n" in value:
        return None
    limit = policy.max_line_length or MAX_LINE
    lines: list[str] = []
    line = f"{name}:"
    for word in value.split():
        if len(line) + 1 + len(word) > limit and line.strip() and line != f"{name}:":
            lines.append(line)
            line = f" {word}"
        else:
            line = f"{line} {word}"
    lines.append(line)
    if any(len(part) > MAX_LINE for part in lines):
        raise ValueError(f"the {name} header has a word longer than {MAX_LINE} characters")
    return policy.linesep.join(lines) + policy.linesep


class _VerbatimAscii(BaseHeader):
    """Base of every header class: ASCII values fold at whitespace and are never encoded."""

    def fold(self, *, policy: Policy) -> str:
        folded = fold_verbatim(self.name, str(self), policy)
        if folded is None:
            return super().fold(policy=policy)  # type: ignore[no-any-return]  # stdlib is untyped here
        return folded


_registry = HeaderRegistry(base_class=_VerbatimAscii)
# SMTP: CRLF line ends, 78-character soft limit. Every message we build uses it.
MAIL_POLICY = email_policy.SMTP.clone(header_factory=_registry)


def new_message() -> EmailMessage:
    return EmailMessage(policy=MAIL_POLICY)


def header_bytes(name: str, value: str) -> bytes:
    """One header as `serialize` writes it: the same class and fold as on a message we build."""
    header = MAIL_POLICY.header_factory(name, value)
    return header.fold(policy=MAIL_POLICY).encode("ascii")  # type: ignore[no-any-return]  # stdlib untyped


def serialize(message: EmailMessage, **overrides: Any) -> bytes:
    """The message's bytes as they go on the wire (CRLF, headers by MAIL_POLICY)."""
    out = BytesIO()
    BytesGenerator(out, policy=MAIL_POLICY.clone(**overrides) if overrides else MAIL_POLICY).flatten(message)
    return out.getvalue()
