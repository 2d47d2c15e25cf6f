"""The Starlette application: /graphql (HTTP + graphql-transport-ws), /healthz, /readyz."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import asyncpg
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.websockets import WebSocket
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from tortoise import connections
from tortoise.exceptions import OperationalError

from app.access import shared_graphql
from app.access.members import MEMBER_TOKEN_PREFIX, authenticate_member
from app.access.view import prime_member_access
from app.access.web import SIGN_IN_ROUTES
from app.commerce.webhooks import stripe_webhook
from app.community import shared_graphql as community_pages
from app.content.media_urls import serve_media
from app.core import db_limits, inputs, ratelimit, tracing
from app.core.body_limits import BodyLimitMiddleware
from app.core.logs import bind_team
from app.core.pubsub import credentials_channel, listen
from app.core.redis import close_redis, get_redis
from app.core.tokens import sha256_hex
from app.email.web import UNSUBSCRIBE_ROUTES
from app.events.http import ingest_endpoint
from app.graphql.context import Context
from app.graphql.encoding import encode_response
from app.graphql.schema import build_schema
from app.plans.agencies import AGENCY_KEY_PREFIX, agency_of_key, authenticate_agency_key, authenticate_agency_session
from app.plans.platform import PLATFORM_TOKEN_PREFIX, is_platform_admin
from app.reports.exports import serve_export
from app.runtime import close_orm, init_orm
from app.settings import Settings, get_settings
from app.teams.service import Viewer, authenticate
from app.web.cors import cors_middleware
from app.web.graphql_http import GraphQLOverHTTP
from app.web.metrics import metrics_endpoint
from app.web.observability import CountingTransportWSHandler, ObservabilityMiddleware
from app.wiring import wire

log = logging.getLogger("memberhub")


def bearer_token(value: str | None) -> str | None:
    if not value:
        return None
    scheme, _, token = value.strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


# An open websocket re-checks its credential this often (revoked, expired, user left the team, member
# banned); a revocation also reaches it at once through pub/sub (`publish_revoked`).
CREDENTIAL_RECHECK_SECONDS = 15.0
REVOKED_CLOSE_CODE = 4403


class CredentialWatchingHandler(CountingTransportWSHandler):
    """graphql-transport-ws that also stops the socket's background tasks when it closes (and, from
    its base, counts the operations running on it)."""

    async def shutdown(self) -> None:
        for task in self.context.background:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await super().shutdown()


async def _watch_credential(context: Context, token: str, ready: asyncio.Event) -> None:
    """Close the websocket, and so end its subscriptions, once `token` stops being valid."""
    try:
        await _until_revoked(token, lambda: _still_valid(context, token), ready)
        if isinstance(context.request, WebSocket):
            await context.request.close(code=REVOKED_CLOSE_CODE, reason="credential revoked")
    except asyncio.CancelledError:
        raise
    except Exception:  # the socket may be gone already; never leak the task's error
        log.debug("credential watcher ended", exc_info=True)


async def _still_valid(context: Context, token: str) -> bool:
    if token.startswith(MEMBER_TOKEN_PREFIX):
        return await authenticate_member(token) is not None
    team = str(context.viewer.team.id) if context.viewer is not None else None
    return await authenticate_staff(token, team) is not None


async def authenticate_staff(token: str, team_id: str | None) -> Viewer | None:
    """A team's own credential, else an agency's: an agency key, or the session of an agency member
    asking for one of the agency's brands (app/plans/agencies.py)."""
    if token.startswith(AGENCY_KEY_PREFIX):
        return await authenticate_agency_key(token, team_id)
    viewer = await authenticate(token, team_id)
    if viewer is None and token.startswith("mhs_"):
        viewer = await authenticate_agency_session(token, team_id)
    return viewer


async def _until_revoked(token: str, still_valid: Callable[[], Awaitable[bool]], ready: asyncio.Event) -> None:
    """Return once `token` is revoked: a pub/sub message names it, or a periodic re-check fails.
    With Redis down only the re-check is left."""
    revoked = asyncio.Event()

    async def notified() -> None:
        while True:
            try:
                async for _ in listen(credentials_channel(), where=("token_hash", sha256_hex(token)), ready=ready):
                    revoked.set()
                    return
            except (ConnectionError, OSError):
                ready.set()
                await asyncio.sleep(CREDENTIAL_RECHECK_SECONDS)

    listener = asyncio.create_task(notified())
    try:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(revoked.wait(), timeout=CREDENTIAL_RECHECK_SECONDS)
                return
            if not await still_valid():
                return
    finally:
        listener.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await listener


class MemberHubGraphQL(GraphQLOverHTTP):
    graphql_transport_ws_handler_class = CredentialWatchingHandler

    def __init__(self, settings: Settings) -> None:
        super().__init__(
            build_schema(settings),
            graphql_ide="graphiql" if settings.graphiql else None,
            subscription_protocols=[GRAPHQL_TRANSPORT_WS_PROTOCOL],
            allowed_origins=settings.cors_origins,  # websocket handshakes from other origins (app/web/cors.py)
        )
        self.settings = settings

    def encode_json(self, data: object) -> str:
        return encode_response(data)

    def decode_json(self, data: str | bytes) -> object:
        # Too deep for the parser or too many digits: 400, not 500 (NaN is refused by InputGuard, with its path).
        return inputs.loads(data)

    async def execute_single(self, request: Request, request_adapter: Any, sub_response: Any, context: Any,
                             root_value: Any, request_data: Any) -> Any:
        member = context.member
        if member is None or not self.settings.member_response_cache:
            return await super().execute_single(request, request_adapter, sub_response, context, root_value,
                                                request_data)
        # A member tree document another member with equal outcomes already ran (app/access/shared_graphql.py).
        started = time.perf_counter()
        key = await shared_graphql.shared_response_key(member, context.loaders, self.settings, request_data.query,
                                                         request_data.operation_name, request_data.variables)
        if key is not None and (cached := shared_graphql.cached_response(key, started)) is not None:
            return cached
        # A feed or thread page, shared at the hub's community version (app/community/shared_graphql.py).
        page = None if key is not None else await community_pages.shared_page(
            member, context.loaders, request_data.query, request_data.operation_name, request_data.variables)
        cached = page.cached(started) if page is not None else None
        if page is not None and cached is None:
            cached = await page.joined(started)  # the same page another request is running now
        if cached is not None:
            return cached
        try:
            result = await super().execute_single(request, request_adapter, sub_response, context, root_value,
                                                  request_data)
            if key is not None:
                shared_graphql.keep_response(key, result)
            if page is not None:
                page.keep(result)
        finally:
            if page is not None:
                page.release()
        return result

    async def get_context(self, request: Request | WebSocket, response: Any) -> Context:
        db_limits.start_request()  # this request's own cap on heavy database work
        context = Context(request=request, response=response, settings=self.settings)
        token = bearer_token(request.headers.get("authorization"))
        if token:
            # One request (not a websocket, whose context outlives it): a member's access facts come with the session.
            await self._authenticate(context, token, request.headers.get("x-memberhub-team"),
                                     with_access_facts=isinstance(request, Request))
        return context

    async def _authenticate(self, context: Context, token: str, team_id: str | None,
                            with_access_facts: bool = False) -> None:
        context.bearer_token = token
        if token.startswith(MEMBER_TOKEN_PREFIX):
            context.member = await authenticate_member(token, with_access_facts=with_access_facts)
            context.token_rejected = context.member is None
            if context.member is not None:
                bind_team(context.member.team_id)
                prime_member_access(context.loaders, context.member)
            return
        if token.startswith(PLATFORM_TOKEN_PREFIX):
            context.platform_admin = is_platform_admin(token, self.settings)
            context.token_rejected = not context.platform_admin
            return
        context.viewer = await authenticate_staff(token, team_id)
        context.token_rejected = context.viewer is None
        if context.viewer is not None and token.startswith(AGENCY_KEY_PREFIX):
            context.agency_id = await agency_of_key(token)
        if context.viewer is not None:
            bind_team(context.viewer.team.id)

    async def on_ws_connect(self, context: Context) -> Any:
        """Websocket clients authenticate in connection_init: {"authorization": "Bearer …"}."""
        params = context.connection_params or {}
        token = bearer_token(params.get("authorization") or params.get("Authorization"))
        if token:
            await self._authenticate(context, token, params.get("team"))
        if context.viewer is None and context.member is None:
            raise ConnectionRejectionError({"message": "authentication required"})
        assert token is not None
        # Watching before the ack: a revocation right after it is not missed.
        ready = asyncio.Event()
        context.background.append(asyncio.create_task(_watch_credential(context, token, ready)))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(ready.wait(), timeout=2)
        return None


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    checks: dict[str, str] = {}
    try:
        await asyncio.wait_for(connections.get("default").execute_query("SELECT 1"), timeout=2)
        checks["postgres"] = "ok"
    except Exception as exc:  # report any failure as not ready
        checks["postgres"] = f"error: {type(exc).__name__}"
    try:
        redis = await get_redis()
        await asyncio.wait_for(redis.ping(), timeout=2)
        checks["redis"] = "ok"
    except Exception as exc:  # report any failure as not ready
        checks["redis"] = f"error: {type(exc).__name__}"
    ready = all(v == "ok" for v in checks.values())
    body = {"status": "ready" if ready else "not ready", "checks": checks}
    return JSONResponse(body, status_code=200 if ready else 503)


def create_app(settings: Settings | None = None, *, manage_orm: bool = True, run_worker: bool = False) -> Starlette:
    """Build the app. Tests pass manage_orm=False because their session owns the ORM."""
    settings = settings or get_settings()
    wire()
    tracing_on = tracing.configure(settings.tracing, "memberhub-api")
    db_limits.configure(settings.db_slot_limits)
    graphql_app = MemberHubGraphQL(settings)
    timeout_message = db_limits.TIMEOUT_MESSAGE.format(seconds=settings.statement_timeout_ms / 1000)

    async def database_error(request: Request, exc: Exception) -> JSONResponse:
        """A statement the database cancelled is the caller's to retry (503), not an internal error."""
        if db_limits.is_statement_timeout(exc):
            return JSONResponse({"error": {"code": "STATEMENT_TIMEOUT", "message": timeout_message}}, status_code=503)
        log.error("database error on %s", request.url.path, exc_info=exc)
        return JSONResponse({"error": {"code": "INTERNAL", "message": "internal error"}}, status_code=500)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if manage_orm:
            await init_orm(settings, statement_timeout_ms=settings.statement_timeout_ms)
            # The app owns this process: everything built so far (schema, ORM metadata; ~160k objects)
            # lives as long as it does. Frozen, the garbage collector's full passes skip them; each
            # pass over them took 100-200 ms and stalled every request in flight.
            gc.collect()
            gc.freeze()
        worker_task = None
        if run_worker:
            from workers.settings import run_worker_in_process

            worker_task = asyncio.create_task(run_worker_in_process())
        try:
            yield
        finally:
            if worker_task is not None:
                worker_task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await worker_task
            await close_redis()
            await ratelimit.close()
            if manage_orm:
                await close_orm()
            if tracing_on:
                tracing.shutdown()

    routes: list[BaseRoute] = [
        Route("/graphql", graphql_app, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql_app),
        Route("/api/v1/teams/{team_id}/events", ingest_endpoint, methods=["POST"]),
        Route("/webhooks/stripe/{team_id}", stripe_webhook, methods=["POST"]),
        Route("/media/{media_id}", serve_media, methods=["GET"]),
        Route("/reports/exports/{export_id}.csv", serve_export, methods=["GET"]),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/metrics", metrics_endpoint(settings)),
        *UNSUBSCRIBE_ROUTES,
        *SIGN_IN_ROUTES,
    ]
    app = Starlette(
        routes=routes,
        # Outermost first: request ids and metrics see every response, CORS preflights included;
        # inside them an oversized body is refused before anything reads it (413s are still counted).
        middleware=[
            Middleware(ObservabilityMiddleware, routes=routes),
            *cors_middleware(settings),
            Middleware(BodyLimitMiddleware, limits=settings.body_limits),
        ],
        exception_handlers={asyncpg.QueryCanceledError: database_error, OperationalError: database_error},
        lifespan=lifespan,
    )
    tracing.instrument_asgi_app(app)  # outermost: a span covers the whole request
    return app
