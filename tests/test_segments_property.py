"""The SQL compiler and the Python reference evaluator agree on random rules over random data;
computed properties rebuilt from scratch equal the ones maintained on ingest; times in the team's zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import factories
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tortoise import connections
from tortoise.transactions import in_transaction

from app.commerce.models import Order
from app.contacts.models import CustomPropertyDefinition, TeamContact
from app.contacts.validation import normalize_tags
from app.events.service import ingest_events
from app.segments import dsl, rules
from app.segments.catalog import ContactState
from app.segments.evaluator import evaluate
from app.segments.service import check_rule, load_context
from app.segments.stats import apply_orders, rebuild_computed_properties
from app.segments.timeutil import period_range

NOW = datetime.now(UTC).replace(microsecond=0)
TYPES = ["page_view", "search", "purchase", "cart_abandoned"]
STAGES = ["lead", "engaged", "loyal"]

durations = st.builds(lambda a, u: {"amount": a, "unit": u}, st.integers(1, 40), st.sampled_from(["hours", "days"]))
windows = st.one_of(st.none(), durations.map(lambda d: {"within": d}), st.just({"during": "this month"}))
where = st.lists(st.builds(lambda v, op: {"property": "device", "op": op, "value": v},
                           st.sampled_from(["mobile", "desktop"]), st.sampled_from(["=", "!="])), max_size=1)
field_conditions = st.one_of(
    st.builds(lambda op, v: {"field": "lifecycleStage", "op": op, "value": v},
              st.sampled_from(["=", "!="]), st.sampled_from(STAGES)),
    st.builds(lambda v: {"field": "lifecycleStage", "op": "not in", "value": v},
              st.lists(st.sampled_from(STAGES), min_size=1, max_size=2)),
    st.builds(lambda op, v: {"field": "country", "op": op, "value": v},
              st.sampled_from(["=", "!=", "starts with", "contains"]), st.sampled_from(["GB", "g", "US"])),
    st.builds(lambda op, v: {"field": "tags", "op": op, "value": v},
              st.sampled_from(["contains", "not contains"]), st.sampled_from(["vip", "new"])),
    st.builds(lambda op, v: {"field": "totalSpent", "op": op, "value": v},
              st.sampled_from([">", "<=", "="]), st.sampled_from([0, 10, 25.5, 100])),
    st.builds(lambda op, v: {"field": "orderCount", "op": op, "value": v}, st.sampled_from([">", "<"]),
              st.integers(0, 3)),
    # Counters a contact may have no row for (0 then): compared as the bare column where 0 fails anyway.
    st.builds(lambda f, op, v: {"field": f, "op": op, "value": v}, st.sampled_from(["eventCount", "searchCount"]),
              st.sampled_from([">", ">=", "=", "!=", "<"]), st.integers(0, 2)),
    st.builds(lambda f, op, d: {"field": f, "op": op, "value": d},
              st.sampled_from(["lastActivityAt", "lastOrderAt"]), st.sampled_from(["within", "not within"]),
              durations),
    st.builds(lambda f: {"field": f, "op": "is set"}, st.sampled_from(["country", "lastOrderAt"])),
    st.builds(lambda op: {"field": "createdAt", "op": op, "value": "today"}, st.sampled_from(["during", "before"])),
)
aggregates = st.one_of(
    st.builds(lambda fn, w, op, v: {"aggregate": fn, "of": "orders.total" if fn != "count" else "orders",
                                    **(w or {}), "op": op, "value": v},
              st.sampled_from(["count", "sum", "avg", "min", "max"]), windows, st.sampled_from([">", "<=", "!="]),
              st.sampled_from([0, 1, 20, 50])),
    st.builds(lambda t, wh, w, op, v: {"aggregate": "count", "of": "events", "type": t, "where": wh, **(w or {}),
                                       "op": op, "value": v},
              st.sampled_from(TYPES), where, windows, st.sampled_from([">=", "<", "="]), st.integers(0, 3)),
)
event_conditions = st.one_of(
    st.builds(lambda q, t, wh, w: {"event": q, "type": t, "where": wh, **(w or {})},
              st.sampled_from(["any", "no"]), st.sampled_from(TYPES), where, windows),
    st.builds(lambda t, d: {"event": "last", "type": t, "within": d}, st.sampled_from(TYPES), durations),
    st.builds(lambda t, s, wh: {"event": "no", "type": t, "since": s, "where": wh},
              st.sampled_from(TYPES), st.sampled_from(TYPES), where),
)
leaf = st.one_of(field_conditions, aggregates, event_conditions)
rule_trees = st.recursive(
    leaf,
    lambda children: st.one_of(
        st.builds(lambda op, items: {op: items}, st.sampled_from(["and", "or"]), st.lists(children, min_size=1,
                                                                                           max_size=3)),
        children.map(lambda c: {"not": c}),
    ),
    max_leaves=6,
)


contact_data = st.lists(
    st.fixed_dictionaries({
        "stage": st.sampled_from(STAGES),
        "country": st.sampled_from([None, "GB", "US"]),
        "tags": st.lists(st.sampled_from(["vip", "new"]), unique=True, max_size=2),
        "events": st.lists(st.tuples(st.sampled_from(TYPES), st.integers(0, 24 * 60),
                                     st.sampled_from([None, "mobile", "desktop"])), max_size=6),
        "orders": st.lists(st.tuples(st.sampled_from([0, 1000, 2550, 5000]), st.integers(0, 60 * 24),
                                     st.sampled_from(["paid", "refunded", "partially_refunded"])), max_size=3),
    }),
    min_size=4, max_size=4,
)


def _refunded(amount, status):
    """A partial refund gives back a third: money rules count what is left (as ltv does)."""
    return {"paid": 0, "partially_refunded": amount // 3, "refunded": amount}[status]


async def _seed(team, data):
    contacts = []
    async with in_transaction() as tx:
        for index, row in enumerate(data):
            contact = await TeamContact.create(
                team_id=team.id, contact_id=await _global_contact(f"p{index}@x.com", tx), email=f"p{index}@x.com",
                lifecycle_stage=row["stage"], country=row["country"], tags=row["tags"], using_db=tx,
            )
            for amount, hours_ago, status in row["orders"]:
                await Order.create(team_id=team.id, team_contact_id=contact.id, total_amount=amount, status=status,
                                   amount_refunded=_refunded(amount, status),
                                   placed_at=NOW - timedelta(hours=hours_ago), using_db=tx)
            if row["orders"]:  # a contact with neither orders nor events has no contact_stats row
                await apply_orders(tx, team.id, [contact.id])
            contacts.append(contact)
    events = [
        {"contactId": c.id, "type": kind, "occurredAt": NOW - timedelta(hours=hours_ago),
         "properties": {"device": device} if device else {}}
        for c, row in zip(contacts, data, strict=True) for kind, hours_ago, device in row["events"]
    ]
    if events:
        assert (await ingest_events(team.id, events)).rejected == []
    return contacts


async def _global_contact(email, tx):
    from app.contacts.models import Contact

    contact, _ = await Contact.get_or_create(email=email, using_db=tx)
    return contact.id


def _state(contact, row, tz):
    return ContactState(
        contact={"lifecycle_stage": row["stage"], "country": row["country"], "tags": row["tags"],
                 "created_at": contact.created_at, "email": contact.email, "custom": {}},
        events=[{"type": k, "occurred_at": NOW - timedelta(hours=h), "properties": {"device": d} if d else {}}
                for k, h, d in row["events"]],
        orders=[{"status": s, "total_amount": a, "amount_refunded": _refunded(a, s),
                 "placed_at": NOW - timedelta(hours=h), "product_ids": []} for a, h, s in row["orders"]],
        tz=tz,
    )


async def _truncate():
    await connections.get("default").execute_script(
        "TRUNCATE events, orders, contact_stats, contact_event_stats, team_contacts, contacts CASCADE")


async def _stats_snapshot(team_id):
    conn = connections.get("default")
    stats = await conn.execute_query_dict(
        "SELECT team_contact_id, event_count, last_activity_at, order_count, total_spent, first_order_at, "
        "last_order_at, products FROM contact_stats WHERE team_id = $1 AND (event_count > 0 OR order_count > 0) "
        "ORDER BY 1", [team_id])
    per_type = await conn.execute_query_dict(
        "SELECT team_contact_id, type, count, first_at, last_at FROM contact_event_stats WHERE team_id = $1 "
        "ORDER BY 1, 2", [team_id])
    return stats, per_type


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=contact_data, trees=st.lists(rule_trees, min_size=6, max_size=6))
async def test_sql_and_reference_evaluator_agree(team, data, trees):
    await _truncate()
    contacts = await _seed(team, data)
    ctx = await load_context(team.team)
    from app.segments.compiler import compile_rule

    for tree in trees:
        parsed = await check_rule(team.team, None, tree, ctx=ctx)
        compiled = compile_rule(parsed.node, team.id, ctx.tz, NOW)
        rows = await connections.get("default").execute_query_dict(compiled.statement("c.id"), compiled.params)
        in_sql = {r["id"] for r in rows}
        in_python = {c.id for c, row in zip(contacts, data, strict=True)
                     if evaluate(parsed.node, _state(c, row, ctx.tz), NOW)}
        assert in_sql == in_python, (dsl.render(parsed.node), tree)
        # The text form parses back to the same tree.
        assert rules.to_json(dsl.parse(dsl.render(parsed.node))) == rules.to_json(parsed.node)
    # Computed properties maintained on ingest equal a rebuild from the raw rows.
    before = await _stats_snapshot(team.id)
    await rebuild_computed_properties(team.id)
    assert await _stats_snapshot(team.id) == before


def test_calendar_days_follow_the_team_zone_across_dst():
    ny = ZoneInfo("America/New_York")
    # 2026-03-08 is a 23-hour day in New York (clocks go forward at 02:00).
    now = datetime(2026, 3, 8, 16, 0, tzinfo=UTC)  # 12:00 EDT
    start, end = period_range("today", now, ny)
    assert start == datetime(2026, 3, 8, 5, 0, tzinfo=UTC) and end == datetime(2026, 3, 9, 4, 0, tzinfo=UTC)
    # Just after local midnight it is already "today" there while UTC is still on the day before.
    late = datetime(2026, 11, 2, 4, 30, tzinfo=UTC)  # 23:30 EST on Nov 1 (after fall back)
    assert period_range("today", late, ny)[0] == datetime(2026, 11, 1, 4, 0, tzinfo=UTC)
    assert period_range("today", late, ny)[1] == datetime(2026, 11, 2, 5, 0, tzinfo=UTC)  # 25-hour day
    assert period_range("2026-03", now, ny) == (datetime(2026, 3, 1, 5, 0, tzinfo=UTC),
                                                datetime(2026, 4, 1, 4, 0, tzinfo=UTC))
    assert period_range("last month", now, ny)[0] == datetime(2026, 2, 1, 5, 0, tzinfo=UTC)


async def test_today_and_absolute_dates_use_the_team_time_zone(gql, make_team):
    team = await make_team("Tokyo shop", time_zone="Asia/Tokyo")
    tokyo = ZoneInfo("Asia/Tokyo")
    local_midnight = datetime.now(tokyo).replace(hour=0, minute=0, second=0, microsecond=0)
    for email in ("before@x.com", "after@x.com"):
        await gql("mutation($e: String!) { upsertContacts(input: {contacts: [{email: $e}]}) { contacts { id } } }",
                  {"e": email}, token=team.key)
    await TeamContact.filter(email="before@x.com").update(created_at=local_midnight - timedelta(minutes=1))
    await TeamContact.filter(email="after@x.com").update(created_at=local_midnight + timedelta(minutes=1))
    query = "query($t: String) { previewSegment(ruleText: $t) { count sample { email } errors { message } } }"
    today = await gql(query, {"t": "createdAt during today"}, token=team.key)
    assert [c["email"] for c in today["previewSegment"]["sample"]] == ["after@x.com"]
    day = local_midnight.date().isoformat()
    before = await gql(query, {"t": f"createdAt before {day}"}, token=team.key)
    assert [c["email"] for c in before["previewSegment"]["sample"]] == ["before@x.com"]
    between = await gql(query, {"t": f"createdAt between {day} and {day}"}, token=team.key)
    assert between["previewSegment"]["count"] == 1


# ---------------------------------------------------------------- the restricted (contact list) form
# The real-time path compiles every rule for the woken contacts only (`compile_rule(..., contact_ids)`);
# here that form agrees with the reference evaluator on data with missing values, mixed case (as the
# writer stores it: tags lower-cased, countries upper-cased, other fields as given) and typed JSON
# (50, 50.0, "50", true).

SCALARS = [None, 50, 50.0, "50", True, "Gold", 7.5]
PLANS = ["Gold", "silver"]
mixed_case = st.sampled_from(["VIP", "vip", "Vip", "new", "NEW"])
typed_where = st.lists(st.one_of(
    st.builds(lambda p, op, v: {"property": p, "op": op, "value": v}, st.sampled_from(["amount", "device"]),
              st.sampled_from(["=", "!="]), st.sampled_from([50, 50.0, "50", True, "mobile", "Mobile"])),
    st.builds(lambda op, v: {"property": "amount", "op": op, "value": v}, st.sampled_from([">", ">=", "<", "<="]),
              st.sampled_from([7.5, 50, "50"])),
    st.builds(lambda op, v: {"property": "amount", "op": op, "value": v}, st.sampled_from(["in", "not in"]),
              st.lists(st.sampled_from([50, "50", True, 7.5]), min_size=1, max_size=2)),
    st.builds(lambda op, v: {"property": "device", "op": op, "value": v},
              st.sampled_from(["contains", "not contains"]), st.sampled_from(["MOB", "desk"])),
    st.builds(lambda p, op: {"property": p, "op": op}, st.sampled_from(["amount", "device"]),
              st.sampled_from(["is set", "is not set"])),
    st.just({"property": "amount", "op": "between", "value": [10, 50]}),
), max_size=2)
restricted_leaves = st.one_of(
    st.builds(lambda op, v: {"field": "tags", "op": op, "value": v}, st.sampled_from(["contains", "not contains"]),
              mixed_case),
    st.builds(lambda op, v: {"field": "country", "op": op, "value": v},
              st.sampled_from(["=", "!=", "contains", "not contains"]), st.sampled_from(["gb", "GB", "Us"])),
    st.builds(lambda op, v: {"field": "country", "op": op, "value": v}, st.sampled_from(["in", "not in"]),
              st.lists(st.sampled_from(["gb", "US", "fr"]), min_size=1, max_size=2)),
    st.builds(lambda op, v: {"field": "email", "op": op, "value": v}, st.sampled_from(["=", "!="]),
              st.sampled_from(["P0@X.com", "p1@x.COM"])),
    st.builds(lambda op, v: {"field": "lifecycleStage", "op": op, "value": v}, st.sampled_from(["=", "!="]),
              st.sampled_from(["Loyal", "LEAD"])),
    st.builds(lambda op, v: {"field": "custom.score", "op": op, "value": v},
              st.sampled_from(["=", "!=", ">", "<="]), st.sampled_from([50, 7.5])),
    st.just({"field": "custom.score", "op": "between", "value": [7.5, 50]}),
    st.builds(lambda op, v: {"field": "custom.plan", "op": op, "value": v}, st.sampled_from(["=", "!="]),
              st.sampled_from(["gold", "SILVER"])),
    st.builds(lambda f, op: {"field": f, "op": op}, st.sampled_from(["country", "custom.score", "custom.plan"]),
              st.sampled_from(["is set", "is not set"])),
    st.builds(lambda op, v: {"field": "totalSpent", "op": op, "value": v}, st.sampled_from(["!=", "between"]),
              st.sampled_from([25.5, [10, 50]])).filter(lambda c: (c["op"] == "between") == isinstance(c["value"], list)),
    st.builds(lambda op, v: {"field": "lastActivityAt", "op": op, "value": v}, st.sampled_from([">=", "<", "<="]),
              st.sampled_from(["today", "this month"])),
    st.builds(lambda q, wh, w: {"event": q, "type": "purchase", "where": wh, **(w or {})},
              st.sampled_from(["any", "no"]), typed_where,
              st.one_of(st.none(), st.just({"within": {"amount": 1, "unit": "months"}}))),
    st.builds(lambda fn, wh, op, v: {"aggregate": fn, "of": "events", "type": "purchase", "property": "amount",
                                     "where": wh, "op": op, "value": v},
              st.sampled_from(["count", "sum", "avg", "min", "max"]), typed_where,
              st.sampled_from(["=", "!=", ">", "<"]), st.sampled_from([0, 50, 57.5, 100])),
    st.builds(lambda fn, op: {"aggregate": fn, "of": "orders.total", "op": op, "value": 10},
              st.sampled_from(["avg", "min"]), st.sampled_from(["!=", "="])),
    st.builds(lambda op, v: {"field": "hub.studio.lastActivityAt", "op": op, "value": v},
              st.sampled_from(["within", "not within"]), st.just({"amount": 2, "unit": "days"})),
    st.builds(lambda op, v: {"field": "hub.studio.searches", "op": op, "value": v}, st.sampled_from(["=", "!="]),
              st.integers(0, 1)),
)
restricted_rules = st.recursive(
    restricted_leaves,
    lambda children: st.one_of(
        st.builds(lambda op, items: {op: items}, st.sampled_from(["and", "or"]),
                  st.lists(children, min_size=2, max_size=3)),
        children.map(lambda c: {"not": c}),
    ),
    max_leaves=4,
)
typed_contacts = st.lists(
    st.fixed_dictionaries({
        "stage": st.sampled_from(STAGES),
        "country": st.sampled_from([None, "GB", "gb", "US", "Us"]),
        "tags": st.lists(mixed_case, max_size=2),
        "score": st.sampled_from(SCALARS),
        "plan": st.sampled_from([None, "Gold", "GOLD", "silver", 3]),
        "events": st.lists(st.tuples(st.sampled_from(SCALARS), st.sampled_from([None, "mobile", "Mobile", "desktop"]),
                                     st.integers(0, 24 * 40)), max_size=4),
        "orders": st.lists(st.sampled_from([0, 1000, 2550]), max_size=2),
    }),
    min_size=5, max_size=5,
)


def _stored_country(country):
    """As app.contacts stores a country (the rule language compares the column as stored)."""
    return country.strip().upper() if country is not None else None


HUB_ID: list[int] = []  # the team's "studio" hub; events with device 'mobile' happen in it


def _typed_props(amount, device):
    props = {"hub_id": HUB_ID[0]} if device == "mobile" and HUB_ID else {}
    if amount is not None:
        props["amount"] = amount
    if device is not None:
        props["device"] = device
    return props


async def _seed_typed(team, data):
    contacts = []
    async with in_transaction() as tx:
        for index, row in enumerate(data):
            custom = {k: v for k, v in (("score", row["score"]), ("plan", row["plan"])) if v is not None}
            email = f"P{index}@X.com" if index % 2 == 0 else f"p{index}@x.com"
            contact = await TeamContact.create(
                team_id=team.id, contact_id=await _global_contact(email.lower(), tx), email=email,
                lifecycle_stage=row["stage"], country=_stored_country(row["country"]),
                tags=normalize_tags(row["tags"], "tags", []), custom=custom, using_db=tx,
            )
            for amount in row["orders"]:
                await Order.create(team_id=team.id, team_contact_id=contact.id, total_amount=amount, status="paid",
                                   amount_refunded=0, placed_at=NOW - timedelta(days=1), using_db=tx)
            await apply_orders(tx, team.id, [contact.id])
            contacts.append(contact)
    events = [{"contactId": c.id, "type": "purchase" if device != "mobile" else "search",
               "occurredAt": NOW - timedelta(hours=hours),
               "properties": _typed_props(amount, device)}
              for c, row in zip(contacts, data, strict=True) for amount, device, hours in row["events"]]
    if events:
        assert (await ingest_events(team.id, events)).rejected == []
    return contacts


def _typed_state(contact, row, tz):
    custom = {k: v for k, v in (("score", row["score"]), ("plan", row["plan"])) if v is not None}
    return ContactState(
        contact={"lifecycle_stage": row["stage"], "country": _stored_country(row["country"]),
                 "tags": normalize_tags(row["tags"], "tags", []), "created_at": contact.created_at,
                 "email": contact.email, "custom": custom},
        events=[{"type": "purchase" if d != "mobile" else "search", "occurred_at": NOW - timedelta(hours=h),
                 "properties": _typed_props(a, d)} for a, d, h in row["events"]],
        orders=[{"status": "paid", "total_amount": a, "amount_refunded": 0, "placed_at": NOW - timedelta(days=1),
                 "product_ids": []} for a in row["orders"]],
        tz=tz,
    )


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=typed_contacts, trees=st.lists(restricted_rules, min_size=6, max_size=6),
       woken=st.lists(st.integers(0, 4), min_size=1, max_size=5, unique=True))
async def test_restricted_form_agrees_with_the_reference_on_missing_case_and_typed_json(team, data, trees, woken):
    await _truncate()
    if not await CustomPropertyDefinition.exists(team_id=team.id):
        await CustomPropertyDefinition.create(team_id=team.id, key="score", label="Score", type="number")
        await CustomPropertyDefinition.create(team_id=team.id, key="plan", label="Plan", type="enum", options=PLANS)
        HUB_ID[:] = [(await factories.hub(team, "Studio", "studio")).id]
    contacts = await _seed_typed(team, data)
    ctx = await load_context(team.team)
    ctx.tz = ZoneInfo("Europe/London")
    subset = [contacts[i].id for i in woken]
    from app.segments.compiler import compile_rule

    for tree in trees:
        parsed = await check_rule(team.team, None, tree, ctx=ctx)
        compiled = compile_rule(parsed.node, team.id, ctx.tz, NOW, subset)
        rows = await connections.get("default").execute_query_dict(compiled.statement("c.id"), compiled.params)
        in_sql = {r["id"] for r in rows}
        in_python = {c.id for c, row in zip(contacts, data, strict=True)
                     if c.id in subset and evaluate(parsed.node, _typed_state(c, row, ctx.tz), NOW)}
        assert in_sql == in_python, (dsl.render(parsed.node), tree)
        # The restricted form (the contact list also on every joined computed-property table) is the
        # whole-team statement cut to the woken contacts.
        whole = compile_rule(parsed.node, team.id, ctx.tz, NOW)
        rows = await connections.get("default").execute_query_dict(whole.statement("c.id"), whole.params)
        assert in_sql == {r["id"] for r in rows} & set(subset), (dsl.render(parsed.node), tree)
        # Negation is one thing: NOT of the rule is exactly the complement, missing values included.
        negated = await check_rule(team.team, None, {"not": rules.to_json(parsed.node)}, ctx=ctx)
        compiled = compile_rule(negated.node, team.id, ctx.tz, NOW, subset)
        rows = await connections.get("default").execute_query_dict(compiled.statement("c.id"), compiled.params)
        assert {r["id"] for r in rows} == set(subset) - in_sql
        assert rules.to_json(dsl.parse(dsl.render(parsed.node))) == rules.to_json(parsed.node)
