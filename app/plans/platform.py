"""Platform administrators: the deployment's operators, not members of any team.

A platform-admin token (`mhp_...`) is made by `memberhub platform-token`; the deployment lists the
SHA-256 of each token it accepts in `MEMBERHUB_PLATFORM_ADMIN_TOKEN_HASHES`. Nothing about them is
stored in a team's data, a team's API key or session is never one, and a platform token is never a
team credential: it reaches only the platform-admin fields (setTeamPlan).
"""

from __future__ import annotations

import hmac
import secrets

from app.core.tokens import sha256_hex
from app.settings import Settings

PLATFORM_TOKEN_PREFIX = "mhp_"


def new_platform_token() -> tuple[str, str]:
    """A new token and the digest to configure; the token itself is shown once and kept nowhere."""
    token = f"{PLATFORM_TOKEN_PREFIX}{secrets.token_urlsafe(32)}"
    return token, sha256_hex(token)


def is_platform_admin(token: str, settings: Settings) -> bool:
    if not token.startswith(PLATFORM_TOKEN_PREFIX):
        return False
    digest = sha256_hex(token)
    # Compared with every configured digest in constant time, so timing says nothing about them.
    return any([hmac.compare_digest(digest, known) for known in settings.platform_admin_token_hashes])
