"""Test factories: real rows built through the services, the way the API builds them.

    acme = await factories.team("Acme")                      # TeamFixture: .team, .owner, .key, .id
    ava = await factories.contact(acme, "ava@example.com", firstName="Ava", tags=["vip"])
    hub = await factories.hub(acme, "Yoga")
    await factories.hub_member(acme, hub, ava, role="moderator")
    vips = await factories.segment(acme, "VIPs", "tags contains 'vip'")
    lists = await factories.segment(acme, "Hand-picked", kind="static")
    pro = await factories.product(acme, "Pro", hub=hub)
    monthly = await factories.price(acme, pro, 2000, interval="month")

Every factory takes a TeamFixture (the `team` fixture) or a Team model, and goes through the
service functions, so validation, computed properties and evaluation requests happen as in
production; a factory raises the service's ValidationFailed instead of returning errors.
Contact fields use the API's names (firstName, lifecycleStage, customProperties, ...).
Ids are database ids: GraphQL documents take the ids the API itself returns.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from app.commerce import service as commerce
from app.commerce.models import Price, Product
from app.contacts import service as contacts_service
from app.contacts.models import CustomPropertyDefinition, TeamContact
from app.hubs import service as hubs_service
from app.hubs.models import Hub, HubMembership
from app.segments import service as segments_service
from app.segments.models import Segment
from app.teams.models import Team
from app.teams.service import create_team


@dataclass
class TeamFixture:
    """A team with its owner and the owner's admin API key (plaintext)."""

    team: Any
    owner: Any
    key: str

    @property
    def id(self) -> int:
        return self.team.id


def _team(team: TeamFixture | Team) -> Team:
    return team if isinstance(team, Team) else team.team


def _id(row: Any) -> int:
    return row if isinstance(row, int) else row.id


async def team(name: str = "Acme", owner_email: str | None = None, password: str | None = None,
               time_zone: str = "UTC") -> TeamFixture:
    email = owner_email or f"owner-{uuid.uuid4().hex[:6]}@example.com"
    created, owner, key = await create_team(name, email, password, time_zone=time_zone)
    return TeamFixture(team=created, owner=owner, key=key)


async def contacts(team: TeamFixture | Team, *rows: dict[str, Any]) -> list[TeamContact]:
    """Create or update contacts by email (one upsert), in the order given."""
    created, _ = await contacts_service.upsert_contacts(_team(team), list(rows))
    return created


async def contact(team: TeamFixture | Team, email: str | None = None, **fields: Any) -> TeamContact:
    email = email or f"contact-{uuid.uuid4().hex[:8]}@example.com"
    [created] = await contacts(team, {"email": email, **fields})
    return created


async def custom_property(team: TeamFixture | Team, key: str, type: str = "string", *,
                          options: list[str] | None = None, label: str | None = None,
                          description: str = "") -> CustomPropertyDefinition:
    return await contacts_service.define_custom_property(_team(team), key, label, type, options, description)


async def hub(team: TeamFixture | Team, name: str = "Members", slug: str | None = None,
              description: str = "") -> Hub:
    return await hubs_service.create_hub(_team(team), name, slug, description)


async def hub_member(team: TeamFixture | Team, hub: Hub | int, contact: TeamContact | int, role: str = "member", *,
                     onboarding_state: str | None = None, notification_preferences: dict[str, Any] | None = None,
                     **row: Any) -> HubMembership:
    """Add a contact to a hub; `row` fields the service does not set (banned, joined_at, ...) are
    written on the membership afterwards."""
    membership = await hubs_service.add_hub_member(
        _team(team), _id(hub), _id(contact), role, onboarding_state, notification_preferences
    )
    if row:
        membership.update_from_dict(row)
        await membership.save(update_fields=list(row))
    return membership


async def segment(team: TeamFixture | Team, name: str = "Segment", rule_text: str | None = None, *,
                  kind: str = "dynamic", rule: Any = None, description: str = "",
                  tags: list[str] | None = None) -> Segment:
    """A dynamic segment (evaluated at once), a cohort, or a static list (kind="static", no rule)."""
    return await segments_service.create_segment(_team(team), name, kind, description, tags, rule_text, rule)


async def product(team: TeamFixture | Team, name: str = "Product", *, hub: Hub | int | None = None,
                  description: str = "", past_due_policy: str | None = None,
                  grace_days: int | None = None) -> Product:
    return await commerce.create_product(
        _team(team), name=name, description=description, hub_id=_id(hub) if hub is not None else None,
        hub_given=hub is not None, past_due_policy=past_due_policy, grace_days=grace_days,
    )


async def price(team: TeamFixture | Team, product: Product | int, amount: int = 1000, *,
                interval: str | None = None, currency: str = "usd", interval_count: int = 1,
                trial_days: int = 0, nickname: str = "", stripe_price_id: str | None = None) -> Price:
    """A one-time price, or a recurring one when `interval` is given (day, week, month, year)."""
    return await commerce.create_price(
        _team(team), _id(product), type_="recurring" if interval else "one_time", amount=amount,
        currency=currency, interval=interval, interval_count=interval_count, trial_days=trial_days,
        nickname=nickname, stripe_price_id=stripe_price_id,
    )
