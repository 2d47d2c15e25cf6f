"""GraphQL for contacts and custom property definitions."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime
from enum import Enum
from typing import Annotated, Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from app.contacts import service
from app.contacts.changes import contacts_changed, publish_contacts_changed
from app.contacts.models import CustomPropertyDefinition, LifecycleStage, PropertyType, TeamContact
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.enums import described_enum
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import gids, id_arg
from app.graphql.nodes import NodeType, staff, team_rows
from app.graphql.scopes import requires_scope


@strawberry.enum(description="A contact's answer to an advertising-consent question.")
class AdConsent(Enum):
    GRANTED = strawberry.enum_value("granted", description="The contact said yes.")
    DENIED = strawberry.enum_value("denied", description="The contact said no.")


LifecycleStageEnum = described_enum(
    LifecycleStage, name="LifecycleStage",
    description="Where a contact stands with the business; set by your imports and upserts, not computed.",
    values={
        "SUBSCRIBER": "Signed up or imported, nothing more known (the default for new contacts).",
        "LEAD": "Showed interest (a lead form, a trial) but has not bought.",
        "ENGAGED": "Takes part: opens, visits, comes to events.",
        "CONVERTED": "Has bought or become a paying member.",
        "LOYAL": "A repeat buyer or long-standing member.",
        "AT_RISK": "Was active and is slipping away (e.g. a failed payment, long inactivity).",
        "CHURNED": "Has left: cancelled or lapsed.",
    })
PropertyTypeEnum = described_enum(
    PropertyType, name="PropertyType",
    description="The type a custom property's values must have; upserts and imports are checked against it.",
    values={
        "STRING": "Text, at most 2,000 characters.",
        "NUMBER": "A finite integer or decimal number.",
        "BOOLEAN": "true or false (CSV imports also read yes/no and 1/0).",
        "DATE": "A calendar date, `YYYY-MM-DD`, no time or zone.",
        "ENUM": "One of the property's `options` (case-sensitive).",
    })


# Personal data: a key reaching contacts through hubs, segments or anything else sees their ids only
# unless it also holds contacts:read (each other field is then a FORBIDDEN error).
@requires_scope("contacts:read", except_fields=["id"])
@strawberry.type(name="Contact", description=(
    "A contact's CRM record in the caller's team. Every field but `id` needs the contacts:read scope."))
class ContactType(relay.Node):
    id: relay.NodeID[int]
    email: str = strawberry.field(description=(
        "Email address, lowercased; unique within the team (upserts match on it)."))
    first_name: str | None = strawberry.field(description="First name, at most 200 characters; null when unknown.")
    last_name: str | None = strawberry.field(description="Last name, at most 200 characters; null when unknown.")
    phone: str | None = strawberry.field(description=(
        "Phone number in E.164 (`+447700900123`) when the number or the contact's country says where it is, "
        "else as given (digits, optional leading `+`); null when unknown."))
    country: str | None = strawberry.field(description=(
        "ISO 3166-1 alpha-2 country code, uppercase (`GB`); null when unknown."))
    lifecycle_stage: LifecycleStage = strawberry.field(description="Where the contact stands with the business.")
    tags: list[str] = strawberry.field(description="Tags, lowercased and unique, at most 100 of at most 64 characters.")
    custom_properties: JSON = strawberry.field(description=(
        "Values of the team's custom properties (see `customProperties`), an object keyed by property key; "
        "a property without a value is absent."))
    created_at: datetime = strawberry.field(description=(
        "When the contact joined: when it was first created here, or the imported `createdAt`."))
    updated_at: datetime = strawberry.field(description="When the record last changed.")
    ad_user_data_consent: AdConsent | None = strawberry.field(
        default=None, description="Consent to send this contact's data to ad platforms (null: never asked).")
    ad_personalization_consent: AdConsent | None = strawberry.field(
        default=None, description="Consent to personalised advertising (null: never asked).")

    @strawberry.field(description="First and last name joined by a space; null when both are unknown.")
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


@strawberry.type(name="CustomProperty", description=(
    "A typed field the team defined for its contacts (`defineCustomProperty`); its values live in "
    "`Contact.customProperties` and segment rules read them as `custom.<key>`. Needs contacts:read."))
class CustomPropertyType(relay.Node):
    id: relay.NodeID[int]
    key: str = strawberry.field(description=(
        "The key in `customProperties` and in segment rules (`custom.plan`): lowercase letters, digits and "
        "`_`, starting with a letter, at most 64 characters; unique in the team."))
    label: str = strawberry.field(description="Name to show people (defaults to the key in title case).")
    type: PropertyType = strawberry.field(description="The type every value must have.")
    options: list[str] = strawberry.field(description=(
        "The allowed values of an ENUM property (at most 200); empty otherwise."))
    description: str = strawberry.field(description="What the property means, for people; may be empty.")
    created_at: datetime = strawberry.field(description="When the property was defined.")

    @classmethod
    def from_model(cls, definition: CustomPropertyDefinition) -> CustomPropertyType:
        return cls(
            id=definition.id, key=definition.key, label=definition.label,
            type=PropertyType(definition.type), options=list(definition.options or []),
            description=definition.description, created_at=definition.created_at,
        )


@strawberry.input(description=(
    "Which contacts to list; every field given must match (AND). Omitted fields do not filter."))
class ContactFilter:
    search: str | None = strawberry.field(default=strawberry.UNSET, description=(
        "Text contained in the email, first or last name (case-insensitive)."))
    emails: list[str] | None = strawberry.field(default=strawberry.UNSET, description=(
        "Exactly these email addresses (case-insensitive)."))
    lifecycle_stages: list[LifecycleStage] | None = strawberry.field(default=strawberry.UNSET, description=(
        "Any of these stages."))
    tags_any: list[str] | None = strawberry.field(default=strawberry.UNSET, description=(
        "Contacts with at least one of these tags (case-insensitive)."))
    tags_all: list[str] | None = strawberry.field(default=strawberry.UNSET, description=(
        "Contacts with every one of these tags (case-insensitive)."))
    country: str | None = strawberry.field(default=strawberry.UNSET, description=(
        "ISO 3166-1 alpha-2 country code (case-insensitive)."))
    hub_id: strawberry.ID | None = strawberry.field(default=strawberry.UNSET, description=(
        "Only members of this hub (a Hub id; a malformed id is BAD_USER_INPUT)."))
    created_after: datetime | None = strawberry.field(default=strawberry.UNSET, description=(
        "Joined at or after this time (`createdAt >=`)."))
    created_before: datetime | None = strawberry.field(default=strawberry.UNSET, description=(
        "Joined before this time (`createdAt <`)."))


class ContactOrderField(Enum):
    CREATED_AT = "created_at"
    UPDATED_AT = "updated_at"
    EMAIL = "email"


described_enum(ContactOrderField, name="ContactOrderField",
               description="What `contacts` sorts by (ties broken by id, so pages never overlap).", values={
                   "CREATED_AT": "When the contact joined.",
                   "UPDATED_AT": "When the record last changed.",
                   "EMAIL": "Email address, alphabetically.",
               })


class OrderDirection(Enum):
    ASC = "asc"
    DESC = "desc"


described_enum(OrderDirection, name="OrderDirection", description="Sort direction.", values={
    "ASC": "Smallest, earliest or A first.",
    "DESC": "Largest, latest or Z first.",
})


@strawberry.input(description="The order of `contacts`.")
class ContactOrder:
    field: ContactOrderField = strawberry.field(default=ContactOrderField.CREATED_AT, description=(
        "Sort key (default CREATED_AT)."))
    direction: OrderDirection = strawberry.field(default=OrderDirection.DESC, description=(
        "Sort direction (default DESC: newest first)."))


@strawberry.input(description=(
    "One contact to create or update, matched by email. A field left out or null keeps the stored value "
    "(a new contact gets none)."))
class ContactInput:
    email: str = strawberry.field(description=(
        "Email address (the match key), stored lowercased; at most 320 characters."))
    first_name: str | None = strawberry.field(default=None, description="First name, at most 200 characters.")
    last_name: str | None = strawberry.field(default=None, description="Last name, at most 200 characters.")
    phone: str | None = strawberry.field(default=None, description=(
        "Phone number: 7 to 15 digits, optional leading `+`; spaces, dots, dashes and brackets are removed. "
        "Stored in E.164 when it has a country code or the contact's `country` is given in the same input."))
    country: str | None = strawberry.field(default=None, description=(
        "ISO 3166-1 alpha-2 country code (`gb` is read as `GB`)."))
    lifecycle_stage: str | None = strawberry.field(default=None, description=(
        "A LifecycleStage value in lower case (`engaged`, `at_risk`); new contacts default to `subscriber`."))
    ad_user_data_consent: AdConsent | None = strawberry.field(
        default=None, description="Consent to send the contact's data to ad platforms; kept as it is when not given.")
    ad_personalization_consent: AdConsent | None = strawberry.field(
        default=None, description="Consent to personalised advertising; kept as it is when not given.")
    tags: list[str] | None = strawberry.field(default=None, description="Replaces the tags when given.")
    custom_properties: JSON | None = strawberry.field(
        default=None, description="Merged key by key; a null value removes the key."
    )
    created_at: datetime | None = strawberry.field(
        default=None, description="When the contact joined (imported history; no offset = the team's time zone). "
        "Kept as it is when not given; new contacts default to now.",
    )


@strawberry.input(description="A batch for `upsertContacts`.")
class UpsertContactsInput:
    contacts: list[ContactInput] = strawberry.field(description=(
        "Up to 1,000 contacts; an email given twice is a userError. Errors name the item (`contacts.3.email`)."))


@strawberry.type(description="Result of `upsertContacts`.")
class UpsertContactsPayload:
    contacts: list[ContactType] = strawberry.field(default_factory=list, description=(
        "The contacts as stored now, created and updated alike."))
    created_count: int = strawberry.field(default=0, description="How many of the emails were new to the team.")
    updated_count: int = strawberry.field(default=0, description="How many matched an existing contact.")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A new custom property for the team's contacts.")
class DefineCustomPropertyInput:
    key: str = strawberry.field(description=(
        "Lowercase letters, digits and `_`, starting with a letter, at most 64 characters; DUPLICATE_KEY if "
        "the team has it already."))
    type: PropertyType = strawberry.field(description="The type its values must have; cannot be changed later.")
    label: str | None = strawberry.field(default=None, description=(
        "Name to show people; defaults to the key in title case."))
    options: list[str] | None = strawberry.field(default=None, description=(
        "Allowed values, required for (and only for) ENUM: 1 to 200."))
    description: str = strawberry.field(default="", description="What the property means, for people.")


@strawberry.type(description="Result of `defineCustomProperty`.")
class DefineCustomPropertyPayload:
    custom_property: CustomPropertyType | None = strawberry.field(default=None, description=(
        "The new property; null when `userErrors` is not empty."))
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
    @strawberry.field(description="The team's contacts, filtered and ordered, keyset-paginated. Needs contacts:read.")
    async def contacts(
        self, info: Info[Context, None],
        filter: Annotated[ContactFilter | None, strawberry.argument(description=(
            "Which contacts; all when omitted."))] = None,
        order_by: Annotated[ContactOrder | None, strawberry.argument(description=(
            "Sort order; newest first (createdAt DESC) when omitted."))] = None,
        first: int | None = None, after: str | None = None,
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

    @strawberry.field(description=(
        "One contact of the caller's team; null when unknown (another team's id too). Needs contacts:read."))
    async def contact(
        self, info: Info[Context, None], id: Annotated[strawberry.ID, strawberry.argument(description="A Contact id.")]
    ) -> ContactType | None:
        viewer = info.context.require("contacts:read")
        contact = await TeamContact.get_or_none(id=id_arg(id, "Contact"), team_id=viewer.team.id)
        return ContactType.from_model(contact) if contact else None

    @strawberry.field(description="The team's custom property definitions, oldest first. Needs contacts:read.")
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
    @strawberry.mutation(description=(
        "Create or update up to 1,000 contacts by email, all or nothing: one invalid contact and none is "
        "written. Requests segment re-evaluation of the contacts. Needs contacts:write."))
    @mutation_payload
    async def upsert_contacts(
        self, info: Info[Context, None],
        input: Annotated[UpsertContactsInput, strawberry.argument(description="The contacts.")],
    ) -> UpsertContactsPayload:
        viewer = info.context.require("contacts:write")
        contacts, result = await service.upsert_contacts(viewer.team, [_input_to_dict(c) for c in input.contacts])
        await publish_contacts_changed(viewer.team.id, [c.id for c in contacts], "upserted")
        return UpsertContactsPayload(
            contacts=[ContactType.from_model(c) for c in contacts],
            created_count=result.created, updated_count=result.updated,
        )

    @strawberry.mutation(description="Declare a typed custom property for the team's contacts. Needs admin.")
    @mutation_payload
    async def define_custom_property(
        self, info: Info[Context, None],
        input: Annotated[DefineCustomPropertyInput, strawberry.argument(description="The property.")],
    ) -> DefineCustomPropertyPayload:
        viewer = info.context.require("admin")
        definition = await service.define_custom_property(
            viewer.team, input.key, input.label, input.type.value, input.options, input.description
        )
        return DefineCustomPropertyPayload(custom_property=CustomPropertyType.from_model(definition))


@strawberry.type(description="Contacts that changed, sent by `contactsChanged`.")
class ContactsChangedEvent:
    contact_ids: list[strawberry.ID] = strawberry.field(description=(
        "Contact ids that changed; fetch what you need with `nodes(ids:)`."))
    kind: str = strawberry.field(description="What happened: `upserted` (created or updated by an upsert).")


@strawberry.type
class ContactsSubscription:
    @strawberry.subscription(description="Contacts of the caller's team created or updated, live. Needs contacts:read.")
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
