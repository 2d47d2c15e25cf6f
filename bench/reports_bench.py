"""Reports benchmark (not a test): each report's time on PostgreSQL vs DuckDB over the same tables,
and p95 latency of the 90-day one-segment report with 20 concurrent partner clients.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/2 \
        flock /work/.bench.lock python bench/reports_bench.py [--contacts 100000 --events 2000000 --orders 300000]

Data: bench/segments_bench.py's generator (contacts, skewed events and orders; seeded, the same
rows every run) plus membership history for two segments: "engaged" (a fifth of the contacts)
and "loyal" (a twentieth), each joining at a random time in the last 400 days, 30% of them
leaving later. The team's time zone is UTC (DuckDB's side then needs no ICU).

PostgreSQL side: the report services themselves (app.reports.*), i.e. every statement a report
runs. DuckDB side: the same figures by equivalent SQL over the same tables exported from
PostgreSQL (history, orders, events), loaded into an in-memory DuckDB before timing; billing,
hubs and lessons are left out of DuckDB's segment report (the bench has no subscriptions, hubs or
lessons, so those statements are cheap on PostgreSQL too). Medians of 3 runs with min-max; the
numbers both sides compute are checked equal.

Concurrency: 20 clients, each a partner API key with reports:read limited to the segment, send
the GraphQL segment report (90 days, daily series) through the ASGI app in this process, for
`--requests` requests each; p50/p95/max of the request latencies, and how the report statements
were answered (cache hits, joined a computation in flight, computed). The report cache
(app/reports/db.py, keyed on the team's data version) is emptied before: the first requests compute
the report, the others wait for that computation or read its result. The per-report timings empty
it before every run (each is a computation); "cached" is the same report again over unchanged data.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

BENCH_DB = "memberhub_bench_reports"

_JOINS = """
INSERT INTO segment_membership_changes (team_id, segment_id, team_contact_id, action, cause, at)
SELECT $1::bigint, $2::bigint, x.cid, 'join', 'recompute',
       $5::timestamptz - make_interval(secs => random() * 400 * 86400)
  FROM (SELECT unnest($3::bigint[]) AS cid, random() AS r) x WHERE x.r < $4::float8
"""
_LEAVES = """
INSERT INTO segment_membership_changes (team_id, segment_id, team_contact_id, action, cause, at)
SELECT team_id, segment_id, team_contact_id, 'leave', 'recompute', at + (($3::timestamptz - at) * random())
  FROM segment_membership_changes WHERE team_id = $1 AND segment_id = $2 AND random() < 0.3
"""
_MEMBERS = """
INSERT INTO segment_memberships (team_id, segment_id, team_contact_id, joined_at)
SELECT c.team_id, c.segment_id, c.team_contact_id, max(c.at) FROM segment_membership_changes c
 WHERE c.team_id = $1 AND c.segment_id = $2 GROUP BY 1, 2, 3 HAVING count(*) = 1
"""

_EXPORTS = {
    "changes": ("SELECT segment_id, team_contact_id, action, cause, (at AT TIME ZONE 'UTC') AS changed_at, id"
                " FROM segment_membership_changes"),
    "orders": ("SELECT id, team_contact_id, status, total_amount, amount_refunded,"
               " (placed_at AT TIME ZONE 'UTC') AS placed_at FROM orders"),
    "events": "SELECT team_contact_id, type, (occurred_at AT TIME ZONE 'UTC') AS occurred_at FROM events",
}

# DuckDB: the same figures, naive UTC timestamps. ? parameters: segment ids list, period bounds.
_DUCK_INTERVALS = """
WITH ch AS (
    SELECT segment_id, team_contact_id, action, changed_at,
           lead(changed_at) OVER (PARTITION BY segment_id, team_contact_id ORDER BY changed_at, id) AS next_at
    FROM changes WHERE list_contains($segs, segment_id) AND changed_at < $end
), iv AS (SELECT segment_id, team_contact_id, changed_at AS from_at, next_at AS to_at FROM ch WHERE action = 'join'),
m AS (SELECT DISTINCT segment_id, team_contact_id FROM iv WHERE to_at IS NULL OR to_at >= $end)
"""
DUCK_SEGMENT = {
    "sizes": """
WITH deltas AS (
    SELECT segment_id, CAST(changed_at AS DATE) AS d, count(*) FILTER (WHERE action = 'join') AS joins,
           count(*) FILTER (WHERE action = 'leave') AS leaves
    FROM changes WHERE list_contains($segs, segment_id) AND changed_at < $end GROUP BY 1, 2
), running AS (
    SELECT segment_id, d, joins, leaves, sum(joins - leaves) OVER (PARTITION BY segment_id ORDER BY d) AS size
    FROM deltas
), days AS (
    SELECT s.segment_id, CAST(g.generate_series AS DATE) AS d
    FROM (SELECT unnest($segs) AS segment_id) s, generate_series($start, $last, INTERVAL 1 DAY) g
)
SELECT days.segment_id, days.d,
       COALESCE((SELECT r.size FROM running r WHERE r.segment_id = days.segment_id AND r.d <= days.d
                 ORDER BY r.d DESC LIMIT 1), 0) AS size
FROM days ORDER BY 1, 2""",
    "causes": """SELECT segment_id, CAST(changed_at AS DATE), action, cause, count(*) FROM changes
        WHERE list_contains($segs, segment_id) AND changed_at >= $start AND changed_at < $end GROUP BY ALL""",
    "revenue": _DUCK_INTERVALS + """
SELECT iv.segment_id, CAST(o.placed_at AS DATE) AS d, count(DISTINCT o.id), sum(o.total_amount),
       sum(o.amount_refunded)
FROM orders o JOIN iv ON iv.team_contact_id = o.team_contact_id AND o.placed_at >= iv.from_at
     AND (iv.to_at IS NULL OR o.placed_at < iv.to_at)
WHERE o.status IN ('paid', 'partially_refunded', 'refunded') AND o.placed_at >= $start AND o.placed_at < $end
GROUP BY ALL""",
    "engagement": _DUCK_INTERVALS + """,
last_event AS (SELECT team_contact_id, max(occurred_at) AS last_at FROM events WHERE occurred_at < $end GROUP BY 1)
SELECT m.segment_id, count(*) AS members,
       count(*) FILTER (WHERE l.last_at >= $end - INTERVAL 7 DAY) AS active_7d,
       count(*) FILTER (WHERE l.last_at >= $end - INTERVAL 30 DAY) AS active_30d
FROM m LEFT JOIN last_event l USING (team_contact_id) GROUP BY 1""",
    "events": _DUCK_INTERVALS + """
SELECT m.segment_id, e.type, count(*), count(DISTINCT e.team_contact_id)
FROM m JOIN events e ON e.team_contact_id = m.team_contact_id AND e.occurred_at >= $start AND e.occurred_at < $end
GROUP BY ALL""",
    "ltv": _DUCK_INTERVALS + """,
ltv AS (SELECT m.segment_id, m.team_contact_id, COALESCE(sum(o.total_amount - o.amount_refunded), 0) AS v
        FROM m LEFT JOIN orders o ON o.team_contact_id = m.team_contact_id
             AND o.status IN ('paid', 'partially_refunded', 'refunded') AND o.placed_at < $end GROUP BY 1, 2)
SELECT segment_id, avg(v), median(v) FROM ltv GROUP BY 1""",
}
DUCK_COHORTS = """
WITH cohort AS (
    SELECT team_contact_id, date_trunc('month', min(placed_at)) AS cohort FROM orders
    WHERE status IN ('paid', 'partially_refunded', 'refunded') GROUP BY 1
    HAVING date_trunc('month', min(placed_at)) BETWEEN $first AND $last
), sizes AS (SELECT cohort, count(*) AS n FROM cohort GROUP BY 1),
touch AS (
    SELECT DISTINCT c.cohort, date_trunc('month', e.occurred_at) AS m, c.team_contact_id
    FROM cohort c JOIN events e ON e.team_contact_id = c.team_contact_id AND e.occurred_at >= c.cohort
    UNION
    SELECT c.cohort, date_trunc('month', o.placed_at), c.team_contact_id
    FROM cohort c JOIN orders o ON o.team_contact_id = c.team_contact_id AND o.placed_at >= c.cohort
    WHERE o.status IN ('paid', 'partially_refunded', 'refunded')
), active AS (SELECT cohort, m, count(*) AS n FROM touch GROUP BY 1, 2),
revenue AS (
    SELECT c.cohort, date_trunc('month', o.placed_at) AS m, sum(o.total_amount - o.amount_refunded) AS net
    FROM cohort c JOIN orders o ON o.team_contact_id = c.team_contact_id AND o.placed_at >= c.cohort
    WHERE o.status IN ('paid', 'partially_refunded', 'refunded') GROUP BY 1, 2
)
SELECT s.cohort, s.n, a.m, a.n, sum(COALESCE(r.net, 0)) OVER (PARTITION BY s.cohort ORDER BY a.m)
FROM sizes s JOIN active a ON a.cohort = s.cohort LEFT JOIN revenue r ON r.cohort = a.cohort AND r.m = a.m
WHERE a.m < s.cohort + INTERVAL 12 MONTH
ORDER BY 1, 3"""
DUCK_ATTRIBUTION = """
WITH ch AS (
    SELECT segment_id, team_contact_id, action, changed_at,
           lead(changed_at) OVER (PARTITION BY segment_id, team_contact_id ORDER BY changed_at, id) AS next_at
    FROM changes WHERE list_contains($segs, segment_id) AND changed_at < $end
), iv AS (SELECT segment_id, team_contact_id, changed_at AS from_at, next_at AS to_at FROM ch WHERE action = 'join'),
o AS (SELECT id, team_contact_id, placed_at, total_amount - amount_refunded AS net FROM orders
      WHERE status IN ('paid', 'partially_refunded', 'refunded') AND placed_at >= $start AND placed_at < $end),
tagged AS (
    SELECT o.id, o.net, list_sort(list_distinct(list(iv.segment_id))) AS segments
    FROM o LEFT JOIN iv ON iv.team_contact_id = o.team_contact_id AND o.placed_at >= iv.from_at
         AND (iv.to_at IS NULL OR o.placed_at < iv.to_at)
    GROUP BY o.id, o.net
)
SELECT segments, count(*), sum(net) FROM tagged GROUP BY 1"""


async def _timed(fn: Any, runs: int = 3, cold: bool = True) -> tuple[float, str, Any]:
    """Median and spread of `runs` calls; `cold`: the report cache emptied before each (a computation)."""
    from app.reports.db import CACHE

    times, result = [], None
    for _ in range(runs):
        if cold:
            CACHE.clear()
        start = time.perf_counter()
        result = await fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), f"{min(times):.0f}-{max(times):.0f}", result


def _params(sql: str, values: dict[str, Any]) -> dict[str, Any]:
    """The named parameters a DuckDB statement uses (it refuses extra ones)."""
    return {k: v for k, v in values.items() if f"${k}" in sql}


def _duck_timed(duck: Any, statements: list[tuple[str, dict[str, Any]]], runs: int = 3) -> tuple[float, str, list]:
    statements = [(sql, _params(sql, values)) for sql, values in statements]
    times, results = [], []
    for _ in range(runs):
        start = time.perf_counter()
        results = [duck.execute(sql, params).fetchall() for sql, params in statements]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), f"{min(times):.0f}-{max(times):.0f}", results


async def _load_history(conn: Any, team_id: int, contact_ids: list[int], segments: dict[str, int],
                        now: datetime) -> None:
    await conn.execute("SELECT setseed(0.17)")
    engaged = contact_ids[: len(contact_ids) // 5]
    for name, ids, share in (("engaged", contact_ids, 0.2), ("loyal", engaged, 0.25)):
        await conn.execute(_JOINS, team_id, segments[name], ids, share, now)
        await conn.execute(_LEAVES, team_id, segments[name], now)
        await conn.execute(_MEMBERS, team_id, segments[name])
        await conn.execute("UPDATE segments SET member_count = (SELECT count(*) FROM segment_memberships"
                           " WHERE segment_id = $1) WHERE id = $1", segments[name])
    await conn.execute("VACUUM (ANALYZE) segment_membership_changes, segment_memberships")


async def _concurrency(key: str, segment_gid: str, start: str, end: str, clients: int, requests: int) -> list[float]:
    import httpx

    from app.asgi import create_app

    query = """query($ids: [ID!]!, $period: ReportPeriodInput!) { segmentReport(segmentIds: $ids, period: $period) {
      userErrors { code } reports { sizeAtEnd joins leaves series(first: 90) { nodes { periodStart size joins leaves
      revenue } } engagement { members active7d active30d } billing { mrr revenue ltvAverage ltvMedian } } } }"""
    variables = {"ids": [segment_gid], "period": {"start": start, "end": end}}
    app = create_app(manage_orm=False)
    latencies: list[float] = []
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as http:
        async def client() -> None:
            for _ in range(requests):
                begin = time.perf_counter()
                response = await http.post("/graphql", json={"query": query, "variables": variables},
                                           headers={"Authorization": f"Bearer {key}"})
                latencies.append((time.perf_counter() - begin) * 1000)
                body = response.json()
                assert response.status_code == 200 and not body.get("errors"), body
                assert not body["data"]["segmentReport"]["userErrors"], body

        await asyncio.gather(*(client() for _ in range(clients)))
    return latencies


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=None, help="default 20 per contact")
    parser.add_argument("--orders", type=int, default=None, help="default 3 per contact")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=5, help="per client")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--reuse", action="store_true",
                        help="restore the data set from the template an earlier --reuse run saved (same sizes), "
                             "or load it and save that template")
    args = parser.parse_args()
    n_events = args.events if args.events is not None else 20 * args.contacts
    n_orders = args.orders if args.orders is not None else 3 * args.contacts
    os.environ["MEMBERHUB_REDIS_PREFIX"] = "mhbenchreports"

    from benchdb import open_bench_database, restore_template, save_template
    from segments_bench import _load
    from tortoise import connections

    from app import runtime
    from app.db import drop_database
    from app.reports import grants
    from app.reports.anomalies import anomaly_report
    from app.reports.attribution import revenue_by_segment
    from app.reports.cohorts import CohortBy, cohort_report
    from app.reports.periods import Granularity
    from app.reports.segment_report import segment_reports
    from app.segments.models import Segment
    from app.teams.service import Viewer, create_api_key, create_team

    template = f"{BENCH_DB}_tpl_{args.contacts}_{n_events}_{n_orders}"
    began = time.perf_counter()
    reused = False
    if args.reuse:
        from app.db import with_database

        reused = await restore_template(with_database(runtime.resolve_database_url(), BENCH_DB), template)
    url = await open_bench_database(BENCH_DB, reuse=reused)
    client = connections.get("default")
    if reused:
        # The data set of an earlier run: its "now" is when it was generated (orders.created_at).
        from app.teams.models import Team

        team = await Team.get(name="Bench")
        segments = {s.name: s.id for s in await Segment.filter(team_id=team.id)}
        async with client.acquire_connection() as conn:
            now = (await conn.fetchval("SELECT max(created_at) FROM orders")).astimezone(UTC)
            history_rows = await conn.fetchval("SELECT count(*) FROM segment_membership_changes")
        print(f"reused {template} (generated {now:%Y-%m-%d %H:%M} UTC): {history_rows} history rows, "
              f"restored in {time.perf_counter() - began:.0f}s", flush=True)
    else:
        team, _owner, _key = await create_team("Bench", "bench@example.com", None, time_zone="UTC")
        now = datetime.now(UTC).replace(microsecond=0)
        async with client.acquire_connection() as conn:
            contact_ids = await _load(conn, team.id, args.contacts, n_events, n_orders, now)
        segments = {}
        for name in ("engaged", "loyal"):
            segment = await Segment.create(team_id=team.id, name=name, kind="static")
            segments[name] = segment.id
        async with client.acquire_connection() as conn:
            await _load_history(conn, team.id, contact_ids, segments, now)
            await conn.execute("CHECKPOINT")
            history_rows = await conn.fetchval("SELECT count(*) FROM segment_membership_changes")
        print(f"loaded {args.contacts} contacts, {n_events} events, {n_orders} orders, {history_rows} history rows "
              f"in {time.perf_counter() - began:.0f}s", flush=True)
        if args.reuse:
            await save_template(url, template)
            client = connections.get("default")
            print(f"saved as {template} for the next --reuse run", flush=True)

    tmp = Path(tempfile.mkdtemp(prefix="reportsbench"))
    import duckdb

    duck = duckdb.connect()
    async with client.acquire_connection() as conn:
        for name, sql in _EXPORTS.items():
            path = tmp / f"{name}.csv"
            await conn.copy_from_query(sql, output=str(path), format="csv", header=True)
            duck.execute(f"CREATE TABLE {name} AS SELECT * FROM read_csv('{path}', header=true)")
            path.unlink()

    viewer = Viewer(team=team, scopes=frozenset({"admin"}))
    today = now.date()
    end = today - timedelta(days=1)  # complete days: both sides cut at the same midnight
    start90 = end - timedelta(days=89)
    ends_at = datetime.combine(end + timedelta(days=1), datetime.min.time())  # naive UTC, as DuckDB holds it
    starts_at = datetime.combine(start90, datetime.min.time())
    engaged, loyal = segments["engaged"], segments["loyal"]
    rows: list[tuple[str, float, str, float, str]] = []

    as_at = min(ends_at, now.replace(tzinfo=None))
    last_day = datetime.combine(end, datetime.min.time())

    def duck_segment(ids: list[int]) -> list[tuple[str, dict[str, Any]]]:
        return [(sql, {"segs": ids, "start": starts_at, "end": as_at, "last": last_day})
                for sql in DUCK_SEGMENT.values()]

    # 1. segment report, one segment, 90 days, daily
    pg_ms, pg_spread, reports = await _timed(lambda: segment_reports(viewer, [engaged], start90, end))
    duck_ms, duck_spread, duck_result = _duck_timed(duck, duck_segment([engaged]))
    assert reports[0].size_at_end == duck_result[0][-1][2], (reports[0].size_at_end, duck_result[0][-1])
    assert reports[0].engagement.active_30d == duck_result[3][0][3]
    rows.append(("segment report, 1 segment, 90 days", pg_ms, pg_spread, duck_ms, duck_spread))
    warm_ms, warm_spread, _ = await _timed(lambda: segment_reports(viewer, [engaged], start90, end), cold=False)
    rows.append(("  the same, cached (unchanged data)", warm_ms, warm_spread, duck_ms, duck_spread))
    # 2. two segments side by side, weekly
    pg_ms, pg_spread, _ = await _timed(lambda: segment_reports(viewer, [engaged, loyal], start90, end,
                                                                Granularity.WEEK))
    duck_ms, duck_spread, _ = _duck_timed(duck, duck_segment([engaged, loyal]))
    rows.append(("segment report, 2 segments, 90 days, weekly", pg_ms, pg_spread, duck_ms, duck_spread))
    # 3. cohorts by first-order month, the last 12 months, 12 periods
    first_month = (today.replace(day=1) - timedelta(days=335)).replace(day=1)
    pg_ms, pg_spread, cohorts = await _timed(lambda: cohort_report(viewer, CohortBy.FIRST_ORDER_MONTH, first_month,
                                                                    today, 12, now=now))
    duck_ms, duck_spread, duck_cohorts = _duck_timed(duck, [(DUCK_COHORTS, {
        "first": datetime.combine(first_month, datetime.min.time()),
        "last": datetime.combine(today.replace(day=1), datetime.min.time())})])
    duck_sizes = {r[0]: r[1] for r in duck_cohorts[0]}
    assert sum(r.size for r in cohorts.rows) == sum(duck_sizes.values()), (cohorts.rows[:1], duck_sizes)
    rows.append(("cohorts, first-order month, 12 x 12", pg_ms, pg_spread, duck_ms, duck_spread))
    # 4. revenue by segment at the time of the order, 90 days
    pg_ms, pg_spread, attribution = await _timed(lambda: revenue_by_segment(viewer, [engaged, loyal], start90, end))
    duck_ms, duck_spread, duck_sets = _duck_timed(duck, [(DUCK_ATTRIBUTION, {
        "segs": [engaged, loyal], "start": starts_at, "end": as_at})])
    assert attribution.total_revenue == sum(r[2] for r in duck_sets[0]), (attribution.total_revenue, duck_sets)
    rows.append(("revenue by segment, 2 segments, 90 days", pg_ms, pg_spread, duck_ms, duck_spread))
    # 5. anomalies: 2 segments' size and revenue, 90 days (+28 days of baseline)
    pg_ms, pg_spread, _ = await _timed(lambda: anomaly_report(viewer, [engaged, loyal], start90, end))
    a_start = datetime.combine(start90 - timedelta(days=28), datetime.min.time())
    duck_ms, duck_spread, _ = _duck_timed(duck, [
        (DUCK_SEGMENT["sizes"], {"segs": [engaged, loyal], "start": a_start, "end": as_at, "last": last_day}),
        (DUCK_SEGMENT["revenue"], {"segs": [engaged, loyal], "start": a_start, "end": as_at}),
    ])
    rows.append(("anomalies, 2 segments, 90 days", pg_ms, pg_spread, duck_ms, duck_spread))

    print("\nPostgreSQL: the report services (app.reports.*) over the raw tables (history, snapshots, orders,"
          " events, subscriptions, ...), the report cache emptied before each run (except 'cached').\n"
          "DuckDB: equivalent SQL over the same raw tables (history, orders, events) copied into memory.")
    print(f"\n{'report':<46}{'PostgreSQL ms':>16}{'DuckDB ms':>14}{'PG/Duck':>9}")
    for name, pg, pg_s, dk, dk_s in rows:
        print(f"{name:<46}{pg:>8.0f} ({pg_s:>7}){dk:>7.0f} ({dk_s:>5}){pg / dk:>8.2f}x")

    key, secret = await create_api_key(team, "partner", ["reports:read"])
    await grants.set_key_segments(team, key.id, [engaged])
    from app.core.metrics import REPORT_CACHE
    from app.graphql.ids import encode_id
    from app.reports.db import CACHE

    CACHE.clear()  # the first requests compute it: a cold start, not a warmed cache
    outcomes = ("hit", "joined", "computed")
    counted = {k: REPORT_CACHE.labels(k)._value.get() for k in outcomes}
    latencies = await _concurrency(secret, encode_id("Segment", engaged), start90.isoformat(), end.isoformat(),
                                   args.clients, args.requests)
    counted = {k: int(REPORT_CACHE.labels(k)._value.get() - counted[k]) for k in outcomes}
    latencies.sort()
    p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
    print(f"\n{args.clients} concurrent partner clients x {args.requests} requests, segment report 90 days: "
          f"p50 {statistics.median(latencies):.0f} ms, p95 {p95:.0f} ms, max {latencies[-1]:.0f} ms")
    print(f"  report statements ({len(latencies)} requests x 3): {counted['hit']} cache hits, {counted['joined']} "
          f"joined a computation in flight, {counted['computed']} computed")

    await runtime.close_orm()
    if not args.keep:
        await drop_database(url)


if __name__ == "__main__":
    asyncio.run(main())
