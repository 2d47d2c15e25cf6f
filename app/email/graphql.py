"""GraphQL for email: hub sending settings, templates, drip campaigns, enrolments, suppressions."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.core.errors import ValidationFailed
from app.email import dkim_keys, service
from app.email.models import (
    DripCampaign,
    DripEnrollment,
    DripStep,
    DripTrigger,
    EmailSend,
    EmailSettings,
    EmailTemplate,
    EnrollmentStatus,
    SendState,
    Suppression,
    SuppressionReason,
    SuppressionScope,
    TlsMode,
)
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, gid, id_arg, id_input, id_input_or_none
from app.graphql.nodes import NodeType, staff, team_rows

TlsModeEnum = strawberry.enum(TlsMode, name="EmailTlsMode")
DripTriggerEnum = strawberry.enum(DripTrigger, name="DripTrigger")
EnrollmentStatusEnum = strawberry.enum(EnrollmentStatus, name="DripEnrollmentStatus")
SendStateEnum = strawberry.enum(SendState, name="EmailSendState")
SuppressionScopeEnum = strawberry.enum(SuppressionScope, name="SuppressionScope")
SuppressionReasonEnum = strawberry.enum(SuppressionReason, name="SuppressionReason")
READ = "email:read"
_SCOPE_TYPES = {SuppressionScope.HUB: "Hub", SuppressionScope.DRIP: "DripCampaign"}


@strawberry.type(name="EmailSettings", description="How a hub sends mail. The SMTP password is write-only.")
class EmailSettingsType:
    hub_id: strawberry.ID
    smtp_host: str
    smtp_port: int
    tls_mode: TlsMode
    username: str | None
    has_password: bool
    from_name: str
    from_address: str
    reply_to: str | None
    track_opens: bool = strawberry.field(description="Campaign mail carries an open pixel (off by default).")
    track_clicks: bool = strawberry.field(description="Campaign links go through a signed redirect (off by default).")
    dkim_domain: str | None
    dkim_selector: str | None
    dkim_dns_record: str | None = strawberry.field(description=(
        "The TXT record to publish at <selector>._domainkey.<domain> for DKIM."))
    updated_at: datetime

    @classmethod
    def from_model(cls, m: EmailSettings) -> EmailSettingsType:
        return cls(
            hub_id=encode_id("Hub", m.hub_id), smtp_host=m.smtp_host, smtp_port=m.smtp_port,
            tls_mode=TlsMode(m.tls_mode),
            username=m.username, has_password=bool(m.password_encrypted), from_name=m.from_name,
            from_address=m.from_address, reply_to=m.reply_to, track_opens=m.track_opens,
            track_clicks=m.track_clicks, dkim_domain=m.dkim_domain, dkim_selector=m.dkim_selector,
            dkim_dns_record=dkim_keys.stored_dns_record(m), updated_at=m.updated_at,
        )


@strawberry.type(name="EmailTemplate")
class EmailTemplateType(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID
    key: str
    name: str
    subject: str
    html_body: str
    text_body: str
    updated_at: datetime

    @classmethod
    def from_model(cls, m: EmailTemplate) -> EmailTemplateType:
        return cls(
            id=m.id, hub_id=encode_id("Hub", m.hub_id), key=m.key, name=m.name, subject=m.subject,
            html_body=m.html_body, text_body=m.text_body, updated_at=m.updated_at,
        )


@strawberry.type(name="DripStep")
class DripStepType(relay.Node):
    id: relay.NodeID[int]
    position: int
    delay_minutes: int
    template_id: strawberry.ID

    @classmethod
    def from_model(cls, s: DripStep) -> DripStepType:
        return cls(id=s.id, position=s.position, delay_minutes=s.delay_minutes,
                   template_id=encode_id("EmailTemplate", s.template_id))


@strawberry.type(name="DripCampaign")
class DripCampaignType(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID
    name: str
    trigger: DripTrigger
    segment_id: strawberry.ID | None
    event_type: str | None
    exit_segment_id: strawberry.ID | None
    goal_event_type: str | None
    active: bool
    created_at: datetime

    @strawberry.field
    async def steps(self) -> list[DripStepType]:
        rows = await DripStep.filter(drip_id=self.id).order_by("position")
        return [DripStepType.from_model(s) for s in rows]

    @classmethod
    def from_model(cls, m: DripCampaign) -> DripCampaignType:
        return cls(
            id=m.id, hub_id=encode_id("Hub", m.hub_id), name=m.name, trigger=DripTrigger(m.trigger),
            segment_id=gid("Segment", m.trigger_segment_id or None),
            event_type=m.trigger_event_type,
            exit_segment_id=gid("Segment", m.exit_segment_id or None),
            goal_event_type=m.goal_event_type, active=m.active, created_at=m.created_at,
        )


@strawberry.type(name="EmailSend", description="One message of the outbox and where it stands.")
class EmailSendType(relay.Node):
    id: relay.NodeID[int]
    kind: str
    state: SendState
    step_position: int | None
    due_at: datetime
    finished_at: datetime | None
    message_id: str | None
    error: str | None

    @classmethod
    def from_model(cls, s: EmailSend) -> EmailSendType:
        return cls(
            id=s.id, kind=s.kind, state=SendState(s.state), step_position=s.step.position if s.step else None,
            due_at=s.due_at, finished_at=s.finished_at, message_id=s.message_id, error=s.error,
        )


@strawberry.type(name="DripEnrollment")
class DripEnrollmentType(relay.Node):
    id: relay.NodeID[int]
    drip_id: strawberry.ID
    contact_id: strawberry.ID
    status: EnrollmentStatus
    source: str
    enrolled_at: datetime
    exited_at: datetime | None
    exit_reason: str | None

    @strawberry.field
    async def sends(self) -> list[EmailSendType]:
        rows = await EmailSend.filter(enrollment_id=self.id).select_related("step").order_by("id")
        return [EmailSendType.from_model(s) for s in rows]

    @classmethod
    def from_model(cls, m: DripEnrollment) -> DripEnrollmentType:
        return cls(
            id=m.id, drip_id=encode_id("DripCampaign", m.drip_id), contact_id=encode_id("Contact", m.team_contact_id),
            status=EnrollmentStatus(m.status), source=m.source, enrolled_at=m.enrolled_at,
            exited_at=m.exited_at, exit_reason=m.exit_reason,
        )


@strawberry.type(name="Suppression")
class SuppressionType(relay.Node):
    id: relay.NodeID[int]
    email: str
    contact_id: strawberry.ID | None
    scope: SuppressionScope
    scope_id: strawberry.ID | None = strawberry.field(description="The hub or drip id of a hub/drip scope.")
    reason: SuppressionReason
    created_at: datetime

    @classmethod
    def from_model(cls, m: Suppression) -> SuppressionType:
        return cls(
            id=m.id, email=m.email, contact_id=gid("Contact", m.team_contact_id or None),
            scope=SuppressionScope(m.scope),
            scope_id=gid(_SCOPE_TYPES[m.scope], m.scope_ref) if m.scope_ref and m.scope in _SCOPE_TYPES else None,
            reason=SuppressionReason(m.reason), created_at=m.created_at,
        )


@strawberry.input
class UpdateEmailSettingsInput:
    hub_id: strawberry.ID
    smtp_host: str
    smtp_port: int
    tls_mode: TlsMode = TlsMode.STARTTLS
    username: str | None = None
    password: str | None = strawberry.field(default=None, description="null keeps the stored one; \"\" clears")
    from_name: str = ""
    from_address: str = ""
    reply_to: str | None = None
    track_opens: bool | None = strawberry.field(default=None, description="null keeps the current setting")
    track_clicks: bool | None = strawberry.field(default=None, description="null keeps the current setting")


@strawberry.type
class EmailSettingsPayload:
    settings: EmailSettingsType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class SendTestEmailInput:
    hub_id: strawberry.ID
    to: str


@strawberry.type
class SendTestEmailPayload:
    sent: bool = False
    message_id: str | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class SaveEmailTemplateInput:
    hub_id: strawberry.ID
    id: strawberry.ID | None = None
    key: str = ""
    name: str = ""
    subject: str = ""
    html_body: str = ""
    text_body: str = ""


@strawberry.type
class EmailTemplatePayload:
    template: EmailTemplateType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class DripStepInput:
    delay_minutes: int
    template_id: strawberry.ID


@strawberry.input
class CreateDripCampaignInput:
    hub_id: strawberry.ID
    name: str
    trigger: DripTrigger
    steps: list[DripStepInput]
    segment_id: strawberry.ID | None = None
    event_type: str | None = None
    exit_on_segment_leave: bool = True
    exit_segment_id: strawberry.ID | None = None
    goal_event_type: str | None = None
    active: bool = True


@strawberry.input
class UpdateDripCampaignInput:
    id: strawberry.ID
    name: str | None = None
    active: bool | None = None
    goal_event_type: str | None = None
    steps: list[DripStepInput] | None = None


@strawberry.type
class DripCampaignPayload:
    drip_campaign: DripCampaignType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


def _steps(steps: list[DripStepInput]) -> list[service.StepSpec]:
    return [service.StepSpec(s.delay_minutes, id_input(s.template_id, "EmailTemplate", f"steps.{i}.templateId"))
            for i, s in enumerate(steps)]


@strawberry.type
class EmailQuery:
    @strawberry.field(description="A hub's sending settings, or null when not configured.")
    async def email_settings(self, info: Info[Context, None], hub_id: strawberry.ID) -> EmailSettingsType | None:
        viewer = info.context.require("email:read")
        try:
            settings = await service.get_email_settings(viewer.team, id_arg(hub_id, "Hub", "hubId"))
        except ValidationFailed:
            return None
        return EmailSettingsType.from_model(settings) if settings else None

    @strawberry.field(description="A hub's email templates.")
    async def email_templates(
        self, info: Info[Context, None], hub_id: strawberry.ID, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> Connection[EmailTemplateType]:
        viewer = info.context.require("email:read")
        queryset = EmailTemplate.filter(team_id=viewer.team.id, hub_id=id_arg(hub_id, "Hub", "hubId"))
        return await keyset_page(queryset, EmailTemplateType.from_model, first=first, after=after, last=last,
                                 before=before)

    @strawberry.field(description="The team's drip campaigns, optionally of one hub.")
    async def drip_campaigns(
        self, info: Info[Context, None], hub_id: strawberry.ID | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[DripCampaignType]:
        viewer = info.context.require("email:read")
        queryset = DripCampaign.filter(team_id=viewer.team.id)
        if hub_id is not None:
            queryset = queryset.filter(hub_id=id_arg(hub_id, "Hub", "hubId"))
        return await keyset_page(queryset, DripCampaignType.from_model, first=first, after=after, last=last,
                                 before=before)

    @strawberry.field(description="Who is (or was) in a drip, oldest enrolment first.")
    async def drip_enrollments(
        self, info: Info[Context, None], drip_id: strawberry.ID, status: EnrollmentStatus | None = None,
        first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[DripEnrollmentType]:
        viewer = info.context.require("email:read")
        queryset = DripEnrollment.filter(team_id=viewer.team.id, drip_id=id_arg(drip_id, "DripCampaign", "dripId"))
        if status is not None:
            queryset = queryset.filter(status=status.value)
        return await keyset_page(queryset, DripEnrollmentType.from_model, first=first, after=after, last=last,
                                 before=before)

    @strawberry.field(description="Addresses that must not get some or all mail (unsubscribes, bounces).")
    async def suppressions(
        self, info: Info[Context, None], email: str | None = None, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> Connection[SuppressionType]:
        viewer = info.context.require("email:read")
        queryset = Suppression.filter(team_id=viewer.team.id)
        if email:
            queryset = queryset.filter(email=email.strip().lower())
        return await keyset_page(queryset, SuppressionType.from_model, first=first, after=after, last=last,
                                 before=before)


@strawberry.type
class EmailMutation:
    @strawberry.mutation(description="Create or replace a hub's SMTP sending settings.")
    @mutation_payload
    async def update_email_settings(
        self, info: Info[Context, None], input: UpdateEmailSettingsInput
    ) -> EmailSettingsPayload:
        viewer = info.context.require("email:write")
        settings = await service.update_email_settings(
            viewer.team, id_input(input.hub_id, "Hub", "hubId"), smtp_host=input.smtp_host, smtp_port=input.smtp_port,
            tls_mode=input.tls_mode.value, username=input.username, password=input.password,
            from_name=input.from_name, from_address=input.from_address, reply_to=input.reply_to,
            track_opens=input.track_opens, track_clicks=input.track_clicks,
        )
        return EmailSettingsPayload(settings=EmailSettingsType.from_model(settings))

    @strawberry.mutation(description="Send a test message through the hub's settings now.")
    @mutation_payload
    async def send_test_email(self, info: Info[Context, None], input: SendTestEmailInput) -> SendTestEmailPayload:
        viewer = info.context.require("email:write")
        message_id = await service.send_test_email(viewer.team, id_input(input.hub_id, "Hub", "hubId"), input.to)
        return SendTestEmailPayload(sent=True, message_id=message_id)

    @strawberry.mutation(description="Create (no id) or update a template; templates that fail to compile are refused.")
    @mutation_payload
    async def save_email_template(
        self, info: Info[Context, None], input: SaveEmailTemplateInput
    ) -> EmailTemplatePayload:
        viewer = info.context.require("email:write")
        template = await service.save_email_template(
            viewer.team, template_id=id_input_or_none(input.id, "EmailTemplate", "id"),
            hub_id=id_input(input.hub_id, "Hub", "hubId"),
            key=input.key, name=input.name, subject=input.subject, html_body=input.html_body,
            text_body=input.text_body,
        )
        return EmailTemplatePayload(template=EmailTemplateType.from_model(template))

    @strawberry.mutation
    @mutation_payload
    async def create_drip_campaign(
        self, info: Info[Context, None], input: CreateDripCampaignInput
    ) -> DripCampaignPayload:
        viewer = info.context.require("email:write")
        drip = await service.create_drip_campaign(
            viewer.team, hub_id=id_input(input.hub_id, "Hub", "hubId"), name=input.name, trigger=input.trigger.value,
            segment_id=id_input_or_none(input.segment_id, "Segment", "segmentId"), event_type=input.event_type,
            exit_on_segment_leave=input.exit_on_segment_leave,
            exit_segment_id=id_input_or_none(input.exit_segment_id, "Segment", "exitSegmentId"),
            goal_event_type=input.goal_event_type,
            active=input.active, steps=_steps(input.steps),
        )
        return DripCampaignPayload(drip_campaign=DripCampaignType.from_model(drip))

    @strawberry.mutation
    @mutation_payload
    async def update_drip_campaign(
        self, info: Info[Context, None], input: UpdateDripCampaignInput
    ) -> DripCampaignPayload:
        viewer = info.context.require("email:write")
        drip = await service.update_drip_campaign(
            viewer.team, id_input(input.id, "DripCampaign", "id"), name=input.name, active=input.active,
            goal_event_type=input.goal_event_type,
            steps=_steps(input.steps) if input.steps is not None else None,
        )
        return DripCampaignPayload(drip_campaign=DripCampaignType.from_model(drip))


async def _sends(info: Info[Context, None], team_id: int, pks: list[int]) -> dict[int, EmailSendType]:
    rows = await EmailSend.filter(team_id=team_id, id__in=pks).select_related("step")
    return {s.id: EmailSendType.from_model(s) for s in rows}


NODE_TYPES = (
    NodeType("EmailTemplate", staff(READ), team_rows(EmailTemplate, EmailTemplateType.from_model)),
    NodeType("DripCampaign", staff(READ), team_rows(DripCampaign, DripCampaignType.from_model)),
    NodeType("DripStep", staff(READ), team_rows(DripStep, DripStepType.from_model)),
    NodeType("DripEnrollment", staff(READ), team_rows(DripEnrollment, DripEnrollmentType.from_model)),
    NodeType("EmailSend", staff(READ), _sends),
    NodeType("Suppression", staff(READ), team_rows(Suppression, SuppressionType.from_model)),
)
