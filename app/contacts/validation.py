"""Validation and normalisation of contact fields and typed custom property values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.contacts.models import CustomPropertyDefinition, LifecycleStage, PropertyType
from app.core.errors import FieldError
from app.core.phones import to_e164
from app.teams.service import EMAIL_RE

PHONE_RE = re.compile(r"^\+?[0-9]{7,15}$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
CONSENT_VALUES = frozenset({"granted", "denied"})
KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
MAX_TAGS = 100
MAX_TAG_LENGTH = 64
MAX_STRING_PROPERTY = 2000
MAX_NAME = 200
# Imported history: nothing before 1900, nothing more than a day ahead (clock skew across zones).
EARLIEST_TIMESTAMP = datetime(1900, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(days=1)


@dataclass
class ContactRow:
    """A validated contact: None means 'leave unchanged' on update."""

    email: str
    first_name: str | None = None
    last_name: str | None = None
    phone: str | None = None
    country: str | None = None
    lifecycle_stage: str | None = None
    ad_user_data_consent: str | None = None
    ad_personalization_consent: str | None = None
    tags: list[str] | None = None
    custom: dict[str, Any] | None = None
    created_at: datetime | None = None


def team_zone(name: str | None) -> tzinfo:
    """A team's time zone (UTC when unset or unknown)."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def parse_timestamp(value: Any, field: str, label: str, errors: list[FieldError], tz: tzinfo = UTC) -> datetime | None:
    """An ISO-8601 date or datetime from text or a datetime, within 1900 .. tomorrow; a date is
    midnight and a datetime without an offset is local time, both in `tz` (the team's zone, as
    dates in segment rules are). Imports use it for `createdAt` and `placedAt`."""
    if isinstance(value, str):
        text = value.strip()
        try:
            # A bare date is midnight; "Z" and offsets are read by fromisoformat (3.11).
            parsed = datetime.fromisoformat(text) if text else None
        except ValueError:
            parsed = None
        if parsed is None:
            shown = text if len(text) <= 40 else text[:40] + "…"
            errors.append(FieldError(field, f"{label} '{shown}' is not an ISO-8601 date or datetime"
                                     " (2024-03-01 or 2024-03-01T09:30:00Z)", "INVALID_DATE"))
            return None
        value = parsed
    elif isinstance(value, date) and not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    if not isinstance(value, datetime):
        errors.append(FieldError(field, f"{label} must be an ISO-8601 date or datetime", "INVALID_DATE"))
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=tz)
    if value < EARLIEST_TIMESTAMP or value > datetime.now(UTC) + FUTURE_SLACK:
        errors.append(FieldError(field, f"{label} {value.date().isoformat()} is before 1900 or in the future",
                                 "OUT_OF_RANGE"))
        return None
    return value.astimezone(UTC)


def normalize_tags(tags: list[str], field: str, errors: list[FieldError]) -> list[str]:
    cleaned: list[str] = []
    for tag in tags:
        if not isinstance(tag, str):
            errors.append(FieldError(field, "tags must be strings", "INVALID_TAG"))
            continue
        tag = tag.strip().lower()
        if not tag:
            continue
        if len(tag) > MAX_TAG_LENGTH:
            errors.append(FieldError(field, f"tag '{tag[:20]}…' is longer than {MAX_TAG_LENGTH}", "INVALID_TAG"))
            continue
        if tag not in cleaned:
            cleaned.append(tag)
    if len(cleaned) > MAX_TAGS:
        errors.append(FieldError(field, f"at most {MAX_TAGS} tags", "TOO_MANY_TAGS"))
    return cleaned


def coerce_property(
    definition: CustomPropertyDefinition, value: Any, field: str, errors: list[FieldError], from_text: bool = False
) -> Any:
    """Check a value against its definition's type; text from CSV is parsed first."""
    if value is None:
        return None
    kind = definition.type
    wrong = FieldError(field, f"custom property '{definition.key}' expects a {kind.value}", "INVALID_PROPERTY_TYPE")
    if kind == PropertyType.STRING:
        if not isinstance(value, str):
            errors.append(wrong)
            return None
        if len(value) > MAX_STRING_PROPERTY:
            errors.append(FieldError(field, f"'{definition.key}' is longer than {MAX_STRING_PROPERTY}", "TOO_LONG"))
        return value
    if kind == PropertyType.NUMBER:
        if from_text and isinstance(value, str):
            try:
                value = float(value) if any(c in value for c in ".eE") else int(value)
            except ValueError:
                errors.append(wrong)
                return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            errors.append(wrong)
            return None
        if value != value or value in (float("inf"), float("-inf")):
            errors.append(wrong)
            return None
        return value
    if kind == PropertyType.BOOLEAN:
        if from_text and isinstance(value, str):
            lowered = value.strip().lower()
            if lowered in {"true", "yes", "1"}:
                return True
            if lowered in {"false", "no", "0"}:
                return False
        if not isinstance(value, bool):
            errors.append(wrong)
            return None
        return value
    if kind == PropertyType.DATE:
        if not isinstance(value, str):
            errors.append(wrong)
            return None
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            errors.append(FieldError(field, f"'{definition.key}' expects a date (YYYY-MM-DD)", "INVALID_PROPERTY_TYPE"))
            return None
    if kind == PropertyType.ENUM:
        if not isinstance(value, str) or value not in (definition.options or []):
            options = ", ".join(definition.options or [])
            errors.append(FieldError(field, f"'{definition.key}' must be one of: {options}", "INVALID_PROPERTY_VALUE"))
            return None
        return value
    errors.append(wrong)
    return None


def validate_contact(
    raw: dict[str, Any],
    definitions: dict[str, CustomPropertyDefinition],
    prefix: str,
    from_text: bool = False,
    tz: tzinfo = UTC,
) -> tuple[ContactRow | None, list[FieldError]]:
    """Validate one contact; returns the normalised row or the errors (never both)."""
    errors: list[FieldError] = []

    def path(name: str) -> str:
        return f"{prefix}.{name}" if prefix else name

    email_raw = raw.get("email")
    email = (email_raw or "").strip().lower()
    if not email or len(email) > 320 or not EMAIL_RE.match(email):
        errors.append(FieldError(path("email"), f"'{email_raw}' is not a valid email address", "INVALID_EMAIL"))
    row = ContactRow(email=email)
    for name, attr in (("firstName", "first_name"), ("lastName", "last_name")):
        value = raw.get(name)
        if value is not None:
            value = value.strip()
            if len(value) > MAX_NAME:
                errors.append(FieldError(path(name), f"{name} is longer than {MAX_NAME}", "TOO_LONG"))
            setattr(row, attr, value or None)
    country = raw.get("country")
    if country:
        country = country.strip().upper()
        if not COUNTRY_RE.match(country):
            message = f"'{country}' is not an ISO 3166 alpha-2 code"
            errors.append(FieldError(path("country"), message, "INVALID_COUNTRY"))
        row.country = country
    phone = raw.get("phone")
    if phone:
        compact = re.sub(r"[\s().-]", "", phone)
        if not PHONE_RE.match(compact):
            errors.append(FieldError(path("phone"), f"'{phone}' is not a valid phone number", "INVALID_PHONE"))
        # E.164 when the number (or this row's country) says which country it is in; a national
        # number without a country stays as written and is resolved with the contact's country later.
        row.phone = to_e164(compact, row.country) or compact
    stage = raw.get("lifecycleStage")
    if stage:
        stage = str(stage).strip().lower()
        if stage not in {s.value for s in LifecycleStage}:
            message = f"unknown lifecycle stage '{stage}'"
            errors.append(FieldError(path("lifecycleStage"), message, "INVALID_LIFECYCLE_STAGE"))
        row.lifecycle_stage = stage
    for name, attr in (("adUserDataConsent", "ad_user_data_consent"),
                       ("adPersonalizationConsent", "ad_personalization_consent")):
        consent = raw.get(name)
        if consent is not None and str(consent).strip():
            value = str(consent).strip().lower()
            if value not in CONSENT_VALUES:
                errors.append(FieldError(path(name), f"{name} must be granted or denied", "INVALID_CONSENT"))
            setattr(row, attr, value)
    created_at = raw.get("createdAt")
    if created_at is not None:
        row.created_at = parse_timestamp(created_at, path("createdAt"), "createdAt", errors, tz)
    tags = raw.get("tags")
    if tags is not None:
        if not isinstance(tags, list):
            errors.append(FieldError(path("tags"), "tags must be a list of strings", "INVALID_TAG"))
        else:
            row.tags = normalize_tags(tags, path("tags"), errors)
    custom = raw.get("customProperties")
    if custom is not None:
        if not isinstance(custom, dict):
            message = "customProperties must be an object"
            errors.append(FieldError(path("customProperties"), message, "INVALID_PROPERTY_TYPE"))
        else:
            row.custom = {}
            for key, value in custom.items():
                field = path(f"customProperties.{key}")
                definition = definitions.get(key)
                if definition is None:
                    errors.append(FieldError(field, f"unknown custom property '{key}'", "UNKNOWN_PROPERTY"))
                    continue
                row.custom[key] = coerce_property(definition, value, field, errors, from_text=from_text)
    if errors:
        return None, errors
    return row, []
