"""`POST /api/v1/teams/{team_id}/events`: a JSON array, {"events": [...]}, one event object, or NDJSON.

Ids are the same global ids GraphQL gives out: the team in the path, `contactId` in an event,
`eventId` and `contactId` in the results. A malformed or foreign-typed `contactId` rejects that
event only (INVALID_ID).
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from app.core import inputs
from app.core.errors import ValidationFailed
from app.core.ids import InvalidId, decode_id, encode_id
from app.events.service import MAX_BATCH, RETRYABLE_CONFLICTS, ingest_events
from app.teams.service import authenticate


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _parse(body: bytes, content_type: str) -> list[Any]:
    if "ndjson" in content_type or "jsonlines" in content_type:
        events = []
        for number, line in enumerate(body.decode().splitlines(), start=1):
            if line.strip():
                try:
                    events.append(inputs.loads(line))
                except ValueError as exc:
                    raise ValueError(f"line {number}: {exc}") from exc
        return events
    parsed = inputs.loads(body)  # NaN and lone surrogates parse; each event is checked, and refused, alone
    if isinstance(parsed, dict) and isinstance(parsed.get("events"), list):
        return parsed["events"]
    if isinstance(parsed, list):
        return parsed
    if isinstance(parsed, dict) and "events" not in parsed:
        return [parsed]  # one event on its own
    raise ValueError("expected a JSON array of events, {\"events\": [...]}, one event object, or NDJSON")


async def ingest_endpoint(request: Request) -> JSONResponse:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    viewer = await authenticate(token.strip()) if scheme.lower() == "bearer" and token.strip() else None
    if viewer is None:
        return _error(401, "UNAUTHENTICATED",
                      "a valid API key is required: send Authorization: Bearer <key with the events:write scope>")
    try:
        path_team_id = decode_id(request.path_params["team_id"], "Team")
    except InvalidId:
        return _error(404, "NOT_FOUND", "no such team: the path takes the team's global id")
    if path_team_id != viewer.team.id:
        return _error(403, "FORBIDDEN", "this key belongs to another team")
    if not viewer.has_scope("events:write"):
        return _error(403, "FORBIDDEN", "this key needs the 'events:write' scope")
    body = await request.body()  # at most MEMBERHUB_MAX_EVENTS_BODY_BYTES (app.core.body_limits)
    try:
        events = _parse(body, request.headers.get("content-type", "application/json"))
    except (ValueError, UnicodeDecodeError) as exc:
        return _error(400, "INVALID_JSON", str(exc))
    if len(events) > MAX_BATCH:
        return _error(413, "BATCH_TOO_LARGE", f"at most {MAX_BATCH} events per batch (got {len(events)})")
    bad_ids = {index for index, event in enumerate(events) if not _decode_contact_id(event)}
    try:
        result = await ingest_events(viewer.team.id, events)
    except ValidationFailed as exc:
        return _error(400, exc.errors[0].code, exc.errors[0].message)
    except RETRYABLE_CONFLICTS:  # still conflicting after every retry: nothing was stored
        response = _error(503, "CONFLICT_RETRY", "the batch conflicted with concurrent writes; send it again")
        response.headers["Retry-After"] = "1"
        return response
    return JSONResponse({
        "accepted": len(result.accepted),
        "rejected": len(result.rejected),
        "results": sorted(
            [{"index": a.index, "status": "accepted", "eventId": encode_id("Event", a.event_id),
              "contactId": encode_id("Contact", a.contact_id), "duplicate": a.duplicate} for a in result.accepted]
            + [{"index": r.index, "status": "rejected", "code": "INVALID_ID",
                "message": "contactId: not a valid Contact id"} if r.index in bad_ids else
               {"index": r.index, "status": "rejected", "code": r.code, "message": r.message}
               for r in result.rejected],
            key=lambda item: item["index"],
        ),
    })


def _decode_contact_id(event: Any) -> bool:
    """Replace an event's global `contactId` by its key in place; False when it is not a Contact id
    (the key becomes 0, which matches no contact, so the service rejects that event alone)."""
    if not isinstance(event, dict):
        return True
    for key in ("contactId", "contact_id"):
        if key in event and event[key] is not None:
            try:
                event[key] = decode_id(event[key], "Contact")
            except InvalidId:
                event[key] = 0
                return False
    return True
