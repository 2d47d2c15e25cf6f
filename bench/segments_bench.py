"""Segment engine benchmark (not a test): full recompute and preview vs hand-written SQL and DuckDB.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/2 \
        python bench/segments_bench.py [--contacts 100000 --events 2000000 --orders 300000]

A deterministic generator (seed 42) loads contacts, events and orders through COPY into a separate
database (memberhub_bench_segments, dropped at the end), rebuilds computed properties, then for each
audience times: the engine's full recompute (steady state, after the first build), its preview
(count + sample), the same audience as hand-written SQL on PostgreSQL, and in DuckDB on the same
data (exported as CSV). Prints medians of 3 runs, ratios and the counts (which must match).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
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
         AND EXISTS (SELECT 1 FROM events e WHERE e.team_contact_id = c.id AND e.type = 'cart_abandoned'
                      AND e.occurred_at >= $2::timestamptz - interval '24 hours')
         AND NOT EXISTS (SELECT 1 FROM events p WHERE p.team_contact_id = c.id AND p.type = 'purchase'
                      AND p.occurred_at > (SELECT max(occurred_at) FROM events e2
                                            WHERE e2.team_contact_id = c.id AND e2.type = 'cart_abandoned'))""",
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
          AND EXISTS (SELECT 1 FROM events e WHERE e.team_contact_id = c.id AND e.type = 'page_view'
                       AND e.properties ->> 'device' = 'mobile')""",
    """SELECT count(*) FROM team_contacts c WHERE c.team_id = $1 AND (c.tags @> ARRAY['vip']
          OR c.id IN (SELECT team_contact_id FROM orders WHERE team_id = $1 AND status IN ('paid', 'partially_refunded')
                       AND placed_at >= $2::timestamptz - interval '90 days'
                     GROUP BY 1 HAVING sum(total_amount) > 50000))""",
]
HAND_DUCK = [
    """SELECT count(*) FROM team_contacts c WHERE c.lifecycle_stage IN ('engaged', 'converted', 'loyal')
         AND EXISTS (SELECT 1 FROM events e WHERE e.team_contact_id = c.id AND e.type = 'cart_abandoned'
                      AND e.occurred_at >= $now - INTERVAL 24 HOURS)
         AND NOT EXISTS (SELECT 1 FROM events p WHERE p.team_contact_id = c.id AND p.type = 'purchase'
                      AND p.occurred_at > (SELECT max(occurred_at) FROM events e2
                                            WHERE e2.team_contact_id = c.id AND e2.type = 'cart_abandoned'))""",
    """SELECT count(*) FROM team_contacts c
         JOIN (SELECT team_contact_id, max(occurred_at) AS m FROM events GROUP BY 1) a ON a.team_contact_id = c.id
        WHERE c.lifecycle_stage = 'loyal' AND a.m >= $now - INTERVAL 60 DAYS AND a.m < $now - INTERVAL 14 DAYS""",
    """SELECT count(*) FROM team_contacts c
         JOIN (SELECT team_contact_id, count(*) AS n, sum(total_amount) AS s FROM orders
                WHERE status IN ('paid', 'partially_refunded') GROUP BY 1) o ON o.team_contact_id = c.id
        WHERE c.country = 'GB' AND o.s > 25000 AND o.n > 2
          AND EXISTS (SELECT 1 FROM events e WHERE e.team_contact_id = c.id AND e.type = 'page_view'
                       AND e.device = 'mobile')""",
    """SELECT count(*) FROM team_contacts c WHERE list_contains(string_split(c.tags, '|'), 'vip')
          OR c.id IN (SELECT team_contact_id FROM orders WHERE status IN ('paid', 'partially_refunded')
                       AND placed_at >= $now - INTERVAL 90 DAYS GROUP BY 1 HAVING sum(total_amount) > 50000)""",
]


def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> list[str]:
    return [name for name, weight in pairs for _ in range(weight)]


def _recent(rng: random.Random, now: datetime, mean_days: float, cap_days: int = 365) -> datetime:
    return now - timedelta(seconds=int(min(rng.expovariate(1 / mean_days), cap_days) * 86400))


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
    # Skewed activity: a fifth of the contacts produce most events and orders.
    active = contact_ids[: len(contact_ids) // 5]

    def pick() -> int:
        return rng.choice(active) if rng.random() < 0.7 else rng.choice(contact_ids)

    batch: list[tuple] = []
    for i in range(n_events):
        kind = rng.choice(types)
        props = ('{"device": "%s"}' % ("mobile" if rng.random() < 0.45 else "desktop")) if kind == "page_view" else "{}"
        at = _recent(rng, now, 30)
        batch.append((team_id, pick(), kind, at, at, props))
        if len(batch) == 200_000 or i == n_events - 1:
            await conn.copy_records_to_table("events", records=batch, columns=[
                "team_id", "team_contact_id", "type", "occurred_at", "received_at", "properties"])
            batch = []
    orders = []
    for _ in range(n_orders):
        status = "paid" if rng.random() < 0.9 else rng.choice(["refunded", "failed", "pending"])
        orders.append((team_id, pick(), status, "usd", rng.randint(500, 30000), _recent(rng, now, 120, 730), now))
    await conn.copy_records_to_table("orders", records=orders, columns=[
        "team_id", "team_contact_id", "status", "currency", "total_amount", "placed_at", "created_at"])
    await conn.execute("ANALYZE")
    return contact_ids


async def _timed(fn, runs: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = await fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def _duck(conn_pg_dump: dict[str, Path], now: datetime):
    import duckdb

    duck = duckdb.connect()
    contacts_csv = conn_pg_dump["team_contacts"]
    duck.execute(f"CREATE TABLE team_contacts AS SELECT * FROM read_csv('{contacts_csv}', header=true)")
    duck.execute(f"CREATE TABLE events AS SELECT * FROM read_csv('{conn_pg_dump['events']}', header=true, "
                 "types={'occurred_at': 'TIMESTAMPTZ'})")
    duck.execute(f"CREATE TABLE orders AS SELECT * FROM read_csv('{conn_pg_dump['orders']}', header=true, "
                 "types={'placed_at': 'TIMESTAMPTZ'})")
    return duck


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=2_000_000)
    parser.add_argument("--orders", type=int, default=300_000)
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    args = parser.parse_args()

    os.environ["MEMBERHUB_REDIS_PREFIX"] = "mhbench"
    from benchdb import open_bench_database

    from app import runtime
    from app.db import drop_database

    url = await open_bench_database(BENCH_DB)
    from tortoise import connections

    from app.segments import service
    from app.segments.stats import rebuild_computed_properties
    from app.teams.service import create_team

    team, _, _ = await create_team("Bench", "bench@example.com")
    now = datetime.now(UTC)
    client = connections.get("default")
    start = time.perf_counter()
    async with client.acquire_connection() as conn:
        await _load(conn, team.id, args.contacts, args.events, args.orders, now)
    print(f"loaded {args.contacts} contacts, {args.events} events, {args.orders} orders in "
          f"{time.perf_counter() - start:.1f}s", flush=True)
    start = time.perf_counter()
    await rebuild_computed_properties(team.id)
    async with client.acquire_connection() as conn:
        await conn.execute("ANALYZE contact_stats; ANALYZE contact_event_stats")
    print(f"computed properties rebuilt in {time.perf_counter() - start:.1f}s", flush=True)

    tmp = Path(tempfile.mkdtemp(prefix="segbench"))
    dumps = {name: tmp / f"{name}.csv" for name in ("team_contacts", "events", "orders")}
    async with client.acquire_connection() as conn:
        await conn.copy_from_query(
            "SELECT id, country, lifecycle_stage, array_to_string(tags, '|') AS tags FROM team_contacts",
            output=str(dumps["team_contacts"]), format="csv", header=True)
        await conn.copy_from_query(
            "SELECT team_contact_id, type, occurred_at, properties ->> 'device' AS device FROM events",
            output=str(dumps["events"]), format="csv", header=True)
        await conn.copy_from_query(
            "SELECT team_contact_id, status, total_amount, placed_at FROM orders",
            output=str(dumps["orders"]), format="csv", header=True)
    duck = _duck(dumps, now)

    rows = []
    for (name, text), hand_pg, hand_duck in zip(RULES, HAND_PG, HAND_DUCK, strict=True):
        now = datetime.now(UTC)  # the engine measures windows from the current time; so do the baselines
        first_start = time.perf_counter()
        segment = await service.create_segment(team, name, "dynamic", rule_text=text)
        first_ms = (time.perf_counter() - first_start) * 1000
        engine_ms, _ = await _timed(lambda s=segment: service.recompute(team, s))
        preview_ms, preview = await _timed(lambda t=text: service.preview(team, t, None))

        async def pg_count(sql: str = hand_pg, now: datetime = now) -> int:
            async with client.acquire_connection() as conn:
                return await conn.fetchval(sql, *((team.id, now) if "$2" in sql else (team.id,)))

        hand_ms, hand_count = await _timed(pg_count)

        async def duck_count(sql: str = hand_duck, now: datetime = now) -> int:
            return duck.execute(sql, {"now": now} if "$now" in sql else None).fetchone()[0]

        duck_ms, duck_count_value = await _timed(duck_count)
        await segment.refresh_from_db()
        rows.append((name, first_ms, engine_ms, preview_ms, hand_ms, duck_ms, segment.member_count,
                     preview.count, hand_count, duck_count_value))
        print(f"  {name}: done", flush=True)

    header = (f"{'audience':<22}{'first':>9}{'engine':>9}{'preview':>9}{'hand PG':>9}{'DuckDB':>9}"
              f"{'eng/PG':>8}{'eng/Duck':>9}  counts (engine, preview, PG, DuckDB)")
    print("\n" + header + "\n" + "-" * len(header))
    for name, first, engine, prev, hand, dk, members, pcount, hcount, dcount in rows:
        match = "ok" if members == pcount == hcount == dcount else "MISMATCH"
        print(f"{name:<22}{first:>8.0f} {engine:>8.0f} {prev:>8.0f} {hand:>8.0f} {dk:>8.0f} {engine / hand:>7.2f} "
              f"{engine / dk:>8.2f}  {members}, {pcount}, {hcount}, {dcount} {match}")
    print("\nms, median of 3. first = create + first full build (writes every member); engine = full recompute"
          " once built (diff, nothing to write); preview = count + 10-contact sample.")
    await runtime.close_orm()
    if not args.keep:
        await drop_database(url)


if __name__ == "__main__":
    asyncio.run(main())
