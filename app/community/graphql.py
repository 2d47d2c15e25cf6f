"""GraphQL for staff: a hub's community spaces (their access rules are `setAccessRule` with target SPACE)
and its settings (reactions, word filters, posting limit, first-post review)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.graphql import AccessRuleType, rule_for_target
from app.community import service
from app.community.models import Space, SpaceKind
from app.content.models import RuleTarget
from app.core.errors import ValidationFailed
from app.graphql.context import Context
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, id_arg, id_input
from app.graphql.nodes import NodeType, staff, team_rows
from app.hubs.models import Hub


@strawberry.type(name="CommunitySpace")
class CommunitySpaceType(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID
    slug: str
    name: str
    description: str
    kind: SpaceKind
    position: int
    members_can_post: bool
    created_at: datetime
    team_id: strawberry.Private[int]

    @strawberry.field(description="Who may see and post in the space (null: every member of the hub).")
    async def access_rule(self, info: Info[Context, None]) -> AccessRuleType | None:
        return await rule_for_target(info, self.team_id, RuleTarget.SPACE.value, self.id)

    @classmethod
    def from_model(cls, s: Space) -> CommunitySpaceType:
        return cls(id=s.id, hub_id=encode_id("Hub", s.hub_id), slug=s.slug, name=s.name, description=s.description,
                   kind=SpaceKind(s.kind), position=s.position, members_can_post=s.members_can_post,
                   created_at=s.created_at, team_id=s.team_id)


@strawberry.enum(name="WordFilterAction")
class WordFilterAction(StrEnum):
    BLOCK = "block"  # refused with a userError
    REVIEW = "review"  # held for a moderator (pending)


@strawberry.type
class WordFilter:
    word: str
    action: WordFilterAction


@strawberry.input
class WordFilterInput:
    word: str
    action: WordFilterAction = WordFilterAction.BLOCK


@strawberry.type
class CommunitySettingsType:
    hub_id: strawberry.ID
    reactions: list[str]
    word_filters: list[WordFilter]
    post_rate_limit: str = strawberry.field(description="Posts, comments and messages per member, e.g. '5/minute'.")
    first_post_review: bool = strawberry.field(description="A new member's first post waits for a moderator.")

    @classmethod
    def from_settings(cls, hub_id: int, s: service.HubCommunitySettings) -> CommunitySettingsType:
        return cls(hub_id=encode_id("Hub", hub_id), reactions=list(s.reactions),
                   word_filters=[WordFilter(word=w, action=WordFilterAction(a)) for w, a in s.word_filters],
                   post_rate_limit=s.post_rate_limit, first_post_review=s.first_post_review)


@strawberry.input
class CreateCommunitySpaceInput:
    hub_id: strawberry.ID
    name: str
    slug: str | None = None
    kind: SpaceKind = SpaceKind.DISCUSSION
    description: str = ""
    position: int | None = None
    members_can_post: bool | None = strawberry.field(
        default=None, description="Default: true, except for announcements (read-only for members).")


@strawberry.input
class UpdateCommunitySpaceInput:
    id: strawberry.ID
    name: str | None = None
    slug: str | None = None
    kind: SpaceKind | None = None
    description: str | None = None
    position: int | None = None
    members_can_post: bool | None = None


@strawberry.input
class DeleteCommunitySpaceInput:
    id: strawberry.ID


@strawberry.type
class CommunitySpacePayload:
    space: CommunitySpaceType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class DeleteCommunitySpacePayload:
    deleted_id: strawberry.ID | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class UpdateCommunitySettingsInput:
    hub_id: strawberry.ID
    reactions: list[str] | None = None
    word_filters: list[WordFilterInput] | None = None
    post_rate_limit: str | None = None
    first_post_review: bool | None = None


@strawberry.type
class CommunitySettingsPayload:
    settings: CommunitySettingsType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


MAX_POSITION = 1_000_000


def _position(value: int | None) -> int | None:
    if value is not None and not 0 <= value <= MAX_POSITION:
        raise ValidationFailed.one("position", f"must be between 0 and {MAX_POSITION}", "OUT_OF_RANGE")
    return value


@strawberry.type
class CommunityQuery:
    @strawberry.field(description="A hub's community spaces, in order.")
    async def community_spaces(self, info: Info[Context, None], hub_id: strawberry.ID) -> list[CommunitySpaceType]:
        viewer = info.context.require("community:read")
        rows = await Space.filter(team_id=viewer.team.id, hub_id=id_arg(hub_id, "Hub", "hubId")).order_by(
            "position", "id")
        return [CommunitySpaceType.from_model(s) for s in rows]

    @strawberry.field(description="A hub's community settings, or null for another team's or an unknown hub.")
    async def community_settings(self, info: Info[Context, None], hub_id: strawberry.ID
                                 ) -> CommunitySettingsType | None:
        viewer = info.context.require("community:read")
        hub = id_arg(hub_id, "Hub", "hubId")
        if not await Hub.exists(id=hub, team_id=viewer.team.id):
            return None
        return CommunitySettingsType.from_settings(hub, await service.hub_settings(viewer.team.id, hub))


@strawberry.type
class CommunityMutation:
    @strawberry.mutation(description="Add a space to a hub (announcements are read-only for members by default).")
    @mutation_payload
    async def create_community_space(self, info: Info[Context, None], input: CreateCommunitySpaceInput
                                     ) -> CommunitySpacePayload:
        viewer = info.context.require("community:write")
        space = await service.create_space(
            viewer.team, id_input(input.hub_id, "Hub", "hubId"), input.name, input.slug, input.kind.value,
            input.description, _position(input.position), input.members_can_post)
        return CommunitySpacePayload(space=CommunitySpaceType.from_model(space))

    @strawberry.mutation
    @mutation_payload
    async def update_community_space(self, info: Info[Context, None], input: UpdateCommunitySpaceInput
                                     ) -> CommunitySpacePayload:
        viewer = info.context.require("community:write")
        space = await service.update_space(
            viewer.team, id_input(input.id, "CommunitySpace", "id"), name=input.name, slug=input.slug,
            kind=input.kind.value if input.kind else None, description=input.description,
            position=_position(input.position), members_can_post=input.members_can_post)
        return CommunitySpacePayload(space=CommunitySpaceType.from_model(space))

    @strawberry.mutation(description="Delete a space with its posts, comments and access rule.")
    @mutation_payload
    async def delete_community_space(self, info: Info[Context, None], input: DeleteCommunitySpaceInput
                                     ) -> DeleteCommunitySpacePayload:
        viewer = info.context.require("community:write")
        deleted = await service.delete_space(viewer.team, id_input(input.id, "CommunitySpace", "id"))
        return DeleteCommunitySpacePayload(deleted_id=encode_id("CommunitySpace", deleted))

    @strawberry.mutation
    @mutation_payload
    async def update_community_settings(self, info: Info[Context, None], input: UpdateCommunitySettingsInput
                                        ) -> CommunitySettingsPayload:
        viewer = info.context.require("community:write")
        hub = id_input(input.hub_id, "Hub", "hubId")
        filters = [(f.word, f.action.value) for f in input.word_filters] if input.word_filters is not None else None
        settings = await service.update_settings(
            viewer.team, hub, reactions=input.reactions, word_filters=filters,
            post_rate_limit=input.post_rate_limit, first_post_review=input.first_post_review)
        return CommunitySettingsPayload(settings=CommunitySettingsType.from_settings(hub, settings))


NODE_TYPES = (
    NodeType("CommunitySpace", staff("community:read"), team_rows(Space, CommunitySpaceType.from_model)),
)
