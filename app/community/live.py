"""Live community changes through Redis pub/sub (app/core/pubsub.py), published after commit.

One channel per team and topic; a listener asks for one space, conversation or recipient through
`listen(..., where=(field, value))`, so a message costs one queue put per interested listener, and a
slow listener's bounded queue drops its own oldest messages without holding anyone else up.
Messages carry ids only: each subscriber re-reads what it may see, with fresh access.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.pubsub import publish, team_channel

if TYPE_CHECKING:
    from app.community.models import Comment, Conversation, Message, Notification, Post

SPACE_TOPIC = "community-space"
NOTIFICATION_TOPIC = "community-notifications"
MESSAGE_TOPIC = "community-messages"


async def after_post(post: Post, kind: str = "post_created") -> None:
    await publish(team_channel(post.team_id, SPACE_TOPIC), {
        "kind": kind, "hub_id": post.hub_id, "space_id": post.space_id, "post_id": post.id})


async def after_comment(post: Post, comment: Comment, kind: str = "comment_created") -> None:
    await publish(team_channel(post.team_id, SPACE_TOPIC), {
        "kind": kind, "hub_id": post.hub_id, "space_id": post.space_id, "post_id": post.id,
        "comment_id": comment.id})


async def after_reaction(post: Post, target_type: str, target_id: int, emoji: str, delta: int) -> None:
    await publish(team_channel(post.team_id, SPACE_TOPIC), {
        "kind": "reaction", "hub_id": post.hub_id, "space_id": post.space_id, "post_id": post.id,
        "target_type": target_type, "target_id": target_id, "emoji": emoji, "delta": delta})


async def publish_notification(note: Notification) -> None:
    await publish(team_channel(note.team_id, NOTIFICATION_TOPIC), {
        "recipient_id": note.recipient_id, "notification_id": note.id, "hub_id": note.hub_id})


async def after_message(message: Message) -> None:
    await publish(team_channel(message.team_id, MESSAGE_TOPIC), {
        "conversation_id": message.conversation_id, "message_id": message.id, "hub_id": message.hub_id})


async def after_leaving(conversation: Conversation, contact_id: int) -> None:
    """A member left a group: their open message stream ends."""
    await publish(team_channel(conversation.team_id, MESSAGE_TOPIC), {
        "conversation_id": conversation.id, "left": contact_id, "hub_id": conversation.hub_id})
