"""Direct messages between members of one hub: 1:1 or small groups, and blocks.

Only a conversation's members read it. Staff and moderators have no way in, except to a message a
member's flag names (app/community/moderation.py). A block works both ways for 1:1 messages: neither
can start or continue one with the other; in a group, a blocked sender's messages do not notify the
blocker.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

from tortoise.expressions import Q, Subquery
from tortoise.transactions import in_transaction

from app.access.view import HubAccess
from app.community import live, notifications, service
from app.community.models import Block, Conversation, ConversationMember, Message, Profile
from app.community.profiles import ensure_profile
from app.community.text import render
from app.core.errors import NotFound, ValidationFailed
from app.events.service import wake_evaluator
from app.hubs.models import HubMembership

MAX_GROUP = 10  # members of a group conversation, the starter included
MAX_MESSAGE = 5000


async def _blocked_between(team_id: int, hub_id: int, me: int, others: list[int]) -> bool:
    return await Block.filter(
        Q(blocker_id=me, blocked_id__in=others) | Q(blocked_id=me, blocker_id__in=others),
        team_id=team_id, hub_id=hub_id,
    ).exists()


async def _members_of(access: HubAccess, profile_ids: list[int]) -> list[int]:
    """Contacts of these profiles who are (not banned) members of the hub; unknown ids are an error."""
    wanted = sorted(set(profile_ids))
    rows = await Profile.filter(team_id=access.team_id, hub_id=access.hub_id, id__in=wanted)
    contacts = {p.id: p.team_contact_id for p in rows}
    members = set(cast(list[int], await HubMembership.filter(
        team_id=access.team_id, hub_id=access.hub_id, team_contact_id__in=list(contacts.values()), banned=False,
    ).values_list("team_contact_id", flat=True)))
    missing = [p for p in wanted if contacts.get(p) not in members]
    if missing:
        raise NotFound("memberIds", "member")
    return sorted(contacts[p] for p in wanted)


async def start_conversation(access: HubAccess, member_profile_ids: list[int], title: str = "") -> Conversation:
    """A 1:1 conversation is one per pair (starting it again returns it); more people make a group."""
    service._check_member(access)
    me = access.contact_id
    others = [c for c in await _members_of(access, member_profile_ids) if c != me]
    if not others:
        raise ValidationFailed.one("memberIds", "name at least one other member", "REQUIRED")
    if len(others) + 1 > MAX_GROUP:
        raise ValidationFailed.one("memberIds", f"a conversation has at most {MAX_GROUP} members", "TOO_MANY")
    if len(title) > 200:
        raise ValidationFailed.one("title", "at most 200 characters", "TOO_LONG")
    if await _blocked_between(access.team_id, access.hub_id, me, others):
        raise ValidationFailed.one("memberIds", "you cannot message a member you blocked or who blocked you",
                                   "BLOCKED")
    if len(others) == 1:
        existing = await _one_to_one(access, me, others[0])
        if existing is not None:
            return existing
    async with in_transaction() as tx:
        await ensure_profile(access.team_id, access.hub_id, me, db=tx)
        conversation = await Conversation.create(team_id=access.team_id, hub_id=access.hub_id, created_by_id=me,
                                                 is_group=len(others) > 1, title=title.strip(), using_db=tx)
        for contact in [me, *others]:
            await ConversationMember.create(team_id=access.team_id, conversation_id=conversation.id,
                                            team_contact_id=contact, using_db=tx)
    return conversation


async def _one_to_one(access: HubAccess, me: int, other: int) -> Conversation | None:
    mine = ConversationMember.filter(team_id=access.team_id, team_contact_id=me).values("conversation_id")
    theirs = ConversationMember.filter(team_id=access.team_id, team_contact_id=other).values("conversation_id")
    return await Conversation.filter(team_id=access.team_id, hub_id=access.hub_id, is_group=False,
                                     id__in=Subquery(mine)).filter(id__in=Subquery(theirs)).first()


async def member_conversation(access: HubAccess, conversation_id: int | None, field: str = "conversationId"
                              ) -> Conversation:
    """A conversation the member is in; any other (or another hub's) is unknown."""
    row = await Conversation.get_or_none(id=conversation_id, team_id=access.team_id, hub_id=access.hub_id) \
        if conversation_id else None
    if row is None or not await ConversationMember.exists(team_id=access.team_id, conversation_id=row.id,
                                                          team_contact_id=access.contact_id):
        raise NotFound(field, "conversation")
    return row


async def participants(team_id: int, conversation_id: int) -> list[int]:
    return cast(list[int], await ConversationMember.filter(team_id=team_id, conversation_id=conversation_id)
                .order_by("id").values_list("team_contact_id", flat=True))


async def send_message(access: HubAccess, conversation_id: int | None, body: str) -> Message:
    service._check_member(access)
    conversation = await member_conversation(access, conversation_id)
    body = service._check_text("body", body, MAX_MESSAGE)
    me = access.contact_id
    others = [c for c in await participants(access.team_id, conversation.id) if c != me]
    if not conversation.is_group and await _blocked_between(access.team_id, access.hub_id, me, others):
        raise ValidationFailed.one("conversationId", "you cannot message a member you blocked or who blocked you",
                                   "BLOCKED")
    settings = await service.hub_settings(access.team_id, access.hub_id)
    if service._filtered(settings, body) == "block":
        raise ValidationFailed.one("body", "the message contains a word this hub does not allow", "BLOCKED_WORD")
    await service._limit_posting(access, settings)
    now = datetime.now(UTC)
    async with in_transaction() as tx:
        message = await Message.create(team_id=access.team_id, hub_id=access.hub_id, conversation_id=conversation.id,
                                       author_id=me, body=body, body_html=render(body), using_db=tx)
        await Conversation.filter(id=conversation.id).using_db(tx).update(last_message_at=now)
        await ConversationMember.filter(team_id=access.team_id, conversation_id=conversation.id,
                                        team_contact_id=me).using_db(tx).update(last_read_at=now)
        async with tx.acquire_connection() as conn:
            await service._event(conn, access, "message_sent", {
                "conversation_id": conversation.id, "group": conversation.is_group})
        notes = await notifications.for_message(tx, access, conversation.id, others, "sent you a message")
    await wake_evaluator(access.team_id)
    await live.after_message(message)
    await notifications.push(notes)
    return message


async def mark_conversation_read(access: HubAccess, conversation_id: int | None) -> Conversation:
    conversation = await member_conversation(access, conversation_id)
    await ConversationMember.filter(team_id=access.team_id, conversation_id=conversation.id,
                                    team_contact_id=access.contact_id).update(last_read_at=datetime.now(UTC))
    return conversation


async def _group(access: HubAccess, conversation_id: int | None) -> Conversation:
    conversation = await member_conversation(access, conversation_id)
    if not conversation.is_group:
        raise ValidationFailed.one("conversationId", "only a group conversation can be renamed or left",
                                   "NOT_A_GROUP")
    return conversation


async def rename_conversation(access: HubAccess, conversation_id: int | None, title: str) -> Conversation:
    """Any member of a group may rename it."""
    service._check_member(access)
    conversation = await _group(access, conversation_id)
    title = title.strip()
    if not 1 <= len(title) <= 200:
        raise ValidationFailed.one("title", "a title of 1 to 200 characters", "INVALID_TITLE")
    conversation.title = title
    await conversation.save(update_fields=["title"])
    return conversation


async def leave_conversation(access: HubAccess, conversation_id: int | None) -> Conversation:
    """The member leaves a group: it and its messages are unknown to them from now (their stream ends); the
    others keep it, with the member's past messages."""
    conversation = await _group(access, conversation_id)
    await ConversationMember.filter(team_id=access.team_id, conversation_id=conversation.id,
                                    team_contact_id=access.contact_id).delete()
    await live.after_leaving(conversation, access.contact_id)
    return conversation


async def block(access: HubAccess, profile_id: int | None, blocked: bool) -> bool:
    """Block (or unblock) a member of the hub; True when something changed."""
    service._check_member(access)
    profile = await Profile.get_or_none(id=profile_id, team_id=access.team_id, hub_id=access.hub_id) \
        if profile_id else None
    if profile is None:
        raise NotFound("memberId", "member")
    if profile.team_contact_id == access.contact_id:
        raise ValidationFailed.one("memberId", "you cannot block yourself", "SELF")
    if not blocked:
        return bool(await Block.filter(team_id=access.team_id, hub_id=access.hub_id, blocker_id=access.contact_id,
                                       blocked_id=profile.team_contact_id).delete())
    _, created = await Block.get_or_create(team_id=access.team_id, hub_id=access.hub_id,
                                           blocker_id=access.contact_id, blocked_id=profile.team_contact_id)
    return created
