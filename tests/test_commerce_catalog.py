"""Catalog CRUD, Stripe settings and checkout validation through GraphQL."""

from __future__ import annotations

from ids import gid
from test_commerce_fakes import (  # noqa: F401  (fixtures are imported to register them)
    SECRET_KEY,
    WEBHOOK_SECRET,
    fake_stripe_fixture,
    make_shop,
    stripe_server_fixture,
)

from app.commerce.models import CheckoutSession, StripeSettings
from app.core.crypto import decrypt_secret
from app.teams.service import create_api_key

CREATE_PRODUCT = "mutation($i: CreateProductInput!) { createProduct(input: $i) { product { id name pastDuePolicy graceDays hubId } userErrors { field code } } }"
UPDATE_PRODUCT = "mutation($i: UpdateProductInput!) { updateProduct(input: $i) { product { id name active pastDuePolicy } userErrors { field code } } }"
CREATE_PRICE = "mutation($i: CreatePriceInput!) { createPrice(input: $i) { price { id type amount interval intervalCount trialDays } userErrors { field code } } }"
ADD_DELIVERABLE = "mutation($i: AddDeliverableInput!) { addDeliverable(input: $i) { deliverable { id kind contentNodeIds tag hubRole } userErrors { field code } } }"
NEW_NODE = "mutation($i: CreateContentNodeInput!) { createContentNode(input: $i) { node { id } userErrors { code } } }"
CHECKOUT = "mutation($i: CreateCheckoutInput!) { createCheckout(input: $i) { session { id } userErrors { field code } } }"


async def content_node(gql, team, hub_id: str) -> str:
    data = await gql(NEW_NODE, {"i": {"hubId": hub_id, "title": "Lesson"}}, token=team.key)
    assert data["createContentNode"]["userErrors"] == []
    return data["createContentNode"]["node"]["id"]


async def test_catalog_crud_products_prices_deliverables_coupons(gql, team):
    hub = (await gql('mutation { createHub(input: {name: "Academy"}) { hub { id } } }', token=team.key))
    first_node = await content_node(gql, team, hub["createHub"]["hub"]["id"])
    second_node = await content_node(gql, team, hub["createHub"]["hub"]["id"])
    made = await gql(CREATE_PRODUCT, {"i": {"name": "Course", "pastDuePolicy": "KEEP"}}, token=team.key)
    product = made["createProduct"]["product"]
    assert product["pastDuePolicy"] == "KEEP" and product["graceDays"] == 7 and product["hubId"] is None
    yearly = await gql(CREATE_PRICE, {"i": {"productId": product["id"], "type": "RECURRING", "amount": 12000,
                                            "interval": "YEAR", "intervalCount": 1, "trialDays": 14}}, token=team.key)
    assert yearly["createPrice"]["price"]["interval"] == "YEAR" and yearly["createPrice"]["price"]["trialDays"] == 14
    nodes = await gql(ADD_DELIVERABLE, {"i": {"productId": product["id"], "kind": "CONTENT_ACCESS",
                                              "contentNodeIds": [second_node, first_node, second_node]}}, token=team.key)
    assert nodes["addDeliverable"]["deliverable"]["contentNodeIds"] == [first_node, second_node]
    updated = await gql(UPDATE_PRODUCT, {"i": {"id": product["id"], "name": "Course v2", "active": False,
                                               "pastDuePolicy": "REVOKE"}}, token=team.key)
    assert updated["updateProduct"]["product"] == {"id": product["id"], "name": "Course v2", "active": False,
                                                   "pastDuePolicy": "REVOKE"}
    listing = await gql("""{ products { totalCount nodes { name prices { amount } deliverables { kind } } }
                             active: products(activeOnly: true) { totalCount } }""", token=team.key)
    assert listing["products"]["nodes"] == [{"name": "Course v2", "prices": [{"amount": 12000}],
                                             "deliverables": [{"kind": "CONTENT_ACCESS"}]}]
    assert listing["active"]["totalCount"] == 0
    deliverable_id = nodes["addDeliverable"]["deliverable"]["id"]
    removed = await gql("mutation($i: RemoveInput!) { removeDeliverable(input: $i) { removedId userErrors { code } } }",
                        {"i": {"id": deliverable_id}}, token=team.key)
    assert removed["removeDeliverable"]["removedId"] == deliverable_id
    fixed = await gql('mutation { createCoupon(input: {code: "TENOFF", kind: FIXED, amountOff: 1000, currency: "usd", duration: FOREVER}) { coupon { id amountOff } userErrors { code } } }',
                      token=team.key)
    assert fixed["createCoupon"]["coupon"]["amountOff"] == 1000
    coupons = await gql("{ coupons { nodes { code kind duration } } }", token=team.key)
    assert coupons["coupons"]["nodes"] == [{"code": "TENOFF", "kind": "FIXED", "duration": "FOREVER"}]


async def test_bad_catalog_input_is_rejected_and_writes_nothing(gql, team):
    malformed = await gql(CREATE_PRODUCT, {"i": {"name": "P", "hubId": "nope"}}, token=team.key)
    assert malformed["createProduct"]["userErrors"] == [{"field": "hubId", "code": "INVALID_ID"}]
    bad = await gql(CREATE_PRODUCT, {"i": {"name": " ", "graceDays": 500, "hubId": gid("Hub", 10**9)}}, token=team.key)
    assert {(e["field"], e["code"]) for e in bad["createProduct"]["userErrors"]} == {
        ("name", "REQUIRED"), ("graceDays", "OUT_OF_RANGE"), ("hubId", "NOT_FOUND")}
    product = (await gql(CREATE_PRODUCT, {"i": {"name": "P"}}, token=team.key))["createProduct"]["product"]
    cases = [
        ({"type": "RECURRING", "amount": 100}, {("interval", "INVALID_INTERVAL")}),
        ({"type": "RECURRING", "amount": 100, "interval": "MONTH", "intervalCount": 13}, {("intervalCount", "OUT_OF_RANGE")}),
        ({"type": "ONE_TIME", "amount": -1, "currency": "dollars"}, {("amount", "OUT_OF_RANGE"), ("currency", "INVALID_CURRENCY")}),
        ({"type": "ONE_TIME", "amount": 100, "trialDays": 3}, {("interval", "INVALID_INTERVAL")}),
    ]
    for price_input, expected in cases:
        data = await gql(CREATE_PRICE, {"i": {"productId": product["id"], **price_input}}, token=team.key)
        assert {(e["field"], e["code"]) for e in data["createPrice"]["userErrors"]} == expected
    coupon = await gql('mutation { createCoupon(input: {code: "bad code!", kind: PERCENT, percentOff: 150}) { userErrors { field code } } }',
                       token=team.key)
    assert {(e["field"], e["code"]) for e in coupon["createCoupon"]["userErrors"]} == {
        ("code", "INVALID_CODE"), ("percentOff", "OUT_OF_RANGE")}
    tag = await gql(ADD_DELIVERABLE, {"i": {"productId": product["id"], "kind": "TAG", "tag": ""}}, token=team.key)
    assert tag["addDeliverable"]["userErrors"] == [{"field": "tag", "code": "REQUIRED"}]
    listing = await gql("{ products { nodes { prices { id } deliverables { id } } } coupons { totalCount } }", token=team.key)
    assert listing["products"]["nodes"] == [{"prices": [], "deliverables": []}] and listing["coupons"]["totalCount"] == 0


async def test_other_teams_ids_look_unknown(gql, team, other_team):
    theirs = await make_shop(gql, other_team)
    mine = await make_shop(gql, team, email="me@example.com")
    checks = [
        (CREATE_PRICE, {"productId": theirs.product_id, "type": "ONE_TIME", "amount": 1}, "createPrice", "productId"),
        (UPDATE_PRODUCT, {"id": theirs.product_id, "name": "x"}, "updateProduct", "id"),
        (ADD_DELIVERABLE, {"productId": theirs.product_id, "kind": "TAG", "tag": "x"}, "addDeliverable", "productId"),
        (ADD_DELIVERABLE, {"productId": mine.product_id, "kind": "HUB_MEMBERSHIP", "hubId": theirs.hub_id},
         "addDeliverable", "hubId"),
        (ADD_DELIVERABLE, {"productId": mine.product_id, "kind": "CONTENT_ACCESS",
                           "contentNodeIds": [await content_node(gql, team, mine.hub_id),
                                              await content_node(gql, other_team, theirs.hub_id)]},
         "addDeliverable", "contentNodeIds"),
        (ADD_DELIVERABLE, {"productId": mine.product_id, "kind": "CONTENT_ACCESS",
                           "contentNodeIds": [gid("ContentNode", 10**9)]}, "addDeliverable", "contentNodeIds"),
        (CHECKOUT, {"priceId": theirs.price_id, "contactId": mine.contact_id, "successUrl": "https://a.b/c",
                    "cancelUrl": "https://a.b/d"}, "createCheckout", "priceId"),
        (CHECKOUT, {"priceId": mine.price_id, "contactId": theirs.contact_id, "successUrl": "https://a.b/c",
                    "cancelUrl": "https://a.b/d"}, "createCheckout", "contactId"),
    ]
    for query, payload, name, field in checks:
        data = await gql(query, {"i": payload}, token=team.key)
        assert data[name]["userErrors"] == [{"field": field, "code": "NOT_FOUND"}], name
    other_view = await gql("query($id: ID!) { product(id: $id) { id } }", {"id": theirs.product_id}, token=team.key)
    assert other_view["product"] is None
    entitlements = await gql("query($c: ID!) { entitlements(contactId: $c) { totalCount } }",
                             {"c": theirs.contact_id}, token=team.key)
    assert entitlements["entitlements"]["totalCount"] == 0


async def test_stripe_settings_are_encrypted_and_admin_only(gql, team):
    _, staff_key = await create_api_key(team.team, "staff", ["commerce:read", "commerce:write"])
    mutation = "mutation($i: SetStripeSettingsInput!) { setStripeSettings(input: $i) { settings { keyHint webhookPath } userErrors { field code } } }"
    denied = await gql.raw(mutation, {"i": {"secretKey": SECRET_KEY, "webhookSecret": WEBHOOK_SECRET}}, token=staff_key)
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    bad = await gql(mutation, {"i": {"secretKey": "pk_live_x", "webhookSecret": "nope"}}, token=team.key)
    assert {e["field"] for e in bad["setStripeSettings"]["userErrors"]} == {"secretKey", "webhookSecret"}
    ok = await gql(mutation, {"i": {"secretKey": SECRET_KEY, "webhookSecret": WEBHOOK_SECRET}}, token=team.key)
    assert ok["setStripeSettings"]["settings"] == {"keyHint": "sk_test_…3456", "webhookPath": f"/webhooks/stripe/{gid('Team', team.id)}"}
    row = await StripeSettings.get(team_id=team.id)
    assert SECRET_KEY not in row.secret_key_encrypted and WEBHOOK_SECRET not in row.webhook_secret_encrypted
    assert decrypt_secret(row.secret_key_encrypted) == SECRET_KEY
    anonymous = await gql.raw("{ products { totalCount } }")
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    _, reader = await create_api_key(team.team, "reader", ["contacts:read"])
    forbidden = await gql.raw("{ products { totalCount } }", token=reader)
    assert forbidden["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_checkout_validation_and_stripe_errors(gql, team, fake_stripe):
    shop = await make_shop(gql, team)
    base = {"priceId": shop.price_id, "contactId": shop.contact_id, "successUrl": "https://s.test/ok",
            "cancelUrl": "https://s.test/no"}
    bad = await gql(CHECKOUT, {"i": {**base, "successUrl": "javascript:alert(1)", "quantity": 0,
                                     "couponCode": "NOPE"}}, token=team.key)
    assert {(e["field"], e["code"]) for e in bad["createCheckout"]["userErrors"]} == {
        ("successUrl", "INVALID_URL"), ("quantity", "OUT_OF_RANGE"), ("couponCode", "NOT_FOUND")}
    fake_stripe.fail_paths.add("/v1/checkout/sessions")
    failed = await gql(CHECKOUT, {"i": base}, token=team.key)
    assert failed["createCheckout"]["userErrors"][0]["code"] == "STRIPE_ERROR"
    assert await CheckoutSession.filter(team_id=team.id).count() == 0
    fake_stripe.fail_paths.clear()
    await gql("mutation($i: UpdatePriceInput!) { updatePrice(input: $i) { price { active } } }",
              {"i": {"id": shop.price_id, "active": False}}, token=team.key)
    archived = await gql(CHECKOUT, {"i": base}, token=team.key)
    assert archived["createCheckout"]["userErrors"] == [{"field": "priceId", "code": "INACTIVE"}]
