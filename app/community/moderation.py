"""Moderation: members flag, moderators (hub role MODERATOR or HOST, or staff with `community:write`) work the
queue: hide, restore, delete, approve, pin, lock, ban (through the hubs service). Every action is a row of
the audit log (community_moderation_actions), written in the action's own transaction.

A private message is never readable by staff or moderators, except one that a member's flag names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise.transactions import in_transaction

from app.access.view import HubAccess
from app.community import live, notifications, service
from app.community.models import (
    Comment,
    ContentStatus,
    ConversationMember,
    Flag,
    FlagStatus,
    Message,
    ModerationAction,
    Post,
    Profile,
    Space,
    TargetKind,
)
from app.core.errors import NotFound, ValidationFailed
from app.events.service import wake_evaluator
from app.hubs import service as hubs
from app.hubs.models import Hub, HubMembership, HubRole
from app.teams.models import Team

MAX_REASON = 1000


@dataclass(frozen=True)
class Moderator:
    """Who moderates: a member moderator of one hub, or staff of the team (any of its hubs)."""

    team_id: int
    hub_id: int | None  # None: staff, every hub of the team
    contact_id: int | None = None
    staff: str | None = None

    def reaches(self, hub_id: int) -> bool:
        return self.hub_id is None or self.hub_id == hub_id


def member_moderator(access: HubAccess) -> Moderator:
    if not service.is_moderator(access):
        raise ValidationFailed.one(None, "only the hub's moderators and hosts moderate", "NOT_A_MODERATOR")
    return Moderator(access.team_id, access.hub_id, contact_id=access.contact_id)


async def _log(db: Any, mod: Moderator, hub_id: int, action: str, target_type: str, target_id: int | None,
               **detail: Any) -> None:
    await ModerationAction.create(team_id=mod.team_id, hub_id=hub_id, actor_contact_id=mod.contact_id,
                                  actor_staff=mod.staff, action=action, target_type=target_type, target_id=target_id,
                                  detail=detail, using_db=db)


# ---------------------------------------------------------------- flags


async def _flag_target(access: HubAccess, target_type: str, target_id: int | None) -> int:
    """The target must be something the reporter can read (a message: of a conversation they are in)."""
    if target_type == TargetKind.POST:
        return (await service.member_post(access, target_id, "targetId")).id
    if target_type == TargetKind.COMMENT:
        return (await service.member_comment(access, target_id, "targetId"))[0].id
    message = await Message.get_or_none(id=target_id, team_id=access.team_id, hub_id=access.hub_id) \
        if target_id else None
    if message is None or not await ConversationMember.exists(
            team_id=access.team_id, conversation_id=message.conversation_id, team_contact_id=access.contact_id):
        raise NotFound("targetId", "message")
    return message.id


async def flag(access: HubAccess, target_type: str, target_id: int | None, reason: str) -> Flag:
    """One open flag per member per target: flagging again returns the open one."""
    if not access.facts.is_member or access.facts.banned:
        raise ValidationFailed.one(None, "only members of the hub can flag", "NOT_A_MEMBER")
    reason = reason.strip()
    if not 1 <= len(reason) <= MAX_REASON:
        raise ValidationFailed.one("reason", f"a reason of 1 to {MAX_REASON} characters", "INVALID_REASON")
    target = await _flag_target(access, target_type, target_id)
    existing = await Flag.get_or_none(team_id=access.team_id, target_type=target_type, target_id=target,
                                      reporter_id=access.contact_id, status=FlagStatus.OPEN)
    if existing is not None:
        return existing
    return await Flag.create(team_id=access.team_id, hub_id=access.hub_id, target_type=target_type,
                             target_id=target, reporter_id=access.contact_id, reason=reason)


async def get_flag(mod: Moderator, flag_id: int | None) -> Flag:
    row = await Flag.get_or_none(id=flag_id, team_id=mod.team_id) if flag_id else None
    if row is None or not mod.reaches(row.hub_id):
        raise NotFound("flagId", "flag")
    return row


async def dismiss_flag(mod: Moderator, flag_id: int | None) -> Flag:
    row = await get_flag(mod, flag_id)
    async with in_transaction() as tx:
        row.status, row.resolved_at = FlagStatus.DISMISSED, datetime.now(UTC)
        await row.save(using_db=tx, update_fields=["status", "resolved_at"])
        await _log(tx, mod, row.hub_id, "dismiss_flag", "flag", row.id)
    return row


# ---------------------------------------------------------------- hide, restore, delete, approve


ACTIONS = {"hide": ContentStatus.HIDDEN, "restore": ContentStatus.VISIBLE, "delete": ContentStatus.DELETED,
           "approve": ContentStatus.VISIBLE}
OUTCOMES = {"hide": "was hidden by a moderator", "restore": "was restored", "delete": "was removed by a moderator",
            "approve": "was approved"}


async def _target(mod: Moderator, target_type: str, target_id: int | None) -> Post | Comment | Message:
    kind = TargetKind(target_type)
    row: Post | Comment | Message | None = None
    if target_id:
        if kind == TargetKind.POST:
            row = await Post.get_or_none(id=target_id, team_id=mod.team_id)
        elif kind == TargetKind.COMMENT:
            row = await Comment.get_or_none(id=target_id, team_id=mod.team_id)
        else:
            row = await Message.get_or_none(id=target_id, team_id=mod.team_id)
    if row is None or not mod.reaches(row.hub_id):
        raise NotFound("targetId", target_type)
    if isinstance(row, Message) and not await Flag.exists(team_id=mod.team_id, target_type=TargetKind.MESSAGE,
                                                          target_id=row.id):
        raise NotFound("targetId", "message")  # private: reachable only through a report naming it
    return row


async def moderate(mod: Moderator, target_type: str, target_id: int | None, action: str, note: str = "") -> Any:
    """Hide, restore, delete or approve (a pending post or comment); resolves the target's open flags and
    tells the author. Approving a post is when it counts as posted (the post_created event)."""
    if len(note) > MAX_REASON:
        raise ValidationFailed.one("note", f"at most {MAX_REASON} characters", "TOO_LONG")
    row = await _target(mod, target_type, target_id)
    status = ContentStatus(row.status)
    if action == "approve" and status != ContentStatus.PENDING:
        raise ValidationFailed.one("action", "only pending posts and comments are approved", "NOT_PENDING")
    if action == "restore" and status not in (ContentStatus.HIDDEN, ContentStatus.DELETED):
        raise ValidationFailed.one("action", "only hidden or deleted content is restored", "NOT_HIDDEN")
    new_status = ACTIONS[action]
    post = row if isinstance(row, Post) else await Post.get_or_none(id=row.post_id) if isinstance(row, Comment) \
        else None
    async with in_transaction() as tx:
        if isinstance(row, Comment):
            await service.set_comment_status(row, new_status, tx)
        else:
            row.status = new_status
            await row.save(using_db=tx, update_fields=["status"])
        await Flag.filter(team_id=mod.team_id, target_type=target_type, target_id=row.id,
                          status=FlagStatus.OPEN).using_db(tx).update(status=FlagStatus.RESOLVED,
                                                                       resolved_at=datetime.now(UTC))
        await _log(tx, mod, row.hub_id, action, target_type, row.id, note=note, before=status.value)
        if action == "approve" and isinstance(row, Post) and row.author_id is not None:
            await _posted_on_approval(tx, row)
        what = f"Your {target_type}" + (f" “{post.title}”" if isinstance(row, Post) and post else "")
        notes = await notifications.for_moderation(
            tx, mod.team_id, row.hub_id, row.author_id, f"{what} {OUTCOMES[action]}",
            post_id=post.id if post else None, comment_id=row.id if isinstance(row, Comment) else None)
    if action == "approve":
        await wake_evaluator(mod.team_id)
    if isinstance(row, Post):
        await live.after_post(row, {"hide": "post_hidden", "delete": "post_deleted"}.get(action, "post_restored"))
    elif isinstance(row, Comment) and post is not None:
        await live.after_comment(post, row, {"hide": "comment_hidden", "delete": "comment_deleted"}.get(
            action, "comment_restored"))
    await notifications.push(notes)
    return row


async def _posted_on_approval(tx: Any, post: Post) -> None:
    from app.events.service import ingest_events

    space = await Space.filter(id=post.space_id).using_db(tx).get()
    hub_slug = (await Hub.filter(id=post.hub_id).using_db(tx).get()).slug
    async with tx.acquire_connection() as conn:
        await ingest_events(post.team_id, [{
            "contactId": post.author_id, "type": "post_created", "occurredAt": datetime.now(UTC),
            "properties": {"hub_id": post.hub_id, "space_id": space.id, "space": f"{hub_slug}/{space.slug}",
                           "post_id": post.id},
        }], conn=conn)


async def set_post_state(mod: Moderator, post_id: int | None, *, pinned: bool | None = None,
                         locked: bool | None = None) -> Post:
    post = await _target(mod, TargetKind.POST, post_id)
    assert isinstance(post, Post)
    async with in_transaction() as tx:
        for attr, value in (("pinned", pinned), ("locked", locked)):
            if value is not None and getattr(post, attr) != value:
                setattr(post, attr, value)
                await post.save(using_db=tx, update_fields=[attr])
                action = {("pinned", True): "pin", ("pinned", False): "unpin", ("locked", True): "lock",
                          ("locked", False): "unlock"}[(attr, value)]
                await _log(tx, mod, post.hub_id, action, TargetKind.POST, post.id)
    await live.after_post(post, "post_updated")
    return post


# ---------------------------------------------------------------- bans


async def ban(mod: Moderator, hub_id: int | None, contact_id: int | None, banned: bool,
              reason: str = "") -> HubMembership:
    """Ban (or unban) a member of the hub, through the hubs service. Member moderators cannot ban hosts or
    other moderators; staff can ban anyone."""
    if hub_id is None or not mod.reaches(hub_id):
        raise NotFound("hubId", "hub")
    if len(reason) > MAX_REASON:
        raise ValidationFailed.one("reason", f"at most {MAX_REASON} characters", "TOO_LONG")
    membership = await HubMembership.get_or_none(team_id=mod.team_id, hub_id=hub_id, team_contact_id=contact_id) \
        if contact_id else None
    if membership is None:
        raise NotFound("memberId", "member")
    if mod.staff is None and (membership.role in (HubRole.MODERATOR, HubRole.HOST) or contact_id == mod.contact_id):
        raise ValidationFailed.one("memberId", "moderators cannot ban hosts, moderators or themselves",
                                   "CANNOT_BAN")
    team = await Team.get(id=mod.team_id)
    updated = await hubs.update_hub_membership(team, membership.id, banned=banned, ban_reason=reason or None)
    async with in_transaction() as tx:
        await _log(tx, mod, hub_id, "ban" if banned else "unban", "member", contact_id, reason=reason)
    return updated


async def profile_contact(team_id: int, hub_id: int, profile_id: int | None) -> int | None:
    row = await Profile.get_or_none(id=profile_id, team_id=team_id, hub_id=hub_id) if profile_id else None
    return row.team_contact_id if row else None
