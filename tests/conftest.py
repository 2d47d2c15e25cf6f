"""Test session: a fresh database built from the migrations, a Redis namespace of our own.

Uses DATABASE_URL / REDIS_URL when set (CI points them at 127.0.0.1), the embedded servers
otherwise. Every run gets its own database and Redis key prefix, so runs never collide.

The embedded servers of the tests live in this checkout's `.memberhub-test/` (gitignored;
MEMBERHUB_TEST_DATA_DIR overrides it), so two checkouts never share them. The last test run
using that folder stops them when it ends, Ctrl-C included.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import fcntl
import os
import sys
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

_RUN = uuid.uuid4().hex[:8]
os.environ.setdefault("MEMBERHUB_SECRET_KEY", "test-secret-key-" + _RUN)
os.environ["MEMBERHUB_REDIS_PREFIX"] = f"mhtest{_RUN}"
ROOT = Path(__file__).resolve().parent.parent
TEST_DATA_DIR = Path(os.environ.get("MEMBERHUB_TEST_DATA_DIR") or ROOT / ".memberhub-test").resolve()
_data_dir_lock: int | None = None


def _use_test_data_dir() -> None:
    """Hold a shared lock on the test data dir for this run (released when the process ends)."""
    global _data_dir_lock
    TEST_DATA_DIR.mkdir(parents=True, exist_ok=True)
    fd = os.open(TEST_DATA_DIR / "in-use.lock", os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_SH)  # waits while a finishing run stops the servers
    _data_dir_lock = fd


def _release_test_data_dir() -> None:
    """The last run holding the folder stops its embedded servers; others leave them running."""
    global _data_dir_lock
    fd, _data_dir_lock = _data_dir_lock, None
    if fd is None:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)  # another test run of this checkout still uses them
        return
    try:
        from app.embedded import stop_embedded_servers

        stopped = stop_embedded_servers(TEST_DATA_DIR)
        if stopped:
            print(f"memberhub tests: stopped embedded {' and '.join(stopped)} under {TEST_DATA_DIR}",
                  file=sys.stderr, flush=True)
    finally:
        os.close(fd)


if not os.environ.get("DATABASE_URL") or not os.environ.get("REDIS_URL"):
    os.environ["MEMBERHUB_DATA_DIR"] = str(TEST_DATA_DIR)
    _use_test_data_dir()
    atexit.register(_release_test_data_dir)  # also when the session dies before pytest_unconfigure

import factories  # noqa: E402  (tests/factories.py; imports the app, so after the environment)
from factories import TeamFixture  # noqa: E402

from app import runtime  # noqa: E402  (environment first)
from app.db import drop_database, with_database  # noqa: E402
from app.migrate import apply_migrations  # noqa: E402
from app.settings import get_settings  # noqa: E402

BASE_DATABASE_URL = runtime.resolve_database_url()
TEST_DATABASE_URL = with_database(BASE_DATABASE_URL, f"memberhub_test_{_RUN}")
os.environ["DATABASE_URL"] = TEST_DATABASE_URL
# A Redis database index per run as well: arq's job keys are not namespaced by queue.
os.environ["REDIS_URL"] = with_database(runtime.resolve_redis_url(), str(3 + int(_RUN, 16) % 13))
runtime._resolved.clear()
get_settings.cache_clear()


def pytest_unconfigure(config: pytest.Config) -> None:
    _release_test_data_dir()  # runs after an interrupted session too


@pytest.fixture(scope="session")
def test_database_url() -> str:
    return TEST_DATABASE_URL


@pytest.fixture(scope="session", autouse=True)
async def orm() -> AsyncIterator[None]:
    from app.wiring import wire

    wire()
    await apply_migrations(TEST_DATABASE_URL)
    await runtime.init_orm()
    yield
    from app.core import ratelimit
    from app.core.redis import close_redis

    await close_redis()
    await ratelimit.close()
    await runtime.close_orm()
    await drop_database(TEST_DATABASE_URL)


@pytest.fixture(autouse=True)
async def clean_database(orm: None) -> None:
    """Each test starts with empty tables (the migration bookkeeping table is kept)."""
    from tortoise import Tortoise, connections

    tables = [
        f'"{m._meta.db_table}"'
        for m in Tortoise.apps.get_models_iterable()
        if m._meta.db_table != "aerich"
    ]
    await connections.get("default").execute_script(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
    from app.community.shared_graphql import shared_pages

    shared_pages.clear()  # the community versions start again with the truncated table: no page carries over
    await clear_job_queue()
    from app.core import ratelimit

    await ratelimit.reset()  # attempt counts (logins, sign-in codes) start from zero


async def clear_job_queue() -> None:
    """Forget queued jobs, including ones a killed worker left marked in progress (arq would wait out
    their timeout before anyone may run them again)."""
    from arq.constants import in_progress_key_prefix, job_key_prefix, retry_key_prefix

    from app.core.redis import get_redis, queue_name

    redis = await get_redis()
    job_ids = await redis.zrange(queue_name(), 0, -1)
    keys = [queue_name()]
    for raw in job_ids:
        job_id = raw.decode() if isinstance(raw, bytes) else raw
        keys += [prefix + job_id for prefix in (in_progress_key_prefix, job_key_prefix, retry_key_prefix)]
    await redis.delete(*keys)


@pytest.fixture(scope="session")
def asgi_app():  # type: ignore[no-untyped-def]
    from app.asgi import create_app

    return create_app(manage_orm=False)


@pytest.fixture
async def http(asgi_app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=asgi_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


@pytest.fixture
async def unshared() -> AsyncIterator[httpx.AsyncClient]:
    """The same API with shared responses (member trees, community pages) turned off: every request runs its
    document."""
    import dataclasses

    from app.asgi import create_app
    from app.settings import get_settings

    app = create_app(dataclasses.replace(get_settings(), member_response_cache=False), manage_orm=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        yield client


@dataclass
class GraphQLClient:
    http: httpx.AsyncClient

    async def raw(self, query: str, variables: dict[str, Any] | None = None, token: str | None = None,
                  headers: dict[str, str] | None = None) -> dict[str, Any]:
        all_headers = dict(headers or {})
        if token:
            all_headers["Authorization"] = f"Bearer {token}"
        response = await self.http.post("/graphql", json={"query": query, "variables": variables or {}},
                                        headers=all_headers)
        assert response.status_code == 200, response.text
        return response.json()

    async def __call__(self, query: str, variables: dict[str, Any] | None = None, token: str | None = None,
                       headers: dict[str, str] | None = None) -> dict[str, Any]:
        """Run a query that must succeed; returns `data`."""
        body = await self.raw(query, variables, token, headers)
        assert not body.get("errors"), body["errors"]
        return body["data"]


@pytest.fixture
def gql(http: httpx.AsyncClient) -> GraphQLClient:
    return GraphQLClient(http)


@pytest.fixture
def make_team():  # type: ignore[no-untyped-def]
    """`await make_team(name, owner_email=None, password=None, time_zone="UTC")` -> TeamFixture."""
    return factories.team


@pytest.fixture
async def team(make_team: Any) -> TeamFixture:
    return await make_team("Acme Studio")


@pytest.fixture
async def other_team(make_team: Any) -> TeamFixture:
    return await make_team("Globex Studio")




@dataclass
class LiveServer:
    url: str
    ws_url: str


@contextlib.asynccontextmanager
async def serve_app(app: Any) -> AsyncIterator[LiveServer]:
    """Serve `app` with a real uvicorn on a free port of 127.0.0.1, inside the test's event loop."""
    import socket

    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", ws="websockets-sansio",
                            lifespan="off")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn exposes a flag, not an event
        await asyncio.sleep(0.02)
    try:
        yield LiveServer(url=f"http://127.0.0.1:{port}", ws_url=f"ws://127.0.0.1:{port}/graphql")
    finally:
        server.should_exit = True
        await task


@pytest.fixture
async def live_server(asgi_app: Any) -> AsyncIterator[LiveServer]:
    """The app served by a real uvicorn on 127.0.0.1 inside the test's event loop."""
    async with serve_app(asgi_app) as server:
        yield server
