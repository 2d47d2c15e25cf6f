"""Destinations, segment links, sync runs (Meta full replace, Google deltas) and CSV export.

Every run is a row: it starts `running` and only a run whose every batch succeeded becomes
`succeeded` (and, for Google, advances the link's history cursor in the same transaction).
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import httpx
from redis.exceptions import RedisError
from tortoise import connections
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from app.audiences import platforms
from app.audiences.hashing import META_SCHEMA, google_identifiers, meta_row
from app.audiences.models import AudienceDestination, AudienceLink, AudienceSyncRun, DestinationKind, SyncStatus
from app.core import plan_caps
from app.core.crypto import decrypt_secret, encrypt_secret
from app.core.csv_export import SafeCsv
from app.core.errors import FieldError, NotFound, ValidationFailed
from app.core.redis import get_redis, job_id
from app.segments.models import Segment
from app.settings import get_settings
from app.teams.models import Team

log = logging.getLogger("memberhub.audiences")

META_SESSION_WINDOW = timedelta(minutes=85)  # Meta closes a replace session after 90 minutes
HISTORY_SETTLE = timedelta(seconds=60)
SYNC_JOB = "sync_audience_link"
MEMBERS_SQL = """
SELECT tc.id, tc.email, tc.phone, tc.first_name, tc.last_name, tc.country
FROM segment_memberships m JOIN team_contacts tc ON tc.id = m.team_contact_id
WHERE m.segment_id = $1 AND m.team_id = $2 AND tc.id > $3 AND tc.id <= $5
ORDER BY tc.id LIMIT $4
"""


async def create_destination(
    team: Team, *, kind: str, name: str, access_token: str, config: dict[str, str | None], base_url: str | None,
) -> AudienceDestination:
    errors: list[FieldError] = []
    name = name.strip()
    if not name:
        errors.append(FieldError("name", "name is required", "REQUIRED"))
    elif await AudienceDestination.exists(team_id=team.id, name=name):
        errors.append(FieldError("name", f"a destination named '{name}' already exists", "DUPLICATE_NAME"))
    if not access_token.strip():
        errors.append(FieldError("accessToken", "an access token is required", "REQUIRED"))
    if kind == DestinationKind.META:
        required = ("adAccountId", "audienceId")
    elif kind == DestinationKind.GOOGLE:
        required = ("operatingAccountId", "productDestinationId")
    else:
        raise ValidationFailed.one("kind", f"unknown destination kind '{kind}'", "INVALID_KIND")
    for key in required:
        value = (config.get(key) or "").strip()
        if not value.replace("act_", "").replace("-", "").isdigit():
            errors.append(FieldError(key, f"{key} must be a numeric id", "INVALID_ID"))
    if base_url:
        # The token and member data go wherever base_url points.
        problem = platforms.base_url_problem(kind, base_url, get_settings())
        if problem:
            errors.append(FieldError("baseUrl", problem, "INVALID_URL"))
    try:
        await plan_caps.check_can_create(team.id, plan_caps.AUDIENCE_SYNC)
    except ValidationFailed as exc:
        errors.extend(exc.errors)
    if errors:
        raise ValidationFailed(errors)
    clean = {k: (v or "").strip() for k, v in config.items() if v}
    return await AudienceDestination.create(
        team_id=team.id, kind=DestinationKind(kind), name=name, config=clean,
        token_encrypted=encrypt_secret(access_token.strip()), base_url=(base_url or "").rstrip("/") or None,
    )


async def link_segment(team: Team, segment_id: int | None, destination_id: int | None) -> AudienceLink:
    segment = await Segment.get_or_none(id=segment_id, team_id=team.id) if segment_id else None
    if segment is None:
        raise NotFound("segmentId", "segment")
    destination = (
        await AudienceDestination.get_or_none(id=destination_id, team_id=team.id) if destination_id else None
    )
    if destination is None:
        raise NotFound("destinationId", "audience destination")
    link = await AudienceLink.get_or_none(segment_id=segment.id, destination_id=destination.id)
    if link is None:
        await plan_caps.check_can_create(team.id, plan_caps.AUDIENCE_SYNC)
        try:
            link = await AudienceLink.create(team_id=team.id, segment=segment, destination=destination)
        except IntegrityError:
            link = await AudienceLink.get(segment_id=segment.id, destination_id=destination.id)
    return link


async def get_link(team: Team, segment_id: int | None, destination_id: int | None) -> AudienceLink:
    link = (
        await AudienceLink.get_or_none(team_id=team.id, segment_id=segment_id, destination_id=destination_id)
        if segment_id and destination_id else None
    )
    if link is None:
        raise NotFound("segmentId", "link between this segment and destination")
    return link


async def enqueue_sync(link_id: int, trigger: str = "manual", period: str | None = None) -> bool:
    """Enqueue a sync; a sync already queued or running for the link absorbs this one."""
    try:
        job = await (await get_redis()).enqueue_job(
            SYNC_JOB, link_id, trigger, period, _job_id=job_id("audience-sync", link_id)
        )
    except (RedisError, OSError) as exc:
        log.warning("could not enqueue audience sync %s: %s", link_id, exc)
        return False
    return job is not None


_NO_BOUND = 2**63 - 1


async def _members(team_id: int, segment_id: int, page: int = platforms.BATCH_SIZE,
                   cap: plan_caps.AudienceCap | None = None) -> AsyncIterator[list[dict]]:
    """Members in id order; with `cap`, only those inside the plan's members-per-segment cap."""
    conn = connections.get("default")
    last = 0
    bound = _NO_BOUND if cap is None or cap.last_included_id is None else cap.last_included_id
    while True:
        rows = await conn.execute_query_dict(MEMBERS_SQL, [segment_id, team_id, last, page, bound])
        if not rows:
            return
        yield rows
        last = rows[-1]["id"]
        if len(rows) < page:
            return


def _meta_rows(rows: list[dict[str, Any]]) -> list[list[str]]:
    data = [meta_row(r["email"], r["phone"], r["first_name"], r["last_name"], r["country"]) for r in rows]
    return [row for row in data if any(row)]


def _google_members(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    members = []
    for r in rows:
        identifiers = google_identifiers(r["email"], r["phone"])
        if identifiers:
            members.append({"userData": {"userIdentifiers": identifiers}})
    return members


async def sync_link(link_id: int, *, trigger: str = "manual", period: str | None = None) -> AudienceSyncRun | None:
    """Run one sync of a link and record it. Returns None if this period already has a run."""
    link = await AudienceLink.get_or_none(id=link_id).select_related("destination")
    if link is None:
        return None
    try:
        run = await AudienceSyncRun.create(
            team_id=link.team_id, link=link, segment_id=link.segment_id, destination_id=link.destination_id,
            trigger=trigger, period=period,
        )
    except IntegrityError:
        return None  # the daily cron fired twice (arq #196): this day's run exists already
    destination = link.destination
    new_cursor: int | None = None
    try:
        # Checked again here: a destination saved under another environment's rules sends nothing.
        problem = destination.base_url and platforms.base_url_problem(
            destination.kind, destination.base_url, get_settings())
        if problem:
            raise platforms.SyncError(problem)
        async with httpx.AsyncClient(timeout=60) as client:
            if destination.kind == DestinationKind.META:
                await _sync_meta(client, link, destination, run)
            else:
                new_cursor = await _sync_google(client, link, destination, run)
    except (platforms.SyncError, httpx.HTTPError, ValueError) as exc:
        run.status = SyncStatus.FAILED
        run.errors = [*run.errors, str(exc)]
    else:
        run.status = SyncStatus.SUCCEEDED
    run.finished_at = datetime.now(UTC)
    async with in_transaction():
        await run.save()
        if run.status == SyncStatus.SUCCEEDED:
            link.last_synced_at = run.finished_at
            if new_cursor is not None:
                link.change_cursor = new_cursor
            await link.save(update_fields=["last_synced_at", "change_cursor"])
    return run


async def _sync_meta(client: httpx.AsyncClient, link: AudienceLink, destination: AudienceDestination,
                     run: AudienceSyncRun) -> None:
    """Full replace: every current member, in batches of one usersreplace session."""
    base = destination.base_url or platforms.META_BASE_URL
    token = decrypt_secret(destination.token_encrypted)
    cap = await plan_caps.capped_audience(link.team_id, link.segment_id)
    if cap.notice:  # a message on a successful run, like the empty-segment one
        run.errors = [*run.errors, cap.notice]
    estimated = cap.included
    if estimated == 0:
        run.errors = ["segment is empty: Meta audience left unchanged"]
        return
    run.session_id = secrets.randbelow(2**53 - 1) + 1
    started = time.monotonic()
    batch: list[list[str]] = []
    seq = 0

    async def flush(last: bool) -> None:
        nonlocal seq, batch
        if time.monotonic() - started > META_SESSION_WINDOW.total_seconds():
            raise platforms.SyncError("the Meta replace session ran past its 90-minute window")
        seq += 1
        session = {"session_id": run.session_id, "batch_seq": seq, "last_batch_flag": last,
                   "estimated_num_total": estimated}
        await platforms.meta_usersreplace(client, base, destination.config["audienceId"], token,
                                          session=session, schema=META_SCHEMA, data=batch)
        run.sent += len(batch)
        run.batches = seq
        batch = []

    async for rows in _members(link.team_id, link.segment_id, cap=cap):
        for row in _meta_rows(rows):
            if len(batch) == platforms.BATCH_SIZE:
                await flush(last=False)
            batch.append(row)
    await flush(last=True)


async def _sync_google(client: httpx.AsyncClient, link: AudienceLink, destination: AudienceDestination,
                       run: AudienceSyncRun) -> int:
    """Deltas since the link's cursor: contacts whose membership changed, by their state now."""
    conn = connections.get("default")
    horizon = datetime.now(UTC) - HISTORY_SETTLE
    upper = (await conn.execute_query_dict(
        "SELECT COALESCE(MAX(id), 0) AS m FROM segment_membership_changes "
        "WHERE segment_id = $1 AND team_id = $2 AND id > $3 AND at < $4",
        [link.segment_id, link.team_id, link.change_cursor, horizon],
    ))[0]["m"]
    if upper == 0:
        return link.change_cursor
    rows = await conn.execute_query_dict(
        "SELECT tc.id, tc.email, tc.phone, EXISTS (SELECT 1 FROM segment_memberships m "
        "  WHERE m.segment_id = $1 AND m.team_contact_id = tc.id) AS member "
        "FROM team_contacts tc WHERE tc.team_id = $2 AND tc.id IN ("
        "  SELECT team_contact_id FROM segment_membership_changes "
        "  WHERE segment_id = $1 AND team_id = $2 AND id > $3 AND id <= $4) ORDER BY tc.id",
        [link.segment_id, link.team_id, link.change_cursor, upper],
    )
    cap = await plan_caps.capped_audience(link.team_id, link.segment_id)
    if cap.notice:  # members beyond the plan's cap are never added (removing one never added is harmless)
        run.errors = [*run.errors, cap.notice]
        rows = [{**r, "member": r["member"] and cap.includes(r["id"])} for r in rows]
    base = destination.base_url or platforms.GOOGLE_BASE_URL
    token = decrypt_secret(destination.token_encrypted)
    config = destination.config
    target = {
        "operatingAccount": {"accountType": config.get("operatingAccountType", "GOOGLE_ADS"),
                             "accountId": config["operatingAccountId"]},
        "productDestinationId": config["productDestinationId"],
    }
    if config.get("loginAccountId"):
        target["loginAccount"] = {"accountType": config.get("loginAccountType", "GOOGLE_ADS"),
                                  "accountId": config["loginAccountId"]}
    for method, wanted in (("ingest", True), ("remove", False)):
        members = _google_members([r for r in rows if r["member"] is wanted])
        for start in range(0, len(members), platforms.BATCH_SIZE):
            chunk = members[start:start + platforms.BATCH_SIZE]
            body: dict[str, Any] = {"destinations": [target], "audienceMembers": chunk, "encoding": "HEX"}
            if method == "ingest":
                body["consent"] = {"adUserData": "CONSENT_GRANTED", "adPersonalization": "CONSENT_GRANTED"}
                body["termsOfService"] = {"customerMatchTermsOfServiceStatus": "ACCEPTED"}
            await platforms.google_members(client, base, token, method, body)
            run.batches += 1
            run.sent += len(chunk)
            if method == "ingest":
                run.added += len(chunk)
            else:
                run.removed += len(chunk)
    return upper


async def sync_all_links(period: str) -> int:
    """The daily cron: one run per link per `period` (the day)."""
    count = 0
    for link_id in cast(list[int], await AudienceLink.all().values_list("id", flat=True)):
        if await sync_link(link_id, trigger="cron", period=period):
            count += 1
    return count


async def export_segment_csv(team: Team, segment_id: int | None,
                             platform: str) -> tuple[str, int, plan_caps.AudienceCap]:
    """The segment's current members as hashed identifiers, in the platform's column set, up to the
    plan's members-per-segment cap (the cap's notice says how many were left out)."""
    segment = await Segment.get_or_none(id=segment_id, team_id=team.id) if segment_id else None
    if segment is None:
        raise NotFound("segmentId", "segment")
    cap = await plan_caps.capped_audience(team.id, segment.id)
    out = SafeCsv()
    count = 0
    if platform == DestinationKind.META:
        out.row([c.lower() for c in META_SCHEMA])
        async for rows in _members(team.id, segment.id, cap=cap):
            for row in _meta_rows(rows):
                out.row(row)
                count += 1
    elif platform == DestinationKind.GOOGLE:
        out.row(["email", "phone"])
        async for rows in _members(team.id, segment.id, cap=cap):
            for member in _google_members(rows):
                ids = {k: v for i in member["userData"]["userIdentifiers"] for k, v in i.items()}
                out.row([ids.get("emailAddress", ""), ids.get("phoneNumber", "")])
                count += 1
    else:
        raise ValidationFailed.one("platform", f"unknown platform '{platform}'", "INVALID_PLATFORM")
    return out.text(), count, cap
