"""What one contact may see in one hub: loaders fetch the facts, `decide` answers per target.

`hub_access` is memoised per request (or per subscription event, with fresh loaders), so every
resolver of a request — tree, node, search, pages, media, counts — shares one set of decisions.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

from app.access.decision import Decision, MemberFacts, decide, decide_effective
from app.access.loaders import HubRules
from app.access.members import MemberViewer
from app.access.snapshot import FactsAndVersion, HubSnapshot, facts_and_version_loader, hub_snapshot
from app.content.loaders import HubTree, is_lesson

MAX_SHARED_VALUES = 512  # per snapshot: values kept per distinct "which rule sets open" (lesson counts)
_T = TypeVar("_T")


@dataclass
class HubAccess:
    team_id: int
    hub_id: int
    contact_id: int
    facts: MemberFacts
    tree: HubTree
    rules: HubRules
    decisions: dict[int, Decision]
    now: datetime
    snapshot: HubSnapshot | None = None  # None when the loaders are off (benchmark baseline)
    # With a snapshot: the decision per rule set (`snapshot.rule_sets`), from which `decisions` come.
    outcomes: tuple[Decision, ...] = ()
    _lesson_counts: dict[int, tuple[int, int]] = field(default_factory=dict)

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
        snapshot = self.snapshot
        if snapshot is None:
            lessons = [i for i, row in self.tree.nodes.items() if is_lesson(row)]
            return len(lessons), sum(self.decisions[i].allowed for i in lessons)
        per_set = snapshot.memo.get("access:lessons-per-rule-set")
        if per_set is None:
            per_set = [0] * len(snapshot.rule_sets)
            for node_id, row in self.tree.nodes.items():
                if is_lesson(row):
                    per_set[snapshot.rule_set_of[node_id]] += 1
            snapshot.memo["access:lessons-per-rule-set"] = per_set
        return sum(per_set), sum(n for n, outcome in zip(per_set, self.outcomes, strict=True) if outcome.allowed)

    def lesson_counts(self, node_id: int) -> tuple[int, int]:
        """(published lessons under the node, of which this member may open)."""
        if not self._lesson_counts:
            self._lesson_counts = self._shared("below", self._count_lessons)
        return self._lesson_counts[node_id]

    def node_lesson_counts(self) -> tuple[dict[int, int], dict[int, int]]:
        """Per node, `lessonCount` and `accessibleLessonCount` as the API gives them (a lesson counts itself)."""
        def build() -> tuple[dict[int, int], dict[int, int]]:
            totals, opened = {}, {}
            for node_id, row in self.tree.nodes.items():
                if is_lesson(row):
                    totals[node_id], opened[node_id] = 1, int(self.decisions[node_id].allowed)
                else:
                    totals[node_id], opened[node_id] = self.lesson_counts(node_id)
            return totals, opened

        return self._shared("per-node", build)

    def _shared(self, name: str, build: Callable[[], _T]) -> _T:
        """A value that depends only on the snapshot and which of its rule sets open: members alike share it."""
        snapshot = self.snapshot
        if snapshot is None:
            return build()
        shared: OrderedDict[tuple, Any] = snapshot.memo.setdefault("access:by-opened-rule-sets", OrderedDict())
        key = (name, *(outcome.allowed for outcome in self.outcomes))
        value = shared.get(key)
        if value is None:
            value = shared[key] = build()
            while len(shared) > MAX_SHARED_VALUES:
                shared.popitem(last=False)
        else:
            shared.move_to_end(key)
        return value

    def _count_lessons(self) -> dict[int, tuple[int, int]]:
        """Per node, lessons strictly below it: one pass from the leaves up (pre-order reversed)."""
        plan = self.snapshot.memo.get("access:lesson-plan") if self.snapshot is not None else None
        if plan is None:
            plan = _lesson_plan(self.tree)
            if self.snapshot is not None:
                self.snapshot.memo["access:lesson-plan"] = plan
        below: dict[int, tuple[int, int]] = {}
        decisions = self.decisions
        for node_id, total, children, lesson_children in plan:
            opened = sum(below[c][1] for c in children) + sum(decisions[c].allowed for c in lesson_children)
            below[node_id] = (total, opened)
        return below

    def changed_since(self, before: HubAccess) -> list[int]:
        return [
            node_id for node_id in self.tree.order
            if node_id not in before.decisions or before.decisions[node_id] != self.decisions[node_id]
        ]


def _lesson_plan(tree: HubTree) -> list[tuple[int, int, tuple[int, ...], tuple[int, ...]]]:
    """Leaves first: (node, lessons strictly below it, its children, those of them that are lessons)."""
    plan = []
    totals: dict[int, int] = {}
    for node_id in reversed(tree.order):
        children = tuple(tree.children.get(node_id, ()))
        lesson_children = tuple(c for c in children if is_lesson(tree.nodes[c]))
        totals[node_id] = sum(totals[c] for c in children) + len(lesson_children)
        plan.append((node_id, totals[node_id], children, lesson_children))
    return plan


async def compute_hub_access(
    loaders: dict[str, Any], team_id: int, hub_id: int, contact_id: int, now: datetime | None = None
) -> HubAccess:
    """Decisions for every node of the hub; `loaders` is the request's (or the event's) cache.

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
    outcomes = tuple(decide_effective(found.facts, rules, now) for rules in snapshot.rule_sets)
    decisions = {node_id: outcomes[i] for node_id, i in snapshot.rule_set_of.items()}
    return HubAccess(team_id, hub_id, contact_id, found.facts, snapshot.tree, snapshot.rules, decisions, now,
                     snapshot=snapshot, outcomes=outcomes)


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
