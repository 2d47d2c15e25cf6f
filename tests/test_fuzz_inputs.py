"""Fuzz every mutation's input and the events endpoint: never a 500, never internal error text, and
nothing written when an input is refused.

Inputs are generated from the schema itself (graphql-core's view of the strawberry schema, the one
`schema.graphql` is exported from), so a new mutation or input field is fuzzed without editing this
file. Values are mostly plausible (by field name: emails, URLs, slugs, rules, real ids of the right
type) so that inputs get past the first check, and most examples then put one attack into one
String/ID/JSON/DateTime field: NUL, lone surrogates, over-long text, other scripts' digits, CSV
control characters, rules nested thousands deep, NaN, deep JSON, the year 1.

Refused means a GraphQL error or a non-empty `userErrors`: then a checksum of every table (rows and
contents) must be what it was before. Bounded for CI: MEMBERHUB_FUZZ_EXAMPLES (default 200 mutation
inputs and 100 event batches); with CI set the examples are derandomized, so a CI run is repeatable.
MEMBERHUB_FUZZ_SURVEY=1 records every distinct failure instead of stopping at the first.
"""

from __future__ import annotations

import json
import logging
import os
import re
from typing import Any

import factories
import httpx
import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    Undefined,
    get_named_type,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ids import gid
from test_commerce_fakes import fake_stripe_fixture, stripe_server_fixture  # noqa: F401  (fixtures)
from tortoise import Tortoise, connections

from app.graphql.schema import schema

EXAMPLES = int(os.environ.get("MEMBERHUB_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=bool(os.environ.get("CI")), database=None,
    suppress_health_check=list(HealthCheck), print_blob=True,
)
EVENT_FUZZ = settings(FUZZ, max_examples=max(20, EXAMPLES // 2))

# Tables a refused request may legitimately write: a key's or session's last use, a wrong sign-in
# code's attempt count (the guess limit), login attempt bookkeeping.
TOUCHED_ON_REFUSAL = re.compile(r"^(api_keys|user_sessions|member_sign_in_codes|.*attempt.*|.*rate_limit.*)$")
# sendTestEmail connects to whatever SMTP host an earlier example stored: network, not input handling.
SKIPPED = {"sendTestEmail"}
INTERNAL = re.compile(
    r"Traceback|asyncpg|psycopg|tortoise|invalid byte sequence|surrogates not allowed|RecursionError|"
    r"maximum recursion|Length of '|KeyError|IndexError|AttributeError|NoneType|object has no attribute|"
    r"unexpected keyword|is not JSON serializable|violates|duplicate key|syntax error at|"
    r"invalid input for query argument|out of range for type|Internal Server Error",
    re.IGNORECASE,
)

GRAPHQL = schema._schema
MUTATIONS = sorted(name for name, field in GRAPHQL.mutation_type.fields.items()  # type: ignore[union-attr]
                   if "input" in field.args and name not in SKIPPED)

NASTY = [
    "", " ", "\x00", "a\x00b", "\ud800", "x\udfff", "\n\r\t", "\r", "\u00b2", "\u0663", "\uff15", " 5 ", "05",
    "'; DROP TABLE team_contacts; --", "{{ contact.first_name }}", "{% for x in y %}", "https://example.com/ok",
    "http://localhost:1/x", "ava@example.com", "AVA@Example.COM ", "n" * 201, "n" * 5000, "%s", "\\", "null",
    "NaN", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-01-01", "tags contains 'vip'",
    "(" * 3000 + "x = 1", "not " * 3000 + "x = 1", "in segment 'S'", "=cmd|' /C calc'!A0", "\u202e", "🧘",
    "a,b\n\"c", "email\nava@example.com\nbo@example.com", "USD", "usd", "month", "+15551234567", "GB",
]


def pick(values: list[str]) -> st.SearchStrategy[str]:
    """One of `values`, drawn by index (short reprs; the drawing does not depend on the list's contents)."""
    return st.integers(0, 10_000).map(lambda i: values[i % len(values)])


def texts() -> st.SearchStrategy[str]:
    return st.one_of(pick(NASTY), st.text(max_size=40),
                     st.text(alphabet=st.characters(codec="utf-8"), max_size=12))


def json_values() -> st.SearchStrategy[Any]:
    leaves = st.one_of(st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(), texts())
    nested = st.recursive(leaves, lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(texts(), inner, max_size=3)), max_leaves=8)
    deep = st.integers(30, 120).map(lambda n: json.loads("[" * n + "]" * n))
    return st.one_of(nested, deep)


# Tables whose rows the inputs may name, by GraphQL type; refreshed as accepted mutations add rows.
HARVEST = {
    "Contact": "team_contacts", "Hub": "hubs", "HubMembership": "hub_memberships", "Segment": "segments",
    "Product": "products", "Price": "prices", "ProductAddOn": "product_addons", "Deliverable": "deliverables",
    "Coupon": "coupons", "HubSection": "hub_sections", "ContentNode": "content_nodes", "Page": "pages",
    "Media": "media", "EmailTemplate": "email_templates", "DripCampaign": "drip_campaigns",
    "AudienceDestination": "audience_destinations", "AccessRule": "access_rules",
    "CustomProperty": "custom_property_definitions", "Team": "teams", "Payment": "payments",
    "BillingSubscription": "subscriptions",
}


class World:
    """Global ids of the rows the inputs can refer to, by type."""

    def __init__(self) -> None:
        self.ids: dict[str, list[str]] = {}

    async def refresh(self) -> None:
        sql = " UNION ALL ".join(f"(SELECT '{name}' AS t, id FROM \"{table}\" ORDER BY id DESC LIMIT 5)"
                                 for name, table in HARVEST.items())
        self.ids = {}
        for row in await connections.get("default").execute_query_dict(sql):
            self.ids.setdefault(row["t"], []).append(gid(row["t"], row["id"]))

    def of(self, field: str) -> list[str]:
        """Ids for a field: `hubId` → hubs, `segmentIds` → segments, `addOnPriceIds` → prices, else any."""
        base = re.sub(r"Ids?$", "", field)
        for name, ids in self.ids.items():
            if base.lower().endswith(name.lower()) or (base == "exitSegment" and name == "Segment"):
                return ids
        return [i for ids in self.ids.values() for i in ids]


# Plausible values by input field name, so that inputs also get past the first check and reach the
# services (the names are the schema's own; an unknown name just gets the general strategies).
WORD = st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True)
HINTS: list[tuple[str, st.SearchStrategy[Any]]] = [
    (r"(?i).*email$|^to$|fromAddress|replyTo", st.sampled_from(["ava@example.com", "bo@example.com",
                                                               "new@example.com"])),
    (r"(?i).*url$", st.sampled_from(["https://shop.test/ok", "https://example.com/x"])),
    (r"^slug$", st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)),
    (r"^currency$", st.sampled_from(["usd", "eur", "gbp"])),
    (r"^ruleText$", st.sampled_from(["tags contains 'vip'", "lifecycleStage = lead", "country = 'GB'",
                                     "any event of type 'page_view' within 7 days", "in segment 'VIPs'",
                                     "count of orders > 1", "totalSpent >= 10 and not tags contains 'x'"])),
    (r"^country$", st.sampled_from(["GB", "US"])),
    (r"^phone$", st.just("+15551234567")),
    (r"^(lifecycleStage)$", st.sampled_from(["lead", "engaged", "loyal"])),
    (r"(?i)^(name|title|label|description|subject|body|textBody|htmlBody|tag|tags.*|key|nickname|code|"
     r"couponCode|eventType|goalEventType|type|hubRole|roles|scopes|options|search|fromName)$", WORD),
    (r"^dataBase64$", st.sampled_from(["aGVsbG8=", "iVBORw0KGgo=", "not base64"])),
    (r"^contentType$", st.sampled_from(["image/png", "text/html", "application/pdf"])),
    (r"^(amount|amountOff)$", st.integers(0, 10_000)),
    (r"^(position|quantity|intervalCount|trialDays|graceDays|delayMinutes|dripDays|durationInMonths)$",
     st.integers(-1, 5)),
]


def hinted(field: str, general: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    for pattern, strategy in HINTS:
        if re.match(pattern, field):
            return st.one_of(strategy, strategy, strategy, general)  # mostly plausible, to get past the first check
    return general


def real_ids(world: World, field: str) -> st.SearchStrategy[str]:
    """Rows exist when drawn, and more appear as mutations are accepted: picked by index at draw time."""
    return st.integers(0, 10_000).map(lambda i: (world.of(field) or ["none"])[i % len(world.of(field) or ["none"])])


def scalar(named: GraphQLScalarType, world: World, field: str) -> st.SearchStrategy[Any]:
    if named.name == "ID":
        bad = [gid("Hub", "\u00b2"), gid("Contact", 2**70), gid("Nope", 1), "", "abc", "SHViOjE=\n"]
        return st.one_of(real_ids(world, field), real_ids(world, field), pick(bad), texts())
    if named.name == "Int":
        return hinted(field, st.one_of(st.integers(-3, 300), st.integers(-(2**31), 2**31 - 1)))
    if named.name == "Float":
        return st.one_of(st.floats(0, 100), st.floats())
    if named.name == "Boolean":
        return st.booleans()
    if named.name == "JSON":
        return json_values()
    if named.name == "DateTime":
        return st.one_of(st.datetimes().map(lambda d: d.isoformat() + "Z"), texts())
    return hinted(field, texts())


def value_for(type_: GraphQLInputType, world: World, depth: int = 0, field: str = "") -> st.SearchStrategy[Any]:
    if isinstance(type_, GraphQLNonNull):
        return value_for(type_.of_type, world, depth, field)
    if isinstance(type_, GraphQLList):
        return st.lists(value_for(type_.of_type, world, depth + 1, field), max_size=3)
    if isinstance(type_, GraphQLEnumType):
        return st.sampled_from(list(type_.values))
    if isinstance(type_, GraphQLInputObjectType):
        return input_object(type_, world, depth)
    assert isinstance(type_, GraphQLScalarType)
    return scalar(type_, world, field)


def input_object(type_: GraphQLInputObjectType, world: World, depth: int) -> st.SearchStrategy[dict[str, Any]]:
    required, optional = {}, {}
    for name, field in type_.fields.items():
        needed = isinstance(field.type, GraphQLNonNull) and field.default_value is Undefined
        strategy = value_for(field.type, world, depth + 1, name)
        if needed:
            required[name] = strategy
        elif depth < 3:  # recursive filters stay small
            optional[name] = strategy
    return st.fixed_dictionaries(required, optional=optional)


def selection(field_name: str) -> str:
    output = get_named_type(GRAPHQL.mutation_type.fields[field_name].type)  # type: ignore[union-attr]
    if isinstance(output, GraphQLObjectType) and "userErrors" in output.fields:
        return "{ __typename userErrors { field message code } }"
    return "{ __typename }" if isinstance(output, GraphQLObjectType) else ""


async def snapshot() -> dict[str, tuple[int, int]]:
    tables = sorted({m._meta.db_table for m in Tortoise.apps.get_models_iterable()
                     if m._meta.db_table != "aerich" and not TOUCHED_ON_REFUSAL.match(m._meta.db_table)})
    sql = " UNION ALL ".join(
        f"SELECT '{t}' AS t, count(*) AS n, coalesce(sum(hashtext(x::text)::bigint), 0) AS h FROM \"{t}\" x"
        for t in tables
    )
    rows = await connections.get("default").execute_query_dict(sql)
    return {r["t"]: (r["n"], r["h"]) for r in rows}


class Watch(logging.Handler):
    """Errors the app logs while handling a request: strawberry logs every unexpected exception."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
async def client(asgi_app: Any) -> Any:
    """Like the `http` fixture, but an exception in the app is the 500 a real server would answer."""
    transport = httpx.ASGITransport(app=asgi_app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@pytest.fixture
def watch() -> Any:
    handler = Watch()
    root = logging.getLogger()
    root.addHandler(handler)
    yield handler
    root.removeHandler(handler)


@pytest.fixture
async def world(team: Any, fake_stripe: Any) -> World:
    contact = await factories.contact(team, "ava@example.com", firstName="Ava", tags=["vip"])
    hub = await factories.hub(team, "Yoga")
    await factories.hub_member(team, hub, contact)
    await factories.segment(team, "VIPs", "tags contains 'vip'")
    await factories.segment(team, "Picked", kind="static")
    product = await factories.product(team, "Pro", hub=hub)
    await factories.price(team, product, 2000, interval="month")
    world = World()
    await world.refresh()
    return world


STATS = {"graphql_examples": 0, "graphql_refused": 0, "event_examples": 0, "events_accepted": 0}
ACCEPTED: set[str] = set()
# MEMBERHUB_FUZZ_SURVEY=1: record every failure (by where and what kind) instead of stopping at the
# first, and print them in test_fuzz_figures: how the distinct failures were counted.
SURVEY = bool(os.environ.get("MEMBERHUB_FUZZ_SURVEY"))
FAILURES: dict[str, str] = {}


def failure(where: str, kind: str, detail: str) -> None:
    if SURVEY:
        FAILURES.setdefault(f"{where}: {kind}", detail[:300])
        return
    raise AssertionError(f"{where}: {kind}: {detail[:2000]}")


async def check(where: str, response: Any, watch: Watch, logged: int, ok_statuses: tuple[int, ...]) -> None:
    """No 500 (nor other unexpected status), no internal error text, nothing the app logged as an error."""
    if response.status_code not in ok_statuses:
        failure(where, f"HTTP {response.status_code}", response.text)
    if (match := INTERNAL.search(response.text)) is not None:
        failure(where, f"internal text {match.group()!r}", response.text)
    if watch.records[logged:]:
        record = watch.records[logged]
        failure(where, f"logged {record.getMessage()[:80]!r}", record.getMessage())


async def check_unchanged(where: str, before: dict[str, tuple[int, int]], detail: str) -> None:
    after = await snapshot()
    changed = sorted(t for t in after if after[t] != before.get(t))
    if changed:
        failure(where, f"refused but wrote {changed}", detail)


ATTACKS = {
    "String": ["\x00", "a\x00b", "\ud800", "x\udfff", "n" * 201, "n" * 5000, "\n\r\t", "(" * 3000 + "x",
               "not " * 3000 + "x", " 5 ", "\u0663", "'; DROP TABLE hubs; --", "{{ 7*7 }}", "", "9" * 40],
    "ID": [gid("Hub", "\u00b2"), gid("Hub", "\u0663"), gid("Hub", "\uff15"), gid("Hub", " 5 "), gid("Hub", 2**70),
           "\x00", "\ud800", "x" * 5000, ""],
    "JSON": [float("nan"), float("inf"), {"k\x00": 1}, {"v": "\ud800"}, json.loads("[" * 70 + "]" * 70), "\x00",
             {"a": [1, {"b": float("-inf")}]}, 10**30, "x" * 100_000],
    "DateTime": ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00+14:00", "\x00"],
    "Int": [0, -1, 2**31 - 1, -(2**31)],
}


def leaves(value: Any, type_: GraphQLInputType, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], str]]:
    """(path, scalar name) of every scalar in a drawn input, so one of them can carry an attack."""
    if isinstance(type_, GraphQLNonNull):
        return leaves(value, type_.of_type, path)
    if isinstance(type_, GraphQLList) and isinstance(value, list):
        return [leaf for i, v in enumerate(value) for leaf in leaves(v, type_.of_type, (*path, i))]
    if isinstance(type_, GraphQLInputObjectType) and isinstance(value, dict):
        return [leaf for k, v in value.items() if k in type_.fields for leaf in leaves(v, type_.fields[k].type, (*path, k))]
    if isinstance(type_, GraphQLScalarType) and type_.name in ATTACKS:
        return [(path, type_.name)]
    return []


def put(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, list):
        return [put(v, rest, new) if i == head else v for i, v in enumerate(value)]
    return {**value, head: put(value[head], rest, new)}


@FUZZ
@given(data=st.data())
async def test_no_mutation_input_gives_a_500_internal_text_or_a_write_when_refused(client, team, world, watch,
                                                                                  data):
    name = data.draw(st.sampled_from(MUTATIONS), label="mutation")
    field = GRAPHQL.mutation_type.fields[name]  # type: ignore[union-attr]
    input_type = field.args["input"].type
    value = data.draw(value_for(input_type, world), label="input")
    targets = leaves(value, input_type)
    if targets and data.draw(st.integers(0, 4), label="attack?"):  # most examples carry one attack in one field
        path, kind = targets[data.draw(st.integers(0, len(targets) - 1), label="where")]
        value = put(value, path, data.draw(st.sampled_from(ATTACKS[kind]), label=f"attack at {path}"))
    variables = {"input": value}
    document = f"mutation($input: {field.args['input'].type}) {{ {name}(input: $input) {selection(name)} }}"
    before = await snapshot()
    logged = len(watch.records)
    body = json.dumps({"query": document, "variables": variables})  # NaN as NaN, surrogates as \\ud800
    response = await client.post("/graphql", content=body.encode(),
                               headers={"authorization": f"Bearer {team.key}", "content-type": "application/json"})
    STATS["graphql_examples"] += 1
    await check(name, response, watch, logged, (200,))
    if response.status_code != 200:
        return
    result = response.json()
    payload = (result.get("data") or {}).get(name)
    refused = bool(result.get("errors")) or bool(isinstance(payload, dict) and payload.get("userErrors"))
    if not refused:
        ACCEPTED.add(name)
        await world.refresh()
        return
    STATS["graphql_refused"] += 1
    await check_unchanged(name, before, f"{body[:500]} -> {response.text[:500]}")


EVENT_ATTACKS = [("properties", "JSON"), ("type", "String"), ("email", "String"), ("clientEventId", "String"),
                 ("contactId", "ID"), ("occurredAt", "DateTime"), ("properties", "JSON")]
EVENT_KEYS = ["type", "email", "contactId", "occurredAt", "properties", "clientEventId", "contact_id",
              "event_type", "timestamp", "occurred_at", "client_event_id", "extra"]


def mostly(plausible: st.SearchStrategy[Any], junk: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(plausible, plausible, plausible, junk)


def events(world: World) -> st.SearchStrategy[Any]:
    values = {
        "email": mostly(st.sampled_from(["ava@example.com", "new@example.com", "bo@example.com"]),
                        st.one_of(st.just("k" * 330 + "@x.io"), texts())),
        "contactId": mostly(real_ids(world, "contactId"),
                            st.one_of(scalar(GRAPHQL.get_type("ID"), world, "id"), st.integers()),  # type: ignore[arg-type]
                            ),
        "occurredAt": mostly(st.sampled_from(["2026-01-01T00:00:00Z", "2025-06-01T12:00:00+02:00", 1_767_225_600]),
                             st.one_of(st.sampled_from(["0001-01-01T00:00:00+14:00", "9999-01-01"]),
                                       st.integers(-(2**64), 2**64), st.floats(), texts())),
        "properties": mostly(st.dictionaries(WORD, st.one_of(st.integers(), WORD, st.booleans()), max_size=3),
                             json_values()),
        "clientEventId": mostly(WORD, st.one_of(texts(), st.integers())),
    }
    event_type = mostly(st.sampled_from(["page_view", "signup", "lesson.done"]),
                        st.one_of(st.sampled_from(["bad type!", "a" * 101, "page_view\n"]), texts()))
    extras = st.one_of(st.just({}), st.just({}), st.dictionaries(st.sampled_from(EVENT_KEYS), json_values(), max_size=2))
    event = extras.flatmap(lambda extra: st.fixed_dictionaries({"type": event_type}, optional=values).map(
        lambda e: {**extra, **e}))
    return st.lists(mostly(event, json_values()), max_size=5)


@EVENT_FUZZ
@given(data=st.data())
async def test_no_event_batch_gives_a_500_or_a_write_when_every_event_is_refused(client, team, world, watch, data):
    batch = data.draw(events(world), label="events")
    targets = [i for i, e in enumerate(batch) if isinstance(e, dict)]
    if targets and data.draw(st.integers(0, 4), label="attack?"):  # most batches: one attack in one event
        index = targets[data.draw(st.integers(0, len(targets) - 1), label="which event")]
        key, kind = data.draw(st.sampled_from(EVENT_ATTACKS), label="field")
        batch[index] = {**batch[index], key: data.draw(st.sampled_from(ATTACKS[kind]), label=f"attack at {key}")}
    ndjson = data.draw(st.booleans(), label="ndjson")
    if ndjson:
        body, kind = "\n".join(json.dumps(e) for e in batch).encode(), "application/x-ndjson"
    else:
        body, kind = json.dumps(batch).encode(), "application/json"
    before = await snapshot()
    logged = len(watch.records)
    response = await client.post(f"/api/v1/teams/{gid('Team', team.id)}/events", content=body,
                               headers={"authorization": f"Bearer {team.key}", "content-type": kind})
    STATS["event_examples"] += 1
    await check("events endpoint", response, watch, logged, (200, 400, 413))
    accepted = response.json().get("accepted", 0) if response.status_code == 200 else 0  # 500: already reported
    STATS["events_accepted"] += accepted
    if not accepted:
        await check_unchanged("events endpoint", before, f"{body[:500]!r} -> {response.text[:500]}")


def test_fuzz_figures() -> None:
    """Prints how much the two fuzz tests ran (pytest -s shows it)."""
    print(f"fuzz: {STATS['graphql_examples']} mutation inputs over {len(MUTATIONS)} mutations "
          f"({STATS['graphql_refused']} refused; {len(ACCEPTED)} mutations accepted at least once), "
          f"{STATS['event_examples']} event batches ({STATS['events_accepted']} events accepted); "
          f"accepted: {sorted(ACCEPTED)}")
    for key, detail in sorted(FAILURES.items()):
        print(f"  failure {key}\n      {detail}")
    if SURVEY:
        print(f"fuzz survey: {len(FAILURES)} distinct failures")
