"""Report jobs: the hourly daily-snapshot pass (each team just after its own midnight), predicted-LTV fits."""

from __future__ import annotations

from typing import Any

from arq import func

from app.reports.exports import run_export
from app.reports.ltv import fit_all_teams, fit_team
from app.reports.snapshots import snapshot_all_teams
from app.teams.models import Team
from workers.cron import cron


async def snapshot_segments(ctx: dict[str, Any]) -> int:
    """Idempotent per (team, segment, day): a double-fired or repeated run writes nothing twice."""
    return await snapshot_all_teams()


async def fit_predicted_ltv(ctx: dict[str, Any], team_id: int) -> str:
    team = await Team.get_or_none(id=team_id)
    return (await fit_team(team)).status.value if team else "no team"


async def fit_all_predicted_ltv(ctx: dict[str, Any]) -> int:
    """Daily: a new fit per team replaces its predictions (a rerun fits again; nothing is added twice)."""
    return await fit_all_teams()


async def run_report_export(ctx: dict[str, Any], export_id: int) -> str:
    return (await run_export(export_id)).value


REPORT_FUNCTIONS: list[Any] = [snapshot_segments, fit_all_predicted_ltv,
                               func(fit_predicted_ltv, keep_result=0, timeout=3600),
                               func(run_report_export, keep_result=0, timeout=3600)]
REPORT_CRON_JOBS: list[Any] = [
    cron(snapshot_segments, minute={7}, unique=True, timeout=3600, keep_result=0),
    cron(fit_all_predicted_ltv, hour={2}, minute={40}, unique=True, timeout=6 * 3600, keep_result=0),
]
