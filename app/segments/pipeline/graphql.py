"""Live segment membership changes for dashboards, fanned out across processes via Redis."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from app.core.pubsub import listen, listen_batches, team_channel
from app.graphql.context import Context
from app.graphql.enums import described_enum
from app.graphql.errors import BadInput
from app.graphql.ids import encode_id, id_arg, id_args, parse_id_or_none
from app.segments.models import Segment

MEMBERSHIP_TOPIC = "segment-membership"
# Causes whose reference is a row: their causeRef is that row's global id.
_CAUSE_REF_TYPES = {"event": "Event", "segment": "Segment"}
CAUSE_REF_DESCRIPTION = ("The event's id (cause `event`), the static segment's id (cause `segment`), the new "
                         "time zone (cause `time_zone`); for other causes a free-form reference or null.")
CAUSE_DESCRIPTION = (
    "Why it happened: `event` (an event was tracked), `contact_update` (an upsert or import), `hub_membership`, "
    "`billing` (subscriptions, entitlements), `order_import`, `segment` (a static segment the rule reads "
    "changed), `time` (a relative time window moved on), `time_zone` (the team's zone changed), `recompute` "
    "(`recomputeSegment` or a rule edit), `manual` (a static segment edited by hand) or `cohort` (the cohort's "
    "snapshot).")


def cause_ref_id(cause: str | None, ref: str | None) -> str | None:
    type_name = _CAUSE_REF_TYPES.get(cause or "")
    pk = parse_id_or_none(ref) if type_name else None
    return encode_id(type_name, pk) if type_name and pk else ref


class MembershipChangeAction(Enum):
    JOIN = "join"
    LEAVE = "leave"


described_enum(MembershipChangeAction, name="MembershipChangeAction",
               description="Whether a contact entered or left a segment.", values={
                   "JOIN": "The contact became a member.",
                   "LEAVE": "The contact stopped being a member.",
               })


@strawberry.type(description="One contact joining or leaving a segment, live.")
class SegmentMembershipChange:
    segment_id: strawberry.ID = strawberry.field(description="The segment (a Segment id).")
    contact_id: strawberry.ID = strawberry.field(description="The contact (a Contact id).")
    action: MembershipChangeAction = strawberry.field(description="Joined or left.")
    cause: str = strawberry.field(description=CAUSE_DESCRIPTION)
    cause_ref: str | None = strawberry.field(description=CAUSE_REF_DESCRIPTION)
    committed_at: datetime | None = strawberry.field(description="When the change was committed.")


@strawberry.type(description="The joins and leaves of one committed batch, for the segments subscribed to.")
class SegmentMembershipChanges:
    changes: list[SegmentMembershipChange] = strawberry.field(description="In commit order.")
    committed_at: datetime | None = strawberry.field(description="When these changes were committed.")


MAX_SUBSCRIBED_SEGMENTS = 200


def _change(message: dict) -> SegmentMembershipChange:
    return SegmentMembershipChange(
        segment_id=encode_id("Segment", message["segment_id"]),
        contact_id=encode_id("Contact", message["team_contact_id"]),
        action=MembershipChangeAction(message["action"]),
        cause=message.get("cause") or "",
        cause_ref=cause_ref_id(message.get("cause"), message.get("cause_ref")),
        committed_at=(datetime.fromtimestamp(message["committed_at"], UTC) if message.get("committed_at") else None),
    )


@strawberry.type
class RealtimeSubscription:
    @strawberry.subscription(description=(
        "Joins and leaves of one segment of the caller's team, live, in commit order. Needs segments:read."))
    async def segment_membership_changed(
        self, info: Info[Context, None],
        segment_id: Annotated[strawberry.ID, strawberry.argument(description=(
            "The segment (a Segment id of the caller's team; unknown is BAD_USER_INPUT)."))],
    ) -> AsyncGenerator[SegmentMembershipChange, None]:
        viewer = info.context.require("segments:read")
        parsed = id_arg(segment_id, "Segment", "segmentId")
        if not await Segment.exists(id=parsed, team_id=viewer.team.id):
            raise BadInput("segment not found")
        async for message in listen(team_channel(viewer.team.id, MEMBERSHIP_TOPIC), where=("segment_id", parsed)):
            yield _change(message)

    @strawberry.subscription(description=(
        "Joins and leaves of several segments of the caller's team, one message per committed batch: "
        "for dashboards that follow many segments (a batch of 500 changes is one message, not 500). Needs "
        "segments:read."))
    async def segment_membership_changes(
        self, info: Info[Context, None],
        segment_ids: Annotated[list[strawberry.ID], strawberry.argument(description=(
            "1 to 200 Segment ids of the caller's team (an unknown one is BAD_USER_INPUT)."))],
    ) -> AsyncGenerator[SegmentMembershipChanges, None]:
        viewer = info.context.require("segments:read")
        if not 0 < len(segment_ids) <= MAX_SUBSCRIBED_SEGMENTS:
            raise BadInput(f"give 1 to {MAX_SUBSCRIBED_SEGMENTS} segment ids")
        parsed = set(id_args(segment_ids, "Segment", "segmentIds"))
        if await Segment.filter(id__in=parsed, team_id=viewer.team.id).count() != len(parsed):
            raise BadInput("segment not found")
        channel = team_channel(viewer.team.id, MEMBERSHIP_TOPIC)
        async for batch in listen_batches(channel, "segment_id", parsed):
            changes = [_change(m) for m in batch]
            yield SegmentMembershipChanges(changes=changes, committed_at=changes[-1].committed_at)
