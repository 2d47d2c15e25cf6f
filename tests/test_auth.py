"""Bearer tokens: API keys (hashed, scoped, revocable) and user sessions (argon2 passwords)."""

from __future__ import annotations

from ids import gid, pk

from app.core.tokens import sha256_hex
from app.teams.models import ApiKey, TeamMember, TeamRole
from app.teams.service import create_api_key, hash_password

VIEWER = "{ viewer { scopes team { id name } user { email } apiKey { prefix } role } }"
CREATE_KEY = """
mutation($name: String!, $scopes: [String!]!) {
  createApiKey(input: {name: $name, scopes: $scopes}) {
    secret apiKey { id prefix scopes lastUsedAt active } userErrors { field message code }
  }
}"""


def error_code(body: dict) -> str:
    return body["errors"][0]["extensions"]["code"]


async def test_request_without_token_is_unauthenticated(gql):
    body = await gql.raw(VIEWER)
    assert error_code(body) == "UNAUTHENTICATED"


async def test_unknown_token_is_unauthenticated(gql, team):
    body = await gql.raw(VIEWER, token=team.key[:-4] + "abcd")
    assert error_code(body) == "UNAUTHENTICATED"
    assert "invalid" in body["errors"][0]["message"]


async def test_api_key_authenticates_for_its_team(gql, team):
    data = await gql(VIEWER, token=team.key)
    assert data["viewer"]["team"]["id"] == gid("Team", team.id)
    assert data["viewer"]["scopes"] == ["admin"]
    assert team.key.startswith(data["viewer"]["apiKey"]["prefix"] + "_")


async def test_created_key_is_shown_once_and_stored_hashed(gql, team):
    data = await gql(CREATE_KEY, {"name": "Zapier", "scopes": ["contacts:read"]}, token=team.key)
    payload = data["createApiKey"]
    assert payload["userErrors"] == []
    secret = payload["secret"]
    stored = await ApiKey.get(id=pk(payload["apiKey"]["id"]))
    assert stored.key_hash == sha256_hex(secret)
    assert secret not in (stored.key_hash, stored.prefix)
    listing = await gql("{ apiKeys { edges { node { id prefix name } } } }", token=team.key)
    names = [e["node"]["name"] for e in listing["apiKeys"]["edges"]]
    assert "Zapier" in names
    assert "secret" not in str(listing)


async def test_key_use_records_last_used_time(gql, team):
    key, secret = await create_api_key(team.team, "reader", ["contacts:read"])
    assert key.last_used_at is None
    await gql("{ contacts { totalCount } }", token=secret)
    await key.refresh_from_db()
    assert key.last_used_at is not None


async def test_revoked_key_is_refused(gql, team):
    key, secret = await create_api_key(team.team, "temp", ["contacts:read"])
    await gql("{ contacts { totalCount } }", token=secret)
    data = await gql(
        "mutation($id: ID!) { revokeApiKey(input: {id: $id}) { apiKey { active revokedAt } userErrors { code } } }",
        {"id": gid("ApiKey", key.id)}, token=team.key,
    )
    assert data["revokeApiKey"]["apiKey"]["active"] is False
    body = await gql.raw("{ contacts { totalCount } }", token=secret)
    assert error_code(body) == "UNAUTHENTICATED"


async def test_key_without_scope_is_forbidden(gql, team):
    _, secret = await create_api_key(team.team, "reader", ["contacts:read"])
    body = await gql.raw(
        'mutation { upsertContacts(input: {contacts: [{email: "a@b.co"}]}) { createdCount } }', token=secret
    )
    assert error_code(body) == "FORBIDDEN"
    body = await gql.raw(CREATE_KEY, {"name": "x", "scopes": ["admin"]}, token=secret)
    assert error_code(body) == "FORBIDDEN"
    assert (await gql("{ contacts { totalCount } }", token=secret))["contacts"]["totalCount"] == 0


async def test_unknown_scope_is_a_user_error(gql, team):
    data = await gql(CREATE_KEY, {"name": "x", "scopes": ["everything"]}, token=team.key)
    assert data["createApiKey"]["secret"] is None
    assert data["createApiKey"]["userErrors"][0]["code"] == "INVALID_SCOPE"
    assert await ApiKey.filter(team_id=team.id).count() == 1


LOGIN = """
mutation($email: String!, $password: String!) {
  login(input: {email: $email, password: $password}) { token user { email } userErrors { code message } }
}"""


async def test_login_with_password_gives_a_session_token(gql, make_team):
    owner = await make_team("Studio", owner_email="Maya@Example.com", password="correct horse battery")
    assert owner.owner.password_hash.startswith("$argon2")
    data = await gql(LOGIN, {"email": "maya@example.com", "password": "correct horse battery"})
    token = data["login"]["token"]
    assert token.startswith("mhs_")
    viewer = (await gql(VIEWER, token=token))["viewer"]
    assert viewer["user"]["email"] == "maya@example.com"
    assert viewer["role"] == "owner"
    assert viewer["team"]["id"] == gid("Team", owner.id)
    await gql("mutation { logout { ok } }", token=token)
    assert error_code(await gql.raw(VIEWER, token=token)) == "UNAUTHENTICATED"


async def test_wrong_password_is_refused_without_saying_which_part(gql, make_team):
    await make_team("Studio", owner_email="maya@example.com", password="correct horse battery")
    wrong = await gql(LOGIN, {"email": "maya@example.com", "password": "nope"})
    unknown = await gql(LOGIN, {"email": "nobody@example.com", "password": "nope"})
    assert wrong["login"]["token"] is None
    assert wrong["login"]["userErrors"] == unknown["login"]["userErrors"]
    assert wrong["login"]["userErrors"][0]["code"] == "INVALID_CREDENTIALS"


async def test_staff_cannot_manage_api_keys(gql, team):
    from app.teams.models import User

    staff = await User.create(email="staff@example.com", name="Staff", password_hash=await hash_password("pw-staff-123"))
    await TeamMember.create(team=team.team, user=staff, role=TeamRole.STAFF)
    token = (await gql(LOGIN, {"email": "staff@example.com", "password": "pw-staff-123"}))["login"]["token"]
    assert error_code(await gql.raw(CREATE_KEY, {"name": "x", "scopes": ["admin"]}, token=token)) == "FORBIDDEN"
    data = await gql('mutation { upsertContacts(input: {contacts: [{email: "a@b.co"}]}) { createdCount } }', token=token)
    assert data["upsertContacts"]["createdCount"] == 1
