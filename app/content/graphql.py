"""GraphQL for content, the admin side: trees, pages, media, sections.

The member-facing queries (`myHub`, `myNode`, ...) and `previewAsMember` live in
app/access/member_graphql.py: they are shaped by access decisions, and access sits above content.
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.content import service
from app.content.loaders import page_sections_loader
from app.content.media_urls import media_url
from app.content.models import (
    ContentNode,
    HubSection,
    Media,
    MediaKind,
    NodeKind,
    Page,
    PageKind,
    PageSection,
    PublishStatus,
)
from app.content.storage import get_storage
from app.core.errors import ValidationFailed
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, gid, gids, id_arg, id_input, id_input_or_none
from app.graphql.nodes import NodeType, staff, team_rows
from app.hubs.models import Hub

NodeKindEnum = strawberry.enum(NodeKind, name="ContentNodeKind")
PublishStatusEnum = strawberry.enum(PublishStatus, name="PublishStatus")
PageKindEnum = strawberry.enum(PageKind, name="PageKind")
MediaKindEnum = strawberry.enum(MediaKind, name="MediaKind")
MAX_SEARCH_RESULTS = 100


# ---------------------------------------------------------------- admin types



@strawberry.type(name="HubSection")
class HubSectionType(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID
    title: str
    position: int

    @classmethod
    def from_model(cls, s: HubSection) -> HubSectionType:
        return cls(id=s.id, hub_id=encode_id("Hub", s.hub_id), title=s.title, position=s.position)


@strawberry.type(name="Media")
class MediaType(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID
    kind: MediaKind
    filename: str
    content_type: str
    size_bytes: int
    uploaded: bool
    created_at: datetime
    row: strawberry.Private[Media]

    @strawberry.field(description="A signed URL (uploads) or the external URL.")
    def url(self, info: Info[Context, None]) -> str:
        return media_url(info.context.settings, self.row)

    @classmethod
    def from_model(cls, m: Media) -> MediaType:
        return cls(id=m.id, hub_id=encode_id("Hub", m.hub_id), kind=MediaKind(m.kind),
                   filename=m.filename, content_type=m.content_type, size_bytes=m.size_bytes,
                   uploaded=m.storage_key is not None, created_at=m.created_at, row=m)


@strawberry.type(name="ContentNode")
class ContentNodeType(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID
    parent_id: strawberry.ID | None
    section_id: strawberry.ID | None
    media_id: strawberry.ID | None
    kind: NodeKind
    title: str
    body: str
    status: PublishStatus
    position: int
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_model(cls, n: ContentNode) -> ContentNodeType:
        return cls(
            id=n.id, hub_id=encode_id("Hub", n.hub_id), parent_id=gid("ContentNode", n.parent_id),
            section_id=gid("HubSection", n.section_id), media_id=gid("Media", n.media_id), kind=NodeKind(n.kind),
            title=n.title,
            body=n.body, status=PublishStatus(n.status), position=n.position, created_at=n.created_at,
            updated_at=n.updated_at,
        )


@strawberry.type(name="PageSection")
class PageSectionType(relay.Node):
    id: relay.NodeID[int]
    position: int
    kind: str
    title: str
    body: str
    media_id: strawberry.ID | None
    node_id: strawberry.ID | None

    @classmethod
    def from_model(cls, s: PageSection) -> PageSectionType:
        return cls(id=s.id, position=s.position, kind=s.kind, title=s.title, body=s.body,
                   media_id=gid("Media", s.media_id), node_id=gid("ContentNode", s.node_id))


@strawberry.type(name="Page")
class PageType(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID
    kind: PageKind
    slug: str
    title: str
    status: PublishStatus
    created_at: datetime
    updated_at: datetime
    team_id: strawberry.Private[int]

    @strawberry.field
    async def sections(self, info: Info[Context, None]) -> list[PageSectionType]:
        loader = info.context.loader("content:page_sections", lambda: page_sections_loader(self.team_id))
        return [PageSectionType.from_model(s) for s in await loader.load(int(self.id))]

    @classmethod
    def from_model(cls, p: Page) -> PageType:
        return cls(id=p.id, hub_id=encode_id("Hub", p.hub_id), kind=PageKind(p.kind),
                   slug=p.slug, title=p.title, status=PublishStatus(p.status), created_at=p.created_at,
                   updated_at=p.updated_at, team_id=p.team_id)


# ---------------------------------------------------------------- admin inputs and payloads

@strawberry.input
class CreateHubSectionInput:
    hub_id: strawberry.ID
    title: str
    position: int | None = None


@strawberry.input
class UpdateHubSectionInput:
    id: strawberry.ID
    title: str | None = None
    position: int | None = None


@strawberry.type
class HubSectionPayload:
    section: HubSectionType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class CreateContentNodeInput:
    hub_id: strawberry.ID
    title: str
    kind: NodeKind = NodeKind.LESSON
    parent_id: strawberry.ID | None = None
    section_id: strawberry.ID | None = None
    media_id: strawberry.ID | None = None
    body: str = ""
    status: PublishStatus = PublishStatus.DRAFT
    position: int | None = None


@strawberry.input(description="Omitted fields stay; parentId/sectionId/mediaId set to null clear them.")
class UpdateContentNodeInput:
    id: strawberry.ID
    title: str | None = strawberry.UNSET
    kind: NodeKind | None = strawberry.UNSET
    parent_id: strawberry.ID | None = strawberry.UNSET
    section_id: strawberry.ID | None = strawberry.UNSET
    media_id: strawberry.ID | None = strawberry.UNSET
    body: str | None = strawberry.UNSET
    status: PublishStatus | None = strawberry.UNSET
    position: int | None = strawberry.UNSET


@strawberry.type
class ContentNodePayload:
    node: ContentNodeType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class DeleteInput:
    id: strawberry.ID


@strawberry.type
class DeletePayload:
    deleted_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class CreatePageInput:
    hub_id: strawberry.ID
    slug: str
    title: str
    kind: PageKind = PageKind.CUSTOM
    status: PublishStatus = PublishStatus.DRAFT


@strawberry.input
class UpdatePageInput:
    id: strawberry.ID
    slug: str | None = None
    title: str | None = None
    status: PublishStatus | None = None


@strawberry.input
class PageSectionInput:
    kind: str = "text"
    title: str = ""
    body: str = ""
    media_id: strawberry.ID | None = None
    node_id: strawberry.ID | None = None


@strawberry.input
class SetPageSectionsInput:
    page_id: strawberry.ID
    sections: list[PageSectionInput]


@strawberry.type
class PagePayload:
    page: PageType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A file sent inline as base64 (up to 20 MB); stored by the media storage.")
class UploadMediaInput:
    hub_id: strawberry.ID
    filename: str
    content_type: str
    data_base64: str


@strawberry.input
class LinkMediaInput:
    hub_id: strawberry.ID
    url: str
    filename: str
    content_type: str
    size_bytes: int = 0


@strawberry.type
class MediaPayload:
    media: MediaType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


_NODE_REFERENCES = (("parent_id", "ContentNode", "parentId"), ("section_id", "HubSection", "sectionId"),
                    ("media_id", "Media", "mediaId"))


def _node_changes(input: CreateContentNodeInput | UpdateContentNodeInput) -> service.NodeChanges:
    def given(value: object) -> bool:
        return value is not strawberry.UNSET

    changes = service.NodeChanges()
    for name in ("title", "body", "position"):
        value = getattr(input, name)
        if given(value) and value is not None:
            setattr(changes, name, value)
    for name in ("kind", "status"):
        value = getattr(input, name)
        if given(value) and value is not None:
            setattr(changes, name, value.value)
    for name, type_name, field in _NODE_REFERENCES:
        value = getattr(input, name)
        if given(value):
            setattr(changes, name, id_input_or_none(value, type_name, field))
    return changes


async def _hub_of_team(viewer_team_id: int, hub_id: strawberry.ID) -> Hub | None:
    return await Hub.get_or_none(id=id_arg(hub_id, "Hub", "hubId"), team_id=viewer_team_id)


@strawberry.type
class ContentQuery:
    @strawberry.field(description="Every node of a hub's tree (drafts included), flattened in tree order.")
    async def content_tree(self, info: Info[Context, None], hub_id: strawberry.ID) -> list[ContentNodeType]:
        viewer = info.context.require("content:read")
        hub = await _hub_of_team(viewer.team.id, hub_id)
        if hub is None:
            return []
        rows = await ContentNode.filter(team_id=viewer.team.id, hub_id=hub.id)
        by_parent: dict[int | None, list[ContentNode]] = {}
        for row in rows:
            by_parent.setdefault(row.parent_id, []).append(row)
        ordered: list[ContentNode] = []
        stack = sorted(by_parent.get(None, []), key=lambda r: (r.position, r.id), reverse=True)
        while stack:
            row = stack.pop()
            ordered.append(row)
            stack.extend(sorted(by_parent.get(row.id, []), key=lambda r: (r.position, r.id), reverse=True))
        return [ContentNodeType.from_model(r) for r in ordered]

    @strawberry.field
    async def content_node(self, info: Info[Context, None], id: strawberry.ID) -> ContentNodeType | None:
        viewer = info.context.require("content:read")
        node = await ContentNode.get_or_none(id=id_arg(id, "ContentNode"), team_id=viewer.team.id)
        return ContentNodeType.from_model(node) if node else None

    @strawberry.field
    async def hub_sections(self, info: Info[Context, None], hub_id: strawberry.ID) -> list[HubSectionType]:
        viewer = info.context.require("content:read")
        parsed = id_arg(hub_id, "Hub", "hubId")
        rows = await HubSection.filter(team_id=viewer.team.id, hub_id=parsed).order_by("position", "id")
        return [HubSectionType.from_model(s) for s in rows]

    @strawberry.field
    async def content_pages(self, info: Info[Context, None], hub_id: strawberry.ID) -> list[PageType]:
        viewer = info.context.require("content:read")
        parsed = id_arg(hub_id, "Hub", "hubId")
        rows = await Page.filter(team_id=viewer.team.id, hub_id=parsed).order_by("id")
        return [PageType.from_model(p) for p in rows]

    @strawberry.field
    async def content_page(self, info: Info[Context, None], id: strawberry.ID) -> PageType | None:
        viewer = info.context.require("content:read")
        page = await Page.get_or_none(id=id_arg(id, "Page"), team_id=viewer.team.id)
        return PageType.from_model(page) if page else None

    @strawberry.field
    async def hub_media(
        self, info: Info[Context, None], hub_id: strawberry.ID, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> Connection[MediaType]:
        viewer = info.context.require("content:read")
        parsed = id_arg(hub_id, "Hub", "hubId")
        return await keyset_page(Media.filter(team_id=viewer.team.id, hub_id=parsed), MediaType.from_model,
                                 first=first, after=after, last=last, before=before)


@strawberry.type
class ContentMutation:
    @strawberry.mutation
    @mutation_payload
    async def create_hub_section(self, info: Info[Context, None], input: CreateHubSectionInput) -> HubSectionPayload:
        viewer = info.context.require("content:write")
        section = await service.create_section(viewer.team, id_input(input.hub_id, "Hub", "hubId"), input.title,
                                               input.position)
        return HubSectionPayload(section=HubSectionType.from_model(section))

    @strawberry.mutation
    @mutation_payload
    async def update_hub_section(self, info: Info[Context, None], input: UpdateHubSectionInput) -> HubSectionPayload:
        viewer = info.context.require("content:write")
        section = await service.update_section(viewer.team, id_input(input.id, "HubSection", "id"), input.title,
                                               input.position)
        return HubSectionPayload(section=HubSectionType.from_model(section))

    @strawberry.mutation
    @mutation_payload
    async def delete_hub_section(self, info: Info[Context, None], input: DeleteInput) -> DeletePayload:
        viewer = info.context.require("content:write")
        await service.delete_section(viewer.team, id_input(input.id, "HubSection", "id"))
        return DeletePayload(deleted_ids=[input.id])

    @strawberry.mutation
    @mutation_payload
    async def create_content_node(self, info: Info[Context, None], input: CreateContentNodeInput) -> ContentNodePayload:
        viewer = info.context.require("content:write")
        node = await service.create_node(viewer.team, id_input(input.hub_id, "Hub", "hubId"), _node_changes(input))
        return ContentNodePayload(node=ContentNodeType.from_model(node))

    @strawberry.mutation(description="Edit, publish/unpublish, reorder (position) or move (parentId) a node.")
    @mutation_payload
    async def update_content_node(self, info: Info[Context, None], input: UpdateContentNodeInput) -> ContentNodePayload:
        viewer = info.context.require("content:write")
        node = await service.update_node(viewer.team, id_input(input.id, "ContentNode", "id"), _node_changes(input))
        return ContentNodePayload(node=ContentNodeType.from_model(node))

    @strawberry.mutation(description="Delete a node with its whole subtree.")
    @mutation_payload
    async def delete_content_node(self, info: Info[Context, None], input: DeleteInput) -> DeletePayload:
        viewer = info.context.require("content:write")
        ids = await service.delete_node(viewer.team, id_input(input.id, "ContentNode", "id"))
        return DeletePayload(deleted_ids=gids("ContentNode", ids))

    @strawberry.mutation
    @mutation_payload
    async def create_page(self, info: Info[Context, None], input: CreatePageInput) -> PagePayload:
        viewer = info.context.require("content:write")
        page = await service.create_page(viewer.team, id_input(input.hub_id, "Hub", "hubId"), input.kind.value,
                                         input.slug, input.title, input.status.value)
        return PagePayload(page=PageType.from_model(page))

    @strawberry.mutation
    @mutation_payload
    async def update_page(self, info: Info[Context, None], input: UpdatePageInput) -> PagePayload:
        viewer = info.context.require("content:write")
        page = await service.update_page(viewer.team, id_input(input.id, "Page", "id"), input.slug, input.title,
                                         input.status.value if input.status else None)
        return PagePayload(page=PageType.from_model(page))

    @strawberry.mutation
    @mutation_payload
    async def delete_page(self, info: Info[Context, None], input: DeleteInput) -> DeletePayload:
        viewer = info.context.require("content:write")
        await service.delete_page(viewer.team, id_input(input.id, "Page", "id"))
        return DeletePayload(deleted_ids=[input.id])

    @strawberry.mutation(description="Replace a page's sections with the given ones, in order.")
    @mutation_payload
    async def set_page_sections(self, info: Info[Context, None], input: SetPageSectionsInput) -> PagePayload:
        viewer = info.context.require("content:write")
        specs = [
            service.SectionSpec(kind=s.kind, title=s.title, body=s.body,
                                media_id=id_input_or_none(s.media_id, "Media", f"sections.{i}.mediaId"),
                                node_id=id_input_or_none(s.node_id, "ContentNode", f"sections.{i}.nodeId"))
            for i, s in enumerate(input.sections)
        ]
        page_id = id_input(input.page_id, "Page", "pageId")
        await service.set_page_sections(viewer.team, page_id, specs)
        page = await service.get_page(viewer.team, page_id)
        return PagePayload(page=PageType.from_model(page))

    @strawberry.mutation
    @mutation_payload
    async def upload_media(self, info: Info[Context, None], input: UploadMediaInput) -> MediaPayload:
        viewer = info.context.require("content:write")
        try:
            data = base64.b64decode(input.data_base64, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ValidationFailed.one("dataBase64", "not valid base64", "INVALID_BASE64") from exc
        media = await service.upload_media(viewer.team, get_storage(info.context.settings),
                                           id_input(input.hub_id, "Hub", "hubId"), input.filename,
                                           input.content_type, data)
        return MediaPayload(media=MediaType.from_model(media))

    @strawberry.mutation
    @mutation_payload
    async def link_media(self, info: Info[Context, None], input: LinkMediaInput) -> MediaPayload:
        viewer = info.context.require("content:write")
        media = await service.link_media(viewer.team, id_input(input.hub_id, "Hub", "hubId"), input.url, input.filename,
                                         input.content_type, input.size_bytes)
        return MediaPayload(media=MediaType.from_model(media))

    @strawberry.mutation
    @mutation_payload
    async def delete_media(self, info: Info[Context, None], input: DeleteInput) -> DeletePayload:
        viewer = info.context.require("content:write")
        await service.delete_media(viewer.team, get_storage(info.context.settings), id_input(input.id, "Media", "id"))
        return DeletePayload(deleted_ids=[input.id])


NODE_TYPES = (
    NodeType("HubSection", staff("content:read"), team_rows(HubSection, HubSectionType.from_model)),
    NodeType("ContentNode", staff("content:read"), team_rows(ContentNode, ContentNodeType.from_model)),
    NodeType("Page", staff("content:read"), team_rows(Page, PageType.from_model)),
    NodeType("PageSection", staff("content:read"), team_rows(PageSection, PageSectionType.from_model)),
    NodeType("Media", staff("content:read"), team_rows(Media, MediaType.from_model)),
)
