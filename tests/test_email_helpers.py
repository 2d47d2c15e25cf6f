"""Shared pieces of the email tests: a real SMTP server (aiosmtpd) on 127.0.0.1, a hub wired to
it, contacts, segment history rows, and a burst worker. Holds no tests itself."""

from __future__ import annotations

import email
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from typing import Any

import factories
import pytest
from aiosmtpd.controller import Controller

from app.contacts.models import Event
from app.segments.models import Segment, SegmentKind, SegmentMembership, SegmentMembershipChange
from workers.email_jobs import email_tick
from workers.settings import build_worker


@dataclass
class SmtpSink:
    """Collects what the SMTP server accepted; `reject` addresses get a 550 at RCPT."""

    host: str = "127.0.0.1"
    port: int = 0
    messages: list[EmailMessage] = field(default_factory=list)
    raw: list[bytes] = field(default_factory=list)  # the DATA bytes as received, same order as `messages`
    reject: set[str] = field(default_factory=set)
    on_data: Callable[[EmailMessage], None] | None = None

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address in self.reject:
            return "550 5.1.1 mailbox does not exist"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        self.raw.append(envelope.original_content)
        self.messages.append(message)  # type: ignore[arg-type]
        if self.on_data is not None:
            self.on_data(message)  # type: ignore[arg-type]
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]

    def raw_with(self, subject: str) -> list[bytes]:
        return [r for r, m in zip(self.raw, self.messages, strict=True) if m["Subject"] == subject]


def raw_headers(raw: bytes) -> dict[str, bytes]:
    """The header block of received bytes, unfolded only by joining continuation lines (CRLF + WSP),
    as a strict reader does: no decoding of any kind."""
    head = raw.split(b"\r\n\r\n", 1)[0]
    headers: dict[str, bytes] = {}
    for line in head.replace(b"\r\n ", b" ").replace(b"\r\n\t", b"\t").split(b"\r\n"):
        name, _, value = line.partition(b":")
        headers.setdefault(name.decode("ascii").lower(), value.strip())
    return headers


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp() -> Iterator[SmtpSink]:
    sink = SmtpSink(port=free_port())
    controller = Controller(sink, hostname="127.0.0.1", port=sink.port)
    controller.start()
    try:
        yield sink
    finally:
        controller.stop()


CREATE_HUB = "mutation($n: String!) { createHub(input: {name: $n}) { hub { id } } }"
UPDATE_SETTINGS = """
mutation($input: UpdateEmailSettingsInput!) {
  updateEmailSettings(input: $input) {
    settings { hubId smtpHost smtpPort tlsMode username hasPassword fromName fromAddress replyTo }
    userErrors { field message code }
  }
}"""
SAVE_TEMPLATE = """
mutation($input: SaveEmailTemplateInput!) {
  saveEmailTemplate(input: $input) { template { id key subject } userErrors { field message code } }
}"""


async def make_hub(gql: Any, team: Any, smtp: SmtpSink, name: str = "Yoga Academy") -> str:
    hub_id = (await gql(CREATE_HUB, {"n": name}, token=team.key))["createHub"]["hub"]["id"]
    result = await gql(UPDATE_SETTINGS, {"input": {
        "hubId": hub_id, "smtpHost": smtp.host, "smtpPort": smtp.port, "tlsMode": "NONE",
        "username": None, "fromName": "Yoga Academy", "fromAddress": "hello@yoga.example",
        "replyTo": "support@yoga.example",
    }}, token=team.key)
    assert result["updateEmailSettings"]["userErrors"] == []
    return hub_id


async def make_template(gql: Any, team: Any, hub_id: str, key: str, subject: str, html: str = "<p>{{ contact.email }}</p>",
                        text: str = "{{ contact.email }}") -> str:
    result = await gql(SAVE_TEMPLATE, {"input": {
        "hubId": hub_id, "key": key, "name": key, "subject": subject, "htmlBody": html, "textBody": text,
    }}, token=team.key)
    assert result["saveEmailTemplate"]["userErrors"] == []
    return result["saveEmailTemplate"]["template"]["id"]


async def make_contact(gql: Any, team: Any, address: str, first_name: str | None = None) -> int:
    return (await factories.contact(team, address, firstName=first_name)).id


async def make_segment(team: Any, name: str = "Trial users") -> Segment:
    return await factories.segment(team, name, kind=SegmentKind.STATIC)


async def join_segment(team: Any, segment: Segment, contact_id: int) -> None:
    """What the segment engine writes when a contact joins: membership plus history."""
    await SegmentMembership.create(team_id=team.id, segment=segment, team_contact_id=contact_id)
    await SegmentMembershipChange.create(
        team_id=team.id, segment=segment, team_contact_id=contact_id, action="join", cause="test"
    )


async def leave_segment(team: Any, segment: Segment, contact_id: int) -> None:
    await SegmentMembership.filter(segment=segment, team_contact_id=contact_id).delete()
    await SegmentMembershipChange.create(
        team_id=team.id, segment=segment, team_contact_id=contact_id, action="leave", cause="test"
    )


async def add_event(team: Any, contact_id: int, event_type: str) -> None:
    from datetime import UTC, datetime

    await Event.create(team_id=team.id, team_contact_id=contact_id, type=event_type, occurred_at=datetime.now(UTC))


async def run_worker() -> None:
    """Drain the queue with a real arq worker (burst mode), without cron jobs."""
    worker = build_worker(burst=True, poll_delay=0, on_startup=None, on_shutdown=None, cron_jobs=[])
    try:
        await worker.async_run()
    finally:
        await worker.close()


async def tick_and_drain() -> dict[str, int]:
    result = await email_tick({})
    await run_worker()
    return result
