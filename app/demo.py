"""Demo data: a team with hubs, custom properties and a few thousand realistic contacts, 90 days of their
events, segments over them, a product with prices, a course gated by product, drip and segment rules,
and a (paused) drip campaign."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.access.models import Audience, DripAnchor
from app.access.service import RuleSpec, set_access_rule
from app.commerce.service import create_price, create_product
from app.contacts.models import CustomPropertyDefinition, LifecycleStage, TeamContact
from app.contacts.service import define_custom_property, upsert_contacts
from app.content.models import NodeKind, PublishStatus, RuleTarget
from app.content.service import NodeChanges, create_node
from app.email.service import StepSpec, create_drip_campaign, save_email_template
from app.events.service import MAX_BATCH, ingest_events
from app.hubs.models import Hub, HubMembership, HubRole, OnboardingState
from app.hubs.service import NewMember, create_hub, import_hub_members, update_hub_membership
from app.segments.models import Segment
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


EXTRA_SEGMENTS = [
    ("Searched this week", "Anyone who used search in the last 7 days", "any event of type 'search' within 7 days"),
    ("Lapsed readers", "Subscribers or leads with no page view for 30 days",
     "lifecycleStage in (subscriber, lead) AND no event of type 'page_view' within 30 days"),
    ("Frequent visitors", "Five or more page views in 30 days",
     "count of events of type 'page_view' within 30 days >= 5"),
]
# (type, weight): about one event every two days per contact over the last 90 days.
EVENT_TYPES = [("page_view", 60), ("email_open", 20), ("search", 12), ("lesson_complete", 6), ("webinar_join", 2)]
PAST_DAYS = 90


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


def demo_events(emails: list[str], now: datetime, seed: int = 13) -> list[dict[str, Any]]:
    """Events of the last PAST_DAYS days for a third of the contacts, oldest first."""
    rng = random.Random(seed)
    types, weights = zip(*EVENT_TYPES, strict=True)
    events = []
    for email in rng.sample(emails, k=len(emails) // 3):
        for _ in range(rng.randint(1, 45)):
            occurred = now - timedelta(days=rng.uniform(0, PAST_DAYS))
            events.append({"email": email, "type": rng.choices(types, weights)[0],
                           "occurredAt": occurred.isoformat(), "properties": {"source": "demo"}})
    return sorted(events, key=lambda e: e["occurredAt"])


async def seed_explorables(team: Team, academy: Hub, segments: dict[str, Segment]) -> None:
    """A product and price, a course tree gated by segment, product and drip rules, and a drip email."""
    product = await create_product(team, name="Yoga Academy Membership", description="All courses and live classes",
                                   hub_id=academy.id, hub_given=True)
    await create_price(team, product.id, type_="recurring", amount=2900, currency="usd", interval="month",
                       nickname="Monthly")
    await create_price(team, product.id, type_="one_time", amount=24900, currency="usd", nickname="Lifetime")

    course = await create_node(team, academy.id, NodeChanges(title="Foundations of Yoga", kind=NodeKind.COURSE,
                                                             status=PublishStatus.PUBLISHED))
    week1 = await create_node(team, academy.id, NodeChanges(title="Week 1: Breath", kind=NodeKind.MODULE,
                                                            status=PublishStatus.PUBLISHED, parent_id=course.id))
    week2 = await create_node(team, academy.id, NodeChanges(title="Week 2: Flow", kind=NodeKind.MODULE,
                                                            status=PublishStatus.PUBLISHED, parent_id=course.id))
    for parent, titles in ((week1, ["Welcome", "Box breathing"]), (week2, ["Sun salutation", "Standing poses"])):
        for title in titles:
            await create_node(team, academy.id, NodeChanges(title=title, kind=NodeKind.LESSON, parent_id=parent.id,
                                                            status=PublishStatus.PUBLISHED, body=f"# {title}\n"))
    bonus = await create_node(team, academy.id, NodeChanges(title="VIP masterclass", kind=NodeKind.LESSON,
                                                            status=PublishStatus.PUBLISHED, parent_id=course.id))
    # The course is for buyers; week 2 opens 7 days after joining the hub; the masterclass is for VIPs.
    await set_access_rule(team, RuleTarget.NODE, course.id, RuleSpec(audience=Audience.PRODUCTS,
                                                                     product_ids=[product.id]))
    await set_access_rule(team, RuleTarget.NODE, week2.id, RuleSpec(drip_days=7, drip_anchor=DripAnchor.HUB_JOIN))
    await set_access_rule(team, RuleTarget.NODE, bonus.id, RuleSpec(audience=Audience.SEGMENTS_ANY,
                                                                    segment_ids=[segments["VIPs"].id]))

    template = await save_email_template(
        team, template_id=None, hub_id=academy.id, key="welcome-back", name="Welcome back",
        subject="We saved your spot, {{ contact.first_name or 'friend' }}",
        html_body="<p>New classes this week in the Yoga Academy.</p>", text_body="New classes this week.")
    await create_drip_campaign(
        team, hub_id=academy.id, name="Win back lapsed readers", trigger="segment_join",
        segment_id=segments["Lapsed readers"].id, event_type=None, exit_on_segment_leave=True, exit_segment_id=None,
        goal_event_type="page_view", active=False, steps=[StepSpec(delay_minutes=0, template_id=template.id),
                                                         StepSpec(delay_minutes=3 * 24 * 60, template_id=template.id)])


COMMUNITY_POSTS = [
    ("General", "Welcome! Introduce yourself", "Tell us **who you are** and what your studio is like."),
    ("General", "Pricing your first workshop", "How do you price a 3-hour workshop? I was thinking $45."),
    ("Questions", "Insurance for home studios?", "Does anyone have a recommendation for *liability* insurance?"),
    ("VIP lounge", "Q3 revenue share", "Numbers from the mastermind, for VIPs only."),
]
COMMUNITY_REPLIES = ["Great question!", "We charge $40 and it fills up.", "Following this.", "Thanks for sharing"]


async def seed_community(team: Team, hub: Hub, vip_segment_id: int) -> None:
    """Spaces (one for VIPs, one read-only, questions with an accepted answer, an events space with a meetup and its
    RSVPs), posts, threaded replies and reactions by the hub's members."""
    from app.access.view import compute_hub_access
    from app.community import service as community
    from app.community.models import Comment, RsvpStatus
    from app.community.profiles import backfill_profiles

    spaces = {
        "General": await community.create_space(team, hub.id, "General"),
        "Announcements": await community.create_space(team, hub.id, "Announcements", kind="announcements"),
        "Questions": await community.create_space(team, hub.id, "Questions", kind="questions"),
        "VIP lounge": await community.create_space(team, hub.id, "VIP lounge"),
        "Meetups": await community.create_space(team, hub.id, "Meetups", kind="events"),
    }
    await set_access_rule(team, RuleTarget.SPACE, spaces["VIP lounge"].id,
                          RuleSpec(audience=Audience.SEGMENTS_ANY, segment_ids=[vip_segment_id]))
    await backfill_profiles(team.id, hub.id)
    await community.update_settings(team, hub.id, post_rate_limit="1000/minute")  # seeding is not spam
    members = await HubMembership.filter(team_id=team.id, hub_id=hub.id, banned=False).order_by("id").limit(40)
    if not members:
        return
    moderator = await HubMembership.filter(team_id=team.id, hub_id=hub.id, banned=False,
                                           role__in=[HubRole.MODERATOR, HubRole.HOST]).first()
    if moderator is None:  # a small demo: its first member hosts the community
        moderator = await update_hub_membership(team, members[0].id, role=HubRole.HOST.value)
    host = await compute_hub_access({}, team.id, hub.id, moderator.team_contact_id)
    await community.create_post(host, spaces["Announcements"].id, "Live Q&A on Friday",
                                "Bring your questions about **pricing and retention**.")
    rng = random.Random(5)
    for space_name, title, body in COMMUNITY_POSTS:
        author = host if space_name == "VIP lounge" else await compute_hub_access(
            {}, team.id, hub.id, rng.choice(members).team_contact_id)
        if not author.space(spaces[space_name].id).allowed:
            continue
        post = await community.create_post(author, spaces[space_name].id, title, body)
        parent = None
        for reply in COMMUNITY_REPLIES[: rng.randint(1, 4)]:
            replier = await compute_hub_access({}, team.id, hub.id, rng.choice(members).team_contact_id)
            if not replier.space(post.space_id).allowed:
                continue
            parent = await community.create_comment(replier, post.id, reply, parent.id if parent and
                                                    rng.random() < 0.5 else None)
            await community.add_reaction(replier, "post", post.id, rng.choice(community.DEFAULT_REACTIONS))
        first = await Comment.filter(team_id=team.id, post_id=post.id).order_by("id").first()
        if spaces[space_name].kind == "questions" and first is not None:
            await community.accept_answer(author, post.id, first.id)
    start = datetime.now(UTC).replace(hour=18, minute=0, second=0, microsecond=0) + timedelta(days=7)
    meetup = await community.create_post(
        host, spaces["Meetups"].id, "Studio owners meetup", "Drinks and **shop talk**, all welcome.",
        event=community.EventSpec(start, start + timedelta(hours=2), "Founders Circle studio, Lisbon"))
    for member in members[:12]:
        going = await compute_hub_access({}, team.id, hub.id, member.team_contact_id)
        await community.rsvp(going, meetup.id, RsvpStatus.GOING if rng.random() < 0.7 else RsvpStatus.NOT_GOING)
    await community.update_settings(team, hub.id, post_rate_limit="")  # back to the default limit


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
    now = datetime.now(UTC)
    events = demo_events([c["email"] for c in contacts], now)
    for start in range(0, len(events), MAX_BATCH):
        await ingest_events(team.id, events[start : start + MAX_BATCH])
    segments = {}
    for name, description, rule_text in DEMO_SEGMENTS + EXTRA_SEGMENTS:
        segments[name] = await create_segment(team, name, "dynamic", description, rule_text=rule_text)
    await seed_explorables(team, hubs[0], segments)
    await seed_community(team, hubs[1], segments["VIPs"].id)
    assert await CustomPropertyDefinition.filter(team_id=team.id).count() == 5
    assert await Hub.filter(team_id=team.id).count() == 3
    return team, key
