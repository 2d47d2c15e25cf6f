"""Per-request dataloaders: a page of posts or comments costs one statement per kind of fact
(authors' profiles, reaction counts with the viewer's own, revisions, spaces), whatever its length."""

from __future__ import annotations

from dataclasses import dataclass

from strawberry.dataloader import DataLoader
from tortoise import connections

from app.community.models import Post, Profile, Revision, Space

ReactionKey = tuple[str, int]  # (target type, target id)


@dataclass(frozen=True)
class ReactionCount:
    emoji: str
    count: int
    mine: bool


def profiles_loader(team_id: int, hub_id: int) -> DataLoader[int, Profile | None]:
    """Keyed by team contact id."""
    async def load(contact_ids: list[int]) -> list[Profile | None]:
        rows = {p.team_contact_id: p for p in await Profile.filter(
            team_id=team_id, hub_id=hub_id, team_contact_id__in=list(contact_ids))}
        return [rows.get(i) for i in contact_ids]

    return DataLoader(load_fn=load)


REACTIONS_SQL = """
SELECT target_type, target_id, emoji, count(*)::int AS n, bool_or(team_contact_id = $4) AS mine
FROM community_reactions
WHERE team_id = $1 AND target_type = ANY($2::text[]) AND target_id = ANY($3::bigint[])
GROUP BY target_type, target_id, emoji ORDER BY min(id)
"""


def reactions_loader(team_id: int, viewer_contact_id: int | None) -> DataLoader[ReactionKey, list[ReactionCount]]:
    """Per post or comment: each emoji given, how often, and whether the viewer gave it (first given first)."""
    async def load(keys: list[ReactionKey]) -> list[list[ReactionCount]]:
        rows = await connections.get("default").execute_query_dict(REACTIONS_SQL, [
            team_id, sorted({k[0] for k in keys}), sorted({k[1] for k in keys}), viewer_contact_id or 0])
        found: dict[ReactionKey, list[ReactionCount]] = {}
        for r in rows:
            found.setdefault((r["target_type"], r["target_id"]), []).append(
                ReactionCount(r["emoji"], r["n"], bool(r["mine"])))
        return [found.get(k, []) for k in keys]

    return DataLoader(load_fn=load)


@dataclass(frozen=True)
class RsvpCounts:
    going: int
    not_going: int
    mine: str | None  # the viewer's RsvpStatus value, or None


RSVPS_SQL = """
SELECT post_id, count(*) FILTER (WHERE status = 'going')::int AS going,
       count(*) FILTER (WHERE status = 'not_going')::int AS not_going,
       max(status) FILTER (WHERE team_contact_id = $3) AS mine
FROM community_rsvps WHERE team_id = $1 AND post_id = ANY($2::bigint[]) GROUP BY post_id
"""


def rsvps_loader(team_id: int, viewer_contact_id: int | None) -> DataLoader[int, RsvpCounts]:
    """Per event post: how many go, how many do not, and the viewer's own answer (one statement per page)."""
    async def load(post_ids: list[int]) -> list[RsvpCounts]:
        rows = await connections.get("default").execute_query_dict(RSVPS_SQL, [
            team_id, sorted(set(post_ids)), viewer_contact_id or 0])
        found = {r["post_id"]: RsvpCounts(r["going"], r["not_going"], r["mine"]) for r in rows}
        return [found.get(i, RsvpCounts(0, 0, None)) for i in post_ids]

    return DataLoader(load_fn=load)


def revisions_loader(team_id: int) -> DataLoader[ReactionKey, list[Revision]]:
    async def load(keys: list[ReactionKey]) -> list[list[Revision]]:
        rows = await Revision.filter(team_id=team_id, target_type__in=sorted({k[0] for k in keys}),
                                     target_id__in=sorted({k[1] for k in keys})).order_by("id")
        found: dict[ReactionKey, list[Revision]] = {}
        for r in rows:
            found.setdefault((str(r.target_type), r.target_id), []).append(r)
        return [found.get(k, []) for k in keys]

    return DataLoader(load_fn=load)


def spaces_loader(team_id: int) -> DataLoader[int, Space | None]:
    async def load(ids: list[int]) -> list[Space | None]:
        rows = {s.id: s for s in await Space.filter(team_id=team_id, id__in=list(ids))}
        return [rows.get(i) for i in ids]

    return DataLoader(load_fn=load)


def accepted_answers_loader(team_id: int) -> DataLoader[int, int | None]:
    """Per post: the comment accepted as its answer (questions spaces), or None."""
    async def load(post_ids: list[int]) -> list[int | None]:
        rows = await Post.filter(team_id=team_id, id__in=list(post_ids)).values_list("id", "accepted_comment_id")
        found = dict(rows)
        return [found.get(i) for i in post_ids]

    return DataLoader(load_fn=load)
