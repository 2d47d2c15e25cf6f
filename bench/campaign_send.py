"""Schedule and send one campaign to N recipients through a local SMTP server (aiosmtpd, its own
process): time to take the audience, messages per second rendered and handed over, peak memory.

The sender is the real path (app/email/campaign_send.py `run_campaign`: claims, the send-time
gauntlet, batch renders in the render pool, one SMTP connection per batch, the per-message state
moves), run as `--jobs` concurrent batch jobs in this process, as a worker runs them. The SMTP
server counts what it receives and checks nobody got two copies.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/2 \
        flock /work/.bench.lock python bench/campaign_send.py [--recipients 100000] [--jobs 4]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import resource
import socket
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.benchdb import open_bench_database  # noqa: E402

TEMPLATE_HTML = """<html><body><p>Hi {{ contact.first_name or contact.email }},</p>
<p>Spring classes at {{ hub.name }} start next week. {% for i in range(3) %}<b>Class {{ i + 1 }}</b> {% endfor %}</p>
<p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p></body></html>"""
TEMPLATE_TEXT = ("Hi {{ contact.first_name or contact.email }},\nSpring classes start next week.\n"
                 "{{ unsubscribe_url }}\n")


def _smtp_server(port: int, ready: Any, counts: Any) -> None:
    """The SMTP server process: accepts everything, counts messages and duplicate recipients."""
    from aiosmtpd.controller import Controller

    seen: set[str] = set()

    class Sink:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            for rcpt in envelope.rcpt_tos:
                if rcpt in seen:
                    counts[1] += 1
                seen.add(rcpt)
            counts[0] += 1
            return "250 OK"

    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _current_rss_mb(pid: int | str = "self") -> float:
    """Resident memory now (VmRSS), of this process or a child."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children_rss_mb() -> float:
    """Resident memory of this process's children (render and signing processes, the SMTP server)."""
    return sum(_current_rss_mb(p.pid) for p in multiprocessing.active_children() if p.pid)


async def _sample_rss(samples: list[float], every: float = 1.0) -> None:
    while True:
        samples.append(_current_rss_mb())
        await asyncio.sleep(every)


async def _load(recipients: int, port: int, dkim: bool = False) -> tuple[int, int]:
    from tortoise import connections

    from app.email.campaigns import CampaignSpec, create_campaign
    from app.email.service import generate_dkim_key, save_email_template, update_email_settings
    from app.hubs.service import create_hub
    from app.segments.models import SegmentKind
    from app.segments.service import create_segment
    from app.teams.service import create_team

    team, _, _ = await create_team("Bench Studio", "owner@bench.example", None)
    hub = await create_hub(team, "Yoga Academy", None, "")
    await update_email_settings(team, hub.id, smtp_host="127.0.0.1", smtp_port=port, tls_mode="none", username=None,
                                password=None, from_name="Yoga Academy", from_address="hello@yoga.example",
                                reply_to=None)
    if dkim:  # every message DKIM-signed, as a hub with a key sends them
        await generate_dkim_key(team, hub.id, "yoga.example", "mh1")
    template = await save_email_template(team, template_id=None, hub_id=hub.id, key="spring", name="Spring",
                                         subject="Spring classes, {{ contact.first_name }}", html_body=TEMPLATE_HTML,
                                         text_body=TEMPLATE_TEXT)
    segment = await create_segment(team, name="Everyone", kind=SegmentKind.STATIC)
    conn = connections.get("default")
    # Rows as the importer would leave them (contacts, team contacts, memberships), in bulk SQL.
    await conn.execute_query(
        "INSERT INTO contacts (email, created_at) SELECT 'r' || g || '@bench.example', now() "
        "FROM generate_series(1, $1) g", [recipients])
    await conn.execute_query(
        "INSERT INTO team_contacts (team_id, contact_id, email, first_name, lifecycle_stage, tags, custom, created_at, "
        "updated_at) SELECT $1, c.id, c.email, 'R' || c.id, 'subscriber', '{}', '{}'::jsonb, now(), now() "
        "FROM contacts c WHERE c.email LIKE '%@bench.example'", [team.id])
    await conn.execute_query(
        "INSERT INTO segment_memberships (team_id, segment_id, team_contact_id, joined_at) "
        "SELECT $1, $2, id, now() FROM team_contacts WHERE team_id = $1", [team.id, segment.id])
    campaign = await create_campaign(team, hub.id, CampaignSpec(name="Spring", template_id=template.id,
                                                               segment_ids=[segment.id]))
    return team.id, campaign.id


async def run(recipients: int, jobs: int, dkim: bool = False) -> dict[str, Any]:
    from app.email import campaigns
    from app.email.campaign_send import run_campaign
    from app.email.models import Campaign, CampaignStatus
    from app.email.render_pool import render_many

    port = _free_port()
    ctx = multiprocessing.get_context("spawn")
    ready, counts = ctx.Event(), ctx.Array("q", [0, 0])
    server = ctx.Process(target=_smtp_server, args=(port, ready, counts), daemon=True)
    server.start()
    ready.wait(30)
    url = await open_bench_database("memberhub_bench_campaign")
    try:
        team_id, campaign_id = await _load(recipients, port, dkim)
        await render_many("warm", "up", "pool", [{}])  # the render processes start before the clock does
        await Campaign.filter(id=campaign_id).update(status=CampaignStatus.SCHEDULED)
        rss_before = _rss_mb()
        started = time.perf_counter()
        await campaigns.advance_campaign(campaign_id)  # takes the audience (one INSERT … SELECT)
        scheduled = time.perf_counter() - started
        samples: list[float] = []
        sampler = asyncio.create_task(_sample_rss(samples))
        send_started = time.perf_counter()
        results = await asyncio.gather(*[run_campaign(campaign_id, budget_seconds=3600) for _ in range(jobs)])
        while (await Campaign.get(id=campaign_id)).status != CampaignStatus.SENT:
            results.append(await run_campaign(campaign_id, budget_seconds=3600))
        sending = time.perf_counter() - send_started
        sampler.cancel()
        children_rss = _children_rss_mb()
        # Flat memory: the resident size after the first tenth of the send against the last sample.
        settled = samples[max(1, len(samples) // 10)] if len(samples) > 1 else samples[0]
        sent = sum(int(r.get("sent", 0)) for r in results)
        return {"recipients": recipients, "jobs": jobs, "dkim": dkim, "schedule_s": round(scheduled, 2),
                "send_s": round(sending, 2), "sent": sent, "received": counts[0], "duplicates": counts[1],
                "msg_per_s": round(sent / sending, 1), "peak_rss_mb_before_send": round(rss_before, 1),
                "peak_rss_mb_after": round(_rss_mb(), 1),
                "rss_mb_during_send": {"at_10pct": round(settled, 1), "last": round(samples[-1], 1),
                                       "max": round(max(samples), 1)},
                "children_rss_mb_at_end": round(children_rss, 1), "team": team_id}
    finally:
        server.terminate()
        from app import runtime
        from app.db import drop_database

        await runtime.close_orm()
        await drop_database(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--recipients", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=4, help="concurrent batch jobs (SMTP connections)")
    parser.add_argument("--dkim", action="store_true", help="the hub has a DKIM key: every message is signed")
    args = parser.parse_args()
    os.environ.setdefault("MEMBERHUB_ENV", "development")
    print(asyncio.run(run(args.recipients, args.jobs, args.dkim)))


if __name__ == "__main__":
    main()
