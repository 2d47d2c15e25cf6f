"""GraphQL for teams: viewer, team, API keys, login."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, id_input
from app.graphql.nodes import NodeType, staff, team_rows
from app.teams import audit, service
from app.teams.models import ApiKey, Team, User


@strawberry.type(name="Team", description="The caller's team: every row MemberHub keeps belongs to one team.")
class TeamType(relay.Node):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="Display name.")
    slug: str = strawberry.field(description="URL-safe name made from the name at creation, with a random suffix.")
    time_zone: str = strawberry.field(description=(
        "IANA zone name (`Europe/London`, default `UTC`): calendar words and dates in segment rules, and "
        "imported times without an offset, are read in it (`setTeamTimeZone`)."))
    require_two_factor: bool = strawberry.field(description=(
        "Whether staff must use two-factor: a session of a user without it may only turn it on "
        "(TWO_FACTOR_REQUIRED elsewhere). API keys are not affected. `setTeamTwoFactorRequired`."))
    created_at: datetime = strawberry.field(description="When the team was created.")

    @classmethod
    def from_model(cls, team: Team) -> TeamType:
        return cls(
            id=team.id, name=team.name, slug=team.slug,
            time_zone=team.time_zone, require_two_factor=team.require_two_factor, created_at=team.created_at,
        )


@strawberry.type(name="User", description=(
    "A staff person who signs in with email and password; visible to itself only."))
class UserType(relay.Node):
    id: relay.NodeID[int]
    email: str = strawberry.field(description="Sign-in email, lowercased.")
    name: str = strawberry.field(description="Display name.")
    two_factor_enabled: bool = strawberry.field(description=(
        "Whether signing in also takes a TOTP code (`enrollTwoFactor`, `confirmTwoFactor`)."))
    recovery_codes_left: int = strawberry.field(description=(
        "How many unused recovery codes the user has (0 without two-factor)."))

    @classmethod
    def from_model(cls, user: User) -> UserType:
        return cls(id=user.id, email=user.email, name=user.name, two_factor_enabled=user.totp_enabled_at is not None,
                   recovery_codes_left=len(user.totp_recovery_hashes or []))


@strawberry.type(name="ApiKey", description="An API key; the secret itself is shown only once.")
class ApiKeyType(relay.Node):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="What the key is for, as its creator named it.")
    prefix: str = strawberry.field(description=(
        "The key's public start (`mhk_...`), to recognise it in logs and configs; the secret follows it."))
    scopes: list[str] = strawberry.field(description=(
        "What the key may do (`contacts:read`, ..., or `admin` for everything)."))
    created_at: datetime = strawberry.field(description="When the key was created.")
    last_used_at: datetime | None = strawberry.field(description=(
        "When it last authenticated a request (to the minute); null if never."))
    revoked_at: datetime | None = strawberry.field(description=(
        "When it was revoked (it no longer works); null while active."))

    @strawberry.field(description="Whether the key still works (not revoked).")
    def active(self) -> bool:
        return self.revoked_at is None

    @classmethod
    def from_model(cls, key: ApiKey) -> ApiKeyType:
        return cls(
            id=key.id, name=key.name, prefix=key.prefix, scopes=list(key.scopes),
            created_at=key.created_at, last_used_at=key.last_used_at, revoked_at=key.revoked_at,
        )


@strawberry.type(description="Who is calling: the team, and the user (session) or API key behind the request.")
class Viewer:
    team: TeamType = strawberry.field(description="The caller's team.")
    user: UserType | None = strawberry.field(description="The signed-in staff user; null for an API key.")
    api_key: ApiKeyType | None = strawberry.field(description="The API key of the request; null for a user session.")
    role: str | None = strawberry.field(description=(
        "The user's role in the team (`owner`, `admin`, `staff`); null for an API key."))
    scopes: list[str] = strawberry.field(description=(
        "Every scope the caller holds, sorted (`admin` includes all the others)."))


@strawberry.input(description="A new API key.")
class CreateApiKeyInput:
    name: str = strawberry.field(description="What the key is for (required).")
    scopes: list[str] = strawberry.field(description=(
        "At least one of the known scopes (`contacts:read`, `events:write`, ..., `admin`); INVALID_SCOPE names "
        "the known ones."))


@strawberry.type(description="Result of `createApiKey`.")
class CreateApiKeyPayload:
    api_key: ApiKeyType | None = strawberry.field(default=None, description=(
        "The new key's record; null when `userErrors` is not empty."))
    secret: str | None = strawberry.field(default=None, description="The key; shown only here, once.")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="The API key to revoke.")
class RevokeApiKeyInput:
    id: strawberry.ID = strawberry.field(description="The key (an ApiKey id).")


@strawberry.type(description="Result of `revokeApiKey`.")
class RevokeApiKeyPayload:
    api_key: ApiKeyType | None = strawberry.field(default=None, description=(
        "The key, now revoked; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="Staff credentials.")
class LoginInput:
    email: str = strawberry.field(description="The user's email.")
    password: str = strawberry.field(description="The user's password.")
    code: str | None = strawberry.field(default=None, description=(
        "A user with two-factor on: the 6-digit code of the authenticator app, or one of the recovery codes "
        "(each works once). TWO_FACTOR_REQUIRED without it, INVALID_TWO_FACTOR_CODE when wrong or used already."))


@strawberry.type(description="Result of `login`.")
class LoginPayload:
    token: str | None = strawberry.field(default=None, description=(
        "The session token (`mhs_...`, valid 14 days): send it as `Authorization: Bearer <token>`; null when "
        "`userErrors` is not empty (INVALID_CREDENTIALS, whichever part was wrong; TWO_FACTOR_REQUIRED or "
        "INVALID_TWO_FACTOR_CODE for a user with two-factor)."))
    user: UserType | None = strawberry.field(default=None, description="The signed-in user.")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(description="Result of `logout`.")
class LogoutPayload:
    ok: bool = strawberry.field(description="True when a session ended; false for an API key (nothing to end).")


@strawberry.type
class TeamsQuery:
    @strawberry.field(description="Who is calling, for which team, with which scopes. Any credential.")
    def viewer(self, info: Info[Context, None]) -> Viewer:
        viewer = info.context.require()
        return Viewer(
            team=TeamType.from_model(viewer.team),
            user=UserType.from_model(viewer.user) if viewer.user else None,
            api_key=ApiKeyType.from_model(viewer.api_key) if viewer.api_key else None,
            role=viewer.role.value if viewer.role else None,
            scopes=sorted(viewer.scopes),
        )

    @strawberry.field(description="The caller's team. Any credential.")
    def team(self, info: Info[Context, None]) -> TeamType:
        return TeamType.from_model(info.context.require().team)

    @strawberry.field(description="The team's API keys, newest first. Needs the admin scope.")
    async def api_keys(
        self, info: Info[Context, None], first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
        include_revoked: Annotated[bool, strawberry.argument(description=(
            "Whether revoked keys are listed too (default false)."))] = False,
    ) -> Connection[ApiKeyType]:
        viewer = info.context.require(service.ADMIN_SCOPE)
        queryset = ApiKey.filter(team_id=viewer.team.id)
        if not include_revoked:
            queryset = queryset.filter(revoked_at__isnull=True)
        return await keyset_page(
            queryset, ApiKeyType.from_model, first=first, after=after, last=last, before=before, descending=True
        )


@strawberry.input(description="The team's new time zone.")
class SetTeamTimeZoneInput:
    time_zone: str = strawberry.field(description="An IANA zone name, such as Europe/London (default UTC).")


@strawberry.type(description="Result of `setTeamTimeZone`.")
class SetTeamTimeZonePayload:
    team: TeamType | None = strawberry.field(default=None, description=(
        "The team with its new zone; null when `userErrors` is not empty (INVALID_TIME_ZONE)."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class TeamsMutation:
    @strawberry.mutation(description="The team's time zone: calendar words (today, last month), dates in segment "
                                     "rules and day boundaries are in it; relative windows stay exact instants. "
                                     "Recomputes the team's dynamic segments. Needs admin.")
    @mutation_payload
    async def set_team_time_zone(
        self, info: Info[Context, None], input: Annotated[SetTeamTimeZoneInput, strawberry.argument(description=(
            "The zone."))],
    ) -> SetTeamTimeZonePayload:
        viewer = info.context.require(service.ADMIN_SCOPE)
        before = viewer.team.time_zone
        team = await service.set_time_zone(viewer.team, input.time_zone)
        await audit.record(team.id, viewer, "team.time_zone_changed", "Team", encode_id("Team", team.id),
                           {"from": before, "to": team.time_zone})
        return SetTeamTimeZonePayload(team=TeamType.from_model(team))

    @strawberry.mutation(description="Create an API key for the team; its secret is in the payload only. Needs admin.")
    @mutation_payload
    async def create_api_key(
        self, info: Info[Context, None], input: Annotated[CreateApiKeyInput, strawberry.argument(description=(
            "The key's name and scopes."))],
    ) -> CreateApiKeyPayload:
        viewer = info.context.require(service.ADMIN_SCOPE)
        key, secret = await service.create_api_key(viewer.team, input.name, input.scopes, viewer.user)
        await audit.record(viewer.team.id, viewer, "api_key.created", "ApiKey", encode_id("ApiKey", key.id),
                           {"name": key.name, "prefix": key.prefix, "scopes": list(key.scopes)})
        return CreateApiKeyPayload(api_key=ApiKeyType.from_model(key), secret=secret)

    @strawberry.mutation(description="Revoke an API key at once: requests with it fail from now on. Needs admin.")
    @mutation_payload
    async def revoke_api_key(
        self, info: Info[Context, None], input: Annotated[RevokeApiKeyInput, strawberry.argument(description=(
            "The key."))],
    ) -> RevokeApiKeyPayload:
        viewer = info.context.require(service.ADMIN_SCOPE)
        key = await service.revoke_api_key(viewer.team, id_input(input.id, "ApiKey", "id"))
        await audit.record(viewer.team.id, viewer, "api_key.revoked", "ApiKey", input.id,
                           {"name": key.name, "prefix": key.prefix})
        return RevokeApiKeyPayload(api_key=ApiKeyType.from_model(key))

    @strawberry.mutation(description=(
        "Public: exchange email and password for a session token. Rate-limited per address and per account "
        "(RATE_LIMITED with `retryAfter`)."))
    @mutation_payload
    async def login(
        self, info: Info[Context, None], input: Annotated[LoginInput, strawberry.argument(description=(
            "The credentials."))],
    ) -> LoginPayload:
        user, token = await service.login(input.email, input.password, info.context.client_address,
                                          info.context.settings, code=input.code)
        return LoginPayload(token=token, user=UserType.from_model(user))

    @strawberry.mutation(description="End the session whose token made this request.")
    async def logout(self, info: Info[Context, None]) -> LogoutPayload:
        viewer = info.context.require()
        token = getattr(info.context, "bearer_token", None)
        if viewer.user is None or not token:
            return LogoutPayload(ok=False)
        await service.logout(token)
        return LogoutPayload(ok=True)


async def _own_team(info: Info[Context, None], team_id: int, pks: list[int]) -> Mapping[int, TeamType]:
    return {team_id: TeamType.from_model(info.context.require().team)} if team_id in pks else {}


async def _own_user(info: Info[Context, None], team_id: int, pks: list[int]) -> Mapping[int, UserType]:
    user = info.context.require().user  # a user is visible to itself only, as through `viewer`
    return {user.id: UserType.from_model(user)} if user is not None and user.id in pks else {}


NODE_TYPES = (
    NodeType("Team", staff(None), _own_team),
    NodeType("User", staff(None), _own_user),
    NodeType("ApiKey", staff(service.ADMIN_SCOPE), team_rows(ApiKey, ApiKeyType.from_model)),
)
