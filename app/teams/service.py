"""Teams, users, API keys and sessions; turning a bearer token into a Viewer."""

from __future__ import annotations

import asyncio
import functools
import logging
import re
import secrets
import zoneinfo
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any, TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from app.core import ratelimit
from app.core.errors import FieldError, NotFound, ValidationFailed
from app.core.ids import parse_id_or_none
from app.core.pubsub import publish_revoked
from app.core.tokens import random_slug, sha256_hex
from app.settings import Settings, get_settings
from app.teams import two_factor
from app.teams.models import ApiKey, Team, TeamMember, TeamRole, User, UserSession

T = TypeVar("T")
log = logging.getLogger("memberhub.teams")

# Called after a team's time zone changed and committed: the segment engine recomputes the rules
# whose calendar days moved (bound in app.wiring; segments sit above teams).
TimeZoneChangedHook = Callable[[Team], Awaitable[object]]
_time_zone_hooks: list[TimeZoneChangedHook] = []


def on_time_zone_changed(hook: TimeZoneChangedHook) -> None:
    if hook not in _time_zone_hooks:
        _time_zone_hooks.append(hook)


@cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(name: str, field: str = "timeZone") -> str:
    """An IANA zone name as the tz database spells it (`Europe/London`, `UTC`)."""
    cleaned = (name or "").strip()
    if cleaned not in _time_zones():
        by_case = {z.lower(): z for z in _time_zones()}
        hint = f"; did you mean '{by_case[cleaned.lower()]}'?" if cleaned.lower() in by_case else ""
        raise ValidationFailed.one(
            field, f"'{name[:64]}' is not an IANA time zone name (such as Europe/London or America/New_York){hint}",
            "INVALID_TIME_ZONE")
    return cleaned


async def set_time_zone(team: Team, name: str) -> Team:
    """Calendar words, dates in rules and day boundaries follow the new zone from now on."""
    zone_name = validate_time_zone(name)
    if zone_name == team.time_zone:
        return team
    team.time_zone = zone_name
    await team.save(update_fields=["time_zone"])
    for hook in _time_zone_hooks:
        try:
            await hook(team)
        except Exception:
            log.exception("time zone hook %s failed for team %s", hook, team.id)
    return team

ADMIN_SCOPE = "admin"
SCOPES: dict[str, str] = {
    ADMIN_SCOPE: "Everything, including API keys and team settings",
    "contacts:read": "Read contacts and custom property definitions",
    "contacts:write": "Create and update contacts",
    "hubs:read": "Read hubs and their members",
    "hubs:write": "Create hubs and manage their members",
    "segments:read": "Read segments and their members",
    "segments:write": "Create and change segments",
    "reports:read": "Read segment reports",
    "events:write": "Send events",
    "content:read": "Read hub content, pages, media and access rules; preview as a member",
    "content:write": "Manage hub content, pages, media and access rules",
    "email:read": "Read email settings, templates, drips and suppressions",
    "email:write": "Change email settings, templates, drips and suppressions; send test email",
    "audiences:read": "Read ad-audience destinations and sync runs",
    "audiences:write": "Manage ad-audience destinations, links and syncs; export audiences",
    "commerce:read": "Read products, prices, coupons, subscriptions and entitlements",
    "commerce:write": "Manage the catalog and create checkouts",
    "community:read": "Read community spaces and settings, the moderation queue and its audit log",
    "community:write": "Manage community spaces and settings; moderate posts, comments and members",
}
STAFF_SCOPES = frozenset(SCOPES) - {ADMIN_SCOPE}


def _scopes_like(*patterns: str) -> frozenset[str]:
    """The known scopes matching `patterns` ("*:read", "community:*", or one scope)."""
    def matches(scope: str, pattern: str) -> bool:
        if pattern.startswith("*:"):
            return scope.endswith(pattern[1:])
        if pattern.endswith(":*"):
            return scope.startswith(pattern[:-1])
        return scope == pattern
    return frozenset(s for s in SCOPES if s != ADMIN_SCOPE and any(matches(s, p) for p in patterns))


# THE table of what each role may do (docs/teams.md shows it; tests/test_role_walk.py walks it).
# Owners and admins hold every scope; only owners change or remove owners.
ROLE_SCOPE_PATTERNS: dict[TeamRole, tuple[str, ...]] = {
    TeamRole.OWNER: (ADMIN_SCOPE,),
    TeamRole.ADMIN: (ADMIN_SCOPE,),
    TeamRole.STAFF: ("*:read", "*:write"),
    TeamRole.ANALYST: ("*:read",),  # read-only, reports included
    TeamRole.MODERATOR: ("hubs:read", "hubs:write", "contacts:read", "content:read", "community:*"),
}
ROLE_SCOPES: dict[TeamRole, frozenset[str]] = {
    role: frozenset({ADMIN_SCOPE}) if ADMIN_SCOPE in patterns else _scopes_like(*patterns)
    for role, patterns in ROLE_SCOPE_PATTERNS.items()
}
SESSION_LIFETIME = timedelta(days=14)
LAST_USED_RESOLUTION = timedelta(seconds=60)
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

_hasher = PasswordHasher()


@dataclass(frozen=True)
class Viewer:
    """Who is calling, for which team, with which scopes."""

    team: Team
    scopes: frozenset[str]
    user: User | None = None
    api_key: ApiKey | None = None
    role: TeamRole | None = None
    # The team requires two-factor and this session's user has none: it may only enrol.
    two_factor_pending: bool = False

    def has_scope(self, scope: str) -> bool:
        return ADMIN_SCOPE in self.scopes or scope in self.scopes


# argon2 (64 MiB, t=3) never runs on the event loop: one hash at a time per process, in a thread
# (argon2-cffi releases the GIL), so a burst of logins queues here and leaves the event loop a core.
_HASH_POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="argon2")


async def _in_hash_pool(fn: Callable[..., T], *args: Any) -> T:
    return await asyncio.get_running_loop().run_in_executor(_HASH_POOL, fn, *args)


async def hash_password(password: str) -> str:
    return await _in_hash_pool(_hasher.hash, password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@functools.cache
def _dummy_hash() -> str:
    return _hasher.hash("memberhub-dummy-password")


async def verify_password(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        return False
    return await _in_hash_pool(_verify, password_hash, password)


def normalize_email(email: str) -> str:
    return email.strip().lower()


def validate_email(email: str, field: str = "email") -> str:
    normalized = normalize_email(email)
    if len(normalized) > 320 or not EMAIL_RE.match(normalized):
        raise ValidationFailed.one(field, f"'{email}' is not a valid email address", "INVALID_EMAIL")
    return normalized


def scopes_for_role(role: TeamRole | str) -> frozenset[str]:
    return ROLE_SCOPES[TeamRole(role)]


def validate_scopes(scopes: list[str]) -> list[str]:
    unknown = [s for s in scopes if s not in SCOPES]
    if unknown:
        raise ValidationFailed.one(
            "scopes", f"unknown scopes: {', '.join(unknown)} (known: {', '.join(SCOPES)})", "INVALID_SCOPE"
        )
    if not scopes:
        raise ValidationFailed.one("scopes", "at least one scope is required", "REQUIRED")
    return sorted(set(scopes))


def _slugify(name: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "team"
    return f"{base}-{random_slug(6)}"


async def create_api_key(
    team: Team, name: str, scopes: list[str], created_by: User | None = None
) -> tuple[ApiKey, str]:
    """Create a key; the plaintext is returned once and only its hash is kept."""
    name = name.strip()
    if not name:
        raise ValidationFailed.one("name", "name is required", "REQUIRED")
    scopes = validate_scopes(scopes)
    prefix = f"mhk_{random_slug(10)}"
    plaintext = f"{prefix}_{secrets.token_urlsafe(32)}"
    key = await ApiKey.create(
        team=team, name=name, prefix=prefix, key_hash=sha256_hex(plaintext), scopes=scopes,
        created_by=created_by,
    )
    return key, plaintext


async def create_team(
    name: str, owner_email: str, owner_password: str | None = None, time_zone: str = "UTC"
) -> tuple[Team, User, str]:
    """A team with its owner and an admin API key (plaintext returned once)."""
    name = name.strip()
    errors: list[FieldError] = []
    if not name:
        errors.append(FieldError("name", "name is required", "REQUIRED"))
    try:
        owner_email = validate_email(owner_email, "ownerEmail")
    except ValidationFailed as exc:
        errors.extend(exc.errors)
    try:
        time_zone = validate_time_zone(time_zone)
    except ValidationFailed as exc:
        errors.extend(exc.errors)
    if errors:
        raise ValidationFailed(errors)
    async with in_transaction():
        team = await Team.create(name=name, slug=_slugify(name), time_zone=time_zone)
        user = await User.get_or_none(email=owner_email)
        if user is None:
            user = await User.create(
                email=owner_email,
                name=owner_email.split("@")[0],
                password_hash=await hash_password(owner_password) if owner_password else None,
            )
        elif owner_password and not user.password_hash:
            user.password_hash = await hash_password(owner_password)
            await user.save(update_fields=["password_hash"])
        await TeamMember.create(team=team, user=user, role=TeamRole.OWNER)
        _, plaintext = await create_api_key(team, "Owner key", [ADMIN_SCOPE], created_by=user)
    return team, user, plaintext


async def revoke_api_key(team: Team, key_id: int) -> ApiKey:
    key = await ApiKey.get_or_none(id=key_id, team_id=team.id)
    if key is None:
        raise NotFound("id", "API key")
    if key.revoked_at is None:
        key.revoked_at = datetime.now(UTC)
        await key.save(update_fields=["revoked_at"])
    await publish_revoked(key.key_hash)  # its open websockets close (app/asgi.py)
    return key


async def login(email: str, password: str, address: str | None = None,
                settings: Settings | None = None, code: str | None = None) -> tuple[User, str]:
    """Attempts are limited per client address (all of them, before any hashing) and per account
    (failures; known or not, so the limit reveals nothing), across every API process. A user with
    two-factor on also gives `code` (app/teams/two_factor.py)."""
    settings = settings or get_settings()
    normalized = normalize_email(email)
    account = [f"login:account:{sha256_hex(normalized)}"]
    if address:
        await ratelimit.hit("login attempts", settings.login_limit_per_address, [f"login:address:{address}"])
    await ratelimit.check("failed logins for this account", settings.login_failures_per_account, account)
    user = await User.get_or_none(email=normalized)
    # Verify against a dummy hash for unknown users so timing does not reveal who exists.
    verified = await verify_password(user.password_hash if user else await _in_hash_pool(_dummy_hash), password)
    if user is None or not verified:
        await ratelimit.record(settings.login_failures_per_account, account)
        raise ValidationFailed.one(None, "email or password is incorrect", "INVALID_CREDENTIALS")
    await two_factor.verify_sign_in(user, code, settings)
    token = f"mhs_{secrets.token_urlsafe(32)}"
    await UserSession.create(
        user=user, token_hash=sha256_hex(token), expires_at=datetime.now(UTC) + SESSION_LIFETIME
    )
    return user, token


async def logout(token: str) -> None:
    await UserSession.filter(token_hash=sha256_hex(token)).update(revoked_at=datetime.now(UTC))
    await publish_revoked(sha256_hex(token))



async def purge_expired_sessions(cutoff: datetime) -> int:
    """Delete dashboard sessions that expired or were revoked before `cutoff`; returns how many."""
    expired = await UserSession.filter(expires_at__lt=cutoff).delete()
    revoked = await UserSession.filter(revoked_at__lt=cutoff).delete()
    return expired + revoked


async def _touch_api_key(key: ApiKey, now: datetime) -> None:
    if key.last_used_at is None or now - key.last_used_at > LAST_USED_RESOLUTION:
        await ApiKey.filter(id=key.id).filter(
            Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_RESOLUTION)
        ).update(last_used_at=now)
        key.last_used_at = now


async def authenticate(token: str, team_id: str | None = None) -> Viewer | None:
    """Resolve a bearer token. Returns None when it is unknown, revoked or expired."""
    now = datetime.now(UTC)
    token_hash = sha256_hex(token)
    if token.startswith("mhk_"):
        key = await ApiKey.get_or_none(key_hash=token_hash).select_related("team")
        if key is None or key.revoked_at is not None:
            return None
        await _touch_api_key(key, now)
        return Viewer(team=key.team, scopes=frozenset(key.scopes), api_key=key)
    if token.startswith("mhs_"):
        session = await UserSession.get_or_none(token_hash=token_hash).select_related("user")
        if session is None or session.revoked_at is not None or session.expires_at <= now:
            return None
        memberships = TeamMember.filter(user_id=session.user_id).select_related("team").order_by("id")
        if team_id is not None:
            team_pk = parse_id_or_none(team_id)  # canonical digits only: no spaces, no other scripts' digits
            if team_pk is None:
                return None
            memberships = memberships.filter(team_id=team_pk)
        membership = await memberships.first()
        if membership is None:
            return None
        if session.last_used_at is None or now - session.last_used_at > LAST_USED_RESOLUTION:
            await UserSession.filter(id=session.id).update(last_used_at=now)
        return Viewer(
            team=membership.team, scopes=scopes_for_role(membership.role), user=session.user,
            role=membership.role, two_factor_pending=two_factor.required_but_missing(membership.team, session.user),
        )
    return None
