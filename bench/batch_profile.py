"""Where one real-time batch's time goes (not a test): context, rule parsing, compiling, planning, the statement.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
        python bench/batch_profile.py [--contacts 100000 --segments 100 --batches 20 --batch 500]

Restores the segment benchmark's raw data set (`bench/segments_bench.py --reuse` saves it; loaded
here if missing) into its own database, rebuilds computed properties, stores the real-time bench's
`--segments` rules (checked, not built: memberships start empty) and then evaluates `--batches`
batches of `--batch` random contacts with random event types, each exactly as the worker does
(`_evaluate_team`) in a transaction that is rolled back, so every batch sees the same data. Prints
per batch part the median and spread in ms: the whole evaluation, the rule parses, the compiles,
the batch statement's planning (EXPLAIN SUMMARY of the same statement) and its execution.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

BENCH_DB = "memberhub_bench_batch"


class _Rollback(Exception):
    pass


def _spread(name: str, values: list[float]) -> str:
    return f"{name} {statistics.median(values):.1f} ({min(values):.1f}-{max(values):.1f})"


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--segments", type=int, default=100)
    parser.add_argument("--batches", type=int, default=20)
    parser.add_argument("--batch", type=int, default=500, help="contacts per batch (the worker claims 500)")
    parser.add_argument("--explain", help="write EXPLAIN (ANALYZE, BUFFERS) of the last batch's statements here")
    args = parser.parse_args()
    os.environ["MEMBERHUB_REDIS_PREFIX"] = "mhbench-batch"
    n_events, n_orders = (2_000_000, 300_000) if args.contacts == 100_000 else (20 * args.contacts, 3 * args.contacts)

    from benchdb import open_bench_database, restore_template
    from realtime_bench import EVENT_MIX, segment_rules
    from segments_bench import _load

    from app import runtime
    from app.db import drop_database, with_database

    template = f"memberhub_bench_segments_tpl_{args.contacts}_{n_events}_{n_orders}"
    reused = await restore_template(with_database(runtime.resolve_database_url(), BENCH_DB), template)
    url = await open_bench_database(BENCH_DB, reuse=reused)
    from tortoise import connections

    from app.segments import batch_diff, service
    from app.segments.models import Segment
    from app.segments.pipeline import worker
    from app.segments.stats import rebuild_computed_properties
    from app.teams.models import Team
    from app.teams.service import create_team

    client = connections.get("default")
    if reused:
        team = await Team.get(name="Bench")
    else:
        from datetime import UTC, datetime

        team, _, _ = await create_team("Bench", "bench@example.com")
        async with client.acquire_connection() as conn:
            await _load(conn, team.id, args.contacts, n_events, n_orders, datetime.now(UTC))
    async with client.acquire_connection() as conn, conn.transaction():
        await conn.execute("SET LOCAL work_mem = '256MB'")
        await rebuild_computed_properties(team.id, conn)
    for name, text in segment_rules(args.segments):  # checked and stored; not built
        parsed = await service.check_rule(team, text, None)
        await Segment.create(team_id=team.id, name=name, kind="dynamic", rule=parsed.json, rule_text=parsed.text,
                             triggers=parsed.triggers.to_json())
    async with client.acquire_connection() as conn:
        await conn.execute("VACUUM (ANALYZE)")
        await conn.execute("CHECKPOINT")
        contact_ids = [r["id"] for r in await conn.fetch("SELECT id FROM team_contacts ORDER BY id")]

    parse_ms: list[float] = []
    compile_ms: list[float] = []
    statements: list[tuple[str, list[Any]]] = []
    original_parse = service.parse_rule
    original_compile = service.ParsedRule.compile
    original_write = batch_diff.write_batch_diff

    def timed_parse(*a: Any, **k: Any) -> Any:
        began = time.perf_counter()
        try:
            return original_parse(*a, **k)
        finally:
            parse_ms[-1] += (time.perf_counter() - began) * 1000

    def timed_compile(self: Any, *a: Any, **k: Any) -> Any:
        began = time.perf_counter()
        try:
            return original_compile(self, *a, **k)
        finally:
            compile_ms[-1] += (time.perf_counter() - began) * 1000

    class Capturing:
        """The batch's connection, recording each statement the diff runs."""

        def __init__(self, conn: Any) -> None:
            self._conn = conn

        def __getattr__(self, name: str) -> Any:
            return getattr(self._conn, name)

        async def fetch(self, sql: str, *values: Any) -> Any:
            statements.append((sql, list(values)))
            return await self._conn.fetch(sql, *values)

    async def captured_write(conn: Any, team_id: int, work: Any, causes: Any) -> Any:
        return await original_write(Capturing(conn), team_id, work, causes)

    service.parse_rule = timed_parse  # type: ignore[assignment]
    service.ParsedRule.compile = timed_compile  # type: ignore[method-assign]
    worker.write_batch_diff = captured_write  # type: ignore[assignment]
    rng = random.Random(7)
    types = [t for t, weight in EVENT_MIX for _ in range(weight)]
    total_ms: list[float] = []
    plan_ms: list[float] = []
    exec_ms: list[float] = []
    from datetime import UTC, datetime

    for _ in range(args.batches):
        pending = [worker.PendingContact(contact_id=c, event_types={rng.choice(types)}, fields=set(), cause="event",
                                         cause_ref="bench", requested_at=datetime.now(UTC))
                   for c in rng.sample(contact_ids, args.batch)]
        parse_ms.append(0.0)
        compile_ms.append(0.0)
        statements.clear()
        async with client.acquire_connection() as conn:
            try:
                async with conn.transaction():
                    began = time.perf_counter()
                    await worker._evaluate_team(conn, team.id, pending, worker.BatchReport())
                    total_ms.append((time.perf_counter() - began) * 1000)
                    raise _Rollback
            except _Rollback:
                pass
            try:
                async with conn.transaction():  # the statement again (rolled back): planning alone, then both
                    await conn.execute("SET LOCAL jit = off")
                    planned = 0.0
                    for sql, values in statements:
                        rows = await conn.fetch("EXPLAIN (SUMMARY) " + sql, *values)
                        planned += float(next(r[0] for r in rows if r[0].startswith("Planning Time")).split()[2])
                    plan_ms.append(planned)
                    began = time.perf_counter()
                    for sql, values in statements:
                        await conn.fetch(sql, *values)
                    exec_ms.append((time.perf_counter() - began) * 1000)
                    raise _Rollback
            except _Rollback:
                pass
    if args.explain:
        async with client.acquire_connection() as conn:
            try:
                async with conn.transaction():
                    await conn.execute("SET LOCAL jit = off")
                    plans = [await conn.fetch("EXPLAIN (ANALYZE, BUFFERS) " + sql, *values)
                             for sql, values in statements]
                    raise _Rollback
            except _Rollback:
                pass
        Path(args.explain).write_text("\n\n".join(sql + "\n" + "\n".join(r[0] for r in plan)
                                                  for (sql, _), plan in zip(statements, plans, strict=True)))
    print(f"{args.segments} segments, {args.batches} batches of {args.batch} contacts (ms, median (min-max)):")
    print("  " + "; ".join([_spread("evaluate_team", total_ms), _spread("parse", parse_ms),
                            _spread("compile", compile_ms), _spread("planning", plan_ms),
                            _spread("statement again", exec_ms)]))
    await runtime.close_orm()
    await drop_database(url)


if __name__ == "__main__":
    asyncio.run(main())
