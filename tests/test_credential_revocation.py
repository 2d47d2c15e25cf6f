"""Revoking a key or a session ends the websocket subscriptions it opened, within seconds."""

from __future__ import annotations

import asyncio
import json

import factories
import pytest
import websockets
from ids import gid

from app import asgi
from app.access import members
from app.teams.models import ApiKey
from app.teams.service import create_api_key, create_team, login

SUBSCRIBE = {"id": "1", "type": "subscribe", "payload": {"query": "subscription { contactsChanged { contactIds } }"}}


async def subscribed(url: str, token: str) -> websockets.ClientConnection:
    ws = await websockets.connect(url, subprotocols=["graphql-transport-ws"])
    await ws.send(json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}}))
    assert json.loads(await asyncio.wait_for(ws.recv(), timeout=5))["type"] == "connection_ack"
    await ws.send(json.dumps(SUBSCRIBE))
    return ws


async def closed_code(ws: websockets.ClientConnection, within: float = 5) -> int:
    with pytest.raises(websockets.ConnectionClosed) as closed:
        while True:
            await asyncio.wait_for(ws.recv(), timeout=within)
    assert closed.value.rcvd is not None
    return closed.value.rcvd.code


async def test_revoking_an_api_key_closes_its_open_subscriptions(live_server, gql, team):
    key, secret = await create_api_key(team.team, "dashboard", ["contacts:read"])
    ws = await subscribed(live_server.ws_url, secret)
    bystander = await subscribed(live_server.ws_url, team.key)
    try:
        revoked = await gql("mutation($i: RevokeApiKeyInput!) { revokeApiKey(input: $i) { userErrors { code } } }",
                            {"i": {"id": gid("ApiKey", key.id)}}, token=team.key)
        assert revoked["revokeApiKey"]["userErrors"] == []

        assert await closed_code(ws) == 4403
        # The team's other connections go on receiving changes.
        await gql('mutation { upsertContacts(input: {contacts: [{email: "a@ours.io"}]}) { createdCount } }',
                  token=team.key)
        message = json.loads(await asyncio.wait_for(bystander.recv(), timeout=5))
        assert message["type"] == "next"
    finally:
        await ws.close()
        await bystander.close()


async def test_logging_out_closes_the_sessions_open_subscriptions(live_server, gql):
    await create_team("Studio", "owner@studio.io", "correct horse battery")
    _, token = await login("owner@studio.io", "correct horse battery")
    ws = await subscribed(live_server.ws_url, token)
    try:
        assert (await gql("mutation { logout { ok } }", token=token))["logout"] == {"ok": True}

        assert await closed_code(ws) == 4403
    finally:
        await ws.close()


async def test_a_credential_revoked_without_notice_is_caught_by_the_periodic_recheck(
        live_server, team, monkeypatch):
    monkeypatch.setattr(asgi, "CREDENTIAL_RECHECK_SECONDS", 0.2)
    key, secret = await create_api_key(team.team, "dashboard", ["contacts:read"])
    ws = await subscribed(live_server.ws_url, secret)
    try:
        await ApiKey.filter(id=key.id).update(revoked_at=key.created_at)  # no pub/sub message

        assert await closed_code(ws) == 4403
    finally:
        await ws.close()


async def test_a_member_signing_out_closes_the_member_sessions_open_subscriptions(live_server, gql, team):
    contact = await factories.contact(team, "member@example.com")
    hub = await factories.hub(team, "Live")
    await factories.hub_member(team, hub, contact)
    issued = await members.admin_issue_code(team.id, hub.id, contact.id)
    _, token = await members.sign_in_with_code(hub.id, contact.email, issued.code)
    ws = await websockets.connect(live_server.ws_url, subprotocols=["graphql-transport-ws"])
    try:
        await ws.send(json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}}))
        assert json.loads(await asyncio.wait_for(ws.recv(), timeout=5))["type"] == "connection_ack"
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {
            "query": "subscription($h: ID!) { myAccessChanged(hubId: $h) { hubId } }",
            "variables": {"h": gid("Hub", hub.id)}}}))

        assert (await gql("mutation { signOutMember }", token=token))["signOutMember"] is True

        assert await closed_code(ws) == 4403
    finally:
        await ws.close()
