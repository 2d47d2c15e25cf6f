"""Signed unsubscribe links: the token names the team, contact, hub and drip, and nothing else.

The HMAC covers every part, so a token can neither be forged nor edited to point at another
contact. Links do not expire: an unsubscribe link in an old mail must keep working.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.ids import parse_id_or_none
from app.core.links import public_link
from app.core.tokens import sign, verify_signature
from app.settings import get_settings

_PURPOSE = "email-unsubscribe:"


@dataclass(frozen=True)
class UnsubscribeTarget:
    team_id: int
    contact_id: int
    hub_id: int
    drip_id: int = 0
    campaign_id: int = 0  # a campaign's mail: the hub's marketing, and the recipient row is marked


def make_token(target: UnsubscribeTarget, secret_key: str | None = None) -> str:
    payload = f"{target.team_id}.{target.contact_id}.{target.hub_id}.{target.drip_id}"
    if target.campaign_id:
        payload += f".{target.campaign_id}"
    return f"{payload}.{sign(secret_key or get_settings().secret_key, _PURPOSE + payload)}"


def read_token(token: str, secret_key: str | None = None) -> UnsubscribeTarget | None:
    parts = token.split(".")
    # Canonical digits only ('²'.isdigit() is true, and int() reads other scripts' digits); drip 0 is none.
    # Five parts (drip mail, and every older link) or six (campaign mail).
    size = len(parts) - 1
    keys = [0 if p == "0" else parse_id_or_none(p) for p in parts[:size]] if size in (4, 5) else [None]
    if any(k is None for k in keys) or (size == 5 and keys[4] == 0):
        return None
    payload = ".".join(parts[:size])
    if not verify_signature(secret_key or get_settings().secret_key, _PURPOSE + payload, parts[size]):
        return None
    team_id, contact_id, hub_id, drip_id, *rest = (int(k or 0) for k in keys)
    return UnsubscribeTarget(team_id, contact_id, hub_id, drip_id, rest[0] if rest else 0)


def unsubscribe_url(target: UnsubscribeTarget) -> str:
    return public_link(f"/email/unsubscribe/{make_token(target)}")
