"""Cloning 30 library templates into a brand in one call: the issue asks for under 2 s.

Each run makes a new team (a brand) with `--contacts` contacts (some with orders' worth of events),
the two custom properties the library's templates read, and then times one
`cloneSegmentTemplates` through GraphQL (httpx on the ASGI app): 30 templates checked, created and
evaluated in one transaction. Prints the median and spread of `--repeat` runs.

    flock /work/.bench.lock .venv/bin/python bench/library_clone_bench.py [--contacts 5000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CLONE = """mutation($i: CloneSegmentTemplatesInput!) {
  cloneSegmentTemplates(input: $i) { segments { id memberCount } results { key problems { code } }
    userErrors { code message } } }"""


async def one_run(client: object, index: int, contacts: int) -> tuple[float, int]:
    import httpx

    from app.contacts import service as contacts_service
    from app.plans import library
    from app.plans import service as plans
    from app.teams.service import create_team

    assert isinstance(client, httpx.AsyncClient)
    team, _, key = await create_team(f"Brand {index}", f"owner{index}@bench.example")
    await plans.set_plan(team, "agency", "bench")
    await contacts_service.define_custom_property(team, "acquisition_channel", None, "string", None, "")
    await contacts_service.define_custom_property(team, "whatsapp_opt_in", None, "boolean", None, "")
    rows = [{"email": f"c{i}@brand{index}.example", "country": "GB" if i % 3 else "US",
             "tags": ["vip"] if i % 10 == 0 else [],
             "customProperties": {"whatsapp_opt_in": i % 2 == 0, "acquisition_channel": "instagram"}}
            for i in range(contacts)]
    for start in range(0, len(rows), 1000):
        await contacts_service.upsert_contacts(team, rows[start:start + 1000])
    chosen = [{"key": t.key} for t in library.BUILT_IN[:30]]
    started = time.perf_counter()
    response = await client.post("/graphql", json={"query": CLONE, "variables": {"i": {"templates": chosen}}},
                                 headers={"Authorization": f"Bearer {key}"})
    elapsed = time.perf_counter() - started
    payload = response.json()["data"]["cloneSegmentTemplates"]
    assert payload["userErrors"] == [], payload["userErrors"]
    assert len(payload["segments"]) == 30, payload["results"]
    return elapsed, sum(s["memberCount"] for s in payload["segments"])


async def main(contacts: int, repeat: int) -> None:
    import httpx
    from benchdb import open_bench_database  # bench/ is the script's own directory

    from app import runtime
    from app.asgi import create_app
    from app.db import drop_database
    from app.wiring import wire

    wire()
    url = await open_bench_database("memberhub_bench_library")
    app = create_app(manage_orm=False)
    times: list[float] = []
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench",
                                     timeout=120) as client:
            for index in range(repeat):
                elapsed, members = await one_run(client, index, contacts)
                times.append(elapsed)
                print(f"run {index + 1}: 30 templates cloned in {elapsed:.2f} s ({members:,} memberships written)")
    finally:
        await runtime.close_orm()
        await drop_database(url)
    times.sort()
    print(f"clone of 30 templates, {contacts:,} contacts: median {statistics.median(times):.2f} s "
          f"(spread {times[0]:.2f}-{times[-1]:.2f} s over {repeat} runs; target < 2 s)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    asyncio.run(main(options.contacts, options.repeat))
