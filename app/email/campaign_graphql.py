"""GraphQL for campaigns: create, schedule (held while segments catch up), cancel, test sends,
previews, and per-recipient status with totals per campaign and per segment."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.email import campaigns, previews
from app.email.models import Campaign, CampaignRecipient, CampaignSegment, CampaignStatus, RecipientState
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, id_arg, id_input, id_inputs
from app.graphql.nodes import NodeType, staff, team_rows
from app.graphql.scopes import requires_scope

CampaignStatusEnum = strawberry.enum(CampaignStatus, name="CampaignStatus")
RecipientStateEnum = strawberry.enum(RecipientState, name="CampaignRecipientState")
READ, WRITE = "email:read", "email:write"


class RecipientStatus(StrEnum):
    """Where a recipient stands, latest first: unsubscribed > clicked > opened > the delivery state."""

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


RecipientStatusEnum = strawberry.enum(RecipientStatus, name="CampaignRecipientStatus")


@strawberry.type(description="Recipients of a campaign (or of one of its segments) by where they stand.")
class CampaignTotals:
    total: int
    queued: int
    sending: int
    sent: int = strawberry.field(description="Accepted by the SMTP server (bounced ones included).")
    skipped: int
    failed: int
    uncertain: int = strawberry.field(description="A worker stopped mid-delivery: maybe sent, never sent twice.")
    bounced: int
    opened: int
    clicked: int
    unsubscribed: int

    @classmethod
    def from_row(cls, row: dict[str, Any] | None) -> CampaignTotals:
        keys = ("total", "queued", "sending", "sent", "skipped", "failed", "uncertain", "bounced", "opened",
                "clicked", "unsubscribed")
        return cls(**{k: int((row or {}).get(k) or 0) for k in keys})


@strawberry.type
class CampaignSegmentTotals:
    segment_id: strawberry.ID
    totals: CampaignTotals


@strawberry.type
class CampaignSkipReason:
    reason: str
    count: int


@requires_scope("contacts:read", except_fields=["id", "contact_id", "segment_id", "state", "status", "skip_reason",
                                                "error", "sent_at", "opened_at", "clicked_at", "unsubscribed_at",
                                                "bounced_at"])
@strawberry.type(name="CampaignRecipient", description="One contact of a campaign's audience.")
class CampaignRecipientType(relay.Node):
    id: relay.NodeID[int]
    contact_id: strawberry.ID
    segment_id: strawberry.ID = strawberry.field(description="The audience segment it came through.")
    state: RecipientState
    status: RecipientStatus
    skip_reason: str | None = strawberry.field(description=(
        "Why it was not sent: invalid_address, suppressed, banned, no_consent, left_audience, missing, cancelled."))
    error: str | None
    to_address: str | None = strawberry.field(description="Personal data: needs contacts:read.")
    sent_at: datetime | None
    opened_at: datetime | None
    clicked_at: datetime | None
    unsubscribed_at: datetime | None
    bounced_at: datetime | None

    @classmethod
    def from_model(cls, r: CampaignRecipient) -> CampaignRecipientType:
        status = (RecipientStatus.UNSUBSCRIBED if r.unsubscribed_at else RecipientStatus.CLICKED if r.clicked_at
                  else RecipientStatus.OPENED if r.opened_at else RecipientStatus(str(r.state)))
        return cls(id=r.id, contact_id=encode_id("Contact", r.team_contact_id),
                   segment_id=encode_id("Segment", r.segment_id), state=RecipientState(r.state), status=status,
                   skip_reason=r.skip_reason, error=r.error, to_address=r.to_address, sent_at=r.sent_at,
                   opened_at=r.opened_at, clicked_at=r.clicked_at, unsubscribed_at=r.unsubscribed_at,
                   bounced_at=r.bounced_at)


@strawberry.type(name="Campaign")
class CampaignType(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID
    name: str
    template_id: strawberry.ID
    status: CampaignStatus
    hold_reason: str | None = strawberry.field(description="Why a held campaign waits.")
    send_at: datetime | None
    rate_per_minute: int | None
    audience_count: int = strawberry.field(description="Recipients when sending started.")
    scheduled_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    created_at: datetime
    team_id: strawberry.Private[int]

    @strawberry.field
    async def segment_ids(self) -> list[strawberry.ID]:
        rows = await CampaignSegment.filter(team_id=self.team_id, campaign_id=self.id, excluded=False).order_by("id")
        return [encode_id("Segment", r.segment_id) for r in rows]

    @strawberry.field
    async def exclude_segment_ids(self) -> list[strawberry.ID]:
        rows = await CampaignSegment.filter(team_id=self.team_id, campaign_id=self.id, excluded=True).order_by("id")
        return [encode_id("Segment", r.segment_id) for r in rows]

    @strawberry.field
    async def totals(self) -> CampaignTotals:
        rows = await campaigns.campaign_totals(self.team_id, self.id)
        return CampaignTotals.from_row(rows[0] if rows else None)

    @strawberry.field(description="Totals by the audience segment recipients came through.")
    async def segment_totals(self) -> list[CampaignSegmentTotals]:
        rows = await campaigns.campaign_totals(self.team_id, self.id, by_segment=True)
        return [CampaignSegmentTotals(segment_id=encode_id("Segment", r["segment_id"]),
                                      totals=CampaignTotals.from_row(r)) for r in rows]

    @strawberry.field
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


@strawberry.type
class CampaignPreview:
    to: str
    subject: str
    html: str
    text: str


@strawberry.input
class CreateCampaignInput:
    hub_id: strawberry.ID
    name: str
    template_id: strawberry.ID
    segment_ids: list[strawberry.ID]
    exclude_segment_ids: list[strawberry.ID] | None = None
    send_at: datetime | None = strawberry.field(default=None, description=(
        "When to send once scheduled; without an offset, the team's time zone. Null: when scheduled."))
    rate_per_minute: int | None = strawberry.field(default=None, description="At most this many messages a minute.")


@strawberry.input
class UpdateCampaignInput:
    id: strawberry.ID
    name: str | None = None
    template_id: strawberry.ID | None = None
    segment_ids: list[strawberry.ID] | None = None
    exclude_segment_ids: list[strawberry.ID] | None = None
    send_at: datetime | None = None
    clear_send_at: bool = False
    rate_per_minute: int | None = None
    clear_rate_per_minute: bool = False


@strawberry.input
class ScheduleCampaignInput:
    id: strawberry.ID
    send_at: datetime | None = None


@strawberry.input
class CancelCampaignInput:
    id: strawberry.ID


@strawberry.input
class SendCampaignTestInput:
    id: strawberry.ID
    addresses: list[str]
    contact_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "Render as this contact (needs contacts:read); else as sample data."))


@strawberry.type
class CampaignPayload:
    campaign: CampaignType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class SendCampaignTestPayload:
    sent_to: list[str] = strawberry.field(default_factory=list)
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class CampaignQuery:
    @strawberry.field(description="The team's campaigns, newest last; optionally of one hub or status.")
    async def campaigns(
        self, info: Info[Context, None], hub_id: strawberry.ID | None = None, status: CampaignStatus | None = None,
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
        self, info: Info[Context, None], campaign_id: strawberry.ID, state: RecipientState | None = None,
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
    async def campaign_preview(self, info: Info[Context, None], campaign_id: strawberry.ID,
                               contact_id: strawberry.ID) -> CampaignPreview | None:
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
    async def create_campaign(self, info: Info[Context, None], input: CreateCampaignInput) -> CampaignPayload:
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
    async def update_campaign(self, info: Info[Context, None], input: UpdateCampaignInput) -> CampaignPayload:
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
    async def schedule_campaign(self, info: Info[Context, None], input: ScheduleCampaignInput) -> CampaignPayload:
        viewer = info.context.require(WRITE)
        campaign = await campaigns.schedule_campaign(viewer.team, id_input(input.id, "Campaign", "id"), input.send_at)
        return CampaignPayload(campaign=CampaignType.from_model(campaign))

    @strawberry.mutation(description="Stop a campaign; recipients not yet sent are skipped (cancelled).")
    @mutation_payload
    async def cancel_campaign(self, info: Info[Context, None], input: CancelCampaignInput) -> CampaignPayload:
        viewer = info.context.require(WRITE)
        campaign = await campaigns.cancel_campaign(viewer.team, id_input(input.id, "Campaign", "id"))
        return CampaignPayload(campaign=CampaignType.from_model(campaign))

    @strawberry.mutation(description="Send the campaign's message to these addresses now, subject marked [Test].")
    @mutation_payload
    async def send_campaign_test(self, info: Info[Context, None], input: SendCampaignTestInput
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
