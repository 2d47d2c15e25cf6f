"""Ad-audience destinations (Meta, Google), segments linked to them, and every sync run."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class DestinationKind(StrEnum):
    META = "meta"
    GOOGLE = "google"


class SyncStatus(StrEnum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class AudienceDestination(Model):
    """One ad-platform audience; `config` holds its public ids, every secret is encrypted.

    `token_encrypted` is Meta's access token or Google's OAuth refresh token; Google's short-lived
    access token is cached beside it until `access_token_expires_at`.
    """

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="audience_destinations", on_delete=fields.CASCADE
    )
    team_id: int
    kind = fields.CharEnumField(DestinationKind, max_length=16)
    name = fields.CharField(max_length=200)
    config = fields.JSONField[dict[str, Any]](default=dict)
    token_encrypted = fields.TextField()
    app_secret_encrypted = fields.TextField(null=True)  # Meta: signs every call (appsecret_proof)
    access_token_encrypted = fields.TextField(null=True)  # Google: the exchanged access token
    access_token_expires_at = fields.DatetimeField(null=True)
    base_url = fields.CharField(max_length=500, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "audience_destinations"
        unique_together = (("team", "name"),)


class AudienceLink(Model):
    """A segment synced to a destination; `change_cursor` is the last history id pushed (Google)."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="audience_links", on_delete=fields.CASCADE
    )
    team_id: int
    segment: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Segment", related_name="audience_links", on_delete=fields.CASCADE
    )
    segment_id: int
    destination: fields.ForeignKeyRelation[AudienceDestination] = fields.ForeignKeyField(
        "models.AudienceDestination", related_name="links", on_delete=fields.CASCADE
    )
    destination_id: int
    change_cursor = fields.BigIntField(default=0)
    # Google: advertising consent changed up to here has been pushed (null: since the link was made).
    consent_cursor = fields.DatetimeField(null=True)
    last_synced_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "audience_links"
        unique_together = (("segment", "destination"),)


class AudienceSyncRun(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="audience_sync_runs", on_delete=fields.CASCADE
    )
    team_id: int
    link: fields.ForeignKeyRelation[AudienceLink] = fields.ForeignKeyField(
        "models.AudienceLink", related_name="runs", on_delete=fields.CASCADE
    )
    link_id: int
    segment: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Segment", related_name="audience_sync_runs", on_delete=fields.CASCADE
    )
    segment_id: int
    destination: fields.ForeignKeyRelation[AudienceDestination] = fields.ForeignKeyField(
        "models.AudienceDestination", related_name="runs", on_delete=fields.CASCADE
    )
    destination_id: int
    trigger = fields.CharField(max_length=16)
    # The daily cron's day ("2026-01-31"); unique per link so a double-fired cron runs once.
    period = fields.CharField(max_length=32, null=True)
    status = fields.CharEnumField(SyncStatus, max_length=16, default=SyncStatus.RUNNING)
    started_at = fields.DatetimeField(auto_now_add=True)
    finished_at = fields.DatetimeField(null=True)
    sent = fields.IntField(default=0)
    added = fields.IntField(default=0)
    removed = fields.IntField(default=0)
    # Members with identifiers the platform accepted (Meta reports it per batch; Google matches later).
    matched = fields.IntField(null=True)
    uploaded = fields.IntField(default=0)  # rows in batches the platform acknowledged
    consent_excluded = fields.IntField(default=0)  # left out for want of advertising consent
    batches = fields.IntField(default=0)
    # One entry per batch: {"seq", "operation", "rows", "status", "received", "invalid", "error"}.
    batch_results = fields.JSONField[list[Any]](default=list)
    session_id = fields.BigIntField(null=True)
    errors = fields.JSONField[list[Any]](default=list)

    class Meta:
        table = "audience_sync_runs"
        unique_together = (("link", "period"),)
        indexes = (("team", "started_at"),)
