"""Benchmark: import order history from CSV (`memberhub import-orders`), orders per second.

Each repetition starts from an empty database (a team, 50 products with external ids), imports the
file once (every order new, every contact created from its email: 4 orders per contact), then
imports it again (every order unchanged: the idempotent re-import a merchant retrying does). The
segment evaluation the import queues is not part of the time (workers do it afterwards).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        flock /work/.bench.lock python bench/import_orders.py [--orders 1000000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import random
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchdb import open_bench_database  # bench/ is the script's own directory

DATA = Path(__file__).resolve().parent / "data"
PRODUCTS = 50
ORDERS_PER_CONTACT = 4


def write_csv(path: Path, orders: int, seed: int) -> None:
    rng = random.Random(seed)
    start = datetime(2019, 1, 1, tzinfo=UTC)
    contacts = max(1, orders // ORDERS_PER_CONTACT)
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["external_id", "email", "placed_at", "currency", "total", "refunded", "items"])
        for n in range(orders):
            items = []
            total = 0
            for product in rng.sample(range(PRODUCTS), rng.choice((1, 1, 2, 3))):
                quantity = rng.choice((1, 1, 1, 2))
                amount = quantity * rng.randint(500, 20000)
                total += amount
                items.append(f"sku-{product}:{quantity}:{amount / 100:.2f}")
            refunded = rng.choice((0,) * 9 + (rng.randint(1, total),))
            placed = start + timedelta(seconds=rng.randint(0, 7 * 365 * 86400))
            writer.writerow([f"ord-{n}", f"customer{rng.randrange(contacts)}@example.com",
                             placed.isoformat().replace("+00:00", "Z"), "usd", f"{total / 100:.2f}",
                             f"{refunded / 100:.2f}" if refunded else "", ";".join(items)])


async def one_run(path: Path, orders: int) -> tuple[float, float, str]:
    from app.commerce.order_import import import_orders_csv
    from app.commerce.service import create_product
    from app.db import drop_database
    from app.runtime import close_orm
    from app.segments.service import create_segment
    from app.teams.service import create_team

    url = await open_bench_database("memberhub_bench_orders")
    team, _, _ = await create_team("Bench", "bench@example.com")
    for i in range(PRODUCTS):
        await create_product(team, name=f"Product {i}", external_id=f"sku-{i}")
    for name, rule in (("Big spenders", "totalSpent > 500"), ("Repeat", "orderCount >= 3")):
        await create_segment(team, name=name, kind="dynamic", rule_text=rule)
    started = time.perf_counter()
    first = await import_orders_csv(url, team.id, path)
    first_s = time.perf_counter() - started
    started = time.perf_counter()
    again = await import_orders_csv(url, team.id, path)
    again_s = time.perf_counter() - started
    await close_orm()
    await drop_database(url)
    assert first.created == orders and first.rejected == 0, first.as_dict()
    assert again.unchanged == orders and again.created == again.updated == 0, again.as_dict()
    return first_s, again_s, f"contacts created {first.contacts_created:,}"


def main(orders: int, repeat: int) -> None:
    DATA.mkdir(exist_ok=True)
    path = DATA / f"orders_{orders}.csv"
    if not path.exists():
        write_csv(path, orders, seed=7)
    print(f"CSV: {orders:,} orders, {path.stat().st_size / 1e6:.1f} MB; {repeat} run(s)", flush=True)
    firsts, agains = [], []
    for run in range(repeat):
        # Each repetition in its own process, on its own fresh database (the ORM is set up once per process).
        child = subprocess.run([sys.executable, __file__, "--orders", str(orders), "--child"],
                               capture_output=True, text=True, check=True)
        first_s, again_s, note = json.loads(child.stdout.strip().splitlines()[-1])
        firsts.append(first_s)
        agains.append(again_s)
        print(f"run {run + 1}: first import {first_s:.1f} s ({orders / first_s:,.0f} orders/s, {note}); "
              f"re-import {again_s:.1f} s ({orders / again_s:,.0f} orders/s)", flush=True)
    for label, times in (("first import (all new)", firsts), ("re-import (all unchanged)", agains)):
        rates = sorted(orders / t for t in times)
        print(f"{label:<28} median {statistics.median(rates):>10,.0f} orders/s "
              f"(spread {rates[0]:,.0f}-{rates[-1]:,.0f}; median {statistics.median(times):.1f} s)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(one_run(DATA / f"orders_{args.orders}.csv", args.orders))))
    else:
        main(args.orders, args.repeat)
