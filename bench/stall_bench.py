"""Stall benchmark (not a test): /healthz latency while one client mounts each attack of issue 13.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/2 \
        python bench/stall_bench.py [--app-dir PATH] [--contacts 20000] [--levels 5]

Starts one API process (`python -m app.cli serve`, from `--app-dir`, default this checkout: point
it at another checkout to measure that code with the same attacks) on its own database, makes two
teams (A attacks, B is the bystander), imports `--contacts` contacts into A, then for each attack
samples `GET /healthz` every 20 ms from another connection while the attack runs and prints
p50 / p95 / max of those samples, with what the attack itself got back:

- refs: `--levels` levels of segments, each referencing the level below ten times (`in segment`);
- template: saveEmailTemplate with nested range loops (4000 x 4000);
- logins: three bursts of 16 parallel wrong-password logins;
- previews: two parallel requests of 30 aliased previewSegment of 200 conditions each (the issue's
  attack), then four parallel requests of 9 (what the cost limit lets through), while team B asks
  `contacts { totalCount }` (its latency is printed too);
- body: 200 MB streamed to /graphql without a token (the server's peak RSS growth is printed).

Every client request has a 120 s timeout; an attack that the server is still chewing on when the
next one starts is waited out (healthz back under 100 ms) so one does not bleed into the next.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import asyncpg
import httpx

ROOT = Path(__file__).resolve().parents[1]
BENCH_DB = "memberhub_bench_stall"
PASSWORD = "correct horse battery staple"


def database_url(base: str, name: str) -> str:
    head, _, _ = base.rpartition("/")
    return f"{head}/{name}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_cli(app_dir: Path, env: dict[str, str], *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "app.cli", *args], cwd=app_dir, env=env, capture_output=True,
                          text=True, timeout=600, check=False)
    if done.returncode != 0:
        raise SystemExit(f"memberhub {' '.join(args)} failed:\n{done.stderr}")
    return done.stdout


async def drop_bench_database(url: str) -> None:
    admin_url = database_url(url, "postgres")
    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
    finally:
        await conn.close()


class Sampler:
    """GET /healthz every 20 ms on its own connection; latencies (ms) per window."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.samples: list[tuple[float, float]] = []  # (start, latency ms)
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        async with httpx.AsyncClient(timeout=300) as client:
            while True:
                start = time.perf_counter()
                with contextlib.suppress(httpx.HTTPError):
                    await client.get(f"{self.url}/healthz")
                self.samples.append((start, (time.perf_counter() - start) * 1000))
                await asyncio.sleep(0.02)

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def window(self, start: float, end: float) -> list[float]:
        # A sample that started before the end but finished after it still belongs to the stall.
        return [ms for at, ms in self.samples if start <= at <= end]

    async def settle(self) -> None:
        """Wait until healthz answers fast again (the server finished what the last attack left)."""
        deadline = time.perf_counter() + 300
        while time.perf_counter() < deadline:
            await asyncio.sleep(0.5)
            recent = [ms for at, ms in self.samples if at > time.perf_counter() - 1.5]
            if len(recent) >= 5 and max(recent) < 100:
                return


def quantile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def gql(client: httpx.AsyncClient, key: str | None, query: str, variables: dict | None = None) -> Any:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    response = await client.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)
    try:
        return response.json()
    except ValueError:
        return {"status": response.status_code, "text": response.text[:200]}


def summary(body: Any) -> str:
    """The gist of a GraphQL answer: the first error code, or 'ok'."""
    if not isinstance(body, dict):
        return str(body)[:80]
    if body.get("errors"):
        error = body["errors"][0]
        return str((error.get("extensions") or {}).get("code") or error.get("message", "")[:60])
    for value in (body.get("data") or {}).values():
        if isinstance(value, dict) and value.get("userErrors"):
            return str(value["userErrors"][0]["code"])
    return "ok" if "data" in body else str(body)[:80]


# ---------------------------------------------------------------- attacks

CREATE_SEGMENT = """mutation($name: String!, $rule: String!) { createSegment(input: {name: $name, kind: DYNAMIC,
  ruleText: $rule}) { segment { id memberCount } userErrors { code message } } }"""


async def attack_refs(client: httpx.AsyncClient, ctx: dict[str, Any]) -> str:
    outcomes = []
    await gql(client, ctx["key_a"], CREATE_SEGMENT, {"name": "L0", "rule": "tags contains 'vip'"})
    for level in range(1, ctx["levels"] + 1):
        rule = " OR ".join(f"in segment 'L{level - 1}'" for _ in range(10))
        started = time.perf_counter()
        body = await gql(client, ctx["key_a"], CREATE_SEGMENT, {"name": f"L{level}", "rule": rule})
        outcomes.append(f"L{level} {summary(body)} {time.perf_counter() - started:.1f}s")
    return "; ".join(outcomes)


SAVE_TEMPLATE = """mutation($i: SaveEmailTemplateInput!) { saveEmailTemplate(input: $i) {
  template { id } userErrors { code message } } }"""


async def attack_template(client: httpx.AsyncClient, ctx: dict[str, Any]) -> str:
    loops = "{% for i in range(4000) %}{% for j in range(4000) %}{% endfor %}{% endfor %}"
    started = time.perf_counter()
    body = await gql(client, ctx["key_a"], SAVE_TEMPLATE, {"i": {
        "hubId": ctx["hub_a"], "key": "loops", "name": "loops", "subject": "hi", "htmlBody": loops, "textBody": "x"}})
    return f"{summary(body)} in {time.perf_counter() - started:.1f}s"


LOGIN = "mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token userErrors { code } } }"


async def attack_logins(client: httpx.AsyncClient, ctx: dict[str, Any]) -> str:
    outcomes: dict[str, int] = {}
    for _ in range(3):
        bodies = await asyncio.gather(*(gql(client, None, LOGIN, {"e": ctx["email_a"], "p": f"wrong{i}"})
                                        for i in range(16)))
        for body in bodies:
            outcomes[summary(body)] = outcomes.get(summary(body), 0) + 1
    return ", ".join(f"{k} x{v}" for k, v in sorted(outcomes.items()))


def heavy_rule() -> str:
    return " OR ".join(f"email contains 'x{i:03d}'" for i in range(200))


async def _bystander(client: httpx.AsyncClient, ctx: dict[str, Any], stop: asyncio.Event) -> list[float]:
    latencies = []
    while not stop.is_set():
        started = time.perf_counter()
        await gql(client, ctx["key_b"], "{ contacts { totalCount } }")
        latencies.append((time.perf_counter() - started) * 1000)
        await asyncio.sleep(0.2)
    return latencies


async def _previews(client: httpx.AsyncClient, ctx: dict[str, Any], aliases: int, requests: int) -> str:
    query = "query($r: String!) { " + " ".join(f"p{i}: previewSegment(ruleText: $r) {{ count }}"
                                               for i in range(aliases)) + " }"
    stop = asyncio.Event()
    bystander = asyncio.create_task(_bystander(client, ctx, stop))
    started = time.perf_counter()
    bodies = await asyncio.gather(*(gql(client, ctx["key_a"], query, {"r": heavy_rule()}) for _ in range(requests)))
    took = time.perf_counter() - started
    stop.set()
    latencies = await bystander
    return (f"{requests}x{aliases}: {summary(bodies[0])} in {took:.1f}s, team B totalCount p50 "
            f"{quantile(latencies, 0.5):.0f} ms max {max(latencies, default=float('nan')):.0f} ms")


async def attack_previews(client: httpx.AsyncClient, ctx: dict[str, Any]) -> str:
    return await _previews(client, ctx, 30, 2)


async def attack_previews_within_limit(client: httpx.AsyncClient, ctx: dict[str, Any]) -> str:
    return await _previews(client, ctx, 9, 4)


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def attack_body(client: httpx.AsyncClient, ctx: dict[str, Any]) -> str:
    """By hand on a socket, reading the answer while sending: a server that refuses early answers
    (and closes) long before the 200 MB are through."""
    before = peak_rss_mb(ctx["pid"])
    size, chunk = 200 * 1024 * 1024, b" " * (1024 * 1024)
    reader, writer = await asyncio.open_connection("127.0.0.1", ctx["port"])
    answer = asyncio.create_task(reader.readline())
    started = time.perf_counter()
    writer.write(f"POST /graphql HTTP/1.1\r\nHost: b\r\nContent-Type: application/json\r\n"
                 f"Content-Length: {size}\r\n\r\n".encode())
    sent = 0
    try:
        while sent < size and not answer.done():
            writer.write(chunk)
            await writer.drain()
            sent += len(chunk)
    except ConnectionError:
        pass  # the server answered and closed while we were still sending: read what it said
    try:
        status = (await asyncio.wait_for(answer, timeout=120)).decode().strip()
    except (ConnectionError, TimeoutError) as exc:
        status = type(exc).__name__
    finally:
        writer.close()
    return (f"{status or 'closed'} after {sent // (1024 * 1024)} MB sent, {time.perf_counter() - started:.1f}s, "
            f"server peak RSS +{peak_rss_mb(ctx['pid']) - before:.0f} MB")


ATTACKS: list[tuple[str, Callable[[httpx.AsyncClient, dict[str, Any]], Awaitable[str]]]] = [
    ("refs", attack_refs), ("template", attack_template), ("logins", attack_logins),
    ("previews 2x30", attack_previews), ("previews 4x9", attack_previews_within_limit), ("body 200MB", attack_body),
]


# ---------------------------------------------------------------- setup and run


async def prepare(app_dir: Path, env: dict[str, str], contacts: int) -> dict[str, Any]:
    run_cli(app_dir, env, "migrate")
    teams = []
    for name, email in (("Attacker", "a@bench.example"), ("Bystander", "b@bench.example")):
        teams.append(json.loads(run_cli(app_dir, env, "create-team", name, "--owner-email", email,
                                        "--password", PASSWORD, "--json")))
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as csv_file:
        csv_file.write("email,country,tags\n")
        for i in range(contacts):
            tags = "vip" if i % 7 == 0 else ""
            csv_file.write(f"c{i}x{i % 1000:03d}@bench.example,{'US' if i % 3 else 'GB'},{tags}\n")
    run_cli(app_dir, env, "import-contacts", str(teams[0]["team_id"]), csv_file.name, "--json")
    os.unlink(csv_file.name)
    return {"key_a": teams[0]["api_key"], "key_b": teams[1]["api_key"], "email_a": "a@bench.example"}


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--app-dir", type=Path, default=ROOT)
    parser.add_argument("--contacts", type=int, default=20000)
    parser.add_argument("--levels", type=int, default=5)
    parser.add_argument("--only", nargs="*", help="attack names to run (default: all)")
    args = parser.parse_args()
    base = os.environ.get("DATABASE_URL")
    if not base or not os.environ.get("REDIS_URL"):
        raise SystemExit("set DATABASE_URL and REDIS_URL")
    url = database_url(base, BENCH_DB)
    await drop_bench_database(url)
    prefix = f"mhstall{os.getpid()}"
    env = {**os.environ, "DATABASE_URL": url, "MEMBERHUB_REDIS_PREFIX": prefix, "MEMBERHUB_ENV": "development",
           "MEMBERHUB_SECRET_KEY": "stall-bench-secret"}
    ctx = await prepare(args.app_dir, env, args.contacts)
    ctx["levels"] = args.levels
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--port", str(port)], cwd=args.app_dir,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ctx["pid"], ctx["port"] = server.pid, port
    base_url = f"http://127.0.0.1:{port}"
    sampler = Sampler(base_url)
    try:
        async with httpx.AsyncClient(base_url=base_url, timeout=120) as client:
            for _ in range(300):
                try:
                    if (await client.get("/healthz")).status_code == 200:
                        break
                except httpx.TransportError:
                    await asyncio.sleep(0.1)
            hub = await gql(client, ctx["key_a"], 'mutation { createHub(input: {name: "Bench"}) { hub { id } } }')
            ctx["hub_a"] = hub["data"]["createHub"]["hub"]["id"]
            sampler.start()
            print(f"app: {args.app_dir} ({subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], cwd=args.app_dir, capture_output=True, text=True).stdout.strip()}), "  # noqa: E501
                  f"{args.contacts} contacts in team A", flush=True)
            print(f"{'attack':<15} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  outcome", flush=True)
            started = time.perf_counter()
            await asyncio.sleep(3)
            idle = sampler.window(started, time.perf_counter())
            print(f"{'idle':<15} {len(idle):>5} {quantile(idle, .5):>8.1f} {quantile(idle, .95):>8.1f} "
                  f"{max(idle):>8.1f}", flush=True)
            for name, attack in ATTACKS:
                if args.only and name not in args.only:
                    continue
                started = time.perf_counter()
                try:
                    outcome = await attack(client, ctx)
                except httpx.HTTPError as exc:
                    outcome = f"client error {type(exc).__name__}"
                await asyncio.sleep(0.5)
                window = sampler.window(started, time.perf_counter())
                print(f"{name:<15} {len(window):>5} {quantile(window, .5):>8.1f} {quantile(window, .95):>8.1f} "
                      f"{max(window, default=float('nan')):>8.1f}  {outcome}", flush=True)
                await sampler.settle()
    finally:
        await sampler.stop()
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
        await drop_bench_database(url)


if __name__ == "__main__":
    asyncio.run(main())
