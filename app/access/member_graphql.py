"""GraphQL for members: what one member sees of a hub (`myHub`, `myNode`, `myPage`, `myProgress`,
`mySearch`, lesson progress) and staff's `previewAsMember`, which shows exactly the same.

Every member-facing value is shaped from a `HubAccess` (app/access/view.py): a locked node keeps
its title and reason, never its body or media.
"""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from app.access.decision import Decision, LockReason
from app.access.members import HubSummary, MemberViewer
from app.access.tree_json import member_tree_json
from app.access.view import HubAccess, hub_access
from app.contacts.models import TeamContact
from app.content import service
from app.content.graphql import MediaKindEnum, NodeKindEnum, PageKindEnum, _hub_of_team, _id
from app.content.loaders import NodeRow, is_lesson, media_loader, page_sections_loader, progress_loader, published_page
from app.content.media_urls import media_url
from app.content.models import HubSection, MediaKind, NodeKind, PageKind
from app.core.errors import ValidationFailed
from app.graphql.context import Context
from app.graphql.errors import BadInput, UserError, forbidden, unauthenticated, user_errors
from app.graphql.ids import parse_id_or_none
from app.hubs.models import Hub

LockReasonEnum = strawberry.enum(LockReason, name="LockReason")
MAX_SEARCH_RESULTS = 100


def require_member(info: Info[Context, None]) -> MemberViewer:
    """The signed-in member; staff credentials do not open member fields (use previewAsMember)."""
    member: MemberViewer | None = getattr(info.context, "member", None)
    if member is not None:
        return member
    if info.context.viewer is not None:
        raise forbidden("this field is for signed-in members; staff can use previewAsMember")
    raise unauthenticated("invalid or expired member token" if info.context.token_rejected
                          else "member sign-in required")


async def _access(info: Info[Context, None], team_id: int, hub_id: int, contact_id: int) -> HubAccess:
    return await hub_access(info.context.loaders, team_id, hub_id, contact_id)


# ---------------------------------------------------------------- member-facing types

@strawberry.type(description="A file or link a member may open; only given out when access allows.")
class MemberMedia:
    id: strawberry.ID
    kind: MediaKindEnum  # type: ignore[valid-type]
    filename: str
    content_type: str
    size_bytes: int
    url: str


async def _member_media(info: Info[Context, None], team_id: int, media_id: int | None) -> MemberMedia | None:
    if media_id is None:
        return None
    media = await info.context.loader("content:media", lambda: media_loader(team_id)).load(media_id)
    if media is None:
        return None
    return MemberMedia(
        id=strawberry.ID(str(media.id)), kind=MediaKind(media.kind), filename=media.filename,
        content_type=media.content_type, size_bytes=media.size_bytes, url=media_url(info.context.settings, media),
    )


@strawberry.type(description="A lesson's progress for the member.")
class LessonStatus:
    started_at: datetime | None
    completed_at: datetime | None

    @strawberry.field
    def completed(self) -> bool:
        return self.completed_at is not None


@strawberry.type(description="A node of the hub's tree as one member sees it. Locked: title and reason only.")
class MemberContentNode:
    id: strawberry.ID
    parent_id: strawberry.ID | None
    section_id: strawberry.ID | None
    kind: NodeKindEnum  # type: ignore[valid-type]
    title: str
    position: int
    depth: int
    can_access: bool
    locked_reason: LockReasonEnum | None  # type: ignore[valid-type]
    available_at: datetime | None
    body: str | None = strawberry.field(description="Null when locked.")
    access: strawberry.Private[HubAccess]
    media_id: strawberry.Private[int | None]

    @strawberry.field(description="The node's media (with a signed URL); null when locked.")
    def media(self, info: Info[Context, None]) -> MemberMedia | None:
        # Synchronous on purpose: the media came with the tree, and 500 awaits cost more than the query.
        row = self.access.tree.nodes[int(self.id)].media
        if not self.can_access or row is None:
            return None
        return MemberMedia(
            id=strawberry.ID(str(row.id)), kind=MediaKind(row.kind), filename=row.filename,
            content_type=row.content_type, size_bytes=row.size_bytes, url=media_url(info.context.settings, row),
        )

    @strawberry.field(description="Published lessons in this subtree (the node itself when a lesson).")
    def lesson_count(self) -> int:
        return _lesson_counts(self.access, int(self.id))[0]

    @strawberry.field(description="Of lessonCount, those the member may open now.")
    def accessible_lesson_count(self) -> int:
        return _lesson_counts(self.access, int(self.id))[1]

    @strawberry.field
    def children(self) -> list[MemberContentNode]:
        return [member_node(self.access, i) for i in self.access.tree.children.get(int(self.id), [])]

    @strawberry.field(description="The member's progress on this lesson; null when not started or locked.")
    async def progress(self, info: Info[Context, None]) -> LessonStatus | None:
        if not self.can_access:
            return None
        row = (await _progress(info, self.access)).get(int(self.id))
        return LessonStatus(started_at=row.started_at, completed_at=row.completed_at) if row else None


def _lesson_counts(access: HubAccess, node_id: int) -> tuple[int, int]:
    if is_lesson(access.tree.nodes[node_id]):
        return 1, int(access.decisions[node_id].allowed)
    return access.lesson_counts(node_id)


async def _progress(info: Info[Context, None], access: HubAccess) -> dict:
    loader = info.context.loader(
        f"content:progress:{access.hub_id}", lambda: progress_loader(access.team_id, access.hub_id)
    )
    return await loader.load(access.contact_id)


def _lock_fields(decision: Decision) -> dict:
    return {
        "can_access": decision.allowed,
        "locked_reason": decision.reason if not decision.allowed else None,
        "available_at": decision.available_at,
    }


def member_node(access: HubAccess, node_id: int) -> MemberContentNode:
    row: NodeRow = access.tree.nodes[node_id]
    decision = access.decisions[node_id]
    return MemberContentNode(
        id=strawberry.ID(str(row.id)), parent_id=_id(row.parent_id), section_id=_id(row.section_id),
        kind=NodeKind(row.kind), title=row.title, position=row.position, depth=access.tree.depth[node_id],
        body=row.body if decision.allowed else None, access=access, media_id=row.media_id,
        **_lock_fields(decision),
    )


@strawberry.type
class MemberHubSection:
    id: strawberry.ID
    title: str
    position: int
    can_access: bool
    locked_reason: LockReasonEnum | None  # type: ignore[valid-type]
    available_at: datetime | None


@strawberry.type(description="A hub as one member sees it (a signed-in member, or staff previewing one).")
class MemberHubView:
    id: strawberry.ID
    name: str
    slug: str
    description: str
    contact_id: strawberry.ID
    access: strawberry.Private[HubAccess]

    @strawberry.field(description="Whether the contact may enter the hub at all, and why not.")
    def membership(self) -> MemberHubSection:
        decision = self.access.section(None)
        return MemberHubSection(id=self.id, title=self.name, position=0, **_lock_fields(decision))

    @strawberry.field(description="The hub's sections, each with the member's access.")
    async def sections(self) -> list[MemberHubSection]:
        rows = await HubSection.filter(team_id=self.access.team_id, hub_id=self.access.hub_id).order_by(
            "position", "id")
        return [
            MemberHubSection(id=strawberry.ID(str(s.id)), title=s.title, position=s.position,
                             **_lock_fields(self.access.section(s.id)))
            for s in rows
        ]

    @strawberry.field(description="Every published node, flattened in tree order (parentId and depth give the shape).")
    def content_tree(self) -> list[MemberContentNode]:
        return [member_node(self.access, i) for i in self.access.tree.order]

    @strawberry.field(description=(
        "contentTree in one JSON value, for clients that load the whole tree: a list in tree order of "
        "{id parentId sectionId kind title position depth canAccess lockedReason availableAt body lessonCount "
        "accessibleLessonCount media {id kind filename contentType sizeBytes url}}, each value as contentTree "
        "gives it (locked: body and media null). Much cheaper to serve than the per-field contentTree."))
    def content_tree_json(self, info: Info[Context, None]) -> JSON:
        return member_tree_json(self.access, info.context.settings)

    @strawberry.field(description="The top-level nodes (courses); walk `children` for the rest.")
    def roots(self) -> list[MemberContentNode]:
        return [member_node(self.access, i) for i in self.access.tree.children.get(None, [])]

    @strawberry.field
    def lesson_count(self) -> int:
        return self.access.lesson_totals()[0]

    @strawberry.field
    def accessible_lesson_count(self) -> int:
        return self.access.lesson_totals()[1]


async def member_hub_view(info: Info[Context, None], hub: Hub | HubSummary, contact_id: int) -> MemberHubView:
    access = await _access(info, hub.team_id, hub.id, contact_id)
    return MemberHubView(id=strawberry.ID(str(hub.id)), name=hub.name, slug=hub.slug, description=hub.description,
                         contact_id=strawberry.ID(str(contact_id)), access=access)


@strawberry.type
class MemberPageSection:
    id: strawberry.ID
    position: int
    kind: str
    title: str
    can_access: bool
    locked_reason: LockReasonEnum | None  # type: ignore[valid-type]
    available_at: datetime | None
    body: str | None
    access: strawberry.Private[HubAccess]
    media_id: strawberry.Private[int | None]
    node_id: strawberry.Private[int | None]

    @strawberry.field
    async def media(self, info: Info[Context, None]) -> MemberMedia | None:
        if not self.can_access:
            return None
        return await _member_media(info, self.access.team_id, self.media_id)

    @strawberry.field(description="The content node this section shows, if any (with its own access).")
    def node(self) -> MemberContentNode | None:
        if self.node_id is None or self.node_id not in self.access.tree.nodes:
            return None
        return member_node(self.access, self.node_id)


@strawberry.type
class MemberPage:
    id: strawberry.ID
    kind: PageKindEnum  # type: ignore[valid-type]
    slug: str
    title: str
    can_access: bool
    locked_reason: LockReasonEnum | None  # type: ignore[valid-type]
    available_at: datetime | None
    access: strawberry.Private[HubAccess]

    @strawberry.field
    async def sections(self, info: Info[Context, None]) -> list[MemberPageSection]:
        loader = info.context.loader("content:page_sections", lambda: page_sections_loader(self.access.team_id))
        out = []
        for s in await loader.load(int(self.id)):
            decision = self.access.page_section(int(self.id), s.node_id)
            out.append(MemberPageSection(
                id=strawberry.ID(str(s.id)), position=s.position, kind=s.kind, title=s.title,
                body=s.body if decision.allowed else None, access=self.access, media_id=s.media_id,
                node_id=s.node_id, can_access=decision.allowed,
                locked_reason=decision.reason if not decision.allowed else None, available_at=decision.available_at,
            ))
        return out


@strawberry.type
class CourseProgress:
    course: MemberContentNode
    total_lessons: int
    completed_lessons: int
    percent: float


@strawberry.type
class MemberSearchResult:
    query: str
    total_count: int
    nodes: list[MemberContentNode]


@strawberry.input
class LessonInput:
    node_id: strawberry.ID


@strawberry.type
class LessonProgressPayload:
    node: MemberContentNode | None = None
    status: LessonStatus | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


async def _member_hub(member: MemberViewer) -> Hub | HubSummary:
    hub = member.hub or await Hub.get_or_none(id=member.hub_id, team_id=member.team_id)
    if hub is None:
        raise unauthenticated("the hub of this member token no longer exists")
    return hub


async def _open_lesson(info: Info[Context, None], member: MemberViewer, node_id: strawberry.ID) -> MemberContentNode:
    access = await _access(info, member.team_id, member.hub_id, member.team_contact_id)
    parsed = parse_id_or_none(node_id)
    if parsed is None or parsed not in access.tree.nodes:
        raise ValidationFailed.one("nodeId", "content node not found", "NOT_FOUND")
    if not is_lesson(access.tree.nodes[parsed]):
        raise ValidationFailed.one("nodeId", "only lessons have progress", "NOT_A_LESSON")
    decision = access.decisions[parsed]
    if not decision.allowed:
        raise ValidationFailed.one("nodeId", f"the lesson is locked ({decision.reason})", "LOCKED")
    return member_node(access, parsed)


@strawberry.type
class MemberQuery:
    @strawberry.field(description="The signed-in member's hub: its content tree with canAccess on every node.")
    async def my_hub(self, info: Info[Context, None]) -> MemberHubView:
        member = require_member(info)
        return await member_hub_view(info, await _member_hub(member), member.team_contact_id)

    @strawberry.field(description="One published node of the member's hub (locked: title and reason only).")
    async def my_node(self, info: Info[Context, None], id: strawberry.ID) -> MemberContentNode | None:
        member = require_member(info)
        access = await _access(info, member.team_id, member.hub_id, member.team_contact_id)
        node_id = parse_id_or_none(id)
        return member_node(access, node_id) if node_id in access.tree.nodes else None

    @strawberry.field(description="A published page of the member's hub by slug.")
    async def my_page(self, info: Info[Context, None], slug: str) -> MemberPage | None:
        member = require_member(info)
        page = await published_page(member.team_id, member.hub_id, slug.strip().lower())
        if page is None:
            return None
        access = await _access(info, member.team_id, member.hub_id, member.team_contact_id)
        decision = access.page(page.id)
        return MemberPage(id=strawberry.ID(str(page.id)), kind=PageKind(page.kind), slug=page.slug,
                          title=page.title, access=access, **_lock_fields(decision))

    @strawberry.field(description="Per course: lessons completed and percent (of the course's published lessons).")
    async def my_progress(self, info: Info[Context, None]) -> list[CourseProgress]:
        member = require_member(info)
        access = await _access(info, member.team_id, member.hub_id, member.team_contact_id)
        progress = await _progress(info, access)
        out = []
        for root in access.tree.children.get(None, []):
            lessons = [i for i in [root, *access.tree.descendants(root)] if is_lesson(access.tree.nodes[i])]
            done = sum(1 for i in lessons if (p := progress.get(i)) is not None and p.completed_at is not None)
            percent = round(100.0 * done / len(lessons), 1) if lessons else 0.0
            out.append(CourseProgress(course=member_node(access, root), total_lessons=len(lessons),
                                      completed_lessons=done, percent=percent))
        return out

    @strawberry.field(description="Nodes the member may open whose title or body contains the text. Recorded as a "
                                  "`search` event.")
    async def my_search(self, info: Info[Context, None], query: str, first: int = 20) -> MemberSearchResult:
        member = require_member(info)
        text = query.strip().lower()
        if not 2 <= len(text) <= 200:
            raise BadInput("query must be 2 to 200 characters")
        if not 0 <= first <= MAX_SEARCH_RESULTS:
            raise BadInput(f"first must be between 0 and {MAX_SEARCH_RESULTS}")
        access = await _access(info, member.team_id, member.hub_id, member.team_contact_id)
        hits = [
            i for i in access.tree.order
            if access.decisions[i].allowed
            and (text in access.tree.nodes[i].title.lower() or text in access.tree.nodes[i].body.lower())
        ]
        await service.record_search(member.team_id, member.hub_id, member.team_contact_id, text, len(hits))
        return MemberSearchResult(query=text, total_count=len(hits),
                                  nodes=[member_node(access, i) for i in hits[:first]])


@strawberry.type
class MemberMutation:
    @strawberry.mutation(description="Mark a lesson the member may open as started.")
    async def start_lesson(self, info: Info[Context, None], input: LessonInput) -> LessonProgressPayload:
        member = require_member(info)
        try:
            node = await _open_lesson(info, member, input.node_id)
        except ValidationFailed as exc:
            return LessonProgressPayload(user_errors=user_errors(exc))
        progress = await service.start_lesson(member.team_id, member.hub_id, member.team_contact_id, int(node.id))
        status = LessonStatus(started_at=progress.started_at, completed_at=progress.completed_at)
        return LessonProgressPayload(node=node, status=status)

    @strawberry.mutation(description="Mark a lesson done; the first time writes a `lesson_completed` event.")
    async def complete_lesson(self, info: Info[Context, None], input: LessonInput) -> LessonProgressPayload:
        member = require_member(info)
        try:
            node = await _open_lesson(info, member, input.node_id)
        except ValidationFailed as exc:
            return LessonProgressPayload(user_errors=user_errors(exc))
        course_id = node.access.tree.course_of(int(node.id))
        progress = await service.complete_lesson(
            member.team_id, member.hub_id, member.team_contact_id, int(node.id), course_id
        )
        status = LessonStatus(started_at=progress.started_at, completed_at=progress.completed_at)
        return LessonProgressPayload(node=node, status=status)


@strawberry.type
class PreviewQuery:
    @strawberry.field(description="The hub exactly as one contact would see it (same decisions as the member API).")
    async def preview_as_member(
        self, info: Info[Context, None], hub_id: strawberry.ID, contact_id: strawberry.ID
    ) -> MemberHubView | None:
        viewer = info.context.require("content:read")
        hub = await _hub_of_team(viewer.team.id, hub_id)
        parsed_contact = parse_id_or_none(contact_id)
        if hub is None or parsed_contact is None:
            return None
        if not await TeamContact.exists(id=parsed_contact, team_id=viewer.team.id):
            return None
        return await member_hub_view(info, hub, parsed_contact)
