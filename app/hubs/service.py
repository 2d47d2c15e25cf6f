"""Hubs and their memberships."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from app.contacts.models import TeamContact
from app.core.errors import FieldError, NotFound, ValidationFailed
from app.core.evaluation import request_evaluation, wake_evaluator
from app.core.pubsub import publish, team_channel
from app.hubs.models import Hub, HubMembership, HubRole, OnboardingState
from app.teams.models import Team

log = logging.getLogger("memberhub.hubs")

# Called after a member joins and the join is committed (the welcome mail is one; see app.wiring).
MemberJoinedHook = Callable[[int, int, int], Awaitable[object]]  # (team_id, hub_id, team_contact_id); result unused
_member_joined_hooks: list[MemberJoinedHook] = []


def on_member_joined(hook: MemberJoinedHook) -> None:
    if hook not in _member_joined_hooks:
        _member_joined_hooks.append(hook)


# What a membership write changes for the segment engine: the hub field family (`hubs`,
# `hub.<slug>.role`, `hub.<slug>.joinedAt`) all trigger on "hubs" (app/segments/catalog.py).
HUB_FIELDS = "hubs"
CAUSE = "hub_membership"

# Live: a member's role, ban or leaving, published after commit, so streams that depend on what the
# member may see (a community space's activity) re-decide at once rather than at the next segment change.
MEMBERSHIP_TOPIC = "hub-membership"

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
MAX_PREFERENCES_KEYS = 50


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:80] or "hub"


async def create_hub(team: Team, name: str, slug: str | None, description: str) -> Hub:
    errors: list[FieldError] = []
    name = name.strip()
    if not name:
        errors.append(FieldError("name", "name is required", "REQUIRED"))
    slug = (slug or slugify(name)).strip().lower()
    if not SLUG_RE.match(slug):
        errors.append(FieldError("slug", "slug must be lowercase letters, digits and dashes", "INVALID_SLUG"))
    if not errors and await Hub.exists(team_id=team.id, slug=slug):
        errors.append(FieldError("slug", f"a hub with slug '{slug}' already exists", "DUPLICATE_SLUG"))
    if errors:
        raise ValidationFailed(errors)
    return await Hub.create(team=team, name=name, slug=slug, description=description.strip())


async def get_hub(team: Team, hub_id: int | None, field: str = "hubId") -> Hub:
    hub = await Hub.get_or_none(id=hub_id, team_id=team.id) if hub_id else None
    if hub is None:
        raise NotFound(field, "hub")
    return hub


async def add_hub_member(
    team: Team, hub_id: int | None, contact_id: int | None, role: str,
    onboarding_state: str | None = None, notification_preferences: object = None,
) -> HubMembership:
    hub = await get_hub(team, hub_id)
    contact = await TeamContact.get_or_none(id=contact_id, team_id=team.id) if contact_id else None
    if contact is None:
        raise NotFound("contactId", "contact")
    if role not in {r.value for r in HubRole}:
        raise ValidationFailed.one("role", f"unknown role '{role}'", "INVALID_ROLE")
    prefs = _validate_preferences(notification_preferences)
    existing = await HubMembership.get_or_none(hub_id=hub.id, team_contact_id=contact.id)
    if existing is not None:
        raise ValidationFailed.one("contactId", "the contact is already a member of this hub", "ALREADY_MEMBER")
    async with in_transaction() as tx:
        membership = await grant_hub_membership(
            tx, team.id, hub.id, contact.id, role, onboarding_state=onboarding_state, notification_preferences=prefs,
        )
    if membership is None:  # a concurrent call added the contact first
        raise ValidationFailed.one("contactId", "the contact is already a member of this hub", "ALREADY_MEMBER")
    await wake_evaluator(team.id)
    await member_joined(team.id, hub.id, contact.id)
    return membership


_GRANT_SQL = """
INSERT INTO hub_memberships (team_id, hub_id, team_contact_id, role, onboarding_state, notification_preferences,
                             banned, joined_at)
VALUES ($1, $2, $3, $4, $5, $6::jsonb, false, now())
ON CONFLICT (hub_id, team_contact_id) DO NOTHING
RETURNING id
"""


async def grant_hub_membership(
    db: BaseDBAsyncClient, team_id: int, hub_id: int, contact_id: int, role: str = HubRole.MEMBER, *,
    onboarding_state: str | None = None, notification_preferences: dict[str, bool] | None = None,
) -> HubMembership | None:
    """Inside the caller's transaction `db`: make the contact a member of the hub, unless it already is
    one (then None, and the transaction goes on). Requests evaluation of the hub fields; after
    commit the caller wakes the evaluator and calls `member_joined`."""
    async with db.acquire_connection() as conn:
        membership_id = await conn.fetchval(
            _GRANT_SQL, team_id, hub_id, contact_id, HubRole(role).value,
            OnboardingState(onboarding_state or OnboardingState.NOT_STARTED).value,
            json.dumps(notification_preferences or {}),
        )
        if membership_id is None:
            return None
        await request_evaluation(conn, team_id, [contact_id], fields=[HUB_FIELDS], cause=CAUSE)
    return await HubMembership.get(id=membership_id, using_db=db)


@dataclass(frozen=True)
class NewMember:
    hub_id: int
    contact_id: int
    role: str = HubRole.MEMBER
    onboarding_state: str = OnboardingState.NOT_STARTED
    notification_preferences: dict[str, bool] = field(default_factory=dict)


_IMPORT_SQL = """
INSERT INTO hub_memberships (team_id, hub_id, team_contact_id, role, onboarding_state, notification_preferences,
                             banned, joined_at)
SELECT $1, u.hub_id, u.contact_id, u.role, u.state, u.prefs::jsonb, false, now()
FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[]) AS u(hub_id, contact_id, role, state, prefs)
JOIN hubs h ON h.id = u.hub_id AND h.team_id = $1
JOIN team_contacts c ON c.id = u.contact_id AND c.team_id = $1
ON CONFLICT (hub_id, team_contact_id) DO NOTHING
RETURNING team_contact_id
"""


async def import_hub_members(team: Team, members: list[NewMember]) -> int:
    """Add many memberships at once (seeding, imports), skipping existing ones and other teams' ids.
    No join hooks run: an import sends no welcome mail. Returns how many were added."""
    added = 0
    for start in range(0, len(members), 1000):
        batch = members[start:start + 1000]
        async with in_transaction() as tx, tx.acquire_connection() as conn:
            rows = await conn.fetch(
                _IMPORT_SQL, team.id, [m.hub_id for m in batch], [m.contact_id for m in batch],
                [HubRole(m.role).value for m in batch], [OnboardingState(m.onboarding_state).value for m in batch],
                [json.dumps(m.notification_preferences) for m in batch],
            )
            contact_ids = sorted({r["team_contact_id"] for r in rows})
            await request_evaluation(conn, team.id, contact_ids, fields=[HUB_FIELDS], cause=CAUSE)
        added += len(rows)
    if added:
        await wake_evaluator(team.id)
    return added


async def remove_hub_memberships(db: BaseDBAsyncClient, team_id: int, membership_ids: list[int]) -> list[int]:
    """Inside the caller's transaction `db`: delete these memberships of the team; returns the contacts
    who left (the caller wakes the evaluator after commit)."""
    if not membership_ids:
        return []
    async with db.acquire_connection() as conn:
        rows = await conn.fetch(
            "DELETE FROM hub_memberships WHERE team_id = $1 AND id = ANY($2::bigint[]) RETURNING team_contact_id",
            team_id, sorted(set(membership_ids)),
        )
        contact_ids = sorted({r["team_contact_id"] for r in rows})
        await request_evaluation(conn, team_id, contact_ids, fields=[HUB_FIELDS], cause=CAUSE)
    return contact_ids


async def remove_hub_member(team: Team, membership_id: int | None) -> int:
    """The contact leaves the hub (or is removed from it); returns the removed membership's id."""
    membership = (
        await HubMembership.get_or_none(id=membership_id, team_id=team.id) if membership_id else None
    )
    if membership is None:
        raise NotFound("id", "hub membership")
    async with in_transaction() as tx:
        await remove_hub_memberships(tx, team.id, [membership.id])
    await wake_evaluator(team.id)
    await membership_changed(team.id, membership.hub_id, membership.team_contact_id, "left")
    return membership.id


async def membership_changed(team_id: int, hub_id: int, contact_id: int, change: str) -> None:
    """After commit: tell live streams that this member's role, ban or membership changed."""
    await publish(team_channel(team_id, MEMBERSHIP_TOPIC),
                  {"hub_id": hub_id, "team_contact_id": contact_id, "change": change})


async def member_joined(team_id: int, hub_id: int, contact_id: int) -> None:
    """After the join committed: the hooks (the welcome mail). A failing hook is logged, never raised:
    the membership is already there."""
    for hook in _member_joined_hooks:
        try:
            await hook(team_id, hub_id, contact_id)
        except Exception:
            log.exception("hub join hook %s failed for contact %s in hub %s", hook, contact_id, hub_id)


def _validate_preferences(prefs: object) -> dict[str, bool]:
    """Any JSON value in (the GraphQL input is a JSON scalar): an object of booleans out, or ValidationFailed."""
    if prefs is None:
        return {}
    if not isinstance(prefs, dict) or len(prefs) > MAX_PREFERENCES_KEYS:
        raise ValidationFailed.one("notificationPreferences", "must be an object of booleans", "INVALID_PREFERENCES")
    if not all(isinstance(k, str) and isinstance(v, bool) for k, v in prefs.items()):
        raise ValidationFailed.one("notificationPreferences", "must be an object of booleans", "INVALID_PREFERENCES")
    return prefs


async def update_hub_membership(
    team: Team, membership_id: int | None, *, role: str | None = None, onboarding_state: str | None = None,
    accept_terms: bool = False, notification_preferences: object = None,
    banned: bool | None = None, ban_reason: str | None = None,
) -> HubMembership:
    membership = (
        await HubMembership.get_or_none(id=membership_id, team_id=team.id) if membership_id else None
    )
    if membership is None:
        raise NotFound("id", "hub membership")
    before = (membership.role, membership.banned)
    if role is not None:
        if role not in {r.value for r in HubRole}:
            raise ValidationFailed.one("role", f"unknown role '{role}'", "INVALID_ROLE")
        membership.role = HubRole(role)
    if onboarding_state is not None:
        membership.onboarding_state = OnboardingState(onboarding_state)
    if accept_terms and membership.terms_accepted_at is None:
        membership.terms_accepted_at = datetime.now(UTC)
    if notification_preferences is not None:
        membership.notification_preferences = {
            **(membership.notification_preferences or {}), **_validate_preferences(notification_preferences)
        }
    if banned is not None:
        membership.banned = banned
        membership.banned_at = datetime.now(UTC) if banned else None
        membership.ban_reason = ban_reason if banned else None
    # Rules read a membership's role and whether it is banned (`hubs`, `hub.<slug>.role`).
    changes_rules = (membership.role, membership.banned) != before
    async with in_transaction() as tx:
        await membership.save(using_db=tx)
        if changes_rules:
            async with tx.acquire_connection() as conn:
                await request_evaluation(conn, team.id, [membership.team_contact_id], fields=[HUB_FIELDS], cause=CAUSE)
    if changes_rules:
        await wake_evaluator(team.id)
        change = "role" if membership.role != before[0] else ("banned" if membership.banned else "unbanned")
        await membership_changed(team.id, membership.hub_id, membership.team_contact_id, change)
    return membership
