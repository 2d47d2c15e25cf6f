"""Segment engine benchmark (not a test): full recompute and preview vs hand-written SQL and DuckDB.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/2 \
        python bench/segments_bench.py [--contacts 100000 --events 2000000 --orders 300000]
    python bench/segments_bench.py --contacts 10000,100000,1000000     # scale: 20 events, 3 orders each

A deterministic generator (seed 42 for contacts, PostgreSQL's setseed for events and orders) loads
the data into a separate database (memberhub_bench_segments, dropped at the end), rebuilds computed
properties, then for each audience times: the first build (create + write every member), the
engine's full recompute (steady state: the diff, nothing to write), its preview (count + sample),
the same audience as hand-written SQL on PostgreSQL, and in DuckDB. Medians of 3; counts must match.

What each side reads. The engine reads team_contacts, the computed properties (contact_stats,
contact_event_stats) and, where a rule needs them, events and orders. DuckDB gets exactly those
inputs, exported from PostgreSQL (the computed-property columns included), and its statements read
what the engine reads, so engine / DuckDB compares engines, not data models. The hand-written
PostgreSQL statements read raw events and orders only (what one writes without computed properties).

With several sizes (`--contacts 10000,100000,...`) every size gets 20 events and 3 orders per contact
and the bench prints, per size, the load time, first build, recompute, preview (summed over the
audiences), the PostgreSQL backends' peak private memory and temporary-file bytes, then the growth
exponent between sizes: log(cost ratio) / log(size ratio), 1.0 = cost grows as the data.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

BENCH_DB = "memberhub_bench_segments"
TYPES = [("page_view", 45), ("email_open", 20), ("email_click", 8), ("search", 12), ("lesson_completed", 8),
         ("cart_abandoned", 4), ("purchase", 3)]
STAGES = ["subscriber", "lead", "engaged", "converted", "loyal", "at_risk", "churned"]
COUNTRIES = [("US", 40), ("GB", 12), ("CA", 8), ("DE", 10), ("FR", 8), ("AU", 6), ("NL", 4), ("IN", 12)]

RULES = [
    ("cart abandoners", """lifecycleStage in (engaged, converted, loyal)
AND last event of type 'cart_abandoned' within 24 hours
AND no event of type 'purchase' since that cart_abandoned"""),
    ("lapsing loyal",
     "lifecycleStage = 'loyal' AND lastActivityAt within 60 days AND lastActivityAt not within 14 days"),
    ("GB mobile spenders",
     "totalSpent > 250 AND country = 'GB' AND any event of type 'page_view' has device = 'mobile' "
     "AND count of orders > 2"),
    ("90-day spend or vip", "sum of orders.total within 90 days > 500 OR tags contains 'vip'"),
]

# Hand-written counts: $1 team id, $2 now (PostgreSQL); DuckDB gets the same statements with its own tables.
HAND_PG = [
    """SELECT count(*) FROM team_contacts c WHERE c.team_id = $1
         AND c.lifecycle_stage IN ('engaged', 'converted', 'loyal')
         AND EXISTS (SELECT 1 FROM events e WHERE e.team_id = $1 AND e.team_contact_id = c.id
                      AND e.type = 'cart_abandoned' AND e.occurred_at >= $2::timestamptz - interval '24 hours')
         AND NOT EXISTS (SELECT 1 FROM events p WHERE p.team_id = $1 AND p.team_contact_id = c.id
                      AND p.type = 'purchase'
                      AND p.occurred_at > (SELECT max(occurred_at) FROM events e2 WHERE e2.team_id = $1
                                            AND e2.team_contact_id = c.id AND e2.type = 'cart_abandoned'))""",
    """SELECT count(*) FROM team_contacts c
         JOIN (SELECT team_contact_id, max(occurred_at) AS m FROM events WHERE team_id = $1 GROUP BY 1) a
           ON a.team_contact_id = c.id
        WHERE c.team_id = $1 AND c.lifecycle_stage = 'loyal' AND a.m >= $2::timestamptz - interval '60 days'
          AND a.m < $2::timestamptz - interval '14 days'""",
    """SELECT count(*) FROM team_contacts c
         JOIN (SELECT team_contact_id, count(*) AS n, sum(total_amount) AS s FROM orders
                WHERE team_id = $1 AND status IN ('paid', 'partially_refunded') GROUP BY 1) o
           ON o.team_contact_id = c.id
        WHERE c.team_id = $1 AND c.country = 'GB' AND o.s > 25000 AND o.n > 2
          AND EXISTS (SELECT 1 FROM events e WHERE e.team_id = $1 AND e.team_contact_id = c.id
                       AND e.type = 'page_view' AND e.properties ->> 'device' = 'mobile')""",
    """SELECT count(*) FROM team_contacts c WHERE c.team_id = $1 AND (c.tags @> ARRAY['vip']
          OR c.id IN (SELECT team_contact_id FROM orders WHERE team_id = $1 AND status IN ('paid', 'partially_refunded')
                       AND placed_at >= $2::timestamptz - interval '90 days'
                     GROUP BY 1 HAVING sum(total_amount) > 50000))""",
]
HAND_DUCK = [  # the engine's inputs: computed properties where it reads them, raw rows where it does
    """SELECT count(*) FROM team_contacts c
         JOIN contact_event_stats e1 ON e1.team_contact_id = c.id AND e1.type = 'cart_abandoned'
         LEFT JOIN contact_event_stats e2 ON e2.team_contact_id = c.id AND e2.type = 'purchase'
        WHERE c.lifecycle_stage IN ('engaged', 'converted', 'loyal') AND e1.last_at >= $now - INTERVAL 24 HOURS
          AND (e2.last_at IS NULL OR e2.last_at <= e1.last_at)""",
    """SELECT count(*) FROM team_contacts c JOIN contact_stats s ON s.team_contact_id = c.id
        WHERE c.lifecycle_stage = 'loyal' AND s.last_activity_at >= $now - INTERVAL 60 DAYS
          AND s.last_activity_at < $now - INTERVAL 14 DAYS""",
    """SELECT count(*) FROM team_contacts c JOIN contact_stats s ON s.team_contact_id = c.id
        WHERE c.country = 'GB' AND s.total_spent > 25000 AND s.order_count > 2
          AND EXISTS (SELECT 1 FROM events e WHERE e.team_contact_id = c.id AND e.type = 'page_view'
                       AND e.device = 'mobile')""",
    """SELECT count(*) FROM team_contacts c WHERE list_contains(string_split(c.tags, '|'), 'vip')
          OR c.id IN (SELECT team_contact_id FROM orders WHERE status IN ('paid', 'partially_refunded')
                       AND placed_at >= $now - INTERVAL 90 DAYS GROUP BY 1
                      HAVING sum(total_amount - amount_refunded) > 50000)""",
]


def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> list[str]:
    return [name for name, weight in pairs for _ in range(weight)]


def _recent(rng: random.Random, now: datetime, mean_days: float, cap_days: int = 365) -> datetime:
    return now - timedelta(seconds=int(min(rng.expovariate(1 / mean_days), cap_days) * 86400))


# Events and orders are generated by PostgreSQL itself (after `setseed`, the same rows every run):
# 20M rows built in Python took longer than the whole 15-minute budget for 1M contacts.
_EVENTS_SQL = """
INSERT INTO events (team_id, team_contact_id, type, occurred_at, received_at, properties)
SELECT $1::bigint, x.cid, x.type, x.at, x.at,
       CASE WHEN x.type = 'page_view'
            THEN jsonb_build_object('device', CASE WHEN random() < 0.45 THEN 'mobile' ELSE 'desktop' END)
            ELSE '{}'::jsonb END
  FROM (SELECT ($2::bigint[])[1 + floor(CASE WHEN random() < 0.7 THEN random() * $4 ELSE random() * $5 END)::int]
                   AS cid,
               ($6::text[])[1 + floor(random() * cardinality($6::text[]))::int] AS type,
               $7::timestamptz - make_interval(secs => least(-ln(1 - random()) * 30 * 86400, 365 * 86400)) AS at
          FROM generate_series(1, $3::int)) x
"""
_ORDERS_SQL = """
INSERT INTO orders (team_id, team_contact_id, status, currency, total_amount, placed_at, created_at)
SELECT $1::bigint, x.cid, CASE WHEN x.r < 0.9 THEN 'paid' ELSE (ARRAY['refunded', 'failed', 'pending'])[
           1 + floor(random() * 3)::int] END,
       'usd', 500 + floor(random() * 29501)::bigint,
       $6::timestamptz - make_interval(secs => least(-ln(1 - random()) * 120 * 86400, 730 * 86400)), $6::timestamptz
  FROM (SELECT ($2::bigint[])[1 + floor(CASE WHEN random() < 0.7 THEN random() * $4 ELSE random() * $5 END)::int]
                   AS cid, random() AS r
          FROM generate_series(1, $3::int)) x
"""


async def _without_indexes(conn, tables: list[str], load) -> None:
    """Run `load` with the tables' secondary indexes dropped, then build them again: one sorted
    build per index instead of millions of random inserts into them."""
    defs = await conn.fetch(
        "SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i"
        " WHERE i.indrelid = ANY($1::regclass[]) AND NOT i.indisprimary"
        " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)", tables)
    for d in defs:
        await conn.execute(f"DROP INDEX {d['name']}")
    await load()
    await conn.execute("SET maintenance_work_mem = '512MB'")
    for d in defs:
        await conn.execute(d["def"])
    await conn.execute("RESET maintenance_work_mem")


async def _load(conn, team_id: int, n_contacts: int, n_events: int, n_orders: int, now: datetime) -> list[int]:
    rng = random.Random(42)
    countries = _weighted(rng, COUNTRIES)
    types = _weighted(rng, TYPES)
    emails = [f"c{i}@bench.example" for i in range(n_contacts)]
    await conn.copy_records_to_table("contacts", records=[(e, now) for e in emails], columns=["email", "created_at"])
    ids = dict(await conn.fetch("SELECT email, id FROM contacts"))
    contacts = []
    for e in emails:
        tags = ["vip"] if rng.random() < 0.03 else (["newsletter"] if rng.random() < 0.3 else [])
        contacts.append((team_id, ids[e], e, rng.choice(countries), rng.choice(STAGES), tags, "{}",
                         _recent(rng, now, 200, 900), now))
    await conn.copy_records_to_table("team_contacts", records=contacts, columns=[
        "team_id", "contact_id", "email", "country", "lifecycle_stage", "tags", "custom", "created_at", "updated_at"])
    contact_ids = [r["id"] for r in await conn.fetch("SELECT id FROM team_contacts ORDER BY id")]
    # Skewed activity: a fifth of the contacts (the first ones) produce 70% of events and orders.
    active = max(1, len(contact_ids) // 5)

    async def rows() -> None:
        await conn.execute("SELECT setseed(0.42)")
        await conn.execute(_EVENTS_SQL, team_id, contact_ids, n_events, active, len(contact_ids), types, now)
        await conn.execute(_ORDERS_SQL, team_id, contact_ids, n_orders, active, len(contact_ids), now)

    await _without_indexes(conn, ["events", "orders"], rows)
    # Vacuumed as well as analyzed: the visibility map lets covering indexes answer without the heap,
    # and autovacuum has nothing left to start on the fresh tables during the measurements.
    await conn.execute("VACUUM (ANALYZE)")
    return contact_ids


async def _timed_result(fn, runs: int = 3) -> tuple[float, str, object]:
    """Median ms of `runs` calls, the min-max spread as text, and the last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = await fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), f"{min(times):.0f}-{max(times):.0f}", result


async def _timed(fn, runs: int = 3) -> tuple[float, str]:
    median, spread, _ = await _timed_result(fn, runs)
    return median, spread


def _duck(dumps: dict[str, Path]):
    import duckdb

    duck = duckdb.connect()
    times = {"events": ["occurred_at"], "orders": ["placed_at"], "contact_stats": ["last_activity_at"],
             "contact_event_stats": ["last_at"]}
    for name, path in dumps.items():
        types = ", ".join(f"'{column}': 'TIMESTAMPTZ'" for column in times.get(name, []))
        duck.execute(f"CREATE TABLE {name} AS SELECT * FROM read_csv('{path}', header=true"
                     + (f", types={{{types}}})" if types else ")"))
    return duck


# What DuckDB is given: the columns the engine's statements read, computed properties included.
_EXPORTS = {
    "team_contacts": "SELECT id, country, lifecycle_stage, array_to_string(tags, '|') AS tags FROM team_contacts",
    "contact_stats": ("SELECT team_contact_id, last_activity_at, total_spent, order_count, event_count"
                      " FROM contact_stats"),
    "contact_event_stats": "SELECT team_contact_id, type, count, last_at FROM contact_event_stats",
    "events": "SELECT team_contact_id, type, occurred_at, properties ->> 'device' AS device FROM events",
    "orders": "SELECT team_contact_id, status, total_amount, amount_refunded, placed_at FROM orders",
}


class BackendMemory:
    """Peak private memory (RssAnon) of the PostgreSQL backends serving this database, sampled
    every 20 ms from /proc (the server runs on this machine): the engine's working memory."""

    def __init__(self, database: str) -> None:
        self.database = database
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.pids: set[int] = set()

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            for pid in list(self.pids):
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                for line in status.splitlines():
                    if line.startswith("RssAnon:"):
                        self.peak_kb = max(self.peak_kb, int(line.split()[1]))

    async def refresh(self, conn) -> None:
        self.pids = {r[0] for r in await conn.fetch(
            "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'", self.database)}

    def __enter__(self) -> BackendMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _print_rows(title: str, rows: list[tuple]) -> None:
    header = (f"{'audience':<22}{'first':>9}{'engine':>9}{'preview':>9}{'hand PG':>9}{'DuckDB':>9}"
              f"{'eng/PG':>8}{'eng/Duck':>9}  counts (engine, preview, PG, DuckDB)")
    print(f"\n{title}\n" + header + "\n" + "-" * len(header))
    for name, first, engine, prev, hand, dk, members, pcount, hcount, dcount in rows:
        match = "ok" if members == pcount == hcount == dcount else "MISMATCH"
        print(f"{name:<22}{first:>8.0f} {engine:>8.0f} {prev:>8.0f} {hand:>8.0f} {dk:>8.1f} {engine / hand:>7.2f} "
              f"{engine / dk:>8.2f}  {members}, {pcount}, {hcount}, {dcount} {match}")
    print("ms, median of 3 calls. first = create + first full build (writes every member); engine = full recompute"
          " once built (diff, nothing to write); preview = count + 10-contact sample.", flush=True)


async def _one_size(args: argparse.Namespace, n_contacts: int, n_events: int, n_orders: int, last: bool) -> dict:
    from benchdb import open_bench_database

    from app import runtime
    from app.db import drop_database

    template = f"{BENCH_DB}_tpl_{n_contacts}_{n_events}_{n_orders}"
    reused = False
    start = time.perf_counter()
    made_load_s: float | None = None
    if args.reuse:
        from benchdb import restore_template, template_load_seconds

        from app.db import with_database

        bench_url = with_database(runtime.resolve_database_url(), BENCH_DB)
        made_load_s = await template_load_seconds(bench_url, template)
        reused = await restore_template(bench_url, template)
    url = await open_bench_database(BENCH_DB, reuse=reused)
    from tortoise import connections

    from app.segments import service
    from app.segments.models import Segment
    from app.segments.stats import rebuild_computed_properties
    from app.teams.models import Team
    from app.teams.service import create_team

    client = connections.get("default")
    if reused:
        team = await Team.get(name="Bench")
        restore_s = time.perf_counter() - start
        async with client.acquire_connection() as conn:
            made = (await conn.fetchval("SELECT max(created_at) FROM orders")).astimezone(UTC)
        # The scale table shows the load itself (kept with the template), not the copy of it.
        load_s = made_load_s if made_load_s is not None else restore_s
        print(f"reused {template} (generated {made:%Y-%m-%d %H:%M} UTC, loaded then in "
              f"{made_load_s if made_load_s is not None else float('nan'):.0f}s) in {restore_s:.1f}s", flush=True)
    else:
        team, _, _ = await create_team("Bench", "bench@example.com")
        now = datetime.now(UTC)
        async with client.acquire_connection() as conn:
            await _load(conn, team.id, n_contacts, n_events, n_orders, now)
        load_s = time.perf_counter() - start
        print(f"loaded {n_contacts} contacts, {n_events} events, {n_orders} orders in {load_s:.1f}s", flush=True)
        if args.reuse:  # the raw rows only: computed properties are rebuilt by every run, as below
            from benchdb import save_template

            await save_template(url, template, load_s)
            client = connections.get("default")
            print(f"saved as {template} for the next --reuse run", flush=True)
    if args.load_only:  # the template is there (loaded now, or found): measuring is another run's job
        await runtime.close_orm()
        await drop_database(url)
        return {"contacts": n_contacts, "load_s": load_s}
    start = time.perf_counter()
    async with client.acquire_connection() as conn, conn.transaction():
        await conn.execute("SET LOCAL work_mem = '256MB'")
        await rebuild_computed_properties(team.id, conn)
    async with client.acquire_connection() as conn:
        await conn.execute("VACUUM (ANALYZE) contact_stats, contact_event_stats")
    rebuild_s = time.perf_counter() - start
    print(f"computed properties rebuilt in {rebuild_s:.1f}s", flush=True)
    async with client.acquire_connection() as conn:
        await conn.execute("CHECKPOINT")  # the load's dirty pages are written now, not mid-measurement

    tmp = Path(tempfile.mkdtemp(prefix="segbench"))
    dumps = {name: tmp / f"{name}.csv" for name in _EXPORTS}
    async with client.acquire_connection() as conn:
        for name, sql in _EXPORTS.items():
            await conn.copy_from_query(sql, output=str(dumps[name]), format="csv", header=True)
    duck = _duck(dumps)
    for path in dumps.values():
        path.unlink()

    memory = BackendMemory(BENCH_DB)
    async with client.acquire_connection() as conn:
        temp_before = await conn.fetchval("SELECT temp_bytes FROM pg_stat_database WHERE datname = $1", BENCH_DB)
    rounds: list[list[tuple]] = []
    with memory:
        for round_no in range(args.rounds):
            rows = []
            audiences = enumerate(zip(RULES, HAND_PG, HAND_DUCK, strict=True), start=1)
            for number, ((name, text), hand_pg, hand_duck) in audiences:
                if args.only and str(number) not in args.only.split(","):
                    continue
                async with client.acquire_connection() as conn:
                    await memory.refresh(conn)
                first_start = time.perf_counter()
                segment = await service.create_segment(team, name, "dynamic", rule_text=text)
                first_ms = (time.perf_counter() - first_start) * 1000
                async with client.acquire_connection() as conn:
                    await memory.refresh(conn)
                # Every side measures its windows from this one instant: at 1M the engine's calls take
                # seconds, long enough for an order to leave a 90-day window between two sides.
                now = datetime.now(UTC)
                engine_ms, _ = await _timed(lambda s=segment, n=now: service.recompute(team, s, now=n))
                preview_ms, _, preview = await _timed_result(
                    lambda t=text, n=now: service.preview(team, t, None, now=n))

                async def pg_count(sql: str = hand_pg, now: datetime = now) -> int:
                    async with client.acquire_connection() as conn:
                        return await conn.fetchval(sql, *((team.id, now) if "$2" in sql else (team.id,)))

                hand_ms, _, hand_count = await _timed_result(pg_count)

                async def duck_count(sql: str = hand_duck, now: datetime = now) -> int:
                    return duck.execute(sql, {"now": now} if "$now" in sql else None).fetchone()[0]

                duck_ms, _, duck_count_value = await _timed_result(duck_count)
                await segment.refresh_from_db()
                rows.append((name, first_ms, engine_ms, preview_ms, hand_ms, duck_ms, segment.member_count,
                             preview.count, hand_count, duck_count_value))
                await Segment.filter(id=segment.id).delete()  # the next round builds it again
            _print_rows(f"{n_contacts} contacts, round {round_no + 1} of {args.rounds}", rows)
            rounds.append(rows)
    async with client.acquire_connection() as conn:
        temp_bytes = await conn.fetchval(
            "SELECT temp_bytes FROM pg_stat_database WHERE datname = $1", BENCH_DB) - temp_before
    # Per audience and column: the median over the rounds (each itself a median of 3 calls).
    rows = [(group[0][0], *(statistics.median(r[i] for r in group) for i in range(1, 6)), *group[-1][6:])
            for group in zip(*rounds, strict=True)]
    if args.rounds > 1:
        _print_rows(f"{n_contacts} contacts, median of {args.rounds} rounds", rows)
        print("spread over the rounds (min-max ms): " + "; ".join(
            f"{group[0][0]}: engine {min(r[2] for r in group):.0f}-{max(r[2] for r in group):.0f}, "
            f"preview {min(r[3] for r in group):.0f}-{max(r[3] for r in group):.0f}, "
            f"DuckDB {min(r[5] for r in group):.1f}-{max(r[5] for r in group):.1f}"
            for group in zip(*rounds, strict=True)))
    print(f"PostgreSQL backends' peak private memory {memory.peak_kb / 1024:.0f} MB; temporary files "
          f"{temp_bytes / 2**20:.1f} MB; this process's peak RSS (DuckDB included) "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    await runtime.close_orm()
    if not (args.keep and last):
        await drop_database(url)
    return {"contacts": n_contacts, "load_s": load_s, "rebuild_s": rebuild_s,
            "first": sum(r[1] for r in rows), "recompute": sum(r[2] for r in rows),
            "preview": sum(r[3] for r in rows), "duck": sum(r[5] for r in rows),
            "preview_max": max((r[3] for r in rows), default=0), "memory_mb": memory.peak_kb / 1024,
            "temp_mb": temp_bytes / 2**20, "audiences": [(r[0], r[2], r[3], r[5]) for r in rows]}


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", default="100000",
                        help="a size, or comma-separated sizes for the scale table (20 events, 3 orders each)")
    parser.add_argument("--events", type=int, default=None, help="one size only (default 20 per contact)")
    parser.add_argument("--orders", type=int, default=None, help="one size only (default 3 per contact)")
    parser.add_argument("--keep", action="store_true", help="keep the (last) bench database")
    parser.add_argument("--reuse", action="store_true",
                        help="restore the raw data set (contacts, events, orders) from the template an earlier"
                             " --reuse run of the same sizes saved, or load it and save that template; computed"
                             " properties are rebuilt either way. Its windows age with the template.")
    parser.add_argument("--load-only", action="store_true",
                        help="with --reuse: load the data set and save its template (or find it), measure nothing;"
                             " a 1M load holds the machine for minutes, so it gets its own run")
    parser.add_argument("--only", help="comma-separated audience numbers (1-4) to measure, default all")
    parser.add_argument("--rounds", type=int, default=1,
                        help="measure every audience this many times on one load (medians and spread printed)")
    parser.add_argument("--result-file", help=argparse.SUPPRESS)  # one size, run by the scale table
    args = parser.parse_args()
    if args.load_only and not args.reuse:
        parser.error("--load-only needs --reuse (it saves the template that --reuse runs restore)")
    sizes = [int(n) for n in args.contacts.split(",")]
    os.environ["MEMBERHUB_REDIS_PREFIX"] = "mhbench"
    if len(sizes) == 1:
        n = sizes[0]
        events = args.events if args.events is not None else (2_000_000 if n == 100_000 else 20 * n)
        orders = args.orders if args.orders is not None else (300_000 if n == 100_000 else 3 * n)
        result = await _one_size(args, n, events, orders, last=True)
        if args.result_file:
            Path(args.result_file).write_text(json.dumps(result))
        return
    results = []
    for n in sizes:  # one process per size: a fresh ORM, and its own peak memory
        out = Path(tempfile.mkdtemp(prefix="segscale")) / "result.json"
        subprocess.run([sys.executable, __file__, "--contacts", str(n), "--events", str(20 * n),
                        "--orders", str(3 * n), "--rounds", str(args.rounds), "--result-file", str(out),
                        *(["--reuse"] if args.reuse else []), *(["--load-only"] if args.load_only else []),
                        *(["--only", args.only] if args.only else [])], check=True)
        if not args.load_only:
            results.append(json.loads(out.read_text()))
    if args.load_only:
        return
    print("\nscale (sums over the four audiences, ms; load and rebuild in s)")
    print(f"{'contacts':>10}{'load':>8}{'rebuild':>9}{'first':>9}{'recompute':>11}{'preview':>9}"
          f"{'max prev':>9}{'DuckDB':>8}{'PG MB':>7}{'temp MB':>8}")
    for r in results:
        print(f"{r['contacts']:>10}{r['load_s']:>8.0f}{r['rebuild_s']:>9.0f}{r['first']:>9.0f}"
              f"{r['recompute']:>11.0f}{r['preview']:>9.0f}{r['preview_max']:>9.0f}{r['duck']:>8.0f}"
              f"{r['memory_mb']:>7.0f}{r['temp_mb']:>8.1f}")
    print("per audience (recompute / preview / DuckDB ms): " + " | ".join(
        f"{r['contacts']}: " + ", ".join(f"{name} {e:.0f}/{p:.0f}/{d:.1f}" for name, e, p, d in r["audiences"])
        for r in results))
    print("growth exponent log(cost ratio) / log(size ratio) (target <= 1.1):")
    for a, b in itertools.pairwise(results):
        ratio = math.log(b["contacts"] / a["contacts"])
        parts = [f"{k} {math.log(b[k] / a[k]) / ratio:.2f}" for k in ("load_s", "first", "recompute", "preview")
                 if a[k] > 0 and b[k] > 0]
        print(f"  {a['contacts']} -> {b['contacts']}: " + ", ".join(parts))


if __name__ == "__main__":
    asyncio.run(main())
