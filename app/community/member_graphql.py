"""GraphQL for members: spaces, feeds, threads, reactions (and the moderator's tools in their hub).

Every value is shaped from the request's `HubAccess` (app/access/view.py): a space the decision does
not open keeps its name and lock reason but gives no posts; a post or comment outside it, hidden,
pending (someone else's) or of another hub is unknown.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any, cast

import strawberry
from strawberry import relay
from strawberry.types import Info
from tortoise.expressions import Q

from app.access.decision import LockReason
from app.access.member_graphql import MemberMedia, require_member
from app.access.members import MemberViewer
from app.access.view import HubAccess, hub_access
from app.community import loaders, service
from app.community.feed_graphql import PlannedEdges
from app.community.models import (
    Comment,
    ContentStatus,
    Post,
    Profile,
    RsvpStatus,
    Space,
    SpaceKind,
    TargetKind,
    Visibility,
)
from app.content.loaders import media_loader
from app.content.media_urls import media_url
from app.content.models import MediaKind
from app.core.errors import ValidationFailed
from app.graphql.connections import Connection, PageInfo, keyset_page
from app.graphql.context import Context
from app.graphql.enums import described_enum
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, gid, id_arg, id_input, id_inputs
from app.graphql.nodes import NodeType

SpaceKindEnum = described_enum(SpaceKind, name="SpaceKind", description="What a community space is for.", values={
    "DISCUSSION": "Open conversation (the default).",
    "ANNOUNCEMENTS": "News from the hub: read-only for members by default.",
    "EVENTS": "Each post is an event (a start, an end, a place) that members RSVP to.",
    "QUESTIONS": "Each post is a question; its author or a moderator accepts a comment as the answer.",
})
RsvpStatusEnum = described_enum(RsvpStatus, name="RsvpStatus", description="A member's answer to an event.", values={
    "GOING": "The member is going.",
    "NOT_GOING": "The member is not going.",
})
ContentStatusEnum = described_enum(ContentStatus, name="CommunityContentStatus", description=(
    "Whether a post or comment is shown."), values={
    "VISIBLE": "Shown to everyone who may read the space.",
    "PENDING": "Waiting for a moderator (a first post, or a word filter set to REVIEW); only its author sees it.",
    "HIDDEN": "Hidden by a moderator; can be restored.",
    "DELETED": "Deleted by its author or a moderator (the row stays; it leaves every feed).",
})


class ReactionTarget(StrEnum):
    POST = "post"
    COMMENT = "comment"


described_enum(ReactionTarget, name="ReactionTarget", description="What a reaction is given to.", values={
    "POST": "A post (a CommunityPost id).",
    "COMMENT": "A comment (a CommunityComment id).",
})


async def member_access(info: Info[Context, None]) -> HubAccess:
    member = require_member(info)
    return await hub_access(info.context.loaders, member.team_id, member.hub_id, member.team_contact_id)


def _empty() -> Connection[Any]:
    return Connection(edges=[], page_info=PageInfo(has_next_page=False, has_previous_page=False,
                                                   start_cursor=None, end_cursor=None))


# ---------------------------------------------------------------- profiles (as authors)


@strawberry.type(description="A member as other members see them: hidden fields are null.")
class MemberProfile(relay.Node):
    id: relay.NodeID[int]
    handle: str = strawberry.field(description="The member's unique handle in the hub (for @mentions).")
    display_name: str = strawberry.field(description="Name shown on posts and comments.")
    bio: str | None = strawberry.field(description="About the member; null when hidden or unset.")
    links: list[str] | None = strawberry.field(description="The member's links; null when hidden.")
    avatar_media_id: strawberry.Private[int | None]
    team_id: strawberry.Private[int]

    @strawberry.field(description="The avatar (hub media) with a signed URL; null when hidden or unset.")
    async def avatar(self, info: Info[Context, None]) -> MemberMedia | None:
        if self.avatar_media_id is None:
            return None
        media = await info.context.loader("content:media", lambda: media_loader(self.team_id)).load(
            self.avatar_media_id)
        if media is None:
            return None
        return MemberMedia(id=media.id, kind=MediaKind(media.kind), filename=media.filename,
                           content_type=media.content_type, size_bytes=media.size_bytes,
                           url=media_url(info.context.settings, media))


def visible(profile: Profile, field: str, viewer_contact_id: int | None) -> bool:
    if viewer_contact_id == profile.team_contact_id:
        return True
    return (profile.visibility or {}).get(field, Visibility.MEMBERS) != Visibility.NOBODY


def member_profile(profile: Profile, viewer_contact_id: int | None) -> MemberProfile:
    return MemberProfile(
        id=profile.id, handle=profile.handle, display_name=profile.display_name,
        bio=profile.bio if visible(profile, "bio", viewer_contact_id) else None,
        links=[str(x) for x in profile.links] if visible(profile, "links", viewer_contact_id) else None,
        avatar_media_id=profile.avatar_media_id if visible(profile, "avatar", viewer_contact_id) else None,
        team_id=profile.team_id,
    )


async def _author(info: Info[Context, None], team_id: int, hub_id: int, contact_id: int | None,
                  viewer_contact_id: int | None) -> MemberProfile | None:
    if contact_id is None:
        return None
    loader = info.context.loader(f"community:profiles:{hub_id}", lambda: loaders.profiles_loader(team_id, hub_id))
    profile = await loader.load(contact_id)
    return member_profile(profile, viewer_contact_id) if profile else None


# ---------------------------------------------------------------- posts and comments


@strawberry.type(description="One reaction on a post or comment.")
class ReactionCount:
    emoji: str = strawberry.field(description="The reaction's name (one of the hub's `reactions`, e.g. `thumbs_up`).")
    count: int = strawberry.field(description="How many members gave it.")
    reacted_by_me: bool = strawberry.field(description="Whether the viewer gave it.")


@strawberry.type(description="An earlier version of a post or comment, kept when it was edited.")
class Revision:
    title: str | None = strawberry.field(description="The post's title then; null for a comment.")
    body: str = strawberry.field(description="The Markdown then.")
    edited_at: datetime = strawberry.field(description="When this version was replaced.")


async def _reactions(info: Info[Context, None], team_id: int, viewer: int | None, key: tuple[str, int]
                     ) -> list[ReactionCount]:
    loader = info.context.loader(f"community:reactions:{viewer}", lambda: loaders.reactions_loader(team_id, viewer))
    return [_reaction_count(r) for r in await loader.load(key)]


def _reaction_count(r: loaders.ReactionCount) -> ReactionCount:
    return ReactionCount(emoji=r.emoji, count=r.count, reacted_by_me=r.mine)


def _planned(page: Connection[Any]) -> Connection[Any]:
    """The page's edges completed in one pass when the selection allows (app/community/feed_graphql.py)."""
    page.edges = PlannedEdges(page.edges, profile=member_profile, count=_reaction_count)
    return page


async def _revisions(info: Info[Context, None], team_id: int, key: tuple[str, int]) -> list[Revision]:
    loader = info.context.loader("community:revisions", lambda: loaders.revisions_loader(team_id))
    return [Revision(title=r.title, body=r.body, edited_at=r.created_at) for r in await loader.load(key)]


@strawberry.type(description="A comment; a deleted or hidden one keeps its place in the thread with no body.")
class CommunityComment(relay.Node):
    id: relay.NodeID[int]
    post_id: strawberry.ID = strawberry.field(description="The post (a CommunityPost id).")
    parent_id: strawberry.ID | None = strawberry.field(description=(
        "The comment it replies to (a CommunityComment id); null at the top of the thread."))
    depth: int = strawberry.field(description="Reply level, 0 at the top, at most 8.")
    status: ContentStatus = strawberry.field(description="Visible, pending, hidden or deleted.")
    body: str | None = strawberry.field(description=(
        "The Markdown as written; null when deleted or hidden (to all but moderators)."))
    body_html: str | None = strawberry.field(description=(
        "The body rendered and sanitised (safe to insert as HTML); null with `body`."))
    created_at: datetime = strawberry.field(description="When it was written.")
    edited_at: datetime | None = strawberry.field(description="When it was last edited; null if never.")
    is_accepted_answer: bool = strawberry.field(description=(
        "Whether the question's author or a moderator accepted it as the answer (questions spaces)."))
    team_id: strawberry.Private[int]
    hub_id: strawberry.Private[int]
    author_id: strawberry.Private[int | None]
    viewer: strawberry.Private[int | None]

    @strawberry.field(description="The author's profile; null when the comment has no body shown or the author left.")
    async def author(self, info: Info[Context, None]) -> MemberProfile | None:
        if self.body is None:
            return None
        return await _author(info, self.team_id, self.hub_id, self.author_id, self.viewer)

    @strawberry.field(description="Each reaction given, how often, and whether by the viewer.")
    async def reactions(self, info: Info[Context, None]) -> list[ReactionCount]:
        return await _reactions(info, self.team_id, self.viewer, (TargetKind.COMMENT.value, self.id))

    @strawberry.field(description="Earlier versions, oldest first (the author's and moderators' view only).")
    async def revisions(self, info: Info[Context, None]) -> list[Revision]:
        return await _revisions(info, self.team_id, (TargetKind.COMMENT.value, self.id))


def community_comment(c: Comment, viewer: int | None, *, moderator: bool = False,
                      accepted: int | None = None) -> CommunityComment:
    """`accepted`: the post's accepted answer (a comment id), when known."""
    status = ContentStatus(c.status)
    shown = status == ContentStatus.VISIBLE or (status == ContentStatus.PENDING and c.author_id == viewer) or (
        moderator and status != ContentStatus.DELETED)
    return CommunityComment(
        id=c.id, post_id=encode_id("CommunityPost", c.post_id), parent_id=gid("CommunityComment", c.parent_id),
        depth=c.depth, status=status, body=c.body if shown else None, body_html=c.body_html if shown else None,
        created_at=c.created_at, edited_at=c.edited_at, is_accepted_answer=accepted is not None and accepted == c.id,
        team_id=c.team_id, hub_id=c.hub_id, author_id=c.author_id, viewer=viewer,
    )


@strawberry.type(description="When and where an events space's post happens, and who is going.")
class CommunityEvent:
    starts_at: datetime = strawberry.field(description="When it starts.")
    ends_at: datetime | None = strawberry.field(description="When it ends; null when not given.")
    location: str = strawberry.field(description="Where (a place or a link); empty when not given.")
    team_id: strawberry.Private[int]
    post_id: strawberry.Private[int]
    viewer: strawberry.Private[int | None]

    async def _counts(self, info: Info[Context, None]) -> loaders.RsvpCounts:
        loader = info.context.loader(f"community:rsvps:{self.viewer}",
                                     lambda: loaders.rsvps_loader(self.team_id, self.viewer))
        return await loader.load(self.post_id)

    @strawberry.field(description="Members who RSVPed going.")
    async def going_count(self, info: Info[Context, None]) -> int:
        return (await self._counts(info)).going

    @strawberry.field(description="Members who RSVPed not going.")
    async def not_going_count(self, info: Info[Context, None]) -> int:
        return (await self._counts(info)).not_going

    @strawberry.field(description="The viewer's own RSVP; null when they have not answered.")
    async def my_rsvp(self, info: Info[Context, None]) -> RsvpStatus | None:
        mine = (await self._counts(info)).mine
        return RsvpStatus(mine) if mine else None


@strawberry.type(description="A post in a community space, with its thread of comments.")
class CommunityPost(relay.Node):
    id: relay.NodeID[int]
    space_id: strawberry.ID = strawberry.field(description="The space (a MemberSpace id).")
    title: str = strawberry.field(description="Title.")
    body: str = strawberry.field(description="The Markdown as written.")
    body_html: str = strawberry.field(description="The body rendered and sanitised (safe to insert as HTML).")
    status: ContentStatus = strawberry.field(description="Visible, pending, hidden or deleted.")
    pinned: bool = strawberry.field(description="Whether a moderator pinned it (listed in `pinnedPosts`).")
    locked: bool = strawberry.field(description="Whether a moderator closed it to new comments.")
    comment_count: int = strawberry.field(description="Visible comments in the thread.")
    created_at: datetime = strawberry.field(description="When it was posted.")
    edited_at: datetime | None = strawberry.field(description="When it was last edited; null if never.")
    last_activity_at: datetime = strawberry.field(description="When it was posted or last commented on.")
    event: CommunityEvent | None = strawberry.field(description=(
        "The event, for a post of an events space; null for other posts."))
    accepted_answer_id: strawberry.ID | None = strawberry.field(description=(
        "The comment accepted as the answer (a CommunityComment id), for a question; null while none is."))
    team_id: strawberry.Private[int]
    hub_id: strawberry.Private[int]
    author_id: strawberry.Private[int | None]
    accepted_comment_id: strawberry.Private[int | None]
    media_ids: strawberry.Private[list[int]]
    viewer: strawberry.Private[int | None]
    moderator: strawberry.Private[bool]

    @strawberry.field(description="The author's profile; null when the author left.")
    async def author(self, info: Info[Context, None]) -> MemberProfile | None:
        return await _author(info, self.team_id, self.hub_id, self.author_id, self.viewer)

    @strawberry.field(description="Each reaction given, how often, and whether by the viewer.")
    async def reactions(self, info: Info[Context, None]) -> list[ReactionCount]:
        return await _reactions(info, self.team_id, self.viewer, (TargetKind.POST.value, self.id))

    @strawberry.field(description="Earlier versions, oldest first.")
    async def revisions(self, info: Info[Context, None]) -> list[Revision]:
        return await _revisions(info, self.team_id, (TargetKind.POST.value, self.id))

    @strawberry.field(description="Attachments (hub media) with signed URLs.")
    async def attachments(self, info: Info[Context, None]) -> list[MemberMedia]:
        loader = info.context.loader("content:media", lambda: media_loader(self.team_id))
        found = [m for m in await loader.load_many(self.media_ids) if m is not None and m.hub_id == self.hub_id]
        return [MemberMedia(id=m.id, kind=MediaKind(m.kind), filename=m.filename, content_type=m.content_type,
                            size_bytes=m.size_bytes, url=media_url(info.context.settings, m)) for m in found]

    @strawberry.field(description="The thread, oldest first: `parentId` and `depth` give its shape.")
    async def comments(
        self, info: Info[Context, None], first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> Connection[CommunityComment]:
        query = Comment.filter(service.in_view(self.team_id, self.hub_id, self.viewer), team_id=self.team_id,
                               post_id=self.id)
        if not self.moderator:
            query = query.filter(~Q(status=ContentStatus.PENDING) | Q(author_id=self.viewer or 0))
        viewer, moderator, accepted = self.viewer, self.moderator, self.accepted_comment_id
        return _planned(await keyset_page(query, lambda c: community_comment(c, viewer, moderator=moderator,
                                                                             accepted=accepted),
                                          first=first, after=after, last=last, before=before))


def community_post(p: Post, viewer: int | None, *, moderator: bool = False) -> CommunityPost:
    return CommunityPost(
        id=p.id, space_id=encode_id("MemberSpace", p.space_id), title=p.title, body=p.body, body_html=p.body_html,
        status=ContentStatus(p.status), pinned=p.pinned, locked=p.locked, comment_count=p.comment_count,
        created_at=p.created_at, edited_at=p.edited_at, last_activity_at=p.last_activity_at,
        event=CommunityEvent(starts_at=p.event_starts_at, ends_at=p.event_ends_at, location=p.event_location,
                             team_id=p.team_id, post_id=p.id, viewer=viewer) if p.event_starts_at else None,
        accepted_answer_id=gid("CommunityComment", p.accepted_comment_id), team_id=p.team_id,
        hub_id=p.hub_id, author_id=p.author_id, accepted_comment_id=p.accepted_comment_id,
        media_ids=[int(m) for m in p.media_ids], viewer=viewer, moderator=moderator,
    )


# ---------------------------------------------------------------- spaces


@strawberry.type(description="A space of the member's hub; locked: name and reason only, no posts.")
class MemberSpace(relay.Node):
    id: relay.NodeID[int]
    slug: str = strawberry.field(description="URL name in the hub.")
    name: str = strawberry.field(description="Name; given also when locked.")
    description: str = strawberry.field(description="What the space is for.")
    kind: SpaceKind = strawberry.field(description="Discussion, announcements, events or questions.")
    position: int = strawberry.field(description="Sort key among the hub's spaces, ascending.")
    can_access: bool = strawberry.field(description="Whether the member may read it now.")
    locked_reason: LockReason | None = strawberry.field(description=(
        "Why not, when locked (the same reasons as content); null when open."))
    available_at: datetime | None = strawberry.field(description=(
        "When it opens, for NOT_YET_AVAILABLE; null otherwise."))
    can_post: bool = strawberry.field(description="Whether the member may start a post here now.")
    read_only: bool = strawberry.field(description="Only moderators post here (announcements).")
    access: strawberry.Private[HubAccess]

    @strawberry.field(description="Visible posts, newest first (pinned ones too; see pinnedPosts).")
    async def posts(
        self, info: Info[Context, None], first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
        upcoming: Annotated[bool, strawberry.argument(description=(
            "Only events that have not ended (by their end, or their start when they have none), soonest "
            "first; its cursors are not those of the newest-first list."))] = False,
    ) -> Connection[CommunityPost]:
        if not self.can_access:
            return _empty()
        access = self.access
        moderator, viewer = service.is_moderator(access), access.contact_id
        query = Post.filter(service.in_view(access.team_id, access.hub_id, viewer), team_id=access.team_id,
                            space_id=self.id, status=ContentStatus.VISIBLE)
        order: dict[str, Any] = {"descending": True}
        if upcoming:
            now = datetime.now(UTC)
            query = query.filter(Q(event_ends_at__gte=now) | Q(event_ends_at__isnull=True, event_starts_at__gte=now),
                                 event_starts_at__isnull=False)
            order = {"sort_field": "event_starts_at"}
        return _planned(await keyset_page(query, lambda p: community_post(p, viewer, moderator=moderator),
                                          first=first, after=after, last=last, before=before, **order))

    @strawberry.field(description="Pinned visible posts, newest first (at most 20).")
    async def pinned_posts(self) -> list[CommunityPost]:
        if not self.can_access:
            return []
        access = self.access
        rows = await Post.filter(service.in_view(access.team_id, access.hub_id, access.contact_id),
                                 team_id=access.team_id, space_id=self.id, status=ContentStatus.VISIBLE,
                                 pinned=True).order_by("-id").limit(20)
        moderator = service.is_moderator(self.access)
        return [community_post(p, self.access.contact_id, moderator=moderator) for p in rows]


def member_space(access: HubAccess, space: Space) -> MemberSpace:
    decision = access.space(space.id)
    moderator = service.is_moderator(access)
    return MemberSpace(
        id=space.id, slug=space.slug, name=space.name, description=space.description, kind=SpaceKind(space.kind),
        position=space.position, can_access=decision.allowed,
        locked_reason=decision.reason if not decision.allowed else None, available_at=decision.available_at,
        can_post=decision.allowed and (space.members_can_post or moderator), read_only=not space.members_can_post,
        access=access,
    )


@strawberry.type(description="The signed-in member's view of the hub's community (`myCommunity`).")
class MemberCommunity:
    reactions: list[str] = strawberry.field(description="The hub's reactions (the only ones addReaction takes).")
    is_moderator: bool = strawberry.field(description=(
        "Whether the member is a moderator or host of the hub (moderation fields and mutations)."))
    spaces: list[MemberSpace] = strawberry.field(description="Every space, in order, with the member's access.")


# ---------------------------------------------------------------- mutations


@strawberry.input(description="When and where an event happens (posts of an events space).")
class EventInput:
    starts_at: datetime = strawberry.field(description="When it starts (with a UTC offset; without one, UTC).")
    ends_at: datetime | None = strawberry.field(default=None, description=(
        "When it ends (not before `startsAt`); null: not given."))
    location: str = strawberry.field(default="", description="Where: a place or a link, at most 300 characters.")


def _event_spec(event: EventInput | None) -> service.EventSpec | None:
    return service.EventSpec(event.starts_at, event.ends_at, event.location) if event is not None else None


@strawberry.input(description="A new post.")
class CreatePostInput:
    space_id: strawberry.ID = strawberry.field(description="A space the member may post in (a MemberSpace id).")
    title: str = strawberry.field(description="Title (required).")
    body: str = strawberry.field(default="", description=(
        "Markdown (CommonMark, tables, strikethrough; raw HTML is dropped)."))
    media_ids: list[strawberry.ID] | None = strawberry.field(default=None, description=(
        "Attachments: media of the hub (MemberMedia ids)."))
    event: EventInput | None = strawberry.field(default=None, description=(
        "The event: required in an events space (EVENT_REQUIRED), refused elsewhere (NOT_AN_EVENTS_SPACE)."))


@strawberry.input(description="The author's edit of a post; fields left out or null are kept.")
class UpdatePostInput:
    id: strawberry.ID = strawberry.field(description="The post (a CommunityPost id).")
    title: str | None = strawberry.field(default=None, description="New title.")
    body: str | None = strawberry.field(default=None, description="New Markdown body.")
    event: EventInput | None = strawberry.field(default=None, description=(
        "New event time and place (posts of an events space); null: kept."))


@strawberry.input(description="The post to delete.")
class DeletePostInput:
    id: strawberry.ID = strawberry.field(description="The post (a CommunityPost id).")


@strawberry.type(description="Result of the post mutations.")
class PostPayload:
    post: CommunityPost | None = strawberry.field(default=None, description=(
        "The post as stored now; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A new comment or reply.")
class CreateCommentInput:
    post_id: strawberry.ID = strawberry.field(description=(
        "The post (a CommunityPost id); NOT_FOUND when the member cannot read it."))
    body: str = strawberry.field(description="Markdown (required).")
    parent_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "The comment to reply to (a CommunityComment id of the same post); top level when omitted."))


@strawberry.input(description="The author's edit of a comment.")
class UpdateCommentInput:
    id: strawberry.ID = strawberry.field(description="The comment (a CommunityComment id).")
    body: str = strawberry.field(description="New Markdown body.")


@strawberry.input(description="The comment to delete.")
class DeleteCommentInput:
    id: strawberry.ID = strawberry.field(description="The comment (a CommunityComment id).")


@strawberry.type(description="Result of the comment mutations.")
class CommentPayload:
    comment: CommunityComment | None = strawberry.field(default=None, description=(
        "The comment as stored now; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A reaction to add or remove.")
class ReactionInput:
    target_type: ReactionTarget = strawberry.field(description="Post or comment.")
    target_id: strawberry.ID = strawberry.field(description=(
        "The post or comment (a CommunityPost or CommunityComment id)."))
    emoji: str = strawberry.field(description="One of the hub's reactions (`MemberCommunity.reactions`).")


@strawberry.type(description="Result of `addReaction` and `removeReaction`.")
class ReactionPayload:
    changed: bool = strawberry.field(default=False, description=(
        "False when the reaction was already there (add) or not there (remove)."))
    reactions: list[ReactionCount] = strawberry.field(description="The target's reactions now.", default_factory=list)
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="The member's RSVP to an event.")
class RsvpInput:
    post_id: strawberry.ID = strawberry.field(description="An event post (a CommunityPost id of an events space).")
    status: RsvpStatus | None = strawberry.field(default=None, description="Going or not going; null takes it back.")


@strawberry.input(description="The accepted answer of a question.")
class AcceptAnswerInput:
    post_id: strawberry.ID = strawberry.field(description="A question (a CommunityPost id of a questions space).")
    comment_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "A visible comment of that post (a CommunityComment id); null: no accepted answer."))


TARGET_NODE = {ReactionTarget.POST: "CommunityPost", ReactionTarget.COMMENT: "CommunityComment"}


async def _reaction(info: Info[Context, None], input: ReactionInput, add: bool) -> ReactionPayload:
    access = await member_access(info)
    target = id_input(input.target_id, TARGET_NODE[input.target_type], "targetId")
    kind = input.target_type.value
    change = service.add_reaction if add else service.remove_reaction
    changed = await change(access, kind, target, input.emoji.strip().lower())
    reactions = loaders.reactions_loader(access.team_id, access.contact_id)  # fresh: after the write
    counts = await reactions.load((kind, target))
    return ReactionPayload(changed=changed, reactions=[
        ReactionCount(emoji=r.emoji, count=r.count, reacted_by_me=r.mine) for r in counts])


@strawberry.type
class CommunityMemberQuery:
    @strawberry.field(description="The member's community: the hub's spaces (with access) and reactions.")
    async def my_community(self, info: Info[Context, None]) -> MemberCommunity:
        access = await member_access(info)
        spaces = await Space.filter(team_id=access.team_id, hub_id=access.hub_id).order_by("position", "id")
        settings = await service.hub_settings(access.team_id, access.hub_id)
        return MemberCommunity(reactions=list(settings.reactions), is_moderator=service.is_moderator(access),
                               spaces=[member_space(access, s) for s in spaces])

    @strawberry.field(description="One space of the member's hub (locked: name and reason only), or null.")
    async def my_space(self, info: Info[Context, None],
        id: Annotated[strawberry.ID, strawberry.argument(description="A MemberSpace id.")]) -> MemberSpace | None:
        access = await member_access(info)
        space = await Space.get_or_none(id=id_arg(id, "MemberSpace"), team_id=access.team_id, hub_id=access.hub_id)
        return member_space(access, space) if space else None

    @strawberry.field(description="A post the member may read, or null.")
    async def community_post(self, info: Info[Context, None],
        id: Annotated[strawberry.ID, strawberry.argument(description="A CommunityPost id.")]) -> CommunityPost | None:
        access = await member_access(info)
        try:
            post = await service.member_post(access, id_arg(id, "CommunityPost"), allow_hidden=True)
        except ValidationFailed:
            return None
        return community_post(post, access.contact_id, moderator=service.is_moderator(access))


@strawberry.type
class CommunityMemberMutation:
    @strawberry.mutation(description="Start a post in a space the member may post in.")
    @mutation_payload
    async def create_post(self, info: Info[Context, None], input: CreatePostInput) -> PostPayload:
        access = await member_access(info)
        post = await service.create_post(access, id_input(input.space_id, "MemberSpace", "spaceId"), input.title,
                                         input.body, id_inputs(input.media_ids, "MemberMedia", "mediaIds"),
                                         _event_spec(input.event))
        return PostPayload(post=community_post(post, access.contact_id, moderator=service.is_moderator(access)))

    @strawberry.mutation(description="Edit one's own post; the previous text goes into its revisions.")
    @mutation_payload
    async def update_post(self, info: Info[Context, None], input: UpdatePostInput) -> PostPayload:
        access = await member_access(info)
        post = await service.update_post(access, id_input(input.id, "CommunityPost", "id"), input.title, input.body,
                                         _event_spec(input.event))
        return PostPayload(post=community_post(post, access.contact_id, moderator=service.is_moderator(access)))

    @strawberry.mutation(description="Delete one's own post (soft: it leaves every feed).")
    @mutation_payload
    async def delete_post(self, info: Info[Context, None], input: DeletePostInput) -> PostPayload:
        access = await member_access(info)
        post = await service.delete_own_post(access, id_input(input.id, "CommunityPost", "id"))
        return PostPayload(post=community_post(post, access.contact_id))

    @strawberry.mutation(description=(
        "RSVP to an event (going, not going, or null to take it back) until it ends (EVENT_OVER after)."))
    @mutation_payload
    async def rsvp_to_event(self, info: Info[Context, None], input: RsvpInput) -> PostPayload:
        access = await member_access(info)
        post = await service.rsvp(access, id_input(input.post_id, "CommunityPost", "postId"), input.status)
        return PostPayload(post=community_post(post, access.contact_id, moderator=service.is_moderator(access)))

    @strawberry.mutation(description=(
        "Accept a comment as a question's answer (or none): the question's author or a moderator."))
    @mutation_payload
    async def accept_answer(self, info: Info[Context, None], input: AcceptAnswerInput) -> PostPayload:
        access = await member_access(info)
        comment = id_input(input.comment_id, "CommunityComment", "commentId") if input.comment_id is not None \
            else None
        post = await service.accept_answer(access, id_input(input.post_id, "CommunityPost", "postId"), comment)
        return PostPayload(post=community_post(post, access.contact_id, moderator=service.is_moderator(access)))

    @strawberry.mutation(description="Comment on a post, or reply to a comment (`parentId`).")
    @mutation_payload
    async def create_comment(self, info: Info[Context, None], input: CreateCommentInput) -> CommentPayload:
        access = await member_access(info)
        parent = id_input(input.parent_id, "CommunityComment", "parentId") if input.parent_id is not None else None
        comment = await service.create_comment(access, id_input(input.post_id, "CommunityPost", "postId"),
                                               input.body, parent)
        return CommentPayload(comment=community_comment(comment, access.contact_id))

    @strawberry.mutation(description=(
        "Edit one's own comment; the previous text goes into its revisions. Member session required."))
    @mutation_payload
    async def update_comment(self, info: Info[Context, None], input: UpdateCommentInput) -> CommentPayload:
        access = await member_access(info)
        comment = await service.update_comment(access, id_input(input.id, "CommunityComment", "id"), input.body)
        accepted = cast(int | None, await Post.filter(id=comment.post_id, team_id=access.team_id).first().values_list(
            "accepted_comment_id", flat=True))
        return CommentPayload(comment=community_comment(comment, access.contact_id, accepted=accepted))

    @strawberry.mutation(description=(
        "Delete one's own comment (soft: it keeps its place in the thread with no body). Member session required."))
    @mutation_payload
    async def delete_comment(self, info: Info[Context, None], input: DeleteCommentInput) -> CommentPayload:
        access = await member_access(info)
        comment = await service.delete_own_comment(access, id_input(input.id, "CommunityComment", "id"))
        return CommentPayload(comment=community_comment(comment, access.contact_id))

    @strawberry.mutation(description="React to a post or comment with one of the hub's reactions (once per emoji).")
    @mutation_payload
    async def add_reaction(self, info: Info[Context, None], input: ReactionInput) -> ReactionPayload:
        return await _reaction(info, input, add=True)

    @strawberry.mutation(description="Take back one's reaction. Member session required.")
    @mutation_payload
    async def remove_reaction(self, info: Info[Context, None], input: ReactionInput) -> ReactionPayload:
        return await _reaction(info, input, add=False)


# ---------------------------------------------------------------- refetching by id


def _member_team(info: Info[Context, None]) -> int:
    return require_member(info).team_id


def _member(info: Info[Context, None]) -> MemberViewer:
    return require_member(info)


async def _fetch_spaces(info: Info[Context, None], team_id: int, pks: list[int]) -> dict[int, MemberSpace]:
    access = await member_access(info)
    rows = await Space.filter(team_id=team_id, hub_id=access.hub_id, id__in=pks)
    return {s.id: member_space(access, s) for s in rows}


async def _fetch_posts(info: Info[Context, None], team_id: int, pks: list[int]) -> dict[int, CommunityPost]:
    access = await member_access(info)
    moderator = service.is_moderator(access)
    rows = await Post.filter(service.in_view(team_id, access.hub_id, access.contact_id), team_id=team_id,
                             hub_id=access.hub_id, id__in=pks)
    return {p.id: community_post(p, access.contact_id, moderator=moderator) for p in rows
            if access.space(p.space_id).allowed and service.readable(access, p, allow_hidden=True)}


async def _fetch_comments(info: Info[Context, None], team_id: int, pks: list[int]) -> dict[int, CommunityComment]:
    access = await member_access(info)
    moderator = service.is_moderator(access)
    seen = service.in_view(team_id, access.hub_id, access.contact_id)
    rows = await Comment.filter(seen, team_id=team_id, hub_id=access.hub_id, id__in=pks)
    posts = {p.id: p for p in await Post.filter(seen, team_id=team_id, id__in={c.post_id for c in rows})}
    return {c.id: community_comment(c, access.contact_id, moderator=moderator,
                                    accepted=posts[c.post_id].accepted_comment_id) for c in rows
            if c.post_id in posts and access.space(posts[c.post_id].space_id).allowed
            and service.readable(access, posts[c.post_id], allow_hidden=True)
            and service.readable(access, c, allow_hidden=True)}


async def _fetch_profiles(info: Info[Context, None], team_id: int, pks: list[int]) -> dict[int, MemberProfile]:
    member = _member(info)
    rows = await Profile.filter(team_id=team_id, hub_id=member.hub_id, id__in=pks)
    return {p.id: member_profile(p, member.team_contact_id) for p in rows}


NODE_TYPES = (
    NodeType("MemberSpace", _member_team, _fetch_spaces),
    NodeType("CommunityPost", _member_team, _fetch_posts),
    NodeType("CommunityComment", _member_team, _fetch_comments),
    NodeType("MemberProfile", _member_team, _fetch_profiles),
)
