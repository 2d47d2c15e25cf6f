"""Per-request dataloaders for a hub's content: the member-visible tree, media, progress, pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from strawberry.dataloader import DataLoader

from app.content.models import ContentNode, LessonProgress, Media, NodeKind, Page, PageSection, PublishStatus


@dataclass(frozen=True)
class MediaRow:
    id: int
    kind: str
    filename: str
    content_type: str
    size_bytes: int
    storage_key: str | None
    external_url: str | None


@dataclass(frozen=True)
class NodeRow:
    id: int
    parent_id: int | None
    section_id: int | None
    media_id: int | None
    kind: str
    title: str
    body: str
    position: int
    media: MediaRow | None = field(default=None, kw_only=True)  # after the columns: NodeRow(*columns, media=)


@dataclass
class HubTree:
    """Published nodes whose ancestors are all published, in pre-order."""

    nodes: dict[int, NodeRow] = field(default_factory=dict)
    children: dict[int | None, list[int]] = field(default_factory=dict)
    order: list[int] = field(default_factory=list)
    depth: dict[int, int] = field(default_factory=dict)

    def parents(self) -> dict[int, int | None]:
        return {i: n.parent_id for i, n in self.nodes.items()}

    def descendants(self, node_id: int) -> list[int]:
        out: list[int] = []
        stack = list(reversed(self.children.get(node_id, [])))
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(reversed(self.children.get(current, [])))
        return out

    def course_of(self, node_id: int) -> int:
        while (parent := self.nodes[node_id].parent_id) is not None:
            node_id = parent
        return node_id


def build_tree(rows: list[NodeRow]) -> HubTree:
    by_parent: dict[int | None, list[NodeRow]] = {}
    for row in rows:
        by_parent.setdefault(row.parent_id, []).append(row)
    tree = HubTree()
    stack: list[tuple[NodeRow, int]] = [
        (r, 0) for r in sorted(by_parent.get(None, []), key=lambda r: (r.position, r.id), reverse=True)
    ]
    while stack:  # pre-order walk from the roots: a node whose parent is hidden is never reached
        row, depth = stack.pop()
        tree.nodes[row.id] = row
        tree.order.append(row.id)
        tree.depth[row.id] = depth
        kids = sorted(by_parent.get(row.id, []), key=lambda r: (r.position, r.id))
        tree.children[row.id] = [k.id for k in kids]
        stack.extend((k, depth + 1) for k in reversed(kids))
    tree.children[None] = [r.id for r in sorted(by_parent.get(None, []), key=lambda r: (r.position, r.id))]
    return tree


NODE_COLUMNS = ("id", "parent_id", "section_id", "media_id", "kind", "title", "body", "position")
MEDIA_COLUMNS = tuple(f"media__{c}" for c in ("id", "kind", "filename", "content_type", "size_bytes", "storage_key",
                                               "external_url"))


async def fetch_published_tree(team_id: int, hub_id: int) -> HubTree:
    """One query: the published nodes with their media's metadata (joined)."""
    rows = await ContentNode.filter(team_id=team_id, hub_id=hub_id, status=PublishStatus.PUBLISHED).values_list(
        *NODE_COLUMNS, *MEDIA_COLUMNS
    )
    width = len(NODE_COLUMNS)
    return build_tree([
        NodeRow(*row[:width], media=MediaRow(*row[width:]) if row[width] is not None else None) for row in rows
    ])


def media_loader(team_id: int) -> DataLoader[int, Media | None]:
    async def load(ids: list[int]) -> list[Media | None]:
        rows = {m.id: m for m in await Media.filter(team_id=team_id, id__in=list(ids))}
        return [rows.get(i) for i in ids]

    return DataLoader(load_fn=load)


@dataclass(frozen=True)
class ProgressRow:
    started_at: datetime
    completed_at: datetime | None


def progress_loader(team_id: int, hub_id: int) -> DataLoader[int, dict[int, ProgressRow]]:
    """Keyed by contact: that contact's progress in the hub, node id -> row."""

    async def load(contact_ids: list[int]) -> list[dict[int, ProgressRow]]:
        rows = await LessonProgress.filter(
            team_id=team_id, hub_id=hub_id, team_contact_id__in=list(contact_ids)
        ).values_list("team_contact_id", "node_id", "started_at", "completed_at")
        out: dict[int, dict[int, ProgressRow]] = {c: {} for c in contact_ids}
        for contact_id, node_id, started, completed in rows:
            out[contact_id][node_id] = ProgressRow(started, completed)
        return [out[c] for c in contact_ids]

    return DataLoader(load_fn=load)


def page_sections_loader(team_id: int) -> DataLoader[int, list[PageSection]]:
    async def load(page_ids: list[int]) -> list[list[PageSection]]:
        rows = await PageSection.filter(team_id=team_id, page_id__in=list(page_ids)).order_by("position", "id")
        out: dict[int, list[PageSection]] = {p: [] for p in page_ids}
        for row in rows:
            out[row.page_id].append(row)
        return [out[p] for p in page_ids]

    return DataLoader(load_fn=load)


async def published_page(team_id: int, hub_id: int, slug: str) -> Page | None:
    return await Page.get_or_none(team_id=team_id, hub_id=hub_id, slug=slug, status=PublishStatus.PUBLISHED)


def is_lesson(row: NodeRow) -> bool:
    return row.kind == NodeKind.LESSON
