"""GraphQL for staff: a hub's community spaces (their access rules are `setAccessRule` with target SPACE)
and its settings (reactions, word filters, posting limit, first-post review)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.graphql import AccessRuleType, rule_for_target
from app.community import service
from app.community.models import Space, SpaceKind
from app.content.models import RuleTarget
from app.core.errors import ValidationFailed
from app.graphql.context import Context
from app.graphql.enums import described_enum
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, id_arg, id_input
from app.graphql.nodes import NodeType, staff, team_rows
from app.hubs.models import Hub
from app.teams import audit


@strawberry.type(name="CommunitySpace", description=(
    "A space of a hub's community, as staff see it. Needs community:read."))
class CommunitySpaceType(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id).")
    slug: str = strawberry.field(description="URL name, unique in the hub.")
    name: str = strawberry.field(description="Name.")
    description: str = strawberry.field(description="What the space is for; may be empty.")
    kind: SpaceKind = strawberry.field(description="Discussion, announcements, events or questions.")
    position: int = strawberry.field(description="Sort key among the hub's spaces, ascending.")
    members_can_post: bool = strawberry.field(description=(
        "Whether members may start posts (false: only moderators and hosts)."))
    created_at: datetime = strawberry.field(description="When the space was created.")
    team_id: strawberry.Private[int]

    @strawberry.field(description="Who may see and post in the space (null: every member of the hub).")
    async def access_rule(self, info: Info[Context, None]) -> AccessRuleType | None:
        return await rule_for_target(info, self.team_id, RuleTarget.SPACE.value, self.id)

    @classmethod
    def from_model(cls, s: Space) -> CommunitySpaceType:
        return cls(id=s.id, hub_id=encode_id("Hub", s.hub_id), slug=s.slug, name=s.name, description=s.description,
                   kind=SpaceKind(s.kind), position=s.position, members_can_post=s.members_can_post,
                   created_at=s.created_at, team_id=s.team_id)


class WordFilterAction(StrEnum):
    BLOCK = "block"  # refused with a userError
    REVIEW = "review"  # held for a moderator (pending)


described_enum(WordFilterAction, name="WordFilterAction", description=(
    "What a word filter does to a post or comment containing the word."), values={
    "BLOCK": "Refuse it with a BLOCKED_WORD userError.",
    "REVIEW": "Accept it as PENDING, for a moderator to approve.",
})


@strawberry.type(description="A word the hub filters in posts and comments.")
class WordFilter:
    word: str = strawberry.field(description="The word (case-insensitive).")
    action: WordFilterAction = strawberry.field(description="Block or send to review.")


@strawberry.input(description="A word filter.")
class WordFilterInput:
    word: str = strawberry.field(description="The word (case-insensitive).")
    action: WordFilterAction = strawberry.field(default=WordFilterAction.BLOCK, description=(
        "Block (default) or send to review."))


@strawberry.type(description="A hub's community settings. Needs community:read.")
class CommunitySettingsType:
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id).")
    reactions: list[str] = strawberry.field(description=(
        "The reactions members may give (default `thumbs_up heart laugh tada thinking sad`)."))
    word_filters: list[WordFilter] = strawberry.field(description="Words that block posts or send them to review.")
    post_rate_limit: str = strawberry.field(description="Posts, comments and messages per member, e.g. '5/minute'.")
    first_post_review: bool = strawberry.field(description="A new member's first post waits for a moderator.")

    @classmethod
    def from_settings(cls, hub_id: int, s: service.HubCommunitySettings) -> CommunitySettingsType:
        return cls(hub_id=encode_id("Hub", hub_id), reactions=list(s.reactions),
                   word_filters=[WordFilter(word=w, action=WordFilterAction(a)) for w, a in s.word_filters],
                   post_rate_limit=s.post_rate_limit, first_post_review=s.first_post_review)


@strawberry.input(description="A new space.")
class CreateCommunitySpaceInput:
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id).")
    name: str = strawberry.field(description="Name (required).")
    slug: str | None = strawberry.field(default=None, description="URL name; made from the name when omitted.")
    kind: SpaceKind = strawberry.field(default=SpaceKind.DISCUSSION, description="Kind (default DISCUSSION).")
    description: str = strawberry.field(default="", description="What the space is for.")
    position: int | None = strawberry.field(default=None, description=(
        "Sort key, 0 to 1,000,000; after the last space when omitted."))
    members_can_post: bool | None = strawberry.field(
        default=None, description="Default: true, except for announcements (read-only for members).")


@strawberry.input(description="Changes to a space; fields left out or null are kept.")
class UpdateCommunitySpaceInput:
    id: strawberry.ID = strawberry.field(description="The space (a CommunitySpace id).")
    name: str | None = strawberry.field(default=None, description="New name.")
    slug: str | None = strawberry.field(default=None, description="New URL name.")
    kind: SpaceKind | None = strawberry.field(default=None, description="New kind.")
    description: str | None = strawberry.field(default=None, description="New description.")
    position: int | None = strawberry.field(default=None, description="New sort key, 0 to 1,000,000.")
    members_can_post: bool | None = strawberry.field(default=None, description="Whether members may start posts.")


@strawberry.input(description="The space to delete.")
class DeleteCommunitySpaceInput:
    id: strawberry.ID = strawberry.field(description="The space (a CommunitySpace id).")


@strawberry.type(description="Result of `createCommunitySpace` and `updateCommunitySpace`.")
class CommunitySpacePayload:
    space: CommunitySpaceType | None = strawberry.field(default=None, description=(
        "The space as stored now; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(description="Result of `deleteCommunitySpace`.")
class DeleteCommunitySpacePayload:
    deleted_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "Id of the deleted space; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="Changes to a hub's community settings; fields left out or null are kept.")
class UpdateCommunitySettingsInput:
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id).")
    reactions: list[str] | None = strawberry.field(default=None, description=(
        "The new set of reactions (replaces the old)."))
    word_filters: list[WordFilterInput] | None = strawberry.field(default=None, description=(
        "The new word filters (replace the old)."))
    post_rate_limit: str | None = strawberry.field(default=None, description=(
        "Posts, comments and messages per member, in the limits syntax (`5/minute;60/day`)."))
    first_post_review: bool | None = strawberry.field(default=None, description=(
        "Whether a new member's first post waits for a moderator."))


@strawberry.type(description="Result of `updateCommunitySettings`.")
class CommunitySettingsPayload:
    settings: CommunitySettingsType | None = strawberry.field(default=None, description=(
        "The settings now; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


MAX_POSITION = 1_000_000


def _position(value: int | None) -> int | None:
    if value is not None and not 0 <= value <= MAX_POSITION:
        raise ValidationFailed.one("position", f"must be between 0 and {MAX_POSITION}", "OUT_OF_RANGE")
    return value


@strawberry.type
class CommunityQuery:
    @strawberry.field(description="A hub's community spaces, in order.")
    async def community_spaces(self, info: Info[Context, None],
        hub_id: Annotated[strawberry.ID, strawberry.argument(description=(
            "The hub (a Hub id)."))]) -> list[CommunitySpaceType]:
        viewer = info.context.require("community:read")
        rows = await Space.filter(team_id=viewer.team.id, hub_id=id_arg(hub_id, "Hub", "hubId")).order_by(
            "position", "id")
        return [CommunitySpaceType.from_model(s) for s in rows]

    @strawberry.field(description="A hub's community settings, or null for another team's or an unknown hub.")
    async def community_settings(self, info: Info[Context, None],
        hub_id: Annotated[strawberry.ID, strawberry.argument(description="The hub (a Hub id).")]
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

    @strawberry.mutation(description="Rename, reorder or change a space. Needs community:write.")
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

    @strawberry.mutation(description=(
        "Change a hub's reactions, word filters, posting limit or first-post review. Needs community:write."))
    @mutation_payload
    async def update_community_settings(self, info: Info[Context, None], input: UpdateCommunitySettingsInput
                                        ) -> CommunitySettingsPayload:
        viewer = info.context.require("community:write")
        hub = id_input(input.hub_id, "Hub", "hubId")
        filters = [(f.word, f.action.value) for f in input.word_filters] if input.word_filters is not None else None
        settings = await service.update_settings(
            viewer.team, hub, reactions=input.reactions, word_filters=filters,
            post_rate_limit=input.post_rate_limit, first_post_review=input.first_post_review)
        await audit.record(viewer.team.id, viewer, "settings.community_changed", "Hub", input.hub_id, {
            "reactions": input.reactions, "wordFilters": len(filters) if filters is not None else None,
            "postRateLimit": input.post_rate_limit, "firstPostReview": input.first_post_review})
        return CommunitySettingsPayload(settings=CommunitySettingsType.from_settings(hub, settings))


NODE_TYPES = (
    NodeType("CommunitySpace", staff("community:read"), team_rows(Space, CommunitySpaceType.from_model)),
)
