"""Relay global ids: node/nodes refetch within the team, ids are type-checked, and malformed ids are
the caller's error (never a 500); keyset connections page both ways."""

from __future__ import annotations

import base64

from ids import gid, pk, type_of
from test_query_counts import count_statements

from app.access import members
from app.content import service as content
from app.hubs.models import HubMembership
from app.teams.service import create_api_key

NODE = "query($id: ID!) { node(id: $id) { __typename id } }"
NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"
UPSERT = "mutation($e: String!) { upsertContacts(input: {contacts: [{email: $e}]}) { contacts { id email } } }"
CREATE_HUB = "mutation($n: String!) { createHub(input: {name: $n}) { hub { id name } } }"
CREATE_SEGMENT = """mutation($n: String!) { createSegment(input: {name: $n, ruleText: "country = 'GB'"}) {
  segment { id name } userErrors { code } } }"""
CREATE_PRODUCT = "mutation($n: String!) { createProduct(input: {name: $n}) { product { id name } } }"
ADD_MEMBER = """mutation($h: ID!, $c: ID!) { addHubMember(input: {hubId: $h, contactId: $c}) {
  membership { id hubId contact { id } } userErrors { field code message } } }"""
HUBS = """query($first: Int, $after: String, $last: Int, $before: String) {
  hubs(first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""


async def contact(gql, token, email):
    return (await gql(UPSERT, {"e": email}, token=token))["upsertContacts"]["contacts"][0]["id"]


async def hub(gql, token, name):
    return (await gql(CREATE_HUB, {"n": name}, token=token))["createHub"]["hub"]["id"]


def error_code(body):
    assert body.get("errors"), body
    return body["errors"][0]["extensions"]["code"]


async def test_ids_are_opaque_global_ids_of_their_type(gql, team):
    contact_id = await contact(gql, team.key, "ava@example.com")
    hub_id = await hub(gql, team.key, "Yoga")
    membership = (await gql(ADD_MEMBER, {"h": hub_id, "c": contact_id}, token=team.key))["addHubMember"]["membership"]

    assert (type_of(contact_id), type_of(hub_id), type_of(membership["id"])) == ("Contact", "Hub", "HubMembership")
    assert membership["hubId"] == hub_id and membership["contact"]["id"] == contact_id
    assert (await HubMembership.get(id=pk(membership["id"]))).hub_id == pk(hub_id)


async def test_node_and_nodes_refetch_objects_of_several_types(gql, team):
    contact_id = await contact(gql, team.key, "ava@example.com")
    hub_id = await hub(gql, team.key, "Yoga")
    segment_id = (await gql(CREATE_SEGMENT, {"n": "Brits"}, token=team.key))["createSegment"]["segment"]["id"]
    product_id = (await gql(CREATE_PRODUCT, {"n": "Course"}, token=team.key))["createProduct"]["product"]["id"]
    team_id = (await gql("{ team { id } }", token=team.key))["team"]["id"]

    one = await gql("""query($id: ID!) { node(id: $id) { id ... on Segment { name ruleText } } }""",
                    {"id": segment_id}, token=team.key)
    assert one["node"] == {"id": segment_id, "name": "Brits", "ruleText": "country = 'GB'"}

    ids = [contact_id, hub_id, segment_id, product_id, team_id]
    many = await gql("""query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
      ... on Contact { email } ... on Hub { name } ... on Product { name } ... on Team { name } } }""",
                     {"ids": ids}, token=team.key)
    assert [(n["__typename"], n["id"]) for n in many["nodes"]] == [
        ("Contact", contact_id), ("Hub", hub_id), ("Segment", segment_id), ("Product", product_id), ("Team", team_id)]
    assert many["nodes"][0]["email"] == "ava@example.com" and many["nodes"][1]["name"] == "Yoga"


async def test_nodes_fetch_each_type_in_one_query(gql, team):
    contacts = [await contact(gql, team.key, f"c{i}@example.com") for i in range(5)]
    hubs = [await hub(gql, team.key, f"Hub {i}") for i in range(3)]
    await gql("{ viewer { scopes } }", token=team.key)  # the key's last use is written once, not counted
    with count_statements() as seen:
        data = await gql(NODES, {"ids": contacts + hubs + contacts[:2]}, token=team.key)
    assert [n["id"] for n in data["nodes"]] == contacts + hubs + contacts[:2]
    assert len([q for q in seen if 'FROM "team_contacts"' in q]) == 1, seen
    assert len([q for q in seen if 'FROM "hubs"' in q]) == 1, seen


async def test_another_teams_ids_resolve_to_null(gql, team, other_team):
    theirs = await contact(gql, other_team.key, "theirs@example.com")
    their_hub = await hub(gql, other_team.key, "Theirs")
    their_team = (await gql("{ team { id } }", token=other_team.key))["team"]["id"]
    ours = await contact(gql, team.key, "ours@example.com")

    assert (await gql(NODE, {"id": theirs}, token=team.key))["node"] is None
    data = await gql(NODES, {"ids": [theirs, ours, their_hub, their_team, gid("Contact", 10**12)]}, token=team.key)
    assert data["nodes"] == [None, {"__typename": "Contact", "id": ours}, None, None, None]
    # ... and through the type's own query too.
    assert (await gql("query($id: ID!) { contact(id: $id) { id } }", {"id": theirs}, token=team.key))["contact"] is None


async def test_node_keeps_the_scopes_of_the_types_own_query(gql, team):
    contact_id = await contact(gql, team.key, "ava@example.com")
    hub_id = await hub(gql, team.key, "Yoga")
    _, contacts_only = await create_api_key(team.team, "crm", ["contacts:read"], None)

    assert (await gql(NODE, {"id": contact_id}, token=contacts_only))["node"]["id"] == contact_id
    assert error_code(await gql.raw(NODE, {"id": hub_id}, token=contacts_only)) == "FORBIDDEN"
    assert error_code(await gql.raw(NODE, {"id": contact_id})) == "UNAUTHENTICATED"


async def test_member_views_refetch_only_for_the_member(gql, team):
    hub_id = await hub(gql, team.key, "Academy")
    ava = await contact(gql, team.key, "ava@example.com")
    await gql(ADD_MEMBER, {"h": hub_id, "c": ava}, token=team.key)
    lesson = await content.create_node(team.team, pk(hub_id), content.NodeChanges(title="Welcome", status="published"))
    issued = await members.admin_issue_code(team.id, pk(hub_id), pk(ava))
    token = (await gql("""mutation($i: SignInMemberInput!) { signInMember(input: $i) { token } }""",
                       {"i": {"hubId": hub_id, "email": "ava@example.com", "code": issued.code}}))["signInMember"]["token"]

    tree = (await gql("{ myHub { id contentTree { id title } } }", token=token))["myHub"]
    [node] = tree["contentTree"]
    assert type_of(node["id"]) == "MemberContentNode" and pk(node["id"]) == lesson.id
    refetched = await gql("""query($ids: [ID!]!) { nodes(ids: $ids) { id ... on MemberContentNode { title canAccess }
      ... on MemberHubView { name } } }""", {"ids": [node["id"], tree["id"]]}, token=token)
    assert refetched["nodes"] == [{"id": node["id"], "title": "Welcome", "canAccess": True},
                                  {"id": tree["id"], "name": "Academy"}]
    # Staff keys do not open member views (they use previewAsMember), and members not staff objects.
    assert error_code(await gql.raw(NODE, {"id": node["id"]}, token=team.key)) == "FORBIDDEN"
    assert error_code(await gql.raw(NODE, {"id": hub_id}, token=token)) == "UNAUTHENTICATED"


async def test_an_id_of_another_type_is_rejected_and_changes_nothing(gql, team):
    contact_id = await contact(gql, team.key, "ava@example.com")
    hub_id = await hub(gql, team.key, "Yoga")
    segment_id = (await gql(CREATE_SEGMENT, {"n": "Brits"}, token=team.key))["createSegment"]["segment"]["id"]
    same_row_as_hub = gid("Segment", pk(hub_id))

    # A mutation input: a userError on the field, nothing written.
    added = (await gql(ADD_MEMBER, {"h": same_row_as_hub, "c": contact_id}, token=team.key))["addHubMember"]
    assert added["membership"] is None
    assert [(e["field"], e["code"]) for e in added["userErrors"]] == [("hubId", "INVALID_ID")]
    swapped = (await gql(ADD_MEMBER, {"h": hub_id, "c": segment_id}, token=team.key))["addHubMember"]
    assert [(e["field"], e["code"]) for e in swapped["userErrors"]] == [("contactId", "INVALID_ID")]
    assert not await HubMembership.exists()

    # A field argument: a BAD_USER_INPUT error naming the argument, no data.
    body = await gql.raw("query($id: ID!) { hub(id: $id) { id } }", {"id": same_row_as_hub}, token=team.key)
    assert error_code(body) == "BAD_USER_INPUT" and "not a valid Hub id" in body["errors"][0]["message"]
    body = await gql.raw("query($s: ID!, $c: ID!) { explainSegment(segmentId: $s, contactId: $c) { reason } }",
                         {"s": contact_id, "c": segment_id}, token=team.key)
    assert error_code(body) == "BAD_USER_INPUT"


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


MALFORMED = [
    "", "12", "not base64!", _b64("Hub"), _b64("Hub:"), _b64(":12"), _b64("Hub:abc"), _b64("Hub:-3"), _b64("Hub:0"),
    _b64("Hub:1.5"), _b64("Hub: 12"), _b64("Hub:012"), _b64("Hub:\u0661\u0662"), _b64("Hub:\uff11\uff12"),
    _b64("Hub:\u00b2"), _b64(f"Hub:{2**63}"), _b64(f"Hub:{10**40}"), _b64("Hub:1").rstrip("="), "SHViOjEy\n",
    "x" * 5000, "\u0661\u0662",
]


async def test_malformed_ids_are_bad_input_never_a_server_error(gql, team):
    contact_id = await contact(gql, team.key, "ava@example.com")
    assert pk(gid("Hub", 2**63 - 1)) == 2**63 - 1
    for bad in MALFORMED:
        for query, variables in (
            (NODE, {"id": bad}),
            (NODES, {"ids": [bad]}),
            ("query($id: ID!) { hub(id: $id) { id } }", {"id": bad}),
            ("query($id: ID!) { contacts(filter: {hubId: $id}) { totalCount } }", {"id": bad}),
        ):
            body = await gql.raw(query, variables, token=team.key)
            assert error_code(body) == "BAD_USER_INPUT", (bad, query, body)
        added = (await gql(ADD_MEMBER, {"h": bad, "c": contact_id}, token=team.key))["addHubMember"]
        assert [(e["field"], e["code"]) for e in added["userErrors"]] == [("hubId", "INVALID_ID")], bad
    # The largest key is well-formed: simply not found.
    assert (await gql(NODE, {"id": gid("Hub", 2**63 - 1)}, token=team.key))["node"] is None
    assert not await HubMembership.exists()


async def test_node_ids_of_unknown_types_and_too_many_ids_are_bad_input(gql, team):
    assert error_code(await gql.raw(NODE, {"id": gid("Nonsense", 1)}, token=team.key)) == "BAD_USER_INPUT"
    hub_id = await hub(gql, team.key, "Yoga")
    assert error_code(await gql.raw(NODES, {"ids": [hub_id] * 101}, token=team.key)) == "BAD_USER_INPUT"
    assert len((await gql(NODES, {"ids": [hub_id] * 100}, token=team.key))["nodes"]) == 100


async def test_connections_page_backwards_with_last_and_before(gql, team):
    names = [f"Hub {i}" for i in range(7)]
    for name in names:
        await hub(gql, team.key, name)

    def page_names(data):
        return [e["node"]["name"] for e in data["hubs"]["edges"]]

    last = await gql(HUBS, {"last": 3}, token=team.key)
    assert page_names(last) == names[4:]
    assert last["hubs"]["pageInfo"]["hasPreviousPage"] is True
    assert last["hubs"]["pageInfo"]["hasNextPage"] is False

    seen = page_names(last)
    cursor = last["hubs"]["pageInfo"]["startCursor"]
    while True:
        page = await gql(HUBS, {"last": 3, "before": cursor}, token=team.key)
        seen = page_names(page) + seen
        assert page["hubs"]["pageInfo"]["hasNextPage"] is True
        if not page["hubs"]["pageInfo"]["hasPreviousPage"]:
            break
        cursor = page["hubs"]["pageInfo"]["startCursor"]
    assert seen == names
    assert page_names(page) == names[:1]

    # Forwards from a cursor in the middle: the rows before it make hasPreviousPage true.
    middle = (await gql(HUBS, {"first": 2}, token=team.key))["hubs"]["pageInfo"]["endCursor"]
    forward = await gql(HUBS, {"first": 2, "after": middle}, token=team.key)
    assert page_names(forward) == names[2:4]
    assert forward["hubs"]["pageInfo"] | {"startCursor": None, "endCursor": None} == {
        "hasNextPage": True, "hasPreviousPage": True, "startCursor": None, "endCursor": None}
    # ... and back again from the start of that page.
    back = await gql(HUBS, {"last": 5, "before": forward["hubs"]["pageInfo"]["startCursor"]}, token=team.key)
    assert page_names(back) == names[:2]
    assert (back["hubs"]["pageInfo"]["hasPreviousPage"], back["hubs"]["pageInfo"]["hasNextPage"]) == (False, True)
    first_page = await gql(HUBS, {"first": 10}, token=team.key)
    assert first_page["hubs"]["pageInfo"]["hasPreviousPage"] is False


async def test_connections_page_backwards_in_descending_orders(gql, team):
    for i in range(5):
        await contact(gql, team.key, f"c{i}@example.com")
    query = """query($last: Int, $before: String) { contacts(orderBy: {field: EMAIL, direction: DESC}, last: $last,
      before: $before) { nodes { email } pageInfo { hasPreviousPage hasNextPage startCursor } } }"""
    tail = (await gql(query, {"last": 2}, token=team.key))["contacts"]
    assert [n["email"] for n in tail["nodes"]] == ["c1@example.com", "c0@example.com"]
    before = (await gql(query, {"last": 2, "before": tail["pageInfo"]["startCursor"]}, token=team.key))["contacts"]
    assert [n["email"] for n in before["nodes"]] == ["c3@example.com", "c2@example.com"]
    assert (before["pageInfo"]["hasPreviousPage"], before["pageInfo"]["hasNextPage"]) == (True, True)


async def test_first_and_last_together_are_bad_input(gql, team):
    assert error_code(await gql.raw(HUBS, {"first": 2, "last": 2}, token=team.key)) == "BAD_USER_INPUT"
    assert error_code(await gql.raw(HUBS, {"last": 500}, token=team.key)) == "BAD_USER_INPUT"
