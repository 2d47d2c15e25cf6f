"""GraphQL for content, the admin side: trees, pages, media, sections.

The member-facing queries (`myHub`, `myNode`, ...) and `previewAsMember` live in
app/access/member_graphql.py: they are shaped by access decisions, and access sits above content.
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Annotated

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
from app.graphql.enums import described_enum
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, gid, gids, id_arg, id_input, id_input_or_none
from app.graphql.nodes import NodeType, staff, team_rows
from app.hubs.models import Hub

NodeKindEnum = described_enum(
    NodeKind, name="ContentNodeKind",
    description="What a content node is; the tree does not enforce an order (a lesson may sit at the top).",
    values={
        "COURSE": "A course: usually a top-level node holding modules or lessons.",
        "MODULE": "A module: a group of lessons inside a course.",
        "LESSON": "A lesson: what members open, complete and get progress for (the default).",
    })
PublishStatusEnum = described_enum(
    PublishStatus, name="PublishStatus",
    description="Whether members can see a node or page.",
    values={
        "DRAFT": "Staff only: members never see it (nor anything under an unpublished node).",
        "PUBLISHED": "Visible to members, subject to access rules.",
    })
PageKindEnum = described_enum(
    PageKind, name="PageKind",
    description="What a hub page is for.",
    values={
        "HOMEPAGE": "The hub's home page; at most one per hub.",
        "SALES": "A sales page for selling access (products, prices).",
        "CUSTOM": "Any other page (the default).",
    })
MediaKindEnum = described_enum(
    MediaKind, name="MediaKind",
    description="What a media file is, from its content type.",
    values={
        "IMAGE": "An `image/*` file.",
        "VIDEO": "A `video/*` file.",
        "AUDIO": "An `audio/*` file.",
        "FILE": "Anything else (PDF, archives, documents).",
    })
MAX_SEARCH_RESULTS = 100


# ---------------------------------------------------------------- admin types



@strawberry.type(name="HubSection", description=(
    "A named area of a hub (e.g. \"Courses\", \"Library\") that content nodes can be filed under; an "
    "access rule can guard a whole section. Needs content:read."))
class HubSectionType(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id).")
    title: str = strawberry.field(description="Name shown to members, at most 300 characters.")
    position: int = strawberry.field(description="Sort key among the hub's sections, ascending (ties by creation).")

    @classmethod
    def from_model(cls, s: HubSection) -> HubSectionType:
        return cls(id=s.id, hub_id=encode_id("Hub", s.hub_id), title=s.title, position=s.position)


@strawberry.type(name="Media", description=(
    "A file of a hub: uploaded to MemberHub's storage (`uploadMedia`) or an external URL (`linkMedia`). "
    "Needs content:read."))
class MediaType(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id).")
    kind: MediaKind = strawberry.field(description="Image, video, audio or other file, from the content type.")
    filename: str = strawberry.field(description=(
        "File name given at upload or link (at most 255 characters; `/` becomes `_`)."))
    content_type: str = strawberry.field(description="MIME type, lowercased (`image/png`).")
    size_bytes: int = strawberry.field(description=(
        "Size in bytes; for a linked file what the caller said (0 if unknown)."))
    uploaded: bool = strawberry.field(description="True for a file stored by MemberHub, false for an external link.")
    created_at: datetime = strawberry.field(description="When the file was uploaded or linked.")
    row: strawberry.Private[Media]

    @strawberry.field(description=(
        "Where to fetch it: for an upload a signed MemberHub URL valid for about an hour (the same URL for 5 "
        "minutes, so it caches); for a link the external URL."))
    def url(self, info: Info[Context, None]) -> str:
        return media_url(info.context.settings, self.row)

    @classmethod
    def from_model(cls, m: Media) -> MediaType:
        return cls(id=m.id, hub_id=encode_id("Hub", m.hub_id), kind=MediaKind(m.kind),
                   filename=m.filename, content_type=m.content_type, size_bytes=m.size_bytes,
                   uploaded=m.storage_key is not None, created_at=m.created_at, row=m)


@strawberry.type(name="ContentNode", description=(
    "A course, module or lesson in a hub's content tree, as staff see it (drafts included, no access "
    "decisions; members read `MemberContentNode`). Needs content:read."))
class ContentNodeType(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id).")
    parent_id: strawberry.ID | None = strawberry.field(description=(
        "The parent node (a ContentNode id); null at the top level."))
    section_id: strawberry.ID | None = strawberry.field(description=(
        "The hub section it is filed under (a HubSection id); null when none or the section was deleted."))
    media_id: strawberry.ID | None = strawberry.field(description=(
        "Its main media file (a Media id), e.g. a lesson's video; null when none or the media was deleted."))
    kind: NodeKind = strawberry.field(description="Course, module or lesson.")
    title: str = strawberry.field(description="Title, at most 300 characters.")
    body: str = strawberry.field(description=(
        "Body text as the author wrote it (MemberHub does not render it), at most 200,000 characters."))
    status: PublishStatus = strawberry.field(description="Draft or published.")
    position: int = strawberry.field(description="Sort key among its siblings, ascending (ties by creation).")
    created_at: datetime = strawberry.field(description="When the node was created.")
    updated_at: datetime = strawberry.field(description="When the node last changed.")

    @classmethod
    def from_model(cls, n: ContentNode) -> ContentNodeType:
        return cls(
            id=n.id, hub_id=encode_id("Hub", n.hub_id), parent_id=gid("ContentNode", n.parent_id),
            section_id=gid("HubSection", n.section_id), media_id=gid("Media", n.media_id), kind=NodeKind(n.kind),
            title=n.title,
            body=n.body, status=PublishStatus(n.status), position=n.position, created_at=n.created_at,
            updated_at=n.updated_at,
        )


@strawberry.type(name="PageSection", description=(
    "One block of a hub page, in order (`setPageSections` replaces them all). Needs content:read."))
class PageSectionType(relay.Node):
    id: relay.NodeID[int]
    position: int = strawberry.field(description="Place on the page, from 0.")
    kind: str = strawberry.field(description=(
        "Your client's block type (`text`, `hero`, `video`, ...), at most 32 characters; MemberHub stores it "
        "as given."))
    title: str = strawberry.field(description="Heading, at most 300 characters; may be empty.")
    body: str = strawberry.field(description="Body text as the author wrote it; may be empty.")
    media_id: strawberry.ID | None = strawberry.field(description=(
        "A media file shown in the block (a Media id); null when none."))
    node_id: strawberry.ID | None = strawberry.field(description=(
        "A content node the block links to (a ContentNode id), e.g. a featured course; null when none."))

    @classmethod
    def from_model(cls, s: PageSection) -> PageSectionType:
        return cls(id=s.id, position=s.position, kind=s.kind, title=s.title, body=s.body,
                   media_id=gid("Media", s.media_id), node_id=gid("ContentNode", s.node_id))


@strawberry.type(name="Page", description=(
    "A hub page (home, sales or custom) made of sections; members read it with `myPage(slug:)`. Needs "
    "content:read."))
class PageType(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id).")
    kind: PageKind = strawberry.field(description="Home, sales or custom page.")
    slug: str = strawberry.field(description=(
        "URL name, unique in the hub: lowercase letters, digits and dashes, at most 80 characters."))
    title: str = strawberry.field(description="Title, at most 300 characters.")
    status: PublishStatus = strawberry.field(description="Draft or published.")
    created_at: datetime = strawberry.field(description="When the page was created.")
    updated_at: datetime = strawberry.field(description="When the page last changed.")
    team_id: strawberry.Private[int]

    @strawberry.field(description="The page's sections in order.")
    async def sections(self, info: Info[Context, None]) -> list[PageSectionType]:
        loader = info.context.loader("content:page_sections", lambda: page_sections_loader(self.team_id))
        return [PageSectionType.from_model(s) for s in await loader.load(int(self.id))]

    @classmethod
    def from_model(cls, p: Page) -> PageType:
        return cls(id=p.id, hub_id=encode_id("Hub", p.hub_id), kind=PageKind(p.kind),
                   slug=p.slug, title=p.title, status=PublishStatus(p.status), created_at=p.created_at,
                   updated_at=p.updated_at, team_id=p.team_id)


# ---------------------------------------------------------------- admin inputs and payloads

@strawberry.input(description="A new hub section.")
class CreateHubSectionInput:
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id of the caller's team).")
    title: str = strawberry.field(description="Name (required, at most 300 characters).")
    position: int | None = strawberry.field(default=None, description=(
        "Sort key; after the hub's last section when omitted."))


@strawberry.input(description="Changes to a hub section; fields left out or null are kept.")
class UpdateHubSectionInput:
    id: strawberry.ID = strawberry.field(description="The section (a HubSection id).")
    title: str | None = strawberry.field(default=None, description="New name (at most 300 characters).")
    position: int | None = strawberry.field(default=None, description="New sort key.")


@strawberry.type(description="Result of `createHubSection` and `updateHubSection`.")
class HubSectionPayload:
    section: HubSectionType | None = strawberry.field(default=None, description=(
        "The section as stored now; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A new content node. Referenced ids must be of the same hub (NOT_FOUND otherwise).")
class CreateContentNodeInput:
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id of the caller's team).")
    title: str = strawberry.field(description="Title (required, at most 300 characters).")
    kind: NodeKind = strawberry.field(default=NodeKind.LESSON, description="Course, module or lesson (default LESSON).")
    parent_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "Parent node (a ContentNode id); top level when omitted."))
    section_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "Hub section to file it under (a HubSection id)."))
    media_id: strawberry.ID | None = strawberry.field(default=None, description="Main media file (a Media id).")
    body: str = strawberry.field(default="", description="Body text, at most 200,000 characters.")
    status: PublishStatus = strawberry.field(default=PublishStatus.DRAFT, description="Draft (default) or published.")
    position: int | None = strawberry.field(default=None, description=(
        "Sort key among its siblings; after the last one when omitted."))


@strawberry.input(description="Omitted fields stay; parentId/sectionId/mediaId set to null clear them.")
class UpdateContentNodeInput:
    id: strawberry.ID = strawberry.field(description="The node (a ContentNode id).")
    title: str | None = strawberry.field(default=strawberry.UNSET, description="New title; null keeps it.")
    kind: NodeKind | None = strawberry.field(default=strawberry.UNSET, description="New kind; null keeps it.")
    parent_id: strawberry.ID | None = strawberry.field(default=strawberry.UNSET, description=(
        "Move under this node (CYCLE if it is the node itself or below it); null moves it to the top level."))
    section_id: strawberry.ID | None = strawberry.field(default=strawberry.UNSET, description=(
        "File under this section; null clears it."))
    media_id: strawberry.ID | None = strawberry.field(default=strawberry.UNSET, description=(
        "New main media file; null clears it."))
    body: str | None = strawberry.field(default=strawberry.UNSET, description="New body; null keeps it.")
    status: PublishStatus | None = strawberry.field(default=strawberry.UNSET, description=(
        "Publish or unpublish; null keeps it."))
    position: int | None = strawberry.field(default=strawberry.UNSET, description=(
        "New sort key among siblings; null keeps it."))


@strawberry.type(description="Result of `createContentNode` and `updateContentNode`.")
class ContentNodePayload:
    node: ContentNodeType | None = strawberry.field(default=None, description=(
        "The node as stored now; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="What to delete.")
class DeleteInput:
    id: strawberry.ID = strawberry.field(description="Id of the object to delete (of the type the mutation names).")


@strawberry.type(description="Result of a content delete.")
class DeletePayload:
    deleted_ids: list[strawberry.ID] = strawberry.field(default_factory=list, description=(
        "Ids of everything deleted (a node's whole subtree); drop them from client caches."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A new hub page.")
class CreatePageInput:
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id of the caller's team).")
    slug: str = strawberry.field(description=(
        "URL name: lowercase letters, digits and dashes, at most 80; DUPLICATE_SLUG if the hub has it."))
    title: str = strawberry.field(description="Title (required, at most 300 characters).")
    kind: PageKind = strawberry.field(default=PageKind.CUSTOM, description=(
        "Page kind (default CUSTOM); a second HOMEPAGE is DUPLICATE_HOMEPAGE."))
    status: PublishStatus = strawberry.field(default=PublishStatus.DRAFT, description="Draft (default) or published.")


@strawberry.input(description="Changes to a page; fields left out or null are kept.")
class UpdatePageInput:
    id: strawberry.ID = strawberry.field(description="The page (a Page id).")
    slug: str | None = strawberry.field(default=None, description="New URL name.")
    title: str | None = strawberry.field(default=None, description="New title.")
    status: PublishStatus | None = strawberry.field(default=None, description="Publish or unpublish.")


@strawberry.input(description="One section of `setPageSections`; referenced ids must be of the page's hub.")
class PageSectionInput:
    kind: str = strawberry.field(default="text", description=(
        "Your client's block type, at most 32 characters (default `text`)."))
    title: str = strawberry.field(default="", description="Heading, at most 300 characters.")
    body: str = strawberry.field(default="", description="Body text, at most 200,000 characters.")
    media_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "A media file for the block (a Media id)."))
    node_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "A content node the block links to (a ContentNode id)."))


@strawberry.input(description="A page's new list of sections.")
class SetPageSectionsInput:
    page_id: strawberry.ID = strawberry.field(description="The page (a Page id).")
    sections: list[PageSectionInput] = strawberry.field(description=(
        "All the sections, in order (at most 100); an empty list clears the page. Errors name the item "
        "(`sections.2.mediaId`)."))


@strawberry.type(description="Result of the page mutations.")
class PagePayload:
    page: PageType | None = strawberry.field(default=None, description=(
        "The page as stored now; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A file sent inline as base64 (up to 20 MB); stored by the media storage.")
class UploadMediaInput:
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id of the caller's team).")
    filename: str = strawberry.field(description="File name (required; cut to 255 characters, `/` becomes `_`).")
    content_type: str = strawberry.field(description="MIME type (`image/png`); sets the media kind.")
    data_base64: str = strawberry.field(description=(
        "The file's bytes, standard base64 (INVALID_BASE64 otherwise); 1 byte to 20 MiB decoded."))


@strawberry.input(description="A file hosted elsewhere, referenced by URL (MemberHub does not fetch it).")
class LinkMediaInput:
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id of the caller's team).")
    url: str = strawberry.field(description="An http(s) URL, at most 2,000 characters.")
    filename: str = strawberry.field(description="File name to show (required).")
    content_type: str = strawberry.field(description="MIME type (`video/mp4`); sets the media kind.")
    size_bytes: int = strawberry.field(default=0, description="Size in bytes if known (not negative; default 0).")


@strawberry.type(description="Result of `uploadMedia` and `linkMedia`.")
class MediaPayload:
    media: MediaType | None = strawberry.field(default=None, description=(
        "The new media; null when `userErrors` is not empty."))
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
    @strawberry.field(description=(
        "Every node of a hub's tree (drafts included), flattened in tree order: each node followed by its "
        "children by position. Needs content:read."))
    async def content_tree(
        self, info: Info[Context, None], hub_id: Annotated[strawberry.ID, strawberry.argument(description=(
            "The hub (a Hub id); another team's hub gives an empty result."))],
    ) -> list[ContentNodeType]:
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

    @strawberry.field(description="One content node of the team; null when unknown. Needs content:read.")
    async def content_node(
        self, info: Info[Context, None], id: Annotated[strawberry.ID, strawberry.argument(description=(
            "A ContentNode id."))],
    ) -> ContentNodeType | None:
        viewer = info.context.require("content:read")
        node = await ContentNode.get_or_none(id=id_arg(id, "ContentNode"), team_id=viewer.team.id)
        return ContentNodeType.from_model(node) if node else None

    @strawberry.field(description="A hub's sections by position. Needs content:read.")
    async def hub_sections(
        self, info: Info[Context, None], hub_id: Annotated[strawberry.ID, strawberry.argument(description=(
            "The hub (a Hub id); another team's hub gives an empty result."))],
    ) -> list[HubSectionType]:
        viewer = info.context.require("content:read")
        parsed = id_arg(hub_id, "Hub", "hubId")
        rows = await HubSection.filter(team_id=viewer.team.id, hub_id=parsed).order_by("position", "id")
        return [HubSectionType.from_model(s) for s in rows]

    @strawberry.field(description="A hub's pages (drafts included), oldest first. Needs content:read.")
    async def content_pages(
        self, info: Info[Context, None], hub_id: Annotated[strawberry.ID, strawberry.argument(description=(
            "The hub (a Hub id); another team's hub gives an empty result."))],
    ) -> list[PageType]:
        viewer = info.context.require("content:read")
        parsed = id_arg(hub_id, "Hub", "hubId")
        rows = await Page.filter(team_id=viewer.team.id, hub_id=parsed).order_by("id")
        return [PageType.from_model(p) for p in rows]

    @strawberry.field(description="One page of the team; null when unknown. Needs content:read.")
    async def content_page(
        self, info: Info[Context, None], id: Annotated[strawberry.ID, strawberry.argument(description="A Page id.")],
    ) -> PageType | None:
        viewer = info.context.require("content:read")
        page = await Page.get_or_none(id=id_arg(id, "Page"), team_id=viewer.team.id)
        return PageType.from_model(page) if page else None

    @strawberry.field(description="A hub's media files, oldest first. Needs content:read.")
    async def hub_media(
        self, info: Info[Context, None], hub_id: Annotated[strawberry.ID, strawberry.argument(description=(
            "The hub (a Hub id); another team's hub gives an empty result."))],
        first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[MediaType]:
        viewer = info.context.require("content:read")
        parsed = id_arg(hub_id, "Hub", "hubId")
        return await keyset_page(Media.filter(team_id=viewer.team.id, hub_id=parsed), MediaType.from_model,
                                 first=first, after=after, last=last, before=before)


@strawberry.type
class ContentMutation:
    @strawberry.mutation(description="Add a section to a hub. Needs content:write.")
    @mutation_payload
    async def create_hub_section(
        self, info: Info[Context, None], input: Annotated[CreateHubSectionInput, strawberry.argument(description=(
            "The section."))],
    ) -> HubSectionPayload:
        viewer = info.context.require("content:write")
        section = await service.create_section(viewer.team, id_input(input.hub_id, "Hub", "hubId"), input.title,
                                               input.position)
        return HubSectionPayload(section=HubSectionType.from_model(section))

    @strawberry.mutation(description="Rename or reorder a hub section. Needs content:write.")
    @mutation_payload
    async def update_hub_section(
        self, info: Info[Context, None], input: Annotated[UpdateHubSectionInput, strawberry.argument(description=(
            "The changes."))],
    ) -> HubSectionPayload:
        viewer = info.context.require("content:write")
        section = await service.update_section(viewer.team, id_input(input.id, "HubSection", "id"), input.title,
                                               input.position)
        return HubSectionPayload(section=HubSectionType.from_model(section))

    @strawberry.mutation(description=(
        "Delete a hub section and the access rule guarding it; its nodes stay, filed under no section. Needs "
        "content:write."))
    @mutation_payload
    async def delete_hub_section(
        self, info: Info[Context, None], input: Annotated[DeleteInput, strawberry.argument(description=(
            "A HubSection id."))],
    ) -> DeletePayload:
        viewer = info.context.require("content:write")
        await service.delete_section(viewer.team, id_input(input.id, "HubSection", "id"))
        return DeletePayload(deleted_ids=[input.id])

    @strawberry.mutation(description="Add a course, module or lesson to a hub's tree. Needs content:write.")
    @mutation_payload
    async def create_content_node(
        self, info: Info[Context, None], input: Annotated[CreateContentNodeInput, strawberry.argument(description=(
            "The node."))],
    ) -> ContentNodePayload:
        viewer = info.context.require("content:write")
        node = await service.create_node(viewer.team, id_input(input.hub_id, "Hub", "hubId"), _node_changes(input))
        return ContentNodePayload(node=ContentNodeType.from_model(node))

    @strawberry.mutation(description=(
        "Edit, publish/unpublish, reorder (position) or move (parentId) a node. Needs content:write."))
    @mutation_payload
    async def update_content_node(
        self, info: Info[Context, None], input: Annotated[UpdateContentNodeInput, strawberry.argument(description=(
            "The changes."))],
    ) -> ContentNodePayload:
        viewer = info.context.require("content:write")
        node = await service.update_node(viewer.team, id_input(input.id, "ContentNode", "id"), _node_changes(input))
        return ContentNodePayload(node=ContentNodeType.from_model(node))

    @strawberry.mutation(description="Delete a node with its whole subtree. Needs content:write.")
    @mutation_payload
    async def delete_content_node(
        self, info: Info[Context, None], input: Annotated[DeleteInput, strawberry.argument(description=(
            "A ContentNode id."))],
    ) -> DeletePayload:
        viewer = info.context.require("content:write")
        ids = await service.delete_node(viewer.team, id_input(input.id, "ContentNode", "id"))
        return DeletePayload(deleted_ids=gids("ContentNode", ids))

    @strawberry.mutation(description="Add a page to a hub (its sections with `setPageSections`). Needs content:write.")
    @mutation_payload
    async def create_page(
        self, info: Info[Context, None], input: Annotated[CreatePageInput, strawberry.argument(description=(
            "The page."))],
    ) -> PagePayload:
        viewer = info.context.require("content:write")
        page = await service.create_page(viewer.team, id_input(input.hub_id, "Hub", "hubId"), input.kind.value,
                                         input.slug, input.title, input.status.value)
        return PagePayload(page=PageType.from_model(page))

    @strawberry.mutation(description="Change a page's slug, title or status. Needs content:write.")
    @mutation_payload
    async def update_page(
        self, info: Info[Context, None], input: Annotated[UpdatePageInput, strawberry.argument(description=(
            "The changes."))],
    ) -> PagePayload:
        viewer = info.context.require("content:write")
        page = await service.update_page(viewer.team, id_input(input.id, "Page", "id"), input.slug, input.title,
                                         input.status.value if input.status else None)
        return PagePayload(page=PageType.from_model(page))

    @strawberry.mutation(description=(
        "Delete a page with its sections and the access rule guarding it. Needs content:write."))
    @mutation_payload
    async def delete_page(
        self, info: Info[Context, None], input: Annotated[DeleteInput, strawberry.argument(description="A Page id.")],
    ) -> DeletePayload:
        viewer = info.context.require("content:write")
        await service.delete_page(viewer.team, id_input(input.id, "Page", "id"))
        return DeletePayload(deleted_ids=[input.id])

    @strawberry.mutation(description="Replace a page's sections with the given ones, in order. Needs content:write.")
    @mutation_payload
    async def set_page_sections(
        self, info: Info[Context, None], input: Annotated[SetPageSectionsInput, strawberry.argument(description=(
            "The page and its sections."))],
    ) -> PagePayload:
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

    @strawberry.mutation(description=(
        "Store a file (up to 20 MiB, base64 in the request) for a hub. Needs content:write."))
    @mutation_payload
    async def upload_media(
        self, info: Info[Context, None], input: Annotated[UploadMediaInput, strawberry.argument(description=(
            "The file."))],
    ) -> MediaPayload:
        viewer = info.context.require("content:write")
        try:
            data = base64.b64decode(input.data_base64, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ValidationFailed.one("dataBase64", "not valid base64", "INVALID_BASE64") from exc
        media = await service.upload_media(viewer.team, get_storage(info.context.settings),
                                           id_input(input.hub_id, "Hub", "hubId"), input.filename,
                                           input.content_type, data)
        return MediaPayload(media=MediaType.from_model(media))

    @strawberry.mutation(description=(
        "Register a file hosted elsewhere (a video host, a CDN) for a hub. Needs content:write."))
    @mutation_payload
    async def link_media(
        self, info: Info[Context, None], input: Annotated[LinkMediaInput, strawberry.argument(description="The link.")],
    ) -> MediaPayload:
        viewer = info.context.require("content:write")
        media = await service.link_media(viewer.team, id_input(input.hub_id, "Hub", "hubId"), input.url, input.filename,
                                         input.content_type, input.size_bytes)
        return MediaPayload(media=MediaType.from_model(media))

    @strawberry.mutation(description=(
        "Delete a media file (and the stored bytes of an upload); nodes and page sections using it lose their "
        "reference. Needs content:write."))
    @mutation_payload
    async def delete_media(
        self, info: Info[Context, None], input: Annotated[DeleteInput, strawberry.argument(description="A Media id.")],
    ) -> DeletePayload:
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
