"""GraphQL for moderation: members flag; the hub's moderators (member API) and staff (admin API, scope
`community:read` / `community:write`) see the queue, act, and read the audit log."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from app.community import moderation
from app.community.member_graphql import (
    CommunityComment,
    CommunityPost,
    MemberProfile,
    community_comment,
    community_post,
    member_access,
    member_profile,
)
from app.community.models import (
    Comment,
    ContentStatus,
    Flag,
    FlagStatus,
    Message,
    ModerationAction,
    Post,
    Profile,
    TargetKind,
)
from app.community.social_graphql import CommunityMessage, community_message
from app.core.errors import ValidationFailed
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.errors import UserError, forbidden, mutation_payload
from app.graphql.ids import encode_id, id_arg, id_input
from app.graphql.nodes import NodeType, staff
from app.hubs.models import Hub

FlagStatusEnum = strawberry.enum(FlagStatus, name="FlagStatus")


@strawberry.enum(name="FlagTarget")
class FlagTarget(StrEnum):
    POST = "post"
    COMMENT = "comment"
    MESSAGE = "message"


@strawberry.enum(name="ModerationActionKind")
class ModerationActionKind(StrEnum):
    HIDE = "hide"
    RESTORE = "restore"
    DELETE = "delete"
    APPROVE = "approve"


TARGET_NODE = {FlagTarget.POST: "CommunityPost", FlagTarget.COMMENT: "CommunityComment",
               FlagTarget.MESSAGE: "CommunityMessage"}


async def _profile(team_id: int, hub_id: int, contact_id: int | None) -> MemberProfile | None:
    if contact_id is None:
        return None
    row = await Profile.get_or_none(team_id=team_id, hub_id=hub_id, team_contact_id=contact_id)
    return member_profile(row, None) if row else None


@strawberry.type(description="A member's report of a post, comment or message, with what it names.")
class CommunityFlag(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID
    target_type: FlagTarget
    target_id: strawberry.ID
    reason: str
    status: FlagStatus
    created_at: datetime
    resolved_at: datetime | None
    row: strawberry.Private[Flag]

    @strawberry.field
    async def reporter(self) -> MemberProfile | None:
        return await _profile(self.row.team_id, self.row.hub_id, self.row.reporter_id)

    @strawberry.field
    async def post(self) -> CommunityPost | None:
        if self.row.target_type != TargetKind.POST:
            return None
        p = await Post.get_or_none(id=self.row.target_id, team_id=self.row.team_id)
        return community_post(p, None, moderator=True) if p else None

    @strawberry.field
    async def comment(self) -> CommunityComment | None:
        if self.row.target_type != TargetKind.COMMENT:
            return None
        c = await Comment.get_or_none(id=self.row.target_id, team_id=self.row.team_id)
        return community_comment(c, None, moderator=True) if c else None

    @strawberry.field(description="The reported message: the only way moderators and staff read a private message.")
    async def message(self) -> CommunityMessage | None:
        if self.row.target_type != TargetKind.MESSAGE:
            return None
        m = await Message.get_or_none(id=self.row.target_id, team_id=self.row.team_id)
        return community_message(m, None) if m else None


def community_flag(f: Flag) -> CommunityFlag:
    kind = FlagTarget(f.target_type)
    return CommunityFlag(id=f.id, hub_id=encode_id("Hub", f.hub_id), target_type=kind,
                         target_id=encode_id(TARGET_NODE[kind], f.target_id), reason=f.reason,
                         status=FlagStatus(f.status), created_at=f.created_at, resolved_at=f.resolved_at, row=f)


@strawberry.type(description="One line of the moderation audit log.")
class ModerationLogEntry(relay.Node):
    id: relay.NodeID[int]
    action: str
    target_type: str
    target_id: str | None
    detail: JSON
    by_staff: str | None
    created_at: datetime
    team_id: strawberry.Private[int]
    hub_id: strawberry.Private[int]
    actor_contact_id: strawberry.Private[int | None]

    @strawberry.field(description="The member moderator who acted (null: staff, see byStaff).")
    async def by_member(self) -> MemberProfile | None:
        return await _profile(self.team_id, self.hub_id, self.actor_contact_id)


def log_entry(a: ModerationAction) -> ModerationLogEntry:
    return ModerationLogEntry(id=a.id, action=a.action, target_type=a.target_type,
                              target_id=str(a.target_id) if a.target_id is not None else None,
                              detail=JSON(a.detail or {}), by_staff=a.actor_staff, created_at=a.created_at,
                              team_id=a.team_id, hub_id=a.hub_id, actor_contact_id=a.actor_contact_id)


@strawberry.type(description="What waits for a moderator in one hub.")
class ModerationQueue:
    team_id: strawberry.Private[int]
    hub_id: strawberry.Private[int]

    @strawberry.field(description="Flags, oldest first (open ones by default).")
    async def flags(self, status: FlagStatus = FlagStatus.OPEN, first: int | None = None, after: str | None = None
                    ) -> Connection[CommunityFlag]:
        query = Flag.filter(team_id=self.team_id, hub_id=self.hub_id, status=status)
        return await keyset_page(query, community_flag, first=first, after=after)

    @strawberry.field(description="Posts waiting for approval (first posts under review, word filters).")
    async def pending_posts(self, first: int | None = None, after: str | None = None) -> Connection[CommunityPost]:
        query = Post.filter(team_id=self.team_id, hub_id=self.hub_id, status=ContentStatus.PENDING)
        return await keyset_page(query, lambda p: community_post(p, None, moderator=True), first=first, after=after)

    @strawberry.field
    async def pending_comments(self, first: int | None = None, after: str | None = None
                               ) -> Connection[CommunityComment]:
        query = Comment.filter(team_id=self.team_id, hub_id=self.hub_id, status=ContentStatus.PENDING)
        return await keyset_page(query, lambda c: community_comment(c, None, moderator=True), first=first,
                                 after=after)

    @strawberry.field(description="Every moderation action, newest first.")
    async def log(self, first: int | None = None, after: str | None = None) -> Connection[ModerationLogEntry]:
        query = ModerationAction.filter(team_id=self.team_id, hub_id=self.hub_id)
        return await keyset_page(query, log_entry, first=first, after=after, descending=True)


# ---------------------------------------------------------------- inputs


@strawberry.input
class FlagContentInput:
    target_type: FlagTarget
    target_id: strawberry.ID
    reason: str


@strawberry.type
class FlagPayload:
    flag: CommunityFlag | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class ModerateContentInput:
    target_type: FlagTarget
    target_id: strawberry.ID
    action: ModerationActionKind
    note: str = ""


@strawberry.type
class ModerateContentPayload:
    status: ContentStatus | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class SetPostStateInput:
    post_id: strawberry.ID
    pinned: bool | None = None
    locked: bool | None = None


@strawberry.type
class SetPostStatePayload:
    post: CommunityPost | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class DismissFlagInput:
    flag_id: strawberry.ID


@strawberry.input
class BanMemberInput:
    member_id: strawberry.ID = strawberry.field(description="The member's MemberProfile id.")
    banned: bool = True
    reason: str = ""


@strawberry.input
class BanCommunityMemberInput:
    hub_id: strawberry.ID
    contact_id: strawberry.ID
    banned: bool = True
    reason: str = ""


@strawberry.type
class BanPayload:
    banned: bool | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


def _staff(info: Info[Context, None], scope: str) -> moderation.Moderator:
    viewer = info.context.require(scope)
    ref = f"user:{viewer.user.id}" if viewer.user else f"api_key:{viewer.api_key.id}" if viewer.api_key else "staff"
    return moderation.Moderator(viewer.team.id, None, staff=ref)


async def _member_mod(info: Info[Context, None]) -> moderation.Moderator:
    return moderation.member_moderator(await member_access(info))


async def _moderate(mod: moderation.Moderator, input: ModerateContentInput) -> ModerateContentPayload:
    target = id_input(input.target_id, TARGET_NODE[input.target_type], "targetId")
    row = await moderation.moderate(mod, input.target_type.value, target, input.action.value, input.note)
    return ModerateContentPayload(status=ContentStatus(row.status))


async def _set_state(mod: moderation.Moderator, input: SetPostStateInput) -> SetPostStatePayload:
    post = await moderation.set_post_state(mod, id_input(input.post_id, "CommunityPost", "postId"),
                                           pinned=input.pinned, locked=input.locked)
    return SetPostStatePayload(post=community_post(post, mod.contact_id, moderator=True))


@strawberry.type
class ModerationQuery:
    @strawberry.field(description="Member moderators and hosts: their hub's queue (others: FORBIDDEN).")
    async def my_moderation_queue(self, info: Info[Context, None]) -> ModerationQueue:
        access = await member_access(info)
        try:
            moderation.member_moderator(access)
        except ValidationFailed as exc:
            raise forbidden(exc.errors[0].message) from exc
        return ModerationQueue(team_id=access.team_id, hub_id=access.hub_id)

    @strawberry.field(description="Staff: a hub's moderation queue and audit log (null for an unknown hub).")
    async def moderation_queue(self, info: Info[Context, None], hub_id: strawberry.ID) -> ModerationQueue | None:
        viewer = info.context.require("community:read")
        hub = id_arg(hub_id, "Hub", "hubId")
        if not await Hub.exists(id=hub, team_id=viewer.team.id):
            return None
        return ModerationQueue(team_id=viewer.team.id, hub_id=hub)


@strawberry.type
class ModerationMutation:
    @strawberry.mutation(description="Members: report a post, comment or message (of a conversation one is in).")
    @mutation_payload
    async def flag_content(self, info: Info[Context, None], input: FlagContentInput) -> FlagPayload:
        access = await member_access(info)
        target = id_input(input.target_id, TARGET_NODE[input.target_type], "targetId")
        row = await moderation.flag(access, input.target_type.value, target, input.reason)
        return FlagPayload(flag=community_flag(row))

    @strawberry.mutation(description="Member moderators: hide, restore, delete or approve in their hub.")
    @mutation_payload
    async def moderate_content(self, info: Info[Context, None], input: ModerateContentInput
                               ) -> ModerateContentPayload:
        return await _moderate(await _member_mod(info), input)

    @strawberry.mutation(description="Member moderators: pin or lock a post.")
    @mutation_payload
    async def set_post_state(self, info: Info[Context, None], input: SetPostStateInput) -> SetPostStatePayload:
        return await _set_state(await _member_mod(info), input)

    @strawberry.mutation
    @mutation_payload
    async def dismiss_flag(self, info: Info[Context, None], input: DismissFlagInput) -> FlagPayload:
        row = await moderation.dismiss_flag(await _member_mod(info), id_input(input.flag_id, "CommunityFlag",
                                                                               "flagId"))
        return FlagPayload(flag=community_flag(row))

    @strawberry.mutation(description="Member moderators: ban (or unban) a member of their hub (not hosts or "
                                     "moderators), through the hub's membership.")
    @mutation_payload
    async def ban_member(self, info: Info[Context, None], input: BanMemberInput) -> BanPayload:
        mod = await _member_mod(info)
        assert mod.hub_id is not None
        profile = id_input(input.member_id, "MemberProfile", "memberId")
        contact = await moderation.profile_contact(mod.team_id, mod.hub_id, profile)
        membership = await moderation.ban(mod, mod.hub_id, contact, input.banned, input.reason)
        return BanPayload(banned=membership.banned)

    @strawberry.mutation(description="Staff: hide, restore, delete or approve.")
    @mutation_payload
    async def moderate_community_content(self, info: Info[Context, None], input: ModerateContentInput
                                         ) -> ModerateContentPayload:
        return await _moderate(_staff(info, "community:write"), input)

    @strawberry.mutation(description="Staff: pin or lock a post.")
    @mutation_payload
    async def set_community_post_state(self, info: Info[Context, None], input: SetPostStateInput
                                       ) -> SetPostStatePayload:
        return await _set_state(_staff(info, "community:write"), input)

    @strawberry.mutation
    @mutation_payload
    async def dismiss_community_flag(self, info: Info[Context, None], input: DismissFlagInput) -> FlagPayload:
        row = await moderation.dismiss_flag(_staff(info, "community:write"),
                                            id_input(input.flag_id, "CommunityFlag", "flagId"))
        return FlagPayload(flag=community_flag(row))

    @strawberry.mutation(description="Staff: ban (or unban) a member of a hub, logged in the community audit log.")
    @mutation_payload
    async def ban_community_member(self, info: Info[Context, None], input: BanCommunityMemberInput) -> BanPayload:
        mod = _staff(info, "community:write")
        membership = await moderation.ban(mod, id_input(input.hub_id, "Hub", "hubId"),
                                          id_input(input.contact_id, "Contact", "contactId"), input.banned,
                                          input.reason)
        return BanPayload(banned=membership.banned)


async def _fetch_flags(info: Info[Context, None], team_id: int, pks: list[int]) -> dict[int, Any]:
    return {f.id: community_flag(f) for f in await Flag.filter(team_id=team_id, id__in=pks)}


async def _fetch_log(info: Info[Context, None], team_id: int, pks: list[int]) -> dict[int, Any]:
    return {a.id: log_entry(a) for a in await ModerationAction.filter(team_id=team_id, id__in=pks)}


NODE_TYPES = (
    NodeType("CommunityFlag", staff("community:read"), _fetch_flags),
    NodeType("ModerationLogEntry", staff("community:read"), _fetch_log),
)
