"""Operators' view: /metrics (Prometheus), request ids, JSON logs, `memberhub doctor`."""

from __future__ import annotations

import dataclasses
import io
import json
import logging
import os
import subprocess
import sys
import uuid

import asyncpg
import httpx
import pytest
import websockets
from conftest import ROOT, TEST_DATABASE_URL
from prometheus_client.parser import text_string_to_metric_families

from app.core.ids import encode_id
from app.core.logs import JSONFormatter
from app.core.redis import get_redis
from app.db import connection_params, with_database
from app.settings import get_settings


def sample(text: str, name: str, **labels: str) -> float:
    """The sum of the samples of `name` with these labels in Prometheus text (0 when absent)."""
    return sum(s.value for family in text_string_to_metric_families(text) for s in family.samples
               if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()))


async def scrape(http) -> str:
    response = await http.get("/metrics")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return response.text


async def test_metrics_count_http_requests_and_graphql_operations_by_outcome(http, team):
    before = await scrape(http)
    await http.post("/graphql", json={"query": "{ viewer { team { name } } }"},
                    headers={"authorization": f"Bearer {team.key}"})
    await http.post("/graphql", json={"query": "{ noSuchField }"})
    after = await scrape(http)

    def delta(name: str, **labels: str) -> float:
        return sample(after, name, **labels) - sample(before, name, **labels)

    assert delta("memberhub_http_requests_total", method="POST", route="/graphql", status="200") == 2
    assert delta("memberhub_http_request_duration_seconds_count", method="POST", route="/graphql") == 2
    assert delta("memberhub_graphql_operations_total", type="query", outcome="ok") == 1
    assert delta("memberhub_graphql_operations_total", outcome="rejected") == 1
    assert delta("memberhub_graphql_operation_duration_seconds_count", type="query") >= 1
    assert sample(after, "memberhub_db_pool_connections", state="max") >= 1


async def test_metrics_show_the_evaluation_queue_and_worker_jobs(http, gql, team):
    await gql('mutation { upsertContacts(input: {contacts: [{email: "q@example.com"}]}) { createdCount } }',
              token=team.key)
    queued = await scrape(http)
    assert sample(queued, "memberhub_evaluation_queue_depth") == 1
    assert sample(queued, "memberhub_evaluation_queue_lag_seconds") >= 0

    from workers.settings import build_worker

    await (await get_redis()).enqueue_job("sweep_pending")
    worker = build_worker(burst=True, poll_delay=0, on_startup=None, on_shutdown=None, cron_jobs=[])
    try:
        await worker.async_run()
    finally:
        await worker.close()
    done = await scrape(http)
    assert sample(done, "memberhub_jobs_total", function="sweep_pending", outcome="ok") \
        > sample(queued, "memberhub_jobs_total", function="sweep_pending", outcome="ok")
    assert sample(done, "memberhub_sweep_duration_seconds_count", sweep="pending_evaluations") \
        > sample(queued, "memberhub_sweep_duration_seconds_count", sweep="pending_evaluations")
    assert sample(done, "memberhub_evaluation_queue_depth") == 0


async def test_metrics_count_webhook_outcomes(http):
    before = await scrape(http)
    response = await http.post("/webhooks/stripe/not-a-team", content=b"{}")
    assert response.status_code in (400, 404)
    after = await scrape(http)
    assert sample(after, "memberhub_webhook_deliveries_total", provider="stripe", outcome="rejected") \
        == sample(before, "memberhub_webhook_deliveries_total", provider="stripe", outcome="rejected") + 1


async def test_metrics_gauge_open_websockets_and_their_subscriptions(live_server, team):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        before = (await client.get("/metrics")).text
        async with websockets.connect(live_server.ws_url, subprotocols=["graphql-transport-ws"]) as ws:
            await ws.send(json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {team.key}"}}))
            assert json.loads(await ws.recv())["type"] == "connection_ack"
            await ws.send(json.dumps({"id": "1", "type": "subscribe",
                                      "payload": {"query": "subscription { contactsChanged { kind } }"}}))
            await ws.ping()  # the server has read the subscribe message once it answers the ping after it
            during = (await client.get("/metrics")).text
        assert sample(during, "memberhub_websocket_connections") == sample(before, "memberhub_websocket_connections") + 1
        assert sample(during, "memberhub_websocket_operations") == sample(before, "memberhub_websocket_operations") + 1


@pytest.fixture
def app_with(request):  # type: ignore[no-untyped-def]
    from app.asgi import create_app

    def build(**changes):  # type: ignore[no-untyped-def]
        app = create_app(dataclasses.replace(get_settings(), **changes), manage_orm=False)
        return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")

    return build


async def test_metrics_token_is_required_when_set(app_with):
    async with app_with(metrics_token="s3cret-scrape") as client:
        assert (await client.get("/metrics")).status_code == 401
        assert (await client.get("/metrics", headers={"authorization": "Bearer wrong"})).status_code == 401
        ok = await client.get("/metrics", headers={"authorization": "Bearer s3cret-scrape"})
        assert ok.status_code == 200 and "memberhub_http_requests_total" in ok.text
    async with app_with(environment="production") as client:
        hidden = await client.get("/metrics")
        assert hidden.status_code == 404 and "MEMBERHUB_METRICS_TOKEN" in hidden.json()["error"]["message"]


@pytest.fixture
def access_lines():  # type: ignore[no-untyped-def]
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JSONFormatter())
    logger = logging.getLogger("memberhub.access")
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)
    logger.setLevel(old_level)


async def test_request_id_is_echoed_or_made_and_logged_with_the_team(http, team, access_lines):
    given = await http.post("/graphql", json={"query": "{ viewer { team { name } } }"},
                            headers={"authorization": f"Bearer {team.key}", "x-request-id": "req-42.abc"})
    assert given.headers["x-request-id"] == "req-42.abc"
    made = await http.get("/healthz")
    assert len(made.headers["x-request-id"]) == 32
    refused = await http.get("/healthz", headers={"x-request-id": "bad id\twith spaces"})
    assert refused.headers["x-request-id"] != "bad id\twith spaces"

    lines = access_lines()
    graphql_line = next(line for line in lines if line["request_id"] == "req-42.abc")
    assert graphql_line["team_id"] == encode_id("Team", team.id)
    assert graphql_line["status"] == 200 and graphql_line["route"] == "/graphql" and graphql_line["level"] == "info"
    health_line = next(line for line in lines if line["request_id"] == made.headers["x-request-id"])
    assert "team_id" not in health_line


def doctor(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", "doctor", "--json"], cwd=ROOT,
                          env={**os.environ, **env}, capture_output=True, text=True, timeout=120)


def statuses(result: subprocess.CompletedProcess) -> dict[str, str]:
    return {c["check"]: c["status"] for c in json.loads(result.stdout)}


def test_doctor_passes_on_the_migrated_test_database():
    result = doctor({})
    assert result.returncode == 0, result.stdout + result.stderr
    found = statuses(result)
    assert found["database"] == found["migrations"] == found["redis"] == found["public url"] == "ok"


def test_doctor_fails_production_without_a_secret_or_https():
    result = doctor({"MEMBERHUB_ENV": "production", "MEMBERHUB_SECRET_KEY": "",
                     "MEMBERHUB_PUBLIC_URL": "http://members.example.com"})
    assert result.returncode == 1
    found = statuses(result)
    assert found["secret key"] == "fail" and found["public url"] == "fail"


async def test_doctor_reports_pending_migrations_and_unreachable_services():
    name = f"memberhub_doctor_{uuid.uuid4().hex[:8]}"
    params = connection_params(TEST_DATABASE_URL)
    params.pop("options")
    conn = await asyncpg.connect(**params)
    await conn.execute(f'CREATE DATABASE "{name}"')
    try:
        result = doctor({"DATABASE_URL": with_database(TEST_DATABASE_URL, name), "REDIS_URL": "redis://127.0.0.1:1/0"})
        assert result.returncode == 1
        found = statuses(result)
        assert found["database"] == "ok" and found["migrations"] == "fail" and found["redis"] == "fail"
        assert "memberhub migrate" in next(c["detail"] for c in json.loads(result.stdout) if c["check"] == "migrations")
    finally:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        await conn.close()
