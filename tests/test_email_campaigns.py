"""Campaigns end to end: a segment minus an exclusion, the send-time gauntlet with reasons, the hold
while segments catch up, the team's time zone, the rate, tracking, test sends and previews."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import factories
from ids import gid, pk
from test_email_helpers import (
    join_segment,
    leave_segment,
    make_hub,
    make_segment,
    make_template,
    raw_headers,
    run_worker,
    tick_and_drain,
)

from app.email.campaign_send import run_campaign
from app.email.campaigns import campaign_tick
from app.email.models import Campaign, CampaignRecipient, SuppressionReason, SuppressionScope
from app.email.service import suppress
from app.segments.pipeline.models import EvaluationBackfill
from app.teams.models import Team
from app.teams.service import create_api_key

pytest_plugins = ["test_email_helpers"]  # the smtp fixture

CREATE = """
mutation($input: CreateCampaignInput!) {
  createCampaign(input: $input) { campaign { id status sendAt segmentIds excludeSegmentIds } userErrors { field code } }
}"""
SCHEDULE = """
mutation($input: ScheduleCampaignInput!) {
  scheduleCampaign(input: $input) { campaign { id status holdReason } userErrors { field code } }
}"""
CAMPAIGN = """
query($id: ID!) { node(id: $id) { ... on Campaign {
  status holdReason audienceCount
  totals { total queued sent skipped failed uncertain opened clicked unsubscribed }
  segmentTotals { segmentId totals { total sent skipped } }
  skipReasons { reason count }
} }
  campaignRecipients(campaignId: $id, first: 50) { nodes { contactId state status skipReason toAddress } }
}"""


async def _campaign(gql, variables, team):
    answer = await gql(CAMPAIGN, variables, token=team.key)
    return answer["node"], answer["campaignRecipients"]


async def _setup(gql, team, smtp, **template):
    hub_id = await make_hub(gql, team, smtp)
    template_id = await make_template(gql, team, hub_id, "news", template.get("subject", "News for {{ contact.first_name }}"),
                                      html=template.get("html", "<p>Hi {{ contact.first_name }}</p>"),
                                      text=template.get("text", "Hi {{ contact.first_name }}"))
    return hub_id, template_id


async def _contact(team, segment, email, name, **custom):
    contact = await factories.contact(team, email, firstName=name, customProperties=custom or None)
    await join_segment(team, segment, contact.id)
    return contact


async def _create(gql, team, hub_id, template_id, segments, exclude=(), **extra):
    result = await gql(CREATE, {"input": {
        "hubId": hub_id, "name": extra.pop("name", "Spring news"), "templateId": template_id,
        "segmentIds": [gid("Segment", s.id) for s in segments],
        "excludeSegmentIds": [gid("Segment", s.id) for s in exclude], **extra,
    }}, token=team.key)
    assert result["createCampaign"]["userErrors"] == [], result
    return result["createCampaign"]["campaign"]


async def test_a_campaign_reaches_the_segment_minus_the_exclusion_once_and_skips_with_reasons(gql, http, team, smtp):
    hub_id, template_id = await _setup(gql, team, smtp)
    members, vip = await make_segment(team, "Members"), await make_segment(team, "VIP")
    ava = await _contact(team, members, "ava@example.com", "Ava")
    bob = await _contact(team, members, "bob@example.com", "Bob")
    await join_segment(team, vip, bob.id)  # excluded
    cat = await _contact(team, members, "cat@example.com", "Cat")
    await suppress(team.id, "cat@example.com", SuppressionScope.ALL, SuppressionReason.HARD_BOUNCE)
    dan = await _contact(team, members, "dan@example.com", "Dan")
    await factories.hub_member(team, pk(hub_id), dan, banned=True)
    await factories.custom_property(team, "marketing_consent", "boolean")
    eve = await _contact(team, members, "eve@example.com", "Eve", marketing_consent=False)
    fay = await _contact(team, members, "fay@example.com", "Fay")
    campaign = await _create(gql, team, hub_id, template_id, [members], [vip])
    assert campaign["status"] == "DRAFT" and campaign["excludeSegmentIds"] == [gid("Segment", vip.id)]

    scheduled = await gql(SCHEDULE, {"input": {"id": campaign["id"]}}, token=team.key)
    assert scheduled["scheduleCampaign"]["campaign"]["status"] == "SENDING"
    await leave_segment(team, members, fay.id)  # after the audience was taken, before the send
    await run_worker()
    await run_worker()  # a rerun sends nothing more
    await tick_and_drain()

    news = [m for m in smtp.messages if m["Subject"].startswith("News")]  # not the welcome mail of dan's join
    assert [m["To"] for m in news] == ["ava@example.com"] and news[0]["Subject"] == "News for Ava"
    data, recipients = await _campaign(gql, {"id": campaign["id"]}, team)
    assert data["status"] == "SENT" and data["audienceCount"] == 5  # bob was never in it
    assert data["totals"] == {"total": 5, "queued": 0, "sent": 1, "skipped": 4, "failed": 0, "uncertain": 0,
                              "opened": 0, "clicked": 0, "unsubscribed": 0}
    assert {r["reason"]: r["count"] for r in data["skipReasons"]} == {
        "suppressed": 1, "banned": 1, "no_consent": 1, "left_audience": 1}
    reasons = {r["contactId"]: r["skipReason"] for r in recipients["nodes"]}
    assert reasons == {gid("Contact", ava.id): None, gid("Contact", cat.id): "suppressed",
                       gid("Contact", dan.id): "banned", gid("Contact", eve.id): "no_consent",
                       gid("Contact", fay.id): "left_audience"}
    assert data["segmentTotals"] == [{"segmentId": gid("Segment", members.id),
                                      "totals": {"total": 5, "sent": 1, "skipped": 4}}]

    # one-click unsubscribe on the wire, verbatim; the recipient then shows as unsubscribed
    link = raw_headers(smtp.raw_with("News for Ava")[0])["list-unsubscribe"].decode()
    assert re.fullmatch(r"<http://127\.0\.0\.1:8000/email/unsubscribe/[\w.-]+>", link)
    path = link[1:-1].split("127.0.0.1:8000", 1)[1]
    assert (await http.post(path, content="List-Unsubscribe=One-Click")).status_code == 200
    data, recipients = await _campaign(gql, {"id": campaign["id"]}, team)
    assert data["totals"]["unsubscribed"] == 1
    assert [r["status"] for r in recipients["nodes"] if r["contactId"] == gid("Contact", ava.id)] == [
        "UNSUBSCRIBED"]


async def test_a_campaign_waits_while_its_segments_catch_up_and_starts_after(gql, team, smtp):
    hub_id, template_id = await _setup(gql, team, smtp)
    members = await make_segment(team, "Members")
    await _contact(team, members, "ava@example.com", "Ava")
    backfill = await EvaluationBackfill.create(team_id=team.id, source="import", total=1000)
    campaign = await _create(gql, team, hub_id, template_id, [members])
    held = (await gql(SCHEDULE, {"input": {"id": campaign["id"]}}, token=team.key))["scheduleCampaign"]["campaign"]
    assert held["status"] == "HELD" and "catching up" in held["holdReason"] and "import" in held["holdReason"]
    await tick_and_drain()
    assert smtp.messages == [] and (await Campaign.get(id=pk(campaign["id"]))).status == "held"
    assert await CampaignRecipient.filter(team_id=team.id).count() == 0  # the audience is not taken while held

    # bob joins while it is held: the audience is taken when sending starts, so he is in it
    # (drips and audience syncs wait on the same hold: tests/test_email_drips.py, test_audiences_sync.py)
    await _contact(team, members, "bob@example.com", "Bob")
    backfill.finished_at = datetime.now(UTC)
    await backfill.save()
    await tick_and_drain()
    data, _recipients = await _campaign(gql, {"id": campaign["id"]}, team)
    assert data["status"] == "SENT" and data["holdReason"] is None
    assert sorted(m["To"] for m in smtp.messages) == ["ava@example.com", "bob@example.com"]


async def test_send_at_is_the_teams_wall_clock_and_waits_until_then(gql, make_team, smtp):
    team = await make_team("Paris Studio", time_zone="Europe/Paris")
    hub_id, template_id = await _setup(gql, team, smtp)
    members = await make_segment(team, "Members")
    await _contact(team, members, "ava@example.com", "Ava")
    campaign = await _create(gql, team, hub_id, template_id, [members], sendAt="2027-01-15T09:00:00")
    assert campaign["sendAt"] == "2027-01-15T08:00:00+00:00"  # 09:00 in Paris (CET, UTC+1)
    explicit = await _create(gql, team, hub_id, template_id, [members], name="Explicit",
                             sendAt="2027-07-15T09:00:00+00:00")
    assert explicit["sendAt"] == "2027-07-15T09:00:00+00:00"
    scheduled = (await gql(SCHEDULE, {"input": {"id": campaign["id"]}}, token=team.key))["scheduleCampaign"]
    assert scheduled["campaign"]["status"] == "SCHEDULED"
    await tick_and_drain()
    assert smtp.messages == []
    await campaign_tick(datetime(2027, 1, 15, 8, 0, 1, tzinfo=UTC))  # the tick at that time starts it
    await run_worker()
    assert [m["To"] for m in smtp.messages] == ["ava@example.com"]


async def test_the_rate_per_minute_spreads_batches(gql, team, smtp):
    hub_id, template_id = await _setup(gql, team, smtp)
    members = await make_segment(team, "Members")
    for i in range(5):
        await _contact(team, members, f"c{i}@example.com", f"C{i}")
    campaign = await _create(gql, team, hub_id, template_id, [members], ratePerMinute=2)
    await gql(SCHEDULE, {"input": {"id": campaign["id"]}}, token=team.key)
    result = await run_campaign(pk(campaign["id"]))
    assert result["status"] == "waiting" and result["sent"] == 2 and len(smtp.messages) == 2
    row = await Campaign.get(id=pk(campaign["id"]))
    assert timedelta(seconds=55) <= row.next_batch_at - row.started_at <= timedelta(seconds=65)
    assert (await run_campaign(pk(campaign["id"])))["sent"] == 0  # not before the minute is up


async def test_open_and_click_tracking_is_off_by_default_and_signed_when_on(gql, http, team, smtp):
    hub_id, template_id = await _setup(
        gql, team, smtp, html='<p>Hi</p><p><a href="https://yoga.example/class?id=1&amp;x=2">Book</a></p>')
    members = await make_segment(team, "Members")
    await _contact(team, members, "ava@example.com", "Ava")
    first = await _create(gql, team, hub_id, template_id, [members], name="Untracked")
    await gql(SCHEDULE, {"input": {"id": first["id"]}}, token=team.key)
    await run_worker()
    html = smtp.messages[0].get_body(("html",)).get_content()
    assert "/email/o/" not in html and 'href="https://yoga.example/class?id=1&amp;x=2"' in html

    settings = await gql("""mutation($i: UpdateEmailSettingsInput!) { updateEmailSettings(input: $i) {
        settings { trackOpens trackClicks } userErrors { code } } }""", {"i": {
        "hubId": hub_id, "smtpHost": smtp.host, "smtpPort": smtp.port, "tlsMode": "NONE", "fromName": "Yoga Academy",
        "fromAddress": "hello@yoga.example", "trackOpens": True, "trackClicks": True}}, token=team.key)
    assert settings["updateEmailSettings"]["settings"] == {"trackOpens": True, "trackClicks": True}
    second = await _create(gql, team, hub_id, template_id, [members], name="Tracked")
    await gql(SCHEDULE, {"input": {"id": second["id"]}}, token=team.key)
    await run_worker()
    html = smtp.messages[1].get_body(("html",)).get_content()
    pixel = re.search(r'<img src="http://127\.0\.0\.1:8000(/email/o/[^"]+)"', html).group(1)
    click = re.search(r'href="http://127\.0\.0\.1:8000(/email/c/[^"]+)"', html).group(1).replace("&amp;", "&")
    assert "unsubscribe" not in click
    opened = await http.get(pixel)
    assert opened.status_code == 200 and opened.headers["content-type"] == "image/gif"
    followed = await http.get(click)
    assert followed.status_code == 302 and followed.headers["location"] == "https://yoga.example/class?id=1&x=2"
    tampered = click.replace("yoga.example", "evil.example")
    assert (await http.get(tampered)).status_code == 400
    data, recipients = await _campaign(gql, {"id": second["id"]}, team)
    assert data["totals"]["opened"] == 1 and data["totals"]["clicked"] == 1
    assert recipients["nodes"][0]["status"] == "CLICKED"


TEST_SEND = """
mutation($input: SendCampaignTestInput!) { sendCampaignTest(input: $input) { sentTo userErrors { field code } } }"""
PREVIEW = """
query($c: ID!, $p: ID!) { campaignPreview(campaignId: $c, contactId: $p) { to subject html text } }"""


async def test_test_sends_go_to_named_addresses_and_previews_render_one_contact(gql, team, other_team, smtp):
    hub_id, template_id = await _setup(gql, team, smtp)
    members = await make_segment(team, "Members")
    ava = await _contact(team, members, "ava@example.com", "Ava")
    campaign = await _create(gql, team, hub_id, template_id, [members])
    sent = await gql(TEST_SEND, {"input": {"id": campaign["id"], "addresses": ["QA@Example.com", "boss@example.com"],
                                           "contactId": gid("Contact", ava.id)}}, token=team.key)
    assert sent["sendCampaignTest"] == {"sentTo": ["QA@example.com", "boss@example.com"], "userErrors": []}
    assert sorted(m["To"] for m in smtp.messages) == ["QA@example.com", "boss@example.com"]
    assert {m["Subject"] for m in smtp.messages} == {"[Test] News for Ava"}
    assert await CampaignRecipient.filter(team_id=team.id).count() == 0  # test sends are not recipients

    bad = await gql(TEST_SEND, {"input": {"id": campaign["id"], "addresses": ["not an address", "a@b"]}},
                    token=team.key)
    assert {(e["field"], e["code"]) for e in bad["sendCampaignTest"]["userErrors"]} == {
        ("addresses.0", "INVALID_EMAIL"), ("addresses.1", "INVALID_EMAIL")}
    none = await gql(TEST_SEND, {"input": {"id": campaign["id"], "addresses": []}}, token=team.key)
    assert none["sendCampaignTest"]["userErrors"] == [{"field": "addresses", "code": "REQUIRED"}]
    foreign = await gql(TEST_SEND, {"input": {"id": campaign["id"], "addresses": ["x@example.com"]}},
                        token=other_team.key)
    assert foreign["sendCampaignTest"]["userErrors"] == [{"field": "id", "code": "NOT_FOUND"}]

    preview = (await gql(PREVIEW, {"c": campaign["id"], "p": gid("Contact", ava.id)}, token=team.key))
    assert preview["campaignPreview"] == {"to": "ava@example.com", "subject": "News for Ava",
                                          "html": "<p>Hi Ava</p>", "text": "Hi Ava"}
    assert (await gql(PREVIEW, {"c": campaign["id"], "p": gid("Contact", ava.id)},
                      token=other_team.key))["campaignPreview"] is None
    _, email_only = await create_api_key(await Team.get(id=team.id), "mail", ["email:read", "email:write"])
    refused = await gql.raw(PREVIEW, {"c": campaign["id"], "p": gid("Contact", ava.id)}, token=email_only)
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # personal data needs contacts:read


async def test_bad_input_and_other_teams_ids_write_nothing(gql, team, other_team, smtp):
    hub_id, template_id = await _setup(gql, team, smtp)
    members, vip = await make_segment(team, "Members"), await make_segment(team, "VIP")
    foreign_segment = await make_segment(other_team, "Theirs")
    base = {"hubId": hub_id, "name": "X", "templateId": template_id, "segmentIds": [gid("Segment", members.id)]}
    cases = [
        ({"segmentIds": [gid("Segment", foreign_segment.id)]}, {("segmentIds", "NOT_FOUND")}),
        ({"segmentIds": []}, {("segmentIds", "REQUIRED")}),
        ({"excludeSegmentIds": [gid("Segment", members.id)]}, {("excludeSegmentIds", "CONFLICTING_SEGMENTS")}),
        ({"ratePerMinute": 0}, {("ratePerMinute", "INVALID_RATE")}),
        ({"name": "  "}, {("name", "REQUIRED")}),
        ({"templateId": gid("EmailTemplate", 999999)}, {("templateId", "NOT_FOUND")}),
        ({"templateId": gid("Hub", 1)}, {("templateId", "INVALID_ID")}),
        ({"sendAt": "2099-01-01T00:00:00"}, {("sendAt", "INVALID_SEND_AT")}),
    ]
    for change, expected in cases:
        result = await gql(CREATE, {"input": {**base, **change}}, token=team.key)
        assert {(e["field"], e["code"]) for e in result["createCampaign"]["userErrors"]} == expected, change
    foreign_hub = await gql(CREATE, {"input": base}, token=other_team.key)
    assert foreign_hub["createCampaign"]["userErrors"] == [{"field": "hubId", "code": "NOT_FOUND"}]
    assert await Campaign.all().count() == 0

    campaign = await _create(gql, team, hub_id, template_id, [members], [vip])
    for mutation, name in ((SCHEDULE, "scheduleCampaign"),
                           ("mutation($input: CancelCampaignInput!) { cancelCampaign(input: $input) "
                            "{ campaign { id } userErrors { field code } } }", "cancelCampaign")):
        foreign = await gql(mutation, {"input": {"id": campaign["id"]}}, token=other_team.key)
        assert foreign[name]["userErrors"] == [{"field": "id", "code": "NOT_FOUND"}]
    assert (await gql("{ campaigns { totalCount } }", token=other_team.key))["campaigns"]["totalCount"] == 0
    assert (await _campaign(gql, {"id": campaign["id"]}, other_team)) == (None, {"nodes": []})
    assert (await Campaign.get(id=pk(campaign["id"]))).status == "draft"

    # a segment in use by an open campaign is not deleted without force; with force the campaign is cancelled
    delete = "mutation($i: DeleteSegmentInput!) { deleteSegment(input: $i) { deletedId userErrors { code message } } }"
    refused = await gql(delete, {"i": {"id": gid("Segment", vip.id)}}, token=team.key)
    assert refused["deleteSegment"]["userErrors"][0]["code"] == "SEGMENT_IN_USE"
    forced = await gql(delete, {"i": {"id": gid("Segment", vip.id), "force": True}}, token=team.key)
    assert forced["deleteSegment"]["userErrors"] == []
    assert (await Campaign.get(id=pk(campaign["id"]))).status == "cancelled"


async def test_totals_per_segment_skip_invalid_addresses_without_any_network_lookup(gql, team, smtp, monkeypatch):
    """Two audience segments: a contact in both counts once, under the first; an address email-validator
    refuses is skipped as invalid_address, and validating looks nothing up (no DNS, no connection)."""
    import socket

    import dns.resolver

    lookups: list[str] = []
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if host not in ("127.0.0.1", "localhost", b"127.0.0.1"):
            lookups.append(str(host))
        return real_getaddrinfo(host, *args, **kwargs)

    def resolve(*args, **kwargs):
        lookups.append(f"dns {args[1:2]}")
        raise dns.resolver.NoNameservers()

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(dns.resolver.Resolver, "resolve", resolve)
    monkeypatch.setattr(dns.resolver, "resolve", resolve)

    hub_id, template_id = await _setup(gql, team, smtp)
    first, second = await make_segment(team, "First"), await make_segment(team, "Second")
    await _contact(team, first, "ava@example.com", "Ava")
    bob = await _contact(team, first, "bob@example.com", "Bob")
    await join_segment(team, second, bob.id)  # in both: one recipient, through First
    await _contact(team, second, "cat@no-mx-anywhere.example", "Cat")  # never looked up
    bad = await _contact(team, second, "a..b@example.com", "Bad")  # stored by the importer's looser check
    campaign = await _create(gql, team, hub_id, template_id, [first, second])
    await gql(SCHEDULE, {"input": {"id": campaign["id"]}}, token=team.key)
    await run_worker()

    news = sorted(m["To"] for m in smtp.messages if m["Subject"].startswith("News"))
    assert news == ["ava@example.com", "bob@example.com", "cat@no-mx-anywhere.example"]
    data, recipients = await _campaign(gql, {"id": campaign["id"]}, team)
    assert data["audienceCount"] == 4 and data["skipReasons"] == [{"reason": "invalid_address", "count": 1}]
    assert data["segmentTotals"] == [
        {"segmentId": gid("Segment", first.id), "totals": {"total": 2, "sent": 2, "skipped": 0}},
        {"segmentId": gid("Segment", second.id), "totals": {"total": 2, "sent": 1, "skipped": 1}},
    ]
    assert {r["contactId"]: r["skipReason"] for r in recipients["nodes"]}[gid("Contact", bad.id)] == "invalid_address"
    assert lookups == []

    # one-click unsubscribe, both headers verbatim in the bytes received
    for raw in smtp.raw_with("News for Ava") + smtp.raw_with("News for Cat"):
        headers = raw_headers(raw)
        assert b"=?" not in raw.split(b"\r\n\r\n", 1)[0]
        assert re.fullmatch(rb"<http://127\.0\.0\.1:8000/email/unsubscribe/[\w.-]+>", headers["list-unsubscribe"])
        assert headers["list-unsubscribe-post"] == b"List-Unsubscribe=One-Click"


async def test_outside_development_campaign_links_must_be_https(gql, team, smtp, monkeypatch):
    import dataclasses

    import app.core.links
    from app.settings import get_settings

    insecure = dataclasses.replace(get_settings(), environment="production", public_url="http://members.example")
    monkeypatch.setattr(app.core.links, "get_settings", lambda: insecure)
    hub_id, template_id = await _setup(
        gql, team, smtp, html='<p>Hi</p><p><a href="https://yoga.example/class">Book</a></p>')
    await gql("""mutation($i: UpdateEmailSettingsInput!) { updateEmailSettings(input: $i) { userErrors { code } } }""",
              {"i": {"hubId": hub_id, "smtpHost": smtp.host, "smtpPort": smtp.port, "tlsMode": "NONE",
                     "fromName": "Yoga Academy", "fromAddress": "hello@yoga.example", "trackOpens": True,
                     "trackClicks": True}}, token=team.key)
    members = await make_segment(team, "Members")
    await _contact(team, members, "ava@example.com", "Ava")
    first = await _create(gql, team, hub_id, template_id, [members], name="Insecure")
    await gql(SCHEDULE, {"input": {"id": first["id"]}}, token=team.key)
    await run_worker()
    assert smtp.messages == []  # nothing goes out with an http link
    [row] = await CampaignRecipient.filter(team_id=team.id, campaign_id=pk(first["id"]))
    assert row.state == "failed" and "must be an https URL" in row.error

    secure = dataclasses.replace(insecure, public_url="https://members.example")
    monkeypatch.setattr(app.core.links, "get_settings", lambda: secure)
    second = await _create(gql, team, hub_id, template_id, [members], name="Secure")
    await gql(SCHEDULE, {"input": {"id": second["id"]}}, token=team.key)
    await run_worker()
    [raw] = smtp.raw
    assert re.fullmatch(rb"<https://members\.example/email/unsubscribe/[\w.-]+>", raw_headers(raw)["list-unsubscribe"])
    html = smtp.messages[0].get_body(("html",)).get_content()
    links = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert links and all(link.startswith("https://members.example/email/") for link in links), links
