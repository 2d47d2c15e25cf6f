"""Recompute schedules: cron in the team's time zone, plan-gated, and one run per period however many
arq workers fire the job; the AI segments' daily recompute likewise."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import factories
from ids import gid, pk

from app.core.redis import get_redis, job_id
from app.plans import schedules
from app.plans import service as plans
from app.plans.models import RecomputeSchedule, ScheduledRecompute, SegmentGeneration
from app.segments.models import SegmentMembershipChange
from workers.settings import build_worker

SET = """mutation($i: SetRecomputeScheduleInput!) {
  setRecomputeSchedule(input: $i) { schedule { id segmentId cron enabled nextRunAt } userErrors { field message code } } }"""
REMOVE = """mutation($i: RemoveRecomputeScheduleInput!) {
  removeRecomputeSchedule(input: $i) { removedId userErrors { code } } }"""


async def test_a_schedule_is_read_in_the_team_time_zone_and_needs_an_agency_plan(gql, make_team, other_team):
    team = await make_team("Brand", time_zone="Europe/London")
    segment = await factories.segment(team, "GB", "country = 'GB'")
    variables = {"i": {"segmentId": gid("Segment", segment.id), "cron": "0 6 * * *"}}
    await plans.set_plan(team.team, "pro", "test")
    refused = (await gql(SET, variables, token=team.key))["setRecomputeSchedule"]
    assert [(e["code"], e["message"]) for e in refused["userErrors"]] == [
        ("PLAN_LIMIT", "custom recompute schedules are not in the Pro plan: Agency includes them")]
    await plans.set_plan(team.team, "agency", "test")
    done = (await gql(SET, variables, token=team.key))["setRecomputeSchedule"]
    assert done["userErrors"] == []
    next_run = datetime.fromisoformat(done["schedule"]["nextRunAt"])
    local = next_run.astimezone(ZoneInfo("Europe/London"))
    assert (local.hour, local.minute) == (6, 0) and next_run > datetime.now(UTC)
    assert next_run - datetime.now(UTC) <= timedelta(days=1)
    for cron, code in (("every day", "INVALID_CRON"), ("61 * * * *", "INVALID_CRON"), ("*/5 * * * *", "TOO_FREQUENT"),
                       ("", "REQUIRED")):
        bad = (await gql(SET, {"i": {"segmentId": gid("Segment", segment.id), "cron": cron}}, token=team.key))
        assert [e["code"] for e in bad["setRecomputeSchedule"]["userErrors"]] == [code], cron
    static = await factories.segment(team, "Hand-picked", kind="static")
    not_dynamic = await gql(SET, {"i": {"segmentId": gid("Segment", static.id), "cron": "0 6 * * *"}}, token=team.key)
    assert [e["code"] for e in not_dynamic["setRecomputeSchedule"]["userErrors"]] == ["NOT_DYNAMIC"]
    foreign = await gql(SET, variables, token=other_team.key)
    assert [e["code"] for e in foreign["setRecomputeSchedule"]["userErrors"]] == ["NOT_FOUND"]
    paused = (await gql(SET, {"i": {**variables["i"], "cron": "30 7 * * 1", "enabled": False}}, token=team.key))
    assert paused["setRecomputeSchedule"]["schedule"]["nextRunAt"] is None
    assert await RecomputeSchedule.filter(team_id=team.id).count() == 1
    listed = await gql("{ recomputeSchedules { nodes { cron enabled } } }", token=team.key)
    assert listed["recomputeSchedules"]["nodes"] == [{"cron": "30 7 * * 1", "enabled": False}]
    assert (await gql(REMOVE, {"i": {"segmentId": gid("Segment", segment.id)}}, token=other_team.key))[
        "removeRecomputeSchedule"]["userErrors"] == [{"code": "NOT_FOUND"}]
    removed = await gql(REMOVE, {"i": {"segmentId": gid("Segment", segment.id)}}, token=team.key)
    assert removed["removeRecomputeSchedule"]["userErrors"] == []
    again = await gql(REMOVE, {"i": {"segmentId": gid("Segment", segment.id)}}, token=team.key)
    assert again["removeRecomputeSchedule"]["userErrors"] == [{"code": "NOT_FOUND"}]


async def _due_schedule(team, gql) -> tuple[int, RecomputeSchedule]:
    await plans.set_plan(team.team, "agency", "test")
    await factories.contact(team, "ava@example.com", country="GB")
    segment = await factories.segment(team, "GB", "country = 'GB'")
    done = await gql(SET, {"i": {"segmentId": gid("Segment", segment.id), "cron": "0 * * * *"}}, token=team.key)
    schedule = await RecomputeSchedule.get(id=pk(done["setRecomputeSchedule"]["schedule"]["id"]))
    schedule.next_run_at = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=1)
    await schedule.save(update_fields=["next_run_at"])
    return segment.id, schedule


async def _two_workers_fire(times: int) -> None:
    """Both workers get the cron job at once (as arq's cron does on every worker, #196)."""
    redis = await get_redis()
    for _ in range(times):
        tick = job_id("test-schedules", uuid.uuid4().hex)
        assert await redis.enqueue_job("run_recompute_schedules", _job_id=tick) is not None
    workers = [build_worker(burst=True, poll_delay=0, on_startup=None, on_shutdown=None, cron_jobs=[], max_jobs=1)
               for _ in range(2)]
    try:
        await asyncio.gather(*(w.async_run() for w in workers))
    finally:
        for worker in workers:
            await worker.close()


async def test_two_arq_workers_run_each_period_once(gql, team):
    segment_id, schedule = await _due_schedule(team, gql)
    period = schedule.next_run_at.astimezone(UTC).isoformat()
    await _two_workers_fire(4)
    runs = await ScheduledRecompute.filter(team_id=team.id, segment_id=segment_id)
    assert [(r.period, r.trigger, r.error) for r in runs] == [(period, "schedule", None)]
    assert runs[0].finished_at is not None
    moved = await RecomputeSchedule.get(id=schedule.id)
    assert moved.next_run_at > datetime.now(UTC)  # on to the next hour
    # The next period (made due again) runs once more, and only once.
    moved.next_run_at = datetime.now(UTC).replace(microsecond=0) - timedelta(seconds=5)
    await moved.save(update_fields=["next_run_at"])
    await _two_workers_fire(2)
    assert await ScheduledRecompute.filter(team_id=team.id, segment_id=segment_id).count() == 2


async def test_concurrent_runs_of_the_same_instant_recompute_once(gql, team):
    segment_id, _ = await _due_schedule(team, gql)
    await factories.contact(team, "bo@example.com", country="GB")  # joins on the scheduled recompute
    now = datetime.now(UTC)
    first, second = await asyncio.gather(schedules.run_due(now), schedules.run_due(now))
    assert sorted(o.ran for o in first + second) in ([True], [False, True])
    joins = await SegmentMembershipChange.filter(segment_id=segment_id, cause="schedule").count()
    assert joins <= 1 and await ScheduledRecompute.filter(segment_id=segment_id).count() == 1


async def test_a_downgrade_keeps_the_schedule_running_but_read_only(gql, team):
    segment_id, _ = await _due_schedule(team, gql)
    await plans.set_plan(team.team, "pro", "test")
    change = await gql(SET, {"i": {"segmentId": gid("Segment", segment_id), "cron": "0 7 * * *"}}, token=team.key)
    [error] = change["setRecomputeSchedule"]["userErrors"]
    assert error["code"] == "PLAN_LIMIT" and error["message"].startswith("read-only until the team is back under")
    outcomes = await schedules.run_due()
    assert [o.ran for o in outcomes] == [True]
    removed = await gql(REMOVE, {"i": {"segmentId": gid("Segment", segment_id)}}, token=team.key)
    assert removed["removeRecomputeSchedule"]["userErrors"] == []


async def test_a_time_zone_change_moves_the_next_run(gql, team):
    await plans.set_plan(team.team, "agency", "test")
    segment = await factories.segment(team, "All", "country is set")
    await gql(SET, {"i": {"segmentId": gid("Segment", segment.id), "cron": "0 6 * * *"}}, token=team.key)
    await gql("mutation { setTeamTimeZone(input: {timeZone: \"America/New_York\"}) { userErrors { code } } }",
              token=team.key)
    schedule = await RecomputeSchedule.get(segment_id=segment.id)
    local = schedule.next_run_at.astimezone(ZoneInfo("America/New_York"))
    assert (local.hour, local.minute) == (6, 0)


async def test_ai_segments_get_one_daily_recompute(team):
    segment = await factories.segment(team, "From a prompt", "country = 'GB'")
    await SegmentGeneration.create(team_id=team.id, prompt="people in Britain", rule=segment.rule,
                                   rule_text=segment.rule_text, model="m", segment_id=segment.id)
    await factories.segment(team, "Hand-written", "country = 'US'")
    first = await schedules.recompute_ai_segments("2026-12-02")
    again = await schedules.recompute_ai_segments("2026-12-02")
    assert [(o.segment_id, o.ran) for o in first] == [(segment.id, True)]
    assert [(o.segment_id, o.ran) for o in again] == [(segment.id, False)]
    runs = await ScheduledRecompute.filter(team_id=team.id).values_list("period", "trigger")
    assert runs == [("ai-daily:2026-12-02", "ai_daily")]
