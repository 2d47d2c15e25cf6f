"""Job functions run by the arq worker. Each is idempotent: a rerun changes nothing more."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from app.community.versions import fold_departed_version_rows as fold_community_versions
from app.reports.db import fold_departed_version_rows as fold_report_versions
from app.teams import service as teams

EXPIRED_SESSION_RETENTION = timedelta(days=30)


async def purge_expired_sessions(ctx: dict[str, Any]) -> int:
    """Delete sessions that expired or were revoked more than 30 days ago."""
    return await teams.purge_expired_sessions(datetime.now(UTC) - EXPIRED_SESSION_RETENTION)


async def fold_version_rows(ctx: dict[str, Any]) -> int:
    """Fold the version rows of database backends that have gone (reports' and community's): every pool
    reconnection leaves one, and each version read sums them. Sums are kept, so nothing is invalidated."""
    return await fold_report_versions() + await fold_community_versions()
