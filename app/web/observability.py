"""Request ids, access logs and HTTP/websocket/GraphQL metrics at the edge of the app.

`X-Request-ID` is taken from the request when it is a sane token (proxies and clients set it), made up
otherwise, and echoed on the response; logs written while the request runs carry it (app/core/logs.py).
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import SchemaExtension
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import BaseGraphQLTransportWSHandler

from app.core.logs import open_request
from app.core.metrics import (
    GRAPHQL_DURATION,
    GRAPHQL_OPERATIONS,
    HTTP_DURATION,
    HTTP_REQUESTS,
    WEBHOOKS,
    WEBSOCKET_CONNECTIONS,
    WEBSOCKET_OPERATIONS,
)

access_log = logging.getLogger("memberhub.access")
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:@/+=-]{1,128}")


def request_id_of(scope: Scope) -> str:
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            candidate = value.decode("latin-1")
            if _REQUEST_ID.fullmatch(candidate):
                return candidate
    return uuid.uuid4().hex


class ObservabilityMiddleware:
    """Outermost: times every request, labels it with its route template, logs one access line."""

    def __init__(self, app: ASGIApp, routes: Sequence[BaseRoute]) -> None:
        self.app = app
        self.routes = routes

    def route_of(self, scope: Scope) -> str:
        for route in self.routes:
            match, _ = route.matches(scope)
            if match is Match.FULL:
                return str(getattr(route, "path", "other"))
        return "unmatched"  # never the raw path: label values stay bounded

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        request_id = request_id_of(scope)
        open_request(request_id)
        if scope["type"] == "websocket":
            await self._websocket(scope, receive, send)
            return
        route = self.route_of(scope)
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            method = scope["method"]
            HTTP_REQUESTS.labels(method, route, str(status)).inc()
            HTTP_DURATION.labels(method, route).observe(elapsed)
            if route.startswith("/webhooks/"):
                outcome = "accepted" if status < 400 else "rejected" if status < 500 else "failed"
                WEBHOOKS.labels(route.split("/")[2], outcome).inc()
            access_log.info("%s %s %s %.1fms", method, scope["path"], status, elapsed * 1000, extra={
                "method": method, "path": scope["path"], "route": route, "status": status,
                "duration_ms": round(elapsed * 1000, 1)})

    async def _websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        accepted = False

        async def counting_send(message: Message) -> None:
            nonlocal accepted
            if message["type"] == "websocket.accept" and not accepted:
                accepted = True
                WEBSOCKET_CONNECTIONS.inc()
            await send(message)

        try:
            await self.app(scope, receive, counting_send)
        finally:
            if accepted:
                WEBSOCKET_CONNECTIONS.dec()


class OperationMetrics(SchemaExtension):
    """Counts and times each GraphQL operation by type and outcome."""

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        context = self.execution_context
        try:
            operation_type = context.operation_type.value
        except Exception:  # the document did not parse: no operation to name
            operation_type = "unknown"
        result = context.result
        if context.pre_execution_errors or (result is not None and result.data is None and result.errors
                                            and all(e.path is None for e in result.errors)):
            outcome = "rejected"
        elif result is not None and result.errors:
            outcome = "error"
        else:
            outcome = "ok"
        GRAPHQL_OPERATIONS.labels(operation_type, outcome).inc()
        GRAPHQL_DURATION.labels(operation_type).observe(time.perf_counter() - started)


class CountingTransportWSHandler(BaseGraphQLTransportWSHandler[Any, None]):
    """graphql-transport-ws with a gauge of the operations (subscriptions) running on it."""

    async def run_operation(self, operation: Any) -> None:
        WEBSOCKET_OPERATIONS.inc()
        try:
            await super().run_operation(operation)
        finally:
            WEBSOCKET_OPERATIONS.dec()
