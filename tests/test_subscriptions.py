"""GraphQL subscriptions over websockets (graphql-transport-ws), fed through Redis pub/sub."""

from __future__ import annotations

import asyncio
import json

import websockets

SUBSCRIBE = {"id": "1", "type": "subscribe", "payload": {"query": "subscription { contactsChanged { contactIds kind } }"}}


async def open_socket(url: str, token: str | None):
    ws = await websockets.connect(url, subprotocols=["graphql-transport-ws"])
    payload = {"authorization": f"Bearer {token}"} if token else {}
    await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
    return ws


async def test_subscriber_sees_its_teams_contact_changes_only(live_server, gql, team, other_team):
    ws = await open_socket(live_server.ws_url, team.key)
    try:
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        await ws.send(json.dumps(SUBSCRIBE))
        await asyncio.sleep(0.3)  # let the subscription reach Redis before publishing
        await gql('mutation { upsertContacts(input: {contacts: [{email: "b@other.io"}]}) { createdCount } }',
                  token=other_team.key)
        created = await gql('mutation { upsertContacts(input: {contacts: [{email: "a@ours.io"}]}) { contacts { id } } }',
                            token=team.key)
        message = json.loads(await asyncio.wait_for(ws.recv(), timeout=5))
        assert message["type"] == "next"
        assert message["payload"]["data"]["contactsChanged"] == {
            "contactIds": [created["upsertContacts"]["contacts"][0]["id"]], "kind": "upserted"
        }
    finally:
        await ws.close()


async def test_websocket_without_valid_token_is_rejected(live_server):
    ws = await open_socket(live_server.ws_url, "mhk_wrong_token")
    try:
        with __import__("pytest").raises(websockets.ConnectionClosed) as closed:
            await asyncio.wait_for(ws.recv(), timeout=5)
        assert closed.value.rcvd.code == 4403
    finally:
        await ws.close()
