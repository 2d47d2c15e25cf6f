"""Hubs (branded member destinations) and the contacts who are members of them."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class HubRole(StrEnum):
    MEMBER = "member"
    MODERATOR = "moderator"
    HOST = "host"


class OnboardingState(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


class Hub(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="hubs", on_delete=fields.CASCADE
    )
    team_id: int
    name = fields.CharField(max_length=200)
    slug = fields.CharField(max_length=80)
    description = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "hubs"
        unique_together = (("team", "slug"),)


class HubMembership(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="hub_memberships", on_delete=fields.CASCADE
    )
    team_id: int
    hub: fields.ForeignKeyRelation[Hub] = fields.ForeignKeyField(
        "models.Hub", related_name="memberships", on_delete=fields.CASCADE
    )
    hub_id: int
    team_contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.TeamContact", related_name="hub_memberships", on_delete=fields.CASCADE
    )
    team_contact_id: int
    role = fields.CharEnumField(HubRole, max_length=16, default=HubRole.MEMBER)
    onboarding_state = fields.CharEnumField(
        OnboardingState, max_length=16, default=OnboardingState.NOT_STARTED
    )
    terms_accepted_at = fields.DatetimeField(null=True)
    notification_preferences = fields.JSONField[dict[str, Any]](default=dict)
    banned = fields.BooleanField(default=False)
    banned_at = fields.DatetimeField(null=True)
    ban_reason: str | None = fields.TextField(null=True)  # Tortoise types every TextField as str
    joined_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "hub_memberships"
        unique_together = (("hub", "team_contact"),)
