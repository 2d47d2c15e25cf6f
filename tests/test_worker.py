"""The arq worker runs our jobs against the real database and Redis."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.core.redis import get_redis
from app.teams.models import UserSession
from workers.settings import build_worker

ROOT = Path(__file__).resolve().parent.parent


async def test_worker_runs_enqueued_session_purge(team):
    old = datetime.now(UTC) - timedelta(days=60)
    await UserSession.create(user=team.owner, token_hash="a" * 64, expires_at=old)
    await UserSession.create(user=team.owner, token_hash="b" * 64, expires_at=datetime.now(UTC) + timedelta(days=1))
    redis = await get_redis()
    job = await redis.enqueue_job("purge_expired_sessions")
    assert job is not None
    worker = build_worker(burst=True, poll_delay=0, on_startup=None, on_shutdown=None)
    try:
        await worker.async_run()
    finally:
        await worker.close()
    assert await job.result(timeout=5) == 1
    assert await UserSession.filter(user_id=team.owner.id).count() == 1


def test_worker_settings_carry_every_worker_option():
    from arq.worker import get_kwargs

    from app.core.redis import queue_name
    from workers.settings import WorkerSettings, worker_options

    settings = get_kwargs(WorkerSettings)
    assert set(settings) == set(worker_options())
    assert settings["queue_name"] == queue_name() != "arq:queue"
    assert settings["handle_signals"] is True and settings["max_jobs"] == worker_options()["max_jobs"]
    expected = worker_options()["redis_settings"]
    assert (settings["redis_settings"].host, settings["redis_settings"].port, settings["redis_settings"].database) == (
        expected.host, expected.port, expected.database)


async def test_arq_cli_worker_from_worker_settings_runs_jobs_from_our_queue(team):
    """`arq workers.settings.WorkerSettings`: arq builds its Worker from the class alone."""
    old = datetime.now(UTC) - timedelta(days=60)
    await UserSession.create(user=team.owner, token_hash="c" * 64, expires_at=old)
    job = await (await get_redis()).enqueue_job("purge_expired_sessions")
    assert job is not None
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "arq", "--burst", "workers.settings.WorkerSettings", cwd=ROOT, env=dict(os.environ),
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode == 0, stderr.decode()[-2000:]
    assert await job.result(timeout=5) == 1
    assert not await UserSession.filter(user_id=team.owner.id).exists()


async def test_job_ids_carry_the_deployment_prefix(team, make_team):
    """arq keys jobs by id alone, across queues: two deployments on one Redis must not share ids."""
    from app.core.redis import get_redis, key_prefix, queue_name
    from app.segments.pipeline.queue import wake_evaluator

    assert await wake_evaluator(team.id)
    redis = await get_redis()
    queued = [raw.decode() if isinstance(raw, bytes) else raw for raw in await redis.zrange(queue_name(), 0, -1)]
    assert queued and all(job.startswith(f"{key_prefix()}:evaluate:{team.id}:") for job in queued), queued


def test_importing_the_worker_settings_starts_nothing():
    """Resolving Redis may start the embedded server: only asking for WorkerSettings does that."""
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    env["MEMBERHUB_DATA_DIR"] = "/nonexistent/memberhub-import-check"  # any server start would fail here
    code = "import workers.settings, app.asgi, app.cli; print('ok')"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr
    assert "embedded" not in result.stderr


def test_cron_jobs_are_named_under_the_deployment_prefix():
    """A unique cron job's id is its name plus the tick: unprefixed, deployments sharing a Redis
    would run each tick once between them."""
    from app.core.redis import key_prefix
    from workers.settings import worker_options

    names = [job.name for job in worker_options()["cron_jobs"]]
    assert names and all(name.startswith(f"{key_prefix()}:cron:") for name in names), names
    assert f"{key_prefix()}:cron:sweep_pending" in names
