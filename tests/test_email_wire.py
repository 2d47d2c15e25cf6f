"""Mail paths that used to stay silent or arrive wrong, checked on the bytes the SMTP server got:
member sign-in codes (and the magic-link route), purchase receipts, List-Unsubscribe verbatim."""

from __future__ import annotations

import dataclasses
import re

import factories
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
from test_email_helpers import (
    UPDATE_SETTINGS,
    join_segment,
    make_contact,
    make_hub,
    make_segment,
    make_template,
    raw_headers,
    run_worker,
    tick_and_drain,
)

import app.core.links
from app.access.models import MemberSignInCode
from app.email.models import EmailSend
from app.email.service import send_test_email, send_transactional
from app.settings import get_settings
from app.teams.models import Team

pytest_plugins = ["test_email_helpers"]  # the smtp fixture

REQUEST_CODE = "mutation($i: RequestMemberSignInCodeInput!) { requestMemberSignInCode(input: $i) { sent } }"
CREATE_DRIP = """
mutation($input: CreateDripCampaignInput!) { createDripCampaign(input: $input) { dripCampaign { id } userErrors { code } } }"""
SIGN_IN_SUBJECT = "Your sign-in link for Yoga Academy"


def _local(url: str) -> str:
    return url.split("127.0.0.1:8000", 1)[1]


async def _member_hub(gql, team, smtp):
    hub_id = await make_hub(gql, team, smtp)
    contact = await factories.contact(team, "ava@example.com", firstName="Ava")
    await factories.hub_member(team, pk(hub_id), contact)
    return hub_id, contact


async def _request_code(gql, hub_id, smtp, email="ava@example.com"):
    before = len(smtp.raw_with(SIGN_IN_SUBJECT))
    data = await gql(REQUEST_CODE, {"i": {"hubId": hub_id, "email": email}})
    assert data["requestMemberSignInCode"]["sent"] is True
    await run_worker()
    raws = smtp.raw_with(SIGN_IN_SUBJECT)
    assert len(raws) == before + 1
    message = [m for m in smtp.messages if m["Subject"] == SIGN_IN_SUBJECT][-1]
    text = message.get_body(("plain",)).get_content()  # the body may be quoted-printable on the wire
    code = re.search(r"Or enter this code: (\d{8})", text).group(1)
    link = re.search(r"(http://127\.0\.0\.1:8000/hubs/[^\s]+)", text).group(1)
    return code, link


async def test_a_requested_sign_in_code_is_mailed_and_its_magic_link_signs_in(gql, http, team, smtp):
    hub_id, contact = await _member_hub(gql, team, smtp)
    code, link = await _request_code(gql, hub_id, smtp)
    assert "/hubs/yoga-academy/sign-in?" in link and f"code={code}" in link
    # the code is stored hashed in access, and encrypted then wiped in the outbox
    send_row = await EmailSend.get(team_id=team.id, kind="magic_link")
    assert send_row.state == "sent" and code not in str(send_row.context)

    page = await http.get(_local(link))  # what a mail scanner's prefetch does: nothing is spent
    assert page.status_code == 200 and "<form method='post'>" in page.text
    assert page.headers["cache-control"] == "no-store" and page.headers["referrer-policy"] == "no-referrer"
    assert await MemberSignInCode.filter(team_contact_id=contact.id, used_at__isnull=True).count() == 1

    form = dict(re.findall(r"name='(\w+)' value='([^']*)'", page.text))
    done = await http.post(_local(link).split("?")[0], data=form)
    assert done.status_code == 200 and "You are signed in" in done.text
    token = re.search(r"(mhm_[\w-]+)", done.text).group(1)
    me = await gql("{ myHub { name } }", token=token)
    assert me["myHub"]["name"] == "Yoga Academy"
    again = await http.post(_local(link).split("?")[0], data=form)  # single use
    assert again.status_code == 400


async def test_the_magic_link_answers_json_and_redirects_to_a_member_app(gql, http, team, smtp, monkeypatch):
    hub_id, _ = await _member_hub(gql, team, smtp)
    code, link = await _request_code(gql, hub_id, smtp)
    path = _local(link).split("?")[0]
    body = {"hub": hub_id, "email": "ava@example.com", "code": code}
    answer = await http.post(path, json=body, headers={"Accept": "application/json"})
    assert answer.status_code == 200 and answer.json()["token"].startswith("mhm_")
    assert answer.json()["hubId"] == hub_id

    code, link = await _request_code(gql, hub_id, smtp)
    settings = dataclasses.replace(get_settings(), member_app_url="https://app.example/{slug}/welcome")
    monkeypatch.setattr("app.access.web.get_settings", lambda: settings)
    redirect = await http.post(path, data={"hub": hub_id, "email": "ava@example.com", "code": code})
    assert redirect.status_code == 303
    assert redirect.headers["location"].startswith("https://app.example/yoga-academy/welcome#member_token=mhm_")


async def test_magic_links_that_do_not_match_are_refused_without_spending_anything(gql, http, team, other_team,
                                                                                   smtp):
    hub_id, _ = await _member_hub(gql, team, smtp)
    code, link = await _request_code(gql, hub_id, smtp)
    path = _local(link).split("?")[0]
    other_hub = await factories.hub(other_team, "Elsewhere", "elsewhere")
    assert (await http.get("/hubs/other-slug/sign-in?" + link.split("?")[1])).status_code == 400
    assert (await http.get(path)).status_code == 400  # no parameters
    for bad in ({"hub": hub_id, "email": "ava@example.com", "code": "00000000"},
                {"hub": "garbage", "email": "ava@example.com", "code": code},
                {"hub": str(pk(hub_id)), "email": "ava@example.com", "code": code}):
        assert (await http.post(path, data=bad)).status_code == 400
    wrong_hub = await http.post("/hubs/elsewhere/sign-in", json={"hub": gid("Hub", other_hub.id),
                                                                "email": "ava@example.com", "code": code})
    assert wrong_hub.status_code == 400 and wrong_hub.json() == {"error": "INVALID_CODE"}
    ok = await http.post(path, json={"hub": hub_id, "email": "ava@example.com", "code": code})
    assert ok.status_code == 200  # the wrong attempts above did not spend the code



async def _shop_with_mail(gql, team, smtp, **kwargs):
    shop = await make_shop(gql, team, **kwargs)
    result = await gql(UPDATE_SETTINGS, {"input": {
        "hubId": shop.hub_id, "smtpHost": smtp.host, "smtpPort": smtp.port, "tlsMode": "NONE", "username": None,
        "fromName": "Members", "fromAddress": "hello@members.example", "replyTo": None,
    }}, token=team.key)
    assert result["updateEmailSettings"]["userErrors"] == []
    return shop


async def test_a_paid_invoice_sends_one_receipt_however_often_it_is_delivered(gql, http, team, smtp, fake_stripe):
    shop = await _shop_with_mail(gql, team, smtp)
    fake_stripe.put(subscription_object(sub_id="sub_r", customer="cus_r", status="active", metadata=shop.metadata()))
    fake_stripe.put({"id": "cus_r", "object": "customer", "email": shop.email})
    invoice = invoice_object(invoice_id="in_r", customer="cus_r", subscription="sub_r", paid=True, amount=2000)
    payload = event_payload("invoice.paid", invoice, "evt_receipt")
    for _ in range(2):  # Stripe redelivers the same event
        assert (await post_event(http, team.id, payload)).status_code == 200
    assert (await post_event(http, team.id, event_payload("invoice.paid", invoice))).status_code == 200  # new id
    await run_worker()
    receipts = [m for m in smtp.messages if m["Subject"] == "Your receipt from Members"]
    assert len(receipts) == 1
    text = receipts[0].get_body(("plain",)).get_content()
    assert receipts[0]["To"] == "ava@example.com"
    assert "1 x Pro membership: 20.00 USD" in text
    assert "Order " in text and "20.00 USD" in text


async def test_a_paid_one_time_checkout_sends_a_receipt(gql, http, team, smtp, fake_stripe):
    shop = await _shop_with_mail(gql, team, smtp, recurring=False, amount=4500)
    fake_stripe.put({"id": "cus_one", "object": "customer", "email": shop.email})
    session = {"id": "cs_one", "object": "checkout.session", "status": "complete", "mode": "payment",
               "payment_status": "paid", "amount_total": 4500, "currency": "usd", "customer": "cus_one",
               "payment_intent": "pi_one", "customer_details": {"email": shop.email}, "metadata": shop.metadata(),
               "created": 1_700_000_000}
    await send(http, team.id, "checkout.session.completed", session)
    await send(http, team.id, "checkout.session.async_payment_succeeded", session)  # the same payment again
    await run_worker()
    [receipt] = [m for m in smtp.messages if m["Subject"] == "Your receipt from Members"]
    assert "1 x Pro membership: 45.00 USD" in receipt.get_body(("plain",)).get_content()


async def _drip_raw(gql, team, smtp):
    segment = await make_segment(team)
    hub_id = await make_hub(gql, team, smtp)
    template = await make_template(gql, team, hub_id, "news", "News")
    created = await gql(CREATE_DRIP, {"input": {"hubId": hub_id, "name": "News", "trigger": "SEGMENT_JOIN",
                                                "segmentId": gid("Segment", segment.id),
                                                "steps": [{"delayMinutes": 0, "templateId": template}]}},
                        token=team.key)
    assert created["createDripCampaign"]["userErrors"] == []
    contact = await make_contact(gql, team, "ava@example.com", "Ava")
    await join_segment(team, segment, contact)
    await tick_and_drain()
    return hub_id, contact



async def test_list_unsubscribe_goes_out_verbatim_never_encoded(gql, http, team, smtp):
    await _drip_raw(gql, team, smtp)
    [raw] = smtp.raw
    headers = raw_headers(raw)
    assert b"=?" not in raw.split(b"\r\n\r\n", 1)[0]  # no RFC 2047 anywhere in an ASCII header block
    assert re.fullmatch(rb"<http://127\.0\.0\.1:8000/email/unsubscribe/[\w.-]+>", headers["list-unsubscribe"])
    assert headers["list-unsubscribe-post"] == b"List-Unsubscribe=One-Click"
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))
    # and the link in the header does unsubscribe with the one-click POST
    url = headers["list-unsubscribe"].decode()[1:-1]
    assert (await http.post(_local(url), content="List-Unsubscribe=One-Click")).status_code == 200


async def test_outside_development_links_must_be_https(gql, team, smtp, monkeypatch):
    insecure = dataclasses.replace(get_settings(), environment="production", public_url="http://members.example")
    monkeypatch.setattr(app.core.links, "get_settings", lambda: insecure)
    await _drip_raw(gql, team, smtp)
    assert smtp.raw == []
    failed = await EmailSend.get(team_id=team.id, kind="drip")
    assert failed.state == "failed" and "must be an https URL" in failed.error

    secure = dataclasses.replace(insecure, public_url="https://members.example")
    monkeypatch.setattr(app.core.links, "get_settings", lambda: secure)
    segment = await make_segment(team, "Second")
    hub = await EmailSend.get(team_id=team.id, kind="drip").values_list("hub_id", flat=True)
    template = await make_template(gql, team, gid("Hub", hub), "second", "Second")
    await gql(CREATE_DRIP, {"input": {"hubId": gid("Hub", hub), "name": "Second", "trigger": "SEGMENT_JOIN",
                                      "segmentId": gid("Segment", segment.id),
                                      "steps": [{"delayMinutes": 0, "templateId": template}]}}, token=team.key)
    await join_segment(team, segment, failed.team_contact_id)
    await tick_and_drain()
    [raw] = smtp.raw
    assert re.fullmatch(rb"<https://members\.example/email/unsubscribe/[\w.-]+>",
                        raw_headers(raw)["list-unsubscribe"])



async def test_every_mail_path_sends_ascii_headers_as_written(gql, team, smtp):
    """Test sends, transactional mail and long ASCII words: nothing encoded, non-ASCII still is."""
    hub_id = await make_hub(gql, team, smtp)
    long_word = "x" * 120
    await make_template(gql, team, hub_id, "notice", f"Notice {long_word}")
    contact = await make_contact(gql, team, "ava@example.com")
    await send_transactional(team.id, pk(hub_id), contact, "notice")
    await send_transactional(team.id, pk(hub_id), contact, "welcome")
    await run_worker()
    await send_test_email(await Team.get(id=team.id), pk(hub_id), "bob@example.com")
    await make_template(gql, team, hub_id, "umlaut", "Grüße")
    await send_transactional(team.id, pk(hub_id), contact, "umlaut")
    await run_worker()
    assert len(smtp.raw) == 4
    [notice] = smtp.raw_with(f"Notice {long_word}")
    ascii_only = [notice, *smtp.raw_with("Welcome to Yoga Academy"), *smtp.raw_with("Test email from Yoga Academy")]
    assert len(ascii_only) == 3
    for raw in ascii_only:
        assert b"=?" not in raw.split(b"\r\n\r\n", 1)[0], raw[:400]
    assert raw_headers(notice)["subject"] == f"Notice {long_word}".encode()
    [umlaut] = smtp.raw_with("Grüße")
    assert raw_headers(umlaut)["subject"].startswith(b"=?utf-8?")  # RFC 2047 where it belongs

