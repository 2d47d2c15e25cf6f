"""Email: per-hub sending settings, templates, drip campaigns, campaigns and their recipients, the send
outbox and suppressions.

`email_sends` is the outbox for every message (transactional and drip): the database, not Redis,
holds what must be sent, and its state machine makes a rerun of a job never send twice.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class TlsMode(StrEnum):
    NONE = "none"
    STARTTLS = "starttls"
    TLS = "tls"


class DripTrigger(StrEnum):
    SEGMENT_JOIN = "segment_join"
    EVENT = "event"


class ReentryPolicy(StrEnum):
    """Whether a contact who was in a drip before enrols again on a new trigger."""

    ONCE_EVER = "once_ever"  # a contact enters the drip at most once
    AGAIN_AFTER_LEAVING = "again_after_leaving"  # again, once the previous enrolment has ended
    AT_MOST_EVERY_N_DAYS = "at_most_every_n_days"  # again, once it ended and N days after the last entry


class EnrollmentStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    EXITED = "exited"


class SendState(StrEnum):
    """scheduled → queued → sending → sent; a `sending` row found by a rerun becomes `uncertain`."""

    SCHEDULED = "scheduled"
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    UNCERTAIN = "uncertain"
    SKIPPED = "skipped"
    FAILED = "failed"


class SuppressionScope(StrEnum):
    ALL = "all"  # hard bounce / complaint: nothing is sent, transactional included
    MARKETING = "marketing"  # every marketing mail of the team
    HUB = "hub"  # one hub's marketing (scope_ref = hub id)
    DRIP = "drip"  # one drip campaign (scope_ref = drip id)


class SuppressionReason(StrEnum):
    UNSUBSCRIBE = "unsubscribe"
    HARD_BOUNCE = "hard_bounce"
    COMPLAINT = "complaint"
    MANUAL = "manual"


class EmailSettings(Model):
    """How one hub sends mail; the SMTP password is encrypted with app/core/crypto."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="email_settings", on_delete=fields.CASCADE
    )
    team_id: int
    hub: fields.OneToOneRelation = fields.OneToOneField(
        "models.Hub", related_name="email_settings", on_delete=fields.CASCADE
    )
    hub_id: int
    smtp_host = fields.CharField(max_length=255)
    smtp_port = fields.IntField()
    tls_mode = fields.CharEnumField(TlsMode, max_length=16, default=TlsMode.STARTTLS)
    username = fields.CharField(max_length=320, null=True)
    password_encrypted: str | None = fields.TextField(null=True)  # Tortoise types every TextField as str
    from_name = fields.CharField(max_length=200)
    from_address = fields.CharField(max_length=320)
    reply_to = fields.CharField(max_length=320, null=True)
    # Campaign open (pixel) and click (signed redirect) tracking: off unless the hub turns it on.
    track_opens = fields.BooleanField(default=False, db_default=False)
    track_clicks = fields.BooleanField(default=False, db_default=False)
    # DKIM (app/email/dkim_keys.py): the private key encrypted with app/core/crypto.
    dkim_domain = fields.CharField(max_length=255, null=True)
    dkim_selector = fields.CharField(max_length=63, null=True)
    dkim_private_key_encrypted: str | None = fields.TextField(null=True)  # Tortoise types every TextField as str
    # Bounce and complaint intake (app/email/bounces.py): the webhooks' Basic-auth password, encrypted.
    bounce_webhook_secret_encrypted: str | None = fields.TextField(null=True)  # Tortoise: TextField is str
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "email_settings"


class EmailTemplate(Model):
    """Jinja2 (sandboxed) subject, HTML and text of one hub's mail, found by `key`."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="email_templates", on_delete=fields.CASCADE
    )
    team_id: int
    hub: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Hub", related_name="email_templates", on_delete=fields.CASCADE
    )
    hub_id: int
    key = fields.CharField(max_length=64)
    name = fields.CharField(max_length=200)
    subject = fields.TextField()
    html_body = fields.TextField()
    text_body = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "email_templates"
        unique_together = (("hub", "key"),)


class DripCampaign(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="drip_campaigns", on_delete=fields.CASCADE
    )
    team_id: int
    hub: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Hub", related_name="drip_campaigns", on_delete=fields.CASCADE
    )
    hub_id: int
    name = fields.CharField(max_length=200)
    trigger = fields.CharEnumField(DripTrigger, max_length=16)
    # A deleted segment never deletes a drip: it is paused first (app.email.segment_usage), and the
    # database sets the reference to NULL should a segment go any other way.
    trigger_segment: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Segment", related_name="trigger_of_drips", null=True, on_delete=fields.SET_NULL
    )
    trigger_segment_id: int | None
    trigger_event_type = fields.CharField(max_length=100, null=True)
    exit_segment: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Segment", related_name="exit_of_drips", null=True, on_delete=fields.SET_NULL
    )
    exit_segment_id: int | None
    goal_event_type = fields.CharField(max_length=100, null=True)
    reentry = fields.CharEnumField(ReentryPolicy, max_length=24, default=ReentryPolicy.ONCE_EVER,
                                   db_default=ReentryPolicy.ONCE_EVER.value)
    reentry_days = fields.IntField(null=True, description="AT_MOST_EVERY_N_DAYS: N")
    active = fields.BooleanField(default=True)
    # Enrolment cursors: last segment_membership_changes.id / events.id fully processed.
    change_cursor = fields.BigIntField(default=0)
    event_cursor = fields.BigIntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "drip_campaigns"
        unique_together = (("team", "name"),)


class DripStep(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="drip_steps", on_delete=fields.CASCADE
    )
    team_id: int
    drip: fields.ForeignKeyRelation[DripCampaign] = fields.ForeignKeyField(
        "models.DripCampaign", related_name="steps", on_delete=fields.CASCADE
    )
    drip_id: int
    position = fields.IntField()
    delay_minutes = fields.IntField(description="after enrolment")
    template: fields.ForeignKeyRelation[EmailTemplate] = fields.ForeignKeyField(
        "models.EmailTemplate", related_name="drip_steps", on_delete=fields.RESTRICT
    )
    template_id: int

    class Meta:
        table = "drip_steps"
        unique_together = (("drip", "position"),)


class DripEnrollment(Model):
    """A contact going through a drip once: `round` 1, 2, ... as the drip's re-entry policy lets the
    contact in again; never two active ones per (drip, contact)."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="drip_enrollments", on_delete=fields.CASCADE
    )
    team_id: int
    drip: fields.ForeignKeyRelation[DripCampaign] = fields.ForeignKeyField(
        "models.DripCampaign", related_name="enrollments", on_delete=fields.CASCADE
    )
    drip_id: int
    team_contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.TeamContact", related_name="drip_enrollments", on_delete=fields.CASCADE
    )
    team_contact_id: int
    round = fields.IntField(default=1, db_default=1, description="1 for the first entry, 2 for the next, ...")
    status = fields.CharEnumField(EnrollmentStatus, max_length=16, default=EnrollmentStatus.ACTIVE)
    source = fields.CharField(max_length=32)
    source_ref = fields.CharField(max_length=200, null=True)
    enrolled_at = fields.DatetimeField()
    exited_at = fields.DatetimeField(null=True)
    exit_reason = fields.CharField(max_length=32, null=True)

    class Meta:
        table = "drip_enrollments"
        unique_together = (("team", "drip", "team_contact", "round"),)


class EmailSend(Model):
    """One message to send: a transactional mail, or one (enrolment, step) of a drip."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="email_sends", on_delete=fields.CASCADE
    )
    team_id: int
    hub: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Hub", related_name="email_sends", on_delete=fields.CASCADE
    )
    hub_id: int
    # Null for mail to staff (a team invitation), who are no contact: it goes to `to_address`.
    team_contact: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.TeamContact", related_name="email_sends", null=True, on_delete=fields.CASCADE
    )
    team_contact_id: int | None
    kind = fields.CharField(max_length=32)
    marketing = fields.BooleanField(default=False)
    enrollment: fields.ForeignKeyNullableRelation[DripEnrollment] = fields.ForeignKeyField(
        "models.DripEnrollment", related_name="sends", null=True, on_delete=fields.CASCADE
    )
    enrollment_id: int | None
    step: fields.ForeignKeyNullableRelation[DripStep] = fields.ForeignKeyField(
        "models.DripStep", related_name="sends", null=True, on_delete=fields.CASCADE
    )
    step_id: int | None
    context = fields.JSONField[dict[str, Any]](default=dict)
    dedupe_key = fields.CharField(max_length=200, null=True)
    due_at = fields.DatetimeField()
    state = fields.CharEnumField(SendState, max_length=16, default=SendState.SCHEDULED)
    attempts = fields.IntField(default=0)
    queued_at = fields.DatetimeField(null=True)
    sending_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)
    message_id = fields.CharField(max_length=255, null=True)
    to_address = fields.CharField(max_length=320, null=True)
    subject: str | None = fields.TextField(null=True)  # Tortoise types every TextField as str
    error: str | None = fields.TextField(null=True)  # Tortoise types every TextField as str
    skip_reason = fields.CharField(max_length=32, null=True, description="the send-time gauntlet's reason")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "email_sends"
        unique_together = (("enrollment", "step"), ("team", "dedupe_key"))
        indexes = (("state", "due_at"),)


class Suppression(Model):
    """Who must not get which mail. Keyed by address, so re-signing up never clears a bounce."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="email_suppressions", on_delete=fields.CASCADE
    )
    team_id: int
    email = fields.CharField(max_length=320)
    team_contact: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.TeamContact", related_name="email_suppressions", null=True, on_delete=fields.SET_NULL
    )
    team_contact_id: int | None
    scope = fields.CharEnumField(SuppressionScope, max_length=16)
    scope_ref = fields.BigIntField(default=0)
    reason = fields.CharEnumField(SuppressionReason, max_length=16)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "email_suppressions"
        unique_together = (("team", "email", "scope", "scope_ref"),)


class CampaignStatus(StrEnum):
    """draft → scheduled → (held ⇄) sending → sent; cancelled from any state before sent."""

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    HELD = "held"  # an audience segment is catching up: starts once evaluation has caught up
    SENDING = "sending"
    SENT = "sent"
    CANCELLED = "cancelled"


class RecipientState(StrEnum):
    """queued → sending → sent; skipped (with a reason) at send time; a `sending` row found by a rerun
    becomes `uncertain` and is never sent again (as email_sends)."""

    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    SKIPPED = "skipped"
    FAILED = "failed"
    UNCERTAIN = "uncertain"
    BOUNCED = "bounced"


class Campaign(Model):
    """A one-off send of a template to segments (minus exclusion segments), now or at a time."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="campaigns", on_delete=fields.CASCADE
    )
    team_id: int
    hub: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Hub", related_name="campaigns", on_delete=fields.CASCADE
    )
    hub_id: int
    name = fields.CharField(max_length=200)
    template: fields.ForeignKeyRelation[EmailTemplate] = fields.ForeignKeyField(
        "models.EmailTemplate", related_name="campaigns", on_delete=fields.RESTRICT
    )
    template_id: int
    status = fields.CharEnumField(CampaignStatus, max_length=16, default=CampaignStatus.DRAFT)
    hold_reason: str | None = fields.TextField(null=True)  # Tortoise types every TextField as str
    send_at = fields.DatetimeField(null=True, description="UTC; null: as soon as it is scheduled")
    rate_per_minute = fields.IntField(null=True)
    audience_count = fields.IntField(default=0, description="recipients materialised at start")
    next_batch_at = fields.DatetimeField(null=True, description="rate limit: the next batch waits until then")
    scheduled_at = fields.DatetimeField(null=True)
    started_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "campaigns"
        unique_together = (("team", "name"),)
        indexes = (("team", "status"),)


class CampaignSegment(Model):
    """One audience segment of a campaign: `exclude` ones are taken away at send time."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="campaign_segments", on_delete=fields.CASCADE
    )
    team_id: int
    campaign: fields.ForeignKeyRelation[Campaign] = fields.ForeignKeyField(
        "models.Campaign", related_name="segments", on_delete=fields.CASCADE
    )
    campaign_id: int
    # RESTRICT: deleting a segment a campaign uses goes through app.email.segment_usage first.
    segment: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Segment", related_name="campaign_uses", on_delete=fields.RESTRICT
    )
    segment_id: int
    excluded = fields.BooleanField(default=False)

    class Meta:
        table = "campaign_segments"
        unique_together = (("team", "campaign", "segment"),)


class CampaignRecipient(Model):
    """One contact of a campaign's audience, at most one per (campaign, contact), ever."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="campaign_recipients", on_delete=fields.CASCADE
    )
    team_id: int
    campaign: fields.ForeignKeyRelation[Campaign] = fields.ForeignKeyField(
        "models.Campaign", related_name="recipients", on_delete=fields.CASCADE
    )
    campaign_id: int
    team_contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.TeamContact", related_name="campaign_recipients", on_delete=fields.CASCADE
    )
    team_contact_id: int
    segment_id = fields.BigIntField(description="the audience segment it came through (totals per segment)")
    state = fields.CharEnumField(RecipientState, max_length=16, default=RecipientState.QUEUED)
    skip_reason = fields.CharField(max_length=32, null=True)
    error: str | None = fields.TextField(null=True)  # Tortoise types every TextField as str
    claimed_until = fields.DatetimeField(null=True, description="a batch job holds it until then")
    claim = fields.BigIntField(null=True, description="the holding batch's token")
    sending_at = fields.DatetimeField(null=True)
    sent_at = fields.DatetimeField(null=True)
    to_address = fields.CharField(max_length=320, null=True)
    message_id = fields.CharField(max_length=255, null=True)
    opened_at = fields.DatetimeField(null=True)
    clicked_at = fields.DatetimeField(null=True)
    unsubscribed_at = fields.DatetimeField(null=True)
    bounced_at = fields.DatetimeField(null=True)
    complained_at = fields.DatetimeField(null=True, description="a spam complaint (ARF report) about this mail")

    class Meta:
        table = "campaign_recipients"
        unique_together = (("team", "campaign", "team_contact"),)
        indexes = (("team", "campaign", "state"),)
