"""Plan tiers and caps: creation blocked with PLAN_LIMIT and the unlock size, existing things keep
working, downgrades turn what is over read-only, the capped audience, the CLI and setTeamPlan."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import factories
import httpx
import pytest
from ids import gid, pk
from test_audiences_sync import platform  # noqa: F401  (the recording ad-platform fixture)

from app.asgi import create_app
from app.audiences.models import AudienceSyncRun
from app.core import plan_caps
from app.plans import service as plans
from app.plans import tiers
from app.plans.platform import new_platform_token
from app.segments.models import Segment
from app.settings import get_settings
from workers.settings import build_worker

ROOT = Path(__file__).resolve().parent.parent

CREATE = """mutation($i: CreateSegmentInput!) {
  createSegment(input: $i) { segment { id name } userErrors { field message code } } }"""
COHORT = """mutation($i: CreateCohortInput!) {
  createCohort(input: $i) { segment { id } userErrors { field message code } } }"""
UPDATE = """mutation($i: UpdateSegmentInput!) {
  updateSegment(input: $i) { segment { id description } userErrors { field message code } } }"""
USAGE = """{ teamPlan { plan { key name } caps { capability limit included used over note liftedBy { key } } } }"""
SET_PLAN = """mutation($i: SetTeamPlanInput!) {
  setTeamPlan(input: $i) { teamId plan { key name } userErrors { field message code } } }"""


@pytest.fixture
def small_member_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    """Limits are data: a test lowers Free's members-per-segment cap to 2 and Starter's to 4."""
    monkeypatch.setitem(tiers.LIMITS, plan_caps.MEMBERS_PER_SEGMENT, (2, 4, None, None, None))


async def _tagged(team: Any, count: int, tag: str = "fan") -> None:
    await factories.contacts(team, *[{"email": f"{tag}{i}@example.com", "tags": [tag]} for i in range(count)])


async def test_free_plan_blocks_the_sixth_dynamic_segment_naming_cap_plan_and_unlock_size(
        gql, team, small_member_cap):
    await plans.set_plan(team.team, "free", "test")
    await _tagged(team, 5)
    for i in range(5):
        created = await gql(CREATE, {"i": {"name": f"Fans {i}", "ruleText": "tags contains 'fan'"}}, token=team.key)
        assert created["createSegment"]["userErrors"] == []
    refused = await gql(CREATE, {"i": {"name": "One too many", "ruleText": "tags contains 'fan'"}}, token=team.key)
    assert refused["createSegment"]["segment"] is None
    [error] = refused["createSegment"]["userErrors"]
    assert error["code"] == "PLAN_LIMIT"
    assert error["message"] == (
        "the Free plan allows 5 dynamic segments and this team has 5: Starter allows 25 (20 more); "
        "5 segments have 15 members beyond the Free limit of 2, and Starter would unlock 10 of them")
    assert await Segment.filter(team_id=team.id).count() == 5  # nothing written
    # Another cap is another count: a static list still fits, and the existing segments still work.
    static = await gql(CREATE, {"i": {"name": "Hand-picked", "kind": "STATIC"}}, token=team.key)
    assert static["createSegment"]["userErrors"] == []
    recomputed = await gql("mutation($i: SegmentIdInput!) { recomputeSegment(input: $i) { userErrors { code } } }",
                           {"i": {"id": created["createSegment"]["segment"]["id"]}}, token=team.key)
    assert recomputed["recomputeSegment"]["userErrors"] == []
    members = await gql("query($id: ID!) { segment(id: $id) { memberCount } }",
                        {"id": created["createSegment"]["segment"]["id"]}, token=team.key)
    assert members["segment"]["memberCount"] == 5  # membership is computed in full, whatever the cap


async def test_cohorts_are_not_in_free_and_five_in_starter(gql, team):
    await plans.set_plan(team.team, "free", "test")
    refused = await gql(COHORT, {"i": {"name": "Jan", "ruleText": "country = 'GB'"}}, token=team.key)
    [error] = refused["createCohort"]["userErrors"]
    assert (error["code"], error["message"]) == (
        "PLAN_LIMIT", "cohort definitions are not in the Free plan: Starter allows 5 (5 more)")
    await plans.set_plan(team.team, "starter", "test")
    for i in range(5):
        made = await gql(COHORT, {"i": {"name": f"C{i}", "ruleText": "country = 'GB'"}}, token=team.key)
        assert made["createCohort"]["userErrors"] == []
    sixth = await gql(COHORT, {"i": {"name": "C6", "ruleText": "country = 'GB'"}}, token=team.key)
    assert sixth["createCohort"]["userErrors"][0]["message"].startswith(
        "the Starter plan allows 5 cohort definitions and this team has 5: Pro allows 25 (20 more)")


async def test_a_downgrade_deletes_nothing_and_turns_the_newest_over_the_cap_read_only(gql, team):
    ids = [str((await factories.segment(team, f"S{i}", "country = 'GB'")).id) for i in range(7)]
    await plans.set_plan(team.team, "free", "test")
    assert await Segment.filter(team_id=team.id).count() == 7
    oldest = await gql(UPDATE, {"i": {"id": gid("Segment", ids[0]), "description": "still mine"}}, token=team.key)
    assert oldest["updateSegment"]["userErrors"] == []
    newest = await gql(UPDATE, {"i": {"id": gid("Segment", ids[6]), "ruleText": "country = 'US'"}}, token=team.key)
    [error] = newest["updateSegment"]["userErrors"]
    assert error["code"] == "PLAN_LIMIT"
    assert error["message"].startswith("read-only until the team is back under its plan's caps (delete 2 or upgrade)")
    assert "Starter allows 25" in error["message"]
    assert (await Segment.get(id=ids[6])).rule_text == "country = 'GB'"
    # What-if and recompute still run on a read-only segment; deleting is how a team gets back under.
    dry = await gql("mutation($i: UpdateSegmentInput!) { updateSegment(input: $i) { whatIf { joinCount } "
                    "userErrors { code } } }", {"i": {"id": gid("Segment", ids[6]), "ruleText": "country = 'US'",
                                                      "dryRun": True}}, token=team.key)
    assert dry["updateSegment"]["userErrors"] == []
    usage = (await gql(USAGE, token=team.key))["teamPlan"]
    dynamic = next(c for c in usage["caps"] if c["capability"] == "dynamic_segments")
    assert dynamic == {"capability": "dynamic_segments", "limit": 5, "included": True, "used": 7, "over": 2,
                       "note": "2 dynamic segments over the Free limit are read-only", "liftedBy": {"key": "starter"}}
    for segment_id in ids[5:]:
        deleted = await gql("mutation($i: DeleteSegmentInput!) { deleteSegment(input: $i) { userErrors { code } } }",
                            {"i": {"id": gid("Segment", segment_id)}}, token=team.key)
        assert deleted["deleteSegment"]["userErrors"] == []
    fifth = await gql(UPDATE, {"i": {"id": gid("Segment", ids[4]), "description": "back under"}}, token=team.key)
    assert fifth["updateSegment"]["userErrors"] == []


async def test_a_static_list_over_the_cap_takes_no_new_members(gql, team):
    lists = [await factories.segment(team, f"L{i}", kind="static") for i in range(6)]
    ava = await factories.contact(team, "ava@example.com")
    await plans.set_plan(team.team, "free", "test")
    add = """mutation($i: StaticSegmentMembersInput!) { addToStaticSegment(input: $i) { userErrors { code message } } }"""
    refused = await gql(add, {"i": {"segmentId": gid("Segment", lists[5].id), "contactIds": [gid("Contact", ava.id)]}},
                        token=team.key)
    assert refused["addToStaticSegment"]["userErrors"][0]["code"] == "PLAN_LIMIT"
    accepted = await gql(add, {"i": {"segmentId": gid("Segment", lists[0].id), "contactIds": [gid("Contact", ava.id)]}},
                         token=team.key)
    assert accepted["addToStaticSegment"]["userErrors"] == []


async def test_team_plan_reports_segments_over_the_member_cap(gql, team, other_team, small_member_cap):
    await plans.set_plan(team.team, "free", "test")
    await _tagged(team, 5)
    await factories.segment(team, "Fans", "tags contains 'fan'")
    usage = (await gql(USAGE, token=team.key))["teamPlan"]
    assert usage["plan"] == {"key": "free", "name": "Free"}
    members = next(c for c in usage["caps"] if c["capability"] == "members_per_segment")
    assert members == {"capability": "members_per_segment", "limit": 2, "included": True, "used": None, "over": 1,
                       "note": "1 segment has 3 members beyond the Free limit of 2", "liftedBy": {"key": "pro"}}
    ai = next(c for c in usage["caps"] if c["capability"] == "ai_segments")
    assert (ai["included"], ai["liftedBy"]) == (False, {"key": "pro"})
    theirs = (await gql(USAGE, token=other_team.key))["teamPlan"]
    assert theirs["plan"]["key"] == "enterprise"  # the deployment's default plan
    tiers_data = await gql("{ planTiers { plan { key } limits { capability limit } } }", token=team.key)
    free = tiers_data["planTiers"][0]
    assert free["plan"]["key"] == "free"
    assert {"capability": "static_segments", "limit": 5} in free["limits"]


EXPORT = """mutation($i: ExportSegmentAudienceInput!) {
  exportSegmentAudience(input: $i) { csv rowCount leftOut notice userErrors { code } } }"""


async def test_exports_and_audience_syncs_take_only_the_capped_audience(
        gql, team, small_member_cap, platform):  # noqa: F811
    await _tagged(team, 5)
    fans = await factories.segment(team, "Fans", "tags contains 'fan'")
    created = await gql("""mutation($input: CreateAudienceDestinationInput!) {
      createAudienceDestination(input: $input) { destination { id } userErrors { code } } }""",
                        {"input": {"platform": "META", "name": "Meta", "accessToken": "tok",
                                   "appSecret": "meta-app-secret", "baseUrl": platform.url,
                                   "adAccountId": "act_1234", "audienceId": "23850000000"}}, token=team.key)
    destination = created["createAudienceDestination"]["destination"]["id"]
    link = {"segmentId": gid("Segment", fans.id), "destinationId": destination}
    linked = await gql("mutation($i: LinkSegmentToAudienceInput!) { linkSegmentToAudience(input: $i) "
                       "{ userErrors { code } } }", {"i": link}, token=team.key)
    assert linked["linkSegmentToAudience"]["userErrors"] == []
    await plans.set_plan(team.team, "starter", "test")  # sync is a Pro feature: existing links keep syncing
    export = (await gql(EXPORT, {"i": {"segmentId": gid("Segment", fans.id), "platform": "GOOGLE"}},
                        token=team.key))["exportSegmentAudience"]
    assert (export["rowCount"], export["leftOut"]) == (4, 1)
    assert len(export["csv"].splitlines()) == 5  # header + the 4 the Starter cap takes
    assert export["notice"] == ("1 of 5 members left out: the Starter plan takes at most 4 members per segment; "
                                "Pro lifts it")
    queued = await gql("mutation($i: LinkSegmentToAudienceInput!) { syncAudienceNow(input: $i) { queued } }",
                       {"i": link}, token=team.key)
    assert queued["syncAudienceNow"]["queued"] is True
    worker = build_worker(burst=True, poll_delay=0, on_startup=None, on_shutdown=None, cron_jobs=[])
    try:
        await worker.async_run()
    finally:
        await worker.close()
    run = await AudienceSyncRun.get(segment_id=fans.id)
    assert run.status == "succeeded"
    assert (run.sent, run.errors) == (4, [export["notice"]])
    [request] = platform.requests
    form = parse_qs(request["body"].decode())
    assert len(json.loads(form["payload"][0])["data"]) == 4
    assert json.loads(form["session"][0])["estimated_num_total"] == 4
    # A new destination is refused on Starter; the message says which plan includes audience sync.
    again = await gql("""mutation($input: CreateAudienceDestinationInput!) {
      createAudienceDestination(input: $input) { destination { id } userErrors { code message } } }""",
                      {"input": {"platform": "META", "name": "Meta 2", "accessToken": "tok",
                                 "appSecret": "meta-app-secret", "baseUrl": platform.url,
                                 "adAccountId": "act_1234", "audienceId": "23850000001"}}, token=team.key)
    [error] = again["createAudienceDestination"]["userErrors"]
    assert error["code"] == "PLAN_LIMIT"
    assert error["message"].startswith("Meta/Google audience sync are not in the Starter plan: Pro includes them")


@pytest.fixture
async def admin_client() -> AsyncIterator[tuple[httpx.AsyncClient, str]]:
    token, digest = new_platform_token()
    app = create_app(dataclasses.replace(get_settings(), platform_admin_token_hashes=(digest,)), manage_orm=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        yield client, token


async def _post(client: httpx.AsyncClient, query: str, variables: dict[str, Any], token: str | None) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = await client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def test_set_team_plan_needs_a_platform_admin_token(admin_client, team, gql):
    client, token = admin_client
    variables = {"i": {"teamId": gid("Team", team.id), "plan": "Pro"}}
    done = await _post(client, SET_PLAN, variables, token)
    assert done["data"]["setTeamPlan"] == {"teamId": gid("Team", team.id), "plan": {"key": "pro", "name": "Pro"},
                                           "userErrors": []}
    assert (await gql(USAGE, token=team.key))["teamPlan"]["plan"]["key"] == "pro"
    as_team = await _post(client, SET_PLAN, variables, team.key)  # a team's admin key is not a platform admin
    assert as_team["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    anonymous = await _post(client, SET_PLAN, variables, None)
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    forged = await _post(client, SET_PLAN, variables, new_platform_token()[0])
    assert forged["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    # The platform token is no team credential: team fields refuse it.
    viewer = await _post(client, "{ viewer { team { id } } }", {}, token)
    assert viewer["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    for bad, code in (({"teamId": gid("Team", team.id), "plan": "platinum"}, "INVALID_PLAN"),
                      ({"teamId": gid("Team", 999999), "plan": "pro"}, "NOT_FOUND"),
                      ({"teamId": gid("Segment", team.id), "plan": "pro"}, "INVALID_ID")):
        refused = await _post(client, SET_PLAN, {"i": bad}, token)
        assert [e["code"] for e in refused["data"]["setTeamPlan"]["userErrors"]] == [code]
    assert (await plans.plan_of(team.id)).key == "pro"


def memberhub(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], cwd=ROOT, env=dict(os.environ),
                          capture_output=True, text=True, timeout=120)


async def test_operator_sets_a_plan_with_the_cli(team, gql):
    done = memberhub("set-plan", str(team.id), "starter")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"team {team.id} ({team.team.name}) is on the Starter plan"
    assert (await gql(USAGE, token=team.key))["teamPlan"]["plan"]["key"] == "starter"
    by_slug = memberhub("set-plan", team.team.slug, "FREE")
    assert by_slug.returncode == 0, by_slug.stderr
    assert (await plans.plan_of(team.id)).key == "free"
    unknown_plan = memberhub("set-plan", str(team.id), "gold")
    assert unknown_plan.returncode == 2 and "unknown plan 'gold'" in unknown_plan.stderr
    unknown_team = memberhub("set-plan", "no-such-team", "pro")
    assert unknown_team.returncode == 2 and "team" in unknown_team.stderr
    assert (await plans.plan_of(team.id)).key == "free"
    token = memberhub("platform-token")
    assert token.returncode == 0 and "mhp_" in token.stdout


async def test_capped_audience_for_other_domains(team, small_member_cap):
    await plans.set_plan(team.team, "free", "test")
    await _tagged(team, 3)
    fans = await factories.segment(team, "Fans", "tags contains 'fan'")
    cap = await plan_caps.capped_audience(team.id, fans.id)
    assert (cap.total, cap.limit, cap.included, cap.left_out) == (3, 2, 2, 1)
    members = sorted(m for m in await fans.memberships.all().values_list("team_contact_id", flat=True))
    assert [cap.includes(m) for m in members] == [True, True, False]
    await plans.set_plan(team.team, "pro", "test")
    unlimited = await plan_caps.capped_audience(team.id, fans.id)
    assert (unlimited.notice, unlimited.left_out, unlimited.includes(members[-1])) == (None, 0, True)
    assert pk(gid("Segment", fans.id)) == fans.id
