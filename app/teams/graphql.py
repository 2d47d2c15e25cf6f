"""GraphQL for teams: viewer, team, API keys, login."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from app.core.errors import ValidationFailed
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.errors import UserError, user_errors
from app.graphql.ids import parse_id
from app.teams import service
from app.teams.models import ApiKey, Team, User


@strawberry.type(name="Team")
class TeamType:
    id: strawberry.ID
    name: str
    slug: str
    time_zone: str
    created_at: datetime

    @classmethod
    def from_model(cls, team: Team) -> TeamType:
        return cls(
            id=strawberry.ID(str(team.id)), name=team.name, slug=team.slug,
            time_zone=team.time_zone, created_at=team.created_at,
        )


@strawberry.type(name="User")
class UserType:
    id: strawberry.ID
    email: str
    name: str

    @classmethod
    def from_model(cls, user: User) -> UserType:
        return cls(id=strawberry.ID(str(user.id)), email=user.email, name=user.name)


@strawberry.type(name="ApiKey", description="An API key; the secret itself is shown only once.")
class ApiKeyType:
    id: strawberry.ID
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
            id=strawberry.ID(str(key.id)), name=key.name, prefix=key.prefix, scopes=list(key.scopes),
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
        include_revoked: bool = False,
    ) -> Connection[ApiKeyType]:
        viewer = info.context.require(service.ADMIN_SCOPE)
        queryset = ApiKey.filter(team_id=viewer.team.id)
        if not include_revoked:
            queryset = queryset.filter(revoked_at__isnull=True)
        return await keyset_page(
            queryset, ApiKeyType.from_model, first=first, after=after, descending=True
        )


@strawberry.type
class TeamsMutation:
    @strawberry.mutation
    async def create_api_key(self, info: Info[Context, None], input: CreateApiKeyInput) -> CreateApiKeyPayload:
        viewer = info.context.require(service.ADMIN_SCOPE)
        try:
            key, secret = await service.create_api_key(viewer.team, input.name, input.scopes, viewer.user)
        except ValidationFailed as exc:
            return CreateApiKeyPayload(user_errors=user_errors(exc))
        return CreateApiKeyPayload(api_key=ApiKeyType.from_model(key), secret=secret)

    @strawberry.mutation
    async def revoke_api_key(self, info: Info[Context, None], input: RevokeApiKeyInput) -> RevokeApiKeyPayload:
        viewer = info.context.require(service.ADMIN_SCOPE)
        try:
            key = await service.revoke_api_key(viewer.team, parse_id(input.id, "id", "API key"))
        except ValidationFailed as exc:
            return RevokeApiKeyPayload(user_errors=user_errors(exc))
        return RevokeApiKeyPayload(api_key=ApiKeyType.from_model(key))

    @strawberry.mutation(description="Exchange email and password for a session token.")
    async def login(self, input: LoginInput) -> LoginPayload:
        try:
            user, token = await service.login(input.email, input.password)
        except ValidationFailed as exc:
            return LoginPayload(user_errors=user_errors(exc))
        return LoginPayload(token=token, user=UserType.from_model(user))

    @strawberry.mutation(description="End the session whose token made this request.")
    async def logout(self, info: Info[Context, None]) -> LogoutPayload:
        viewer = info.context.require()
        token = getattr(info.context, "bearer_token", None)
        if viewer.user is None or not token:
            return LogoutPayload(ok=False)
        await service.logout(token)
        return LogoutPayload(ok=True)
