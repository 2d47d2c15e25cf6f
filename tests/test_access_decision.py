"""The pure access decision: every audience, window, drip, inheritance and ban combination."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from app.access.decision import (
    Decision,
    EntitlementFacts,
    LockReason,
    MemberFacts,
    Rule,
    decide,
    decide_tree,
    effective_rules,
)

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)
JOINED = NOW - 10 * DAY


def member(**kw) -> MemberFacts:
    base = {"team_contact_id": 7, "role": "member", "joined_at": JOINED}
    return MemberFacts(**{**base, **kw})


def ent(status="active", starts=NOW - 5 * DAY, ends=None) -> EntitlementFacts:
    return EntitlementFacts(status=status, starts_at=starts, ends_at=ends)


def test_no_rule_lets_every_hub_member_in():
    assert decide(member(), [], NOW) == Decision(True)
    assert decide(member(), [None, None], NOW).allowed


def test_non_members_and_unknown_contacts_are_not_members():
    assert decide(None, [], NOW) == Decision(False, LockReason.NOT_A_MEMBER)
    assert decide(MemberFacts(team_contact_id=7), [Rule()], NOW).reason == LockReason.NOT_A_MEMBER


def test_banned_members_see_nothing_even_when_named():
    banned = member(banned=True)
    for rule in (Rule(), Rule(audience="contacts", contact_ids=frozenset({7})), None):
        assert decide(banned, [rule], NOW) == Decision(False, LockReason.BANNED)


@pytest.mark.parametrize("role,allowed", [("member", False), ("moderator", True), ("host", True)])
def test_role_audience(role, allowed):
    rule = Rule(audience="roles", roles=frozenset({"moderator", "host"}))
    decision = decide(member(role=role), [rule], NOW)
    assert decision.allowed is allowed
    assert decision.reason == (None if allowed else LockReason.ROLE_REQUIRED)


@pytest.mark.parametrize(
    "audience,member_segments,allowed",
    [
        ("segments_any", set(), False), ("segments_any", {1}, True), ("segments_any", {2}, True),
        ("segments_any", {3}, False), ("segments_all", {1}, False), ("segments_all", {1, 2}, True),
        ("segments_all", {1, 2, 3}, True),
    ],
)
def test_segment_audiences(audience, member_segments, allowed):
    rule = Rule(audience=audience, segment_ids=frozenset({1, 2}))
    decision = decide(member(segment_ids=frozenset(member_segments)), [rule], NOW)
    assert decision.allowed is allowed
    assert decision.reason == (None if allowed else LockReason.NOT_IN_SEGMENT)


def test_segments_all_with_no_segments_admits_no_one():
    assert decide(member(segment_ids=frozenset({1})), [Rule(audience="segments_all")], NOW).reason == \
        LockReason.NOT_IN_SEGMENT


@pytest.mark.parametrize(
    "entitlement,expected",
    [
        (None, Decision(False, LockReason.NO_ENTITLEMENT)),
        (ent(), Decision(True)),
        (ent(status="grace"), Decision(True)),
        (ent(status="revoked"), Decision(False, LockReason.NO_ENTITLEMENT)),
        (ent(ends=NOW - DAY), Decision(False, LockReason.EXPIRED)),
        (ent(ends=NOW + DAY), Decision(True)),
        (ent(starts=NOW + 2 * DAY), Decision(False, LockReason.NOT_YET_AVAILABLE, NOW + 2 * DAY)),
    ],
)
def test_product_audience(entitlement, expected):
    rule = Rule(audience="products", product_ids=frozenset({50}))
    facts = member(entitlements={50: entitlement} if entitlement else {})
    assert decide(facts, [rule], NOW) == expected


def test_entitlement_to_another_product_does_not_count():
    rule = Rule(audience="products", product_ids=frozenset({50}))
    assert decide(member(entitlements={51: ent()}), [rule], NOW).reason == LockReason.NO_ENTITLEMENT


def test_named_contacts():
    rule = Rule(audience="contacts", contact_ids=frozenset({7, 8}))
    assert decide(member(), [rule], NOW).allowed
    assert decide(member(team_contact_id=9), [rule], NOW).reason == LockReason.NOT_LISTED


def test_unknown_audience_admits_no_one():
    assert not decide(member(), [Rule(audience="aliens")], NOW).allowed


@pytest.mark.parametrize(
    "start,end,expected",
    [
        (NOW - DAY, None, Decision(True)),
        (NOW + DAY, None, Decision(False, LockReason.NOT_YET_AVAILABLE, NOW + DAY)),
        (None, NOW + DAY, Decision(True)),
        (None, NOW, Decision(False, LockReason.EXPIRED)),
        (None, NOW - DAY, Decision(False, LockReason.EXPIRED)),
        (NOW - DAY, NOW + DAY, Decision(True)),
        (NOW + DAY, NOW + 2 * DAY, Decision(False, LockReason.NOT_YET_AVAILABLE, NOW + DAY)),
        (NOW, None, Decision(True)),
    ],
)
def test_date_windows(start, end, expected):
    assert decide(member(), [Rule(available_from=start, available_until=end)], NOW) == expected


@pytest.mark.parametrize("days,allowed", [(0, True), (5, True), (10, True), (11, False), (30, False)])
def test_drip_after_hub_join(days, allowed):
    decision = decide(member(), [Rule(drip_days=days, drip_anchor="hub_join")], NOW)
    assert decision.allowed is allowed
    if not allowed:
        assert decision == Decision(False, LockReason.NOT_YET_AVAILABLE, JOINED + days * DAY)


def test_drip_after_entitlement_start_uses_the_entitlement_not_the_join():
    rule = Rule(audience="products", product_ids=frozenset({50}), drip_days=7, drip_anchor="entitlement_start")
    fresh = member(entitlements={50: ent(starts=NOW - 2 * DAY)})
    assert decide(fresh, [rule], NOW) == Decision(False, LockReason.NOT_YET_AVAILABLE, NOW + 5 * DAY)
    older = member(entitlements={50: ent(starts=NOW - 8 * DAY)})
    assert decide(older, [rule], NOW).allowed


def test_drip_after_entitlement_start_without_the_entitlement_never_opens():
    rule = Rule(product_ids=frozenset({50}), drip_days=1, drip_anchor="entitlement_start")
    assert decide(member(), [rule], NOW).reason == LockReason.EXPIRED


def test_opening_after_closing_is_expired_not_pending():
    rule = Rule(drip_days=30, drip_anchor="hub_join", available_until=NOW + DAY)
    assert decide(member(), [rule], NOW).reason == LockReason.EXPIRED


def test_narrow_rules_all_apply_and_outer_reasons_come_first():
    course = Rule(audience="products", product_ids=frozenset({50}))
    lesson = Rule(audience="segments_any", segment_ids=frozenset({1}))
    neither = member()
    assert decide(neither, [course, lesson], NOW).reason == LockReason.NO_ENTITLEMENT
    buyer = member(entitlements={50: ent()})
    assert decide(buyer, [course, lesson], NOW).reason == LockReason.NOT_IN_SEGMENT
    both = member(entitlements={50: ent()}, segment_ids=frozenset({1}))
    assert decide(both, [course, lesson], NOW).allowed


def test_who_is_decided_before_when():
    course = Rule(available_from=NOW + DAY)
    lesson = Rule(audience="segments_any", segment_ids=frozenset({1}))
    assert decide(member(), [course, lesson], NOW).reason == LockReason.NOT_IN_SEGMENT


def test_latest_opening_wins_across_the_chain():
    chain = [Rule(available_from=NOW + DAY), Rule(drip_days=15, drip_anchor="hub_join")]
    assert decide(member(), chain, NOW) == Decision(False, LockReason.NOT_YET_AVAILABLE, JOINED + 15 * DAY)


def test_replace_drops_everything_above_it():
    course = Rule(audience="products", product_ids=frozenset({50}))
    free_preview = Rule(mode="replace")
    assert decide(member(), [course, free_preview], NOW).allowed
    assert effective_rules([course, None, free_preview]) == [free_preview]
    deeper = Rule(audience="roles", roles=frozenset({"host"}))
    assert effective_rules([course, free_preview, deeper]) == [free_preview, deeper]


def test_replace_does_not_lift_a_ban_or_non_membership():
    assert decide(member(banned=True), [Rule(mode="replace")], NOW).reason == LockReason.BANNED
    assert decide(None, [Rule(mode="replace")], NOW).reason == LockReason.NOT_A_MEMBER


def test_every_audience_and_window_combination_is_consistent():
    """Allowed exactly when the audience admits and the window is open; never a reason when allowed."""
    audiences = {
        "everyone": Rule(), "roles": Rule(audience="roles", roles=frozenset({"host"})),
        "segments": Rule(audience="segments_any", segment_ids=frozenset({1})),
        "products": Rule(audience="products", product_ids=frozenset({50})),
        "contacts": Rule(audience="contacts", contact_ids=frozenset({7})),
    }
    windows = {"open": {}, "future": {"available_from": NOW + DAY}, "past": {"available_until": NOW - DAY},
               "drip": {"drip_days": 20, "drip_anchor": "hub_join"}}
    people = {
        "plain": member(team_contact_id=8), "host": member(role="host", team_contact_id=8),
        "segment": member(segment_ids=frozenset({1}), team_contact_id=8),
        "buyer": member(entitlements={50: ent()}, team_contact_id=8), "named": member(),
    }
    admits = {"everyone": set(people), "roles": {"host"}, "segments": {"segment"}, "products": {"buyer"},
              "contacts": {"named"}}
    for (a, rule), (w, window), (p, facts) in itertools.product(audiences.items(), windows.items(), people.items()):
        import dataclasses

        decision = decide(facts, [dataclasses.replace(rule, **window)], NOW)
        expected = p in admits[a] and w == "open"
        assert decision.allowed is expected, (a, w, p, decision)
        assert (decision.reason is None) is decision.allowed
        if p in admits[a] and w in ("future", "drip"):
            assert decision.reason == LockReason.NOT_YET_AVAILABLE and decision.available_at is not None
        if p in admits[a] and w == "past":
            assert decision.reason == LockReason.EXPIRED


def test_tree_inherits_rules_and_hub_section_rules_down_any_depth():
    # 1 course (section 100) > 2 module > 3 lesson > 4 sub-lesson; 5 another course without section
    parents = {1: None, 2: 1, 3: 2, 4: 3, 5: None}
    sections = {1: 100, 2: None, 3: None, 4: None, 5: None}
    section_rules = {100: Rule(audience="segments_any", segment_ids=frozenset({1}))}
    node_rules = {3: Rule(drip_days=20, drip_anchor="hub_join"), 4: Rule(mode="replace")}
    outsider = decide_tree(member(), parents, node_rules, sections, section_rules, NOW)
    assert outsider[1].reason == outsider[2].reason == outsider[3].reason == LockReason.NOT_IN_SEGMENT
    assert outsider[4].allowed and outsider[5].allowed
    insider = decide_tree(member(segment_ids=frozenset({1})), parents, node_rules, sections, section_rules, NOW)
    assert insider[1].allowed and insider[2].allowed
    assert insider[3] == Decision(False, LockReason.NOT_YET_AVAILABLE, JOINED + 20 * DAY)
    assert insider[4].allowed


def test_a_nodes_own_section_overrides_its_parents():
    parents = {1: None, 2: 1}
    decisions = decide_tree(member(), parents, {}, {1: 100, 2: 200},
                            {100: Rule(), 200: Rule(audience="roles", roles=frozenset({"host"}))}, NOW)
    assert decisions[1].allowed and decisions[2].reason == LockReason.ROLE_REQUIRED


def test_deep_trees_are_decided():
    parents = {i: (i - 1 if i > 1 else None) for i in range(1, 400)}
    decisions = decide_tree(member(), parents, {1: Rule(available_from=NOW + DAY)}, {}, {}, NOW)
    assert all(d.reason == LockReason.NOT_YET_AVAILABLE for d in decisions.values())
