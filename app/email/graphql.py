"""GraphQL for email: hub sending settings, templates, drip campaigns, enrolments, suppressions."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from app.core.errors import ValidationFailed
from app.email import service
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
from app.graphql.errors import UserError, user_errors
from app.graphql.ids import parse_id_or_none

TlsModeEnum = strawberry.enum(TlsMode, name="EmailTlsMode")
DripTriggerEnum = strawberry.enum(DripTrigger, name="DripTrigger")
EnrollmentStatusEnum = strawberry.enum(EnrollmentStatus, name="DripEnrollmentStatus")
SendStateEnum = strawberry.enum(SendState, name="EmailSendState")
SuppressionScopeEnum = strawberry.enum(SuppressionScope, name="SuppressionScope")
SuppressionReasonEnum = strawberry.enum(SuppressionReason, name="SuppressionReason")


def _id(value: int) -> strawberry.ID:
    return strawberry.ID(str(value))


@strawberry.type(name="EmailSettings", description="How a hub sends mail. The SMTP password is write-only.")
class EmailSettingsType:
    hub_id: strawberry.ID
    smtp_host: str
    smtp_port: int
    tls_mode: TlsModeEnum  # type: ignore[valid-type]
    username: str | None
    has_password: bool
    from_name: str
    from_address: str
    reply_to: str | None
    updated_at: datetime

    @classmethod
    def from_model(cls, m: EmailSettings) -> EmailSettingsType:
        return cls(
            hub_id=_id(m.hub_id), smtp_host=m.smtp_host, smtp_port=m.smtp_port, tls_mode=TlsMode(m.tls_mode),
            username=m.username, has_password=bool(m.password_encrypted), from_name=m.from_name,
            from_address=m.from_address, reply_to=m.reply_to, updated_at=m.updated_at,
        )


@strawberry.type(name="EmailTemplate")
class EmailTemplateType:
    id: strawberry.ID
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
            id=_id(m.id), hub_id=_id(m.hub_id), key=m.key, name=m.name, subject=m.subject,
            html_body=m.html_body, text_body=m.text_body, updated_at=m.updated_at,
        )


@strawberry.type(name="DripStep")
class DripStepType:
    id: strawberry.ID
    position: int
    delay_minutes: int
    template_id: strawberry.ID


@strawberry.type(name="DripCampaign")
class DripCampaignType:
    id: strawberry.ID
    hub_id: strawberry.ID
    name: str
    trigger: DripTriggerEnum  # type: ignore[valid-type]
    segment_id: strawberry.ID | None
    event_type: str | None
    exit_segment_id: strawberry.ID | None
    goal_event_type: str | None
    active: bool
    created_at: datetime

    @strawberry.field
    async def steps(self) -> list[DripStepType]:
        rows = await DripStep.filter(drip_id=int(self.id)).order_by("position")
        return [DripStepType(id=_id(s.id), position=s.position, delay_minutes=s.delay_minutes,
                             template_id=_id(s.template_id)) for s in rows]

    @classmethod
    def from_model(cls, m: DripCampaign) -> DripCampaignType:
        return cls(
            id=_id(m.id), hub_id=_id(m.hub_id), name=m.name, trigger=DripTrigger(m.trigger),
            segment_id=_id(m.trigger_segment_id) if m.trigger_segment_id else None,
            event_type=m.trigger_event_type,
            exit_segment_id=_id(m.exit_segment_id) if m.exit_segment_id else None,
            goal_event_type=m.goal_event_type, active=m.active, created_at=m.created_at,
        )


@strawberry.type(name="EmailSend", description="One message of the outbox and where it stands.")
class EmailSendType:
    id: strawberry.ID
    kind: str
    state: SendStateEnum  # type: ignore[valid-type]
    step_position: int | None
    due_at: datetime
    finished_at: datetime | None
    message_id: str | None
    error: str | None


@strawberry.type(name="DripEnrollment")
class DripEnrollmentType:
    id: strawberry.ID
    drip_id: strawberry.ID
    contact_id: strawberry.ID
    status: EnrollmentStatusEnum  # type: ignore[valid-type]
    source: str
    enrolled_at: datetime
    exited_at: datetime | None
    exit_reason: str | None

    @strawberry.field
    async def sends(self) -> list[EmailSendType]:
        rows = await EmailSend.filter(enrollment_id=int(self.id)).select_related("step").order_by("id")
        return [
            EmailSendType(
                id=_id(s.id), kind=s.kind, state=SendState(s.state), step_position=s.step.position if s.step else None,
                due_at=s.due_at, finished_at=s.finished_at, message_id=s.message_id, error=s.error,
            )
            for s in rows
        ]

    @classmethod
    def from_model(cls, m: DripEnrollment) -> DripEnrollmentType:
        return cls(
            id=_id(m.id), drip_id=_id(m.drip_id), contact_id=_id(m.team_contact_id),
            status=EnrollmentStatus(m.status), source=m.source, enrolled_at=m.enrolled_at,
            exited_at=m.exited_at, exit_reason=m.exit_reason,
        )


@strawberry.type(name="Suppression")
class SuppressionType:
    id: strawberry.ID
    email: str
    contact_id: strawberry.ID | None
    scope: SuppressionScopeEnum  # type: ignore[valid-type]
    scope_id: strawberry.ID | None = strawberry.field(description="The hub or drip id of a hub/drip scope.")
    reason: SuppressionReasonEnum  # type: ignore[valid-type]
    created_at: datetime

    @classmethod
    def from_model(cls, m: Suppression) -> SuppressionType:
        return cls(
            id=_id(m.id), email=m.email, contact_id=_id(m.team_contact_id) if m.team_contact_id else None,
            scope=SuppressionScope(m.scope), scope_id=_id(m.scope_ref) if m.scope_ref else None,
            reason=SuppressionReason(m.reason), created_at=m.created_at,
        )


@strawberry.input
class UpdateEmailSettingsInput:
    hub_id: strawberry.ID
    smtp_host: str
    smtp_port: int
    tls_mode: TlsModeEnum = TlsMode.STARTTLS  # type: ignore[valid-type]
    username: str | None = None
    password: str | None = strawberry.field(default=None, description="null keeps the stored one; \"\" clears")
    from_name: str = ""
    from_address: str = ""
    reply_to: str | None = None


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
    trigger: DripTriggerEnum  # type: ignore[valid-type]
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
    return [service.StepSpec(s.delay_minutes, parse_id_or_none(s.template_id)) for s in steps]


def _id_or_invalid(value: strawberry.ID | None) -> int | None:
    """Absent stays None; a malformed id becomes -1 so it is reported as not found."""
    if value is None:
        return None
    return parse_id_or_none(value) or -1


@strawberry.type
class EmailQuery:
    @strawberry.field(description="A hub's sending settings, or null when not configured.")
    async def email_settings(self, info: Info[Context, None], hub_id: strawberry.ID) -> EmailSettingsType | None:
        viewer = info.context.require("email:read")
        try:
            settings = await service.get_email_settings(viewer.team, parse_id_or_none(hub_id))
        except ValidationFailed:
            return None
        return EmailSettingsType.from_model(settings) if settings else None

    @strawberry.field(description="A hub's email templates.")
    async def email_templates(
        self, info: Info[Context, None], hub_id: strawberry.ID, first: int | None = None, after: str | None = None
    ) -> Connection[EmailTemplateType]:
        viewer = info.context.require("email:read")
        queryset = EmailTemplate.filter(team_id=viewer.team.id, hub_id=parse_id_or_none(hub_id) or 0)
        return await keyset_page(queryset, EmailTemplateType.from_model, first=first, after=after)

    @strawberry.field(description="The team's drip campaigns, optionally of one hub.")
    async def drip_campaigns(
        self, info: Info[Context, None], hub_id: strawberry.ID | None = None, first: int | None = None,
        after: str | None = None,
    ) -> Connection[DripCampaignType]:
        viewer = info.context.require("email:read")
        queryset = DripCampaign.filter(team_id=viewer.team.id)
        if hub_id is not None:
            queryset = queryset.filter(hub_id=parse_id_or_none(hub_id) or 0)
        return await keyset_page(queryset, DripCampaignType.from_model, first=first, after=after)

    @strawberry.field(description="Who is (or was) in a drip, oldest enrolment first.")
    async def drip_enrollments(
        self, info: Info[Context, None], drip_id: strawberry.ID, status: EnrollmentStatusEnum | None = None,  # type: ignore[valid-type]
        first: int | None = None, after: str | None = None,
    ) -> Connection[DripEnrollmentType]:
        viewer = info.context.require("email:read")
        queryset = DripEnrollment.filter(team_id=viewer.team.id, drip_id=parse_id_or_none(drip_id) or 0)
        if status is not None:
            queryset = queryset.filter(status=status.value)
        return await keyset_page(queryset, DripEnrollmentType.from_model, first=first, after=after)

    @strawberry.field(description="Addresses that must not get some or all mail (unsubscribes, bounces).")
    async def suppressions(
        self, info: Info[Context, None], email: str | None = None, first: int | None = None, after: str | None = None
    ) -> Connection[SuppressionType]:
        viewer = info.context.require("email:read")
        queryset = Suppression.filter(team_id=viewer.team.id)
        if email:
            queryset = queryset.filter(email=email.strip().lower())
        return await keyset_page(queryset, SuppressionType.from_model, first=first, after=after)


@strawberry.type
class EmailMutation:
    @strawberry.mutation(description="Create or replace a hub's SMTP sending settings.")
    async def update_email_settings(
        self, info: Info[Context, None], input: UpdateEmailSettingsInput
    ) -> EmailSettingsPayload:
        viewer = info.context.require("email:write")
        try:
            settings = await service.update_email_settings(
                viewer.team, parse_id_or_none(input.hub_id), smtp_host=input.smtp_host, smtp_port=input.smtp_port,
                tls_mode=input.tls_mode.value, username=input.username, password=input.password,
                from_name=input.from_name, from_address=input.from_address, reply_to=input.reply_to,
            )
        except ValidationFailed as exc:
            return EmailSettingsPayload(user_errors=user_errors(exc))
        return EmailSettingsPayload(settings=EmailSettingsType.from_model(settings))

    @strawberry.mutation(description="Send a test message through the hub's settings now.")
    async def send_test_email(self, info: Info[Context, None], input: SendTestEmailInput) -> SendTestEmailPayload:
        viewer = info.context.require("email:write")
        try:
            message_id = await service.send_test_email(viewer.team, parse_id_or_none(input.hub_id), input.to)
        except ValidationFailed as exc:
            return SendTestEmailPayload(user_errors=user_errors(exc))
        return SendTestEmailPayload(sent=True, message_id=message_id)

    @strawberry.mutation(description="Create (no id) or update a template; templates that fail to compile are refused.")
    async def save_email_template(
        self, info: Info[Context, None], input: SaveEmailTemplateInput
    ) -> EmailTemplatePayload:
        viewer = info.context.require("email:write")
        try:
            template = await service.save_email_template(
                viewer.team, template_id=_id_or_invalid(input.id), hub_id=parse_id_or_none(input.hub_id),
                key=input.key, name=input.name, subject=input.subject, html_body=input.html_body,
                text_body=input.text_body,
            )
        except ValidationFailed as exc:
            return EmailTemplatePayload(user_errors=user_errors(exc))
        return EmailTemplatePayload(template=EmailTemplateType.from_model(template))

    @strawberry.mutation
    async def create_drip_campaign(
        self, info: Info[Context, None], input: CreateDripCampaignInput
    ) -> DripCampaignPayload:
        viewer = info.context.require("email:write")
        try:
            drip = await service.create_drip_campaign(
                viewer.team, hub_id=parse_id_or_none(input.hub_id), name=input.name, trigger=input.trigger.value,
                segment_id=_id_or_invalid(input.segment_id), event_type=input.event_type,
                exit_on_segment_leave=input.exit_on_segment_leave,
                exit_segment_id=_id_or_invalid(input.exit_segment_id), goal_event_type=input.goal_event_type,
                active=input.active, steps=_steps(input.steps),
            )
        except ValidationFailed as exc:
            return DripCampaignPayload(user_errors=user_errors(exc))
        return DripCampaignPayload(drip_campaign=DripCampaignType.from_model(drip))

    @strawberry.mutation
    async def update_drip_campaign(
        self, info: Info[Context, None], input: UpdateDripCampaignInput
    ) -> DripCampaignPayload:
        viewer = info.context.require("email:write")
        try:
            drip = await service.update_drip_campaign(
                viewer.team, parse_id_or_none(input.id), name=input.name, active=input.active,
                goal_event_type=input.goal_event_type,
                steps=_steps(input.steps) if input.steps is not None else None,
            )
        except ValidationFailed as exc:
            return DripCampaignPayload(user_errors=user_errors(exc))
        return DripCampaignPayload(drip_campaign=DripCampaignType.from_model(drip))
