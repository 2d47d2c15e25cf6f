"""A hub's content: sections, the node tree (course → module → lesson, any depth), pages and
their ordered sections, media metadata, and each member's lesson progress."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class RuleTarget(StrEnum):
    """What an access rule can guard (rules are keyed by (type, id), without a foreign key)."""

    HUB_SECTION = "hub_section"
    NODE = "node"
    PAGE = "page"
    SPACE = "space"  # a community space (app/community)

class NodeKind(StrEnum):
    COURSE = "course"
    MODULE = "module"
    LESSON = "lesson"


class PublishStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


class PageKind(StrEnum):
    HOMEPAGE = "homepage"
    SALES = "sales"
    CUSTOM = "custom"


class MediaKind(StrEnum):
    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"
    FILE = "file"


class HubSection(Model):
    """Groups a hub's courses (e.g. "Start here", "Masterclasses"); may carry an access rule."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="hub_sections", on_delete=fields.CASCADE
    )
    team_id: int
    hub: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Hub", related_name="sections", on_delete=fields.CASCADE
    )
    hub_id: int
    title = fields.CharField(max_length=200)
    position = fields.IntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "hub_sections"
        indexes = (("hub", "position"),)


class Media(Model):
    """Metadata of an uploaded file (under the storage) or of an external URL."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="media", on_delete=fields.CASCADE
    )
    team_id: int
    hub: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Hub", related_name="media", on_delete=fields.CASCADE
    )
    hub_id: int
    kind = fields.CharEnumField(MediaKind, max_length=16)
    filename = fields.CharField(max_length=255)
    content_type = fields.CharField(max_length=127)
    size_bytes = fields.BigIntField(default=0)
    storage_key = fields.CharField(max_length=255, null=True)
    external_url = fields.CharField(max_length=2000, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "media"
        indexes = (("hub", "id"),)


class ContentNode(Model):
    """One node of a hub's tree. Position orders siblings; drafts are invisible to members."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="content_nodes", on_delete=fields.CASCADE
    )
    team_id: int
    hub: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Hub", related_name="content_nodes", on_delete=fields.CASCADE
    )
    hub_id: int
    parent: fields.ForeignKeyNullableRelation[ContentNode] = fields.ForeignKeyField(
        "models.ContentNode", related_name="children", null=True, on_delete=fields.CASCADE
    )
    parent_id: int | None
    section: fields.ForeignKeyNullableRelation[HubSection] = fields.ForeignKeyField(
        "models.HubSection", related_name="nodes", null=True, on_delete=fields.SET_NULL
    )
    section_id: int | None
    media: fields.ForeignKeyNullableRelation[Media] = fields.ForeignKeyField(
        "models.Media", related_name="nodes", null=True, on_delete=fields.SET_NULL
    )
    media_id: int | None
    kind = fields.CharEnumField(NodeKind, max_length=16)
    title = fields.CharField(max_length=300)
    body = fields.TextField(default="")
    status = fields.CharEnumField(PublishStatus, max_length=16, default=PublishStatus.DRAFT)
    position = fields.IntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "content_nodes"
        # aerich cannot create a self-referencing table in one step: `parent` came in a second migration.
        indexes = (("hub", "position"), ("parent",))


class Page(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="pages", on_delete=fields.CASCADE
    )
    team_id: int
    hub: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Hub", related_name="pages", on_delete=fields.CASCADE
    )
    hub_id: int
    kind = fields.CharEnumField(PageKind, max_length=16)
    slug = fields.CharField(max_length=80)
    title = fields.CharField(max_length=300)
    status = fields.CharEnumField(PublishStatus, max_length=16, default=PublishStatus.DRAFT)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "pages"
        unique_together = (("hub", "slug"),)


class PageSection(Model):
    """An ordered block of a page; it may show a content node (and then obeys that node's access)."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="page_sections", on_delete=fields.CASCADE
    )
    team_id: int
    page: fields.ForeignKeyRelation[Page] = fields.ForeignKeyField(
        "models.Page", related_name="sections", on_delete=fields.CASCADE
    )
    page_id: int
    position = fields.IntField(default=0)
    kind = fields.CharField(max_length=32, default="text")
    title = fields.CharField(max_length=300, default="")
    body = fields.TextField(default="")
    media: fields.ForeignKeyNullableRelation[Media] = fields.ForeignKeyField(
        "models.Media", related_name="page_sections", null=True, on_delete=fields.SET_NULL
    )
    media_id: int | None
    node: fields.ForeignKeyNullableRelation[ContentNode] = fields.ForeignKeyField(
        "models.ContentNode", related_name="page_sections", null=True, on_delete=fields.SET_NULL
    )
    node_id: int | None

    class Meta:
        table = "page_sections"
        indexes = (("page", "position"),)


class LessonProgress(Model):
    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Team", related_name="lesson_progress", on_delete=fields.CASCADE
    )
    team_id: int
    hub: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Hub", related_name="lesson_progress", on_delete=fields.CASCADE
    )
    hub_id: int
    node: fields.ForeignKeyRelation[ContentNode] = fields.ForeignKeyField(
        "models.ContentNode", related_name="progress", on_delete=fields.CASCADE
    )
    node_id: int
    team_contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.TeamContact", related_name="lesson_progress", on_delete=fields.CASCADE
    )
    team_contact_id: int
    started_at = fields.DatetimeField()
    completed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "lesson_progress"
        unique_together = (("node", "team_contact"),)
        indexes = (("hub", "team_contact"),)
