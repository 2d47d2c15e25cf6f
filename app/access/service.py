"""Access rules: attach, change and remove the one rule of a hub section, content node or page."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from tortoise.models import Model

from app.access.models import AccessRule, Audience, DripAnchor, RuleMode, RuleTarget
from app.commerce.models import Product
from app.contacts.models import TeamContact
from app.content.models import ContentNode, HubSection, Page
from app.core.errors import FieldError, NotFound, ValidationFailed
from app.hubs.models import HubRole
from app.segments.models import Segment
from app.teams.models import Team

TARGET_MODELS: dict[RuleTarget, type[HubSection | ContentNode | Page]] = {
    RuleTarget.HUB_SECTION: HubSection, RuleTarget.NODE: ContentNode, RuleTarget.PAGE: Page,
}
# Targets owned by domains above access (community spaces): target type -> (team id, target id) -> the
# target's hub id, or None when the team has no such target. Bound by app.wiring.
TargetHubLookup = Callable[[int, int], Awaitable[int | None]]
other_targets: dict[str, TargetHubLookup] = {}
MAX_IDS = 500
MAX_DRIP_DAYS = 3650


@dataclass
class RuleSpec:
    mode: str = RuleMode.NARROW
    audience: str = Audience.EVERYONE
    roles: list[str] | None = None
    segment_ids: list[int] | None = None
    product_ids: list[int] | None = None
    contact_ids: list[int] | None = None
    available_from: datetime | None = None
    available_until: datetime | None = None
    drip_days: int | None = None
    drip_anchor: str | None = None


async def _target_hub_id(team: Team, target_type: str, target_id: int | None) -> int:
    model = TARGET_MODELS.get(RuleTarget(target_type))
    if model is None:
        lookup = other_targets.get(target_type)
        hub_id = await lookup(team.id, target_id) if lookup is not None and target_id else None
        if hub_id is None:
            raise NotFound("targetId", target_type.replace("_", " "))
        return hub_id
    row = await model.get_or_none(id=target_id, team_id=team.id) if target_id else None
    if row is None:
        raise NotFound("targetId", target_type.replace("_", " "))
    return row.hub_id


async def _existing_ids(model: type[Model], team: Team, ids: list[int]) -> set[int]:
    return set(cast(list[int], await model.filter(team_id=team.id, id__in=ids).values_list("id", flat=True)))


async def validate_spec(team: Team, spec: RuleSpec) -> None:
    errors: list[FieldError] = []
    audience = spec.audience
    needs = {
        Audience.ROLES: ("roles", spec.roles),
        Audience.SEGMENTS_ANY: ("segmentIds", spec.segment_ids),
        Audience.SEGMENTS_ALL: ("segmentIds", spec.segment_ids),
        Audience.PRODUCTS: ("productIds", spec.product_ids),
        Audience.CONTACTS: ("contactIds", spec.contact_ids),
    }
    if audience in needs:
        field, values = needs[Audience(audience)]
        if not values:
            errors.append(FieldError(field, f"audience {audience} needs at least one value", "REQUIRED"))
    for field, values in (("roles", spec.roles), ("segmentIds", spec.segment_ids),
                          ("productIds", spec.product_ids), ("contactIds", spec.contact_ids)):
        if values and len(values) > MAX_IDS:
            errors.append(FieldError(field, f"at most {MAX_IDS} values", "TOO_MANY"))
    if spec.roles:
        unknown = sorted(set(spec.roles) - {r.value for r in HubRole})
        if unknown:
            errors.append(FieldError("roles", f"unknown roles: {', '.join(unknown)}", "INVALID_ROLE"))
    for field, model, values in (("segmentIds", Segment, spec.segment_ids), ("productIds", Product, spec.product_ids),
                                 ("contactIds", TeamContact, spec.contact_ids)):
        if values and not errors:
            missing = set(values) - await _existing_ids(model, team, values)
            if missing:
                errors.append(FieldError(field, f"not found: {', '.join(map(str, sorted(missing)))}", "NOT_FOUND"))
    if spec.available_from and spec.available_until and spec.available_from >= spec.available_until:
        errors.append(FieldError("availableUntil", "must be after availableFrom", "INVALID_WINDOW"))
    if spec.drip_days is not None and not 0 <= spec.drip_days <= MAX_DRIP_DAYS:
        errors.append(FieldError("dripDays", f"must be between 0 and {MAX_DRIP_DAYS}", "OUT_OF_RANGE"))
    if spec.drip_anchor is not None and spec.drip_days is None:
        errors.append(FieldError("dripDays", "a drip anchor needs dripDays", "REQUIRED"))
    if spec.drip_anchor == DripAnchor.ENTITLEMENT_START and not spec.product_ids:
        errors.append(FieldError("productIds", "a drip after entitlement start needs productIds", "REQUIRED"))
    if errors:
        raise ValidationFailed(errors)


async def set_access_rule(team: Team, target_type: str, target_id: int | None, spec: RuleSpec) -> AccessRule:
    """Create or replace the target's rule."""
    hub_id = await _target_hub_id(team, target_type, target_id)
    await validate_spec(team, spec)
    values = {
        "mode": spec.mode, "audience": spec.audience, "roles": sorted(set(spec.roles or [])),
        "segment_ids": sorted(set(spec.segment_ids or [])), "product_ids": sorted(set(spec.product_ids or [])),
        "contact_ids": sorted(set(spec.contact_ids or [])), "available_from": spec.available_from,
        "available_until": spec.available_until, "drip_days": spec.drip_days,
        "drip_anchor": spec.drip_anchor or (DripAnchor.HUB_JOIN if spec.drip_days is not None else None),
    }
    rule, _ = await AccessRule.update_or_create(
        defaults=values, target_type=target_type, target_id=target_id, team_id=team.id, hub_id=hub_id,
    )
    return rule


async def remove_access_rule(team: Team, target_type: str, target_id: int | None) -> bool:
    await _target_hub_id(team, target_type, target_id)
    deleted = await AccessRule.filter(team_id=team.id, target_type=target_type, target_id=target_id).delete()
    return bool(deleted)


async def remove_rules_of(target_type: str, target_ids: list[int]) -> None:
    """Rules are keyed by (type, id) without a foreign key; deleting a target removes its rule."""
    if target_ids:
        await AccessRule.filter(target_type=target_type, target_id__in=target_ids).delete()
