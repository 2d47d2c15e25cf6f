"""TOTP two-factor through GraphQL, with the codes an authenticator app would show computed by
pyotp from the secret the API handed out: enrol, confirm, sign in with a code, a code works once,
recovery codes, the wrong-code limit, disabling, and the team rule that enforces it."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import parse_qs, urlparse

import pyotp
from test_staff import ACCEPT, INVITE, join, token_of

from app.core.crypto import decrypt_secret
from app.teams.models import AuditEntry, User

PASSWORD = "correct horse battery"
LOGIN = """mutation($e: String!, $p: String!, $c: String) {
  login(input: {email: $e, password: $p, code: $c}) { token user { twoFactorEnabled } userErrors { field code } } }"""
ENROLL = """mutation($p: String! = "correct horse battery") { enrollTwoFactor(input: {password: $p}) {
  secret otpauthUri userErrors { code } } }"""
CONFIRM = """mutation($c: String!) { confirmTwoFactor(input: {code: $c}) {
  user { twoFactorEnabled recoveryCodesLeft } recoveryCodes userErrors { field code } } }"""
DISABLE = """mutation($c: String!) { disableTwoFactor(input: {code: $c}) {
  user { twoFactorEnabled } userErrors { field code } } }"""
REQUIRE = """mutation($r: Boolean!) { setTeamTwoFactorRequired(input: {required: $r}) {
  team { requireTwoFactor } userErrors { code } } }"""
CONTACTS = "{ contacts(first: 1) { totalCount } }"


async def login(gql: Any, email: str, code: str | None = None) -> dict[str, Any]:
    return (await gql(LOGIN, {"e": email, "p": PASSWORD, "c": code}))["login"]


def error_codes(body: dict[str, Any]) -> list[str | None]:
    return [(e.get("extensions") or {}).get("code") for e in body.get("errors") or []]


async def enrolled(gql: Any, session: str) -> pyotp.TOTP:
    """Enrol and confirm; the authenticator app built from what the API returned."""
    enrolment = (await gql(ENROLL, token=session))["enrollTwoFactor"]
    assert enrolment["userErrors"] == []
    app = pyotp.TOTP(enrolment["secret"])
    confirmed = (await gql(CONFIRM, {"c": app.now()}, token=session))["confirmTwoFactor"]
    assert confirmed["userErrors"] == [] and len(confirmed["recoveryCodes"]) == 10
    return app


async def test_enrol_confirm_and_sign_in_with_a_code_that_works_once(gql, make_team):
    team = await make_team("Studio", password=PASSWORD)
    email = team.owner.email
    session = (await login(gql, email))["token"]
    enrolment = (await gql(ENROLL, token=session))["enrollTwoFactor"]
    uri = urlparse(enrolment["otpauthUri"])
    assert uri.scheme == "otpauth" and uri.netloc == "totp"
    assert parse_qs(uri.query)["secret"] == [enrolment["secret"]] and parse_qs(uri.query)["issuer"] == ["MemberHub"]
    user = await User.get(email=email)
    assert enrolment["secret"] not in (user.totp_secret_encrypted or "")  # encrypted at rest
    assert decrypt_secret(user.totp_secret_encrypted) == enrolment["secret"]
    # Not in force before it is confirmed, and a wrong first code does not confirm it.
    assert (await login(gql, email))["token"]
    app = pyotp.TOTP(enrolment["secret"])
    wrong = (await gql(CONFIRM, {"c": "000000" if app.now() != "000000" else "111111"}, token=session))
    assert wrong["confirmTwoFactor"]["userErrors"] == [{"field": "code", "code": "INVALID_TWO_FACTOR_CODE"}]
    confirmed = (await gql(CONFIRM, {"c": app.now()}, token=session))["confirmTwoFactor"]
    assert confirmed["user"] == {"twoFactorEnabled": True, "recoveryCodesLeft": 10}
    stored = str((await User.get(email=email)).totp_recovery_hashes)
    assert all(c not in stored and c.replace("-", "") not in stored for c in confirmed["recoveryCodes"])

    assert await login(gql, email) == {"token": None, "user": None,
                                       "userErrors": [{"field": "code", "code": "TWO_FACTOR_REQUIRED"}]}
    # The code that confirmed was used: the same step is refused (replay), the next one works once.
    replayed = await login(gql, email, app.now())
    assert replayed["token"] is None and replayed["userErrors"][0]["code"] == "INVALID_TWO_FACTOR_CODE"
    following = app.at(time.time() + app.interval)
    signed = await login(gql, email, following)
    assert signed["token"] and signed["user"] == {"twoFactorEnabled": True}
    assert (await login(gql, email, following))["userErrors"][0]["code"] == "INVALID_TWO_FACTOR_CODE"
    # A wrong password still says only that.
    bad = await gql(LOGIN, {"e": email, "p": "wrong password!", "c": following})
    assert bad["login"]["userErrors"] == [{"field": None, "code": "INVALID_CREDENTIALS"}]

    # A recovery code signs in once, dashes and case as typed.
    recovery = confirmed["recoveryCodes"][0]
    assert (await login(gql, email, f" {recovery.upper()} "))["token"]
    assert (await login(gql, email, recovery))["userErrors"][0]["code"] == "INVALID_TWO_FACTOR_CODE"
    me = await gql("{ viewer { user { recoveryCodesLeft } } }", token=session)
    assert me["viewer"]["user"]["recoveryCodesLeft"] == 9
    assert await AuditEntry.filter(team_id=team.id, action="user.two_factor_enabled").count() == 1

    # A session alone cannot enrol: it takes the password.
    other = await make_team("Other", password=PASSWORD)
    other_session = (await login(gql, other.owner.email))["token"]
    stolen = (await gql(ENROLL, {"p": "not the password"}, token=other_session))["enrollTwoFactor"]
    assert stolen == {"secret": None, "otpauthUri": None, "userErrors": [{"code": "INVALID_CREDENTIALS"}]}
    assert (await User.get(email=other.owner.email)).totp_secret_encrypted is None

    # On already: enrolling again is refused and changes nothing.
    again = (await gql(ENROLL, token=session))["enrollTwoFactor"]
    assert again == {"secret": None, "otpauthUri": None, "userErrors": [{"code": "TWO_FACTOR_ALREADY_ENABLED"}]}
    assert decrypt_secret((await User.get(email=email)).totp_secret_encrypted) == enrolment["secret"]


async def test_wrong_codes_are_limited_and_then_even_a_right_one_waits(gql, make_team):
    team = await make_team("Studio", password=PASSWORD)
    app = await enrolled(gql, (await login(gql, team.owner.email))["token"])
    wrong = "123456" if app.now() != "123456" else "654321"
    for _ in range(5):
        assert (await login(gql, team.owner.email, wrong))["userErrors"][0]["code"] == "INVALID_TWO_FACTOR_CODE"
    body = await gql.raw(LOGIN, {"e": team.owner.email, "p": PASSWORD, "c": app.at(time.time() + app.interval)})
    assert error_codes(body) == ["RATE_LIMITED"] and body["errors"][0]["extensions"]["retryAfter"] > 0
    for junk in ("", "12345", "1234567", "abcdef", "٠١٢٣٤٥", "x" * 500):  # malformed: a userError, not a 500
        other = await make_team(f"Other {len(junk)}", password=PASSWORD)
        await enrolled(gql, (await login(gql, other.owner.email))["token"])
        answer = await login(gql, other.owner.email, junk)
        assert answer["token"] is None and answer["userErrors"][0]["code"] in (
            "TWO_FACTOR_REQUIRED", "INVALID_TWO_FACTOR_CODE"), (junk, answer)


async def test_a_team_that_requires_it_lets_sessions_without_it_only_enrol(gql, team, other_team):
    session, _ = await join(gql, team, "sam@example.com", "STAFF", PASSWORD)
    assert (await gql(CONTACTS, token=session))["contacts"]["totalCount"] == 0
    # Only admins set the rule; a staff session is refused.
    assert error_codes(await gql.raw(REQUIRE, {"r": True}, token=session)) == ["FORBIDDEN"]
    assert (await gql(REQUIRE, {"r": True}, token=team.key))["setTeamTwoFactorRequired"] == {
        "team": {"requireTwoFactor": True}, "userErrors": []}
    [entry] = await AuditEntry.filter(team_id=team.id, action="settings.two_factor_changed")
    assert entry.details == {"from": False, "to": True}

    refused = await gql.raw(CONTACTS, token=session)
    assert error_codes(refused) == ["TWO_FACTOR_REQUIRED"] and refused.get("data") is None
    assert (await gql("{ viewer { role } }", token=session))["viewer"]["role"] == "staff"  # who am I still works
    assert (await gql(CONTACTS, token=team.key))["contacts"]["totalCount"] == 0  # API keys are not affected
    app = await enrolled(gql, session)
    assert (await gql(CONTACTS, token=session))["contacts"]["totalCount"] == 0
    # It cannot be turned off while the team requires it; another team's rule is its own.
    blocked = (await gql(DISABLE, {"c": app.at(time.time() + app.interval)}, token=session))["disableTwoFactor"]
    assert blocked["userErrors"] == [{"field": None, "code": "TWO_FACTOR_REQUIRED_BY_TEAM"}]
    assert (await gql("{ team { requireTwoFactor } }", token=other_team.key))["team"]["requireTwoFactor"] is False

    await gql(REQUIRE, {"r": False}, token=team.key)
    wrong = (await gql(DISABLE, {"c": "abc"}, token=session))["disableTwoFactor"]
    assert wrong["userErrors"] == [{"field": "code", "code": "INVALID_TWO_FACTOR_CODE"}]
    off = (await gql(DISABLE, {"c": app.at(time.time() + app.interval)}, token=session))["disableTwoFactor"]
    assert off == {"user": {"twoFactorEnabled": False}, "userErrors": []}
    assert (await login(gql, "sam@example.com"))["token"]
    assert (await User.get(email="sam@example.com")).totp_secret_encrypted is None


async def test_an_api_key_has_no_two_factor(gql, team):
    assert (await gql(ENROLL, token=team.key))["enrollTwoFactor"]["userErrors"] == [{"code": "NOT_A_USER"}]
    assert (await gql(CONFIRM, {"c": "123456"}, token=team.key))["confirmTwoFactor"]["userErrors"] == [
        {"field": None, "code": "NOT_A_USER"}]
    assert error_codes(await gql.raw(ENROLL)) == ["UNAUTHENTICATED"]


async def test_joining_another_team_with_an_account_that_has_it_takes_a_code(gql, make_team, team):
    first = await make_team("First", password=PASSWORD)
    app = await enrolled(gql, (await login(gql, first.owner.email))["token"])
    invited = await gql(INVITE, {"i": {"email": first.owner.email, "role": "ANALYST"}}, token=team.key)
    token = token_of(invited["inviteTeamMember"]["acceptUrl"])
    without = await gql(ACCEPT, {"i": {"token": token, "password": PASSWORD}})
    assert without["acceptTeamInvitation"]["userErrors"] == [{"field": "code", "code": "TWO_FACTOR_REQUIRED"}]
    accepted = await gql(ACCEPT, {"i": {
        "token": token, "password": PASSWORD, "code": app.at(time.time() + app.interval)}})
    assert accepted["acceptTeamInvitation"]["userErrors"] == [] and accepted["acceptTeamInvitation"]["token"]
