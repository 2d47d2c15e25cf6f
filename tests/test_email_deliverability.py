"""Deliverability: suppressions by hand, bounce and complaint intake (Postmark webhook, RFC 3464
DSNs), and DKIM signatures verified with dkimpy on the bytes the SMTP server received."""

from __future__ import annotations

import dkim
import factories
from ids import gid
from test_email_campaigns import SCHEDULE, _contact, _create, _setup
from test_email_helpers import make_hub, make_segment, run_worker

from app.core.crypto import decrypt_secret
from app.email.models import EmailSettings, Suppression

pytest_plugins = ["test_email_helpers"]  # the smtp fixture

ADD = """mutation($input: AddSuppressionInput!) { addSuppression(input: $input) {
  suppression { id email scope scopeId reason contactId } userErrors { field code } } }"""
REMOVE = """mutation($input: RemoveSuppressionInput!) { removeSuppression(input: $input) {
  removedId userErrors { field code } } }"""
LIST = "query { suppressions(first: 50) { nodes { id email scope reason } } }"
ROTATE = """mutation($input: EmailHubInput!) { rotateBounceWebhookSecret(input: $input) {
  secret settings { hasBounceWebhookSecret bounceWebhookPaths } userErrors { field code } } }"""
DKIM_KEY = """mutation($input: GenerateDkimKeyInput!) { generateDkimKey(input: $input) {
  settings { dkimDomain dkimSelector dkimDnsRecord } userErrors { field code } } }"""
RECIPIENTS = "query($id: ID!) { campaignRecipients(campaignId: $id, first: 10) { nodes { toAddress state status } } }"


async def _suppressions(gql, team):
    return {(n["email"], n["scope"], n["reason"]) for n in (await gql(LIST, token=team.key))["suppressions"]["nodes"]}


async def test_staff_add_list_and_remove_suppressions(gql, team, other_team, smtp):
    hub_id = await make_hub(gql, team, smtp)
    ava = await factories.contact(team, "ava@example.com")
    added = (await gql(ADD, {"input": {"email": " Ava@Example.com ", "scope": "HUB", "hubId": hub_id}},
                       token=team.key))["addSuppression"]
    assert added["userErrors"] == []
    assert added["suppression"] | {"id": None} == {"id": None, "email": "ava@example.com", "scope": "HUB",
                                                   "scopeId": hub_id, "reason": "MANUAL",
                                                   "contactId": gid("Contact", ava.id)}
    again = (await gql(ADD, {"input": {"email": "ava@example.com", "scope": "HUB", "hubId": hub_id}},
                       token=team.key))["addSuppression"]
    assert again["suppression"]["id"] == added["suppression"]["id"]  # adding twice changes nothing
    assert await _suppressions(gql, team) == {("ava@example.com", "HUB", "MANUAL")}

    # the other team sees none of it, and its id of this suppression is unknown
    assert await _suppressions(gql, other_team) == set()
    foreign = (await gql(REMOVE, {"input": {"id": added["suppression"]["id"]}}, token=other_team.key))
    assert foreign["removeSuppression"] == {"removedId": None, "userErrors": [{"field": "id", "code": "NOT_FOUND"}]}

    removed = (await gql(REMOVE, {"input": {"id": added["suppression"]["id"]}}, token=team.key))["removeSuppression"]
    assert removed == {"removedId": added["suppression"]["id"], "userErrors": []}
    assert await _suppressions(gql, team) == set()


async def test_bad_suppression_input_is_a_user_error_and_writes_nothing(gql, team, other_team, smtp):
    hub_id = await make_hub(gql, team, smtp)
    other_hub = await make_hub(gql, other_team, smtp)
    cases = [
        ({"email": "not an address", "scope": "ALL"}, [("email", "INVALID_EMAIL")]),
        ({"email": "a@example.com", "scope": "HUB"}, [("hubId", "REQUIRED")]),
        ({"email": "a@example.com", "scope": "HUB", "hubId": other_hub}, [("hubId", "NOT_FOUND")]),
        ({"email": "a@example.com", "scope": "DRIP"}, [("dripId", "REQUIRED")]),
        ({"email": "a@example.com", "scope": "ALL", "hubId": hub_id}, [("hubId", "NOT_APPLICABLE")]),
        ({"email": "a@example.com", "scope": "HUB", "hubId": "nonsense"}, [("hubId", "INVALID_ID")]),
    ]
    for data, errors in cases:
        result = (await gql(ADD, {"input": data}, token=team.key))["addSuppression"]
        assert result["suppression"] is None
        assert [(e["field"], e["code"]) for e in result["userErrors"]] == errors, data
    bad_id = (await gql(REMOVE, {"input": {"id": "nonsense"}}, token=team.key))["removeSuppression"]
    assert bad_id["userErrors"] == [{"field": "id", "code": "INVALID_ID"}]
    assert await Suppression.filter(team_id=team.id).count() == 0


async def _bounce_secret(gql, team, hub_id):
    rotated = (await gql(ROTATE, {"input": {"hubId": hub_id}}, token=team.key))["rotateBounceWebhookSecret"]
    assert rotated["userErrors"] == [] and rotated["settings"]["hasBounceWebhookSecret"]
    postmark, dsn = rotated["settings"]["bounceWebhookPaths"]
    return rotated["secret"], postmark, dsn


async def test_postmark_hard_bounces_and_complaints_suppress_soft_ones_do_not(gql, http, team, other_team, smtp):
    hub_id = await make_hub(gql, team, smtp)
    secret, postmark, _ = await _bounce_secret(gql, team, hub_id)
    other_hub = await make_hub(gql, other_team, smtp)
    other_secret, other_postmark, _ = await _bounce_secret(gql, other_team, other_hub)
    auth = ("postmark", secret)
    hard = {"RecordType": "Bounce", "Type": "HardBounce", "TypeCode": 1, "Email": "Gone@Example.com",
            "BouncedAt": "2026-12-02T10:00:00Z", "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483"}

    # wrong secret, no credentials, this team's secret on the other team's hub, an unknown hub: 401
    for path, credentials in ((postmark, ("postmark", "wrong")), (postmark, None), (other_postmark, auth),
                              ("/email/bounces/SHViOjk5OTk5/postmark", auth)):
        response = await http.post(path, json=hard, auth=credentials)
        assert response.status_code == 401 and response.headers["www-authenticate"].startswith("Basic")
    assert await Suppression.all().count() == 0

    for body, status in ((b"{not json", 400), (b'["a list"]', 400), (b'{"Type": "HardBounce", "Email": 7}', 400),
                         (b'{"Type": "HardBounce", "Email": "not an address"}', 400)):
        assert (await http.post(postmark, content=body, auth=auth)).status_code == status
    assert await Suppression.all().count() == 0

    assert (await http.post(postmark, json=hard, auth=auth)).json() == {"received": True, "outcome": "suppressed"}
    soft = {**hard, "Type": "SoftBounce", "TypeCode": 4096, "Email": "full@example.com"}
    assert (await http.post(postmark, json=soft, auth=auth)).json()["outcome"] == "ignored"
    complaint = {"RecordType": "SpamComplaint", "Type": "SpamComplaint", "TypeCode": 100001,
                 "Email": "angry@example.com"}
    assert (await http.post(postmark, json=complaint, auth=auth)).json()["outcome"] == "suppressed"
    assert (await http.post(other_postmark, json=complaint, auth=("x", other_secret))).status_code == 200

    assert await _suppressions(gql, team) == {("gone@example.com", "ALL", "HARD_BOUNCE"),
                                              ("angry@example.com", "ALL", "COMPLAINT")}
    assert await _suppressions(gql, other_team) == {("angry@example.com", "ALL", "COMPLAINT")}

    # a rotated secret replaces the old one
    new_secret, _, _ = await _bounce_secret(gql, team, hub_id)
    assert (await http.post(postmark, json=hard, auth=auth)).status_code == 401
    assert (await http.post(postmark, json=hard, auth=("p", new_secret))).status_code == 200


def _dsn(action: str, status: str, recipient: str, message_id: str) -> bytes:
    """A delivery status notification as RFC 3464 lays it out (multipart/report, delivery-status)."""
    return (
        "From: MAILER-DAEMON@mx.example\r\nTo: hello@yoga.example\r\nSubject: Undelivered Mail Returned to Sender\r\n"
        'MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="dsn"\r\n\r\n'
        "--dsn\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n\r\n"
        "--dsn\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example\r\n\r\n"
        f"Final-Recipient: rfc822; {recipient}\r\nAction: {action}\r\nStatus: {status}\r\n"
        f"Diagnostic-Code: smtp; {status.replace('.', '')[:3]} mailbox problem\r\n\r\n"
        f"--dsn\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: {message_id}\r\nTo: {recipient}\r\n\r\n"
        "--dsn--\r\n"
    ).encode()


async def test_a_dsn_for_a_campaign_mail_suppresses_the_address_and_marks_the_recipient_bounced(gql, http, team, smtp):
    hub_id, template_id = await _setup(gql, team, smtp)
    members = await make_segment(team, "Members")
    await _contact(team, members, "ava@example.com", "Ava")
    await _contact(team, members, "bob@example.com", "Bob")
    campaign = await _create(gql, team, hub_id, template_id, [members])
    await gql(SCHEDULE, {"input": {"id": campaign["id"]}}, token=team.key)
    await run_worker()
    sent = {m["To"]: m["Message-ID"] for m in smtp.messages if m["Subject"].startswith("News")}
    assert set(sent) == {"ava@example.com", "bob@example.com"}
    secret, _, dsn = await _bounce_secret(gql, team, hub_id)

    delayed = await http.post(dsn, content=_dsn("delayed", "4.4.1", "bob@example.com", sent["bob@example.com"]),
                              auth=("mta", secret), headers={"Content-Type": "message/rfc822"})
    assert delayed.json() == {"received": True, "suppressed": []}  # a temporary failure changes nothing
    failed = await http.post(dsn, content=_dsn("failed", "5.1.1", "Ava@Example.com", sent["ava@example.com"]),
                             auth=("mta", secret), headers={"Content-Type": "message/rfc822"})
    assert failed.json() == {"received": True, "suppressed": ["ava@example.com"]}
    assert (await http.post(dsn, content=b"", auth=("mta", secret))).status_code == 400
    # bytes no bounce parser can read (no From header: flufl.bounce's detectors raise) are refused, not a 500
    for garbage in (b"\xff\xfe\x00garbage", b"Subject: hello\r\n\r\nno sender here\r\n"):
        unreadable = await http.post(dsn, content=garbage, auth=("mta", secret))
        assert unreadable.status_code == 400
        assert unreadable.json()["error"].startswith("not a bounce message that can be read")
    assert (await http.post(dsn, content=_dsn("failed", "5.1.1", "x@example.com", "<a@b>"),
                            auth=("mta", "wrong"))).status_code == 401

    assert await _suppressions(gql, team) == {("ava@example.com", "ALL", "HARD_BOUNCE")}
    nodes = (await gql(RECIPIENTS, {"id": campaign["id"]}, token=team.key))["campaignRecipients"]["nodes"]
    assert {n["toAddress"]: n["state"] for n in nodes} == {"ava@example.com": "BOUNCED", "bob@example.com": "SENT"}


async def test_dkim_signs_test_sends_and_campaign_mail_verifiably(gql, team, other_team, smtp):
    hub_id, template_id = await _setup(gql, team, smtp)
    bad = [({"domain": "other.example", "selector": "mh1"}, [("domain", "DOMAIN_MISMATCH")]),
           ({"domain": "not a domain", "selector": "mh1"}, [("domain", "INVALID_DOMAIN")]),
           ({"domain": "yoga.example", "selector": "bad_selector!"}, [("selector", "INVALID_SELECTOR")])]
    for data, errors in bad:
        result = (await gql(DKIM_KEY, {"input": {"hubId": hub_id, **data}}, token=team.key))["generateDkimKey"]
        assert [(e["field"], e["code"]) for e in result["userErrors"]] == errors
    foreign = (await gql(DKIM_KEY, {"input": {"hubId": hub_id, "domain": "yoga.example", "selector": "mh1"}},
                         token=other_team.key))["generateDkimKey"]
    assert foreign["userErrors"] == [{"field": "hubId", "code": "NOT_FOUND"}]

    made = (await gql(DKIM_KEY, {"input": {"hubId": hub_id, "domain": "Yoga.Example", "selector": "mh1"}},
                      token=team.key))["generateDkimKey"]
    assert made["userErrors"] == [] and made["settings"]["dkimDomain"] == "yoga.example"
    record = made["settings"]["dkimDnsRecord"].encode()
    assert record.startswith(b"v=DKIM1; k=rsa; p=")
    [stored] = await EmailSettings.filter(team_id=team.id)  # the private key is encrypted at rest
    assert stored.dkim_private_key_encrypted and "PRIVATE KEY" not in stored.dkim_private_key_encrypted
    assert "PRIVATE KEY" in decrypt_secret(stored.dkim_private_key_encrypted)
    published = {b"mh1._domainkey.yoga.example.": record}

    def dns(name: bytes, timeout: int = 5) -> bytes | None:
        return published.get(name)

    sent = await gql('mutation($h: ID!) { sendTestEmail(input: {hubId: $h, to: "ops@example.com"}) { sent } }',
                     {"h": hub_id}, token=team.key)
    assert sent["sendTestEmail"]["sent"] is True
    members = await make_segment(team, "Members")
    await _contact(team, members, "ava@example.com", "Ava")
    campaign = await _create(gql, team, hub_id, template_id, [members])
    await gql(SCHEDULE, {"input": {"id": campaign["id"]}}, token=team.key)
    await run_worker()

    assert len(smtp.raw) >= 2
    for raw in smtp.raw:  # the bytes as the server received them
        assert raw.startswith(b"DKIM-Signature: ")
        assert b" d=yoga.example;" in raw.split(b"\r\n\r\n", 1)[0] and b" s=mh1;" in raw.split(b"\r\n\r\n", 1)[0]
        assert dkim.verify(raw, dnsfunc=dns)
        tampered = raw.replace(b"Subject: ", b"Subject: Re: ", 1)
        assert not dkim.verify(tampered, dnsfunc=dns)


RAW_MESSAGES = [
    b"From: Yoga <hello@yoga.example>\r\nTo: ava@example.com\r\nSubject: Hi\r\nMessage-ID: <mh-1@yoga.example>"
    b"\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n" + b"Hello  there \r\n" * 50,
    # folded and tabbed header values, List-Unsubscribe, a body of blank lines only
    b"From: hello@yoga.example\r\nTo: ava@example.com\r\nSubject: a long\r\n folded   subject\r\n\there\r\n"
    b"List-Unsubscribe: <https://yoga.example/u/abc>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
    b"\r\n\r\n\r\n",
    b"From: hello@yoga.example\r\nSubject: empty\r\n\r\n",
]


def test_our_dkim_signatures_are_dkimpys_own_byte_for_byte(monkeypatch):
    """The parsed-once signer (OpenSSL for RSA) writes exactly what dkim.sign writes, and it verifies."""
    from app.core.crypto import encrypt_secret
    from app.email import dkim_keys
    from app.email.models import EmailSettings

    pem = dkim_keys.generate_private_key()
    config = EmailSettings(dkim_domain="yoga.example", dkim_selector="mh1",
                           dkim_private_key_encrypted=encrypt_secret(pem.decode()))
    record = dkim_keys.stored_dns_record(config).encode()  # type: ignore[union-attr]
    monkeypatch.setattr(dkim.time, "time", lambda: 1796243420.0)  # the same t= for both
    for raw in RAW_MESSAGES:
        present = {line.split(b":", 1)[0].lower() for line in raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
                   if line[:1] not in (b" ", b"\t")}
        theirs = dkim.sign(raw, b"mh1", b"yoga.example", pem, canonicalize=(b"relaxed", b"relaxed"),
                           include_headers=[h for h in dkim_keys.SIGNED_HEADERS if h in present]) + raw
        ours = dkim_keys.sign(config, raw)
        assert ours == theirs and ours.startswith(b"DKIM-Signature: ")
        assert dkim.verify(ours, dnsfunc=lambda name, timeout=5: record)
        assert not dkim.verify(ours.replace(b"yoga.example>", b"yoga.example >", 1) + b"x",
                               dnsfunc=lambda name, timeout=5: record)


async def test_a_signed_campaign_batch_is_signed_in_the_signing_process_verifiably():
    """sign_many (the campaign path) gives the same verifiable bytes from its process as in this one."""
    from app.core.crypto import encrypt_secret
    from app.email import dkim_keys
    from app.email.models import EmailSettings

    pem = dkim_keys.generate_private_key()
    config = EmailSettings(dkim_domain="yoga.example", dkim_selector="mh1",
                           dkim_private_key_encrypted=encrypt_secret(pem.decode()))
    record = dkim_keys.stored_dns_record(config).encode()  # type: ignore[union-attr]
    signed = await dkim_keys.sign_many(config, RAW_MESSAGES)
    assert dkim_keys._pool is not None  # it went through the signing process
    assert all(s.startswith(b"DKIM-Signature: ") and s.endswith(raw) for s, raw in zip(signed, RAW_MESSAGES,
                                                                                       strict=True))
    assert all(dkim.verify(s, dnsfunc=lambda name, timeout=5: record) for s in signed)
    assert await dkim_keys.sign_many(EmailSettings(), RAW_MESSAGES) == RAW_MESSAGES  # no key: unchanged


def _arf(feedback_type: str, message_id: str, *, rcpt_to: str | None = None, to: str = "ava@example.com",
         headers_only: bool = False) -> bytes:
    """A feedback report as RFC 5965 lays it out (its appendix B example's shape): a human part, the
    machine-readable message/feedback-report, and the original message (or only its headers)."""
    original = (f"From: Yoga Academy <hello@yoga.example>\r\nTo: {to}\r\nSubject: News for you\r\n"
                f"Message-ID: {message_id}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n")
    third = (f"Content-Type: text/rfc822-headers\r\n\r\n{original}" if headers_only
             else f"Content-Type: message/rfc822\r\nContent-Disposition: inline\r\n\r\n{original}Hi there\r\n")
    return (
        "From: <staff@hotmail.example>\r\nDate: Thu, 03 Dec 2026 10:00:00 +0000\r\nSubject: complaint about message\r\n"
        "To: <abuse@yoga.example>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=feedback-report;\r\n boundary="part1_13d.2e68ed54_boundary"\r\n\r\n'
        "--part1_13d.2e68ed54_boundary\r\nContent-Type: text/plain; charset=\"US-ASCII\"\r\n"
        "Content-Transfer-Encoding: 7bit\r\n\r\nThis is an email abuse report for an email message received from "
        "IP 192.0.2.1 on Thu, 03 Dec 2026 09:00:00 +0000.\r\nFor more information about this format please see "
        "http://www.mipassoc.org/arf/.\r\n\r\n"
        "--part1_13d.2e68ed54_boundary\r\nContent-Type: message/feedback-report\r\n\r\n"
        f"Feedback-Type: {feedback_type}\r\nUser-Agent: SomeGenerator/1.0\r\nVersion: 1\r\n"
        "Original-Mail-From: <hello@yoga.example>\r\n"
        + (f"Original-Rcpt-To: <{rcpt_to}>\r\n" if rcpt_to else "")
        + "Arrival-Date: Thu, 03 Dec 2026 09:00:00 +0000\r\nReporting-MTA: dns; mail.hotmail.example\r\n"
        "Source-IP: 192.0.2.1\r\n\r\n"
        f"--part1_13d.2e68ed54_boundary\r\n{third}\r\n--part1_13d.2e68ed54_boundary--\r\n"
    ).encode()


COMPLAINTS = """query($id: ID!) { node(id: $id) { ... on Campaign { totals { sent complained } } }
  campaignRecipients(campaignId: $id, first: 10) { nodes { toAddress state status complainedAt } } }"""


async def test_feedback_reports_turn_complaints_into_suppressions_and_mark_the_recipient(gql, http, team, other_team,
                                                                                        smtp):
    hub_id, template_id = await _setup(gql, team, smtp)
    members = await make_segment(team, "Members")
    for email, name in (("ava@example.com", "Ava"), ("bob@example.com", "Bob"), ("cat@example.com", "Cat")):
        await _contact(team, members, email, name)
    campaign = await _create(gql, team, hub_id, template_id, [members])
    await gql(SCHEDULE, {"input": {"id": campaign["id"]}}, token=team.key)
    await run_worker()
    sent = {m["To"]: m["Message-ID"] for m in smtp.messages if m["Subject"].startswith("News")}
    assert set(sent) == {"ava@example.com", "bob@example.com", "cat@example.com"}
    secret, _, dsn = await _bounce_secret(gql, team, hub_id)
    other_hub = await make_hub(gql, other_team, smtp)
    other_secret, _, other_dsn = await _bounce_secret(gql, other_team, other_hub)

    async def report(body: bytes, path: str = dsn, password: str = secret):
        return await http.post(path, content=body, auth=("mta", password), headers={"Content-Type": "message/rfc822"})

    # wrong credentials: 401, nothing written
    assert (await report(_arf("abuse", sent["ava@example.com"]), password="wrong")).status_code == 401
    assert await Suppression.filter(team_id=team.id).count() == 0
    # not-spam (and other types) are acknowledged and change nothing
    ignored = await report(_arf("not-spam", sent["cat@example.com"], rcpt_to="cat@example.com"))
    assert ignored.json() == {"received": True, "feedbackType": "not-spam", "suppressed": []}
    assert await Suppression.filter(team_id=team.id).count() == 0

    # abuse, with the recipient named and the whole original returned
    ava = await report(_arf("abuse", sent["ava@example.com"], rcpt_to="Ava@Example.com"))
    assert ava.json() == {"received": True, "feedbackType": "abuse", "suppressed": ["ava@example.com"]}
    # a redacted report (no Original-Rcpt-To, the To rewritten, headers only): our Message-ID says who it was
    bob = await report(_arf("abuse", sent["bob@example.com"], to="redacted@hotmail.example", headers_only=True))
    assert bob.json() == {"received": True, "feedbackType": "abuse", "suppressed": ["bob@example.com"]}
    # a complaint about a mail that is not ours suppresses the address the report names
    foreign = await report(_arf("fraud", "<1234@elsewhere.example>", rcpt_to="dan@example.com"))
    assert foreign.json()["suppressed"] == ["dan@example.com"]
    # another team's secret on its own hub cannot touch this team's recipients or suppressions
    theirs = await report(_arf("abuse", sent["cat@example.com"]), path=other_dsn, password=other_secret)
    assert theirs.json()["suppressed"] == ["ava@example.com"]  # the To of the returned mail, in its own team
    assert await _suppressions(gql, other_team) == {("ava@example.com", "ALL", "COMPLAINT")}

    assert await _suppressions(gql, team) == {("ava@example.com", "ALL", "COMPLAINT"),
                                              ("bob@example.com", "ALL", "COMPLAINT"),
                                              ("dan@example.com", "ALL", "COMPLAINT")}
    data = await gql(COMPLAINTS, {"id": campaign["id"]}, token=team.key)
    assert data["node"]["totals"] == {"sent": 3, "complained": 2}
    statuses = {n["toAddress"]: (n["state"], n["status"], n["complainedAt"] is not None)
                for n in data["campaignRecipients"]["nodes"]}
    assert statuses == {"ava@example.com": ("SENT", "COMPLAINED", True), "bob@example.com": ("SENT", "COMPLAINED", True),
                        "cat@example.com": ("SENT", "SENT", False)}

    # the next campaign skips who complained, with the reason
    again = await _create(gql, team, hub_id, template_id, [members], name="Again")
    await gql(SCHEDULE, {"input": {"id": again["id"]}}, token=team.key)
    await run_worker()
    nodes = (await gql(RECIPIENTS, {"id": again["id"]}, token=team.key))["campaignRecipients"]["nodes"]
    assert sorted(n["state"] for n in nodes) == ["SENT", "SKIPPED", "SKIPPED"]
    assert [m["To"] for m in smtp.messages if m["Subject"].startswith("News")][-1:] == ["cat@example.com"]


def test_relaxed_header_canonicalisation_is_dkimpys_on_random_input():
    import random

    from dkim.canonicalization import Relaxed

    from app.email.dkim_keys import relaxed_header

    rng = random.Random(17)
    alphabet = [b"a", b"B", b" ", b"\t", b"\r", b"\n", b"\r\n", b"\x0b", b"\x0c", b":", b";", b"="]
    for _ in range(20_000):
        name = b"".join(rng.choice([b"X", b"-", b"y", b" ", b"\t"]) for _ in range(rng.randint(1, 6)))
        value = b"".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert [relaxed_header(name, value)] == Relaxed.canonicalize_headers([(name, value)]), (name, value)
