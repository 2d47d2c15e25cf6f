"""Staff of a team through GraphQL: invitations mailed over real SMTP and accepted with a password,
roles and their scopes, the last-owner rule, sessions listed and revoked, and the audit log."""

from __future__ import annotations

import json
import re
from typing import Any

from ids import gid
from test_email_helpers import make_hub, run_worker

from app.email.models import EmailSend
from app.teams.models import TeamInvitation, TeamMember, TeamRole, User
from app.teams.service import ROLE_SCOPES

pytest_plugins = ["test_email_helpers"]  # the smtp fixture

INVITE = """
mutation($i: InviteTeamMemberInput!) {
  inviteTeamMember(input: $i) { invitation { id email role } acceptUrl mailed userErrors { field code } }
}"""
ACCEPT = """
mutation($i: AcceptInvitationInput!) {
  acceptTeamInvitation(input: $i) { token user { id email } team { id } userErrors { field code } }
}"""
ROLE = """
mutation($i: ChangeTeamMemberRoleInput!) {
  changeTeamMemberRole(input: $i) { member { role scopes user { id } } userErrors { field code } }
}"""
REMOVE = """
mutation($i: RemoveTeamMemberInput!) { removeTeamMember(input: $i) { member { role } userErrors { field code } } }"""
MEMBERS = "{ teamMembers { nodes { role user { id email } } } }"
LOGIN = "mutation($i: LoginInput!) { login(input: $i) { token userErrors { code } } }"


def token_of(url: str) -> str:
    match = re.search(r"#token=(mhi_\S+)$", url)
    assert match, url
    return match.group(1)


async def join(gql: Any, team: Any, email: str, role: str, password: str = "correct horse battery") -> tuple[str, str]:
    invited = await gql(INVITE, {"i": {"email": email, "role": role}}, token=team.key)
    assert invited["inviteTeamMember"]["userErrors"] == []
    accepted = await gql(ACCEPT, {"i": {"token": token_of(invited["inviteTeamMember"]["acceptUrl"]),
                                        "password": password}})
    assert accepted["acceptTeamInvitation"]["userErrors"] == [], accepted
    return accepted["acceptTeamInvitation"]["token"], accepted["acceptTeamInvitation"]["user"]["id"]


async def test_an_invitation_is_mailed_hashed_at_rest_and_accepted_with_a_password(gql, team, other_team, smtp):
    await make_hub(gql, team, smtp)
    invited = await gql(INVITE, {"i": {"email": " Sam@Example.com ", "role": "ANALYST"}}, token=team.key)
    payload = invited["inviteTeamMember"]
    assert payload["userErrors"] == [] and payload["mailed"] is True
    assert payload["invitation"]["email"] == "sam@example.com" and payload["invitation"]["role"] == "ANALYST"
    token = token_of(payload["acceptUrl"])
    # Through the email outbox: a send without a contact, the link sealed in it, delivered by the worker.
    [queued] = await EmailSend.filter(team_id=team.id, kind="team_invitation")
    assert queued.team_contact_id is None and queued.to_address == "sam@example.com"
    assert token not in json.dumps(queued.context)
    assert smtp.to("sam@example.com") == []
    await run_worker()
    [mail] = smtp.to("sam@example.com")
    assert mail["Subject"] == "Join Acme Studio on MemberHub" and token in mail.get_body(("plain",)).get_content()
    sent = await EmailSend.get(id=queued.id)
    assert sent.state == "sent" and sent.context == {"team_name": "Acme Studio", "role": "analyst",
                                                     "inviter": ""}  # the sealed link is wiped once sent
    row = await TeamInvitation.get(email="sam@example.com")
    assert token not in row.token_hash and len(row.token_hash) == 64

    weak = await gql(ACCEPT, {"i": {"token": token, "password": "short"}})
    assert weak["acceptTeamInvitation"]["userErrors"] == [{"field": "password", "code": "WEAK_PASSWORD"}]
    accepted = await gql(ACCEPT, {"i": {"token": token, "password": "a long enough password", "name": "Sam"}})
    session = accepted["acceptTeamInvitation"]["token"]
    viewer = await gql("{ viewer { role scopes user { email name } } }", token=session)
    assert viewer["viewer"]["role"] == "analyst"
    assert set(viewer["viewer"]["scopes"]) == set(ROLE_SCOPES[TeamRole.ANALYST])
    assert all(s.endswith(":read") for s in viewer["viewer"]["scopes"]) and "reports:read" in viewer["viewer"]["scopes"]
    again = await gql(ACCEPT, {"i": {"token": token, "password": "a long enough password"}})
    assert again["acceptTeamInvitation"]["userErrors"] == [{"field": "token", "code": "INVALID_INVITATION"}]
    login = await gql(LOGIN, {"i": {"email": "sam@example.com", "password": "a long enough password"}})
    assert login["login"]["token"]

    # An analyst reads but does not write; another team's owner can't see the invitation.
    refused = await gql.raw('mutation { createHub(input: {name: "Nope"}) { hub { id } } }', token=session)
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await gql("{ teamInvitations(includeClosed: true) { totalCount } }",
                      token=other_team.key))["teamInvitations"]["totalCount"] == 0
    for bad, expected in [({"email": "nope", "role": "STAFF"}, [{"field": "email", "code": "INVALID_EMAIL"}]),
                          ({"email": "sam@example.com", "role": "STAFF"},
                           [{"field": "email", "code": "ALREADY_MEMBER"}])]:
        result = await gql(INVITE, {"i": bad}, token=team.key)
        assert result["inviteTeamMember"]["userErrors"] == expected
    forged = await gql(ACCEPT, {"i": {"token": f"mhi_{team.id}_forged", "password": "a long enough password"}})
    assert forged["acceptTeamInvitation"]["userErrors"] == [{"field": "token", "code": "INVALID_INVITATION"}]


async def test_an_existing_user_joins_with_their_own_password_and_a_newer_invitation_replaces_the_old(
        gql, team, other_team):
    await join(gql, other_team, "pat@example.com", "STAFF", password="pat's own password")
    first = await gql(INVITE, {"i": {"email": "pat@example.com", "role": "STAFF"}}, token=team.key)
    second = await gql(INVITE, {"i": {"email": "pat@example.com", "role": "MODERATOR"}}, token=team.key)
    old = token_of(first["inviteTeamMember"]["acceptUrl"])
    new = token_of(second["inviteTeamMember"]["acceptUrl"])
    assert second["inviteTeamMember"]["mailed"] is False  # no hub with email settings: the link is in the payload
    stale = await gql(ACCEPT, {"i": {"token": old, "password": "pat's own password"}})
    assert stale["acceptTeamInvitation"]["userErrors"] == [{"field": "token", "code": "INVALID_INVITATION"}]
    wrong = await gql(ACCEPT, {"i": {"token": new, "password": "a guess of a password"}})
    assert wrong["acceptTeamInvitation"]["userErrors"] == [{"field": "password", "code": "INVALID_CREDENTIALS"}]
    ok = await gql(ACCEPT, {"i": {"token": new, "password": "pat's own password"}})
    assert ok["acceptTeamInvitation"]["userErrors"] == []
    user = await User.get(email="pat@example.com")
    # One user, two teams, a role in each (the membership table is what agencies build on).
    roles = {m.team_id: m.role for m in await TeamMember.filter(user_id=user.id)}
    assert roles == {other_team.id: TeamRole.STAFF, team.id: TeamRole.MODERATOR}
    session = ok["acceptTeamInvitation"]["token"]
    viewer = await gql("{ viewer { role scopes } }", token=session, headers={"X-MemberHub-Team": str(team.id)})
    assert viewer["viewer"]["role"] == "moderator" and "hubs:write" in viewer["viewer"]["scopes"]


async def test_roles_change_and_the_last_owner_stays(gql, make_team, other_team):
    team = await make_team("Roles", password="owner password 123")
    staff_session, staff_id = await join(gql, team, "sky@example.com", "STAFF")
    admin_session, admin_id = await join(gql, team, "ada@example.com", "ADMIN")
    owner_id = gid("User", team.owner.id)

    promoted = await gql(ROLE, {"i": {"userId": staff_id, "role": "ANALYST"}}, token=team.key)
    assert promoted["changeTeamMemberRole"]["member"]["role"] == "ANALYST"
    # An admin may not make or unmake owners; the owner may, but not leave the team without one.
    for role_input in ({"userId": staff_id, "role": "OWNER"}, {"userId": owner_id, "role": "ADMIN"}):
        refused = await gql(ROLE, {"i": role_input}, token=admin_session)
        assert refused["changeTeamMemberRole"]["userErrors"] == [{"field": "role", "code": "OWNER_ONLY"}]
    owner_key_viewer = await gql("{ viewer { role } }", token=team.key)
    assert owner_key_viewer["viewer"]["role"] is None  # the team's key is no user: owner-only moves need one
    owner_session = (await gql(LOGIN, {"i": {"email": team.owner.email, "password": "owner password 123"}}))["login"]
    assert owner_session["token"], owner_session
    owner = owner_session["token"]
    last = await gql(ROLE, {"i": {"userId": owner_id, "role": "ADMIN"}}, token=owner)
    assert last["changeTeamMemberRole"]["userErrors"] == [{"field": "userId", "code": "LAST_OWNER"}]
    removed_last = await gql(REMOVE, {"i": {"userId": owner_id}}, token=owner)
    assert removed_last["removeTeamMember"]["userErrors"] == [{"field": "userId", "code": "LAST_OWNER"}]
    made = await gql(ROLE, {"i": {"userId": admin_id, "role": "OWNER"}}, token=owner)
    assert made["changeTeamMemberRole"]["userErrors"] == []
    stepped_down = await gql(ROLE, {"i": {"userId": owner_id, "role": "ADMIN"}}, token=owner)
    assert stepped_down["changeTeamMemberRole"]["userErrors"] == []

    removed = await gql(REMOVE, {"i": {"userId": staff_id}}, token=admin_session)
    assert removed["removeTeamMember"]["userErrors"] == []
    gone = await gql.raw("{ viewer { role } }", token=staff_session)
    assert gone["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    members = {n["user"]["email"]: n["role"] for n in (await gql(MEMBERS, token=team.key))["teamMembers"]["nodes"]}
    assert members == {team.owner.email: "ADMIN", "ada@example.com": "OWNER"}
    foreign = await gql(REMOVE, {"i": {"userId": admin_id}}, token=other_team.key)
    assert foreign["removeTeamMember"]["userErrors"] == [{"field": "userId", "code": "NOT_FOUND"}]
    bad = await gql(ROLE, {"i": {"userId": "not-an-id", "role": "STAFF"}}, token=team.key)
    assert bad["changeTeamMemberRole"]["userErrors"] == [{"field": "userId", "code": "INVALID_ID"}]


async def test_sessions_are_listed_and_revoked_and_the_audit_log_says_who_did_what(gql, team, other_team):
    session, user_id = await join(gql, team, "lee@example.com", "STAFF")
    second = (await gql(LOGIN, {"i": {"email": "lee@example.com", "password": "correct horse battery"}}))["login"]["token"]
    mine = await gql("{ sessions { nodes { id userId } } }", token=session)
    assert len(mine["sessions"]["nodes"]) == 2 and {n["userId"] for n in mine["sessions"]["nodes"]} == {user_id}
    # An admin sees a member's sessions; another team sees none of them and cannot revoke them.
    listed = await gql("query($u: ID) { sessions(userId: $u) { totalCount } }", {"u": user_id}, token=team.key)
    assert listed["sessions"]["totalCount"] == 2
    assert (await gql("query($u: ID) { sessions(userId: $u) { totalCount } }", {"u": user_id},
                      token=other_team.key))["sessions"]["totalCount"] == 0
    target = mine["sessions"]["nodes"][0]["id"]
    revoke = "mutation($i: RevokeByIdInput!) { revokeSession(input: $i) { session { id } userErrors { field code } } }"
    foreign = await gql(revoke, {"i": {"id": target}}, token=other_team.key)
    assert foreign["revokeSession"]["userErrors"] == [{"field": "id", "code": "NOT_FOUND"}]
    done = await gql(revoke, {"i": {"id": target}}, token=team.key)
    assert done["revokeSession"]["userErrors"] == []
    left = [t for t in (session, second)
            if not (await gql.raw("{ viewer { role } }", token=t)).get("errors")]
    assert len(left) == 1

    key = await gql.raw('mutation { createApiKey(input: {name: "Zapier", scopes: ["contacts:read"]}) '
                        '{ apiKey { id } } }', token=left[0])
    assert key["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # staff hold no admin scope
    created = await gql('mutation { createApiKey(input: {name: "Zapier", scopes: ["contacts:read"]}) '
                        '{ apiKey { id } } }', token=team.key)
    await gql("mutation($i: RevokeApiKeyInput!) { revokeApiKey(input: $i) { apiKey { id } } }",
              {"i": {"id": created["createApiKey"]["apiKey"]["id"]}}, token=team.key)
    segment = await gql('mutation { createSegment(input: {name: "VIPs", kind: STATIC}) { segment { id } } }',
                        token=left[0])
    log = await gql("{ auditLog(first: 20) { nodes { actor actorUserId action targetType targetId details } } }",
                    token=team.key)
    entries = log["auditLog"]["nodes"]
    actions = [e["action"] for e in entries]
    assert actions[:4] == ["segment.created", "api_key.revoked", "api_key.created", "session.revoked"]
    assert "member.invited" in actions and "member.joined" in actions
    created_segment = entries[0]
    assert created_segment["actor"] == "lee@example.com" and created_segment["actorUserId"] == user_id
    assert created_segment["targetId"] == segment["createSegment"]["segment"]["id"]
    assert entries[2]["actor"].startswith("API key Owner key") and entries[2]["details"]["name"] == "Zapier"
    filtered = await gql('{ auditLog(action: "segment.created") { totalCount } }', token=team.key)
    assert filtered["auditLog"]["totalCount"] == 1
    assert (await gql("{ auditLog { totalCount } }", token=other_team.key))["auditLog"]["totalCount"] == 0
    refused = await gql.raw("{ auditLog { totalCount } }", token=left[0])
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
