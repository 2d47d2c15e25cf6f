"""`GET /metrics`: Prometheus text format, behind MEMBERHUB_METRICS_TOKEN.

With a token set, scrapers send `Authorization: Bearer <token>`; without one the endpoint answers
outside production only (in production it is 404 until a token is configured).
The evaluation queue and the database pool are read at scrape time.
"""

from __future__ import annotations

import asyncio
import hmac

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from tortoise import connections

from app.core.metrics import DB_POOL, EVALUATION_QUEUE_DEPTH, EVALUATION_QUEUE_LAG, REGISTRY
from app.settings import Settings

QUEUE_SQL = ("SELECT count(*) AS depth, COALESCE(EXTRACT(EPOCH FROM now() - min(requested_at)), 0) AS lag "
             "FROM pending_evaluations")


async def refresh_gauges() -> None:
    client = connections.get("default")
    rows = await asyncio.wait_for(client.execute_query_dict(QUEUE_SQL), timeout=5)
    EVALUATION_QUEUE_DEPTH.set(rows[0]["depth"])
    EVALUATION_QUEUE_LAG.set(max(0.0, float(rows[0]["lag"])))
    pool = getattr(client, "_pool", None)  # asyncpg's Pool, once the first query opened it
    if pool is not None:
        size, idle = pool.get_size(), pool.get_idle_size()
        DB_POOL.labels("in_use").set(size - idle)
        DB_POOL.labels("idle").set(idle)
        DB_POOL.labels("max").set(pool.get_max_size())


def metrics_endpoint(settings: Settings):  # type: ignore[no-untyped-def]
    async def metrics(request: Request) -> Response:
        token = settings.metrics_token
        if token:
            scheme, _, given = request.headers.get("authorization", "").partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
                return JSONResponse({"error": {"code": "UNAUTHENTICATED", "message": (
                    "send the metrics token: Authorization: Bearer <MEMBERHUB_METRICS_TOKEN>")}}, status_code=401,
                    headers={"WWW-Authenticate": "Bearer"})
        elif settings.is_production:
            return JSONResponse({"error": {"code": "NOT_FOUND", "message": (
                "set MEMBERHUB_METRICS_TOKEN to serve /metrics in production")}}, status_code=404)
        await refresh_gauges()
        return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)

    return metrics
