"""Signed, expiring URLs for uploaded media, and the HTTP endpoint that serves them.

A URL is only ever handed out by a resolver that has checked access first; the signature makes it
unguessable and the expiry keeps a leaked URL short-lived.

Files are served from the API's own origin with the uploader's content type, so the response must
never run as a page there: `nosniff` keeps the browser to the declared type, the CSP sandbox keeps
any document it does render script-less and origin-less, and everything except inert media types
(image, audio, video, PDF; SVG is an image that can carry script) is a download.
"""

from __future__ import annotations

import time
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import Response

from app.content.loaders import MediaRow
from app.content.models import Media
from app.content.storage import get_storage
from app.core.ids import parse_id_or_none
from app.core.tokens import sign, verify_signature
from app.settings import Settings, get_settings

URL_LIFETIME_SECONDS = 3600
URL_PERIOD_SECONDS = 300  # a URL stays the same for this long (a cache key may use the period)


# Shown inline; everything else is served as an attachment.
INLINE_MAJOR_TYPES = frozenset({"image", "audio", "video"})
INLINE_TYPES = frozenset({"application/pdf"})
SCRIPTABLE_TYPES = frozenset({"image/svg+xml"})
MEDIA_CSP = "default-src 'none'; sandbox"


def media_headers(content_type: str, filename: str) -> dict[str, str]:
    """Headers that keep an uploaded file from running as a page of the API origin."""
    content_type = content_type.split(";", 1)[0].strip().lower()
    inline = content_type not in SCRIPTABLE_TYPES and (
        content_type.split("/", 1)[0] in INLINE_MAJOR_TYPES or content_type in INLINE_TYPES
    )
    ascii_name = "".join(c if c.isascii() and c.isprintable() and c not in '"\\;' else "_" for c in filename)
    disposition = "inline" if inline else "attachment"
    return {
        "Cache-Control": "private, max-age=300",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": MEDIA_CSP,
        "Content-Disposition": f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}",
    }


def media_url(settings: Settings, media: Media | MediaRow, now: float | None = None) -> str:
    if media.external_url:
        return media.external_url
    # Round the expiry so URLs stay stable (cacheable) for a few minutes.
    expires = (int(now or time.time()) // URL_PERIOD_SECONDS) * URL_PERIOD_SECONDS + URL_LIFETIME_SECONDS
    signature = sign(settings.secret_key, f"media:{media.id}:{expires}")
    return f"{settings.public_url}/media/{media.id}?expires={expires}&signature={signature}"


async def serve_media(request: Request) -> Response:
    settings = get_settings()
    raw_id = request.path_params.get("media_id", "")
    expires = request.query_params.get("expires", "")
    signature = request.query_params.get("signature", "")
    media_id, expiry = parse_id_or_none(raw_id), parse_id_or_none(expires)  # canonical digits only
    if media_id is None or expiry is None or expiry < time.time():
        return Response("not found", status_code=404)
    if not verify_signature(settings.secret_key, f"media:{raw_id}:{expires}", signature):
        return Response("not found", status_code=404)
    media = await Media.get_or_none(id=media_id)
    if media is None or not media.storage_key:
        return Response("not found", status_code=404)
    data = await get_storage(settings).read(media.storage_key)
    if data is None:
        return Response("not found", status_code=404)
    return Response(data, media_type=media.content_type, headers=media_headers(media.content_type, media.filename))
