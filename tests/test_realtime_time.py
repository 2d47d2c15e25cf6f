"""Real-time membership beyond events: time alone, segment references, bulk-import catch-up, stats."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from ids import gid, pk
from test_realtime import ROOT, make_segment, members, track

from app.contacts.models import TeamContact
from app.segments.models import SegmentMembership, SegmentMembershipChange
from app.segments.pipeline.models import EvaluationBackfill, PendingEvaluation, SegmentEvaluationStats
from app.segments.pipeline.timesweep import plan_crossings, sweep_time_windows
from app.segments.pipeline.worker import evaluate_pending, evaluate_pending_batch
from app.segments.service import check_rule
from app.teams.models import Team
from app.teams.service import create_api_key

UPSERT = "mutation($c: [ContactInput!]!) { upsertContacts(input: {contacts: $c}) { contacts { id email } userErrors { message } } }"
UPDATE = "mutation($i: UpdateSegmentInput!) { updateSegment(input: $i) { userErrors { message } } }"
ADD_STATIC = "mutation($i: StaticSegmentMembersInput!) { addToStaticSegment(input: $i) { changedCount userErrors { message } } }"
EVALUATION = """query($id: ID!) { segment(id: $id) { evaluation {
  lastEvaluatedAt evaluationCount contactsEvaluated lastLagMs maxLagMs averageLagMs errorCount lastError
  timeCheckedAt catchingUp backfillProgress } } }"""
STATUS = "{ evaluationStatus { pendingContacts catchingUp backfills { source total remaining progress finishedAt } } }"


FLIP = 10  # seconds until the time windows of the first test flip


def ago(**delta: float) -> str:
    return (datetime.now(UTC) - timedelta(**delta)).isoformat()


async def history(segment_id: int) -> list[tuple[int, str, str]]:
    rows = await SegmentMembershipChange.filter(segment_id=segment_id).order_by("id")
    return [(r.team_contact_id, r.action, r.cause) for r in rows]


async def test_time_alone_moves_members_in_and_out_and_only_crossing_contacts_are_queued(gql, team):
    # Time windows that each flip FLIP seconds from now, and bystanders far from any boundary. The
    # margin is wide so a loaded machine still evaluates before the flip; the test sleeps only the rest.
    flip_at = datetime.now(UTC) + timedelta(seconds=FLIP)
    await track(gql, team.key, [{"email": "lapsing@example.com", "type": "page_view",
                                 "occurredAt": ago(days=14, seconds=-FLIP)}])
    await track(gql, team.key, [{"email": "cart@example.com", "type": "cart_abandoned",
                                 "occurredAt": ago(hours=24, seconds=-FLIP)}])
    await track(gql, team.key, [{"email": "searcher@example.com", "type": "search", "occurredAt": ago(days=7, seconds=-FLIP)},
                                {"email": "searcher@example.com", "type": "search", "occurredAt": ago(days=1)}])
    await track(gql, team.key, [{"email": f"steady{i}@example.com", "type": "page_view", "occurredAt": ago(days=30)}
                                for i in range(20)])
    lapsing = await make_segment(gql, team.key, "Lapsing",
                                 "lastActivityAt within 60 days AND lastActivityAt not within 14 days")
    carts = await make_segment(gql, team.key, "Recent carts", "any event of type 'cart_abandoned' within 24 hours")
    searchers = await make_segment(gql, team.key, "Searchers",
                                   "count of events of type 'search' within 7 days >= 2")
    await evaluate_pending(None)
    assert datetime.now(UTC) < flip_at, "setup outlasted the margin: the first evaluation already saw the flip"
    ids = {c.email: c.id for c in await TeamContact.all()}
    steady = {ids[f"steady{i}@example.com"] for i in range(20)}
    assert await members(lapsing) == steady
    assert await members(carts) == {ids["cart@example.com"]}
    assert await members(searchers) == {ids["searcher@example.com"]}

    await asyncio.sleep((flip_at - datetime.now(UTC)).total_seconds() + 1)  # every boundary has passed
    report = await sweep_time_windows(None)
    assert report["segments"] == 3
    assert report["queued"] == 3  # the three crossing contacts, none of the 20 steady ones
    queued = await PendingEvaluation.all()
    assert {p.team_contact_id for p in queued} == {ids["lapsing@example.com"], ids["cart@example.com"],
                                                    ids["searcher@example.com"]}
    await evaluate_pending(None)
    assert await members(lapsing) == steady | {ids["lapsing@example.com"]}
    assert await members(carts) == set()
    assert await members(searchers) == set()
    assert (await history(lapsing))[-1] == (ids["lapsing@example.com"], "join", "time")
    assert (await history(carts))[-1] == (ids["cart@example.com"], "leave", "time")
    assert (await history(searchers))[-1] == (ids["searcher@example.com"], "leave", "time")

    # The watermark moved: an immediate second sweep queues nobody.
    again = await sweep_time_windows(None)
    assert again["queued"] == 0
    assert not await PendingEvaluation.exists()


async def test_a_calendar_period_rolling_over_recomputes_the_segment(team):
    db_team = await Team.get(id=team.id)
    parsed = await check_rule(db_team, "lastActivityAt during today", None)
    tz = ZoneInfo("UTC")
    before_midnight = datetime(2026, 11, 20, 23, 59, 50, tzinfo=UTC)
    assert plan_crossings(parsed.node, team.id, tz, before_midnight, before_midnight + timedelta(seconds=20)).full
    assert not plan_crossings(parsed.node, team.id, tz, before_midnight - timedelta(minutes=5), before_midnight).full
    windowed = await check_rule(db_team, "lastActivityAt not within 14 days AND tags contains 'vip'", None)
    plan = plan_crossings(windowed.node, team.id, tz, before_midnight, before_midnight + timedelta(seconds=15))
    assert not plan.full and len(plan.queries) == 1  # one range scan, not a recompute


async def test_the_sweep_recomputes_a_segment_whose_calendar_period_rolled_over(gql, team):
    [stale] = await track(gql, team.key, [{"email": "monday@example.com", "type": "page_view",
                                           "occurredAt": ago(days=3)}])
    today = await make_segment(gql, team.key, "Active today", "lastActivityAt during today")
    await evaluate_pending(None)
    assert await members(today) == set()
    # As it stood three days ago, "today" held this contact, and the segment was last checked then.
    contact = pk(stale["contactId"])
    await SegmentMembership.create(team_id=team.id, segment_id=today, team_contact_id=contact)
    await SegmentEvaluationStats.update_or_create(
        {"team_id": team.id, "time_checked_at": datetime.now(UTC) - timedelta(days=3)}, segment_id=today)
    report = await sweep_time_windows(None)
    assert report["recomputed"] == 1 and report["queued"] == 0
    assert await members(today) == set()
    assert (await history(today))[-1] == (contact, "leave", "time")
    stats = await SegmentEvaluationStats.get(segment_id=today)
    assert stats.time_checked_at > datetime.now(UTC) - timedelta(minutes=1)


async def test_one_batch_keeps_each_contacts_own_cause(gql, team):
    # One contact's window expires (time) while another contact's event arrives: one batch, two causes.
    await track(gql, team.key, [{"email": "fading@example.com", "type": "search", "occurredAt": ago(days=7, seconds=-2)}])
    searchers = await make_segment(gql, team.key, "Searchers", "any event of type 'search' within 7 days")
    await evaluate_pending(None)
    await asyncio.sleep(3)
    await sweep_time_windows(None)
    [fresh] = await track(gql, team.key, [{"email": "fresh@example.com", "type": "search"}])
    report = await evaluate_pending_batch()
    assert report.claimed == 2
    by_contact = {c.team_contact_id: (c.action, c.cause, c.cause_ref) for c in report.changes}
    ids = {c.email: c.id for c in await TeamContact.all()}
    assert by_contact == {ids["fading@example.com"]: ("leave", "time", None),
                          ids["fresh@example.com"]: ("join", "event", str(pk(fresh["eventId"])))}
    assert sorted(await history(searchers))[-2:] == sorted([(ids["fading@example.com"], "leave", "time"),
                                                            (ids["fresh@example.com"], "join", "event")])


async def test_evaluation_figures_need_the_segments_read_scope(gql, team):
    segment = await make_segment(gql, team.key, "Searchers", "any event of type 'search' within 7 days")
    _, writer = await create_api_key(team.team, "ingest only", ["events:write"])
    for query, variables in ((STATUS, None), (EVALUATION, {"id": gid("Segment", segment)})):
        body = await gql.raw(query, variables, token=writer)
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_static_list_changes_reevaluate_the_dynamic_segments_that_read_it(gql, team):
    data = await gql("mutation { createSegment(input: {name: \"Hand picked\", kind: STATIC}) { segment { id } } }",
                     token=team.key)
    static_id = data["createSegment"]["segment"]["id"]
    contacts = (await gql(UPSERT, {"c": [{"email": "pick@example.com", "country": "US"},
                                          {"email": "other@example.com", "country": "US"}]}, token=team.key)
                )["upsertContacts"]["contacts"]
    picked_us = await make_segment(gql, team.key, "Picked US", "in segment 'Hand picked' AND country = 'US'")
    await evaluate_pending(None)
    assert await members(picked_us) == set()
    added = await gql(ADD_STATIC, {"i": {"segmentId": static_id, "emails": ["pick@example.com"]}}, token=team.key)
    assert added["addToStaticSegment"]["changedCount"] == 1
    await evaluate_pending(None)
    assert await members(picked_us) == {pk(contacts[0]["id"])}
    assert (await history(picked_us))[-1] == (pk(contacts[0]["id"]), "join", "segment")


async def test_changing_a_referenced_rule_recomputes_dependents_and_they_follow_its_new_triggers(gql, team):
    contacts = (await gql(UPSERT, {"c": [{"email": "a@example.com", "country": "US", "tags": ["vip"]},
                                          {"email": "b@example.com", "country": "US", "lifecycleStage": "loyal"}]},
                          token=team.key))["upsertContacts"]["contacts"]
    a, b = pk(contacts[0]["id"]), pk(contacts[1]["id"])
    base = await make_segment(gql, team.key, "Base", "tags contains 'vip'")
    middle = await make_segment(gql, team.key, "Middle", "in segment 'Base' AND country = 'US'")
    top = await make_segment(gql, team.key, "Top", "in segment 'Middle'")
    await evaluate_pending(None)
    assert await members(middle) == {a} and await members(top) == {a}

    result = await gql(UPDATE, {"i": {"id": gid("Segment", base), "ruleText": "lifecycleStage = 'loyal'"}}, token=team.key)
    assert result["updateSegment"]["userErrors"] == []
    # Both levels built on Base were recomputed, without any event.
    assert await members(middle) == {b} and await members(top) == {b}
    # And they now wake on Base's new field: a lifecycle change reaches the top segment.
    await gql(UPSERT, {"c": [{"email": "a@example.com", "lifecycleStage": "loyal"}]}, token=team.key)
    await evaluate_pending(None)
    assert await members(top) == {a, b}


async def test_a_batch_publishes_referenced_segments_first(gql, team):
    dependent = await make_segment(gql, team.key, "Dependent", "country = 'US'")  # lower id
    searched = await make_segment(gql, team.key, "Searched", "any event of type 'search' within 7 days")
    await gql(UPDATE, {"i": {"id": gid("Segment", dependent), "ruleText": "in segment 'Searched' AND country = 'US'"}},
              token=team.key)
    await gql(UPSERT, {"c": [{"email": "us@example.com", "country": "US"}]}, token=team.key)
    await evaluate_pending(None)
    await track(gql, team.key, [{"email": "us@example.com", "type": "search"}])
    report = await evaluate_pending_batch()
    assert [c.segment_id for c in report.changes] == [searched, dependent]


async def test_bulk_import_shows_catching_up_with_progress_until_evaluated(gql, team, tmp_path):
    segment = await make_segment(gql, team.key, "Americans", "country = 'US'")
    csv_file = tmp_path / "contacts.csv"
    csv_file.write_text("email,country\n" + "".join(f"p{i}@example.com,US\n" for i in range(1200)))
    result = await asyncio.to_thread(subprocess.run, [sys.executable, "-m", "app.cli", "import-contacts", str(team.id), str(csv_file), "--json"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    status = (await gql(STATUS, token=team.key))["evaluationStatus"]
    assert status["catchingUp"] is True and status["pendingContacts"] == 1200
    assert status["backfills"] == [{"source": "import", "total": 1200, "remaining": 1200, "progress": 0.0,
                                    "finishedAt": None}]
    evaluation = (await gql(EVALUATION, {"id": gid("Segment", segment)}, token=team.key))["segment"]["evaluation"]
    assert evaluation["catchingUp"] is True and evaluation["backfillProgress"] == 0.0

    await evaluate_pending_batch(team.id, limit=500)
    status = (await gql(STATUS, token=team.key))["evaluationStatus"]
    assert status["catchingUp"] is True
    assert status["backfills"][0]["remaining"] == 700 and abs(status["backfills"][0]["progress"] - 500 / 1200) < 1e-3

    await evaluate_pending(None, team.id)
    status = (await gql(STATUS, token=team.key))["evaluationStatus"]
    assert status["catchingUp"] is False and status["pendingContacts"] == 0
    assert status["backfills"][0]["progress"] == 1.0 and status["backfills"][0]["finishedAt"] is not None
    assert await SegmentMembership.filter(segment_id=segment).count() == 1200
    assert await EvaluationBackfill.filter(finished_at__isnull=True).count() == 0


async def test_segment_evaluation_figures_are_queryable_and_team_scoped(gql, team, other_team):
    segment = await make_segment(gql, team.key, "Searchers", "any event of type 'search' within 7 days")
    empty = (await gql(EVALUATION, {"id": gid("Segment", segment)}, token=team.key))["segment"]["evaluation"]
    assert empty["evaluationCount"] == 0 and empty["lastEvaluatedAt"] is None and empty["catchingUp"] is False
    await track(gql, team.key, [{"email": f"s{i}@example.com", "type": "search"} for i in range(5)])
    await evaluate_pending(None)
    await track(gql, team.key, [{"email": "s0@example.com", "type": "search"}])
    await evaluate_pending(None)
    figures = (await gql(EVALUATION, {"id": gid("Segment", segment)}, token=team.key))["segment"]["evaluation"]
    assert figures["evaluationCount"] == 2 and figures["contactsEvaluated"] == 6
    assert figures["lastEvaluatedAt"] is not None and figures["errorCount"] == 0 and figures["lastError"] is None
    assert figures["lastLagMs"] >= 0 and figures["maxLagMs"] >= figures["lastLagMs"]
    assert figures["averageLagMs"] is not None
    # Another team sees neither the segment nor its queue.
    assert (await gql(EVALUATION, {"id": gid("Segment", segment)}, token=other_team.key))["segment"] is None
    other_status = (await gql(STATUS, token=other_team.key))["evaluationStatus"]
    assert other_status == {"pendingContacts": 0, "catchingUp": False, "backfills": []}
