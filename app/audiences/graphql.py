"""GraphQL for ad audiences: destinations, segment links, sync runs, sync-now and CSV export."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from app.audiences import service
from app.audiences.models import AudienceDestination, AudienceLink, AudienceSyncRun, DestinationKind, SyncStatus
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, id_arg, id_input
from app.graphql.nodes import NodeType, staff, team_rows

DestinationKindEnum = strawberry.enum(DestinationKind, name="AudiencePlatform")
SyncStatusEnum = strawberry.enum(SyncStatus, name="AudienceSyncStatus")


@strawberry.type(name="AudienceDestination", description="An ad-platform audience; the token is write-only.")
class AudienceDestinationType(relay.Node):
    id: relay.NodeID[int]
    platform: DestinationKind
    name: str
    config: JSON
    base_url: str | None
    created_at: datetime

    @classmethod
    def from_model(cls, m: AudienceDestination) -> AudienceDestinationType:
        return cls(id=m.id, platform=DestinationKind(m.kind), name=m.name, config=JSON(m.config or {}),
                   base_url=m.base_url, created_at=m.created_at)


@strawberry.type(name="AudienceLink")
class AudienceLinkType(relay.Node):
    id: relay.NodeID[int]
    segment_id: strawberry.ID
    destination_id: strawberry.ID
    last_synced_at: datetime | None

    @classmethod
    def from_model(cls, m: AudienceLink) -> AudienceLinkType:
        return cls(id=m.id, segment_id=encode_id("Segment", m.segment_id),
                   destination_id=encode_id("AudienceDestination", m.destination_id),
                   last_synced_at=m.last_synced_at)


@strawberry.type(name="AudienceSyncRun")
class AudienceSyncRunType(relay.Node):
    id: relay.NodeID[int]
    segment_id: strawberry.ID
    destination_id: strawberry.ID
    trigger: str
    status: SyncStatus
    started_at: datetime
    finished_at: datetime | None
    sent: int
    added: int
    removed: int
    batches: int
    errors: list[str]

    @classmethod
    def from_model(cls, m: AudienceSyncRun) -> AudienceSyncRunType:
        return cls(
            id=m.id, segment_id=encode_id("Segment", m.segment_id),
            destination_id=encode_id("AudienceDestination", m.destination_id), trigger=m.trigger,
            status=SyncStatus(m.status), started_at=m.started_at, finished_at=m.finished_at, sent=m.sent,
            added=m.added, removed=m.removed, batches=m.batches, errors=[str(e) for e in m.errors or []],
        )


@strawberry.input
class CreateAudienceDestinationInput:
    platform: DestinationKind
    name: str
    access_token: str
    ad_account_id: str | None = strawberry.field(default=None, description="Meta")
    audience_id: str | None = strawberry.field(default=None, description="Meta custom audience id")
    operating_account_id: str | None = strawberry.field(default=None, description="Google")
    operating_account_type: str = "GOOGLE_ADS"
    product_destination_id: str | None = strawberry.field(default=None, description="Google audience id")
    login_account_id: str | None = None
    base_url: str | None = strawberry.field(default=None, description=(
        "Override of the platform's API base URL: its own https host outside development and test"))


@strawberry.type
class AudienceDestinationPayload:
    destination: AudienceDestinationType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class LinkSegmentToAudienceInput:
    segment_id: strawberry.ID
    destination_id: strawberry.ID


@strawberry.type
class AudienceLinkPayload:
    link: AudienceLinkType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class SyncAudienceNowPayload:
    queued: bool = False
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class ExportSegmentAudienceInput:
    segment_id: strawberry.ID
    platform: DestinationKind


@strawberry.type
class ExportSegmentAudiencePayload:
    csv: str | None = None
    row_count: int = 0
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
        self, info: Info[Context, None], segment_id: strawberry.ID | None = None,
        destination_id: strawberry.ID | None = None, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
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
    @strawberry.mutation
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
            config=config, base_url=input.base_url,
        )
        return AudienceDestinationPayload(destination=AudienceDestinationType.from_model(destination))

    @strawberry.mutation(description="Sync a segment to a destination (daily, and on syncAudienceNow).")
    @mutation_payload
    async def link_segment_to_audience(
        self, info: Info[Context, None], input: LinkSegmentToAudienceInput
    ) -> AudienceLinkPayload:
        viewer = info.context.require("audiences:write")
        link = await service.link_segment(viewer.team, *_link_ids(input))
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
