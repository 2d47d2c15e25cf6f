"""Order history import: a merchant moving from another platform brings its past orders.

Both paths, `importOrders` (GraphQL batches) and `memberhub import-orders` (CSV), validate each
order on its own (a bad order is rejected with its reasons, the others land), COPY the good ones
into a staging table and merge it set-based in one transaction:

- idempotent by the order's external id: `(team_id, external_id)` is unique; a re-imported order
  is updated when anything differs (its items are replaced) and left alone otherwise;
- an unknown contact email creates the contact (joined at the first imported order: the earliest
  history known), as a purchase on the old platform means the person was a customer there;
- items name products by their external id (`Product.externalId`); an unknown one rejects the order;
- the order stats segments read (`orderCount`, `totalSpent`, ...) are recomputed for every
  contact touched, their order rules are queued, and the team's segments show as catching up.

Imported orders are history: they record no `purchase` event, grant no deliverables or
entitlements and make no payments (LTV and billing status come from Stripe payments).
"""

from __future__ import annotations

import csv
import re
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import Any

import asyncpg
from iso4217 import Currency
from tortoise.transactions import in_transaction

from app.commerce.models import OrderStatus
from app.commerce.segment_fields import ORDERS_TRIGGER
from app.contacts.importer import CsvFormatError, csv_lines  # CsvFormatError: the file as a whole cannot be imported
from app.contacts.service import ensure_contacts
from app.contacts.validation import parse_timestamp, team_zone
from app.core.errors import FieldError, ValidationFailed
from app.db import connection_params
from app.segments import stats
from app.segments.pipeline.queue import request_evaluation, start_backfill, wake_evaluator
from app.teams.service import EMAIL_RE

_QUANTITY = re.compile(r"[0-9]{1,9}")
MAX_IMPORT_BATCH = 1000
MAX_ITEMS = 100
MAX_QUANTITY = 10_000
MAX_EXTERNAL_ID = 200
MAX_ORDER_AMOUNT = 10_000_000_000  # minor units: 100,000,000.00 in a two-decimal currency
MAX_REPORTED_REJECTIONS = 1000
BACKFILL_SOURCE = "order_import"

# ISO 4217 codes with a minor unit; amounts in minor units follow Stripe (JPY has none, KWD three).
CURRENCY_EXPONENTS = {c.code.lower(): c.exponent for c in Currency if c.exponent is not None}
AMOUNT_RE = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
BAD_TEXT_RE = re.compile("[\x00\ud800-\udfff]")  # NUL (PostgreSQL text cannot hold it), undecodable bytes

REQUIRED_COLUMNS = {"externalId": "external_id", "email": "email", "placedAt": "placed_at", "currency": "currency",
                    "total": "total"}  # field: its CSV column
HEADER_ALIASES = {
    "externalid": "externalId", "orderid": "externalId", "externalorderid": "externalId",
    "email": "email", "contactemail": "email", "customeremail": "email",
    "placedat": "placedAt", "orderdate": "placedAt", "date": "placedAt",
    "currency": "currency", "total": "total", "totalamount": "total",
    "refunded": "refunded", "amountrefunded": "refunded", "refundedamount": "refunded",
    "items": "items", "lineitems": "items",
}


@dataclass
class OrderRow:
    """A validated order, amounts in minor units, items sorted (the order they are compared in)."""

    line: int
    external_id: str
    email: str
    placed_at: datetime
    currency: str
    total: int
    refunded: int
    items: list[tuple[int, int, int]]  # (product id, quantity, line amount)

    @property
    def status(self) -> str:
        if self.refunded and self.refunded >= self.total:
            return OrderStatus.REFUNDED.value
        return OrderStatus.PARTIALLY_REFUNDED.value if self.refunded else OrderStatus.PAID.value

    def record(self) -> tuple[Any, ...]:
        return (self.line, self.external_id, self.email, self.placed_at, self.currency, self.total, self.refunded,
                self.status, [i[0] for i in self.items], [i[1] for i in self.items], [i[2] for i in self.items])


@dataclass
class ImportResult:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    contacts_created: int = 0
    rejected: int = 0
    # (line or batch index, external id, errors); the first MAX_REPORTED_REJECTIONS are kept
    rejections: list[tuple[int, str | None, list[FieldError]]] = field(default_factory=list)

    def reject(self, line: int, external_id: str | None, errors: list[FieldError]) -> None:
        self.rejected += 1
        if len(self.rejections) < MAX_REPORTED_REJECTIONS:
            self.rejections.append((line, external_id, errors))

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows, "imported": self.created, "updated": self.updated, "unchanged": self.unchanged,
            "contacts_created": self.contacts_created, "rejected": self.rejected,
            "rejections": [{"line": line, "external_id": external_id, "reason": "; ".join(e.message for e in errors)}
                           for line, external_id, errors in sorted(self.rejections, key=lambda r: r[0])],
        }


# --- validation ----------------------------------------------------------------------------------


def _text(value: Any, name: str, path: str, errors: list[FieldError], max_length: int) -> str | None:
    if not isinstance(value, str) or not value.strip():
        errors.append(FieldError(path, f"{name} is required", "REQUIRED"))
        return None
    value = value.strip()
    if BAD_TEXT_RE.search(value):
        errors.append(FieldError(path, f"{name} contains a NUL byte or invalid UTF-8", "INVALID_TEXT"))
        return None
    if len(value) > max_length or not value.isprintable():
        errors.append(FieldError(path, f"{name} must be 1-{max_length} printable characters", "INVALID_VALUE"))
        return None
    return value


def _amount(value: Any, name: str, path: str, exponent: int | None, errors: list[FieldError]) -> int | None:
    """Text is major units ("49.99", CSV); an int is minor units (GraphQL). Returns minor units."""
    if isinstance(value, str):
        text = value.strip()
        if not AMOUNT_RE.match(text):
            shown = text if len(text) <= 20 else text[:20] + "…"
            errors.append(FieldError(path, f"{name} '{shown}' is not an amount like 49.99", "INVALID_AMOUNT"))
            return None
        if exponent is None:
            return None  # the currency is already reported
        if len(text.partition(".")[2]) > exponent:
            errors.append(FieldError(path, f"{name} {text} has more than {exponent} decimal places", "INVALID_AMOUNT"))
            return None
        number = Decimal(text)
        value = int(number.scaleb(exponent))
    if isinstance(value, bool) or not isinstance(value, int):
        errors.append(FieldError(path, f"{name} must be an amount", "INVALID_AMOUNT"))
        return None
    if value < 0:
        errors.append(FieldError(path, f"{name} must not be negative", "NEGATIVE_AMOUNT"))
        return None
    if value > MAX_ORDER_AMOUNT:
        errors.append(FieldError(path, f"{name} is larger than {MAX_ORDER_AMOUNT} minor units", "OUT_OF_RANGE"))
        return None
    return value


def validate_order(raw: dict[str, Any], products: dict[str, int], line: int, prefix: str = "",
                   tz: tzinfo = UTC) -> tuple[OrderRow | None, list[FieldError]]:
    """One order from a CSV row (text, major units) or a GraphQL input (minor units).

    `raw["items"]` is a list of (product external id, quantity, amount) with quantity/amount None
    for "one item worth the whole order"; `products` maps external ids to product ids."""
    errors: list[FieldError] = []

    def path(name: str) -> str:
        return f"{prefix}.{name}" if prefix else name

    external_id = _text(raw.get("externalId"), "externalId", path("externalId"), errors, MAX_EXTERNAL_ID)
    email = _text(raw.get("email"), "email", path("email"), errors, 320)
    if email is not None:
        email = email.lower()
        if not EMAIL_RE.match(email):
            errors.append(FieldError(path("email"), f"'{email}' is not a valid email address", "INVALID_EMAIL"))
    placed_at = None
    if raw.get("placedAt") in (None, ""):
        errors.append(FieldError(path("placedAt"), "placedAt is required", "REQUIRED"))
    else:
        placed_at = parse_timestamp(raw["placedAt"], path("placedAt"), "placedAt", errors, tz)
    currency = _text(raw.get("currency"), "currency", path("currency"), errors, 3)
    exponent = None
    if currency is not None:
        currency = currency.lower()
        exponent = CURRENCY_EXPONENTS.get(currency)
        if exponent is None:
            errors.append(FieldError(path("currency"), f"'{currency.upper()}' is not an ISO 4217 currency code",
                                     "INVALID_CURRENCY"))
    if raw.get("total") in (None, ""):
        errors.append(FieldError(path("total"), "total is required", "REQUIRED"))
        total = None
    else:
        total = _amount(raw["total"], "total", path("total"), exponent, errors)
    refunded = 0 if raw.get("refunded") in (None, "") else _amount(
        raw["refunded"], "refunded", path("refunded"), exponent, errors)
    if total is not None and refunded is not None and refunded > total:
        errors.append(FieldError(path("refunded"), "refunded is more than the order's total", "REFUND_EXCEEDS_TOTAL"))
    items: list[tuple[int, int, int]] = []
    raw_items = raw.get("items") or []
    if len(raw_items) > MAX_ITEMS:
        errors.append(FieldError(path("items"), f"at most {MAX_ITEMS} items per order", "TOO_MANY_ITEMS"))
        raw_items = []
    for index, (product_ref, quantity, amount) in enumerate(raw_items):
        item_path = path(f"items.{index}")
        product_ref = _text(product_ref, "product external id", f"{item_path}.productExternalId", errors,
                            MAX_EXTERNAL_ID)
        product_id = products.get(product_ref) if product_ref is not None else None
        if product_ref is not None and product_id is None:
            errors.append(FieldError(f"{item_path}.productExternalId", f"unknown product external id '{product_ref}'",
                                     "UNKNOWN_PRODUCT"))
        whole_order = quantity is None and amount is None and len(raw_items) == 1
        if whole_order:
            quantity, amount = 1, total  # one product, the whole order (None if the total is invalid)
        if isinstance(quantity, str):
            # ASCII digits only: '²'.isdigit() is true (and int() then fails), int('٣') is 3.
            quantity = int(quantity.strip()) if _QUANTITY.fullmatch(quantity.strip()) else -1
        if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity <= MAX_QUANTITY:
            errors.append(FieldError(f"{item_path}.quantity", f"quantity must be 1-{MAX_QUANTITY}", "INVALID_QUANTITY"))
            quantity = None
        if amount is None:
            if not whole_order:
                errors.append(FieldError(f"{item_path}.amount", "each item needs QUANTITY:AMOUNT when there are"
                                         " several", "REQUIRED"))
        else:
            amount = _amount(amount, "item amount", f"{item_path}.amount", exponent, errors)
        if product_id is not None and quantity is not None and amount is not None:
            items.append((product_id, quantity, amount))
    if errors or external_id is None or email is None or placed_at is None or currency is None \
            or total is None or refunded is None:
        return None, errors
    return OrderRow(line, external_id, email, placed_at, currency, total, refunded, sorted(items)), []


def parse_items(cell: str) -> list[tuple[str, str | None, str | None]]:
    """The CSV `items` cell: `EXTERNAL_ID:QUANTITY:AMOUNT` separated by `;` (amount = the line's
    total in major units). A lone `EXTERNAL_ID` is one unit worth the whole order. Product external
    ids may contain ':' (the last two fields are split off) but never ';'."""
    items: list[tuple[str, str | None, str | None]] = []
    for part in cell.split(";"):
        part = part.strip()
        if not part:
            continue
        pieces = part.rsplit(":", 2)
        if len(pieces) == 3:
            items.append((pieces[0].strip(), pieces[1].strip(), pieces[2].strip()))
        else:
            items.append((part, None, None))
    return items


async def product_ids_by_external_id(conn: Any, team_id: int) -> dict[str, int]:
    rows = await conn.fetch(
        "SELECT external_id, id FROM products WHERE team_id = $1 AND external_id IS NOT NULL", team_id
    )
    return {r["external_id"]: r["id"] for r in rows}


# --- the merge -----------------------------------------------------------------------------------

STAGING_DDL = """
CREATE TEMP TABLE order_import_staging (
    line int NOT NULL, external_id text NOT NULL, email text NOT NULL, placed_at timestamptz NOT NULL,
    currency text NOT NULL, total bigint NOT NULL, refunded bigint NOT NULL, status text NOT NULL,
    product_ids bigint[] NOT NULL, quantities int[] NOT NULL, amounts bigint[] NOT NULL
) ON COMMIT DROP
"""
STAGING_COLUMNS = ["line", "external_id", "email", "placed_at", "currency", "total", "refunded", "status",
                   "product_ids", "quantities", "amounts"]

# A later row with an external id seen earlier in the same import is rejected (the first one wins).
_DUPLICATES_SQL = """
DELETE FROM order_import_staging s
 USING (SELECT external_id, min(line) AS first FROM order_import_staging GROUP BY 1 HAVING count(*) > 1) d
 WHERE s.external_id = d.external_id AND s.line > d.first
RETURNING s.line, s.external_id, d.first
"""
# Each staged order beside the stored one of that external id, and what differs.
_PLAN_DDL = """
CREATE TEMP TABLE order_import_plan (
    LIKE order_import_staging, contact_id bigint NOT NULL, order_id bigint, old_contact_id bigint,
    is_new boolean NOT NULL, fields_changed boolean NOT NULL, items_changed boolean NOT NULL
) ON COMMIT DROP
"""
_PLAN_SQL = """
INSERT INTO order_import_plan
SELECT s.*, t.id, o.id, o.team_contact_id, o.id IS NULL,
       o.id IS NOT NULL AND (o.team_contact_id, o.status, o.currency, o.total_amount, o.amount_refunded, o.placed_at)
           IS DISTINCT FROM (t.id, s.status, s.currency, s.total, s.refunded, s.placed_at),
       o.id IS NOT NULL AND (cur.product_ids, cur.quantities, cur.amounts)
           IS DISTINCT FROM (s.product_ids, s.quantities, s.amounts)
  FROM order_import_staging s
  JOIN team_contacts t ON t.team_id = $1 AND t.email = s.email
  LEFT JOIN orders o ON o.team_id = $1 AND o.external_id = s.external_id
  LEFT JOIN LATERAL (
      SELECT COALESCE(array_agg(i.product_id ORDER BY i.product_id, i.quantity, i.amount), '{}') AS product_ids,
             COALESCE(array_agg(i.quantity ORDER BY i.product_id, i.quantity, i.amount), '{}') AS quantities,
             COALESCE(array_agg(i.amount ORDER BY i.product_id, i.quantity, i.amount), '{}') AS amounts
        FROM order_items i WHERE i.order_id = o.id
  ) cur ON o.id IS NOT NULL
"""
_MERGE_SQL = [
    """
    INSERT INTO orders (team_id, external_id, team_contact_id, status, currency, total_amount, amount_refunded,
                        placed_at, created_at)
    SELECT $1, p.external_id, p.contact_id, p.status, p.currency, p.total, p.refunded, p.placed_at, now()
      FROM order_import_plan p WHERE p.is_new ORDER BY p.line
    """,
    """
    UPDATE orders o SET team_contact_id = p.contact_id, status = p.status, currency = p.currency,
                        total_amount = p.total, amount_refunded = p.refunded, placed_at = p.placed_at
      FROM order_import_plan p
     WHERE o.team_id = $1 AND o.id = p.order_id AND p.fields_changed
    """,
    """
    DELETE FROM order_items i USING order_import_plan p
     WHERE i.team_id = $1 AND i.order_id = p.order_id AND p.items_changed
    """,
    """
    INSERT INTO order_items (team_id, order_id, product_id, quantity, amount)
    SELECT $1, o.id, x.product_id, x.quantity, x.amount
      FROM order_import_plan p
      JOIN orders o ON o.team_id = $1 AND o.external_id = p.external_id
     CROSS JOIN LATERAL unnest(p.product_ids, p.quantities, p.amounts) AS x(product_id, quantity, amount)
     WHERE p.is_new OR p.items_changed
     ORDER BY o.id
    """,
]
_COUNTS_SQL = """
SELECT count(*) FILTER (WHERE is_new) AS created,
       count(*) FILTER (WHERE fields_changed OR items_changed) AS updated,
       count(*) FILTER (WHERE NOT (is_new OR fields_changed OR items_changed)) AS unchanged
  FROM order_import_plan
"""
_AFFECTED_SQL = """
SELECT contact_id AS id FROM order_import_plan WHERE is_new OR fields_changed OR items_changed
UNION
SELECT old_contact_id FROM order_import_plan WHERE fields_changed AND old_contact_id <> contact_id
ORDER BY 1
"""


async def prepare_staging(conn: asyncpg.Connection) -> None:
    await conn.execute(STAGING_DDL)


async def merge_staging(conn: asyncpg.Connection, team_id: int, result: ImportResult, *,
                        reject_duplicate: Callable[[int, str, int], None]) -> list[int]:
    """Merge `order_import_staging` into the team's orders, inside the caller's transaction; fills
    `result`'s counts and returns the contacts whose orders changed (for the caller's wake-up)."""
    # One order import per team at a time, so the plan sees every order the merge could collide with.
    await conn.execute("SELECT pg_advisory_xact_lock(hashtext('orders'), $1::int)", team_id % 2**31)
    for row in await conn.fetch(_DUPLICATES_SQL):
        reject_duplicate(row["line"], row["external_id"], row["first"])
    await conn.execute("ANALYZE order_import_staging")  # temp tables have no statistics otherwise
    new_contacts = await conn.fetch(
        "SELECT s.email, min(s.placed_at) AS joined FROM order_import_staging s"
        " WHERE NOT EXISTS (SELECT 1 FROM team_contacts t WHERE t.team_id = $1 AND t.email = s.email)"
        " GROUP BY s.email ORDER BY s.email", team_id,
    )
    if new_contacts:
        result.contacts_created = await ensure_contacts(
            conn, team_id, [r["email"] for r in new_contacts], [r["joined"] for r in new_contacts]
        )
    await conn.execute(_PLAN_DDL)
    await conn.execute(_PLAN_SQL, team_id)
    await conn.execute("ANALYZE order_import_plan")
    for sql in _MERGE_SQL:
        await conn.execute(sql, team_id)
    counts = await conn.fetchrow(_COUNTS_SQL)
    result.created, result.updated, result.unchanged = counts["created"], counts["updated"], counts["unchanged"]
    affected = [r["id"] for r in await conn.fetch(_AFFECTED_SQL)]
    # What order rules read, exact at commit; then those rules are queued for these contacts.
    await stats.apply_orders(conn, team_id, affected)
    await request_evaluation(conn, team_id, affected, fields=[ORDERS_TRIGGER], cause="order_import")
    if affected:
        await start_backfill(conn, team_id, source=BACKFILL_SOURCE, total=len(affected))
    return affected


# --- GraphQL batches -----------------------------------------------------------------------------


async def import_orders(team_id: int, orders: list[dict[str, Any]]) -> ImportResult:
    """Import up to MAX_IMPORT_BATCH orders (GraphQL `importOrders`) in one transaction: each order
    is accepted or rejected on its own; an empty or oversized batch raises ValidationFailed."""
    if not orders:
        raise ValidationFailed.one("orders", "no orders given", "REQUIRED")
    if len(orders) > MAX_IMPORT_BATCH:
        raise ValidationFailed.one(
            "orders", f"at most {MAX_IMPORT_BATCH} orders per call (got {len(orders)})", "BATCH_TOO_LARGE"
        )
    result = ImportResult(rows=len(orders))

    def duplicate(index: int, external_id: str, first: int) -> None:
        result.reject(index, external_id, [FieldError(
            f"orders.{index}.externalId", f"'{external_id}' appears twice in this batch (first at orders.{first})",
            "DUPLICATE_EXTERNAL_ID")])

    async with in_transaction() as tx, tx.acquire_connection() as conn:
        products = await product_ids_by_external_id(conn, team_id)
        tz = team_zone(await conn.fetchval("SELECT time_zone FROM teams WHERE id = $1", team_id))
        rows: list[OrderRow] = []
        for index, raw in enumerate(orders):
            row, errors = validate_order(raw, products, index, f"orders.{index}", tz)
            if row is None:
                result.reject(index, raw.get("externalId"), errors)
            else:
                rows.append(row)
        if rows:
            await prepare_staging(conn)
            await conn.copy_records_to_table("order_import_staging", records=[r.record() for r in rows],
                                             columns=STAGING_COLUMNS)
            await merge_staging(conn, team_id, result, reject_duplicate=duplicate)
    if result.created or result.updated or result.contacts_created:
        await wake_evaluator(team_id)
    return result


# --- CSV -----------------------------------------------------------------------------------------


def _header_map(headers: list[str]) -> list[str | None]:
    mapped = [HEADER_ALIASES.get(re.sub(r"[\s_.-]", "", h.strip().lstrip("\ufeff")).lower()) for h in headers]
    missing = [REQUIRED_COLUMNS[name] for name in REQUIRED_COLUMNS if name not in mapped]
    if missing:
        raise CsvFormatError("the CSV needs the columns external_id, email, placed_at, currency and total"
                             f" (missing: {', '.join(missing)})")
    return mapped



def _row_to_raw(fields: list[str | None], values: Iterable[str]) -> dict[str, Any]:
    raw: dict[str, Any] = {}
    for name, value in zip(fields, values, strict=False):
        if name is None or not value.strip():
            continue
        raw[name] = parse_items(value) if name == "items" else value
    return raw


async def import_orders_csv(database_url: str, team_id: int, path: Path,
                            on_bytes: Callable[[int], None] | None = None) -> ImportResult:
    """Import a CSV of orders into a team, streamed through COPY; see the module docstring."""
    params = connection_params(database_url)
    params.pop("options")
    conn = await asyncpg.connect(**params)
    result = ImportResult()
    try:
        zone_name = await conn.fetchval("SELECT time_zone FROM teams WHERE id = $1", team_id)
        if zone_name is None:
            raise CsvFormatError(f"team {team_id} does not exist")
        tz = team_zone(zone_name)
        products = await product_ids_by_external_id(conn, team_id)
        reader = csv.reader(csv_lines(path, on_bytes))
        try:
            headers = next(reader)
        except StopIteration as exc:
            raise CsvFormatError("the CSV is empty") from exc
        fields = _header_map(headers)

        async def records() -> AsyncIterator[tuple[Any, ...]]:
            try:
                for values in reader:
                    line = reader.line_num
                    if not any(v.strip() for v in values):
                        continue
                    result.rows += 1
                    if len(values) != len(headers):
                        result.reject(line, None, [FieldError(
                            None, f"expected {len(headers)} columns, found {len(values)}", "INVALID_ROW")])
                        continue
                    bad = [headers[i].strip() for i, v in enumerate(values) if BAD_TEXT_RE.search(v)]
                    if bad:
                        result.reject(line, None, [FieldError(
                            None, f"{', '.join(bad)}: contains a NUL byte or invalid UTF-8", "INVALID_TEXT")])
                        continue
                    raw = _row_to_raw(fields, values)
                    row, errors = validate_order(raw, products, line, tz=tz)
                    if row is None:
                        result.reject(line, raw.get("externalId"), errors)
                        continue
                    yield row.record()
            except csv.Error as exc:
                result.reject(reader.line_num, None, [FieldError(None, f"malformed CSV: {exc}", "INVALID_ROW")])

        def duplicate(line: int, external_id: str, first: int) -> None:
            result.reject(line, external_id, [FieldError(
                "externalId", f"duplicate external id {external_id} (first on line {first})", "DUPLICATE_EXTERNAL_ID")])

        async with conn.transaction():
            await prepare_staging(conn)
            await conn.copy_records_to_table("order_import_staging", records=records(), columns=STAGING_COLUMNS)
            await merge_staging(conn, team_id, result, reject_duplicate=duplicate)
        await wake_evaluator(team_id)
    finally:
        await conn.close()
    return result
