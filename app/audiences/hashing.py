"""Normalise then SHA-256 (lowercase hex) contact identifiers, by each platform's own rules."""

from __future__ import annotations

import hashlib
import re

from app.core.phones import to_e164

_WHITESPACE = re.compile(r"\s+")
_GMAIL_DOMAINS = frozenset({"gmail.com", "googlemail.com"})


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _hashed(value: str | None) -> str:
    return sha256_hex(value) if value else ""


# Meta (Customer File Custom Audiences) ---------------------------------------------------------

def meta_email(raw: str | None) -> str | None:
    value = (raw or "").strip().lower()
    return value or None


def meta_phone(raw: str | None, country: str | None = None) -> str | None:
    """E.164 digits without the '+' ("447700900123"), read in the contact's country.

    A number that cannot be resolved to a country is left out: a national number hashed without
    its country code matches nobody.
    """
    e164 = to_e164(raw, country)
    return e164[1:] if e164 else None


def meta_name(raw: str | None) -> str | None:
    value = "".join(ch for ch in (raw or "").lower() if ch.isalpha())
    return value or None


def meta_country(raw: str | None) -> str | None:
    value = (raw or "").strip().lower()
    return value if len(value) == 2 and value.isalpha() else None


META_SCHEMA = ["EMAIL", "PHONE", "FN", "LN", "COUNTRY"]


def meta_row(email: str | None, phone: str | None, first_name: str | None, last_name: str | None,
             country: str | None) -> list[str]:
    """One `usersreplace` data row in META_SCHEMA order; unknown keys are left blank."""
    return [_hashed(meta_email(email)), _hashed(meta_phone(phone, country)), _hashed(meta_name(first_name)),
            _hashed(meta_name(last_name)), _hashed(meta_country(country))]


# Google (Data Manager API) -----------------------------------------------------------------------

def google_email(raw: str | None) -> str | None:
    """Whitespace removed, lowercased; for gmail.com/googlemail.com the dots before '@' go too."""
    value = _WHITESPACE.sub("", raw or "").lower()
    if not value:
        return None
    local, at, domain = value.rpartition("@")
    if at and domain in _GMAIL_DOMAINS:
        value = f"{local.replace('.', '')}@{domain}"
    return value


def google_phone(raw: str | None, country: str | None = None) -> str | None:
    """E.164 with its '+' ("+447700900123"), read in the contact's country."""
    return to_e164(raw, country)


def google_identifiers(email: str | None, phone: str | None, country: str | None = None) -> list[dict[str, str]]:
    identifiers = []
    if normalised := google_email(email):
        identifiers.append({"emailAddress": sha256_hex(normalised)})
    if normalised := google_phone(phone, country):
        identifiers.append({"phoneNumber": sha256_hex(normalised)})
    return identifiers
