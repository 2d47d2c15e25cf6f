"""Job functions run by the arq worker. Each is idempotent: a rerun changes nothing more."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from app.teams.models import UserSession

EXPIRED_SESSION_RETENTION = timedelta(days=30)


async def purge_expired_sessions(ctx: dict[str, Any]) -> int:
    """Delete sessions that expired or were revoked more than 30 days ago."""
    cutoff = datetime.now(UTC) - EXPIRED_SESSION_RETENTION
    expired = await UserSession.filter(expires_at__lt=cutoff).delete()
    revoked = await UserSession.filter(revoked_at__lt=cutoff).delete()
    return expired + revoked
