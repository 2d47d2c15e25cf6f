"""Access rules on hub sections, content nodes and pages; member sign-in codes and sessions."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

from app.content.models import RuleTarget


class Audience(StrEnum):
    EVERYONE = "everyone"
    ROLES = "roles"
    SEGMENTS_ANY = "segments_any"
    SEGMENTS_ALL = "segments_all"
    PRODUCTS = "products"
    CONTACTS = "contacts"


class RuleMode(StrEnum):
    NARROW = "narrow"  # applies on top of the rules above it
    REPLACE = "replace"  # the rules above it no longer apply


class DripAnchor(StrEnum):
    HUB_JOIN = "hub_join"
    ENTITLEMENT_START = "entitlement_start"


class AccessRule(Model):
    """At most one rule per target; inheritance down the tree combines them."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="access_rules", on_delete=fields.CASCADE
    )
    team_id: int
    hub: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Hub", related_name="access_rules", on_delete=fields.CASCADE
    )
    hub_id: int
    target_type = fields.CharEnumField(RuleTarget, max_length=16)
    target_id = fields.BigIntField()
    mode = fields.CharEnumField(RuleMode, max_length=16, default=RuleMode.NARROW)
    audience = fields.CharEnumField(Audience, max_length=16, default=Audience.EVERYONE)
    roles = fields.JSONField[list[Any]](default=list)
    segment_ids = fields.JSONField[list[Any]](default=list)
    product_ids = fields.JSONField[list[Any]](default=list)
    contact_ids = fields.JSONField[list[Any]](default=list)
    available_from = fields.DatetimeField(null=True)
    available_until = fields.DatetimeField(null=True)
    drip_days = fields.IntField(null=True)
    drip_anchor = fields.CharEnumField(DripAnchor, max_length=24, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "access_rules"
        unique_together = (("target_type", "target_id"),)
        indexes = (("hub",),)


class MemberSignInCode(Model):
    """A one-time code for one contact and hub; only its hash is stored."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="member_sign_in_codes", on_delete=fields.CASCADE
    )
    team_id: int
    hub: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Hub", related_name="member_sign_in_codes", on_delete=fields.CASCADE
    )
    hub_id: int
    team_contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.TeamContact", related_name="member_sign_in_codes", on_delete=fields.CASCADE
    )
    team_contact_id: int
    code_hash = fields.CharField(max_length=64)
    attempts = fields.IntField(default=0)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "member_sign_in_codes"
        indexes = (("hub", "team_contact", "created_at"),)


class MemberSession(Model):
    """A member's bearer token (hashed), scoped to one hub and one contact."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="member_sessions", on_delete=fields.CASCADE
    )
    team_id: int
    hub: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Hub", related_name="member_sessions", on_delete=fields.CASCADE
    )
    hub_id: int
    team_contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.TeamContact", related_name="member_sessions", on_delete=fields.CASCADE
    )
    team_contact_id: int
    token_hash = fields.CharField(max_length=64, unique=True)
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "member_sessions"


class HubContentVersion(Model):
    """A hub's content version: a new value of one database sequence whenever a statement inserts,
    updates or deletes any of its content nodes or access rules, or media its nodes show. Written
    only by the triggers of migration 28 (never by Python), so no writer can forget it; read with
    every member request, it tells whether the in-process snapshot of the hub (app/access/snapshot.py)
    is still the data's. Values are never reused: a deleted and re-created row gets a new one."""

    id = fields.BigIntField(primary_key=True)
    team_id = fields.BigIntField()  # no foreign keys: the triggers of a hub's delete still write here
    hub_id = fields.BigIntField()
    version = fields.BigIntField()

    class Meta:
        table = "hub_content_versions"
        unique_together = (("team_id", "hub_id"),)
