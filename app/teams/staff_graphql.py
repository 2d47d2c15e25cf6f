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
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, gid, id_arg, id_input
from app.graphql.nodes import NodeType, staff, team_rows
from app.teams import audit
from app.teams import staff as staff_service
from app.teams.graphql import TeamType, UserType
from app.teams.models import AuditEntry, TeamInvitation, TeamMember, TeamRole, UserSession
from app.teams.service import ADMIN_SCOPE, ROLE_SCOPES

TeamRoleEnum = strawberry.enum(TeamRole, name="TeamRole", description=(
    "OWNER and ADMIN may do everything (only owners manage owners); STAFF reads and writes everything "
    "but keys and settings; ANALYST reads (reports included); MODERATOR runs hubs and their community."))


@strawberry.type(name="TeamMember", description="A user's membership of this team.")
class TeamMemberType:
    user: UserType
    role: TeamRole
    scopes: list[str]
    joined_at: datetime

    @classmethod
    def from_model(cls, m: TeamMember) -> TeamMemberType:
        return cls(user=UserType.from_model(m.user), role=TeamRole(m.role),
                   scopes=sorted(ROLE_SCOPES[TeamRole(m.role)]), joined_at=m.created_at)


@strawberry.type(name="TeamInvitation")
class TeamInvitationType(relay.Node):
    id: relay.NodeID[int]
    email: str
    role: TeamRole
    created_at: datetime
    expires_at: datetime
    accepted_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def from_model(cls, m: TeamInvitation) -> TeamInvitationType:
        return cls(id=m.id, email=m.email, role=TeamRole(m.role), created_at=m.created_at, expires_at=m.expires_at,
                   accepted_at=m.accepted_at, revoked_at=m.revoked_at)


@strawberry.type(name="UserSession", description="A dashboard login (the token itself is never shown again).")
class UserSessionType(relay.Node):
    id: relay.NodeID[int]
    user_id: strawberry.ID
    created_at: datetime
    expires_at: datetime
    last_used_at: datetime | None

    @classmethod
    def from_model(cls, m: UserSession) -> UserSessionType:
        return cls(id=m.id, user_id=encode_id("User", m.user_id), created_at=m.created_at, expires_at=m.expires_at,
                   last_used_at=m.last_used_at)


@strawberry.type(name="AuditEntry", description="Who changed what, as it was when it happened.")
class AuditEntryType:
    actor: str
    actor_user_id: strawberry.ID | None
    action: str
    target_type: str
    target_id: strawberry.ID | None
    details: JSON
    created_at: datetime

    @classmethod
    def from_model(cls, m: AuditEntry) -> AuditEntryType:
        return cls(actor=m.actor, actor_user_id=gid("User", m.actor_user_id), action=m.action,
                   target_type=m.target_type, target_id=strawberry.ID(m.target_id) if m.target_id else None,
                   details=JSON(m.details or {}), created_at=m.created_at)


@strawberry.input
class InviteTeamMemberInput:
    email: str
    role: TeamRole = TeamRole.STAFF


@strawberry.type
class InviteTeamMemberPayload:
    invitation: TeamInvitationType | None = None
    accept_url: str | None = strawberry.field(default=None, description=(
        "The link to accept, shown only here, once (also mailed when a hub has email settings)."))
    mailed: bool = False
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class AcceptInvitationInput:
    token: str
    password: str = strawberry.field(description="New users set it; existing users give their own.")
    name: str | None = None


@strawberry.type
class AcceptInvitationPayload:
    token: str | None = strawberry.field(default=None, description="A session token for the team")
    user: UserType | None = None
    team: TeamType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class ChangeTeamMemberRoleInput:
    user_id: strawberry.ID
    role: TeamRole


@strawberry.input
class RemoveTeamMemberInput:
    user_id: strawberry.ID


@strawberry.type
class TeamMemberPayload:
    member: TeamMemberType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class RevokeByIdInput:
    id: strawberry.ID


@strawberry.type
class TeamInvitationPayload:
    invitation: TeamInvitationType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class UserSessionPayload:
    session: UserSessionType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class StaffQuery:
    @strawberry.field(description="The team's members and their roles. Needs the admin scope.")
    async def team_members(
        self, info: Info[Context, None], role: TeamRole | None = None, first: int | None = None,
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
        self, info: Info[Context, None], include_closed: bool = False, first: int | None = None,
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
        self, info: Info[Context, None], user_id: strawberry.ID | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[UserSessionType]:
        viewer = info.context.require()
        target = id_arg(user_id, "User", "userId") if user_id is not None else None
        queryset = await staff_service.visible_sessions(viewer.team, viewer, target)
        return await keyset_page(queryset, UserSessionType.from_model, first=first, after=after, last=last,
                                 before=before, descending=True)

    @strawberry.field(description="The audit log, newest first: by action, target type, actor and period.")
    async def audit_log(
        self, info: Info[Context, None], action: str | None = None, target_type: str | None = None,
        user_id: Annotated[strawberry.ID | None, strawberry.argument(description="The acting user")] = None,
        since: datetime | None = None, until: datetime | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
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
                                 input: InviteTeamMemberInput) -> InviteTeamMemberPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        invited = await staff_service.invite(viewer.team, viewer, input.email, input.role)
        await audit.record(viewer.team.id, viewer, "member.invited", "TeamInvitation",
                           encode_id("TeamInvitation", invited.invitation.id),
                           {"email": invited.invitation.email, "role": input.role.value})
        return InviteTeamMemberPayload(invitation=TeamInvitationType.from_model(invited.invitation),
                                       accept_url=invited.accept_url, mailed=invited.mailed)

    @strawberry.mutation(description="Withdraw a pending invitation.")
    @mutation_payload
    async def revoke_team_invitation(self, info: Info[Context, None], input: RevokeByIdInput) -> TeamInvitationPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        invitation = await staff_service.revoke_invitation(viewer.team, id_input(input.id, "TeamInvitation", "id"))
        await audit.record(viewer.team.id, viewer, "member.invitation_revoked", "TeamInvitation", input.id,
                           {"email": invitation.email})
        return TeamInvitationPayload(invitation=TeamInvitationType.from_model(invitation))

    @strawberry.mutation(description="Accept an invitation (no credentials needed: the token is the proof).")
    @mutation_payload
    async def accept_team_invitation(self, info: Info[Context, None],
                                     input: AcceptInvitationInput) -> AcceptInvitationPayload:
        user, team, role, token = await staff_service.accept(input.token.strip(), input.password, input.name)
        await audit.record(team.id, None, "member.joined", "User", encode_id("User", user.id),
                           {"email": user.email, "role": role.value})
        return AcceptInvitationPayload(token=token, user=UserType.from_model(user), team=TeamType.from_model(team))

    @strawberry.mutation(description="Give a member another role (only owners make or unmake owners).")
    @mutation_payload
    async def change_team_member_role(self, info: Info[Context, None],
                                      input: ChangeTeamMemberRoleInput) -> TeamMemberPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        user_id = id_input(input.user_id, "User", "userId")
        before = await TeamMember.get_or_none(team_id=viewer.team.id, user_id=user_id) if user_id else None
        member = await staff_service.change_role(viewer.team, viewer, user_id, input.role)
        await audit.record(viewer.team.id, viewer, "member.role_changed", "User", input.user_id,
                           {"from": before.role if before else None, "to": input.role.value})
        return TeamMemberPayload(member=TeamMemberType.from_model(member))

    @strawberry.mutation(description="Remove a member from the team (the last owner stays).")
    @mutation_payload
    async def remove_team_member(self, info: Info[Context, None], input: RemoveTeamMemberInput) -> TeamMemberPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        member = await staff_service.remove_member(viewer.team, viewer, id_input(input.user_id, "User", "userId"))
        await audit.record(viewer.team.id, viewer, "member.removed", "User", input.user_id,
                           {"email": member.user.email, "role": member.role})
        return TeamMemberPayload(member=TeamMemberType.from_model(member))

    @strawberry.mutation(description="End a session: the caller's own, or (admin) a team member's.")
    @mutation_payload
    async def revoke_session(self, info: Info[Context, None], input: RevokeByIdInput) -> UserSessionPayload:
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
