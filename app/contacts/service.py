"""Contacts: bulk upsert (one merge for GraphQL and CSV), custom property definitions, queries."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import asyncpg
from tortoise.expressions import Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from app.contacts.models import CustomPropertyDefinition, PropertyType, TeamContact
from app.contacts.validation import KEY_RE, ContactRow, team_zone, validate_contact
from app.core.errors import FieldError, ValidationFailed
from app.core.evaluation import ALL_FIELDS, request_evaluation, start_backfill, wake_evaluator
from app.teams.models import Team

MAX_UPSERT_BATCH = 1000
MAX_ENUM_OPTIONS = 200

STAGING_DDL = """
CREATE TEMP TABLE contact_staging (
    email text NOT NULL PRIMARY KEY,
    first_name text, last_name text, phone text, country text, lifecycle_stage text,
    tags text[], custom jsonb, created_at timestamptz, ad_user_data_consent text, ad_personalization_consent text
) ON COMMIT DROP
"""
STAGING_COLUMNS = ["email", "first_name", "last_name", "phone", "country", "lifecycle_stage", "tags", "custom",
                   "created_at", "ad_user_data_consent", "ad_personalization_consent"]

# Updates first, then inserts, so a row is counted once. NULL staging values leave fields as
# they are; custom properties merge key by key and a JSON null removes a key.
MERGE_SQL = [
    """
    INSERT INTO contacts (email, created_at)
    SELECT s.email, now() FROM contact_staging s
    ON CONFLICT (email) DO NOTHING
    """,
    """
    WITH updated AS (
        UPDATE team_contacts t SET
            first_name = COALESCE(s.first_name, t.first_name),
            last_name = COALESCE(s.last_name, t.last_name),
            phone = COALESCE(s.phone, t.phone),
            country = COALESCE(s.country, t.country),
            lifecycle_stage = COALESCE(s.lifecycle_stage, t.lifecycle_stage),
            ad_user_data_consent = COALESCE(s.ad_user_data_consent, t.ad_user_data_consent),
            ad_personalization_consent = COALESCE(s.ad_personalization_consent, t.ad_personalization_consent),
            ad_consent_changed_at = CASE
                WHEN COALESCE(s.ad_user_data_consent, t.ad_user_data_consent) IS DISTINCT FROM t.ad_user_data_consent
                  OR COALESCE(s.ad_personalization_consent, t.ad_personalization_consent)
                     IS DISTINCT FROM t.ad_personalization_consent
                  OR COALESCE(s.country, t.country) IS DISTINCT FROM t.country
                THEN now() ELSE t.ad_consent_changed_at END,
            tags = COALESCE(s.tags, t.tags),
            custom = jsonb_strip_nulls(t.custom || COALESCE(s.custom, '{}'::jsonb)),
            created_at = COALESCE(s.created_at, t.created_at),
            updated_at = now()
        FROM contact_staging s
        WHERE t.team_id = $1 AND t.email = s.email
        RETURNING t.id
    ) SELECT count(*) FROM updated
    """,
    """
    WITH inserted AS (
        INSERT INTO team_contacts (team_id, contact_id, email, first_name, last_name, phone, country,
                                   lifecycle_stage, tags, custom, created_at, updated_at,
                                   ad_user_data_consent, ad_personalization_consent)
        SELECT $1, c.id, s.email, s.first_name, s.last_name, s.phone, s.country,
               COALESCE(s.lifecycle_stage, 'subscriber'), COALESCE(s.tags, '{}'),
               jsonb_strip_nulls(COALESCE(s.custom, '{}'::jsonb)), COALESCE(s.created_at, now()), now(),
               s.ad_user_data_consent, s.ad_personalization_consent
        FROM contact_staging s JOIN contacts c ON c.email = s.email
        WHERE NOT EXISTS (SELECT 1 FROM team_contacts t WHERE t.team_id = $1 AND t.email = s.email)
        RETURNING id
    ) SELECT count(*) FROM inserted
    """,
]


@dataclass
class MergeResult:
    created: int
    updated: int


def staging_record(row: ContactRow) -> tuple[Any, ...]:
    return (
        row.email, row.first_name, row.last_name, row.phone, row.country, row.lifecycle_stage,
        row.tags, json.dumps(row.custom) if row.custom is not None else None, row.created_at,
        row.ad_user_data_consent, row.ad_personalization_consent,
    )


async def prepare_staging(conn: asyncpg.Connection) -> None:
    await conn.execute(STAGING_DDL)


async def _lock_team_contacts(conn: asyncpg.Connection, team_id: int) -> None:
    # One writer per team at a time: two concurrent imports of one new email cannot both insert.
    await conn.execute("SELECT pg_advisory_xact_lock(hashtext('team_contacts'), $1::int)", team_id % 2**31)


async def merge_staging(conn: asyncpg.Connection, team_id: int, *, bulk: bool = False) -> MergeResult:
    """Merge `contact_staging` into the team's contacts. Call inside the caller's transaction.

    `bulk` (an import): the team's segments show as catching up until the queue has drained."""
    await _lock_team_contacts(conn, team_id)
    # Temp tables have no statistics; without them the planner picks nested loops at 100k rows.
    await conn.execute("ANALYZE contact_staging")
    await conn.execute(MERGE_SQL[0])
    updated = await conn.fetchval(MERGE_SQL[1], team_id)
    created = await conn.fetchval(MERGE_SQL[2], team_id)
    touched = [r["id"] for r in await conn.fetch(
        "SELECT t.id FROM team_contacts t JOIN contact_staging s ON s.email = t.email WHERE t.team_id = $1", team_id
    )]
    # Contact fields feed segments: every touched contact is re-evaluated after commit.
    await request_evaluation(conn, team_id, touched, fields=[ALL_FIELDS], cause="contact_update")
    if bulk and touched:
        await start_backfill(conn, team_id, source="import", total=len(touched))
    return MergeResult(created=created, updated=updated)


_ENSURE_CONTACT_SQL = """
WITH person AS (
    INSERT INTO contacts (email, created_at) VALUES ($2, now())
    ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email
    RETURNING id
)
INSERT INTO team_contacts (team_id, contact_id, email, lifecycle_stage, tags, custom, created_at, updated_at)
SELECT $1, person.id, $2, 'subscriber', '{}', '{}'::jsonb, now(), now() FROM person
ON CONFLICT (team_id, email) DO NOTHING
RETURNING id
"""


async def ensure_contact(conn: asyncpg.Connection, team_id: int, email: str) -> int:
    """Inside the caller's transaction: the team's contact for this email, created when new (a new
    contact is queued for evaluation; the caller wakes the evaluator after commit)."""
    email = email.strip().lower()
    created = await conn.fetchval(_ENSURE_CONTACT_SQL, team_id, email)
    if created is not None:
        await request_evaluation(conn, team_id, [created], fields=[ALL_FIELDS], cause="contact_update")
        return int(created)
    return int(await conn.fetchval("SELECT id FROM team_contacts WHERE team_id = $1 AND email = $2", team_id, email))


async def ensure_contacts(conn: asyncpg.Connection, team_id: int, emails: list[str],
                          joined_at: list[datetime]) -> int:
    """Inside the caller's transaction (a bulk import of what contacts did, e.g. orders): create the
    team's contacts for these normalised, distinct emails that it lacks, joined at `joined_at` (their
    history starts there); existing contacts are left as they are. New contacts are queued for
    evaluation (the caller wakes the evaluator after commit). Returns how many were created."""
    await _lock_team_contacts(conn, team_id)
    await conn.execute(
        "INSERT INTO contacts (email, created_at) SELECT e, now() FROM unnest($1::text[]) AS e"
        " ORDER BY e ON CONFLICT (email) DO NOTHING", emails,
    )
    created = [r["id"] for r in await conn.fetch(
        """
        INSERT INTO team_contacts (team_id, contact_id, email, lifecycle_stage, tags, custom, created_at, updated_at)
        SELECT $1, c.id, x.email, 'subscriber', '{}', '{}'::jsonb, x.joined, now()
          FROM unnest($2::text[], $3::timestamptz[]) AS x(email, joined) JOIN contacts c ON c.email = x.email
        ON CONFLICT (team_id, email) DO NOTHING
        RETURNING id
        """, team_id, emails, joined_at,
    )]
    await request_evaluation(conn, team_id, created, fields=[ALL_FIELDS], cause="contact_update")
    return len(created)


async def add_tags(conn: asyncpg.Connection, team_id: int, contact_id: int, tags: list[str], *,
                   cause: str = "contact_update") -> bool:
    """Inside the caller's transaction: add tags the contact does not have yet. Returns whether any
    was added (then `tags` rules are queued for it; the caller wakes the evaluator after commit)."""
    wanted = list(dict.fromkeys(t.strip().lower() for t in tags if t.strip()))
    changed = await conn.fetchval(
        "UPDATE team_contacts SET tags = tags || ARRAY(SELECT t FROM unnest($1::text[]) WITH ORDINALITY AS x(t, n)"
        " WHERE NOT t = ANY(tags) ORDER BY n), updated_at = now()"
        " WHERE id = $2 AND team_id = $3 AND NOT (tags @> $1::text[]) RETURNING id",
        wanted, contact_id, team_id,
    ) if wanted else None
    if changed is not None:
        await request_evaluation(conn, team_id, [contact_id], fields=["tags"], cause=cause)
    return changed is not None


async def property_definitions(team_id: int) -> dict[str, CustomPropertyDefinition]:
    return {d.key: d for d in await CustomPropertyDefinition.filter(team_id=team_id)}


async def upsert_contacts(team: Team, contacts: list[dict[str, Any]]) -> tuple[list[TeamContact], MergeResult]:
    """Create or update up to 1,000 contacts by email, all or nothing."""
    if len(contacts) > MAX_UPSERT_BATCH:
        raise ValidationFailed.one(
            "contacts", f"at most {MAX_UPSERT_BATCH} contacts per call (got {len(contacts)})", "BATCH_TOO_LARGE"
        )
    if not contacts:
        raise ValidationFailed.one("contacts", "no contacts given", "REQUIRED")
    definitions = await property_definitions(team.id)
    errors: list[FieldError] = []
    rows: list[ContactRow] = []
    seen: dict[str, int] = {}
    tz = team_zone(team.time_zone)
    for index, raw in enumerate(contacts):
        row, row_errors = validate_contact(raw, definitions, f"contacts.{index}", tz=tz)
        errors.extend(row_errors)
        if row is None:
            continue
        if row.email in seen:
            errors.append(FieldError(
                f"contacts.{index}.email",
                f"'{row.email}' appears twice in this batch (first at contacts.{seen[row.email]})",
                "DUPLICATE_EMAIL",
            ))
            continue
        seen[row.email] = index
        rows.append(row)
    if errors:
        raise ValidationFailed(errors)
    async with in_transaction() as tx, tx.acquire_connection() as conn:
        await prepare_staging(conn)
        await conn.copy_records_to_table(
            "contact_staging", records=[staging_record(r) for r in rows], columns=STAGING_COLUMNS
        )
        result = await merge_staging(conn, team.id)
    await wake_evaluator(team.id)
    by_email = {c.email: c for c in await TeamContact.filter(team_id=team.id, email__in=list(seen))}
    return [by_email[email] for email in seen], result


async def define_custom_property(
    team: Team, key: str, label: str | None, type: str, options: list[str] | None, description: str
) -> CustomPropertyDefinition:
    errors: list[FieldError] = []
    key = key.strip()
    if not KEY_RE.match(key):
        errors.append(FieldError(
            "key", "key must be lowercase letters, digits and _ (starting with a letter)", "INVALID_KEY"
        ))
    if type not in {t.value for t in PropertyType}:
        errors.append(FieldError("type", f"unknown type '{type}'", "INVALID_TYPE"))
    cleaned_options: list[str] = []
    if type == PropertyType.ENUM.value:
        cleaned_options = list(dict.fromkeys(o.strip() for o in (options or []) if o.strip()))
        if not cleaned_options:
            errors.append(FieldError("options", "an enum property needs at least one option", "REQUIRED"))
        if len(cleaned_options) > MAX_ENUM_OPTIONS:
            errors.append(FieldError("options", f"at most {MAX_ENUM_OPTIONS} options", "TOO_MANY_OPTIONS"))
    elif options:
        errors.append(FieldError("options", "options only apply to enum properties", "INVALID_OPTIONS"))
    if not errors and await CustomPropertyDefinition.exists(team_id=team.id, key=key):
        errors.append(FieldError("key", f"custom property '{key}' already exists", "DUPLICATE_KEY"))
    if errors:
        raise ValidationFailed(errors)
    return await CustomPropertyDefinition.create(
        team=team, key=key, label=(label or key.replace("_", " ").title()).strip(), type=type,
        options=cleaned_options, description=description.strip(),
    )


@dataclass
class ContactFilterArgs:
    search: str | None = None
    emails: list[str] | None = None
    lifecycle_stages: list[str] | None = None
    tags_any: list[str] | None = None
    tags_all: list[str] | None = None
    country: str | None = None
    hub_id: int | None = None
    created_after: Any = None
    created_before: Any = None


def filter_contacts(team_id: int, args: ContactFilterArgs) -> QuerySet[TeamContact]:
    queryset = TeamContact.filter(team_id=team_id)
    if args.search:
        term = args.search.strip()
        queryset = queryset.filter(
            Q(email__icontains=term) | Q(first_name__icontains=term) | Q(last_name__icontains=term)
        )
    if args.emails is not None:
        queryset = queryset.filter(email__in=[e.strip().lower() for e in args.emails])
    if args.lifecycle_stages:
        queryset = queryset.filter(lifecycle_stage__in=args.lifecycle_stages)
    if args.tags_any:
        queryset = queryset.filter(tags__overlap=[t.strip().lower() for t in args.tags_any])
    if args.tags_all:
        queryset = queryset.filter(tags__contains=[t.strip().lower() for t in args.tags_all])
    if args.country:
        queryset = queryset.filter(country=args.country.strip().upper())
    if args.hub_id is not None:
        queryset = queryset.filter(hub_memberships__hub_id=args.hub_id)
    if args.created_after is not None:
        queryset = queryset.filter(created_at__gte=args.created_after)
    if args.created_before is not None:
        queryset = queryset.filter(created_at__lt=args.created_before)
    return queryset


def csv_header_to_field(header: str) -> str | None:
    """Map CSV headers (first_name, First Name, firstName, custom.plan) to input field names."""
    text = header.strip()
    if text.lower().startswith("custom."):
        return "custom." + text[7:].strip()
    compact = re.sub(r"[\s_-]", "", text).lower()
    return {
        "email": "email", "firstname": "firstName", "lastname": "lastName", "phone": "phone",
        "country": "country", "lifecyclestage": "lifecycleStage", "stage": "lifecycleStage",
        "tags": "tags", "createdat": "createdAt", "joinedat": "createdAt", "joined": "createdAt",
        "aduserdataconsent": "adUserDataConsent", "aduserdata": "adUserDataConsent",
        "adpersonalizationconsent": "adPersonalizationConsent", "adpersonalization": "adPersonalizationConsent",
    }.get(compact)
