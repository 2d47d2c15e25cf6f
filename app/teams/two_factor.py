"""Optional TOTP two-factor for staff users (RFC 6238 through pyotp), enforced per team.

- `enrol` makes a secret (stored encrypted, app/core/crypto.py) and its otpauth:// URI for an
  authenticator app; it is in force only once `confirm` gets a right code from it, which also
  returns ten recovery codes (shown once; only their SHA-256 is kept, each works once).
- `login` and accepting an invitation with an existing account then need a code: a TOTP code
  (the current 30-second step or one either side) or a recovery code. A code is accepted once:
  its time step is recorded and no step at or before it is taken again (replay).
- Wrong codes are limited per user (settings.two_factor_failures_per_user): past the limit,
  RATE_LIMITED until the window passes, whatever the code.
- A team with `require_two_factor` lets the sessions of users without it do nothing but enrol
  (`Context.require` refuses every scoped operation with TWO_FACTOR_REQUIRED).
"""

from __future__ import annotations

import hmac
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import pyotp
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from app.core import ratelimit
from app.core.crypto import decrypt_secret, encrypt_secret
from app.core.errors import ValidationFailed
from app.core.tokens import sha256_hex
from app.settings import Settings, get_settings
from app.teams.models import Team, TeamMember, User

ISSUER = "MemberHub"
RECOVERY_CODES = 10
VALID_WINDOW = 1  # steps either side of now: clocks a little apart still match
MAX_CODE = 64


@dataclass(frozen=True)
class Enrolment:
    secret: str
    uri: str


def _normalized(code: str | None) -> str:
    return "".join((code or "").split()).replace("-", "").lower()[:MAX_CODE]


def _recovery_code() -> str:
    raw = secrets.token_hex(8)  # 64 bits
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:12]}-{raw[12:]}"


def _failure_keys(user: User) -> list[str]:
    return [f"two-factor:user:{user.id}"]


def enabled(user: User) -> bool:
    return user.totp_enabled_at is not None


def required_but_missing(team: Team, user: User | None) -> bool:
    """A session that may only enrol: its team requires two-factor and its user has none."""
    return user is not None and team.require_two_factor and not enabled(user)


async def enrol(user: User, password: str, settings: Settings | None = None) -> Enrolment:
    """A new secret for the user; takes the password (wrong ones count as wrong codes do)."""
    from app.teams.service import verify_password  # service imports this module

    limit, keys = (settings or get_settings()).two_factor_failures_per_user, _failure_keys(user)
    await ratelimit.check("wrong two-factor codes", limit, keys)
    if not await verify_password(user.password_hash, password):
        await ratelimit.record(limit, keys)
        raise ValidationFailed.one("password", "the password is wrong", "INVALID_CREDENTIALS")
    if enabled(user):
        raise ValidationFailed.one(None, "two-factor is on already: disable it first to change the device",
                                   "TWO_FACTOR_ALREADY_ENABLED")
    secret = pyotp.random_base32()
    user.totp_secret_encrypted = encrypt_secret(secret)
    user.totp_last_step = None
    await user.save(update_fields=["totp_secret_encrypted", "totp_last_step"])
    return Enrolment(secret=secret, uri=pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER))


def _matching_step(secret: str, code: str, now: float) -> int | None:
    if not (len(code) == 6 and code.isascii() and code.isdigit()):
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(datetime.fromtimestamp(now, UTC))
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


async def _use_totp(user: User, secret: str, code: str) -> bool:
    step = _matching_step(secret, code, time.time())
    if step is None:
        return False
    # Once per step, atomically: two requests with the same code cannot both pass.
    used = await User.filter(id=user.id).filter(Q(totp_last_step__isnull=True) | Q(totp_last_step__lt=step)).update(
        totp_last_step=step)
    if used:
        user.totp_last_step = step
    return bool(used)


async def _use_recovery_code(user: User, code: str) -> bool:
    digest = sha256_hex(code)
    async with in_transaction():
        row = await User.select_for_update().get(id=user.id)
        hashes = list(row.totp_recovery_hashes or [])
        if not any(hmac.compare_digest(digest, h) for h in hashes):
            return False
        row.totp_recovery_hashes = [h for h in hashes if not hmac.compare_digest(digest, h)]
        await row.save(update_fields=["totp_recovery_hashes"])
    user.totp_recovery_hashes = row.totp_recovery_hashes
    return True


async def _check_code(user: User, code: str | None, settings: Settings, *, pending: bool = False) -> None:
    """Accept `code` for the user (a TOTP code, or a recovery code unless `pending`), or raise."""
    keys = _failure_keys(user)
    await ratelimit.check("wrong two-factor codes", settings.two_factor_failures_per_user, keys)
    normalized = _normalized(code)
    if not normalized:
        raise ValidationFailed.one("code", "enter the code from your authenticator app", "TWO_FACTOR_REQUIRED")
    if user.totp_secret_encrypted and await _use_totp(user, decrypt_secret(user.totp_secret_encrypted), normalized):
        return
    if not pending and len(normalized) == 16 and await _use_recovery_code(user, normalized):
        return
    await ratelimit.record(settings.two_factor_failures_per_user, keys)
    raise ValidationFailed.one("code", "this code is wrong, expired or used already", "INVALID_TWO_FACTOR_CODE")


async def confirm(user: User, code: str | None, settings: Settings | None = None) -> list[str]:
    """Turn two-factor on with a first right code from the enrolled secret; the recovery codes."""
    if enabled(user):
        raise ValidationFailed.one(None, "two-factor is on already", "TWO_FACTOR_ALREADY_ENABLED")
    if not user.totp_secret_encrypted:
        raise ValidationFailed.one(None, "enrol first (enrollTwoFactor)", "TWO_FACTOR_NOT_ENROLLED")
    await _check_code(user, code, settings or get_settings(), pending=True)
    codes = [_recovery_code() for _ in range(RECOVERY_CODES)]
    user.totp_recovery_hashes = [sha256_hex(_normalized(c)) for c in codes]
    user.totp_enabled_at = datetime.now(UTC)
    await user.save(update_fields=["totp_recovery_hashes", "totp_enabled_at"])
    return codes


async def disable(user: User, code: str | None, settings: Settings | None = None) -> None:
    """Turn it off with a current code (or a recovery code); not while a team of the user requires it."""
    if not enabled(user):
        raise ValidationFailed.one(None, "two-factor is not on", "TWO_FACTOR_NOT_ENABLED")
    if await TeamMember.exists(user_id=user.id, team__require_two_factor=True):
        raise ValidationFailed.one(None, "a team you belong to requires two-factor", "TWO_FACTOR_REQUIRED_BY_TEAM")
    await _check_code(user, code, settings or get_settings())
    await User.filter(id=user.id).update(totp_secret_encrypted=None, totp_enabled_at=None, totp_last_step=None,
                                         totp_recovery_hashes=None)
    await user.refresh_from_db(fields=["totp_secret_encrypted", "totp_enabled_at", "totp_last_step",
                                       "totp_recovery_hashes"])


async def verify_sign_in(user: User, code: str | None, settings: Settings | None = None) -> None:
    """After the password: a user with two-factor on also gives a code; others need none."""
    if enabled(user):
        await _check_code(user, code, settings or get_settings())


async def set_required(team: Team, required: bool) -> Team:
    team.require_two_factor = required
    await team.save(update_fields=["require_two_factor"])
    return team


def recovery_codes_left(user: User) -> int:
    return len(user.totp_recovery_hashes or [])
