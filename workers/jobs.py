"""Job functions run by the arq worker. Each is idempotent: a rerun changes nothing more."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from app.teams import service as teams

EXPIRED_SESSION_RETENTION = timedelta(days=30)


async def purge_expired_sessions(ctx: dict[str, Any]) -> int:
    """Delete sessions that expired or were revoked more than 30 days ago."""
    return await teams.purge_expired_sessions(datetime.now(UTC) - EXPIRED_SESSION_RETENTION)
