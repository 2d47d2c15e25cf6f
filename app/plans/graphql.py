"""GraphQL for plans: the team's plan and usage of each cap; the platform-admin `setTeamPlan`."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from app.graphql.context import Context
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import id_input
from app.plans import service, tiers
from app.plans.tiers import Plan


@strawberry.type(name="Plan", description="A plan tier; its caps are `PlanCap` rows.")
class PlanType:
    key: str = strawberry.field(description="Stable key: `free`, `starter`, `pro`, `agency` or `enterprise`.")
    name: str = strawberry.field(description="Display name (`Pro`).")
    rank: int = strawberry.field(description=(
        "Order of the tiers, from 0 (Free) up: a higher rank allows at least as much."))

    @classmethod
    def from_plan(cls, plan: Plan) -> PlanType:
        return cls(key=plan.key, name=plan.name, rank=plan.rank)


@strawberry.type(description="One cap of the team's plan and how much of it the team uses.")
class PlanCap:
    capability: str = strawberry.field(description=(
        "Stable key of the cap (`dynamic_segments`, `audience_sync`, ...; docs/plans.md)."))
    label: str = strawberry.field(description="The cap for people (\"dynamic segments\").")
    limit: int | None = strawberry.field(description="At most this many; null: unlimited; 0: not in the plan.")
    included: bool = strawberry.field(description="Whether the plan has the capability at all (`limit` is not 0).")
    used: int | None = strawberry.field(description="How many the team has (null: not a count of things).")
    over: int = strawberry.field(description="Beyond the limit (read-only until back under); for members per "
                                             "segment: segments over it.")
    lifted_by: PlanType | None = strawberry.field(description="The first plan that holds one more (or all).")
    note: str = strawberry.field(description=(
        "What the numbers mean now, for people (\"2 dynamic segments over the Free limit are read-only\"); may be "
        "empty."))


@strawberry.type(description="The team's plan and its caps.")
class TeamPlanUsage:
    plan: PlanType = strawberry.field(description="The team's plan (the deployment's default if never set).")
    caps: list[PlanCap] = strawberry.field(description="Every cap, with the team's use of it.")


@strawberry.type(description="A cap of one plan tier (the plan table).")
class PlanTierLimit:
    capability: str = strawberry.field(description="Stable key of the cap.")
    label: str = strawberry.field(description="The cap for people.")
    limit: int | None = strawberry.field(description="At most this many; null: unlimited; 0: not in the plan.")


@strawberry.type(description="A plan tier with every cap.")
class PlanTier:
    plan: PlanType = strawberry.field(description="The tier.")
    limits: list[PlanTierLimit] = strawberry.field(description="Its limit of every cap.")


@strawberry.input(description="Which plan to put a team on.")
class SetTeamPlanInput:
    team_id: strawberry.ID = strawberry.field(description="The team (a Team id of any team of the deployment).")
    plan: str = strawberry.field(description="A plan key: free, starter, pro, agency, enterprise.")


@strawberry.type(description="Result of `setTeamPlan`.")
class SetTeamPlanPayload:
    team_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "The team; null when `userErrors` is not empty."))
    plan: PlanType | None = strawberry.field(default=None, description="Its plan now.")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class PlansQuery:
    @strawberry.field(description="The caller's team's plan and its use of every cap. Any team credential.")
    async def team_plan(self, info: Info[Context, None]) -> TeamPlanUsage:
        viewer = info.context.require()
        plan, usage = await service.usage(viewer.team.id)
        return TeamPlanUsage(plan=PlanType.from_plan(plan), caps=[
            PlanCap(capability=u.capability, label=u.label, limit=u.limit, included=u.included, used=u.used,
                    over=u.over, lifted_by=PlanType.from_plan(u.lifted_by) if u.lifted_by else None, note=u.note)
            for u in usage])

    @strawberry.field(description=(
        "Every plan tier and its caps (the plan table), lowest rank first. Any team credential."))
    def plan_tiers(self, info: Info[Context, None]) -> list[PlanTier]:
        info.context.require()
        return [PlanTier(plan=PlanType.from_plan(plan), limits=[
            PlanTierLimit(capability=cap.key, label=cap.label, limit=tiers.limit(plan, cap.key))
            for cap in tiers.CAPABILITIES]) for plan in tiers.PLANS]


@strawberry.type
class PlansMutation:
    @strawberry.mutation(description="Put a team on a plan (platform-admin token only). A downgrade deletes "
                                     "nothing: what is over the new caps turns read-only.")
    @mutation_payload
    async def set_team_plan(
        self, info: Info[Context, None],
        input: Annotated[SetTeamPlanInput, strawberry.argument(description="The team and plan key.")],
    ) -> SetTeamPlanPayload:
        info.context.require_platform_admin()
        team_pk = id_input(input.team_id, "Team", "teamId")
        team = await service.find_team(str(team_pk))
        plan = await service.set_plan(team, input.plan, "platform-admin")
        return SetTeamPlanPayload(team_id=input.team_id, plan=PlanType.from_plan(plan))
