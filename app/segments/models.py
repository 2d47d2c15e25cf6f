"""Segments (dynamic, static, cohort), their current members and the history of joins/leaves."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.contrib.postgres.fields import ArrayField
from tortoise.models import Model


class SegmentKind(StrEnum):
    DYNAMIC = "dynamic"
    STATIC = "static"
    COHORT = "cohort"


class MembershipAction(StrEnum):
    JOIN = "join"
    LEAVE = "leave"


class Segment(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="segments", on_delete=fields.CASCADE
    )
    team_id: int
    name = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    kind = fields.CharEnumField(SegmentKind, max_length=16)
    rule = fields.JSONField[Any](null=True)
    rule_text: str | None = fields.TextField(null=True)  # Tortoise types every TextField as str
    tags = fields.JSONField[list[Any]](default=list)
    member_count = fields.IntField(default=0)
    triggers = fields.JSONField[Any](null=True, description="what can change the rule (see app.segments.triggers)")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "segments"
        unique_together = (("team", "name"),)


class SegmentMembership(Model):
    """Current members. Access rules, drips and audience syncs read this table."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="segment_memberships", on_delete=fields.CASCADE
    )
    team_id: int
    segment: fields.ForeignKeyRelation[Segment] = fields.ForeignKeyField(
        "models.Segment", related_name="memberships", on_delete=fields.CASCADE
    )
    segment_id: int
    team_contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.TeamContact", related_name="segment_memberships", on_delete=fields.CASCADE
    )
    team_contact_id: int
    joined_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "segment_memberships"
        unique_together = (("team", "segment", "team_contact"),)
        indexes = (("team", "team_contact"),)


class SegmentMembershipChange(Model):
    """History: every join and leave with its cause (recompute, event id, manual)."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="segment_changes", on_delete=fields.CASCADE
    )
    team_id: int
    segment: fields.ForeignKeyRelation[Segment] = fields.ForeignKeyField(
        "models.Segment", related_name="changes", on_delete=fields.CASCADE
    )
    segment_id: int
    team_contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.TeamContact", related_name="segment_changes", on_delete=fields.CASCADE
    )
    team_contact_id: int
    action = fields.CharEnumField(MembershipAction, max_length=8)
    cause = fields.CharField(max_length=32)
    cause_ref = fields.CharField(max_length=200, null=True)
    at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "segment_membership_changes"
        indexes = (("team", "segment", "at"), ("team", "team_contact", "at"))


class ContactStats(Model):
    """Computed properties of one contact, maintained on ingest so most rules scan contacts only.

    Written by `app.segments.stats` (never by hand); `rebuild_computed_properties` recreates it.
    Orders count when paid or partially refunded, for their total net of refunds; money is in minor units.
    """

    team_contact: fields.OneToOneRelation = fields.OneToOneField(
        "models.TeamContact", related_name="stats", on_delete=fields.CASCADE, primary_key=True
    )
    team_contact_id: int
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="contact_stats", on_delete=fields.CASCADE
    )
    team_id: int
    event_count = fields.BigIntField(default=0)
    last_activity_at = fields.DatetimeField(null=True)
    order_count = fields.IntField(default=0)
    total_spent = fields.BigIntField(default=0, description="minor units")
    first_order_at = fields.DatetimeField(null=True)
    last_order_at = fields.DatetimeField(null=True)
    products = ArrayField(element_type="text", default=list)

    class Meta:
        table = "contact_stats"
        indexes = (("team", "last_activity_at"),)


class ContactEventStats(Model):
    """Per contact and event type: how many, first and last time (an open set of types)."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="contact_event_stats", on_delete=fields.CASCADE
    )
    team_id: int
    team_contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.TeamContact", related_name="event_stats", on_delete=fields.CASCADE
    )
    team_contact_id: int
    type = fields.CharField(max_length=100)
    count = fields.BigIntField(default=0)
    first_at = fields.DatetimeField()
    last_at = fields.DatetimeField()

    class Meta:
        table = "contact_event_stats"
        unique_together = (("team", "team_contact", "type"),)
        indexes = (("team", "type", "last_at"),)
