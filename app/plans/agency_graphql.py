"""GraphQL for agencies: the agency of the caller's team, its brands, members and keys, and the
roll-up dashboard across its brands."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.graphql.context import Context
from app.graphql.errors import UserError, forbidden, mutation_payload
from app.graphql.ids import encode_id, id_arg, id_input
from app.graphql.nodes import NodeType, staff, team_rows
from app.plans import agencies, rollup
from app.plans.models import Agency, AgencyApiKey
from app.teams.graphql import TeamType, UserType
from app.teams.service import ADMIN_SCOPE

HealthFlagEnum = strawberry.enum(
    rollup.HealthFlag, name="HealthFlag",
    description="EMPTY: no members; NOT_GROWING: no joins for notGrowingDays; SHRINKING: lost more than "
                "shrinkPercentPerWeek in 7 days; ERRORING: an evaluation error within errorsWithinHours.")


@strawberry.type(name="AgencyApiKey", description="An agency-wide API key; the secret is shown only once.")
class AgencyApiKeyType(relay.Node):
    id: relay.NodeID[int]
    name: str
    prefix: str
    scopes: list[str]
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def from_model(cls, key: AgencyApiKey) -> AgencyApiKeyType:
        return cls(id=key.id, name=key.name, prefix=key.prefix, scopes=list(key.scopes), created_at=key.created_at,
                   last_used_at=key.last_used_at, revoked_at=key.revoked_at)


@strawberry.type(description="A user of the agency and their role in every brand.")
class AgencyMemberType:
    user: UserType
    role: str


@strawberry.type(description="The thresholds behind the roll-up's health flags.")
class HealthThresholds:
    not_growing_days: float
    shrink_percent_per_week: float
    errors_within_hours: float


@strawberry.type(name="Agency", description="An organisation owning many teams (brands).")
class AgencyType:
    name: str
    created_at: datetime
    agency: strawberry.Private[Agency]

    @strawberry.field(description="The agency's teams, the home team first.")
    async def brands(self) -> list[TeamType]:
        return [TeamType.from_model(t) for t in await agencies.brands_of(self.agency)]

    @strawberry.field(description="Users who act in every brand (owners and admins only).")
    async def members(self, info: Info[Context, None]) -> list[AgencyMemberType]:
        await _require_admin(info)
        members = await agencies.members_of(self.agency)
        return [AgencyMemberType(user=UserType.from_model(u), role=r) for u, r in members]

    @strawberry.field(description="Agency-wide API keys, newest first (owners and admins only).")
    async def api_keys(self, info: Info[Context, None]) -> list[AgencyApiKeyType]:
        await _require_admin(info)
        return [AgencyApiKeyType.from_model(k) for k in await agencies.keys_of(self.agency)]

    @strawberry.field
    def health_thresholds(self) -> HealthThresholds:
        t = agencies.thresholds_of(self.agency)
        return HealthThresholds(not_growing_days=t["notGrowingDays"], shrink_percent_per_week=t["shrinkPercentPerWeek"],
                                errors_within_hours=t["errorsWithinHours"])


@strawberry.type(description="One segment of a brand in the roll-up.")
class SegmentHealthType:
    segment_id: strawberry.ID
    name: str
    kind: str
    size: int
    growth_7d: int = strawberry.field(name="growth7d")
    growth_28d: int = strawberry.field(name="growth28d")
    growth_7d_percent: float | None = strawberry.field(name="growth7dPercent")
    last_evaluated_at: datetime | None
    lag_ms: int | None = strawberry.field(description="The last real-time batch's lag.")
    max_lag_ms: int | None
    error_count: int
    last_error: str | None
    last_error_at: datetime | None
    flags: list[rollup.HealthFlag]


@strawberry.type(description="One brand of the agency in the roll-up.")
class BrandRollupType:
    team: TeamType
    flagged: int
    segments: list[SegmentHealthType]


@strawberry.input
class CreateAgencyInput:
    name: str


@strawberry.type
class AgencyPayload:
    agency: AgencyType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class CreateAgencyBrandInput:
    name: str
    time_zone: str = "UTC"


@strawberry.type
class AgencyBrandPayload:
    team: TeamType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class AddAgencyMemberInput:
    email: str
    role: str = strawberry.field(default="staff", description="owner, admin or staff")


@strawberry.type
class AgencyMemberPayload:
    member: AgencyMemberType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class RemoveAgencyMemberInput:
    user_id: strawberry.ID


@strawberry.type
class RemoveAgencyMemberPayload:
    removed_user_id: strawberry.ID | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class CreateAgencyApiKeyInput:
    name: str
    scopes: list[str]


@strawberry.type
class CreateAgencyApiKeyPayload:
    api_key: AgencyApiKeyType | None = None
    secret: str | None = strawberry.field(default=None, description="The key; shown only here, once.")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class RevokeAgencyApiKeyInput:
    id: strawberry.ID


@strawberry.type
class RevokeAgencyApiKeyPayload:
    api_key: AgencyApiKeyType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class SetHealthThresholdsInput:
    not_growing_days: float | None = None
    shrink_percent_per_week: float | None = None
    errors_within_hours: float | None = None


async def _require_admin(info: Info[Context, None]) -> Agency:
    viewer = info.context.require(ADMIN_SCOPE)
    try:
        return await agencies.require_agency_admin(viewer)
    except Exception as exc:
        raise forbidden("only the agency's owners and admins may do this") from exc


async def _rollup_agency(info: Info[Context, None]) -> Agency | None:
    """The roll-up spans brands: only the agency's own credentials (a member, an agency key) see it."""
    viewer = info.context.require("segments:read")
    agency = await agencies.agency_of_team(viewer.team.id)
    if agency is None:
        return None
    if info.context.agency_id == agency.id or await agencies.member_role(agency, viewer.user) is not None:
        return agency
    raise forbidden("the roll-up is for the agency's members and agency keys")


@strawberry.type
class AgencyQuery:
    @strawberry.field(description="The agency that owns the caller's team (null when none).")
    async def agency(self, info: Info[Context, None]) -> AgencyType | None:
        viewer = info.context.require()
        agency = await agencies.agency_of_team(viewer.team.id)
        return AgencyType(name=agency.name, created_at=agency.created_at, agency=agency) if agency else None

    @strawberry.field(description="Per brand and segment: size, growth, evaluation lag and errors, health flags.",
                      metadata={"cost": 1000})
    async def agency_rollup(self, info: Info[Context, None], team_id: strawberry.ID | None = None,
                            flagged_only: bool = False) -> list[BrandRollupType]:
        agency = await _rollup_agency(info)
        if agency is None:
            return []
        wanted = id_arg(team_id, "Team", "teamId") if team_id is not None else None
        brands = await rollup.rollup(agency, team_id=wanted)
        return [BrandRollupType(team=TeamType.from_model(b.team), flagged=b.flagged, segments=[
            SegmentHealthType(
                segment_id=strawberry.ID(encode_id("Segment", s.segment_id)), name=s.name, kind=s.kind, size=s.size,
                growth_7d=s.growth_7d, growth_28d=s.growth_28d, growth_7d_percent=s.growth_7d_percent,
                last_evaluated_at=s.last_evaluated_at, lag_ms=s.lag_ms, max_lag_ms=s.max_lag_ms,
                error_count=s.error_count, last_error=s.last_error, last_error_at=s.last_error_at,
                flags=list(s.flags))
            for s in b.segments if s.flags or not flagged_only]) for b in brands]


@strawberry.type
class AgencyMutation:
    @strawberry.mutation(description="Make the caller's team the home of a new agency (Agency plans; a person "
                                     "signed in, who becomes its owner).")
    @mutation_payload
    async def create_agency(self, info: Info[Context, None], input: CreateAgencyInput) -> AgencyPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        agency = await agencies.create_agency(viewer, input.name)
        return AgencyPayload(agency=AgencyType(name=agency.name, created_at=agency.created_at, agency=agency))

    @strawberry.mutation(description="A new team (brand) owned by the caller's agency, on the agency's plan.")
    @mutation_payload
    async def create_agency_brand(self, info: Info[Context, None], input: CreateAgencyBrandInput) -> AgencyBrandPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        team = await agencies.create_brand(viewer, input.name, input.time_zone)
        return AgencyBrandPayload(team=TeamType.from_model(team))

    @strawberry.mutation(description="Give an existing user a role in every brand of the agency.")
    @mutation_payload
    async def add_agency_member(self, info: Info[Context, None], input: AddAgencyMemberInput) -> AgencyMemberPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        row = await agencies.add_member(viewer, input.email, input.role)
        await row.fetch_related("user")
        return AgencyMemberPayload(member=AgencyMemberType(user=UserType.from_model(row.user), role=row.role))

    @strawberry.mutation
    @mutation_payload
    async def remove_agency_member(self, info: Info[Context, None],
                                   input: RemoveAgencyMemberInput) -> RemoveAgencyMemberPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        user_id = await agencies.remove_member(viewer, id_input(input.user_id, "User", "userId"))
        return RemoveAgencyMemberPayload(removed_user_id=strawberry.ID(encode_id("User", user_id)))

    @strawberry.mutation(description="An API key with these scopes in every brand of the agency (pick the brand "
                                     "per request with X-MemberHub-Team).")
    @mutation_payload
    async def create_agency_api_key(self, info: Info[Context, None],
                                    input: CreateAgencyApiKeyInput) -> CreateAgencyApiKeyPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        key, secret = await agencies.create_key(viewer, input.name, input.scopes)
        return CreateAgencyApiKeyPayload(api_key=AgencyApiKeyType.from_model(key), secret=secret)

    @strawberry.mutation
    @mutation_payload
    async def revoke_agency_api_key(self, info: Info[Context, None],
                                    input: RevokeAgencyApiKeyInput) -> RevokeAgencyApiKeyPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        key = await agencies.revoke_key(viewer, id_input(input.id, "AgencyApiKey", "id"))
        return RevokeAgencyApiKeyPayload(api_key=AgencyApiKeyType.from_model(key))

    @strawberry.mutation(description="The roll-up's health thresholds (owners and admins).")
    @mutation_payload
    async def set_agency_health_thresholds(self, info: Info[Context, None],
                                           input: SetHealthThresholdsInput) -> AgencyPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        agency = await agencies.set_thresholds(viewer, {
            "notGrowingDays": input.not_growing_days, "shrinkPercentPerWeek": input.shrink_percent_per_week,
            "errorsWithinHours": input.errors_within_hours})
        return AgencyPayload(agency=AgencyType(name=agency.name, created_at=agency.created_at, agency=agency))


NODE_TYPES = (
    NodeType("AgencyApiKey", staff(ADMIN_SCOPE), team_rows(AgencyApiKey, AgencyApiKeyType.from_model)),
)
