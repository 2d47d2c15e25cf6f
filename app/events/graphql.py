"""GraphQL for event ingest (`trackEvents`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from app.core.errors import ValidationFailed
from app.events import service
from app.graphql.context import Context
from app.graphql.errors import UserError, user_errors


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


def event_input_to_dict(event: TrackEventInput) -> dict[str, Any]:
    raw: dict[str, Any] = {"type": event.type}
    for key, value in (
        ("contactId", event.contact_id), ("email", event.email), ("occurredAt", event.occurred_at),
        ("properties", event.properties), ("clientEventId", event.client_event_id),
    ):
        if value is not None:
            raw[key] = value
    return raw


def result_payload(result: service.IngestResult) -> TrackEventsPayload:
    return TrackEventsPayload(
        accepted=[
            AcceptedEventType(index=a.index, event_id=strawberry.ID(str(a.event_id)),
                              contact_id=strawberry.ID(str(a.contact_id)), duplicate=a.duplicate)
            for a in result.accepted
        ],
        rejected=[RejectedEventType(index=r.index, code=r.code, message=r.message) for r in result.rejected],
    )


@strawberry.type
class EventsMutation:
    @strawberry.mutation(description="Record up to 1,000 events; each is accepted or rejected with a reason.")
    async def track_events(self, info: Info[Context, None], input: TrackEventsInput) -> TrackEventsPayload:
        viewer = info.context.require("events:write")
        try:
            result = await service.ingest_events(viewer.team.id, [event_input_to_dict(e) for e in input.events])
        except ValidationFailed as exc:
            return TrackEventsPayload(user_errors=user_errors(exc))
        return result_payload(result)
