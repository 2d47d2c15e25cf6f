"""GraphQL for campaigns: create, schedule (held while segments catch up), cancel, test sends,
previews, and per-recipient status with totals per campaign and per segment."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.email import campaigns, previews
from app.email.models import Campaign, CampaignRecipient, CampaignSegment, CampaignStatus, RecipientState
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.enums import described_enum
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, id_arg, id_input, id_inputs
from app.graphql.nodes import NodeType, staff, team_rows
from app.graphql.scopes import requires_scope

CampaignStatusEnum = described_enum(CampaignStatus, name="CampaignStatus", description=(
    "Where a campaign is: draft → scheduled → (held ⇄) sending → sent; cancelled from any state before sent."),
    values={
        "DRAFT": "Created, not scheduled; can be changed.",
        "SCHEDULED": "Waiting for its sendAt (or the next tick when it has none); can still be changed.",
        "HELD": "Due, but an audience segment is catching up (see holdReason); starts once it has caught up.",
        "SENDING": "Its audience is fixed and recipients are being sent to.",
        "SENT": "No recipient is left queued or sending.",
        "CANCELLED": "Stopped before it was sent; recipients not yet sent were skipped.",
    })
RecipientStateEnum = described_enum(RecipientState, name="CampaignRecipientState", description=(
    "A recipient's delivery state: queued → sending → sent, or skipped, failed, uncertain or bounced."),
    values={
        "QUEUED": "Waiting for its batch.",
        "SENDING": "Being handed to the SMTP server now.",
        "SENT": "Accepted by the SMTP server.",
        "SKIPPED": "Not sent, checked at send time (see skipReason).",
        "FAILED": "Not sent: the message could not be built or the SMTP server refused it for good (see error).",
        "UNCERTAIN": "A worker stopped mid-delivery: maybe sent, never sent again.",
        "BOUNCED": "The SMTP server rejected the address for good; the address is now suppressed.",
    })
READ, WRITE = "email:read", "email:write"


class RecipientStatus(StrEnum):
    """Where a recipient stands, latest first: complained > unsubscribed > clicked > opened > the delivery state."""

    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    SKIPPED = "skipped"
    FAILED = "failed"
    UNCERTAIN = "uncertain"
    BOUNCED = "bounced"
    OPENED = "opened"
    CLICKED = "clicked"
    UNSUBSCRIBED = "unsubscribed"
    COMPLAINED = "complained"


RecipientStatusEnum = described_enum(RecipientStatus, name="CampaignRecipientStatus", description=(
    "Where a recipient stands, the furthest first: complained, then unsubscribed, then clicked, then opened, else "
    "the delivery state."),
    values={
        "QUEUED": "Waiting for its batch.",
        "SENDING": "Being handed to the SMTP server now.",
        "SENT": "Accepted by the SMTP server; not opened (as far as tracking saw).",
        "SKIPPED": "Not sent, checked at send time (see skipReason).",
        "FAILED": "Not sent: the message could not be built or the SMTP server refused it for good (see error).",
        "UNCERTAIN": "A worker stopped mid-delivery: maybe sent, never sent again.",
        "BOUNCED": "The SMTP server rejected the address for good; the address is now suppressed.",
        "OPENED": "Opened (tracking pixel loaded), no link clicked.",
        "CLICKED": "A tracked link was clicked.",
        "UNSUBSCRIBED": "Unsubscribed through this campaign's link.",
        "COMPLAINED": "Reported this mail as spam (a feedback report); the address is now suppressed.",
    })


@strawberry.type(description="Recipients of a campaign (or of one of its segments) by where they stand.")
class CampaignTotals:
    total: int = strawberry.field(description="Recipients in all.")
    queued: int = strawberry.field(description="Waiting for their batch.")
    sending: int = strawberry.field(description="Being handed to the SMTP server now.")
    sent: int = strawberry.field(description="Accepted by the SMTP server (bounced ones included).")
    skipped: int = strawberry.field(description="Not sent, checked at send time (see the campaign's skipReasons).")
    failed: int = strawberry.field(description="Not sent: the message could not be built or was refused for good.")
    uncertain: int = strawberry.field(description="A worker stopped mid-delivery: maybe sent, never sent twice.")
    bounced: int = strawberry.field(description="Rejected for good by the SMTP server (also counted in sent).")
    opened: int = strawberry.field(description="Opened at least once (clicks count as opens).")
    clicked: int = strawberry.field(description="Clicked a tracked link at least once.")
    unsubscribed: int = strawberry.field(description="Unsubscribed through this campaign's link.")
    complained: int = strawberry.field(description="Reported the mail as spam (feedback reports, ARF).")

    @classmethod
    def from_row(cls, row: dict[str, Any] | None) -> CampaignTotals:
        keys = ("total", "queued", "sending", "sent", "skipped", "failed", "uncertain", "bounced", "opened",
                "clicked", "unsubscribed", "complained")
        return cls(**{k: int((row or {}).get(k) or 0) for k in keys})


@strawberry.type(description="A campaign's totals for the recipients that came through one audience segment.")
class CampaignSegmentTotals:
    segment_id: strawberry.ID = strawberry.field(description="The audience segment.")
    totals: CampaignTotals = strawberry.field(description="Its recipients by where they stand.")


@strawberry.type(description="How many recipients of a campaign were skipped for one reason.")
class CampaignSkipReason:
    reason: str = strawberry.field(description=(
        "One of invalid_address, suppressed, banned, no_consent, left_audience, missing, cancelled; empty: unknown."))
    count: int = strawberry.field(description="Recipients skipped for it.")


@requires_scope("contacts:read", except_fields=["id", "contact_id", "segment_id", "state", "status", "skip_reason",
                                                "error", "sent_at", "opened_at", "clicked_at", "unsubscribed_at",
                                                "bounced_at", "complained_at"])
@strawberry.type(name="CampaignRecipient", description="One contact of a campaign's audience.")
class CampaignRecipientType(relay.Node):
    id: relay.NodeID[int]
    contact_id: strawberry.ID = strawberry.field(description="The contact (a `Contact` ID).")
    segment_id: strawberry.ID = strawberry.field(description="The audience segment it came through.")
    state: RecipientState = strawberry.field(description="Its delivery state.")
    status: RecipientStatus = strawberry.field(description="Where it stands, engagement included.")
    skip_reason: str | None = strawberry.field(description=(
        "Why it was not sent: invalid_address, suppressed, banned, no_consent, left_audience, missing, cancelled."))
    error: str | None = strawberry.field(description=(
        "The SMTP server's or renderer's error when failed or bounced; else null."))
    to_address: str | None = strawberry.field(description="Personal data: needs contacts:read.")
    sent_at: datetime | None = strawberry.field(description=(
        "When it was handed to the SMTP server (UTC); null: not yet."))
    opened_at: datetime | None = strawberry.field(description="First open (UTC); null: not opened.")
    clicked_at: datetime | None = strawberry.field(description="First tracked click (UTC); null: none.")
    unsubscribed_at: datetime | None = strawberry.field(description="When it unsubscribed via this campaign (UTC).")
    bounced_at: datetime | None = strawberry.field(description="When the SMTP server rejected it for good (UTC).")
    complained_at: datetime | None = strawberry.field(description=(
        "When a spam complaint (feedback report) about this mail came in (UTC); null: none."))

    @classmethod
    def from_model(cls, r: CampaignRecipient) -> CampaignRecipientType:
        status = (RecipientStatus.COMPLAINED if r.complained_at else RecipientStatus.UNSUBSCRIBED
                  if r.unsubscribed_at else RecipientStatus.CLICKED if r.clicked_at
                  else RecipientStatus.OPENED if r.opened_at else RecipientStatus(str(r.state)))
        return cls(id=r.id, contact_id=encode_id("Contact", r.team_contact_id),
                   segment_id=encode_id("Segment", r.segment_id), state=RecipientState(r.state), status=status,
                   skip_reason=r.skip_reason, error=r.error, to_address=r.to_address, sent_at=r.sent_at,
                   opened_at=r.opened_at, clicked_at=r.clicked_at, unsubscribed_at=r.unsubscribed_at,
                   bounced_at=r.bounced_at, complained_at=r.complained_at)


@strawberry.type(name="Campaign", description=(
    "A one-off send of an email template to audience segments minus exclusion segments, now or at a time. "
    "Needs email:read."))
class CampaignType(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID = strawberry.field(description="The hub it sends from.")
    name: str = strawberry.field(description="Its name, unique in the team.")
    template_id: strawberry.ID = strawberry.field(description="The email template it sends.")
    status: CampaignStatus = strawberry.field(description="Where it is.")
    hold_reason: str | None = strawberry.field(description="Why a held campaign waits.")
    send_at: datetime | None = strawberry.field(description="When it is to start (UTC); null: when scheduled.")
    rate_per_minute: int | None = strawberry.field(description="At most this many messages a minute; null: no limit.")
    audience_count: int = strawberry.field(description="Recipients when sending started.")
    scheduled_at: datetime | None = strawberry.field(description="When it was last scheduled (UTC); null: never.")
    started_at: datetime | None = strawberry.field(description="When sending started (UTC); null: not yet.")
    finished_at: datetime | None = strawberry.field(description="When it was sent or cancelled (UTC); null: not yet.")
    created_at: datetime = strawberry.field(description="When it was created (UTC).")
    team_id: strawberry.Private[int]

    @strawberry.field(description="The audience segments.")
    async def segment_ids(self) -> list[strawberry.ID]:
        rows = await CampaignSegment.filter(team_id=self.team_id, campaign_id=self.id, excluded=False).order_by("id")
        return [encode_id("Segment", r.segment_id) for r in rows]

    @strawberry.field(description="Segments whose members are left out of the audience.")
    async def exclude_segment_ids(self) -> list[strawberry.ID]:
        rows = await CampaignSegment.filter(team_id=self.team_id, campaign_id=self.id, excluded=True).order_by("id")
        return [encode_id("Segment", r.segment_id) for r in rows]

    @strawberry.field(description="All its recipients by where they stand (zeros before sending starts).")
    async def totals(self) -> CampaignTotals:
        rows = await campaigns.campaign_totals(self.team_id, self.id)
        return CampaignTotals.from_row(rows[0] if rows else None)

    @strawberry.field(description="Totals by the audience segment recipients came through.")
    async def segment_totals(self) -> list[CampaignSegmentTotals]:
        rows = await campaigns.campaign_totals(self.team_id, self.id, by_segment=True)
        return [CampaignSegmentTotals(segment_id=encode_id("Segment", r["segment_id"]),
                                      totals=CampaignTotals.from_row(r)) for r in rows]

    @strawberry.field(description="Skipped recipients by reason.")
    async def skip_reasons(self) -> list[CampaignSkipReason]:
        rows = await campaigns.skip_reasons(self.team_id, self.id)
        return [CampaignSkipReason(reason=r["reason"] or "", count=r["count"]) for r in rows]

    @classmethod
    def from_model(cls, m: Campaign) -> CampaignType:
        return cls(id=m.id, hub_id=encode_id("Hub", m.hub_id), name=m.name,
                   template_id=encode_id("EmailTemplate", m.template_id), status=CampaignStatus(m.status),
                   hold_reason=m.hold_reason, send_at=m.send_at, rate_per_minute=m.rate_per_minute,
                   audience_count=m.audience_count, scheduled_at=m.scheduled_at, started_at=m.started_at,
                   finished_at=m.finished_at, created_at=m.created_at, team_id=m.team_id)


@strawberry.type(description="A campaign's message rendered for one contact (personal data).")
class CampaignPreview:
    to: str = strawberry.field(description="The contact's email address.")
    subject: str = strawberry.field(description="The subject; empty when the template cannot be rendered.")
    html: str = strawberry.field(description="The HTML body; empty when the template cannot be rendered.")
    text: str = strawberry.field(description="The plain-text body; empty when the template cannot be rendered.")


@strawberry.input(description="A new draft campaign.")
class CreateCampaignInput:
    hub_id: strawberry.ID = strawberry.field(description="The hub to send from.")
    name: str = strawberry.field(description="A name unique in the team, at most 200 characters.")
    template_id: strawberry.ID = strawberry.field(description="An email template of that hub.")
    segment_ids: list[strawberry.ID] = strawberry.field(description="The audience segments: 1 to 20.")
    exclude_segment_ids: list[strawberry.ID] | None = strawberry.field(default=None, description=(
        "Segments whose members are left out (at most 20, none of the audience segments)."))
    send_at: datetime | None = strawberry.field(default=None, description=(
        "When to send once scheduled; without an offset, the team's time zone. Null: when scheduled."))
    rate_per_minute: int | None = strawberry.field(default=None, description="At most this many messages a minute.")


@strawberry.input(description="Changes to a draft, scheduled or held campaign; a null field is left as it is.")
class UpdateCampaignInput:
    id: strawberry.ID = strawberry.field(description="The campaign.")
    name: str | None = strawberry.field(default=None, description="A new name, unique in the team.")
    template_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "Another email template of the campaign's hub."))
    segment_ids: list[strawberry.ID] | None = strawberry.field(default=None, description=(
        "Replaces the audience segments (1 to 20)."))
    exclude_segment_ids: list[strawberry.ID] | None = strawberry.field(default=None, description=(
        "Replaces the exclusion segments (at most 20; empty: none)."))
    send_at: datetime | None = strawberry.field(default=None, description=(
        "A new start time, at most a year ahead; without an offset, the team's time zone."))
    clear_send_at: bool = strawberry.field(default=False, description=(
        "True: remove the start time (send when scheduled)."))
    rate_per_minute: int | None = strawberry.field(default=None, description=(
        "A new limit: 1 to 1,000,000 messages a minute."))
    clear_rate_per_minute: bool = strawberry.field(default=False, description="True: remove the rate limit.")


@strawberry.input(description="A draft or scheduled campaign to schedule.")
class ScheduleCampaignInput:
    id: strawberry.ID = strawberry.field(description="The campaign.")
    send_at: datetime | None = strawberry.field(default=None, description=(
        "When to start, at most a year ahead; without an offset, the team's time zone. Null: its stored time, or now."))


@strawberry.input(description="A campaign to cancel (not one already sent or cancelled).")
class CancelCampaignInput:
    id: strawberry.ID = strawberry.field(description="The campaign.")


@strawberry.input(description="A test send of a campaign's message.")
class SendCampaignTestInput:
    id: strawberry.ID = strawberry.field(description="The campaign.")
    addresses: list[str] = strawberry.field(description="Up to 10 email addresses to send to (duplicates sent once).")
    contact_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "Render as this contact (needs contacts:read); else as sample data."))


@strawberry.type(description="The result of a campaign mutation.")
class CampaignPayload:
    campaign: CampaignType | None = strawberry.field(default=None, description=(
        "The campaign; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(description="The result of sendCampaignTest.")
class SendCampaignTestPayload:
    sent_to: list[str] = strawberry.field(default_factory=list, description=(
        "The normalised addresses the test was sent to; empty when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class CampaignQuery:
    @strawberry.field(description="The team's campaigns, newest last; optionally of one hub or status.")
    async def campaigns(
        self, info: Info[Context, None],
        hub_id: Annotated[strawberry.ID | None, strawberry.argument(description="Only this hub's.")] = None,
        status: Annotated[CampaignStatus | None, strawberry.argument(
            description="Only campaigns in this status.")] = None,
        first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[CampaignType]:
        viewer = info.context.require(READ)
        queryset = Campaign.filter(team_id=viewer.team.id)
        if hub_id is not None:
            queryset = queryset.filter(hub_id=id_arg(hub_id, "Hub", "hubId"))
        if status is not None:
            queryset = queryset.filter(status=status.value)
        return await keyset_page(queryset, CampaignType.from_model, first=first, after=after, last=last,
                                 before=before)

    @strawberry.field(description="A campaign's recipients with where each stands, oldest first.")
    async def campaign_recipients(
        self, info: Info[Context, None],
        campaign_id: Annotated[strawberry.ID, strawberry.argument(description="The campaign.")],
        state: Annotated[RecipientState | None, strawberry.argument(
            description="Only recipients in this state.")] = None,
        first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[CampaignRecipientType]:
        viewer = info.context.require(READ)
        queryset = CampaignRecipient.filter(team_id=viewer.team.id,
                                            campaign_id=id_arg(campaign_id, "Campaign", "campaignId"))
        if state is not None:
            queryset = queryset.filter(state=state.value)
        return await keyset_page(queryset, CampaignRecipientType.from_model, first=first, after=after, last=last,
                                 before=before)

    @strawberry.field(description="A campaign's message as one contact would get it (personal data).")
    async def campaign_preview(
        self, info: Info[Context, None],
        campaign_id: Annotated[strawberry.ID, strawberry.argument(description="The campaign.")],
        contact_id: Annotated[strawberry.ID, strawberry.argument(description="The contact to render it for.")],
    ) -> CampaignPreview | None:
        viewer = info.context.require(READ)
        info.context.require("contacts:read")
        rendered = await previews.preview(viewer.team.id, id_arg(campaign_id, "Campaign", "campaignId"),
                                          id_arg(contact_id, "Contact", "contactId"))
        if rendered is None:
            return None
        to, message = rendered
        return CampaignPreview(to=to, subject=message.subject, html=message.html, text=message.text)


@strawberry.type
class CampaignMutation:
    @strawberry.mutation(description="A draft campaign: a template to segments minus exclusion segments.")
    @mutation_payload
    async def create_campaign(
        self, info: Info[Context, None],
        input: Annotated[CreateCampaignInput, strawberry.argument(description="The campaign to create.")],
    ) -> CampaignPayload:
        viewer = info.context.require(WRITE)
        hub_id = id_input(input.hub_id, "Hub", "hubId")
        campaign = await campaigns.create_campaign(viewer.team, hub_id, campaigns.CampaignSpec(
            name=input.name, template_id=id_input(input.template_id, "EmailTemplate", "templateId"),
            segment_ids=id_inputs(input.segment_ids, "Segment", "segmentIds") or [],
            exclude_segment_ids=id_inputs(input.exclude_segment_ids, "Segment", "excludeSegmentIds"),
            send_at=input.send_at, rate_per_minute=input.rate_per_minute,
        ))
        return CampaignPayload(campaign=CampaignType.from_model(campaign))

    @strawberry.mutation(description="Change a campaign that has not started.")
    @mutation_payload
    async def update_campaign(
        self, info: Info[Context, None],
        input: Annotated[UpdateCampaignInput, strawberry.argument(description="The campaign and its changes.")],
    ) -> CampaignPayload:
        viewer = info.context.require(WRITE)
        template_id = id_input(input.template_id, "EmailTemplate", "templateId") if input.template_id else None
        campaign_id = id_input(input.id, "Campaign", "id")
        campaign = await campaigns.update_campaign(viewer.team, campaign_id, campaigns.CampaignSpec(
            name=input.name, template_id=template_id,
            segment_ids=id_inputs(input.segment_ids, "Segment", "segmentIds"),
            exclude_segment_ids=id_inputs(input.exclude_segment_ids, "Segment", "excludeSegmentIds"),
            send_at=input.send_at, clear_send_at=input.clear_send_at, rate_per_minute=input.rate_per_minute,
            clear_rate=input.clear_rate_per_minute,
        ))
        return CampaignPayload(campaign=CampaignType.from_model(campaign))

    @strawberry.mutation(description=(
        "Schedule a campaign (at sendAt, its stored time, or now). It is held while its segments catch up."))
    @mutation_payload
    async def schedule_campaign(
        self, info: Info[Context, None],
        input: Annotated[ScheduleCampaignInput, strawberry.argument(description="The campaign and when to start it.")],
    ) -> CampaignPayload:
        viewer = info.context.require(WRITE)
        campaign = await campaigns.schedule_campaign(viewer.team, id_input(input.id, "Campaign", "id"), input.send_at)
        return CampaignPayload(campaign=CampaignType.from_model(campaign))

    @strawberry.mutation(description="Stop a campaign; recipients not yet sent are skipped (cancelled).")
    @mutation_payload
    async def cancel_campaign(
        self, info: Info[Context, None],
        input: Annotated[CancelCampaignInput, strawberry.argument(description="The campaign to cancel.")],
    ) -> CampaignPayload:
        viewer = info.context.require(WRITE)
        campaign = await campaigns.cancel_campaign(viewer.team, id_input(input.id, "Campaign", "id"))
        return CampaignPayload(campaign=CampaignType.from_model(campaign))

    @strawberry.mutation(description="Send the campaign's message to these addresses now, subject marked [Test].")
    @mutation_payload
    async def send_campaign_test(
        self, info: Info[Context, None],
        input: Annotated[SendCampaignTestInput, strawberry.argument(
            description="The campaign, the addresses, and optionally the contact to render as.")],
    ) -> SendCampaignTestPayload:
        viewer = info.context.require(WRITE)
        contact_id = None
        if input.contact_id is not None:
            info.context.require("contacts:read")
            contact_id = id_input(input.contact_id, "Contact", "contactId")
        sent = await previews.send_test(viewer.team, id_input(input.id, "Campaign", "id"), input.addresses,
                                        contact_id)
        return SendCampaignTestPayload(sent_to=sent)


async def _recipients(info: Info[Context, None], team_id: int, pks: list[int]) -> dict[int, CampaignRecipientType]:
    rows = await CampaignRecipient.filter(team_id=team_id, id__in=pks)
    return {r.id: CampaignRecipientType.from_model(r) for r in rows}


NODE_TYPES = (
    NodeType("Campaign", staff(READ), team_rows(Campaign, CampaignType.from_model)),
    NodeType("CampaignRecipient", staff(READ), _recipients),
)
