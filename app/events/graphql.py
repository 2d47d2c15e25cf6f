"""GraphQL for event ingest (`trackEvents`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from app.events import service
from app.graphql.context import Context
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import InvalidId, decode_id, encode_id


@strawberry.input
class TrackEventInput:
    type: str
    contact_id: strawberry.ID | None = None
    email: str | None = strawberry.field(default=None, description="Unknown emails create the contact.")
    occurred_at: datetime | None = strawberry.field(default=None, description="Defaults to now; future is rejected.")
    properties: JSON | None = None
    client_event_id: str | None = strawberry.field(default=None, description="Makes a retry a no-op.")


@strawberry.input
class TrackEventsInput:
    events: list[TrackEventInput]


@strawberry.type(name="AcceptedEvent")
class AcceptedEventType:
    index: int
    event_id: strawberry.ID
    contact_id: strawberry.ID
    duplicate: bool


@strawberry.type(name="RejectedEvent")
class RejectedEventType:
    index: int
    code: str
    message: str


@strawberry.type
class TrackEventsPayload:
    accepted: list[AcceptedEventType] = strawberry.field(default_factory=list)
    rejected: list[RejectedEventType] = strawberry.field(default_factory=list)
    user_errors: list[UserError] = strawberry.field(default_factory=list)


INVALID_CONTACT_ID = 0  # no contact has it: the service rejects the event, and we say why


def event_input_to_dict(event: TrackEventInput) -> dict[str, Any]:
    raw: dict[str, Any] = {"type": event.type}
    for key, value in (
        ("contactId", event.contact_id), ("email", event.email), ("occurredAt", event.occurred_at),
        ("properties", event.properties), ("clientEventId", event.client_event_id),
    ):
        if value is not None:
            raw[key] = value
    if event.contact_id is not None:
        try:
            raw["contactId"] = decode_id(event.contact_id, "Contact")
        except InvalidId:
            raw["contactId"] = INVALID_CONTACT_ID
    return raw


def _rejected(r: service.RejectedEvent, bad_ids: set[int]) -> RejectedEventType:
    if r.index in bad_ids:
        return RejectedEventType(index=r.index, code="INVALID_ID", message="contactId: not a valid Contact id")
    return RejectedEventType(index=r.index, code=r.code, message=r.message)


def result_payload(result: service.IngestResult, bad_ids: set[int]) -> TrackEventsPayload:
    return TrackEventsPayload(
        accepted=[
            AcceptedEventType(index=a.index, event_id=encode_id("Event", a.event_id),
                              contact_id=encode_id("Contact", a.contact_id), duplicate=a.duplicate)
            for a in result.accepted
        ],
        rejected=[_rejected(r, bad_ids) for r in result.rejected],
    )


@strawberry.type
class EventsMutation:
    @strawberry.mutation(description="Record up to 1,000 events; each is accepted or rejected with a reason.")
    @mutation_payload
    async def track_events(self, info: Info[Context, None], input: TrackEventsInput) -> TrackEventsPayload:
        viewer = info.context.require("events:write")
        events = [event_input_to_dict(e) for e in input.events]
        bad_ids = {i for i, e in enumerate(events) if e.get("contactId") == INVALID_CONTACT_ID}
        result = await service.ingest_events(viewer.team.id, events)
        return result_payload(result, bad_ids)
