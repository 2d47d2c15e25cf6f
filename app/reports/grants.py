"""Partner keys limited to named segments: which segments an API key's reports may see."""

from __future__ import annotations

from typing import cast

from tortoise.transactions import in_transaction

from app.core.errors import NotFound, ValidationFailed
from app.reports.models import ReportKeySegment
from app.segments.models import Segment
from app.teams.models import ApiKey, Team

MAX_GRANTS = 100


async def set_key_segments(team: Team, api_key_id: int, segment_ids: list[int]) -> tuple[ApiKey, list[int]]:
    """Replace the key's grant: its reports see exactly these segments; an empty list lifts the limit."""
    key = await ApiKey.get_or_none(id=api_key_id, team_id=team.id, revoked_at__isnull=True)
    if key is None:
        raise NotFound("apiKeyId", "API key")
    wanted = list(dict.fromkeys(segment_ids))
    if len(wanted) > MAX_GRANTS:
        raise ValidationFailed.one("segmentIds", f"at most {MAX_GRANTS} segments", "TOO_MANY_SEGMENTS")
    found = set(await Segment.filter(team_id=team.id, id__in=wanted).values_list("id", flat=True)) if wanted else set()
    if len(found) != len(wanted):
        raise NotFound("segmentIds", "segment")
    async with in_transaction() as tx:
        await ReportKeySegment.filter(team_id=team.id, api_key_id=key.id).using_db(tx).delete()
        await ReportKeySegment.bulk_create([ReportKeySegment(team_id=team.id, api_key_id=key.id, segment_id=s)
                                            for s in wanted], using_db=tx)
    return key, wanted


async def key_segments(team: Team, api_key_id: int) -> list[int]:
    return cast(list[int], await ReportKeySegment.filter(team_id=team.id, api_key_id=api_key_id).order_by(
        "id").values_list("segment_id", flat=True))
