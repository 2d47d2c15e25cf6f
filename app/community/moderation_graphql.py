"""GraphQL for moderation: members flag; the hub's moderators (member API) and staff (admin API, scope
`community:read` / `community:write`) see the queue, act, and read the audit log."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from app.community import moderation
from app.community.loaders import accepted_answers_loader
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
from app.graphql.enums import described_enum
from app.graphql.errors import UserError, forbidden, mutation_payload
from app.graphql.ids import encode_id, id_arg, id_input
from app.graphql.nodes import NodeType, staff
from app.hubs.models import Hub

FlagStatusEnum = described_enum(FlagStatus, name="FlagStatus", description="Where a member's report stands.", values={
    "OPEN": "Waiting for a moderator.",
    "RESOLVED": "A moderator acted on what it names.",
    "DISMISSED": "A moderator dismissed it without acting.",
})


class FlagTarget(StrEnum):
    POST = "post"
    COMMENT = "comment"
    MESSAGE = "message"


described_enum(FlagTarget, name="FlagTarget", description="What a report or moderation action is about.", values={
    "POST": "A post (a CommunityPost id).",
    "COMMENT": "A comment (a CommunityComment id).",
    "MESSAGE": "A private message (a CommunityMessage id).",
})


class ModerationActionKind(StrEnum):
    HIDE = "hide"
    RESTORE = "restore"
    DELETE = "delete"
    APPROVE = "approve"


described_enum(ModerationActionKind, name="ModerationActionKind", description=(
    "What a moderator does to a post, comment or message."), values={
    "HIDE": "Hide it from members (restorable).",
    "RESTORE": "Show a hidden one again.",
    "DELETE": "Delete it (soft: the row stays, it leaves every feed).",
    "APPROVE": "Publish a pending one.",
})


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
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id).")
    target_type: FlagTarget = strawberry.field(description="What is reported.")
    target_id: strawberry.ID = strawberry.field(description="The reported post, comment or message (its id).")
    reason: str = strawberry.field(description="The reporter's words.")
    status: FlagStatus = strawberry.field(description="Open, resolved or dismissed.")
    created_at: datetime = strawberry.field(description="When it was reported.")
    resolved_at: datetime | None = strawberry.field(description=(
        "When a moderator resolved or dismissed it; null while open."))
    row: strawberry.Private[Flag]

    @strawberry.field(description="Who reported it; null if the profile is gone.")
    async def reporter(self) -> MemberProfile | None:
        return await _profile(self.row.team_id, self.row.hub_id, self.row.reporter_id)

    @strawberry.field(description="The reported post (a moderator's view); null for another target.")
    async def post(self) -> CommunityPost | None:
        if self.row.target_type != TargetKind.POST:
            return None
        p = await Post.get_or_none(id=self.row.target_id, team_id=self.row.team_id)
        return community_post(p, None, moderator=True) if p else None

    @strawberry.field(description="The reported comment (a moderator's view); null for another target.")
    async def comment(self, info: Info[Context, None]) -> CommunityComment | None:
        if self.row.target_type != TargetKind.COMMENT:
            return None
        team_id = self.row.team_id
        c = await Comment.get_or_none(id=self.row.target_id, team_id=team_id)
        if c is None:
            return None
        accepted = await info.context.loader("community:accepted", lambda: accepted_answers_loader(team_id)).load(
            c.post_id)
        return community_comment(c, None, moderator=True, accepted=accepted)

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
    action: str = strawberry.field(description=(
        "What was done: `hide`, `restore`, `delete`, `approve`, `pin`, `unpin`, `lock`, `unlock`, `ban`, `unban` or "
        "`dismiss_flag`."))
    target_type: str = strawberry.field(description=(
        "What it was done to (`post`, `comment`, `message`, `member`, `flag`)."))
    target_id: str | None = strawberry.field(description=(
        "The target's row id as text (not a global id); null when none."))
    detail: JSON = strawberry.field(description=(
        "Particulars of the action (a note, a reason, before and after), as JSON."))
    by_staff: str | None = strawberry.field(description=(
        "The staff user or API key that acted; null when a member moderator did (`byMember`)."))
    created_at: datetime = strawberry.field(description="When it happened.")
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
    async def flags(self,
        status: Annotated[FlagStatus, strawberry.argument(description=(
            "Only flags in this status (default OPEN)."))] = FlagStatus.OPEN,
        first: int | None = None, after: str | None = None
                    ) -> Connection[CommunityFlag]:
        query = Flag.filter(team_id=self.team_id, hub_id=self.hub_id, status=status)
        return await keyset_page(query, community_flag, first=first, after=after)

    @strawberry.field(description="Posts waiting for approval (first posts under review, word filters).")
    async def pending_posts(self, first: int | None = None, after: str | None = None) -> Connection[CommunityPost]:
        query = Post.filter(team_id=self.team_id, hub_id=self.hub_id, status=ContentStatus.PENDING)
        return await keyset_page(query, lambda p: community_post(p, None, moderator=True), first=first, after=after)

    @strawberry.field(description="Comments waiting for approval (word filters), oldest first.")
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


@strawberry.input(description="A report of a post, comment or message.")
class FlagContentInput:
    target_type: FlagTarget = strawberry.field(description="What is reported.")
    target_id: strawberry.ID = strawberry.field(description=(
        "Its id (a CommunityPost, CommunityComment or CommunityMessage id)."))
    reason: str = strawberry.field(description="Why, in the member's words (required).")


@strawberry.type(description="Result of `flagContent` and the dismiss mutations.")
class FlagPayload:
    flag: CommunityFlag | None = strawberry.field(default=None, description=(
        "The flag now; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A moderation action on a post, comment or message.")
class ModerateContentInput:
    target_type: FlagTarget = strawberry.field(description="What it is done to.")
    target_id: strawberry.ID = strawberry.field(description="Its id.")
    action: ModerationActionKind = strawberry.field(description="Hide, restore, delete or approve.")
    note: str = strawberry.field(default="", description="Why, for the audit log.")


@strawberry.type(description="Result of the moderate mutations.")
class ModerateContentPayload:
    status: ContentStatus | None = strawberry.field(default=None, description=(
        "The target's status now; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="Pin or lock a post; fields left out or null are kept.")
class SetPostStateInput:
    post_id: strawberry.ID = strawberry.field(description="The post (a CommunityPost id).")
    pinned: bool | None = strawberry.field(default=None, description="Pin (true) or unpin (false).")
    locked: bool | None = strawberry.field(default=None, description=(
        "Close (true) or reopen (false) it to new comments."))


@strawberry.type(description="Result of the post-state mutations.")
class SetPostStatePayload:
    post: CommunityPost | None = strawberry.field(default=None, description=(
        "The post now; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="The flag to dismiss.")
class DismissFlagInput:
    flag_id: strawberry.ID = strawberry.field(description="The flag (a CommunityFlag id).")


@strawberry.input(description="A member moderator's ban of a member of the hub.")
class BanMemberInput:
    member_id: strawberry.ID = strawberry.field(description="The member's MemberProfile id.")
    banned: bool = strawberry.field(default=True, description="Ban (true, default) or lift the ban (false).")
    reason: str = strawberry.field(default="", description="Why, for the member's record and the audit log.")


@strawberry.input(description="A staff ban of a hub member.")
class BanCommunityMemberInput:
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id).")
    contact_id: strawberry.ID = strawberry.field(description="The member (a Contact id).")
    banned: bool = strawberry.field(default=True, description="Ban (true, default) or lift the ban (false).")
    reason: str = strawberry.field(default="", description="Why, for the member's record and the audit log.")


@strawberry.type(description="Result of the ban mutations.")
class BanPayload:
    banned: bool | None = strawberry.field(default=None, description=(
        "Whether the member is banned now; null when `userErrors` is not empty."))
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
    async def moderation_queue(self, info: Info[Context, None],
        hub_id: Annotated[strawberry.ID, strawberry.argument(description=(
            "The hub (a Hub id)."))]) -> ModerationQueue | None:
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

    @strawberry.mutation(description="Member moderators: dismiss a flag without acting.")
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

    @strawberry.mutation(description="Staff: dismiss a flag without acting.")
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
