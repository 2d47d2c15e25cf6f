"""Reports' own tables: daily segment snapshots, partner keys' segment grants, CSV exports.

Everything else a report shows is read (never written) from the tables of the domains that own
them: segment history, orders, subscriptions, events, hubs, lesson progress.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class SnapshotSource(StrEnum):
    DAILY = "daily"  # written by the cron job just after the day ended in the team's time zone
    BACKFILL = "backfill"  # a day before the job first ran, rebuilt from membership history


class SegmentDailySnapshot(Model):
    """One segment's size at the end of one day of the team's time zone, with that day's joins and
    leaves. Final once written: a later deletion of contacts (which drops their history) does not
    rewrite what the segment was."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="segment_snapshots", on_delete=fields.CASCADE
    )
    team_id: int
    segment: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Segment", related_name="daily_snapshots", on_delete=fields.CASCADE
    )
    segment_id: int
    day = fields.DateField(description="a calendar day in the team's time zone")
    member_count = fields.IntField()
    joins = fields.IntField(default=0)
    leaves = fields.IntField(default=0)
    source = fields.CharEnumField(SnapshotSource, max_length=16, default=SnapshotSource.DAILY)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "report_segment_snapshots"
        unique_together = (("team", "segment", "day"),)


class ReportKeySegment(Model):
    """A partner key limited to named segments: with any row here, the key's reports see only
    these segments (and nothing else of the team)."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="report_key_segments", on_delete=fields.CASCADE
    )
    team_id: int
    api_key: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.ApiKey", related_name="report_segments", on_delete=fields.CASCADE
    )
    api_key_id: int
    segment: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Segment", related_name="report_keys", on_delete=fields.CASCADE
    )
    segment_id: int
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "report_key_segments"
        unique_together = (("team", "api_key", "segment"),)


class ExportStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class ReportExport(Model):
    """A CSV export of a report, produced by a job; downloaded through a signed URL."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="report_exports", on_delete=fields.CASCADE
    )
    team_id: int
    api_key_id = fields.BigIntField(null=True, description="the partner key that asked (its segment grants apply)")
    kind = fields.CharField(max_length=32)
    params = fields.JSONField[dict[str, Any]](default=dict)
    status = fields.CharEnumField(ExportStatus, max_length=16, default=ExportStatus.QUEUED)
    progress = fields.FloatField(default=0.0)
    row_count = fields.IntField(default=0)
    content: str | None = fields.TextField(null=True)  # Tortoise types every TextField as str
    error: str | None = fields.TextField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "report_exports"
        indexes = (("team", "created_at"),)


class LtvFitStatus(StrEnum):
    OK = "ok"
    FAILED = "failed"
    UNAVAILABLE = "unavailable"  # the clv extra is not installed
    TOO_FEW = "too_few"  # not enough customers to fit


class LtvFit(Model):
    """One fit of a team's predicted-LTV models (BG/NBD + Gamma-Gamma) and its parameters."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="ltv_fits", on_delete=fields.CASCADE
    )
    team_id: int
    status = fields.CharEnumField(LtvFitStatus, max_length=16)
    customers = fields.IntField(default=0)
    horizon_days = fields.IntField(default=90)
    params = fields.JSONField[dict[str, Any]](default=dict, description="BG/NBD r, alpha, a, b; Gamma-Gamma p, q, v")
    error: str | None = fields.TextField(null=True)
    fitted_at = fields.DatetimeField()

    class Meta:
        table = "report_ltv_fits"
        indexes = (("team", "fitted_at"),)


class LtvPrediction(Model):
    """A customer's expected purchases and spend over the fit's horizon (replaced by each fit)."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="ltv_predictions", on_delete=fields.CASCADE
    )
    team_id: int
    team_contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.TeamContact", related_name="ltv_predictions", on_delete=fields.CASCADE
    )
    team_contact_id: int
    expected_purchases = fields.FloatField()
    expected_spend = fields.FloatField(description="minor units")
    probability_alive = fields.FloatField()
    fitted_at = fields.DatetimeField()

    class Meta:
        table = "report_ltv_predictions"
        unique_together = (("team", "team_contact"),)


class ReportDataVersion(Model):
    """A team's report data version: whenever a statement inserts, updates or deletes rows of a
    table a report reads (history, snapshots, orders, payments, subscriptions, events, contacts,
    memberships, hubs, lesson progress, predictions), the triggers of migration 29 give the team's
    version a new value of one database sequence, in the statement's own transaction. Written only by
    those triggers (never by Python), so no writer can forget it; the report cache
    (app/reports/db.py) keys on it, so another team's writes leave this team's results valid.

    A team has a row per backend that wrote it (`slot`: the backend's pid), so concurrent writers
    never wait on one another's version row, and a commit only ever raises values (the backend's
    previous transaction set its row's value, from the same sequence, before this one began): the
    version is the sum and the maximum of the team's values, which no two committed states share.
    Team 0 is the whole database: a TRUNCATE of any of those tables (or of this one, whose maximum
    then exceeds every earlier one) changes it. Values are never reused."""

    id = fields.BigIntField(primary_key=True)
    team_id = fields.BigIntField()  # no foreign key: the triggers of a team's delete still write here
    slot = fields.IntField(description="the writing backend's pid")
    version = fields.BigIntField()

    class Meta:
        table = "report_data_versions"
        unique_together = (("team_id", "slot"),)
