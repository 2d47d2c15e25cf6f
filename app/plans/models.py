"""Plans domain tables: the plan each team is on (the tiers themselves are data, app.plans.tiers)."""

from __future__ import annotations

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
