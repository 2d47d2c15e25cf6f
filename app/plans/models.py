"""Plans domain tables: the plan each team is on (the tiers themselves are data, app.plans.tiers)."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class TeamPlan(Model):
    """The team's plan, set by the operator (CLI or a platform-admin mutation). A team without a row
    is on the deployment's default plan (`MEMBERHUB_DEFAULT_PLAN`)."""

    id = fields.BigIntField(primary_key=True)
    team: fields.OneToOneRelation = fields.OneToOneField(
        "models.Team", related_name="plan", on_delete=fields.CASCADE
    )
    team_id: int
    plan = fields.CharField(max_length=32)
    set_by = fields.CharField(max_length=200, default="")
    set_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "team_plans"


class SegmentTemplate(Model):
    """A team's own library template (the built-in ones are data, app.plans.library)."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="segment_templates", on_delete=fields.CASCADE
    )
    team_id: int
    key = fields.CharField(max_length=80)
    name = fields.CharField(max_length=200)
    family = fields.CharField(max_length=40, default="custom")
    description = fields.TextField(default="")
    rule_text = fields.TextField()
    parameters = fields.JSONField[list[Any]](default=list)
    custom_properties = fields.JSONField[dict[str, Any]](default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "segment_templates"
        unique_together = (("team", "key"),)


class AiSettings(Model):
    """A team's own language-model endpoint for AI-generated segments; the key is encrypted."""

    id = fields.BigIntField(primary_key=True)
    team: fields.OneToOneRelation = fields.OneToOneField(
        "models.Team", related_name="ai_settings", on_delete=fields.CASCADE
    )
    team_id: int
    base_url = fields.CharField(max_length=500)
    model = fields.CharField(max_length=200)
    api_key_encrypted = fields.TextField()
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "ai_settings"


class SegmentGeneration(Model):
    """One English description turned into a validated rule; `segment` once the user saved it."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="segment_generations", on_delete=fields.CASCADE
    )
    team_id: int
    prompt = fields.TextField()
    rule = fields.JSONField[Any]()
    rule_text = fields.TextField()
    explanation = fields.TextField(default="")
    model = fields.CharField(max_length=200)
    attempts = fields.IntField(default=1)
    segment: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Segment", related_name="generations", null=True, on_delete=fields.SET_NULL
    )
    segment_id: int | None
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "segment_generations"
        indexes = (("team", "segment"),)


class RecomputeSchedule(Model):
    """A cron-like schedule for a full recompute of one segment, in the team's time zone."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="recompute_schedules", on_delete=fields.CASCADE
    )
    team_id: int
    segment: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Segment", related_name="recompute_schedules", on_delete=fields.CASCADE
    )
    segment_id: int
    cron = fields.CharField(max_length=120)
    enabled = fields.BooleanField(default=True)
    next_run_at = fields.DatetimeField(null=True, description="the next scheduled instant (UTC); null when disabled")
    last_run_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "recompute_schedules"
        unique_together = (("team", "segment"),)
        indexes = (("team", "next_run_at"),)


class ScheduledRecompute(Model):
    """One scheduled full recompute. Unique per segment and period (the scheduled instant, or the day
    of the AI segments' daily recompute), so a period runs once whichever worker gets there first."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="scheduled_recomputes", on_delete=fields.CASCADE
    )
    team_id: int
    segment: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Segment", related_name="scheduled_recomputes", on_delete=fields.CASCADE
    )
    segment_id: int
    period = fields.CharField(max_length=64)
    trigger = fields.CharField(max_length=16, default="schedule")  # schedule | ai_daily
    worker = fields.CharField(max_length=100, default="")
    started_at = fields.DatetimeField(auto_now_add=True)
    finished_at = fields.DatetimeField(null=True)
    joined = fields.IntField(default=0)
    left = fields.IntField(default=0)
    error = fields.TextField(null=True)

    class Meta:
        table = "scheduled_recomputes"
        unique_together = (("team", "segment", "period"),)
        indexes = (("team", "started_at"),)


class Agency(Model):
    """An organisation owning many teams (its brands). It lives on its home team, the team it was
    made from, which is also its first brand; thresholds drive the roll-up's health flags."""

    id = fields.BigIntField(primary_key=True)
    team: fields.OneToOneRelation = fields.OneToOneField(
        "models.Team", related_name="agency_home", on_delete=fields.CASCADE
    )
    team_id: int
    name = fields.CharField(max_length=200)
    health_thresholds = fields.JSONField[dict[str, Any]](default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "agencies"


class AgencyBrand(Model):
    """A team owned by an agency (a team belongs to at most one)."""

    id = fields.BigIntField(primary_key=True)
    team: fields.OneToOneRelation = fields.OneToOneField(
        "models.Team", related_name="agency_brand", on_delete=fields.CASCADE
    )
    team_id: int
    agency: fields.ForeignKeyRelation[Agency] = fields.ForeignKeyField(
        "models.Agency", related_name="brands", on_delete=fields.CASCADE
    )
    agency_id: int
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "agency_brands"


class AgencyMember(Model):
    """A user of the agency: signed in once, they act in every brand with their agency role."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="agency_members", on_delete=fields.CASCADE
    )
    team_id: int  # the agency's home team
    agency: fields.ForeignKeyRelation[Agency] = fields.ForeignKeyField(
        "models.Agency", related_name="members", on_delete=fields.CASCADE
    )
    agency_id: int
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="agency_memberships", on_delete=fields.CASCADE
    )
    user_id: int
    role = fields.CharField(max_length=16)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "agency_members"
        unique_together = (("team", "user"),)


class AgencyApiKey(Model):
    """An agency-wide API key: its scopes in any brand (chosen per request). Only its SHA-256 is kept."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="agency_api_keys", on_delete=fields.CASCADE
    )
    team_id: int  # the agency's home team
    agency: fields.ForeignKeyRelation[Agency] = fields.ForeignKeyField(
        "models.Agency", related_name="api_keys", on_delete=fields.CASCADE
    )
    agency_id: int
    name = fields.CharField(max_length=200)
    prefix = fields.CharField(max_length=32, unique=True)
    key_hash = fields.CharField(max_length=64, unique=True)
    scopes = fields.JSONField[list[Any]](default=list)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "agency_api_keys"
