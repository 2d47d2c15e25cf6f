"""GraphQL for contacts and custom property definitions."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from app.contacts import service
from app.contacts.changes import contacts_changed, publish_contacts_changed
from app.contacts.models import CustomPropertyDefinition, LifecycleStage, PropertyType, TeamContact
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import gids, id_arg
from app.graphql.nodes import NodeType, staff, team_rows
from app.graphql.scopes import requires_scope

LifecycleStageEnum = strawberry.enum(LifecycleStage, name="LifecycleStage")


@strawberry.enum(description="A contact's answer to an advertising-consent question.")
class AdConsent(Enum):
    GRANTED = "granted"
    DENIED = "denied"
PropertyTypeEnum = strawberry.enum(PropertyType, name="PropertyType")


# Personal data: a key reaching contacts through hubs, segments or anything else sees their ids only
# unless it also holds contacts:read (each other field is then a FORBIDDEN error).
@requires_scope("contacts:read", except_fields=["id"])
@strawberry.type(name="Contact", description=(
    "A contact's CRM record in the caller's team. Every field but `id` needs the contacts:read scope."))
class ContactType(relay.Node):
    id: relay.NodeID[int]
    email: str
    first_name: str | None
    last_name: str | None
    phone: str | None
    country: str | None
    lifecycle_stage: LifecycleStage
    tags: list[str]
    custom_properties: JSON
    created_at: datetime
    updated_at: datetime
    ad_user_data_consent: AdConsent | None = strawberry.field(
        default=None, description="Consent to send this contact's data to ad platforms (null: never asked).")
    ad_personalization_consent: AdConsent | None = strawberry.field(
        default=None, description="Consent to personalised advertising (null: never asked).")

    @strawberry.field
    def full_name(self) -> str | None:
        name = " ".join(p for p in (self.first_name, self.last_name) if p)
        return name or None

    @classmethod
    def from_model(cls, contact: TeamContact) -> ContactType:
        return cls(
            id=contact.id, email=contact.email, first_name=contact.first_name,
            last_name=contact.last_name, phone=contact.phone, country=contact.country,
            lifecycle_stage=LifecycleStage(contact.lifecycle_stage), tags=list(contact.tags or []),
            custom_properties=JSON(contact.custom or {}), created_at=contact.created_at,
            updated_at=contact.updated_at,
            ad_user_data_consent=AdConsent(contact.ad_user_data_consent) if contact.ad_user_data_consent else None,
            ad_personalization_consent=(AdConsent(contact.ad_personalization_consent)
                                        if contact.ad_personalization_consent else None),
        )


@strawberry.type(name="CustomProperty")
class CustomPropertyType(relay.Node):
    id: relay.NodeID[int]
    key: str
    label: str
    type: PropertyType
    options: list[str]
    description: str
    created_at: datetime

    @classmethod
    def from_model(cls, definition: CustomPropertyDefinition) -> CustomPropertyType:
        return cls(
            id=definition.id, key=definition.key, label=definition.label,
            type=PropertyType(definition.type), options=list(definition.options or []),
            description=definition.description, created_at=definition.created_at,
        )


@strawberry.input
class ContactFilter:
    search: str | None = strawberry.UNSET
    emails: list[str] | None = strawberry.UNSET
    lifecycle_stages: list[LifecycleStage] | None = strawberry.UNSET
    tags_any: list[str] | None = strawberry.UNSET
    tags_all: list[str] | None = strawberry.UNSET
    country: str | None = strawberry.UNSET
    hub_id: strawberry.ID | None = strawberry.UNSET
    created_after: datetime | None = strawberry.UNSET
    created_before: datetime | None = strawberry.UNSET


@strawberry.enum
class ContactOrderField(Enum):
    CREATED_AT = "created_at"
    UPDATED_AT = "updated_at"
    EMAIL = "email"


@strawberry.enum
class OrderDirection(Enum):
    ASC = "asc"
    DESC = "desc"


@strawberry.input
class ContactOrder:
    field: ContactOrderField = ContactOrderField.CREATED_AT
    direction: OrderDirection = OrderDirection.DESC


@strawberry.input
class ContactInput:
    email: str
    first_name: str | None = None
    last_name: str | None = None
    phone: str | None = None
    country: str | None = None
    lifecycle_stage: str | None = None
    ad_user_data_consent: AdConsent | None = strawberry.field(
        default=None, description="Kept as it is when not given.")
    ad_personalization_consent: AdConsent | None = strawberry.field(
        default=None, description="Kept as it is when not given.")
    tags: list[str] | None = strawberry.field(default=None, description="Replaces the tags when given.")
    custom_properties: JSON | None = strawberry.field(
        default=None, description="Merged key by key; a null value removes the key."
    )
    created_at: datetime | None = strawberry.field(
        default=None, description="When the contact joined (imported history; no offset = the team's time zone). "
        "Kept as it is when not given; new contacts default to now.",
    )


@strawberry.input
class UpsertContactsInput:
    contacts: list[ContactInput]


@strawberry.type
class UpsertContactsPayload:
    contacts: list[ContactType] = strawberry.field(default_factory=list)
    created_count: int = 0
    updated_count: int = 0
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class DefineCustomPropertyInput:
    key: str
    type: PropertyType
    label: str | None = None
    options: list[str] | None = None
    description: str = ""


@strawberry.type
class DefineCustomPropertyPayload:
    custom_property: CustomPropertyType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


def _unset_to_none(value: Any) -> Any:
    return None if value is strawberry.UNSET else value


def _input_to_dict(contact: ContactInput) -> dict[str, Any]:
    return {
        "email": contact.email, "firstName": contact.first_name, "lastName": contact.last_name,
        "phone": contact.phone, "country": contact.country, "lifecycleStage": contact.lifecycle_stage,
        "tags": contact.tags, "customProperties": contact.custom_properties, "createdAt": contact.created_at,
        "adUserDataConsent": contact.ad_user_data_consent.value if contact.ad_user_data_consent else None,
        "adPersonalizationConsent": (contact.ad_personalization_consent.value
                                     if contact.ad_personalization_consent else None),
    }


@strawberry.type
class ContactsQuery:
    @strawberry.field(description="The team's contacts, filtered and ordered, keyset-paginated.")
    async def contacts(
        self, info: Info[Context, None], filter: ContactFilter | None = None,
        order_by: ContactOrder | None = None, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> Connection[ContactType]:
        viewer = info.context.require("contacts:read")
        args = service.ContactFilterArgs()
        if filter is not None:
            for name in ("search", "emails", "tags_any", "tags_all", "country", "created_after", "created_before"):
                setattr(args, name, _unset_to_none(getattr(filter, name)))
            stages = _unset_to_none(filter.lifecycle_stages)
            args.lifecycle_stages = [s.value for s in stages] if stages else None
            hub_id = _unset_to_none(filter.hub_id)
            if hub_id is not None:
                args.hub_id = id_arg(hub_id, "Hub", "filter.hubId")
        order = order_by or ContactOrder()
        return await keyset_page(
            service.filter_contacts(viewer.team.id, args), ContactType.from_model,
            first=first, after=after, last=last, before=before, sort_field=order.field.value,
            descending=order.direction == OrderDirection.DESC,
        )

    @strawberry.field(description="One contact of the caller's team, or null.")
    async def contact(self, info: Info[Context, None], id: strawberry.ID) -> ContactType | None:
        viewer = info.context.require("contacts:read")
        contact = await TeamContact.get_or_none(id=id_arg(id, "Contact"), team_id=viewer.team.id)
        return ContactType.from_model(contact) if contact else None

    @strawberry.field(description="The team's custom property definitions.")
    async def custom_properties(
        self, info: Info[Context, None], first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> Connection[CustomPropertyType]:
        viewer = info.context.require("contacts:read")
        return await keyset_page(
            CustomPropertyDefinition.filter(team_id=viewer.team.id), CustomPropertyType.from_model,
            first=first, after=after, last=last, before=before,
        )


@strawberry.type
class ContactsMutation:
    @strawberry.mutation(description="Create or update up to 1,000 contacts by email, all or nothing.")
    @mutation_payload
    async def upsert_contacts(self, info: Info[Context, None], input: UpsertContactsInput) -> UpsertContactsPayload:
        viewer = info.context.require("contacts:write")
        contacts, result = await service.upsert_contacts(viewer.team, [_input_to_dict(c) for c in input.contacts])
        await publish_contacts_changed(viewer.team.id, [c.id for c in contacts], "upserted")
        return UpsertContactsPayload(
            contacts=[ContactType.from_model(c) for c in contacts],
            created_count=result.created, updated_count=result.updated,
        )

    @strawberry.mutation(description="Declare a typed custom property for the team's contacts.")
    @mutation_payload
    async def define_custom_property(
        self, info: Info[Context, None], input: DefineCustomPropertyInput
    ) -> DefineCustomPropertyPayload:
        viewer = info.context.require("admin")
        definition = await service.define_custom_property(
            viewer.team, input.key, input.label, input.type.value, input.options, input.description
        )
        return DefineCustomPropertyPayload(custom_property=CustomPropertyType.from_model(definition))


@strawberry.type
class ContactsChangedEvent:
    contact_ids: list[strawberry.ID]
    kind: str


@strawberry.type
class ContactsSubscription:
    @strawberry.subscription(description="Contacts of the caller's team created or updated, live.")
    async def contacts_changed(self, info: Info[Context, None]) -> AsyncGenerator[ContactsChangedEvent, None]:
        viewer = info.context.require("contacts:read")
        async for change in contacts_changed(viewer.team.id):
            yield ContactsChangedEvent(
                contact_ids=gids("Contact", change.contact_ids), kind=change.kind
            )


NODE_TYPES = (
    NodeType("Contact", staff("contacts:read"), team_rows(TeamContact, ContactType.from_model)),
    NodeType("CustomProperty", staff("contacts:read"),
             team_rows(CustomPropertyDefinition, CustomPropertyType.from_model)),
)
