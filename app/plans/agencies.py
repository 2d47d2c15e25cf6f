"""Agencies: an organisation owning many teams (brands), its users and its agency-wide API keys.

Kept minimal on purpose: staff users, roles and invitations belong to the teams domain, and an
agency member is an existing user with a role (owner, admin or staff) in every brand of the agency.
A member signs in once (a dashboard session) and picks a brand per request with the
`X-MemberHub-Team` header, as with teams they belong to directly. An agency key (`mha_...`) carries
scopes and works in any brand the same way.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any, cast

from tortoise.transactions import in_transaction

from app.core import plan_caps
from app.core.errors import FieldError, NotFound, ValidationFailed
from app.core.ids import parse_id_or_none
from app.core.tokens import random_slug, sha256_hex
from app.plans.models import Agency, AgencyApiKey, AgencyBrand, AgencyMember
from app.plans.service import check_can_create, plan_of, set_plan
from app.teams.models import Team, TeamRole, User, UserSession
from app.teams.service import (
    LAST_USED_RESOLUTION,
    Viewer,
    create_team,
    scopes_for_role,
    validate_scopes,
    validate_time_zone,
)

AGENCY_KEY_PREFIX = "mha_"
ROLES = {role.value: role for role in TeamRole}
DEFAULT_THRESHOLDS: dict[str, Any] = {
    "notGrowingDays": 7,  # no joins for this many days (a broken pixel, a deliverability problem)
    "shrinkPercentPerWeek": 20.0,  # lost more than this share of its members in 7 days (a churn spike)
    "errorsWithinHours": 24,  # an evaluation error this recent flags the segment
}


async def agency_of_team(team_id: int) -> Agency | None:
    brand = await AgencyBrand.get_or_none(team_id=team_id).select_related("agency")
    return brand.agency if brand else None


async def require_agency(team: Team) -> Agency:
    agency = await agency_of_team(team.id)
    if agency is None:
        raise NotFound("agency", "agency of this team")
    return agency


async def brands_of(agency: Agency) -> list[Team]:
    rows = await AgencyBrand.filter(agency_id=agency.id).select_related("team").order_by("id")
    return [row.team for row in rows]


async def member_role(agency: Agency, user: User | None) -> TeamRole | None:
    if user is None:
        return None
    row = await AgencyMember.get_or_none(agency_id=agency.id, user_id=user.id)
    return ROLES.get(row.role) if row else None


async def require_agency_admin(viewer: Viewer) -> Agency:
    """The caller's team's agency, when the caller is a person who runs it (owner or admin)."""
    agency = await require_agency(viewer.team)
    role = await member_role(agency, viewer.user)
    if role not in (TeamRole.OWNER, TeamRole.ADMIN):
        raise ValidationFailed.one("agency", "only the agency's owners and admins manage it", "NOT_AGENCY_ADMIN")
    return agency


async def create_agency(viewer: Viewer, name: str) -> Agency:
    """The caller's team becomes the agency's home and first brand; the caller its owner."""
    name = (name or "").strip()
    if viewer.user is None:
        raise ValidationFailed.one(None, "an agency is created by a person (a dashboard session), not an API key",
                                   "USER_REQUIRED")
    if not name or len(name) > 200:
        raise ValidationFailed.one("name", "a name of 1 to 200 characters is required", "REQUIRED")
    await check_can_create(viewer.team.id, plan_caps.AGENCIES, field="name")
    if await AgencyBrand.exists(team_id=viewer.team.id):
        raise ValidationFailed.one(None, "this team belongs to an agency already", "ALREADY_IN_AGENCY")
    async with in_transaction():
        agency = await Agency.create(team_id=viewer.team.id, name=name, health_thresholds=dict(DEFAULT_THRESHOLDS))
        await AgencyBrand.create(team_id=viewer.team.id, agency=agency)
        await AgencyMember.create(team_id=viewer.team.id, agency=agency, user_id=viewer.user.id,
                                  role=TeamRole.OWNER.value)
    return agency


async def create_brand(viewer: Viewer, name: str, time_zone: str = "UTC") -> Team:
    """A new team owned by the agency, on the agency's plan; the caller is its owner, and every
    agency member reaches it with the session they already have."""
    agency = await require_agency_admin(viewer)
    assert viewer.user is not None
    errors: list[FieldError] = []
    if not (name or "").strip():
        errors.append(FieldError("name", "name is required", "REQUIRED"))
    try:
        time_zone = validate_time_zone(time_zone)
    except ValidationFailed as exc:
        errors.extend(exc.errors)
    if errors:
        raise ValidationFailed(errors)
    plan = await plan_of(agency.team_id)
    team, _, _ = await create_team(name, viewer.user.email, None, time_zone=time_zone)
    await AgencyBrand.create(team_id=team.id, agency=agency)
    await set_plan(team, plan.key, f"agency:{agency.id}")
    return team


async def add_member(viewer: Viewer, email: str, role: str) -> AgencyMember:
    agency = await require_agency_admin(viewer)
    wanted = ROLES.get((role or "").strip().lower())
    if wanted is None:
        raise ValidationFailed.one("role", f"unknown role '{role[:20]}' (roles: {', '.join(ROLES)})", "INVALID_ROLE")
    user = await User.get_or_none(email=(email or "").strip().lower())
    if user is None:
        raise NotFound("email", "user with this email (they sign up first)")
    row = await AgencyMember.get_or_none(agency_id=agency.id, user_id=user.id)
    if row is None:
        return await AgencyMember.create(team_id=agency.team_id, agency=agency, user_id=user.id, role=wanted.value)
    row.role = wanted.value
    await row.save(update_fields=["role"])
    return row


async def remove_member(viewer: Viewer, user_id: int) -> int:
    agency = await require_agency_admin(viewer)
    row = await AgencyMember.get_or_none(agency_id=agency.id, user_id=user_id)
    if row is None:
        raise NotFound("userId", "agency member")
    owners = await AgencyMember.filter(agency_id=agency.id, role=TeamRole.OWNER.value).count()
    if row.role == TeamRole.OWNER.value and owners == 1:
        raise ValidationFailed.one("userId", "an agency keeps at least one owner", "LAST_OWNER")
    await row.delete()
    return user_id


async def members_of(agency: Agency) -> list[tuple[User, str]]:
    rows = await AgencyMember.filter(agency_id=agency.id).select_related("user").order_by("id")
    return [(row.user, row.role) for row in rows]


async def create_key(viewer: Viewer, name: str, scopes: list[str]) -> tuple[AgencyApiKey, str]:
    agency = await require_agency_admin(viewer)
    name = (name or "").strip()
    if not name or len(name) > 200:
        raise ValidationFailed.one("name", "a name of 1 to 200 characters is required", "REQUIRED")
    scopes = validate_scopes(scopes)
    prefix = f"{AGENCY_KEY_PREFIX}{random_slug(10)}"
    plaintext = f"{prefix}_{secrets.token_urlsafe(32)}"
    key = await AgencyApiKey.create(team_id=agency.team_id, agency=agency, name=name, prefix=prefix,
                                    key_hash=sha256_hex(plaintext), scopes=scopes)
    return key, plaintext


async def revoke_key(viewer: Viewer, key_id: int) -> AgencyApiKey:
    agency = await require_agency_admin(viewer)
    key = await AgencyApiKey.get_or_none(id=key_id, agency_id=agency.id)
    if key is None:
        raise NotFound("id", "agency API key")
    if key.revoked_at is None:
        key.revoked_at = datetime.now(UTC)
        await key.save(update_fields=["revoked_at"])
    return key


async def keys_of(agency: Agency) -> list[AgencyApiKey]:
    return await AgencyApiKey.filter(agency_id=agency.id).order_by("-id")


async def set_thresholds(viewer: Viewer, values: dict[str, Any]) -> Agency:
    agency = await require_agency_admin(viewer)
    merged = {**DEFAULT_THRESHOLDS, **(agency.health_thresholds or {})}
    errors: list[FieldError] = []
    for key, value in values.items():
        if value is None:
            continue
        if key not in DEFAULT_THRESHOLDS:
            errors.append(FieldError(key, f"unknown threshold '{key}'", "INVALID_THRESHOLD"))
        elif isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 3650:
            errors.append(FieldError(key, f"{key} must be a positive number (at most 3650)", "INVALID_THRESHOLD"))
        else:
            merged[key] = value
    if errors:
        raise ValidationFailed(errors)
    agency.health_thresholds = merged
    await agency.save(update_fields=["health_thresholds"])
    return agency


def thresholds_of(agency: Agency) -> dict[str, Any]:
    return {**DEFAULT_THRESHOLDS, **(agency.health_thresholds or {})}


# ---------------------------------------------------------------- authentication


async def _brand_team(agency_id: int, team_id: str | None) -> Team | None:
    """The brand a request names (X-MemberHub-Team), or the agency's home team without one."""
    if team_id is None:
        agency = await Agency.get_or_none(id=agency_id).select_related("team")
        return agency.team if agency else None
    number = parse_id_or_none(team_id)
    if number is None:
        return None
    brand = await AgencyBrand.get_or_none(team_id=number, agency_id=agency_id).select_related("team")
    return brand.team if brand else None


async def authenticate_agency_key(token: str, team_id: str | None) -> Viewer | None:
    key = await AgencyApiKey.get_or_none(key_hash=sha256_hex(token))
    if key is None or key.revoked_at is not None:
        return None
    team = await _brand_team(key.agency_id, team_id)
    if team is None:
        return None
    now = datetime.now(UTC)
    if key.last_used_at is None or now - key.last_used_at > LAST_USED_RESOLUTION:
        await AgencyApiKey.filter(id=key.id).update(last_used_at=now)
    return Viewer(team=team, scopes=frozenset(cast(list[str], key.scopes)))


async def authenticate_agency_session(token: str, team_id: str | None) -> Viewer | None:
    """A dashboard session whose user is not a member of the team asked for: an agency member acts
    in the agency's brands with their agency role (read-only use of the teams domain's sessions)."""
    session = await UserSession.get_or_none(token_hash=sha256_hex(token)).select_related("user")
    if session is None or session.revoked_at is not None or session.expires_at <= datetime.now(UTC):
        return None
    for row in await AgencyMember.filter(user_id=session.user_id).order_by("id"):
        team = await _brand_team(row.agency_id, team_id)
        if team is not None:
            role = ROLES.get(row.role, TeamRole.STAFF)
            return Viewer(team=team, scopes=scopes_for_role(role), user=session.user, role=role)
    return None


async def agency_of_key(token: str) -> int | None:
    key = await AgencyApiKey.get_or_none(key_hash=sha256_hex(token))
    return key.agency_id if key else None
