"""The Stripe events a membership business needs, each as a signed delivery over HTTP, with the
Stripe API answered by the local fake: disputes (hold / revoke / restore), abandoned and failed
checkouts, invoices that need the customer, trials about to end (a mail), upcoming renewals,
refunds that end "paid", and reconciliation repairing what a missed webhook left."""

from __future__ import annotations

import time
from typing import Any

from ids import gid, pk
from test_commerce_fakes import (  # noqa: F401  (fixtures are imported to register them)
    event_payload,
    fake_stripe_fixture,
    invoice_object,
    make_shop,
    post_event,
    send,
    stripe_server_fixture,
    subscription_object,
)
from test_email_helpers import UPDATE_SETTINGS, run_worker

from app.commerce.models import CheckoutSession, Dispute, Payment, PaymentStatus
from app.commerce.reconcile import reconcile_team
from app.commerce.stripe_api import stripe_client
from app.contacts.models import Event
from app.email.models import EmailSend
from app.hubs.models import HubMembership

pytest_plugins = ["test_email_helpers"]  # the smtp fixture

STATE = """
query($c: ID!) {
  entitlements(contactId: $c) { nodes { status source } }
  contactBilling(contactId: $c) { billingStatus ltv }
}"""


async def state(gql: Any, shop: Any) -> tuple[str | None, str | None, float | None]:
    data = await gql(STATE, {"c": shop.contact_id}, token=shop.key)
    nodes = data["entitlements"]["nodes"]
    billing = data["contactBilling"] or {}
    return (nodes[0]["status"] if nodes else None, billing.get("billingStatus"), billing.get("ltv"))


def checkout(shop: Any, number: int, amount: int, **extra: Any) -> dict[str, Any]:
    return {"id": f"cs_ev{number}", "object": "checkout.session", "status": "complete", "mode": "payment",
            "customer": "cus_ev", "payment_intent": f"pi_ev{number}", "payment_status": "paid",
            "amount_total": amount, "currency": "usd", "metadata": shop.metadata(),
            "customer_details": {"email": shop.email}, "created": int(time.time()), **extra}


def dispute(number: int, status: str, *, amount: int = 5000, intent: str | None = None) -> dict[str, Any]:
    return {"id": f"dp_{number}", "object": "dispute", "amount": amount, "currency": "usd",
            "charge": f"ch_ev{number}", "payment_intent": intent or f"pi_ev{number}", "reason": "fraudulent",
            "status": status, "created": int(time.time())}


async def event_types(team_id: int, contact_id: int) -> list[str]:
    return [e.type for e in await Event.filter(team_id=team_id, team_contact_id=contact_id).order_by("id")]


async def hub_members(shop: Any) -> int:
    return await HubMembership.filter(team_id=shop.team_id, hub_id=pk(shop.hub_id)).count()


DISPUTES = """
query($c: ID) { disputes(contactId: $c) { totalCount nodes { status reason amount effect paymentId contactId } } }"""


async def test_a_dispute_holds_the_purchase_while_open_and_restores_it_when_won(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team, recurring=False, amount=5000)
    await send(http, team.id, "checkout.session.completed", checkout(shop, 1, 5000))
    assert await state(gql, shop) == ("ACTIVE", "paid", 50.0) and await hub_members(shop) == 1

    fake_stripe.put(dispute(1, "needs_response"))
    await send(http, team.id, "charge.dispute.created", dispute(1, "needs_response"))
    assert await state(gql, shop) == ("ON_HOLD", "paid", 50.0)  # held, not yet lost: the money is in dispute
    assert await hub_members(shop) == 0  # no access while held: the delivered membership is withdrawn
    listed = await gql(DISPUTES, {"c": shop.contact_id}, token=shop.key)
    assert listed["disputes"]["nodes"] == [{"status": "needs_response", "reason": "fraudulent", "amount": 5000,
                                            "effect": "HOLD", "paymentId": listed["disputes"]["nodes"][0]["paymentId"],
                                            "contactId": shop.contact_id}]

    # A redelivered checkout (or reconciliation re-reading it) cannot hand access back while it is held.
    await send(http, team.id, "checkout.session.completed", checkout(shop, 1, 5000))
    assert (await state(gql, shop))[0] == "ON_HOLD"

    fake_stripe.put(dispute(1, "won"))
    await send(http, team.id, "charge.dispute.closed", dispute(1, "won"))  # the payload is stale: the fetch wins
    assert await state(gql, shop) == ("ACTIVE", "paid", 50.0) and await hub_members(shop) == 1
    row = await Dispute.get(team_id=team.id, stripe_dispute_id="dp_1")
    assert row.closed_at is not None and row.status == "won"
    assert [t for t in await event_types(team.id, pk(shop.contact_id)) if t.startswith(("dispute", "entitlement"))] \
        == ["entitlement_granted", "dispute_opened", "entitlement_held", "dispute_closed", "entitlement_granted"]


async def test_a_lost_dispute_revokes_and_takes_the_amount_off_ltv(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team, recurring=False, amount=5000)
    await send(http, team.id, "checkout.session.completed", checkout(shop, 2, 5000))
    fake_stripe.put(dispute(2, "lost"))
    await send(http, team.id, "charge.dispute.created", dispute(2, "needs_response"))
    assert await state(gql, shop) == ("REVOKED", "refunded", 0.0)
    assert await hub_members(shop) == 0
    # A redelivered old checkout cannot undo it; paying again can.
    await send(http, team.id, "checkout.session.completed", checkout(shop, 2, 5000))
    assert (await state(gql, shop))[0] == "REVOKED"
    await send(http, team.id, "checkout.session.completed", checkout(shop, 12, 5000))
    assert await state(gql, shop) == ("ACTIVE", "paid", 50.0) and await hub_members(shop) == 1


async def test_the_revoke_policy_revokes_while_open(gql, http, team, other_team, fake_stripe):
    shop = await make_shop(gql, team, recurring=False, amount=5000)
    mutation = "mutation($i: SetDisputePolicyInput!) { setDisputePolicy(input: $i) { settings { disputePolicy } userErrors { code } } }"
    changed = await gql(mutation, {"i": {"policy": "REVOKE"}}, token=team.key)
    assert changed["setDisputePolicy"] == {"settings": {"disputePolicy": "REVOKE"}, "userErrors": []}
    unconfigured = await gql(mutation, {"i": {"policy": "KEEP"}}, token=other_team.key)
    assert unconfigured["setDisputePolicy"] == {"settings": None, "userErrors": [{"code": "NOT_CONFIGURED"}]}

    await send(http, team.id, "checkout.session.completed", checkout(shop, 3, 5000))
    fake_stripe.put(dispute(3, "under_review"))
    await send(http, team.id, "charge.dispute.created", dispute(3, "under_review"))
    assert (await state(gql, shop))[0] == "REVOKED"
    # The policy of an open dispute is the one it opened under.
    await gql(mutation, {"i": {"policy": "KEEP"}}, token=team.key)
    fake_stripe.put(dispute(3, "won"))
    await send(http, team.id, "charge.dispute.closed", dispute(3, "won"))
    assert (await state(gql, shop))[0] == "ACTIVE"


async def test_a_disputed_subscription_invoice_holds_the_subscription_entitlement(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team, trial_days=0)
    sub = fake_stripe.put(subscription_object(sub_id="sub_dp", customer="cus_dp", status="active",
                                              metadata=shop.metadata()))
    await send(http, team.id, "customer.subscription.created", sub)
    await send(http, team.id, "invoice.paid", invoice_object(invoice_id="in_dp", customer="cus_dp",
                                                              subscription="sub_dp", paid=True, payment_intent="pi_dp"))
    assert (await state(gql, shop))[:2] == ("ACTIVE", "active")
    fake_stripe.put(dispute(4, "needs_response", amount=2000, intent="pi_dp"))
    await send(http, team.id, "charge.dispute.created", dispute(4, "needs_response", amount=2000, intent="pi_dp"))
    assert (await state(gql, shop))[0] == "ON_HOLD"
    await send(http, team.id, "customer.subscription.updated", sub)  # the subscription is still active in Stripe
    assert (await state(gql, shop))[0] == "ON_HOLD"


async def test_an_unknown_disputed_charge_is_acknowledged_and_recorded_nowhere(gql, http, team, fake_stripe):
    await make_shop(gql, team, recurring=False)
    fake_stripe.put(dispute(9, "needs_response", intent="pi_nobody"))
    fake_stripe.put({"id": "ch_ev9", "object": "charge", "payment_intent": "pi_nobody", "invoice": None})
    assert (await send(http, team.id, "charge.dispute.created", dispute(9, "needs_response")))["duplicate"] is False
    assert await Dispute.filter(team_id=team.id).count() == 0


async def test_full_refund_ends_paid(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team, recurring=False, amount=5000)
    await send(http, team.id, "checkout.session.completed", checkout(shop, 5, 5000))
    charge = {"id": "ch_ev5", "object": "charge", "customer": "cus_ev", "payment_intent": "pi_ev5", "amount": 5000,
              "amount_refunded": 5000, "refunded": True,
              "refunds": {"object": "list", "data": [{"id": "re_ev5", "amount": 5000, "status": "succeeded"}]}}
    await send(http, team.id, "charge.refunded", charge)
    assert await state(gql, shop) == ("REVOKED", "refunded", 0.0)


async def test_abandoned_and_failed_checkouts_become_events(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team, recurring=False, amount=5000)
    created = await gql(
        "mutation($i: CreateCheckoutInput!) { createCheckout(input: $i) { session { stripeSessionId } userErrors { code } } }",
        {"i": {"priceId": shop.price_id, "contactId": shop.contact_id, "successUrl": "https://shop.example/ok",
               "cancelUrl": "https://shop.example/cancel"}}, token=team.key)
    session_id = created["createCheckout"]["session"]["stripeSessionId"]
    expired = {"id": session_id, "object": "checkout.session", "status": "expired", "mode": "payment",
               "payment_status": "unpaid", "amount_total": 5000, "currency": "usd", "metadata": shop.metadata(),
               "customer_email": shop.email}
    await send(http, team.id, "checkout.session.expired", expired)
    assert (await CheckoutSession.get(stripe_session_id=session_id)).status == "expired"
    [abandoned] = await Event.filter(team_id=team.id, type="checkout_expired")
    assert abandoned.properties["stripe_checkout_session_id"] == session_id and abandoned.properties["amount"] == 50.0

    failed = checkout(shop, 6, 5000, payment_status="unpaid")
    await send(http, team.id, "checkout.session.async_payment_failed", failed)
    payment = await Payment.get(team_id=team.id, stripe_ref="pi_ev6")
    assert payment.status == PaymentStatus.FAILED and payment.amount == 5000
    assert await Event.filter(team_id=team.id, type="payment_failed").count() == 1
    assert (await state(gql, shop))[0] is None  # nothing was granted
    # the same session paying later (a retried bank debit) is a normal payment
    await send(http, team.id, "checkout.session.async_payment_succeeded", checkout(shop, 6, 5000))
    assert (await Payment.get(team_id=team.id, stripe_ref="pi_ev6")).status == PaymentStatus.SUCCEEDED


async def test_invoice_action_required_and_upcoming_become_events(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team, trial_days=0)
    sub = fake_stripe.put(subscription_object(sub_id="sub_ar", customer="cus_ar", status="past_due",
                                              metadata=shop.metadata()))
    invoice = {**invoice_object(invoice_id="in_ar", customer="cus_ar", subscription="sub_ar", paid=False),
               "hosted_invoice_url": "https://invoice.stripe.test/i/in_ar"}
    await send(http, team.id, "invoice.payment_action_required", invoice)
    [needed] = await Event.filter(team_id=team.id, type="payment_action_required")
    assert needed.properties["hosted_invoice_url"] == "https://invoice.stripe.test/i/in_ar"
    assert (await state(gql, shop))[1] == "past_due"  # the subscription's state came along

    upcoming = {k: v for k, v in invoice_object(invoice_id="x", customer="cus_ar", subscription="sub_ar",
                                                paid=False, amount=2500).items() if k != "id"}
    upcoming["next_payment_attempt"] = int(time.time()) + 3 * 86400
    payload = event_payload("invoice.upcoming", upcoming)
    response = await post_event(http, team.id, payload)
    assert response.status_code == 200 and "ignored" not in response.json()
    [soon] = await Event.filter(team_id=team.id, type="invoice_upcoming")
    assert soon.properties["amount"] == 25.0 and soon.properties["due_at"] is not None
    assert sub["id"] == "sub_ar"


async def test_trial_will_end_queues_the_hubs_mail_once(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team, trial_days=7)
    saved = await gql(
        "mutation($i: SaveEmailTemplateInput!) { saveEmailTemplate(input: $i) { template { id } userErrors { code } } }",
        {"i": {"hubId": shop.hub_id, "key": "trial_will_end", "name": "Trial ending",
               "subject": "Your trial of {{ product_name }} ends soon",
               "textBody": "It ends {{ trial_end }}; then {{ amount }} {{ currency }} a month."}},
        token=team.key)
    assert saved["saveEmailTemplate"]["userErrors"] == []
    sub = fake_stripe.put(subscription_object(sub_id="sub_tr", customer="cus_tr", status="trialing", trial_days=3,
                                              metadata=shop.metadata()))
    await send(http, team.id, "customer.subscription.trial_will_end", sub)
    await send(http, team.id, "customer.subscription.trial_will_end", sub)  # another event for the same trial
    [mail] = await EmailSend.filter(team_id=team.id, kind="trial_will_end")
    assert mail.team_contact_id == pk(shop.contact_id) and mail.context["product_name"] == "Pro membership"
    assert mail.context["amount"] == "20.00" and mail.context["trial_end"]
    assert await Event.filter(team_id=team.id, type="trial_will_end").count() == 2


async def test_trial_will_end_mails_the_built_in_template_when_the_hub_has_none(gql, http, team, fake_stripe, smtp):
    shop = await make_shop(gql, team, trial_days=7)
    configured = await gql(UPDATE_SETTINGS, {"input": {
        "hubId": shop.hub_id, "smtpHost": smtp.host, "smtpPort": smtp.port, "tlsMode": "NONE", "username": None,
        "fromName": "Members", "fromAddress": "hello@members.example"}}, token=team.key)
    assert configured["updateEmailSettings"]["userErrors"] == []
    sub = fake_stripe.put(subscription_object(sub_id="sub_tb", customer="cus_tb", status="trialing", trial_days=3,
                                              metadata=shop.metadata()))
    await send(http, team.id, "customer.subscription.trial_will_end", sub)
    await send(http, team.id, "customer.subscription.trial_will_end", sub)
    await run_worker()
    [mail] = [m for m in smtp.to(shop.email) if "trial" in m["Subject"]]  # (the hub's welcome came too)
    trial_end = (await EmailSend.get(team_id=team.id, kind="trial_will_end")).context["trial_end"]
    assert mail["Subject"] == f"Your Pro membership trial ends on {trial_end}"
    text = mail.get_body(("plain",)).get_content()
    assert f"Your trial of Pro membership ends on {trial_end}. Then your subscription continues at 20.00 USD." in text


async def test_reconciliation_lists_invoices_charges_and_disputes(gql, http, team, fake_stripe):
    shop = await make_shop(gql, team, recurring=False, amount=5000)
    await send(http, team.id, "checkout.session.completed", checkout(shop, 7, 5000))
    fake_stripe.reset()
    # Missed: a refund of the purchase, a dispute on it, and a paid invoice of a subscription.
    fake_stripe.put({"id": "ch_ev7", "object": "charge", "customer": "cus_ev", "payment_intent": "pi_ev7",
                     "amount": 5000, "amount_refunded": 1000, "refunded": False, "created": int(time.time()),
                     "refunds": {"object": "list", "data": [{"id": "re_ev7", "amount": 1000, "status": "succeeded"}]}})
    fake_stripe.put(dispute(7, "needs_response", amount=4000))
    fake_stripe.put(subscription_object(sub_id="sub_rc", customer="cus_ev", status="active",
                                        metadata=shop.metadata()))
    fake_stripe.put(invoice_object(invoice_id="in_rc", customer="cus_ev", subscription="sub_rc", paid=True,
                                   payment_intent="pi_rc"))
    repaired = await reconcile_team(team.id, stripe_client("sk_test_memberhub_fake_123456"), period="test-1")
    assert repaired and repaired >= 3
    assert (await Payment.get(team_id=team.id, stripe_ref="pi_ev7")).amount_refunded == 1000
    assert (await Payment.get(team_id=team.id, stripe_ref="in_rc")).status == PaymentStatus.SUCCEEDED
    assert (await Dispute.get(team_id=team.id, stripe_dispute_id="dp_7")).amount == 4000
    listed = [r.path for r in fake_stripe.requests if r.method == "GET"]
    assert {"/v1/invoices", "/v1/charges", "/v1/disputes"} <= set(listed)
    assert gid("Team", team.id)
