"""Contacts through GraphQL: bulk upsert, typed custom properties, filters, keyset pages."""

from __future__ import annotations

from app.contacts.models import Contact, TeamContact

UPSERT = """
mutation($contacts: [ContactInput!]!) {
  upsertContacts(input: {contacts: $contacts}) {
    createdCount updatedCount
    contacts { id email firstName lastName phone country lifecycleStage tags customProperties }
    userErrors { field message code }
  }
}"""
DEFINE = """
mutation($input: DefineCustomPropertyInput!) {
  defineCustomProperty(input: $input) { customProperty { key type options label } userErrors { field code message } }
}"""


async def define(gql, token, key, type_, options=None):
    data = await gql(DEFINE, {"input": {"key": key, "type": type_, "options": options}}, token=token)
    assert data["defineCustomProperty"]["userErrors"] == []


async def test_upsert_creates_then_updates_by_email(gql, team):
    await define(gql, team.key, "plan", "ENUM", ["free", "pro"])
    first = await gql(UPSERT, {"contacts": [
        {"email": "Ava@Example.com", "firstName": "Ava", "tags": ["VIP", "beta", "vip"],
         "customProperties": {"plan": "free"}, "phone": "+44 (20) 7946-0958", "country": "gb"},
    ]}, token=team.key)
    payload = first["upsertContacts"]
    assert payload["userErrors"] == [] and payload["createdCount"] == 1 and payload["updatedCount"] == 0
    contact = payload["contacts"][0]
    assert contact["email"] == "ava@example.com"
    assert contact["tags"] == ["vip", "beta"]
    assert contact["phone"] == "+442079460958" and contact["country"] == "GB"
    assert contact["lifecycleStage"] == "SUBSCRIBER"

    second = await gql(UPSERT, {"contacts": [
        {"email": "ava@example.com", "lastName": "Smith", "lifecycleStage": "loyal",
         "customProperties": {"plan": "pro"}},
    ]}, token=team.key)
    payload = second["upsertContacts"]
    assert payload["createdCount"] == 0 and payload["updatedCount"] == 1
    updated = payload["contacts"][0]
    assert updated["id"] == contact["id"]
    assert updated["firstName"] == "Ava" and updated["lastName"] == "Smith"  # untouched fields kept
    assert updated["tags"] == ["vip", "beta"]
    assert updated["lifecycleStage"] == "LOYAL"
    assert updated["customProperties"] == {"plan": "pro"}


async def test_custom_property_null_removes_the_key(gql, team):
    await define(gql, team.key, "company", "STRING")
    await define(gql, team.key, "seats", "NUMBER")
    await gql(UPSERT, {"contacts": [{"email": "a@x.io", "customProperties": {"company": "Acme", "seats": 3}}]},
              token=team.key)
    data = await gql(UPSERT, {"contacts": [{"email": "a@x.io", "customProperties": {"company": None}}]},
                     token=team.key)
    assert data["upsertContacts"]["contacts"][0]["customProperties"] == {"seats": 3}


async def test_invalid_contacts_are_rejected_and_nothing_is_written(gql, team):
    await define(gql, team.key, "plan", "ENUM", ["free", "pro"])
    await define(gql, team.key, "seats", "NUMBER")
    await define(gql, team.key, "renews_on", "DATE")
    await define(gql, team.key, "beta", "BOOLEAN")
    data = await gql(UPSERT, {"contacts": [
        {"email": "good@example.com"},
        {"email": "not-an-email"},
        {"email": "b@example.com", "customProperties": {"unknown_key": 1}},
        {"email": "c@example.com", "customProperties": {"seats": "three"}},
        {"email": "d@example.com", "customProperties": {"plan": "enterprise"}},
        {"email": "e@example.com", "customProperties": {"renews_on": "31/12/2026", "beta": "yes"}},
        {"email": "GOOD@example.com"},
        {"email": "f@example.com", "country": "Germany", "lifecycleStage": "royal", "phone": "12"},
    ]}, token=team.key)
    payload = data["upsertContacts"]
    errors = {(e["field"], e["code"]) for e in payload["userErrors"]}
    assert ("contacts.1.email", "INVALID_EMAIL") in errors
    assert ("contacts.2.customProperties.unknown_key", "UNKNOWN_PROPERTY") in errors
    assert ("contacts.3.customProperties.seats", "INVALID_PROPERTY_TYPE") in errors
    assert ("contacts.4.customProperties.plan", "INVALID_PROPERTY_VALUE") in errors
    assert ("contacts.5.customProperties.renews_on", "INVALID_PROPERTY_TYPE") in errors
    assert ("contacts.5.customProperties.beta", "INVALID_PROPERTY_TYPE") in errors
    assert ("contacts.6.email", "DUPLICATE_EMAIL") in errors
    assert ("contacts.7.country", "INVALID_COUNTRY") in errors
    assert ("contacts.7.lifecycleStage", "INVALID_LIFECYCLE_STAGE") in errors
    assert ("contacts.7.phone", "INVALID_PHONE") in errors
    assert payload["contacts"] == [] and payload["createdCount"] == 0
    assert await TeamContact.all().count() == 0
    assert await Contact.all().count() == 0


async def test_oversized_batch_is_rejected(gql, team):
    contacts = [{"email": f"c{i}@example.com"} for i in range(1001)]
    data = await gql(UPSERT, {"contacts": contacts}, token=team.key)
    assert data["upsertContacts"]["userErrors"][0]["code"] == "BATCH_TOO_LARGE"
    assert await TeamContact.all().count() == 0


async def test_batch_of_a_thousand_is_accepted(gql, team):
    contacts = [{"email": f"c{i}@example.com", "tags": ["bulk"]} for i in range(1000)]
    data = await gql(UPSERT, {"contacts": contacts}, token=team.key)
    assert data["upsertContacts"]["createdCount"] == 1000
    assert await TeamContact.filter(team_id=team.id).count() == 1000


async def test_custom_property_definition_errors(gql, team):
    await define(gql, team.key, "plan", "ENUM", ["free"])
    cases = [
        ({"key": "plan", "type": "STRING"}, "DUPLICATE_KEY"),
        ({"key": "Bad Key", "type": "STRING"}, "INVALID_KEY"),
        ({"key": "tier", "type": "ENUM", "options": []}, "REQUIRED"),
        ({"key": "size", "type": "NUMBER", "options": ["a"]}, "INVALID_OPTIONS"),
    ]
    for given, code in cases:
        data = await gql(DEFINE, {"input": given}, token=team.key)
        assert data["defineCustomProperty"]["userErrors"][0]["code"] == code, given
    listing = await gql("{ customProperties { edges { node { key type options } } } }", token=team.key)
    assert [e["node"] for e in listing["customProperties"]["edges"]] == [
        {"key": "plan", "type": "ENUM", "options": ["free"]}
    ]


async def test_contacts_filter_order_and_keyset_pagination(gql, team):
    contacts = [
        {"email": f"person{i:02d}@example.com", "firstName": "Zed" if i == 7 else "Person",
         "lifecycleStage": "loyal" if i % 3 == 0 else "lead", "tags": ["vip"] if i % 5 == 0 else [],
         "country": "US" if i % 2 else "CA"}
        for i in range(25)
    ]
    await gql(UPSERT, {"contacts": contacts}, token=team.key)
    query = """
    query($first: Int, $after: String, $filter: ContactFilter, $order: ContactOrder) {
      contacts(first: $first, after: $after, filter: $filter, orderBy: $order) {
        totalCount edges { cursor node { email } } pageInfo { hasNextPage endCursor }
      }
    }"""
    seen: list[str] = []
    after = None
    while True:
        data = await gql(query, {"first": 10, "after": after, "order": {"field": "EMAIL", "direction": "ASC"}},
                         token=team.key)
        page = data["contacts"]
        seen += [e["node"]["email"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == sorted(c["email"] for c in contacts)
    assert page["totalCount"] == 25

    loyal_vip = await gql(query, {"filter": {"lifecycleStages": ["LOYAL"], "tagsAny": ["VIP"]}}, token=team.key)
    assert {e["node"]["email"] for e in loyal_vip["contacts"]["edges"]} == {
        "person00@example.com", "person15@example.com"
    }
    searched = await gql(query, {"filter": {"search": "zed"}}, token=team.key)
    assert [e["node"]["email"] for e in searched["contacts"]["edges"]] == ["person07@example.com"]
    canadians = await gql(query, {"filter": {"country": "ca"}}, token=team.key)
    assert canadians["contacts"]["totalCount"] == 13


async def test_bad_cursor_and_page_size_are_clear_errors(gql, team):
    body = await gql.raw('{ contacts(after: "garbage!") { totalCount } }', token=team.key)
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    body = await gql.raw("{ contacts(first: 5000) { totalCount } }", token=team.key)
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
