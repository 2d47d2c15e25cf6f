"""The hubs' community versions (community_versions, kept by the triggers of migration 30): their upkeep."""

from __future__ import annotations

from app.db import fold_departed_backends


async def fold_departed_version_rows() -> int:
    """Keep community_versions to a row per live writing backend (and one at slot 0) per hub: the
    versions' sums, and so every shared feed or thread page, stay as they are (see app.db)."""
    return await fold_departed_backends("community_versions", ("team_id", "hub_id"))
