"""GraphQL for members: what one member sees of a hub (`myHub`, `myNode`, `myPage`, `myProgress`,
`mySearch`, lesson progress) and staff's `previewAsMember`, which shows exactly the same.

Every member-facing value is shaped from a `HubAccess` (app/access/view.py): a locked node keeps
its title and reason, never its body or media.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Annotated, Any

import strawberry
from graphql import GraphQLObjectType, GraphQLResolveInfo
from graphql.execution.collect_fields import GroupedFieldSet
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info
from tortoise.queryset import QuerySet

from app.access.decision import Decision, LockReason
from app.access.members import HubSummary, MemberViewer
from app.access.tree_graphql import compile_tree_plan
from app.access.tree_json import member_tree_json
from app.access.view import HubAccess, hub_access
from app.contacts.models import TeamContact
from app.content import service
from app.content.graphql import _hub_of_team
from app.content.loaders import (
    MediaRow,
    NodeRow,
    is_lesson,
    media_loader,
    page_sections_loader,
    progress_loader,
    published_page,
)
from app.content.media_urls import media_url
from app.content.models import HubSection, Media, MediaKind, NodeKind, Page, PageKind, PageSection, PublishStatus
from app.core.errors import ValidationFailed
from app.graphql.context import Context
from app.graphql.enums import described_enum
from app.graphql.errors import BadInput, UserError, forbidden, mutation_payload, unauthenticated
from app.graphql.ids import encode_id, gid, id_arg, id_input
from app.graphql.nodes import NodeType
from app.graphql.planned import NOT_PLANNED, PlannedExecutionContext, PlannedList
from app.hubs.models import Hub

LockReasonEnum = described_enum(
    LockReason, name="LockReason",
    description=("Why a member cannot open something: the first reason found (who before when; outer rules "
                 "before inner ones), so a client can show what would open it."),
    values={
        "NOT_A_MEMBER": "The contact is not a member of the hub.",
        "BANNED": "The member is banned from the hub.",
        "ROLE_REQUIRED": "A rule admits only some roles (`AccessRule.roles`).",
        "NOT_IN_SEGMENT": "A rule admits only members of certain segments.",
        "NO_ENTITLEMENT": "A rule needs a product the member has no live entitlement to (buying it opens it).",
        "NOT_LISTED": "A rule admits only listed contacts.",
        "NOT_YET_AVAILABLE": "Admitted, but not yet: a start date or drip; `availableAt` says when.",
        "EXPIRED": "Admitted once, no more: the rule's end date passed, or the entitlement ended.",
    })
MAX_SEARCH_RESULTS = 100
# The three fields every member-facing thing has: one decision, described once.
CAN_ACCESS = "Whether the member may open it now."
LOCKED_REASON = "Why not, when locked; null when open."
AVAILABLE_AT = "When it opens, for NOT_YET_AVAILABLE (drip or start date); null otherwise."


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
class MemberMedia(relay.Node):
    id: relay.NodeID[int]
    kind: MediaKind = strawberry.field(description="Image, video, audio or other file.")
    filename: str = strawberry.field(description="File name (for a download's name).")
    content_type: str = strawberry.field(description="MIME type (`video/mp4`).")
    size_bytes: int = strawberry.field(description="Size in bytes (0 for a link of unknown size).")
    url: str = strawberry.field(description=(
        "Where to fetch it: a signed MemberHub URL valid for about an hour (uploads), or the external URL."))


async def _member_media(info: Info[Context, None], team_id: int, media_id: int | None) -> MemberMedia | None:
    if media_id is None:
        return None
    media = await info.context.loader("content:media", lambda: media_loader(team_id)).load(media_id)
    return _media(info, media) if media is not None else None


def _media(info: Info[Context, None], media: Media | MediaRow) -> MemberMedia:
    return MemberMedia(
        id=media.id, kind=MediaKind(media.kind), filename=media.filename, content_type=media.content_type,
        size_bytes=media.size_bytes, url=media_url(info.context.settings, media),
    )


@strawberry.type(description="A lesson's progress for the member.")
class LessonStatus:
    started_at: datetime | None = strawberry.field(description=(
        "When the member first started it (`startLesson`); null if not."))
    completed_at: datetime | None = strawberry.field(description="When the member first completed it; null if not.")

    @strawberry.field(description="Whether the lesson is completed.")
    def completed(self) -> bool:
        return self.completed_at is not None


@strawberry.type(description="A node of the hub's tree as one member sees it. Locked: title and reason only.")
class MemberContentNode(relay.Node):
    id: relay.NodeID[int]
    parent_id: strawberry.ID | None = strawberry.field(description=(
        "The parent (a MemberContentNode id); null at the top level."))
    section_id: strawberry.ID | None = strawberry.field(description=(
        "Its hub section (a MemberHubSection id); null when none."))
    kind: NodeKind = strawberry.field(description="Course, module or lesson.")
    title: str = strawberry.field(description="Title; given also when locked, so a client can show what is there.")
    position: int = strawberry.field(description="Sort key among its siblings, ascending.")
    depth: int = strawberry.field(description=(
        "Levels below the top: 0 for a course at the top, 1 for its children, ..."))
    can_access: bool = strawberry.field(description=CAN_ACCESS)
    locked_reason: LockReason | None = strawberry.field(description=LOCKED_REASON)
    available_at: datetime | None = strawberry.field(description=AVAILABLE_AT)
    body: str | None = strawberry.field(description="Null when locked.")
    access: strawberry.Private[HubAccess]
    media_id: strawberry.Private[int | None]

    @strawberry.field(description="The node's media (with a signed URL); null when locked.")
    def media(self, info: Info[Context, None]) -> MemberMedia | None:
        # Synchronous on purpose: the media came with the tree, and 500 awaits cost more than the query.
        row = self.access.tree.nodes[self.id].media
        if not self.can_access or row is None:
            return None
        return _media(info, row)

    @strawberry.field(description="Published lessons in this subtree (the node itself when a lesson).")
    def lesson_count(self) -> int:
        return _lesson_counts(self.access, self.id)[0]

    @strawberry.field(description="Of lessonCount, those the member may open now.")
    def accessible_lesson_count(self) -> int:
        return _lesson_counts(self.access, self.id)[1]

    @strawberry.field(graphql_type=list["MemberContentNode"], description=(
        "Published child nodes by position, each with its own access decision."))
    def children(self) -> TreeNodes:
        return TreeNodes(self.access, self.access.tree.children.get(self.id, []))

    @strawberry.field(description="The member's progress on this lesson; null when not started or locked.")
    async def progress(self, info: Info[Context, None]) -> LessonStatus | None:
        if not self.can_access:
            return None
        row = (await _progress(info, self.access)).get(self.id)
        return LessonStatus(started_at=row.started_at, completed_at=row.completed_at) if row else None


class TreeNodes(PlannedList):
    """Nodes of the member's tree: completed by a plan (app/access/tree_graphql.py), or node by node."""

    def __init__(self, access: HubAccess, node_ids: Sequence[int]) -> None:
        self.access = access
        self.node_ids = node_ids

    def items(self) -> list[MemberContentNode]:
        return [member_node(self.access, i) for i in self.node_ids]

    def complete(self, executor: PlannedExecutionContext, item_type: GraphQLObjectType, fields: GroupedFieldSet,
                 info: GraphQLResolveInfo) -> Any:
        context: Context = info.context
        plan = compile_tree_plan(executor, item_type, fields, self.access, context.settings)
        if plan is None:
            return NOT_PLANNED
        if not plan.needs_progress:
            return plan.shape_all(list(self.node_ids))

        async def with_progress() -> list[dict[str, Any]]:
            progress = await _load_progress(context, self.access)
            return plan.shape_all(list(self.node_ids), progress)

        return with_progress()


def _lesson_counts(access: HubAccess, node_id: int) -> tuple[int, int]:
    if is_lesson(access.tree.nodes[node_id]):
        return 1, int(access.decisions[node_id].allowed)
    return access.lesson_counts(node_id)


async def _progress(info: Info[Context, None], access: HubAccess) -> dict:
    return await _load_progress(info.context, access)


async def _load_progress(context: Context, access: HubAccess) -> dict:
    loader = context.loader(f"content:progress:{access.hub_id}", lambda: progress_loader(access.team_id, access.hub_id))
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
        id=row.id, parent_id=gid("MemberContentNode", row.parent_id),
        section_id=gid("MemberHubSection", row.section_id),
        kind=NodeKind(row.kind), title=row.title, position=row.position, depth=access.tree.depth[node_id],
        body=row.body if decision.allowed else None, access=access, media_id=row.media_id,
        **_lock_fields(decision),
    )


@strawberry.type(description="A hub section as one member sees it, with the member's access to it.")
class MemberHubSection(relay.Node):
    id: relay.NodeID[int]
    title: str = strawberry.field(description="Name of the section.")
    position: int = strawberry.field(description="Sort key among the hub's sections, ascending.")
    can_access: bool = strawberry.field(description=CAN_ACCESS)
    locked_reason: LockReason | None = strawberry.field(description=LOCKED_REASON)
    available_at: datetime | None = strawberry.field(description=AVAILABLE_AT)

    @classmethod
    def from_model(cls, s: HubSection, access: HubAccess) -> MemberHubSection:
        return cls(id=s.id, title=s.title, position=s.position, **_lock_fields(access.section(s.id)))


@strawberry.type(description="Whether a contact may enter a hub at all, and why not.")
class MemberHubAccess:
    can_access: bool = strawberry.field(description="Whether the contact may enter the hub (a member, not banned).")
    locked_reason: LockReason | None = strawberry.field(description="NOT_A_MEMBER or BANNED; null when allowed.")
    available_at: datetime | None = strawberry.field(description=(
        "Always null for the hub itself (kept for the shared shape)."))


@strawberry.type(description="A hub as one member sees it (a signed-in member, or staff previewing one).")
class MemberHubView(relay.Node):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="The hub's name.")
    slug: str = strawberry.field(description="The hub's URL name.")
    description: str = strawberry.field(description="The hub's description; may be empty.")
    contact_id: strawberry.ID = strawberry.field(description=(
        "The member (or previewed contact) this view is for (a Contact id)."))
    access: strawberry.Private[HubAccess]

    @strawberry.field(description="Whether the contact may enter the hub at all, and why not.")
    def membership(self) -> MemberHubAccess:
        return MemberHubAccess(**_lock_fields(self.access.section(None)))

    @strawberry.field(description="The hub's sections, each with the member's access.")
    async def sections(self) -> list[MemberHubSection]:
        rows = await HubSection.filter(team_id=self.access.team_id, hub_id=self.access.hub_id).order_by(
            "position", "id")
        return [MemberHubSection.from_model(s, self.access) for s in rows]

    @strawberry.field(graphql_type=list[MemberContentNode], description=(
        "Published nodes flattened in tree order (parentId and depth give the shape): every node, or with "
        "`rootId` that node and its descendants (unknown or unpublished: an empty list), with `depth` only the "
        "levels down to that many below the root (or below the top level): `depth: 0` is the root alone, or "
        "the courses."))
    def content_tree(
        self,
        root_id: Annotated[strawberry.ID | None, strawberry.argument(description=(
            "Only this node (a MemberContentNode id) and its descendants."))] = None,
        depth: Annotated[int | None, strawberry.argument(description=(
            "Only this many levels below the root (or the top level); 0 or more, else BAD_USER_INPUT."))] = None,
    ) -> TreeNodes:
        return TreeNodes(self.access, subtree(self.access, root_id, depth))

    @strawberry.field(description=(
        "The contentTree in one JSON value, for clients that load the whole tree: a list in tree order of "
        "`{id parentId sectionId kind title position depth canAccess lockedReason availableAt body lessonCount "
        "accessibleLessonCount media {id kind filename contentType sizeBytes url}}`, each value as contentTree "
        "gives it (locked: body and media null). Encoded once per distinct set of decisions and shared."))
    def content_tree_json(self, info: Info[Context, None]) -> JSON:
        return JSON(member_tree_json(self.access, info.context.settings))  # an EncodedJSON: embedded as is

    @strawberry.field(graphql_type=list[MemberContentNode],
                      description="The top-level nodes (courses); walk `children` for the rest.")
    def roots(self) -> TreeNodes:
        return TreeNodes(self.access, self.access.tree.children.get(None, []))

    @strawberry.field(description="Published lessons in the whole hub.")
    def lesson_count(self) -> int:
        return self.access.lesson_totals()[0]

    @strawberry.field(description="Of lessonCount, those the member may open now.")
    def accessible_lesson_count(self) -> int:
        return self.access.lesson_totals()[1]


def subtree(access: HubAccess, root_id: strawberry.ID | None, depth: int | None) -> list[int]:
    """Node ids in tree order: all, or `root_id`'s subtree; at most `depth` levels below the start."""
    if depth is not None and depth < 0:
        raise BadInput("depth must be 0 or more")
    tree = access.tree
    if root_id is None:
        return tree.order if depth is None else [i for i in tree.order if tree.depth[i] <= depth]
    root = id_arg(root_id, "MemberContentNode", "rootId")
    if root not in tree.nodes:
        return []
    ids = access.subtree(root)
    if depth is None:
        return ids
    limit = tree.depth[root] + depth
    return [i for i in ids if tree.depth[i] <= limit]


async def member_hub_view(info: Info[Context, None], hub: Hub | HubSummary, contact_id: int) -> MemberHubView:
    access = await _access(info, hub.team_id, hub.id, contact_id)
    return MemberHubView(id=hub.id, name=hub.name, slug=hub.slug, description=hub.description,
                         contact_id=encode_id("Contact", contact_id), access=access)


@strawberry.type(description=(
    "A section of a hub page as one member sees it; a section showing a content node follows that node's access."))
class MemberPageSection(relay.Node):
    id: relay.NodeID[int]
    position: int = strawberry.field(description="Place on the page, from 0.")
    kind: str = strawberry.field(description="Your client's block type, as staff set it (`text`, `hero`, ...).")
    title: str = strawberry.field(description="Heading; given also when locked.")
    can_access: bool = strawberry.field(description=CAN_ACCESS)
    locked_reason: LockReason | None = strawberry.field(description=LOCKED_REASON)
    available_at: datetime | None = strawberry.field(description=AVAILABLE_AT)
    body: str | None = strawberry.field(description="Body text; null when locked.")
    access: strawberry.Private[HubAccess]
    media_id: strawberry.Private[int | None]
    node_id: strawberry.Private[int | None]

    @strawberry.field(description="The section's media (with a signed URL); null when locked or none.")
    async def media(self, info: Info[Context, None]) -> MemberMedia | None:
        if not self.can_access:
            return None
        return await _member_media(info, self.access.team_id, self.media_id)

    @strawberry.field(description="The content node this section shows, if any (with its own access).")
    def node(self) -> MemberContentNode | None:
        if self.node_id is None or self.node_id not in self.access.tree.nodes:
            return None
        return member_node(self.access, self.node_id)


@strawberry.type(description="A published hub page as one member sees it (`myPage`).")
class MemberPage(relay.Node):
    id: relay.NodeID[int]
    kind: PageKind = strawberry.field(description="Home, sales or custom page.")
    slug: str = strawberry.field(description="URL name in the hub.")
    title: str = strawberry.field(description="Title; given also when locked.")
    can_access: bool = strawberry.field(description=CAN_ACCESS)
    locked_reason: LockReason | None = strawberry.field(description=LOCKED_REASON)
    available_at: datetime | None = strawberry.field(description=AVAILABLE_AT)
    access: strawberry.Private[HubAccess]

    @strawberry.field(description="The page's sections in order, each with its own access.")
    async def sections(self, info: Info[Context, None]) -> list[MemberPageSection]:
        loader = info.context.loader("content:page_sections", lambda: page_sections_loader(self.access.team_id))
        return [member_page_section(self.access, s) for s in await loader.load(self.id)]


def member_page_section(access: HubAccess, s: PageSection) -> MemberPageSection:
    decision = access.page_section(s.page_id, s.node_id)
    return MemberPageSection(
        id=s.id, position=s.position, kind=s.kind, title=s.title, body=s.body if decision.allowed else None,
        access=access, media_id=s.media_id, node_id=s.node_id, **_lock_fields(decision),
    )


def member_page(access: HubAccess, page: Page) -> MemberPage:
    return MemberPage(id=page.id, kind=PageKind(page.kind), slug=page.slug, title=page.title, access=access,
                      **_lock_fields(access.page(page.id)))


@strawberry.type(description="The member's progress through one top-level node (a course).")
class CourseProgress:
    course: MemberContentNode = strawberry.field(description="The course (a top-level node).")
    total_lessons: int = strawberry.field(description="Published lessons in the course, locked ones included.")
    completed_lessons: int = strawberry.field(description="Of those, the ones the member completed.")
    percent: float = strawberry.field(description=(
        "The share of completed lessons (completedLessons / totalLessons) as a percentage, 0 to 100, one "
        "decimal; 0 without lessons."))


@strawberry.type(description="Result of `mySearch`.")
class MemberSearchResult:
    query: str = strawberry.field(description="The text searched for, trimmed and lowercased.")
    total_count: int = strawberry.field(description="Matching nodes the member may open, beyond `first` too.")
    nodes: list[MemberContentNode] = strawberry.field(description="The first matches, in tree order.")


@strawberry.input(description="The lesson to record progress on.")
class LessonInput:
    node_id: strawberry.ID = strawberry.field(description=(
        "A lesson of the member's hub (a MemberContentNode id); NOT_FOUND, NOT_A_LESSON or LOCKED otherwise."))


@strawberry.type(description="Result of `startLesson` and `completeLesson`.")
class LessonProgressPayload:
    node: MemberContentNode | None = strawberry.field(default=None, description="The lesson.")
    status: LessonStatus | None = strawberry.field(default=None, description="The member's progress on it now.")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


async def _member_hub(member: MemberViewer) -> Hub | HubSummary:
    hub = member.hub or await Hub.get_or_none(id=member.hub_id, team_id=member.team_id)
    if hub is None:
        raise unauthenticated("the hub of this member token no longer exists")
    return hub


async def _open_lesson(info: Info[Context, None], member: MemberViewer, node_id: strawberry.ID) -> MemberContentNode:
    parsed = id_input(node_id, "MemberContentNode", "nodeId")
    access = await _access(info, member.team_id, member.hub_id, member.team_contact_id)
    if parsed not in access.tree.nodes:
        raise ValidationFailed.one("nodeId", "content node not found", "NOT_FOUND")
    if not is_lesson(access.tree.nodes[parsed]):
        raise ValidationFailed.one("nodeId", "only lessons have progress", "NOT_A_LESSON")
    decision = access.decisions[parsed]
    if not decision.allowed:
        raise ValidationFailed.one("nodeId", f"the lesson is locked ({decision.reason})", "LOCKED")
    return member_node(access, parsed)


@strawberry.type
class MemberQuery:
    @strawberry.field(description=(
        "The signed-in member's hub: its content tree with canAccess on every node. Member session required "
        "(staff get FORBIDDEN: use previewAsMember)."))
    async def my_hub(self, info: Info[Context, None]) -> MemberHubView:
        member = require_member(info)
        return await member_hub_view(info, await _member_hub(member), member.team_contact_id)

    @strawberry.field(description="One published node of the member's hub (locked: title and reason only).")
    async def my_node(
        self, info: Info[Context, None], id: Annotated[strawberry.ID, strawberry.argument(description=(
            "A MemberContentNode id; null when not a published node of the hub."))],
    ) -> MemberContentNode | None:
        member = require_member(info)
        node_id = id_arg(id, "MemberContentNode")
        access = await _access(info, member.team_id, member.hub_id, member.team_contact_id)
        return member_node(access, node_id) if node_id in access.tree.nodes else None

    @strawberry.field(description="A published page of the member's hub by slug; null when there is none.")
    async def my_page(
        self, info: Info[Context, None], slug: Annotated[str, strawberry.argument(description=(
            "The page's slug (case-insensitive)."))],
    ) -> MemberPage | None:
        member = require_member(info)
        page = await published_page(member.team_id, member.hub_id, slug.strip().lower())
        if page is None:
            return None
        access = await _access(info, member.team_id, member.hub_id, member.team_contact_id)
        return member_page(access, page)

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
    async def my_search(
        self, info: Info[Context, None],
        query: Annotated[str, strawberry.argument(description=(
            "Text to find, 2 to 200 characters (case-insensitive); else BAD_USER_INPUT."))],
        first: Annotated[int, strawberry.argument(description="At most this many nodes, 0 to 100 (default 20).")] = 20,
    ) -> MemberSearchResult:
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
                                  nodes=TreeNodes(access, hits[:first]))  # type: ignore[arg-type]  # planned list


@strawberry.type
class MemberMutation:
    @strawberry.mutation(description=(
        "Mark a lesson the member may open as started (once; later calls keep the time). Member session required."))
    @mutation_payload
    async def start_lesson(
        self, info: Info[Context, None], input: Annotated[LessonInput, strawberry.argument(description="The lesson.")],
    ) -> LessonProgressPayload:
        member = require_member(info)
        node = await _open_lesson(info, member, input.node_id)
        progress = await service.start_lesson(member.team_id, member.hub_id, member.team_contact_id, int(node.id))
        status = LessonStatus(started_at=progress.started_at, completed_at=progress.completed_at)
        return LessonProgressPayload(node=node, status=status)

    @strawberry.mutation(description=(
        "Mark a lesson done; the first time writes a `lesson_completed` event. Member session required."))
    @mutation_payload
    async def complete_lesson(
        self, info: Info[Context, None], input: Annotated[LessonInput, strawberry.argument(description="The lesson.")],
    ) -> LessonProgressPayload:
        member = require_member(info)
        node = await _open_lesson(info, member, input.node_id)
        course_id = node.access.tree.course_of(int(node.id))
        progress = await service.complete_lesson(
            member.team_id, member.hub_id, member.team_contact_id, int(node.id), course_id
        )
        status = LessonStatus(started_at=progress.started_at, completed_at=progress.completed_at)
        return LessonProgressPayload(node=node, status=status)


@strawberry.type
class PreviewQuery:
    @strawberry.field(description=(
        "The hub exactly as one contact would see it (same decisions as the member API); null when the hub "
        "or contact is unknown. Needs content:read."))
    async def preview_as_member(
        self, info: Info[Context, None], hub_id: Annotated[strawberry.ID, strawberry.argument(description=(
            "The hub (a Hub id)."))],
        contact_id: Annotated[strawberry.ID, strawberry.argument(description=(
            "The contact to see it as (a Contact id; need not be a member)."))],
    ) -> MemberHubView | None:
        viewer = info.context.require("content:read")
        parsed_contact = id_arg(contact_id, "Contact", "contactId")
        hub = await _hub_of_team(viewer.team.id, hub_id)
        if hub is None:
            return None
        if not await TeamContact.exists(id=parsed_contact, team_id=viewer.team.id):
            return None
        return await member_hub_view(info, hub, parsed_contact)


# ---------------------------------------------------------------- refetching member views by id

def _member_team(info: Info[Context, None]) -> int:
    return require_member(info).team_id  # member views are a member's own; staff use previewAsMember


async def _member_access(info: Info[Context, None]) -> HubAccess:
    member = require_member(info)
    return await _access(info, member.team_id, member.hub_id, member.team_contact_id)


async def _fetch_nodes(info: Info[Context, None], team_id: int, pks: list[int]) -> dict[int, MemberContentNode]:
    access = await _member_access(info)
    return {pk: member_node(access, pk) for pk in pks if pk in access.tree.nodes}


async def _fetch_hub_views(info: Info[Context, None], team_id: int, pks: list[int]) -> dict[int, MemberHubView]:
    member = require_member(info)
    if member.hub_id not in pks:
        return {}
    return {member.hub_id: await member_hub_view(info, await _member_hub(member), member.team_contact_id)}


async def _fetch_sections(info: Info[Context, None], team_id: int, pks: list[int]) -> dict[int, MemberHubSection]:
    member = require_member(info)
    rows = await HubSection.filter(team_id=team_id, hub_id=member.hub_id, id__in=pks)
    if not rows:
        return {}
    access = await _member_access(info)
    return {s.id: MemberHubSection.from_model(s, access) for s in rows}


def _published_pages(member: MemberViewer, **filters: object) -> QuerySet[Page]:
    return Page.filter(team_id=member.team_id, hub_id=member.hub_id, status=PublishStatus.PUBLISHED, **filters)


async def _fetch_pages(info: Info[Context, None], team_id: int, pks: list[int]) -> dict[int, MemberPage]:
    rows = await _published_pages(require_member(info), id__in=pks)
    if not rows:
        return {}
    access = await _member_access(info)
    return {p.id: member_page(access, p) for p in rows}


async def _fetch_page_sections(
    info: Info[Context, None], team_id: int, pks: list[int]
) -> dict[int, MemberPageSection]:
    pages = await _published_pages(require_member(info)).values_list("id", flat=True)
    rows = await PageSection.filter(team_id=team_id, id__in=pks, page_id__in=pages)
    if not rows:
        return {}
    access = await _member_access(info)
    return {s.id: member_page_section(access, s) for s in rows}


# Media of higher domains a member may open (community attachments and avatars), bound in app.wiring:
# (the member's access, media ids) -> the ids among them the member may open.
MediaFinder = Callable[[HubAccess, set[int]], Awaitable[set[int]]]
media_finders: list[MediaFinder] = []


async def _fetch_media(info: Info[Context, None], team_id: int, pks: list[int]) -> dict[int, MemberMedia]:
    """Media the member may open: of a node, or of a page section, that access allows, or that another
    domain's finder (`media_finders`) allows."""
    access = await _member_access(info)
    wanted = set(pks)
    found: dict[int, MemberMedia] = {}
    for node_id, row in access.tree.nodes.items():
        if row.media is not None and row.media.id in wanted and access.decisions[node_id].allowed:
            found[row.media.id] = _media(info, row.media)
    rest = wanted - found.keys()
    if rest:
        pages = await _published_pages(require_member(info)).values_list("id", flat=True)
        sections = await PageSection.filter(team_id=team_id, media_id__in=rest, page_id__in=pages)
        allowed = {s.media_id for s in sections if access.page_section(s.page_id, s.node_id).allowed}
        for finder in media_finders:
            allowed |= await finder(access, rest - allowed)
        for media in await Media.filter(team_id=team_id, hub_id=access.hub_id, id__in=allowed):
            found[media.id] = _media(info, media)
    return found


NODE_TYPES = (
    NodeType("MemberContentNode", _member_team, _fetch_nodes),
    NodeType("MemberHubView", _member_team, _fetch_hub_views),
    NodeType("MemberHubSection", _member_team, _fetch_sections),
    NodeType("MemberPage", _member_team, _fetch_pages),
    NodeType("MemberPageSection", _member_team, _fetch_page_sections),
    NodeType("MemberMedia", _member_team, _fetch_media),
)
