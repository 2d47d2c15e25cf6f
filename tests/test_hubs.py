"""Hubs and hub memberships through GraphQL."""

from __future__ import annotations

from ids import gid

CREATE_HUB = """
mutation($input: CreateHubInput!) { createHub(input: $input) { hub { id name slug } userErrors { field code } } }"""
ADD_MEMBER = """
mutation($input: AddHubMemberInput!) {
  addHubMember(input: $input) {
    membership { id role onboardingState banned notificationPreferences contact { email } }
    userErrors { field code message }
  }
}"""
UPDATE_MEMBER = """
mutation($input: UpdateHubMembershipInput!) {
  updateHubMembership(input: $input) {
    membership { id role banned banReason termsAcceptedAt onboardingState notificationPreferences }
    userErrors { field code }
  }
}"""


async def make_contact(gql, token, email):
    data = await gql(
        "mutation($e: String!) { upsertContacts(input: {contacts: [{email: $e}]}) { contacts { id } } }",
        {"e": email}, token=token,
    )
    return data["upsertContacts"]["contacts"][0]["id"]


async def test_hub_lifecycle_create_add_member_ban(gql, team):
    hub = (await gql(CREATE_HUB, {"input": {"name": "Yoga Academy"}}, token=team.key))["createHub"]["hub"]
    assert hub["slug"] == "yoga-academy"
    duplicate = await gql(CREATE_HUB, {"input": {"name": "Other", "slug": "yoga-academy"}}, token=team.key)
    assert duplicate["createHub"]["userErrors"][0]["code"] == "DUPLICATE_SLUG"

    contact_id = await make_contact(gql, team.key, "ava@example.com")
    added = await gql(ADD_MEMBER, {"input": {"hubId": hub["id"], "contactId": contact_id, "role": "MODERATOR",
                                             "notificationPreferences": {"digest": True}}}, token=team.key)
    membership = added["addHubMember"]["membership"]
    assert membership["role"] == "MODERATOR" and membership["contact"]["email"] == "ava@example.com"
    again = await gql(ADD_MEMBER, {"input": {"hubId": hub["id"], "contactId": contact_id}}, token=team.key)
    assert again["addHubMember"]["userErrors"][0]["code"] == "ALREADY_MEMBER"

    updated = await gql(UPDATE_MEMBER, {"input": {
        "id": membership["id"], "banned": True, "banReason": "spam", "acceptTerms": True,
        "onboardingState": "COMPLETED", "notificationPreferences": {"email": False},
    }}, token=team.key)
    result = updated["updateHubMembership"]["membership"]
    assert result["banned"] is True and result["banReason"] == "spam"
    assert result["termsAcceptedAt"] is not None and result["onboardingState"] == "COMPLETED"
    assert result["notificationPreferences"] == {"digest": True, "email": False}

    listing = await gql(
        "query($id: ID!) { hub(id: $id) { members(includeBanned: false) { totalCount } all: members { totalCount } } }",
        {"id": hub["id"]}, token=team.key,
    )
    assert listing["hub"]["members"]["totalCount"] == 0 and listing["hub"]["all"]["totalCount"] == 1


async def test_bad_hub_input_is_rejected(gql, team):
    data = await gql(CREATE_HUB, {"input": {"name": "  ", "slug": "Bad Slug!"}}, token=team.key)
    codes = {e["code"] for e in data["createHub"]["userErrors"]}
    assert codes == {"REQUIRED", "INVALID_SLUG"}
    hub = (await gql(CREATE_HUB, {"input": {"name": "Hub"}}, token=team.key))["createHub"]["hub"]
    contact_id = await make_contact(gql, team.key, "x@example.com")
    bad_prefs = await gql(ADD_MEMBER, {"input": {"hubId": hub["id"], "contactId": contact_id,
                                                 "notificationPreferences": {"email": "sometimes"}}}, token=team.key)
    assert bad_prefs["addHubMember"]["userErrors"][0]["code"] == "INVALID_PREFERENCES"
    malformed = await gql(ADD_MEMBER, {"input": {"hubId": "not-an-id", "contactId": contact_id}}, token=team.key)
    assert malformed["addHubMember"]["userErrors"][0] == {"field": "hubId", "code": "INVALID_ID",
                                                          "message": "not a valid Hub id"}
    missing = await gql(ADD_MEMBER, {"input": {"hubId": gid("Hub", 10**9), "contactId": contact_id}}, token=team.key)
    assert missing["addHubMember"]["userErrors"][0] == {"field": "hubId", "code": "NOT_FOUND", "message": "hub not found"}
