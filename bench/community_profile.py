"""Where a community feed or thread request spends its server CPU, in-process (no HTTP server, no load generator).

Seeds bench/community_bench.py's data (`--scale`, default 0.2), then runs each shape through the ASGI app
(bench/tree_profile.py's `asgi_post`), rotating over the signed-in members: CPU milliseconds per request, with
`{ __typename }` and `myCommunity { isModerator }` as baselines (the per-request cost common to every member
request, and with the hub's decisions). `--profile SHAPE` prints a cProfile of it (CPU time, by own
time; PROFILE_SORT=cumulative); `--explain` prints EXPLAIN (ANALYZE, BUFFERS) of the feed page's
statements; `--generic` turns the one-pass plans off.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/2 \\
        flock /work/.bench.lock python bench/community_profile.py [--scale 1] [--requests 300] [--profile feed]
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
from bench.community_bench import FEED, THREAD, gid, seed  # noqa: E402
from bench.tree_profile import run  # noqa: E402


async def explain(url: str, token: str, variables: dict) -> None:
    """The feed request's statements, captured in-process, each run again under EXPLAIN ANALYZE."""
    import asyncpg

    sys.path.insert(0, str(ROOT / "tests"))
    from asgi_lifespan import LifespanManager
    from test_query_counts import count_statements

    from app.asgi import create_app
    from app.db import connection_params

    captured: list[tuple[str, tuple]] = []
    original = asyncpg.connection.Connection._execute

    async def recording(self, query, args, *rest, **kwargs):  # type: ignore[no-untyped-def]
        captured.append((query, tuple(args)))
        return await original(self, query, args, *rest, **kwargs)

    app = create_app()
    async with LifespanManager(app), httpx.AsyncClient(transport=httpx.ASGITransport(app),
                                                        base_url="http://bench") as http:
        await http.post("/graphql", json={"query": FEED, "variables": variables},
                        headers={"Authorization": f"Bearer {token}"})
        asyncpg.connection.Connection._execute = recording  # type: ignore[method-assign]
        try:
            with count_statements():
                await http.post("/graphql", json={"query": FEED, "variables": variables},
                                headers={"Authorization": f"Bearer {token}"})
        finally:
            asyncpg.connection.Connection._execute = original  # type: ignore[method-assign]
    params = connection_params(url)
    params.pop("options")
    conn = await asyncpg.connect(**params)
    try:
        for query, args in captured:
            print("----", " ".join(query.split())[:300])
            if not query.lstrip().upper().startswith("SELECT"):
                continue
            for line in await conn.fetch(f"EXPLAIN (ANALYZE, BUFFERS) {query}", *args):
                print("   ", line[0])
    finally:
        await conn.close()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=0.2)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--profile", choices=["typename", "community", "feed", "thread"], default=None)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--generic", action="store_true")
    args = parser.parse_args()
    base_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    url = with_database(base_url, f"memberhub_bench_cprofile_{secrets.token_hex(3)}")
    await apply_migrations(url)
    try:
        tokens, space_id, post_id = await seed(url, args.scale)
        os.environ["DATABASE_URL"] = url
        os.environ.setdefault("MEMBERHUB_SECRET_KEY", "bench")
        os.environ["MEMBERHUB_ENV"] = "production"
        shapes = {"typename": ("{ __typename }", {}), "community": ("{ myCommunity { isModerator } }", {}),
                  "feed": (FEED, {"id": gid("MemberSpace", space_id)}),
                  "thread": (THREAD, {"id": gid("CommunityPost", post_id)})}
        if args.explain:
            await explain(url, tokens[0], shapes["feed"][1])
        from asgi_lifespan import LifespanManager

        from app.asgi import create_app

        if args.generic:
            from app.graphql.planned import use_plans

            use_plans(False)
        app = create_app()
        async with LifespanManager(app):
            for name, (query, variables) in shapes.items():
                if args.profile == name:
                    import cProfile
                    import pstats

                    profiler = cProfile.Profile(time.process_time)  # CPU, not wall: other work shares the cores
                    profiler.enable()
                    cpu = await run(app, query, variables, tokens, args.requests)
                    profiler.disable()
                    pstats.Stats(profiler).sort_stats(os.environ.get("PROFILE_SORT", "tottime")).print_stats(
                        int(os.environ.get("PROFILE_LINES", "45")))
                else:
                    cpu = await run(app, query, variables, tokens, args.requests)
                print(f"{name:>10}: {cpu * 1000:6.2f} ms server CPU/request (in-process, no HTTP)")
    finally:
        await drop_database(url)


if __name__ == "__main__":
    asyncio.run(main())
