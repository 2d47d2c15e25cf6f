"""Staff of a team: invitations by email, roles, removal, and dashboard sessions.

Membership is the `team_members` table (user, team, role): a user may belong to several teams,
each in its own role. Rules that keep a team governable:
- only owners make, change or remove owners;
- the last owner can be neither demoted nor removed;
- a role change or a removal closes the user's open websockets at once (they reconnect with
  what they may do now), as revoking a key does.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from tortoise.transactions import in_transaction

from app.core.errors import FieldError, NotFound, ValidationFailed
from app.core.ids import parse_id_or_none
from app.core.pubsub import publish_revoked
from app.core.tokens import sha256_hex
from app.settings import get_settings
from app.teams import two_factor
from app.teams.models import Team, TeamInvitation, TeamMember, TeamRole, User, UserSession
from app.teams.service import (
    SESSION_LIFETIME,
    Viewer,
    hash_password,
    validate_email,
    verify_password,
)

log = logging.getLogger("memberhub.teams")

INVITATION_LIFETIME = timedelta(days=7)
MIN_PASSWORD = 10
MAX_PASSWORD = 1000
TOKEN_PREFIX = "mhi_"

# Mails an invitation after it is saved: (team, email, accept URL, role, inviter's email).
# app/wiring.py binds the email domain's sender; email sits above teams.
InvitationHook = Callable[[Team, str, str, TeamRole, str | None], Awaitable[bool]]
_invitation_hooks: list[InvitationHook] = []


def on_invitation(hook: InvitationHook) -> None:
    if hook not in _invitation_hooks:
        _invitation_hooks.append(hook)


@dataclass(frozen=True)
class Invited:
    invitation: TeamInvitation
    token: str
    accept_url: str
    mailed: bool


def _is_owner(viewer: Viewer) -> bool:
    return viewer.role == TeamRole.OWNER


def _check_owner_rule(viewer: Viewer, role: TeamRole, field: str) -> None:
    if role == TeamRole.OWNER and not _is_owner(viewer):
        raise ValidationFailed.one(field, "only an owner can make someone an owner", "OWNER_ONLY")


async def invite(team: Team, viewer: Viewer, email: str, role: TeamRole) -> Invited:
    address = validate_email(email)
    _check_owner_rule(viewer, role, "role")
    if await TeamMember.exists(team_id=team.id, user__email=address):
        raise ValidationFailed.one("email", f"{address} is already on this team", "ALREADY_MEMBER")
    token = f"{TOKEN_PREFIX}{team.id}_{secrets.token_urlsafe(32)}"
    now = datetime.now(UTC)
    async with in_transaction():
        # A new invitation replaces a pending one for the same address: only the newest link works.
        await TeamInvitation.filter(team_id=team.id, email=address, accepted_at__isnull=True,
                                    revoked_at__isnull=True).update(revoked_at=now)
        invitation = await TeamInvitation.create(
            team=team, email=address, role=role, token_hash=sha256_hex(token),
            invited_by_id=viewer.user.id if viewer.user else None, expires_at=now + INVITATION_LIFETIME,
        )
    url = f"{get_settings().public_url}/invitations/accept#token={token}"
    mailed = False
    for hook in _invitation_hooks:
        try:
            mailed = bool(await hook(team, address, url, role, viewer.user.email if viewer.user else None)) or mailed
        except Exception:  # the invitation stands; the link is in the payload for the inviter to pass on
            log.exception("invitation mail to %s failed", address)
    return Invited(invitation=invitation, token=token, accept_url=url, mailed=mailed)


async def revoke_invitation(team: Team, invitation_id: int | None) -> TeamInvitation:
    invitation = (await TeamInvitation.get_or_none(id=invitation_id, team_id=team.id)
                  if invitation_id else None)
    if invitation is None:
        raise NotFound("id", "invitation")
    if invitation.accepted_at is not None:
        raise ValidationFailed.one("id", "this invitation was accepted already", "ALREADY_ACCEPTED")
    if invitation.revoked_at is None:
        invitation.revoked_at = datetime.now(UTC)
        await invitation.save(update_fields=["revoked_at"])
    return invitation


def _check_password(password: str) -> None:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise ValidationFailed.one("password", f"a password of at least {MIN_PASSWORD} characters", "WEAK_PASSWORD")


async def accept(token: str, password: str, name: str | None = None, *,
                 code: str | None = None) -> tuple[User, Team, TeamRole, str]:
    """Join the team: a new user sets its password here; an existing one proves it knows its own.
    Returns the user, the team, the role and a session token."""
    invalid = ValidationFailed.one("token", "this invitation is invalid, used or expired", "INVALID_INVITATION")
    team_part = token[len(TOKEN_PREFIX):].split("_", 1)[0] if token.startswith(TOKEN_PREFIX) else ""
    team_id = parse_id_or_none(team_part)
    if team_id is None or len(token) > 200:
        raise invalid
    now = datetime.now(UTC)
    async with in_transaction():
        invitation = await TeamInvitation.select_for_update().get_or_none(team_id=team_id,
                                                                           token_hash=sha256_hex(token))
        if (invitation is None or invitation.accepted_at is not None or invitation.revoked_at is not None
                or invitation.expires_at <= now):
            raise invalid
        user = await User.get_or_none(email=invitation.email)
        if user is not None and user.password_hash:
            if not await verify_password(user.password_hash, password):
                raise ValidationFailed.one("password", "this account exists: enter its password",
                                           "INVALID_CREDENTIALS")
            await two_factor.verify_sign_in(user, code)  # an account's second factor counts here too
        else:
            _check_password(password)
            hashed = await hash_password(password)
            if user is None:
                user = await User.create(email=invitation.email, name=(name or "").strip()[:200]
                                         or invitation.email.split("@")[0], password_hash=hashed)
            else:
                user.password_hash = hashed
                await user.save(update_fields=["password_hash"])
        if not await TeamMember.exists(team_id=invitation.team_id, user_id=user.id):
            await TeamMember.create(team_id=invitation.team_id, user=user, role=invitation.role)
        invitation.accepted_at = now
        await invitation.save(update_fields=["accepted_at"])
        session_token = f"mhs_{secrets.token_urlsafe(32)}"
        await UserSession.create(user=user, token_hash=sha256_hex(session_token), expires_at=now + SESSION_LIFETIME)
    team = await Team.get(id=invitation.team_id)
    return user, team, TeamRole(invitation.role), session_token


async def _membership(team: Team, user_id: int | None) -> TeamMember:
    member = (await TeamMember.get_or_none(team_id=team.id, user_id=user_id).select_related("user")
              if user_id else None)
    if member is None:
        raise NotFound("userId", "team member")
    return member


async def _owners_left(team: Team, without: int) -> int:
    return await TeamMember.filter(team_id=team.id, role=TeamRole.OWNER).exclude(user_id=without).count()


async def _close_sockets(user_id: int) -> None:
    """Every open session of the user reconnects: its websockets close (app/asgi.py)."""
    open_sessions = UserSession.filter(user_id=user_id, revoked_at__isnull=True, expires_at__gt=datetime.now(UTC))
    hashes = cast(list[str], await open_sessions.values_list("token_hash", flat=True))
    for token_hash in hashes:
        await publish_revoked(token_hash)


async def change_role(team: Team, viewer: Viewer, user_id: int | None, role: TeamRole) -> TeamMember:
    async with in_transaction():
        member = await _membership(team, user_id)
        previous = TeamRole(member.role)
        if previous == role:
            return member
        if TeamRole.OWNER in (previous, role) and not _is_owner(viewer):
            raise ValidationFailed.one("role", "only an owner can change an owner's role or make an owner",
                                       "OWNER_ONLY")
        if previous == TeamRole.OWNER and await _owners_left(team, member.user_id) == 0:
            raise ValidationFailed.one("userId", "the team's last owner cannot be demoted", "LAST_OWNER")
        member.role = role
        await member.save(update_fields=["role"])
    await _close_sockets(member.user_id)
    return member


async def remove_member(team: Team, viewer: Viewer, user_id: int | None) -> TeamMember:
    async with in_transaction():
        member = await _membership(team, user_id)
        if TeamRole(member.role) == TeamRole.OWNER:
            if not _is_owner(viewer):
                raise ValidationFailed.one("userId", "only an owner can remove an owner", "OWNER_ONLY")
            if await _owners_left(team, member.user_id) == 0:
                raise ValidationFailed.one("userId", "the team's last owner cannot be removed", "LAST_OWNER")
        await TeamMember.filter(id=member.id).delete()
    await _close_sockets(member.user_id)
    return member


async def visible_sessions(team: Team, viewer: Viewer, user_id: int | None) -> Any:
    """The caller's own sessions; an admin may ask for a member's (another team's user: none)."""
    if viewer.user is None and user_id is None:
        return UserSession.filter(id__in=[])
    target = user_id if user_id is not None else cast(User, viewer.user).id
    other = viewer.user is None or target != viewer.user.id
    if other and not (viewer.has_scope("admin") and await TeamMember.exists(team_id=team.id, user_id=target)):
        return UserSession.filter(id__in=[])
    return UserSession.filter(user_id=target, revoked_at__isnull=True, expires_at__gt=datetime.now(UTC))


async def revoke_session(team: Team, viewer: Viewer, session_id: int | None) -> UserSession:
    session = await UserSession.get_or_none(id=session_id) if session_id else None
    own = session is not None and viewer.user is not None and session.user_id == viewer.user.id
    member = session is not None and await TeamMember.exists(team_id=team.id, user_id=session.user_id)
    if session is None or not (own or (viewer.has_scope("admin") and member)):
        raise NotFound("id", "session")
    if session.revoked_at is None:
        session.revoked_at = datetime.now(UTC)
        await session.save(update_fields=["revoked_at"])
    await publish_revoked(session.token_hash)  # its websockets close, as a revoked key's do
    return session


def field_errors(*errors: FieldError) -> ValidationFailed:
    return ValidationFailed(list(errors))
