"""The segment library: built-in templates (each checked by the real validator), a team's own,
and cloning a chosen set or the whole library in one all-or-nothing mutation."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import factories
import pytest
from ids import pk

from app.plans import library
from app.plans import service as plans
from app.segments.catalog import CatalogContext
from app.segments.models import Segment, SegmentMembership
from app.segments.validate import parse_rule

CLONE = """mutation($i: CloneSegmentTemplatesInput!) {
  cloneSegmentTemplates(input: $i) {
    segments { id name ruleText description tags memberCount }
    results { key name segment { id } problems { field message code } }
    userErrors { field message code } } }"""
CREATE_TEMPLATE = """mutation($i: CreateSegmentTemplateInput!) {
  createSegmentTemplate(input: $i) { template { key name ruleText builtIn parameters { name type default }
    customProperties { key type } } userErrors { field message code } } }"""
LIBRARY = "{ segmentLibrary { key family builtIn } }"
FAMILIES = {"tenure", "value", "behaviour", "product", "acquisition", "lifecycle", "consent", "subscriptions",
            "content"}


def test_every_built_in_template_is_a_valid_rule_with_its_defaults():
    assert len(library.BUILT_IN) >= 30
    assert {t.family for t in library.BUILT_IN} == FAMILIES
    assert len(library.BUILT_IN_BY_KEY) == len(library.BUILT_IN)
    for template in library.BUILT_IN:
        assert library.check_definition(template.rule_text, list(template.parameters)) == [], template.key
        assert library.custom_properties_of(template.rule_text) == set(template.custom_properties), template.key
        ctx = CatalogContext(team_id=1, tz=ZoneInfo("UTC"))
        for key, type_ in template.custom_properties.items():
            ctx.custom[key] = (type_, ())
        parse_rule(library.fill(template, {}), None, ctx, None)  # raises ValidationFailed on a bad rule


def test_the_seed_examples_are_in_the_library():
    wanted = {"tenure.new", "tenure.established", "tenure.loyal", "value.entry", "value.mid", "value.premium",
              "behaviour.engaged", "behaviour.declining", "behaviour.at_risk", "behaviour.dormant",
              "product.buyers", "acquisition.property", "acquisition.first_touch", "cart.abandoners",
              "orders.first_time", "orders.second_time", "activity.silent", "consent.whatsapp",
              "orders.win_back", "orders.loyal_at_risk"}
    assert wanted <= set(library.BUILT_IN_BY_KEY)
    cart = library.fill(library.BUILT_IN_BY_KEY["cart.abandoners"], {})
    assert cart == ("last event of type 'cart_abandoned' within 24 hours AND no event of type 'purchase' "
                    "since that cart_abandoned")


async def _agency(team):
    await plans.set_plan(team.team, "agency", "test")


async def test_an_agency_clones_the_whole_library_into_a_brand(gql, team):
    await _agency(team)
    await factories.custom_property(team, "acquisition_channel", "string")
    await factories.custom_property(team, "whatsapp_opt_in", "boolean")
    await factories.contact(team, "ava@example.com", customProperties={"whatsapp_opt_in": True})
    await factories.contact(team, "bo@example.com")
    done = (await gql(CLONE, {"i": {"all": True}}, token=team.key))["cloneSegmentTemplates"]
    assert done["userErrors"] == []
    assert len(done["segments"]) == len(library.BUILT_IN)
    assert all(r["segment"] and r["problems"] == [] for r in done["results"])
    whatsapp = next(s for s in done["segments"] if s["name"] == "WhatsApp opt-in")
    assert (whatsapp["ruleText"], whatsapp["memberCount"], whatsapp["tags"]) == (
        "custom.whatsapp_opt_in = true", 1, ["library"])
    new = next(s for s in done["segments"] if s["name"] == "New (first 30 days)")
    assert new["memberCount"] == 2 and new["description"] == "Became a contact within the last 30 days."
    assert await SegmentMembership.filter(segment_id=pk(whatsapp["id"])).count() == 1


async def test_missing_custom_properties_are_reported_per_template_and_nothing_is_half_applied(gql, team):
    await _agency(team)
    refused = (await gql(CLONE, {"i": {"all": True}}, token=team.key))["cloneSegmentTemplates"]
    assert refused["segments"] == [] and refused["userErrors"] == []
    problems = {r["key"]: [p["code"] for p in r["problems"]] for r in refused["results"] if r["problems"]}
    assert problems == {"acquisition.property": ["MISSING_CUSTOM_PROPERTY"],
                        "consent.whatsapp": ["MISSING_CUSTOM_PROPERTY"]}
    whatsapp = next(r for r in refused["results"] if r["key"] == "consent.whatsapp")
    assert whatsapp["problems"][0]["message"] == ("template 'consent.whatsapp' needs the custom property "
                                                  "'whatsapp_opt_in' (boolean), which this team has not defined")
    assert await Segment.filter(team_id=team.id).count() == 0
    # A property of another type is reported too.
    await factories.custom_property(team, "whatsapp_opt_in", "string")
    typed = (await gql(CLONE, {"i": {"templates": [{"key": "consent.whatsapp"}]}}, token=team.key))
    [result] = typed["cloneSegmentTemplates"]["results"]
    assert [p["code"] for p in result["problems"]] == ["CUSTOM_PROPERTY_TYPE"]
    # skipUnavailable: the others are created, the two are reported.
    partial = (await gql(CLONE, {"i": {"all": True, "skipUnavailable": True}}, token=team.key))
    assert len(partial["cloneSegmentTemplates"]["segments"]) == len(library.BUILT_IN) - 2
    assert await Segment.filter(team_id=team.id).count() == len(library.BUILT_IN) - 2


async def test_chosen_templates_take_typed_parameters(gql, team, other_team):
    await _agency(team)
    await factories.segment(team, "VIPs", "tags contains 'vip'")
    choices = [{"key": "tenure.new", "name": "Newest fortnight", "parameters": {"days": 14}},
               {"key": "value.premium", "parameters": {"threshold": 250.5}},
               {"key": "product.repeat", "parameters": {"product": "O'Brien box", "count": 3}}]
    done = (await gql(CLONE, {"i": {"templates": choices}}, token=team.key))["cloneSegmentTemplates"]
    assert done["userErrors"] == []
    assert [(s["name"], s["ruleText"]) for s in done["segments"]] == [
        ("Newest fortnight", "createdAt within 14 days"),
        ("Premium spenders", "totalSpent > 250.5"),
        ("Repeat product buyers", "count of events of type 'purchase' has product = 'O''Brien box' >= 3"),
    ]
    before = await Segment.filter(team_id=team.id).count()
    bad = [{"key": "tenure.new", "name": "Again", "parameters": {"days": "a week"}},
           {"key": "tenure.loyal", "name": "L", "parameters": {"weeks": 3}},
           {"key": "no.such", "name": "X"},
           {"key": "value.vip"},  # its name, 'VIPs', is taken
           {"key": "tenure.established", "name": "E", "parameters": {"min_months": 0}},
           {"key": "orders.recent", "name": "R"}]
    refused = (await gql(CLONE, {"i": {"templates": bad}}, token=team.key))["cloneSegmentTemplates"]
    codes = [[p["code"] for p in r["problems"]] for r in refused["results"]]
    assert codes == [["INVALID_PARAMETER"], ["INVALID_PARAMETER"], ["UNKNOWN_TEMPLATE"], ["DUPLICATE_NAME"],
                     ["INVALID_PARAMETER"], []]
    assert refused["results"][0]["problems"][0]["field"] == "templates.0.parameters.days"
    assert refused["segments"] == []
    assert await Segment.filter(team_id=team.id).count() == before  # nothing half-applied
    dup = (await gql(CLONE, {"i": {"templates": [{"key": "value.vip", "name": "VIPs"}]}}, token=team.key))
    assert dup["cloneSegmentTemplates"]["results"][0]["problems"][0]["code"] == "DUPLICATE_NAME"
    neither = (await gql(CLONE, {"i": {}}, token=team.key))["cloneSegmentTemplates"]
    assert [e["code"] for e in neither["userErrors"]] == ["REQUIRED"]
    not_object = (await gql(CLONE, {"i": {"templates": [{"key": "tenure.new", "parameters": [1]}]}}, token=team.key))
    assert [e["code"] for e in not_object["cloneSegmentTemplates"]["userErrors"]] == ["INVALID_PARAMETER"]


async def test_the_library_needs_an_agency_plan(gql, team):
    await plans.set_plan(team.team, "pro", "test")
    refused = (await gql(CLONE, {"i": {"all": True}}, token=team.key))["cloneSegmentTemplates"]
    [error] = refused["userErrors"]
    assert (error["code"], error["message"]) == (
        "PLAN_LIMIT", "segment library and cloning are not in the Pro plan: Agency includes them")
    own = await gql(CREATE_TEMPLATE, {"i": {"key": "mine", "name": "Mine", "ruleText": "country = 'GB'"}},
                    token=team.key)
    assert own["createSegmentTemplate"]["userErrors"][0]["code"] == "PLAN_LIMIT"
    assert await Segment.filter(team_id=team.id).count() == 0


async def test_a_team_adds_its_own_templates(gql, team, other_team):
    await _agency(team)
    await _agency(other_team)
    await factories.custom_property(team, "score", "number")
    made = await gql(CREATE_TEMPLATE, {"i": {
        "key": "Scores.High", "name": "High scorers", "family": "scores",
        "ruleText": "custom.score >= {min} AND lastActivityAt within {days} days",
        "parameters": [{"name": "min", "type": "integer", "default": 80},
                       {"name": "days", "type": "integer", "default": 30, "description": "window"}]}}, token=team.key)
    assert made["createSegmentTemplate"]["userErrors"] == []
    template = made["createSegmentTemplate"]["template"]
    assert (template["key"], template["builtIn"], template["customProperties"]) == (
        "scores.high", False, [{"key": "score", "type": "number"}])
    keys = {t["key"]: t["builtIn"] for t in (await gql(LIBRARY, token=team.key))["segmentLibrary"]}
    assert keys["scores.high"] is False and keys["tenure.new"] is True
    assert "scores.high" not in {t["key"] for t in (await gql(LIBRARY, token=other_team.key))["segmentLibrary"]}
    cloned = (await gql(CLONE, {"i": {"templates": [{"key": "scores.high", "parameters": {"min": 90}}]}},
                        token=team.key))["cloneSegmentTemplates"]
    assert cloned["segments"][0]["ruleText"] == "custom.score >= 90 AND lastActivityAt within 30 days"
    theirs = (await gql(CLONE, {"i": {"templates": [{"key": "scores.high"}]}}, token=other_team.key))
    assert theirs["cloneSegmentTemplates"]["results"][0]["problems"][0]["code"] == "UNKNOWN_TEMPLATE"
    for bad, code in (
        ({"key": "tenure.new", "name": "X", "ruleText": "country = 'GB'"}, "DUPLICATE_KEY"),
        ({"key": "scores.high", "name": "X", "ruleText": "country = 'GB'"}, "DUPLICATE_KEY"),
        ({"key": "9bad", "name": "X", "ruleText": "country = 'GB'"}, "INVALID_KEY"),
        ({"key": "a", "name": "X", "ruleText": "createdAt within {days} days"}, "INVALID_PARAMETER"),
        ({"key": "b", "name": "X", "ruleText": "country = 'GB'",
          "parameters": [{"name": "days", "type": "integer", "default": 3}]}, "INVALID_PARAMETER"),
        ({"key": "c", "name": "X", "ruleText": "createdAt within {days} days",
          "parameters": [{"name": "days", "type": "duration", "default": 3}]}, "INVALID_PARAMETER"),
        ({"key": "d", "name": "X", "ruleText": "countri = 'GB'"}, "UNKNOWN_FIELD"),
        ({"key": "e", "name": "", "ruleText": "country = 'GB'"}, "REQUIRED"),
    ):
        refused = await gql(CREATE_TEMPLATE, {"i": bad}, token=team.key)
        assert code in [e["code"] for e in refused["createSegmentTemplate"]["userErrors"]], (bad, refused)
    delete = "mutation($i: DeleteSegmentTemplateInput!) { deleteSegmentTemplate(input: $i) { deletedKey userErrors { code } } }"
    foreign = await gql(delete, {"i": {"key": "scores.high"}}, token=other_team.key)
    assert foreign["deleteSegmentTemplate"] == {"deletedKey": None, "userErrors": [{"code": "NOT_FOUND"}]}
    gone = await gql(delete, {"i": {"key": "scores.high"}}, token=team.key)
    assert gone["deleteSegmentTemplate"] == {"deletedKey": "scores.high", "userErrors": []}


@pytest.mark.parametrize("scope", ["segments:read"])
async def test_cloning_needs_segments_write(gql, team, scope):
    await _agency(team)
    key = (await gql("mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }",
                     {"i": {"name": "reader", "scopes": [scope]}}, token=team.key))["createApiKey"]["secret"]
    body = await gql.raw(CLONE, {"i": {"all": True}}, token=key)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert len((await gql(LIBRARY, token=key))["segmentLibrary"]) == len(library.BUILT_IN)
