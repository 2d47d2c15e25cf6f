"""Exactly once under a worker kill: a real arq worker process is SIGKILLed in the middle of a campaign
(from inside the SMTP server, the moment it has received a message the worker has not yet seen
accepted), a second worker finishes, and the SMTP server has exactly one message per recipient."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import factories
from ids import gid, pk
from test_email_helpers import join_segment, make_hub, make_segment, make_template

from app.email.campaigns import campaign_tick
from app.email.models import Campaign, CampaignRecipient

pytest_plugins = ["test_email_helpers"]  # the smtp fixture

ROOT = Path(__file__).resolve().parents[1]
RECIPIENTS = 120
KILL_AFTER = 40
LEASE_SECONDS = 2


def _worker(burst: bool) -> list[str]:
    return [sys.executable, "-m", "arq", *(["--burst"] if burst else []), "workers.settings.WorkerSettings"]


async def test_a_killed_worker_never_sends_twice_and_a_second_worker_finishes(gql, team, smtp):
    hub_id = await make_hub(gql, team, smtp)
    template_id = await make_template(gql, team, hub_id, "news", "News", html="<p>Hi</p>", text="Hi")
    segment = await make_segment(team, "Everyone")
    contacts = await factories.contacts(team, *[{"email": f"r{i:03d}@example.com"} for i in range(RECIPIENTS)])
    for contact in contacts:
        await join_segment(team, segment, contact.id)
    env = {**os.environ, "MEMBERHUB_CAMPAIGN_LEASE_SECONDS": str(LEASE_SECONDS)}
    loop = asyncio.get_running_loop()
    killed = asyncio.Event()
    worker: asyncio.subprocess.Process | None = None

    def kill_mid_send(_message: object) -> None:  # runs in the SMTP server's thread, before it answers 250
        if len(smtp.messages) == KILL_AFTER and worker is not None:
            os.kill(worker.pid, signal.SIGKILL)
            loop.call_soon_threadsafe(killed.set)

    smtp.on_data = kill_mid_send
    worker = await asyncio.create_subprocess_exec(*_worker(burst=False), cwd=ROOT, env=env,
                                                  stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
    try:
        created = await gql("""mutation($i: CreateCampaignInput!) { createCampaign(input: $i) {
            campaign { id } userErrors { code } } }""", {"i": {
            "hubId": hub_id, "name": "Kill", "templateId": template_id, "segmentIds": [gid("Segment", segment.id)]}},
            token=team.key)
        campaign_id = created["createCampaign"]["campaign"]["id"]
        scheduled = await gql("mutation($i: ScheduleCampaignInput!) { scheduleCampaign(input: $i) { campaign "
                              "{ status } } }", {"i": {"id": campaign_id}}, token=team.key)
        assert scheduled["scheduleCampaign"]["campaign"]["status"] == "SENDING"
        await asyncio.wait_for(killed.wait(), timeout=180)
        assert await asyncio.wait_for(worker.wait(), timeout=30) == -signal.SIGKILL
    finally:
        if worker.returncode is None:
            worker.kill()
            await worker.wait()
    smtp.on_data = None
    at_kill = len(smtp.messages)
    assert KILL_AFTER <= at_kill < RECIPIENTS
    in_flight = await CampaignRecipient.filter(team_id=team.id, state="sending").count()
    assert in_flight <= 1  # one connection: at most the message the server had just received

    await asyncio.sleep(LEASE_SECONDS + 0.5)  # the dead worker's claims run out
    await campaign_tick(datetime.now(UTC) + timedelta(minutes=1))  # the next minute's tick
    # Not --burst: the killed job is still in arq's queue, marked in progress until its timeout, and a
    # burst worker would wait for it. A worker runs until the database says the campaign is sent.
    second = await asyncio.create_subprocess_exec(*_worker(burst=False), cwd=ROOT, env=env,
                                                  stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
    try:
        for _ in range(360):
            if (await Campaign.get(id=pk(campaign_id))).status == "sent":
                break
            await asyncio.sleep(0.5)
    finally:
        second.terminate()
        await asyncio.wait_for(second.wait(), timeout=60)

    per_recipient = Counter(m["To"] for m in smtp.messages)
    assert set(per_recipient) == {c.email for c in contacts}  # everyone got the mail ...
    assert set(per_recipient.values()) == {1}  # ... exactly once, the message at the kill included
    states = Counter(await CampaignRecipient.filter(team_id=team.id).values_list("state", flat=True))
    # the row of the message in flight at the kill is `uncertain` (received, never confirmed): not re-sent
    assert states == Counter({"sent": RECIPIENTS - in_flight, "uncertain": in_flight})
    assert (await Campaign.get(id=pk(campaign_id))).status == "sent"
