"""Automatic persisted queries (Apollo's protocol) in Redis, and the production operation allow-list."""

from __future__ import annotations

import dataclasses
import hashlib
import json

import httpx
import pytest
import websockets
from conftest import serve_app

from app.core.redis import get_redis, key_prefix
from app.settings import get_settings

QUERY = "query Me { viewer { team { name } } }"
HASH = hashlib.sha256(QUERY.encode()).hexdigest()


def persisted(digest: str = HASH) -> dict:
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


async def test_unknown_hash_asks_for_the_query_then_the_hash_alone_runs(http, team):
    auth = {"authorization": f"Bearer {team.key}"}
    first = await http.post("/graphql", json={"extensions": persisted()}, headers=auth)
    assert first.status_code == 200
    assert first.json() == {"errors": [{"message": "PersistedQueryNotFound",
                                        "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"}}]}

    registered = await http.post("/graphql", json={"query": QUERY, "extensions": persisted()}, headers=auth)
    assert registered.json() == {"data": {"viewer": {"team": {"name": "Acme Studio"}}}}
    assert await (await get_redis()).get(f"{key_prefix()}:apq:{HASH}") == QUERY.encode()

    by_hash = await http.post("/graphql", json={"extensions": persisted(), "operationName": "Me"}, headers=auth)
    assert by_hash.json() == {"data": {"viewer": {"team": {"name": "Acme Studio"}}}}
    # Apollo's link sends hashed queries with GET too.
    by_get = await http.get("/graphql", params={"extensions": json.dumps(persisted())},
                            headers={**auth, "accept": "application/json"})
    assert by_get.json() == {"data": {"viewer": {"team": {"name": "Acme Studio"}}}}


async def test_a_hash_that_does_not_match_its_query_is_refused_and_not_stored(http):
    wrong = "0" * 64
    response = await http.post("/graphql", json={"query": "{ __typename }", "extensions": persisted(wrong)})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_HASH_MISMATCH"
    assert await (await get_redis()).get(f"{key_prefix()}:apq:{wrong}") is None


@pytest.mark.parametrize("extension", [{"version": 2, "sha256Hash": HASH}, {"version": 1, "sha256Hash": "xyz"}, "nope"])
async def test_malformed_persisted_query_extension_is_400(http, extension):
    response = await http.post("/graphql", json={"extensions": {"persistedQuery": extension}})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_INVALID"


@pytest.fixture
async def allowlist_app(tmp_path):  # type: ignore[no-untyped-def]
    from app.asgi import create_app

    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"format": "apollo-persisted-query-manifest", "version": 1, "operations": [
        {"id": HASH, "name": "Me", "type": "query", "body": QUERY}]}))
    return create_app(dataclasses.replace(get_settings(), operation_allowlist=manifest), manage_orm=False)


async def test_allowlist_runs_listed_documents_only(allowlist_app, team):
    auth = {"authorization": f"Bearer {team.key}", "accept": "application/graphql-response+json"}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=allowlist_app), base_url="http://t") as client:
        by_hash = await client.post("/graphql", json={"extensions": persisted()}, headers=auth)
        assert by_hash.json() == {"data": {"viewer": {"team": {"name": "Acme Studio"}}}}
        listed_text = await client.post("/graphql", json={"query": QUERY}, headers=auth)
        assert listed_text.json() == {"data": {"viewer": {"team": {"name": "Acme Studio"}}}}

        other = await client.post("/graphql", json={"query": "{ viewer { team { id } } }"}, headers=auth)
        assert other.status_code == 400
        assert other.json()["errors"][0]["extensions"]["code"] == "OPERATION_NOT_ALLOWED"
        unknown = "{ __typename }"
        registering = await client.post("/graphql", headers=auth, json={
            "query": unknown, "extensions": persisted(hashlib.sha256(unknown.encode()).hexdigest())})
        assert registering.status_code == 400  # APQ cannot add to the list
        assert await (await get_redis()).get(f"{key_prefix()}:apq:{hashlib.sha256(unknown.encode()).hexdigest()}") is None


async def test_allowlist_applies_to_websocket_subscriptions(allowlist_app, team):
    async with serve_app(allowlist_app) as server, \
            websockets.connect(server.ws_url, subprotocols=["graphql-transport-ws"]) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {team.key}"}}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        await ws.send(json.dumps({"id": "1", "type": "subscribe",
                                  "payload": {"query": "subscription { contactsChanged { kind } }"}}))
        message = json.loads(await ws.recv())
        assert message["type"] == "error"
        assert message["payload"][0]["extensions"]["code"] == "OPERATION_NOT_ALLOWED"


def test_allowlist_with_a_wrong_hash_fails_at_startup(tmp_path):
    from app.asgi import create_app

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"0" * 64: QUERY}))
    with pytest.raises(ValueError, match="not the sha256"):
        create_app(dataclasses.replace(get_settings(), operation_allowlist=bad), manage_orm=False)
