"""Content: hub sections, the node tree, pages and their sections, media, member progress."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from tortoise.transactions import in_transaction

from app.content.models import (
    ContentNode,
    HubSection,
    LessonProgress,
    Media,
    MediaKind,
    NodeKind,
    Page,
    PageKind,
    PageSection,
    PublishStatus,
    RuleTarget,
)
from app.content.storage import MediaStorage
from app.core.errors import FieldError, NotFound, ValidationFailed
from app.events.service import ingest_events, wake_evaluator
from app.hubs.models import Hub
from app.teams.models import Team

# Called inside the transaction that deletes content, with what it deletes: the access domain drops
# the rules guarding it (installed by app.wiring; access sits above content).
ContentRemovedHook = Callable[[str, list[int]], Awaitable[None]]  # (RuleTarget value, ids)
_content_removed_hooks: list[ContentRemovedHook] = []


def on_content_removed(hook: ContentRemovedHook) -> None:
    if hook not in _content_removed_hooks:
        _content_removed_hooks.append(hook)


async def _remove_guards_of(target_type: str, target_ids: list[int]) -> None:
    for hook in _content_removed_hooks:
        await hook(target_type, target_ids)


SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
MAX_TITLE = 300
MAX_BODY = 200_000
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_PAGE_SECTIONS = 100
UNSET: Any = object()


async def _hub(team: Team, hub_id: int | None) -> Hub:
    hub = await Hub.get_or_none(id=hub_id, team_id=team.id) if hub_id else None
    if hub is None:
        raise NotFound("hubId", "hub")
    return hub


def _title(title: str, errors: list[FieldError], field: str = "title") -> str:
    title = title.strip()
    if not title:
        errors.append(FieldError(field, "title is required", "REQUIRED"))
    elif len(title) > MAX_TITLE:
        errors.append(FieldError(field, f"at most {MAX_TITLE} characters", "TOO_LONG"))
    return title


def _body(body: str, errors: list[FieldError]) -> str:
    if len(body) > MAX_BODY:
        errors.append(FieldError("body", f"at most {MAX_BODY} characters", "TOO_LONG"))
    return body


async def _next_position(queryset: Any) -> int:
    top = await queryset.order_by("-position").first().values_list("position", flat=True)
    return 0 if top is None else top + 1


# --- hub sections ---

async def create_section(team: Team, hub_id: int | None, title: str, position: int | None) -> HubSection:
    hub = await _hub(team, hub_id)
    errors: list[FieldError] = []
    title = _title(title, errors)
    if errors:
        raise ValidationFailed(errors)
    if position is None:
        position = await _next_position(HubSection.filter(hub_id=hub.id))
    return await HubSection.create(team=team, hub=hub, title=title, position=position)


async def get_section(team: Team, section_id: int | None, field: str = "id") -> HubSection:
    section = await HubSection.get_or_none(id=section_id, team_id=team.id) if section_id else None
    if section is None:
        raise NotFound(field, "hub section")
    return section


async def update_section(team: Team, section_id: int | None, title: str | None, position: int | None) -> HubSection:
    section = await get_section(team, section_id)
    errors: list[FieldError] = []
    if title is not None:
        section.title = _title(title, errors)
    if errors:
        raise ValidationFailed(errors)
    if position is not None:
        section.position = position
    await section.save()
    return section


async def delete_section(team: Team, section_id: int | None) -> None:
    section = await get_section(team, section_id)
    async with in_transaction():
        await _remove_guards_of(RuleTarget.HUB_SECTION, [section.id])
        await section.delete()


# --- content nodes ---

@dataclass
class NodeChanges:
    title: str | None = None
    body: str | None = None
    kind: str | None = None
    status: str | None = None
    position: int | None = None
    parent_id: Any = UNSET  # None moves the node to the root
    section_id: Any = UNSET
    media_id: Any = UNSET


async def get_node(team: Team, node_id: int | None, field: str = "id") -> ContentNode:
    node = await ContentNode.get_or_none(id=node_id, team_id=team.id) if node_id else None
    if node is None:
        raise NotFound(field, "content node")
    return node


async def node_ids_of_team(team_id: int, node_ids: list[int]) -> set[int]:
    """Which of `node_ids` are the team's content nodes (commerce checks deliverables with it)."""
    return set(cast(list[int], await ContentNode.filter(team_id=team_id, id__in=node_ids).values_list("id", flat=True)))


async def _check_refs(team: Team, hub_id: int, changes: NodeChanges, errors: list[FieldError]) -> None:
    if changes.parent_id not in (UNSET, None):
        parent = await ContentNode.get_or_none(id=changes.parent_id, team_id=team.id, hub_id=hub_id)
        if parent is None:
            errors.append(FieldError("parentId", "content node not found", "NOT_FOUND"))
    if changes.section_id not in (UNSET, None) and not await HubSection.exists(
        id=changes.section_id, team_id=team.id, hub_id=hub_id
    ):
        errors.append(FieldError("sectionId", "hub section not found", "NOT_FOUND"))
    if changes.media_id not in (UNSET, None) and not await Media.exists(
        id=changes.media_id, team_id=team.id, hub_id=hub_id
    ):
        errors.append(FieldError("mediaId", "media not found", "NOT_FOUND"))


async def create_node(team: Team, hub_id: int | None, changes: NodeChanges) -> ContentNode:
    hub = await _hub(team, hub_id)
    errors: list[FieldError] = []
    title = _title(changes.title or "", errors)
    body = _body(changes.body or "", errors)
    await _check_refs(team, hub.id, changes, errors)
    if errors:
        raise ValidationFailed(errors)
    parent_id = None if changes.parent_id is UNSET else changes.parent_id
    position = changes.position
    if position is None:
        position = await _next_position(ContentNode.filter(hub_id=hub.id, parent_id=parent_id))
    return await ContentNode.create(
        team=team, hub=hub, parent_id=parent_id, kind=changes.kind or NodeKind.LESSON, title=title, body=body,
        status=changes.status or PublishStatus.DRAFT, position=position,
        section_id=None if changes.section_id is UNSET else changes.section_id,
        media_id=None if changes.media_id is UNSET else changes.media_id,
    )


async def _is_descendant(candidate_id: int, ancestor_id: int) -> bool:
    current: int | None = candidate_id
    seen: set[int] = set()
    while current is not None and current not in seen:
        if current == ancestor_id:
            return True
        seen.add(current)
        current = cast(int | None, await ContentNode.filter(id=current).first().values_list("parent_id", flat=True))
    return False


async def update_node(team: Team, node_id: int | None, changes: NodeChanges) -> ContentNode:
    node = await get_node(team, node_id)
    errors: list[FieldError] = []
    if changes.title is not None:
        node.title = _title(changes.title, errors)
    if changes.body is not None:
        node.body = _body(changes.body, errors)
    await _check_refs(team, node.hub_id, changes, errors)
    if changes.parent_id not in (UNSET, None) and not errors and await _is_descendant(changes.parent_id, node.id):
        errors.append(FieldError("parentId", "a node cannot move under itself or its descendants", "CYCLE"))
    if errors:
        raise ValidationFailed(errors)
    for name in ("kind", "status", "position"):
        if getattr(changes, name) is not None:
            setattr(node, name, getattr(changes, name))
    for name in ("parent_id", "section_id", "media_id"):
        if getattr(changes, name) is not UNSET:
            setattr(node, name, getattr(changes, name))
    await node.save()
    return node


async def delete_node(team: Team, node_id: int | None) -> list[int]:
    """Delete a node and its subtree (the database cascades); returns the deleted ids."""
    node = await get_node(team, node_id)
    ids = [node.id]
    frontier = [node.id]
    while frontier:
        frontier = list(await ContentNode.filter(parent_id__in=frontier).values_list("id", flat=True))
        ids.extend(frontier)
    async with in_transaction():
        await _remove_guards_of(RuleTarget.NODE, ids)
        await node.delete()
    return ids


# --- pages ---

async def get_page(team: Team, page_id: int | None, field: str = "id") -> Page:
    page = await Page.get_or_none(id=page_id, team_id=team.id) if page_id else None
    if page is None:
        raise NotFound(field, "page")
    return page


async def _check_slug(hub_id: int, slug: str, errors: list[FieldError], exclude: int | None = None) -> str:
    slug = slug.strip().lower()
    if not SLUG_RE.match(slug):
        errors.append(FieldError("slug", "slug must be lowercase letters, digits and dashes", "INVALID_SLUG"))
    elif await Page.filter(hub_id=hub_id, slug=slug).exclude(id=exclude or 0).exists():
        errors.append(FieldError("slug", f"a page with slug '{slug}' already exists", "DUPLICATE_SLUG"))
    return slug


async def create_page(team: Team, hub_id: int | None, kind: str, slug: str, title: str, status: str) -> Page:
    hub = await _hub(team, hub_id)
    errors: list[FieldError] = []
    title = _title(title, errors)
    slug = await _check_slug(hub.id, slug, errors)
    if kind == PageKind.HOMEPAGE and await Page.exists(hub_id=hub.id, kind=PageKind.HOMEPAGE):
        errors.append(FieldError("kind", "the hub already has a homepage", "DUPLICATE_HOMEPAGE"))
    if errors:
        raise ValidationFailed(errors)
    return await Page.create(team=team, hub=hub, kind=kind, slug=slug, title=title, status=status)


async def update_page(team: Team, page_id: int | None, slug: str | None, title: str | None,
                      status: str | None) -> Page:
    page = await get_page(team, page_id)
    errors: list[FieldError] = []
    if title is not None:
        page.title = _title(title, errors)
    if slug is not None:
        page.slug = await _check_slug(page.hub_id, slug, errors, exclude=page.id)
    if errors:
        raise ValidationFailed(errors)
    if status is not None:
        page.status = PublishStatus(status)
    await page.save()
    return page


async def delete_page(team: Team, page_id: int | None) -> None:
    page = await get_page(team, page_id)
    async with in_transaction():
        await _remove_guards_of(RuleTarget.PAGE, [page.id])
        await page.delete()


@dataclass
class SectionSpec:
    kind: str = "text"
    title: str = ""
    body: str = ""
    media_id: int | None = None
    node_id: int | None = None


async def set_page_sections(team: Team, page_id: int | None, specs: list[SectionSpec]) -> list[PageSection]:
    """Replace the page's sections with `specs`, in that order."""
    page = await get_page(team, page_id)
    errors: list[FieldError] = []
    if len(specs) > MAX_PAGE_SECTIONS:
        errors.append(FieldError("sections", f"at most {MAX_PAGE_SECTIONS} sections", "TOO_MANY"))
    media_ids = {s.media_id for s in specs if s.media_id is not None}
    node_ids = {s.node_id for s in specs if s.node_id is not None}
    in_hub = {"team_id": team.id, "hub_id": page.hub_id}
    known_media = set(await Media.filter(**in_hub, id__in=media_ids).values_list("id", flat=True))
    known_nodes = set(await ContentNode.filter(**in_hub, id__in=node_ids).values_list("id", flat=True))
    for index, spec in enumerate(specs):
        if len(spec.title) > MAX_TITLE:
            errors.append(FieldError(f"sections.{index}.title", f"at most {MAX_TITLE} characters", "TOO_LONG"))
        if len(spec.body) > MAX_BODY:
            errors.append(FieldError(f"sections.{index}.body", f"at most {MAX_BODY} characters", "TOO_LONG"))
        if spec.media_id is not None and spec.media_id not in known_media:
            errors.append(FieldError(f"sections.{index}.mediaId", "media not found", "NOT_FOUND"))
        if spec.node_id is not None and spec.node_id not in known_nodes:
            errors.append(FieldError(f"sections.{index}.nodeId", "content node not found", "NOT_FOUND"))
    if errors:
        raise ValidationFailed(errors)
    async with in_transaction():
        await PageSection.filter(page_id=page.id).delete()
        created = [
            await PageSection.create(
                team=team, page=page, position=index, kind=spec.kind[:32] or "text", title=spec.title,
                body=spec.body, media_id=spec.media_id, node_id=spec.node_id,
            )
            for index, spec in enumerate(specs)
        ]
    return created


# --- media ---

def media_kind_for(content_type: str) -> MediaKind:
    major = content_type.split("/", 1)[0]
    return {"image": MediaKind.IMAGE, "video": MediaKind.VIDEO, "audio": MediaKind.AUDIO}.get(major, MediaKind.FILE)


def _media_fields(filename: str, content_type: str, errors: list[FieldError]) -> tuple[str, str]:
    filename = filename.strip().replace("/", "_")[:255]
    content_type = content_type.strip().lower()
    if not filename:
        errors.append(FieldError("filename", "filename is required", "REQUIRED"))
    if not re.match(r"^[a-z0-9.+-]+/[a-z0-9.+-]+$", content_type):
        errors.append(FieldError("contentType", "not a valid content type", "INVALID_CONTENT_TYPE"))
    return filename, content_type


async def upload_media(team: Team, storage: MediaStorage, hub_id: int | None, filename: str, content_type: str,
                       data: bytes) -> Media:
    hub = await _hub(team, hub_id)
    errors: list[FieldError] = []
    filename, content_type = _media_fields(filename, content_type, errors)
    if not data:
        errors.append(FieldError("data", "the file is empty", "REQUIRED"))
    if len(data) > MAX_UPLOAD_BYTES:
        errors.append(FieldError("data", f"at most {MAX_UPLOAD_BYTES} bytes", "TOO_LARGE"))
    if errors:
        raise ValidationFailed(errors)
    key = await storage.save(hub.id, filename, data)
    return await Media.create(
        team=team, hub=hub, kind=media_kind_for(content_type), filename=filename, content_type=content_type,
        size_bytes=len(data), storage_key=key,
    )


async def link_media(team: Team, hub_id: int | None, url: str, filename: str, content_type: str,
                     size_bytes: int) -> Media:
    hub = await _hub(team, hub_id)
    errors: list[FieldError] = []
    filename, content_type = _media_fields(filename, content_type, errors)
    url = url.strip()
    if not re.match(r"^https?://[^\s]+$", url) or len(url) > 2000:
        errors.append(FieldError("url", "must be an http(s) URL", "INVALID_URL"))
    if size_bytes < 0:
        errors.append(FieldError("sizeBytes", "must not be negative", "OUT_OF_RANGE"))
    if errors:
        raise ValidationFailed(errors)
    return await Media.create(
        team=team, hub=hub, kind=media_kind_for(content_type), filename=filename, content_type=content_type,
        size_bytes=size_bytes, external_url=url,
    )


async def delete_media(team: Team, storage: MediaStorage, media_id: int | None) -> None:
    media = await Media.get_or_none(id=media_id, team_id=team.id) if media_id else None
    if media is None:
        raise NotFound("id", "media")
    await media.delete()
    if media.storage_key:
        await storage.delete(media.storage_key)


# --- member progress and searches ---

async def start_lesson(team_id: int, hub_id: int, contact_id: int, node_id: int) -> LessonProgress:
    progress, _ = await LessonProgress.get_or_create(
        node_id=node_id, team_contact_id=contact_id,
        defaults={"team_id": team_id, "hub_id": hub_id, "started_at": datetime.now(UTC)},
    )
    return progress


async def complete_lesson(team_id: int, hub_id: int, contact_id: int, node_id: int, course_id: int) -> LessonProgress:
    """Mark done once; the first completion writes a `lesson_completed` event in the same transaction."""
    now = datetime.now(UTC)
    completed_now = False
    async with in_transaction() as tx:
        progress, _ = await LessonProgress.get_or_create(
            node_id=node_id, team_contact_id=contact_id,
            defaults={"team_id": team_id, "hub_id": hub_id, "started_at": now},
        )
        if progress.completed_at is None:
            updated = await LessonProgress.filter(id=progress.id, completed_at__isnull=True).update(completed_at=now)
            progress.completed_at = now
            if updated:
                # Through ingest, so computed properties and segment evaluation see it like any event.
                async with tx.acquire_connection() as conn:
                    await ingest_events(team_id, [{
                        "contactId": contact_id, "type": "lesson_completed", "occurredAt": now,
                        "properties": {"hub_id": hub_id, "node_id": node_id, "course_id": course_id},
                    }], conn=conn)
                completed_now = True
    if completed_now:
        await wake_evaluator(team_id)
    return progress


async def record_search(team_id: int, hub_id: int, contact_id: int, query: str, result_count: int) -> None:
    await ingest_events(team_id, [{
        "contactId": contact_id, "type": "search",
        "properties": {"hub_id": hub_id, "query": query[:200], "result_count": result_count},
    }])
