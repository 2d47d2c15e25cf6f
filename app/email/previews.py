"""A campaign's message before it goes out: a preview for one contact, and test sends to named addresses.

Test sends bypass the gauntlet (they go to the addresses given, not to the audience), are marked
`[Test]` in the subject, carry no working unsubscribe link and are never counted as recipients.
"""

from __future__ import annotations

from typing import Any

from app.contacts.models import TeamContact
from app.core.errors import NotFound, ValidationFailed
from app.email import dkim_keys
from app.email.campaigns import check_test_addresses, get_campaign
from app.email.headers import serialize
from app.email.models import Campaign, EmailSettings, EmailTemplate
from app.email.render_pool import render
from app.email.rendering import SAMPLE_CONTEXT, RenderedMessage, contact_variables, hub_variables
from app.email.smtp import SmtpFailure, SmtpSession, build_message, envelope_of
from app.email.unsubscribe import UnsubscribeTarget, unsubscribe_url
from app.hubs.models import Hub
from app.teams.models import Team


async def _render(campaign: Campaign, contact: TeamContact | None) -> RenderedMessage:
    hub = await Hub.get(id=campaign.hub_id)
    template = await EmailTemplate.get(id=campaign.template_id)
    if contact is not None:
        link = unsubscribe_url(UnsubscribeTarget(campaign.team_id, contact.id, hub.id, campaign_id=campaign.id))
        variables: dict[str, Any] = {"contact": contact_variables(contact), "unsubscribe_url": link}
    else:
        variables = {"contact": SAMPLE_CONTEXT["contact"], "unsubscribe_url": SAMPLE_CONTEXT["unsubscribe_url"]}
    context = {**variables, "hub": hub_variables(hub), "campaign": {"name": campaign.name}}
    return await render(template.subject, template.html_body, template.text_body, context)


async def preview(team_id: int, campaign_id: int, contact_id: int) -> tuple[str, RenderedMessage] | None:
    """What `contact_id` would get, or None for an unknown campaign or contact (another team's too)."""
    campaign = await Campaign.get_or_none(id=campaign_id, team_id=team_id)
    contact = await TeamContact.get_or_none(id=contact_id, team_id=team_id)
    if campaign is None or contact is None:
        return None
    try:
        return contact.email, await _render(campaign, contact)
    except ValidationFailed:
        return contact.email, RenderedMessage("", "", "")


async def send_test(team: Team, campaign_id: int | None, addresses: list[str], contact_id: int | None) -> list[str]:
    campaign = await get_campaign(team, campaign_id)
    clean = check_test_addresses(addresses)
    contact = None
    if contact_id is not None:
        contact = await TeamContact.get_or_none(id=contact_id, team_id=team.id)
        if contact is None:
            raise NotFound("contactId", "contact")
    config = await EmailSettings.get_or_none(hub_id=campaign.hub_id)
    if config is None:
        raise ValidationFailed.one("id", "the campaign's hub has no email settings yet", "NOT_CONFIGURED")
    rendered = await _render(campaign, contact)
    rendered = RenderedMessage(f"[Test] {rendered.subject}", rendered.html, rendered.text)
    session = SmtpSession(config)
    try:
        await session.connect()
        for address in clean:
            message = build_message(config, address, rendered)
            sender, recipients = envelope_of(message)
            await session.send(sender, recipients, dkim_keys.sign(config, serialize(message)))
    except SmtpFailure as exc:
        raise ValidationFailed.one(None, f"the SMTP server refused the test email: {exc}", "SMTP_ERROR") from exc
    finally:
        await session.close()
    return clean
