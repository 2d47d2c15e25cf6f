"""GraphQL for hubs and hub memberships."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from app.contacts.graphql import ContactType
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, id_arg, id_input
from app.graphql.nodes import NodeType, staff, team_rows
from app.hubs import service
from app.hubs.loaders import team_contact_loader
from app.hubs.models import Hub, HubMembership, HubRole, OnboardingState

HubRoleEnum = strawberry.enum(HubRole, name="HubRole")
OnboardingStateEnum = strawberry.enum(OnboardingState, name="OnboardingState")


@strawberry.type(name="HubMembership")
class HubMembershipType(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID
    role: HubRole
    onboarding_state: OnboardingState
    terms_accepted_at: datetime | None
    notification_preferences: JSON
    banned: bool
    banned_at: datetime | None
    ban_reason: str | None
    joined_at: datetime
    team_id: strawberry.Private[int]
    contact_id: strawberry.Private[int]

    @strawberry.field
    async def contact(self, info: Info[Context, None]) -> ContactType | None:
        loader = info.context.loader("team_contact", lambda: team_contact_loader(self.team_id))
        contact = await loader.load(self.contact_id)
        return ContactType.from_model(contact) if contact else None

    @classmethod
    def from_model(cls, m: HubMembership) -> HubMembershipType:
        return cls(
            id=m.id, hub_id=encode_id("Hub", m.hub_id), role=HubRole(m.role),
            onboarding_state=OnboardingState(m.onboarding_state), terms_accepted_at=m.terms_accepted_at,
            notification_preferences=JSON(m.notification_preferences or {}), banned=m.banned,
            banned_at=m.banned_at, ban_reason=m.ban_reason, joined_at=m.joined_at,
            team_id=m.team_id, contact_id=m.team_contact_id,
        )


@strawberry.type(name="Hub")
class HubType(relay.Node):
    id: relay.NodeID[int]
    name: str
    slug: str
    description: str
    created_at: datetime
    team_id: strawberry.Private[int]

    @strawberry.field(description="The hub's members, oldest first.")
    async def members(
        self, info: Info[Context, None], first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None, include_banned: bool = True,
    ) -> Connection[HubMembershipType]:
        info.context.require("hubs:read")
        queryset = HubMembership.filter(team_id=self.team_id, hub_id=self.id)
        if not include_banned:
            queryset = queryset.filter(banned=False)
        return await keyset_page(queryset, HubMembershipType.from_model, first=first, after=after, last=last,
                                 before=before)

    @classmethod
    def from_model(cls, hub: Hub) -> HubType:
        return cls(
            id=hub.id, name=hub.name, slug=hub.slug, description=hub.description,
            created_at=hub.created_at, team_id=hub.team_id,
        )


@strawberry.input
class CreateHubInput:
    name: str
    slug: str | None = None
    description: str = ""


@strawberry.type
class CreateHubPayload:
    hub: HubType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class AddHubMemberInput:
    hub_id: strawberry.ID
    contact_id: strawberry.ID
    role: HubRole = HubRole.MEMBER
    onboarding_state: OnboardingState | None = None
    notification_preferences: JSON | None = None


@strawberry.input
class UpdateHubMembershipInput:
    id: strawberry.ID
    role: HubRole | None = None
    onboarding_state: OnboardingState | None = None
    accept_terms: bool = False
    notification_preferences: JSON | None = None
    banned: bool | None = None
    ban_reason: str | None = None


@strawberry.type
class HubMembershipPayload:
    membership: HubMembershipType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class RemoveHubMemberInput:
    id: strawberry.ID = strawberry.field(description="The hub membership")


@strawberry.type
class RemoveHubMemberPayload:
    removed_id: strawberry.ID | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class HubsQuery:
    @strawberry.field(description="The team's hubs.")
    async def hubs(
        self, info: Info[Context, None], first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> Connection[HubType]:
        viewer = info.context.require("hubs:read")
        return await keyset_page(Hub.filter(team_id=viewer.team.id), HubType.from_model, first=first, after=after,
                                 last=last, before=before)

    @strawberry.field(description="One hub of the caller's team, or null.")
    async def hub(self, info: Info[Context, None], id: strawberry.ID) -> HubType | None:
        viewer = info.context.require("hubs:read")
        hub = await Hub.get_or_none(id=id_arg(id, "Hub"), team_id=viewer.team.id)
        return HubType.from_model(hub) if hub else None


@strawberry.type
class HubsMutation:
    @strawberry.mutation
    @mutation_payload
    async def create_hub(self, info: Info[Context, None], input: CreateHubInput) -> CreateHubPayload:
        viewer = info.context.require("hubs:write")
        hub = await service.create_hub(viewer.team, input.name, input.slug, input.description)
        return CreateHubPayload(hub=HubType.from_model(hub))

    @strawberry.mutation
    @mutation_payload
    async def add_hub_member(self, info: Info[Context, None], input: AddHubMemberInput) -> HubMembershipPayload:
        viewer = info.context.require("hubs:write")
        membership = await service.add_hub_member(
            viewer.team, id_input(input.hub_id, "Hub", "hubId"), id_input(input.contact_id, "Contact", "contactId"),
            input.role.value, input.onboarding_state.value if input.onboarding_state else None,
            input.notification_preferences,
        )
        return HubMembershipPayload(membership=HubMembershipType.from_model(membership))

    @strawberry.mutation
    @mutation_payload
    async def update_hub_membership(
        self, info: Info[Context, None], input: UpdateHubMembershipInput
    ) -> HubMembershipPayload:
        viewer = info.context.require("hubs:write")
        membership = await service.update_hub_membership(
            viewer.team, id_input(input.id, "HubMembership", "id"),
            role=input.role.value if input.role else None,
            onboarding_state=input.onboarding_state.value if input.onboarding_state else None,
            accept_terms=input.accept_terms, notification_preferences=input.notification_preferences,
            banned=input.banned, ban_reason=input.ban_reason,
        )
        return HubMembershipPayload(membership=HubMembershipType.from_model(membership))

    @strawberry.mutation(description="The contact leaves the hub (its membership is deleted).")
    @mutation_payload
    async def remove_hub_member(self, info: Info[Context, None], input: RemoveHubMemberInput) -> RemoveHubMemberPayload:
        viewer = info.context.require("hubs:write")
        removed = await service.remove_hub_member(viewer.team, id_input(input.id, "HubMembership", "id"))
        return RemoveHubMemberPayload(removed_id=encode_id("HubMembership", removed))


NODE_TYPES = (
    NodeType("Hub", staff("hubs:read"), team_rows(Hub, HubType.from_model)),
    NodeType("HubMembership", staff("hubs:read"), team_rows(HubMembership, HubMembershipType.from_model)),
)
