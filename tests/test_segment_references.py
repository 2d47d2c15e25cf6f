"""`in segment 'S'` reads S's stored membership: cheap however deep, and kept current as S changes."""

from __future__ import annotations

from ids import gid, pk
from test_realtime import make_segment, members

from app.segments.pipeline.worker import evaluate_pending, evaluate_pending_batch

UPSERT = "mutation($c: [ContactInput!]!) { upsertContacts(input: {contacts: $c}) { contacts { id email } userErrors { message } } }"
TRIGGERS = "query($id: ID!) { segment(id: $id) { memberCount triggers { segmentIds fields } } }"
UPDATE = "mutation($i: UpdateSegmentInput!) { updateSegment(input: $i) { userErrors { code message } } }"
RECOMPUTE = "mutation($i: SegmentIdInput!) { recomputeSegment(input: $i) { joinedCount userErrors { code } } }"


def ten_references(name: str) -> str:
    return " OR ".join(f"in segment '{name}'" for _ in range(10))


async def levels(gql, team, count: int) -> list[int]:
    """Level 0 reads a tag; every level above references the one below ten times (inlined, level n
    would be 10**n conditions)."""
    ids = [await make_segment(gql, team.key, "L0", "tags contains 'vip'")]
    for level in range(1, count + 1):
        ids.append(await make_segment(gql, team.key, f"L{level}", ten_references(f"L{level - 1}")))
    return ids


async def test_deep_fan_out_of_references_is_accepted_and_reads_stored_membership(gql, team):
    contacts = (await gql(UPSERT, {"c": [{"email": "vip@example.com", "tags": ["vip"]},
                                          {"email": "plain@example.com"}]}, token=team.key))["upsertContacts"]["contacts"]
    vip, plain = pk(contacts[0]["id"]), pk(contacts[1]["id"])
    await evaluate_pending(None)
    # Six levels of ten references: inlined, the top would be a million conditions (49 s, 1.5 GB) and
    # from level five beyond PostgreSQL's 32767 parameters.
    ids = await levels(gql, team, 6)
    for level, segment_id in enumerate(ids):
        assert await members(segment_id) == {vip}
        if level:
            data = (await gql(TRIGGERS, {"id": gid("Segment", segment_id)}, token=team.key))["segment"]
            # The rule wakes on the segment it reads, not on that segment's own triggers.
            assert data["triggers"] == {"segmentIds": [gid("Segment", ids[level - 1])], "fields": []}

    # The referenced base changes through the real-time path: every level follows in the same batch,
    # each after the level it reads.
    await gql(UPSERT, {"c": [{"email": "plain@example.com", "tags": ["vip"]}]}, token=team.key)
    report = await evaluate_pending_batch()
    assert [c.segment_id for c in report.changes] == ids
    assert all(c.team_contact_id == plain and c.action == "join" for c in report.changes)
    for segment_id in ids:
        assert await members(segment_id) == {vip, plain}

    # A cycle through the chain is still refused, naming the segment that leads back.
    cycle = await gql(UPDATE, {"i": {"id": gid("Segment", ids[0]), "ruleText": "in segment 'L6'"}}, token=team.key)
    assert cycle["updateSegment"]["userErrors"] == [
        {"code": "SEGMENT_CYCLE", "message": "line 1, column 1: segment 'L6' refers back to this segment"}]


async def test_editing_or_recomputing_a_referenced_segment_moves_its_dependents(gql, team):
    contacts = (await gql(UPSERT, {"c": [{"email": "gb@example.com", "country": "GB"},
                                          {"email": "us@example.com", "country": "US"}]},
                          token=team.key))["upsertContacts"]["contacts"]
    gb, us = pk(contacts[0]["id"]), pk(contacts[1]["id"])
    base, middle, top = await levels(gql, team, 2)
    await gql(UPDATE, {"i": {"id": gid("Segment", base), "ruleText": "country = 'GB'"}}, token=team.key)
    # An edit recomputes the levels above at once, each reading the members just written below.
    assert await members(middle) == {gb} and await members(top) == {gb}

    # A stale base (its rule now reads a field the contact changed without an evaluation) ...
    await gql(UPSERT, {"c": [{"email": "us@example.com", "country": "GB"}]}, token=team.key)
    recomputed = await gql(RECOMPUTE, {"i": {"id": gid("Segment", base)}}, token=team.key)
    assert recomputed["recomputeSegment"] == {"joinedCount": 1, "userErrors": []}
    assert await members(base) == {gb, us}
    # ... recomputed by hand queues whoever it moved for the segments built on it.
    await evaluate_pending(None)
    assert await members(middle) == {gb, us} and await members(top) == {gb, us}
