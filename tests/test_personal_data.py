"""Personal data needs contacts:read, whichever type leads to a contact (hubs, segments, previews)."""

from __future__ import annotations

import factories
from ids import gid

from app.contacts.graphql import ContactType
from app.graphql.scopes import scope_of
from app.segments.graphql import ExplainedCondition

CREATE_KEY = "mutation($s: [String!]!) { createApiKey(input: {name: \"k\", scopes: $s}) { secret } }"
PERSONAL = "email firstName lastName fullName phone country lifecycleStage tags customProperties"


async def key(gql, team, *scopes: str) -> str:
    return (await gql(CREATE_KEY, {"s": list(scopes)}, token=team.key))["createApiKey"]["secret"]


async def seed(team):
    await factories.custom_property(team, "secret_score", "number")
    ava = await factories.contact(team, "ava@example.com", firstName="Ava", phone="+16505551212",
                                  customProperties={"secret_score": 9})
    hub = await factories.hub(team, "Members")
    await factories.hub_member(team, hub, ava)
    segment = await factories.segment(team, "Ava", "email ends with '@example.com'")
    return ava, hub, segment


def forbidden_paths(body) -> set[str]:
    return {".".join(str(p) for p in e["path"]) for e in body.get("errors", [])
            if e["extensions"]["code"] == "FORBIDDEN"}


async def test_a_hubs_key_sees_members_ids_but_not_their_personal_data(gql, team):
    ava, hub, _ = await seed(team)
    hubs_only = await key(gql, team, "hubs:read")

    ids = await gql("query($h: ID!) { hub(id: $h) { members { nodes { contact { id } } } } }",
                    {"h": gid("Hub", hub.id)}, token=hubs_only)
    personal = await gql.raw(f"query($h: ID!) {{ hub(id: $h) {{ members {{ nodes {{ contact {{ id {PERSONAL} }} }} }} }} }}",
                             {"h": gid("Hub", hub.id)}, token=hubs_only)

    assert ids["hub"]["members"]["nodes"] == [{"contact": {"id": gid("Contact", ava.id)}}]
    assert personal["data"]["hub"]["members"]["nodes"] == [{"contact": None}]
    assert "hub.members.nodes.0.contact.email" in forbidden_paths(personal)
    assert "ava@example.com" not in str(personal) and "6505551212" not in str(personal)


async def test_a_segments_key_reads_no_personal_data_through_members_previews_or_explanations(gql, team):
    ava, _, segment = await seed(team)
    segments_only = await key(gql, team, "segments:read", "segments:write", "hubs:read")
    variables = {"s": gid("Segment", segment.id), "c": gid("Contact", ava.id)}

    queries = [
        "query($s: ID!) { segment(id: $s) { members { nodes { contact { email } } } } }",
        "query($s: ID!) { segment(id: $s) { history { nodes { contact { phone } } } } }",
        "{ previewSegment(ruleText: \"email ends with '@example.com'\") { count sample { customProperties } } }",
        "query($s: ID!, $c: ID!) { explainSegment(segmentId: $s, contactId: $c) { conditions { text value } } }",
        """mutation($s: ID!) { updateSegment(input: {id: $s, ruleText: "country = 'US'", dryRun: true}) {
             whatIf { leaveSample { firstName } } userErrors { code } } }""",
    ]
    for query in queries:
        body = await gql.raw(query, variables, token=segments_only)
        assert forbidden_paths(body), (query, body)
        assert not any(s in str(body) for s in ("ava@example.com", "6505551212", "'secret_score': 9", "Ava'")), body

    members = await gql("query($s: ID!) { segment(id: $s) { members { nodes { contact { id } } } } }",
                        variables, token=segments_only)
    assert members["segment"]["members"]["nodes"] == [{"contact": {"id": gid("Contact", ava.id)}}]
    explained = await gql("query($s: ID!, $c: ID!) { explainSegment(segmentId: $s, contactId: $c) { matches } }",
                          variables, token=segments_only)
    assert explained["explainSegment"] == {"matches": True}


async def test_with_contacts_read_the_same_paths_show_personal_data(gql, team):
    ava, hub, segment = await seed(team)
    both = await key(gql, team, "hubs:read", "segments:read", "contacts:read")

    data = await gql(
        """query($h: ID!, $s: ID!, $c: ID!) {
             hub(id: $h) { members { nodes { contact { email phone customProperties } } } }
             segment(id: $s) { members { nodes { contact { firstName } } } }
             explainSegment(segmentId: $s, contactId: $c) { conditions { value } } }""",
        {"h": gid("Hub", hub.id), "s": gid("Segment", segment.id), "c": gid("Contact", ava.id)}, token=both,
    )

    assert data["hub"]["members"]["nodes"] == [
        {"contact": {"email": "ava@example.com", "phone": "+16505551212", "customProperties": {"secret_score": 9}}}]
    assert data["segment"]["members"]["nodes"] == [{"contact": {"firstName": "Ava"}}]
    assert data["explainSegment"]["conditions"][0]["value"] == "ava@example.com"


def test_personal_fields_are_guarded_on_the_types_themselves():
    contact_fields = ContactType.__strawberry_definition__.fields
    assert {f.graphql_name or f.python_name for f in contact_fields if scope_of(f) != "contacts:read"} == {"id"}
    explained = {f.python_name: scope_of(f) for f in ExplainedCondition.__strawberry_definition__.fields}
    assert explained["value"] == "contacts:read"
