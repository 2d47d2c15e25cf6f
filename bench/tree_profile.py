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
import os
import secrets
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.db import drop_database, with_database  # noqa: E402
from app.migrate import apply_migrations  # noqa: E402
from bench.access_bench import SHAPES, fields_per_request, seed  # noqa: E402


async def run(http: httpx.AsyncClient, query: str, variables: dict, tokens: list[str], n: int) -> float:
    """CPU seconds per request over `n` requests (after one warm-up per member token used)."""
    for token in tokens[: min(n, 20)]:
        r = await http.post("/graphql", json={"query": query, "variables": variables},
                            headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 200 and "errors" not in r.json(), r.text[:500]
    started = time.process_time()
    for i in range(n):
        r = await http.post("/graphql", json={"query": query, "variables": variables},
                            headers={"Authorization": f"Bearer {tokens[i % len(tokens)]}"})
        assert r.status_code == 200, r.text[:300]
    return (time.process_time() - started) / n


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--profile", choices=[s.name for s in SHAPES], default=None)
    parser.add_argument("--shapes", default="tree (json),tree (fields),course (fields),courses (fields)",
                        help="comma-separated shape names (bench/access_bench.py SHAPES)")
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
        from asgi_lifespan import LifespanManager

        from app.asgi import create_app

        app = create_app()
        if args.generic:
            from app.graphql.planned import use_plans

            use_plans(False)
        async with LifespanManager(app), httpx.AsyncClient(
                transport=httpx.ASGITransport(app), base_url="http://bench") as http:
            wanted = {name.strip() for name in args.shapes.split(",")}
            for shape in SHAPES:
                if shape.name not in wanted:
                    continue
                variables = await shape.variables(http, tokens[0])
                fields = await fields_per_request(http, shape.query, variables, tokens[0])
                if args.profile == shape.name:
                    if args.cprofile:
                        import cProfile
                        import pstats

                        profiler = cProfile.Profile()
                        profiler.enable()
                        cpu = await run(http, shape.query, variables, tokens, args.requests)
                        profiler.disable()
                        stats = pstats.Stats(profiler).sort_stats(os.environ.get("PROFILE_SORT", "tottime"))
                        stats.print_stats(int(os.environ.get("PROFILE_LINES", "40")))
                    else:
                        from pyinstrument import Profiler

                        with Profiler(async_mode="disabled") as profiler:
                            cpu = await run(http, shape.query, variables, tokens, args.requests)
                        print(profiler.output_text(unicode=False, show_all=False))
                else:
                    cpu = await run(http, shape.query, variables, tokens, args.requests)
                print(f"{shape.name:>14}: {cpu * 1000:6.2f} ms CPU/request in-process, {fields} fields/request")
    finally:
        await drop_database(url)


if __name__ == "__main__":
    asyncio.run(main())
