"""GraphQL for recompute schedules: set or remove a segment's schedule, read schedules and their runs."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, id_arg, id_input
from app.graphql.nodes import NodeType, staff, team_rows
from app.plans import schedules
from app.plans.models import RecomputeSchedule, ScheduledRecompute
from app.teams import audit


@strawberry.type(name="ScheduledRecompute", description="One scheduled full recompute (one per period).")
class ScheduledRecomputeType(relay.Node):
    id: relay.NodeID[int]
    segment_id: strawberry.ID = strawberry.field(description="The segment (a Segment id).")
    period: str = strawberry.field(description="The scheduled instant (UTC), or ai-daily:<day>.")
    trigger: str = strawberry.field(description=(
        "What scheduled it: `schedule` (a recompute schedule) or `ai_daily` (the daily recompute of AI-generated "
        "segments)."))
    worker: str = strawberry.field(description="The worker that ran it.")
    started_at: datetime = strawberry.field(description="When it started.")
    finished_at: datetime | None = strawberry.field(description="When it finished; null while running.")
    joined: int = strawberry.field(description="Contacts who joined.")
    left: int = strawberry.field(description="Members who left.")
    error: str | None = strawberry.field(description="Why it failed; null otherwise.")

    @classmethod
    def from_model(cls, m: ScheduledRecompute) -> ScheduledRecomputeType:
        return cls(id=m.id, segment_id=strawberry.ID(encode_id("Segment", m.segment_id)), period=m.period,
                   trigger=m.trigger, worker=m.worker, started_at=m.started_at, finished_at=m.finished_at,
                   joined=m.joined, left=m.left, error=m.error)


@strawberry.type(name="RecomputeSchedule", description="A cron-like full recompute of a segment, in the team's "
                                                        "time zone, on top of real-time evaluation.")
class RecomputeScheduleType(relay.Node):
    id: relay.NodeID[int]
    segment_id: strawberry.ID = strawberry.field(description="The segment (a Segment id).")
    cron: str = strawberry.field(description="Five cron fields, read in the team's time zone.")
    enabled: bool = strawberry.field(description="Whether it runs.")
    next_run_at: datetime | None = strawberry.field(description="When it runs next; null when disabled.")
    last_run_at: datetime | None = strawberry.field(description="When it last ran; null if never.")
    created_at: datetime = strawberry.field(description="When it was created.")

    @classmethod
    def from_model(cls, m: RecomputeSchedule) -> RecomputeScheduleType:
        return cls(id=m.id, segment_id=strawberry.ID(encode_id("Segment", m.segment_id)), cron=m.cron,
                   enabled=m.enabled, next_run_at=m.next_run_at, last_run_at=m.last_run_at, created_at=m.created_at)


@strawberry.input(description="A segment's recompute schedule.")
class SetRecomputeScheduleInput:
    segment_id: strawberry.ID = strawberry.field(description="A dynamic segment (a Segment id).")
    cron: str = strawberry.field(description="Five fields, read in the team's time zone: '0 6 * * *' is 06:00 daily.")
    enabled: bool = strawberry.field(default=True, description="Whether it runs (default true).")


@strawberry.type(description="Result of `setRecomputeSchedule`.")
class RecomputeSchedulePayload:
    schedule: RecomputeScheduleType | None = strawberry.field(default=None, description=(
        "The schedule now; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="The segment whose schedule to remove.")
class RemoveRecomputeScheduleInput:
    segment_id: strawberry.ID = strawberry.field(description="The segment (a Segment id).")


@strawberry.type(description="Result of `removeRecomputeSchedule`.")
class RemoveRecomputeSchedulePayload:
    removed_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "The removed schedule's id; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class SchedulesQuery:
    @strawberry.field(description="The team's recompute schedules, optionally of one segment.")
    async def recompute_schedules(self, info: Info[Context, None],
        segment_id: Annotated[strawberry.ID | None, strawberry.argument(description=(
            "Only this segment's (a Segment id)."))] = None,
                                  first: int | None = None, after: str | None = None, last: int | None = None,
                                  before: str | None = None) -> Connection[RecomputeScheduleType]:
        viewer = info.context.require("segments:read")
        queryset = RecomputeSchedule.filter(team_id=viewer.team.id)
        if segment_id is not None:
            queryset = queryset.filter(segment_id=id_arg(segment_id, "Segment", "segmentId"))
        return await keyset_page(queryset, RecomputeScheduleType.from_model, first=first, after=after, last=last,
                                 before=before)

    @strawberry.field(description="Scheduled recomputes (one per period), newest first, optionally of one segment.")
    async def scheduled_recomputes(self, info: Info[Context, None],
        segment_id: Annotated[strawberry.ID | None, strawberry.argument(description=(
            "Only this segment's (a Segment id)."))] = None,
                                   first: int | None = None, after: str | None = None, last: int | None = None,
                                   before: str | None = None) -> Connection[ScheduledRecomputeType]:
        viewer = info.context.require("segments:read")
        queryset = ScheduledRecompute.filter(team_id=viewer.team.id)
        if segment_id is not None:
            queryset = queryset.filter(segment_id=id_arg(segment_id, "Segment", "segmentId"))
        return await keyset_page(queryset, ScheduledRecomputeType.from_model, first=first, after=after, last=last,
                                 before=before, descending=True)


@strawberry.type
class SchedulesMutation:
    @strawberry.mutation(description="Create or change a segment's recompute schedule (Agency plans).")
    @mutation_payload
    async def set_recompute_schedule(self, info: Info[Context, None],
                                     input: SetRecomputeScheduleInput) -> RecomputeSchedulePayload:
        viewer = info.context.require("segments:write")
        schedule = await schedules.set_schedule(viewer.team, id_input(input.segment_id, "Segment", "segmentId"),
                                                input.cron, input.enabled)
        await audit.record(viewer.team.id, viewer, "recompute_schedule.set", "Segment", input.segment_id,
                           {"cron": schedule.cron, "enabled": schedule.enabled})
        return RecomputeSchedulePayload(schedule=RecomputeScheduleType.from_model(schedule))

    @strawberry.mutation(description="Remove a segment's recompute schedule (real-time evaluation goes on).")
    @mutation_payload
    async def remove_recompute_schedule(self, info: Info[Context, None],
                                        input: RemoveRecomputeScheduleInput) -> RemoveRecomputeSchedulePayload:
        viewer = info.context.require("segments:write")
        removed = await schedules.remove_schedule(viewer.team, id_input(input.segment_id, "Segment", "segmentId"))
        await audit.record(viewer.team.id, viewer, "recompute_schedule.removed", "Segment", input.segment_id)
        return RemoveRecomputeSchedulePayload(removed_id=strawberry.ID(encode_id("RecomputeSchedule", removed)))


NODE_TYPES = (
    NodeType("RecomputeSchedule", staff("segments:read"),
             team_rows(RecomputeSchedule, RecomputeScheduleType.from_model)),
    NodeType("ScheduledRecompute", staff("segments:read"),
             team_rows(ScheduledRecompute, ScheduledRecomputeType.from_model)),
)
