"""Optional OpenTelemetry tracing: a real `memberhub serve` with MEMBERHUB_TRACING=otlp exports its spans
over OTLP/HTTP to a local collector, which decodes what it receives with the OTLP protobuf schema."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import httpx
from conftest import serve_app
from netutil import ROOT, api_process
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.core.ids import encode_id


def collector(received: list[ExportTraceServiceRequest]) -> Starlette:
    async def traces(request: Request) -> Response:
        assert request.headers["content-type"] == "application/x-protobuf"
        export = ExportTraceServiceRequest()
        export.ParseFromString(await request.body())
        received.append(export)
        return Response(b"", media_type="application/x-protobuf")

    return Starlette(routes=[Route("/v1/traces", traces, methods=["POST"])])


def spans_of(received: list[ExportTraceServiceRequest]) -> list[tuple[str, dict[str, object], object]]:
    out = []
    for export in received:
        for resource_spans in export.resource_spans:
            resource = {a.key: a.value.string_value for a in resource_spans.resource.attributes}
            for scope in resource_spans.scope_spans:
                for span in scope.spans:
                    attributes = {a.key: (a.value.string_value or a.value.int_value) for a in span.attributes}
                    out.append((resource["service.name"], attributes, span))
    return out


async def test_a_traced_request_reaches_the_collector_with_its_sql_and_team(team):
    received: list[ExportTraceServiceRequest] = []
    caller_trace = "4bf92f3577b34da6a3ce929d0e0e4736"
    async with serve_app(collector(received)) as otlp:
        env = {**os.environ, "MEMBERHUB_TRACING": "otlp", "OTEL_EXPORTER_OTLP_ENDPOINT": otlp.url,
               "OTEL_SERVICE_NAME": "memberhub-under-test", "OTEL_BSP_SCHEDULE_DELAY": "100"}
        async with api_process(env) as server, httpx.AsyncClient(base_url=server.url) as client:
            answer = await client.post("/graphql", json={"query": "{ viewer { team { name } } }"}, headers={
                "authorization": f"Bearer {team.key}",
                "traceparent": f"00-{caller_trace}-00f067aa0ba902b7-01",  # the caller's trace continues
            })
            assert answer.json() == {"data": {"viewer": {"team": {"name": "Acme Studio"}}}}
            for _ in range(200):
                spans = [s for s in spans_of(received) if s[2].trace_id.hex() == caller_trace]
                if any(a.get("db.system") == "postgresql" for _, a, _ in spans) and any(
                        a.get("memberhub.team_id") for _, a, _ in spans):
                    break
                await asyncio.sleep(0.1)
    assert {service for service, _, _ in spans} == {"memberhub-under-test"}
    [request] = [(a, s) for _, a, s in spans if a.get("memberhub.team_id")]
    assert request[0]["memberhub.team_id"] == encode_id("Team", team.team.id)
    assert request[0]["http.route"] == "/graphql" and request[1].parent_span_id.hex() == "00f067aa0ba902b7"
    statements = [a for _, a, _ in spans if a.get("db.system") == "postgresql"]
    assert statements, "no asyncpg span in the request's trace"
    # Statement text with placeholders, never the values (the API key's hash is a parameter).
    assert all(team.key not in str(a) for a in statements)


async def test_a_traced_worker_exports_a_span_per_job():
    from app.core import redis as redis_module

    received: list[ExportTraceServiceRequest] = []
    await (await redis_module.get_redis()).enqueue_job("purge_expired_sessions")
    async with serve_app(collector(received)) as otlp:
        env = {**os.environ, "MEMBERHUB_TRACING": "otlp", "OTEL_EXPORTER_OTLP_ENDPOINT": otlp.url}
        worker = await asyncio.create_subprocess_exec(sys.executable, "-m", "app.cli", "worker", "--burst", cwd=ROOT,
                                                      env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, stderr = await asyncio.wait_for(worker.communicate(), timeout=120)
        assert worker.returncode == 0, stderr.decode()
    jobs = [(service, a) for service, a, span in spans_of(received) if span.name == "job purge_expired_sessions"]
    assert jobs == [("memberhub-worker", {"memberhub.job": "purge_expired_sessions"})]
