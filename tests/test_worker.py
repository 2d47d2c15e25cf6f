"""The arq worker runs our jobs against the real database and Redis."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.core.redis import get_redis
from app.teams.models import UserSession
from workers.settings import build_worker


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
