"""Moderation: flags, the per-hub queue for moderators and staff, hide/restore/delete/approve, pin and lock,
bans through the hubs service, word filters, first-post review, and the audit log of every action."""

from __future__ import annotations

from ids import gid, pk
from test_community import (
    CREATE_COMMENT,
    CREATE_POST,
    FEED,
    SETTINGS,
    THREAD,
    community,
    member_space_id,
    post,
    sign_in,
)

from app.community.models import ModerationAction, Post
from app.contacts.models import Event
from app.hubs.models import HubMembership

FLAG = """mutation($i: FlagContentInput!) { flagContent(input: $i) { flag { id targetType reason status }
  userErrors { field code message } } }"""
QUEUE_FIELDS = """flags { edges { node { id targetType reason reporter { handle } post { id title status }
    comment { id body } message { id body } } } }
  pendingPosts { nodes { id title status } } log(first: 50) { nodes { action targetType byStaff byMember { handle } } }"""
MY_QUEUE = f"{{ myModerationQueue {{ {QUEUE_FIELDS} }} }}"
STAFF_QUEUE = f"query($h: ID!) {{ moderationQueue(hubId: $h) {{ {QUEUE_FIELDS} }} }}"
MODERATE = """mutation($i: ModerateContentInput!) { moderateContent(input: $i) { status userErrors { field code } } }"""
STAFF_MODERATE = """mutation($i: ModerateContentInput!) { moderateCommunityContent(input: $i) { status
  userErrors { field code } } }"""
POST_STATE = """mutation($i: SetPostStateInput!) { setPostState(input: $i) { post { id pinned locked }
  userErrors { field code } } }"""
BAN = """mutation($i: BanMemberInput!) { banMember(input: $i) { banned userErrors { field code message } } }"""
STAFF_BAN = """mutation($i: BanCommunityMemberInput!) { banCommunityMember(input: $i) { banned userErrors { field code } } }"""
PROFILE = "{ myProfile { profile { id handle } } }"
NOTIFICATIONS = "{ myNotifications(first: 20) { nodes { kind text read } } }"


async def test_a_flagged_post_reaches_the_queue_and_a_moderator_hides_and_restores_it(gql, team):
    s = await community(gql, team)
    general = member_space_id(s.general["id"])
    bad = (await post(gql, s.bob_token, general, "Buy pills", "cheap"))["post"]["id"]
    flagged = (await gql(FLAG, {"i": {"targetType": "POST", "targetId": bad, "reason": "spam"}}, token=s.ava_token))
    assert flagged["flagContent"]["userErrors"] == [] and flagged["flagContent"]["flag"]["status"] == "OPEN"
    again = await gql(FLAG, {"i": {"targetType": "POST", "targetId": bad, "reason": "spam!"}}, token=s.ava_token)
    assert again["flagContent"]["flag"]["id"] == flagged["flagContent"]["flag"]["id"]  # one open flag per member
    empty = await gql(FLAG, {"i": {"targetType": "POST", "targetId": bad, "reason": " "}}, token=s.ava_token)
    assert empty["flagContent"]["userErrors"][0]["code"] == "INVALID_REASON"

    # Members are not moderators.
    refused = await gql.raw(MY_QUEUE, token=s.ava_token)
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    not_mod = await gql(MODERATE, {"i": {"targetType": "POST", "targetId": bad, "action": "HIDE"}}, token=s.ava_token)
    assert not_mod["moderateContent"]["userErrors"][0]["code"] == "NOT_A_MODERATOR"

    queue = (await gql(MY_QUEUE, token=s.mo_token))["myModerationQueue"]
    [item] = [e["node"] for e in queue["flags"]["edges"]]
    assert (item["reason"], item["reporter"]["handle"], item["post"]["title"]) == ("spam", "ava", "Buy pills")

    hidden = await gql(MODERATE, {"i": {"targetType": "POST", "targetId": bad, "action": "HIDE", "note": "ads"}},
                       token=s.mo_token)
    assert hidden["moderateContent"] == {"status": "HIDDEN", "userErrors": []}
    assert (await gql(FEED, {"id": general}, token=s.ava_token))["mySpace"]["posts"]["edges"] == []
    assert (await gql(THREAD, {"id": bad}, token=s.ava_token))["communityPost"] is None
    assert (await gql(THREAD, {"id": bad}, token=s.mo_token))["communityPost"]["id"] == bad  # moderators still see it
    assert (await gql(MY_QUEUE, token=s.mo_token))["myModerationQueue"]["flags"]["edges"] == []  # resolved
    told = (await gql(NOTIFICATIONS, token=s.bob_token))["myNotifications"]["nodes"]
    assert told == [{"kind": "MODERATION", "text": "Your post “Buy pills” was hidden by a moderator", "read": False}]

    restored = await gql(STAFF_MODERATE, {"i": {"targetType": "POST", "targetId": bad, "action": "RESTORE"}},
                         token=team.key)
    assert restored["moderateCommunityContent"]["status"] == "VISIBLE"
    log = (await gql(STAFF_QUEUE, {"h": gid("Hub", s.hub.id)}, token=team.key))["moderationQueue"]["log"]["nodes"]
    assert [(e["action"], e["byMember"], bool(e["byStaff"])) for e in log] == [
        ("restore", None, True), ("hide", {"handle": "mo"}, False)]


async def test_moderators_pin_and_lock_and_a_locked_thread_takes_no_member_comments(gql, team):
    s = await community(gql, team)
    general = member_space_id(s.general["id"])
    topic = (await post(gql, s.ava_token, general, "Rules"))["post"]["id"]
    not_mod = await gql(POST_STATE, {"i": {"postId": topic, "locked": True}}, token=s.ava_token)
    assert not_mod["setPostState"]["userErrors"][0]["code"] == "NOT_A_MODERATOR"
    state = await gql(POST_STATE, {"i": {"postId": topic, "pinned": True, "locked": True}}, token=s.mo_token)
    assert state["setPostState"]["post"] == {"id": topic, "pinned": True, "locked": True}
    refused = await gql(CREATE_COMMENT, {"i": {"postId": topic, "body": "me too"}}, token=s.bob_token)
    assert refused["createComment"]["userErrors"][0]["code"] == "LOCKED"
    assert (await gql(CREATE_COMMENT, {"i": {"postId": topic, "body": "Locked."}}, token=s.mo_token)
            )["createComment"]["userErrors"] == []
    pinned = (await gql("query($id: ID!) { mySpace(id: $id) { pinnedPosts { id } } }", {"id": general},
                        token=s.bob_token))["mySpace"]["pinnedPosts"]
    assert pinned == [{"id": topic}]
    assert sorted(await ModerationAction.all().values_list("action", flat=True)) == ["lock", "pin"]


async def test_a_ban_goes_through_the_hub_membership_and_shuts_the_member_out(gql, team, other_team):
    s = await community(gql, team)
    general = member_space_id(s.general["id"])
    await post(gql, s.bob_token, general, "Hello")  # Bob gets a profile
    bob_profile = (await gql(PROFILE, token=s.bob_token))["myProfile"]["profile"]["id"]
    mo_profile = (await gql(PROFILE, token=s.mo_token))["myProfile"]["profile"]["id"]
    cannot = await gql(BAN, {"i": {"memberId": mo_profile}}, token=s.mo_token)
    assert cannot["banMember"]["userErrors"][0]["code"] == "CANNOT_BAN"
    foreign = await gql(STAFF_BAN, {"i": {"hubId": gid("Hub", s.hub.id), "contactId": gid("Contact", s.bob.id)}},
                        token=other_team.key)
    assert foreign["banCommunityMember"]["userErrors"][0]["code"] == "NOT_FOUND"

    banned = await gql(BAN, {"i": {"memberId": bob_profile, "reason": "spam"}}, token=s.mo_token)
    assert banned["banMember"] == {"banned": True, "userErrors": []}
    membership = await HubMembership.get(hub_id=s.hub.id, team_contact_id=s.bob.id)
    assert (membership.banned, membership.ban_reason) == (True, "spam")
    refused = await gql(CREATE_POST, {"i": {"spaceId": general, "title": "Still here?"}}, token=s.bob_token)
    assert refused["createPost"]["userErrors"][0]["code"] in ("NOT_A_MEMBER", "LOCKED")
    unbanned = await gql(STAFF_BAN, {"i": {"hubId": gid("Hub", s.hub.id), "contactId": gid("Contact", s.bob.id),
                                           "banned": False}}, token=team.key)
    assert unbanned["banCommunityMember"]["banned"] is False
    assert sorted(await ModerationAction.all().values_list("action", flat=True)) == ["ban", "unban"]


async def test_word_filters_block_or_hold_and_first_posts_wait_for_review(gql, team):
    s = await community(gql, team)
    general = member_space_id(s.general["id"])
    await gql(SETTINGS, {"i": {"hubId": gid("Hub", s.hub.id), "firstPostReview": True,
                               "wordFilters": [{"word": "casino", "action": "BLOCK"},
                                               {"word": "crypto", "action": "REVIEW"}]}}, token=team.key)
    blocked = await post(gql, s.ava_token, general, "Best Casino deals")
    assert blocked["userErrors"] == [{"field": "body", "code": "BLOCKED_WORD",
                                      "message": "the post contains a word this hub does not allow"}]
    first = await post(gql, s.ava_token, general, "Hello, I am new")
    assert first["post"]["status"] == "PENDING"
    assert (await gql(FEED, {"id": general}, token=s.bob_token))["mySpace"]["posts"]["edges"] == []
    assert (await gql(THREAD, {"id": first["post"]["id"]}, token=s.ava_token))["communityPost"] is not None  # own
    assert not await Event.filter(type="post_created").exists()  # not posted until approved

    queue = (await gql(STAFF_QUEUE, {"h": gid("Hub", s.hub.id)}, token=team.key))["moderationQueue"]
    assert [p["title"] for p in queue["pendingPosts"]["nodes"]] == ["Hello, I am new"]
    approved = await gql(MODERATE, {"i": {"targetType": "POST", "targetId": first["post"]["id"],
                                          "action": "APPROVE"}}, token=s.mo_token)
    assert approved["moderateContent"]["status"] == "VISIBLE"
    assert await Event.filter(type="post_created").count() == 1
    again = await gql(MODERATE, {"i": {"targetType": "POST", "targetId": first["post"]["id"], "action": "APPROVE"}},
                      token=s.mo_token)
    assert again["moderateContent"]["userErrors"][0]["code"] == "NOT_PENDING"

    # Approved once: the next post goes straight out, unless a review word holds it.
    assert (await post(gql, s.ava_token, general, "Second"))["post"]["status"] == "VISIBLE"
    assert (await post(gql, s.ava_token, general, "About crypto"))["post"]["status"] == "PENDING"
    assert await Post.filter(status="visible").count() == 2


async def test_other_teams_and_hubs_cannot_moderate(gql, team, other_team):
    s = await community(gql, team)
    general = member_space_id(s.general["id"])
    target = (await post(gql, s.ava_token, general, "Mine"))["post"]["id"]
    hidden = await gql(STAFF_MODERATE, {"i": {"targetType": "POST", "targetId": target, "action": "HIDE"}},
                       token=other_team.key)
    assert hidden["moderateCommunityContent"]["userErrors"][0]["code"] == "NOT_FOUND"
    assert (await gql(STAFF_QUEUE, {"h": gid("Hub", s.hub.id)}, token=other_team.key))["moderationQueue"] is None
    # A moderator of another hub of the same team does not reach this hub.
    other_hub = await __import__("factories").hub(team, "Pilates", "pilates")
    await __import__("factories").hub_member(team, other_hub, s.mo, role="moderator")
    mo_there = await sign_in(gql, other_hub, s.mo)
    far = await gql(MODERATE, {"i": {"targetType": "POST", "targetId": target, "action": "HIDE"}}, token=mo_there)
    assert far["moderateContent"]["userErrors"][0]["code"] == "NOT_FOUND"
    assert (await Post.get(id=pk(target))).status == "visible"
