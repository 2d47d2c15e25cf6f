"""A key of team A reads and changes nothing of team B, whatever ids it sends."""

from __future__ import annotations

from ids import gid, pk

from app.contacts.models import TeamContact
from app.hubs.models import HubMembership
from app.teams.models import ApiKey
from app.teams.service import create_api_key


async def seed(gql, token: str, email: str) -> dict[str, str]:
    contact = await gql(
        "mutation($e: String!) { upsertContacts(input: {contacts: [{email: $e, firstName: \"Orig\"}]}) { contacts { id } } }",
        {"e": email}, token=token,
    )
    contact_id = contact["upsertContacts"]["contacts"][0]["id"]
    hub = await gql('mutation { createHub(input: {name: "Private Hub"}) { hub { id } } }', token=token)
    hub_id = hub["createHub"]["hub"]["id"]
    membership = await gql(
        "mutation($h: ID!, $c: ID!) { addHubMember(input: {hubId: $h, contactId: $c}) { membership { id } } }",
        {"h": hub_id, "c": contact_id}, token=token,
    )
    prop = await gql('mutation { defineCustomProperty(input: {key: "secret_score", type: NUMBER}) { customProperty { key } } }',
                     token=token)
    assert prop["defineCustomProperty"]["customProperty"]["key"] == "secret_score"
    return {"contact": contact_id, "hub": hub_id, "membership": membership["addHubMember"]["membership"]["id"]}


async def test_every_query_hides_the_other_team(gql, team, other_team):
    theirs = await seed(gql, other_team.key, "their-customer@example.com")
    await seed(gql, team.key, "our-customer@example.com")

    data = await gql(
        """query($c: ID!, $h: ID!) {
          contact(id: $c) { email }
          hub(id: $h) { name }
          contacts { totalCount edges { node { email } } }
          hubs { totalCount }
          apiKeys { totalCount }
          customProperties { totalCount }
          byHub: contacts(filter: {hubId: $h}) { totalCount }
          byEmail: contacts(filter: {emails: ["their-customer@example.com"]}) { totalCount }
          viewer { team { id } }
        }""",
        {"c": theirs["contact"], "h": theirs["hub"]}, token=team.key,
    )
    assert data["contact"] is None and data["hub"] is None
    assert [e["node"]["email"] for e in data["contacts"]["edges"]] == ["our-customer@example.com"]
    assert data["hubs"]["totalCount"] == 1
    assert data["apiKeys"]["totalCount"] == 1
    assert data["customProperties"]["totalCount"] == 1
    assert data["byHub"]["totalCount"] == 0 and data["byEmail"]["totalCount"] == 0
    assert data["viewer"]["team"]["id"] == gid("Team", team.id)


async def test_every_mutation_refuses_the_other_teams_ids(gql, team, other_team):
    theirs = await seed(gql, other_team.key, "their-customer@example.com")
    ours = await seed(gql, team.key, "our-customer@example.com")
    their_key = await ApiKey.get(team_id=other_team.id)

    add = await gql(
        "mutation($h: ID!, $c: ID!) { addHubMember(input: {hubId: $h, contactId: $c}) { membership { id } userErrors { field code } } }",
        {"h": theirs["hub"], "c": ours["contact"]}, token=team.key,
    )
    assert add["addHubMember"] == {"membership": None, "userErrors": [{"field": "hubId", "code": "NOT_FOUND"}]}
    add = await gql(
        "mutation($h: ID!, $c: ID!) { addHubMember(input: {hubId: $h, contactId: $c}) { membership { id } userErrors { field code } } }",
        {"h": ours["hub"], "c": theirs["contact"]}, token=team.key,
    )
    assert add["addHubMember"]["userErrors"] == [{"field": "contactId", "code": "NOT_FOUND"}]

    update = await gql(
        "mutation($m: ID!) { updateHubMembership(input: {id: $m, banned: true}) { membership { id } userErrors { code } } }",
        {"m": theirs["membership"]}, token=team.key,
    )
    assert update["updateHubMembership"]["userErrors"] == [{"code": "NOT_FOUND"}]
    assert (await HubMembership.get(id=pk(theirs["membership"]))).banned is False

    revoke = await gql(
        "mutation($k: ID!) { revokeApiKey(input: {id: $k}) { apiKey { id } userErrors { code } } }",
        {"k": gid("ApiKey", their_key.id)}, token=team.key,
    )
    assert revoke["revokeApiKey"]["userErrors"] == [{"code": "NOT_FOUND"}]
    assert (await gql("{ viewer { team { id } } }", token=other_team.key))["viewer"]["team"]["id"] == gid("Team", other_team.id)

    # The same email in our team is our own record; theirs is untouched.
    upsert = await gql(
        'mutation { upsertContacts(input: {contacts: [{email: "their-customer@example.com", firstName: "Changed"}]}) { createdCount updatedCount } }',
        token=team.key,
    )
    assert upsert["upsertContacts"] == {"createdCount": 1, "updatedCount": 0}
    assert (await TeamContact.get(id=pk(theirs["contact"]))).first_name == "Orig"

    # Our custom property definitions are ours: their key does not exist here.
    await gql('mutation { defineCustomProperty(input: {key: "only_ours", type: STRING}) { customProperty { key } } }',
              token=team.key)
    rejected = await gql(
        'mutation { upsertContacts(input: {contacts: [{email: "z@example.com", customProperties: {only_ours: "x"}}]}) { userErrors { code } } }',
        token=other_team.key,
    )
    assert rejected["upsertContacts"]["userErrors"] == [{"code": "UNKNOWN_PROPERTY"}]


async def test_scoped_key_of_one_team_cannot_reach_another(gql, team, other_team):
    _, reader = await create_api_key(team.team, "reader", ["hubs:read"])
    theirs = await seed(gql, other_team.key, "x@example.com")
    data = await gql("query($h: ID!) { hub(id: $h) { id } hubs { totalCount } }", {"h": theirs["hub"]}, token=reader)
    assert data == {"hub": None, "hubs": {"totalCount": 0}}
