"""The audit log: who changed what in a team. Every domain records through `record`.

An entry names its actor as it was then (a user's email, or an API key's name and prefix), the
action (`segment.updated`, `api_key.revoked`, `member.role_changed`, ...), the target's type and
global id and a few details. Writing it never fails the change it records: the change has already
happened, so a failed insert is logged and dropped.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from app.teams.models import AuditEntry

if TYPE_CHECKING:
    from app.teams.service import Viewer

log = logging.getLogger("memberhub.audit")
MAX_DETAIL_CHARS = 2000


def _actor(viewer: Viewer | None) -> tuple[int | None, int | None, str]:
    if viewer is None:
        return None, None, "system"
    if viewer.user is not None:
        return viewer.user.id, None, viewer.user.email
    if viewer.api_key is not None:
        return None, viewer.api_key.id, f"API key {viewer.api_key.name} ({viewer.api_key.prefix})"
    return None, None, "unknown"


def _short(value: Any) -> Any:
    if isinstance(value, str) and len(value) > MAX_DETAIL_CHARS:
        return value[:MAX_DETAIL_CHARS] + "…"
    if isinstance(value, dict):
        return {str(k)[:100]: _short(v) for k, v in list(value.items())[:50]}
    if isinstance(value, list | tuple):
        return [_short(v) for v in list(value)[:50]]
    return value


async def record(team_id: int, viewer: Viewer | None, action: str, target_type: str,
                 target_id: str | None = None, details: dict[str, Any] | None = None) -> AuditEntry | None:
    user_id, key_id, label = _actor(viewer)
    try:
        return await AuditEntry.create(
            team_id=team_id, actor_user_id=user_id, actor_api_key_id=key_id, actor=label[:400], action=action[:64],
            target_type=target_type[:64], target_id=target_id[:128] if target_id else None,
            details=_short(details or {}),
        )
    except Exception:  # the change is made; its record must not turn it into an error
        log.exception("audit entry %s on %s %s not written", action, target_type, target_id)
        return None
