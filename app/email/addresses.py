"""Email addresses, checked with email-validator: syntax and normalisation, never the network.

`check_deliverability=False`: no DNS lookups at validation time (they are slow, fail offline and
say little: a domain with MX records can still refuse). Internationalised addresses are accepted;
the domain is normalised (IDNA, lower case) and so is the local part's case for matching
suppressions, which store addresses lower-cased.
"""

from __future__ import annotations

from functools import lru_cache

from email_validator import EmailNotValidError, validate_email

MAX_LENGTH = 320


class InvalidAddress(ValueError):
    pass


# Small: a campaign sees each address once (every lookup a miss), and at 65,536 entries the cache
# alone grew a 100k-recipient send by 17 MB of resident memory (bench/campaign_send.py).
@lru_cache(maxsize=4096)
def normalise(address: str) -> str:
    """The normalised address, or InvalidAddress with the validator's reason."""
    value = (address or "").strip()
    if not value or len(value) > MAX_LENGTH:
        raise InvalidAddress("an email address of at most 320 characters is required")
    try:
        return validate_email(value, check_deliverability=False, allow_smtputf8=True).normalized
    except EmailNotValidError as exc:
        raise InvalidAddress(str(exc)) from exc


def normalise_or_none(address: str | None) -> str | None:
    try:
        return normalise(address or "")
    except InvalidAddress:
        return None
