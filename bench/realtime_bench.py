"""Real-time membership benchmark (not a test): sustained events over HTTP in, membership changes out.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/2 \
        python bench/realtime_bench.py [--contacts 100000 --events 2000000 --orders 300000 \
                                        --rate 1000 --seconds 60 --workers 2]

Loads the segment benchmark's deterministic data set (seed 42) into its own database, creates 100
dynamic segments of mixed kinds (the seed rules included), then starts one API process
(`memberhub serve`) and `--workers` worker processes (`memberhub worker`), subscribes to every
segment over a websocket (by default one `segmentMembershipChanges` subscription over all of them, one
message per committed batch; `--subscription per-segment` opens 50 `segmentMembershipChanged`
subscriptions, one message per change), and drives `--rate` events/s for `--seconds` from a
separate process through `POST /api/v1/teams/{id}/events` (batches every 50 ms, open loop).
Prints events accepted/s, ingest latency, and for every change caused by a driven event the
latency from sending the event to the change being committed (its `committedAt`) and to the
subscription message arriving. Finally recomputes every segment from scratch and counts
differences from the live memberships (must be zero).

`--reuse` keeps the loaded data set as a template database and later runs start from a copy of
it (seconds instead of a two-minute load). Per-minute p95s are always printed; `--timeline` adds
them per 5 s. `--seconds 600` is the ten-minute run. `--ramp 500,1000,1500,...` drives each rate
for `--step-seconds` (after the queue drained) and prints the highest rate whose commit p95 stays
at or under 1 s: run it with `--workers 1` and `--workers 2` for the throughput per worker count.

Before driving, the bench runs VACUUM (ANALYZE) and CHECKPOINT: otherwise autovacuum starts on
the freshly loaded tables and a checkpoint flushes the load mid-run (the two largest sources of
run-to-run variance); each step prints the checkpoints and autovacuum runs that happened during it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

BENCH_DB = "memberhub_bench_realtime"
PORT = 18801
TICK = 0.05  # seconds between batches
EVENT_MIX = [("page_view", 45), ("email_open", 20), ("email_click", 8), ("search", 12), ("lesson_completed", 8),
             ("cart_abandoned", 4), ("purchase", 3)]


def segment_rules(count: int = 100) -> list[tuple[str, str]]:
    """`count` dynamic segments of mixed kinds: the segment benchmark's four, then per event type a
    recent-event, a windowed count and an absence rule, contact fields, property filters, order
    windows and references. Every one is created (and so checked) before the load starts."""
    from segments_bench import COUNTRIES, RULES

    rules = list(RULES)
    types = [t for t, _ in EVENT_MIX]
    for t in types:
        rules.append((f"{t} this week", f"any event of type '{t}' within 7 days"))
        rules.append((f"frequent {t}", f"count of events of type '{t}' within 30 days >= 8"))
        rules.append((f"no {t} lately", f"eventCount > 20 AND no event of type '{t}' within 14 days"))
    for stage in ("subscriber", "lead", "engaged", "converted", "loyal", "at_risk", "churned"):
        rules.append((f"active {stage}", f"lifecycleStage = '{stage}' AND lastActivityAt within 7 days"))
    rules += [
        ("mobile browsers", "any event of type 'page_view' has device = 'mobile' within 3 days"),
        ("north america heavy", "country in ('US', 'CA') AND eventCount > 60"),
        ("vip clickers", "tags contains 'vip' AND any event of type 'email_click' within 30 days"),
        ("searchers", "searchCount >= 10"),
        ("learners", "contentConsumed >= 5 AND lastActivityAt within 30 days"),
        ("not churned, active today", "NOT (lifecycleStage = 'churned') AND lastActivityAt within 1 days"),
        ("quiet", "lastActivityAt not within 30 days"),
        ("big spenders", "totalSpent > 2000"),
        ("repeat buyers recent", "count of orders > 3 AND lastOrderAt within 90 days"),
        ("US cart abandoners", "in segment 'cart abandoners' AND country = 'US'"),
        ("engaged openers", "lifecycleStage in (engaged, converted) AND count of events of type 'email_open' "
                            "within 14 days >= 3"),
        ("newsletter readers", "tags contains 'newsletter' AND any event of type 'email_open' within 7 days"),
        ("GB or DE active", "(country = 'GB' OR country = 'DE') AND lastActivityAt within 3 days"),
        ("abandoned, no purchase", "any event of type 'cart_abandoned' within 3 days "
                                   "AND no event of type 'purchase' since that cart_abandoned"),
        ("lapsing any", "lastActivityAt within 60 days AND lastActivityAt not within 14 days"),
        ("desktop only", "any event of type 'page_view' has device = 'desktop' within 7 days "
                         "AND NOT (any event of type 'page_view' has device = 'mobile' within 7 days)"),
        ("loyal or vip buyers", "(lifecycleStage = 'loyal' OR tags contains 'vip') AND orderCount >= 1"),
        ("at risk, searching", "lifecycleStage = 'at_risk' AND count of events of type 'search' within 3 days >= 1"),
    ]
    # Beyond the first 50: more windows, thresholds, countries and order aggregates.
    for t in types:
        rules.append((f"busy {t} today", f"count of events of type '{t}' within 1 days >= 2"))
        rules.append((f"{t} last 3 days", f"any event of type '{t}' within 3 days AND eventCount > 10"))
        rules.append((f"{t} lapsed a month",
                      f"no event of type '{t}' within 30 days AND lastActivityAt within 60 days"))
    for country, _ in COUNTRIES:
        rules.append((f"{country} active fortnight", f"country = '{country}' AND lastActivityAt within 14 days"))
        rules.append((f"{country} spenders", f"country = '{country}' AND sum of orders.total within 90 days > 200"))
    rules += [
        ("30-day spend", "sum of orders.total within 30 days > 100"),
        ("two orders this half-year", "count of orders within 180 days >= 2"),
        ("mobile power users", "count of events of type 'page_view' has device = 'mobile' within 7 days >= 3"),
        ("mobile lately, loyal", "lifecycleStage = 'loyal' AND any event of type 'page_view' has device = 'mobile' "
                                 "within 1 days"),
        ("clicked, no purchase", "any event of type 'email_click' within 7 days AND no event of type 'purchase' "
                                 "within 30 days"),
        ("converted spenders", "lifecycleStage = 'converted' AND totalSpent > 500"),
        ("opens but no clicks", "count of events of type 'email_open' within 30 days >= 3 "
                                "AND no event of type 'email_click' within 30 days"),
        ("newsletter, lapsing", "tags contains 'newsletter' AND lastActivityAt not within 7 days"),
        ("heavy this month", "count of events of type 'page_view' within 30 days >= 20"),
        ("US engaged recent", "country = 'US' AND lifecycleStage = 'engaged' AND lastActivityAt within 2 days"),
        ("vip recent spend", "tags contains 'vip' AND sum of orders.total within 180 days > 100"),
        ("learners this week", "count of events of type 'lesson_completed' within 7 days >= 2"),
        ("abandoners this week", "any event of type 'cart_abandoned' within 7 days"),
        ("US searching buyers", "in segment 'searchers' AND country = 'US' AND orderCount >= 1"),
        ("purchasers this month", "count of events of type 'purchase' within 30 days >= 1"),
        ("quiet big spenders", "totalSpent > 1000 AND lastActivityAt not within 14 days"),
        ("churned but back", "lifecycleStage = 'churned' AND lastActivityAt within 3 days"),
        ("EU active", "country in ('GB', 'DE', 'FR', 'NL') AND lastActivityAt within 7 days"),
        ("first-time buyers", "orderCount = 1 AND lastOrderAt within 60 days"),
        ("silent subscribers", "lifecycleStage = 'subscriber' AND eventCount < 5"),
    ]
    return rules[:count]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def build_team(name: str, contacts: int, events: int, orders: int,
                     segment_count: int = 100) -> tuple[Any, str, list[Any], list[int]]:
    """A team with the segment benchmark's data set (seed 42) and `segment_count` dynamic segments,
    built in full; returns the team, an admin key, the segments and the contact ids."""
    from segments_bench import _load
    from tortoise import connections

    from app.segments import service
    from app.segments.stats import rebuild_computed_properties
    from app.teams.service import create_team

    team, _, key = await create_team(name, "bench@example.com")
    began = time.perf_counter()
    async with connections.get("default").acquire_connection() as conn:
        contact_ids = await _load(conn, team.id, contacts, events, orders, datetime.now(UTC))
    await rebuild_computed_properties(team.id)
    # Statistics of the freshly written tables before the first builds: with none, the planner takes
    # contact_event_stats for a few rows per type and a first build nested-loops 60k x 60k rows
    # (~100 s per "no X within 30 days" segment instead of ~1 s).
    async with connections.get("default").acquire_connection() as conn:
        await conn.execute("ANALYZE")
    print(f"loaded {contacts} contacts, {events} events, {orders} orders "
          f"in {time.perf_counter() - began:.0f}s", flush=True)
    began = time.perf_counter()
    segments = [await service.create_segment(team, segment_name, "dynamic", rule_text=text)
                for segment_name, text in segment_rules(segment_count)]
    print(f"created {len(segments)} dynamic segments (full builds) in {time.perf_counter() - began:.0f}s",
          flush=True)
    return team, key, segments, contact_ids


async def count_differences(team: Any, segments: list[Any]) -> int:
    """Zero differences: settle time windows and pending work, recompute every segment from scratch
    and count contacts whose live membership differs."""
    from tortoise import connections

    from app.segments import service
    from app.segments.models import SegmentMembership
    from app.segments.pipeline.timesweep import sweep_time_windows
    from app.segments.pipeline.worker import evaluate_pending

    await sweep_time_windows(None)
    await evaluate_pending(None)
    differences = 0
    now = datetime.now(UTC)
    for segment in segments:
        parsed = await service.stored_rule(team, segment)
        compiled = parsed.compile(now, None)
        async with connections.get("default").acquire_connection() as conn:
            expected = {r[0] for r in await conn.fetch(compiled.statement("c.id"), *compiled.params)}
        live = set(await SegmentMembership.filter(team_id=team.id, segment_id=segment.id)
                   .values_list("team_contact_id", flat=True))
        differences += len(expected ^ live)
    return differences


# ---------------------------------------------------------------- driver (a separate process)


async def drive(url: str, team_id: int, key: str, rate: int, seconds: float, contacts_file: str, out: str,
                seed: int) -> None:
    import httpx

    from app.core.ids import encode_id

    contact_ids = json.loads(Path(contacts_file).read_text())
    rng = random.Random(seed)
    types = [t for t, w in EVENT_MIX for _ in range(w)]
    per_tick = max(1, round(rate * TICK))
    team_gid = encode_id("Team", team_id)
    contact_gids = {pk: encode_id("Contact", pk) for pk in contact_ids}
    sent: list[tuple[str, float]] = []
    request_ms: list[float] = []
    request_at: list[float] = []
    accepted = rejected = failures = 0
    limiter = asyncio.Semaphore(32)

    async def send(client: httpx.AsyncClient, batch: list[dict]) -> None:
        nonlocal accepted, rejected, failures
        async with limiter:
            started = time.time()
            try:
                response = await client.post(f"{url}/api/v1/teams/{team_gid}/events", json=batch)
            except httpx.HTTPError:
                failures += 1
                return
            request_ms.append((time.time() - started) * 1000)
            request_at.append(started)
            if response.status_code != 200:
                failures += 1
                return
            body = response.json()
            accepted += body["accepted"]
            rejected += body["rejected"]
            sent.extend((r["eventId"], started) for r in body["results"] if r["status"] == "accepted")

    headers = {"authorization": f"Bearer {key}"}
    limits = httpx.Limits(max_connections=32, max_keepalive_connections=32)
    async with httpx.AsyncClient(headers=headers, timeout=30, limits=limits) as client:
        tasks = []
        begin = time.monotonic()
        ticks = int(seconds / TICK)
        for tick in range(ticks):
            await asyncio.sleep(max(0.0, begin + tick * TICK - time.monotonic()))
            batch = []
            for _ in range(per_tick):
                kind = rng.choice(types)
                event: dict = {"contactId": contact_gids[rng.choice(contact_ids)], "type": kind}
                if kind == "page_view":
                    event["properties"] = {"device": "mobile" if rng.random() < 0.45 else "desktop"}
                batch.append(event)
            tasks.append(asyncio.create_task(send(client, batch)))
        await asyncio.gather(*tasks)
        elapsed = time.monotonic() - begin
    Path(out).write_text(json.dumps({"sent": sent, "request_ms": request_ms, "request_at": request_at,
                                     "accepted": accepted, "rejected": rejected, "failures": failures,
                                     "elapsed": elapsed}))


# ---------------------------------------------------------------- orchestration


def start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "app.cli", *args], cwd=ROOT, env=env,
                            stdout=log.open("w"), stderr=subprocess.STDOUT)


async def wait_ready(url: str) -> None:
    import httpx

    async with httpx.AsyncClient() as client:
        for _ in range(300):
            try:
                if (await client.get(f"{url}/readyz")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError("the API process did not become ready")


async def subscribe(key: str, segment_ids: list[int], received: list[tuple[str, str, float]],
                    ready: asyncio.Event, mode: str) -> None:
    """`batched`: one `segmentMembershipChanges` subscription over every segment (one message per
    committed batch); `per-segment`: one `segmentMembershipChanged` subscription per segment."""
    import websockets

    from app.graphql.ids import encode_id

    def event_key(cause_ref: str | None) -> str:
        # causeRef is the event's global id, as the HTTP ingest's eventId.
        return cause_ref or ""

    fields = "segmentId contactId action causeRef committedAt"
    async with websockets.connect(f"ws://127.0.0.1:{PORT}/graphql", subprotocols=["graphql-transport-ws"],
                                  max_queue=None, max_size=None) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {key}"}}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        if mode == "batched":
            query = ("subscription($ids: [ID!]!) { segmentMembershipChanges(segmentIds: $ids) "
                     f"{{ changes {{ {fields} }} }} }}")
            await ws.send(json.dumps({"id": "all", "type": "subscribe", "payload": {
                "query": query, "variables": {"ids": [encode_id("Segment", sid) for sid in segment_ids]}}}))
        else:
            query = f"subscription($id: ID!) {{ segmentMembershipChanged(segmentId: $id) {{ {fields} }} }}"
            for sid in segment_ids:
                await ws.send(json.dumps({"id": str(sid), "type": "subscribe",
                                          "payload": {"query": query, "variables": {"id": encode_id("Segment", sid)}}}))
        await asyncio.sleep(1.0)  # every subscription is listening before the load starts
        ready.set()
        async for raw in ws:
            message = json.loads(raw)
            if message.get("type") != "next":
                continue
            now = time.time()
            data = message["payload"]["data"]
            changes = (data["segmentMembershipChanges"]["changes"] if mode == "batched"
                       else [data["segmentMembershipChanged"]])
            received.extend((event_key(c["causeRef"]), c["committedAt"] or "", now) for c in changes)


# Server activity that makes run-to-run variance: sampled before and after each load.
_SERVER_ACTIVITY_SQL = """
SELECT (SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter) AS checkpoints,
       (SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0) FROM pg_stat_user_tables) AS autovacuums,
       (SELECT buffers_backend FROM pg_stat_bgwriter) AS backend_writes
"""


async def _activity(client) -> dict[str, int]:
    async with client.acquire_connection() as conn:
        return dict(await conn.fetchrow(_SERVER_ACTIVITY_SQL))


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=2_000_000)
    parser.add_argument("--orders", type=int, default=300_000)
    parser.add_argument("--segments", type=int, default=100, help="dynamic segments of mixed kinds")
    parser.add_argument("--rate", type=int, default=1000, help="events per second")
    parser.add_argument("--seconds", type=float, default=60, help="how long to drive (600: the 10-minute run)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes")
    parser.add_argument("--ramp", default="",
                        help="comma-separated rates, each driven --step-seconds after the queue drained; prints "
                             "the highest rate whose commit p95 stays <= 1 s (stops at the first above)")
    parser.add_argument("--step-seconds", type=float, default=30)
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    parser.add_argument("--reuse", action="store_true",
                        help="start from a copy of the data set an earlier run loaded (kept as a template "
                             "database; windows shift by the time since it was loaded)")
    parser.add_argument("--subscription", choices=("batched", "per-segment"), default="batched",
                        help="one batched subscription over all segments, or one subscription per segment")
    parser.add_argument("--timeline", action="store_true", help="also print p95 latencies per 5 s of the run")
    args = parser.parse_args()

    os.environ["MEMBERHUB_REDIS_PREFIX"] = "mhbench-rt"
    from benchdb import open_bench_database, restore_template, save_template

    from app import runtime
    from app.contacts.models import TeamContact
    from app.db import drop_database, with_database

    redis_url = runtime.resolve_redis_url()
    template = f"{BENCH_DB}_template_v2_{args.contacts}_{args.events}_{args.orders}_{args.segments}"
    reused = args.reuse and await restore_template(with_database(runtime.resolve_database_url(), BENCH_DB), template)
    url = await open_bench_database(BENCH_DB, reuse=reused)
    from tortoise import connections

    from app.segments.models import Segment, SegmentMembershipChange
    from app.teams.models import Team
    from app.teams.service import create_api_key

    client = connections.get("default")
    team = await Team.filter(name="Realtime bench").first() if reused else None
    if team is not None:
        _, key = await create_api_key(team, "bench rerun", ["events:write", "segments:read"])
        segments = await Segment.filter(team_id=team.id).order_by("id")
        contact_ids = await TeamContact.filter(team_id=team.id).order_by("id").values_list("id", flat=True)
        print(f"restored {BENCH_DB} from {template}: {len(contact_ids)} contacts, {len(segments)} segments",
              flush=True)
    else:
        team, key, segments, contact_ids = await build_team("Realtime bench", args.contacts, args.events,
                                                            args.orders, args.segments)
    # Variance: after a bulk load autovacuum would otherwise start on the big tables mid-run (and
    # until a vacuum sets the visibility map, index-only scans read the heap anyway); the load's dirty
    # pages would otherwise be flushed by a checkpoint during the run.
    began = time.perf_counter()
    async with client.acquire_connection() as conn:
        await conn.execute("VACUUM (ANALYZE)")
        await conn.execute("CHECKPOINT")
    print(f"VACUUM (ANALYZE) and CHECKPOINT before the load: {time.perf_counter() - began:.0f}s", flush=True)
    if args.reuse and not reused:
        await save_template(url, template)
    history_before = await SegmentMembershipChange.filter(team_id=team.id, cause="event").count()

    tmp = Path(tempfile.mkdtemp(prefix="rtbench"))
    contacts_file = tmp / "contacts.json"
    contacts_file.write_text(json.dumps(contact_ids))
    env = {**os.environ, "DATABASE_URL": url, "REDIS_URL": redis_url, "MEMBERHUB_REDIS_PREFIX": "mhbench-rt",
           "MEMBERHUB_ENV": "production",
           "MEMBERHUB_SECRET_KEY": os.environ.get("MEMBERHUB_SECRET_KEY", "bench-secret-key-0123456789abcdef")}
    procs = [start(["serve", "--port", str(PORT)], env, tmp / "api.log")]
    procs += [start(["worker"], env, tmp / f"worker{i}.log") for i in range(args.workers)]
    received: list[tuple[str, str, float]] = []
    api = f"http://127.0.0.1:{PORT}"

    async def drain() -> float:
        began = time.time()
        for _ in range(1200):
            async with client.acquire_connection() as conn:
                if not await conn.fetchval("SELECT count(*) FROM pending_evaluations"):
                    break
            await asyncio.sleep(0.1)
        return time.time() - began

    async def drive_once(rate: int, seconds: float, seed: int) -> tuple[dict, float, float, dict[str, int]]:
        """Drive `rate` events/s for `seconds`; returns the driver's figures, when it started, how long
        the queue took to drain afterwards and the server activity (checkpoints, autovacuums) meanwhile."""
        out = tmp / f"driver-{seed}.json"
        before = await _activity(client)
        driver = subprocess.Popen([sys.executable, __file__, "--drive", api, str(team.id), key, str(rate),
                                   str(seconds), str(contacts_file), str(out), str(seed)], cwd=ROOT, env=env)
        started = time.time()
        await asyncio.to_thread(driver.wait)
        drained = await drain()
        after = await _activity(client)
        return json.loads(out.read_text()), started, drained, {k: after[k] - before[k] for k in after}

    steps: list[tuple[int, dict, float, float, dict[str, int]]] = []
    try:
        await wait_ready(api)
        ready = asyncio.Event()
        listener = asyncio.create_task(subscribe(key, [s.id for s in segments], received, ready,
                                                 args.subscription))
        await asyncio.wait_for(ready.wait(), 30)
        await asyncio.sleep(2)  # workers finished their start-up sweeps
        # A restored template's windows have moved on since it was saved: sweep them now and let the
        # workers evaluate what moved, so the first step does not queue behind that catch-up (it cost
        # the first 20-s ramp step a p95 of 3 s at 250 events/s).
        from app.segments.pipeline.timesweep import sweep_time_windows

        settled = await sweep_time_windows(None)
        print(f"time windows settled before driving: {settled['queued']} contacts queued, "
              f"drained in {await drain():.1f}s", flush=True)
        if args.ramp:
            for i, rate in enumerate(int(r) for r in args.ramp.split(",")):
                steps.append((rate, *await drive_once(rate, args.step_seconds, 7 + i)))
                await asyncio.sleep(2)
                p95 = percentile(_commit_latencies(steps[-1][1], received, steps[-1][2])[0], .95)
                print(f"  ramp {rate}/s: commit p95 {p95:.0f} ms, drained {steps[-1][3]:.1f}s after", flush=True)
                if not p95 <= 1000:
                    break
        else:
            steps.append((args.rate, *await drive_once(args.rate, args.seconds, 7)))
        await asyncio.sleep(2)
        listener.cancel()
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()

    history = await SegmentMembershipChange.filter(team_id=team.id, cause="event").count() - history_before

    differences = await count_differences(team, segments)

    print(f"\nAPI processes: 1, worker processes: {args.workers}, segments: {len(segments)}, "
          f"contacts: {args.contacts}, subscription: {args.subscription}")
    print(f"membership changes caused by driven events: {history} committed")
    for rate, driven, load_started, drained_after, activity in steps:
        _report(rate, driven, load_started, drained_after, activity, received, args.timeline)
    if args.ramp:
        held = [rate for rate, driven, started, _, _ in steps
                if percentile(_commit_latencies(driven, received, started)[0], .95) <= 1000]
        print(f"\nramp ({args.workers} worker process{'es' if args.workers > 1 else ''}): highest rate with "
              f"commit p95 <= 1 s: {max(held, default=0)} events/s (steps: {args.ramp}, {args.step_seconds:.0f}s each)")
    print(f"recomputed from scratch: {differences} differences across {len(segments)} segments "
          f"({'ok' if differences == 0 else 'MISMATCH'})")
    await runtime.close_orm()
    if not args.keep:
        await drop_database(url)


def _commit_latencies(driven: dict, received: list[tuple[str, str, float]], load_started: float
                      ) -> tuple[list[float], list[float], list[tuple[float, float]], list[float]]:
    """For changes caused by this step's events: send -> commit ms, send -> delivery ms,
    (seconds into the step the event was sent, commit ms) and commit -> delivery ms."""
    sent_at = dict(driven["sent"])
    commit_ms, delivery_ms, timed, after_commit_ms = [], [], [], []
    for cause_ref, committed_at, received_at in received:
        sent = sent_at.get(cause_ref)
        if sent is None:
            continue  # a change caused by time, a recompute or another step
        delivery_ms.append((received_at - sent) * 1000)
        if committed_at:
            committed = datetime.fromisoformat(committed_at).timestamp()
            commit_ms.append((committed - sent) * 1000)
            timed.append((sent - load_started, commit_ms[-1]))
            after_commit_ms.append((received_at - committed) * 1000)
    return commit_ms, delivery_ms, timed, after_commit_ms


def _report(rate: int, driven: dict, load_started: float, drained_after: float, activity: dict[str, int],
            received: list[tuple[str, str, float]], timeline: bool) -> None:
    commit_ms, delivery_ms, timed, after_commit_ms = _commit_latencies(driven, received, load_started)
    seconds = driven["elapsed"]
    print(f"\n-- {rate} events/s for {seconds:.0f}s: {driven['accepted']} accepted, {driven['rejected']} rejected, "
          f"{driven['failures']} failed requests -> {driven['accepted'] / seconds:.0f} events/s accepted")
    print(f"ingest request (batch of {max(1, round(rate * TICK))}) ms: "
          f"p50 {percentile(driven['request_ms'], .5):.0f}  p95 {percentile(driven['request_ms'], .95):.0f}  "
          f"p99 {percentile(driven['request_ms'], .99):.0f}")
    print(f"changes delivered to the subscriber: {len(delivery_ms)}; queue drained {drained_after:.1f}s after the "
          f"load stopped; meanwhile checkpoints {activity['checkpoints']}, autovacuum/analyze runs "
          f"{activity['autovacuums']}, backend buffer writes {activity['backend_writes']}")
    for label, values in (("event sent -> change committed", commit_ms),
                          ("event sent -> subscription message", delivery_ms),
                          ("change committed -> message", after_commit_ms)):
        print(f"{label:<36} ms: p50 {percentile(values, .5):6.0f}  p95 {percentile(values, .95):6.0f}  "
              f"p99 {percentile(values, .99):6.0f}  max {max(values, default=float('nan')):6.0f}  "
              f"mean {statistics.fmean(values) if values else float('nan'):6.0f}")
    ingest: dict[int, list[float]] = {}
    for at, ms in zip(driven["request_at"], driven["request_ms"], strict=True):
        ingest.setdefault(int((at - load_started) // 60), []).append(ms)
    commits: dict[int, list[float]] = {}
    for at, ms in timed:
        commits.setdefault(int(at // 60), []).append(ms)
    if len(commits) > 1 or seconds >= 60:
        print("per minute of sending: commit p95 / p99 ms (ingest p95)")
        print("  " + "  ".join(f"m{m + 1}: {percentile(commits[m], .95):.0f} / {percentile(commits[m], .99):.0f}"
                               f" ({percentile(ingest.get(m, []), .95):.0f})" for m in sorted(commits)))
    if timeline:
        by_window: dict[int, list[float]] = {}
        for at, ms in timed:
            by_window.setdefault(int(at // 5), []).append(ms)
        print("per 5 s of sending: commit p95 ms")
        print("  " + "  ".join(f"{w * 5}s:{percentile(v, .95):.0f}" for w, v in sorted(by_window.items())))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--drive":
        _, _, api_url, team_arg, key_arg, rate_arg, seconds_arg, contacts_arg, out_arg, seed_arg = sys.argv
        asyncio.run(drive(api_url, int(team_arg), key_arg, int(rate_arg), float(seconds_arg), contacts_arg, out_arg,
                          int(seed_arg)))
    else:
        asyncio.run(main())
