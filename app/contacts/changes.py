"""Live notifications about contact changes (dashboards subscribe to them)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

from app.core.pubsub import listen, publish, team_channel

TOPIC = "contacts"


@dataclass
class ContactsChanged:
    contact_ids: list[int]
    kind: str


async def publish_contacts_changed(team_id: int, contact_ids: list[int], kind: str) -> None:
    await publish(team_channel(team_id, TOPIC), {"contact_ids": contact_ids, "kind": kind})


async def contacts_changed(team_id: int) -> AsyncIterator[ContactsChanged]:
    async for message in listen(team_channel(team_id, TOPIC)):
        yield ContactsChanged(contact_ids=message["contact_ids"], kind=message["kind"])
