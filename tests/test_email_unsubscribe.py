"""One-click unsubscribe (RFC 8058) and scoped suppressions, end to end from a received mail."""

from __future__ import annotations

from ids import gid, pk
from test_email_helpers import (
    join_segment,
    make_contact,
    make_hub,
    make_segment,
    make_template,
    tick_and_drain,
)

from app.email.models import Suppression
from app.email.service import send_magic_link
from app.email.unsubscribe import UnsubscribeTarget, make_token, read_token

CREATE_DRIP = """
mutation($input: CreateDripCampaignInput!) { createDripCampaign(input: $input) { dripCampaign { id } userErrors { code } } }"""

pytest_plugins = ["test_email_helpers"]  # the smtp fixture


async def _drip_mail(gql, team, smtp, address="ava@example.com"):
    segment = await make_segment(team)
    hub_id = await make_hub(gql, team, smtp)
    template = await make_template(gql, team, hub_id, "news", "News")
    drip = (await gql(CREATE_DRIP, {"input": {"hubId": hub_id, "name": "News", "trigger": "SEGMENT_JOIN",
                                              "segmentId": gid("Segment", segment.id),
                                              "steps": [{"delayMinutes": 0, "templateId": template}]}},
                      token=team.key))["createDripCampaign"]["dripCampaign"]
    contact = await make_contact(gql, team, address, "Ava")
    await join_segment(team, segment, contact)
    await tick_and_drain()
    [message] = smtp.messages
    return hub_id, drip["id"], segment, contact, message["List-Unsubscribe"].strip("<>")


def _path(url: str) -> str:
    return url.split("127.0.0.1:8000", 1)[1]


async def test_get_confirms_without_unsubscribing_and_one_click_post_does(gql, http, team, smtp):
    hub_id, drip_id, _, contact, url = await _drip_mail(gql, team, smtp)
    page = await http.get(_path(url))
    assert page.status_code == 200 and "<form method='post'>" in page.text and "ava@example.com" in page.text
    assert await Suppression.filter(team_id=team.id).count() == 0  # GET never unsubscribes

    done = await http.post(_path(url), content="List-Unsubscribe=One-Click",
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert done.status_code == 200
    again = await http.post(_path(url), content="List-Unsubscribe=One-Click")  # a second click is harmless
    assert again.status_code == 200
    rows = await gql("{ suppressions { nodes { email scope scopeId reason contactId } } }", token=team.key)
    assert rows["suppressions"]["nodes"] == [{"email": "ava@example.com", "scope": "DRIP", "scopeId": drip_id,
                                             "reason": "UNSUBSCRIBE", "contactId": gid("Contact", contact)}]

    # Transactional mail still reaches them; marketing of this drip does not.
    await send_magic_link(team.id, pk(hub_id), contact, "https://hub.example/login")
    await tick_and_drain()
    assert [m["Subject"] for m in smtp.messages][1:] == ["Your sign-in link for Yoga Academy"]


async def test_unsubscribing_from_all_marketing_stops_every_drip(gql, http, team, smtp):
    hub_id, _, _, contact, url = await _drip_mail(gql, team, smtp)
    response = await http.post(_path(url), data={"scope": "all"})
    assert response.status_code == 200
    assert await Suppression.filter(team_id=team.id, scope="marketing").count() == 1

    template = await make_template(gql, team, hub_id, "other", "Other")
    second = await make_segment(team, "Second")
    await gql(CREATE_DRIP, {"input": {"hubId": hub_id, "name": "Other", "trigger": "SEGMENT_JOIN",
                                      "segmentId": gid("Segment", second.id),
                                      "steps": [{"delayMinutes": 0, "templateId": template}]}}, token=team.key)
    await join_segment(team, second, contact)
    await tick_and_drain()
    assert len(smtp.messages) == 1  # only the mail sent before unsubscribing


async def test_forged_or_edited_tokens_are_refused(gql, http, team, smtp):
    hub_id, drip_id, _, contact, url = await _drip_mail(gql, team, smtp)
    other = await make_contact(gql, team, "bob@example.com")
    token = url.rsplit("/", 1)[1]
    target = read_token(token)
    assert target == UnsubscribeTarget(team.id, contact, pk(hub_id), pk(drip_id))
    # the same signature on another contact's id
    edited = token.replace(f".{contact}.", f".{other}.", 1)
    forged = make_token(UnsubscribeTarget(team.id, other, pk(hub_id)), secret_key="not-the-server-key")
    for bad in (edited, forged, "garbage", token[:-2]):
        assert (await http.post(f"/email/unsubscribe/{bad}", content="List-Unsubscribe=One-Click")).status_code == 400
        assert (await http.get(f"/email/unsubscribe/{bad}")).status_code == 400
    assert await Suppression.filter(team_id=team.id).count() == 0
