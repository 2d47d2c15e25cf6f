"""Campaign messages composed straight to bytes (app/email/compose.py) are the bytes a built
EmailMessage flattens to (app/email/smtp.py build_message + headers.serialize), boundary aside."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from app.email.compose import Composer
from app.email.headers import serialize
from app.email.rendering import RenderedMessage
from app.email.smtp import build_message, envelope_of

BOUNDARY = re.compile(rb"={15}\d{19}==")


@dataclass
class Settings:
    from_name: str
    from_address: str
    reply_to: str | None


SENDERS = [Settings("Yoga Academy", "hello@yoga.example", "support@yoga.example"),
           Settings("Yoga Académie « Paris »", "hello@yoga.example", None)]
CASES = [
    ("ava@example.com", RenderedMessage("Hi Ava", "<p>Hi</p>", "Hi"), "https://mh.example/email/unsubscribe/" + "a" * 160),
    ("zoë@exämple.com", RenderedMessage("Héllo Zoë " + "word " * 30, "<p>é</p>" + "x" * 120, "é\n" * 12), None),
    ("bo@example.com", RenderedMessage("=?utf-8?q?looks_encoded?= but is not", "日本語のテキスト" * 40, "x" * 2000),
     "https://mh.example/u"),
    ("cy@example.com", RenderedMessage("", "", ""), "https://mh.example/u"),
    ("di@example.com", RenderedMessage("Lines", "a\r\nb\rc\n", "\n\n--===============0000000000000000001==\n"), None),
]


@pytest.mark.parametrize("config", SENDERS, ids=["ascii-sender", "non-ascii-sender"])
@pytest.mark.parametrize(("to", "rendered", "link"), CASES, ids=[c[0] for c in CASES])
def test_composed_bytes_are_the_built_messages_bytes(config, to, rendered, link):
    message_id = "<mh-c7-42@yoga.example>"
    built = build_message(config, to, rendered, message_id=message_id, unsubscribe_url=link)
    composer = Composer(config)  # type: ignore[arg-type]
    composed = composer.compose(to, rendered, message_id, link)
    assert BOUNDARY.sub(b"B", composed) == BOUNDARY.sub(b"B", serialize(built))
    assert composer.envelope(to) == envelope_of(built)
    # The boundary never occurs in a part.
    boundary = BOUNDARY.search(composed.split(b"\r\n\r\n", 1)[0])
    assert boundary is not None and composed.count(boundary.group()) == 4
