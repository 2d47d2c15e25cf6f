"""GraphQL for a member's notifications, and the live community streams (graphql-transport-ws).

Streams carry ids through Redis (app/community/live.py); for each message the subscriber reads the
row again with fresh access (a websocket's context outlives any one decision), so a stream never
shows what the member may no longer see. `mySpaceActivity` also follows the member's segment and
entitlement changes: when the space closes for them, the stream says so and ends.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncGenerator, AsyncIterator
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, cast

import strawberry
from graphql import GraphQLError
from strawberry import relay
from strawberry.types import Info

from app.access.decision import LockReason
from app.access.member_graphql import require_member
from app.access.members import MemberViewer
from app.access.view import HubAccess, compute_hub_access
from app.community import live, notifications, service
from app.community.loaders import profiles_loader
from app.community.member_graphql import (
    CommunityComment,
    CommunityPost,
    MemberProfile,
    community_comment,
    community_post,
    member_access,
    member_profile,
)
from app.community.models import Comment, Notification, NotificationKind, Post, Profile, Space
from app.core.pubsub import listen, team_channel
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.enums import described_enum
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, gid, id_arg, id_inputs
from app.graphql.nodes import NodeType
from app.hubs.service import MEMBERSHIP_TOPIC

NotificationKindEnum = described_enum(NotificationKind, name="CommunityNotificationKind", description=(
    "Why a member was notified."), values={
    "REPLY": "Someone commented on their post or replied to their comment.",
    "MENTION": "Someone @mentioned them.",
    "MESSAGE": "A private message arrived.",
    "MODERATION": "A moderator acted on their post, comment or message.",
    "ANSWER_ACCEPTED": "Their comment was accepted as the answer to a question.",
})
# What can open or close a space for a member: segments, entitlements, and the hub role or a ban.
ACCESS_TOPICS = ("segment-membership", "entitlements", MEMBERSHIP_TOPIC)
STREAM_BACKLOG = 1000


@strawberry.type(description="Something in the community that concerns the member.")
class CommunityNotification(relay.Node):
    id: relay.NodeID[int]
    kind: NotificationKind = strawberry.field(description="Why they are notified.")
    text: str = strawberry.field(description="A sentence for people (\"Ava replied to your post\").")
    post_id: strawberry.ID | None = strawberry.field(description=(
        "The post it is about (a CommunityPost id); null when none."))
    comment_id: strawberry.ID | None = strawberry.field(description=(
        "The comment it is about (a CommunityComment id); null when none."))
    conversation_id: strawberry.ID | None = strawberry.field(description=(
        "The conversation it is about (a MemberConversation id); null when none."))
    read_at: datetime | None = strawberry.field(description="When the member marked it read; null while unread.")
    created_at: datetime = strawberry.field(description="When it happened.")
    team_id: strawberry.Private[int]
    hub_id: strawberry.Private[int]
    actor_id: strawberry.Private[int | None]
    viewer: strawberry.Private[int]

    @strawberry.field(description="Whether it is read.")
    def read(self) -> bool:
        return self.read_at is not None

    @strawberry.field(description="Who did it (null for moderation outcomes).")
    async def actor(self, info: Info[Context, None]) -> MemberProfile | None:
        if self.actor_id is None:
            return None
        loader = info.context.loader(f"community:profiles:{self.hub_id}",
                                     lambda: profiles_loader(self.team_id, self.hub_id))
        profile: Profile | None = await loader.load(self.actor_id)
        return member_profile(profile, self.viewer) if profile else None


def community_notification(n: Notification) -> CommunityNotification:
    return CommunityNotification(
        id=n.id, kind=NotificationKind(n.kind), text=n.text, post_id=gid("CommunityPost", n.post_id),
        comment_id=gid("CommunityComment", n.comment_id), conversation_id=gid("MemberConversation", n.conversation_id),
        read_at=n.read_at, created_at=n.created_at, team_id=n.team_id, hub_id=n.hub_id, actor_id=n.actor_id,
        viewer=n.recipient_id,
    )


def _mine(member: MemberViewer) -> Any:
    """The member's notifications, but for those from members they blocked since."""
    return Notification.filter(service.in_view(member.team_id, member.hub_id, member.team_contact_id, "actor_id"),
                               team_id=member.team_id, hub_id=member.hub_id, recipient_id=member.team_contact_id)


@strawberry.input(description="Which notifications to mark read.")
class MarkNotificationsReadInput:
    ids: list[strawberry.ID] | None = strawberry.field(default=None, description="Null: every notification.")


@strawberry.type(description="Result of `markNotificationsRead`.")
class MarkNotificationsReadPayload:
    marked: int = strawberry.field(default=0, description="Notifications that were unread and are now read.")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class NotificationsQuery:
    @strawberry.field(description="The member's notifications, newest first.")
    async def my_notifications(
        self, info: Info[Context, None], first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
        unread_only: Annotated[bool, strawberry.argument(description="Only unread ones (default false).")] = False,
    ) -> Connection[CommunityNotification]:
        query = _mine(require_member(info))
        if unread_only:
            query = query.filter(read_at__isnull=True)
        return await keyset_page(query, community_notification, first=first, after=after, last=last, before=before,
                                 descending=True)

    @strawberry.field(description="How many of the member's notifications are unread. Member session required.")
    async def my_unread_notification_count(self, info: Info[Context, None]) -> int:
        return await _mine(require_member(info)).filter(read_at__isnull=True).count()


@strawberry.type
class NotificationsMutation:
    @strawberry.mutation(description="Mark notifications read (the given ones, or all).")
    @mutation_payload
    async def mark_notifications_read(self, info: Info[Context, None], input: MarkNotificationsReadInput
                                      ) -> MarkNotificationsReadPayload:
        member = require_member(info)
        ids = id_inputs(input.ids, "CommunityNotification", "ids")
        marked = await notifications.mark_read(member.team_id, member.hub_id, member.team_contact_id, ids)
        return MarkNotificationsReadPayload(marked=marked)


# ---------------------------------------------------------------- live


class SpaceActivityKind(StrEnum):
    POST_CREATED = "post_created"
    POST_EDITED = "post_edited"
    POST_DELETED = "post_deleted"
    POST_HIDDEN = "post_hidden"
    POST_RESTORED = "post_restored"
    POST_UPDATED = "post_updated"  # pinned, locked, an RSVP, the accepted answer
    COMMENT_CREATED = "comment_created"
    COMMENT_EDITED = "comment_edited"
    COMMENT_DELETED = "comment_deleted"
    COMMENT_HIDDEN = "comment_hidden"
    COMMENT_RESTORED = "comment_restored"
    REACTION = "reaction"
    ACCESS_CHANGED = "access_changed"


described_enum(SpaceActivityKind, name="SpaceActivityKind", description="What happened in a space.", values={
    "POST_CREATED": "A post was published.",
    "POST_EDITED": "A post was edited.",
    "POST_DELETED": "A post was deleted.",
    "POST_HIDDEN": "A moderator hid a post.",
    "POST_RESTORED": "A moderator restored a post.",
    "POST_UPDATED": "A post was pinned, unpinned, locked or unlocked, its event's RSVPs or its accepted answer "
                    "changed.",
    "COMMENT_CREATED": "A comment was published.",
    "COMMENT_EDITED": "A comment was edited.",
    "COMMENT_DELETED": "A comment was deleted.",
    "COMMENT_HIDDEN": "A moderator hid a comment.",
    "COMMENT_RESTORED": "A moderator restored a comment.",
    "REACTION": "A reaction was added or removed.",
    "ACCESS_CHANGED": "The member's access to the space changed (the stream ends when it is lost).",
})


@strawberry.type(description="Something happened in a space; `canAccess: false` (ACCESS_CHANGED) ends the stream.")
class SpaceActivity:
    kind: SpaceActivityKind = strawberry.field(description="What happened.")
    space_id: strawberry.ID = strawberry.field(description="The space (a MemberSpace id).")
    post_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "The post concerned (a CommunityPost id); null when none."))
    comment_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "The comment concerned; null when none."))
    post: CommunityPost | None = strawberry.field(default=None, description=(
        "The post now, as the member may see it; null when none or no longer visible."))
    comment: CommunityComment | None = strawberry.field(default=None, description=(
        "The comment now, as the member may see it; null when none or no longer visible."))
    can_access: bool = strawberry.field(default=True, description=(
        "Whether the member may still read the space (false ends the stream)."))
    locked_reason: LockReason | None = strawberry.field(default=None, description=(
        "Why not, when `canAccess` is false; null otherwise."))


async def merged(sources: list[AsyncIterator[dict[str, Any]]]) -> AsyncGenerator[dict[str, Any], None]:
    """Several pub/sub listeners as one stream; a consumer that falls behind loses its own oldest items."""
    queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(maxsize=STREAM_BACKLOG)

    async def pump(source: AsyncIterator[dict[str, Any]]) -> None:
        async for message in source:
            if queue.full():
                queue.get_nowait()
            queue.put_nowait(message)

    tasks = [asyncio.create_task(pump(s)) for s in sources]
    try:
        while True:
            getter = asyncio.ensure_future(queue.get())
            done, _ = await asyncio.wait([getter, *tasks], return_when=asyncio.FIRST_COMPLETED)
            if getter not in done:
                getter.cancel()
                for task in done:  # a listener failed (Redis went away): the stream ends with its error
                    task.result()
                continue
            yield getter.result()
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


async def _fresh(member: MemberViewer) -> HubAccess:
    return await compute_hub_access({}, member.team_id, member.hub_id, member.team_contact_id)


async def _activity(member: MemberViewer, access: HubAccess, space_id: int, message: dict[str, Any]
                    ) -> SpaceActivity | None:
    kind = SpaceActivityKind(message["kind"])
    post = await Post.get_or_none(id=message.get("post_id"), team_id=member.team_id, space_id=space_id)
    blocked = await service.blocked_by(access)
    if post is not None and post.author_id in blocked:
        return None  # a member they blocked: out of view, even the id
    if post is None or not service.readable(access, post, allow_hidden=True):
        if kind not in (SpaceActivityKind.POST_DELETED, SpaceActivityKind.POST_HIDDEN):
            return None
        post = None  # gone from view: the id alone says to drop it
    moderator = service.is_moderator(access)
    comment = None
    if message.get("comment_id") is not None:
        row = await Comment.get_or_none(id=message["comment_id"], team_id=member.team_id)
        if row is not None and row.author_id in blocked:
            return None
        if row is not None:
            comment = community_comment(row, member.team_contact_id, moderator=moderator,
                                        accepted=post.accepted_comment_id if post else None)
    return SpaceActivity(
        kind=kind, space_id=encode_id("MemberSpace", space_id), post_id=gid("CommunityPost", message.get("post_id")),
        comment_id=gid("CommunityComment", message.get("comment_id")),
        post=community_post(post, member.team_contact_id, moderator=moderator) if post else None, comment=comment,
    )


@strawberry.type
class CommunitySubscription:
    @strawberry.subscription(description="New and changed posts, comments and reactions in a space the member may "
                                         "read; ends (with ACCESS_CHANGED) when the space closes for them.")
    async def my_space_activity(self, info: Info[Context, None],
        space_id: Annotated[strawberry.ID, strawberry.argument(description=(
            "A space the member may read (a MemberSpace id)."))]
                                ) -> AsyncGenerator[SpaceActivity, None]:
        member = require_member(info)
        wanted = id_arg(space_id, "MemberSpace", "spaceId")
        access = await member_access(info)
        space = await Space.get_or_none(id=wanted, team_id=member.team_id, hub_id=member.hub_id)
        if space is None:
            raise GraphQLError("space not found", extensions={"code": "NOT_FOUND"})
        decision = access.space(space.id)
        if not decision.allowed:
            raise GraphQLError(f"the space is locked ({decision.reason})", extensions={"code": "FORBIDDEN"})
        me = member.team_contact_id
        stream = merged([
            listen(team_channel(member.team_id, live.SPACE_TOPIC), where=("space_id", space.id)),
            *(listen(team_channel(member.team_id, topic), where=("team_contact_id", me)) for topic in ACCESS_TOPICS),
        ])
        try:
            async for message in stream:
                access = await _fresh(member)
                decision = access.space(space.id)
                if not decision.allowed:
                    yield SpaceActivity(kind=SpaceActivityKind.ACCESS_CHANGED,
                                        space_id=encode_id("MemberSpace", space.id), can_access=False,
                                        locked_reason=decision.reason)
                    return
                if "kind" not in message:
                    continue  # a segment or entitlement change that leaves the space open
                activity = await _activity(member, access, space.id, message)
                if activity is not None:
                    yield activity
        finally:
            await stream.aclose()

    @strawberry.subscription(description="The member's new notifications, as they are stored.")
    async def my_notification_added(self, info: Info[Context, None]) -> AsyncGenerator[CommunityNotification, None]:
        member = require_member(info)
        stream = cast(AsyncGenerator[dict[str, Any], None], listen(
            team_channel(member.team_id, live.NOTIFICATION_TOPIC), where=("recipient_id", member.team_contact_id)))
        try:
            async for message in stream:
                row = await _mine(member).filter(id=message["notification_id"]).first()
                if row is not None:
                    yield community_notification(row)
        finally:
            await stream.aclose()


async def _fetch_notifications(info: Info[Context, None], team_id: int, pks: list[int]
                               ) -> dict[int, CommunityNotification]:
    rows = await _mine(require_member(info)).filter(id__in=pks)
    return {n.id: community_notification(n) for n in rows}


NODE_TYPES = (
    NodeType("CommunityNotification", lambda info: require_member(info).team_id, _fetch_notifications),
)
