"""Campaigns: a template sent once to segments minus exclusion segments, now or at a time.

    draft ──schedule──▶ scheduled ──due──▶ held (a segment is catching up) ──caught up──▶ sending ──▶ sent
                                       └──────────────── caught up ───────────────────────▲

The audience is materialised into `campaign_recipients` when sending starts (one row per contact,
ever: the unique key makes a second start, a rerun or a second worker add nobody twice), and each
recipient then goes through the send-time gauntlet (app/email/gauntlet.py) in the batch that sends
it. A campaign whose segments are catching up (a bulk import still being evaluated) waits,
visibly (`held` with its reason), and starts on the tick after evaluation has caught up; drips and
ad-audience syncs consult the same `evaluation_hold`.

For other domains: `audience_sql` / `audience_contact_ids` say who receives a campaign; each
audience segment is taken within the plan's members-per-segment cap (app.core.plan_caps).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

from redis.exceptions import RedisError
from tortoise import connections
from tortoise.transactions import in_transaction

from app.core.errors import FieldError, NotFound, ValidationFailed
from app.core.plan_caps import capped_audience
from app.core.redis import get_redis, job_id
from app.email.addresses import InvalidAddress, normalise
from app.email.models import (
    Campaign,
    CampaignRecipient,
    CampaignSegment,
    CampaignStatus,
    EmailSettings,
    EmailTemplate,
    RecipientState,
)
from app.hubs.models import Hub
from app.segments.models import Segment
from app.segments.pipeline.status import team_status
from app.teams.models import Team

log = logging.getLogger("memberhub.email")

MAX_SEGMENTS = 20
MAX_RATE = 1_000_000
MAX_TEST_ADDRESSES = 10
BATCH_JOB = "campaign_batch"
OPEN_STATES = (CampaignStatus.DRAFT, CampaignStatus.SCHEDULED, CampaignStatus.HELD)

# --- who receives a campaign --------------------------------------------------------------------

AUDIENCE_SQL = """
SELECT DISTINCT ON (m.team_contact_id) m.team_contact_id, m.segment_id
FROM segment_memberships m
WHERE m.team_id = $1 AND m.segment_id = ANY($2::bigint[])
  AND m.team_contact_id <= COALESCE(($4::bigint[])[array_position($2::bigint[], m.segment_id)], 9223372036854775807)
  AND NOT EXISTS (SELECT 1 FROM segment_memberships x
                  WHERE x.team_id = $1 AND x.segment_id = ANY($3::bigint[]) AND x.team_contact_id = m.team_contact_id)
ORDER BY m.team_contact_id, array_position($2::bigint[], m.segment_id)
"""


def audience_sql() -> str:
    """Contacts in any of $2 (include segment ids) and in none of $3 (exclude), for team $1, each include
    segment taken up to its plan bound $4 (a team_contact_id per include segment, NULL: no bound): one
    row per contact with the first include segment it is in (`team_contact_id`, `segment_id`)."""
    return AUDIENCE_SQL


async def plan_bounds(team_id: int, include: Sequence[int]) -> list[int | None]:
    """The plan's members-per-segment cap (app.core.plan_caps) of each include segment, as an id bound."""
    return [(await capped_audience(team_id, segment_id)).last_included_id for segment_id in include]


async def audience_contact_ids(team_id: int, include: Sequence[int], exclude: Sequence[int] = ()) -> list[int]:
    """Who a campaign with these segments would reach right now, within the plan's caps (before the
    send-time gauntlet). The one answer to "who receives this campaign" for other domains."""
    rows = await connections.get("default").execute_query_dict(
        AUDIENCE_SQL, [team_id, list(include), list(exclude), await plan_bounds(team_id, include)])
    return [r["team_contact_id"] for r in rows]


async def campaign_segments(campaign: Campaign) -> tuple[list[int], list[int]]:
    rows = await CampaignSegment.filter(team_id=campaign.team_id, campaign_id=campaign.id).order_by("id")
    return [r.segment_id for r in rows if not r.excluded], [r.segment_id for r in rows if r.excluded]


# --- the hold ------------------------------------------------------------------------------------


async def evaluation_hold(team_id: int) -> str | None:
    """Why sending to the team's segments must wait now, or None: a bulk import (backfill) whose
    contacts the segment engine is still evaluating. Campaigns, drips and audience syncs all wait."""
    status = await team_status(team_id)
    if not status.catching_up:
        return None
    open_backfills = [b for b in status.backfills if b.finished_at is None]
    total = sum(b.total for b in open_backfills)
    done = sum(b.total - b.remaining for b in open_backfills)
    sources = ", ".join(sorted({b.source for b in open_backfills}))
    return f"segments are catching up after a bulk change ({sources}): {done} of {total} contacts evaluated"


# --- editing -------------------------------------------------------------------------------------


@dataclass
class CampaignSpec:
    name: str | None = None
    template_id: int | None = None
    segment_ids: list[int] | None = None
    exclude_segment_ids: list[int] | None = None
    send_at: datetime | None = None
    clear_send_at: bool = False
    rate_per_minute: int | None = None
    clear_rate: bool = False


async def get_campaign(team: Team | int, campaign_id: int | None, field: str = "id") -> Campaign:
    team_id = team if isinstance(team, int) else team.id
    campaign = await Campaign.get_or_none(id=campaign_id, team_id=team_id) if campaign_id else None
    if campaign is None:
        raise NotFound(field, "campaign")
    return campaign


def team_local_to_utc(value: datetime, time_zone: str) -> datetime:
    """A time without an offset is the team's wall-clock time; one with an offset is taken as is."""
    if value.tzinfo is None:
        try:
            zone = ZoneInfo(time_zone)
        except Exception:
            zone = ZoneInfo("UTC")
        value = value.replace(tzinfo=zone)
    return value.astimezone(UTC)


async def _check(team: Team, hub_id: int, spec: CampaignSpec, campaign: Campaign | None,
                 errors: list[FieldError]) -> None:
    if spec.name is not None:
        spec.name = spec.name.strip()
        if not spec.name:
            errors.append(FieldError("name", "name is required", "REQUIRED"))
        elif len(spec.name) > 200:
            errors.append(FieldError("name", "at most 200 characters", "TOO_LONG"))
        elif await Campaign.filter(team_id=team.id, name=spec.name).exclude(id=campaign.id if campaign else 0).exists():
            errors.append(FieldError("name", f"a campaign named '{spec.name}' already exists", "DUPLICATE_NAME"))
    if spec.template_id is not None and not await EmailTemplate.exists(
        id=spec.template_id, team_id=team.id, hub_id=hub_id
    ):
        errors.append(FieldError("templateId", "email template not found in this hub", "NOT_FOUND"))
    for field, ids in (("segmentIds", spec.segment_ids), ("excludeSegmentIds", spec.exclude_segment_ids)):
        if ids is None:
            continue
        if len(ids) > MAX_SEGMENTS:
            errors.append(FieldError(field, f"at most {MAX_SEGMENTS} segments", "TOO_MANY_SEGMENTS"))
            continue
        found = set(cast(list[int], await Segment.filter(team_id=team.id, id__in=ids).values_list("id", flat=True)))
        if found != set(ids):
            errors.append(FieldError(field, "segment not found", "NOT_FOUND"))
    if spec.segment_ids is not None and not spec.segment_ids:
        errors.append(FieldError("segmentIds", "at least one audience segment is required", "REQUIRED"))
    if spec.segment_ids and spec.exclude_segment_ids and set(spec.segment_ids) & set(spec.exclude_segment_ids):
        errors.append(FieldError("excludeSegmentIds", "a segment cannot be both in the audience and excluded",
                                 "CONFLICTING_SEGMENTS"))
    if spec.rate_per_minute is not None and not 1 <= spec.rate_per_minute <= MAX_RATE:
        errors.append(FieldError("ratePerMinute", f"between 1 and {MAX_RATE}", "INVALID_RATE"))
    if spec.send_at is not None:
        when = team_local_to_utc(spec.send_at, team.time_zone)
        if when > datetime.now(UTC) + timedelta(days=366):
            errors.append(FieldError("sendAt", "at most a year ahead", "INVALID_SEND_AT"))
        spec.send_at = when


async def _write_segments(campaign: Campaign, spec: CampaignSpec) -> None:
    for exclude, ids in ((False, spec.segment_ids), (True, spec.exclude_segment_ids)):
        if ids is None:
            continue
        await CampaignSegment.filter(team_id=campaign.team_id, campaign_id=campaign.id, excluded=exclude).delete()
        for segment_id in dict.fromkeys(ids):
            await CampaignSegment.create(team_id=campaign.team_id, campaign_id=campaign.id, segment_id=segment_id,
                                         excluded=exclude)


async def create_campaign(team: Team, hub_id: int | None, spec: CampaignSpec) -> Campaign:
    hub = await Hub.get_or_none(id=hub_id, team_id=team.id) if hub_id else None
    if hub is None:
        raise NotFound("hubId", "hub")
    errors: list[FieldError] = []
    if spec.name is None:
        spec.name = ""
    if spec.template_id is None:
        errors.append(FieldError("templateId", "a template is required", "REQUIRED"))
    if spec.segment_ids is None:
        spec.segment_ids = []
    await _check(team, hub.id, spec, None, errors)
    if errors:
        raise ValidationFailed(errors)
    async with in_transaction():
        campaign = await Campaign.create(
            team_id=team.id, hub_id=hub.id, name=spec.name, template_id=spec.template_id,
            send_at=spec.send_at, rate_per_minute=spec.rate_per_minute,
        )
        await _write_segments(campaign, spec)
    return campaign


async def update_campaign(team: Team, campaign_id: int | None, spec: CampaignSpec) -> Campaign:
    campaign = await get_campaign(team, campaign_id)
    errors: list[FieldError] = []
    if campaign.status not in OPEN_STATES:
        raise ValidationFailed.one("id", f"a {campaign.status} campaign cannot be changed", "NOT_EDITABLE")
    await _check(team, campaign.hub_id, spec, campaign, errors)
    if errors:
        raise ValidationFailed(errors)
    async with in_transaction():
        if spec.name is not None:
            campaign.name = spec.name
        if spec.template_id is not None:
            campaign.template_id = spec.template_id
        if spec.send_at is not None or spec.clear_send_at:
            campaign.send_at = None if spec.clear_send_at else spec.send_at
        if spec.rate_per_minute is not None or spec.clear_rate:
            campaign.rate_per_minute = None if spec.clear_rate else spec.rate_per_minute
        await campaign.save()
        await _write_segments(campaign, spec)
    return campaign


async def schedule_campaign(team: Team, campaign_id: int | None, send_at: datetime | None = None) -> Campaign:
    """Draft → scheduled (at `send_at`, the stored time, or now). It starts on the next tick that finds
    it due and its segments caught up; one due now is started at once when it can be."""
    campaign = await get_campaign(team, campaign_id)
    if campaign.status not in (CampaignStatus.DRAFT, CampaignStatus.SCHEDULED):
        raise ValidationFailed.one("id", f"a {campaign.status} campaign cannot be scheduled", "NOT_SCHEDULABLE")
    errors: list[FieldError] = []
    spec = CampaignSpec(send_at=send_at)
    await _check(team, campaign.hub_id, spec, campaign, errors)
    if not await EmailSettings.exists(hub_id=campaign.hub_id):
        errors.append(FieldError("id", "the campaign's hub has no email settings yet", "NOT_CONFIGURED"))
    include, _ = await campaign_segments(campaign)
    if not include:
        errors.append(FieldError("id", "the campaign has no audience segment", "NO_AUDIENCE"))
    if errors:
        raise ValidationFailed(errors)
    campaign.send_at = spec.send_at or campaign.send_at
    campaign.status, campaign.scheduled_at, campaign.hold_reason = CampaignStatus.SCHEDULED, datetime.now(UTC), None
    await campaign.save()
    if campaign.send_at is None or campaign.send_at <= datetime.now(UTC):
        await advance_campaign(campaign.id)
        await campaign.refresh_from_db()
    return campaign


async def cancel_campaign(team: Team, campaign_id: int | None) -> Campaign:
    campaign = await get_campaign(team, campaign_id)
    if campaign.status in (CampaignStatus.SENT, CampaignStatus.CANCELLED):
        raise ValidationFailed.one("id", f"a {campaign.status} campaign cannot be cancelled", "NOT_CANCELLABLE")
    now = datetime.now(UTC)
    async with in_transaction():
        locked = await Campaign.filter(id=campaign.id).select_for_update().first()
        if locked is None:
            raise NotFound("id", "campaign")
        locked.status, locked.finished_at, locked.hold_reason = CampaignStatus.CANCELLED, now, None
        await locked.save()
        await CampaignRecipient.filter(team_id=team.id, campaign_id=campaign.id, state=RecipientState.QUEUED).update(
            state=RecipientState.SKIPPED, skip_reason="cancelled"
        )
    return locked


# --- starting and ticking ----------------------------------------------------------------------


async def advance_campaign(campaign_id: int, now: datetime | None = None) -> str:
    """Move one campaign along: scheduled/held → held or sending (materialising its audience);
    sending → enqueue a batch job. Returns the resulting status."""
    now = now or datetime.now(UTC)
    async with in_transaction() as conn:
        campaign = await Campaign.filter(id=campaign_id).select_for_update(skip_locked=True).first()
        if campaign is None:
            return "busy"
        if campaign.status in (CampaignStatus.SCHEDULED, CampaignStatus.HELD):
            if campaign.send_at is not None and campaign.send_at > now:
                return str(campaign.status)
            reason = await evaluation_hold(campaign.team_id)
            if reason is not None:
                if campaign.status != CampaignStatus.HELD or campaign.hold_reason != reason:
                    campaign.status, campaign.hold_reason = CampaignStatus.HELD, reason
                    await campaign.save(update_fields=["status", "hold_reason", "updated_at"])
                return str(CampaignStatus.HELD)
            include, exclude = await campaign_segments(campaign)
            # Counted in the database: returning 100k ids to count them was the send's memory peak.
            inserted = await conn.execute_query_dict(
                "WITH taken AS (INSERT INTO campaign_recipients (team_id, campaign_id, team_contact_id, segment_id, "
                f"state) SELECT $1, $5, a.team_contact_id, a.segment_id, 'queued' FROM ({AUDIENCE_SQL}) a "
                "ON CONFLICT (team_id, campaign_id, team_contact_id) DO NOTHING RETURNING 1) "
                "SELECT count(*) AS taken FROM taken",
                [campaign.team_id, include, exclude, await plan_bounds(campaign.team_id, include), campaign.id],
            )
            campaign.status, campaign.hold_reason, campaign.started_at = CampaignStatus.SENDING, None, now
            campaign.audience_count = int(inserted[0]["taken"])
            await campaign.save(update_fields=["status", "hold_reason", "started_at", "audience_count", "updated_at"])
        if campaign.status != CampaignStatus.SENDING:
            return str(campaign.status)
    await enqueue_batch(campaign.id, now)
    return str(CampaignStatus.SENDING)


async def enqueue_batch(campaign_id: int, now: datetime, defer_seconds: float = 0, *, handover: bool = False) -> bool:
    """A batch job for a sending campaign. The id changes every 10 s so that a job lost with a dead
    worker (its arq id still taken) is replaced by the next tick's; a job handing over to the next
    gets an id of its own. Two at once is harmless (claims)."""
    slot: object = int(now.timestamp() // 10)
    if handover:
        slot = f"h{secrets.token_hex(6)}"
    try:
        job = await (await get_redis()).enqueue_job(
            BATCH_JOB, campaign_id, _job_id=job_id("campaign-batch", campaign_id, slot),
            _defer_by=defer_seconds or None,
        )
    except (RedisError, OSError) as exc:
        log.warning("could not enqueue campaign batch %s: %s", campaign_id, exc)
        return False
    return job is not None


async def campaign_tick(now: datetime | None = None) -> dict[str, int]:
    """Per minute (with the email tick): start due campaigns, re-check held ones, keep sending ones moving."""
    now = now or datetime.now(UTC)
    ids = cast(list[int], await Campaign.filter(
        status__in=[CampaignStatus.SCHEDULED, CampaignStatus.HELD, CampaignStatus.SENDING]
    ).values_list("id", flat=True))
    counts: dict[str, int] = {}
    for campaign_id in ids:
        status = await advance_campaign(campaign_id, now)
        counts[status] = counts.get(status, 0) + 1
    return counts


# --- test sends and previews -----------------------------------------------------------------------


def check_test_addresses(addresses: list[str]) -> list[str]:
    errors: list[FieldError] = []
    clean: list[str] = []
    if not addresses:
        errors.append(FieldError("addresses", "at least one address is required", "REQUIRED"))
    if len(addresses) > MAX_TEST_ADDRESSES:
        errors.append(FieldError("addresses", f"at most {MAX_TEST_ADDRESSES} addresses", "TOO_MANY_ADDRESSES"))
    for i, address in enumerate(addresses[:MAX_TEST_ADDRESSES]):
        try:
            clean.append(normalise(address))
        except InvalidAddress as exc:
            errors.append(FieldError(f"addresses.{i}", f"'{address[:320]}' is not a valid email address: {exc}",
                                     "INVALID_EMAIL"))
    if errors:
        raise ValidationFailed(errors)
    return list(dict.fromkeys(clean))


def totals_sql(group_by_segment: bool = False) -> str:
    key = "segment_id, " if group_by_segment else ""
    return (
        f"SELECT {key}count(*) AS total, "
        "count(*) FILTER (WHERE state = 'queued') AS queued, "
        "count(*) FILTER (WHERE state = 'sending') AS sending, "
        "count(*) FILTER (WHERE state IN ('sent', 'bounced')) AS sent, "
        "count(*) FILTER (WHERE state = 'skipped') AS skipped, "
        "count(*) FILTER (WHERE state = 'failed') AS failed, "
        "count(*) FILTER (WHERE state = 'uncertain') AS uncertain, "
        "count(*) FILTER (WHERE state = 'bounced') AS bounced, "
        "count(opened_at) AS opened, count(clicked_at) AS clicked, count(unsubscribed_at) AS unsubscribed, "
        "count(complained_at) AS complained "
        "FROM campaign_recipients WHERE team_id = $1 AND campaign_id = $2"
        + (" GROUP BY segment_id ORDER BY segment_id" if group_by_segment else "")
    )


async def campaign_totals(team_id: int, campaign_id: int, by_segment: bool = False) -> list[dict[str, Any]]:
    return await connections.get("default").execute_query_dict(totals_sql(by_segment), [team_id, campaign_id])


async def skip_reasons(team_id: int, campaign_id: int) -> list[dict[str, Any]]:
    return await connections.get("default").execute_query_dict(
        "SELECT skip_reason AS reason, count(*) AS count FROM campaign_recipients "
        "WHERE team_id = $1 AND campaign_id = $2 AND state = 'skipped' GROUP BY skip_reason ORDER BY skip_reason",
        [team_id, campaign_id],
    )
