"""GraphQL for members: direct messages, blocks, their own profile and the hub's member directory."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, cast

import strawberry
from graphql import GraphQLError
from strawberry import relay
from strawberry.dataloader import DataLoader
from strawberry.types import Info
from tortoise import connections
from tortoise.expressions import Q, Subquery

from app.access.member_graphql import require_member
from app.community import messages, profiles
from app.community.live import MESSAGE_TOPIC
from app.community.loaders import profiles_loader
from app.community.member_graphql import MemberProfile, member_access, member_profile
from app.community.models import Conversation, ConversationMember, Message, Profile
from app.community.service import in_view
from app.core.errors import ValidationFailed
from app.core.pubsub import listen, team_channel
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.enums import described_enum
from app.graphql.errors import BadInput, UserError, mutation_payload
from app.graphql.ids import id_arg, id_input, id_inputs
from app.graphql.nodes import NodeType
from app.hubs.graphql import HubRoleEnum  # noqa: F401  # registers HubRole before it is used here
from app.hubs.models import HubMembership, HubRole

MAX_SEARCH = 100


@strawberry.type(description=(
    "A private message in a conversation; only its members read it (and moderators, when it is reported)."))
class CommunityMessage(relay.Node):
    id: relay.NodeID[int]
    body: str = strawberry.field(description="The Markdown as written.")
    body_html: str = strawberry.field(description="The body rendered and sanitised (safe to insert as HTML).")
    created_at: datetime = strawberry.field(description="When it was sent.")
    team_id: strawberry.Private[int]
    hub_id: strawberry.Private[int]
    author_id: strawberry.Private[int | None]
    viewer: strawberry.Private[int | None]

    @strawberry.field(description="The sender's profile; null if it is gone.")
    async def author(self, info: Info[Context, None]) -> MemberProfile | None:
        if self.author_id is None:
            return None
        loader = info.context.loader(f"community:profiles:{self.hub_id}",
                                     lambda: profiles_loader(self.team_id, self.hub_id))
        profile = await loader.load(self.author_id)
        return member_profile(profile, self.viewer) if profile else None


def community_message(m: Message, viewer: int | None) -> CommunityMessage:
    return CommunityMessage(id=m.id, body=m.body, body_html=m.body_html, created_at=m.created_at,
                            team_id=m.team_id, hub_id=m.hub_id, author_id=m.author_id, viewer=viewer)


UNREAD_SQL = """
SELECT cm.conversation_id, count(m.id)::int AS unread
FROM community_conversation_members cm
LEFT JOIN community_messages m ON m.team_id = cm.team_id AND m.conversation_id = cm.conversation_id
  AND m.author_id IS DISTINCT FROM cm.team_contact_id AND m.created_at > COALESCE(cm.last_read_at, '-infinity')
  AND (m.author_id IS NULL OR m.author_id NOT IN (  -- not from members the reader blocked
    SELECT b.blocked_id FROM community_blocks b
    WHERE b.team_id = cm.team_id AND b.hub_id = m.hub_id AND b.blocker_id = cm.team_contact_id))
WHERE cm.team_id = $1 AND cm.team_contact_id = $2 AND cm.conversation_id = ANY($3::bigint[])
GROUP BY cm.conversation_id
"""


def _unread_loader(team_id: int, contact_id: int) -> DataLoader[int, int]:
    async def load(ids: list[int]) -> list[int]:
        rows = await connections.get("default").execute_query_dict(UNREAD_SQL, [team_id, contact_id, list(ids)])
        found = {r["conversation_id"]: r["unread"] for r in rows}
        return [found.get(i, 0) for i in ids]

    return DataLoader(load_fn=load)


def _participants_loader(team_id: int) -> DataLoader[int, list[int]]:
    async def load(ids: list[int]) -> list[list[int]]:
        rows = await ConversationMember.filter(team_id=team_id, conversation_id__in=list(ids)).order_by("id")
        found: dict[int, list[int]] = {}
        for r in rows:
            found.setdefault(r.conversation_id, []).append(r.team_contact_id)
        return [found.get(i, []) for i in ids]

    return DataLoader(load_fn=load)


@strawberry.type(description="A private conversation between members of a hub (1:1 or a group).")
class MemberConversation(relay.Node):
    id: relay.NodeID[int]
    title: str = strawberry.field(description="The group's title; empty for a 1:1 conversation.")
    is_group: bool = strawberry.field(description="Whether it has more than two members.")
    created_at: datetime = strawberry.field(description="When it was started.")
    last_message_at: datetime = strawberry.field(description="When the latest message was sent.")
    team_id: strawberry.Private[int]
    hub_id: strawberry.Private[int]
    viewer: strawberry.Private[int]

    @strawberry.field(description="Everyone in the conversation, the viewer included.")
    async def members(self, info: Info[Context, None]) -> list[MemberProfile]:
        contacts = await info.context.loader("community:participants", lambda: _participants_loader(
            self.team_id)).load(self.id)
        loader = info.context.loader(f"community:profiles:{self.hub_id}",
                                     lambda: profiles_loader(self.team_id, self.hub_id))
        found = await loader.load_many(contacts)
        return [member_profile(p, self.viewer) for p in found if p is not None]

    @strawberry.field(description="Messages from others since the viewer last read the conversation.")
    async def unread_count(self, info: Info[Context, None]) -> int:
        return await info.context.loader("community:unread", lambda: _unread_loader(
            self.team_id, self.viewer)).load(self.id)

    @strawberry.field(description="Oldest first; `last: 20` gives the latest.")
    async def messages(
        self, info: Info[Context, None], first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> Connection[CommunityMessage]:
        viewer = self.viewer
        query = Message.filter(in_view(self.team_id, self.hub_id, viewer), team_id=self.team_id,
                               conversation_id=self.id)
        return await keyset_page(query, lambda m: community_message(m, viewer), first=first, after=after, last=last,
                                 before=before)


def member_conversation(c: Conversation, viewer: int) -> MemberConversation:
    return MemberConversation(id=c.id, title=c.title, is_group=c.is_group, created_at=c.created_at,
                              last_message_at=c.last_message_at, team_id=c.team_id, hub_id=c.hub_id, viewer=viewer)


class ProfileVisibility(StrEnum):
    MEMBERS = "members"
    NOBODY = "nobody"


described_enum(ProfileVisibility, name="ProfileVisibility", description="Who sees a profile field.", values={
    "MEMBERS": "Every member of the hub.",
    "NOBODY": "Only the member.",
})


@strawberry.type(description="The member's own profile, every field, with who sees each.")
class MyProfile:
    profile: MemberProfile = strawberry.field(description=(
        "The profile as others see it (with the viewer's own hidden fields shown)."))
    bio_visibility: ProfileVisibility = strawberry.field(description="Who sees the bio.")
    avatar_visibility: ProfileVisibility = strawberry.field(description="Who sees the avatar.")
    links_visibility: ProfileVisibility = strawberry.field(description="Who sees the links.")
    directory_visibility: ProfileVisibility = strawberry.field(description="Listed in the member directory.")


def my_profile(p: Profile) -> MyProfile:
    seen = p.visibility or {}
    return MyProfile(profile=member_profile(p, p.team_contact_id),
                     **{f"{f}_visibility": ProfileVisibility(seen.get(f, "members")) for f in profiles.PROFILE_FIELDS})


@strawberry.type(description="A member listed in the hub's directory.")
class DirectoryEntry:
    profile: MemberProfile = strawberry.field(description="Their profile.")
    role: HubRole = strawberry.field(description="Their role in the hub.")


@strawberry.input(description="A new conversation.")
class StartConversationInput:
    member_ids: list[strawberry.ID] = strawberry.field(description="MemberProfile ids of the others.")
    title: str = strawberry.field(default="", description="A title for a group conversation.")


@strawberry.type(description="Result of the conversation mutations.")
class ConversationPayload:
    conversation: MemberConversation | None = strawberry.field(default=None, description=(
        "The conversation; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A message to send.")
class SendMessageInput:
    conversation_id: strawberry.ID = strawberry.field(description=(
        "A conversation the member is in (a MemberConversation id)."))
    body: str = strawberry.field(description="Markdown (required).")


@strawberry.type(description="Result of `sendMessage`.")
class MessagePayload:
    message: CommunityMessage | None = strawberry.field(default=None, description=(
        "The message; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="The conversation read up to now.")
class MarkConversationReadInput:
    conversation_id: strawberry.ID = strawberry.field(description="A MemberConversation id.")


@strawberry.input(description="A group conversation's new title.")
class RenameConversationInput:
    conversation_id: strawberry.ID = strawberry.field(description=(
        "A group conversation the member is in (a MemberConversation id); NOT_A_GROUP for a 1:1 one."))
    title: str = strawberry.field(description="The new title, 1 to 200 characters.")


@strawberry.input(description="The group conversation to leave.")
class LeaveConversationInput:
    conversation_id: strawberry.ID = strawberry.field(description=(
        "A group conversation the member is in (a MemberConversation id); NOT_A_GROUP for a 1:1 one."))


@strawberry.input(description="A member to block or unblock.")
class BlockMemberInput:
    member_id: strawberry.ID = strawberry.field(description="The member (a MemberProfile id).")
    blocked: bool = strawberry.field(default=True, description="Block (true, default) or unblock (false).")


@strawberry.type(description="Result of `blockMember`.")
class BlockMemberPayload:
    changed: bool = strawberry.field(default=False, description="False when it was already so.")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="Who sees each profile field; fields left out or null are kept.")
class ProfileVisibilityInput:
    bio: ProfileVisibility | None = strawberry.field(default=None, description="Who sees the bio.")
    avatar: ProfileVisibility | None = strawberry.field(default=None, description="Who sees the avatar.")
    links: ProfileVisibility | None = strawberry.field(default=None, description="Who sees the links.")
    directory: ProfileVisibility | None = strawberry.field(default=None, description=(
        "Whether the member is listed in the directory (NOBODY: not listed)."))


@strawberry.input(description="Changes to the member's own profile; fields left out or null are kept.")
class UpdateMyProfileInput:
    handle: str | None = strawberry.field(default=None, description=(
        "New handle (unique in the hub; used for @mentions)."))
    display_name: str | None = strawberry.field(default=None, description="New display name.")
    bio: str | None = strawberry.field(default=None, description="New bio.")
    avatar_media_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "New avatar: a media file of the hub (a MemberMedia id)."))
    clear_avatar: bool = strawberry.field(default=False, description="True removes the avatar.")
    links: list[str] | None = strawberry.field(default=None, description="New links (replace the old).")
    visibility: ProfileVisibilityInput | None = strawberry.field(default=None, description="Who sees what.")


@strawberry.type(description="Result of `updateMyProfile`.")
class MyProfilePayload:
    profile: MyProfile | None = strawberry.field(default=None, description=(
        "The profile now; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


def _role(value: HubRole | None) -> str | None:
    return value.value if value is not None else None


@strawberry.type
class SocialQuery:
    @strawberry.field(description="The member's conversations, latest message first.")
    async def my_conversations(
        self, info: Info[Context, None], first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> Connection[MemberConversation]:
        member = require_member(info)
        mine = ConversationMember.filter(team_id=member.team_id, team_contact_id=member.team_contact_id).values(
            "conversation_id")
        query = Conversation.filter(team_id=member.team_id, hub_id=member.hub_id, id__in=Subquery(mine))
        me = member.team_contact_id
        return await keyset_page(query, lambda c: member_conversation(c, me), first=first, after=after, last=last,
                                 before=before, sort_field="last_message_at", descending=True)

    @strawberry.field(description="A conversation the member is in, or null.")
    async def my_conversation(self, info: Info[Context, None],
        id: Annotated[strawberry.ID, strawberry.argument(description=(
            "A MemberConversation id."))]) -> MemberConversation | None:
        access = await member_access(info)
        try:
            row = await messages.member_conversation(access, id_arg(id, "MemberConversation"))
        except ValidationFailed:
            return None
        return member_conversation(row, access.contact_id)

    @strawberry.field(description="The member's own profile (made on first use).")
    async def my_profile(self, info: Info[Context, None]) -> MyProfile:
        member = require_member(info)
        await profiles.ensure_profile(member.team_id, member.hub_id, member.team_contact_id)
        return my_profile(await Profile.get(team_id=member.team_id, hub_id=member.hub_id,
                                            team_contact_id=member.team_contact_id))

    @strawberry.field(description="The hub's members, by display name: `search` matches the start of a display "
                                  "name or handle; banned members and those hiding from the directory are left out.")
    async def member_directory(
        self, info: Info[Context, None],
        search: Annotated[str | None, strawberry.argument(description=(
            "Text the display name or handle starts with (a leading @ is ignored); too long or empty is "
            "BAD_USER_INPUT."))] = None,
        role: Annotated[HubRole | None, strawberry.argument(description="Only members with this role.")] = None,
        first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[DirectoryEntry]:
        member = require_member(info)
        team_id, hub_id, me = member.team_id, member.hub_id, member.team_contact_id
        await profiles.backfill_profiles(team_id, hub_id)
        listed = HubMembership.filter(team_id=team_id, hub_id=hub_id, banned=False)
        if role is not None:
            listed = listed.filter(role=role.value)
        query = Profile.filter(team_id=team_id, hub_id=hub_id,
                               team_contact_id__in=Subquery(listed.values("team_contact_id")))
        query = query.filter(~Q(visibility__contains={"directory": "nobody"}) | Q(team_contact_id=me))
        query = query.filter(in_view(team_id, hub_id, me, "team_contact_id"))  # not the members one blocked
        if search is not None:
            text = search.strip().lstrip("@")
            if not 1 <= len(text) <= MAX_SEARCH:
                raise BadInput(f"search must be 1 to {MAX_SEARCH} characters")
            query = query.filter(Q(display_name__istartswith=text) | Q(handle__istartswith=text.lower()))
        roles: dict[int, str] = {}

        def entry(p: Profile) -> DirectoryEntry:
            return DirectoryEntry(profile=member_profile(p, me), role=HubRole(roles.get(p.team_contact_id, "member")))

        page = await keyset_page(query, lambda p: p, first=first, after=after, last=last, before=before,
                                 sort_field="display_name")
        contacts = [e.node.team_contact_id for e in page.edges]
        for contact, value in await HubMembership.filter(team_id=team_id, hub_id=hub_id,
                                                          team_contact_id__in=contacts).values_list(
                "team_contact_id", "role"):
            roles[contact] = str(value)
        for edge in page.edges:
            edge.node = entry(edge.node)  # type: ignore[assignment]  # shaped once the page's roles are known
        return page  # type: ignore[return-value]  # edges now hold DirectoryEntry


@strawberry.type
class SocialMutation:
    @strawberry.mutation(description="Start (or reopen) a conversation with other members of the hub.")
    @mutation_payload
    async def start_conversation(self, info: Info[Context, None], input: StartConversationInput
                                 ) -> ConversationPayload:
        access = await member_access(info)
        ids = id_inputs(input.member_ids, "MemberProfile", "memberIds") or []
        conversation = await messages.start_conversation(access, ids, input.title)
        return ConversationPayload(conversation=member_conversation(conversation, access.contact_id))

    @strawberry.mutation(description="Send a message in a conversation the member is in. Member session required.")
    @mutation_payload
    async def send_message(self, info: Info[Context, None], input: SendMessageInput) -> MessagePayload:
        access = await member_access(info)
        message = await messages.send_message(access, id_input(input.conversation_id, "MemberConversation",
                                                               "conversationId"), input.body)
        return MessagePayload(message=community_message(message, access.contact_id))

    @strawberry.mutation(description=(
        "Mark a conversation read up to now (its unreadCount becomes 0). Member session required."))
    @mutation_payload
    async def mark_conversation_read(self, info: Info[Context, None], input: MarkConversationReadInput
                                     ) -> ConversationPayload:
        access = await member_access(info)
        row = await messages.mark_conversation_read(access, id_input(input.conversation_id, "MemberConversation",
                                                                     "conversationId"))
        return ConversationPayload(conversation=member_conversation(row, access.contact_id))

    @strawberry.mutation(description="Rename a group conversation the member is in (any member may).")
    @mutation_payload
    async def rename_conversation(self, info: Info[Context, None], input: RenameConversationInput
                                  ) -> ConversationPayload:
        access = await member_access(info)
        row = await messages.rename_conversation(
            access, id_input(input.conversation_id, "MemberConversation", "conversationId"), input.title)
        return ConversationPayload(conversation=member_conversation(row, access.contact_id))

    @strawberry.mutation(description=(
        "Leave a group conversation: from now it and its messages are unknown to the member, and their message "
        "stream ends; the others keep it. A 1:1 conversation cannot be left (block the member instead)."))
    @mutation_payload
    async def leave_conversation(self, info: Info[Context, None], input: LeaveConversationInput
                                 ) -> ConversationPayload:
        access = await member_access(info)
        row = await messages.leave_conversation(
            access, id_input(input.conversation_id, "MemberConversation", "conversationId"))
        return ConversationPayload(conversation=member_conversation(row, access.contact_id))

    @strawberry.mutation(description="Block (or unblock, `blocked: false`) a member: no 1:1 messages either way, "
                                     "no mentions or messages from them reach you.")
    @mutation_payload
    async def block_member(self, info: Info[Context, None], input: BlockMemberInput) -> BlockMemberPayload:
        access = await member_access(info)
        changed = await messages.block(access, id_input(input.member_id, "MemberProfile", "memberId"), input.blocked)
        return BlockMemberPayload(changed=changed)

    @strawberry.mutation(description="Change the member's own profile and who sees it. Member session required.")
    @mutation_payload
    async def update_my_profile(self, info: Info[Context, None], input: UpdateMyProfileInput) -> MyProfilePayload:
        member = require_member(info)
        visibility = None
        if input.visibility is not None:
            visibility = {k: v.value for k, v in (("bio", input.visibility.bio), ("avatar", input.visibility.avatar),
                                                  ("links", input.visibility.links),
                                                  ("directory", input.visibility.directory)) if v is not None}
        avatar = id_input(input.avatar_media_id, "MemberMedia", "avatarMediaId") \
            if input.avatar_media_id is not None else None
        profile = await profiles.update_profile(
            member.team_id, member.hub_id, member.team_contact_id, handle=input.handle,
            display_name=input.display_name, bio=input.bio, avatar_media_id=avatar, clear_avatar=input.clear_avatar,
            links=input.links, visibility=visibility)
        return MyProfilePayload(profile=my_profile(profile))


@strawberry.type
class SocialSubscription:
    @strawberry.subscription(description="New messages in a conversation the member is in.")
    async def my_conversation_messages(self, info: Info[Context, None],
        conversation_id: Annotated[strawberry.ID, strawberry.argument(description=(
            "A conversation the member is in (a MemberConversation id)."))]
                                       ) -> AsyncGenerator[CommunityMessage, None]:
        access = await member_access(info)
        try:
            conversation = await messages.member_conversation(
                access, id_arg(conversation_id, "MemberConversation", "conversationId"))
        except ValidationFailed:
            raise GraphQLError("conversation not found", extensions={"code": "NOT_FOUND"}) from None
        me = access.contact_id
        stream = cast(AsyncGenerator[dict[str, Any], None], listen(
            team_channel(access.team_id, MESSAGE_TOPIC), where=("conversation_id", conversation.id)))
        try:
            async for event in stream:
                if event.get("left") == me:
                    return  # the member left the group
                if "message_id" not in event:
                    continue
                row = await Message.filter(in_view(access.team_id, access.hub_id, me), id=event["message_id"],
                                           team_id=access.team_id, conversation_id=conversation.id).first()
                if row is not None:
                    yield community_message(row, me)
        finally:
            await stream.aclose()


async def _fetch_conversations(info: Info[Context, None], team_id: int, pks: list[int]
                               ) -> dict[int, MemberConversation]:
    member = require_member(info)
    mine = ConversationMember.filter(team_id=team_id, team_contact_id=member.team_contact_id,
                                     conversation_id__in=pks).values("conversation_id")
    rows = await Conversation.filter(team_id=team_id, hub_id=member.hub_id, id__in=Subquery(mine))
    return {c.id: member_conversation(c, member.team_contact_id) for c in rows}


async def _fetch_messages(info: Info[Context, None], team_id: int, pks: list[int]) -> dict[int, CommunityMessage]:
    member = require_member(info)
    mine = ConversationMember.filter(team_id=team_id, team_contact_id=member.team_contact_id).values(
        "conversation_id")
    rows = await Message.filter(in_view(team_id, member.hub_id, member.team_contact_id), team_id=team_id,
                                hub_id=member.hub_id, id__in=pks, conversation_id__in=Subquery(mine))
    return {m.id: community_message(m, member.team_contact_id) for m in rows}


NODE_TYPES = (
    NodeType("MemberConversation", lambda info: require_member(info).team_id, _fetch_conversations),
    NodeType("CommunityMessage", lambda info: require_member(info).team_id, _fetch_messages),
)
