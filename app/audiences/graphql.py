"""GraphQL for ad audiences: destinations, segment links, sync runs, sync-now and CSV export."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from app.audiences import service
from app.audiences.models import AudienceDestination, AudienceLink, AudienceSyncRun, DestinationKind, SyncStatus
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.enums import described_enum
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, id_arg, id_input
from app.graphql.nodes import NodeType, staff, team_rows
from app.teams import audit

DestinationKindEnum = described_enum(DestinationKind, name="AudiencePlatform", description=(
    "An ad platform MemberHub syncs segment audiences to."), values={
    "META": "Meta (Facebook/Instagram) custom audiences.",
    "GOOGLE": "Google (Ads) customer-match audiences through the Data Manager API.",
})
SyncStatusEnum = described_enum(SyncStatus, name="AudienceSyncStatus", description="How a sync run ended.", values={
    "RUNNING": "Still sending.",
    "SUCCEEDED": "Every batch was accepted.",
    "FAILED": "The run stopped on an error (`errors`).",
})


@strawberry.type(name="AudienceDestination", description="An ad-platform audience; the token is write-only.")
class AudienceDestinationType(relay.Node):
    id: relay.NodeID[int]
    platform: DestinationKind = strawberry.field(description="Meta or Google.")
    name: str = strawberry.field(description="Your name for the destination.")
    config: JSON = strawberry.field(description=(
        "The platform's account and audience ids (`adAccountId`, `audienceId` for Meta; `operatingAccountId`, "
        "`productDestinationId`, ... for Google); no secrets."))
    base_url: str | None = strawberry.field(description=(
        "The API base URL used instead of the platform's own; null: the platform's."))
    created_at: datetime = strawberry.field(description="When the destination was created.")

    @classmethod
    def from_model(cls, m: AudienceDestination) -> AudienceDestinationType:
        return cls(id=m.id, platform=DestinationKind(m.kind), name=m.name, config=JSON(m.config or {}),
                   base_url=m.base_url, created_at=m.created_at)


@strawberry.type(name="AudienceLink", description=(
    "A segment synced to an ad-audience destination (daily, and on `syncAudienceNow`). Needs audiences:read."))
class AudienceLinkType(relay.Node):
    id: relay.NodeID[int]
    segment_id: strawberry.ID = strawberry.field(description="The segment (a Segment id).")
    destination_id: strawberry.ID = strawberry.field(description="The destination (an AudienceDestination id).")
    last_synced_at: datetime | None = strawberry.field(description=(
        "When the last successful sync finished; null if never."))

    @classmethod
    def from_model(cls, m: AudienceLink) -> AudienceLinkType:
        return cls(id=m.id, segment_id=encode_id("Segment", m.segment_id),
                   destination_id=encode_id("AudienceDestination", m.destination_id),
                   last_synced_at=m.last_synced_at)


@strawberry.type(name="AudienceSyncBatch", description="One request of a sync run to the platform.")
class AudienceSyncBatchType:
    seq: int = strawberry.field(description="Order of the request in the run, from 0.")
    operation: str = strawberry.field(description="The platform call: `replace` (Meta), `ingest` or `remove` (Google).")
    rows: int = strawberry.field(description="Rows the request carried.")
    status: str = strawberry.field(description="How it went: `succeeded` or `failed`.")
    received: int | None = strawberry.field(description="Rows the platform says it received (Meta)")
    invalid: int | None = strawberry.field(description="Rows the platform found invalid (Meta)")
    error: str | None = strawberry.field(description="The platform's error, when it failed; null otherwise.")

    @classmethod
    def from_entry(cls, e: dict) -> AudienceSyncBatchType:
        return cls(seq=int(e.get("seq", 0)), operation=str(e.get("operation", "")), rows=int(e.get("rows", 0)),
                   status=str(e.get("status", "")), received=e.get("received"), invalid=e.get("invalid"),
                   error=e.get("error"))


@strawberry.type(name="AudienceSyncRun", description=(
    "One sync of a segment to a destination: what was sent and how it went. Needs audiences:read."))
class AudienceSyncRunType(relay.Node):
    id: relay.NodeID[int]
    segment_id: strawberry.ID = strawberry.field(description="The segment (a Segment id).")
    destination_id: strawberry.ID = strawberry.field(description="The destination (an AudienceDestination id).")
    trigger: str = strawberry.field(description=(
        "What started it: `manual` (`syncAudienceNow`) or `cron` (the daily sync)."))
    status: SyncStatus = strawberry.field(description="Running, succeeded or failed.")
    started_at: datetime = strawberry.field(description="When it started.")
    finished_at: datetime | None = strawberry.field(description="When it ended; null while running.")
    sent: int = strawberry.field(description="Rows sent to the platform.")
    added: int = strawberry.field(description="Members added to the audience since the last sync.")
    removed: int = strawberry.field(description="Members removed from the audience since the last sync.")
    uploaded: int = strawberry.field(description="Rows in batches the platform acknowledged")
    matched: int | None = strawberry.field(description=(
        "Rows the platform accepted as valid identifiers (Meta; Google reports matching later, in its UI)"))
    consent_excluded: int = strawberry.field(description=(
        "Members left out for want of advertising consent (denied anywhere; not granted in the EEA, UK, CH)"))
    batches: int = strawberry.field(description="Requests made to the platform.")
    batch_results: list[AudienceSyncBatchType] = strawberry.field(description="Each request and how it went, in order.")
    errors: list[str] = strawberry.field(description="What went wrong, for people; empty when it succeeded.")

    @classmethod
    def from_model(cls, m: AudienceSyncRun) -> AudienceSyncRunType:
        return cls(
            id=m.id, segment_id=encode_id("Segment", m.segment_id),
            destination_id=encode_id("AudienceDestination", m.destination_id), trigger=m.trigger,
            status=SyncStatus(m.status), started_at=m.started_at, finished_at=m.finished_at, sent=m.sent,
            added=m.added, removed=m.removed, uploaded=m.uploaded, matched=m.matched,
            consent_excluded=m.consent_excluded, batches=m.batches,
            batch_results=[AudienceSyncBatchType.from_entry(e) for e in m.batch_results or [] if isinstance(e, dict)],
            errors=[str(e) for e in m.errors or []],
        )


@strawberry.input(description="A new ad-audience destination; give the ids of its platform.")
class CreateAudienceDestinationInput:
    platform: DestinationKind = strawberry.field(description="Meta or Google.")
    name: str = strawberry.field(description="Your name for it.")
    access_token: str | None = strawberry.field(default=None, description="Meta: a system user's access token")
    app_secret: str | None = strawberry.field(default=None, description=(
        "Meta: the app's secret, signing every call (appsecret_proof); the deployment's when not given"))
    refresh_token: str | None = strawberry.field(default=None, description=(
        "Google: an OAuth refresh token for the deployment's OAuth client, exchanged for access tokens"))
    ad_account_id: str | None = strawberry.field(default=None, description="Meta")
    audience_id: str | None = strawberry.field(default=None, description="Meta custom audience id")
    operating_account_id: str | None = strawberry.field(default=None, description="Google")
    operating_account_type: str = strawberry.field(default="GOOGLE_ADS", description=(
        "Google: the operating account's type (default `GOOGLE_ADS`)."))
    product_destination_id: str | None = strawberry.field(default=None, description="Google audience id")
    login_account_id: str | None = strawberry.field(default=None, description=(
        "Google: the manager (login) account id, when access goes through one."))
    base_url: str | None = strawberry.field(default=None, description=(
        "Override of the platform's API base URL: its own https host outside development and test"))


@strawberry.type(description="Result of `createAudienceDestination`.")
class AudienceDestinationPayload:
    destination: AudienceDestinationType | None = strawberry.field(default=None, description=(
        "The destination (no secrets); null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A segment and a destination.")
class LinkSegmentToAudienceInput:
    segment_id: strawberry.ID = strawberry.field(description="The segment (a Segment id).")
    destination_id: strawberry.ID = strawberry.field(description="The destination (an AudienceDestination id).")


@strawberry.type(description="Result of `linkSegmentToAudience`.")
class AudienceLinkPayload:
    link: AudienceLinkType | None = strawberry.field(default=None, description=(
        "The link; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(description="Result of `syncAudienceNow`.")
class SyncAudienceNowPayload:
    queued: bool = strawberry.field(default=False, description=(
        "True when a sync was queued; false when one is already queued or running."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="Which segment to export, for which platform's format.")
class ExportSegmentAudienceInput:
    segment_id: strawberry.ID = strawberry.field(description="The segment (a Segment id).")
    platform: DestinationKind = strawberry.field(description=(
        "Whose columns and normalisation to use (identifiers are SHA-256 hashes of normalised values)."))


@strawberry.type(description="Result of `exportSegmentAudience`.")
class ExportSegmentAudiencePayload:
    csv: str | None = strawberry.field(default=None, description=(
        "The CSV text, header row first; null when `userErrors` is not empty."))
    row_count: int = strawberry.field(default=0, description="Rows in the CSV (members exported).")
    left_out: int = strawberry.field(default=0, description="Members beyond the plan's members-per-segment cap.")
    notice: str | None = strawberry.field(default=None, description="Why members were left out, and which plan "
                                                                    "lifts the cap.")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


def _link_ids(input: LinkSegmentToAudienceInput) -> tuple[int, int]:
    return (id_input(input.segment_id, "Segment", "segmentId"),
            id_input(input.destination_id, "AudienceDestination", "destinationId"))


@strawberry.type
class AudiencesQuery:
    @strawberry.field(description="The team's ad-audience destinations.")
    async def audience_destinations(
        self, info: Info[Context, None], first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> Connection[AudienceDestinationType]:
        viewer = info.context.require("audiences:read")
        return await keyset_page(AudienceDestination.filter(team_id=viewer.team.id),
                                 AudienceDestinationType.from_model, first=first, after=after, last=last,
                                 before=before)

    @strawberry.field(description="Sync runs, newest first, optionally of one segment and/or destination.")
    async def audience_sync_runs(
        self, info: Info[Context, None],
        segment_id: Annotated[strawberry.ID | None, strawberry.argument(description=(
            "Only runs of this segment (a Segment id)."))] = None,
        destination_id: Annotated[strawberry.ID | None, strawberry.argument(description=(
            "Only runs to this destination (an AudienceDestination id)."))] = None,
        first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[AudienceSyncRunType]:
        viewer = info.context.require("audiences:read")
        queryset = AudienceSyncRun.filter(team_id=viewer.team.id)
        if segment_id is not None:
            queryset = queryset.filter(segment_id=id_arg(segment_id, "Segment", "segmentId"))
        if destination_id is not None:
            queryset = queryset.filter(destination_id=id_arg(destination_id, "AudienceDestination", "destinationId"))
        return await keyset_page(queryset, AudienceSyncRunType.from_model, first=first, after=after, last=last,
                                 before=before, descending=True)


@strawberry.type
class AudiencesMutation:
    @strawberry.mutation(description=(
        "Register an ad-platform audience to sync segments to (secrets stored encrypted). Needs audiences:write."))
    @mutation_payload
    async def create_audience_destination(
        self, info: Info[Context, None], input: CreateAudienceDestinationInput
    ) -> AudienceDestinationPayload:
        viewer = info.context.require("audiences:write")
        config = (
            {"adAccountId": input.ad_account_id, "audienceId": input.audience_id}
            if input.platform == DestinationKind.META else
            {"operatingAccountId": input.operating_account_id, "operatingAccountType": input.operating_account_type,
             "productDestinationId": input.product_destination_id, "loginAccountId": input.login_account_id}
        )
        destination = await service.create_destination(
            viewer.team, kind=input.platform.value, name=input.name, access_token=input.access_token,
            refresh_token=input.refresh_token, app_secret=input.app_secret, config=config, base_url=input.base_url,
        )
        await audit.record(viewer.team.id, viewer, "audience_destination.created", "AudienceDestination",
                           encode_id("AudienceDestination", destination.id),
                           {"platform": destination.kind, "name": destination.name, "config": config})
        return AudienceDestinationPayload(destination=AudienceDestinationType.from_model(destination))

    @strawberry.mutation(description="Sync a segment to a destination (daily, and on syncAudienceNow).")
    @mutation_payload
    async def link_segment_to_audience(
        self, info: Info[Context, None], input: LinkSegmentToAudienceInput
    ) -> AudienceLinkPayload:
        viewer = info.context.require("audiences:write")
        link = await service.link_segment(viewer.team, *_link_ids(input))
        await audit.record(viewer.team.id, viewer, "audience_link.created", "Segment", input.segment_id,
                           {"destination": input.destination_id})
        return AudienceLinkPayload(link=AudienceLinkType.from_model(link))

    @strawberry.mutation(description="Queue a sync of a linked segment now; the run appears in audienceSyncRuns.")
    @mutation_payload
    async def sync_audience_now(
        self, info: Info[Context, None], input: LinkSegmentToAudienceInput
    ) -> SyncAudienceNowPayload:
        viewer = info.context.require("audiences:write")
        link = await service.get_link(viewer.team, *_link_ids(input))
        queued = await service.enqueue_sync(link.id)
        return SyncAudienceNowPayload(queued=queued)

    @strawberry.mutation(description="A CSV of a segment's members' hashed identifiers for one platform.")
    @mutation_payload
    async def export_segment_audience(
        self, info: Info[Context, None], input: ExportSegmentAudienceInput
    ) -> ExportSegmentAudiencePayload:
        viewer = info.context.require("audiences:write")
        text, count, cap = await service.export_segment_csv(
            viewer.team, id_input(input.segment_id, "Segment", "segmentId"), input.platform.value
        )
        return ExportSegmentAudiencePayload(csv=text, row_count=count, left_out=cap.left_out, notice=cap.notice)


NODE_TYPES = (
    NodeType("AudienceDestination", staff("audiences:read"),
             team_rows(AudienceDestination, AudienceDestinationType.from_model)),
    NodeType("AudienceLink", staff("audiences:read"), team_rows(AudienceLink, AudienceLinkType.from_model)),
    NodeType("AudienceSyncRun", staff("audiences:read"), team_rows(AudienceSyncRun, AudienceSyncRunType.from_model)),
)
