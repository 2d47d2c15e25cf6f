"""Where a segment is used: impacts of a rule edit per user, delete refused while in use, force detaches."""

from __future__ import annotations

from ids import pk
from test_email_helpers import make_hub, make_template

from app.audiences.models import AudienceLink
from app.email.drips import process_drip_enrollments
from app.email.models import DripEnrollment
from app.segments.pipeline.worker import evaluate_pending

pytest_plugins = ["test_email_helpers"]  # the smtp fixture

CREATE_SEGMENT = """
mutation($name: String!, $rule: String!) {
  createSegment(input: {name: $name, kind: DYNAMIC, ruleText: $rule}) { segment { id } userErrors { message } }
}"""
UPDATE = """
mutation($i: UpdateSegmentInput!) { updateSegment(input: $i) {
  saved whatIf { joinCount leaveCount } impacts { user { kind userId name } joining leaving message }
  segment { ruleText } userErrors { field code } } }"""
DELETE = """
mutation($i: DeleteSegmentInput!) { deleteSegment(input: $i) {
  deletedId detached usedBy { kind name } userErrors { field code message } } }"""


async def contacts(gql, team, *rows):
    data = await gql("mutation($c: [ContactInput!]!) { upsertContacts(input: {contacts: $c}) { contacts { id } } }",
                     {"c": list(rows)}, token=team.key)
    return [c["id"] for c in data["upsertContacts"]["contacts"]]


async def segment(gql, team, name, rule):
    data = (await gql(CREATE_SEGMENT, {"name": name, "rule": rule}, token=team.key))["createSegment"]
    assert data["userErrors"] == []
    return data["segment"]["id"]


async def used_segment(gql, team, smtp):
    """'British' is read by a segment rule, an access rule, a drip (trigger and exit) and an audience link."""
    hub = await make_hub(gql, team, smtp, "Academy")
    gb1, gb2, us1 = await contacts(gql, team, {"email": "gb1@x.com", "country": "GB", "tags": ["vip"]},
                                   {"email": "gb2@x.com", "country": "GB"}, {"email": "us1@x.com", "country": "US"})
    for contact in (gb1, gb2, us1):
        await gql('mutation($h: ID!, $c: ID!) { addHubMember(input: {hubId: $h, contactId: $c}) { userErrors { code } } }',
                  {"h": hub, "c": contact}, token=team.key)
    british = await segment(gql, team, "British", "country = 'GB'")
    vips = await segment(gql, team, "British VIPs", "in segment 'British' AND tags contains 'vip'")
    lesson = (await gql('mutation($h: ID!) { createContentNode(input: {hubId: $h, title: "Module 3", kind: LESSON}) '
                        '{ node { id } } }', {"h": hub}, token=team.key))["createContentNode"]["node"]["id"]
    rule = await gql('mutation($i: SetAccessRuleInput!) { setAccessRule(input: $i) { rule { id } userErrors { code } } }',
                     {"i": {"targetType": "NODE", "targetId": lesson, "audience": "SEGMENTS_ANY",
                            "segmentIds": [british]}}, token=team.key)
    assert rule["setAccessRule"]["userErrors"] == []
    template = await make_template(gql, team, hub, "winback", "We miss you")
    drip = await gql('mutation($i: CreateDripCampaignInput!) { createDripCampaign(input: $i) { dripCampaign { id } '
                     'userErrors { code } } }', {"i": {"hubId": hub, "name": "Win-back", "trigger": "SEGMENT_JOIN",
                                                       "segmentId": british, "steps": [{"delayMinutes": 0,
                                                                                        "templateId": template}]}},
                     token=team.key)
    drip_id = drip["createDripCampaign"]["dripCampaign"]["id"]
    destination = await gql('mutation($i: CreateAudienceDestinationInput!) { createAudienceDestination(input: $i) '
                            '{ destination { id } userErrors { code } } }',
                            {"i": {"platform": "META", "name": "Lookalikes", "accessToken": "tok", "appSecret": "s",
                                   "baseUrl": "http://127.0.0.1:9", "adAccountId": "act_1", "audienceId": "2385"}},
                            token=team.key)
    link = await gql('mutation($i: LinkSegmentToAudienceInput!) { linkSegmentToAudience(input: $i) { link { id } '
                     'userErrors { code } } }', {"i": {"segmentId": british, "destinationId":
                                                       destination["createAudienceDestination"]["destination"]["id"]}},
                     token=team.key)
    assert link["linkSegmentToAudience"]["userErrors"] == []
    # a third British contact joins after the drip started: it is enrolled (and would exit on leaving)
    [gb3] = await contacts(gql, team, {"email": "gb3@x.com", "country": "GB"})
    await gql('mutation($h: ID!, $c: ID!) { addHubMember(input: {hubId: $h, contactId: $c}) { userErrors { code } } }',
              {"h": hub, "c": gb3}, token=team.key)
    await evaluate_pending(None)
    await process_drip_enrollments()
    assert await DripEnrollment.filter(drip_id=pk(drip_id), status="active").count() == 1
    return {"british": british, "vips": vips, "lesson": lesson, "drip": drip_id,
            "rule": rule["setAccessRule"]["rule"]["id"], "link": link["linkSegmentToAudience"]["link"]["id"]}


async def test_rule_edit_reports_what_it_changes_for_every_user(gql, team, smtp):
    ids = await used_segment(gql, team, smtp)
    dry = await gql(UPDATE, {"i": {"id": ids["british"], "ruleText": "country = 'US'", "dryRun": True}},
                    token=team.key)
    result = dry["updateSegment"]
    assert result["saved"] is False and result["segment"]["ruleText"] == "country = 'GB'"
    assert result["whatIf"] == {"joinCount": 1, "leaveCount": 3}
    assert result["impacts"] == [
        {"user": {"kind": "SEGMENT", "userId": ids["vips"], "name": "rule of segment 'British VIPs'"},
         "joining": 0, "leaving": 1, "message": "segment 'British VIPs' would gain 0 and lose 1 member"},
        {"user": {"kind": "ACCESS_RULE", "userId": ids["rule"], "name": "access rule on lesson 'Module 3'"},
         "joining": 1, "leaving": 3,
         "message": "3 members lose access to lesson 'Module 3', 1 member gains access to lesson 'Module 3'"},
        {"user": {"kind": "DRIP", "userId": ids["drip"], "name": "drip 'Win-back'"}, "joining": 1, "leaving": 1,
         "message": "drip 'Win-back' would enrol 1 more and would exit 1 enrolled contact"},
        {"user": {"kind": "AUDIENCE_LINK", "userId": ids["link"], "name": "audience link to meta audience 'Lookalikes'"},
         "joining": 1, "leaving": 3,
         "message": "meta audience 'Lookalikes' would add 1 contact and remove 3 at its next sync"},
    ]
    # the saved edit reports the same, computed before it is applied
    saved = await gql(UPDATE, {"i": {"id": ids["british"], "ruleText": "country = 'US'"}}, token=team.key)
    assert saved["updateSegment"]["saved"] is True and saved["updateSegment"]["impacts"] == result["impacts"]
    # a description change moves no one: nothing to report
    plain = await gql(UPDATE, {"i": {"id": ids["british"], "description": "Britons"}}, token=team.key)
    assert plain["updateSegment"]["impacts"] == []


async def test_delete_is_refused_while_in_use_and_force_detaches_without_deleting_a_drip(gql, team, other_team, smtp):
    ids = await used_segment(gql, team, smtp)
    refused = (await gql(DELETE, {"i": {"id": ids["british"]}}, token=team.key))["deleteSegment"]
    assert refused["deletedId"] is None and refused["detached"] == []
    assert [u["kind"] for u in refused["usedBy"]] == ["SEGMENT", "ACCESS_RULE", "DRIP", "AUDIENCE_LINK"]
    [error] = refused["userErrors"]
    assert error["code"] == "SEGMENT_IN_USE" and all(u["name"] in error["message"] for u in refused["usedBy"])
    # force never rewrites another segment's rule: that user still refuses
    forced = (await gql(DELETE, {"i": {"id": ids["british"], "force": True}}, token=team.key))["deleteSegment"]
    assert forced["userErrors"][0]["code"] == "SEGMENT_IN_USE" and forced["deletedId"] is None
    foreign = (await gql(DELETE, {"i": {"id": ids["british"], "force": True}}, token=other_team.key))["deleteSegment"]
    assert foreign["userErrors"] == [{"field": "id", "code": "NOT_FOUND", "message": "segment not found"}]

    await gql(UPDATE, {"i": {"id": ids["vips"], "ruleText": "tags contains 'vip'"}}, token=team.key)
    forced = (await gql(DELETE, {"i": {"id": ids["british"], "force": True}}, token=team.key))["deleteSegment"]
    assert forced["userErrors"] == [] and forced["deletedId"] == ids["british"]
    assert forced["detached"] == [
        "access rule on lesson 'Module 3' no longer reads the segment and admits no one until it is given "
        "another audience",
        "drip 'Win-back' paused: it has no trigger segment any more",
        "drip 'Win-back' no longer exits contacts who leave the segment",
        "audience link to meta audience 'Lookalikes' removed (its sync stops)",
    ]
    drips = await gql("{ dripCampaigns { nodes { id name active segmentId exitSegmentId } } }", token=team.key)
    assert drips["dripCampaigns"]["nodes"] == [
        {"id": ids["drip"], "name": "Win-back", "active": False, "segmentId": None, "exitSegmentId": None}]
    assert await DripEnrollment.filter(drip_id=pk(ids["drip"])).count() == 1  # its history stays
    resume = await gql('mutation($i: UpdateDripCampaignInput!) { updateDripCampaign(input: $i) { userErrors { field code } } }',
                       {"i": {"id": ids["drip"], "active": True}}, token=team.key)
    assert resume["updateDripCampaign"]["userErrors"] == [{"field": "active", "code": "NO_TRIGGER_SEGMENT"}]
    hub_rules = await gql("query($n: ID!) { contentNode(id: $n) { hubId } }", {"n": ids["lesson"]}, token=team.key)
    rules = await gql("query($h: ID!) { accessRules(hubId: $h) { id audience segmentIds } }",
                      {"h": hub_rules["contentNode"]["hubId"]}, token=team.key)
    assert rules["accessRules"] == [{"id": ids["rule"], "audience": "SEGMENTS_ANY", "segmentIds": []}]
    assert not await AudienceLink.exists(team_id=team.id)
    gone = await gql("query($id: ID!) { segment(id: $id) { id } }", {"id": ids["british"]}, token=team.key)
    assert gone["segment"] is None


async def test_an_unused_segment_is_deleted_without_force(gql, team):
    unused = await segment(gql, team, "Nobody", "country = 'FR'")
    deleted = (await gql(DELETE, {"i": {"id": unused}}, token=team.key))["deleteSegment"]
    assert deleted == {"deletedId": unused, "detached": [], "usedBy": [], "userErrors": []}


async def test_a_rule_edit_counts_the_enrolments_each_drips_reentry_policy_allows(gql, team, smtp):
    """Contacts who were in a drip before and left are enrolled again by AGAIN_AFTER_LEAVING (and by
    AT_MOST_EVERY_N_DAYS once N days have passed), never by ONCE_EVER: the impact says so."""
    from datetime import timedelta

    hub = await make_hub(gql, team, smtp, "Academy")
    x1, x2, _x3 = await contacts(gql, team, {"email": "x1@x.com", "country": "US"},
                                {"email": "x2@x.com", "country": "US"}, {"email": "x3@x.com", "country": "US"})
    british = await segment(gql, team, "British", "country = 'GB'")
    template = await make_template(gql, team, hub, "winback", "We miss you")
    drips = {}
    for name, extra in (("Once", {}), ("Again", {"reentry": "AGAIN_AFTER_LEAVING"}),
                        ("Monthly", {"reentry": "AT_MOST_EVERY_N_DAYS", "reentryDays": 30})):
        created = await gql('mutation($i: CreateDripCampaignInput!) { createDripCampaign(input: $i) { dripCampaign '
                            '{ id } userErrors { code } } }', {"i": {
                                "hubId": hub, "name": name, "trigger": "SEGMENT_JOIN", "segmentId": british,
                                "steps": [{"delayMinutes": 60, "templateId": template}], **extra}}, token=team.key)
        assert created["createDripCampaign"]["userErrors"] == []
        drips[name] = created["createDripCampaign"]["dripCampaign"]["id"]
    # x1 and x2 become British: each drip enrols them; then they move away and every enrolment exits
    await contacts(gql, team, {"email": "x1@x.com", "country": "GB"}, {"email": "x2@x.com", "country": "GB"})
    await evaluate_pending(None)
    await process_drip_enrollments()
    await contacts(gql, team, {"email": "x1@x.com", "country": "FR"}, {"email": "x2@x.com", "country": "FR"})
    await evaluate_pending(None)
    await process_drip_enrollments()
    assert await DripEnrollment.filter(team_id=team.id, status="exited", exit_reason="left_segment").count() == 6
    assert await DripEnrollment.filter(team_id=team.id, status="active").count() == 0

    async def enrolling():
        dry = await gql(UPDATE, {"i": {"id": british, "ruleText": "country IN ('GB', 'FR', 'US')", "dryRun": True}},
                        token=team.key)
        assert dry["updateSegment"]["whatIf"] == {"joinCount": 3, "leaveCount": 0}
        return {i["user"]["name"]: (i["joining"], i["message"]) for i in dry["updateSegment"]["impacts"]
                if i["user"]["kind"] == "DRIP"}

    assert await enrolling() == {
        "drip 'Once'": (1, "drip 'Once' would enrol 1 more"),  # x3 only: x1 and x2 were in once
        "drip 'Again'": (3, "drip 'Again' would enrol 3 more"),  # they left, so they come back
        "drip 'Monthly'": (1, "drip 'Monthly' would enrol 1 more"),  # x1 and x2 entered less than 30 days ago
    }
    # 31 days later the monthly drip takes them again; an active enrolment still keeps one out
    for row in await DripEnrollment.filter(team_id=team.id):
        row.enrolled_at -= timedelta(days=31)
        await row.save(update_fields=["enrolled_at"])
    await DripEnrollment.filter(team_id=team.id, drip_id=pk(drips["Again"]), team_contact_id=pk(x1)).update(
        status="active")
    assert await enrolling() == {
        "drip 'Once'": (1, "drip 'Once' would enrol 1 more"),
        "drip 'Again'": (2, "drip 'Again' would enrol 2 more"),
        "drip 'Monthly'": (3, "drip 'Monthly' would enrol 3 more"),
    }
    assert {e.team_contact_id for e in await DripEnrollment.filter(team_id=team.id)} == {pk(x1), pk(x2)}
