"""Imported history: a contact's joined date (`createdAt`) through GraphQL and the CSV importer, and
the segment rules that read it."""

from __future__ import annotations

import json

from ids import gid
from test_cli import memberhub
from test_realtime import make_segment

from app.segments.pipeline.worker import evaluate_pending

UPSERT = """
mutation($contacts: [ContactInput!]!) {
  upsertContacts(input: {contacts: $contacts}) {
    createdCount updatedCount contacts { email createdAt } userErrors { field message code }
  }
}"""
PREVIEW = "query($rule: String!) { previewSegment(ruleText: $rule) { count errors { message } } }"
MEMBERS = "query($id: ID!) { segment(id: $id) { members(first: 50) { edges { node { contact { email } } } } } }"
CONTACTS = "{ contacts(first: 50, orderBy: {field: CREATED_AT, direction: ASC}) { edges { node { email createdAt } } } }"


async def preview(gql, token, rule):
    data = (await gql(PREVIEW, {"rule": rule}, token=token))["previewSegment"]
    assert data["errors"] == [], data
    return data["count"]


async def member_emails(gql, token, segment_id):
    data = await gql(MEMBERS, {"id": gid("Segment", segment_id)}, token=token)
    return {e["node"]["contact"]["email"] for e in data["segment"]["members"]["edges"]}


async def test_upsert_takes_a_past_joined_date_and_rules_see_it(gql, team):
    old_timers = await make_segment(gql, team.key, "Old timers", "createdAt before 2020-01-01")
    data = await gql(UPSERT, {"contacts": [
        {"email": "old@example.com", "createdAt": "2019-05-04T10:30:00Z"},
        {"email": "naive@example.com", "createdAt": "2018-01-02T03:04:05"},  # no offset: UTC
        {"email": "new@example.com"},
    ]}, token=team.key)
    payload = data["upsertContacts"]
    assert payload["userErrors"] == []
    joined = {c["email"]: c["createdAt"] for c in payload["contacts"]}
    assert joined["old@example.com"] == "2019-05-04T10:30:00+00:00"
    assert joined["naive@example.com"] == "2018-01-02T03:04:05+00:00"
    assert joined["new@example.com"] > "2026"
    assert await preview(gql, team.key, "createdAt before 2020-01-01") == 2
    assert await preview(gql, team.key, "createdAt within 30 days") == 1
    await evaluate_pending(None)
    assert await member_emails(gql, team.key, old_timers) == {"old@example.com", "naive@example.com"}

    # Updating the joined date moves the contact; leaving it out keeps it.
    await gql(UPSERT, {"contacts": [{"email": "new@example.com", "createdAt": "2015-06-01T00:00:00Z"},
                                    {"email": "old@example.com", "firstName": "Olga"}]}, token=team.key)
    await evaluate_pending(None)
    assert await member_emails(gql, team.key, old_timers) == {"old@example.com", "naive@example.com",
                                                              "new@example.com"}
    listed = (await gql(CONTACTS, token=team.key))["contacts"]["edges"]
    assert [e["node"]["email"] for e in listed] == ["new@example.com", "naive@example.com", "old@example.com"]
    assert listed[2]["node"]["createdAt"] == "2019-05-04T10:30:00+00:00"


async def test_upsert_rejects_a_joined_date_in_the_future_and_writes_nothing(gql, team):
    data = await gql(UPSERT, {"contacts": [{"email": "ok@example.com", "createdAt": "2020-01-01T00:00:00Z"},
                                           {"email": "later@example.com", "createdAt": "2999-01-01T00:00:00Z"},
                                           {"email": "ancient@example.com", "createdAt": "1850-01-01T00:00:00Z"}]},
                     token=team.key)
    errors = data["upsertContacts"]["userErrors"]
    assert [(e["field"], e["code"]) for e in errors] == [("contacts.1.createdAt", "OUT_OF_RANGE"),
                                                        ("contacts.2.createdAt", "OUT_OF_RANGE")]
    assert (await gql(CONTACTS, token=team.key))["contacts"]["edges"] == []


async def test_csv_import_keeps_joined_dates_and_rejects_bad_ones_per_row(gql, team, other_team, tmp_path):
    await gql(UPSERT, {"contacts": [{"email": "kept@example.com", "createdAt": "2017-03-03T00:00:00Z"}]},
              token=team.key)
    await gql(UPSERT, {"contacts": [{"email": "ava@example.com"}]}, token=other_team.key)
    csv_file = tmp_path / "contacts.csv"
    csv_file.write_text(
        "email,created_at\n"
        "ava@example.com,2021-03-04\n"
        "bo@example.com,2021-03-04T09:15:00+02:00\n"
        "kept@example.com,\n"
        "bad@example.com,04/03/2021\n"
        "later@example.com,2999-12-31\n"
        "month@example.com,2021-13-01\n"
    )
    result = memberhub("import-contacts", str(team.id), str(csv_file), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["rows"], report["imported"], report["updated"], report["rejected"]) == (6, 2, 1, 3)
    reasons = {r["line"]: r["reason"] for r in report["rejections"]}
    assert "'04/03/2021' is not an ISO-8601 date" in reasons[5]
    assert "in the future" in reasons[6]
    assert "not an ISO-8601 date" in reasons[7]

    joined = {e["node"]["email"]: e["node"]["createdAt"] for e in (await gql(CONTACTS, token=team.key))["contacts"]["edges"]}
    assert joined == {"ava@example.com": "2021-03-04T00:00:00+00:00", "bo@example.com": "2021-03-04T07:15:00+00:00",
                      "kept@example.com": "2017-03-03T00:00:00+00:00"}
    assert await preview(gql, team.key, "createdAt between 2021-01-01 and 2021-12-31") == 2
    # The other team's contact with the same email keeps its own date.
    other = (await gql(CONTACTS, token=other_team.key))["contacts"]["edges"]
    assert [e["node"]["createdAt"] > "2026" for e in other] == [True]


async def test_csv_header_joined_at_is_the_same_column(gql, team, tmp_path):
    csv_file = tmp_path / "contacts.csv"
    csv_file.write_text("Email,Joined At\nava@example.com,2010-10-10T10:10:10Z\n")
    result = memberhub("import-contacts", str(team.id), str(csv_file), "--json")
    assert json.loads(result.stdout)["imported"] == 1, result.stderr
    assert await preview(gql, team.key, "createdAt before 2011-01-01") == 1


async def test_dates_without_an_offset_are_in_the_teams_time_zone(gql, make_team, tmp_path):
    london = await make_team("London Studio", time_zone="Europe/London")
    data = await gql(UPSERT, {"contacts": [{"email": "summer@example.com", "createdAt": "2021-07-01T09:00:00"}]},
                     token=london.key)
    assert data["upsertContacts"]["contacts"][0]["createdAt"] == "2021-07-01T08:00:00+00:00"  # BST
    csv_file = tmp_path / "contacts.csv"
    csv_file.write_text("email,created_at\nday@example.com,2021-07-01\nwinter@example.com,2021-01-01T09:00:00Z\n")
    result = memberhub("import-contacts", str(london.team.id), str(csv_file), "--json")
    assert json.loads(result.stdout)["imported"] == 2, result.stderr
    joined = {e["node"]["email"]: e["node"]["createdAt"] for e in (await gql(CONTACTS, token=london.key))["contacts"]["edges"]}
    assert joined["day@example.com"] == "2021-06-30T23:00:00+00:00"  # local midnight
    assert joined["winter@example.com"] == "2021-01-01T09:00:00+00:00"  # an explicit offset wins
    assert await preview(gql, london.key, "createdAt during 2021-07") == 2
