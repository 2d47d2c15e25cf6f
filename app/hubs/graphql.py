"""GraphQL for hubs and hub memberships."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from app.contacts.graphql import ContactType
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.enums import described_enum
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, id_arg, id_input
from app.graphql.nodes import NodeType, staff, team_rows
from app.hubs import service
from app.hubs.loaders import team_contact_loader
from app.hubs.models import Hub, HubMembership, HubRole, OnboardingState

HubRoleEnum = described_enum(
    HubRole, name="HubRole",
    description=("A member's role in one hub. Access rules can require roles (`roles`), and segment rules read "
                 "it as `hub.<slug>.role`."),
    values={
        "MEMBER": "An ordinary member (the default).",
        "MODERATOR": "A member who moderates the hub's community.",
        "HOST": "A member who runs the hub (teacher, coach, organiser).",
    })
OnboardingStateEnum = described_enum(
    OnboardingState, name="OnboardingState",
    description="How far a member is through the hub's onboarding; set by your client, not computed.",
    values={
        "NOT_STARTED": "Joined but has not begun onboarding (the default).",
        "IN_PROGRESS": "Has begun onboarding.",
        "COMPLETED": "Has finished onboarding.",
    })


@strawberry.type(name="HubMembership", description=(
    "A contact's membership of one hub: role, onboarding, terms and ban state. Needs hubs:read."))
class HubMembershipType(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id).")
    role: HubRole = strawberry.field(description="The member's role in this hub.")
    onboarding_state: OnboardingState = strawberry.field(description="How far the member is through onboarding.")
    terms_accepted_at: datetime | None = strawberry.field(description=(
        "When the member accepted the hub's terms (`acceptTerms`); null if not yet."))
    notification_preferences: JSON = strawberry.field(description=(
        "The member's notification switches, an object of booleans keyed by your own names "
        "(`{\"digest\": true}`); `{}` when none."))
    banned: bool = strawberry.field(description=(
        "Whether the member is banned: a banned member keeps the membership but opens nothing of the hub."))
    banned_at: datetime | None = strawberry.field(description="When the ban started; null when not banned.")
    ban_reason: str | None = strawberry.field(description="Why, as staff wrote it; null when not banned or not given.")
    joined_at: datetime = strawberry.field(description="When the contact joined the hub.")
    team_id: strawberry.Private[int]
    contact_id: strawberry.Private[int]

    @strawberry.field(description=(
        "The member's contact record (its fields beyond `id` need contacts:read); null if it was deleted."))
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


@strawberry.type(name="Hub", description=(
    "A member community of the team: members, content, pages and email settings of its own. Needs hubs:read."))
class HubType(relay.Node):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="Display name, at most 200 characters.")
    slug: str = strawberry.field(description=(
        "URL-safe name, unique in the team: lowercase letters, digits and dashes, at most 80 characters. "
        "Segment rules name hubs by slug (`hubs`, `hub.<slug>.role`)."))
    description: str = strawberry.field(description="What the hub is about, for people; may be empty.")
    created_at: datetime = strawberry.field(description="When the hub was created.")
    team_id: strawberry.Private[int]

    @strawberry.field(description="The hub's members, oldest first. Needs hubs:read.")
    async def members(
        self, info: Info[Context, None], first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
        include_banned: Annotated[bool, strawberry.argument(description=(
            "Whether banned members are listed too (default true)."))] = True,
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


@strawberry.input(description="A new hub.")
class CreateHubInput:
    name: str = strawberry.field(description="Display name (required, at most 200 characters).")
    slug: str | None = strawberry.field(default=None, description=(
        "Lowercase letters, digits and dashes, at most 80; made from the name when omitted. DUPLICATE_SLUG "
        "if the team has it."))
    description: str = strawberry.field(default="", description="What the hub is about.")


@strawberry.type(description="Result of `createHub`.")
class CreateHubPayload:
    hub: HubType | None = strawberry.field(default=None, description=(
        "The new hub; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A contact joining a hub.")
class AddHubMemberInput:
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id of the caller's team).")
    contact_id: strawberry.ID = strawberry.field(description=(
        "The contact (a Contact id of the caller's team); ALREADY_MEMBER if it is a member of the hub."))
    role: HubRole = strawberry.field(default=HubRole.MEMBER, description="Role in the hub (default MEMBER).")
    onboarding_state: OnboardingState | None = strawberry.field(default=None, description=(
        "Onboarding state to start in (default NOT_STARTED)."))
    notification_preferences: JSON | None = strawberry.field(default=None, description=(
        "An object of at most 50 booleans (`{\"digest\": true}`); anything else is INVALID_PREFERENCES."))


@strawberry.input(description="Changes to a hub membership; fields left out or null are kept.")
class UpdateHubMembershipInput:
    id: strawberry.ID = strawberry.field(description="The membership (a HubMembership id).")
    role: HubRole | None = strawberry.field(default=None, description="New role.")
    onboarding_state: OnboardingState | None = strawberry.field(default=None, description="New onboarding state.")
    accept_terms: bool = strawberry.field(default=False, description=(
        "True records that the member accepted the terms now (kept if already accepted); false changes nothing."))
    notification_preferences: JSON | None = strawberry.field(default=None, description=(
        "Booleans merged key by key into the stored preferences (at most 50 keys)."))
    banned: bool | None = strawberry.field(default=None, description=(
        "True bans the member (from now), false lifts the ban and clears its reason."))
    ban_reason: str | None = strawberry.field(default=None, description=(
        "Why the member is banned; read with `banned: true`."))


@strawberry.type(description="Result of `addHubMember` and `updateHubMembership`.")
class HubMembershipPayload:
    membership: HubMembershipType | None = strawberry.field(default=None, description=(
        "The membership as stored now; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="The membership to end.")
class RemoveHubMemberInput:
    id: strawberry.ID = strawberry.field(description="The membership (a HubMembership id).")


@strawberry.type(description="Result of `removeHubMember`.")
class RemoveHubMemberPayload:
    removed_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "Id of the deleted membership (drop it from client caches); null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class HubsQuery:
    @strawberry.field(description="The team's hubs, oldest first. Needs hubs:read.")
    async def hubs(
        self, info: Info[Context, None], first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> Connection[HubType]:
        viewer = info.context.require("hubs:read")
        return await keyset_page(Hub.filter(team_id=viewer.team.id), HubType.from_model, first=first, after=after,
                                 last=last, before=before)

    @strawberry.field(description=(
        "One hub of the caller's team; null when unknown (another team's id too). Needs hubs:read."))
    async def hub(
        self, info: Info[Context, None], id: Annotated[strawberry.ID, strawberry.argument(description="A Hub id.")]
    ) -> HubType | None:
        viewer = info.context.require("hubs:read")
        hub = await Hub.get_or_none(id=id_arg(id, "Hub"), team_id=viewer.team.id)
        return HubType.from_model(hub) if hub else None


@strawberry.type
class HubsMutation:
    @strawberry.mutation(description="Create a hub. Needs hubs:write.")
    @mutation_payload
    async def create_hub(
        self, info: Info[Context, None], input: Annotated[CreateHubInput, strawberry.argument(description="The hub.")]
    ) -> CreateHubPayload:
        viewer = info.context.require("hubs:write")
        hub = await service.create_hub(viewer.team, input.name, input.slug, input.description)
        return CreateHubPayload(hub=HubType.from_model(hub))

    @strawberry.mutation(description=(
        "Add a contact to a hub. Sends the hub's welcome email when one is set up and requests segment "
        "re-evaluation of the contact. Needs hubs:write."))
    @mutation_payload
    async def add_hub_member(
        self, info: Info[Context, None],
        input: Annotated[AddHubMemberInput, strawberry.argument(description="Who joins which hub.")],
    ) -> HubMembershipPayload:
        viewer = info.context.require("hubs:write")
        membership = await service.add_hub_member(
            viewer.team, id_input(input.hub_id, "Hub", "hubId"), id_input(input.contact_id, "Contact", "contactId"),
            input.role.value, input.onboarding_state.value if input.onboarding_state else None,
            input.notification_preferences,
        )
        return HubMembershipPayload(membership=HubMembershipType.from_model(membership))

    @strawberry.mutation(description=(
        "Change a membership's role, onboarding, terms, preferences or ban; a role or ban change requests "
        "segment re-evaluation. Needs hubs:write."))
    @mutation_payload
    async def update_hub_membership(
        self, info: Info[Context, None],
        input: Annotated[UpdateHubMembershipInput, strawberry.argument(description="The changes.")],
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

    @strawberry.mutation(description=(
        "The contact leaves the hub (its membership is deleted; the contact stays). Needs hubs:write."))
    @mutation_payload
    async def remove_hub_member(
        self, info: Info[Context, None],
        input: Annotated[RemoveHubMemberInput, strawberry.argument(description="The membership.")],
    ) -> RemoveHubMemberPayload:
        viewer = info.context.require("hubs:write")
        removed = await service.remove_hub_member(viewer.team, id_input(input.id, "HubMembership", "id"))
        return RemoveHubMemberPayload(removed_id=encode_id("HubMembership", removed))


NODE_TYPES = (
    NodeType("Hub", staff("hubs:read"), team_rows(Hub, HubType.from_model)),
    NodeType("HubMembership", staff("hubs:read"), team_rows(HubMembership, HubMembershipType.from_model)),
)
