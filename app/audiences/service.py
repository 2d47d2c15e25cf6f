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
from app.audiences.consent import google_consent, may_upload
from app.audiences.hashing import META_SCHEMA, google_identifiers, meta_row
from app.audiences.models import AudienceDestination, AudienceLink, AudienceSyncRun, DestinationKind, SyncStatus
from app.core import plan_caps
from app.core.crypto import decrypt_secret, encrypt_secret
from app.core.csv_export import SafeCsv
from app.core.errors import FieldError, NotFound, ValidationFailed
from app.core.redis import get_redis, job_id
from app.email.campaigns import evaluation_hold
from app.segments.models import Segment
from app.settings import get_settings
from app.teams.models import Team

log = logging.getLogger("memberhub.audiences")

META_SESSION_WINDOW = timedelta(minutes=85)  # Meta closes a replace session after 90 minutes
HISTORY_SETTLE = timedelta(seconds=60)
SYNC_JOB = "sync_audience_link"
MEMBERS_SQL = """
SELECT tc.id, tc.email, tc.phone, tc.first_name, tc.last_name, tc.country, tc.ad_user_data_consent,
       tc.ad_personalization_consent
FROM segment_memberships m JOIN team_contacts tc ON tc.id = m.team_contact_id
WHERE m.segment_id = $1 AND m.team_id = $2 AND tc.id > $3 AND tc.id <= $5
ORDER BY tc.id LIMIT $4
"""


async def create_destination(
    team: Team, *, kind: str, name: str, config: dict[str, str | None], base_url: str | None,
    access_token: str | None = None, refresh_token: str | None = None, app_secret: str | None = None,
) -> AudienceDestination:
    """Meta takes an access token and signs calls with the app secret (its own or the deployment's);
    Google takes an OAuth refresh token, exchanged at each sync for an access token."""
    errors: list[FieldError] = []
    settings = get_settings()
    name = name.strip()
    if not name:
        errors.append(FieldError("name", "name is required", "REQUIRED"))
    elif await AudienceDestination.exists(team_id=team.id, name=name):
        errors.append(FieldError("name", f"a destination named '{name}' already exists", "DUPLICATE_NAME"))
    secret = (app_secret or "").strip() or None
    if kind == DestinationKind.META:
        required = ("adAccountId", "audienceId")
        token = (access_token or "").strip()
        if not token:
            errors.append(FieldError("accessToken", "an access token is required", "REQUIRED"))
        if secret is None and not settings.meta_app_secret:
            errors.append(FieldError("appSecret", "the Meta app's secret is required (it signs every call)",
                                     "REQUIRED"))
    elif kind == DestinationKind.GOOGLE:
        required = ("operatingAccountId", "productDestinationId")
        token = (refresh_token or "").strip()
        secret = None
        if not token:
            errors.append(FieldError("refreshToken", "an OAuth refresh token is required", "REQUIRED"))
        elif not (settings.google_oauth_client_id and settings.google_oauth_client_secret):
            errors.append(FieldError("refreshToken", "this deployment has no Google OAuth client "
                                     "(MEMBERHUB_GOOGLE_OAUTH_CLIENT_ID and _SECRET)", "NOT_CONFIGURED"))
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
        token_encrypted=encrypt_secret(token), app_secret_encrypted=encrypt_secret(secret) if secret else None,
        base_url=(base_url or "").rstrip("/") or None,
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


def _google_members(rows: list[dict[str, Any]], *, with_consent: bool) -> list[dict[str, Any]]:
    members = []
    for r in rows:
        identifiers = google_identifiers(r["email"], r["phone"], r.get("country"))
        if identifiers:
            member: dict[str, Any] = {"userData": {"userIdentifiers": identifiers}}
            if with_consent and (consent := google_consent(r)):
                member["consent"] = consent
            members.append(member)
    return members


def _allowed(rows: list[dict[str, Any]], run: AudienceSyncRun | None) -> list[dict[str, Any]]:
    """The rows that may go to an ad platform; the others are counted on the run."""
    kept = [r for r in rows if may_upload(r)]
    if run is not None:
        run.consent_excluded += len(rows) - len(kept)
    return kept


def _batch(run: AudienceSyncRun, operation: str, rows: int) -> dict[str, Any]:
    entry: dict[str, Any] = {"seq": len(run.batch_results) + 1, "operation": operation, "rows": rows,
                             "status": "failed", "received": None, "invalid": None, "error": None}
    run.batch_results = [*run.batch_results, entry]
    return entry


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
            await link.save(update_fields=["last_synced_at", "change_cursor", "consent_cursor"])
    return run


async def _sync_meta(client: httpx.AsyncClient, link: AudienceLink, destination: AudienceDestination,
                     run: AudienceSyncRun) -> None:
    """Full replace: every current member, in batches of one usersreplace session."""
    settings = get_settings()
    base = destination.base_url or platforms.META_BASE_URL
    token = decrypt_secret(destination.token_encrypted)
    app_secret = (decrypt_secret(destination.app_secret_encrypted) if destination.app_secret_encrypted
                  else settings.meta_app_secret)
    if not app_secret:
        raise platforms.SyncError("no Meta app secret: set the destination's appSecret or MEMBERHUB_META_APP_SECRET")
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
        entry = _batch(run, "replace", len(batch))
        run.sent += len(batch)
        run.batches = seq
        try:
            answer = await platforms.meta_usersreplace(
                client, base, settings.meta_graph_version, destination.config["audienceId"], token, app_secret,
                session=session, schema=META_SCHEMA, data=batch)
        except (platforms.SyncError, httpx.HTTPError) as exc:
            entry["error"] = str(exc)
            raise
        received = answer.get("num_received")
        invalid = answer.get("num_invalid_entries")
        entry.update(status="succeeded", received=received if isinstance(received, int) else None,
                     invalid=invalid if isinstance(invalid, int) else None)
        run.uploaded += len(batch)
        if isinstance(received, int):
            run.matched = (run.matched or 0) + received - (invalid if isinstance(invalid, int) else 0)
        batch = []

    async for rows in _members(link.team_id, link.segment_id, cap=cap):
        for row in _meta_rows(_allowed(rows, run)):
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
    # Members whose advertising consent (or country) changed since the last push go again too: a
    # withdrawal removes them, a new answer re-sends them with it, though their membership stayed.
    consent_since = link.consent_cursor or link.created_at
    consent_changed = await conn.execute_query_dict(
        "SELECT 1 FROM team_contacts tc JOIN segment_memberships m ON m.team_contact_id = tc.id AND m.segment_id = $1 "
        "WHERE tc.team_id = $2 AND tc.ad_consent_changed_at > $3 AND tc.ad_consent_changed_at <= $4 LIMIT 1",
        [link.segment_id, link.team_id, consent_since, horizon],
    )
    link.consent_cursor = horizon
    if upper == 0 and not consent_changed:
        return link.change_cursor
    upper = max(upper, link.change_cursor)
    rows = await conn.execute_query_dict(
        "SELECT tc.id, tc.email, tc.phone, tc.country, tc.ad_user_data_consent, tc.ad_personalization_consent, "
        "  EXISTS (SELECT 1 FROM segment_memberships m "
        "  WHERE m.segment_id = $1 AND m.team_contact_id = tc.id) AS member "
        "FROM team_contacts tc WHERE tc.team_id = $2 AND (tc.id IN ("
        "  SELECT team_contact_id FROM segment_membership_changes "
        "  WHERE segment_id = $1 AND team_id = $2 AND id > $3 AND id <= $4) "
        "  OR (tc.ad_consent_changed_at > $5 AND tc.ad_consent_changed_at <= $6 AND tc.id IN ("
        "    SELECT team_contact_id FROM segment_memberships WHERE segment_id = $1))) ORDER BY tc.id",
        [link.segment_id, link.team_id, link.change_cursor, upper, consent_since, horizon],
    )
    cap = await plan_caps.capped_audience(link.team_id, link.segment_id)
    if cap.notice:  # members beyond the plan's cap are never added (removing one never added is harmless)
        run.errors = [*run.errors, cap.notice]
        rows = [{**r, "member": r["member"] and cap.includes(r["id"])} for r in rows]
    base = destination.base_url or platforms.GOOGLE_BASE_URL
    config = destination.config
    target = {
        "operatingAccount": {"accountType": config.get("operatingAccountType", "GOOGLE_ADS"),
                             "accountId": config["operatingAccountId"]},
        "productDestinationId": config["productDestinationId"],
    }
    if config.get("loginAccountId"):
        target["loginAccount"] = {"accountType": config.get("loginAccountType", "GOOGLE_ADS"),
                                  "accountId": config["loginAccountId"]}
    joining = [r for r in rows if r["member"]]
    allowed = _allowed(joining, run)
    allowed_ids = {r["id"] for r in allowed}
    # A member who may no longer be uploaded (consent withdrawn) is removed like one who left.
    leaving = [r for r in rows if not r["member"] or r["id"] not in allowed_ids]
    for method, chosen in (("ingest", allowed), ("remove", leaving)):
        members = _google_members(chosen, with_consent=method == "ingest")
        for start in range(0, len(members), platforms.BATCH_SIZE):
            chunk = members[start:start + platforms.BATCH_SIZE]
            body: dict[str, Any] = {"destinations": [target], "audienceMembers": chunk, "encoding": "HEX"}
            if method == "ingest":
                body["termsOfService"] = {"customerMatchTermsOfServiceStatus": "ACCEPTED"}
            entry = _batch(run, method, len(chunk))
            run.batches += 1
            run.sent += len(chunk)
            try:
                await _google_call(client, destination, base, method, body)
            except (platforms.SyncError, httpx.HTTPError) as exc:
                entry["error"] = str(exc)
                raise
            entry["status"] = "succeeded"
            run.uploaded += len(chunk)
            if method == "ingest":
                run.added += len(chunk)
            else:
                run.removed += len(chunk)
    return upper


TOKEN_MARGIN = timedelta(minutes=2)  # an access token this close to expiry is exchanged again


async def _google_token(client: httpx.AsyncClient, destination: AudienceDestination, *, fresh: bool = False) -> str:
    """The destination's access token: the cached one until it nearly expires, else a new exchange."""
    expires = destination.access_token_expires_at
    if not fresh and destination.access_token_encrypted and expires and expires - TOKEN_MARGIN > datetime.now(UTC):
        return decrypt_secret(destination.access_token_encrypted)
    settings = get_settings()
    if not (settings.google_oauth_client_id and settings.google_oauth_client_secret):
        raise platforms.SyncError("no Google OAuth client: set MEMBERHUB_GOOGLE_OAUTH_CLIENT_ID and _SECRET")
    try:
        token, lifetime = await platforms.google_access_token(
            client, settings.google_token_url, client_id=settings.google_oauth_client_id,
            client_secret=settings.google_oauth_client_secret,
            refresh_token=decrypt_secret(destination.token_encrypted))
    except platforms.SyncError as exc:
        raise platforms.SyncError(f"OAuth token exchange failed: {exc}", exc.status) from exc
    destination.access_token_encrypted = encrypt_secret(token)
    destination.access_token_expires_at = datetime.now(UTC) + timedelta(seconds=lifetime)
    await destination.save(update_fields=["access_token_encrypted", "access_token_expires_at"])
    return token


async def _google_call(client: httpx.AsyncClient, destination: AudienceDestination, base: str, method: str,
                       body: dict[str, Any]) -> None:
    token = await _google_token(client, destination)
    try:
        await platforms.google_members(client, base, token, method, body)
    except platforms.SyncError as exc:
        if exc.status != 401:
            raise
        # Revoked or expired before its time: one new exchange, then the same call once more.
        await platforms.google_members(client, base, await _google_token(client, destination, fresh=True),
                                       method, body)


async def sync_all_links(period: str) -> int:
    """The daily cron: one run per link per `period` (the day). A link whose team's segments are
    catching up (a bulk import: `evaluation_hold`, as campaigns and drips wait) is queued as a sync
    job for the same period instead, which waits out the hold; returns the links synced now."""
    count = 0
    held: dict[int, bool] = {}
    for link_id, team_id in cast(list[tuple[int, int]], await AudienceLink.all().values_list("id", "team_id")):
        if team_id not in held:
            held[team_id] = await evaluation_hold(team_id) is not None
        if held[team_id]:
            await enqueue_sync(link_id, trigger="cron", period=period)
        elif await sync_link(link_id, trigger="cron", period=period):
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
            for row in _meta_rows(_allowed(rows, None)):
                out.row(row)
                count += 1
    elif platform == DestinationKind.GOOGLE:
        out.row(["email", "phone"])
        async for rows in _members(team.id, segment.id, cap=cap):
            for member in _google_members(_allowed(rows, None), with_consent=False):
                ids = {k: v for i in member["userData"]["userIdentifiers"] for k, v in i.items()}
                out.row([ids.get("emailAddress", ""), ids.get("phoneNumber", "")])
                count += 1
    else:
        raise ValidationFailed.one("platform", f"unknown platform '{platform}'", "INVALID_PLATFORM")
    return out.text(), count, cap
