"""Unauthenticated sign-in paths are rate limited per client address and per account, across codes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

import httpx
import pytest
from ids import gid
from test_content_member import build_hub, join

from app.access import members
from app.asgi import create_app
from app.settings import get_settings

LOGIN = """mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) {
  token userErrors { code } } }"""
REQUEST_CODE = "mutation($i: RequestMemberSignInCodeInput!) { requestMemberSignInCode(input: $i) { sent } }"
SIGN_IN = "mutation($i: SignInMemberInput!) { signInMember(input: $i) { token userErrors { code } } }"


@pytest.fixture
async def client(request: pytest.FixtureRequest) -> AsyncIterator[httpx.AsyncClient]:
    """A client, from one address, of an app with the limits the test names (indirect parameter)."""
    settings = replace(get_settings(), **getattr(request, "param", {}))
    transport = httpx.ASGITransport(app=create_app(settings, manage_orm=False), client=("203.0.113.7", 5000))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        yield http


async def post(client: httpx.AsyncClient, query: str, variables: dict) -> dict:
    response = await client.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200
    return response.json()


def refused(body: dict) -> int:
    """The retry-after seconds of a RATE_LIMITED error."""
    [error] = body["errors"]
    assert error["extensions"]["code"] == "RATE_LIMITED", body
    assert "try again in" in error["message"]
    return error["extensions"]["retryAfter"]


@pytest.mark.parametrize("client", [{"login_limit_per_address": "3/minute"}], indirect=True)
async def test_logins_from_one_address_are_limited_before_any_password_is_hashed(client, make_team):
    await make_team("Studio", owner_email="maya@example.com", password="correct horse battery")
    for _ in range(3):
        body = await post(client, LOGIN, {"e": "maya@example.com", "p": "wrong"})
        assert body["data"]["login"]["userErrors"] == [{"code": "INVALID_CREDENTIALS"}]
    # Right password or not, any account: the address has spent its attempts for this minute.
    assert 0 < refused(await post(client, LOGIN, {"e": "maya@example.com", "p": "correct horse battery"})) <= 60
    assert refused(await post(client, LOGIN, {"e": "other@example.com", "p": "x"})) > 0


@pytest.mark.parametrize("client", [{"login_failures_per_account": "2/minute"}], indirect=True)
async def test_failed_logins_of_one_account_are_limited_whatever_the_address(client, gql, make_team):
    await make_team("Studio", owner_email="maya@example.com", password="correct horse battery")
    await make_team("Other", owner_email="omar@example.com", password="another good one")
    for _ in range(2):
        body = await post(client, LOGIN, {"e": "Maya@example.com", "p": "wrong"})
        assert body["data"]["login"]["token"] is None
    assert refused(await post(client, LOGIN, {"e": "maya@example.com", "p": "correct horse battery"})) > 0
    # Another account from the same address is not affected, and an unknown email is limited the same way.
    ok = await post(client, LOGIN, {"e": "omar@example.com", "p": "another good one"})
    assert ok["data"]["login"]["token"].startswith("mhs_")
    for _ in range(2):
        await post(client, LOGIN, {"e": "nobody@example.com", "p": "x"})
    assert refused(await post(client, LOGIN, {"e": "nobody@example.com", "p": "x"})) > 0


@pytest.mark.parametrize("client", [{"sign_in_failures_per_member": "7/hour"}], indirect=True)
async def test_a_new_sign_in_code_brings_no_new_guesses(client, team):
    s = await build_hub(team)
    hub = gid("Hub", s.hub.id)
    first = await members.admin_issue_code(s.hub.team_id, s.hub.id, s.ava.id)
    for _ in range(members.MAX_ATTEMPTS):  # the first code is burnt
        body = await post(client, SIGN_IN, {"i": {"hubId": hub, "email": "ava@example.com", "code": "99999999"}})
        assert body["data"]["signInMember"]["userErrors"] == [{"code": "INVALID_CODE"}]
    assert first.code != "99999999"
    second = await members.admin_issue_code(s.hub.team_id, s.hub.id, s.ava.id)
    for _ in range(2):  # what is left of the member's guesses across codes
        body = await post(client, SIGN_IN, {"i": {"hubId": hub, "email": "ava@example.com", "code": "99999999"}})
        assert body["data"]["signInMember"]["userErrors"] == [{"code": "INVALID_CODE"}]
    # Even the right new code is refused now, and nothing was created.
    body = await post(client, SIGN_IN, {"i": {"hubId": hub, "email": "AVA@example.com", "code": second.code}})
    assert refused(body) > 0
    assert body["data"] is None
    # Another member of the hub still signs in.
    await join(s.hub, s.carl)
    carl_code = await members.admin_issue_code(s.hub.team_id, s.hub.id, s.carl.id)
    ok = await post(client, SIGN_IN, {"i": {"hubId": hub, "email": "carl@example.com", "code": carl_code.code}})
    assert ok["data"]["signInMember"]["token"].startswith("mhm_")


@pytest.mark.parametrize("client", [{"sign_in_codes_per_member": "2/hour", "sign_in_limit_per_address": "4/minute"}],
                         indirect=True)
async def test_sign_in_code_requests_are_limited_per_email_and_per_address(client, team):
    s = await build_hub(team)
    hub = gid("Hub", s.hub.id)
    sent = []

    async def capture(code: members.SignInCode) -> None:
        sent.append(code)

    members.code_senders.append(capture)
    try:
        for _ in range(2):
            body = await post(client, REQUEST_CODE, {"i": {"hubId": hub, "email": "ava@example.com"}})
            assert body["data"]["requestMemberSignInCode"]["sent"] is True
        assert refused(await post(client, REQUEST_CODE, {"i": {"hubId": hub, "email": "ava@example.com"}})) > 0
        # Another email, member or not, has its own count; the address runs out after four requests.
        body = await post(client, REQUEST_CODE, {"i": {"hubId": hub, "email": "nobody@example.com"}})
        assert body["data"]["requestMemberSignInCode"]["sent"] is True
        assert refused(await post(client, REQUEST_CODE, {"i": {"hubId": hub, "email": "nobody@example.com"}})) > 0
    finally:
        members.code_senders.remove(capture)
    assert len(sent) == 2
