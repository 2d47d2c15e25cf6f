"""CSV import: rows are validated while streaming, COPYed into a staging table, then merged.

The merge is the same SQL as the GraphQL bulk upsert, so both paths behave alike.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg

from app.contacts.models import CustomPropertyDefinition, PropertyType
from app.contacts.service import (
    STAGING_COLUMNS,
    csv_header_to_field,
    merge_staging,
    prepare_staging,
    staging_record,
)
from app.contacts.validation import team_zone, validate_contact
from app.core.evaluation import wake_evaluator
from app.core.inputs import text_problem
from app.db import connection_params

MAX_REPORTED_REJECTIONS = 1000
TAG_SPLIT_RE = re.compile(r"[;,|]")


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    rejected: int = 0
    rejections: list[tuple[int, str]] = field(default_factory=list)

    def reject(self, line: int, reason: str) -> None:
        self.rejected += 1
        if len(self.rejections) < MAX_REPORTED_REJECTIONS:
            self.rejections.append((line, reason))

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows, "imported": self.created, "updated": self.updated, "rejected": self.rejected,
            "rejections": [{"line": line, "reason": reason} for line, reason in self.rejections],
        }


class CsvFormatError(ValueError):
    pass


def _header_map(headers: list[str]) -> list[str | None]:
    mapped = [csv_header_to_field(h) for h in headers]
    if "email" not in mapped:
        raise CsvFormatError("the CSV needs an 'email' column")
    return mapped


def _row_to_raw(fields: list[str | None], values: list[str]) -> dict[str, Any]:
    raw: dict[str, Any] = {}
    custom: dict[str, Any] = {}
    for name, value in zip(fields, values, strict=False):
        if name is None or value is None:
            continue
        value = value.strip()
        if value == "":
            continue  # an empty cell leaves the field as it is
        if name.startswith("custom."):
            custom[name[7:]] = value
        elif name == "tags":
            raw["tags"] = [t for t in TAG_SPLIT_RE.split(value) if t.strip()]
        else:
            raw[name] = value
    if custom:
        raw["customProperties"] = custom
    return raw


async def _definitions(conn: asyncpg.Connection, team_id: int) -> dict[str, CustomPropertyDefinition]:
    rows = await conn.fetch(
        "SELECT key, type, options FROM custom_property_definitions WHERE team_id = $1", team_id
    )
    import json

    return {
        r["key"]: CustomPropertyDefinition(
            key=r["key"], type=PropertyType(r["type"]), options=json.loads(r["options"]) if r["options"] else []
        )
        for r in rows
    }


def csv_lines(path: Path, on_bytes: Callable[[int], None] | None) -> Iterator[str]:
    # surrogateescape: a byte that is not UTF-8 becomes a lone surrogate in its cell, so that row
    # alone is rejected (`_cell_problem`) instead of the decoder aborting the whole import.
    with path.open("rb") as handle:
        for chunk in io.TextIOWrapper(handle, encoding="utf-8-sig", errors="surrogateescape", newline=""):
            if on_bytes is not None:
                on_bytes(len(chunk.encode(errors="surrogateescape")))
            yield chunk


def _cell_problem(headers: list[str], values: list[str]) -> str | None:
    """Why a row's cell cannot be stored as text (a NUL, bytes that are not UTF-8), or None."""
    for header, value in zip(headers, values, strict=False):
        problem = text_problem(value)
        if problem is not None:
            reason = "is not valid UTF-8" if "surrogate" in problem else problem
            return f"column '{header.encode(errors='replace').decode()}' {reason}"
    return None


async def import_contacts_csv(
    database_url: str, team_id: int, path: Path, on_bytes: Callable[[int], None] | None = None
) -> ImportReport:
    """Import a CSV of contacts into a team. Bad rows are rejected with reasons; good rows land."""
    params = connection_params(database_url)
    params.pop("options")
    conn = await asyncpg.connect(**params)
    report = ImportReport()
    try:
        zone_name = await conn.fetchval("SELECT time_zone FROM teams WHERE id = $1", team_id)
        if zone_name is None:
            raise CsvFormatError(f"team {team_id} does not exist")
        tz = team_zone(zone_name)
        definitions = await _definitions(conn, team_id)
        reader = csv.reader(csv_lines(path, on_bytes))
        try:
            headers = next(reader)
        except StopIteration as exc:
            raise CsvFormatError("the CSV is empty") from exc
        fields = _header_map(headers)
        seen: dict[str, int] = {}

        async def records() -> AsyncIterator[tuple[Any, ...]]:
            try:
                for values in reader:
                    line = reader.line_num
                    if not any(v.strip() for v in values):
                        continue
                    report.rows += 1
                    if len(values) != len(headers):
                        report.reject(line, f"expected {len(headers)} columns, found {len(values)}")
                        continue
                    if (problem := _cell_problem(headers, values)) is not None:
                        report.reject(line, problem)
                        continue
                    row, errors = validate_contact(_row_to_raw(fields, values), definitions, "", from_text=True, tz=tz)
                    if row is None:
                        report.reject(line, "; ".join(e.message for e in errors))
                        continue
                    if row.email in seen:
                        report.reject(line, f"duplicate email {row.email} (first on line {seen[row.email]})")
                        continue
                    seen[row.email] = line
                    yield staging_record(row)
            except csv.Error as exc:
                report.reject(reader.line_num, f"malformed CSV: {exc}")

        async with conn.transaction():
            await prepare_staging(conn)
            await conn.copy_records_to_table("contact_staging", records=records(), columns=STAGING_COLUMNS)
            result = await merge_staging(conn, team_id, bulk=True)
        report.created, report.updated = result.created, result.updated
        await wake_evaluator(team_id)
    finally:
        await conn.close()
    return report
