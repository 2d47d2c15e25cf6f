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
    # The post, then its comments: two loader rounds; and the shared page's statement (version, blocks, own
    # reactions: app/community/shared_graphql.py), as the page changed since it was last run.
    assert_constant(statements, 8, "community thread")


EVERYTHING_FEED = """query($id: ID!) { mySpace(id: $id) { posts(first: 20) { edges { __typename cursor node {
  __typename id spaceId title body bodyHtml status pinned locked commentCount createdAt editedAt lastActivityAt
  writer: author { __typename id handle displayName bio links } ...Counts } }
  nodes { id title reactions { emoji } } } } }
fragment Counts on CommunityPost { reactions { __typename emoji count reactedByMe } again: title }"""
EVERYTHING_THREAD = """query($id: ID!, $with: Boolean!) { communityPost(id: $id) { comments(first: 50) { edges {
  cursor node { id postId parentId depth status body bodyHtml createdAt editedAt
    author @include(if: $with) { handle displayName bio links }
    ... on CommunityComment { reactions { emoji count reactedByMe } } } } } } }"""


async def test_planned_feed_and_thread_pages_equal_the_field_by_field_ones(gql, team):
    from test_community import CREATE_COMMENT, REACT, UPDATE_POST, post

    from app.graphql.planned import use_plans

    s = await community(gql, team)
    general = member_space_id(s.general["id"])
    first = (await post(gql, s.ava_token, general, "First", "**one**"))["post"]["id"]
    second = (await post(gql, s.bob_token, general, "Second"))["post"]["id"]
    await gql(UPDATE_POST, {"i": {"id": second, "body": "edited"}}, token=s.bob_token)
    for token, emoji in ((s.bob_token, "heart"), (s.ava_token, "heart"), (s.ava_token, "tada")):
        await gql(REACT, {"i": {"targetType": "POST", "targetId": first, "emoji": emoji}}, token=token)
    top = (await gql(CREATE_COMMENT, {"i": {"postId": first, "body": "top"}}, token=s.bob_token))["createComment"]
    reply = (await gql(CREATE_COMMENT, {"i": {"postId": first, "body": "reply", "parentId": top["comment"]["id"]}},
                       token=s.ava_token))["createComment"]
    await gql(REACT, {"i": {"targetType": "COMMENT", "targetId": top["comment"]["id"], "emoji": "laugh"}},
              token=s.ava_token)
    await gql("mutation($i: DeleteCommentInput!) { deleteComment(input: $i) { userErrors { code } } }",
              {"i": {"id": reply["comment"]["id"]}}, token=s.ava_token)  # no body, so no author shown
    for token in (s.ava_token, s.bob_token, s.mo_token):
        for query, variables in ((EVERYTHING_FEED, {"id": general}),
                                 (EVERYTHING_THREAD, {"id": first, "with": True}),
                                 (EVERYTHING_THREAD, {"id": first, "with": False})):
            planned = await gql(query, variables, token=token)
            use_plans(False)
            try:
                generic = await gql(query, variables, token=token)
            finally:
                use_plans(True)
            assert planned == generic
    feed = (await gql(EVERYTHING_FEED, {"id": general}, token=s.ava_token))["mySpace"]["posts"]["edges"]
    assert [e["node"]["title"] for e in feed] == ["Second", "First"]
    assert feed[1]["node"]["reactions"] == [{"__typename": "ReactionCount", "emoji": "heart", "count": 2,
                                             "reactedByMe": True},
                                            {"__typename": "ReactionCount", "emoji": "tada", "count": 1,
                                             "reactedByMe": True}]
    assert feed[1]["node"]["writer"]["handle"] == "ava" and feed[0]["node"]["editedAt"] is not None
    thread = (await gql(EVERYTHING_THREAD, {"id": first, "with": True}, token=s.bob_token))["communityPost"]
    nodes = [e["node"] for e in thread["comments"]["edges"]]
    assert [(n["body"], n["author"] and n["author"]["handle"]) for n in nodes] == [("top", "bob"), (None, None)]
    assert nodes[0]["reactions"] == [{"emoji": "laugh", "count": 1, "reactedByMe": False}]
