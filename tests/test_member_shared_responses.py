"""Member tree responses shared between members with equal outcomes (app/access/shared_graphql.py):
byte for byte what running the document gives, different as soon as anything the member's tree
depends on changes, and never for documents with per-member fields or documents that fail."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import factories
import httpx
import pytest
from ids import gid
from test_member_tree import JSON_FIELDS, build, token_of

from app.access.shared_graphql import is_shared_document, shared_responses
from app.commerce.models import Entitlement
from app.content import service as content
from app.hubs.models import HubMembership
from app.segments.models import SegmentMembership

WHOLE = f"{{ myHub {{ id lessonCount accessibleLessonCount contentTreeJson contentTree {{ {JSON_FIELDS} }} }} }}"
COURSE = f"""query Course($root: ID!) {{ myHub {{ contentTree(rootId: $root) {{ ...node }} }} }}
fragment node on MemberContentNode {{ {JSON_FIELDS} children {{ id title }} }}"""
LEVELS = """query($depth: Int, $full: Boolean!) { myHub { roots { id title children @include(if: $full) { id canAccess } }
  contentTree(depth: $depth) { __typename ... on MemberContentNode { id depth lessonCount } } } }"""


@pytest.fixture(autouse=True)
def _empty_cache():
    shared_responses.clear()


async def twin_of(s, name: str):
    """A new member whose access equals `name`'s (joined at the same moment, so drips open together)."""
    joined = (await HubMembership.get(hub_id=s.hub.id, team_contact_id=s.people[name].id)).joined_at
    twin = await factories.contact(s.team, f"twin-of-{name}@example.com")
    await factories.hub_member(s.team, s.hub, twin, joined_at=joined)
    return twin


async def post(client: httpx.AsyncClient, token: str, query: str, variables: dict | None = None,
               operation: str | None = None) -> bytes:
    body: dict = {"query": query, "variables": variables or {}}
    if operation:
        body["operationName"] = operation
    response = await client.post("/graphql", json=body, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    return response.content


async def counted(http: httpx.AsyncClient) -> dict[str, float]:
    text = (await http.get("/metrics")).text
    return {outcome: float(value) for outcome, value in re.findall(
        r'^memberhub_member_shared_responses_total\{outcome="(\w+)"\} (\S+)$', text, re.M)}


async def test_a_shared_response_is_byte_for_byte_what_running_the_document_gives(http, unshared, team):
    s = await build(team)
    twin = await twin_of(s, "plain")
    people = {**s.people, "twin": twin}
    people.pop("banned")  # banned tokens are refused at sign-in
    tokens = {name: await token_of(s, contact) for name, contact in people.items()}
    documents = [(WHOLE, {}, None), (COURSE, {"root": gid("MemberContentNode", s.paid.id)}, "Course"),
                 (COURSE, {"root": gid("MemberContentNode", s.a.id)}, "Course"),
                 (LEVELS, {"depth": 1, "full": True}, None), (LEVELS, {"depth": 0, "full": False}, None)]
    for index, (query, variables, operation) in enumerate(documents):
        assert is_shared_document(query, operation)
        answers = {}
        for name, token in tokens.items():
            before = await counted(http)
            shared = await post(http, token, query, variables, operation)
            after = await counted(http)
            ran = await post(unshared, token, query, variables, operation)
            assert shared == ran, (name, query[:40], variables)
            answers[name] = shared
            hit = after.get("hit", 0) - before.get("hit", 0)
            if name in ("plain", "twin"):  # plain runs first; the twin always finds plain's response
                assert hit == (1 if name == "twin" else 0), name
        assert answers["twin"] == answers["plain"]
        if index < 4:  # the last one reads nothing the decisions change: one answer for everyone
            assert len({answers[n] for n in ("plain", "segment", "buyer", "old")}) > 1, query
    assert b"paid secret" in (await post(http, tokens["buyer"], *documents[1][:2], "Course"))
    assert b"paid secret" not in (await post(http, tokens["plain"], *documents[1][:2], "Course"))


async def test_a_course_page_is_shared_by_members_who_differ_only_outside_that_course(http, unshared, team):
    s = await build(team)
    joined = (await HubMembership.get(hub_id=s.hub.id, team_contact_id=s.people["plain"].id)).joined_at
    await HubMembership.filter(hub_id=s.hub.id, team_contact_id=s.people["segment"].id).update(joined_at=joined)
    plain, segment = await token_of(s, s.people["plain"]), await token_of(s, s.people["segment"])
    free = {"root": gid("MemberContentNode", s.free.id)}
    gated = {"root": gid("MemberContentNode", s.a.id)}
    first = await post(http, plain, COURSE, free, "Course")
    before = await counted(http)
    assert await post(http, segment, COURSE, free, "Course") == first  # course A differs; course F does not
    assert (await counted(http))["hit"] == before.get("hit", 0) + 1
    assert await post(unshared, segment, COURSE, free, "Course") == first
    assert await post(http, segment, COURSE, gated, "Course") != await post(http, plain, COURSE, gated, "Course")
    both = """query($a: ID!, $f: ID!) { myHub { a: contentTree(rootId: $a) { title canAccess body }
      f: contentTree(rootId: $f) { title canAccess } } }"""
    two = {"a": gated["root"], "f": free["root"]}
    assert await post(http, segment, both, two) != await post(http, plain, both, two)
    assert await post(http, segment, both, two) == await post(unshared, segment, both, two)
    bad = await http.post("/graphql", json={"query": COURSE, "variables": {"root": "not-an-id"}},
                          headers={"Authorization": f"Bearer {plain}"})
    assert bad.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_a_change_to_what_the_tree_depends_on_changes_the_response_at_once(http, team):
    s = await build(team)
    me, other = s.people["plain"], await twin_of(s, "plain")
    token, other_token = await token_of(s, me), await token_of(s, other)
    first = await post(http, token, WHOLE)
    assert await post(http, other_token, WHOLE) == first and b"alpha secret" not in first
    await SegmentMembership.create(team=s.team, segment=s.segment, team_contact=me)  # the section opens for me
    joined = await post(http, token, WHOLE)
    assert b"alpha secret" in joined
    assert await post(http, other_token, WHOLE) == first  # the other member's tree is unchanged
    await Entitlement.create(team=s.team, team_contact=me, product=s.product, status="active",
                             starts_at=datetime.now(UTC) - timedelta(days=1))
    bought = await post(http, token, WHOLE)
    assert b"paid secret" in bought and b"paid secret" not in joined
    await content.update_node(s.team, s.f1.id, content.NodeChanges(title="Lesson F1, renamed"))  # a new version
    renamed = await post(http, other_token, WHOLE)
    assert b"Lesson F1, renamed" in renamed and b"Lesson F1, renamed" not in first


async def test_documents_with_per_member_fields_run_for_each_member(http, team):
    s = await build(team)
    twin = await twin_of(s, "plain")
    mine, twins = await token_of(s, s.people["plain"]), await token_of(s, twin)
    await content.start_lesson(s.team.id, s.hub.id, s.people["plain"].id, s.f1.id)
    with_progress = "{ myHub { contentTree { id title progress { startedAt completed } } } }"
    with_contact = "{ myHub { contactId lessonCount } }"
    with_search = '{ myHub { lessonCount } mySearch(query: "secret") { totalCount } }'
    for query in (with_progress, with_contact, with_search, "mutation { __typename }", "{ __typename }",
                  "{ myHub { id __typename } }", "{ myHub { contentTree { ... on Node { id } } } }"):
        assert not is_shared_document(query, None)
    before = await counted(http)
    for query in (with_progress, with_contact):
        assert await post(http, mine, query) != await post(http, twins, query)
    assert await counted(http) == before  # neither looked in the shared responses
    started = [n for n in (await http.post("/graphql", json={"query": with_progress},
                                           headers={"Authorization": f"Bearer {mine}"})).json()
               ["data"]["myHub"]["contentTree"] if n["progress"]]
    assert [n["title"] for n in started] == ["Lesson F1"]


async def test_failing_documents_and_bad_variables_never_come_from_the_shared_responses(http, team):
    s = await build(team)
    token = await token_of(s, s.people["plain"])
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    levels = "query($depth: Int) { myHub { contentTree(depth: $depth) { id } } }"
    cases = [
        ({"query": "{ myHub { contentTree { id nope } } }"}, None),  # does not validate
        ({"query": levels, "variables": {"depth": -1}}, "BAD_USER_INPUT"),
        ({"query": levels, "variables": {"depth": "one"}}, None),
        ({"query": "{ myHub { contentTree { id } }"}, None),  # does not parse
    ]
    for body, code in cases:
        for _ in range(2):
            response = await http.post("/graphql", json=body, headers=headers)
            assert response.status_code == 200, response.text
            errors = response.json()["errors"]
            assert errors, body
            if code:
                assert errors[0]["extensions"]["code"] == code, errors
    assert len(shared_responses) == 0
    nan = b'{"query": "query($depth: Int) { myHub { contentTree(depth: $depth) { id } } }", "variables": {"depth": NaN}}'
    for _ in range(2):
        response = await http.post("/graphql", content=nan, headers=headers)
        assert response.status_code in (200, 400) and response.json()["errors"], response.text
    assert len(shared_responses) == 0
    ok = await post(http, token, levels, {"depth": 0})
    assert b'"errors"' not in ok and len(shared_responses) == 1


async def test_staff_and_anonymous_callers_never_get_a_members_response(http, team):
    s = await build(team)
    token = await token_of(s, s.people["buyer"])
    await post(http, token, WHOLE)
    assert len(shared_responses) == 1
    staff = (await http.post("/graphql", json={"query": WHOLE}, headers={"Authorization": f"Bearer {team.key}"})).json()
    anonymous = (await http.post("/graphql", json={"query": WHOLE})).json()
    for body in (staff, anonymous):
        assert body["data"] is None or body["data"]["myHub"] is None
        assert body["errors"][0]["extensions"]["code"] in ("FORBIDDEN", "UNAUTHENTICATED")
    revoked_token = await token_of(s, s.people["segment"])
    await post(http, revoked_token, WHOLE)
    await http.post("/graphql", json={"query": "mutation { signOutMember }"},
                    headers={"Authorization": f"Bearer {revoked_token}"})
    after = (await http.post("/graphql", json={"query": WHOLE},
                             headers={"Authorization": f"Bearer {revoked_token}"})).json()
    assert after["data"] is None or after["data"]["myHub"] is None, after


async def test_documents_and_variables_callers_send_count_against_the_budget(http, team):
    s = await build(team)
    token = await token_of(s, s.people["plain"])
    unknown = {"root": gid("MemberContentNode", 10**9)}  # an empty answer: a few bytes under a long key
    await post(http, token, COURSE, unknown, "Course")
    assert len(shared_responses) == 1
    assert shared_responses.size >= len(COURSE) + len('{"root":""}')  # the key's text is paid for
    # Variables beyond what a tree document needs (graphql-core ignores undeclared ones): never a key.
    padded = {**unknown, "padding": "x" * 5000}
    answer = await post(http, token, COURSE, padded, "Course")
    assert b'"contentTree":[]' in answer and len(shared_responses) == 1
