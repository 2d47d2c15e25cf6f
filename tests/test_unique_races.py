"""A duplicate or a vanished reference that slips past a service's own check (another request
wrote the same value, or deleted the row, between the check and the insert) is the caller's
userError, as the check would have said it, never a 500; and nothing is written.

The race is made deterministic: a second connection writes the competing row in a transaction
and holds it open, the mutation's own check sees nothing yet and its insert waits on that row's
lock; the test commits once the mutation is seen waiting, and the insert then meets the
constraint.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

import asyncpg
from ids import pk

from app.commerce.models import Product

CREATE_PRODUCT = """mutation($i: CreateProductInput!) {
  createProduct(input: $i) { product { id } userErrors { field message code } } }"""
CREATE_HUB = "mutation($i: CreateHubInput!) { createHub(input: $i) { hub { id } userErrors { field message code } } }"


async def _waiting_on_a_lock(conn: asyncpg.Connection) -> None:
    for _ in range(6000):  # until the mutation's insert waits on the held row (or give up after minutes)
        if await conn.fetchval("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                               "AND wait_event_type = 'Lock'"):
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the mutation never waited on the held row")


async def racing(database_url: str, sql: str, args: list[Any], call: Awaitable[dict[str, Any]]) -> dict[str, Any]:
    """Run `call` while another connection's uncommitted `sql` holds the competing row; commit it
    once `call` waits on it; return what `call` answered."""
    conn = await asyncpg.connect(database_url)
    try:
        tx = conn.transaction()
        await tx.start()
        await conn.execute(sql, *args)
        task = asyncio.ensure_future(call)
        await _waiting_on_a_lock(conn)
        await tx.commit()
        return await task
    finally:
        await conn.close()


async def test_a_concurrent_duplicate_external_id_is_a_user_error(gql, team, test_database_url):
    body = await racing(
        test_database_url,
        "INSERT INTO products (team_id, name, external_id, description, active, past_due_policy, grace_days, "
        "created_at) VALUES ($1, 'Theirs', 'kajabi-42', '', TRUE, 'grace', 7, now())", [team.id],
        gql.raw(CREATE_PRODUCT, {"i": {"name": "Ours", "externalId": "kajabi-42"}}, token=team.key))
    assert "errors" not in body, body
    [error] = body["data"]["createProduct"]["userErrors"]
    assert (error["field"], error["code"]) == ("externalId", "DUPLICATE_EXTERNAL_ID")  # as the service's own check
    assert body["data"]["createProduct"]["product"] is None
    assert [p.name for p in await Product.filter(team_id=team.id)] == ["Theirs"]
    # And without a race the service's own check says the same.
    again = await gql(CREATE_PRODUCT, {"i": {"name": "Ours", "externalId": "kajabi-42"}}, token=team.key)
    assert [(e["field"], e["code"]) for e in again["createProduct"]["userErrors"]] == [
        ("externalId", "DUPLICATE_EXTERNAL_ID")]


async def test_a_concurrent_duplicate_hub_slug_is_a_user_error(gql, team, test_database_url):
    body = await racing(
        test_database_url,
        "INSERT INTO hubs (team_id, name, slug, description, created_at) VALUES ($1, 'Theirs', 'academy', '', now())",
        [team.id], gql.raw(CREATE_HUB, {"i": {"name": "Academy", "slug": "academy"}}, token=team.key))
    assert "errors" not in body, body
    assert [(e["field"], e["code"]) for e in body["data"]["createHub"]["userErrors"]] == [("slug", "DUPLICATE_SLUG")]


async def test_a_hub_deleted_while_a_product_is_created_in_it_is_not_found(gql, team, test_database_url):
    hub = (await gql(CREATE_HUB, {"i": {"name": "Academy"}}, token=team.key))["createHub"]["hub"]["id"]
    body = await racing(
        test_database_url, "DELETE FROM hubs WHERE id = $1", [pk(hub)],
        gql.raw(CREATE_PRODUCT, {"i": {"name": "Course", "hubId": hub}}, token=team.key))
    assert "errors" not in body, body
    assert [(e["field"], e["code"]) for e in body["data"]["createProduct"]["userErrors"]] == [("hubId", "NOT_FOUND")]
    assert await Product.filter(team_id=team.id).count() == 0
