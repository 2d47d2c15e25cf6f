"""What one contact may see in one hub: loaders fetch the facts, `decide` answers per target.

`hub_access` is memoised per request (or per subscription event, with fresh loaders), so every
resolver of a request — tree, node, search, pages, media, counts — shares one set of decisions.
Those are decided as they are asked for (`LazyDecisions`): one decision per rule set of the hub's
snapshot, the first time a node with that rule set is read. A course page reads its own nodes'
rule sets, not the whole hub's; whatever is read is what `decide` gives, so every shape agrees.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from strawberry.dataloader import DataLoader

from app.access.decision import Decision, MemberFacts, Rule, decide, decide_effective
from app.access.loaders import HubRules
from app.access.members import MemberViewer
from app.access.snapshot import FactsAndVersion, HubSnapshot, facts_and_version_loader, hub_snapshot
from app.content.loaders import HubTree, is_lesson


class LazyDecisions(dict[int, Decision]):
    """Node id -> decision, for every node of a snapshot: a rule set is decided when one of its nodes is
    first read. A plain dict to read (present keys at dict speed); `in`, `get`, iteration and length
    cover every node of the snapshot, decided or not yet."""

    __slots__ = ("_facts", "_now", "_outcomes", "_rule_set_of", "_rule_sets")

    def __init__(self, facts: MemberFacts, rule_sets: tuple[tuple[Rule, ...], ...], rule_set_of: dict[int, int],
                 now: datetime) -> None:
        super().__init__()
        self._facts, self._rule_sets, self._rule_set_of, self._now = facts, rule_sets, rule_set_of, now
        self._outcomes: list[Decision | None] = [None] * len(rule_sets)

    def outcome(self, index: int) -> Decision:
        """The decision for rule set `index` of the snapshot."""
        decision = self._outcomes[index]
        if decision is None:
            decision = self._outcomes[index] = decide_effective(self._facts, self._rule_sets[index], self._now)
        return decision

    def all_outcomes(self) -> tuple[Decision, ...]:
        return tuple(self.outcome(i) for i in range(len(self._rule_sets)))

    def __missing__(self, node_id: int) -> Decision:
        decision = self[node_id] = self.outcome(self._rule_set_of[node_id])  # KeyError: not a node of the tree
        return decision

    def get(self, node_id: int, default: Any = None) -> Any:  # type: ignore[override]
        return self[node_id] if node_id in self._rule_set_of else default

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._rule_set_of

    def _fill(self) -> None:
        if len(self._rule_set_of) != dict.__len__(self):
            for node_id in self._rule_set_of:
                if not dict.__contains__(self, node_id):
                    self[node_id]  # decided and stored by __missing__

    def __len__(self) -> int:
        return len(self._rule_set_of)

    def __iter__(self) -> Iterator[int]:
        self._fill()
        return super().__iter__()

    def keys(self) -> Any:
        self._fill()
        return super().keys()

    def values(self) -> Any:
        self._fill()
        return super().values()

    def items(self) -> Any:
        self._fill()
        return super().items()

    def __eq__(self, other: object) -> bool:
        self._fill()
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]

    def copy(self) -> dict[int, Decision]:
        self._fill()
        return dict(super().items())

    def __reduce__(self) -> Any:
        return (dict, (self.copy(),))


@dataclass
class HubAccess:
    team_id: int
    hub_id: int
    contact_id: int
    facts: MemberFacts
    tree: HubTree
    rules: HubRules
    # With a snapshot, `LazyDecisions` (one decision per rule set of `snapshot.rule_sets`, as read).
    decisions: dict[int, Decision]
    now: datetime
    snapshot: HubSnapshot | None = None  # None when the loaders are off (benchmark baseline)

    @property
    def outcomes(self) -> tuple[Decision, ...]:
        """The decision per rule set of the snapshot, all of them (() without a snapshot)."""
        decisions = self.decisions
        return decisions.all_outcomes() if isinstance(decisions, LazyDecisions) else ()

    def outcomes_under(self, roots: tuple[int, ...]) -> tuple[tuple[int, Decision], ...] | None:
        """(rule set, decision) for the rule sets of these roots' subtrees only (unknown roots have none),
        deciding no other; None without a snapshot."""
        snapshot, decisions = self.snapshot, self.decisions
        if snapshot is None or not isinstance(decisions, LazyDecisions):
            return None
        # Kept per node of the tree (so the memo is bounded by the snapshot, whatever ids callers send).
        memo: dict[int, frozenset[int]] = snapshot.memo.setdefault("access:rule-sets-under", {})
        rule_set_of = snapshot.rule_set_of
        indices: set[int] = set()
        for root in roots:
            if root not in rule_set_of:
                continue
            under = memo.get(root)
            if under is None:
                under = memo[root] = frozenset(rule_set_of[node] for node in self.subtree(root))
            indices |= under
        return tuple((i, decisions.outcome(i)) for i in sorted(indices))

    def node(self, node_id: int) -> Decision | None:
        return self.decisions.get(node_id)

    def section(self, section_id: int | None) -> Decision:
        rule = self.rules.sections.get(section_id) if section_id is not None else None
        return decide(self.facts, [rule], self.now)

    def page(self, page_id: int) -> Decision:
        return decide(self.facts, [self.rules.pages.get(page_id)], self.now)

    def space(self, space_id: int) -> Decision:
        """A community space: its own rule (target `space`), decided like a page's."""
        return decide(self.facts, [self.rules.spaces.get(space_id)], self.now)

    def page_section(self, page_id: int, node_id: int | None) -> Decision:
        """A page section obeys its page, and the node it shows (if any) as well."""
        page = self.page(page_id)
        if not page.allowed or node_id is None:
            return page
        node = self.decisions.get(node_id)
        # A section showing a draft or deleted node shows nothing of it.
        return node if node is not None else Decision(False, None)

    def lesson_totals(self) -> tuple[int, int]:
        """(published lessons in the hub, of which this member may open)."""
        tallies = self._tallies()
        if tallies is None:
            lessons = [i for i, row in self.tree.nodes.items() if is_lesson(row)]
            return len(lessons), sum(self.decisions[i].allowed for i in lessons)
        return tallies.total, self._opened(tallies.hub)

    def lesson_counts(self, node_id: int) -> tuple[int, int]:
        """(published lessons strictly under the node, of which this member may open)."""
        tallies = self._tallies()
        if tallies is None:
            below = [i for i in self.tree.descendants(node_id) if is_lesson(self.tree.nodes[i])]
            return len(below), sum(self.decisions[i].allowed for i in below)
        return tallies.below_total[node_id], self._opened(tallies.below[node_id])

    def node_lesson_counts(self) -> tuple[dict[int, int], Callable[[int], int]]:
        """`lessonCount` per node as the API gives it (a lesson counts itself), and a function giving
        `accessibleLessonCount` of a node: it decides only the rule sets of the lessons under that node."""
        tallies = self._tallies()
        decisions = self.decisions
        if tallies is None:
            totals = {i: 1 if is_lesson(row) else self.lesson_counts(i)[0] for i, row in self.tree.nodes.items()}
            nodes = self.tree.nodes
            return totals, lambda i: int(decisions[i].allowed) if is_lesson(nodes[i]) else self.lesson_counts(i)[1]
        counted = tallies.counted
        return tallies.counted_total, lambda node_id: self._opened(counted[node_id])

    def subtree(self, root: int) -> list[int]:
        """The node and its descendants, in tree order (kept per snapshot: treat as read-only)."""
        if self.snapshot is None:
            return [root, *self.tree.descendants(root)]
        subtrees: dict[int, list[int]] = self.snapshot.memo.setdefault("access:subtrees", {})
        ids = subtrees.get(root)
        if ids is None:
            ids = subtrees[root] = [root, *self.tree.descendants(root)]
        return ids

    def _opened(self, tally: tuple[tuple[int, int], ...]) -> int:
        decisions = self.decisions
        return sum(n for representative, n in tally if decisions[representative].allowed)

    def _tallies(self) -> LessonTallies | None:
        snapshot = self.snapshot
        if snapshot is None:
            return None
        tallies = snapshot.memo.get("access:lesson-tallies")
        if tallies is None:
            tallies = snapshot.memo["access:lesson-tallies"] = lesson_tallies(self.tree, snapshot.rule_set_of)
        return tallies

    def changed_since(self, before: HubAccess) -> list[int]:
        return [
            node_id for node_id in self.tree.order
            if node_id not in before.decisions or before.decisions[node_id] != self.decisions[node_id]
        ]


@dataclass(frozen=True)
class LessonTallies:
    """A snapshot's lessons counted by rule set: a tally is ((a node with that rule set, lessons), ...), so
    the lessons a member may open are the sum over the rule sets that open for them (one read each)."""

    total: int
    hub: tuple[tuple[int, int], ...]  # every lesson of the hub
    below_total: dict[int, int]  # node -> lessons strictly below it
    below: dict[int, tuple[tuple[int, int], ...]]
    counted_total: dict[int, int]  # node -> `lessonCount` as the API gives it: a lesson counts itself
    counted: dict[int, tuple[tuple[int, int], ...]]


def lesson_tallies(tree: HubTree, rule_set_of: dict[int, int]) -> LessonTallies:
    """Per node, its lessons by rule set, from the leaves up (pre-order reversed); once per snapshot."""
    representative: dict[int, int] = {}  # rule set -> its first node in tree order
    for node_id in tree.order:
        representative.setdefault(rule_set_of[node_id], node_id)
    below: dict[int, dict[int, int]] = {}
    for node_id in reversed(tree.order):
        tally: dict[int, int] = {}
        for child in tree.children.get(node_id, ()):
            for rule_set, n in below[child].items():
                tally[rule_set] = tally.get(rule_set, 0) + n
            if is_lesson(tree.nodes[child]):
                rule_set = rule_set_of[child]
                tally[rule_set] = tally.get(rule_set, 0) + 1
        below[node_id] = tally

    def pairs(tally: dict[int, int]) -> tuple[tuple[int, int], ...]:
        return tuple((representative[rule_set], n) for rule_set, n in sorted(tally.items()))

    hub: dict[int, int] = {}
    for node_id in tree.order:
        if is_lesson(tree.nodes[node_id]):
            hub[rule_set_of[node_id]] = hub.get(rule_set_of[node_id], 0) + 1
    below_pairs = {i: pairs(t) for i, t in below.items()}
    counted = {i: ((i, 1),) if is_lesson(tree.nodes[i]) else below_pairs[i] for i in tree.order}
    return LessonTallies(
        total=sum(hub.values()), hub=pairs(hub),
        below_total={i: sum(t.values()) for i, t in below.items()}, below=below_pairs,
        counted_total={i: sum(n for _, n in counted[i]) for i in tree.order}, counted=counted,
    )


async def compute_hub_access(
    loaders: dict[str, Any], team_id: int, hub_id: int, contact_id: int, now: datetime | None = None
) -> HubAccess:
    """Decisions for every node of the hub, decided as read; `loaders` is the request's (or the event's) cache.

    One query gives the member's facts and the hub's version; the tree and rules come from the
    snapshot of that version (app/access/snapshot.py: cached in-process, read again when changed).
    """

    def get(name: str, factory: Any) -> Any:
        if name not in loaders:
            loaders[name] = factory()
        return loaders[name]

    now = now or datetime.now(UTC)
    found = await _facts_loader(loaders, team_id, hub_id).load(contact_id)
    snapshot = await get_snapshot(loaders, team_id, hub_id, found.hub_version)
    decisions = LazyDecisions(found.facts, snapshot.rule_sets, snapshot.rule_set_of, now)
    return HubAccess(team_id, hub_id, contact_id, found.facts, snapshot.tree, snapshot.rules, decisions, now,
                     snapshot=snapshot)


def _facts_loader(loaders: dict[str, Any], team_id: int, hub_id: int) -> DataLoader[int, FactsAndVersion]:
    key = f"access:facts+version:{hub_id}"
    if key not in loaders:
        loaders[key] = facts_and_version_loader(team_id, hub_id)
    return loaders[key]


def prime_member_access(loaders: dict[str, Any], member: MemberViewer) -> None:
    """A signed-in member's facts and hub version, read with the session, serve this request's decisions."""
    if member.access_facts is not None:
        _facts_loader(loaders, member.team_id, member.hub_id).prime(member.team_contact_id, member.access_facts)


async def get_snapshot(loaders: dict[str, Any], team_id: int, hub_id: int, version: str) -> HubSnapshot:
    """The hub's snapshot, shared by the resolvers of one request (one read of it at most)."""
    key = f"access:snapshot:{hub_id}:{version}"
    task = loaders.get(key)
    if task is None:
        task = loaders[key] = asyncio.ensure_future(hub_snapshot(team_id, hub_id, version))
    return await task


async def hub_access(loaders: dict[str, Any], team_id: int, hub_id: int, contact_id: int) -> HubAccess:
    """Memoised `compute_hub_access` (concurrent resolvers await the same computation)."""
    key = f"access:view:{hub_id}:{contact_id}"
    task = loaders.get(key)
    if task is None:
        task = loaders[key] = asyncio.ensure_future(compute_hub_access(loaders, team_id, hub_id, contact_id))
    return await task
