"""GraphQL for email: hub sending settings, templates, drip campaigns, enrolments, suppressions."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

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
    ReentryPolicy,
    SendState,
    Suppression,
    SuppressionReason,
    SuppressionScope,
    TlsMode,
)
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.enums import described_enum
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, gid, id_arg, id_input, id_input_or_none
from app.graphql.nodes import NodeType, staff, team_rows
from app.teams import audit

TlsModeEnum = described_enum(TlsMode, name="EmailTlsMode", description=(
    "How MemberHub secures its connection to the hub's SMTP server."), values={
    "NONE": "Plain text, no TLS (only for a local relay).",
    "STARTTLS": "Connect in plain text, then upgrade with STARTTLS (usually port 587; the default).",
    "TLS": "TLS from the first byte (implicit TLS, usually port 465).",
})
DripTriggerEnum = described_enum(DripTrigger, name="DripTrigger", description=(
    "What enrols a contact in a drip campaign."), values={
    "SEGMENT_JOIN": "Joining the drip's segment (`segmentId`), from the drip's creation on.",
    "EVENT": "Tracking an event of the drip's `eventType`.",
})
ReentryPolicyEnum = described_enum(ReentryPolicy, name="DripReentryPolicy", description=(
    "Whether a contact who was in a drip before enrols again on a new trigger (a join or an event); "
    "never while an enrolment of theirs is still active."), values={
    "ONCE_EVER": "At most one enrolment per contact, ever.",
    "AGAIN_AFTER_LEAVING": "Again on a new trigger once the previous enrolment ended (completed or exited).",
    "AT_MOST_EVERY_N_DAYS": "As AGAIN_AFTER_LEAVING, and only `reentryDays` days or more after the last entry.",
})
EnrollmentStatusEnum = described_enum(EnrollmentStatus, name="DripEnrollmentStatus", description=(
    "Where a contact stands in a drip."), values={
    "ACTIVE": "Enrolled; steps are still to be sent.",
    "COMPLETED": "Every step was sent.",
    "EXITED": "Left before the end (`exitReason`).",
})
SendStateEnum = described_enum(SendState, name="EmailSendState", description=(
    "Where one outbox message stands: scheduled → queued → sending → sent."), values={
    "SCHEDULED": "Waiting for its `dueAt`.",
    "QUEUED": "Due and handed to a worker.",
    "SENDING": "Being handed to the SMTP server.",
    "SENT": "The SMTP server accepted it (`messageId`).",
    "UNCERTAIN": "A rerun found it mid-send: it may or may not have gone out, and is not sent again.",
    "SKIPPED": "Not sent on purpose (suppressed, left the segment, goal reached); `error` says why.",
    "FAILED": "Could not be sent; `error` says why.",
})
SuppressionScopeEnum = described_enum(SuppressionScope, name="SuppressionScope", description=(
    "What mail a suppression stops."), values={
    "ALL": "Everything, transactional mail included (hard bounces, complaints).",
    "MARKETING": "Every marketing mail of the team.",
    "HUB": "One hub's marketing mail (`scopeId` is the Hub).",
    "DRIP": "One drip campaign (`scopeId` is the DripCampaign).",
})
SuppressionReasonEnum = described_enum(SuppressionReason, name="SuppressionReason", description=(
    "Why an address is suppressed."), values={
    "UNSUBSCRIBE": "The contact unsubscribed (a mail's link or one-click header).",
    "HARD_BOUNCE": "The address does not exist or refuses mail for good.",
    "COMPLAINT": "The recipient marked mail as spam.",
    "MANUAL": "Staff added it.",
})
READ = "email:read"
_SCOPE_TYPES = {SuppressionScope.HUB: "Hub", SuppressionScope.DRIP: "DripCampaign"}


@strawberry.type(name="EmailSettings", description="How a hub sends mail. The SMTP password is write-only.")
class EmailSettingsType:
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id).")
    smtp_host: str = strawberry.field(description="SMTP server host name.")
    smtp_port: int = strawberry.field(description="SMTP server port (1 to 65535).")
    tls_mode: TlsMode = strawberry.field(description="How the connection is secured.")
    username: str | None = strawberry.field(description="SMTP user name; null when the server needs none.")
    has_password: bool = strawberry.field(description="Whether a password is stored (it is never shown).")
    from_name: str = strawberry.field(description="Display name mail comes from.")
    from_address: str = strawberry.field(description="Address mail comes from.")
    reply_to: str | None = strawberry.field(description="Reply-To address; null: replies go to `fromAddress`.")
    track_opens: bool = strawberry.field(description="Campaign mail carries an open pixel (off by default).")
    track_clicks: bool = strawberry.field(description="Campaign links go through a signed redirect (off by default).")
    dkim_domain: str | None = strawberry.field(description="The domain DKIM signatures are made for (d=).")
    dkim_selector: str | None = strawberry.field(description="The DKIM selector (s=).")
    dkim_dns_record: str | None = strawberry.field(description=(
        "The TXT record to publish at <selector>._domainkey.<domain> for DKIM."))
    has_bounce_webhook_secret: bool = strawberry.field(description=(
        "Whether the bounce webhooks are enabled (`rotateBounceWebhookSecret`); the secret is never shown again."))
    bounce_webhook_paths: list[str] = strawberry.field(description=(
        "The hub's bounce intake paths under the API's public URL: the Postmark webhook and the raw "
        "DSN (RFC 3464) endpoint; both take HTTP Basic auth with the bounce webhook secret as password."))
    updated_at: datetime = strawberry.field(description="When the settings last changed.")

    @classmethod
    def from_model(cls, m: EmailSettings) -> EmailSettingsType:
        return cls(
            hub_id=encode_id("Hub", m.hub_id), smtp_host=m.smtp_host, smtp_port=m.smtp_port,
            tls_mode=TlsMode(m.tls_mode),
            username=m.username, has_password=bool(m.password_encrypted), from_name=m.from_name,
            from_address=m.from_address, reply_to=m.reply_to, track_opens=m.track_opens,
            track_clicks=m.track_clicks, dkim_domain=m.dkim_domain, dkim_selector=m.dkim_selector,
            dkim_dns_record=dkim_keys.stored_dns_record(m),
            has_bounce_webhook_secret=bool(m.bounce_webhook_secret_encrypted),
            bounce_webhook_paths=[f"/email/bounces/{encode_id('Hub', m.hub_id)}/{kind}"
                                  for kind in ("postmark", "dsn")],
            updated_at=m.updated_at,
        )


@strawberry.type(name="EmailTemplate", description=(
    "A hub's email template (Jinja2, rendered in a sandbox); transactional mails use the keys `welcome`, "
    "`magic_link` and `purchase_receipt`. Needs email:read."))
class EmailTemplateType(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id).")
    key: str = strawberry.field(description="Stable key, unique in the hub: lowercase letters, digits, `_` and `-`.")
    name: str = strawberry.field(description="Name for people.")
    subject: str = strawberry.field(description="Subject line template.")
    html_body: str = strawberry.field(description="HTML body template.")
    text_body: str = strawberry.field(description="Plain-text body template.")
    updated_at: datetime = strawberry.field(description="When the template last changed.")

    @classmethod
    def from_model(cls, m: EmailTemplate) -> EmailTemplateType:
        return cls(
            id=m.id, hub_id=encode_id("Hub", m.hub_id), key=m.key, name=m.name, subject=m.subject,
            html_body=m.html_body, text_body=m.text_body, updated_at=m.updated_at,
        )


@strawberry.type(name="DripStep", description="One mail of a drip campaign. Needs email:read.")
class DripStepType(relay.Node):
    id: relay.NodeID[int]
    position: int = strawberry.field(description="Place in the drip, from 0.")
    delay_minutes: int = strawberry.field(description=(
        "Minutes after enrolment when it is sent (steps are in order of delay)."))
    template_id: strawberry.ID = strawberry.field(description="The template sent (an EmailTemplate id).")

    @classmethod
    def from_model(cls, s: DripStep) -> DripStepType:
        return cls(id=s.id, position=s.position, delay_minutes=s.delay_minutes,
                   template_id=encode_id("EmailTemplate", s.template_id))


@strawberry.type(name="DripCampaign", description=(
    "A series of mails sent to contacts after a trigger, until they finish or exit. Needs email:read."))
class DripCampaignType(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID = strawberry.field(description="The hub whose settings and templates it uses (a Hub id).")
    name: str = strawberry.field(description="Name, unique in the team.")
    trigger: DripTrigger = strawberry.field(description="What enrols contacts.")
    segment_id: strawberry.ID | None = strawberry.field(description=(
        "SEGMENT_JOIN: the segment (a Segment id); null for EVENT or once the segment was deleted."))
    event_type: str | None = strawberry.field(description="EVENT: the event type that enrols; null otherwise.")
    exit_segment_id: strawberry.ID | None = strawberry.field(description=(
        "Contacts who leave this segment exit the drip; null: no exit segment."))
    goal_event_type: str | None = strawberry.field(description=(
        "Contacts who track this event exit the drip (goal reached); null: no goal."))
    active: bool = strawberry.field(description="Whether it enrols and sends; paused drips keep their enrolments.")
    reentry: ReentryPolicy = strawberry.field(description=(
        "Whether a contact who was in the drip before enrols again on a new trigger."))
    reentry_days: int | None = strawberry.field(description=(
        "AT_MOST_EVERY_N_DAYS: the days that must pass between two entries; null for the other policies."))
    created_at: datetime = strawberry.field(description=(
        "When the drip was created (only later joins and events enrol)."))

    @strawberry.field(description="The steps in order.")
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
            goal_event_type=m.goal_event_type, active=m.active, reentry=ReentryPolicy(m.reentry),
            reentry_days=m.reentry_days, created_at=m.created_at,
        )


@strawberry.type(name="EmailSend", description="One message of the outbox and where it stands.")
class EmailSendType(relay.Node):
    id: relay.NodeID[int]
    kind: str = strawberry.field(description=(
        "What the mail is (`drip`, `welcome`, `magic_link`, `purchase_receipt`, ...)."))
    state: SendState = strawberry.field(description="Where it stands.")
    step_position: int | None = strawberry.field(description="The drip step it sends; null for other mail.")
    due_at: datetime = strawberry.field(description="When it is (or was) due.")
    finished_at: datetime | None = strawberry.field(description=(
        "When it was sent, skipped or failed; null while pending."))
    message_id: str | None = strawberry.field(description="The Message-ID header it went out with; null until sent.")
    error: str | None = strawberry.field(description="Why it was skipped or failed; null otherwise.")
    skip_reason: str | None = strawberry.field(description=(
        "A skipped send's reason, one word: the send-time gauntlet's (`suppressed`, `invalid_address`, "
        "`banned`, `no_consent`) or the drip's exit (`left_segment`, `goal_reached`); null otherwise."))

    @classmethod
    def from_model(cls, s: EmailSend) -> EmailSendType:
        return cls(
            id=s.id, kind=s.kind, state=SendState(s.state), step_position=s.step.position if s.step else None,
            due_at=s.due_at, finished_at=s.finished_at, message_id=s.message_id, error=s.error,
            skip_reason=s.skip_reason,
        )


@strawberry.type(name="DripEnrollment", description="One contact's way through a drip. Needs email:read.")
class DripEnrollmentType(relay.Node):
    id: relay.NodeID[int]
    drip_id: strawberry.ID = strawberry.field(description="The drip (a DripCampaign id).")
    contact_id: strawberry.ID = strawberry.field(description="The contact (a Contact id).")
    status: EnrollmentStatus = strawberry.field(description="Active, completed or exited.")
    source: str = strawberry.field(description="What enrolled it: `segment_join` or `event`.")
    enrolled_at: datetime = strawberry.field(description="When the contact was enrolled; step delays count from it.")
    exited_at: datetime | None = strawberry.field(description="When it exited; null unless EXITED.")
    exit_reason: str | None = strawberry.field(description=(
        "Why: `left_segment`, `goal_reached` or `suppressed`; null unless EXITED."))

    @strawberry.field(description="The outbox messages of this enrolment, oldest first.")
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


@strawberry.type(name="Suppression", description="An address that must not get some or all mail. Needs email:read.")
class SuppressionType(relay.Node):
    id: relay.NodeID[int]
    email: str = strawberry.field(description="The address, lowercased.")
    contact_id: strawberry.ID | None = strawberry.field(description=(
        "The contact with that address (a Contact id); null when none."))
    scope: SuppressionScope = strawberry.field(description="What mail it stops.")
    scope_id: strawberry.ID | None = strawberry.field(description="The hub or drip id of a hub/drip scope.")
    reason: SuppressionReason = strawberry.field(description="Why.")
    created_at: datetime = strawberry.field(description="When it was recorded.")

    @classmethod
    def from_model(cls, m: Suppression) -> SuppressionType:
        return cls(
            id=m.id, email=m.email, contact_id=gid("Contact", m.team_contact_id or None),
            scope=SuppressionScope(m.scope),
            scope_id=gid(_SCOPE_TYPES[m.scope], m.scope_ref) if m.scope_ref and m.scope in _SCOPE_TYPES else None,
            reason=SuppressionReason(m.reason), created_at=m.created_at,
        )


@strawberry.input(description="A hub's SMTP settings (replacing any it had).")
class UpdateEmailSettingsInput:
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id).")
    smtp_host: str = strawberry.field(description="SMTP server host name (required).")
    smtp_port: int = strawberry.field(description="SMTP server port, 1 to 65535.")
    tls_mode: TlsMode = strawberry.field(default=TlsMode.STARTTLS, description=(
        "How to secure the connection (default STARTTLS)."))
    username: str | None = strawberry.field(default=None, description="SMTP user name; null when none.")
    password: str | None = strawberry.field(default=None, description="null keeps the stored one; \"\" clears")
    from_name: str = strawberry.field(default="", description="Display name mail comes from, one line (required).")
    from_address: str = strawberry.field(default="", description="Address mail comes from (required).")
    reply_to: str | None = strawberry.field(default=None, description="Reply-To address; null for none.")
    track_opens: bool | None = strawberry.field(default=None, description=(
        "Open tracking of campaign mail; null keeps the current setting."))
    track_clicks: bool | None = strawberry.field(default=None, description=(
        "Click tracking of campaign mail; null keeps the current setting."))


@strawberry.type(description="Result of `updateEmailSettings`.")
class EmailSettingsPayload:
    settings: EmailSettingsType | None = strawberry.field(default=None, description=(
        "The settings as stored now (no password); null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="Where to send a test message.")
class SendTestEmailInput:
    hub_id: strawberry.ID = strawberry.field(description=(
        "The hub whose settings to use (NOT_CONFIGURED without settings)."))
    to: str = strawberry.field(description="The recipient address.")


@strawberry.type(description="Result of `sendTestEmail`.")
class SendTestEmailPayload:
    sent: bool = strawberry.field(default=False, description="True when the SMTP server accepted the message.")
    message_id: str | None = strawberry.field(default=None, description="Its Message-ID header; null when not sent.")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A template to create (no `id`) or update.")
class SaveEmailTemplateInput:
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id).")
    id: strawberry.ID | None = strawberry.field(default=None, description=(
        "The template to update (an EmailTemplate id); omit to create one."))
    key: str = strawberry.field(default="", description=(
        "Stable key: lowercase letters, digits, `_` and `-`; DUPLICATE_KEY if the hub has it."))
    name: str = strawberry.field(default="", description="Name for people (required).")
    subject: str = strawberry.field(default="", description="Subject line template (Jinja2).")
    html_body: str = strawberry.field(default="", description=(
        "HTML body template (Jinja2; TEMPLATE_ERROR when it does not compile)."))
    text_body: str = strawberry.field(default="", description="Plain-text body template (Jinja2).")


@strawberry.type(description="Result of `saveEmailTemplate`.")
class EmailTemplatePayload:
    template: EmailTemplateType | None = strawberry.field(default=None, description=(
        "The template as stored now; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="One step of a drip.")
class DripStepInput:
    delay_minutes: int = strawberry.field(description=(
        "Minutes after enrolment, 0 to one year; not less than the step before (INVALID_DELAY)."))
    template_id: strawberry.ID = strawberry.field(description="A template of the drip's hub (an EmailTemplate id).")


@strawberry.input(description="A new drip campaign.")
class CreateDripCampaignInput:
    hub_id: strawberry.ID = strawberry.field(description="The hub whose settings and templates it uses (a Hub id).")
    name: str = strawberry.field(description="Name, unique in the team (DUPLICATE_NAME).")
    trigger: DripTrigger = strawberry.field(description="What enrols contacts.")
    steps: list[DripStepInput] = strawberry.field(description="1 to 50 steps, in order of delay.")
    segment_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "SEGMENT_JOIN: the segment (required for it)."))
    event_type: str | None = strawberry.field(default=None, description="EVENT: the event type (required for it).")
    exit_on_segment_leave: bool = strawberry.field(default=True, description=(
        "SEGMENT_JOIN: leaving the segment exits the drip (default true)."))
    exit_segment_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "Another segment whose leavers exit the drip."))
    goal_event_type: str | None = strawberry.field(default=None, description=(
        "An event type that exits the drip once tracked (goal reached)."))
    active: bool = strawberry.field(default=True, description="Whether it starts enrolling at once (default true).")
    reentry: ReentryPolicy = strawberry.field(default=ReentryPolicy.ONCE_EVER, description=(
        "Whether a contact enrols again after an earlier enrolment ended (default ONCE_EVER)."))
    reentry_days: int | None = strawberry.field(default=None, description=(
        "AT_MOST_EVERY_N_DAYS: days between two entries, 1 to 3650 (required for it, refused for the others)."))


@strawberry.input(description="Changes to a drip; fields left out or null are kept.")
class UpdateDripCampaignInput:
    id: strawberry.ID = strawberry.field(description="The drip (a DripCampaign id).")
    name: str | None = strawberry.field(default=None, description="New name.")
    active: bool | None = strawberry.field(default=None, description="Pause (false) or resume (true).")
    goal_event_type: str | None = strawberry.field(default=None, description="New goal event type.")
    reentry: ReentryPolicy | None = strawberry.field(default=None, description=(
        "New re-entry policy (applies to triggers from now on; with reentryDays for AT_MOST_EVERY_N_DAYS)."))
    reentry_days: int | None = strawberry.field(default=None, description=(
        "AT_MOST_EVERY_N_DAYS: days between two entries, 1 to 3650."))
    steps: list[DripStepInput] | None = strawberry.field(default=None, description=(
        "New steps (replace the old ones; steps that already sent mail must stay: STEP_IN_USE)."))


@strawberry.type(description="Result of `createDripCampaign` and `updateDripCampaign`.")
class DripCampaignPayload:
    drip_campaign: DripCampaignType | None = strawberry.field(default=None, description=(
        "The drip as stored now; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


def _steps(steps: list[DripStepInput]) -> list[service.StepSpec]:
    return [service.StepSpec(s.delay_minutes, id_input(s.template_id, "EmailTemplate", f"steps.{i}.templateId"))
            for i, s in enumerate(steps)]


@strawberry.type
class EmailQuery:
    @strawberry.field(description="A hub's sending settings, or null when not configured.")
    async def email_settings(
        self, info: Info[Context, None],
        hub_id: Annotated[strawberry.ID, strawberry.argument(description="The hub (a Hub id).")],
    ) -> EmailSettingsType | None:
        viewer = info.context.require("email:read")
        try:
            settings = await service.get_email_settings(viewer.team, id_arg(hub_id, "Hub", "hubId"))
        except ValidationFailed:
            return None
        return EmailSettingsType.from_model(settings) if settings else None

    @strawberry.field(description="A hub's email templates.")
    async def email_templates(
        self, info: Info[Context, None], hub_id: Annotated[strawberry.ID, strawberry.argument(description=(
            "The hub (a Hub id)."))], first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> Connection[EmailTemplateType]:
        viewer = info.context.require("email:read")
        queryset = EmailTemplate.filter(team_id=viewer.team.id, hub_id=id_arg(hub_id, "Hub", "hubId"))
        return await keyset_page(queryset, EmailTemplateType.from_model, first=first, after=after, last=last,
                                 before=before)

    @strawberry.field(description="The team's drip campaigns, optionally of one hub.")
    async def drip_campaigns(
        self, info: Info[Context, None], hub_id: Annotated[strawberry.ID | None, strawberry.argument(description=(
            "Only this hub's (a Hub id)."))] = None, first: int | None = None,
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
        self, info: Info[Context, None],
        drip_id: Annotated[strawberry.ID, strawberry.argument(description="The drip (a DripCampaign id).")],
        status: Annotated[EnrollmentStatus | None, strawberry.argument(description=(
            "Only enrolments in this status."))] = None,
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
        self, info: Info[Context, None], email: Annotated[str | None, strawberry.argument(description=(
            "Only this address (case-insensitive)."))] = None, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> Connection[SuppressionType]:
        viewer = info.context.require("email:read")
        queryset = Suppression.filter(team_id=viewer.team.id)
        if email:
            queryset = queryset.filter(email=email.strip().lower())
        return await keyset_page(queryset, SuppressionType.from_model, first=first, after=after, last=last,
                                 before=before)


@strawberry.input(description="An address to suppress by hand (reason MANUAL). Needs email:write.")
class AddSuppressionInput:
    email: str = strawberry.field(description="The address (validated and normalised; INVALID_EMAIL otherwise).")
    scope: SuppressionScope = strawberry.field(description=(
        "What mail it stops: ALL (transactional too), MARKETING, one HUB's or one DRIP's marketing."))
    hub_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "HUB: the hub (a Hub id; required for it, NOT_APPLICABLE otherwise)."))
    drip_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "DRIP: the drip (a DripCampaign id; required for it, NOT_APPLICABLE otherwise)."))


@strawberry.type(description="Result of `addSuppression`.")
class SuppressionPayload:
    suppression: SuppressionType | None = strawberry.field(default=None, description=(
        "The suppression as stored (an existing one unchanged when it was there already); null on userErrors."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A new DKIM key for a hub's mail. Needs email:write.")
class GenerateDkimKeyInput:
    hub_id: strawberry.ID = strawberry.field(description=(
        "The hub (a Hub id); it needs email settings (NOT_CONFIGURED)."))
    domain: str = strawberry.field(description=(
        "The signing domain (d=): the hub's from-address domain or a parent of it (DOMAIN_MISMATCH)."))
    selector: str = strawberry.field(description="The selector (s=): letters, digits, '-' and '.', at most 63.")


@strawberry.input(description="A hub whose DKIM key or bounce webhook secret changes. Needs email:write.")
class EmailHubInput:
    hub_id: strawberry.ID = strawberry.field(description=(
        "The hub (a Hub id); it needs email settings (NOT_CONFIGURED)."))


@strawberry.type(description="Result of `rotateBounceWebhookSecret`.")
class BounceWebhookSecretPayload:
    settings: EmailSettingsType | None = strawberry.field(default=None, description=(
        "The settings as stored now (`bounceWebhookPaths`); null on userErrors."))
    secret: str | None = strawberry.field(default=None, description=(
        "The new secret, shown this once: the Basic-auth password of the bounce webhooks (any user name). "
        "The previous one stops working. Null on userErrors."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A suppression to lift. Needs email:write.")
class RemoveSuppressionInput:
    id: strawberry.ID = strawberry.field(description="The suppression (a Suppression id).")


@strawberry.type(description="Result of `removeSuppression`.")
class RemoveSuppressionPayload:
    removed_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "The id of the suppression lifted; null on userErrors."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


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
        await audit.record(viewer.team.id, viewer, "settings.email_changed", "Hub", input.hub_id, {
            "smtpHost": settings.smtp_host, "smtpPort": settings.smtp_port, "fromAddress": settings.from_address,
            "passwordChanged": input.password is not None})
        return EmailSettingsPayload(settings=EmailSettingsType.from_model(settings))

    @strawberry.mutation(description=(
        "Suppress an address by hand: it gets no mail of that scope until the suppression is removed. "
        "Needs email:write."))
    @mutation_payload
    async def add_suppression(self, info: Info[Context, None], input: AddSuppressionInput) -> SuppressionPayload:
        viewer = info.context.require("email:write")
        row = await service.add_suppression(
            viewer.team, input.email, input.scope, hub_id=id_input_or_none(input.hub_id, "Hub", "hubId"),
            drip_id=id_input_or_none(input.drip_id, "DripCampaign", "dripId"))
        return SuppressionPayload(suppression=SuppressionType.from_model(row))

    @strawberry.mutation(description=(
        "Lift a suppression of any reason (e.g. a bounce staff know was transient). Needs email:write."))
    @mutation_payload
    async def remove_suppression(
        self, info: Info[Context, None], input: RemoveSuppressionInput
    ) -> RemoveSuppressionPayload:
        viewer = info.context.require("email:write")
        removed = await service.remove_suppression(viewer.team, id_input(input.id, "Suppression", "id"))
        return RemoveSuppressionPayload(removed_id=encode_id("Suppression", removed))

    @strawberry.mutation(description=(
        "Make a new DKIM key pair (RSA 2048) for a hub: every mail of the hub is signed with it from now on. "
        "Publish `settings.dkimDnsRecord` first. The private key is stored encrypted. Needs email:write."))
    @mutation_payload
    async def generate_dkim_key(self, info: Info[Context, None], input: GenerateDkimKeyInput) -> EmailSettingsPayload:
        viewer = info.context.require("email:write")
        config = await service.generate_dkim_key(viewer.team, id_input(input.hub_id, "Hub", "hubId"), input.domain,
                                                 input.selector)
        return EmailSettingsPayload(settings=EmailSettingsType.from_model(config))

    @strawberry.mutation(description="Stop DKIM-signing a hub's mail and forget its key. Needs email:write.")
    @mutation_payload
    async def remove_dkim_key(self, info: Info[Context, None], input: EmailHubInput) -> EmailSettingsPayload:
        viewer = info.context.require("email:write")
        config = await service.remove_dkim_key(viewer.team, id_input(input.hub_id, "Hub", "hubId"))
        return EmailSettingsPayload(settings=EmailSettingsType.from_model(config))

    @strawberry.mutation(description=(
        "Enable the hub's bounce webhooks with a new secret, or replace it (the old one stops working). "
        "Needs email:write."))
    @mutation_payload
    async def rotate_bounce_webhook_secret(
        self, info: Info[Context, None], input: EmailHubInput
    ) -> BounceWebhookSecretPayload:
        viewer = info.context.require("email:write")
        config, secret = await service.rotate_bounce_webhook_secret(viewer.team, id_input(input.hub_id, "Hub", "hubId"))
        return BounceWebhookSecretPayload(settings=EmailSettingsType.from_model(config), secret=secret)

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

    @strawberry.mutation(description=(
        "Create a drip campaign; only joins and events after its creation enrol. Needs email:write."))
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
            active=input.active, steps=_steps(input.steps), reentry=input.reentry, reentry_days=input.reentry_days,
        )
        return DripCampaignPayload(drip_campaign=DripCampaignType.from_model(drip))

    @strawberry.mutation(description="Rename, pause or resume a drip, or change its goal or steps. Needs email:write.")
    @mutation_payload
    async def update_drip_campaign(
        self, info: Info[Context, None], input: UpdateDripCampaignInput
    ) -> DripCampaignPayload:
        viewer = info.context.require("email:write")
        drip = await service.update_drip_campaign(
            viewer.team, id_input(input.id, "DripCampaign", "id"), name=input.name, active=input.active,
            goal_event_type=input.goal_event_type, reentry=input.reentry, reentry_days=input.reentry_days,
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
