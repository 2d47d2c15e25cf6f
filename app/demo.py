"""Demo data: a team with hubs, custom properties and a few thousand realistic contacts."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from app.contacts.models import CustomPropertyDefinition, LifecycleStage, TeamContact
from app.contacts.service import define_custom_property, upsert_contacts
from app.hubs.models import Hub, HubRole, OnboardingState
from app.hubs.service import NewMember, create_hub, import_hub_members
from app.segments.service import create_segment
from app.teams.models import Team, TeamMember, User
from app.teams.service import ADMIN_SCOPE, authenticate, create_api_key, create_team

DEMO_OWNER = "demo@memberhub.local"
DEMO_PASSWORD = "demo-password"
DEMO_TEAM = "MemberHub Demo Studio"

FIRST = ["Ava", "Liam", "Mia", "Noah", "Zoe", "Ethan", "Ivy", "Lucas", "Aria", "Leo", "Maya", "Omar",
         "Sofia", "Kai", "Nora", "Ravi", "Elena", "Jonas", "Priya", "Mateo", "Hana", "Felix", "Amara", "Theo"]
LAST = ["Smith", "Garcia", "Chen", "Müller", "Okafor", "Rossi", "Kowalski", "Tanaka", "Dubois", "Silva",
        "Nguyen", "Patel", "Johnson", "Larsen", "Haddad", "Kim", "Novak", "Brown", "Costa", "Ivanova"]
DOMAINS = ["gmail.com", "outlook.com", "proton.me", "yahoo.com", "acme.com", "studio.io", "fastmail.com"]
COUNTRIES = ["US", "US", "US", "GB", "GB", "CA", "DE", "FR", "AU", "NL", "ES", "BR", "IN", "JP"]
TAGS = ["vip", "newsletter", "webinar-2026", "beta", "podcast", "affiliate", "community", "yoga", "course-buyer"]
STAGES = [s.value for s in LifecycleStage]
STAGE_WEIGHTS = [20, 25, 20, 15, 8, 7, 5]
DEMO_SEGMENTS = [
    ("VIPs", "Hand-tagged VIPs", "tags contains 'vip'"),
    ("Engaged UK and US", "Engaged or better, in the two biggest markets",
     "lifecycleStage in (engaged, converted, loyal) AND country in ('GB', 'US')"),
    ("Pro plans outside the community", "Upsell list for Founders Circle",
     "custom.plan in (pro, studio) AND NOT hubs contains 'founders-circle'"),
]


def demo_contacts(count: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    contacts = []
    for i in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        contacts.append({
            "email": f"{first.lower()}.{last.lower().replace('ü', 'u')}{i}@{rng.choice(DOMAINS)}",
            "firstName": first, "lastName": last,
            "phone": f"+1{rng.randint(2000000000, 9999999999)}" if rng.random() < 0.6 else None,
            "country": rng.choice(COUNTRIES),
            "lifecycleStage": rng.choices(STAGES, STAGE_WEIGHTS)[0],
            "tags": rng.sample(TAGS, k=rng.choice([0, 1, 1, 2, 3])),
            "customProperties": {
                "plan": rng.choice(["free", "starter", "pro", "studio"]),
                "company": rng.choice(["", "Acme", "Globex", "Initech", "Umbrella", "Hooli"]) or None,
                "lifetime_sessions": rng.randint(0, 400),
                "newsletter_opt_in": rng.random() < 0.7,
                "birthday": f"19{rng.randint(60, 99)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            },
        })
    return contacts


async def _demo_key(team: Team, owner: User | None, key_file: Path | None) -> str:
    """The demo's admin key: the one kept in `key_file` while it still works, else a new one kept there."""
    kept = _kept_key(key_file)
    viewer = await authenticate(kept) if kept else None
    if kept and viewer is not None and viewer.team.id == team.id:
        return kept
    _, key = await create_api_key(team, "Demo key", [ADMIN_SCOPE], owner)
    _keep_key(key_file, key)
    return key


def _kept_key(key_file: Path | None) -> str | None:
    return key_file.read_text().strip() if key_file is not None and key_file.exists() else None


def _keep_key(key_file: Path | None, key: str) -> None:
    if key_file is not None:
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_text(key + "\n")
        key_file.chmod(0o600)


async def seed_demo(contact_count: int = 3000, key_file: Path | None = None) -> tuple[Team, str]:
    """Create (or reuse) the demo team; its admin key is kept in `key_file`, so every run prints the same one."""
    owner = await User.get_or_none(email=DEMO_OWNER)
    membership = (
        await TeamMember.filter(user_id=owner.id, team__name=DEMO_TEAM).select_related("team").first()
        if owner else None
    )
    if membership is not None:
        return membership.team, await _demo_key(membership.team, owner, key_file)

    team, owner, key = await create_team(DEMO_TEAM, DEMO_OWNER, DEMO_PASSWORD, time_zone="Europe/London")
    _keep_key(key_file, key)
    for key_name, kind, options in [
        ("plan", "enum", ["free", "starter", "pro", "studio"]),
        ("company", "string", None),
        ("lifetime_sessions", "number", None),
        ("newsletter_opt_in", "boolean", None),
        ("birthday", "date", None),
    ]:
        await define_custom_property(team, key_name, None, kind, options, "")
    hubs = [
        await create_hub(team, "Yoga Academy", None, "Courses and live classes"),
        await create_hub(team, "Founders Circle", None, "Paid community for studio owners"),
        await create_hub(team, "Free Resources", None, "Lead magnets and the newsletter archive"),
    ]
    contacts = demo_contacts(contact_count)
    for start in range(0, len(contacts), 1000):
        await upsert_contacts(team, contacts[start : start + 1000])
    rng = random.Random(11)
    memberships = []
    async for contact in TeamContact.filter(team_id=team.id).only("id"):
        for hub in hubs:
            if rng.random() < 0.35:
                memberships.append(NewMember(
                    hub_id=hub.id, contact_id=contact.id,
                    role=HubRole.MODERATOR if rng.random() < 0.02 else HubRole.MEMBER,
                    onboarding_state=rng.choice(list(OnboardingState)),
                    notification_preferences={"email": True, "digest": rng.random() < 0.5},
                ))
    await import_hub_members(team, memberships)
    for name, description, rule_text in DEMO_SEGMENTS:
        await create_segment(team, name, "dynamic", description, rule_text=rule_text)
    assert await CustomPropertyDefinition.filter(team_id=team.id).count() == 5
    assert await Hub.filter(team_id=team.id).count() == 3
    return team, key
