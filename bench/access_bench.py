"""Member tree query over real HTTP: p50/p95 and req/s with 20 concurrent clients, with the access
dataloaders on, and the same run with them off (naive per-node checks) as the baseline ratio.

Data: one hub with a 500-node tree (courses > modules > lessons) and mixed rules (hub section on
segments, products, drips, a replace, named contacts), 10,000 members, segment memberships and
entitlements for a share of them. Usage:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/2 \
        python bench/access_bench.py [--seconds 10] [--clients 20]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import secrets
import socket
import statistics
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

MEMBERS = 10_000
NODES = 500
SESSIONS = 500
QUERY = """{ myHub { lessonCount accessibleLessonCount contentTree { id parentId depth title kind canAccess
  lockedReason availableAt body lessonCount accessibleLessonCount media { url } } } }"""


async def seed(url: str) -> list[str]:
    params = connection_params(url)
    params.pop("options")
    conn = await asyncpg.connect(**params)
    rng = random.Random(7)
    now = datetime.now(UTC)
    try:
        team_id = await conn.fetchval(
            "INSERT INTO teams (name, slug, time_zone, created_at) VALUES ('Bench', 'bench', 'UTC', $1) RETURNING id",
            now)
        hub_id = await conn.fetchval(
            "INSERT INTO hubs (team_id, name, slug, description, created_at) VALUES ($1, 'Hub', 'hub', '', $2)"
            " RETURNING id", team_id, now)
        await conn.copy_records_to_table("contacts", columns=["email", "created_at"],
                                         records=[(f"m{i}@bench.io", now) for i in range(MEMBERS)])
        await conn.execute(
            "INSERT INTO team_contacts (team_id, contact_id, email, lifecycle_stage, tags, custom, created_at,"
            " updated_at) SELECT $1, id, email, 'subscriber', '{}', '{}', $2, $2 FROM contacts", team_id, now)
        contact_ids = [r["id"] for r in await conn.fetch("SELECT id FROM team_contacts ORDER BY id")]
        await conn.copy_records_to_table(
            "hub_memberships",
            columns=["team_id", "hub_id", "team_contact_id", "role", "onboarding_state", "notification_preferences",
                     "banned", "joined_at"],
            records=[(team_id, hub_id, c, rng.choice(["member"] * 8 + ["moderator", "host"]), "completed", "{}",
                      rng.random() < 0.01, now - timedelta(days=rng.randint(0, 90))) for c in contact_ids])
        segments = [await conn.fetchval(
            "INSERT INTO segments (team_id, name, description, kind, tags, member_count, created_at, updated_at)"
            " VALUES ($1, $2, '', 'static', '[]', 0, $3, $3) RETURNING id", team_id, f"S{i}", now) for i in range(5)]
        await conn.copy_records_to_table(
            "segment_memberships", columns=["team_id", "segment_id", "team_contact_id", "joined_at"],
            records=[(team_id, s, c, now) for c in contact_ids for s in segments if rng.random() < 0.3])
        products = [await conn.fetchval(
            "INSERT INTO products (team_id, name, description, active, created_at, grace_days, past_due_policy)"
            " VALUES ($1, $2, '', true, $3, 7, 'grace') RETURNING id", team_id, f"P{i}", now) for i in range(3)]
        await conn.copy_records_to_table(
            "entitlements",
            columns=["team_id", "team_contact_id", "product_id", "status", "starts_at", "source", "created_at",
                     "updated_at"],
            records=[(team_id, c, p, rng.choice(["active", "active", "grace", "revoked"]),
                      now - timedelta(days=rng.randint(0, 60)), "purchase", now, now)
                     for c in contact_ids for p in products if rng.random() < 0.2])
        section_id = await conn.fetchval(
            "INSERT INTO hub_sections (team_id, hub_id, title, position, created_at) VALUES ($1, $2, 'Gated', 0, $3)"
            " RETURNING id", team_id, hub_id, now)
        media_id = await conn.fetchval(
            "INSERT INTO media (team_id, hub_id, kind, filename, content_type, size_bytes, external_url, created_at)"
            " VALUES ($1, $2, 'video', 'v.mp4', 'video/mp4', 1, 'https://cdn.example.com/v.mp4', $3) RETURNING id",
            team_id, hub_id, now)
        parent_course = parent_module = None
        rules = []
        for i in range(NODES):
            kind = "course" if i % 25 == 0 else "module" if i % 5 == 0 else "lesson"
            parent = None if kind == "course" else parent_course if kind == "module" else parent_module
            node_id = await conn.fetchval(
                "INSERT INTO content_nodes (team_id, hub_id, parent_id, section_id, media_id, kind, title, body,"
                " status, position, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'published',"
                " $9, $10, $10) RETURNING id", team_id, hub_id, parent,
                section_id if kind == "course" and i % 50 == 0 else None,
                media_id if kind == "lesson" else None, kind, f"{kind} {i}", "body " * 40, i, now)
            if kind == "course":
                parent_course = parent_module = node_id
            elif kind == "module":
                parent_module = node_id
            choice = i % 9
            if choice == 1:
                rules.append(("node", node_id, "narrow", "products", "[]", "[]", f"[{products[i % 3]}]", "[]", None))
            elif choice == 2:
                rules.append(("node", node_id, "narrow", "everyone", "[]", "[]", "[]", "[]", i % 40))
            elif choice == 3:
                rules.append(("node", node_id, "narrow", "segments_all", "[]", f"[{segments[0]}, {segments[1]}]",
                              "[]", "[]", None))
            elif choice == 4:
                rules.append(("node", node_id, "replace", "everyone", "[]", "[]", "[]", "[]", None))
            elif choice == 5:
                rules.append(("node", node_id, "narrow", "roles", '["moderator", "host"]', "[]", "[]", "[]", None))
            elif choice == 6:
                rules.append(("node", node_id, "narrow", "contacts", "[]", "[]", "[]",
                              f"[{contact_ids[0]}, {contact_ids[1]}]", None))
        rules.append(("hub_section", section_id, "narrow", "segments_any", "[]", f"[{segments[2]}]", "[]", "[]", None))
        await conn.executemany(
            "INSERT INTO access_rules (team_id, hub_id, target_type, target_id, mode, audience, roles, segment_ids,"
            " product_ids, contact_ids, drip_days, drip_anchor, created_at, updated_at) VALUES ($1, $2, $3, $4, $5,"
            " $6, $7::jsonb, $8::jsonb, $9::jsonb, $10::jsonb, $11, CASE WHEN $11::int IS NULL THEN NULL ELSE"
            " 'hub_join' END, $12, $12)",
            [(team_id, hub_id, *r, now) for r in rules])
        tokens = []
        for contact_id in rng.sample(contact_ids, SESSIONS):
            token = f"mhm_{secrets.token_urlsafe(32)}"
            tokens.append(token)
            await conn.execute(
                "INSERT INTO member_sessions (team_id, hub_id, team_contact_id, token_hash, expires_at, created_at)"
                " VALUES ($1, $2, $3, $4, $5, $6)", team_id, hub_id, contact_id, sha256_hex(token),
                now + timedelta(days=1), now)
        await conn.execute("ANALYZE")
        return tokens
    finally:
        await conn.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(database_url: str, loaders: bool) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "MEMBERHUB_ACCESS_LOADERS": "on" if loaders else "off",
           "MEMBERHUB_ENV": "production", "MEMBERHUB_SECRET_KEY": os.environ.get("MEMBERHUB_SECRET_KEY", "bench")}
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.asgi:create_app", "--factory", "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning", "--no-access-log"], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if httpx.get(f"{base}/healthz", timeout=0.5).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("server did not start")


async def load(base: str, tokens: list[str], clients: int, seconds: float) -> dict[str, float]:
    latencies: list[float] = []
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=httpx.Limits(max_connections=clients)) as http:
        for token in tokens[:clients]:  # warm-up: caches, pool connections
            r = await http.post("/graphql", json={"query": QUERY}, headers={"Authorization": f"Bearer {token}"})
            assert r.status_code == 200 and "errors" not in r.json(), r.text[:500]

        async def client(i: int) -> None:
            n = i
            while time.perf_counter() < deadline:
                token = tokens[n % len(tokens)]
                n += clients
                started = time.perf_counter()
                r = await http.post("/graphql", json={"query": QUERY}, headers={"Authorization": f"Bearer {token}"})
                latencies.append(time.perf_counter() - started)
                assert r.status_code == 200

        deadline = time.perf_counter() + seconds
        started = time.perf_counter()
        await asyncio.gather(*(client(i) for i in range(clients)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {"requests": len(latencies), "p50_ms": statistics.median(latencies) * 1000,
            "p95_ms": latencies[int(len(latencies) * 0.95) - 1] * 1000, "rps": len(latencies) / elapsed}


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=20)
    args = parser.parse_args()
    base_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    url = with_database(base_url, f"memberhub_bench_access_{secrets.token_hex(3)}")
    await apply_migrations(url)
    try:
        t0 = time.perf_counter()
        tokens = await seed(url)
        print(f"seeded {MEMBERS} members, {NODES} nodes in {time.perf_counter() - t0:.1f}s")
        results = {}
        for loaders in (True, False):
            process, base = start_server(url, loaders)
            try:
                results[loaders] = await load(base, tokens, args.clients, args.seconds)
            finally:
                process.terminate()
                process.wait(timeout=10)
            r = results[loaders]
            label = "dataloaders" if loaders else "naive per-node"
            print(f"{label:>15}: {r['requests']:6d} req  p50 {r['p50_ms']:8.1f} ms  p95 {r['p95_ms']:8.1f} ms"
                  f"  {r['rps']:7.1f} req/s")
        on, off = results[True], results[False]
        print(f"ratio (naive / dataloaders): p95 x{off['p95_ms'] / on['p95_ms']:.1f}, "
              f"throughput x{on['rps'] / off['rps']:.1f}; target p95 <= 50 ms: "
              f"{'met' if on['p95_ms'] <= 50 else 'NOT met'}")
    finally:
        await drop_database(url)


if __name__ == "__main__":
    asyncio.run(main())
