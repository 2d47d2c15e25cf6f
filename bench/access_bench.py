"""Member tree query over real HTTP: p50/p95/p99 and req/s with 20 concurrent clients, with the
access dataloaders on, and in the same run with them off (naive per-node checks) as the ratio.

Data: one hub with a 500-node tree (courses > modules > lessons) and mixed rules (hub section on
segments, products, drips, a replace, named contacts), 10,000 members, segment memberships and
entitlements for a share of them; requests rotate over 500 signed-in members.

Rounds (one server each, `--workers` uvicorn processes, as deployed: one per core; `--shapes` picks):
  tree (json)      `contentTreeJson`: the whole decided tree as one JSON value
  tree (fields)    `contentTree { …12 fields… media { url } }`: the same data, typed (one-pass plan)
  course (fields)  `contentTree(rootId: course) { …the same… }`: one course of 50 nodes, typed
  tree/course (unshared)  the same two with shared responses off: every request runs its document
                   (with them on, members with equal outcomes get one encoded response, app/access/shared_graphql.py)
  courses (fields) `contentTree(depth: 0) { …6 fields… }`: the 10 courses alone
  tree (generic)   `contentTree` as tree (fields), completed field by field (plans off: the cost before)
  naive            `contentTreeJson` decided node by node (bench/naive_access.py: facts and rules fetched per node)
Each round prints the fields in the response (fields resolved per request) and the server's CPU per
request (its process group's CPU over the requests served).
SQL statements per request are counted in-process (the app on the same database), cold and warm,
and so are the distinct encoded trees the 500 members get (members with equal outcomes share one).
The load generator (plain asyncio HTTP/1.1 keep-alive, far cheaper than httpx) runs on the same
machine and competes with the server for its cores; its CPU share is printed.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/2 \
        python bench/access_bench.py [--seconds 10] [--clients 20] [--workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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
NODE_FIELDS = """id parentId depth title kind canAccess lockedReason availableAt body lessonCount accessibleLessonCount
  media { url }"""
QUERY_FIELDS = f"{{ myHub {{ lessonCount accessibleLessonCount contentTree {{ {NODE_FIELDS} }} }} }}"
QUERY_JSON = "{ myHub { lessonCount accessibleLessonCount contentTreeJson } }"
QUERY_COURSE = f"query($root: ID!) {{ myHub {{ contentTree(rootId: $root) {{ {NODE_FIELDS} }} }} }}"
QUERY_COURSES = """{ myHub { contentTree(depth: 0) { id title canAccess lockedReason lessonCount
  accessibleLessonCount } } }"""


async def no_variables(http: httpx.AsyncClient, token: str) -> dict:
    return {}


async def first_course(http: httpx.AsyncClient, token: str) -> dict:
    r = await http.post("/graphql", json={"query": "{ myHub { roots { id } } }"},
                        headers={"Authorization": f"Bearer {token}"})
    return {"root": r.json()["data"]["myHub"]["roots"][0]["id"]}


@dataclass(frozen=True)
class Shape:
    name: str
    query: str
    variables: Callable[[httpx.AsyncClient, str], Awaitable[dict]] = no_variables
    loaders: bool = True  # False: the naive per-node access path (bench/naive_access.py)
    plans: bool = True  # False: lists completed field by field (app/graphql/planned.py off)
    shared: bool = True  # False: every request runs its document (app/access/shared_graphql.py off)


SHAPES = (
    Shape("tree (json)", QUERY_JSON),
    Shape("tree (fields)", QUERY_FIELDS),
    Shape("course (fields)", QUERY_COURSE, first_course),
    Shape("tree (unshared)", QUERY_FIELDS, shared=False),
    Shape("course (unshared)", QUERY_COURSE, first_course, shared=False),
    Shape("courses (fields)", QUERY_COURSES),
    Shape("tree (generic)", QUERY_FIELDS, plans=False, shared=False),
    Shape("naive", QUERY_JSON, loaders=False, shared=False),
)


def count_fields(value: object) -> int:
    """Fields in a response's data: every key of every object (a JSON scalar value counts as one)."""
    if isinstance(value, dict):
        return sum(1 + (count_fields(v) if k != "contentTreeJson" else 0) for k, v in value.items())
    if isinstance(value, list):
        return sum(count_fields(v) for v in value)
    return 0


async def fields_per_request(http: httpx.AsyncClient, query: str, variables: dict, token: str) -> int:
    r = await http.post("/graphql", json={"query": query, "variables": variables},
                        headers={"Authorization": f"Bearer {token}"})
    body = r.json()
    assert r.status_code == 200 and "errors" not in body, r.text[:500]
    return count_fields(body["data"])


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
            kind = "course" if i % 50 == 0 else "module" if i % 5 == 0 else "lesson"
            parent = None if kind == "course" else parent_course if kind == "module" else parent_module
            node_id = await conn.fetchval(
                "INSERT INTO content_nodes (team_id, hub_id, parent_id, section_id, media_id, kind, title, body,"
                " status, position, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'published',"
                " $9, $10, $10) RETURNING id", team_id, hub_id, parent,
                section_id if kind == "course" and i % 100 == 0 else None,
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


def create_generic_app() -> Any:
    """The server of the "tree (generic)" round: the app with the one-pass list plans off."""
    from app.asgi import create_app
    from app.graphql.planned import use_plans

    use_plans(False)
    return create_app()


def start_server(database_url: str, shape: Shape, workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url,
           "MEMBERHUB_ENV": "production", "MEMBERHUB_SECRET_KEY": os.environ.get("MEMBERHUB_SECRET_KEY", "bench"),
           "MEMBERHUB_DB_POOL_MAX": str(max(4, 20 // workers)),  # PostgreSQL connections are shared
           "MEMBERHUB_MEMBER_RESPONSE_CACHE": "1" if shape.shared else "0"}
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.asgi:create_app" if shape.loaders and shape.plans
         else "bench.naive_access:create_app" if not shape.loaders else "bench.access_bench:create_generic_app",
         "--factory", "--host", "127.0.0.1",
         "--port", str(port), "--workers", str(workers), "--log-level", "warning", "--no-access-log"],
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


def stop_server(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)  # the server's own process group: uvicorn and its workers
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


def group_cpu_seconds(process: subprocess.Popen) -> float:
    """User + system CPU of every live process in the server's process group (Linux /proc)."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == process.pid:  # pgrp
            total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / os.sysconf("SC_CLK_TCK")


def percentile(sorted_values: list[float], q: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, max(0, math.ceil(q * len(sorted_values)) - 1))]


class KeepAliveClient:
    """A minimal HTTP/1.1 keep-alive client for the load loop (one connection, one request at a time).

    httpx costs more CPU per request than the server does here, and the load generator shares the
    machine's cores with the server; this costs a small fraction of that, so the numbers are the server's.
    """

    def __init__(self, base: str) -> None:
        parsed = urlsplit(base)
        self.host, self.port = parsed.hostname, parsed.port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post_json(self, path: str, body: bytes, token: str) -> tuple[int, bytes]:
        request = (f"POST {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nContent-Type: application/json\r\n"
                   f"Authorization: Bearer {token}\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
        if self.writer is not None:
            try:
                return await self._exchange(request)
            except (asyncio.IncompleteReadError, ConnectionError):  # the server closed an idle connection
                self.close()
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        return await self._exchange(request)

    async def _exchange(self, request: bytes) -> tuple[int, bytes]:
        assert self.reader is not None and self.writer is not None
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, _, headers = head.partition(b"\r\n")
        length = None
        for line in headers.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length is None:
            raise RuntimeError(f"no content-length in response: {head[:200]!r}")
        return int(status_line.split()[1]), await self.reader.readexactly(length)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.reader = self.writer = None


async def load(base: str, query: str, variables: dict, tokens: list[str], clients: int, seconds: float
               ) -> dict[str, float]:
    latencies: list[float] = []
    body = json.dumps({"query": query, "variables": variables}).encode()
    connections = [KeepAliveClient(base) for _ in range(clients)]
    try:
        for http, token in zip(connections, tokens, strict=False):  # warm-up: connections, caches, hub snapshot
            status, payload = await http.post_json("/graphql", body, token)
            assert status == 200 and "errors" not in json.loads(payload), payload[:500]

        async def client(i: int) -> None:
            http = connections[i]
            n = i
            while time.perf_counter() < deadline:
                token = tokens[n % len(tokens)]
                n += clients
                started = time.perf_counter()
                status, payload = await http.post_json("/graphql", body, token)
                latencies.append(time.perf_counter() - started)
                assert status == 200 and payload.startswith(b'{"data":{') and b'"errors":' not in payload, \
                    payload[:500]

        cpu_before = time.process_time()
        deadline = time.perf_counter() + seconds
        started = time.perf_counter()
        await asyncio.gather(*(client(i) for i in range(clients)))
        elapsed = time.perf_counter() - started
        client_cpu = time.process_time() - cpu_before
    finally:
        for http in connections:
            http.close()
    latencies.sort()
    return {"requests": len(latencies), "p50_ms": percentile(latencies, 0.50) * 1000,
            "p95_ms": percentile(latencies, 0.95) * 1000, "p99_ms": percentile(latencies, 0.99) * 1000,
            "rps": len(latencies) / elapsed, "elapsed": elapsed, "client_cpu": client_cpu}


async def count_statements(url: str, tokens: list[str]) -> tuple[dict[str, tuple[int, int, int, dict]], int]:
    """Per shape, in-process on the bench database: SQL statements of one request (cold, warm), the fields
    in its response, and its variables; and how many distinct encoded trees the members' JSON trees take."""
    os.environ["DATABASE_URL"] = url
    from asgi_lifespan import LifespanManager
    from tortoise import connections

    from app.access.shared_graphql import shared_responses
    from app.access.snapshot import clear_snapshots
    from app.access.tree_json import encoded_trees
    from app.asgi import create_app
    from app.graphql.planned import use_plans
    from bench.naive_access import use_naive_access

    token = tokens[0]
    app = create_app()
    seen: list[str] = []
    out = {}
    async with LifespanManager(app):
        client_class = type(connections.get("default"))
        originals = {}
        for name in ("execute_query", "execute_query_dict", "execute_insert", "execute_many", "execute_script"):
            originals[name] = original = getattr(client_class, name)

            def wrapper(self, sql, *args, _original=original, **kwargs):
                seen.append(sql)
                return _original(self, sql, *args, **kwargs)

            setattr(client_class, name, wrapper)
        try:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://bench") as http:
                for shape in SHAPES:
                    variables = await shape.variables(http, token)
                    use_naive_access(not shape.loaders)
                    use_plans(shape.plans)
                    clear_snapshots()
                    shared_responses.clear()
                    counts = []
                    for _ in range(2):
                        seen.clear()
                        fields = await fields_per_request(http, shape.query, variables, token)
                        counts.append(len(seen))
                    out[shape.name] = (counts[0], counts[1], fields, variables)
                use_naive_access(False)
                use_plans(True)
                encoded_trees.clear()
                shared_responses.clear()
                for member_token in tokens:
                    r = await http.post("/graphql", json={"query": QUERY_JSON},
                                        headers={"Authorization": f"Bearer {member_token}"})
                    assert r.status_code == 200 and "errors" not in r.json(), r.text[:500]
                distinct = len(encoded_trees)
        finally:
            use_naive_access(False)
            for name, original in originals.items():
                setattr(client_class, name, original)
    return out, distinct


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes (default: one per core)")
    parser.add_argument("--shapes", default=",".join(s.name for s in SHAPES), help="comma-separated shape names")
    args = parser.parse_args()
    wanted = {name.strip() for name in args.shapes.split(",")}
    base_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    url = with_database(base_url, f"memberhub_bench_access_{secrets.token_hex(3)}")
    await apply_migrations(url)
    try:
        t0 = time.perf_counter()
        tokens = await seed(url)
        print(f"seeded {MEMBERS} members, {NODES} nodes in {time.perf_counter() - t0:.1f}s; "
              f"{args.clients} clients, {args.seconds:.0f}s a round; server: uvicorn --workers {args.workers} "
              f"on {os.cpu_count()} cores (load generator on the same machine)")
        statements, distinct = await count_statements(url, tokens)
        print(f"encoded trees: {distinct} distinct values for the {len(tokens)} signed-in members")
        results = {}
        for shape in SHAPES:
            if shape.name not in wanted:
                continue
            cold, warm, fields, variables = statements[shape.name]
            process, base = start_server(url, shape, args.workers)
            try:
                cpu_before = group_cpu_seconds(process)
                r = results[shape.name] = await load(base, shape.query, variables, tokens, args.clients, args.seconds)
                server_cpu = group_cpu_seconds(process) - cpu_before
            finally:
                stop_server(process)
            print(f"{shape.name:>16}: {r['requests']:6d} req  p50 {r['p50_ms']:7.1f}  p95 {r['p95_ms']:7.1f}  "
                  f"p99 {r['p99_ms']:7.1f} ms  {r['rps']:6.1f} req/s  SQL/request {warm} (cold {cold})  "
                  f"fields/request {fields:5d}  server CPU {server_cpu / r['requests'] * 1000:5.2f} ms/request "
                  f"({server_cpu / r['elapsed']:.2f} cores), load generator {r['client_cpu'] / r['elapsed']:.2f} cores")
        json_p95 = results["tree (json)"]["p95_ms"] if "tree (json)" in results else None
        if json_p95 is not None and "naive" in results:
            on, off = results["tree (json)"], results["naive"]
            print(f"ratio (naive / dataloaders, same query): p95 x{off['p95_ms'] / on['p95_ms']:.0f}, "
                  f"throughput x{on['rps'] / off['rps']:.0f}; target p95 <= 50 ms: "
                  f"{'met' if on['p95_ms'] <= 50 else 'NOT met'} (p95 {on['p95_ms']:.1f} ms)")
        if json_p95 is not None and "tree (fields)" in results:
            ratio = results["tree (fields)"]["p95_ms"] / json_p95
            print(f"typed whole tree / json p95: x{ratio:.2f}; target <= 2: {'met' if ratio <= 2 else 'NOT met'}")
        if "course (fields)" in results:
            p95 = results["course (fields)"]["p95_ms"]
            print(f"typed course page p95 {p95:.1f} ms; target <= 30 ms: {'met' if p95 <= 30 else 'NOT met'}")
        for name in ("tree", "course"):
            on, off = results.get(f"{name} (fields)"), results.get(f"{name} ({'unshared'})")
            if on and off:
                print(f"{name}: shared responses on / off p95 {on['p95_ms']:.1f} / {off['p95_ms']:.1f} ms "
                      f"(x{off['p95_ms'] / on['p95_ms']:.2f}), req/s {on['rps']:.0f} / {off['rps']:.0f}")
    finally:
        await drop_database(url)


if __name__ == "__main__":
    asyncio.run(main())
