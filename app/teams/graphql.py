"""GraphQL for teams: viewer, team, API keys, login."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

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


@strawberry.type(name="Team")
class TeamType(relay.Node):
    id: relay.NodeID[int]
    name: str
    slug: str
    time_zone: str
    created_at: datetime

    @classmethod
    def from_model(cls, team: Team) -> TeamType:
        return cls(
            id=team.id, name=team.name, slug=team.slug,
            time_zone=team.time_zone, created_at=team.created_at,
        )


@strawberry.type(name="User")
class UserType(relay.Node):
    id: relay.NodeID[int]
    email: str
    name: str

    @classmethod
    def from_model(cls, user: User) -> UserType:
        return cls(id=user.id, email=user.email, name=user.name)


@strawberry.type(name="ApiKey", description="An API key; the secret itself is shown only once.")
class ApiKeyType(relay.Node):
    id: relay.NodeID[int]
    name: str
    prefix: str
    scopes: list[str]
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None

    @strawberry.field
    def active(self) -> bool:
        return self.revoked_at is None

    @classmethod
    def from_model(cls, key: ApiKey) -> ApiKeyType:
        return cls(
            id=key.id, name=key.name, prefix=key.prefix, scopes=list(key.scopes),
            created_at=key.created_at, last_used_at=key.last_used_at, revoked_at=key.revoked_at,
        )


@strawberry.type
class Viewer:
    team: TeamType
    user: UserType | None
    api_key: ApiKeyType | None
    role: str | None
    scopes: list[str]


@strawberry.input
class CreateApiKeyInput:
    name: str
    scopes: list[str]


@strawberry.type
class CreateApiKeyPayload:
    api_key: ApiKeyType | None = None
    secret: str | None = strawberry.field(default=None, description="The key; shown only here, once.")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class RevokeApiKeyInput:
    id: strawberry.ID


@strawberry.type
class RevokeApiKeyPayload:
    api_key: ApiKeyType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class LoginInput:
    email: str
    password: str


@strawberry.type
class LoginPayload:
    token: str | None = None
    user: UserType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class LogoutPayload:
    ok: bool


@strawberry.type
class TeamsQuery:
    @strawberry.field(description="Who is calling, for which team, with which scopes.")
    def viewer(self, info: Info[Context, None]) -> Viewer:
        viewer = info.context.require()
        return Viewer(
            team=TeamType.from_model(viewer.team),
            user=UserType.from_model(viewer.user) if viewer.user else None,
            api_key=ApiKeyType.from_model(viewer.api_key) if viewer.api_key else None,
            role=viewer.role.value if viewer.role else None,
            scopes=sorted(viewer.scopes),
        )

    @strawberry.field(description="The caller's team.")
    def team(self, info: Info[Context, None]) -> TeamType:
        return TeamType.from_model(info.context.require().team)

    @strawberry.field(description="The team's API keys, newest first. Needs the admin scope.")
    async def api_keys(
        self, info: Info[Context, None], first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None, include_revoked: bool = False,
    ) -> Connection[ApiKeyType]:
        viewer = info.context.require(service.ADMIN_SCOPE)
        queryset = ApiKey.filter(team_id=viewer.team.id)
        if not include_revoked:
            queryset = queryset.filter(revoked_at__isnull=True)
        return await keyset_page(
            queryset, ApiKeyType.from_model, first=first, after=after, last=last, before=before, descending=True
        )


@strawberry.input
class SetTeamTimeZoneInput:
    time_zone: str = strawberry.field(description="An IANA zone name, such as Europe/London (default UTC).")


@strawberry.type
class SetTeamTimeZonePayload:
    team: TeamType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class TeamsMutation:
    @strawberry.mutation(description="The team's time zone: calendar words (today, last month), dates in segment "
                                     "rules and day boundaries are in it; relative windows stay exact instants.")
    @mutation_payload
    async def set_team_time_zone(
        self, info: Info[Context, None], input: SetTeamTimeZoneInput
    ) -> SetTeamTimeZonePayload:
        viewer = info.context.require(service.ADMIN_SCOPE)
        before = viewer.team.time_zone
        team = await service.set_time_zone(viewer.team, input.time_zone)
        await audit.record(team.id, viewer, "team.time_zone_changed", "Team", encode_id("Team", team.id),
                           {"from": before, "to": team.time_zone})
        return SetTeamTimeZonePayload(team=TeamType.from_model(team))

    @strawberry.mutation
    @mutation_payload
    async def create_api_key(self, info: Info[Context, None], input: CreateApiKeyInput) -> CreateApiKeyPayload:
        viewer = info.context.require(service.ADMIN_SCOPE)
        key, secret = await service.create_api_key(viewer.team, input.name, input.scopes, viewer.user)
        await audit.record(viewer.team.id, viewer, "api_key.created", "ApiKey", encode_id("ApiKey", key.id),
                           {"name": key.name, "prefix": key.prefix, "scopes": list(key.scopes)})
        return CreateApiKeyPayload(api_key=ApiKeyType.from_model(key), secret=secret)

    @strawberry.mutation
    @mutation_payload
    async def revoke_api_key(self, info: Info[Context, None], input: RevokeApiKeyInput) -> RevokeApiKeyPayload:
        viewer = info.context.require(service.ADMIN_SCOPE)
        key = await service.revoke_api_key(viewer.team, id_input(input.id, "ApiKey", "id"))
        await audit.record(viewer.team.id, viewer, "api_key.revoked", "ApiKey", input.id,
                           {"name": key.name, "prefix": key.prefix})
        return RevokeApiKeyPayload(api_key=ApiKeyType.from_model(key))

    @strawberry.mutation(description="Exchange email and password for a session token.")
    @mutation_payload
    async def login(self, info: Info[Context, None], input: LoginInput) -> LoginPayload:
        user, token = await service.login(input.email, input.password, info.context.client_address,
                                          info.context.settings)
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
