"""A space's feed and a post's thread cost a constant number of SQL statements at N = 10 and N = 500
(tests/test_query_counts.py counts them on asyncpg's connections)."""

from __future__ import annotations

from datetime import UTC, datetime

import factories
from test_community import community, member_space_id
from test_query_counts import assert_constant, statements_of

from app.community.models import Comment, Post, Profile, Reaction

SIZES = (10, 500)
PAGE = 200

FEED = """query($id: ID!, $first: Int) { mySpace(id: $id) { id name canAccess
  posts(first: $first) { pageInfo { hasNextPage endCursor } edges { cursor node {
    id title bodyHtml status pinned locked commentCount createdAt
    author { id handle displayName bio links avatar { url } }
    reactions { emoji count reactedByMe } } } } } }"""
THREAD = """query($id: ID!, $first: Int) { communityPost(id: $id) { id title commentCount
  author { handle displayName } reactions { emoji count reactedByMe }
  comments(first: $first) { pageInfo { hasNextPage } edges { node { id parentId depth body bodyHtml status
    author { id handle displayName } reactions { emoji count reactedByMe } } } } } }"""


async def authors(team, hub, have: int, want: int) -> list[int]:
    """Members want - have more, each with a profile (made when they join)."""
    made = []
    for i in range(have, want):
        contact = await factories.contact(team, f"author{i}@example.com", firstName=f"Author{i}")
        await factories.hub_member(team, hub, contact)
        made.append(contact.id)
    assert await Profile.filter(team_id=team.id, hub_id=hub.id, team_contact_id__in=made).count() == len(made)
    return made


async def test_feed_query_count_is_constant(gql, team):
    s = await community(gql, team)
    general = member_space_id(s.general["id"])
    space_id = int(__import__("ids").pk(s.general["id"]))
    statements: dict[int, list[str]] = {}
    have, contacts = 0, []
    for n in SIZES:
        contacts += await authors(team, s.hub, have, n)
        now = datetime.now(UTC)
        await Post.bulk_create([Post(team_id=team.id, hub_id=s.hub.id, space_id=space_id,
                                             author_id=contacts[i], title=f"Post {i}", body="**b**",
                                             body_html="<p><strong>b</strong></p>", created_at=now,
                                             last_activity_at=now) for i in range(have, n)])
        ids = [p.id for p in await Post.filter(team_id=team.id, space_id=space_id).order_by("id")][have:n]
        assert len(ids) == n - have
        await Reaction.bulk_create(
            [Reaction(team_id=team.id, hub_id=s.hub.id, target_type="post", target_id=p, team_contact_id=s.ava.id,
                      emoji="heart") for p in ids]
            + [Reaction(team_id=team.id, hub_id=s.hub.id, target_type="post", target_id=p,
                        team_contact_id=contacts[i % len(contacts)], emoji="tada") for i, p in enumerate(ids)])
        have = n
        await gql(FEED, {"id": general, "first": 1}, token=s.ava_token)  # the hub snapshot read once, as in steady state
        data, statements[n] = await statements_of(gql, FEED, {"id": general, "first": PAGE}, token=s.ava_token)
        edges = data["mySpace"]["posts"]["edges"]
        assert len(edges) == min(n, PAGE) and all(e["node"]["author"]["handle"] for e in edges)
        assert all({"emoji": "heart", "count": 1, "reactedByMe": True} in e["node"]["reactions"] for e in edges)
    assert_constant(statements, 5, "community feed")


async def test_thread_query_count_is_constant(gql, team):
    s = await community(gql, team)
    created = await gql("mutation($i: CreatePostInput!) { createPost(input: $i) { post { id } } }",
                        {"i": {"spaceId": member_space_id(s.general["id"]), "title": "Thread"}}, token=s.ava_token)
    post_id = created["createPost"]["post"]["id"]
    row = await Post.get(id=int(__import__("ids").pk(post_id)))
    statements: dict[int, list[str]] = {}
    have, contacts = 0, []
    for n in SIZES:
        contacts += await authors(team, s.hub, have, n)
        now = datetime.now(UTC)
        await Comment.bulk_create([Comment(team_id=team.id, hub_id=s.hub.id, post_id=row.id, author_id=contacts[i],
                                           parent_id=None, depth=0, body=f"c{i}", body_html=f"<p>c{i}</p>",
                                           created_at=now) for i in range(have, n)])
        ids = [c.id for c in await Comment.filter(post_id=row.id).order_by("id")][have:n]
        await Reaction.bulk_create([Reaction(team_id=team.id, hub_id=s.hub.id, target_type="comment", target_id=c,
                                             team_contact_id=s.bob.id, emoji="laugh") for c in ids])
        have = n
        await gql(THREAD, {"id": post_id, "first": 1}, token=s.bob_token)  # warm hub snapshot
        data, statements[n] = await statements_of(gql, THREAD, {"id": post_id, "first": PAGE}, token=s.bob_token)
        edges = data["communityPost"]["comments"]["edges"]
        assert len(edges) == min(n, PAGE)
        assert all(e["node"]["reactions"] == [{"emoji": "laugh", "count": 1, "reactedByMe": True}] for e in edges)
    assert_constant(statements, 7, "community thread")  # the post, then its comments: two loader rounds
