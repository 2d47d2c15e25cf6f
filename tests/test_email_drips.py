"""Drip campaigns: enrolment from segment history and events, steps on time, exits, exactly-once."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from ids import gid, pk
from test_email_helpers import (
    add_event,
    join_segment,
    leave_segment,
    make_contact,
    make_hub,
    make_segment,
    make_template,
    run_worker,
    tick_and_drain,
)

from app.core.redis import get_redis, key_prefix
from app.email.delivery import deliver_send
from app.email.models import DripEnrollment, EmailSend, EnrollmentStatus, SendState
from app.email.service import send_job_id
from workers.email_jobs import email_tick

CREATE_DRIP = """
mutation($input: CreateDripCampaignInput!) {
  createDripCampaign(input: $input) {
    dripCampaign { id name trigger segmentId exitSegmentId goalEventType active steps { position delayMinutes } }
    userErrors { field message code }
  }
}"""
UPDATE_DRIP = """
mutation($input: UpdateDripCampaignInput!) {
  updateDripCampaign(input: $input) { dripCampaign { id name active } userErrors { field code } }
}"""
ENROLLMENTS = """
query($d: ID!) { dripEnrollments(dripId: $d) { nodes { contactId status exitReason sends { stepPosition state } } } }"""

pytest_plugins = ["test_email_helpers"]  # the smtp fixture


async def _drip(gql, team, smtp, segment, **extra):
    hub_id = await make_hub(gql, team, smtp)
    day0 = await make_template(gql, team, hub_id, "day0", "Day 0 for {{ contact.first_name }}",
                               html='<a href="{{ unsubscribe_url }}">unsubscribe</a>')
    day3 = await make_template(gql, team, hub_id, "day3", "Day 3 for {{ contact.first_name }}")
    data = {"hubId": hub_id, "name": "Onboarding", "trigger": "SEGMENT_JOIN", "segmentId": gid("Segment", segment.id),
            "steps": [{"delayMinutes": 0, "templateId": day0}, {"delayMinutes": 3 * 24 * 60, "templateId": day3}],
            **extra}
    result = await gql(CREATE_DRIP, {"input": data}, token=team.key)
    assert result["createDripCampaign"]["userErrors"] == []
    return hub_id, result["createDripCampaign"]["dripCampaign"]


async def _time_passes(days: int) -> None:
    """Move every pending send `days` earlier, as if that much time went by."""
    for send in await EmailSend.filter(state=SendState.SCHEDULED):
        send.due_at -= timedelta(days=days)
        await send.save(update_fields=["due_at"])


async def test_segment_join_drip_sends_each_step_once_at_its_time(gql, team, smtp):
    segment = await make_segment(team)
    early = await make_contact(gql, team, "early@example.com", "Early")
    await join_segment(team, segment, early)  # joined before the drip existed: not enrolled
    _, drip = await _drip(gql, team, smtp, segment)
    assert drip["exitSegmentId"] == gid("Segment", segment.id)
    ava = await make_contact(gql, team, "ava@example.com", "Ava")
    await join_segment(team, segment, ava)

    await tick_and_drain()
    await tick_and_drain()  # a second tick (or a double-fired cron) sends nothing more
    [day0] = smtp.messages
    assert day0["To"] == "ava@example.com" and day0["Subject"] == "Day 0 for Ava"
    assert day0["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = day0["List-Unsubscribe"].strip("<>")
    assert link.startswith("http://127.0.0.1:8000/email/unsubscribe/")
    assert link in day0.get_body(("html",)).get_content()

    await _time_passes(2)
    await tick_and_drain()
    assert len(smtp.messages) == 1  # day 3 is not due after two days
    await _time_passes(1)
    await tick_and_drain()
    assert [m["Subject"] for m in smtp.messages] == ["Day 0 for Ava", "Day 3 for Ava"]

    enrollments = await gql(ENROLLMENTS, {"d": drip["id"]}, token=team.key)
    assert enrollments["dripEnrollments"]["nodes"] == [{
        "contactId": gid("Contact", ava), "status": "COMPLETED", "exitReason": None,
        "sends": [{"stepPosition": 1, "state": "SENT"}, {"stepPosition": 2, "state": "SENT"}],
    }]


async def test_leaving_the_segment_or_reaching_the_goal_exits_the_drip(gql, team, smtp):
    segment = await make_segment(team)
    _, drip = await _drip(gql, team, smtp, segment, goalEventType="purchase")
    leaver = await make_contact(gql, team, "leaver@example.com", "Lee")
    buyer = await make_contact(gql, team, "buyer@example.com", "Bo")
    for contact in (leaver, buyer):
        await join_segment(team, segment, contact)
    await tick_and_drain()
    assert len(smtp.messages) == 2

    await leave_segment(team, segment, leaver)
    await add_event(team, buyer, "purchase")
    await _time_passes(3)
    await tick_and_drain()
    assert len(smtp.messages) == 2
    nodes = (await gql(ENROLLMENTS, {"d": drip["id"]}, token=team.key))["dripEnrollments"]["nodes"]
    assert {(n["contactId"], n["status"], n["exitReason"]) for n in nodes} == {
        (gid("Contact", leaver), "EXITED", "left_segment"), (gid("Contact", buyer), "EXITED", "goal_reached"),
    }
    assert all(n["sends"][1]["state"] == "SKIPPED" for n in nodes)


async def test_event_drip_enrols_on_event_and_pausing_holds_sends(gql, team, smtp):
    hub_id = await make_hub(gql, team, smtp)
    template = await make_template(gql, team, hub_id, "cart", "You left something, {{ contact.first_name }}")
    result = await gql(CREATE_DRIP, {"input": {
        "hubId": hub_id, "name": "Cart", "trigger": "EVENT", "eventType": "cart_abandoned",
        "steps": [{"delayMinutes": 60, "templateId": template}],
    }}, token=team.key)
    drip = result["createDripCampaign"]["dripCampaign"]
    contact = await make_contact(gql, team, "cart@example.com", "Cy")
    await add_event(team, contact, "page_view")
    await add_event(team, contact, "cart_abandoned")
    await add_event(team, contact, "cart_abandoned")  # one enrolment per contact
    await tick_and_drain()
    assert smtp.messages == [] and await DripEnrollment.filter(drip_id=pk(drip["id"])).count() == 1

    paused = await gql(UPDATE_DRIP, {"input": {"id": drip["id"], "active": False}}, token=team.key)
    assert paused["updateDripCampaign"]["dripCampaign"]["active"] is False
    await _time_passes(1)
    await tick_and_drain()
    assert smtp.messages == []
    await gql(UPDATE_DRIP, {"input": {"id": drip["id"], "active": True}}, token=team.key)
    await tick_and_drain()
    assert [m["Subject"] for m in smtp.messages] == ["You left something, Cy"]


async def test_drip_input_errors_and_other_teams_ids(gql, team, other_team, smtp):
    segment = await make_segment(team)
    foreign_segment = await make_segment(other_team, "Theirs")
    hub_id, drip = await _drip(gql, team, smtp, segment)
    template = await make_template(gql, team, hub_id, "t", "T")
    bad = await gql(CREATE_DRIP, {"input": {
        "hubId": hub_id, "name": "", "trigger": "SEGMENT_JOIN", "segmentId": gid("Segment", foreign_segment.id),
        "steps": [{"delayMinutes": 10, "templateId": template}, {"delayMinutes": 5, "templateId": gid("EmailTemplate", 999999)}],
    }}, token=team.key)
    codes = {(e["field"], e["code"]) for e in bad["createDripCampaign"]["userErrors"]}
    assert codes == {("name", "REQUIRED"), ("segmentId", "NOT_FOUND"), ("steps.1.delayMinutes", "STEPS_OUT_OF_ORDER"),
                     ("steps.1.templateId", "NOT_FOUND")}
    no_steps = await gql(CREATE_DRIP, {"input": {"hubId": hub_id, "name": "X", "trigger": "EVENT", "steps": []}},
                         token=team.key)
    assert {e["code"] for e in no_steps["createDripCampaign"]["userErrors"]} == {"REQUIRED"}
    foreign = await gql(UPDATE_DRIP, {"input": {"id": drip["id"], "active": False}}, token=other_team.key)
    assert foreign["updateDripCampaign"]["userErrors"] == [{"field": "id", "code": "NOT_FOUND"}]
    assert (await gql(ENROLLMENTS, {"d": drip["id"]}, token=other_team.key))["dripEnrollments"]["nodes"] == []
    listing = await gql("{ dripCampaigns { totalCount } }", token=other_team.key)
    assert listing["dripCampaigns"]["totalCount"] == 0


async def test_send_job_running_twice_at_once_sends_once(gql, team, smtp):
    segment = await make_segment(team)
    await _drip(gql, team, smtp, segment)
    contact = await make_contact(gql, team, "twice@example.com", "Tw")
    await join_segment(team, segment, contact)
    await email_tick({})
    send = await EmailSend.get(team_contact_id=contact, state=SendState.QUEUED)
    results = await asyncio.gather(deliver_send(send.id), deliver_send(send.id), deliver_send(send.id))
    # A run that finds the row final answers its state ("sent") without sending: under load the first run
    # may finish before the others get the row. What counts is the one message below.
    assert "sent" in results and set(results) <= {"sent", "in_flight"}
    await run_worker()  # the enqueued job runs a fourth time
    assert len(smtp.to("twice@example.com")) == 1
    assert (await EmailSend.get(id=send.id)).state == SendState.SENT


async def test_worker_killed_mid_send_never_sends_twice(gql, team, smtp, test_database_url):
    segment = await make_segment(team)
    await _drip(gql, team, smtp, segment)
    contact = await make_contact(gql, team, "crash@example.com", "Cr")
    await join_segment(team, segment, contact)
    await email_tick({})  # the step-1 job is now in Redis
    [send] = await EmailSend.filter(team_contact_id=contact)
    assert send.state == SendState.QUEUED

    # A real worker process; the SMTP server kills it right after accepting the message,
    # before the worker can record that it was sent.
    worker = subprocess.Popen(  # noqa: ASYNC220 - a real worker process, killed below
        [sys.executable, "-m", "app.cli", "worker", "--burst"], env=dict(os.environ),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    smtp.on_data = lambda message: os.kill(worker.pid, signal.SIGKILL)
    try:
        for _ in range(2400):  # a loaded machine takes many seconds to start a worker process
            if worker.poll() is not None:
                break
            await asyncio.sleep(0.05)
    finally:
        if worker.poll() is None:
            worker.kill()
        worker.wait()
    smtp.on_data = None
    assert worker.returncode == -signal.SIGKILL
    assert len(smtp.to("crash@example.com")) == 1
    assert (await EmailSend.get(id=send.id)).state == SendState.SENDING

    # arq runs a job again once the dead worker's in-progress mark expires (simulated here for every
    # job it had started: the send, and any evaluation or cron job that would block a burst worker).
    redis = await get_redis()
    stale = [key async for key in redis.scan_iter(match=f"arq:in-progress:{key_prefix()}:*")]
    await redis.delete(f"arq:in-progress:{send_job_id(send.id)}", *stale)
    await run_worker()  # right away: the row might still be in flight, so it is left alone
    assert (await EmailSend.get(id=send.id)).state == SendState.SENDING
    # Minutes later the tick's lease sweep re-enqueues it and the rerun resolves it.
    await EmailSend.filter(id=send.id).update(sending_at=send.created_at - timedelta(minutes=10),
                                              queued_at=send.created_at - timedelta(minutes=10))
    await tick_and_drain()
    rerun = await EmailSend.get(id=send.id)
    assert rerun.state == SendState.UNCERTAIN and "not sent again" in rerun.error
    assert len(smtp.to("crash@example.com")) == 1
    # the campaign goes on: step 2 was scheduled in the same transaction
    await _time_passes(3)
    await tick_and_drain()
    assert [m["Subject"] for m in smtp.to("crash@example.com")] == ["Day 0 for Cr", "Day 3 for Cr"]
    assert (await DripEnrollment.get(team_contact_id=contact)).status == EnrollmentStatus.COMPLETED


async def test_send_rows_survive_a_lost_job(gql, team, smtp):
    """Redis lost the job: the tick's lease sweep re-enqueues the queued row and it sends once."""
    segment = await make_segment(team)
    await _drip(gql, team, smtp, segment)
    contact = await make_contact(gql, team, "lost@example.com", "Lo")
    await join_segment(team, segment, contact)
    await email_tick({})
    await (await get_redis()).flushdb()
    await run_worker()
    assert smtp.messages == []
    send = await EmailSend.get(team_contact_id=contact)
    send.queued_at = datetime.now(UTC) - timedelta(minutes=10)
    await send.save(update_fields=["queued_at"])
    await tick_and_drain()
    assert len(smtp.to("lost@example.com")) == 1


REENTRY_ENROLLMENTS = """
query($d: ID!) { dripEnrollments(dripId: $d) { nodes { contactId status sends { state skipReason } } } }"""


async def _history_ages(days: int) -> None:
    """As if `days` went by: every enrolment, pending send and membership change moves that much earlier."""
    from tortoise import connections

    conn = connections.get("default")
    shift = timedelta(days=days)
    await conn.execute_query("UPDATE drip_enrollments SET enrolled_at = enrolled_at - $1::interval", [shift])
    await conn.execute_query("UPDATE segment_membership_changes SET at = at - $1::interval", [shift])
    await conn.execute_query("UPDATE email_sends SET due_at = due_at - $1::interval WHERE state = 'scheduled'", [shift])


async def _one_step_drip(gql, team, smtp, segment, name, **extra):
    hub_id = await make_hub(gql, team, smtp, name=f"Hub {name}")
    welcome = await make_template(gql, team, hub_id, "welcome-back", "Hello {{ contact.first_name }}")
    result = await gql(CREATE_DRIP, {"input": {
        "hubId": hub_id, "name": name, "trigger": "SEGMENT_JOIN", "segmentId": gid("Segment", segment.id),
        "steps": [{"delayMinutes": 0, "templateId": welcome}], **extra}}, token=team.key)
    assert result["createDripCampaign"]["userErrors"] == [], result
    return result["createDripCampaign"]["dripCampaign"]


async def _rejoin(team, segment, contact):
    await leave_segment(team, segment, contact)
    await join_segment(team, segment, contact)


async def test_once_ever_drips_enrol_a_rejoining_contact_only_the_first_time(gql, team, smtp):
    segment = await make_segment(team)
    drip = await _one_step_drip(gql, team, smtp, segment, "Once")
    ava = await make_contact(gql, team, "ava@example.com", "Ava")
    await join_segment(team, segment, ava)
    await tick_and_drain()
    await _history_ages(1)
    await _rejoin(team, segment, ava)
    await tick_and_drain()
    await tick_and_drain()

    assert [m["To"] for m in smtp.messages] == ["ava@example.com"]
    nodes = (await gql(REENTRY_ENROLLMENTS, {"d": drip["id"]}, token=team.key))["dripEnrollments"]["nodes"]
    assert [n["status"] for n in nodes] == ["COMPLETED"]


async def test_again_after_leaving_re_enrols_on_each_new_join_once(gql, team, smtp):
    segment = await make_segment(team)
    drip = await _one_step_drip(gql, team, smtp, segment, "Again", reentry="AGAIN_AFTER_LEAVING")
    ava = await make_contact(gql, team, "ava@example.com", "Ava")
    await join_segment(team, segment, ava)
    await tick_and_drain()
    await _history_ages(1)
    await _rejoin(team, segment, ava)
    await tick_and_drain()
    await tick_and_drain()  # the same join read again (not settled yet) enrols nobody twice
    await _history_ages(1)
    await tick_and_drain()

    assert [m["To"] for m in smtp.messages] == ["ava@example.com", "ava@example.com"]
    nodes = (await gql(REENTRY_ENROLLMENTS, {"d": drip["id"]}, token=team.key))["dripEnrollments"]["nodes"]
    assert [n["status"] for n in nodes] == ["COMPLETED", "COMPLETED"]


async def test_again_after_leaving_never_overlaps_an_active_enrolment(gql, team, smtp):
    segment = await make_segment(team)
    hub_id = await make_hub(gql, team, smtp)
    first = await make_template(gql, team, hub_id, "first", "First")
    later = await make_template(gql, team, hub_id, "later", "Later")
    result = await gql(CREATE_DRIP, {"input": {
        "hubId": hub_id, "name": "Long", "trigger": "SEGMENT_JOIN", "segmentId": gid("Segment", segment.id),
        "exitOnSegmentLeave": False, "reentry": "AGAIN_AFTER_LEAVING",
        "steps": [{"delayMinutes": 0, "templateId": first}, {"delayMinutes": 7 * 24 * 60, "templateId": later}],
    }}, token=team.key)
    drip = result["createDripCampaign"]["dripCampaign"]
    ava = await make_contact(gql, team, "ava@example.com", "Ava")
    await join_segment(team, segment, ava)
    await tick_and_drain()
    await _history_ages(1)
    await _rejoin(team, segment, ava)  # still active in the drip: the rejoin does not start a second one
    await tick_and_drain()

    assert [m["Subject"] for m in smtp.messages] == ["First"]
    nodes = (await gql(REENTRY_ENROLLMENTS, {"d": drip["id"]}, token=team.key))["dripEnrollments"]["nodes"]
    assert [n["status"] for n in nodes] == ["ACTIVE"]


async def test_at_most_every_n_days_waits_that_long_between_entries(gql, team, smtp):
    segment = await make_segment(team)
    drip = await _one_step_drip(gql, team, smtp, segment, "Weekly", reentry="AT_MOST_EVERY_N_DAYS", reentryDays=7)
    ava = await make_contact(gql, team, "ava@example.com", "Ava")
    await join_segment(team, segment, ava)
    await tick_and_drain()
    await _history_ages(2)
    await _rejoin(team, segment, ava)  # two days after the first entry: too soon
    await tick_and_drain()
    await _history_ages(6)
    await tick_and_drain()  # that rejoin stays too soon however long ago it was
    assert len(smtp.messages) == 1

    await _rejoin(team, segment, ava)  # eight days after the first entry
    await tick_and_drain()
    assert [m["To"] for m in smtp.messages] == ["ava@example.com", "ava@example.com"]
    nodes = (await gql(REENTRY_ENROLLMENTS, {"d": drip["id"]}, token=team.key))["dripEnrollments"]["nodes"]
    assert [n["status"] for n in nodes] == ["COMPLETED", "COMPLETED"]


async def test_drip_steps_run_the_send_time_gauntlet_with_a_reason_per_step(gql, team, smtp):
    import factories

    segment = await make_segment(team)
    _, drip = await _drip(gql, team, smtp, segment)
    await factories.custom_property(team, "marketing_consent", "boolean")
    no = await factories.contact(team, "no@example.com", firstName="No", customProperties={"marketing_consent": False})
    ok = await make_contact(gql, team, "ok@example.com", "Ok")
    for contact in (no.id, ok):
        await join_segment(team, segment, contact)
    await tick_and_drain()
    assert [m["To"] for m in smtp.messages] == ["ok@example.com"]

    nodes = (await gql(REENTRY_ENROLLMENTS, {"d": drip["id"]}, token=team.key))["dripEnrollments"]["nodes"]
    by_contact = {n["contactId"]: n for n in nodes}
    # No consent skips this step with its reason; the enrolment goes on and the next step is checked again.
    assert by_contact[gid("Contact", no.id)]["status"] == "ACTIVE"
    assert by_contact[gid("Contact", no.id)]["sends"] == [
        {"state": "SKIPPED", "skipReason": "no_consent"}, {"state": "SCHEDULED", "skipReason": None}]
    assert by_contact[gid("Contact", ok)]["sends"][0] == {"state": "SENT", "skipReason": None}


async def test_reentry_input_errors_write_nothing(gql, team, smtp):
    segment = await make_segment(team)
    hub_id = await make_hub(gql, team, smtp)
    template = await make_template(gql, team, hub_id, "t", "T")
    base = {"hubId": hub_id, "trigger": "SEGMENT_JOIN", "segmentId": gid("Segment", segment.id),
            "steps": [{"delayMinutes": 0, "templateId": template}]}
    cases = [
        ({"name": "a", "reentry": "AT_MOST_EVERY_N_DAYS"}, "REQUIRED"),
        ({"name": "b", "reentry": "AT_MOST_EVERY_N_DAYS", "reentryDays": 0}, "INVALID_REENTRY_DAYS"),
        ({"name": "c", "reentry": "AT_MOST_EVERY_N_DAYS", "reentryDays": 5000}, "INVALID_REENTRY_DAYS"),
        ({"name": "d", "reentry": "ONCE_EVER", "reentryDays": 3}, "INVALID_REENTRY_DAYS"),
    ]
    for extra, code in cases:
        result = await gql(CREATE_DRIP, {"input": {**base, **extra}}, token=team.key)
        assert result["createDripCampaign"]["dripCampaign"] is None
        assert [(e["field"], e["code"]) for e in result["createDripCampaign"]["userErrors"]] == [
            ("reentryDays", code)]
    bad_enum = await gql.raw(CREATE_DRIP, {"input": {**base, "name": "e", "reentry": "SOMETIMES"}}, token=team.key)
    assert bad_enum.get("data") is None and "SOMETIMES" in bad_enum["errors"][0]["message"]
    from app.email.models import DripCampaign
    assert await DripCampaign.filter(team_id=team.id).count() == 0

    created = await gql(CREATE_DRIP, {"input": {**base, "name": "ok"}}, token=team.key)
    drip_id = created["createDripCampaign"]["dripCampaign"]["id"]
    updated = await gql("""mutation($input: UpdateDripCampaignInput!) { updateDripCampaign(input: $input) {
        dripCampaign { reentry reentryDays } userErrors { field code } } }""",
                        {"input": {"id": drip_id, "reentry": "AT_MOST_EVERY_N_DAYS", "reentryDays": 30}},
                        token=team.key)
    assert updated["updateDripCampaign"] == {"dripCampaign": {"reentry": "AT_MOST_EVERY_N_DAYS", "reentryDays": 30},
                                             "userErrors": []}


async def test_drip_enrolment_waits_while_segments_catch_up(gql, team, smtp):
    """A bulk import still being evaluated holds drip enrolment (as campaigns wait); once the engine
    has caught up, the join enrols."""
    from app.segments.pipeline.models import EvaluationBackfill, PendingEvaluation
    from app.segments.pipeline.worker import evaluate_pending

    segment = await make_segment(team)
    _, drip = await _drip(gql, team, smtp, segment)
    ava = await make_contact(gql, team, "ava@example.com", "Ava")
    await join_segment(team, segment, ava)
    await run_worker()  # the contact's own evaluation; no email tick yet
    # an import re-requested her evaluation and the engine has not reached it
    await EvaluationBackfill.create(team_id=team.id, source="import", total=500)
    await PendingEvaluation.create(team_id=team.id, team_contact_id=ava, cause="import",
                                   requested_at=datetime.now(UTC))
    await tick_and_drain()
    await tick_and_drain()
    assert smtp.messages == [] and await DripEnrollment.filter(drip_id=pk(drip["id"])).count() == 0

    await evaluate_pending(None)  # the engine catches up: the backfill finishes
    await tick_and_drain()
    assert [m["Subject"] for m in smtp.messages] == ["Day 0 for Ava"]
    assert await DripEnrollment.filter(drip_id=pk(drip["id"]), status=EnrollmentStatus.ACTIVE).count() == 1
