"""Every hub membership write (join, ban, unban, role change, leave) re-evaluates the hub fields."""

from __future__ import annotations

from ids import pk
from test_realtime import make_segment, members

from app.segments.models import SegmentMembershipChange
from app.segments.pipeline.worker import evaluate_pending

ADD_MEMBER = """
mutation($hub: ID!, $contact: ID!) {
  addHubMember(input: {hubId: $hub, contactId: $contact}) { membership { id } userErrors { code } }
}"""
UPDATE_MEMBER = """
mutation($input: UpdateHubMembershipInput!) {
  updateHubMembership(input: $input) { membership { id role banned } userErrors { field code } }
}"""
REMOVE_MEMBER = """
mutation($id: ID!) { removeHubMember(input: {id: $id}) { removedId userErrors { field code message } } }"""


async def setup(gql, team):
    hub = (await gql('mutation { createHub(input: {name: "Yoga", slug: "yoga"}) { hub { id } } }',
                     token=team.key))["createHub"]["hub"]["id"]
    contact = (await gql('mutation { upsertContacts(input: {contacts: [{email: "ava@example.com"}]}) '
                         '{ contacts { id } } }', token=team.key))["upsertContacts"]["contacts"][0]["id"]
    membership = (await gql(ADD_MEMBER, {"hub": hub, "contact": contact}, token=team.key))["addHubMember"]
    assert membership["userErrors"] == []
    await evaluate_pending(None)
    return hub, pk(contact), membership["membership"]["id"]


async def test_ban_and_unban_move_the_contact_out_of_and_back_into_a_hubs_segment(gql, team):
    _, contact, membership = await setup(gql, team)
    in_yoga = await make_segment(gql, team.key, "Yoga members", "hubs contains 'yoga'")
    assert await members(in_yoga) == {contact}

    banned = await gql(UPDATE_MEMBER, {"input": {"id": membership, "banned": True, "banReason": "spam"}},
                       token=team.key)
    assert banned["updateHubMembership"]["membership"]["banned"] is True
    assert await evaluate_pending(None) == 1
    assert await members(in_yoga) == set()
    [leave] = await SegmentMembershipChange.filter(segment_id=in_yoga, action="leave")
    assert leave.cause == "hub_membership"

    await gql(UPDATE_MEMBER, {"input": {"id": membership, "banned": False}}, token=team.key)
    assert await evaluate_pending(None) == 1
    assert await members(in_yoga) == {contact}


async def test_role_change_moves_the_contact_between_role_segments(gql, team):
    _, contact, membership = await setup(gql, team)
    hosts = await make_segment(gql, team.key, "Yoga hosts", "hub.yoga.role = 'host'")
    assert await members(hosts) == set()
    await gql(UPDATE_MEMBER, {"input": {"id": membership, "role": "HOST"}}, token=team.key)
    assert await evaluate_pending(None) == 1
    assert await members(hosts) == {contact}


async def test_changes_rules_cannot_see_request_no_evaluation(gql, team):
    _, _, membership = await setup(gql, team)
    await make_segment(gql, team.key, "Yoga members", "hubs contains 'yoga'")
    await gql(UPDATE_MEMBER, {"input": {"id": membership, "onboardingState": "COMPLETED", "acceptTerms": True}},
              token=team.key)
    assert await evaluate_pending(None) == 0


async def test_leaving_a_hub_removes_the_contact_from_hub_segments(gql, team, other_team):
    _, contact, membership = await setup(gql, team)
    in_yoga = await make_segment(gql, team.key, "Yoga members", "hubs contains 'yoga'")
    joined_yoga = await make_segment(gql, team.key, "Joined Yoga", "hub.yoga.joinedAt within 30 days")
    assert await members(in_yoga) == {contact} == await members(joined_yoga)

    foreign = await gql(REMOVE_MEMBER, {"id": membership}, token=other_team.key)
    assert foreign["removeHubMember"] == {"removedId": None, "userErrors": [
        {"field": "id", "code": "NOT_FOUND", "message": "hub membership not found"}]}
    removed = await gql(REMOVE_MEMBER, {"id": membership}, token=team.key)
    assert removed["removeHubMember"] == {"removedId": membership, "userErrors": []}
    assert await evaluate_pending(None) == 1
    assert await members(in_yoga) == set() == await members(joined_yoga)
    again = await gql(REMOVE_MEMBER, {"id": membership}, token=team.key)
    assert again["removeHubMember"]["userErrors"][0]["code"] == "NOT_FOUND"
