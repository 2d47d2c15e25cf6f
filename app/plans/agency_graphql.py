"""GraphQL for agencies: the agency of the caller's team, its brands, members and keys, and the
roll-up dashboard across its brands."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.graphql.context import Context
from app.graphql.enums import described_enum
from app.graphql.errors import UserError, forbidden, mutation_payload
from app.graphql.ids import encode_id, id_arg, id_input
from app.graphql.nodes import NodeType, staff, team_rows
from app.plans import agencies, rollup
from app.plans.models import Agency, AgencyApiKey
from app.teams.graphql import TeamType, UserType
from app.teams.service import ADMIN_SCOPE

HealthFlagEnum = described_enum(
    rollup.HealthFlag, name="HealthFlag",
    description="Why the roll-up flags a segment; the limits are the agency's `healthThresholds`.",
    values={
        "EMPTY": "The segment has no members.",
        "NOT_GROWING": "A dynamic segment older than `notGrowingDays` had no joins in the last `notGrowingDays` days.",
        "SHRINKING": "The segment lost more than `shrinkPercentPerWeek` percent of its members in the last 7 days "
                     "(net of joins).",
        "ERRORING": "The segment's latest evaluation error happened within the last `errorsWithinHours` hours.",
    })


@strawberry.type(name="AgencyApiKey", description="An agency-wide API key; the secret is shown only once.")
class AgencyApiKeyType(relay.Node):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="The label given when the key was created (1 to 200 characters).")
    prefix: str = strawberry.field(description="The key's public start (`mha_...`), to recognise it; not a secret.")
    scopes: list[str] = strawberry.field(description="The scopes the key grants in every brand of the agency.")
    created_at: datetime = strawberry.field(description="When the key was created (UTC).")
    last_used_at: datetime | None = strawberry.field(description="When the key last authenticated a request (UTC); "
                                                                 "null if never.")
    revoked_at: datetime | None = strawberry.field(description="When the key was revoked (UTC); null while it works.")

    @classmethod
    def from_model(cls, key: AgencyApiKey) -> AgencyApiKeyType:
        return cls(id=key.id, name=key.name, prefix=key.prefix, scopes=list(key.scopes), created_at=key.created_at,
                   last_used_at=key.last_used_at, revoked_at=key.revoked_at)


@strawberry.type(description="A user of the agency and their role in every brand.")
class AgencyMemberType:
    user: UserType = strawberry.field(description="The user.")
    role: str = strawberry.field(description="`owner`, `admin` or `staff`; the same role in every brand.")


@strawberry.type(description="The thresholds behind the roll-up's health flags.")
class HealthThresholds:
    not_growing_days: float = strawberry.field(description=(
        "Days without a join after which a dynamic segment is flagged NOT_GROWING (default 7)."))
    shrink_percent_per_week: float = strawberry.field(description=(
        "Percent of its members a segment may lose in 7 days before it is flagged SHRINKING (default 20)."))
    errors_within_hours: float = strawberry.field(description=(
        "Hours for which an evaluation error keeps a segment flagged ERRORING (default 24)."))


@strawberry.type(name="Agency", description="An organisation owning many teams (brands).")
class AgencyType:
    name: str = strawberry.field(description="The agency's name.")
    created_at: datetime = strawberry.field(description="When the agency was created (UTC).")
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

    @strawberry.field(description="The thresholds behind the roll-up's health flags (defaults where never set).")
    def health_thresholds(self) -> HealthThresholds:
        t = agencies.thresholds_of(self.agency)
        return HealthThresholds(not_growing_days=t["notGrowingDays"], shrink_percent_per_week=t["shrinkPercentPerWeek"],
                                errors_within_hours=t["errorsWithinHours"])


@strawberry.type(description="One segment of a brand in the roll-up.")
class SegmentHealthType:
    segment_id: strawberry.ID = strawberry.field(description="The segment's global ID.")
    name: str = strawberry.field(description="The segment's name.")
    kind: str = strawberry.field(description="`dynamic`, `static` or `cohort`.")
    size: int = strawberry.field(description="Members now.")
    growth_7d: int = strawberry.field(name="growth7d", description=(
        "Joins minus leaves in the last 7 days; negative when it shrank."))
    growth_28d: int = strawberry.field(name="growth28d", description="Joins minus leaves in the last 28 days.")
    growth_7d_percent: float | None = strawberry.field(name="growth7dPercent", description=(
        "`growth7d` as a percent of the size 7 days ago (one decimal); null when that size was 0."))
    last_evaluated_at: datetime | None = strawberry.field(description=(
        "When a real-time batch last evaluated it (UTC); null if never."))
    lag_ms: int | None = strawberry.field(description=(
        "The latest real-time batch's lag from request to commit, in milliseconds; null if never evaluated."))
    max_lag_ms: int | None = strawberry.field(description=(
        "The longest lag from request to commit seen, in milliseconds; null if never evaluated."))
    error_count: int = strawberry.field(description="Evaluation batches that failed for this segment.")
    last_error: str | None = strawberry.field(description="The latest evaluation failure's message; null if none.")
    last_error_at: datetime | None = strawberry.field(description=(
        "When the latest evaluation failure happened (UTC); null if none."))
    flags: list[rollup.HealthFlag] = strawberry.field(description="Its health flags; empty when healthy.")


@strawberry.type(description="One brand of the agency in the roll-up.")
class BrandRollupType:
    team: TeamType = strawberry.field(description="The brand (team).")
    flagged: int = strawberry.field(description="How many of its segments have at least one health flag.")
    segments: list[SegmentHealthType] = strawberry.field(description=(
        "Its segments by name (only flagged ones with `flaggedOnly`)."))


@strawberry.input(description="The new agency.")
class CreateAgencyInput:
    name: str = strawberry.field(description="The agency's name, 1 to 200 characters.")


@strawberry.type(description="The result of creating an agency or changing its settings.")
class AgencyPayload:
    agency: AgencyType | None = strawberry.field(default=None, description="The agency; null on userErrors.")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="The new brand.")
class CreateAgencyBrandInput:
    name: str = strawberry.field(description="The brand's (team's) name.")
    time_zone: str = strawberry.field(default="UTC", description="The brand's IANA time zone, e.g. `Europe/Paris`.")


@strawberry.type(description="The result of createAgencyBrand.")
class AgencyBrandPayload:
    team: TeamType | None = strawberry.field(default=None, description=(
        "The new brand, with the caller as its owner; null on userErrors."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="Who joins the agency, and with which role.")
class AddAgencyMemberInput:
    email: str = strawberry.field(description="The email of an existing user (they sign up first).")
    role: str = strawberry.field(default="staff", description=(
        "`owner`, `admin` or `staff`; a user who is a member already gets this role instead."))


@strawberry.type(description="The result of addAgencyMember.")
class AgencyMemberPayload:
    member: AgencyMemberType | None = strawberry.field(default=None, description=(
        "The member and their role; null on userErrors."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="Who leaves the agency.")
class RemoveAgencyMemberInput:
    user_id: strawberry.ID = strawberry.field(description="The member's User ID.")


@strawberry.type(description="The result of removeAgencyMember.")
class RemoveAgencyMemberPayload:
    removed_user_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "The removed member's User ID; null on userErrors."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="The new agency API key.")
class CreateAgencyApiKeyInput:
    name: str = strawberry.field(description="A label for the key, 1 to 200 characters.")
    scopes: list[str] = strawberry.field(description="The scopes it grants in every brand, e.g. `segments:read`.")


@strawberry.type(description="The result of createAgencyApiKey.")
class CreateAgencyApiKeyPayload:
    api_key: AgencyApiKeyType | None = strawberry.field(default=None, description="The new key; null on userErrors.")
    secret: str | None = strawberry.field(default=None, description="The key; shown only here, once.")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="The agency API key to revoke.")
class RevokeAgencyApiKeyInput:
    id: strawberry.ID = strawberry.field(description="The AgencyApiKey ID.")


@strawberry.type(description="The result of revokeAgencyApiKey.")
class RevokeAgencyApiKeyPayload:
    api_key: AgencyApiKeyType | None = strawberry.field(default=None, description=(
        "The revoked key, with `revokedAt` set; null on userErrors."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="New health thresholds; each above 0 and at most 3650, null keeps the current one.")
class SetHealthThresholdsInput:
    not_growing_days: float | None = strawberry.field(default=None, description=(
        "Days without a join before a dynamic segment is flagged NOT_GROWING; null keeps it."))
    shrink_percent_per_week: float | None = strawberry.field(default=None, description=(
        "Percent of members lost in 7 days before a segment is flagged SHRINKING; null keeps it."))
    errors_within_hours: float | None = strawberry.field(default=None, description=(
        "Hours an evaluation error keeps a segment flagged ERRORING; null keeps it."))


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
    async def agency_rollup(
        self, info: Info[Context, None],
        team_id: Annotated[strawberry.ID | None, strawberry.argument(
            description="Only this brand's Team ID; null for every brand of the agency.")] = None,
        flagged_only: Annotated[bool, strawberry.argument(
            description="Only segments with at least one health flag.")] = False,
    ) -> list[BrandRollupType]:
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
    async def create_agency(
        self, info: Info[Context, None],
        input: Annotated[CreateAgencyInput, strawberry.argument(description="The agency.")],
    ) -> AgencyPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        agency = await agencies.create_agency(viewer, input.name)
        return AgencyPayload(agency=AgencyType(name=agency.name, created_at=agency.created_at, agency=agency))

    @strawberry.mutation(description="A new team (brand) owned by the caller's agency, on the agency's plan.")
    @mutation_payload
    async def create_agency_brand(
        self, info: Info[Context, None],
        input: Annotated[CreateAgencyBrandInput, strawberry.argument(description="The brand.")],
    ) -> AgencyBrandPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        team = await agencies.create_brand(viewer, input.name, input.time_zone)
        return AgencyBrandPayload(team=TeamType.from_model(team))

    @strawberry.mutation(description="Give an existing user a role in every brand of the agency.")
    @mutation_payload
    async def add_agency_member(
        self, info: Info[Context, None],
        input: Annotated[AddAgencyMemberInput, strawberry.argument(description="The user and role.")],
    ) -> AgencyMemberPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        row = await agencies.add_member(viewer, input.email, input.role)
        await row.fetch_related("user")
        return AgencyMemberPayload(member=AgencyMemberType(user=UserType.from_model(row.user), role=row.role))

    @strawberry.mutation(description="Take a user out of every brand of the agency (owners and admins; the last "
                                     "owner stays).")
    @mutation_payload
    async def remove_agency_member(
        self, info: Info[Context, None],
        input: Annotated[RemoveAgencyMemberInput, strawberry.argument(description="The member.")],
    ) -> RemoveAgencyMemberPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        user_id = await agencies.remove_member(viewer, id_input(input.user_id, "User", "userId"))
        return RemoveAgencyMemberPayload(removed_user_id=strawberry.ID(encode_id("User", user_id)))

    @strawberry.mutation(description="An API key with these scopes in every brand of the agency (pick the brand "
                                     "per request with X-MemberHub-Team).")
    @mutation_payload
    async def create_agency_api_key(
        self, info: Info[Context, None],
        input: Annotated[CreateAgencyApiKeyInput, strawberry.argument(description="The key's name and scopes.")],
    ) -> CreateAgencyApiKeyPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        key, secret = await agencies.create_key(viewer, input.name, input.scopes)
        return CreateAgencyApiKeyPayload(api_key=AgencyApiKeyType.from_model(key), secret=secret)

    @strawberry.mutation(description="Stop an agency API key working in every brand, at once (owners and admins; "
                                     "revoking twice is a no-op).")
    @mutation_payload
    async def revoke_agency_api_key(
        self, info: Info[Context, None],
        input: Annotated[RevokeAgencyApiKeyInput, strawberry.argument(description="The key.")],
    ) -> RevokeAgencyApiKeyPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        key = await agencies.revoke_key(viewer, id_input(input.id, "AgencyApiKey", "id"))
        return RevokeAgencyApiKeyPayload(api_key=AgencyApiKeyType.from_model(key))

    @strawberry.mutation(description="The roll-up's health thresholds (owners and admins).")
    @mutation_payload
    async def set_agency_health_thresholds(
        self, info: Info[Context, None],
        input: Annotated[SetHealthThresholdsInput, strawberry.argument(description="The thresholds to change.")],
    ) -> AgencyPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        agency = await agencies.set_thresholds(viewer, {
            "notGrowingDays": input.not_growing_days, "shrinkPercentPerWeek": input.shrink_percent_per_week,
            "errorsWithinHours": input.errors_within_hours})
        return AgencyPayload(agency=AgencyType(name=agency.name, created_at=agency.created_at, agency=agency))


NODE_TYPES = (
    NodeType("AgencyApiKey", staff(ADMIN_SCOPE), team_rows(AgencyApiKey, AgencyApiKeyType.from_model)),
)
