"""CORS for browser apps on other origins (MEMBERHUB_CORS_ORIGINS).

HTTP goes through starlette's CORSMiddleware (preflights included); websockets are not covered by
CORS, so strawberry's view checks their Origin against the same list (a cross-origin handshake from
an unlisted origin gets 403; same-origin pages and non-browser clients, which send no Origin, pass).
"""

from __future__ import annotations

from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware

from app.settings import Settings

# What a browser client sends beyond the CORS-safelisted headers.
ALLOWED_HEADERS = ["authorization", "content-type", "x-memberhub-team", "x-request-id", "apollo-require-preflight"]
EXPOSED_HEADERS = ["x-request-id"]


def cors_middleware(settings: Settings) -> list[Middleware]:
    if not settings.cors_origins:
        return []
    return [Middleware(
        CORSMiddleware,
        allow_origins=list(settings.cors_origins),
        allow_methods=["GET", "POST"],
        allow_headers=ALLOWED_HEADERS,
        expose_headers=EXPOSED_HEADERS,
        allow_credentials=settings.cors_allow_credentials,
        max_age=600,
    )]
