"""Hub sending settings, test sends, templates and transactional mail, over a real SMTP server."""

from __future__ import annotations

from ids import pk
from test_email_helpers import (
    SAVE_TEMPLATE,
    UPDATE_SETTINGS,
    free_port,
    make_contact,
    make_hub,
    make_template,
    run_worker,
)

from app.email.models import EmailSend, EmailSettings, SendState
from app.email.service import send_magic_link, send_purchase_receipt, send_transactional, send_welcome_email

SEND_TEST = """
mutation($input: SendTestEmailInput!) { sendTestEmail(input: $input) { sent messageId userErrors { field message code } } }"""

pytest_plugins = ["test_email_helpers"]  # the smtp fixture


async def test_hub_settings_keep_password_encrypted_and_test_send_arrives(gql, team, other_team, smtp):
    hub_id = await make_hub(gql, team, smtp)
    saved = await gql(UPDATE_SETTINGS, {"input": {
        "hubId": hub_id, "smtpHost": smtp.host, "smtpPort": smtp.port, "tlsMode": "NONE", "username": None,
        "password": "s3cret-pass", "fromName": "Yoga Academy", "fromAddress": "hello@yoga.example",
        "replyTo": "support@yoga.example",
    }}, token=team.key)
    assert saved["updateEmailSettings"]["userErrors"] == []
    assert saved["updateEmailSettings"]["settings"]["hasPassword"] is True
    row = await EmailSettings.get(hub_id=pk(hub_id))
    assert row.password_encrypted and "s3cret-pass" not in row.password_encrypted
    # null password keeps the stored one
    await gql(UPDATE_SETTINGS, {"input": {"hubId": hub_id, "smtpHost": smtp.host, "smtpPort": smtp.port,
                                          "tlsMode": "NONE", "fromName": "Yoga", "fromAddress": "hello@yoga.example"}},
              token=team.key)
    assert (await EmailSettings.get(hub_id=pk(hub_id))).password_encrypted == row.password_encrypted
    await gql(UPDATE_SETTINGS, {"input": {"hubId": hub_id, "smtpHost": smtp.host, "smtpPort": smtp.port,
                                          "tlsMode": "NONE", "fromName": "Yoga Academy",
                                          "fromAddress": "hello@yoga.example", "replyTo": "support@yoga.example"}},
              token=team.key)

    sent = await gql(SEND_TEST, {"input": {"hubId": hub_id, "to": "owner@example.com"}}, token=team.key)
    assert sent["sendTestEmail"]["userErrors"] == [] and sent["sendTestEmail"]["sent"] is True
    [message] = smtp.messages
    assert message["To"] == "owner@example.com"
    assert message["From"] == "Yoga Academy <hello@yoga.example>"
    assert message["Reply-To"] == "support@yoga.example"
    assert message["Message-ID"] == sent["sendTestEmail"]["messageId"]
    assert "Yoga Academy" in message["Subject"]


async def test_bad_settings_and_unreachable_smtp_are_user_errors(gql, team, other_team, smtp):
    hub_id = await make_hub(gql, team, smtp)
    bad = await gql(UPDATE_SETTINGS, {"input": {"hubId": hub_id, "smtpHost": "", "smtpPort": 70000, "tlsMode": "TLS",
                                                "fromName": "", "fromAddress": "not-an-email", "replyTo": "x"}},
                    token=team.key)
    codes = {(e["field"], e["code"]) for e in bad["updateEmailSettings"]["userErrors"]}
    assert codes == {("smtpHost", "INVALID_HOST"), ("smtpPort", "INVALID_PORT"), ("fromAddress", "INVALID_EMAIL"),
                     ("replyTo", "INVALID_EMAIL"), ("fromName", "INVALID_FROM_NAME")}
    assert (await EmailSettings.get(hub_id=pk(hub_id))).smtp_port == smtp.port  # nothing written

    foreign = await gql(UPDATE_SETTINGS, {"input": {"hubId": hub_id, "smtpHost": "x", "smtpPort": 25,
                                                    "fromName": "X", "fromAddress": "a@b.example"}},
                        token=other_team.key)
    assert foreign["updateEmailSettings"]["userErrors"][0]["code"] == "NOT_FOUND"
    assert (await gql("query($h: ID!) { emailSettings(hubId: $h) { smtpHost } }", {"h": hub_id},
                      token=other_team.key))["emailSettings"] is None
    foreign_send = await gql(SEND_TEST, {"input": {"hubId": hub_id, "to": "a@b.example"}}, token=other_team.key)
    assert foreign_send["sendTestEmail"]["userErrors"][0]["code"] == "NOT_FOUND"

    await gql(UPDATE_SETTINGS, {"input": {"hubId": hub_id, "smtpHost": "127.0.0.1", "smtpPort": free_port(),
                                          "tlsMode": "NONE", "fromName": "Y", "fromAddress": "a@b.example"}},
              token=team.key)
    failed = await gql(SEND_TEST, {"input": {"hubId": hub_id, "to": "owner@example.com"}}, token=team.key)
    assert failed["sendTestEmail"]["sent"] is False
    assert failed["sendTestEmail"]["userErrors"][0]["code"] == "SMTP_ERROR"


async def test_bad_templates_are_rejected_on_save_with_the_error(gql, team, other_team, smtp):
    hub_id = await make_hub(gql, team, smtp)

    async def save(**fields):
        data = {"hubId": hub_id, "key": "welcome", "name": "Welcome", "subject": "Hi", "htmlBody": "<p>x</p>",
                "textBody": "x", **fields}
        return (await gql(SAVE_TEMPLATE, {"input": data}, token=team.key))["saveEmailTemplate"]

    syntax = await save(htmlBody="<p>\n{{ contact.first_name </p>")
    assert syntax["template"] is None
    [error] = syntax["userErrors"]
    assert error["field"] == "htmlBody" and error["code"] == "TEMPLATE_SYNTAX" and error["message"].startswith("line 2")
    unsafe = await save(textBody="{{ ''.__class__.__mro__[1].__subclasses__() }}")
    assert unsafe["userErrors"][0]["field"] == "textBody" and unsafe["userErrors"][0]["code"] == "TEMPLATE_ERROR"
    assert "unsafe" in unsafe["userErrors"][0]["message"]
    unknown_filter = await save(subject="{{ hub.name | shout }}")
    assert unknown_filter["userErrors"][0]["field"] == "subject"
    listing = await gql("query($h: ID!) { emailTemplates(hubId: $h) { totalCount } }", {"h": hub_id}, token=team.key)
    assert listing["emailTemplates"]["totalCount"] == 0

    ok = await save(subject="Welcome {{ contact.first_name }}")
    assert ok["userErrors"] == []
    duplicate = await save()
    assert duplicate["userErrors"][0]["code"] == "DUPLICATE_KEY"
    updated = await save(id=ok["template"]["id"], subject="Hello {{ contact.first_name }}")
    assert updated["userErrors"] == [] and updated["template"]["subject"] == "Hello {{ contact.first_name }}"
    foreign = (await gql(SAVE_TEMPLATE, {"input": {"hubId": hub_id, "key": "x", "name": "x", "subject": "s",
                                                   "htmlBody": "", "textBody": ""}}, token=other_team.key))
    assert foreign["saveEmailTemplate"]["userErrors"][0]["code"] == "NOT_FOUND"


async def test_transactional_mail_renders_contact_and_hub_and_sends_once(gql, team, smtp):
    hub_id = await make_hub(gql, team, smtp)
    await make_template(gql, team, hub_id, "welcome", "Welcome to {{ hub.name }}, {{ contact.first_name }}!",
                        html="<p>Hi {{ contact.first_name }} &lt;3</p>", text="Hi {{ contact.first_name }}")
    contact_id = await make_contact(gql, team, "ava@example.com", "Ava <b>")

    first = await send_welcome_email(team.id, pk(hub_id), contact_id)
    again = await send_welcome_email(team.id, pk(hub_id), contact_id)  # e.g. a retried webhook
    assert again.id == first.id
    await send_purchase_receipt(team.id, pk(hub_id), contact_id, {"id": "ord_42", "total": "49.00", "currency": "eur"})
    await send_magic_link(team.id, pk(hub_id), contact_id, "https://hub.example/login?t=abc")
    await run_worker()

    assert len(smtp.messages) == 3
    welcome = next(m for m in smtp.messages if m["Subject"].startswith("Welcome"))
    assert welcome["Subject"] == "Welcome to Yoga Academy, Ava <b>!"
    assert welcome["List-Unsubscribe"] is None  # transactional
    html = welcome.get_body(("html",)).get_content()
    assert "Hi Ava &lt;b&gt; &lt;3" in html  # contact data is escaped in HTML
    assert welcome.get_body(("plain",)).get_content().strip() == "Hi Ava <b>"
    receipt = next(m for m in smtp.messages if "receipt" in m["Subject"])
    assert "ord_42: 49.00 EUR" in receipt.get_body(("plain",)).get_content()
    magic = next(m for m in smtp.messages if "sign-in" in m["Subject"])
    assert "https://hub.example/login?t=abc" in magic.get_body(("plain",)).get_content()
    assert await EmailSend.filter(team_id=team.id, state=SendState.SENT).count() == 3

    await run_worker()  # nothing left: nothing more arrives
    assert len(smtp.messages) == 3


async def test_hard_bounce_is_sticky_across_resignup(gql, team, smtp):
    hub_id = await make_hub(gql, team, smtp)
    smtp.reject.add("gone@example.com")
    contact_id = await make_contact(gql, team, "gone@example.com")
    send = await send_transactional(team.id, pk(hub_id), contact_id, "magic_link", {"magic_link_url": "https://x"})
    await run_worker()
    assert (await EmailSend.get(id=send.id)).state == SendState.FAILED
    rows = await gql('{ suppressions { nodes { email scope reason } } }', token=team.key)
    assert rows["suppressions"]["nodes"] == [{"email": "gone@example.com", "scope": "ALL", "reason": "HARD_BOUNCE"}]

    smtp.reject.clear()
    again = await make_contact(gql, team, "Gone@Example.com")  # signs up again
    retry = await send_transactional(team.id, pk(hub_id), again, "magic_link", {"magic_link_url": "https://x"})
    await run_worker()
    assert (await EmailSend.get(id=retry.id)).state == SendState.SKIPPED
    assert smtp.messages == []
