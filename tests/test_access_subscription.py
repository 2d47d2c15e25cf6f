"""`myAccessChanged`: a segment join or an entitlement change reaches the member as changed nodes."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import pytest
import websockets
from ids import gid

from app.access import members
from app.access.service import RuleSpec, set_access_rule
from app.commerce.models import Entitlement, Product
from app.contacts.models import Contact, TeamContact
from app.content import service as content
from app.core.pubsub import publish, team_channel
from app.hubs.models import Hub, HubMembership
from app.segments.models import Segment, SegmentMembership

SUBSCRIBE = "subscription($h: ID!) { myAccessChanged(hubId: $h) { hubId cause changes { nodeId canAccess lockedReason } } }"


async def member_with_gated_hub(team):
    hub = await Hub.create(team=team, name="Live", slug="live")
    contact = await TeamContact.create(team=team, contact=await Contact.create(email="live@example.com"),
                                       email="live@example.com")
    other = await TeamContact.create(team=team, contact=await Contact.create(email="other@example.com"),
                                     email="other@example.com")
    for c in (contact, other):
        await HubMembership.create(team=team, hub=hub, team_contact=c)
    segment = await Segment.create(team=team, name="Fans", kind="static")
    product = await Product.create(team=team, name="Pro")
    gated = await content.create_node(team, hub.id, content.NodeChanges(title="Fans only", kind="lesson",
                                                                         status="published"))
    await set_access_rule(team, "node", gated.id, RuleSpec(audience="segments_any", segment_ids=[segment.id]))
    paid = await content.create_node(team, hub.id, content.NodeChanges(title="Pro only", kind="lesson",
                                                                        status="published"))
    await set_access_rule(team, "node", paid.id, RuleSpec(audience="products", product_ids=[product.id]))
    await content.create_node(team, hub.id, content.NodeChanges(title="Open", kind="lesson", status="published"))
    issued = await members.admin_issue_code(team.id, hub.id, contact.id)
    _, token = await members.sign_in_with_code(hub.id, contact.email, issued.code)
    return hub, contact, other, segment, product, gated, paid, token


async def subscribe(url: str, token: str, hub_id: int):
    ws = await websockets.connect(url, subprotocols=["graphql-transport-ws"])
    await ws.send(json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}}))
    assert json.loads(await ws.recv())["type"] == "connection_ack"
    await ws.send(json.dumps({"id": "1", "type": "subscribe",
                              "payload": {"query": SUBSCRIBE, "variables": {"h": gid("Hub", hub_id)}}}))
    await asyncio.sleep(0.4)  # let the subscription reach Redis before anything is published
    return ws


async def test_segment_join_and_entitlement_reach_the_member_as_changed_nodes(live_server, team):
    hub, contact, other, segment, product, gated, paid, token = await member_with_gated_hub(team.team)
    ws = await subscribe(live_server.ws_url, token, hub.id)
    try:
        # Another contact's change is not this member's business.
        await SegmentMembership.create(team=team.team, segment=segment, team_contact=other)
        await publish(team_channel(team.id, "segment-membership"), {
            "segment_id": segment.id, "team_contact_id": other.id, "action": "join", "cause": "manual",
            "cause_ref": None})
        await SegmentMembership.create(team=team.team, segment=segment, team_contact=contact)
        await publish(team_channel(team.id, "segment-membership"), {
            "segment_id": segment.id, "team_contact_id": contact.id, "action": "join", "cause": "event",
            "cause_ref": "42"})
        message = json.loads(await asyncio.wait_for(ws.recv(), timeout=5))
        assert message["type"] == "next", message
        assert message["payload"]["data"]["myAccessChanged"] == {
            "hubId": gid("Hub", hub.id), "cause": "segment",
            "changes": [{"nodeId": gid("MemberContentNode", gated.id), "canAccess": True, "lockedReason": None}]}

        entitlement = await Entitlement.create(team=team.team, team_contact=contact, product=product,
                                               status="active", starts_at=datetime.now(UTC) - timedelta(hours=1))
        await publish(team_channel(team.id, "entitlements"),
                      {"team_contact_id": contact.id, "product_id": product.id, "status": "active"})
        message = json.loads(await asyncio.wait_for(ws.recv(), timeout=5))
        assert message["payload"]["data"]["myAccessChanged"]["changes"] == [
            {"nodeId": gid("MemberContentNode", paid.id), "canAccess": True, "lockedReason": None}]

        entitlement.status = "revoked"
        await entitlement.save()
        await publish(team_channel(team.id, "entitlements"),
                      {"team_contact_id": contact.id, "product_id": product.id, "status": "revoked"})
        message = json.loads(await asyncio.wait_for(ws.recv(), timeout=5))
        assert message["payload"]["data"]["myAccessChanged"]["changes"] == [
            {"nodeId": gid("MemberContentNode", paid.id), "canAccess": False, "lockedReason": "NO_ENTITLEMENT"}]
    finally:
        await ws.close()


async def test_a_member_token_cannot_follow_another_hub(live_server, team):
    hub, *_, token = await member_with_gated_hub(team.team)
    ws = await subscribe(live_server.ws_url, token, hub.id + 1000)
    try:
        message = json.loads(await asyncio.wait_for(ws.recv(), timeout=5))
        assert message["type"] == "error" or message["payload"].get("errors"), message
    finally:
        await ws.close()


@pytest.mark.parametrize("token", ["mhm_not_a_real_token"])
async def test_unknown_member_tokens_are_rejected(live_server, token):
    ws = await websockets.connect(live_server.ws_url, subprotocols=["graphql-transport-ws"])
    await ws.send(json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}}))
    try:
        with pytest.raises(websockets.ConnectionClosed):
            await asyncio.wait_for(ws.recv(), timeout=5)
    finally:
        await ws.close()


UPDATE_MEMBERSHIP = """mutation($i: UpdateHubMembershipInput!) { updateHubMembership(input: $i) {
  membership { role banned } userErrors { field code } } }"""


async def test_a_role_change_and_a_ban_reach_the_member_as_changed_nodes(live_server, gql, team):
    hub, contact, *_, token = await member_with_gated_hub(team.team)
    hosts = await content.create_node(team.team, hub.id, content.NodeChanges(title="Hosts only", kind="lesson",
                                                                              status="published"))
    await set_access_rule(team.team, "node", hosts.id, RuleSpec(audience="roles", roles=["host"]))
    membership = await HubMembership.get(hub_id=hub.id, team_contact_id=contact.id)
    ws = await subscribe(live_server.ws_url, token, hub.id)
    try:
        # Staff make the member a host: the hosts' lesson opens, with no segment or entitlement change.
        changed = await gql(UPDATE_MEMBERSHIP, {"i": {"id": gid("HubMembership", membership.id), "role": "HOST"}},
                            token=team.key)
        assert changed["updateHubMembership"]["userErrors"] == []
        message = json.loads(await asyncio.wait_for(ws.recv(), timeout=5))
        assert message["type"] == "next", message
        assert message["payload"]["data"]["myAccessChanged"] == {
            "hubId": gid("Hub", hub.id), "cause": "membership",
            "changes": [{"nodeId": gid("MemberContentNode", hosts.id), "canAccess": True, "lockedReason": None}]}

        # A ban closes every node the member could open, at once.
        await gql(UPDATE_MEMBERSHIP, {"i": {"id": gid("HubMembership", membership.id), "banned": True}},
                  token=team.key)
        message = json.loads(await asyncio.wait_for(ws.recv(), timeout=5))
        data = message["payload"]["data"]["myAccessChanged"]
        assert data["cause"] == "membership"
        assert {c["lockedReason"] for c in data["changes"]} == {"BANNED"}
        assert gid("MemberContentNode", hosts.id) in {c["nodeId"] for c in data["changes"]}
        assert not any(c["canAccess"] for c in data["changes"])
    finally:
        await ws.close()
