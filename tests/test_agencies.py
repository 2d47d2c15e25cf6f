"""Agencies: an organisation owning brands, its users moving between brands on one sign-in,
agency-wide API keys with scopes, cloning the library into a new brand, and the roll-up with its
health flags."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import factories
from ids import gid, pk

from app.plans import library
from app.plans import service as plans
from app.plans.models import AgencyApiKey
from app.segments.models import Segment, SegmentMembershipChange
from app.segments.pipeline.models import SegmentEvaluationStats

LOGIN = "mutation($i: LoginInput!) { login(input: $i) { token userErrors { code } } }"
CREATE_AGENCY = """mutation($i: CreateAgencyInput!) { createAgency(input: $i) {
  agency { name brands { id name } healthThresholds { notGrowingDays shrinkPercentPerWeek errorsWithinHours } }
  userErrors { field message code } } }"""
CREATE_BRAND = """mutation($i: CreateAgencyBrandInput!) { createAgencyBrand(input: $i) {
  team { id name timeZone } userErrors { field message code } } }"""
ROLLUP = """query($t: ID, $f: Boolean! = false) { agencyRollup(teamId: $t, flaggedOnly: $f) { team { id name } flagged
  segments { name kind size growth7d growth28d growth7dPercent errorCount lastError flags } } }"""
CLONE = """mutation($i: CloneSegmentTemplatesInput!) { cloneSegmentTemplates(input: $i) {
  segments { id } results { key problems { code } } userErrors { code message } } }"""


async def _signed_in(gql, email: str, password: str = "correct horse battery") -> str:
    token = (await gql(LOGIN, {"i": {"email": email, "password": password}}))["login"]["token"]
    assert token
    return token


async def _agency(gql, make_team, plan: str = "agency"):
    home = await make_team("Studio Group", owner_email="boss@agency.example", password="correct horse battery")
    await plans.set_plan(home.team, plan, "test")
    session = await _signed_in(gql, "boss@agency.example")
    return home, session


async def test_an_agency_clones_the_library_into_a_new_brand_and_sees_the_rollup(gql, make_team):
    home, session = await _agency(gql, make_team)
    made = (await gql(CREATE_AGENCY, {"i": {"name": "Studio Group"}}, token=session))["createAgency"]
    assert made["userErrors"] == []
    assert [b["name"] for b in made["agency"]["brands"]] == ["Studio Group"]
    assert made["agency"]["healthThresholds"] == {"notGrowingDays": 7.0, "shrinkPercentPerWeek": 20.0,
                                                  "errorsWithinHours": 24.0}
    brand = (await gql(CREATE_BRAND, {"i": {"name": "Yoga Brand", "timeZone": "Europe/London"}},
                       token=session))["createAgencyBrand"]
    assert brand["userErrors"] == [] and brand["team"]["timeZone"] == "Europe/London"
    brand_id = brand["team"]["id"]
    assert (await plans.plan_of(pk(brand_id))).key == "agency"  # the brand is on the agency's plan
    # The same sign-in reaches the new brand: no new login.
    in_brand = {"X-MemberHub-Team": str(pk(brand_id))}
    viewer = await gql("{ viewer { team { name } role } }", token=session, headers=in_brand)
    assert viewer["viewer"]["team"]["name"] == "Yoga Brand"
    for key, kind in (("whatsapp_opt_in", "BOOLEAN"), ("acquisition_channel", "STRING")):
        defined = await gql("""mutation($p: DefineCustomPropertyInput!) { defineCustomProperty(input: $p) {
          userErrors { code } } }""", {"p": {"key": key, "type": kind}}, token=session, headers=in_brand)
        assert defined["defineCustomProperty"]["userErrors"] == []
    cloned = (await gql(CLONE, {"i": {"all": True}}, token=session, headers=in_brand))["cloneSegmentTemplates"]
    assert cloned["userErrors"] == [] and len(cloned["segments"]) == len(library.BUILT_IN)
    assert await Segment.filter(team_id=pk(brand_id)).count() == len(library.BUILT_IN)
    assert await Segment.filter(team_id=home.id).count() == 0
    rollup = (await gql(ROLLUP, {}, token=session))["agencyRollup"]
    assert [b["team"]["name"] for b in rollup] == ["Studio Group", "Yoga Brand"]
    yoga = rollup[1]
    assert len(yoga["segments"]) == len(library.BUILT_IN)
    assert all("EMPTY" in s["flags"] for s in yoga["segments"])  # a new brand has no contacts yet
    assert yoga["flagged"] == len(library.BUILT_IN)


async def test_rollup_flags_not_growing_shrinking_empty_and_erroring(gql, make_team):
    home, session = await _agency(gql, make_team)
    await gql(CREATE_AGENCY, {"i": {"name": "Group"}}, token=session)
    contacts = [await factories.contact(home, f"c{i}@example.com", country="GB") for i in range(10)]
    growing = await factories.segment(home, "Growing", "country = 'GB'")
    shrinking = await factories.segment(home, "Shrinking", "country = 'GB'")
    await factories.segment(home, "Empty", "country = 'FR'")
    stale = await factories.segment(home, "Stale", "country = 'GB'")
    now = datetime.now(UTC)
    # History as the engine writes it, back-dated: Stale's joins are 30 days old and it is 30 days old;
    # Shrinking lost 5 of its 10 members this week.
    await Segment.filter(id=stale.id).update(created_at=now - timedelta(days=30))
    await SegmentMembershipChange.filter(segment_id=stale.id).update(at=now - timedelta(days=30))
    for contact in contacts[:5]:
        await SegmentMembershipChange.create(team_id=home.id, segment_id=shrinking.id, team_contact_id=contact.id,
                                             action="leave", cause="test")
    await SegmentMembershipChange.filter(segment_id=shrinking.id, action="join").update(at=now - timedelta(days=20))
    await Segment.filter(id=shrinking.id).update(member_count=5, created_at=now - timedelta(days=30))
    await SegmentEvaluationStats.create(segment_id=growing.id, team_id=home.id, error_count=2,
                                        last_error="statement timeout", last_error_at=now - timedelta(hours=1),
                                        last_lag_ms=120, max_lag_ms=900)
    rows = {s["name"]: s for s in (await gql(ROLLUP, {}, token=session))["agencyRollup"][0]["segments"]}
    assert rows["Growing"]["flags"] == ["ERRORING"]
    assert (rows["Growing"]["growth7d"], rows["Growing"]["growth28d"], rows["Growing"]["errorCount"]) == (10, 10, 2)
    assert rows["Shrinking"]["flags"] == ["NOT_GROWING", "SHRINKING"]  # and no join this week either
    assert (rows["Shrinking"]["growth7d"], rows["Shrinking"]["growth7dPercent"], rows["Shrinking"]["growth28d"]) == (
        -5, -50.0, 5)
    assert rows["Empty"]["flags"] == ["EMPTY"]
    assert rows["Stale"]["flags"] == ["NOT_GROWING"] and rows["Stale"]["growth28d"] == 0
    # Thresholds are the agency's: a looser shrink limit and a longer quiet window clear two flags.
    changed = await gql("""mutation($i: SetHealthThresholdsInput!) { setAgencyHealthThresholds(input: $i) {
      agency { healthThresholds { notGrowingDays shrinkPercentPerWeek } } userErrors { field code } } }""",
                        {"i": {"notGrowingDays": 60, "shrinkPercentPerWeek": 75}}, token=session)
    assert changed["setAgencyHealthThresholds"]["userErrors"] == []
    flagged = (await gql(ROLLUP, {"f": True}, token=session))["agencyRollup"][0]["segments"]
    assert {s["name"]: s["flags"] for s in flagged} == {"Growing": ["ERRORING"], "Empty": ["EMPTY"]}
    bad = await gql("""mutation($i: SetHealthThresholdsInput!) { setAgencyHealthThresholds(input: $i) {
      userErrors { field code } } }""", {"i": {"notGrowingDays": -1}}, token=session)
    assert bad["setAgencyHealthThresholds"]["userErrors"] == [{"field": "notGrowingDays", "code": "INVALID_THRESHOLD"}]


async def test_agency_users_and_keys_move_between_brands_only_of_their_agency(gql, make_team, other_team):
    home, session = await _agency(gql, make_team)
    await gql(CREATE_AGENCY, {"i": {"name": "Group"}}, token=session)
    brand = (await gql(CREATE_BRAND, {"i": {"name": "Brand B"}}, token=session))["createAgencyBrand"]["team"]
    await make_team("Elsewhere", owner_email="helper@agency.example", password="correct horse battery")
    added = await gql("""mutation($i: AddAgencyMemberInput!) { addAgencyMember(input: $i) {
      member { user { email } role } userErrors { code } } }""", {"i": {"email": "helper@agency.example", "role": "staff"}},
                      token=session)
    assert added["addAgencyMember"] == {"member": {"user": {"email": "helper@agency.example"}, "role": "staff"},
                                        "userErrors": []}
    helper = await _signed_in(gql, "helper@agency.example")
    for team_id in (home.id, pk(brand["id"])):
        seen = await gql("{ viewer { team { id } role scopes } }", token=helper, headers={"X-MemberHub-Team": str(team_id)})
        assert seen["viewer"]["role"] == "staff" and "admin" not in seen["viewer"]["scopes"]
    outside = await gql.raw("{ viewer { team { id } } }", token=helper, headers={"X-MemberHub-Team": str(other_team.id)})
    assert outside["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    # An agency-wide key: its scopes in any brand, nothing outside the agency.
    made = await gql("""mutation($i: CreateAgencyApiKeyInput!) { createAgencyApiKey(input: $i) {
      apiKey { id prefix scopes } secret userErrors { code } } }""",
                     {"i": {"name": "reporting", "scopes": ["segments:read"]}}, token=session)
    secret = made["createAgencyApiKey"]["secret"]
    assert secret.startswith("mha_") and made["createAgencyApiKey"]["apiKey"]["scopes"] == ["segments:read"]
    assert secret not in {k.key_hash for k in await AgencyApiKey.all()}
    segments = await gql("{ segments { totalCount } }", token=secret, headers={"X-MemberHub-Team": str(pk(brand["id"]))})
    assert segments["segments"]["totalCount"] == 0
    denied = await gql.raw("""mutation { createSegment(input: {name: "x", ruleText: "country = 'GB'"}) {
      userErrors { code } } }""", token=secret, headers={"X-MemberHub-Team": str(pk(brand["id"]))})
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    elsewhere = await gql.raw("{ segments { totalCount } }", token=secret, headers={"X-MemberHub-Team": str(other_team.id)})
    assert elsewhere["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    rollup = await gql(ROLLUP, {}, token=secret)
    assert [b["team"]["name"] for b in rollup["agencyRollup"]] == ["Studio Group", "Brand B"]
    # A brand's own team key does not see the other brands.
    brand_only = await gql.raw(ROLLUP, {}, token=home.key)
    assert brand_only["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    revoked = await gql("""mutation($i: RevokeAgencyApiKeyInput!) { revokeAgencyApiKey(input: $i) {
      apiKey { revokedAt } userErrors { code } } }""", {"i": {"id": made["createAgencyApiKey"]["apiKey"]["id"]}},
                        token=session)
    assert revoked["revokeAgencyApiKey"]["apiKey"]["revokedAt"] is not None
    gone = await gql.raw("{ segments { totalCount } }", token=secret)
    assert gone["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_agency_mutations_refuse_bad_input_and_other_teams(gql, make_team, other_team):
    home, session = await _agency(gql, make_team, plan="pro")
    refused = (await gql(CREATE_AGENCY, {"i": {"name": "Group"}}, token=session))["createAgency"]
    assert [(e["code"], e["message"]) for e in refused["userErrors"]] == [
        ("PLAN_LIMIT", "agency accounts are not in the Pro plan: Agency includes them")]
    await plans.set_plan(home.team, "agency", "test")
    by_key = (await gql(CREATE_AGENCY, {"i": {"name": "Group"}}, token=home.key))["createAgency"]
    assert [e["code"] for e in by_key["userErrors"]] == ["USER_REQUIRED"]
    assert (await gql(CREATE_AGENCY, {"i": {"name": " "}}, token=session))["createAgency"]["userErrors"][0][
        "code"] == "REQUIRED"
    assert (await gql(CREATE_AGENCY, {"i": {"name": "Group"}}, token=session))["createAgency"]["userErrors"] == []
    again = (await gql(CREATE_AGENCY, {"i": {"name": "Again"}}, token=session))["createAgency"]
    assert [e["code"] for e in again["userErrors"]] == ["ALREADY_IN_AGENCY"]
    bad_zone = (await gql(CREATE_BRAND, {"i": {"name": "B", "timeZone": "Mars/Base"}}, token=session))
    assert [e["code"] for e in bad_zone["createAgencyBrand"]["userErrors"]] == ["INVALID_TIME_ZONE"]
    not_agency = (await gql(CREATE_BRAND, {"i": {"name": "B"}}, token=other_team.key))["createAgencyBrand"]
    assert [e["code"] for e in not_agency["userErrors"]] == ["NOT_FOUND"]
    member = """mutation($i: AddAgencyMemberInput!) { addAgencyMember(input: $i) { userErrors { field code } } }"""
    assert (await gql(member, {"i": {"email": "nobody@example.com"}}, token=session))["addAgencyMember"][
        "userErrors"] == [{"field": "email", "code": "NOT_FOUND"}]
    assert (await gql(member, {"i": {"email": "boss@agency.example", "role": "king"}}, token=session))[
        "addAgencyMember"]["userErrors"] == [{"field": "role", "code": "INVALID_ROLE"}]
    remove = """mutation($i: RemoveAgencyMemberInput!) { removeAgencyMember(input: $i) { userErrors { code } } }"""
    last_owner = await gql(remove, {"i": {"userId": gid("User", home.owner.id)}}, token=session)
    assert last_owner["removeAgencyMember"]["userErrors"] == [{"code": "LAST_OWNER"}]
    stranger = await gql(remove, {"i": {"userId": gid("User", other_team.owner.id)}}, token=session)
    assert stranger["removeAgencyMember"]["userErrors"] == [{"code": "NOT_FOUND"}]
    key = """mutation($i: CreateAgencyApiKeyInput!) { createAgencyApiKey(input: $i) { userErrors { code } } }"""
    assert (await gql(key, {"i": {"name": "k", "scopes": ["root"]}}, token=session))["createAgencyApiKey"][
        "userErrors"] == [{"code": "INVALID_SCOPE"}]
    other_agency_key = await gql("""mutation($i: RevokeAgencyApiKeyInput!) { revokeAgencyApiKey(input: $i) {
      userErrors { code } } }""", {"i": {"id": gid("AgencyApiKey", 999)}}, token=session)
    assert other_agency_key["revokeAgencyApiKey"]["userErrors"] == [{"code": "NOT_FOUND"}]
    assert (await gql("{ agency { name } }", token=other_team.key))["agency"] is None
    assert (await gql("{ agencyRollup { team { id } } }", token=other_team.key))["agencyRollup"] == []
