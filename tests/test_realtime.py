"""Real-time membership: events in, segment changes out through workers, nothing lost or doubled."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import asyncpg
import websockets
from ids import gid, pk
from netutil import api_process
from tortoise import Tortoise

from app.db import connection_params
from app.segments.models import SegmentMembership, SegmentMembershipChange
from app.segments.pipeline.models import PendingEvaluation, SegmentEvaluationStats
from app.segments.pipeline.worker import evaluate_pending, evaluate_pending_batch

ROOT = Path(__file__).resolve().parent.parent
CREATE = """
mutation($name: String!, $rule: String!) {
  createSegment(input: {name: $name, kind: DYNAMIC, ruleText: $rule}) { segment { id } userErrors { message } }
}"""
TRACK = "mutation($events: [TrackEventInput!]!) { trackEvents(input: {events: $events}) { accepted { eventId contactId } rejected { code } } }"


async def make_segment(gql, token, name, rule):
    data = await gql(CREATE, {"name": name, "rule": rule}, token=token)
    assert data["createSegment"]["userErrors"] == [], data
    return pk(data["createSegment"]["segment"]["id"])


async def track(gql, token, events):
    data = await gql(TRACK, {"events": events}, token=token)
    assert data["trackEvents"]["rejected"] == []
    return data["trackEvents"]["accepted"]


def run_worker_process(*extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "app.cli", "worker", *extra], cwd=ROOT, env=dict(os.environ),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )


async def members(segment_id: int) -> set[int]:
    return set(await SegmentMembership.filter(segment_id=segment_id).values_list("team_contact_id", flat=True))


async def test_event_moves_contact_into_segment_with_event_as_cause(gql, team):
    searchers = await make_segment(gql, team.key, "Searchers", "any event of type 'search' within 7 days")
    accepted = await track(gql, team.key, [{"email": "ava@example.com", "type": "search"}])
    contact_id, event_id = pk(accepted[0]["contactId"]), str(pk(accepted[0]["eventId"]))
    assert await members(searchers) == set()
    assert await evaluate_pending(None) == 1
    assert await members(searchers) == {contact_id}
    [change] = await SegmentMembershipChange.filter(segment_id=searchers)
    assert (change.action, change.cause, change.cause_ref) == ("join", "event", event_id)
    assert not await PendingEvaluation.exists()
    stats = await SegmentEvaluationStats.get(segment_id=searchers)
    assert stats.evaluation_count == 1 and stats.contacts_evaluated == 1 and stats.error_count == 0


async def test_only_segments_whose_triggers_match_are_evaluated(gql, team):
    searchers = await make_segment(gql, team.key, "Searchers", "any event of type 'search' within 7 days")
    loyal = await make_segment(gql, team.key, "Loyal", "lifecycleStage = 'loyal'")
    await gql('mutation { upsertContacts(input: {contacts: [{email: "bo@example.com", lifecycleStage: "loyal"}]}) { createdCount } }',
              token=team.key)
    await evaluate_pending(None)
    before = await SegmentEvaluationStats.get(segment_id=loyal)
    await track(gql, team.key, [{"email": "bo@example.com", "type": "search"}])
    await evaluate_pending(None)
    after = await SegmentEvaluationStats.get(segment_id=loyal)
    assert after.evaluation_count == before.evaluation_count  # a search cannot change lifecycleStage
    assert len(await members(searchers)) == 1 and len(await members(loyal)) == 1


async def test_one_segment_failing_at_run_time_never_blocks_the_others(gql, team):
    """All woken segments are diffed in one statement; when it fails, each segment is retried alone,
    the broken one records its error and every other segment still changes."""
    await gql('mutation { defineCustomProperty(input: {key: "renews", type: DATE}) { userErrors { code } } }',
              token=team.key)
    renewing = await make_segment(gql, team.key, "Renewing", "custom.renews is set AND eventCount >= 1")
    searchers = await make_segment(gql, team.key, "Searchers", "any event of type 'search' within 7 days")
    accepted = await track(gql, team.key, [{"email": "dee@example.com", "type": "search"}])
    contact_id = pk(accepted[0]["contactId"])
    await evaluate_pending(None)
    assert await members(searchers) == {contact_id}
    # A value no validation lets in today (say, imported by an old release): it looks like a date, but
    # PostgreSQL cannot cast it, so the "Renewing" statement fails for this contact.
    await Tortoise.get_connection("default").execute_query(
        "UPDATE team_contacts SET custom = '{\"renews\": \"2026-02-30\"}' WHERE id = $1", [contact_id])
    second = await track(gql, team.key, [{"email": "dee@example.com", "type": "purchase"},
                                         {"email": "eli@example.com", "type": "search"}])
    assert await evaluate_pending(None) == 2
    assert await members(searchers) == {contact_id, pk(second[1]["contactId"])}
    assert await members(renewing) == set()
    figures = (await gql('query($id: ID!) { segment(id: $id) { evaluation { errorCount lastError } } }',
                         {"id": gid("Segment", renewing)}, token=team.key))["segment"]["evaluation"]
    assert figures["errorCount"] == 1 and "date" in figures["lastError"].lower(), figures
    healthy = (await gql('query($id: ID!) { segment(id: $id) { evaluation { errorCount lastError } } }',
                         {"id": gid("Segment", searchers)}, token=team.key))["segment"]["evaluation"]
    assert healthy == {"errorCount": 0, "lastError": None}
    assert not await PendingEvaluation.exists()


async def test_cart_abandoner_leaves_when_purchase_arrives(gql, team):
    rule = ("lifecycleStage in (engaged, converted, loyal) AND last event of type 'cart_abandoned' within 24 hours "
            "AND no event of type 'purchase' since that cart_abandoned")
    abandoners = await make_segment(gql, team.key, "Abandoners", rule)
    await gql('mutation { upsertContacts(input: {contacts: [{email: "cy@example.com", lifecycleStage: "engaged"}]}) { createdCount } }',
              token=team.key)
    await track(gql, team.key, [{"email": "cy@example.com", "type": "cart_abandoned"}])
    await evaluate_pending(None)
    assert len(await members(abandoners)) == 1
    await track(gql, team.key, [{"email": "cy@example.com", "type": "purchase"}])
    await evaluate_pending(None)
    assert await members(abandoners) == set()
    actions = [c.action for c in await SegmentMembershipChange.filter(segment_id=abandoners).order_by("id")]
    assert actions == ["join", "leave"]


async def test_two_workers_never_lose_or_double_a_change(gql, team):
    searchers = await make_segment(gql, team.key, "Searchers", "any event of type 'search' within 7 days")
    for start in range(0, 600, 200):
        await track(gql, team.key, [{"email": f"p{i}@example.com", "type": "search"} for i in range(start, start + 200)])
    workers = [run_worker_process("--burst") for _ in range(2)]
    for worker in workers:
        assert await asyncio.to_thread(worker.wait, 120) == 0, worker.stderr.read()
    assert not await PendingEvaluation.exists(), "the workers left contacts unevaluated"
    assert len(await members(searchers)) == 600
    joins = await SegmentMembershipChange.filter(segment_id=searchers, action="join").count()
    assert joins == 600
    assert not await PendingEvaluation.exists()


async def test_worker_killed_mid_batch_loses_nothing_and_writes_nothing_twice(gql, team, test_database_url):
    searchers = await make_segment(gql, team.key, "Searchers", "any event of type 'search' within 7 days")
    await SegmentEvaluationStats.create(segment_id=searchers, team_id=team.id)
    await track(gql, team.key, [{"email": f"k{i}@example.com", "type": "search"} for i in range(50)])
    params = connection_params(test_database_url)
    params.pop("options")
    blocker = await asyncpg.connect(**params)
    worker = None
    try:
        # Hold the segment's stats row: the worker claims and diffs, then waits on it mid-transaction.
        blocker_tx = blocker.transaction()
        await blocker_tx.start()
        await blocker.execute("SELECT 1 FROM segment_evaluation_stats WHERE segment_id = $1 FOR UPDATE", searchers)
        worker = run_worker_process("--burst")
        for _ in range(300):
            await blocker.execute("SELECT pg_stat_clear_snapshot()")  # stats views are frozen per transaction
            waiting = await blocker.fetchval(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )
            if waiting:
                break
            await asyncio.sleep(0.1)
        assert waiting, "the worker never reached the middle of its batch: " + (
            worker.stderr.read() if worker.poll() is not None else "still running")
        worker.send_signal(signal.SIGKILL)
        await asyncio.to_thread(worker.wait, 30)
        await blocker_tx.rollback()
    finally:
        if worker is not None and worker.poll() is None:
            worker.kill()
        await blocker.close()
    await asyncio.sleep(0.5)  # PostgreSQL notices the dead backend and rolls its transaction back
    assert await PendingEvaluation.filter(team_id=team.id).count() == 50
    assert await members(searchers) == set()
    assert await evaluate_pending(None) == 50
    assert len(await members(searchers)) == 50
    assert await SegmentMembershipChange.filter(segment_id=searchers).count() == 50


async def test_ingest_succeeds_while_redis_is_down_and_the_sweep_catches_up(gql, team, monkeypatch):
    from app import runtime
    from app.core import redis as redis_module

    searchers = await make_segment(gql, team.key, "Searchers", "any event of type 'search' within 7 days")
    good_url = os.environ["REDIS_URL"]
    await redis_module.close_redis()
    monkeypatch.setitem(runtime._resolved, "redis", "redis://127.0.0.1:1/0")  # nothing listens there
    accepted = await track(gql, team.key, [{"email": "down@example.com", "type": "search"}])
    assert len(accepted) == 1
    assert await PendingEvaluation.filter(team_id=team.id).count() == 1
    await redis_module.close_redis()
    monkeypatch.setitem(runtime._resolved, "redis", good_url)

    # Redis is back: the periodic sweep (a worker job) evaluates what was missed.
    pool = await redis_module.get_redis()
    await pool.enqueue_job("sweep_pending")
    from workers.settings import build_worker

    worker = build_worker(burst=True, poll_delay=0, on_startup=None, on_shutdown=None, cron_jobs=[])
    try:
        await worker.async_run()
    finally:
        await worker.close()
    assert await members(searchers) == {pk(accepted[0]["contactId"])}
    assert not await PendingEvaluation.exists()


async def test_membership_changes_reach_subscribers_of_two_api_processes(gql, team):
    searchers = await make_segment(gql, team.key, "Searchers", "any event of type 'search' within 7 days")
    sockets = []
    async with api_process() as first, api_process() as second:
        try:
            for server in (first, second):
                ws = await websockets.connect(f"ws://127.0.0.1:{server.port}/graphql",
                                              subprotocols=["graphql-transport-ws"])
                sockets.append(ws)
                await ws.send(json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {team.key}"}}))
                assert json.loads(await ws.recv())["type"] == "connection_ack"
                query = ("subscription($id: ID!) { segmentMembershipChanged(segmentId: $id) "
                         "{ contactId action cause causeRef } }")
                await ws.send(json.dumps({"id": "1", "type": "subscribe",
                                          "payload": {"query": query, "variables": {"id": gid("Segment", searchers)}}}))
            await asyncio.sleep(0.5)
            accepted = await track(gql, team.key, [{"email": "live@example.com", "type": "search"}])
            await evaluate_pending(None)
            for ws in sockets:
                message = json.loads(await asyncio.wait_for(ws.recv(), timeout=10))
                assert message["payload"]["data"]["segmentMembershipChanged"] == {
                    "contactId": accepted[0]["contactId"], "action": "JOIN", "cause": "event",
                    "causeRef": accepted[0]["eventId"],
                }
        finally:
            for ws in sockets:
                await ws.close()


BATCHES = ("subscription($ids: [ID!]!) { segmentMembershipChanges(segmentIds: $ids) "
           "{ committedAt changes { segmentId contactId action cause causeRef } } }")


async def _open_socket(url: str, token: str, query: str, variables: dict):
    ws = await websockets.connect(url, subprotocols=["graphql-transport-ws"])
    await ws.send(json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}}))
    assert json.loads(await ws.recv())["type"] == "connection_ack"
    await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query, "variables": variables}}))
    return ws


async def test_one_message_per_batch_carries_the_changes_of_the_followed_segments_only(gql, team, live_server,
                                                                                      other_team):
    searchers = await make_segment(gql, team.key, "Searchers", "any event of type 'search' within 7 days")
    active = await make_segment(gql, team.key, "Active", "lastActivityAt within 1 days")
    buyers = await make_segment(gql, team.key, "Buyers", "any event of type 'search' within 30 days")
    ws = await _open_socket(live_server.ws_url, team.key, BATCHES, {"ids": [gid("Segment", searchers), gid("Segment", active)]})
    try:
        await asyncio.sleep(0.5)
        accepted = await track(gql, team.key, [{"email": "b1@example.com", "type": "search"},
                                               {"email": "b2@example.com", "type": "search"}])
        assert await evaluate_pending(None) == 2
        message = json.loads(await asyncio.wait_for(ws.recv(), timeout=10))
        batch = message["payload"]["data"]["segmentMembershipChanges"]
        got = {(c["segmentId"], c["contactId"], c["action"], c["causeRef"]) for c in batch["changes"]}
        assert got == {(gid("Segment", s), a["contactId"], "JOIN", a["eventId"]) for s in (searchers, active) for a in accepted}
        assert batch["committedAt"] is not None
        assert len(await members(buyers)) == 2  # changed in the same batch, but not followed
    finally:
        await ws.close()
    # Bad input changes nothing and says why: another team's segment, no ids at all.
    theirs = await make_segment(gql, other_team.key, "Theirs", "eventCount > 1")
    for ids in ([gid("Segment", searchers), gid("Segment", theirs)], []):
        ws = await _open_socket(live_server.ws_url, team.key, BATCHES, {"ids": ids})
        try:
            message = json.loads(await asyncio.wait_for(ws.recv(), timeout=10))
            assert message["type"] == "error" or message["payload"].get("errors"), message
            assert "segment" in json.dumps(message)
        finally:
            await ws.close()


async def test_ingest_never_waits_for_a_batch_in_progress_and_its_change_is_evaluated_after(
        gql, team, test_database_url):
    segment = await make_segment(gql, team.key, "Abandoned, no purchase",
                                 "any event of type 'cart_abandoned' within 24 hours "
                                 "AND no event of type 'purchase' since that cart_abandoned")
    await SegmentEvaluationStats.create(segment_id=segment, team_id=team.id)
    [cart] = await track(gql, team.key, [{"email": "shopper@example.com", "type": "cart_abandoned"}])
    params = connection_params(test_database_url)
    params.pop("options")
    blocker = await asyncpg.connect(**params)
    try:
        blocker_tx = blocker.transaction()
        await blocker_tx.start()
        await blocker.execute("SELECT 1 FROM segment_evaluation_stats WHERE segment_id = $1 FOR UPDATE", segment)
        batch = asyncio.create_task(evaluate_pending_batch())  # claims the contact, then waits mid-batch
        # Wait (however loaded the machine) until the batch holds its claim and is blocked on the lock.
        for _ in range(1200):
            if await PendingEvaluation.filter(claimed_pid__isnull=False).exists() and await blocker.fetchval(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"):
                break
            assert not batch.done(), batch.result()
            await asyncio.sleep(0.05)
        else:
            raise AssertionError("the batch never reached the locked row")
        # The purchase for the same contact is accepted while its previous change is mid-evaluation.
        [purchase] = await asyncio.wait_for(
            track(gql, team.key, [{"email": "shopper@example.com", "type": "purchase"}]), timeout=30)
        assert not batch.done()
        await blocker_tx.rollback()
        first = await batch
    finally:
        await blocker.close()
    assert [(c.action, c.cause_ref) for c in first.changes] == [("join", str(pk(cart["eventId"])))]
    # The row the purchase updated survived the first claim and is evaluated in the next round.
    assert await evaluate_pending(None) == 1
    assert await members(segment) == set()
    changes = await SegmentMembershipChange.filter(segment_id=segment).order_by("id")
    assert [(c.action, c.cause_ref) for c in changes] == [("join", str(pk(cart["eventId"]))), ("leave", str(pk(purchase["eventId"])))]


async def test_batches_waking_different_segments_match_a_recompute(gql, team):
    """Batch after batch, each waking other segments (and, through references, a second layer), the
    live memberships equal a from-scratch evaluation of every rule; the worker's rules (kept between
    batches) are the stored ones."""
    from datetime import UTC, datetime

    from app.segments import service
    from app.segments.models import Segment
    from app.teams.models import Team

    rules = {
        "Searchers": "any event of type 'search' within 7 days",
        "Busy readers": "count of events of type 'page_view' within 30 days >= 2",
        "Active": "eventCount >= 2",
        "Loyal": "lifecycleStage = 'loyal'",
        "Mobile": "any event of type 'page_view' has device = 'mobile' within 7 days",
        "Searching readers": "in segment 'Searchers' AND in segment 'Busy readers'",
    }
    ids = {name: await make_segment(gql, team.key, name, rule) for name, rule in rules.items()}
    batches = [
        [{"email": "s1@example.com", "type": "search"}, {"email": "s2@example.com", "type": "search"}],
        [{"email": "s1@example.com", "type": "page_view", "properties": {"device": "mobile"}},
         {"email": "r1@example.com", "type": "page_view"}],
        [{"email": "s1@example.com", "type": "page_view"}, {"email": "r1@example.com", "type": "page_view"}],
        [{"email": "p1@example.com", "type": "purchase"}],
    ]
    for events in batches:
        await track(gql, team.key, events)
        assert await evaluate_pending(None) == len({e["email"] for e in events})
    s1 = await gql('{ contacts(first: 1, filter: {emails: ["s1@example.com"]}) { edges { node { id } } } }',
                   token=team.key)
    assert pk(s1["contacts"]["edges"][0]["node"]["id"]) in await members(ids["Searching readers"])
    team_row = await Team.get(id=team.id)
    conn = Tortoise.get_connection("default")
    for segment in await Segment.filter(team_id=team.id):
        compiled = (await service.stored_rule(team_row, segment)).compile(datetime.now(UTC), None)
        async with conn.acquire_connection() as raw:
            expected = {r[0] for r in await raw.fetch(compiled.statement("c.id"), *compiled.params)}
        assert await members(segment.id) == expected, segment.name


async def test_a_rule_edited_between_batches_is_the_rule_the_next_batch_evaluates(gql, team):
    """The worker keeps a team's parsed rules between batches: an edit (or a new custom property, a
    renamed hub) must reach the very next batch."""
    segment = await make_segment(gql, team.key, "Searchers", "any event of type 'search' within 7 days")
    [first] = await track(gql, team.key, [{"email": "ed1@example.com", "type": "search"}])
    await evaluate_pending(None)
    assert await members(segment) == {pk(first["contactId"])}
    data = await gql('mutation($id: ID!) { updateSegment(input: {id: $id, ruleText: "any event of type \'login\' within 7 days"}) '
                     '{ userErrors { message } } }', {"id": gid("Segment", segment)}, token=team.key)
    assert data["updateSegment"]["userErrors"] == []
    await evaluate_pending(None)
    [search, login] = await track(gql, team.key, [{"email": "ed2@example.com", "type": "search"},
                                                  {"email": "ed3@example.com", "type": "login"}])
    await evaluate_pending(None)
    assert await members(segment) == {pk(login["contactId"])}
    await gql('mutation { defineCustomProperty(input: {key: "plan", type: STRING}) { userErrors { code } } }',
              token=team.key)
    planned = await make_segment(gql, team.key, "Pro", "custom.plan = 'pro' AND eventCount >= 1")
    await gql('mutation { upsertContacts(input: {contacts: [{email: "ed2@example.com", customProperties: {plan: "pro"}}]}) '
              '{ createdCount } }', token=team.key)
    await track(gql, team.key, [{"email": "ed2@example.com", "type": "search"}])
    await evaluate_pending(None)
    assert await members(planned) == {pk(search["contactId"])}
