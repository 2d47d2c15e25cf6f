"""HTTP clients for Meta's Marketing API and Google's Data Manager API, with retry and backoff.

Only 429 and 5xx answers (and network errors) are retried; any other answer fails the batch,
and a failed batch fails the run.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import os
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlparse

import httpx

from app.settings import Settings

# The Graph API's root; the version (settings.meta_graph_version) goes after it on every call.
META_BASE_URL = os.environ.get("MEMBERHUB_META_GRAPH_URL", "https://graph.facebook.com").rstrip("/")
GOOGLE_BASE_URL = os.environ.get("MEMBERHUB_GOOGLE_DATAMANAGER_URL", "https://datamanager.googleapis.com/v1")
# Where a destination's own baseUrl may point outside development and test: the platform's host
# (and the operator's override above), since the worker posts the access token and member data there.
PLATFORM_HOSTS = {
    "meta": frozenset({"graph.facebook.com", urlparse(META_BASE_URL).hostname or ""}),
    "google": frozenset({"datamanager.googleapis.com", urlparse(GOOGLE_BASE_URL).hostname or ""}),
}
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
DEVELOPMENT_ENVIRONMENTS = frozenset({"development", "test"})
MAX_ATTEMPTS = 5
RETRY_BASE_SECONDS = 1.0
MAX_RETRY_AFTER_SECONDS = 60.0
BATCH_SIZE = 10_000  # both platforms' per-request maximum


class SyncError(Exception):
    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


def base_url_problem(kind: str, url: str, settings: Settings) -> str | None:
    """Why a destination may not send to `url` (None when it may).

    Development and test may point at any https host or at this machine over http (local fakes of
    the platforms); every other environment only at the platform's own hosts, over https.
    """
    parsed = urlparse(url)
    host = parsed.hostname or ""
    if settings.environment in DEVELOPMENT_ENVIRONMENTS:
        if (parsed.scheme == "https" and host) or (parsed.scheme == "http" and host in LOCAL_HOSTS):
            return None
        return "base URL must be https (or http to this machine in development)"
    if parsed.scheme == "https" and host in PLATFORM_HOSTS.get(kind, frozenset()):
        return None
    return f"base URL must be https on {' or '.join(sorted(h for h in PLATFORM_HOSTS.get(kind, ()) if h))}"


def retry_after_seconds(header: str | None, now: datetime | None = None) -> float | None:
    """A Retry-After header (RFC 9110: delta-seconds or an HTTP-date) as seconds from now, at least
    0; None when absent or unreadable."""
    value = (header or "").strip()
    if not value:
        return None
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # an HTTP-date is GMT; the obsolete forms parse without a zone
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _retry_delay(response: httpx.Response | None, attempt: int) -> float:
    if response is not None:
        wait = retry_after_seconds(response.headers.get("retry-after"))
        if wait is not None:
            return min(wait, MAX_RETRY_AFTER_SECONDS)
    return RETRY_BASE_SECONDS * 2 ** (attempt - 1)


async def post_with_retry(client: httpx.AsyncClient, url: str, **kwargs: Any) -> dict[str, Any]:
    last = ""
    for attempt in range(1, MAX_ATTEMPTS + 1):
        response: httpx.Response | None = None
        try:
            response = await client.post(url, **kwargs)
        except httpx.TransportError as exc:
            last = f"{type(exc).__name__}: {exc}"
        else:
            if response.status_code < 300:
                return response.json() if response.content else {}
            last = f"HTTP {response.status_code}: {response.text[:500]}"
            if response.status_code != 429 and response.status_code < 500:
                raise SyncError(last, response.status_code)
        if attempt < MAX_ATTEMPTS:
            await asyncio.sleep(_retry_delay(response, attempt))
    raise SyncError(f"gave up after {MAX_ATTEMPTS} attempts: {last}")


def appsecret_proof(token: str, app_secret: str) -> str:
    """HMAC-SHA256 of the access token keyed by the app secret, as Graph API calls carry it."""
    return hmac.new(app_secret.encode(), token.encode(), hashlib.sha256).hexdigest()


async def meta_usersreplace(
    client: httpx.AsyncClient, base_url: str, version: str, audience_id: str, token: str, app_secret: str, *,
    session: dict[str, Any], schema: list[str], data: list[list[str]],
) -> dict[str, Any]:
    """One batch of a `/{version}/{audience_id}/usersreplace` session (form-encoded, as the Graph API takes it)."""
    form = {
        "access_token": token,
        "appsecret_proof": appsecret_proof(token, app_secret),
        "session": json.dumps(session, separators=(",", ":")),
        "payload": json.dumps({"schema": schema, "data": data}, separators=(",", ":")),
    }
    return await post_with_retry(client, f"{base_url}/{version}/{audience_id}/usersreplace", data=form)


async def google_access_token(
    client: httpx.AsyncClient, token_url: str, *, client_id: str, client_secret: str, refresh_token: str,
) -> tuple[str, int]:
    """Exchange a refresh token at Google's OAuth token endpoint: (access token, seconds it lives)."""
    answer = await post_with_retry(client, token_url, data={
        "grant_type": "refresh_token", "client_id": client_id, "client_secret": client_secret,
        "refresh_token": refresh_token,
    })
    token = answer.get("access_token")
    if not isinstance(token, str) or not token:
        raise SyncError("the token endpoint answered without an access_token")
    expires_in = answer.get("expires_in")
    return token, int(expires_in) if isinstance(expires_in, int | float) else 3600


async def google_members(
    client: httpx.AsyncClient, base_url: str, token: str, method: str, body: dict[str, Any]
) -> dict[str, Any]:
    """`audienceMembers:ingest` or `audienceMembers:remove`."""
    return await post_with_retry(
        client, f"{base_url}/audienceMembers:{method}", json=body, headers={"Authorization": f"Bearer {token}"}
    )
