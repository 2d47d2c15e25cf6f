"""Pooled connections carry no session state from one user to the next (app/db.py `keep_session`).

The pools skip asyncpg's RESET ALL / UNLISTEN / CLOSE ALL / advisory-unlock round trip on release,
which is only sound while no code leaves such state on a pooled connection. These tests scan the
code for the statements that would, and check on a real pool that what asyncpg still does on
release (roll back a transaction left open) is done and that nothing else is sent.
"""

from __future__ import annotations

import re
from pathlib import Path

from tortoise import connections

ROOT = Path(__file__).resolve().parent.parent
# A string literal that begins with a session-level statement (upper case, as all our SQL is): SET (not SET LOCAL / SET TRANSACTION),
# RESET, LISTEN, DECLARE ... WITH HOLD, a session advisory lock, set_config(..., false).
SESSION_STATE = [
    re.compile(r"""["']\s*SET\s+(?!LOCAL\b|TRANSACTION\b|CONSTRAINTS\b)"""),  # our SQL is upper case
    re.compile(r"""["']\s*(RESET|LISTEN)\s"""),
    re.compile(r"\bCURSOR\b.*\bWITH\s+HOLD\b", re.I),
    re.compile(r"\bpg_(try_)?advisory_lock(_shared)?\s*\(", re.I),
    re.compile(r"\bset_config\s*\([^)]*,\s*false\s*\)", re.I),
]


def test_no_code_leaves_session_state_on_a_pooled_connection() -> None:
    found = []
    for folder in ("app", "workers"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "_migrations" in path.parts:
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if any(pattern.search(line) for pattern in SESSION_STATE):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "session state on a pooled connection (use SET LOCAL in a transaction, xact locks):\n" + \
        "\n".join(found)


def test_the_scan_sees_what_it_looks_for() -> None:
    samples = ['"SET work_mem = 1"', "'LISTEN events'", '"select pg_advisory_lock(1)"',
               "\"SELECT set_config('x', '1', false)\"", '"DECLARE c CURSOR WITH HOLD FOR SELECT 1"']
    assert all(any(p.search(s) for p in SESSION_STATE) for s in samples)
    allowed = ['"SET LOCAL jit = off"', '"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"',
               '"UPDATE t SET a = 1"', '"SELECT pg_advisory_xact_lock(1)"']
    assert not any(any(p.search(s) for p in SESSION_STATE) for s in allowed)


async def test_a_released_connection_is_rolled_back_and_sent_nothing_more() -> None:
    pool = connections.get("default")._pool
    sent: list[str] = []

    def log(record) -> None:  # type: ignore[no-untyped-def]
        sent.append(record.query)

    async with pool.acquire() as conn:
        raw = conn._con  # the connection itself, past the proxy's release
        raw.add_query_logger(log)
        await conn.execute("BEGIN")
        await conn.execute("CREATE TEMP TABLE left_open (x int) ON COMMIT DROP")
        backend = await conn.fetchval("SELECT pg_backend_pid()")
    raw.remove_query_logger(log)
    assert sent[-1].upper() == "ROLLBACK", sent  # asyncpg still ends the open transaction
    assert not any(q.upper().startswith(("RESET", "UNLISTEN", "CLOSE", "SELECT PG_ADVISORY_UNLOCK")) for q in sent)
    seen = False
    for _ in range(pool.get_max_size() + 1):  # the pool hands its connections out in turn
        async with pool.acquire() as conn:
            if await conn.fetchval("SELECT pg_backend_pid()") == backend:
                assert not await conn.fetchval("SELECT to_regclass('pg_temp.left_open') IS NOT NULL")
                assert await conn.fetchval("SELECT count(*) FROM pg_stat_activity WHERE pid = $1 "
                                           "AND state LIKE 'idle in transaction%'", backend) == 0
                seen = True
                break
    assert seen, "the released connection never came back from the pool"
