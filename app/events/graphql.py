"""GraphQL for event ingest (`trackEvents`)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from app.events import service
from app.graphql.context import Context
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import InvalidId, decode_id, encode_id


@strawberry.input(description=(
    "One thing a contact did (a page view, a purchase in another system, a login). Give the contact as "
    "`contactId` or `email`. Segment rules read events by type and properties."))
class TrackEventInput:
    type: str = strawberry.field(description=(
        "Event type: 1 to 100 letters, digits, `_`, `.`, `:` or `-`, starting with a letter (`page_view`, "
        "`webinar.attended`)."))
    contact_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "The contact (a Contact id of the caller's team); takes precedence over `email`."))
    email: str | None = strawberry.field(default=None, description="Unknown emails create the contact.")
    occurred_at: datetime | None = strawberry.field(default=None, description=(
        "Defaults to now; future is rejected. From 1970 on, at most 60 s ahead; without an offset it is UTC."))
    properties: JSON | None = strawberry.field(default=None, description=(
        "Details as a JSON object, at most 16 KiB encoded (`{\"plan\": \"pro\", \"amount\": 4900}`)."))
    client_event_id: str | None = strawberry.field(default=None, description=(
        "Makes a retry a no-op. Your own id for the event (1 to 200 characters): an event with an id "
        "already stored is reported as `duplicate` and not stored again."))


@strawberry.input(description="A batch of events for `trackEvents`.")
class TrackEventsInput:
    events: list[TrackEventInput] = strawberry.field(description="1 to 1,000 events (more is BATCH_TOO_LARGE).")


@strawberry.type(name="AcceptedEvent", description="An event of the batch that was stored (or was a duplicate).")
class AcceptedEventType:
    index: int = strawberry.field(description="Position of the event in the input list, from 0.")
    event_id: strawberry.ID = strawberry.field(description=(
        "Id of the stored event (for a duplicate, of the one stored first)."))
    contact_id: strawberry.ID = strawberry.field(description=(
        "The contact it was recorded for (created from `email` if new)."))
    duplicate: bool = strawberry.field(description=(
        "True when `clientEventId` was already stored: nothing new was written."))


@strawberry.type(name="RejectedEvent", description="An event of the batch that was not stored, and why.")
class RejectedEventType:
    index: int = strawberry.field(description="Position of the event in the input list, from 0.")
    code: str = strawberry.field(description=(
        "Stable reason: INVALID_TYPE, INVALID_TIME, FUTURE_TIME, INVALID_PROPERTIES, PROPERTIES_TOO_LARGE, "
        "INVALID_CLIENT_EVENT_ID, INVALID_CONTACT, CONTACT_NOT_FOUND, INVALID_ID, INVALID_VALUE or UNKNOWN_FIELD."))
    message: str = strawberry.field(description="What is wrong, for people.")


@strawberry.type(description=(
    "Result of `trackEvents`: every event is in `accepted` or `rejected`; a rejected one changes nothing and "
    "does not stop the others."))
class TrackEventsPayload:
    accepted: list[AcceptedEventType] = strawberry.field(default_factory=list, description="The events stored.")
    rejected: list[RejectedEventType] = strawberry.field(default_factory=list, description=(
        "The events refused, with reasons."))
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
    @strawberry.mutation(description=(
        "Record up to 1,000 events; each is accepted or rejected with a reason. Requests segment "
        "re-evaluation of the contacts. Needs events:write (the same as `POST /api/v1/teams/{teamId}/events`)."))
    @mutation_payload
    async def track_events(
        self, info: Info[Context, None],
        input: Annotated[TrackEventsInput, strawberry.argument(description="The events.")],
    ) -> TrackEventsPayload:
        viewer = info.context.require("events:write")
        events = [event_input_to_dict(e) for e in input.events]
        bad_ids = {i for i, e in enumerate(events) if e.get("contactId") == INVALID_CONTACT_ID}
        result = await service.ingest_events(viewer.team.id, events)
        return result_payload(result, bad_ids)
