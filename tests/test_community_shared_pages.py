"""Feed and thread pages shared between members (app/community/shared_graphql.py): byte for byte what running
the document gives, for members with different reactions, blocks, access and roles, and different as soon as
anything on the page changes (a post, a comment, a reaction, an edit, a hide, a block, a rename, access)."""

from __future__ import annotations

import re

import factories
import httpx
import pytest
from ids import gid
from test_community import CREATE_COMMENT, REACT, SET_RULE, community, member_space_id, post, space
from test_community_moderation import MODERATE
from test_community_social import BLOCK, UPDATE_PROFILE, profile_id
from test_member_shared_responses import post as ask
from test_query_counts import count_statements

from app.community.models import CommunityVersion, Post
from app.community.shared_graphql import MAX_VARIABLES_CHARS, is_shared_document, shared_pages
from app.segments.models import SegmentMembership

FEED = """query($id: ID!) { mySpace(id: $id) { id name canAccess lockedReason canPost posts(first: 20) {
  pageInfo { hasNextPage endCursor } edges { node { id title bodyHtml pinned locked commentCount createdAt
    author { id handle displayName } reactions { emoji count reactedByMe } } } } pinnedPosts { id title } } }"""
THREAD = """query($id: ID!) { communityPost(id: $id) { id title commentCount author { handle displayName }
  reactions { emoji count reactedByMe } comments(first: 50) { pageInfo { hasNextPage } edges { node {
    id parentId depth body bodyHtml status author { id handle displayName }
    reactions { emoji count reactedByMe } } } } } }"""
# Aliases, fragments, directives and the `nodes` list.
SHAPED = """query Feed($id: ID!, $more: Boolean!) { s: mySpace(id: $id) { ...space } }
fragment space on MemberSpace { canAccess posts(first: 5) { nodes { ...post mine: reactions { e: emoji
  me: reactedByMe n: count } } edges @include(if: $more) { cursor node { key: id reactions { emoji reactedByMe } } } } }
fragment post on CommunityPost { id title author { displayName } }"""


@pytest.fixture(autouse=True)
def _empty_cache():
    shared_pages.clear()


async def counted(http: httpx.AsyncClient) -> dict[str, float]:
    text = (await http.get("/metrics")).text
    return {outcome: float(value) for outcome, value in re.findall(
        r'^memberhub_community_shared_pages_total\{outcome="(\w+)"\} (\S+)$', text, re.M)}


async def world(gql, team):
    """Ava, Bob, Mo (moderator), Cy (who blocks Bob), Dee (Bob's twin: no reactions, no blocks), a VIP space
    for a segment that Ava is in; posts by Ava and Bob with comments and reactions."""
    s = await community(gql, team)
    s.cy = await factories.contact(team, "cy@example.com", firstName="Cy")
    s.dee = await factories.contact(team, "dee@example.com", firstName="Dee")
    for contact in (s.cy, s.dee):
        await factories.hub_member(team, s.hub, contact)
    from test_community import sign_in

    s.cy_token = await sign_in(gql, s.hub, s.cy)
    s.dee_token = await sign_in(gql, s.hub, s.dee)
    s.general_id = member_space_id(s.general["id"])
    insiders = await factories.segment(team, "Insiders", kind="static")
    s.insiders = insiders
    vip = await space(gql, team.key, s.hub, "VIP")
    rule = await gql(SET_RULE, {"i": {"targetType": "SPACE", "targetId": vip["id"], "audience": "SEGMENTS_ANY",
                                      "segmentIds": [gid("Segment", insiders.id)]}}, token=team.key)
    assert rule["setAccessRule"]["userErrors"] == []
    s.vip_id = member_space_id(vip["id"])
    await SegmentMembership.create(team=team.team, segment=insiders, team_contact=s.ava)
    s.ava_post = (await post(gql, s.ava_token, s.general_id, "Ava's", "Hello **all**"))["post"]["id"]
    s.bob_post = (await post(gql, s.bob_token, s.general_id, "Bob's", "Hi"))["post"]["id"]
    s.vip_post = (await post(gql, s.ava_token, s.vip_id, "Inside", "secret"))["post"]["id"]
    s.comment = (await gql(CREATE_COMMENT, {"i": {"postId": s.ava_post, "body": "from Bob"}}, token=s.bob_token))[
        "createComment"]["comment"]["id"]
    await gql(CREATE_COMMENT, {"i": {"postId": s.ava_post, "body": "from Mo", "parentId": s.comment}}, token=s.mo_token)
    for token, target, kind, emoji in ((s.ava_token, s.ava_post, "POST", "heart"), (s.bob_token, s.ava_post, "POST", "tada"),
                                       (s.bob_token, s.comment, "COMMENT", "heart"), (s.mo_token, s.bob_post, "POST", "heart")):
        done = await gql(REACT, {"i": {"targetType": kind, "targetId": target, "emoji": emoji}}, token=token)
        assert done["addReaction"]["userErrors"] == []
    bob_profile = await profile_id(gql, s.bob_token)
    assert (await gql(BLOCK, {"i": {"memberId": bob_profile}}, token=s.cy_token))["blockMember"]["changed"] is True
    s.tokens = {"ava": s.ava_token, "bob": s.bob_token, "mo": s.mo_token, "cy": s.cy_token, "dee": s.dee_token}
    return s


def documents(s) -> list[tuple[str, dict, str | None]]:
    return [(FEED, {"id": s.general_id}, None), (FEED, {"id": s.vip_id}, None), (THREAD, {"id": s.ava_post}, None),
            (THREAD, {"id": s.vip_post}, None), (THREAD, {"id": s.bob_post}, None),
            (SHAPED, {"id": s.general_id, "more": True}, "Feed"), (SHAPED, {"id": s.general_id, "more": False}, "Feed")]


async def assert_all_equal(http, unshared, s) -> dict[tuple[int, str], bytes]:
    """Every document for every member, twice (the second from the shared page when it may be), equals the
    unshared API's answer byte for byte."""
    answers = {}
    for index, (query, variables, operation) in enumerate(documents(s)):
        assert is_shared_document(query, operation)
        for name, token in s.tokens.items():
            ran = await ask(unshared, token, query, variables, operation)
            for _ in range(2):
                assert await ask(http, token, query, variables, operation) == ran, (name, index)
            answers[(index, name)] = ran
    return answers


async def test_shared_pages_are_byte_for_byte_what_running_the_document_gives(http, unshared, gql, team):
    s = await world(gql, team)
    before = await counted(http)
    answers = await assert_all_equal(http, unshared, s)
    after = await counted(http)
    assert after.get("hit", 0) - before.get("hit", 0) >= 20  # the second asks, and the members who share
    feed = 0
    # Members differ where they should: own reactions, the block, access to the VIP space, the moderator.
    assert answers[(feed, "ava")] != answers[(feed, "dee")]  # Ava reacted
    assert answers[(feed, "cy")] != answers[(feed, "dee")]  # Cy blocked Bob: Bob's post is not in Cy's feed
    assert b"Bob's" not in answers[(feed, "cy")] and b"Bob's" in answers[(feed, "dee")]
    assert b"Inside" in answers[(1, "ava")] and b"Inside" not in answers[(1, "dee")]
    assert b'"reactedByMe":true' in answers[(2, "bob")] and b'"reactedByMe":true' not in answers[(2, "dee")]
    # A new member with no reactions or blocks gets Dee's page: the shared one.
    twin = await factories.contact(team, "twin@example.com", firstName="Twin")
    await factories.hub_member(team, s.hub, twin)
    from test_community import sign_in

    twin_token = await sign_in(gql, s.hub, twin)
    # Joining made the twin's profile: a new community version, so Dee's ask runs the page again, once.
    assert await ask(http, s.dee_token, FEED, {"id": s.general_id}) == answers[(feed, "dee")]
    base = await counted(http)
    assert await ask(http, twin_token, FEED, {"id": s.general_id}) == answers[(feed, "dee")]
    assert (await counted(http)).get("hit", 0) == base.get("hit", 0) + 1


async def test_a_hit_costs_the_session_and_one_statement(http, gql, team):
    s = await world(gql, team)
    await ask(http, s.dee_token, FEED, {"id": s.general_id})
    with count_statements() as seen:
        await ask(http, s.bob_token, FEED, {"id": s.general_id})
    assert len(seen) == 2, seen
    with count_statements() as seen:
        await ask(http, s.cy_token, FEED, {"id": s.general_id})  # Cy blocks someone: the page runs for her
    assert len(seen) > 2


async def test_every_change_on_the_page_shows_at_once(http, unshared, gql, team):
    s = await world(gql, team)

    async def changed(what: str) -> None:
        before = {name: await ask(http, token, FEED, {"id": s.general_id}) for name, token in s.tokens.items()}
        thread = {name: await ask(http, token, THREAD, {"id": s.ava_post}) for name, token in s.tokens.items()}
        await act[what]()
        for name, token in s.tokens.items():
            for query, variables, old in ((FEED, {"id": s.general_id}, before), (THREAD, {"id": s.ava_post}, thread)):
                now = await ask(http, token, query, variables)
                assert now == await ask(unshared, token, query, variables), (what, name)
                seen[(what, name, query == FEED)] = now != old[name]

    async def new_post():
        await post(gql, s.bob_token, s.general_id, "Fresh post")

    async def new_comment():
        await gql(CREATE_COMMENT, {"i": {"postId": s.ava_post, "body": "new words"}}, token=s.dee_token)

    async def reaction():
        await gql(REACT, {"i": {"targetType": "POST", "targetId": s.ava_post, "emoji": "laugh"}}, token=s.dee_token)

    async def edit():
        await Post.filter(id=int(__import__("ids").pk(s.ava_post))).update(title="Ava's, edited")  # any writer

    async def hide():
        done = await gql(MODERATE, {"i": {"targetType": "COMMENT", "targetId": s.comment, "action": "HIDE"}},
                         token=s.mo_token)
        assert done["moderateContent"]["userErrors"] == []

    async def block():
        ava = await profile_id(gql, s.ava_token)
        assert (await gql(BLOCK, {"i": {"memberId": ava}}, token=s.dee_token))["blockMember"]["changed"] is True

    async def rename():
        done = await gql(UPDATE_PROFILE, {"i": {"displayName": "Ava Renamed"}}, token=s.ava_token)
        assert done["updateMyProfile"]["userErrors"] == []

    async def access():
        await SegmentMembership.filter(segment_id=s.insiders.id, team_contact_id=s.ava.id).delete()

    act = {"post": new_post, "comment": new_comment, "reaction": reaction, "edit": edit, "hide": hide,
           "rename": rename, "access": access, "block": block}
    seen: dict[tuple[str, str, bool], bool] = {}
    for what in act:
        await changed(what)
    for name in ("ava", "bob", "dee"):
        assert seen[("post", name, True)] and seen[("comment", name, False)] and seen[("reaction", name, False)]
        assert seen[("edit", name, True)] and seen[("hide", name, False)] and seen[("rename", name, True)]
    assert seen[("block", "dee", True)] and not seen[("block", "bob", True)]  # the blocker's view only
    vip = await ask(http, s.ava_token, FEED, {"id": s.vip_id})
    assert b"NOT_IN_SEGMENT" in vip and vip == await ask(unshared, s.ava_token, FEED, {"id": s.vip_id})


async def test_pages_that_cannot_be_shared_run_for_each_member(http, unshared, gql, team):
    s = await world(gql, team)
    for query in ("query($id: ID!) { mySpace(id: $id) { posts(first: 5) { nodes { author { bio } } } } }",
                  "query($id: ID!) { mySpace(id: $id) { posts(upcoming: true) { nodes { id } } } }",
                  "query($id: ID!) { mySpace(id: $id) { posts { nodes { attachments { url } } } } }",
                  "query($id: ID!) { mySpace(id: $id) { posts { nodes { reactions { reactedByMe } } } } }",
                  "query($id: ID!) { mySpace(id: $id) { id } myCommunity { isModerator } }",
                  "mutation { __typename }"):
        if "reactedByMe } } } } }" in query:  # shareable in form, but without ids: each member runs it
            assert is_shared_document(query, None)
            before = await counted(http)
            for token in (s.ava_token, s.dee_token, s.dee_token):
                assert await ask(http, token, query, {"id": s.general_id}) == await ask(
                    unshared, token, query, {"id": s.general_id})
            assert (await counted(http)).get("hit", 0) == before.get("hit", 0)
        else:
            assert not is_shared_document(query, None), query
    # A failing request is never stored: a malformed id, then a well-formed one of the wrong hub's space.
    for bad in ({"id": "not-an-id"}, {"id": gid("MemberSpace", 999_999)}):
        for _ in range(2):
            assert await ask(http, s.dee_token, FEED, bad) == await ask(unshared, s.dee_token, FEED, bad)
    assert len(shared_pages) == 1  # only the unknown space's null answer
    # Variables past the limit are never a key.
    long = {"id": s.general_id, "pad": "x" * MAX_VARIABLES_CHARS}
    padded = FEED.replace("query($id: ID!)", "query($id: ID!, $pad: String)")
    assert await ask(http, s.dee_token, padded, long) == await ask(unshared, s.dee_token, padded, long)
    assert len(shared_pages) == 1
    assert await CommunityVersion.filter(hub_id=s.hub.id).exists()  # a row per writing backend


async def test_members_who_miss_together_wait_for_one_run_of_the_page(http, unshared, gql, team):
    s = await world(gql, team)
    import asyncio

    names = ["ava", "bob", "mo", "dee", "ava", "bob", "dee"]
    for _ in range(2):  # a cold start, then after a change: one run each time, whoever asks
        before = await counted(http)
        answers = await asyncio.gather(*(ask(http, s.tokens[n], THREAD, {"id": s.ava_post}) for n in names))
        after = await counted(http)
        for name, answer in zip(names, answers, strict=True):
            assert answer == await ask(unshared, s.tokens[name], THREAD, {"id": s.ava_post}), name
        # Mo (a moderator) has a key of his own; the others share one run.
        assert after["miss"] - before.get("miss", 0) == 2 and after["hit"] - before.get("hit", 0) == 5
        await gql(REACT, {"i": {"targetType": "COMMENT", "targetId": s.comment, "emoji": "tada"}}, token=s.dee_token)
