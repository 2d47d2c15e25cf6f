"""Hubs and their memberships."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from app.contacts.models import TeamContact
from app.core.errors import FieldError, NotFound, ValidationFailed
from app.core.evaluation import request_evaluation, wake_evaluator
from app.hubs.models import Hub, HubMembership, HubRole, OnboardingState
from app.teams.models import Team

# Called after a member joins and the join is committed (the welcome mail is one; see app.wiring).
MemberJoinedHook = Callable[[int, int, int], Awaitable[None]]  # (team_id, hub_id, team_contact_id)
_member_joined_hooks: list[MemberJoinedHook] = []


def on_member_joined(hook: MemberJoinedHook) -> None:
    if hook not in _member_joined_hooks:
        _member_joined_hooks.append(hook)


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
    onboarding_state: str | None = None, notification_preferences: dict[str, Any] | None = None,
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
    try:
        async with in_transaction() as tx:
            membership = await HubMembership.create(
                team=team, hub=hub, team_contact=contact, role=role,
                onboarding_state=onboarding_state or OnboardingState.NOT_STARTED,
                notification_preferences=prefs,
            )
            async with tx.acquire_connection() as conn:
                await request_evaluation(conn, team.id, [contact.id], fields=["hubs"], cause="hub_membership")
    except IntegrityError as exc:
        message = "the contact is already a member of this hub"
        raise ValidationFailed.one("contactId", message, "ALREADY_MEMBER") from exc
    await wake_evaluator(team.id)
    for hook in _member_joined_hooks:
        await hook(team.id, hub.id, contact.id)
    return membership


def _validate_preferences(prefs: dict[str, Any] | None) -> dict[str, bool]:
    if prefs is None:
        return {}
    if not isinstance(prefs, dict) or len(prefs) > MAX_PREFERENCES_KEYS:
        raise ValidationFailed.one("notificationPreferences", "must be an object of booleans", "INVALID_PREFERENCES")
    if not all(isinstance(k, str) and isinstance(v, bool) for k, v in prefs.items()):
        raise ValidationFailed.one("notificationPreferences", "must be an object of booleans", "INVALID_PREFERENCES")
    return prefs


async def update_hub_membership(
    team: Team, membership_id: int | None, *, role: str | None = None, onboarding_state: str | None = None,
    accept_terms: bool = False, notification_preferences: dict[str, Any] | None = None,
    banned: bool | None = None, ban_reason: str | None = None,
) -> HubMembership:
    membership = (
        await HubMembership.get_or_none(id=membership_id, team_id=team.id) if membership_id else None
    )
    if membership is None:
        raise NotFound("id", "hub membership")
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
    await membership.save()
    return membership
