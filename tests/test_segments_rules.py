"""Segments through GraphQL: the seed rules, errors, static lists, cohorts, explain, what-if, isolation."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from ids import gid, pk
from tortoise.transactions import in_transaction

from app.commerce.models import Order, OrderItem
from app.events.service import ingest_events
from app.segments.stats import apply_orders

SEED_1 = """lifecycleStage in (engaged, converted, loyal)
AND last event of type 'cart_abandoned' within 24 hours
AND no event of type 'purchase' since that cart_abandoned"""
SEED_2 = "lifecycleStage = 'loyal' AND lastActivityAt within 60 days AND lastActivityAt not within 14 days"
SEED_3 = ("totalSpent > 250 AND country = 'GB' AND any event of type 'page_view' has device = 'mobile' "
          "AND count of orders > 2")

CREATE = """
mutation($input: CreateSegmentInput!) {
  createSegment(input: $input) {
    segment { id name kind ruleText rule memberCount tags
              triggers { eventTypes anyEvent fields orders timeBased } }
    userErrors { field message code }
  }
}"""
MEMBERS = """
query($id: ID!) { segment(id: $id) { memberCount members(first: 100) { edges { node { contact { email } } } }
  history(first: 100) { edges { node { action cause contact { email } } } } } }"""
PREVIEW = """
query($t: String, $r: JSON) { previewSegment(ruleText: $t, rule: $r) { count sample { email } ruleText
  errors { field message code } } }"""

NOW = datetime.now(UTC)


async def contacts(gql, team, *rows):
    data = await gql("mutation($c: [ContactInput!]!) { upsertContacts(input: {contacts: $c}) { contacts { id email } } }",
                     {"c": list(rows)}, token=team.key)
    return {c["email"]: pk(c["id"]) for c in data["upsertContacts"]["contacts"]}


async def events(team, *items):
    result = await ingest_events(team.id, [
        {"contactId": cid, "type": kind, "occurredAt": NOW - ago, "properties": props or {}}
        for cid, kind, ago, props in items
    ])
    assert result.rejected == []


async def orders(team, contact_id, *amounts, ago=timedelta(days=1), status="paid", product=None):
    async with in_transaction() as tx:
        for amount in amounts:
            order = await Order.create(team_id=team.id, team_contact_id=contact_id, total_amount=amount,
                                       placed_at=NOW - ago, status=status, using_db=tx)
            if product is not None:
                await OrderItem.create(team_id=team.id, order=order, product=product, amount=amount, using_db=tx)
        await apply_orders(tx, team.id, [contact_id])


async def create(gql, team, name, text=None, rule=None, kind="DYNAMIC", tags=None):
    data = await gql(CREATE, {"input": {"name": name, "ruleText": text, "rule": rule, "kind": kind,
                                        "tags": tags}}, token=team.key)
    return data["createSegment"]


async def member_emails(gql, team, segment_id):
    data = await gql(MEMBERS, {"id": segment_id}, token=team.key)
    return sorted(e["node"]["contact"]["email"] for e in data["segment"]["members"]["edges"]), data["segment"]


async def test_cart_abandoner_seed_rule_round_trips_and_leaves_when_purchase_arrives(gql, team):
    ids = await contacts(gql, team,
                         {"email": "ann@x.com", "lifecycleStage": "engaged"},
                         {"email": "bob@x.com", "lifecycleStage": "loyal"},
                         {"email": "cy@x.com", "lifecycleStage": "lead"},
                         {"email": "dee@x.com", "lifecycleStage": "converted"})
    await events(team,
                 (ids["ann@x.com"], "cart_abandoned", timedelta(hours=2), None),
                 (ids["bob@x.com"], "cart_abandoned", timedelta(hours=3), None),
                 (ids["bob@x.com"], "purchase", timedelta(hours=1), None),
                 (ids["cy@x.com"], "cart_abandoned", timedelta(hours=2), None),
                 (ids["dee@x.com"], "cart_abandoned", timedelta(hours=30), None))

    created = await create(gql, team, "Cart abandoners", SEED_1)
    assert created["userErrors"] == []
    segment = created["segment"]
    assert segment["ruleText"] == SEED_1
    assert segment["triggers"]["eventTypes"] == ["cart_abandoned", "purchase"]
    assert segment["triggers"]["fields"] == ["lifecycleStage"] and segment["triggers"]["timeBased"] is True
    emails, _ = await member_emails(gql, team, segment["id"])
    assert emails == ["ann@x.com"]

    await events(team, (ids["ann@x.com"], "purchase", timedelta(minutes=5), None))
    recomputed = await gql("mutation($id: ID!) { recomputeSegment(input: {id: $id}) { joinedCount leftCount "
                           "segment { memberCount } userErrors { code } } }", {"id": segment["id"]}, token=team.key)
    assert recomputed["recomputeSegment"] == {"joinedCount": 0, "leftCount": 1, "segment": {"memberCount": 0},
                                              "userErrors": []}
    emails, seg = await member_emails(gql, team, segment["id"])
    assert emails == [] and seg["memberCount"] == 0
    history = [(h["node"]["action"], h["node"]["cause"]) for h in seg["history"]["edges"]]
    assert history == [("LEAVE", "recompute"), ("JOIN", "recompute")]


async def test_lapsing_loyal_seed_rule(gql, team):
    ids = await contacts(gql, team,
                         {"email": "lapsing@x.com", "lifecycleStage": "loyal"},
                         {"email": "active@x.com", "lifecycleStage": "loyal"},
                         {"email": "gone@x.com", "lifecycleStage": "loyal"},
                         {"email": "never@x.com", "lifecycleStage": "loyal"},
                         {"email": "lead@x.com", "lifecycleStage": "lead"})
    await events(team,
                 (ids["lapsing@x.com"], "page_view", timedelta(days=30), None),
                 (ids["active@x.com"], "page_view", timedelta(days=30), None),
                 (ids["active@x.com"], "email_open", timedelta(days=2), None),
                 (ids["gone@x.com"], "page_view", timedelta(days=90), None),
                 (ids["lead@x.com"], "page_view", timedelta(days=30), None))
    created = await create(gql, team, "Lapsing loyal", SEED_2)
    assert created["segment"]["ruleText"] == SEED_2
    assert created["segment"]["triggers"]["anyEvent"] is True
    emails, _ = await member_emails(gql, team, created["segment"]["id"])
    assert emails == ["lapsing@x.com"]


async def test_big_spender_seed_rule_with_money_event_properties_and_order_count(gql, team):
    ids = await contacts(gql, team,
                         {"email": "gb@x.com", "country": "GB"}, {"email": "desktop@x.com", "country": "GB"},
                         {"email": "us@x.com", "country": "US"}, {"email": "two@x.com", "country": "GB"},
                         {"email": "refunded@x.com", "country": "GB"})
    for email in ids:
        await events(team, (ids[email], "page_view", timedelta(days=3),
                            {"device": "desktop" if email == "desktop@x.com" else "mobile"}))
    await orders(team, ids["gb@x.com"], 10000, 10000, 6000)  # 260.00 over 3 orders
    await orders(team, ids["desktop@x.com"], 10000, 10000, 10000)
    await orders(team, ids["us@x.com"], 10000, 10000, 10000)
    await orders(team, ids["two@x.com"], 20000, 20000)
    await orders(team, ids["refunded@x.com"], 10000, 10000)
    await orders(team, ids["refunded@x.com"], 10000, status="refunded")
    created = await create(gql, team, "Big mobile spenders in GB", SEED_3)
    assert created["segment"]["ruleText"] == SEED_3
    emails, _ = await member_emails(gql, team, created["segment"]["id"])
    assert emails == ["gb@x.com"]


async def test_preview_counts_and_samples_unsaved_rules_in_text_or_json(gql, team):
    ids = await contacts(gql, team, {"email": "vip@acme.com", "tags": ["vip"]}, {"email": "big@x.com"},
                         {"email": "old@x.com"}, {"email": "none@x.com"})
    await orders(team, ids["big@x.com"], 30000, 30000)
    await orders(team, ids["old@x.com"], 90000, ago=timedelta(days=120))
    text = "sum of orders.total within 90 days > 500 OR tags contains 'vip'"
    data = await gql(PREVIEW, {"t": text}, token=team.key)
    assert data["previewSegment"]["count"] == 2 and data["previewSegment"]["errors"] == []
    assert sorted(c["email"] for c in data["previewSegment"]["sample"]) == ["big@x.com", "vip@acme.com"]
    saved = await create(gql, team, "Spend or vip", text)
    assert saved["segment"]["memberCount"] == 2 and saved["segment"]["ruleText"] == text
    tree = {"and": [{"field": "email", "op": "ends with", "value": "@ACME.com"},
                    {"not": {"aggregate": "count", "of": "orders", "op": ">", "value": 0}}]}
    data = await gql(PREVIEW, {"r": tree}, token=team.key)
    assert data["previewSegment"]["count"] == 1
    assert data["previewSegment"]["ruleText"] == "email ends with '@acme.com' AND NOT (count of orders > 0)"


async def test_bad_rules_get_precise_errors_and_never_save(gql, team):
    cases = [
        ("favouriteColour = 'red'", "UNKNOWN_FIELD", "line 1, column 1: unknown field 'favouriteColour'"),
        ("country = 'GB' AND\n  totalSpent contains 'x'", "INVALID_OPERATOR", "line 2, column 3"),
        ("totalSpent > 'lots'", "INVALID_VALUE_TYPE", "line 1, column 1"),
        ("lifecycleStage = 'royal'", "INVALID_VALUE", "not a value of lifecycleStage"),
        ("country = 'GB' AND (tags contains 'a'\n OR ", "SYNTAX_ERROR", "line 2, column 5: expected a field"),
        ("country = 'GB' AND (tags contains 'a'", "SYNTAX_ERROR", "line 1, column 38: expected ')'"),
        ("createdAt before someday", "SYNTAX_ERROR", "line 1, column 18"),
        ("in segment 'Nope'", "UNKNOWN_SEGMENT", "unknown segment 'Nope'"),
        ("NOT (NOT (NOT (NOT (NOT (country = 'GB')))))", "DEPTH_EXCEEDED", "at most 4 levels"),
    ]
    for text, code, message in cases:
        data = await gql(PREVIEW, {"t": text}, token=team.key)
        errors = data["previewSegment"]["errors"]
        assert [e["code"] for e in errors] == [code], (text, errors)
        assert message in errors[0]["message"] and errors[0]["field"] == "ruleText", (text, errors)
    too_long = {"field": "country", "op": "in", "value": [f"C{i}" for i in range(1001)]}
    created = await create(gql, team, "Too long", rule={"and": [{"field": "tags", "op": "contains", "value": "x"},
                                                                  too_long]})
    assert created["segment"] is None
    assert created["userErrors"] == [{"field": "rule.and.1", "code": "LIST_TOO_LONG",
                                      "message": "rule.and.1: a list holds at most 1000 values (got 1001)"}]
    bad_tree = await create(gql, team, "Bad", rule={"or": [{"field": "x", "op": "~", "value": 1}]})
    assert bad_tree["userErrors"][0]["field"] == "rule.or.0.op"
    data = await gql("{ segments { totalCount } }", token=team.key)
    assert data["segments"]["totalCount"] == 0


async def test_unknown_event_types_are_allowed_and_custom_properties_are_typed(gql, team):
    await gql("mutation { defineCustomProperty(input: {key: \"plan\", type: ENUM, options: [\"pro\", \"free\"]}) "
              "{ userErrors { code } } }", token=team.key)
    await gql("mutation { defineCustomProperty(input: {key: \"seats\", type: NUMBER}) { userErrors { code } } }",
              token=team.key)
    await contacts(gql, team, {"email": "a@x.com", "customProperties": {"plan": "pro", "seats": 12}},
                   {"email": "b@x.com", "customProperties": {"plan": "free", "seats": 2}})
    ok = await gql(PREVIEW, {"t": "custom.plan = 'pro' AND custom.seats >= 10 AND no event of type 'brand_new'"},
                   token=team.key)
    assert ok["previewSegment"]["count"] == 1
    bad = await gql(PREVIEW, {"t": "custom.plan = 'gold' OR custom.seats = 'many' OR custom.nope = 1"},
                    token=team.key)
    assert [e["code"] for e in bad["previewSegment"]["errors"]] == ["INVALID_VALUE", "INVALID_VALUE_TYPE",
                                                                    "UNKNOWN_FIELD"]
    fields = await gql("{ segmentFields { name type operators enumValues } }", token=team.key)
    by_name = {f["name"]: f for f in fields["segmentFields"]}
    assert by_name["custom.plan"]["enumValues"] == ["pro", "free"]
    assert by_name["totalSpent"]["type"] == "money" and "within" in by_name["lastOrderAt"]["operators"]


async def test_static_segment_by_ids_emails_and_csv(gql, team, other_team):
    ids = await contacts(gql, team, {"email": "a@x.com"}, {"email": "b@x.com"}, {"email": "c@x.com"})
    foreign = await contacts(gql, other_team, {"email": "z@x.com"})
    segment = (await create(gql, team, "VIP list", kind="STATIC", tags=["Hand", "vip"]))["segment"]
    assert segment["tags"] == ["hand", "vip"] and segment["rule"] is None
    add = """mutation($i: StaticSegmentMembersInput!) { addToStaticSegment(input: $i) { changedCount
             segment { memberCount } userErrors { field code message } } }"""
    remove = add.replace("addToStaticSegment", "removeFromStaticSegment")
    data = await gql(add, {"i": {"segmentId": segment["id"], "contactIds": [gid("Contact", ids["a@x.com"])],
                                 "csv": "Email,Name\nB@x.com,Bee\n"}}, token=team.key)
    assert data["addToStaticSegment"]["changedCount"] == 2
    data = await gql(add, {"i": {"segmentId": segment["id"], "emails": ["a@x.com", "c@x.com"]}}, token=team.key)
    assert data["addToStaticSegment"]["changedCount"] == 1
    assert data["addToStaticSegment"]["segment"]["memberCount"] == 3
    data = await gql(add, {"i": {"segmentId": segment["id"], "contactIds": [gid("Contact", foreign["z@x.com"])],
                                 "emails": ["nobody@x.com"]}}, token=team.key)
    assert [e["code"] for e in data["addToStaticSegment"]["userErrors"]] == ["NOT_FOUND", "NOT_FOUND"]
    data = await gql(remove, {"i": {"segmentId": segment["id"], "emails": ["b@x.com"]}}, token=team.key)
    assert data["removeFromStaticSegment"]["changedCount"] == 1
    emails, seg = await member_emails(gql, team, segment["id"])
    assert emails == ["a@x.com", "c@x.com"] and seg["memberCount"] == 2
    assert {h["node"]["cause"] for h in seg["history"]["edges"]} == {"manual"}
    # Static lists do not take rules; dynamic segments do not take hand edits.
    dynamic = (await create(gql, team, "Dyn", "country = 'GB'"))["segment"]
    data = await gql(add, {"i": {"segmentId": dynamic["id"], "emails": ["a@x.com"]}}, token=team.key)
    assert data["addToStaticSegment"]["userErrors"][0]["code"] == "NOT_STATIC"
    filtered = await gql('{ segments(filter: {kind: STATIC, tag: "VIP"}) { edges { node { name } } } }',
                         token=team.key)
    assert [e["node"]["name"] for e in filtered["segments"]["edges"]] == ["VIP list"]


async def test_cohort_is_frozen_and_combines_with_a_rule(gql, team):
    ids = await contacts(gql, team, {"email": "march@x.com"}, {"email": "april@x.com"}, {"email": "late@x.com"})
    await orders(team, ids["march@x.com"], 1000, ago=timedelta(days=3))
    data = await gql("mutation($i: CreateCohortInput!) { createCohort(input: $i) { segment { id kind memberCount } "
                     "userErrors { code } } }", {"i": {"name": "Recent first orders",
                                                       "ruleText": "firstOrderAt within 7 days"}}, token=team.key)
    cohort = data["createCohort"]["segment"]
    assert cohort["kind"] == "COHORT" and cohort["memberCount"] == 1
    await orders(team, ids["april@x.com"], 1000, ago=timedelta(days=1))
    again = await gql("mutation($id: ID!) { recomputeSegment(input: {id: $id}) { userErrors { code } } }",
                      {"id": cohort["id"]}, token=team.key)
    assert again["recomputeSegment"]["userErrors"][0]["code"] == "NOT_DYNAMIC"
    emails, _ = await member_emails(gql, team, cohort["id"])
    assert emails == ["march@x.com"]
    await events(team, (ids["march@x.com"], "page_view", timedelta(hours=1), None))
    combined = await create(gql, team, "Still active recent buyers",
                            "in segment 'Recent first orders' AND lastActivityAt within 30 days")
    assert combined["segment"]["memberCount"] == 1
    assert combined["segment"]["triggers"]["anyEvent"] is True
    delete = await gql("mutation($id: ID!) { deleteSegment(input: {id: $id}) { deletedId userErrors { code } } }",
                       {"id": cohort["id"]}, token=team.key)
    assert delete["deleteSegment"]["userErrors"][0]["code"] == "SEGMENT_IN_USE"


async def test_segment_references_inline_dynamic_rules_and_reject_cycles(gql, team):
    await contacts(gql, team, {"email": "gb@x.com", "country": "GB", "tags": ["vip"]}, {"email": "us@x.com",
                                                                                        "country": "US"})
    base = (await create(gql, team, "British", "country = 'GB'"))["segment"]
    vip = (await create(gql, team, "British VIPs", "in segment 'British' AND tags contains 'vip'"))["segment"]
    assert vip["memberCount"] == 1
    update = """mutation($i: UpdateSegmentInput!) { updateSegment(input: $i) { saved warnings
      whatIf { joinCount leaveCount joinSample { email } leaveSample { email } }
      segment { name ruleText memberCount } userErrors { field code message } } }"""
    cycle = await gql(update, {"i": {"id": base["id"], "ruleText": "in segment 'British VIPs'"}}, token=team.key)
    assert cycle["updateSegment"]["userErrors"][0]["code"] == "SEGMENT_CYCLE"
    self_ref = await gql(update, {"i": {"id": base["id"], "ruleText": "in segment 'British'"}}, token=team.key)
    assert self_ref["updateSegment"]["userErrors"][0]["code"] == "SEGMENT_CYCLE"
    # What-if: nothing saved, who would join/leave, and where the segment is used.
    dry = await gql(update, {"i": {"id": base["id"], "ruleText": "country = 'US'", "dryRun": True}}, token=team.key)
    result = dry["updateSegment"]
    assert result["saved"] is False and result["segment"]["ruleText"] == "country = 'GB'"
    assert result["whatIf"] == {"joinCount": 1, "leaveCount": 1, "joinSample": [{"email": "us@x.com"}],
                                "leaveSample": [{"email": "gb@x.com"}]}
    assert result["warnings"] == ["segment 'British' is used by rule of segment 'British VIPs'"]
    renamed = await gql(update, {"i": {"id": base["id"], "name": "UK"}}, token=team.key)
    assert renamed["updateSegment"]["segment"]["name"] == "UK"
    vip_now = await gql("query($id: ID!) { segment(id: $id) { ruleText } }", {"id": vip["id"]}, token=team.key)
    assert vip_now["segment"]["ruleText"] == "in segment 'UK' AND tags contains 'vip'"


async def test_explain_answers_condition_by_condition(gql, team):
    ids = await contacts(gql, team, {"email": "gb@x.com", "country": "GB", "lifecycleStage": "loyal"})
    await orders(team, ids["gb@x.com"], 30000)
    segment = (await create(gql, team, "Spenders", "totalSpent > 250 AND (country = 'US' OR NOT (tags contains "
                                                   "'vip'))"))["segment"]
    data = await gql("query($s: ID!, $c: ID!) { explainSegment(segmentId: $s, contactId: $c) { matches isMember "
                     "reason conditions { path text matched value } } }",
                     {"s": segment["id"], "c": gid("Contact", ids["gb@x.com"])}, token=team.key)
    explained = data["explainSegment"]
    assert explained["matches"] is True and explained["isMember"] is True
    rows = {c["path"]: (c["matched"], c["value"]) for c in explained["conditions"]}
    assert rows["rule.and.0"] == (True, "300.00")  # money in currency units
    assert rows["rule.and.1.or.0"] == (False, "GB")
    assert rows["rule.and.1.or.1"] == (True, None) and rows["rule.and.1.or.1.not"] == (False, "")
    assert explained["conditions"][0]["text"].startswith("totalSpent > 250")


async def test_other_teams_segments_and_contacts_are_unknown(gql, team, other_team):
    mine = await contacts(gql, team, {"email": "a@x.com", "country": "GB"})
    theirs = await contacts(gql, other_team, {"email": "a@x.com", "country": "GB"})
    their_segment = (await create(gql, other_team, "Theirs", "country = 'GB'"))["segment"]
    my_segment = (await create(gql, team, "Mine", "country = 'GB'"))["segment"]
    assert my_segment["memberCount"] == 1 and their_segment["memberCount"] == 1
    data = await gql("query($id: ID!) { segment(id: $id) { id } }", {"id": their_segment["id"]}, token=team.key)
    assert data["segment"] is None
    explain = await gql("query($s: ID!, $c: ID!) { explainSegment(segmentId: $s, contactId: $c) { matches } }",
                        {"s": my_segment["id"], "c": gid("Contact", theirs["a@x.com"])}, token=team.key)
    assert explain["explainSegment"] is None
    for mutation in ("updateSegment(input: {id: $id, name: \"x\"})", "deleteSegment(input: {id: $id})",
                     "recomputeSegment(input: {id: $id})"):
        data = await gql(f"mutation($id: ID!) {{ {mutation} {{ userErrors {{ field code message }} }} }}",
                         {"id": their_segment["id"]}, token=team.key)
        assert next(iter(data.values()))["userErrors"] == [{"field": "id", "code": "NOT_FOUND",
                                                         "message": "segment not found"}]
    assert mine["a@x.com"] != theirs["a@x.com"]


async def test_segments_need_scopes(gql, team):
    key = await gql('mutation { createApiKey(input: {name: "r", scopes: ["segments:read"]}) { secret } }',
                    token=team.key)
    token = key["createApiKey"]["secret"]
    body = await gql.raw(CREATE, {"input": {"name": "x", "ruleText": "country = 'GB'"}}, token=token)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    ok = await gql(PREVIEW, {"t": "country = 'GB'"}, token=token)
    assert ok["previewSegment"]["count"] == 0
    assert json.dumps(ok)
