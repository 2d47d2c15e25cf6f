"""The migrated schema stays distributable by team (docs/scaling.md): every tenant table carries
`team_id`, and its indexes and unique constraints lead with it.

Citus (distribution column `team_id`) refuses a unique constraint that does not include the
distribution column, and an index that does not lead with `team_id` serves no single-team query
well once a shard holds many teams. The exceptions are listed here, each with its reason; the lists
are exact, so a new table or index that breaks the rule fails, and so does fixing one without
taking it off its list.
"""

from __future__ import annotations

from typing import Any

from tortoise import connections

# Global tables, replicated to every node in Citus (reference tables), and why they have no team_id
# or need no team-leading keys.
REFERENCE_TABLES = {
    "teams": "the tenants themselves (distributed on id = team_id, or a reference table)",
    "contacts": "one global identity per email address, shared by every team that has the person",
    "users": "staff accounts; one user can belong to several teams",
    "user_sessions": "staff sign-ins, found by token before any team is known",
    "api_keys": "found by key hash/prefix before the team is known; small and read-mostly",
    "member_sessions": "found by token hash before the team is known; written at sign-in only",
    "agency_api_keys": "agency-wide keys, found by key hash/prefix before the brand is known (as api_keys)",
}

# Indexes (table, columns) that do not lead with team_id yet. Each is scoped through a parent row
# of the same team (a hub, drip, segment, link, page, node, product or contact), so it is correct,
# but it must become (team_id, ...) before the table is distributed. Unique ones first: Citus
# rejects those outright.
PENDING_UNIQUE = {
    ("access_rules", ("target_type", "target_id")),
    ("audience_links", ("segment_id", "destination_id")),
    ("audience_sync_runs", ("link_id", "period")),
    ("contact_billing", ("team_contact_id",)),
    ("delivered_hub_memberships", ("team_contact_id", "product_id", "hub_membership_id")),
    ("drip_steps", ("drip_id", "position")),
    ("email_sends", ("enrollment_id", "step_id")),
    ("email_settings", ("hub_id",)),
    ("email_templates", ("hub_id", "key")),
    ("entitlements", ("team_contact_id", "product_id")),
    ("hub_memberships", ("hub_id", "team_contact_id")),
    ("lesson_progress", ("node_id", "team_contact_id")),
    ("pages", ("hub_id", "slug")),
    ("pending_evaluations", ("team_contact_id",)),
    ("product_addons", ("product_id", "price_id")),
    # Primary keys that are not the row's own `id` (one row per contact / per segment).
    ("contact_stats", ("team_contact_id",)),
    ("segment_evaluation_stats", ("segment_id",)),
}
PENDING_INDEXES = {
    ("access_rules", ("hub_id",)),
    ("content_nodes", ("hub_id", "position")),
    ("content_nodes", ("parent_id",)),
    ("email_sends", ("state", "due_at")),
    ("hub_sections", ("hub_id", "position")),
    ("lesson_progress", ("hub_id", "team_contact_id")),
    ("media", ("hub_id", "id")),
    ("order_items", ("order_id",)),  # an order's items, found from the team's order (segments' order stats)
    ("member_sign_in_codes", ("hub_id", "team_contact_id", "created_at")),
    ("page_sections", ("page_id", "position")),
    ("subscriptions", ("team_contact_id", "status")),
    ("team_contacts", ("tags",)),  # GIN on the tag array: a shard holds few teams, a scan per shard is fine
}

TABLES_SQL = """
SELECT c.relname AS name,
       EXISTS (SELECT 1 FROM pg_attribute a
                WHERE a.attrelid = c.oid AND a.attname = 'team_id' AND NOT a.attisdropped) AS has_team_id
  FROM pg_class c
 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND c.relname <> 'aerich'
"""
# Every index, with its key columns in order. Unique constraints and primary keys are indexes too.
INDEXES_SQL = """
SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS is_unique,
       ix.indisprimary AS is_primary,
       ARRAY(SELECT a.attname::text FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, n)
               JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
              ORDER BY k.n) AS columns
  FROM pg_index ix
  JOIN pg_class i ON i.oid = ix.indexrelid
  JOIN pg_class t ON t.oid = ix.indrelid
 WHERE t.relnamespace = 'public'::regnamespace AND t.relname <> 'aerich'
"""


async def _rows(sql: str) -> list[dict[str, Any]]:
    return await connections.get("default").execute_query_dict(sql)


async def test_every_tenant_table_carries_team_id() -> None:
    tables = {r["name"]: r["has_team_id"] for r in await _rows(TABLES_SQL)}
    assert set(REFERENCE_TABLES) <= set(tables), "a listed reference table no longer exists"
    without = {name for name, has in tables.items() if not has}
    assert without <= set(REFERENCE_TABLES), f"tenant tables without team_id: {sorted(without - set(REFERENCE_TABLES))}"
    assert len(tables) - len(REFERENCE_TABLES) >= 40  # the tenant tables were found at all


async def test_tenant_indexes_and_unique_constraints_lead_with_team_id() -> None:
    unique: set[tuple[str, tuple[str, ...]]] = set()
    plain: set[tuple[str, tuple[str, ...]]] = set()
    leading = 0
    for r in await _rows(INDEXES_SQL):
        table, columns = r["table_name"], tuple(r["columns"])
        if table in REFERENCE_TABLES:
            continue
        if r["is_primary"] and columns == ("id",):
            # A global bigint sequence; at distribution the key becomes (team_id, id) (docs/scaling.md).
            continue
        if columns[0] == "team_id":
            leading += 1
            continue
        (unique if r["is_unique"] else plain).add((table, columns))
    assert unique == PENDING_UNIQUE, (
        f"unique keys not leading with team_id: new {sorted(unique - PENDING_UNIQUE)}, "
        f"fixed (take them off PENDING_UNIQUE) {sorted(PENDING_UNIQUE - unique)}")
    assert plain == PENDING_INDEXES, (
        f"indexes not leading with team_id: new {sorted(plain - PENDING_INDEXES)}, "
        f"fixed (take them off PENDING_INDEXES) {sorted(PENDING_INDEXES - plain)}")
    assert leading >= 30


async def test_segment_engine_tables_are_keyed_by_team_first() -> None:
    """The tables the segment engine and ingest read per contact: fixed in migration 11."""
    keys = {(r["table_name"], tuple(r["columns"])) for r in await _rows(INDEXES_SQL)}
    for key in [
        ("events", ("team_id", "team_contact_id", "type", "occurred_at")),
        ("orders", ("team_id", "team_contact_id", "placed_at")),
        ("contact_event_stats", ("team_id", "team_contact_id", "type")),
        ("segment_memberships", ("team_id", "segment_id", "team_contact_id")),
        ("segment_memberships", ("team_id", "team_contact_id")),
        ("segment_membership_changes", ("team_id", "segment_id", "at")),
        ("segment_membership_changes", ("team_id", "team_contact_id", "at")),
    ]:
        table, columns = key  # an index that begins with these columns serves them (it may cover more)
        assert any(t == table and c[:len(columns)] == columns for t, c in keys), key
