"""The one access decision: may this member see this thing now? Pure: no I/O, no clock.

Loaders gather the facts (`MemberFacts`, the rules along a target's chain); `decide` answers.
Every way out (tree, node by id, search, pages, media URLs, counts, preview) goes through it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum


class LockReason(StrEnum):
    NOT_A_MEMBER = "NOT_A_MEMBER"
    BANNED = "BANNED"
    ROLE_REQUIRED = "ROLE_REQUIRED"
    NOT_IN_SEGMENT = "NOT_IN_SEGMENT"
    NO_ENTITLEMENT = "NO_ENTITLEMENT"
    NOT_LISTED = "NOT_LISTED"
    NOT_YET_AVAILABLE = "NOT_YET_AVAILABLE"
    EXPIRED = "EXPIRED"


# Audience kinds and modes as plain strings, so this module imports nothing from the models.
EVERYONE, ROLES, SEGMENTS_ANY, SEGMENTS_ALL, PRODUCTS, CONTACTS = (
    "everyone", "roles", "segments_any", "segments_all", "products", "contacts",
)
NARROW, REPLACE = "narrow", "replace"
HUB_JOIN, ENTITLEMENT_START = "hub_join", "entitlement_start"
LIVE_ENTITLEMENT = frozenset({"active", "grace"})


@dataclass(frozen=True)
class EntitlementFacts:
    status: str
    starts_at: datetime
    ends_at: datetime | None = None


@dataclass(frozen=True)
class MemberFacts:
    """What we know about one contact in one hub. `role` is None when not a hub member."""

    team_contact_id: int
    role: str | None = None
    joined_at: datetime | None = None
    banned: bool = False
    segment_ids: frozenset[int] = frozenset()
    entitlements: Mapping[int, EntitlementFacts] = field(default_factory=dict)

    @property
    def is_member(self) -> bool:
        return self.role is not None


@dataclass(frozen=True)
class Rule:
    audience: str = EVERYONE
    mode: str = NARROW
    roles: frozenset[str] = frozenset()
    segment_ids: frozenset[int] = frozenset()
    product_ids: frozenset[int] = frozenset()
    contact_ids: frozenset[int] = frozenset()
    available_from: datetime | None = None
    available_until: datetime | None = None
    drip_days: int | None = None
    drip_anchor: str | None = None


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: LockReason | None = None
    available_at: datetime | None = None


ALLOWED = Decision(True)


def effective_rules(chain: Sequence[Rule | None]) -> list[Rule]:
    """The rules that apply, given the chain from the outermost (hub section, root) to the target.

    A `replace` rule drops everything above it; `narrow` rules add to what is above them.
    """
    rules: list[Rule] = []
    for rule in chain:
        if rule is None:
            continue
        if rule.mode == REPLACE:
            rules = []
        rules.append(rule)
    return rules


def decide(member: MemberFacts | None, chain: Sequence[Rule | None], now: datetime) -> Decision:
    """Allowed, or the first reason why not (who before when; outer rules before inner ones)."""
    return decide_effective(member, effective_rules(chain), now)


def decide_effective(member: MemberFacts | None, rules: Sequence[Rule], now: datetime) -> Decision:
    """`decide` for rules already reduced by `effective_rules` (a tree computes those once per hub version)."""
    if member is None or not member.is_member:
        return Decision(False, LockReason.NOT_A_MEMBER)
    if member.banned:
        return Decision(False, LockReason.BANNED)
    if not rules:
        return ALLOWED
    for rule in rules:
        reason = _audience_refusal(member, rule, now)
        if reason is not None:
            return Decision(False, reason)
    opens: datetime | None = None
    closes: datetime | None = None
    for rule in rules:
        start, end = _window(member, rule, now)
        if start is not None and (opens is None or start > opens):
            opens = start
        if end is not None and (closes is None or end < closes):
            closes = end
    if closes is not None and (now >= closes or (opens is not None and opens >= closes)):
        return Decision(False, LockReason.EXPIRED)
    if opens is not None and now < opens:
        return Decision(False, LockReason.NOT_YET_AVAILABLE, available_at=opens)
    return ALLOWED


def _live_entitlements(member: MemberFacts, product_ids: frozenset[int], now: datetime) -> list[EntitlementFacts]:
    """Entitlements to any of the products that are neither revoked nor ended."""
    found = []
    for product_id in product_ids:
        ent = member.entitlements.get(product_id)
        if ent is not None and ent.status in LIVE_ENTITLEMENT and (ent.ends_at is None or ent.ends_at > now):
            found.append(ent)
    return found


def _audience_refusal(member: MemberFacts, rule: Rule, now: datetime) -> LockReason | None:
    if rule.audience == EVERYONE:
        return None
    if rule.audience == ROLES:
        return None if member.role in rule.roles else LockReason.ROLE_REQUIRED
    if rule.audience == SEGMENTS_ANY:
        return None if member.segment_ids & rule.segment_ids else LockReason.NOT_IN_SEGMENT
    if rule.audience == SEGMENTS_ALL:
        ok = bool(rule.segment_ids) and rule.segment_ids <= member.segment_ids
        return None if ok else LockReason.NOT_IN_SEGMENT
    if rule.audience == PRODUCTS:
        if _live_entitlements(member, rule.product_ids, now):
            return None
        ended = any(
            (ent := member.entitlements.get(p)) is not None and ent.status in LIVE_ENTITLEMENT
            for p in rule.product_ids
        )
        return LockReason.EXPIRED if ended else LockReason.NO_ENTITLEMENT
    if rule.audience == CONTACTS:
        return None if member.team_contact_id in rule.contact_ids else LockReason.NOT_LISTED
    return LockReason.NOT_LISTED  # an unknown audience admits no one


def _window(member: MemberFacts, rule: Rule, now: datetime) -> tuple[datetime | None, datetime | None]:
    """When the rule opens and closes for this member (None: no bound)."""
    opens = rule.available_from
    closes = rule.available_until
    if rule.audience == PRODUCTS:
        live = _live_entitlements(member, rule.product_ids, now)
        if live:
            earliest = min(ent.starts_at for ent in live)
            opens = max(opens, earliest) if opens else earliest
            ends = [ent.ends_at for ent in live]
            if all(e is not None for e in ends):
                last = max(e for e in ends if e is not None)
                closes = min(closes, last) if closes else last
    if rule.drip_days is not None:
        anchor = _drip_anchor(member, rule, now)
        if anchor is None:
            # Drip from an entitlement the member does not hold: never opens.
            return opens, now
        dripped = anchor + timedelta(days=rule.drip_days)
        opens = max(opens, dripped) if opens else dripped
    return opens, closes


def _drip_anchor(member: MemberFacts, rule: Rule, now: datetime) -> datetime | None:
    if rule.drip_anchor == ENTITLEMENT_START:
        live = _live_entitlements(member, rule.product_ids, now)
        return min((ent.starts_at for ent in live), default=None)
    return member.joined_at


def effective_rules_by_node(
    parents: Mapping[int, int | None],
    node_rules: Mapping[int, Rule],
    section_of: Mapping[int, int | None],
    section_rules: Mapping[int, Rule],
) -> dict[int, tuple[Rule, ...]]:
    """Every node's effective rules (see `effective_rules`), from parents: node id -> parent id or None.

    A node's chain is: its hub section's rule (the nearest section up the tree), then the rules
    of its ancestors from the root down, then its own. Equal results are the same tuple object,
    so a caller can decide once per distinct tuple.
    """
    chains: dict[int, list[Rule | None]] = {}
    sections: dict[int, int | None] = {}

    def chain_of(node_id: int) -> list[Rule | None]:
        if node_id in chains:
            return chains[node_id]
        parent = parents.get(node_id)
        own_section = section_of.get(node_id)
        if parent is None or parent not in parents:
            sections[node_id] = own_section
            chain: list[Rule | None] = [node_rules.get(node_id)]
        else:
            parent_chain = chain_of(parent)
            sections[node_id] = own_section if own_section is not None else sections[parent]
            chain = [*parent_chain, node_rules.get(node_id)]
        chains[node_id] = chain
        return chain

    interned: dict[tuple[Rule, ...], tuple[Rule, ...]] = {}
    out: dict[int, tuple[Rule, ...]] = {}
    for node_id in parents:
        chain = chain_of(node_id)
        section = sections[node_id]
        section_rule = section_rules.get(section) if section is not None else None
        rules = tuple(effective_rules([section_rule, *chain]))
        out[node_id] = interned.setdefault(rules, rules)
    return out


def decide_all(
    member: MemberFacts | None, effective: Mapping[int, tuple[Rule, ...]], now: datetime
) -> dict[int, Decision]:
    """Decisions for nodes whose effective rules are known, once per distinct tuple of rules."""
    by_rules: dict[int, Decision] = {}
    decisions: dict[int, Decision] = {}
    for node_id, rules in effective.items():
        key = id(rules)
        decision = by_rules.get(key)
        if decision is None:
            decision = by_rules[key] = decide_effective(member, rules, now)
        decisions[node_id] = decision
    return decisions


def decide_tree(
    member: MemberFacts | None,
    parents: Mapping[int, int | None],
    node_rules: Mapping[int, Rule],
    section_of: Mapping[int, int | None],
    section_rules: Mapping[int, Rule],
    now: datetime,
) -> dict[int, Decision]:
    """Decisions for every node of a tree at once (parents: node id -> parent id or None).

    A node's chain is: its hub section's rule (the nearest section up the tree), then the rules
    of its ancestors from the root down, then its own.
    """
    return decide_all(member, effective_rules_by_node(parents, node_rules, section_of, section_rules), now)
