"""Spaces, posts, comments and reactions: who may do what is the access decision's answer for the space
(`HubAccess.space`, rules with target `space`), plus the space's own read-only switch and the hub role.

Every write that a segment can read goes through ingest in the same transaction (post_created,
comment_created, reaction_added) and wakes the evaluator after commit; every write that a member can
see live is published after commit (app/community/live.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from limits import parse_many
from tortoise import connections
from tortoise.expressions import F, Q, Subquery
from tortoise.transactions import in_transaction

from app.access.decision import Decision
from app.access.service import remove_rules_of
from app.access.view import HubAccess
from app.community import live, notifications
from app.community.models import (
    Block,
    Comment,
    CommunitySettings,
    ContentStatus,
    Post,
    Reaction,
    Revision,
    RsvpStatus,
    Space,
    SpaceKind,
    TargetKind,
)
from app.community.profiles import ensure_profile
from app.community.text import render
from app.content.models import Media, RuleTarget
from app.core import ratelimit
from app.core.errors import FieldError, NotFound, ValidationFailed
from app.events.service import ingest_events, wake_evaluator
from app.hubs.models import Hub, HubRole
from app.teams.models import Team

DEFAULT_REACTIONS = ("thumbs_up", "heart", "laugh", "tada", "thinking", "sad")
DEFAULT_POST_RATE_LIMIT = "5/minute;60/day"
REACTION_RE = re.compile(r"^[a-z0-9_+-]{1,40}$")
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
MAX_TITLE = 300
MAX_BODY = 20_000
MAX_COMMENT = 10_000
MAX_DEPTH = 8  # replies deeper than this attach at this depth (still naming their parent)
MAX_ATTACHMENTS = 10
MAX_LOCATION = 300
MAX_REACTIONS = 20
MAX_WORD_FILTERS = 500
MODERATOR_ROLES = frozenset({HubRole.MODERATOR.value, HubRole.HOST.value})


@dataclass(frozen=True)
class Staff:
    """A staff caller (user or API key) acting on a hub through the admin API."""

    team_id: int
    ref: str  # "user:<id>" or "api_key:<id>", for the audit log


def is_moderator(access: HubAccess) -> bool:
    return access.facts.is_member and not access.facts.banned and access.facts.role in MODERATOR_ROLES


# ---------------------------------------------------------------- settings


@dataclass(frozen=True)
class HubCommunitySettings:
    reactions: tuple[str, ...]
    word_filters: tuple[tuple[str, str], ...]  # (word, "block" | "review")
    post_rate_limit: str
    first_post_review: bool


async def hub_settings(team_id: int, hub_id: int) -> HubCommunitySettings:
    row = await CommunitySettings.get_or_none(team_id=team_id, hub_id=hub_id)
    if row is None:
        return HubCommunitySettings(DEFAULT_REACTIONS, (), DEFAULT_POST_RATE_LIMIT, False)
    return HubCommunitySettings(
        tuple(row.reactions) or DEFAULT_REACTIONS,
        tuple((str(f["word"]), str(f["action"])) for f in row.word_filters),
        row.post_rate_limit or DEFAULT_POST_RATE_LIMIT, row.first_post_review,
    )


async def _hub(team: Team, hub_id: int | None) -> Hub:
    hub = await Hub.get_or_none(id=hub_id, team_id=team.id) if hub_id else None
    if hub is None:
        raise NotFound("hubId", "hub")
    return hub


async def update_settings(
    team: Team, hub_id: int | None, *, reactions: list[str] | None = None,
    word_filters: list[tuple[str, str]] | None = None, post_rate_limit: str | None = None,
    first_post_review: bool | None = None,
) -> HubCommunitySettings:
    hub = await _hub(team, hub_id)
    errors: list[FieldError] = []
    values: dict[str, Any] = {}
    if reactions is not None:
        names = [r.strip().lower() for r in reactions]
        if not names or len(names) > MAX_REACTIONS or len(set(names)) != len(names):
            errors.append(FieldError("reactions", f"1 to {MAX_REACTIONS} distinct reactions", "INVALID_REACTIONS"))
        elif not all(REACTION_RE.match(n) for n in names):
            errors.append(FieldError("reactions", "reaction names are 1-40 of a-z 0-9 _ + -", "INVALID_REACTIONS"))
        values["reactions"] = names
    if word_filters is not None:
        cleaned = [(w.strip().lower(), a) for w, a in word_filters]
        if len(cleaned) > MAX_WORD_FILTERS or any(not 1 <= len(w) <= 100 for w, _ in cleaned):
            errors.append(FieldError("wordFilters", f"at most {MAX_WORD_FILTERS} words of 1 to 100 characters",
                                     "INVALID_WORD_FILTERS"))
        values["word_filters"] = [{"word": w, "action": a} for w, a in cleaned]
    if post_rate_limit is not None:
        limit = post_rate_limit.strip()
        try:
            parse_many(limit) if limit else None
        except ValueError:
            errors.append(FieldError("postRateLimit", "a limit such as '5/minute;60/day'", "INVALID_LIMIT"))
        values["post_rate_limit"] = limit
    if first_post_review is not None:
        values["first_post_review"] = first_post_review
    if errors:
        raise ValidationFailed(errors)
    row, created = await CommunitySettings.get_or_create(team_id=team.id, hub_id=hub.id, defaults=values)
    if not created and values:
        await CommunitySettings.filter(id=row.id).update(**values)
    return await hub_settings(team.id, hub.id)


# ---------------------------------------------------------------- spaces (admin)


async def space_hub_id(team_id: int, space_id: int) -> int | None:
    """For access rules on spaces (bound in app.wiring): the space's hub, within the team."""
    return cast(int | None, await Space.filter(id=space_id, team_id=team_id).first().values_list("hub_id", flat=True))


def _check_space(name: str | None, slug: str | None, description: str | None) -> list[FieldError]:
    errors = []
    if name is not None and not 1 <= len(name.strip()) <= 200:
        errors.append(FieldError("name", "name must be 1 to 200 characters", "INVALID_NAME"))
    if slug is not None and not SLUG_RE.match(slug):
        errors.append(FieldError("slug", "lower-case letters, digits and dashes (1-80)", "INVALID_SLUG"))
    if description is not None and len(description) > 5000:
        errors.append(FieldError("description", "at most 5000 characters", "TOO_LONG"))
    return errors


def _slug_of(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:80] or "space"


async def create_space(
    team: Team, hub_id: int | None, name: str, slug: str | None = None, kind: str = SpaceKind.DISCUSSION,
    description: str = "", position: int | None = None, members_can_post: bool | None = None,
) -> Space:
    hub = await _hub(team, hub_id)
    slug = slug.strip().lower() if slug is not None else _slug_of(name)
    errors = _check_space(name, slug, description)
    if not errors and await Space.exists(team_id=team.id, hub_id=hub.id, slug=slug):
        errors.append(FieldError("slug", f"the hub already has a space '{slug}'", "TAKEN"))
    if errors:
        raise ValidationFailed(errors)
    if position is None:
        last = await Space.filter(team_id=team.id, hub_id=hub.id).order_by("-position").first()
        position = (last.position + 1) if last else 0
    if members_can_post is None:
        members_can_post = kind != SpaceKind.ANNOUNCEMENTS
    return await Space.create(team_id=team.id, hub_id=hub.id, name=name.strip(), slug=slug, kind=kind,
                              description=description, position=position, members_can_post=members_can_post)


async def get_space(team: Team, space_id: int | None) -> Space:
    space = await Space.get_or_none(id=space_id, team_id=team.id) if space_id else None
    if space is None:
        raise NotFound("id", "space")
    return space


async def update_space(
    team: Team, space_id: int | None, *, name: str | None = None, slug: str | None = None,
    kind: str | None = None, description: str | None = None, position: int | None = None,
    members_can_post: bool | None = None,
) -> Space:
    space = await get_space(team, space_id)
    slug = slug.strip().lower() if slug is not None else None
    errors = _check_space(name, slug, description)
    if not errors and slug is not None and slug != space.slug and await Space.exists(
            team_id=team.id, hub_id=space.hub_id, slug=slug):
        errors.append(FieldError("slug", f"the hub already has a space '{slug}'", "TAKEN"))
    if errors:
        raise ValidationFailed(errors)
    for attr, value in (("name", name.strip() if name is not None else None), ("slug", slug), ("kind", kind),
                        ("description", description), ("position", position),
                        ("members_can_post", members_can_post)):
        if value is not None:
            setattr(space, attr, value)
    await space.save()
    return space


async def delete_space(team: Team, space_id: int | None) -> int:
    """The space, its posts, comments and rule go (a space's reactions and revisions with them)."""
    space = await get_space(team, space_id)
    async with in_transaction() as tx:
        post_ids = cast(list[int], await Post.filter(team_id=team.id, space_id=space.id).using_db(tx)
                        .values_list("id", flat=True))
        comment_ids = cast(list[int], await Comment.filter(team_id=team.id, post_id__in=post_ids).using_db(tx)
                           .values_list("id", flat=True)) if post_ids else []
        for kind, ids in ((TargetKind.POST, post_ids), (TargetKind.COMMENT, comment_ids)):
            if ids:
                await Reaction.filter(team_id=team.id, target_type=kind, target_id__in=ids).using_db(tx).delete()
                await Revision.filter(team_id=team.id, target_type=kind, target_id__in=ids).using_db(tx).delete()
        await space.delete(using_db=tx)
    await remove_rules_of(RuleTarget.SPACE.value, [space.id])
    return space.id


# ---------------------------------------------------------------- what a member may do


def space_decision(access: HubAccess, space: Space) -> Decision:
    return access.space(space.id)


async def member_space(access: HubAccess, space_id: int | None, field: str = "spaceId") -> Space:
    """A space of the member's hub that the access decision opens; unknown and other hubs' look alike."""
    space = await Space.get_or_none(id=space_id, team_id=access.team_id, hub_id=access.hub_id) if space_id else None
    if space is None:
        raise NotFound(field, "space")
    decision = access.space(space.id)
    if not decision.allowed:
        raise ValidationFailed.one(field, f"the space is locked ({decision.reason})", "LOCKED")
    return space


def in_view(team_id: int, hub_id: int, viewer: int | None, field: str = "author_id") -> Q:
    """A filter that leaves out what members the viewer blocked wrote (rows without an author stay): their posts,
    comments and notifications are out of the blocker's view, in the same statement as the rows."""
    if viewer is None:
        return Q()
    blocked = Block.filter(team_id=team_id, hub_id=hub_id, blocker_id=viewer).values("blocked_id")
    no_author: dict[str, Any] = {f"{field}__isnull": True}
    not_blocked: dict[str, Any] = {f"{field}__in": Subquery(blocked)}
    return Q(**no_author) | ~Q(**not_blocked)


async def blocked_by(access: HubAccess) -> set[int]:
    """The members the viewer blocked (contact ids)."""
    return set(cast(list[int], await Block.filter(team_id=access.team_id, hub_id=access.hub_id,
                                                  blocker_id=access.contact_id).values_list("blocked_id", flat=True)))


def _check_member(access: HubAccess) -> None:
    if not access.facts.is_member or access.facts.banned:
        raise ValidationFailed.one(None, "only members of the hub can take part", "NOT_A_MEMBER")


def _check_text(field: str, text: str, limit: int, *, required: bool = True) -> str:
    if required and not text.strip():
        raise ValidationFailed.one(field, f"{field} must not be empty", "REQUIRED")
    if len(text) > limit:
        raise ValidationFailed.one(field, f"{field} is longer than {limit} characters", "TOO_LONG")
    return text


def _filtered(settings: HubCommunitySettings, *texts: str) -> str | None:
    """'block', 'review' or None: the strictest word filter any of the texts matches (whole words)."""
    if not settings.word_filters:
        return None
    words = set(re.findall(r"[\w'-]+", " ".join(texts).lower()))
    joined = " ".join(texts).lower()
    outcome = None
    for word, action in settings.word_filters:
        hit = word in words if re.fullmatch(r"[\w'-]+", word) else word in joined
        if hit:
            if action == "block":
                return "block"
            outcome = "review"
    return outcome


async def _needs_first_post_review(access: HubAccess, settings: HubCommunitySettings) -> bool:
    if not settings.first_post_review or is_moderator(access):
        return False
    team_id, hub_id, me = access.team_id, access.hub_id, access.contact_id
    approved = await Post.exists(team_id=team_id, hub_id=hub_id, author_id=me, status=ContentStatus.VISIBLE)
    return not approved


async def _limit_posting(access: HubAccess, settings: HubCommunitySettings) -> None:
    """Posts, comments and messages share one limit per member per hub (moderators are not limited)."""
    if is_moderator(access):
        return
    await ratelimit.hit("posts", settings.post_rate_limit,
                        [f"community:posting:{access.team_id}:{access.hub_id}:{access.contact_id}"])


async def _check_media(access: HubAccess, media_ids: list[int]) -> list[int]:
    if len(media_ids) > MAX_ATTACHMENTS:
        raise ValidationFailed.one("mediaIds", f"at most {MAX_ATTACHMENTS} attachments", "TOO_MANY")
    wanted = sorted(set(media_ids))
    if not wanted:
        return []
    found = set(cast(list[int], await Media.filter(team_id=access.team_id, hub_id=access.hub_id, id__in=wanted)
                     .values_list("id", flat=True)))
    if missing := [m for m in wanted if m not in found]:
        raise ValidationFailed.one("mediaIds", f"not found: {', '.join(map(str, missing))}", "NOT_FOUND")
    return wanted


async def _event(conn: Any, access: HubAccess, type_: str, properties: dict[str, Any]) -> None:
    """Through ingest, in the caller's transaction: computed properties and segments see it like any event."""
    await ingest_events(access.team_id, [{
        "contactId": access.contact_id, "type": type_, "occurredAt": datetime.now(UTC),
        "properties": {"hub_id": access.hub_id, **properties},
    }], conn=conn)


def _space_key(hub_slug: str, space: Space) -> str:
    return f"{hub_slug}/{space.slug}"


async def _hub_slug(access: HubAccess) -> str:
    return cast(str, await Hub.filter(id=access.hub_id).first().values_list("slug", flat=True))


# ---------------------------------------------------------------- posts


@dataclass(frozen=True)
class EventSpec:
    """When (and where) an events space's post happens."""

    starts_at: datetime
    ends_at: datetime | None = None
    location: str = ""


def _event_columns(space: Space, event: EventSpec | None, *, required: bool) -> dict[str, Any]:
    """The post's event columns, checked: an events space's posts are events, no other space's are."""
    if space.kind != SpaceKind.EVENTS:
        if event is not None:
            raise ValidationFailed.one("event", "only posts in an events space are events", "NOT_AN_EVENTS_SPACE")
        return {}
    if event is None:
        if required:
            raise ValidationFailed.one("event", "a post in an events space needs the event's start", "EVENT_REQUIRED")
        return {}
    starts = event.starts_at if event.starts_at.tzinfo else event.starts_at.replace(tzinfo=UTC)
    ends = event.ends_at if event.ends_at is None or event.ends_at.tzinfo else event.ends_at.replace(tzinfo=UTC)
    if ends is not None and ends < starts:
        raise ValidationFailed.one("event", "the event cannot end before it starts", "INVALID_EVENT_TIME")
    location = event.location.strip()
    if len(location) > MAX_LOCATION:
        raise ValidationFailed.one("event", f"the location is longer than {MAX_LOCATION} characters", "TOO_LONG")
    return {"event_starts_at": starts, "event_ends_at": ends, "event_location": location}


async def create_post(access: HubAccess, space_id: int | None, title: str, body: str,
                      media_ids: list[int] | None = None, event: EventSpec | None = None) -> Post:
    _check_member(access)
    space = await member_space(access, space_id)
    if not space.members_can_post and not is_moderator(access):
        raise ValidationFailed.one("spaceId", "only moderators post in this space", "READ_ONLY")
    event_columns = _event_columns(space, event, required=True)
    title = _check_text("title", title.strip(), MAX_TITLE)
    body = _check_text("body", body, MAX_BODY, required=False)
    attachments = await _check_media(access, media_ids or [])
    settings = await hub_settings(access.team_id, access.hub_id)
    filtered = _filtered(settings, title, body)
    if filtered == "block":
        raise ValidationFailed.one("body", "the post contains a word this hub does not allow", "BLOCKED_WORD")
    await _limit_posting(access, settings)
    pending = filtered == "review" or await _needs_first_post_review(access, settings)
    status = ContentStatus.PENDING if pending else ContentStatus.VISIBLE
    hub_slug = await _hub_slug(access)
    async with in_transaction() as tx:
        await ensure_profile(access.team_id, access.hub_id, access.contact_id, db=tx)
        post = await Post.create(
            team_id=access.team_id, hub_id=access.hub_id, space_id=space.id, author_id=access.contact_id,
            title=title, body=body, body_html=render(body), status=status, media_ids=attachments,
            **event_columns, using_db=tx,
        )
        notes: list[Any] = []
        if status == ContentStatus.VISIBLE:
            async with tx.acquire_connection() as conn:
                await _event(conn, access, "post_created", {
                    "space_id": space.id, "space": _space_key(hub_slug, space), "post_id": post.id})
            notes = await notifications.for_post(tx, access, post)
    await wake_evaluator(access.team_id)
    await live.after_post(post)
    await notifications.push(notes)
    return post


async def member_post(access: HubAccess, post_id: int | None, field: str = "postId", *,
                      allow_hidden: bool = False) -> Post:
    """A post the member may read: in a space the decision opens, visible (or their own pending one), not by a
    member they blocked; moderators also reach hidden and pending posts with `allow_hidden`."""
    post = await Post.filter(in_view(access.team_id, access.hub_id, access.contact_id), id=post_id,
                             team_id=access.team_id, hub_id=access.hub_id).first() if post_id else None
    if post is None or not access.space(post.space_id).allowed:
        raise NotFound(field, "post")
    if not readable(access, post, allow_hidden=allow_hidden):
        raise NotFound(field, "post")
    return post


def readable(access: HubAccess, post: Post | Comment, *, allow_hidden: bool = False) -> bool:
    return _readable(access, ContentStatus(post.status), post.author_id, allow_hidden)


def _readable(access: HubAccess, status: ContentStatus, author_id: int | None, allow_hidden: bool) -> bool:
    if status == ContentStatus.VISIBLE:
        return True
    if status == ContentStatus.PENDING and author_id == access.contact_id:
        return True
    return allow_hidden and is_moderator(access) and status != ContentStatus.DELETED


ATTACHMENTS_SQL = """
SELECT m.id::bigint AS media_id, p.space_id, p.status, p.author_id
FROM community_posts p CROSS JOIN LATERAL jsonb_array_elements_text(p.media_ids) AS m(id)
WHERE p.team_id = $1 AND p.hub_id = $2 AND p.media_ids <> '[]'::jsonb AND m.id = ANY($3::text[])
  AND (p.author_id IS NULL OR p.author_id NOT IN (
    SELECT blocked_id FROM community_blocks WHERE team_id = $1 AND hub_id = $2 AND blocker_id = $4))
"""
AVATARS_SQL = """
SELECT avatar_media_id FROM community_profiles
WHERE team_id = $1 AND hub_id = $2 AND avatar_media_id = ANY($3::bigint[])
  AND (team_contact_id = $4 OR COALESCE(visibility->>'avatar', 'members') <> 'nobody')
"""


async def readable_media(access: HubAccess, media_ids: set[int]) -> set[int]:
    """For `node(id)` of a MemberMedia (bound in app.wiring): the ids among `media_ids` that are attachments of
    posts the member may read (the space open to them, the post readable, not by a member they blocked) or
    avatars they may see."""
    if not media_ids or not access.facts.is_member or access.facts.banned:
        return set()
    conn = connections.get("default")
    args = [access.team_id, access.hub_id]
    found = set()
    for row in await conn.execute_query_dict(ATTACHMENTS_SQL, [*args, sorted(map(str, media_ids)),
                                                               access.contact_id]):
        if access.space(row["space_id"]).allowed and _readable(
                access, ContentStatus(row["status"]), row["author_id"], allow_hidden=True):
            found.add(int(row["media_id"]))
    rows = await conn.execute_query_dict(AVATARS_SQL, [*args, sorted(media_ids - found), access.contact_id])
    return found | {int(r["avatar_media_id"]) for r in rows}


async def update_post(access: HubAccess, post_id: int | None, title: str | None, body: str | None,
                      event: EventSpec | None = None) -> Post:
    """The author edits the text (the old text becomes a revision) and, in an events space, the event."""
    _check_member(access)
    post = await member_post(access, post_id, "id")
    if post.author_id != access.contact_id:
        raise ValidationFailed.one("id", "only the author can edit a post", "NOT_AUTHOR")
    new_title = _check_text("title", title.strip(), MAX_TITLE) if title is not None else post.title
    new_body = _check_text("body", body, MAX_BODY, required=False) if body is not None else post.body
    columns = _event_columns(await Space.get(id=post.space_id), event, required=False) if event is not None else {}
    columns = {k: v for k, v in columns.items() if getattr(post, k) != v}
    text_changed = (new_title, new_body) != (post.title, post.body)
    if not text_changed and not columns:
        return post
    if text_changed:
        settings = await hub_settings(access.team_id, access.hub_id)
        if _filtered(settings, new_title, new_body) == "block":
            raise ValidationFailed.one("body", "the post contains a word this hub does not allow", "BLOCKED_WORD")
    async with in_transaction() as tx:
        changed = list(columns)
        if text_changed:
            await Revision.create(team_id=access.team_id, hub_id=access.hub_id, target_type=TargetKind.POST,
                                  target_id=post.id, title=post.title, body=post.body,
                                  edited_by_id=access.contact_id, using_db=tx)
            post.title, post.body, post.body_html = new_title, new_body, render(new_body)
            post.edited_at = datetime.now(UTC)
            changed += ["title", "body", "body_html", "edited_at"]
        for key, value in columns.items():
            setattr(post, key, value)
        await post.save(using_db=tx, update_fields=changed)
    await live.after_post(post, "post_edited")
    return post


async def delete_own_post(access: HubAccess, post_id: int | None) -> Post:
    post = await member_post(access, post_id, "id")
    if post.author_id != access.contact_id:
        raise ValidationFailed.one("id", "only the author can delete a post (moderators: moderatePost)",
                                   "NOT_AUTHOR")
    post.status = ContentStatus.DELETED
    await post.save(update_fields=["status"])
    await live.after_post(post, "post_deleted")
    return post


# ---------------------------------------------------------------- comments


async def create_comment(access: HubAccess, post_id: int | None, body: str, parent_id: int | None = None) -> Comment:
    _check_member(access)
    post = await member_post(access, post_id)
    if post.status != ContentStatus.VISIBLE:
        raise ValidationFailed.one("postId", "the post is not open for comments yet", "NOT_VISIBLE")
    if post.locked and not is_moderator(access):
        raise ValidationFailed.one("postId", "the thread is locked", "LOCKED")
    body = _check_text("body", body, MAX_COMMENT)
    parent = None
    if parent_id is not None:
        parent = await Comment.get_or_none(id=parent_id, team_id=access.team_id, post_id=post.id)
        if parent is None:
            raise NotFound("parentId", "comment")
    settings = await hub_settings(access.team_id, access.hub_id)
    filtered = _filtered(settings, body)
    if filtered == "block":
        raise ValidationFailed.one("body", "the comment contains a word this hub does not allow", "BLOCKED_WORD")
    await _limit_posting(access, settings)
    status = ContentStatus.PENDING if filtered == "review" else ContentStatus.VISIBLE
    space = await Space.get(id=post.space_id)
    hub_slug = await _hub_slug(access)
    now = datetime.now(UTC)
    async with in_transaction() as tx:
        await ensure_profile(access.team_id, access.hub_id, access.contact_id, db=tx)
        comment = await Comment.create(
            team_id=access.team_id, hub_id=access.hub_id, post_id=post.id,
            parent_id=parent.id if parent else None, depth=min(parent.depth + 1, MAX_DEPTH) if parent else 0,
            author_id=access.contact_id, body=body, body_html=render(body), status=status, using_db=tx,
        )
        notes = []
        if status == ContentStatus.VISIBLE:
            await Post.filter(id=post.id).using_db(tx).update(comment_count=F("comment_count") + 1,
                                                              last_activity_at=now)
            async with tx.acquire_connection() as conn:
                await _event(conn, access, "comment_created", {
                    "space_id": space.id, "space": _space_key(hub_slug, space), "post_id": post.id,
                    "comment_id": comment.id})
            notes = await notifications.for_comment(tx, access, post, comment, parent)
    await wake_evaluator(access.team_id)
    await live.after_comment(post, comment)
    await notifications.push(notes)
    return comment


async def member_comment(access: HubAccess, comment_id: int | None, field: str = "id") -> tuple[Comment, Post]:
    comment = await Comment.filter(in_view(access.team_id, access.hub_id, access.contact_id), id=comment_id,
                                   team_id=access.team_id, hub_id=access.hub_id).first() if comment_id else None
    if comment is None:
        raise NotFound(field, "comment")
    post = await Post.filter(in_view(access.team_id, access.hub_id, access.contact_id), id=comment.post_id,
                             team_id=access.team_id, hub_id=access.hub_id).first()
    if post is None or not access.space(post.space_id).allowed or not readable(access, post) \
            or not readable(access, comment):
        raise NotFound(field, "comment")
    return comment, post


async def update_comment(access: HubAccess, comment_id: int | None, body: str) -> Comment:
    _check_member(access)
    comment, post = await member_comment(access, comment_id)
    if comment.author_id != access.contact_id:
        raise ValidationFailed.one("id", "only the author can edit a comment", "NOT_AUTHOR")
    if post.locked and not is_moderator(access):
        raise ValidationFailed.one("id", "the thread is locked", "LOCKED")
    body = _check_text("body", body, MAX_COMMENT)
    if body == comment.body:
        return comment
    settings = await hub_settings(access.team_id, access.hub_id)
    if _filtered(settings, body) == "block":
        raise ValidationFailed.one("body", "the comment contains a word this hub does not allow", "BLOCKED_WORD")
    async with in_transaction() as tx:
        await Revision.create(team_id=access.team_id, hub_id=access.hub_id, target_type=TargetKind.COMMENT,
                              target_id=comment.id, body=comment.body, edited_by_id=access.contact_id, using_db=tx)
        comment.body, comment.body_html, comment.edited_at = body, render(body), datetime.now(UTC)
        await comment.save(using_db=tx, update_fields=["body", "body_html", "edited_at"])
    await live.after_comment(post, comment, "comment_edited")
    return comment


async def set_comment_status(comment: Comment, status: ContentStatus, db: Any = None) -> None:
    """Keep the post's visible-comment count (and its accepted answer, which must be visible) in step with a
    comment's status."""
    was_visible = comment.status == ContentStatus.VISIBLE
    comment.status = status
    await comment.save(using_db=db, update_fields=["status"])
    now_visible = status == ContentStatus.VISIBLE
    if was_visible != now_visible:
        step = 1 if now_visible else -1
        await Post.filter(id=comment.post_id).using_db(db).update(comment_count=F("comment_count") + step)
    if not now_visible:
        await Post.filter(id=comment.post_id, accepted_comment_id=comment.id).using_db(db).update(
            accepted_comment_id=None)


async def delete_own_comment(access: HubAccess, comment_id: int | None) -> Comment:
    comment, post = await member_comment(access, comment_id)
    if comment.author_id != access.contact_id:
        raise ValidationFailed.one("id", "only the author can delete a comment", "NOT_AUTHOR")
    async with in_transaction() as tx:
        await set_comment_status(comment, ContentStatus.DELETED, tx)
    await live.after_comment(post, comment, "comment_deleted")
    return comment


# ---------------------------------------------------------------- reactions


async def _reaction_target(access: HubAccess, target_type: str, target_id: int | None) -> tuple[Post, int]:
    if target_type == TargetKind.POST:
        post = await member_post(access, target_id, "targetId")
        if post.status != ContentStatus.VISIBLE:
            raise NotFound("targetId", "post")
        return post, post.id
    comment, post = await member_comment(access, target_id, "targetId")
    if comment.status != ContentStatus.VISIBLE:
        raise NotFound("targetId", "comment")
    return post, comment.id


async def add_reaction(access: HubAccess, target_type: str, target_id: int | None, emoji: str) -> bool:
    """True when added, False when the member had already given this reaction."""
    _check_member(access)
    post, target = await _reaction_target(access, target_type, target_id)
    settings = await hub_settings(access.team_id, access.hub_id)
    if emoji not in settings.reactions:
        raise ValidationFailed.one("emoji", f"this hub's reactions are: {', '.join(settings.reactions)}",
                                   "UNKNOWN_REACTION")
    async with in_transaction() as tx:
        await ensure_profile(access.team_id, access.hub_id, access.contact_id, db=tx)
        async with tx.acquire_connection() as conn:
            added = await conn.fetchval(
                "INSERT INTO community_reactions (team_id, hub_id, target_type, target_id, team_contact_id, emoji,"
                " created_at) VALUES ($1, $2, $3, $4, $5, $6, now()) ON CONFLICT DO NOTHING RETURNING id",
                access.team_id, access.hub_id, target_type, target, access.contact_id, emoji)
            if added is not None:
                await _event(conn, access, "reaction_added", {
                    "space_id": post.space_id, "post_id": post.id, "target_type": target_type,
                    "target_id": target, "emoji": emoji})
    if added is not None:
        await wake_evaluator(access.team_id)
        await live.after_reaction(post, target_type, target, emoji, 1)
    return added is not None


async def remove_reaction(access: HubAccess, target_type: str, target_id: int | None, emoji: str) -> bool:
    _check_member(access)
    post, target = await _reaction_target(access, target_type, target_id)
    removed = await Reaction.filter(team_id=access.team_id, target_type=target_type, target_id=target,
                                    team_contact_id=access.contact_id, emoji=emoji).delete()
    if removed:
        await live.after_reaction(post, target_type, target, emoji, -1)
    return bool(removed)


# ---------------------------------------------------------------- events (RSVPs) and questions (accepted answers)

RSVP_SQL = """
INSERT INTO community_rsvps (team_id, hub_id, post_id, team_contact_id, status, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, now(), now())
ON CONFLICT (team_id, post_id, team_contact_id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()
WHERE community_rsvps.status IS DISTINCT FROM EXCLUDED.status
RETURNING id
"""


async def rsvp(access: HubAccess, post_id: int | None, status: RsvpStatus | None) -> Post:
    """The member's RSVP to an event post (None takes it back); an `event_rsvp` event through ingest."""
    _check_member(access)
    post = await member_post(access, post_id)
    if post.status != ContentStatus.VISIBLE:
        raise NotFound("postId", "post")
    if post.event_starts_at is None:
        raise ValidationFailed.one("postId", "the post is not an event", "NOT_AN_EVENT")
    if (post.event_ends_at or post.event_starts_at) < datetime.now(UTC):
        raise ValidationFailed.one("postId", "the event is over", "EVENT_OVER")
    async with in_transaction() as tx, tx.acquire_connection() as conn:
        if status is None:
            changed = await conn.fetchval(
                "DELETE FROM community_rsvps WHERE team_id = $1 AND post_id = $2 AND team_contact_id = $3"
                " RETURNING id", access.team_id, post.id, access.contact_id)
        else:
            changed = await conn.fetchval(RSVP_SQL, access.team_id, access.hub_id, post.id, access.contact_id,
                                          status.value)
        if changed is not None:
            await _event(conn, access, "event_rsvp", {"space_id": post.space_id, "post_id": post.id,
                                                      "status": status.value if status else "none"})
    if changed is not None:
        await wake_evaluator(access.team_id)
        await live.after_post(post, "post_updated")
    return post


async def accept_answer(access: HubAccess, post_id: int | None, comment_id: int | None) -> Post:
    """A questions space's post: its author or a moderator accepts a visible comment as the answer (None: none)."""
    _check_member(access)
    post = await member_post(access, post_id)
    space = await Space.get(id=post.space_id)
    if space.kind != SpaceKind.QUESTIONS:
        raise ValidationFailed.one("postId", "only a questions space's posts have answers", "NOT_A_QUESTION")
    if post.author_id != access.contact_id and not is_moderator(access):
        raise ValidationFailed.one("postId", "only the question's author or a moderator accepts an answer",
                                   "NOT_ALLOWED")
    comment = None
    if comment_id is not None:
        comment = await Comment.filter(in_view(access.team_id, access.hub_id, access.contact_id), id=comment_id,
                                       team_id=access.team_id, post_id=post.id, status=ContentStatus.VISIBLE).first()
        if comment is None:
            raise NotFound("commentId", "comment")
    if post.accepted_comment_id != comment_id:
        post.accepted_comment_id = comment_id
        async with in_transaction() as tx:
            await post.save(update_fields=["accepted_comment_id"], using_db=tx)
            notes = await notifications.for_accepted_answer(tx, access, post, comment) if comment else []
        await live.after_post(post, "post_updated")
        await notifications.push(notes)
    return post
