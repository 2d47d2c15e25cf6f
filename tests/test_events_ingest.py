"""Event ingest through GraphQL and HTTP: accepted, rejected with reasons, idempotent."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from ids import gid, pk

from app.contacts.models import Event, TeamContact
from app.segments.pipeline.models import PendingEvaluation
from app.teams.service import create_api_key

TRACK = """
mutation($events: [TrackEventInput!]!) {
  trackEvents(input: {events: $events}) {
    accepted { index eventId contactId duplicate } rejected { index code message } userErrors { code message }
  }
}"""


async def contact_id(gql, token, email):
    data = await gql("mutation($e: String!) { upsertContacts(input: {contacts: [{email: $e}]}) { contacts { id } } }",
                     {"e": email}, token=token)
    return data["upsertContacts"]["contacts"][0]["id"]


async def test_track_events_stores_events_and_queues_evaluation(gql, team):
    ava = await contact_id(gql, team.key, "ava@example.com")
    data = await gql(TRACK, {"events": [
        {"contactId": ava, "type": "page_view", "properties": {"device": "mobile"}},
        {"contactId": ava, "type": "cart_abandoned", "occurredAt": "2026-01-02T03:04:05Z"},
        {"email": "New.Person@Example.com", "type": "page_view"},
    ]}, token=team.key)
    payload = data["trackEvents"]
    assert payload["rejected"] == [] and [a["index"] for a in payload["accepted"]] == [0, 1, 2]
    new_contact = await TeamContact.get(team_id=team.id, email="new.person@example.com")
    assert payload["accepted"][2]["contactId"] == gid("Contact", new_contact.id)
    events = await Event.filter(team_id=team.id).order_by("id")
    assert [(e.type, e.properties) for e in events] == [
        ("page_view", {"device": "mobile"}), ("cart_abandoned", {}), ("page_view", {})
    ]
    assert events[1].occurred_at == datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    pending = {p.team_contact_id: p for p in await PendingEvaluation.filter(team_id=team.id)}
    assert sorted(pending[pk(ava)].event_types) == ["cart_abandoned", "page_view"]
    assert pending[pk(ava)].cause_ref == str(pk(payload["accepted"][1]["eventId"]))
    assert set(pending) == {pk(ava), new_contact.id}


async def test_bad_events_are_rejected_with_reasons_and_change_nothing(gql, team, other_team):
    theirs = await contact_id(gql, other_team.key, "theirs@example.com")
    ours = await contact_id(gql, team.key, "ours@example.com")
    await PendingEvaluation.all().delete()  # creating the contacts queued them; start from none
    future = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    data = await gql(TRACK, {"events": [
        {"contactId": theirs, "type": "page_view"},
        {"contactId": ours, "type": "page_view", "occurredAt": future},
        {"contactId": ours, "type": "page_view", "properties": {"blob": "x" * 20000}},
        {"contactId": ours, "type": "bad type!"},
        {"email": "not-an-email", "type": "page_view"},
        {"contactId": gid("Contact", 999999999), "type": "page_view"},
        {"contactId": "999999999", "type": "page_view"},
        {"contactId": ours, "type": "ok_event"},
    ]}, token=team.key)
    payload = data["trackEvents"]
    assert [(r["index"], r["code"]) for r in payload["rejected"]] == [
        (0, "CONTACT_NOT_FOUND"), (1, "FUTURE_TIME"), (2, "PROPERTIES_TOO_LARGE"), (3, "INVALID_TYPE"),
        (4, "INVALID_CONTACT"), (5, "CONTACT_NOT_FOUND"), (6, "INVALID_ID"),
    ]
    assert [a["index"] for a in payload["accepted"]] == [7]
    assert await Event.filter(team_id=team.id).count() == 1
    assert await Event.filter(team_id=other_team.id).count() == 0
    assert not await PendingEvaluation.filter(team_contact_id=pk(theirs)).exists()


async def test_client_event_id_makes_a_retry_a_no_op(gql, team):
    ours = await contact_id(gql, team.key, "ours@example.com")
    batch = [{"contactId": ours, "type": "purchase", "clientEventId": "order-1"},
             {"contactId": ours, "type": "purchase", "clientEventId": "order-1"}]
    first = (await gql(TRACK, {"events": batch}, token=team.key))["trackEvents"]["accepted"]
    assert [a["duplicate"] for a in first] == [False, True]
    assert first[0]["eventId"] == first[1]["eventId"]
    retry = (await gql(TRACK, {"events": batch[:1]}, token=team.key))["trackEvents"]["accepted"]
    assert retry[0]["duplicate"] is True and retry[0]["eventId"] == first[0]["eventId"]
    assert await Event.filter(team_id=team.id).count() == 1


async def test_oversized_batch_is_refused_whole(gql, team):
    events = [{"email": f"p{i}@example.com", "type": "page_view"} for i in range(1001)]
    data = await gql(TRACK, {"events": events}, token=team.key)
    assert data["trackEvents"]["userErrors"][0]["code"] == "BATCH_TOO_LARGE"
    assert await Event.all().count() == 0 and await TeamContact.all().count() == 0


async def test_http_endpoint_accepts_json_and_ndjson(http, team):
    _, key = await create_api_key(team.team, "ingest", ["events:write"])
    headers = {"Authorization": f"Bearer {key}"}
    response = await http.post(f"/api/v1/teams/{gid('Team', team.id)}/events", headers=headers,
                               json=[{"email": "a@example.com", "type": "page_view"},
                                     {"email": "a@example.com", "type": "search", "occurred_at": "tomorrow"}])
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["accepted"], body["rejected"]) == (1, 1)
    assert body["results"][1]["code"] == "INVALID_TIME"

    lines = "\n".join(json.dumps({"email": "b@example.com", "type": "email_open", "clientEventId": f"m{i}"})
                      for i in range(3))
    response = await http.post(f"/api/v1/teams/{gid('Team', team.id)}/events", content=lines,
                               headers={**headers, "Content-Type": "application/x-ndjson"})
    assert response.status_code == 200 and response.json()["accepted"] == 3
    assert await Event.filter(team_id=team.id).count() == 4


async def test_http_endpoint_refuses_bad_credentials_and_bodies(http, team, other_team):
    _, reader = await create_api_key(team.team, "reader", ["contacts:read"])
    _, writer = await create_api_key(team.team, "writer", ["events:write"])
    url = f"/api/v1/teams/{gid('Team', team.id)}/events"
    event = [{"email": "a@example.com", "type": "page_view"}]
    assert (await http.post(url, json=event)).status_code == 401
    assert (await http.post(url, json=event, headers={"Authorization": "Bearer mhk_nope"})).status_code == 401
    assert (await http.post(url, json=event, headers={"Authorization": f"Bearer {reader}"})).status_code == 403
    other_url = f"/api/v1/teams/{gid('Team', other_team.id)}/events"
    assert (await http.post(other_url, json=event, headers={"Authorization": f"Bearer {writer}"})).status_code == 403
    auth = {"Authorization": f"Bearer {writer}"}
    too_many = [{"email": "a@example.com", "type": "x"}] * 1001
    assert (await http.post(url, json=too_many, headers=auth)).status_code == 413
    bad = await http.post(url, content=b"{not json", headers={**auth, "Content-Type": "application/json"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "INVALID_JSON"
    assert await Event.all().count() == 0


async def test_http_endpoint_speaks_global_ids(http, team, gql):
    _, key = await create_api_key(team.team, "ingest", ["events:write"])
    headers = {"Authorization": f"Bearer {key}"}
    url = f"/api/v1/teams/{gid('Team', team.id)}/events"
    first = await http.post(url, headers=headers, json=[{"email": "gid@example.com", "type": "page_view"}])
    assert first.status_code == 200, first.text
    accepted = first.json()["results"][0]
    contact_gid = accepted["contactId"]
    assert pk(contact_gid) == (await TeamContact.get(email="gid@example.com")).id
    assert accepted["eventId"] == gid("Event", (await Event.get(team_id=team.id)).id)

    again = await http.post(url, headers=headers, json=[
        {"contactId": contact_gid, "type": "search"},
        {"contactId": gid("Segment", pk(contact_gid)), "type": "search"},  # a real key, the wrong type
        {"contactId": str(pk(contact_gid)), "type": "search"},  # a bare row key is not an id
        {"contactId": "\u00b2", "type": "search"},
    ])
    assert again.status_code == 200, again.text
    results = again.json()["results"]
    assert [r["status"] for r in results] == ["accepted", "rejected", "rejected", "rejected"]
    assert {r["code"] for r in results[1:]} == {"INVALID_ID"}
    assert await Event.filter(team_id=team.id).count() == 2


async def test_http_endpoint_path_takes_the_team_global_id(http, team):
    _, key = await create_api_key(team.team, "ingest", ["events:write"])
    headers = {"Authorization": f"Bearer {key}"}
    event = [{"email": "a@example.com", "type": "page_view"}]
    for path_id in (str(team.id), gid("Hub", team.id), "%C2%B2"):
        response = await http.post(f"/api/v1/teams/{path_id}/events", headers=headers, json=event)
        assert response.status_code == 404, (path_id, response.text)
        assert response.json()["error"]["code"] == "NOT_FOUND"
    assert await Event.all().count() == 0


async def test_http_endpoint_takes_one_event_object_and_names_the_bearer_scheme(http, team):
    _, key = await create_api_key(team.team, "ingest", ["events:write"])
    url = f"/api/v1/teams/{gid('Team', team.id)}/events"
    single = await http.post(url, json={"email": "one@example.com", "type": "page_view"},
                             headers={"Authorization": f"Bearer {key}"})
    assert single.status_code == 200 and single.json()["accepted"] == 1
    scalar = await http.post(url, json="page_view", headers={"Authorization": f"Bearer {key}"})
    assert scalar.status_code == 400 and scalar.json()["error"]["code"] == "INVALID_JSON"
    unauthenticated = await http.post(url, json={"email": "one@example.com", "type": "page_view"},
                                      headers={"Authorization": key})  # the scheme left out
    assert unauthenticated.status_code == 401
    assert "Authorization: Bearer" in unauthenticated.json()["error"]["message"]
    assert await Event.filter(team_id=team.id).count() == 1
