"""Community feed and thread queries over real HTTP: p50/p95/p99 and req/s with 20 concurrent member clients.

Data (defaults; `--scale 0.2` for a fifth of everything): one hub, 10,000 members with profiles, 10 spaces
(one gated by a segment rule), 50,000 posts, 500,000 comments (threaded: a third are replies),
reactions on a fifth of the posts; requests rotate over 500 signed-in members.

Rounds (one server each, `--workers` uvicorn processes):
  feed     `mySpace(id) { posts(first: 20) { … author { … } reactions { emoji count reactedByMe } } }`
  thread   `communityPost(id) { comments(first: 50) { … author reactions … } }` of a post with 10+ comments
SQL statements per request are counted in-process. Target: feed p95 <= 50 ms. `--writes-per-second R` adds or
takes a reaction on the feed's newest post R times a second during each round (each write is a new community
version: every shared page runs again once).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/2 \
        flock /work/.bench.lock python bench/community_bench.py [--seconds 10] [--clients 20] [--scale 1] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import secrets
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.core.tokens import sha256_hex  # noqa: E402
from app.db import connection_params, drop_database, with_database  # noqa: E402
from app.migrate import apply_migrations  # noqa: E402
from bench.access_bench import free_port, group_cpu_seconds, load, stop_server  # noqa: E402

SESSIONS = 500
SPACES = 10
FEED = """query($id: ID!) { mySpace(id: $id) { id name canAccess posts(first: 20) { pageInfo { hasNextPage endCursor }
  edges { node { id title bodyHtml pinned locked commentCount createdAt author { id handle displayName }
    reactions { emoji count reactedByMe } } } } } }"""
THREAD = """query($id: ID!) { communityPost(id: $id) { id title commentCount author { handle displayName }
  reactions { emoji count reactedByMe } comments(first: 50) { pageInfo { hasNextPage } edges { node {
    id parentId depth bodyHtml status author { id handle displayName }
    reactions { emoji count reactedByMe } } } } } }"""


def gid(type_name: str, pk: int) -> str:
    import base64

    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


async def seed(url: str, scale: float) -> tuple[list[str], int, int]:
    members, posts, comments = int(10_000 * scale), int(50_000 * scale), int(500_000 * scale)
    params = connection_params(url)
    params.pop("options")
    conn = await asyncpg.connect(**params)
    rng = random.Random(11)
    now = datetime.now(UTC)
    try:
        team_id = await conn.fetchval(
            "INSERT INTO teams (name, slug, time_zone, created_at) VALUES ('Bench', 'bench', 'UTC', $1) RETURNING id",
            now)
        hub_id = await conn.fetchval(
            "INSERT INTO hubs (team_id, name, slug, description, created_at) VALUES ($1, 'Hub', 'hub', '', $2)"
            " RETURNING id", team_id, now)
        await conn.copy_records_to_table("contacts", columns=["email", "created_at"],
                                         records=[(f"m{i}@bench.io", now) for i in range(members)])
        await conn.execute(
            "INSERT INTO team_contacts (team_id, contact_id, email, first_name, lifecycle_stage, tags, custom,"
            " created_at, updated_at) SELECT $1, id, email, 'Member', 'subscriber', '{}', '{}', $2, $2 FROM contacts",
            team_id, now)
        contact_ids = [r["id"] for r in await conn.fetch("SELECT id FROM team_contacts ORDER BY id")]
        await conn.copy_records_to_table(
            "hub_memberships",
            columns=["team_id", "hub_id", "team_contact_id", "role", "onboarding_state", "notification_preferences",
                     "banned", "joined_at"],
            records=[(team_id, hub_id, c, "moderator" if i % 200 == 0 else "member", "completed", "{}", False,
                      now - timedelta(days=rng.randint(0, 90))) for i, c in enumerate(contact_ids)])
        await conn.copy_records_to_table(
            "community_profiles",
            columns=["team_id", "hub_id", "team_contact_id", "handle", "display_name", "bio", "links", "visibility",
                     "created_at", "updated_at"],
            records=[(team_id, hub_id, c, f"member{c}", f"Member {c}", "Hello there", "[]", "{}", now, now)
                     for c in contact_ids])
        segment = await conn.fetchval(
            "INSERT INTO segments (team_id, name, description, kind, tags, member_count, created_at, updated_at)"
            " VALUES ($1, 'Insiders', '', 'static', '[]', 0, $2, $2) RETURNING id", team_id, now)
        await conn.copy_records_to_table(
            "segment_memberships", columns=["team_id", "segment_id", "team_contact_id", "joined_at"],
            records=[(team_id, segment, c, now) for c in contact_ids if rng.random() < 0.5])
        space_ids = [await conn.fetchval(
            "INSERT INTO community_spaces (team_id, hub_id, slug, name, description, kind, position, members_can_post,"
            " created_at, updated_at) VALUES ($1, $2, $3, $4, '', 'discussion', $5, true, $6, $6) RETURNING id",
            team_id, hub_id, f"space-{i}", f"Space {i}", i, now) for i in range(SPACES)]
        await conn.execute(
            "INSERT INTO access_rules (team_id, hub_id, target_type, target_id, mode, audience, roles, segment_ids,"
            " product_ids, contact_ids, created_at, updated_at) VALUES ($1, $2, 'space', $3, 'narrow', 'segments_any',"
            " '[]', $4::jsonb, '[]', '[]', $5, $5)", team_id, hub_id, space_ids[-1], f"[{segment}]", now)
        body = "<p>Some <strong>Markdown</strong> rendered once at write time, a paragraph long.</p>\n"
        await conn.copy_records_to_table(
            "community_posts",
            columns=["team_id", "hub_id", "space_id", "author_id", "title", "body", "body_html", "status", "pinned",
                     "locked", "media_ids", "comment_count", "created_at", "last_activity_at"],
            records=[(team_id, hub_id, space_ids[i % SPACES], rng.choice(contact_ids), f"Post {i}", "Some **Markdown**",
                      body, "visible", False, False, "[]", 0, now - timedelta(minutes=posts - i),
                      now - timedelta(minutes=posts - i)) for i in range(posts)])
        post_ids = [r["id"] for r in await conn.fetch("SELECT id FROM community_posts ORDER BY id")]
        # Comments: most posts get a few, a tenth get many (the busy threads).
        busy = post_ids[::10]
        targets = [rng.choice(busy) if rng.random() < 0.5 else rng.choice(post_ids) for _ in range(comments)]
        await conn.copy_records_to_table(
            "community_comments",
            columns=["team_id", "hub_id", "post_id", "parent_id", "depth", "author_id", "body", "body_html", "status",
                     "created_at"],
            records=[(team_id, hub_id, p, None, 0, rng.choice(contact_ids), "A comment", "<p>A comment</p>",
                      "visible", now) for p in targets])
        # A third become replies to an earlier comment of the same post.
        await conn.execute("""
            UPDATE community_comments c SET parent_id = p.first_id, depth = 1
            FROM (SELECT post_id, min(id) AS first_id FROM community_comments GROUP BY post_id) p
            WHERE c.post_id = p.post_id AND c.id <> p.first_id AND c.id % 3 = 0""")
        await conn.execute("""
            UPDATE community_posts p SET comment_count = c.n
            FROM (SELECT post_id, count(*) AS n FROM community_comments GROUP BY post_id) c WHERE c.post_id = p.id""")
        emojis = ["thumbs_up", "heart", "laugh", "tada"]
        reactions = {(p, rng.choice(contact_ids), rng.choice(emojis)) for p in rng.sample(post_ids, len(post_ids) // 5)
                     for _ in range(3)}
        await conn.copy_records_to_table(
            "community_reactions",
            columns=["team_id", "hub_id", "target_type", "target_id", "team_contact_id", "emoji", "created_at"],
            records=[(team_id, hub_id, "post", p, c, e, now) for p, c, e in reactions])
        tokens = []
        for contact_id in rng.sample(contact_ids, min(SESSIONS, len(contact_ids))):
            token = f"mhm_{secrets.token_urlsafe(32)}"
            tokens.append(token)
            await conn.execute(
                "INSERT INTO member_sessions (team_id, hub_id, team_contact_id, token_hash, expires_at, created_at)"
                " VALUES ($1, $2, $3, $4, $5, $6)", team_id, hub_id, contact_id, sha256_hex(token),
                now + timedelta(days=1), now)
        await conn.execute("ANALYZE")
        busiest = await conn.fetchval("SELECT id FROM community_posts WHERE space_id = $1 ORDER BY comment_count DESC"
                                      " LIMIT 1", space_ids[0])
        return tokens, space_ids[0], busiest
    finally:
        await conn.close()


def start_server(database_url: str, workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "MEMBERHUB_ENV": "production",
           "MEMBERHUB_SECRET_KEY": os.environ.get("MEMBERHUB_SECRET_KEY", "bench"),
           "MEMBERHUB_DB_POOL_MAX": str(max(4, 20 // workers))}
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.asgi:create_app", "--factory", "--host", "127.0.0.1", "--port",
         str(port), "--workers", str(workers), "--log-level", "warning", "--no-access-log"],
        cwd=ROOT, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{base}/healthz", timeout=0.5).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.1)
    stop_server(process)
    raise RuntimeError("server did not start")


async def count_statements(url: str, token: str, rounds: dict[str, tuple[str, dict]]) -> dict[str, int]:
    """Statements per request, in-process on the same database (warm: the second request)."""
    from asgi_lifespan import LifespanManager

    sys.path.insert(0, str(ROOT / "tests"))
    from test_query_counts import count_statements as counting

    os.environ["DATABASE_URL"] = url
    from app.asgi import create_app

    app = create_app()
    found = {}
    async with LifespanManager(app), httpx.AsyncClient(transport=httpx.ASGITransport(app),
                                                        base_url="http://bench") as http:
        for name, (query, variables) in rounds.items():
            for _ in range(2):
                with counting() as seen:
                    response = await http.post("/graphql", json={"query": query, "variables": variables},
                                               headers={"Authorization": f"Bearer {token}"})
                assert response.status_code == 200 and "errors" not in response.json(), response.text[:500]
            found[name] = len(seen)
    return found


async def write_while(url: str, space_id: int, rate: float, done: asyncio.Event) -> int:
    """A reaction added to or taken from the space's newest post `rate` times a second until `done` (raw SQL: the
    triggers give the hub a new community version each time, so every shared page runs again once)."""
    params = connection_params(url)
    params.pop("options")
    conn = await asyncpg.connect(**params)
    writes = 0
    try:
        post = await conn.fetchrow("SELECT id, team_id, hub_id FROM community_posts WHERE space_id = $1"
                                   " ORDER BY id DESC LIMIT 1", space_id)
        member = await conn.fetchval("SELECT team_contact_id FROM hub_memberships WHERE hub_id = $1 LIMIT 1",
                                     post["hub_id"])
        while not done.is_set():
            if writes % 2 == 0:
                await conn.execute(
                    "INSERT INTO community_reactions (team_id, hub_id, target_type, target_id, team_contact_id, emoji,"
                    " created_at) VALUES ($1, $2, 'post', $3, $4, 'sad', now()) ON CONFLICT DO NOTHING",
                    post["team_id"], post["hub_id"], post["id"], member)
            else:
                await conn.execute("DELETE FROM community_reactions WHERE target_type = 'post' AND target_id = $1"
                                   " AND team_contact_id = $2 AND emoji = 'sad'", post["id"], member)
            writes += 1
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), timeout=1 / rate)
    finally:
        await conn.close()
    return writes


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of 10,000/50,000/500,000")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of each page on the one seeded data set")
    parser.add_argument("--writes-per-second", type=float, default=0.0,
                        help="during each round, change a reaction on the feed's newest post this often")
    args = parser.parse_args()
    base_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    url = with_database(base_url, f"memberhub_bench_community_{secrets.token_hex(3)}")
    await apply_migrations(url)
    try:
        t0 = time.perf_counter()
        tokens, space_id, post_id = await seed(url, args.scale)
        print(f"seeded {int(10_000 * args.scale)} members, {int(50_000 * args.scale)} posts, "
              f"{int(500_000 * args.scale)} comments in {time.perf_counter() - t0:.1f}s; {args.clients} clients, "
              f"{args.seconds:.0f}s a round; uvicorn --workers {args.workers} on {os.cpu_count()} cores; "
              f"load average {os.getloadavg()[0]:.1f}")
        rounds = {"feed": (FEED, {"id": gid("MemberSpace", space_id)}),
                  "thread": (THREAD, {"id": gid("CommunityPost", post_id)})}
        statements = await count_statements(url, tokens[0], rounds)
        feed_p95: list[float] = []
        for run_no in range(1, args.repeat + 1):
            for name, (query, variables) in rounds.items():
                process, base = start_server(url, args.workers)
                done = asyncio.Event()
                writer = (asyncio.create_task(write_while(url, space_id, args.writes_per_second, done))
                          if args.writes_per_second > 0 else None)
                try:
                    cpu_before = group_cpu_seconds(process)
                    r = await load(base, query, variables, tokens, args.clients, args.seconds)
                    server_cpu = group_cpu_seconds(process) - cpu_before
                finally:
                    done.set()
                    writes = await writer if writer is not None else 0
                    stop_server(process)
                if name == "feed":
                    feed_p95.append(r["p95_ms"])
                print(f"{name:>8}: {r['requests']:6d} req  p50 {r['p50_ms']:7.1f}  p95 {r['p95_ms']:7.1f}  "
                      f"p99 {r['p99_ms']:7.1f} ms  {r['rps']:6.1f} req/s  SQL/request {statements[name]}  "
                      f"server CPU {server_cpu / r['requests'] * 1000:5.2f} ms/request  {writes} writes  "
                      f"(run {run_no}, load average {os.getloadavg()[0]:.1f})")
        p95 = sorted(feed_p95)[len(feed_p95) // 2]
        print(f"feed p95 median {p95:.1f} ms (spread {min(feed_p95):.1f}-{max(feed_p95):.1f}, {len(feed_p95)} runs); "
              f"target <= 50 ms: {'met' if p95 <= 50 else 'NOT met'}")
    finally:
        await drop_database(url)


if __name__ == "__main__":
    asyncio.run(main())
