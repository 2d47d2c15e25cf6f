"""Request bodies past a size limit are refused with 413 before they are read.

A pure ASGI middleware, outside every route: a declared `Content-Length` over the route's limit
is answered at once without reading a byte of the body; a chunked (or lying) body is counted as
it streams in and stopped at the first chunk past the limit. The limit depends on the path:
GraphQL (larger with an `Authorization` header: uploads travel as base64), the events endpoint,
the Stripe webhook, and a small default for everything else (forms, unknown paths).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(frozen=True)
class BodyLimits:
    default: int
    graphql: int  # with an Authorization header
    graphql_anonymous: int
    events: int
    webhooks: int

    def for_request(self, path: str, authorized: bool) -> int:
        if path.rstrip("/") == "/graphql":
            return self.graphql if authorized else self.graphql_anonymous
        if path.startswith("/api/v1/teams/") and path.rstrip("/").endswith("/events"):
            return self.events
        if path.startswith("/webhooks/"):
            return self.webhooks
        return self.default


LINGER_SECONDS = 2.0
LINGER_BYTES = 16 * 1024 * 1024


class _TooLarge(Exception):
    pass


def _response(path: str, limit: int, status: int = 413) -> tuple[dict[str, Any], bytes]:
    code, message = ("PAYLOAD_TOO_LARGE", f"the request body is over {limit} bytes") if status == 413 else \
        ("BAD_REQUEST", "invalid Content-Length")
    body: dict[str, Any] = {"error": {"code": code, "message": message}}
    if path.rstrip("/") == "/graphql":  # the shape a GraphQL client reads
        body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    raw = json.dumps(body).encode()
    start = {"type": "http.response.start", "status": status,
             "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(raw)).encode()),
                         (b"connection", b"close")]}
    return start, raw


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, limits: BodyLimits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        path = scope.get("path", "")
        limit = self.limits.for_request(path, b"authorization" in headers)
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                length = -1
            if length < 0 or length > limit:
                await self._refuse(receive, send, path, limit, 400 if length < 0 else 413)
                return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if started:  # a route that answers before reading its whole body: nothing more to say
                return
            await self._refuse(receive, send, path, limit, 413)

    @staticmethod
    async def _refuse(receive: Receive, send: Send, path: str, limit: int, status: int) -> None:
        start, raw = _response(path, limit, status)
        await send(start)
        await send({"type": "http.response.body", "body": raw, "more_body": True})
        await _linger(receive)
        await send({"type": "http.response.body", "body": b""})


async def _linger(receive: Receive) -> None:
    """Read and drop what the client still sends, for a moment, before the connection closes (as nginx's
    lingering close does). Closing a socket with unread data sends a reset, and a reset can destroy the
    413 in the client's receive buffer before the client reads it; a client that has seen the answer
    stops sending, so what is in flight is read here and the close is clean. Bounded in time and bytes:
    a client that goes on sending is cut off all the same."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + LINGER_SECONDS
    dropped = 0
    while dropped <= LINGER_BYTES and (left := deadline - loop.time()) > 0:
        try:
            message = await asyncio.wait_for(receive(), timeout=left)
        except TimeoutError:
            return
        if message["type"] != "http.request" or not message.get("more_body", False):
            return  # the client is gone, or its body ended
        dropped += len(message.get("body", b""))
