"""Benchmark: import 100,000 contacts from CSV through COPY (`memberhub import-contacts`).

Prints the rate for a first import (all new), a re-import (all updates), and, in the same run,
the bulk-upsert service path (1,000 per call, as `upsertContacts` does) as the baseline.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres python bench/import_contacts.py [--rows 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.contacts.importer import import_contacts_csv
from app.db import drop_database, with_database
from app.demo import demo_contacts
from app.migrate import apply_migrations
from app.runtime import close_orm, init_orm, resolve_database_url
from app.wiring import wire

DATA = Path(__file__).resolve().parent / "data"


def write_csv(path: Path, rows: int, seed: int) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["email", "first_name", "last_name", "phone", "country", "lifecycle_stage", "tags",
                         "custom.plan", "custom.lifetime_sessions"])
        for contact in demo_contacts(rows, seed=seed):
            writer.writerow([
                contact["email"], contact["firstName"], contact["lastName"], contact["phone"] or "",
                contact["country"], contact["lifecycleStage"], ";".join(contact["tags"]),
                contact["customProperties"]["plan"], rng.randint(0, 500),
            ])


async def main(rows: int) -> None:
    import os

    base = resolve_database_url()
    url = with_database(base, "memberhub_bench_import")
    await drop_database(url)
    await apply_migrations(url)
    os.environ["DATABASE_URL"] = url
    from app import runtime

    runtime._resolved.clear()
    from app.settings import get_settings

    get_settings.cache_clear()
    wire()
    await init_orm()
    from app.contacts.service import define_custom_property, upsert_contacts
    from app.teams.service import create_team

    team, _, _ = await create_team("Bench", "bench@example.com")
    await define_custom_property(team, "plan", None, "enum", ["free", "starter", "pro", "studio"], "")
    await define_custom_property(team, "lifetime_sessions", None, "number", None, "")
    other, _, _ = await create_team("Bench baseline", "bench2@example.com")
    await define_custom_property(other, "plan", None, "enum", ["free", "starter", "pro", "studio"], "")

    DATA.mkdir(exist_ok=True)
    path = DATA / f"contacts_{rows}.csv"
    if not path.exists():
        write_csv(path, rows, seed=42)
    size_mb = path.stat().st_size / 1e6

    started = time.perf_counter()
    first = await import_contacts_csv(url, team.id, path)
    first_s = time.perf_counter() - started
    started = time.perf_counter()
    again = await import_contacts_csv(url, team.id, path)
    again_s = time.perf_counter() - started

    contacts = demo_contacts(rows, seed=42)
    for contact in contacts:
        contact["customProperties"] = {"plan": contact["customProperties"]["plan"]}
    started = time.perf_counter()
    for start in range(0, rows, 1000):
        await upsert_contacts(other, contacts[start : start + 1000])
    baseline_s = time.perf_counter() - started
    await close_orm()
    await drop_database(url)

    print(f"CSV: {rows:,} rows, {size_mb:.1f} MB")
    print(f"{'path':<38}{'seconds':>10}{'rows/s':>12}  result")
    print(f"{'import-contacts (new contacts)':<38}{first_s:>10.2f}{rows / first_s:>12,.0f}  "
          f"imported={first.created:,} updated={first.updated:,} rejected={first.rejected}")
    print(f"{'import-contacts (re-import, updates)':<38}{again_s:>10.2f}{rows / again_s:>12,.0f}  "
          f"imported={again.created:,} updated={again.updated:,} rejected={again.rejected}")
    print(f"{'baseline: upsertContacts x1000/call':<38}{baseline_s:>10.2f}{rows / baseline_s:>12,.0f}")
    print(f"ratio import/baseline speed: {baseline_s / first_s:.2f}x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    asyncio.run(main(parser.parse_args().rows))
