"""Order history import through GraphQL (`importOrders`) and the CLI (`memberhub import-orders`):
idempotent by external id, rejected orders with reasons, contacts created, segments catching up."""

from __future__ import annotations

import json

from ids import pk
from test_cli import memberhub
from test_contacts_history import member_emails, preview
from test_realtime import make_segment

from app.core.ids import encode_id
from app.segments.pipeline.worker import evaluate_pending
from app.teams.service import create_api_key

CREATE_PRODUCT = """mutation($i: CreateProductInput!) {
  createProduct(input: $i) { product { id externalId } userErrors { field code message } } }"""
IMPORT = """mutation($orders: [ImportOrderInput!]!) {
  importOrders(input: {orders: $orders}) {
    createdCount updatedCount unchangedCount contactsCreatedCount
    rejected { index externalId code message errors { field code } }
    userErrors { field code message }
  }
}"""
ORDERS = """query($contactId: ID, $externalId: String) {
  orders(first: 50, contactId: $contactId, externalId: $externalId) {
    totalCount
    edges { node { externalId contactId status currency totalAmount amountRefunded placedAt
                   items { productId quantity amount } } }
  }
}"""
UPSERT = "mutation($c: [ContactInput!]!) { upsertContacts(input: {contacts: $c}) { contacts { id email } } }"
CONTACTS = "{ contacts(first: 50) { edges { node { id email createdAt } } } }"
STATUS = "{ evaluationStatus { pendingContacts catchingUp backfills { source total remaining } } }"


async def product(gql, token, name, external_id):
    data = await gql(CREATE_PRODUCT, {"i": {"name": name, "externalId": external_id}}, token=token)
    assert data["createProduct"]["userErrors"] == [], data
    return data["createProduct"]["product"]["id"]


async def import_orders(gql, token, orders):
    return (await gql(IMPORT, {"orders": orders}, token=token))["importOrders"]


async def orders_of(gql, token, **args):
    return (await gql(ORDERS, args, token=token))["orders"]


def order(external_id, email, total, *, placed="2021-05-01T10:00:00Z", currency="usd", refunded=0, items=()):
    return {"externalId": external_id, "email": email, "placedAt": placed, "currency": currency,
            "totalAmount": total, "amountRefunded": refunded,
            "items": [{"productExternalId": p, "quantity": q, "amount": a} for p, q, a in items]}


async def test_import_orders_creates_orders_and_contacts_and_segments_see_them(gql, team):
    course = await product(gql, team.key, "Course", "course-101")
    ebook = await product(gql, team.key, "Ebook", "shop:ebook:7")  # ':' is allowed in external ids
    await gql(UPSERT, {"c": [{"email": "ava@example.com"}]}, token=team.key)
    big = await make_segment(gql, team.key, "Big spenders", "totalSpent > 100")
    repeat = await make_segment(gql, team.key, "Repeat", "count of orders >= 2")

    payload = await import_orders(gql, team.key, [
        order("A-1", "Ava@Example.com", 9000, items=[("course-101", 1, 9000)]),
        order("A-2", "ava@example.com", 4000, placed="2022-01-01T00:00:00+02:00",
              items=[("shop:ebook:7", 2, 3000), ("course-101", 1, 1000)]),
        order("B-1", "bo@example.com", 20000, refunded=5000, placed="2019-02-03T04:05:06Z"),
        order("C-1", "cy@example.com", 30000, refunded=30000),  # fully refunded: no paid order
    ])
    assert payload["userErrors"] == [] and payload["rejected"] == []
    assert (payload["createdCount"], payload["updatedCount"], payload["unchangedCount"],
            payload["contactsCreatedCount"]) == (4, 0, 0, 2)

    contacts = {e["node"]["email"]: e["node"] for e in (await gql(CONTACTS, token=team.key))["contacts"]["edges"]}
    assert set(contacts) == {"ava@example.com", "bo@example.com", "cy@example.com"}
    assert contacts["bo@example.com"]["createdAt"] == "2019-02-03T04:05:06+00:00"  # joined at the first order
    assert contacts["ava@example.com"]["createdAt"] > "2026"  # an existing contact keeps its date
    ava_orders = await orders_of(gql, team.key, contactId=contacts["ava@example.com"]["id"])
    assert ava_orders["totalCount"] == 2
    newest = ava_orders["edges"][0]["node"]
    assert (newest["externalId"], newest["status"], newest["currency"], newest["totalAmount"]) == (
        "A-2", "PAID", "usd", 4000)
    assert newest["placedAt"] == "2021-12-31T22:00:00+00:00"
    assert sorted((i["productId"], i["quantity"], i["amount"]) for i in newest["items"]) == sorted(
        [(ebook, 2, 3000), (course, 1, 1000)])
    bo = (await orders_of(gql, team.key, externalId="B-1"))["edges"][0]["node"]
    assert (bo["status"], bo["amountRefunded"], bo["items"]) == ("PARTIALLY_REFUNDED", 5000, [])
    assert (await orders_of(gql, team.key, externalId="C-1"))["edges"][0]["node"]["status"] == "REFUNDED"

    # The order facts are exact at commit; the segments catch up from the queue.
    assert await preview(gql, team.key, "totalSpent > 100") == 2  # ava 130, bo 150 net; cy 0
    assert await preview(gql, team.key, "orderCount = 2") == 1
    assert await preview(gql, team.key, "firstOrderAt before 2020-01-01") == 1
    assert await preview(gql, team.key, f"productsPurchased contains '{pk(ebook)}'") == 1
    assert await preview(gql, team.key, "sum of orders.total >= 130") == 2
    assert await preview(gql, team.key, "sum of orders.total > 130") == 1
    assert await preview(gql, team.key, "count of orders within 30 days > 0") == 0  # history, not recent
    status = (await gql(STATUS, token=team.key))["evaluationStatus"]
    assert status["catchingUp"] is True
    assert status["backfills"][0] == {"source": "order_import", "total": 3, "remaining": 3}
    await evaluate_pending(None)
    assert (await gql(STATUS, token=team.key))["evaluationStatus"]["catchingUp"] is False
    assert await member_emails(gql, team.key, big) == {"ava@example.com", "bo@example.com"}
    assert await member_emails(gql, team.key, repeat) == {"ava@example.com"}


async def test_reimport_updates_or_leaves_orders_and_never_duplicates(gql, team):
    await product(gql, team.key, "Course", "course-101")
    await product(gql, team.key, "Ebook", "ebook-7")
    big = await make_segment(gql, team.key, "Big spenders", "totalSpent >= 100")
    batch = [order("A-1", "ava@example.com", 9000, items=[("course-101", 1, 9000)]),
             order("A-2", "ava@example.com", 4000, items=[("ebook-7", 1, 4000)]),
             order("B-1", "bo@example.com", 2000)]
    await import_orders(gql, team.key, batch)
    await evaluate_pending(None)
    assert await member_emails(gql, team.key, big) == {"ava@example.com"}

    again = await import_orders(gql, team.key, list(reversed(batch)))  # item order and row order do not matter
    assert (again["createdCount"], again["updatedCount"], again["unchangedCount"], again["contactsCreatedCount"]) == (
        0, 0, 3, 0)
    assert (await gql(STATUS, token=team.key))["evaluationStatus"]["catchingUp"] is False  # nothing changed
    assert (await orders_of(gql, team.key))["totalCount"] == 3

    # A refund comes in on the old platform, one order's items change, another order moves to bo.
    changed = await import_orders(gql, team.key, [
        order("A-1", "ava@example.com", 9000, refunded=2000, items=[("course-101", 1, 9000)]),
        order("A-2", "bo@example.com", 4000, items=[("ebook-7", 1, 4000)]),
        order("B-1", "bo@example.com", 2000, items=[("ebook-7", 1, 2000)]),
    ])
    assert (changed["createdCount"], changed["updatedCount"], changed["unchangedCount"]) == (0, 3, 0)
    assert (await orders_of(gql, team.key))["totalCount"] == 3
    b1 = (await orders_of(gql, team.key, externalId="B-1"))["edges"][0]["node"]
    assert [(i["quantity"], i["amount"]) for i in b1["items"]] == [(1, 2000)]
    assert await preview(gql, team.key, "totalSpent = 70") == 1  # ava: 90 - 20
    assert await preview(gql, team.key, "totalSpent = 60") == 1  # bo: 40 + 20
    assert await preview(gql, team.key, "orderCount = 1") == 1  # ava lost A-2
    assert (await gql(STATUS, token=team.key))["evaluationStatus"]["catchingUp"] is True
    await evaluate_pending(None)
    assert await member_emails(gql, team.key, big) == set()


async def test_rejected_orders_say_why_and_the_others_land(gql, team):
    await product(gql, team.key, "Course", "course-101")
    payload = await import_orders(gql, team.key, [
        order("OK-1", "ava@example.com", 1000, items=[("course-101", 1, 1000)]),
        order("BAD-CUR", "ava@example.com", 1000, currency="xyz"),
        order("NEG", "ava@example.com", -5),
        order("OVER", "ava@example.com", 1000, refunded=1500),
        order("PROD", "ava@example.com", 1000, items=[("nope-9", 1, 1000)]),
        order("FUTURE", "ava@example.com", 1000, placed="2999-01-01T00:00:00Z"),
        order("OLD", "ava@example.com", 1000, placed="1800-01-01T00:00:00Z"),
        order("MAIL", "not-an-email", 1000),
        order("QTY", "ava@example.com", 1000, items=[("course-101", 0, 1000)]),
        order("OK-1", "bo@example.com", 500),
        order("", "ava@example.com", 1000),
    ])
    assert payload["userErrors"] == []
    assert (payload["createdCount"], payload["contactsCreatedCount"]) == (1, 1)
    rejected = {r["index"]: (r["externalId"], r["code"], r["errors"][0]["field"]) for r in payload["rejected"]}
    assert rejected == {
        1: ("BAD-CUR", "INVALID_CURRENCY", "orders.1.currency"),
        2: ("NEG", "NEGATIVE_AMOUNT", "orders.2.total"),
        3: ("OVER", "REFUND_EXCEEDS_TOTAL", "orders.3.refunded"),
        4: ("PROD", "UNKNOWN_PRODUCT", "orders.4.items.0.productExternalId"),
        5: ("FUTURE", "OUT_OF_RANGE", "orders.5.placedAt"),
        6: ("OLD", "OUT_OF_RANGE", "orders.6.placedAt"),
        7: ("MAIL", "INVALID_EMAIL", "orders.7.email"),
        8: ("QTY", "INVALID_QUANTITY", "orders.8.items.0.quantity"),
        9: ("OK-1", "DUPLICATE_EXTERNAL_ID", "orders.9.externalId"),
        10: ("", "REQUIRED", "orders.10.externalId"),
    }
    messages = {r["index"]: r["message"] for r in payload["rejected"]}
    assert "'XYZ' is not an ISO 4217 currency code" in messages[1]
    assert "unknown product external id 'nope-9'" in messages[4]
    listed = await orders_of(gql, team.key)
    assert [e["node"]["externalId"] for e in listed["edges"]] == ["OK-1"]
    assert {e["node"]["email"] for e in (await gql(CONTACTS, token=team.key))["contacts"]["edges"]} == {
        "ava@example.com"}


async def test_batch_problems_are_user_errors_and_nothing_is_written(gql, team):
    empty = await import_orders(gql, team.key, [])
    assert [(e["field"], e["code"]) for e in empty["userErrors"]] == [("orders", "REQUIRED")]
    too_many = await import_orders(gql, team.key, [order(f"X-{i}", "ava@example.com", 100) for i in range(1001)])
    assert [(e["field"], e["code"]) for e in too_many["userErrors"]] == [("orders", "BATCH_TOO_LARGE")]
    assert (await orders_of(gql, team.key))["totalCount"] == 0
    assert (await gql(CONTACTS, token=team.key))["contacts"]["edges"] == []


async def test_another_teams_orders_and_products_are_untouched(gql, team, other_team):
    await product(gql, other_team.key, "Their course", "course-101")
    theirs = await import_orders(gql, other_team.key, [order("A-1", "ava@example.com", 7000,
                                                             items=[("course-101", 1, 7000)])])
    assert theirs["createdCount"] == 1
    # Same external id, same email, but this team has no product course-101: rejected, not borrowed.
    mine = await import_orders(gql, team.key, [order("A-1", "ava@example.com", 100, items=[("course-101", 1, 100)])])
    assert [r["code"] for r in mine["rejected"]] == ["UNKNOWN_PRODUCT"]
    await product(gql, team.key, "My course", "course-101")
    mine = await import_orders(gql, team.key, [order("A-1", "ava@example.com", 100, items=[("course-101", 1, 100)])])
    assert (mine["createdCount"], mine["updatedCount"]) == (1, 0)
    other = (await orders_of(gql, other_team.key))["edges"]
    assert [(o["node"]["externalId"], o["node"]["totalAmount"]) for o in other] == [("A-1", 7000)]
    assert (await orders_of(gql, team.key))["totalCount"] == 1
    assert (await gql(STATUS, token=other_team.key))["evaluationStatus"]["backfills"][0]["total"] == 1
    assert await preview(gql, other_team.key, "totalSpent = 70") == 1


async def test_product_external_ids_are_unique_per_team_and_clean(gql, team, other_team):
    await product(gql, team.key, "Course", "course-101")
    await product(gql, other_team.key, "Course", "course-101")  # another team may use the same id
    duplicate = await gql(CREATE_PRODUCT, {"i": {"name": "Again", "externalId": " course-101 "}}, token=team.key)
    assert [e["code"] for e in duplicate["createProduct"]["userErrors"]] == ["DUPLICATE_EXTERNAL_ID"]
    for bad in ("a;b", "x" * 201, "tab\there"):
        data = await gql(CREATE_PRODUCT, {"i": {"name": "Bad", "externalId": bad}}, token=team.key)
        assert [e["code"] for e in data["createProduct"]["userErrors"]] == ["INVALID_EXTERNAL_ID"], bad


async def test_import_orders_requires_commerce_write(gql, team):
    _, key = await create_api_key(team.team, "reader", ["commerce:read"])
    denied = await gql.raw(IMPORT, {"orders": [order("A-1", "ava@example.com", 100)]}, token=key)
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await orders_of(gql, team.key))["totalCount"] == 0


CSV_HEADER = "external_id,email,placed_at,currency,total,refunded,items\n"


async def test_cli_imports_orders_with_row_level_rejections_and_is_idempotent(gql, team, other_team, tmp_path):
    course = await product(gql, team.key, "Course", "course-101")
    await product(gql, team.key, "Ebook", "ebook-7")
    await import_orders(gql, other_team.key, [order("1001", "ava@example.com", 999)])
    segment = await make_segment(gql, team.key, "Buyers", "orderCount >= 1")
    csv_file = tmp_path / "orders.csv"
    csv_file.write_bytes((
        CSV_HEADER
        + "1001,ava@example.com,2021-03-04,USD,49.99,,course-101\n"
        + "1002,ava@example.com,2021-03-05T10:00:00Z,usd,30.00,5.50,course-101:1:20.00;ebook-7:2:10.00\n"
        + "1003,bo@example.com,2020-01-01,jpy,5000,,\n"
        + "1004,cy@example.com,2021-01-01,XYZ,10.00,,\n"
        + "1005,cy@example.com,2021-01-01,usd,-3.00,,\n"
        + "1006,cy@example.com,2021-01-01,usd,10.00,12.00,\n"
        + "1007,cy@example.com,2021-01-01,usd,10.00,,nope-1:1:10.00\n"
        + "1008,cy@example.com,03/04/2021,usd,10.00,,\n"
        + "1009,cy@example.com,2021-01-01,usd,10.00,,ebook\x00-7\n"
        + "1010,cy@example.com,2021-01-01,usd,10.999,,\n"
        + "1002,cy@example.com,2021-01-01,usd,10.00,,\n"
        + "1011,cy@example.com,2021-01-01\n"
        + "1012,cy@example.com,2021-01-01,usd,10.00,,course-101:1:5.00;ebook-7\n"
    ).encode() + b"1013,d\xff@example.com,2021-01-01,usd,1.00,,\n" + b"1014,dee@example.com,2021-06-01,eur,12.50,,\n")
    result = memberhub("import-orders", str(team.id), str(csv_file), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["rows"], report["imported"], report["updated"], report["unchanged"], report["rejected"],
            report["contacts_created"]) == (15, 4, 0, 0, 11, 3)
    reasons = {r["line"]: r["reason"] for r in report["rejections"]}
    assert "'XYZ' is not an ISO 4217 currency code" in reasons[5]
    assert "total must not be negative" in reasons[6]
    assert "refunded is more than the order's total" in reasons[7]
    assert "unknown product external id 'nope-1'" in reasons[8]
    assert "'03/04/2021' is not an ISO-8601 date" in reasons[9]
    assert "items: contains a NUL byte" in reasons[10]
    assert "more than 2 decimal places" in reasons[11]
    assert "duplicate external id 1002 (first on line 3)" in reasons[12]
    assert "expected 7 columns, found 3" in reasons[13]
    assert "each item needs QUANTITY:AMOUNT" in reasons[14]
    assert "email: contains a NUL byte or invalid UTF-8" in reasons[15]
    assert sorted(reasons) == list(range(5, 16))

    first = (await orders_of(gql, team.key, externalId="1001"))["edges"][0]["node"]
    assert (first["totalAmount"], first["placedAt"], first["items"]) == (
        4999, "2021-03-04T00:00:00+00:00", [{"productId": course, "quantity": 1, "amount": 4999}])
    second = (await orders_of(gql, team.key, externalId="1002"))["edges"][0]["node"]
    assert (second["totalAmount"], second["amountRefunded"], second["status"]) == (3000, 550, "PARTIALLY_REFUNDED")
    assert sorted(i["amount"] for i in second["items"]) == [1000, 2000]
    yen = (await orders_of(gql, team.key, externalId="1003"))["edges"][0]["node"]
    assert (yen["currency"], yen["totalAmount"]) == ("jpy", 5000)  # no minor unit: as Stripe counts it
    status = (await gql(STATUS, token=team.key))["evaluationStatus"]
    assert status["catchingUp"] is True and status["backfills"][0]["source"] == "order_import"
    await evaluate_pending(None)
    assert await member_emails(gql, team.key, segment) == {"ava@example.com", "bo@example.com", "dee@example.com"}
    assert (await orders_of(gql, other_team.key))["edges"][0]["node"]["totalAmount"] == 999

    again = memberhub("import-orders", str(team.id), str(csv_file))
    assert again.returncode == 0, again.stderr
    assert "imported: 0  updated: 0  unchanged: 4  rejected: 11  contacts created: 0" in again.stdout
    assert "line 5: " in again.stdout
    assert (await orders_of(gql, team.key))["totalCount"] == 4


async def test_cli_refuses_a_file_without_the_required_columns(team, tmp_path):
    csv_file = tmp_path / "orders.csv"
    csv_file.write_text("external_id,email,total\n1,a@example.com,1.00\n")
    result = memberhub("import-orders", str(team.id), str(csv_file))
    assert result.returncode == 2
    assert "missing: placed_at, currency" in result.stderr
    unknown = memberhub("import-orders", "999999", str(csv_file))
    assert unknown.returncode == 2


async def test_order_dates_without_an_offset_are_in_the_teams_time_zone(gql, make_team, tmp_path):
    york = await make_team("New York Studio", time_zone="America/New_York")
    payload = await import_orders(gql, york.key, [order("A-1", "ava@example.com", 100, placed="2021-01-15T12:00:00")])
    assert payload["createdCount"] == 1
    csv_file = tmp_path / "orders.csv"
    csv_file.write_text(CSV_HEADER + "B-1,bo@example.com,2021-07-01,usd,1.00,,\n")
    assert json.loads(memberhub("import-orders", str(york.team.id), str(csv_file), "--json").stdout)["imported"] == 1
    placed = {e["node"]["externalId"]: e["node"]["placedAt"] for e in (await orders_of(gql, york.key))["edges"]}
    assert placed == {"A-1": "2021-01-15T17:00:00+00:00", "B-1": "2021-07-01T04:00:00+00:00"}


async def test_other_scripts_digits_are_not_numbers_in_quantities_or_team_ids(gql, team, tmp_path):
    await product(gql, team.key, "Course", "course-101")
    csv_file = tmp_path / "orders.csv"
    csv_file.write_text(CSV_HEADER + "2001,ava@example.com,2021-03-04,usd,10.00,,course-101:\u00b2:10.00\n"
                        + "2002,ava@example.com,2021-03-04,usd,10.00,,course-101:\u0663:10.00\n"
                        + "2003,ava@example.com,2021-03-04,usd,10.00,,course-101:1:10.00\n", encoding="utf-8")
    result = memberhub("import-orders", str(team.id), str(csv_file), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["imported"], report["rejected"]) == (1, 2)
    assert all("quantity must be" in r["reason"] for r in report["rejections"])
    arabic_team_id = "".join(chr(0x0660 + int(d)) for d in str(team.id))  # int() would read it as the team
    refused = memberhub("import-orders", arabic_team_id, str(csv_file))
    assert refused.returncode == 2 and "is not a team id" in refused.stderr
    by_global_id = memberhub("import-orders", encode_id("Team", team.team.id), str(csv_file), "--json")
    assert by_global_id.returncode == 0, by_global_id.stderr
    assert json.loads(by_global_id.stdout)["unchanged"] == 1
