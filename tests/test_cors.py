"""CORS: browser pages on the configured origins may call /graphql over HTTP and open its websocket."""

from __future__ import annotations

import dataclasses
import json

import httpx
import pytest
import websockets
from conftest import serve_app

from app.settings import get_settings

ALLOWED = "https://app.example.com"
OTHER = "https://evil.example.net"


@pytest.fixture(scope="module")
def cors_app():  # type: ignore[no-untyped-def]
    from app.asgi import create_app

    return create_app(dataclasses.replace(get_settings(), cors_origins=(ALLOWED,)), manage_orm=False)


@pytest.fixture
async def cors_http(cors_app):  # type: ignore[no-untyped-def]
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=cors_app), base_url="http://testserver") as client:
        yield client


async def test_preflight_from_an_allowed_origin_allows_the_api_headers(cors_http):
    response = await cors_http.options("/graphql", headers={
        "origin": ALLOWED, "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type, x-memberhub-team",
    })
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ALLOWED
    assert "POST" in response.headers["access-control-allow-methods"]
    allowed_headers = response.headers["access-control-allow-headers"].lower()
    assert all(h in allowed_headers for h in ("authorization", "content-type", "x-memberhub-team"))
    assert "access-control-allow-credentials" not in response.headers  # off unless configured


async def test_preflight_from_another_origin_is_refused(cors_http):
    response = await cors_http.options("/graphql", headers={"origin": OTHER, "access-control-request-method": "POST"})
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers


async def test_cross_origin_query_carries_the_allow_origin_header(cors_http, team):
    response = await cors_http.post("/graphql", json={"query": "{ viewer { team { name } } }"},
                                    headers={"origin": ALLOWED, "authorization": f"Bearer {team.key}"})
    assert response.status_code == 200 and response.json()["data"]["viewer"]["team"]["name"] == "Acme Studio"
    assert response.headers["access-control-allow-origin"] == ALLOWED
    other = await cors_http.post("/graphql", json={"query": "{ __typename }"}, headers={"origin": OTHER})
    assert "access-control-allow-origin" not in other.headers


async def test_without_configured_origins_no_response_allows_another_origin(http):
    response = await http.post("/graphql", json={"query": "{ __typename }"}, headers={"origin": ALLOWED})
    assert "access-control-allow-origin" not in response.headers


async def test_websocket_from_an_allowed_origin_connects_and_others_get_403(cors_app, team):
    async with serve_app(cors_app) as server:
        async with websockets.connect(server.ws_url, subprotocols=["graphql-transport-ws"],
                                      origin=ALLOWED) as ws:
            await ws.send(json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {team.key}"}}))
            assert json.loads(await ws.recv())["type"] == "connection_ack"
        with pytest.raises(websockets.InvalidStatus) as refused:
            await websockets.connect(server.ws_url, subprotocols=["graphql-transport-ws"], origin=OTHER)
        assert refused.value.response.status_code == 403
        # Non-browser clients send no Origin and are not affected.
        async with websockets.connect(server.ws_url, subprotocols=["graphql-transport-ws"]) as ws:
            await ws.send(json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {team.key}"}}))
            assert json.loads(await ws.recv())["type"] == "connection_ack"
