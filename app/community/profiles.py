"""Members' community profiles: made on a member's first community action (or first edit), one per hub.

A handle (what `@handle` mentions) starts from the contact's first name or email and is made unique
within the hub; the display name starts as the first name (or the handle). Contacts' own fields are
read here, never written.
"""

from __future__ import annotations

import re
import secrets
from typing import Any, cast

from tortoise import connections

from app.community.models import Profile
from app.contacts.models import TeamContact

HANDLE_RE = re.compile(r"^[a-z0-9_][a-z0-9_.-]{0,38}[a-z0-9_]$|^[a-z0-9_]$")


def _handle_base(contact: TeamContact) -> str:
    source = contact.first_name or contact.email.split("@", 1)[0] or "member"
    base = re.sub(r"[^a-z0-9_]+", "", source.lower())[:30]
    return base or "member"


async def ensure_profile(team_id: int, hub_id: int, contact_id: int, db: Any = None) -> None:
    """The member's profile exists after this (inside the caller's transaction `db` when given)."""
    conn = db or connections.get("default")
    exists = await Profile.filter(team_id=team_id, hub_id=hub_id, team_contact_id=contact_id).using_db(conn).exists()
    if exists:
        return
    contact = await TeamContact.filter(id=contact_id, team_id=team_id).using_db(conn).get()
    base = _handle_base(contact)
    display = (f"{contact.first_name} {contact.last_name or ''}".strip() if contact.first_name else base)[:100]
    for attempt in range(8):
        handle = base if attempt == 0 else f"{base}{secrets.randbelow(10_000)}"
        rows = await conn.execute_query_dict(
            "INSERT INTO community_profiles (team_id, hub_id, team_contact_id, handle, display_name, bio, links,"
            " visibility, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, '', '[]', '{}', now(), now())"
            " ON CONFLICT DO NOTHING RETURNING id",
            [team_id, hub_id, contact_id, handle, display],
        )
        if rows:
            return
        if await Profile.filter(team_id=team_id, hub_id=hub_id, team_contact_id=contact_id).using_db(conn).exists():
            return  # made by a concurrent request
    raise RuntimeError("could not find a free handle")  # 8 random tries: practically unreachable


async def contacts_by_handle(team_id: int, hub_id: int, handles: list[str]) -> dict[str, int]:
    if not handles:
        return {}
    rows = await Profile.filter(team_id=team_id, hub_id=hub_id, handle__in=handles).values_list(
        "handle", "team_contact_id")
    return {cast(str, h): cast(int, c) for h, c in rows}


# ---------------------------------------------------------------- editing and the directory

PROFILE_FIELDS = ("bio", "avatar", "links", "directory")  # what `visibility` may hide
MAX_LINKS = 10
LINK_RE = re.compile(r"^https?://[^\s<>\"']{1,2000}$")


async def update_profile(
    team_id: int, hub_id: int, contact_id: int, *, handle: str | None = None, display_name: str | None = None,
    bio: str | None = None, avatar_media_id: int | None = None, clear_avatar: bool = False,
    links: list[str] | None = None, visibility: dict[str, str] | None = None,
) -> Profile:
    from app.content.models import Media
    from app.core.errors import FieldError, NotFound, ValidationFailed

    errors: list[FieldError] = []
    values: dict[str, Any] = {}
    if handle is not None:
        handle = handle.strip().lower().lstrip("@")
        if not HANDLE_RE.match(handle):
            errors.append(FieldError("handle", "1-40 of a-z 0-9 _ . - (not starting or ending with . or -)",
                                     "INVALID_HANDLE"))
        elif await Profile.filter(team_id=team_id, hub_id=hub_id, handle=handle).exclude(
                team_contact_id=contact_id).exists():
            errors.append(FieldError("handle", f"@{handle} is taken in this hub", "TAKEN"))
        values["handle"] = handle
    if display_name is not None:
        display_name = display_name.strip()
        if not 1 <= len(display_name) <= 100:
            errors.append(FieldError("displayName", "1 to 100 characters", "INVALID_NAME"))
        values["display_name"] = display_name
    if bio is not None:
        if len(bio) > 2000:
            errors.append(FieldError("bio", "at most 2000 characters", "TOO_LONG"))
        values["bio"] = bio
    if links is not None:
        if len(links) > MAX_LINKS or not all(LINK_RE.match(link) for link in links):
            errors.append(FieldError("links", f"at most {MAX_LINKS} http(s) URLs", "INVALID_LINKS"))
        values["links"] = links
    if visibility is not None:
        unknown = sorted(set(visibility) - set(PROFILE_FIELDS))
        if unknown or any(v not in ("members", "nobody") for v in visibility.values()):
            errors.append(FieldError("visibility", f"fields {', '.join(PROFILE_FIELDS)}: members or nobody",
                                     "INVALID_VISIBILITY"))
        values["visibility"] = visibility
    if clear_avatar:
        values["avatar_media_id"] = None
    elif avatar_media_id is not None:
        if not await Media.exists(id=avatar_media_id, team_id=team_id, hub_id=hub_id, kind="image"):
            raise NotFound("avatarMediaId", "image")
        values["avatar_media_id"] = avatar_media_id
    if errors:
        raise ValidationFailed(errors)
    await ensure_profile(team_id, hub_id, contact_id)
    profile = await Profile.get(team_id=team_id, hub_id=hub_id, team_contact_id=contact_id)
    if "visibility" in values:
        values["visibility"] = {**(profile.visibility or {}), **values["visibility"]}
    if values:
        profile.update_from_dict(values)
        await profile.save()
    return profile


BACKFILL_SQL = """
INSERT INTO community_profiles (team_id, hub_id, team_contact_id, handle, display_name, bio, links, visibility,
                                created_at, updated_at)
SELECT hm.team_id, hm.hub_id, hm.team_contact_id,
       left(COALESCE(NULLIF(regexp_replace(lower(COALESCE(tc.first_name, split_part(tc.email, '@', 1))),
                                           '[^a-z0-9_]', '', 'g'), ''), 'member'), 24) || hm.team_contact_id,
       left(COALESCE(NULLIF(trim(COALESCE(tc.first_name, '') || ' ' || COALESCE(tc.last_name, '')), ''),
                     split_part(tc.email, '@', 1)), 100),
       '', '[]', '{}', now(), now()
FROM hub_memberships hm JOIN team_contacts tc ON tc.id = hm.team_contact_id
WHERE hm.team_id = $1 AND hm.hub_id = $2
  AND NOT EXISTS (SELECT 1 FROM community_profiles p
                  WHERE p.team_id = $1 AND p.hub_id = $2 AND p.team_contact_id = hm.team_contact_id)
ON CONFLICT DO NOTHING
"""


async def backfill_profiles(team_id: int, hub_id: int) -> None:
    """Members who joined before the community (or without a join hook) get a profile, handle `<name><id>`."""
    await connections.get("default").execute_query(BACKFILL_SQL, [team_id, hub_id])


async def on_member_joined(team_id: int, hub_id: int, contact_id: int) -> None:
    """Bound to the hubs service's join hook (app.wiring): a new member has a profile from the start."""
    await ensure_profile(team_id, hub_id, contact_id)
