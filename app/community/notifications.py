"""Notifications: replies, mentions, accepted answers, messages and moderation outcomes, stored with read state
and pushed live after commit (app/community/live.py).

Nobody is told about what they may not read: a recipient must be a (not banned) member whom the access
decision lets into the space, and who has not blocked the actor.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, cast

from app.access.decision import decide
from app.access.snapshot import fetch_facts_and_version
from app.access.view import HubAccess
from app.community import live
from app.community.models import Block, Comment, Notification, NotificationKind, Post
from app.community.profiles import contacts_by_handle
from app.community.text import mentions

MAX_TEXT = 500


async def _blocked_by(team_id: int, hub_id: int, actor_id: int, recipients: Iterable[int], db: Any) -> set[int]:
    ids = sorted(set(recipients))
    if not ids:
        return set()
    rows = await Block.filter(team_id=team_id, hub_id=hub_id, blocked_id=actor_id, blocker_id__in=ids).using_db(
        db).values_list("blocker_id", flat=True)
    return set(cast(list[int], rows))


async def _who_may_read(access: HubAccess, space_id: int | None, recipients: list[int]) -> list[int]:
    if not recipients:
        return []
    found = await fetch_facts_and_version(access.team_id, access.hub_id, recipients)
    if space_id is None:
        return [f.facts.team_contact_id for f in found if f.facts.is_member and not f.facts.banned]
    rule = access.rules.spaces.get(space_id)
    return [f.facts.team_contact_id for f in found if decide(f.facts, [rule], access.now).allowed]


async def _store(db: Any, access: HubAccess, wanted: dict[int, NotificationKind], text: str, *,
                 space_id: int | None, post_id: int | None = None, comment_id: int | None = None,
                 conversation_id: int | None = None) -> list[Notification]:
    """One notification per recipient (not the actor, not those who blocked them, only readers)."""
    actor = access.contact_id
    wanted.pop(actor, None)
    if not wanted:
        return []
    blocked = await _blocked_by(access.team_id, access.hub_id, actor, wanted, db)
    readers = set(await _who_may_read(access, space_id, [c for c in wanted if c not in blocked]))
    created = []
    for recipient, kind in wanted.items():  # a handful at most (MAX_MENTIONS, the thread's authors, a group)
        if recipient in readers:
            created.append(await Notification.create(
                team_id=access.team_id, hub_id=access.hub_id, recipient_id=recipient, kind=kind, actor_id=actor,
                post_id=post_id, comment_id=comment_id, conversation_id=conversation_id, text=text[:MAX_TEXT],
                using_db=db))
    return created


async def _mentioned(access: HubAccess, text: str) -> list[int]:
    handles = mentions(text)
    return list((await contacts_by_handle(access.team_id, access.hub_id, handles)).values())


async def for_post(db: Any, access: HubAccess, post: Post) -> list[Notification]:
    wanted = dict.fromkeys(await _mentioned(access, f"{post.title}\n{post.body}"), NotificationKind.MENTION)
    return await _store(db, access, wanted, f"mentioned you in “{post.title}”", space_id=post.space_id,
                        post_id=post.id)


async def for_comment(db: Any, access: HubAccess, post: Post, comment: Comment,
                      parent: Comment | None) -> list[Notification]:
    wanted = dict.fromkeys(await _mentioned(access, comment.body), NotificationKind.MENTION)
    for replied_to in (post.author_id, parent.author_id if parent else None):
        if replied_to is not None:
            wanted[replied_to] = NotificationKind.REPLY  # a reply to you says so, even if it mentions you
    return await _store(db, access, wanted, f"replied in “{post.title}”", space_id=post.space_id,
                        post_id=post.id, comment_id=comment.id)


async def for_accepted_answer(db: Any, access: HubAccess, post: Post, comment: Comment) -> list[Notification]:
    """The comment's author, when the question's author or a moderator accepts it (not when they accept their own)."""
    wanted = {comment.author_id: NotificationKind.ANSWER_ACCEPTED} if comment.author_id is not None else {}
    return await _store(db, access, wanted, f"accepted your answer to “{post.title}”", space_id=post.space_id,
                        post_id=post.id, comment_id=comment.id)


async def for_message(db: Any, access: HubAccess, conversation_id: int, recipients: list[int],
                      text: str) -> list[Notification]:
    wanted = dict.fromkeys(recipients, NotificationKind.MESSAGE)
    return await _store(db, access, wanted, text, space_id=None, conversation_id=conversation_id)


async def for_moderation(db: Any, team_id: int, hub_id: int, recipient: int | None, text: str, *,
                         post_id: int | None = None, comment_id: int | None = None) -> list[Notification]:
    """An outcome (your post was hidden, approved, ...): sent whatever the space's rules, it is your own."""
    if recipient is None:
        return []
    row = await Notification.create(team_id=team_id, hub_id=hub_id, recipient_id=recipient,
                                    kind=NotificationKind.MODERATION, post_id=post_id, comment_id=comment_id,
                                    text=text[:MAX_TEXT], using_db=db)
    return [row]


async def push(notes: list[Notification]) -> None:
    for note in notes:
        await live.publish_notification(note)


async def mark_read(team_id: int, hub_id: int, contact_id: int, ids: list[int] | None) -> int:
    """Mark the given notifications (or all) read; returns how many changed."""
    query = Notification.filter(team_id=team_id, hub_id=hub_id, recipient_id=contact_id, read_at__isnull=True)
    if ids is not None:
        query = query.filter(id__in=ids)
    return await query.update(read_at=datetime.now(UTC))
