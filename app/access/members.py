"""Members signing in to a hub with a one-time code (also sent as a magic link).

Codes and tokens are stored as hashes. A member token is scoped to one hub and one contact and
never carries team scopes: it reaches only the member-facing fields.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import cast
from urllib.parse import urlencode

from tortoise import connections

from app.access.loaders import member_facts_sql
from app.access.models import MemberSession, MemberSignInCode
from app.access.snapshot import FactsAndVersion, facts_and_version_from_row, hub_version_sql
from app.contacts.models import TeamContact
from app.core import ratelimit
from app.core.errors import NotFound, ValidationFailed
from app.core.ids import encode_id
from app.core.links import public_link
from app.core.pubsub import publish_revoked
from app.core.tokens import sha256_hex, sign
from app.hubs.models import Hub, HubMembership
from app.settings import Settings, get_settings

log = logging.getLogger("memberhub.access")

MEMBER_TOKEN_PREFIX = "mhm_"
CODE_LIFETIME = timedelta(minutes=15)
SESSION_LIFETIME = timedelta(days=30)
MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class HubSummary:
    """The hub fields a member's requests show, read with the session."""

    id: int
    team_id: int
    name: str
    slug: str
    description: str


@dataclass(frozen=True)
class MemberViewer:
    """A signed-in member: one contact in one hub of one team."""

    team_id: int
    hub_id: int
    team_contact_id: int
    session_id: int
    hub: HubSummary | None = None  # loaded with the session (same query)
    # The member's access facts and the hub's version, read with the session (same statement) for a
    # single request; never for a websocket, whose context outlives any one read.
    access_facts: FactsAndVersion | None = None


@dataclass(frozen=True)
class SignInCode:
    team_id: int
    hub_id: int
    team_contact_id: int
    email: str
    code: str
    magic_link: str


# Delivery is pluggable: the email domain's sender is bound by app/wiring.py; with none, nothing is sent.
CodeSender = Callable[[SignInCode], Awaitable[None]]
code_senders: list[CodeSender] = []


def on_sign_in_code(sender: CodeSender) -> None:
    """Register who delivers a requested code (idempotent)."""
    if sender not in code_senders:
        code_senders.append(sender)


def _code_hash(code: str) -> str:
    return sign(get_settings().secret_key, f"member-sign-in:{code}")


async def issue_sign_in_code(hub: Hub, contact: TeamContact) -> SignInCode:
    code = f"{secrets.randbelow(10**8):08d}"
    query = urlencode({"hub": encode_id("Hub", hub.id), "email": contact.email, "code": code})
    link = public_link(f"/hubs/{hub.slug}/sign-in?{query}")  # before the row: an http link in production raises
    await MemberSignInCode.create(
        team_id=hub.team_id, hub=hub, team_contact=contact, code_hash=_code_hash(code),
        expires_at=datetime.now(UTC) + CODE_LIFETIME,
    )
    return SignInCode(hub.team_id, hub.id, contact.id, contact.email, code, link)


async def _member_of(hub_id: int | None, email: str) -> tuple[Hub, TeamContact] | None:
    hub = await Hub.get_or_none(id=hub_id) if hub_id else None
    if hub is None:
        return None
    contact = await TeamContact.get_or_none(team_id=hub.team_id, email=email.strip().lower())
    if contact is None:
        return None
    membership = await HubMembership.get_or_none(hub_id=hub.id, team_contact_id=contact.id)
    if membership is None or membership.banned:
        return None
    return hub, contact


def _member_key(hub_id: int | None, email: str) -> str:
    """Per hub and email, member or not, so the limit itself reveals nothing."""
    return f"{hub_id}:{sha256_hex(email.strip().lower())}"


async def _limit_address(address: str | None, settings: Settings) -> None:
    if address:
        await ratelimit.hit("sign-in attempts", settings.sign_in_limit_per_address,
                            [f"member-sign-in:address:{address}"])


async def request_sign_in_code(hub_id: int | None, email: str, address: str | None = None,
                               settings: Settings | None = None) -> None:
    """Send a code if the email belongs to a member; say nothing either way (no enumeration).
    Requests are limited per client address and per hub and email (each sends a mail)."""
    settings = settings or get_settings()
    await _limit_address(address, settings)
    await ratelimit.hit("sign-in codes requested for this email", settings.sign_in_codes_per_member,
                        [f"member-sign-in:codes:{_member_key(hub_id, email)}"])
    found = await _member_of(hub_id, email)
    if found is None:
        return
    issued = await issue_sign_in_code(*found)
    if not code_senders:
        log.info("no sign-in code sender configured; code for contact %s not delivered", issued.team_contact_id)
    for send in code_senders:
        await send(issued)


async def sign_in_with_code(hub_id: int | None, email: str, code: str, address: str | None = None,
                            settings: Settings | None = None) -> tuple[MemberViewer, str]:
    """Guesses are limited per code (MAX_ATTEMPTS) and, across codes, per hub and email (failures):
    asking for a new code brings no new guesses once those are spent."""
    settings = settings or get_settings()
    await _limit_address(address, settings)
    failures_limit = settings.sign_in_failures_per_member
    failures = [f"member-sign-in:failures:{_member_key(hub_id, email)}"]
    await ratelimit.check("wrong sign-in codes for this email", failures_limit, failures)
    try:
        return await _sign_in_with_code(hub_id, email, code)
    except ValidationFailed:
        await ratelimit.record(failures_limit, failures)
        raise


async def _sign_in_with_code(hub_id: int | None, email: str, code: str) -> tuple[MemberViewer, str]:
    failure = ValidationFailed.one("code", "the code is wrong or has expired", "INVALID_CODE")
    found = await _member_of(hub_id, email)
    if found is None:
        raise failure
    hub, contact = found
    now = datetime.now(UTC)
    pending = await MemberSignInCode.filter(
        hub_id=hub.id, team_contact_id=contact.id, used_at__isnull=True, expires_at__gt=now,
        attempts__lt=MAX_ATTEMPTS,
    ).order_by("-created_at").first()
    if pending is None:
        raise failure
    if not secrets.compare_digest(pending.code_hash, _code_hash(code.strip())):
        pending.attempts += 1
        await pending.save(update_fields=["attempts"])
        raise failure
    pending.used_at = now
    await pending.save(update_fields=["used_at"])
    token = f"{MEMBER_TOKEN_PREFIX}{secrets.token_urlsafe(32)}"
    session = await MemberSession.create(
        team_id=hub.team_id, hub=hub, team_contact=contact, token_hash=sha256_hex(token),
        expires_at=now + SESSION_LIFETIME,
    )
    return MemberViewer(hub.team_id, hub.id, contact.id, session.id), token


# Every member request runs this: plain SQL, since building the ORM query costs more than running it.
SESSION_SQL = """
SELECT s.id AS session_id, s.team_id, s.hub_id, s.team_contact_id, s.expires_at, h.name, h.slug, h.description
FROM member_sessions s JOIN hubs h ON h.id = s.hub_id
WHERE s.token_hash = $1 AND s.revoked_at IS NULL
"""
# The same, with the member's access facts and the hub's version (app/access/snapshot.py): a member's
# request then needs no second statement before its first access decision.
SESSION_WITH_ACCESS_SQL = member_facts_sql(
    "member_sessions s JOIN hubs h ON h.id = s.hub_id CROSS JOIN LATERAL (VALUES (s.team_contact_id)) AS c(id)",
    team="s.team_id", hub="s.hub_id",
    columns=",\n  s.id AS session_id, s.team_id, s.hub_id, s.expires_at, h.name, h.slug, h.description,\n  "
            f"{hub_version_sql('s.team_id', 's.hub_id')} AS hub_version",
) + "WHERE s.token_hash = $1 AND s.revoked_at IS NULL\n"


async def authenticate_member(token: str, *, with_access_facts: bool = False) -> MemberViewer | None:
    """One query: the session row with its hub (and, if asked, the member's access facts and the
    hub's version, see `MemberViewer.access_facts`). None when unknown, revoked or expired."""
    sql = SESSION_WITH_ACCESS_SQL if with_access_facts else SESSION_SQL
    rows = await connections.get("default").execute_query_dict(sql, [sha256_hex(token)])
    if not rows or rows[0]["expires_at"] <= datetime.now(UTC):
        return None
    row = rows[0]
    hub = HubSummary(row["hub_id"], row["team_id"], row["name"], row["slug"], row["description"])
    access_facts = facts_and_version_from_row(row) if with_access_facts else None
    return MemberViewer(row["team_id"], row["hub_id"], row["team_contact_id"], row["session_id"], hub, access_facts)


async def sign_out(member: MemberViewer) -> None:
    await MemberSession.filter(id=member.session_id).update(revoked_at=datetime.now(UTC))
    token_hash = await MemberSession.filter(id=member.session_id).first().values_list("token_hash", flat=True)
    if token_hash:
        await publish_revoked(cast(str, token_hash))  # its open websockets close (app/asgi.py)


async def admin_issue_code(team_id: int, hub_id: int | None, contact_id: int | None) -> SignInCode:
    """For a team that delivers codes itself: a code for one member of one of its hubs."""
    hub = await Hub.get_or_none(id=hub_id, team_id=team_id) if hub_id else None
    if hub is None:
        raise NotFound("hubId", "hub")
    contact = await TeamContact.get_or_none(id=contact_id, team_id=team_id) if contact_id else None
    if contact is None:
        raise NotFound("contactId", "contact")
    if not await HubMembership.exists(hub_id=hub.id, team_contact_id=contact.id, banned=False):
        raise ValidationFailed.one("contactId", "the contact is not a member of this hub", "NOT_A_MEMBER")
    return await issue_sign_in_code(hub, contact)
