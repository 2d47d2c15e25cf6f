"""Where a member tree request spends its time, in-process (no HTTP server, no load generator).

Seeds the access bench's data (bench/access_bench.py: 500 nodes, 10,000 members), then runs each
shape's query through the ASGI app with httpx's ASGI transport, rotating over the signed-in
members: prints the CPU milliseconds per request and the fields resolved per request, and with
`--profile SHAPE` a pyinstrument (or cProfile, `--cprofile`) profile of that shape; `--generic`
turns the one-pass plans off (app/graphql/planned.py), for the field-by-field figures.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/2 \
        python bench/tree_profile.py [--requests 200] [--profile "tree (fields)"] [--cprofile] [--generic]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import sys
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.db import drop_database, with_database  # noqa: E402
from app.migrate import apply_migrations  # noqa: E402
from bench.access_bench import SHAPES, Shape, fields_per_request, seed  # noqa: E402

# The fixed cost of a member request, for subtraction: the pipeline and the session alone, then the hub's decisions.
BASELINES = (
    Shape("typename", "{ __typename }"),
    Shape("hub", "{ myHub { id } }"),
)
PROFILED = (*SHAPES, *BASELINES)


async def asgi_post(app: Any, body: bytes, token: str) -> tuple[int, bytes]:
    """One POST /graphql straight into the ASGI app: no HTTP client, so the CPU measured is the server's
    (minus uvicorn's HTTP parsing)."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": "/graphql", "raw_path": b"/graphql", "query_string": b"", "root_path": "",
        "headers": [(b"host", b"bench"), (b"content-type", b"application/json"),
                    (b"authorization", f"Bearer {token}".encode()), (b"content-length", str(len(body)).encode())],
        "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 80),
    }
    sent = False
    status = 0
    chunks: list[bytes] = []

    async def receive() -> dict:
        nonlocal sent
        if sent:
            await asyncio.Event().wait()  # a disconnect never comes: the response ends the exchange
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(chunks)


async def run(app: Any, query: str, variables: dict, tokens: list[str], n: int) -> float:
    """Server CPU seconds per request over `n` requests (after one warm-up per member token used)."""
    body = json.dumps({"query": query, "variables": variables}).encode()
    for token in tokens[: min(n, 20)]:
        status, payload = await asgi_post(app, body, token)
        assert status == 200 and b'"errors"' not in payload, payload[:500]
    started = time.process_time()
    for i in range(n):
        status, payload = await asgi_post(app, body, tokens[i % len(tokens)])
        assert status == 200, payload[:300]
    return (time.process_time() - started) / n


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--profile", choices=[s.name for s in PROFILED], default=None)
    parser.add_argument("--shapes", default="typename,hub,tree (json),tree (fields),course (fields),courses (fields)",
                        help="comma-separated shape names (bench/access_bench.py SHAPES, and typename, hub)")
    parser.add_argument("--generic", action="store_true", help="plans off: every list completed field by field")
    parser.add_argument("--cprofile", action="store_true", help="cProfile (sorted by own time) instead of pyinstrument")
    args = parser.parse_args()
    base_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    url = with_database(base_url, f"memberhub_bench_tree_{secrets.token_hex(3)}")
    await apply_migrations(url)
    try:
        tokens = await seed(url)
        os.environ["DATABASE_URL"] = url
        os.environ.setdefault("MEMBERHUB_SECRET_KEY", "bench")
        os.environ["MEMBERHUB_ENV"] = "production"
        import dataclasses

        from asgi_lifespan import LifespanManager

        from app.asgi import create_app
        from app.settings import get_settings

        app = create_app()
        # The same app with shared responses off (the "unshared" shapes); the first one's lifespan serves both.
        unshared_app = create_app(dataclasses.replace(get_settings(), member_response_cache=False), manage_orm=False)
        if args.generic:
            from app.graphql.planned import use_plans

            use_plans(False)
        async with LifespanManager(app), httpx.AsyncClient(
                transport=httpx.ASGITransport(app), base_url="http://bench") as http:
            wanted = {name.strip() for name in args.shapes.split(",")}
            for shape in PROFILED:
                if shape.name not in wanted:
                    continue
                variables = await shape.variables(http, tokens[0])
                fields = await fields_per_request(http, shape.query, variables, tokens[0])
                served = app if shape.shared else unshared_app
                if args.profile == shape.name:
                    if args.cprofile:
                        import cProfile
                        import pstats

                        profiler = cProfile.Profile(time.process_time)  # CPU, not wall: other work shares the cores
                        profiler.enable()
                        cpu = await run(served, shape.query, variables, tokens, args.requests)
                        profiler.disable()
                        stats = pstats.Stats(profiler).sort_stats(os.environ.get("PROFILE_SORT", "tottime"))
                        stats.print_stats(int(os.environ.get("PROFILE_LINES", "40")))
                    else:
                        from pyinstrument import Profiler

                        with Profiler(async_mode="disabled") as profiler:
                            cpu = await run(served, shape.query, variables, tokens, args.requests)
                        print(profiler.output_text(unicode=False, show_all=False))
                else:
                    cpu = await run(served, shape.query, variables, tokens, args.requests)
                print(f"{shape.name:>16}: {cpu * 1000:6.2f} ms server CPU/request (in-process, no HTTP), "
                      f"{fields} fields/request")
    finally:
        await drop_database(url)


if __name__ == "__main__":
    asyncio.run(main())
