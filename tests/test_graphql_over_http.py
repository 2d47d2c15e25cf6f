"""GraphQL over HTTP: media types, status codes and error bodies as the spec's SHOULDs have them,
and the graphql-http audit (npm) against a live server."""

from __future__ import annotations

import dataclasses
import json

import httpx
import pytest
import websockets
from clienttools import node_tool, run_json_lines

from app.settings import get_settings

GRAPHQL_RESPONSE = "application/graphql-response+json"


async def post(http, body, accept=GRAPHQL_RESPONSE, **headers):
    return await http.post("/graphql", content=body if isinstance(body, str) else json.dumps(body),
                           headers={"content-type": "application/json", "accept": accept, **headers})


async def test_graphql_response_json_is_answered_in_that_media_type(http):
    response = await post(http, {"query": "{ __typename }"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(GRAPHQL_RESPONSE)
    assert response.json() == {"data": {"__typename": "Query"}}


async def test_application_json_is_kept_for_clients_that_ask_for_it_or_anything(http):
    for accept in ("application/json", "*/*", f"application/json, {GRAPHQL_RESPONSE};q=0.5"):
        response = await post(http, {"query": "{ __typename }"}, accept=accept)
        assert response.headers["content-type"].startswith("application/json"), accept
    preferred = await post(http, {"query": "{ __typename }"}, accept=f"{GRAPHQL_RESPONSE}, application/json;q=0.9")
    assert preferred.headers["content-type"].startswith(GRAPHQL_RESPONSE)


@pytest.mark.parametrize("query", ["{", "{ noSuchField }", "query($n: Int!) { __typename }"])
async def test_request_errors_are_400_without_data(http, query):
    response = await post(http, {"query": query, "variables": {"n": "not a number"}})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith(GRAPHQL_RESPONSE)
    body = response.json()
    assert "data" not in body and body["errors"][0]["message"]


async def test_request_errors_keep_200_for_application_json_but_drop_data(http):
    response = await post(http, {"query": "{ noSuchField }"}, accept="application/json")
    assert response.status_code == 200
    assert "data" not in response.json() and response.json()["errors"]


async def test_field_errors_are_200_with_data(http):
    response = await post(http, {"query": "{ viewer { team { name } } }"})
    assert response.status_code == 200
    body = response.json()
    assert "data" in body and body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_transport_errors_are_json(http):
    bad_json = await post(http, "{not json")
    no_query = await post(http, {"variables": {}})
    wrong_type = await http.post("/graphql", content="{ __typename }", headers={"content-type": "text/plain"})
    for response in (bad_json, no_query, wrong_type):
        assert response.status_code == 400
        assert response.headers["content-type"].startswith(("application/json", GRAPHQL_RESPONSE))
        assert response.json()["errors"][0]["message"]


async def test_mutation_over_get_is_405_with_allow_post(http):
    response = await http.get("/graphql", params={"query": "mutation { __typename }"},
                              headers={"accept": "application/json"})
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert "mutation" in response.json()["errors"][0]["message"]
    query = await http.get("/graphql", params={"query": "{ __typename }"}, headers={"accept": "application/json"})
    assert query.json() == {"data": {"__typename": "Query"}}


async def test_subscription_over_http_names_the_websocket_endpoint(http):
    response = await post(http, {"query": "subscription { contactsChanged { kind } }"})
    assert response.status_code == 400
    message = response.json()["errors"][0]["message"]
    assert "ws://testserver/graphql" in message and "graphql-transport-ws" in message


async def test_legacy_graphql_ws_subprotocol_is_refused_with_4406(live_server):
    async with websockets.connect(live_server.ws_url, subprotocols=["graphql-ws"]) as ws:
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await ws.recv()
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4406


async def test_graphql_http_audit_passes_without_warnings(live_server):
    results = await run_json_lines(node_tool("audit.mjs", "graphql-http"), f"{live_server.url}/graphql")
    assert len(results) > 40  # every audit ran
    assert [r for r in results if r["status"] != "ok"] == []


async def test_graphiql_shows_a_header_example_and_loads_assets_from_the_configured_mirror(http):
    page = await http.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "Bearer mhk_your_api_key" in page.text and "https://unpkg.com/graphiql@" in page.text
    from app.asgi import create_app

    mirrored = create_app(dataclasses.replace(get_settings(), graphiql_assets_url="http://assets.internal/npm"),
                          manage_orm=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=mirrored), base_url="http://t") as client:
        offline = await client.get("/graphql", headers={"accept": "text/html"})
    assert "http://assets.internal/npm/graphiql@" in offline.text and "unpkg.com" not in offline.text
