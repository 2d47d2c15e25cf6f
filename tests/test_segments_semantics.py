"""What rules mean, through GraphQL: negation, case, typed properties, word order, aggregates over
event properties, explain in the field's unit, teaching errors, and the team's time zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import factories
from ids import gid
from test_realtime import make_segment, members, track
from test_segments_rules import PREVIEW, contacts, create, events, orders

from app.contacts.models import TeamContact
from app.segments.pipeline.models import SegmentEvaluationStats
from app.segments.pipeline.timesweep import sweep_time_windows
from app.segments.pipeline.worker import evaluate_pending
from app.segments.timeutil import window_start

EXPLAIN = """query($s: ID!, $c: ID!) { explainSegment(segmentId: $s, contactId: $c) {
  matches conditions { path text matched value } } }"""
SET_ZONE = """mutation($z: String!) { setTeamTimeZone(input: {timeZone: $z}) {
  team { timeZone } userErrors { field message code } } }"""
DEFINE = """mutation($i: DefineCustomPropertyInput!) { defineCustomProperty(input: $i) {
  userErrors { message } } }"""


async def preview(gql, team, text):
    data = await gql(PREVIEW, {"t": text}, token=team.key)
    result = data["previewSegment"]
    assert result["errors"] == [], (text, result["errors"])
    return sorted(c["email"] for c in result["sample"]), result


async def errors_of(gql, team, text):
    data = await gql(PREVIEW, {"t": text}, token=team.key)
    return data["previewSegment"]["errors"]


async def test_a_negative_operator_is_not_of_its_positive_twin_missing_values_included(gql, team):
    ids = await contacts(gql, team, {"email": "gb@x.com", "country": "GB", "tags": ["vip"]},
                         {"email": "us@x.com", "country": "US"}, {"email": "none@x.com"})
    await events(team, (ids["gb@x.com"], "page_view", timedelta(hours=1), {"device": "mobile"}),
                 (ids["us@x.com"], "page_view", timedelta(hours=1), {"device": "desktop"}),
                 (ids["none@x.com"], "page_view", timedelta(hours=1), {}))
    pairs = [("country != 'GB'", "NOT country = 'GB'"),
             ("country not in ('US', 'GB')", "NOT country in ('US', 'GB')"),
             ("country not contains 'g'", "NOT country contains 'g'"),
             ("tags not contains 'vip'", "NOT tags contains 'vip'"),
             ("avg of orders.total != 5", "NOT avg of orders.total = 5")]
    for negative, twin in pairs:
        assert (await preview(gql, team, negative))[0] == (await preview(gql, team, twin))[0], negative
    assert (await preview(gql, team, "country != 'GB'"))[0] == ["none@x.com", "us@x.com"]
    assert (await preview(gql, team, "country not in ('US', 'GB')"))[0] == ["none@x.com"]
    # Missing values only by name: `is set` / `is not set`.
    assert (await preview(gql, team, "country != 'GB' AND country is set"))[0] == ["us@x.com"]
    assert (await preview(gql, team, "country is not set"))[0] == ["none@x.com"]
    # An event property filter: `!=` takes the events without the property too.
    assert (await preview(gql, team, "any event of type 'page_view' has device != 'mobile'"))[0] == [
        "none@x.com", "us@x.com"]
    # Saved (full evaluation), explained, and kept current by the real-time path alike.
    segment = await create(gql, team, "Not GB", "country != 'GB'")
    assert segment["segment"]["memberCount"] == 2
    explained = await gql(EXPLAIN, {"s": segment["segment"]["id"], "c": gid("Contact", ids["none@x.com"])},
                          token=team.key)
    assert explained["explainSegment"]["matches"] is True
    assert explained["explainSegment"]["conditions"][0]["value"] is None
    live = await make_segment(gql, team.key, "Not GB signups", "country != 'GB' AND any event of type 'signup'")
    [accepted] = await track(gql, team.key, [{"email": "new@x.com", "type": "signup"}])
    await evaluate_pending(None)
    assert await members(live) == {await _contact_pk("new@x.com")}
    assert accepted["contactId"]


async def _contact_pk(email, team_id=None):
    return (await TeamContact.get(email=email, **({"team_id": team_id} if team_id else {}))).id


async def test_tags_enums_countries_and_emails_compare_case_insensitively(gql, team):
    ids = await contacts(gql, team, {"email": "Ann@X.com", "country": "gb", "tags": ["VIP"],
                                     "lifecycleStage": "Loyal"}, {"email": "bob@x.com", "country": "US"})
    for text, canonical in [("tags contains 'VIP'", "tags contains 'vip'"),
                            ("lifecycleStage = 'Loyal'", "lifecycleStage = 'loyal'"),
                            ("lifecycleStage in (Loyal, ENGAGED)", "lifecycleStage in (loyal, engaged)"),
                            ("country = 'gb'", "country = 'GB'"),
                            ("country in ('Gb', 'fr')", "country in ('GB', 'FR')"),
                            ("email = 'ANN@x.com'", "email = 'ann@x.com'")]:
        emails, result = await preview(gql, team, text)
        assert emails == ["ann@x.com"], text
        assert result["ruleText"] == canonical
    # The stage is stored as its writer normalised it ('Loyal' -> 'loyal'): compared as stored, its negation too.
    assert (await preview(gql, team, "lifecycleStage != 'LOYAL'"))[0] == ["bob@x.com"]
    assert await TeamContact.filter(team_id=team.id, lifecycle_stage="loyal").count() == 1
    segment = await create(gql, team, "GB", "country = 'Gb'")
    explained = await gql(EXPLAIN, {"s": segment["segment"]["id"], "c": gid("Contact", ids["ann@x.com"])},
                          token=team.key)
    [condition] = explained["explainSegment"]["conditions"]
    assert condition == {"path": "rule", "text": "country = 'GB'", "matched": True, "value": "GB"}
    [error] = await errors_of(gql, team, "lifecycleStage = 'loyall'")
    assert error["code"] == "INVALID_VALUE" and "did you mean 'loyal'" in error["message"]


async def test_event_and_custom_properties_compare_by_json_type(gql, team):
    ids = await contacts(gql, team, *({"email": f"{n}@x.com"} for n in ("int", "float", "text", "flag", "bare")))
    await events(team, (ids["int@x.com"], "purchase", timedelta(hours=1), {"amount": 50, "coupon": "SUMMER"}),
                 (ids["float@x.com"], "purchase", timedelta(hours=1), {"amount": 50.0, "gift": False}),
                 (ids["text@x.com"], "purchase", timedelta(hours=1), {"amount": "50", "gift": "true"}),
                 (ids["flag@x.com"], "purchase", timedelta(hours=1), {"amount": 7.5, "gift": True}),
                 (ids["bare@x.com"], "purchase", timedelta(hours=1), {}))
    cases = {
        "has amount = 50": ["float@x.com", "int@x.com"],
        "has amount = 50.0": ["float@x.com", "int@x.com"],
        "has amount = '50'": ["text@x.com"],
        "has gift = true": ["flag@x.com"],
        "has gift = 'true'": ["text@x.com"],
        "has amount != 50": ["bare@x.com", "flag@x.com", "text@x.com"],
        "has amount > 10": ["float@x.com", "int@x.com"],
        "has amount <= 7.5": ["flag@x.com"],
        "has amount >= 50, amount < 51": ["float@x.com", "int@x.com"],
        "has amount between 5 and 50": ["flag@x.com", "float@x.com", "int@x.com"],
        "has amount in (7.5, '50')": ["flag@x.com", "text@x.com"],
        "has amount not in (50, 7.5)": ["bare@x.com", "text@x.com"],
        "has coupon contains 'summ'": ["int@x.com"],
        "has coupon not contains 'summ'": ["bare@x.com", "flag@x.com", "float@x.com", "text@x.com"],
        "has gift is set": ["flag@x.com", "float@x.com", "text@x.com"],
        "has gift is not set": ["bare@x.com", "int@x.com"],
    }
    for filters, expected in cases.items():
        assert (await preview(gql, team, f"any event of type 'purchase' {filters}"))[0] == expected, filters
    # Custom properties are typed by their definition: 50 and 50.0 are the same number.
    assert (await gql(DEFINE, {"i": {"key": "score", "type": "NUMBER"}}, token=team.key))[
        "defineCustomProperty"]["userErrors"] == []
    await contacts(gql, team, {"email": "int@x.com", "customProperties": {"score": 50}},
                   {"email": "float@x.com", "customProperties": {"score": 50.0}},
                   {"email": "flag@x.com", "customProperties": {"score": 7.5}})
    assert (await preview(gql, team, "custom.score = 50"))[0] == ["float@x.com", "int@x.com"]
    assert (await preview(gql, team, "custom.score != 50"))[0] == ["bare@x.com", "flag@x.com", "text@x.com"]
    assert (await preview(gql, team, "custom.score between 5 and 10"))[0] == ["flag@x.com"]


async def test_windows_go_before_or_after_filters_and_comparisons(gql, team):
    ids = await contacts(gql, team, {"email": "tab@x.com"}, {"email": "old@x.com"}, {"email": "many@x.com"})
    await events(team, (ids["tab@x.com"], "page_view", timedelta(days=2), {"device": "tablet"}),
                 (ids["old@x.com"], "page_view", timedelta(days=20), {"device": "tablet"}),
                 *((ids["many@x.com"], "search", timedelta(days=d), {}) for d in range(1, 7)),
                 (ids["tab@x.com"], "search", timedelta(days=30), {}))
    for text in ("any event of type 'page_view' within 14 days has device = 'tablet'",
                 "any event of type 'page_view' has device = 'tablet' within 14 days"):
        emails, result = await preview(gql, team, text)
        assert emails == ["tab@x.com"]
        assert result["ruleText"] == "any event of type 'page_view' has device = 'tablet' within 14 days"
    for text in ("count of events of type 'search' >= 5 within 7 days",
                 "count of events of type 'search' within 7 days >= 5"):
        emails, result = await preview(gql, team, text)
        assert emails == ["many@x.com"] and result["ruleText"] == "count of events of type 'search' within 7 days >= 5"
    assert (await preview(gql, team, "lastActivityAt within 1 month"))[0] == ["many@x.com", "old@x.com", "tab@x.com"]
    assert (await preview(gql, team, "any event of type 'search' within 1 year"))[0] == ["many@x.com", "tab@x.com"]
    await orders(team, ids["tab@x.com"], 15000)
    await orders(team, ids["old@x.com"], 2500)
    assert (await preview(gql, team, "totalSpent between 100 and 200"))[0] == ["tab@x.com"]
    assert (await preview(gql, team, "totalSpent between 25 and 150"))[0] == ["old@x.com", "tab@x.com"]
    [error] = await errors_of(gql, team, "totalSpent between 200 and 100")
    assert "did you mean `totalSpent between 100 and 200`" in error["message"]
    # Dates: > < >= <= are after / before / on or after / on or before a period.
    today = datetime.now(UTC).date().isoformat()
    _, greater = await preview(gql, team, f"lastOrderAt > {today}")
    assert greater["ruleText"] == f"lastOrderAt after {today}"
    assert (await preview(gql, team, "lastOrderAt < today"))[1]["ruleText"] == "lastOrderAt before today"
    assert (await preview(gql, team, "lastOrderAt >= yesterday"))[0] == ["old@x.com", "tab@x.com"]
    assert (await preview(gql, team, "lastOrderAt <= yesterday"))[0] == ["old@x.com", "tab@x.com"]
    assert (await preview(gql, team, "lastOrderAt >= today"))[0] == []


async def test_aggregates_over_a_numeric_event_property(gql, team):
    ids = await contacts(gql, team, {"email": "big@x.com"}, {"email": "small@x.com"}, {"email": "none@x.com"})
    await events(team, (ids["big@x.com"], "purchase", timedelta(days=10), {"amount": 120, "currency": "GBP"}),
                 (ids["big@x.com"], "purchase", timedelta(days=40), {"amount": 30.5, "currency": "EUR"}),
                 (ids["big@x.com"], "purchase", timedelta(days=200), {"amount": 1000}),
                 (ids["small@x.com"], "purchase", timedelta(days=5), {"amount": "90"}),
                 (ids["small@x.com"], "purchase", timedelta(days=5), {"amount": 9}))
    emails, result = await preview(gql, team, "sum of purchase.amount within 90 days > 100")
    assert emails == ["big@x.com"] and result["ruleText"] == "sum of purchase.amount within 90 days > 100"
    assert (await preview(gql, team, "sum of amount of events of type 'purchase' within 90 days = 150.5"))[0] == [
        "big@x.com"]
    assert (await preview(gql, team, "avg of purchase.amount has currency = 'GBP' >= 120"))[0] == ["big@x.com"]
    assert (await preview(gql, team, "max of purchase.amount < 10"))[0] == ["small@x.com"]
    assert (await preview(gql, team, "min of purchase.amount within 12 months != 9"))[0] == ["big@x.com",
                                                                                              "none@x.com"]
    assert (await preview(gql, team, "count of purchase.amount >= 3"))[0] == ["big@x.com"]
    [error] = await errors_of(gql, team, "sum of events of type 'purchase' > 5")
    assert error["code"] == "INVALID_AGGREGATE" and "sum of purchase.amount" in error["message"]


async def test_explain_shows_money_in_currency_units_and_times_in_the_team_zone(gql, make_team):
    team = await make_team("Paris shop", time_zone="Europe/Paris")
    ids = await contacts(gql, team, {"email": "a@x.com"})
    await orders(team, ids["a@x.com"], 20000, ago=timedelta(days=1))
    await events(team, (ids["a@x.com"], "purchase", timedelta(days=1), {"amount": 12.5}))
    segment = await create(gql, team, "Spenders", "totalSpent >= 200 AND sum of orders.total > 150 AND "
                                                  "lastOrderAt within 7 days AND sum of purchase.amount > 10")
    data = await gql(EXPLAIN, {"s": segment["segment"]["id"], "c": gid("Contact", ids["a@x.com"])}, token=team.key)
    values = [c["value"] for c in data["explainSegment"]["conditions"][1:]]
    assert values[:2] == ["200.00", "200.00"] and values[3] == "12.5"
    placed = datetime.fromisoformat(values[2])  # lastOrderAt, written with the Paris offset
    assert placed.utcoffset() == placed.astimezone(ZoneInfo("Europe/Paris")).utcoffset() != timedelta(0)
    assert data["explainSegment"]["matches"] is True


async def test_refused_rules_say_what_was_expected_and_offer_the_nearest_valid_form(gql, team):
    hints = {
        "any event 'webinar' within 30 days": "did you mean `any event of type 'webinar' within 30 days`?",
        "lastActivityAt within 30 dayz": "did you mean `lastActivityAt within 30 days`?",
        "country is 'GB'": "did you mean `country = 'GB'`?",
        "country equals 'GB'": "did you mean `country = 'GB'`?",
        "createdAt during last mnth": "did you mean `createdAt during last month`?",
        "lastActivty within 3 days": "did you mean 'lastActivityAt'?",
        "last event of type 'login'": "did you mean `last event of type 'login' within 30 days`",
    }
    for text, hint in hints.items():
        [error] = await errors_of(gql, team, text)
        assert hint in error["message"], (text, error)
        assert error["message"].startswith("line 1, column")


async def test_the_team_time_zone_is_set_in_graphql_validated_and_moves_calendar_days(gql, team):
    read = "{ viewer { team { timeZone } } }"
    assert (await gql(read, token=team.key))["viewer"]["team"]["timeZone"] == "UTC"
    for bad, hint in (("Mars/Olympus", ""), ("europe/london", "did you mean 'Europe/London'?"), ("", "")):
        data = await gql(SET_ZONE, {"z": bad}, token=team.key)
        [error] = data["setTeamTimeZone"]["userErrors"]
        assert error["code"] == "INVALID_TIME_ZONE" and error["field"] == "timeZone" and hint in error["message"]
    assert (await gql(read, token=team.key))["viewer"]["team"]["timeZone"] == "UTC"
    staff = await gql('mutation { createApiKey(input: {name: "s", scopes: ["segments:write"]}) { secret } }',
                      token=team.key)
    body = await gql.raw(SET_ZONE, {"z": "Europe/London"}, token=staff["createApiKey"]["secret"])
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"

    # A contact created at an instant that is "today" in one zone and not in the other.
    east, west = ZoneInfo("Pacific/Kiritimati"), ZoneInfo("Pacific/Pago_Pago")
    now = datetime.now(UTC)
    moment = next(now - timedelta(hours=h) for h in range(48)
                  if ((now - timedelta(hours=h)).astimezone(east).date() == now.astimezone(east).date())
                  != ((now - timedelta(hours=h)).astimezone(west).date() == now.astimezone(west).date()))
    in_east = moment.astimezone(east).date() == now.astimezone(east).date()
    await contacts(gql, team, {"email": "edge@x.com"})
    await TeamContact.filter(email="edge@x.com").update(created_at=moment)
    await gql(SET_ZONE, {"z": "Pacific/Kiritimati"}, token=team.key)
    segment = await make_segment(gql, team.key, "Joined today", "createdAt during today")
    assert len(await members(segment)) == int(in_east)
    data = await gql(SET_ZONE, {"z": "Pacific/Pago_Pago"}, token=team.key)
    assert data["setTeamTimeZone"] == {"team": {"timeZone": "Pacific/Pago_Pago"}, "userErrors": []}
    assert len(await members(segment)) == int(not in_east)  # recomputed in the new zone


async def _sweep_at(segment_id, team_id, since, now):
    await SegmentEvaluationStats.update_or_create({"team_id": team_id, "time_checked_at": since},
                                                  segment_id=segment_id)
    return await sweep_time_windows(None, now=now)


async def test_the_time_sweep_flips_calendar_days_at_local_midnight_across_dst(gql, make_team):
    # London: 2026-03-29 is a 23-hour day (01:00 GMT -> 02:00 BST); 30 March starts at 23:00 UTC.
    # New York: 2026-11-01 is a 25-hour day (02:00 EDT -> 01:00 EST); 2 November starts at 05:00 UTC.
    cases = [("Europe/London", datetime(2026, 3, 29, 0, 30, tzinfo=UTC), datetime(2026, 3, 29, 23, 30, tzinfo=UTC),
              datetime(2026, 3, 28, 23, 50, tzinfo=UTC), datetime(2026, 3, 29, 22, 59, 30, tzinfo=UTC),
              datetime(2026, 3, 29, 23, 0, 30, tzinfo=UTC)),
             ("America/New_York", datetime(2026, 11, 2, 4, 30, tzinfo=UTC), datetime(2026, 11, 2, 5, 30, tzinfo=UTC),
              datetime(2026, 11, 1, 3, 50, tzinfo=UTC), datetime(2026, 11, 2, 4, 59, 30, tzinfo=UTC),
              datetime(2026, 11, 2, 5, 0, 30, tzinfo=UTC))]
    for zone, first_day, second_day, checked, before_midnight, after_midnight in cases:
        team = await make_team(f"Shop {zone}")
        assert (await gql(SET_ZONE, {"z": zone}, token=team.key))["setTeamTimeZone"]["userErrors"] == []
        accepted = await track(gql, team.key, [
            {"email": "first@x.com", "type": "visit", "occurredAt": first_day.isoformat()},
            {"email": "second@x.com", "type": "visit", "occurredAt": second_day.isoformat()}])
        first, second = await _contact_pk("first@x.com", team.id), await _contact_pk("second@x.com", team.id)
        assert len(accepted) == 2
        segment = await make_segment(gql, team.key, "Visited today", "any event of type 'visit' during today")
        report = await _sweep_at(segment, team.id, checked, before_midnight)
        assert report["recomputed"] >= 1
        assert await members(segment) == {first}, zone  # the late-evening UTC event is tomorrow there
        await _sweep_at(segment, team.id, before_midnight, after_midnight)
        assert await members(segment) == {second}, zone


def test_relative_windows_stay_exact_instants_across_dst():
    london = ZoneInfo("Europe/London")
    now = datetime(2026, 3, 29, 12, 0, tzinfo=UTC)  # the day the clocks went forward
    assert window_start(24, "hours", now, london) == now - timedelta(hours=24)
    assert window_start(1, "days", now, london) == now - timedelta(days=1)
    # Months and years: the same wall time in the team's zone (13:00 BST -> 13:00 GMT); the 31st clamps.
    assert window_start(1, "months", datetime(2026, 3, 31, 12, 0, tzinfo=UTC), london) == datetime(
        2026, 2, 28, 13, 0, tzinfo=UTC)
    assert window_start(1, "years", now, london) == datetime(2025, 3, 29, 13, 0, tzinfo=UTC)


async def test_per_hub_content_searches_and_last_activity(gql, team):
    yoga, pilates = await factories.hub(team, "Yoga", "yoga"), await factories.hub(team, "Pilates", "pilates")
    ids = await contacts(gql, team, {"email": "keen@x.com"}, {"email": "other@x.com"})
    await events(team, (ids["keen@x.com"], "lesson_completed", timedelta(hours=2), {"hub_id": yoga.id}),
                 (ids["keen@x.com"], "lesson_completed", timedelta(days=3), {"hub_id": yoga.id}),
                 (ids["keen@x.com"], "search", timedelta(days=40), {"hub_id": yoga.id, "query": "breath"}),
                 (ids["other@x.com"], "lesson_completed", timedelta(days=1), {"hub_id": pilates.id}),
                 (ids["other@x.com"], "page_view", timedelta(hours=1), {}))
    assert (await preview(gql, team, "hub.yoga.contentConsumed >= 2"))[0] == ["keen@x.com"]
    await factories.hub_member(team, yoga, ids["keen@x.com"])
    emails, result = await preview(gql, team, "hubs contains 'YOGA'")  # slugs compare case-insensitively
    assert emails == ["keen@x.com"] and result["ruleText"] == "hubs contains 'yoga'"
    assert (await preview(gql, team, "hub.pilates.contentConsumed = 1"))[0] == ["other@x.com"]
    assert (await preview(gql, team, "hub.yoga.searches > 0 AND searchCount = 1"))[0] == ["keen@x.com"]
    assert (await preview(gql, team, "hub.yoga.lastActivityAt within 1 day"))[0] == ["keen@x.com"]
    assert (await preview(gql, team, "hub.yoga.lastActivityAt is not set"))[0] == ["other@x.com"]
    fields = await gql("{ segmentFields { name type } }", token=team.key)
    names = {f["name"]: f["type"] for f in fields["segmentFields"]}
    assert names["hub.yoga.contentConsumed"] == "number" and names["hub.pilates.lastActivityAt"] == "date"
    [error] = await errors_of(gql, team, "hub.yoga.lessons > 1")
    assert error["code"] == "UNKNOWN_FIELD" and "hub.<slug>.contentConsumed" in error["message"]
