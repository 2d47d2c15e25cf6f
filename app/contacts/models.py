"""People: a global Contact per email, and per team a TeamContact CRM record."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.contrib.postgres.fields import ArrayField
from tortoise.contrib.postgres.indexes import GinIndex
from tortoise.models import Model


class LifecycleStage(StrEnum):
    SUBSCRIBER = "subscriber"
    LEAD = "lead"
    ENGAGED = "engaged"
    CONVERTED = "converted"
    LOYAL = "loyal"
    AT_RISK = "at_risk"
    CHURNED = "churned"


class PropertyType(StrEnum):
    STRING = "string"
    NUMBER = "number"
    BOOLEAN = "boolean"
    DATE = "date"
    ENUM = "enum"


class Contact(Model):
    """One person, known by email, across every team."""

    id = fields.BigIntField(primary_key=True)
    email = fields.CharField(max_length=320, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "contacts"


class TeamContact(Model):
    """A contact's CRM record inside one team."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="contacts", on_delete=fields.CASCADE
    )
    team_id: int
    contact: fields.ForeignKeyRelation[Contact] = fields.ForeignKeyField(
        "models.Contact", related_name="team_records", on_delete=fields.CASCADE
    )
    contact_id: int
    email = fields.CharField(max_length=320)
    first_name = fields.CharField(max_length=200, null=True)
    last_name = fields.CharField(max_length=200, null=True)
    phone = fields.CharField(max_length=32, null=True)
    country = fields.CharField(max_length=2, null=True)
    lifecycle_stage = fields.CharEnumField(LifecycleStage, max_length=16, default=LifecycleStage.SUBSCRIBER)
    # Advertising consent as the contact gave it ("granted" / "denied"; null: never asked). Ad
    # audiences send it to Google and leave out EEA/UK contacts who have not granted it.
    ad_user_data_consent = fields.CharField(max_length=8, null=True)
    ad_personalization_consent = fields.CharField(max_length=8, null=True)
    # When either consent, or the country that decides whether consent is needed, last changed: a
    # Google audience re-sends (or removes) such members even when their segment membership stayed.
    ad_consent_changed_at = fields.DatetimeField(null=True)
    tags = ArrayField(element_type="text", default=list)
    custom = fields.JSONField[dict[str, Any]](default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "team_contacts"
        unique_together = (("team", "email"), ("team", "contact"))
        # Stage and country are what whole-team segment rules filter on most: an index-only scan of
        # one stage's or country's ids instead of a scan of every contact (app.segments.compiler).
        indexes = (GinIndex(fields=("tags",)), ("team", "ad_consent_changed_at"), ("team", "lifecycle_stage", "id"),
                   ("team", "country", "id"))


class CustomPropertyDefinition(Model):
    """Declares a typed custom property a team may set on its contacts (`custom.<key>`)."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="custom_properties", on_delete=fields.CASCADE
    )
    team_id: int
    key = fields.CharField(max_length=64)
    label = fields.CharField(max_length=200)
    type = fields.CharEnumField(PropertyType, max_length=16)
    options = fields.JSONField[list[Any]](default=list)
    description = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "custom_property_definitions"
        unique_together = (("team", "key"),)


class Event(Model):
    """Something a contact did (page_view, purchase, lesson_completed…). Types are open."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="events", on_delete=fields.CASCADE
    )
    team_id: int
    team_contact: fields.ForeignKeyRelation[TeamContact] = fields.ForeignKeyField(
        "models.TeamContact", related_name="events", on_delete=fields.CASCADE
    )
    team_contact_id: int
    type = fields.CharField(max_length=100)
    occurred_at = fields.DatetimeField()
    received_at = fields.DatetimeField(auto_now_add=True)
    properties = fields.JSONField[dict[str, Any]](default=dict)
    client_event_id = fields.CharField(max_length=200, null=True)

    class Meta:
        table = "events"
        unique_together = (("team", "client_event_id"),)
        # The second covers whole-team windowed counts (`count of events of type X within N days`) so
        # they are index-only scans; the first serves per-contact lookups.
        indexes = (("team", "team_contact", "type", "occurred_at"), ("team", "type", "occurred_at", "team_contact"))
