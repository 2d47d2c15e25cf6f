"""Bad input at every boundary: a clear, field-level error, nothing written, never a 500.

NUL characters and lone surrogates (which PostgreSQL and UTF-8 cannot store), NaN and JSON nested
thousands deep, rules nested thousands deep, cursors of the wrong types, strings over a column's
length, malformed CSV text, events in the year 1, and ids that are not canonical.
"""

from __future__ import annotations

import base64
import json
from typing import Any
from urllib.parse import quote

from ids import gid

from app.contacts.models import Event, TeamContact
from app.hubs.models import Hub
from app.segments.models import Segment

CREATE_HUB = "mutation($i: CreateHubInput!) { createHub(input: $i) { hub { id } userErrors { field message code } } }"
UPSERT = """mutation($c: [ContactInput!]!) {
  upsertContacts(input: {contacts: $c}) { contacts { id } userErrors { field message code } } }"""


async def graphql(http: Any, query: str, variables: dict[str, Any], token: str) -> dict[str, Any]:
    """Like `gql.raw`, but JSON-escaped the way most clients send text (a lone surrogate as \\ud800)."""
    return await post_graphql(http, json.dumps({"query": query, "variables": variables}), token)


async def post_graphql(http: Any, body: str, token: str) -> dict[str, Any]:
    response = await http.post("/graphql", content=body.encode(), headers={
        "authorization": f"Bearer {token}", "content-type": "application/json"})
    assert response.status_code == 200, response.text
    return response.json()


def refused(body: dict[str, Any], field: str) -> str:
    """The one BAD_USER_INPUT error of a refused request, naming `field`; returns its message."""
    assert body.get("data") is None, body
    [error] = body["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": field}, error
    return error["message"]


async def test_nul_and_lone_surrogates_in_any_graphql_string_are_refused_with_the_field(gql, http, team):
    for name in ("Yoga\x00", "Yoga\ud800"):
        body = await graphql(http, CREATE_HUB, {"i": {"name": name}}, team.key)
        assert refused(body, "createHub.input.name").startswith("createHub.input.name: must")
    body = await gql.raw(UPSERT, {"c": [{"email": "ava@example.com"}, {"email": "bo@example.com", "tags": ["ok", "v\x00ip"]}]},
                         token=team.key)
    assert "NUL" in refused(body, "upsertContacts.input.contacts[1].tags[1]")
    body = await graphql(http, UPSERT, {"c": [{"email": "ava@example.com", "customProperties": {"pl\udc00an": "pro"}}]},
                         team.key)
    assert "surrogate" in refused(body, "upsertContacts.input.contacts[0].customProperties")
    body = await gql.raw('mutation { createSegment(input: {name: "S", ruleText: "tags contains \'\\u0000\'"}) '
                         '{ segment { id } userErrors { code } } }', token=team.key)
    message = refused(body, "createSegment.input.ruleText")
    assert "NUL" in message and body["errors"][0]["locations"]
    # Queries too: a search string is refused before it reaches SQL.
    body = await gql.raw('query($s: String) { contacts(filter: {search: $s}) { totalCount } }', {"s": "\x00"},
                         token=team.key)
    refused(body, "contacts.filter.search")
    assert await Hub.filter(team_id=team.id).count() == 0
    assert await TeamContact.filter(team_id=team.id).count() == 0
    assert await Segment.filter(team_id=team.id).count() == 0


async def test_nan_and_deep_json_in_graphql_are_refused(http, team):
    nan = ('{"query": "mutation($c: [ContactInput!]!) { upsertContacts(input: {contacts: $c}) { userErrors { code } } }",'
           ' "variables": {"c": [{"email": "ava@example.com", "customProperties": {"score": NaN}}]}}')
    assert "finite" in refused(await post_graphql(http, nan, team.key),
                                "upsertContacts.input.contacts[0].customProperties.score")
    deep = {"email": "ava@example.com", "customProperties": {"a": json.loads("[" * 100 + "]" * 100)}}
    body = await post_graphql(http, json.dumps({"query": UPSERT, "variables": {"c": [deep]}}), team.key)
    assert "nested too deeply" in refused(body, body["errors"][0]["extensions"]["field"])
    # Thousands deep: too deep to parse at all, a 400 (strawberry's answer to JSON it cannot read).
    response = await http.post("/graphql", content=('{"query": "{ viewer { team { id } } }", "variables": {"a": '
                                                    + "[" * 100_000 + "]" * 100_000 + "}}").encode(),
                               headers={"authorization": f"Bearer {team.key}", "content-type": "application/json"})
    assert response.status_code == 400
    assert await TeamContact.filter(team_id=team.id).count() == 0


async def test_events_endpoint_refuses_only_the_bad_events_of_a_batch(http, team):
    good = '{"email": "ava@example.com", "type": "page_view"}'
    body = "[" + ", ".join([
        good,
        '{"email": "bo@example.com", "type": "page_view", "properties": {"note": "a\\u0000b"}}',
        '{"email": "cy@example.com", "type": "page_view", "clientEventId": "x\\ud800"}',
        '{"email": "di@example.com", "type": "page_view", "properties": {"v": NaN}}',
        '{"email": "ed@example.com", "type": "page_view", "properties": {"v": -Infinity}}',
        '{"email": "fa@example.com", "type": "page_view", "properties": ' + "[" * 40 + "]" * 40 + "}",
        '{"email": "gu@example.com", "type": "page_view", "properties": {"k\\u0000": 1}}',
        '{"email": "ha@example.com", "type": "page_view", "occurredAt": "0001-01-01T00:00:00+14:00"}',
        '{"email": "io@example.com", "type": "page_view", "occurredAt": "9999-12-31T23:59:59Z"}',
        '{"email": "ja@example.com", "type": "page_view\\n"}',
        '{"email": "' + "k" * 400 + '@example.com", "type": "page_view"}',
    ]) + "]"
    response = await http.post(f"/api/v1/teams/{gid('Team', team.id)}/events", content=body.encode(),
                               headers={"authorization": f"Bearer {team.key}", "content-type": "application/json"})
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["status"] for r in results] == ["accepted"] + ["rejected"] * 10
    assert [r["code"] for r in results[1:]] == [
        "INVALID_VALUE", "INVALID_VALUE", "INVALID_VALUE", "INVALID_VALUE", "INVALID_VALUE", "INVALID_VALUE",
        "INVALID_TIME", "FUTURE_TIME", "INVALID_TYPE", "INVALID_CONTACT",
    ]
    assert results[1]["message"].startswith("properties.note: ")
    assert results[2]["message"].startswith("clientEventId: ")
    assert results[3]["message"].startswith("properties.v: ")
    assert "nested too deeply" in results[5]["message"]
    assert await Event.filter(team_id=team.id).count() == 1
    assert await TeamContact.filter(team_id=team.id).count() == 1


async def test_events_endpoint_answers_400_to_json_too_deep_or_too_long_to_parse(http, team):
    url = f"/api/v1/teams/{gid('Team', team.id)}/events"
    headers = {"authorization": f"Bearer {team.key}", "content-type": "application/json"}
    for body in ("[" * 100_000 + "]" * 100_000, '[{"type": "x", "properties": {"n": ' + "9" * 5000 + "}}]",
                 b'[{"type": "x", "email": "a@example.com", "properties": {"n": "\xff"}}]'):
        response = await http.post(url, content=body if isinstance(body, bytes) else body.encode(), headers=headers)
        assert response.status_code == 400 and response.json()["error"]["code"] == "INVALID_JSON", response.text
    ndjson = {**headers, "content-type": "application/x-ndjson"}
    response = await http.post(url, content=b'{"email": "a@example.com", "type": "x"}\n' + b"[" * 100_000, headers=ndjson)
    assert response.status_code == 400 and response.json()["error"]["message"].startswith("line 2: ")
    assert await Event.filter(team_id=team.id).count() == 0


async def test_track_events_refuses_an_event_in_the_year_1(gql, team):
    data = await gql("""mutation($e: [TrackEventInput!]!) { trackEvents(input: {events: $e}) {
        accepted { index } rejected { index code message } } }""",
                     {"e": [{"email": "ava@example.com", "type": "signup", "occurredAt": "0001-01-01T00:00:00Z"},
                            {"email": "ava@example.com", "type": "signup"}]}, token=team.key)
    assert [r["code"] for r in data["trackEvents"]["rejected"]] == ["INVALID_TIME"]
    assert data["trackEvents"]["accepted"] == [{"index": 1}]


async def test_rules_nested_thousands_deep_are_a_rule_error(gql, team):
    for rule in ("(" * 5000 + "tags contains 'a'" + ")" * 5000, "not " * 4000 + "tags contains 'a'"):
        data = await gql("""mutation($r: String!) { createSegment(input: {name: "Deep", ruleText: $r}) {
            segment { id } userErrors { field message code } } }""", {"r": rule}, token=team.key)
        [error] = data["createSegment"]["userErrors"]
        assert error["field"] == "ruleText" and "nested too deeply (at most 32" in error["message"], error
    data = await gql("""mutation($r: String!) { createSegment(input: {name: "Deep", ruleText: $r}) {
        segment { id } userErrors { message } } }""", {"r": "(" * 32 + "tags contains 'a'" + ")" * 32}, token=team.key)
    assert data["createSegment"]["userErrors"] == []


async def test_rules_read_only_ascii_digits_as_numbers_and_dates(gql, team):
    create = """mutation($r: String!) { createSegment(input: {name: "Digits", ruleText: $r}) {
        segment { ruleText } userErrors { field message } } }"""
    for rule in ("orderCount >= \u0663", "orderCount >= \u00b2", "createdAt after \u0662\u0660\u0662\u0664-01-01"):
        data = await gql(create, {"r": rule}, token=team.key)
        assert data["createSegment"]["segment"] is None, (rule, data)
        assert data["createSegment"]["userErrors"][0]["field"] == "ruleText"
    data = await gql(create, {"r": "orderCount >= 3"}, token=team.key)
    assert data["createSegment"]["segment"]["ruleText"] == "orderCount >= 3"


def cursor(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


async def test_cursors_of_the_wrong_types_are_bad_user_input(gql, team):
    await gql(UPSERT, {"c": [{"email": "ava@example.com"}]}, token=team.key)
    cases = [
        ("contacts", cursor(["not a time", 1])),            # sorted by createdAt
        ("contacts", cursor([{"t": "2026-01-01T00:00:00"}, 1])),  # a time without its zone
        ("contacts", cursor([{"t": "2026-01-01T00:00:00+00:00"}, 2**70])),
        ("contacts", cursor([{"t": "2026-01-01T00:00:00+00:00"}, True])),
        ("hubs", cursor([{"t": "2026-01-01T00:00:00+00:00"}, 1])),  # sorted by id
        ("hubs", cursor([2**70, 1])),
        ("hubs", cursor([[1], 1])),
        ("hubs", "%%%"), ("hubs", "x" * 5000), ("hubs", cursor("[" * 5000)),
    ]
    for field, after in cases:
        body = await gql.raw(f"query($a: String) {{ {field}(after: $a) {{ totalCount }} }}", {"a": after},
                             token=team.key)
        [error] = body["errors"]
        assert error["extensions"]["code"] == "BAD_USER_INPUT" and error["message"] == "invalid cursor", (after, error)
    body = await gql.raw('query($a: String) { contacts(orderBy: {field: EMAIL, direction: ASC}, after: $a) '
                         '{ totalCount } }', {"a": cursor([5, 1])}, token=team.key)
    assert body["errors"][0]["message"] == "invalid cursor"
    ok = await gql('query($a: String) { contacts(orderBy: {field: EMAIL, direction: ASC}, after: $a) '
                   '{ nodes { email } } }', {"a": cursor(["a", 1])}, token=team.key)
    assert ok["contacts"]["nodes"] == [{"email": "ava@example.com"}]


async def test_strings_over_a_columns_length_are_a_user_error_with_the_real_limit(gql, team):
    data = await gql(CREATE_HUB, {"i": {"name": "n" * 201}}, token=team.key)
    assert data["createHub"] == {"hub": None, "userErrors": [
        {"field": "name", "message": "name is longer than 200 characters", "code": "TOO_LONG"}]}
    data = await gql(CREATE_HUB, {"i": {"name": "n" * 200}}, token=team.key)
    assert data["createHub"]["userErrors"] == []
    assert await Hub.filter(team_id=team.id).count() == 1


async def test_add_to_static_segment_with_blank_or_malformed_csv_is_a_user_error(gql, team):
    segment = await gql('mutation { createSegment(input: {name: "Picked", kind: STATIC}) { segment { id } } }',
                        token=team.key)
    segment_id = segment["createSegment"]["segment"]["id"]
    for text in ("\n\r\t", "\r"):
        data = await gql("""mutation($s: ID!, $csv: String) { addToStaticSegment(input: {segmentId: $s, csv: $csv}) {
            changedCount userErrors { field code } } }""", {"s": segment_id, "csv": text}, token=team.key)
        assert data["addToStaticSegment"]["userErrors"] == [{"field": "contactIds", "code": "REQUIRED"}]


NOT_CANONICAL = ["\u00b2", "\u0663", "\uff15", " 5 ", "05", "+5", "5\n"]


async def test_only_canonical_ids_are_accepted(gql, http, team, make_team):
    hub = await gql(CREATE_HUB, {"i": {"name": "Yoga"}}, token=team.key)
    assert hub["createHub"]["hub"]["id"] == gid("Hub", 1)
    for raw in NOT_CANONICAL:
        body = await gql.raw("query($id: ID!) { hub(id: $id) { id } }", {"id": gid("Hub", raw)}, token=team.key)
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", (raw, body)
        response = await http.post(f"/api/v1/teams/{gid('Team', raw)}/events", json=[],
                                   headers={"authorization": f"Bearer {team.key}"})
        assert response.status_code == 404, (raw, response.text)
        response = await http.get(f"/media/{quote(raw)}?expires={quote(raw)}&signature=x")
        assert response.status_code == 404, (raw, response.text)
        response = await http.get(f"/email/unsubscribe/{quote(raw)}.1.1.0.sig")
        assert response.status_code == 400, (raw, response.text)


async def test_team_header_takes_canonical_digits_only(gql, make_team):
    owner = await make_team("Solo", owner_email="solo@example.com", password="correct horse battery")
    login = await gql('mutation { login(input: {email: "solo@example.com", password: "correct horse battery"}) '
                      '{ token } }')
    token = login["login"]["token"]
    header = str(owner.id)
    viewer = await gql("{ viewer { team { id } } }", token=token, headers={"x-memberhub-team": header})
    assert viewer["viewer"]["team"]["id"] == gid("Team", owner.id)
    for value in (f" {header} ", f"0{header}", "9" * 30):  # HTTP headers carry ASCII; a websocket's params any text
        body = await gql.raw("{ viewer { team { id } } }", token=token, headers={"x-memberhub-team": value})
        assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED", (value, body)


async def test_csv_import_rejects_only_the_row_with_a_nul_or_a_byte_that_is_not_utf8(team, tmp_path):
    from test_cli import memberhub

    csv_file = tmp_path / "contacts.csv"
    csv_file.write_bytes(
        b"email,first_name,tags\n"
        b"ava@example.com,Ava,vip\n"
        b"bo@example.com,B\x00o,\n"
        b"cy@example.com,C\xffy,\n"
        b"di@example.com,Di,ok\xc3\n"
        b"ed@example.com,Ed,\n"
    )
    result = memberhub("import-contacts", str(team.id), str(csv_file), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["rows"], report["imported"], report["rejected"]) == (5, 2, 3)
    assert report["rejections"] == [
        {"line": 3, "reason": "column 'first_name' must not contain NUL (\\u0000) characters"},
        {"line": 4, "reason": "column 'first_name' is not valid UTF-8"},
        {"line": 5, "reason": "column 'tags' is not valid UTF-8"},
    ]
    emails = await TeamContact.filter(team_id=team.id).order_by("email").values_list("email", flat=True)
    assert emails == ["ava@example.com", "ed@example.com"]
