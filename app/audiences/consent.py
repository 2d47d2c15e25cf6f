"""Which contacts may go to an ad platform, and the consent Google is told for each.

Customer Match needs consent for people in the EEA, the UK and Switzerland: there a contact goes
only when it granted ad-user-data consent. Anywhere, a contact that denied it never goes. The
country is the contact's own, else the country of its phone number; unknown counts as outside.
"""

from __future__ import annotations

from typing import Any

from app.core.phones import region_of, to_e164

EEA = frozenset({
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
    "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
})
CONSENT_REQUIRED = EEA | {"GB", "CH"}
_GOOGLE_STATUS = {"granted": "CONSENT_GRANTED", "denied": "CONSENT_DENIED"}


def contact_region(row: dict[str, Any]) -> str | None:
    country = (row.get("country") or "").strip().upper()
    return country or region_of(to_e164(row.get("phone"), None))


def may_upload(row: dict[str, Any]) -> bool:
    user_data = row.get("ad_user_data_consent")
    if user_data == "denied":
        return False
    if contact_region(row) in CONSENT_REQUIRED:
        return user_data == "granted"
    return True


def google_consent(row: dict[str, Any]) -> dict[str, str] | None:
    """The member's own consent block; None (unspecified) when the contact was never asked."""
    consent = {}
    for key, column in (("adUserData", "ad_user_data_consent"), ("adPersonalization", "ad_personalization_consent")):
        status = _GOOGLE_STATUS.get(row.get(column) or "")
        if status:
            consent[key] = status
    return consent or None
