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
