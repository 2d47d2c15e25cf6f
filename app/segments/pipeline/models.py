"""The evaluation queue: contacts whose segments must be re-evaluated, one row per contact.

Ingest writes a row in the same transaction as the events, so nothing is lost if Redis or a
worker dies; a burst of events for one contact coalesces into one row. Workers claim rows in a
short committed statement and evaluate in their own transaction, so ingest never waits for an
evaluation; a row updated while claimed survives its claim and is evaluated again.
"""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class PendingEvaluation(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="pending_evaluations", on_delete=fields.CASCADE
    )
    team_id: int
    team_contact: fields.OneToOneRelation = fields.OneToOneField(
        "models.TeamContact", related_name="pending_evaluation", on_delete=fields.CASCADE
    )
    team_contact_id: int
    event_types = fields.JSONField[list[Any]](default=list)
    fields_changed = fields.JSONField[list[Any]](default=list)
    cause = fields.CharField(max_length=32, default="event")
    cause_ref = fields.CharField(max_length=200, null=True)
    requested_at = fields.DatetimeField(description="first request not yet evaluated (for lag)")
    updated_at = fields.DatetimeField(auto_now=True)
    version = fields.BigIntField(default=0, description="bumped by every request; a claim finishes only its version")
    # The claim: which database session is evaluating this row. A row whose session is gone (its
    # worker died) is claimable again at once; ingest never waits on a claimed row.
    claimed_pid = fields.IntField(null=True)
    claimed_backend_start = fields.DatetimeField(null=True)
    claimed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "pending_evaluations"
        indexes = (("team", "id"),)


class SegmentEvaluationStats(Model):
    """Per segment: how often and how promptly the real-time path evaluated it, and its errors."""

    segment: fields.OneToOneRelation = fields.OneToOneField(
        "models.Segment", related_name="evaluation_stats", on_delete=fields.CASCADE, primary_key=True
    )
    segment_id: int
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="segment_evaluation_stats", on_delete=fields.CASCADE
    )
    team_id: int
    last_evaluated_at = fields.DatetimeField(null=True)
    evaluation_count = fields.BigIntField(default=0)
    contacts_evaluated = fields.BigIntField(default=0)
    last_lag_ms = fields.IntField(null=True, description="oldest request in the last batch to commit")
    max_lag_ms = fields.IntField(null=True)
    total_lag_ms = fields.BigIntField(default=0)
    error_count = fields.IntField(default=0)
    last_error: str | None = fields.TextField(null=True)  # Tortoise types every TextField as str
    last_error_at = fields.DatetimeField(null=True)
    time_checked_at = fields.DatetimeField(
        null=True, description="the time sweep has re-checked relative windows up to here"
    )

    class Meta:
        table = "segment_evaluation_stats"


class EvaluationBackfill(Model):
    """A bulk write (an import) queued many contacts at once: the team's segments are catching up
    until the evaluation queue holds none of the team's contacts any more."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="evaluation_backfills", on_delete=fields.CASCADE
    )
    team_id: int
    source = fields.CharField(max_length=32, default="import")
    total = fields.IntField(description="contacts queued by this bulk write")
    started_at = fields.DatetimeField(auto_now_add=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "evaluation_backfills"
        indexes = (("team", "finished_at"),)
