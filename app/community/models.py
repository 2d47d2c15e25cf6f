"""Community: spaces, posts (events and questions among them), RSVPs, comments, reactions, revisions, flags,
the moderation log, notifications, direct messages, blocks, profiles and per-hub settings. The community domain
writes every table here.

Contacts are hub members (`team_contact`); who may see a space is the access decision's answer
(app/access, rules with target `space`), never a column here.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class SpaceKind(StrEnum):
    DISCUSSION = "discussion"
    ANNOUNCEMENTS = "announcements"
    EVENTS = "events"
    QUESTIONS = "questions"


class ContentStatus(StrEnum):
    VISIBLE = "visible"
    PENDING = "pending"  # waiting for review (a new member's first post, a word filter)
    HIDDEN = "hidden"  # hidden by a moderator; restorable
    DELETED = "deleted"  # soft-deleted by its author or a moderator


class TargetKind(StrEnum):
    POST = "post"
    COMMENT = "comment"
    MESSAGE = "message"


class FlagStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"
    DISMISSED = "dismissed"


class RsvpStatus(StrEnum):
    GOING = "going"
    NOT_GOING = "not_going"


class NotificationKind(StrEnum):
    REPLY = "reply"
    MENTION = "mention"
    MESSAGE = "message"
    MODERATION = "moderation"
    ANSWER_ACCEPTED = "answer_accepted"


def _team() -> Any:
    return fields.ForeignKeyField("models.Team", related_name=False, on_delete=fields.CASCADE)


def _hub() -> Any:
    return fields.ForeignKeyField("models.Hub", related_name=False, on_delete=fields.CASCADE)


def _contact(null: bool = False) -> Any:
    if null:  # authors and actors: their rows stay when the contact goes
        return fields.ForeignKeyField("models.TeamContact", related_name=False, on_delete=fields.SET_NULL, null=True)
    return fields.ForeignKeyField("models.TeamContact", related_name=False, on_delete=fields.CASCADE)


class CommunitySettings(Model):
    """One row per hub that changed a default: reactions, word filters, posting limit, review."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = _team()
    team_id: int
    hub: fields.ForeignKeyRelation = _hub()
    hub_id: int
    reactions = fields.JSONField[list[Any]](default=list)  # emoji names; empty = the default set
    word_filters = fields.JSONField[list[Any]](default=list)  # [{"word": ..., "action": "block"|"review"}]
    post_rate_limit = fields.CharField(max_length=100, default="")  # a `limits` string; "" = the default
    first_post_review = fields.BooleanField(default=False)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "community_settings"
        unique_together = (("team", "hub"),)


class Space(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = _team()
    team_id: int
    hub: fields.ForeignKeyRelation = _hub()
    hub_id: int
    slug = fields.CharField(max_length=80)
    name = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    kind = fields.CharEnumField(SpaceKind, max_length=16, default=SpaceKind.DISCUSSION)
    position = fields.IntField(default=0)
    members_can_post = fields.BooleanField(default=True)  # False: read-only for members (announcements)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "community_spaces"
        unique_together = (("team", "hub", "slug"),)
        indexes = (("team", "hub", "position"),)


class Post(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = _team()
    team_id: int
    hub: fields.ForeignKeyRelation = _hub()
    hub_id: int
    space: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Space", related_name=False, on_delete=fields.CASCADE)
    space_id: int
    author: fields.ForeignKeyRelation = _contact(null=True)
    author_id: int | None
    title = fields.CharField(max_length=300)
    body = fields.TextField(default="")  # Markdown as written
    body_html = fields.TextField(default="")  # rendered and sanitised once, at write
    status = fields.CharEnumField(ContentStatus, max_length=16, default=ContentStatus.VISIBLE)
    pinned = fields.BooleanField(default=False)
    locked = fields.BooleanField(default=False)
    media_ids = fields.JSONField[list[Any]](default=list)  # attachments: the hub's media
    comment_count = fields.IntField(default=0)  # visible comments
    created_at = fields.DatetimeField(auto_now_add=True)
    edited_at = fields.DatetimeField(null=True)
    last_activity_at = fields.DatetimeField(auto_now_add=True)
    # An events space's post is an event: when (and where) it happens; members RSVP (community_rsvps).
    event_starts_at = fields.DatetimeField(null=True)
    event_ends_at = fields.DatetimeField(null=True)
    event_location = fields.CharField(max_length=300, default="")
    # A questions space's post: the comment its author or a moderator accepted as the answer (a visible
    # comment of this post; no FK, as comments reference posts).
    accepted_comment_id = fields.BigIntField(null=True)

    class Meta:
        table = "community_posts"
        indexes = (("team", "space", "status", "id"), ("team", "hub", "status", "id"), ("team", "author", "id"))


class Comment(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = _team()
    team_id: int
    hub: fields.ForeignKeyRelation = _hub()
    hub_id: int
    post: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Post", related_name=False, on_delete=fields.CASCADE)
    post_id: int
    # The comment replied to (same post); no FK, as aerich refuses self-references.
    parent_id = fields.BigIntField(null=True)
    depth = fields.IntField(default=0)
    author: fields.ForeignKeyRelation = _contact(null=True)
    author_id: int | None
    body = fields.TextField(default="")
    body_html = fields.TextField(default="")
    status = fields.CharEnumField(ContentStatus, max_length=16, default=ContentStatus.VISIBLE)
    created_at = fields.DatetimeField(auto_now_add=True)
    edited_at = fields.DatetimeField(null=True)

    class Meta:
        table = "community_comments"
        indexes = (("team", "post", "id"), ("team", "author", "id"))


class Reaction(Model):
    """One per member per emoji per post or comment."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = _team()
    team_id: int
    hub: fields.ForeignKeyRelation = _hub()
    hub_id: int
    target_type = fields.CharEnumField(TargetKind, max_length=16)
    target_id = fields.BigIntField()
    team_contact: fields.ForeignKeyRelation = _contact()
    team_contact_id: int
    emoji = fields.CharField(max_length=40)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "community_reactions"
        unique_together = (("team", "target_type", "target_id", "team_contact", "emoji"),)


class Rsvp(Model):
    """A member's answer to an event post: going or not going (one per member per event)."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = _team()
    team_id: int
    hub: fields.ForeignKeyRelation = _hub()
    hub_id: int
    post: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Post", related_name=False, on_delete=fields.CASCADE)
    post_id: int
    team_contact: fields.ForeignKeyRelation = _contact()
    team_contact_id: int
    status = fields.CharEnumField(RsvpStatus, max_length=16)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "community_rsvps"
        unique_together = (("team", "post", "team_contact"),)


class Revision(Model):
    """A post's or comment's text before an edit (edit history)."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = _team()
    team_id: int
    hub: fields.ForeignKeyRelation = _hub()
    hub_id: int
    target_type = fields.CharEnumField(TargetKind, max_length=16)
    target_id = fields.BigIntField()
    title = fields.CharField(max_length=300, null=True)
    body = fields.TextField(default="")
    edited_by: fields.ForeignKeyRelation = _contact(null=True)
    edited_by_id: int | None
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "community_revisions"
        indexes = (("team", "target_type", "target_id", "id"),)


class Flag(Model):
    """A member's report of a post, comment or message, with a reason."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = _team()
    team_id: int
    hub: fields.ForeignKeyRelation = _hub()
    hub_id: int
    target_type = fields.CharEnumField(TargetKind, max_length=16)
    target_id = fields.BigIntField()
    reporter: fields.ForeignKeyRelation = _contact(null=True)
    reporter_id: int | None
    reason = fields.CharField(max_length=1000)
    status = fields.CharEnumField(FlagStatus, max_length=16, default=FlagStatus.OPEN)
    created_at = fields.DatetimeField(auto_now_add=True)
    resolved_at = fields.DatetimeField(null=True)

    class Meta:
        table = "community_flags"
        indexes = (("team", "hub", "status", "id"), ("team", "target_type", "target_id"))


class ModerationAction(Model):
    """The audit log: every moderation action, by a moderator (member) or staff (user or API key)."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = _team()
    team_id: int
    hub: fields.ForeignKeyRelation = _hub()
    hub_id: int
    actor_contact: fields.ForeignKeyRelation = _contact(null=True)
    actor_contact_id: int | None
    actor_staff = fields.CharField(max_length=200, null=True)  # "user:<id>" or "api_key:<id>"
    action = fields.CharField(max_length=40)
    target_type = fields.CharField(max_length=16)
    target_id = fields.BigIntField(null=True)
    detail = fields.JSONField[dict[str, Any]](default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "community_moderation_actions"
        indexes = (("team", "hub", "id"),)


class Notification(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = _team()
    team_id: int
    hub: fields.ForeignKeyRelation = _hub()
    hub_id: int
    recipient: fields.ForeignKeyRelation = _contact()
    recipient_id: int
    kind = fields.CharEnumField(NotificationKind, max_length=16)
    actor: fields.ForeignKeyRelation = _contact(null=True)
    actor_id: int | None
    post_id = fields.BigIntField(null=True)
    comment_id = fields.BigIntField(null=True)
    conversation_id = fields.BigIntField(null=True)
    text = fields.CharField(max_length=500, default="")
    read_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "community_notifications"
        indexes = (("team", "recipient", "id"),)


class Conversation(Model):
    """A direct conversation: two members (1:1) or a small group, within one hub."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = _team()
    team_id: int
    hub: fields.ForeignKeyRelation = _hub()
    hub_id: int
    created_by: fields.ForeignKeyRelation = _contact(null=True)
    created_by_id: int | None
    is_group = fields.BooleanField(default=False)
    title = fields.CharField(max_length=200, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    last_message_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "community_conversations"


class ConversationMember(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = _team()
    team_id: int
    conversation: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Conversation", related_name=False, on_delete=fields.CASCADE)
    conversation_id: int
    team_contact: fields.ForeignKeyRelation = _contact()
    team_contact_id: int
    last_read_at = fields.DatetimeField(null=True)
    joined_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "community_conversation_members"
        unique_together = (("team", "conversation", "team_contact"),)
        indexes = (("team", "team_contact", "conversation"),)


class Message(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = _team()
    team_id: int
    hub: fields.ForeignKeyRelation = _hub()
    hub_id: int
    conversation: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Conversation", related_name=False, on_delete=fields.CASCADE)
    conversation_id: int
    author: fields.ForeignKeyRelation = _contact(null=True)
    author_id: int | None
    body = fields.TextField(default="")
    body_html = fields.TextField(default="")
    status = fields.CharEnumField(ContentStatus, max_length=16, default=ContentStatus.VISIBLE)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "community_messages"
        indexes = (("team", "conversation", "id"),)


class Block(Model):
    """`blocker` no longer hears from `blocked`: no messages, no mentions, their content out of view."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = _team()
    team_id: int
    hub: fields.ForeignKeyRelation = _hub()
    hub_id: int
    blocker: fields.ForeignKeyRelation = _contact()
    blocker_id: int
    blocked: fields.ForeignKeyRelation = _contact()
    blocked_id: int
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "community_blocks"
        unique_together = (("team", "hub", "blocker", "blocked"),)


class Visibility(StrEnum):
    MEMBERS = "members"
    NOBODY = "nobody"


class Profile(Model):
    """A member's community profile in one hub; `visibility` says, per field, who sees it."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = _team()
    team_id: int
    hub: fields.ForeignKeyRelation = _hub()
    hub_id: int
    team_contact: fields.ForeignKeyRelation = _contact()
    team_contact_id: int
    handle = fields.CharField(max_length=40)  # what `@handle` mentions
    display_name = fields.CharField(max_length=100)
    bio = fields.TextField(default="")
    avatar_media_id = fields.BigIntField(null=True)
    links = fields.JSONField[list[Any]](default=list)
    visibility = fields.JSONField[dict[str, Any]](default=dict)  # field -> "members" | "nobody"
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "community_profiles"
        unique_together = (("team", "hub", "team_contact"), ("team", "hub", "handle"))
        indexes = (("team", "hub", "display_name", "id"),)


class CommunityVersion(Model):
    """A hub's community version: whenever a statement inserts, updates or deletes any of the hub's spaces,
    posts, comments, reactions or profiles, the writing backend's row of the hub (`slot`: its pid) takes a
    new value of one database sequence, in the statement's transaction. Written only by the triggers of its
    migration (never by Python), so no writer can forget it, and no writer waits for another's row. A commit
    only raises a row's value, so the sum of a hub's values never repeats: that sum is the version a shared
    feed or thread page (app/community/shared_graphql.py) is kept at."""

    id = fields.BigIntField(primary_key=True)
    team_id = fields.BigIntField()  # no foreign keys: the triggers of a hub's delete still write here
    hub_id = fields.BigIntField()
    slot = fields.IntField(description="the writing backend's pid")
    version = fields.BigIntField()

    class Meta:
        table = "community_versions"
        unique_together = (("team_id", "hub_id", "slot"),)
