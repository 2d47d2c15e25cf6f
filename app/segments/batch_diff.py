"""Many segments' membership diffs in one statement: the real-time path's batch write.

A real-time batch wakes tens of segments for a few hundred contacts. Written one segment at a time
that is a statement per segment plus a savepoint around each (four round trips and a plan each);
here every woken segment's compiled rule becomes one subquery of a single statement that matches,
inserts joins, deletes leaves and writes history for all of them at once. Each segment stays
restricted to its own woken contacts, and each contact keeps its own cause.

Compiled rules number their parameters from `$1` (team id) and `$2` (the contact ids); they are
renumbered into the combined statement. Rule SQL carries every value as a parameter, so `$n` never
occurs inside a literal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.segments.compiler import CompiledRule
from app.segments.pipeline.changes import MembershipChange

_PARAM = re.compile(r"\$(\d+)")

_BATCH_DIFF_SQL = """
WITH matched (segment_id, team_contact_id) AS (
{matched}
), candidates AS (
    SELECT u.segment_id, u.team_contact_id
      FROM unnest({candidate_segments}::bigint[], {candidate_contacts}::bigint[]) AS u(segment_id, team_contact_id)
), causes AS (
    SELECT * FROM unnest({cause_contacts}::bigint[], {cause_names}::text[], {cause_refs}::text[])
        AS r(team_contact_id, cause, ref)
), current_members AS (
    -- Through the contact index: a few rows per contact, then kept only where the segment was woken.
    SELECT sm.ctid AS row_id, sm.segment_id, sm.team_contact_id FROM segment_memberships sm
     WHERE sm.team_id = $1::bigint AND sm.team_contact_id = ANY({cause_contacts}::bigint[])
       AND (sm.segment_id, sm.team_contact_id) IN (SELECT segment_id, team_contact_id FROM candidates)
), joined AS (
    INSERT INTO segment_memberships (team_id, segment_id, team_contact_id, joined_at)
    SELECT $1::bigint, m.segment_id, m.team_contact_id, now() FROM matched m
     WHERE NOT EXISTS (SELECT 1 FROM current_members cm
                        WHERE cm.segment_id = m.segment_id AND cm.team_contact_id = m.team_contact_id)
    ON CONFLICT (team_id, segment_id, team_contact_id) DO NOTHING
    RETURNING segment_id, team_contact_id
), left_members AS (
    -- By row id (a TID scan): membership rows are only ever inserted and deleted, never updated.
    DELETE FROM segment_memberships sm
     WHERE sm.ctid = ANY(ARRAY(
        SELECT cm.row_id FROM current_members cm
         WHERE NOT EXISTS (SELECT 1 FROM matched m
                            WHERE m.segment_id = cm.segment_id AND m.team_contact_id = cm.team_contact_id)))
    RETURNING sm.segment_id, sm.team_contact_id
), changes AS (
    SELECT 'join'::text AS action, segment_id, team_contact_id FROM joined
    UNION ALL SELECT 'leave'::text, segment_id, team_contact_id FROM left_members
), history AS (
    INSERT INTO segment_membership_changes (team_id, segment_id, team_contact_id, action, cause, cause_ref, at)
    SELECT $1::bigint, ch.segment_id, ch.team_contact_id, ch.action, r.cause, r.ref, now()
      FROM changes ch JOIN causes r ON r.team_contact_id = ch.team_contact_id
)
SELECT action, segment_id, team_contact_id FROM changes
"""

# Taken in id order just before commit, so two workers updating the same segments never deadlock.
_COUNTS_SQL = """
WITH delta AS (SELECT * FROM unnest($1::bigint[], $2::bigint[]) AS d(id, delta)),
locked AS (SELECT s.id FROM segments s WHERE s.id = ANY($1::bigint[]) ORDER BY s.id FOR NO KEY UPDATE)
UPDATE segments s SET member_count = s.member_count + delta.delta
  FROM delta WHERE s.id = delta.id AND s.id IN (SELECT id FROM locked)
"""


@dataclass
class SegmentWork:
    """One woken segment: its rule compiled for exactly the contacts it must re-check."""

    segment_id: int
    contact_ids: list[int]
    compiled: CompiledRule | None  # None: the stored rule no longer compiles (recorded as an error)


class _Params:
    def __init__(self, team_id: int) -> None:
        self.values: list[Any] = [team_id]
        self._arrays: dict[tuple[int, ...], str] = {}

    def add(self, value: Any) -> str:
        self.values.append(value)
        return f"${len(self.values)}"

    def contact_array(self, contact_ids: list[int]) -> str:
        """Segments woken for the same contacts share one array parameter."""
        key = tuple(contact_ids)
        if key not in self._arrays:
            self._arrays[key] = self.add(list(contact_ids))
        return self._arrays[key]


def _subquery(work: SegmentWork, params: _Params) -> str:
    compiled = work.compiled
    assert compiled is not None and compiled.restricted, "the batch diff needs rules compiled for their woken contacts"
    renumbered = {1: "$1", 2: params.contact_array(work.contact_ids)}
    for index, value in enumerate(compiled.params[2:], start=3):
        renumbered[index] = params.add(value)
    sql = _PARAM.sub(lambda m: renumbered[int(m.group(1))], compiled.statement("c.id"))
    return f"    SELECT {params.add(work.segment_id)}::bigint, q.id FROM (\n{sql}\n    ) q"


async def write_batch_diff(conn: Any, team_id: int, work: list[SegmentWork],
                           causes: dict[int, tuple[str, str | None]]) -> list[MembershipChange]:
    """Diff every segment in `work` for its contacts in one statement; `causes` maps each contact to
    its (cause, cause_ref). Returns the changes; member counts are left to `apply_member_counts`."""
    if not work:
        return []
    params = _Params(team_id)
    matched = "\n    UNION ALL\n".join(_subquery(w, params) for w in work)
    contacts = list(causes)
    sql = _BATCH_DIFF_SQL.format(
        matched=matched,
        candidate_segments=params.add([w.segment_id for w in work for _ in w.contact_ids]),
        candidate_contacts=params.add([c for w in work for c in w.contact_ids]),
        cause_contacts=params.add(contacts),
        cause_names=params.add([causes[c][0] for c in contacts]),
        cause_refs=params.add([causes[c][1] for c in contacts]),
    )
    # JIT compiling this many subqueries costs far more than the few hundred rows they read.
    await conn.execute("SET LOCAL jit = off")
    rows = await conn.fetch(sql, *params.values)
    return [MembershipChange(r["segment_id"], r["team_contact_id"], r["action"], *causes[r["team_contact_id"]])
            for r in rows]


async def apply_member_counts(conn: Any, changes: list[MembershipChange]) -> None:
    """Add the batch's joins and leaves to the segments' member counts (one statement)."""
    deltas: dict[int, int] = {}
    for change in changes:
        deltas[change.segment_id] = deltas.get(change.segment_id, 0) + (1 if change.action == "join" else -1)
    moved = sorted((segment_id, delta) for segment_id, delta in deltas.items() if delta)
    if moved:
        await conn.execute(_COUNTS_SQL, [s for s, _ in moved], [d for _, d in moved])
