"""Real-time membership benchmark (not a test): sustained events over HTTP in, membership changes out.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/2 \
        python bench/realtime_bench.py [--contacts 100000 --events 2000000 --orders 300000 \
                                        --rate 1000 --seconds 60 --workers 2]

Loads the segment benchmark's deterministic data set (seed 42) into its own database, creates 50
dynamic segments of mixed kinds (the seed rules included), then starts one API process
(`memberhub serve`) and `--workers` worker processes (`memberhub worker`), subscribes to every
segment over a websocket (by default one `segmentMembershipChanges` subscription over all 50, one
message per committed batch; `--subscription per-segment` opens 50 `segmentMembershipChanged`
subscriptions, one message per change), and drives `--rate` events/s for `--seconds` from a
separate process through `POST /api/v1/teams/{id}/events` (batches every 50 ms, open loop).
Prints events accepted/s, ingest latency, and for every change caused by a driven event the
latency from sending the event to the change being committed (its `committedAt`) and to the
subscription message arriving. Finally recomputes every segment from scratch and counts
differences from the live memberships (must be zero).

`--reuse` keeps the loaded data set as a template database and later runs start from a copy of
it (seconds instead of a two-minute load); `--timeline` prints p95s per 5 s of the run.
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


def segment_rules() -> list[tuple[str, str]]:
    from segments_bench import RULES

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
    return rules[:50]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


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


async def build_team(name: str, contacts: int, events: int, orders: int) -> tuple[Any, str, list[Any], list[int]]:
    """A team with the segment benchmark's data set (seed 42) and the 50 dynamic segments, built in
    full; returns the team, an admin key, the segments and the contact ids."""
    from segments_bench import _load
    from tortoise import connections

    from app.segments import service
    from app.segments.stats import rebuild_computed_properties
    from app.teams.service import create_team

    client = connections.get("default")
    team, _, key = await create_team(name, "bench@example.com")
    began = time.perf_counter()
    async with client.acquire_connection() as conn:
        contact_ids = await _load(conn, team.id, contacts, events, orders, datetime.now(UTC))
    await rebuild_computed_properties(team.id)
    async with client.acquire_connection() as conn:
        await conn.execute("ANALYZE")
    print(f"loaded {contacts} contacts, {events} events, {orders} orders "
          f"in {time.perf_counter() - began:.0f}s", flush=True)
    began = time.perf_counter()
    segments = [await service.create_segment(team, segment_name, "dynamic", rule_text=text)
                for segment_name, text in segment_rules()]
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
        live = set(await SegmentMembership.filter(segment_id=segment.id).values_list("team_contact_id", flat=True))
        differences += len(expected ^ live)
    return differences


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


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=2_000_000)
    parser.add_argument("--orders", type=int, default=300_000)
    parser.add_argument("--rate", type=int, default=1000, help="events per second")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2, help="worker processes")
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    parser.add_argument("--reuse", action="store_true",
                        help="start from a copy of the data set an earlier run loaded (kept as a template "
                             "database; windows shift by the time since it was loaded)")
    parser.add_argument("--subscription", choices=("batched", "per-segment"), default="batched",
                        help="one batched subscription over all segments, or one subscription per segment")
    parser.add_argument("--timeline", action="store_true", help="print p95 latencies per 5 s of the run")
    args = parser.parse_args()

    os.environ["MEMBERHUB_REDIS_PREFIX"] = "mhbench-rt"
    from benchdb import open_bench_database, restore_template, save_template

    from app import runtime
    from app.contacts.models import TeamContact
    from app.db import drop_database, with_database

    redis_url = runtime.resolve_redis_url()
    template = f"{BENCH_DB}_template_{args.contacts}_{args.events}_{args.orders}"
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
        history_before = await SegmentMembershipChange.filter(team_id=team.id, cause="event").count()
        print(f"restored {BENCH_DB} from {template}: {len(contact_ids)} contacts, {len(segments)} segments",
              flush=True)
    else:
        team, key, segments, contact_ids = await build_team("Realtime bench", args.contacts, args.events,
                                                            args.orders)
        history_before = 0
        if args.reuse:
            await save_template(url, template)

    tmp = Path(tempfile.mkdtemp(prefix="rtbench"))
    contacts_file = tmp / "contacts.json"
    contacts_file.write_text(json.dumps(contact_ids))
    env = {**os.environ, "DATABASE_URL": url, "REDIS_URL": redis_url, "MEMBERHUB_REDIS_PREFIX": "mhbench-rt",
           "MEMBERHUB_ENV": "production",
           "MEMBERHUB_SECRET_KEY": os.environ.get("MEMBERHUB_SECRET_KEY", "bench-secret-key-0123456789abcdef")}
    procs = [start(["serve", "--port", str(PORT)], env, tmp / "api.log")]
    procs += [start(["worker"], env, tmp / f"worker{i}.log") for i in range(args.workers)]
    received: list[tuple[str, str, float]] = []
    try:
        api = f"http://127.0.0.1:{PORT}"
        await wait_ready(api)
        ready = asyncio.Event()
        listener = asyncio.create_task(subscribe(key, [s.id for s in segments], received, ready,
                                                 args.subscription))
        await asyncio.wait_for(ready.wait(), 30)
        await asyncio.sleep(2)  # workers finished their start-up sweeps
        out = tmp / "driver.json"
        driver = subprocess.Popen([sys.executable, __file__, "--drive", api, str(team.id), key, str(args.rate),
                                   str(args.seconds), str(contacts_file), str(out),
                                   "7"], cwd=ROOT, env=env)
        load_started = time.time()
        await asyncio.to_thread(driver.wait)
        # Drain: the queue empties, then the last messages arrive.
        for _ in range(600):
            async with client.acquire_connection() as conn:
                if not await conn.fetchval("SELECT count(*) FROM pending_evaluations"):
                    break
            await asyncio.sleep(0.1)
        drained_after = time.time() - load_started - args.seconds
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

    driven = json.loads(out.read_text())
    sent_at = dict(driven["sent"])
    commit_ms, delivery_ms = [], []
    commit_by_window: dict[int, list[float]] = {}
    for cause_ref, committed_at, received_at in received:
        sent = sent_at.get(cause_ref)
        if sent is None:
            continue  # a change caused by time or a recompute, not by a driven event
        delivery_ms.append((received_at - sent) * 1000)
        if committed_at:
            commit_ms.append((datetime.fromisoformat(committed_at).timestamp() - sent) * 1000)
            commit_by_window.setdefault(int((sent - load_started) // 5), []).append(commit_ms[-1])
    history = await SegmentMembershipChange.filter(team_id=team.id, cause="event").count() - history_before

    differences = await count_differences(team, segments)

    accepted_per_s = driven["accepted"] / driven["elapsed"]
    print(f"\nAPI processes: 1, worker processes: {args.workers}, segments: {len(segments)}, "
          f"contacts: {args.contacts}, subscription: {args.subscription}")
    print(f"driven: {driven['accepted']} accepted, {driven['rejected']} rejected, {driven['failures']} failed "
          f"requests in {driven['elapsed']:.1f}s -> {accepted_per_s:.0f} events/s accepted (target {args.rate})")
    print(f"ingest request (batch of {max(1, round(args.rate * TICK))}) ms: "
          f"p50 {percentile(driven['request_ms'], .5):.0f}  p95 {percentile(driven['request_ms'], .95):.0f}  "
          f"p99 {percentile(driven['request_ms'], .99):.0f}")
    print(f"membership changes caused by driven events: {history} committed, {len(delivery_ms)} delivered "
          f"to the subscriber; queue drained {max(0.0, drained_after):.1f}s after the load stopped")
    for label, values in (("event sent -> change committed", commit_ms),
                          ("event sent -> subscription message", delivery_ms)):
        print(f"{label:<36} ms: p50 {percentile(values, .5):6.0f}  p95 {percentile(values, .95):6.0f}  "
              f"p99 {percentile(values, .99):6.0f}  max {max(values, default=float('nan')):6.0f}  "
              f"mean {statistics.fmean(values) if values else float('nan'):6.0f}")
    if args.timeline:
        raw = Path(tempfile.gettempdir()) / "realtime_bench_last.json"
        raw.write_text(json.dumps({"load_started": load_started, "requests": list(zip(driven["request_at"],
                                   driven["request_ms"], strict=True)), "received": received, "sent": sent_at}))
        print(f"raw timings: {raw}")
        ingest_by_window: dict[int, list[float]] = {}
        for at, ms in zip(driven["request_at"], driven["request_ms"], strict=True):
            ingest_by_window.setdefault(int((at - load_started) // 5), []).append(ms)
        print("timeline (per 5 s of sending): ingest p95 / commit p95 ms")
        print("  " + "  ".join(f"{w * 5}s:{percentile(ingest_by_window.get(w, []), .95):.0f}/"
                               f"{percentile(commit_by_window.get(w, []), .95):.0f}"
                               for w in sorted(commit_by_window)))
    print(f"recomputed from scratch: {differences} differences across {len(segments)} segments "
          f"({'ok' if differences == 0 else 'MISMATCH'})")
    await runtime.close_orm()
    if not args.keep:
        await drop_database(url)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--drive":
        _, _, api_url, team_arg, key_arg, rate_arg, seconds_arg, contacts_arg, out_arg, seed_arg = sys.argv
        asyncio.run(drive(api_url, int(team_arg), key_arg, int(rate_arg), float(seconds_arg), contacts_arg, out_arg,
                          int(seed_arg)))
    else:
        asyncio.run(main())
