"""Community fields in the segment catalog, read from the events community writes through ingest.

`communityPosts`, `lastPostAt`, `communityComments` and `lastCommentAt` come from the per-type event
stats ingest keeps (contact_event_stats), so "posted in the last 7 days" is `lastPostAt within 7 days`
and "never posted" is `communityPosts = 0`; `communitySpaces` lists the spaces posted or commented in
as `<hub slug>/<space slug>`. They wake on their event types. `register_community_fields()` is called
once at startup by app.wiring and is idempotent.
"""

from __future__ import annotations

from typing import Any

from app.segments import catalog

POST_EVENT, COMMENT_EVENT = "post_created", "comment_created"
_registered = False


def _count(event_type: str) -> catalog.SqlSource:
    return lambda b, _s: f"COALESCE({b.event_stats(event_type)}.count, 0)"


def _last(event_type: str) -> catalog.SqlSource:
    return lambda b, _s: f"{b.event_stats(event_type)}.last_at"


def _spaces_sql(b: Any, _s: str | None) -> str:
    return ("ARRAY(SELECT DISTINCT ev.properties ->> 'space' FROM events ev WHERE ev.team_contact_id = c.id"
            f" AND ev.team_id = $1::bigint AND ev.type IN ({b.param(POST_EVENT, 'text')},"
            f" {b.param(COMMENT_EVENT, 'text')}) AND ev.properties ? 'space')::text[]")


def _spaces(state: catalog.ContactState) -> list[str]:
    found = {str(e["properties"]["space"]) for e in state.events
             if e["type"] in (POST_EVENT, COMMENT_EVENT) and isinstance((e.get("properties") or {}).get("space"), str)}
    return sorted(found)


def register_community_fields() -> None:
    global _registered
    if _registered:
        return
    for name, type_, sql, value, description, event_type in (
        ("communityPosts", "number", _count(POST_EVENT), lambda st: len(st.events_of(POST_EVENT)),
         "Community posts written (post_created events)", POST_EVENT),
        ("lastPostAt", "date", _last(POST_EVENT),
         lambda st: max((e["occurred_at"] for e in st.events_of(POST_EVENT)), default=None),
         "When the contact last posted in a community space", POST_EVENT),
        ("communityComments", "number", _count(COMMENT_EVENT), lambda st: len(st.events_of(COMMENT_EVENT)),
         "Community comments written (comment_created events)", COMMENT_EVENT),
        ("lastCommentAt", "date", _last(COMMENT_EVENT),
         lambda st: max((e["occurred_at"] for e in st.events_of(COMMENT_EVENT)), default=None),
         "When the contact last commented", COMMENT_EVENT),
    ):
        if catalog.static_field(name) is None:
            catalog.register_field(name, type_, sql=sql, value=value, description=description,
                                   triggers=(f"event:{event_type}",), group="community")
    if catalog.static_field("communitySpaces") is None:
        catalog.register_field(
            "communitySpaces", "tags", sql=_spaces_sql, value=_spaces, group="community", normalise="lower",
            description="Spaces the contact posted or commented in, as '<hub slug>/<space slug>'",
            triggers=(f"event:{POST_EVENT}", f"event:{COMMENT_EVENT}"),
        )
    _registered = True
