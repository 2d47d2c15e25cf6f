"""GraphQL for a team's staff: members and roles, invitations, sessions, and the audit log."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.enums import described_enum
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, gid, id_arg, id_input
from app.graphql.nodes import NodeType, staff, team_rows
from app.teams import audit
from app.teams import staff as staff_service
from app.teams.graphql import TeamType, UserType
from app.teams.models import AuditEntry, TeamInvitation, TeamMember, TeamRole, UserSession
from app.teams.service import ADMIN_SCOPE, ROLE_SCOPES

TeamRoleEnum = described_enum(TeamRole, name="TeamRole", description=(
    "OWNER and ADMIN may do everything (only owners manage owners); STAFF reads and writes everything "
    "but keys and settings; ANALYST reads (reports included); MODERATOR runs hubs and their community."), values={
    "OWNER": "Everything, including making, demoting and removing owners; a team keeps at least one.",
    "ADMIN": "Everything (members, keys, settings) except managing owners.",
    "STAFF": "Reads and writes everything but API keys and settings.",
    "ANALYST": "Reads everything, reports included; changes nothing.",
    "MODERATOR": "Runs hubs and their community.",
})


INPUT = strawberry.argument(description="What to do.")


@strawberry.type(name="TeamMember", description="A user's membership of this team.")
class TeamMemberType:
    user: UserType = strawberry.field(description="The member.")
    role: TeamRole = strawberry.field(description="Their role in this team.")
    scopes: list[str] = strawberry.field(description="The scopes their role grants, sorted.")
    joined_at: datetime = strawberry.field(description="When they joined the team (UTC).")

    @classmethod
    def from_model(cls, m: TeamMember) -> TeamMemberType:
        return cls(user=UserType.from_model(m.user), role=TeamRole(m.role),
                   scopes=sorted(ROLE_SCOPES[TeamRole(m.role)]), joined_at=m.created_at)


@strawberry.type(name="TeamInvitation", description="An emailed invitation to join the team in a role.")
class TeamInvitationType(relay.Node):
    id: relay.NodeID[int]
    email: str = strawberry.field(description="The address invited.")
    role: TeamRole = strawberry.field(description="The role it grants on acceptance.")
    created_at: datetime = strawberry.field(description="When it was sent (UTC).")
    expires_at: datetime = strawberry.field(description="When it stops working unless accepted (UTC).")
    accepted_at: datetime | None = strawberry.field(description="When it was accepted (UTC); null if not.")
    revoked_at: datetime | None = strawberry.field(description="When it was withdrawn (UTC); null if not.")

    @classmethod
    def from_model(cls, m: TeamInvitation) -> TeamInvitationType:
        return cls(id=m.id, email=m.email, role=TeamRole(m.role), created_at=m.created_at, expires_at=m.expires_at,
                   accepted_at=m.accepted_at, revoked_at=m.revoked_at)


@strawberry.type(name="UserSession", description="A dashboard login (the token itself is never shown again).")
class UserSessionType(relay.Node):
    id: relay.NodeID[int]
    user_id: strawberry.ID = strawberry.field(description="The user logged in.")
    created_at: datetime = strawberry.field(description="When they logged in (UTC).")
    expires_at: datetime = strawberry.field(description="When it ends unless revoked first (UTC).")
    last_used_at: datetime | None = strawberry.field(description="When it last made a request (UTC); null if never.")

    @classmethod
    def from_model(cls, m: UserSession) -> UserSessionType:
        return cls(id=m.id, user_id=encode_id("User", m.user_id), created_at=m.created_at, expires_at=m.expires_at,
                   last_used_at=m.last_used_at)


@strawberry.type(name="AuditEntry", description="Who changed what, as it was when it happened.")
class AuditEntryType:
    actor: str = strawberry.field(description=(
        "Who did it, as they were then: a user's email, an API key's name and prefix, or system when no "
        "one was signed in (e.g. accepting an invitation)."))
    actor_user_id: strawberry.ID | None = strawberry.field(description="The acting user; null for API keys and system.")
    action: str = strawberry.field(description="What was done, e.g. member.invited, payment.refund_requested.")
    target_type: str = strawberry.field(description="The kind of thing it was done to, e.g. User, Payment.")
    target_id: strawberry.ID | None = strawberry.field(description=(
        "The thing it was done to (a global ID); null when the target is the team's own settings."))
    details: JSON = strawberry.field(description="What changed, by action (e.g. from/to, email, role, stripe_id).")
    created_at: datetime = strawberry.field(description="When it happened (UTC).")

    @classmethod
    def from_model(cls, m: AuditEntry) -> AuditEntryType:
        return cls(actor=m.actor, actor_user_id=gid("User", m.actor_user_id), action=m.action,
                   target_type=m.target_type, target_id=strawberry.ID(m.target_id) if m.target_id else None,
                   details=JSON(m.details or {}), created_at=m.created_at)


@strawberry.input(description="Whom to invite, in which role.")
class InviteTeamMemberInput:
    email: str = strawberry.field(description=(
        "The address it goes to; a pending invitation to the same address is revoked."))
    role: TeamRole = strawberry.field(default=TeamRole.STAFF, description=(
        "The role they get on accepting; only owners invite owners."))


@strawberry.type(description="The result of inviteTeamMember.")
class InviteTeamMemberPayload:
    invitation: TeamInvitationType | None = strawberry.field(default=None, description=(
        "The invitation sent; null on error (see userErrors)."))
    accept_url: str | None = strawberry.field(default=None, description=(
        "The link to accept, shown only here, once (also mailed when a hub has email settings)."))
    mailed: bool = strawberry.field(default=False, description=(
        "Whether the link was queued in the email outbox to the invitee (false: the team has no email settings)."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="An invitation to accept, with the invitee's credentials.")
class AcceptInvitationInput:
    token: str = strawberry.field(description="The token from the invitation's accept link.")
    password: str = strawberry.field(description="New users set it; existing users give their own.")
    name: str | None = strawberry.field(default=None, description="A new user's display name; ignored otherwise.")
    code: str | None = strawberry.field(default=None, description=(
        "An existing user with two-factor on: a code from the authenticator app or a recovery code "
        "(TWO_FACTOR_REQUIRED without it, INVALID_TWO_FACTOR_CODE when wrong)."))


@strawberry.type(description="The result of acceptTeamInvitation: a signed-in session in the team.")
class AcceptInvitationPayload:
    token: str | None = strawberry.field(default=None, description="A session token for the team")
    user: UserType | None = strawberry.field(default=None, description="The user who joined; null on error.")
    team: TeamType | None = strawberry.field(default=None, description="The team joined; null on error.")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A member and their new role.")
class ChangeTeamMemberRoleInput:
    user_id: strawberry.ID = strawberry.field(description="The member's user.")
    role: TeamRole = strawberry.field(description="The role to give them.")


@strawberry.input(description="A member to remove.")
class RemoveTeamMemberInput:
    user_id: strawberry.ID = strawberry.field(description="The member's user.")


@strawberry.type(description="The result of changing or removing a team member.")
class TeamMemberPayload:
    member: TeamMemberType | None = strawberry.field(default=None, description=(
        "The membership as changed (or as it was, when removed); null on error (see userErrors)."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="The thing to revoke, by ID.")
class RevokeByIdInput:
    id: strawberry.ID = strawberry.field(description="Its global ID (a TeamInvitation or a UserSession).")


@strawberry.type(description="The result of revokeTeamInvitation.")
class TeamInvitationPayload:
    invitation: TeamInvitationType | None = strawberry.field(default=None, description=(
        "The invitation, now revoked; null on error (see userErrors)."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(description="The result of revokeSession.")
class UserSessionPayload:
    session: UserSessionType | None = strawberry.field(default=None, description=(
        "The session, now ended; null on error (see userErrors)."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class StaffQuery:
    @strawberry.field(description="The team's members and their roles. Needs the admin scope.")
    async def team_members(
        self, info: Info[Context, None],
        role: Annotated[TeamRole | None, strawberry.argument(description="Only members in this role")] = None,
        first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[TeamMemberType]:
        viewer = info.context.require(ADMIN_SCOPE)
        queryset = TeamMember.filter(team_id=viewer.team.id).select_related("user")
        if role is not None:
            queryset = queryset.filter(role=role)
        return await keyset_page(queryset, TeamMemberType.from_model, first=first, after=after, last=last,
                                 before=before)

    @strawberry.field(description="Invitations, newest first (pending only unless includeClosed).")
    async def team_invitations(
        self, info: Info[Context, None],
        include_closed: Annotated[bool, strawberry.argument(description="Also accepted and revoked ones")] = False,
        first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[TeamInvitationType]:
        viewer = info.context.require(ADMIN_SCOPE)
        queryset = TeamInvitation.filter(team_id=viewer.team.id)
        if not include_closed:
            queryset = queryset.filter(accepted_at__isnull=True, revoked_at__isnull=True)
        return await keyset_page(queryset, TeamInvitationType.from_model, first=first, after=after, last=last,
                                 before=before, descending=True)

    @strawberry.field(description="Open dashboard sessions: the caller's, or (admin) a team member's.")
    async def sessions(
        self, info: Info[Context, None],
        user_id: Annotated[strawberry.ID | None, strawberry.argument(description=(
            "This member's sessions (needs the admin scope for anyone else's); the caller's when not given"))] = None,
        first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[UserSessionType]:
        viewer = info.context.require()
        target = id_arg(user_id, "User", "userId") if user_id is not None else None
        queryset = await staff_service.visible_sessions(viewer.team, viewer, target)
        return await keyset_page(queryset, UserSessionType.from_model, first=first, after=after, last=last,
                                 before=before, descending=True)

    @strawberry.field(description="The audit log, newest first: by action, target type, actor and period.")
    async def audit_log(
        self, info: Info[Context, None],
        action: Annotated[str | None, strawberry.argument(description="Only this action, e.g. member.invited")] = None,
        target_type: Annotated[str | None, strawberry.argument(description="Only this target type, e.g. User")] = None,
        user_id: Annotated[strawberry.ID | None, strawberry.argument(description="The acting user")] = None,
        since: Annotated[datetime | None, strawberry.argument(description="Happened at or after")] = None,
        until: Annotated[datetime | None, strawberry.argument(description="Happened before")] = None,
        first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[AuditEntryType]:
        viewer = info.context.require(ADMIN_SCOPE)
        queryset = AuditEntry.filter(team_id=viewer.team.id)
        if action is not None:
            queryset = queryset.filter(action=action.strip())
        if target_type is not None:
            queryset = queryset.filter(target_type=target_type.strip())
        if user_id is not None:
            queryset = queryset.filter(actor_user_id=id_arg(user_id, "User", "userId"))
        if since is not None:
            queryset = queryset.filter(created_at__gte=since)
        if until is not None:
            queryset = queryset.filter(created_at__lt=until)
        return await keyset_page(queryset, AuditEntryType.from_model, first=first, after=after, last=last,
                                 before=before, descending=True)


@strawberry.type
class StaffMutation:
    @strawberry.mutation(description="Invite someone by email to join the team in a role (7 days to accept).")
    @mutation_payload
    async def invite_team_member(self, info: Info[Context, None],
                                 input: Annotated[InviteTeamMemberInput, INPUT]) -> InviteTeamMemberPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        invited = await staff_service.invite(viewer.team, viewer, input.email, input.role)
        await audit.record(viewer.team.id, viewer, "member.invited", "TeamInvitation",
                           encode_id("TeamInvitation", invited.invitation.id),
                           {"email": invited.invitation.email, "role": input.role.value})
        return InviteTeamMemberPayload(invitation=TeamInvitationType.from_model(invited.invitation),
                                       accept_url=invited.accept_url, mailed=invited.mailed)

    @strawberry.mutation(description="Withdraw a pending invitation.")
    @mutation_payload
    async def revoke_team_invitation(self, info: Info[Context, None],
                                     input: Annotated[RevokeByIdInput, INPUT]) -> TeamInvitationPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        invitation = await staff_service.revoke_invitation(viewer.team, id_input(input.id, "TeamInvitation", "id"))
        await audit.record(viewer.team.id, viewer, "member.invitation_revoked", "TeamInvitation", input.id,
                           {"email": invitation.email})
        return TeamInvitationPayload(invitation=TeamInvitationType.from_model(invitation))

    @strawberry.mutation(description="Accept an invitation (no credentials needed: the token is the proof).")
    @mutation_payload
    async def accept_team_invitation(self, info: Info[Context, None],
                                     input: Annotated[AcceptInvitationInput, INPUT]) -> AcceptInvitationPayload:
        user, team, role, token = await staff_service.accept(input.token.strip(), input.password, input.name,
                                                                   code=input.code)
        await audit.record(team.id, None, "member.joined", "User", encode_id("User", user.id),
                           {"email": user.email, "role": role.value})
        return AcceptInvitationPayload(token=token, user=UserType.from_model(user), team=TeamType.from_model(team))

    @strawberry.mutation(description="Give a member another role (only owners make or unmake owners).")
    @mutation_payload
    async def change_team_member_role(self, info: Info[Context, None],
                                      input: Annotated[ChangeTeamMemberRoleInput, INPUT]) -> TeamMemberPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        user_id = id_input(input.user_id, "User", "userId")
        before = await TeamMember.get_or_none(team_id=viewer.team.id, user_id=user_id) if user_id else None
        member = await staff_service.change_role(viewer.team, viewer, user_id, input.role)
        await audit.record(viewer.team.id, viewer, "member.role_changed", "User", input.user_id,
                           {"from": before.role if before else None, "to": input.role.value})
        return TeamMemberPayload(member=TeamMemberType.from_model(member))

    @strawberry.mutation(description="Remove a member from the team (the last owner stays).")
    @mutation_payload
    async def remove_team_member(self, info: Info[Context, None],
                                 input: Annotated[RemoveTeamMemberInput, INPUT]) -> TeamMemberPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        member = await staff_service.remove_member(viewer.team, viewer, id_input(input.user_id, "User", "userId"))
        await audit.record(viewer.team.id, viewer, "member.removed", "User", input.user_id,
                           {"email": member.user.email, "role": member.role})
        return TeamMemberPayload(member=TeamMemberType.from_model(member))

    @strawberry.mutation(description="End a session: the caller's own, or (admin) a team member's.")
    @mutation_payload
    async def revoke_session(self, info: Info[Context, None],
                             input: Annotated[RevokeByIdInput, INPUT]) -> UserSessionPayload:
        viewer = info.context.require()
        session = await staff_service.revoke_session(viewer.team, viewer, id_input(input.id, "UserSession", "id"))
        await audit.record(viewer.team.id, viewer, "session.revoked", "UserSession", input.id,
                           {"user_id": encode_id("User", session.user_id)})
        return UserSessionPayload(session=UserSessionType.from_model(session))


async def _sessions(info: Info[Context, None], team_id: int, pks: list[int]) -> Mapping[int, UserSessionType]:
    viewer = info.context.require()
    rows = await UserSession.filter(id__in=pks, user__memberships__team_id=team_id).distinct()
    own = viewer.user.id if viewer.user else None
    return {s.id: UserSessionType.from_model(s) for s in rows
            if s.user_id == own or viewer.has_scope(ADMIN_SCOPE)}


NODE_TYPES = (
    NodeType("TeamInvitation", staff(ADMIN_SCOPE), team_rows(TeamInvitation, TeamInvitationType.from_model)),
    NodeType("UserSession", staff(None), _sessions),
)
