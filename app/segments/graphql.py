"""GraphQL for segments: the field catalog, segments with members and history, preview, explain, edits."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from app.contacts.graphql import ContactType
from app.contacts.models import TeamContact
from app.core.errors import ValidationFailed
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.errors import UserError, mutation_payload, user_errors
from app.graphql.ids import encode_id, gids, id_arg, id_input, id_inputs
from app.graphql.nodes import NodeType, staff, team_rows
from app.graphql.scopes import requires_scope
from app.hubs.loaders import team_contact_loader
from app.segments import catalog, service
from app.segments.models import MembershipAction, Segment, SegmentKind, SegmentMembership, SegmentMembershipChange
from app.segments.pipeline.graphql import CAUSE_REF_DESCRIPTION, cause_ref_id
from app.segments.pipeline.status import SegmentEvaluation, segment_evaluation
from app.segments.triggers import Triggers
from app.segments.usage import SegmentUse
from app.teams import audit

SegmentKindEnum = strawberry.enum(SegmentKind, name="SegmentKind")
MembershipActionEnum = strawberry.enum(MembershipAction, name="SegmentMembershipAction")

# The query cost (app/graphql/cost.py) of a field that runs a rule over the whole team.
RULE_STATEMENT = {"cost": 1000}


async def _contacts(team_id: int, ids: list[int]) -> list[Any]:
    rows = {c.id: c for c in await TeamContact.filter(team_id=team_id, id__in=ids)}
    return [ContactType.from_model(rows[i]) for i in ids if i in rows]


async def _contact(info: Info[Context, None], team_id: int, contact_id: int) -> Any:
    loader = info.context.loader("team_contact", lambda: team_contact_loader(team_id))
    contact = await loader.load(contact_id)
    return ContactType.from_model(contact) if contact else None


@strawberry.type(description="A field rules can use, for rule builders.")
class SegmentField:
    name: str
    type: str = strawberry.field(description="string, number, money, date, boolean, enum or tags")
    operators: list[str]
    description: str
    enum_values: list[str]
    group: str


@strawberry.type(description="What can change a segment's rule: event types, fields, orders, hubs, time.")
class SegmentTriggers:
    event_types: list[str]
    any_event: bool
    fields: list[str]
    orders: bool
    hubs: bool
    segment_ids: list[strawberry.ID]
    tables: list[str]
    time_based: bool

    @classmethod
    def from_triggers(cls, t: Triggers) -> SegmentTriggers:
        return cls(
            event_types=sorted(t.event_types), any_event=t.any_event, fields=sorted(t.fields), orders=t.orders,
            hubs=t.hubs, segment_ids=gids("Segment", sorted(t.segments)), tables=sorted(t.tables),
            time_based=t.time_based,
        )


@strawberry.type
class SegmentMember(relay.Node):
    id: relay.NodeID[int]
    joined_at: datetime
    team_id: strawberry.Private[int]
    contact_id: strawberry.Private[int]

    @strawberry.field
    async def contact(self, info: Info[Context, None]) -> ContactType | None:
        return await _contact(info, self.team_id, self.contact_id)

    @classmethod
    def from_model(cls, m: SegmentMembership) -> SegmentMember:
        return cls(id=m.id, joined_at=m.joined_at, team_id=m.team_id, contact_id=m.team_contact_id)


@strawberry.type(description="One join or leave of a segment, with its cause.")
class SegmentHistoryEntry(relay.Node):
    id: relay.NodeID[int]
    action: MembershipAction
    cause: str
    cause_ref: str | None = strawberry.field(description=CAUSE_REF_DESCRIPTION)
    at: datetime
    contact_id: strawberry.ID
    team_id: strawberry.Private[int]
    contact_pk: strawberry.Private[int]

    @strawberry.field
    async def contact(self, info: Info[Context, None]) -> ContactType | None:
        return await _contact(info, self.team_id, self.contact_pk)

    @classmethod
    def from_model(cls, m: SegmentMembershipChange) -> SegmentHistoryEntry:
        return cls(id=m.id, action=MembershipAction(m.action), cause=m.cause,
                   cause_ref=cause_ref_id(m.cause, m.cause_ref), at=m.at,
                   contact_id=encode_id("Contact", m.team_contact_id),
                   team_id=m.team_id, contact_pk=m.team_contact_id)


@strawberry.type(name="Segment")
class SegmentType(relay.Node):
    id: relay.NodeID[int]
    name: str
    description: str
    kind: SegmentKind
    tags: list[str]
    rule: JSON | None
    rule_text: str | None
    member_count: int
    created_at: datetime
    updated_at: datetime
    team_id: strawberry.Private[int]
    stored_triggers: strawberry.Private[dict[str, Any] | None]

    @strawberry.field(description="Event types and fields that can change this segment's rule.")
    def triggers(self) -> SegmentTriggers | None:
        if self.stored_triggers is None:
            return None
        return SegmentTriggers.from_triggers(Triggers.from_json(self.stored_triggers))

    @strawberry.field(description="Real-time evaluation figures: last evaluated, counts, lag, errors, catching up.")
    async def evaluation(self, info: Info[Context, None]) -> SegmentEvaluation:
        info.context.require("segments:read")
        return await segment_evaluation(info, self.team_id, self.id)

    @strawberry.field(description="Current members, in the order they joined.")
    async def members(self, info: Info[Context, None], first: int | None = None, after: str | None = None,
                      last: int | None = None, before: str | None = None) -> Connection[SegmentMember]:
        info.context.require("segments:read")
        return await keyset_page(SegmentMembership.filter(team_id=self.team_id, segment_id=self.id),
                                 SegmentMember.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(description="Every join and leave, newest first, with its cause.")
    async def history(self, info: Info[Context, None], first: int | None = None, after: str | None = None,
                      last: int | None = None, before: str | None = None) -> Connection[SegmentHistoryEntry]:
        info.context.require("segments:read")
        return await keyset_page(SegmentMembershipChange.filter(team_id=self.team_id, segment_id=self.id),
                                 SegmentHistoryEntry.from_model, first=first, after=after, last=last, before=before,
                                 descending=True)

    @classmethod
    def from_model(cls, s: Segment) -> SegmentType:
        return cls(
            id=s.id, name=s.name, description=s.description, kind=SegmentKind(s.kind),
            tags=list(s.tags or []), rule=s.rule, rule_text=s.rule_text, member_count=s.member_count,
            created_at=s.created_at, updated_at=s.updated_at, team_id=s.team_id, stored_triggers=s.triggers,
        )


@strawberry.type
class SegmentPreview:
    count: int = 0
    sample: list[ContactType] = strawberry.field(default_factory=list)
    rule: JSON | None = None
    rule_text: str | None = None
    triggers: SegmentTriggers | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@requires_scope("contacts:read", except_fields=["path", "text", "matched", "depth"])  # value: personal data
@strawberry.type
class ExplainedCondition:
    path: str
    text: str
    matched: bool
    value: str | None = strawberry.field(description="The contact's value for the condition, as text (contacts:read)")
    depth: int


@strawberry.type
class SegmentExplanation:
    matches: bool = strawberry.field(description="Whether the contact matches the rule now")
    is_member: bool = strawberry.field(description="Whether the contact is a member now")
    reason: str
    conditions: list[ExplainedCondition]


@strawberry.type
class SegmentWhatIf:
    join_count: int
    leave_count: int
    join_sample: list[ContactType]
    leave_sample: list[ContactType]


@strawberry.input
class SegmentFilter:
    kind: SegmentKind | None = None
    tag: str | None = None


@strawberry.input
class CreateSegmentInput:
    name: str
    kind: SegmentKind = SegmentKind.DYNAMIC
    description: str = ""
    tags: list[str] | None = None
    rule_text: str | None = None
    rule: JSON | None = strawberry.field(default=None, description="The rule as a JSON tree (instead of ruleText)")


@strawberry.input
class UpdateSegmentInput:
    id: strawberry.ID
    name: str | None = None
    description: str | None = None
    tags: list[str] | None = None
    rule_text: str | None = None
    rule: JSON | None = None
    dry_run: bool = strawberry.field(default=False, description="Only report who would join/leave; save nothing")


@strawberry.input
class CreateCohortInput:
    name: str
    description: str = ""
    tags: list[str] | None = None
    rule_text: str | None = None
    rule: JSON | None = None


@strawberry.input
class StaticSegmentMembersInput:
    segment_id: strawberry.ID
    contact_ids: list[strawberry.ID] | None = None
    emails: list[str] | None = None
    csv: str | None = strawberry.field(default=None, description="CSV text: an 'email' column, or emails one a line")


@strawberry.input
class SegmentIdInput:
    id: strawberry.ID


@strawberry.type
class SegmentPayload:
    segment: SegmentType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.enum(description="What uses a segment.")
class SegmentUserKind(Enum):
    SEGMENT = "segment"
    ACCESS_RULE = "access_rule"
    DRIP = "drip"
    AUDIENCE_LINK = "audience_link"


USER_TYPES = {"segment": "Segment", "access_rule": "AccessRule", "drip": "DripCampaign",
              "audience_link": "AudienceLink"}  # GraphQL type of each kind of user (their global ids)


@strawberry.type(description="Something that uses a segment: another segment's rule, an access rule, a drip, "
                             "an audience link.")
class SegmentUser:
    kind: SegmentUserKind
    user_id: strawberry.ID = strawberry.field(description="The global id of the user (a Segment, AccessRule, "
                                              "DripCampaign or AudienceLink)")
    name: str

    @classmethod
    def from_use(cls, use: SegmentUse) -> SegmentUser:
        return cls(kind=SegmentUserKind(use.kind), user_id=encode_id(USER_TYPES[use.kind], use.id), name=use.name)


@strawberry.type(description="What a rule edit changes for one user of the segment.")
class SegmentImpact:
    user: SegmentUser
    joining: int = strawberry.field(description="Contacts the user gains (access, enrolments, audience additions)")
    leaving: int = strawberry.field(description="Contacts the user loses (access, exits, audience removals)")
    message: str = strawberry.field(description="e.g. \"412 members lose access to lesson 'Module 3'\"")


@strawberry.type
class UpdateSegmentPayload:
    segment: SegmentType | None = None
    saved: bool = False
    what_if: SegmentWhatIf | None = None
    warnings: list[str] = strawberry.field(default_factory=list)
    impacts: list[SegmentImpact] = strawberry.field(default_factory=list, description="Per user, what the new rule "
                                                    "changes (rule edits only; also with dryRun)")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class DeleteSegmentInput:
    id: strawberry.ID
    force: bool = strawberry.field(default=False, description="Detach access rules, drips (paused) and audience "
                                   "links that use the segment, then delete it")


@strawberry.type
class DeleteSegmentPayload:
    deleted_id: strawberry.ID | None = None
    detached: list[str] = strawberry.field(default_factory=list, description="What `force` changed")
    used_by: list[SegmentUser] = strawberry.field(default_factory=list, description="Why it was refused")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class StaticSegmentMembersPayload:
    segment: SegmentType | None = None
    changed_count: int = 0
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class RecomputeSegmentPayload:
    segment: SegmentType | None = None
    joined_count: int = 0
    left_count: int = 0
    user_errors: list[UserError] = strawberry.field(default_factory=list)


def _field(spec: catalog.FieldSpec) -> SegmentField:
    return SegmentField(name=spec.name, type=spec.type, operators=list(spec.operators), description=spec.description,
                        enum_values=list(spec.enum_values), group=spec.group)


@strawberry.type
class SegmentsQuery:
    @strawberry.field(description="The field catalog for rule builders (including this team's custom properties).")
    async def segment_fields(self, info: Info[Context, None]) -> list[SegmentField]:
        viewer = info.context.require("segments:read")
        ctx = await service.load_context(viewer.team)
        return [_field(spec) for spec in catalog.all_fields(ctx)]

    @strawberry.field(description="The team's segments, optionally by kind and tag.")
    async def segments(self, info: Info[Context, None], filter: SegmentFilter | None = None,
                       first: int | None = None, after: str | None = None, last: int | None = None,
                       before: str | None = None) -> Connection[SegmentType]:
        viewer = info.context.require("segments:read")
        queryset = Segment.filter(team_id=viewer.team.id)
        if filter is not None and filter.kind is not None:
            queryset = queryset.filter(kind=filter.kind.value)
        if filter is not None and filter.tag:
            queryset = queryset.filter(id__in=await service.segment_ids_with_tag(viewer.team, filter.tag))
        return await keyset_page(queryset, SegmentType.from_model, first=first, after=after, last=last,
                                 before=before)

    @strawberry.field(description="One segment of the caller's team, or null.")
    async def segment(self, info: Info[Context, None], id: strawberry.ID) -> SegmentType | None:
        viewer = info.context.require("segments:read")
        segment = await Segment.get_or_none(id=id_arg(id, "Segment"), team_id=viewer.team.id)
        return SegmentType.from_model(segment) if segment else None

    @strawberry.field(description="Count and sample of an unsaved rule (text or JSON); errors instead if invalid.",
                      metadata=RULE_STATEMENT)
    async def preview_segment(self, info: Info[Context, None], rule_text: str | None = None,
                              rule: JSON | None = None, sample_size: int = 10) -> SegmentPreview:
        viewer = info.context.require("segments:read")
        try:
            result = await service.preview(viewer.team, rule_text, rule, sample_size)
        except ValidationFailed as exc:
            return SegmentPreview(errors=user_errors(exc))
        return SegmentPreview(
            count=result.count, sample=await _contacts(viewer.team.id, result.sample_ids),
            rule=JSON(result.parsed.json), rule_text=result.parsed.text,
            triggers=SegmentTriggers.from_triggers(result.parsed.triggers),
        )

    @strawberry.field(description="Why a contact is or is not in a segment, condition by condition (null if unknown).",
                      metadata={"cost": 100})
    async def explain_segment(self, info: Info[Context, None], segment_id: strawberry.ID,
                              contact_id: strawberry.ID) -> SegmentExplanation | None:
        viewer = info.context.require("segments:read")
        segment_pk, contact_pk = id_arg(segment_id, "Segment", "segmentId"), id_arg(contact_id, "Contact", "contactId")
        try:
            result = await service.explain(viewer.team, segment_pk, contact_pk)
        except ValidationFailed:
            return None
        return SegmentExplanation(
            matches=result.matches, is_member=result.is_member, reason=result.reason,
            conditions=[ExplainedCondition(path=c.path, text=c.text, matched=c.matched, value=c.value, depth=c.depth)
                        for c in result.conditions],
        )


@strawberry.type
class SegmentsMutation:
    @strawberry.mutation(description="Create a dynamic (rule) or static (hand-managed) segment.",
                         metadata=RULE_STATEMENT)
    @mutation_payload
    async def create_segment(self, info: Info[Context, None], input: CreateSegmentInput) -> SegmentPayload:
        viewer = info.context.require("segments:write")
        segment = await service.create_segment(
            viewer.team, input.name, input.kind.value, input.description, input.tags, input.rule_text, input.rule)
        await audit.record(viewer.team.id, viewer, "segment.created", "Segment", encode_id("Segment", segment.id),
                           {"name": segment.name, "rule": input.rule_text})
        return SegmentPayload(segment=SegmentType.from_model(segment))

    @strawberry.mutation(description="Create a cohort: the contacts matching a rule now, frozen.",
                         metadata=RULE_STATEMENT)
    @mutation_payload
    async def create_cohort(self, info: Info[Context, None], input: CreateCohortInput) -> SegmentPayload:
        viewer = info.context.require("segments:write")
        segment = await service.create_segment(
            viewer.team, input.name, SegmentKind.COHORT.value, input.description, input.tags, input.rule_text,
            input.rule)
        await audit.record(viewer.team.id, viewer, "segment.created", "Segment", encode_id("Segment", segment.id),
                           {"name": segment.name, "kind": "cohort", "rule": input.rule_text})
        return SegmentPayload(segment=SegmentType.from_model(segment))

    @strawberry.mutation(description="Change a segment; with a new rule, reports who joins/leaves (dryRun: only that).",
                         metadata=RULE_STATEMENT)
    @mutation_payload
    async def update_segment(self, info: Info[Context, None], input: UpdateSegmentInput) -> UpdateSegmentPayload:
        viewer = info.context.require("segments:write")
        result = await service.update_segment(
            viewer.team, id_input(input.id, "Segment", "id"), name=input.name, description=input.description,
            tags=input.tags, rule_text=input.rule_text, rule=input.rule, dry_run=input.dry_run)
        what_if = None
        if result.what_if is not None:
            what_if = SegmentWhatIf(
                join_count=result.what_if.join_count, leave_count=result.what_if.leave_count,
                join_sample=await _contacts(viewer.team.id, result.what_if.join_sample),
                leave_sample=await _contacts(viewer.team.id, result.what_if.leave_sample),
            )
        segment = await Segment.get(id=result.segment.id)
        if result.saved:
            await audit.record(viewer.team.id, viewer, "segment.updated", "Segment", input.id, {
                "name": input.name, "description": input.description, "tags": input.tags, "rule": input.rule_text,
            } | ({"rule_json": True} if input.rule is not None else {}))
        impacts = [SegmentImpact(user=SegmentUser.from_use(i.use), joining=i.joining, leaving=i.leaving,
                                 message=i.message) for i in result.impacts]
        return UpdateSegmentPayload(segment=SegmentType.from_model(segment), saved=result.saved, what_if=what_if,
                                    warnings=result.warnings, impacts=impacts)

    @strawberry.mutation(description="Delete a segment: refused while anything uses it, unless `force` detaches "
                                     "access rules, drips and audience links (rules of other segments still refuse).")
    @mutation_payload
    async def delete_segment(self, info: Info[Context, None], input: DeleteSegmentInput) -> DeleteSegmentPayload:
        viewer = info.context.require("segments:write")
        try:
            deleted = await service.delete_segment(viewer.team, id_input(input.id, "Segment", "id"), force=input.force)
        except service.SegmentInUse as exc:  # the payload also says who uses it
            return DeleteSegmentPayload(used_by=[SegmentUser.from_use(u) for u in exc.uses],
                                        user_errors=user_errors(exc))
        await audit.record(viewer.team.id, viewer, "segment.deleted", "Segment", input.id,
                           {"force": input.force, "detached": deleted.detached})
        return DeleteSegmentPayload(deleted_id=encode_id("Segment", deleted.deleted_id), detached=deleted.detached)

    @strawberry.mutation(description="Add contacts (ids, emails or CSV) to a static segment, all or nothing.")
    @mutation_payload
    async def add_to_static_segment(self, info: Info[Context, None],
                                    input: StaticSegmentMembersInput) -> StaticSegmentMembersPayload:
        return await _change_static(info, input, add=True)

    @strawberry.mutation(description="Remove contacts (ids, emails or CSV) from a static segment.")
    @mutation_payload
    async def remove_from_static_segment(self, info: Info[Context, None],
                                         input: StaticSegmentMembersInput) -> StaticSegmentMembersPayload:
        return await _change_static(info, input, add=False)

    @strawberry.mutation(description="Recompute a dynamic segment's members now.", metadata=RULE_STATEMENT)
    @mutation_payload
    async def recompute_segment(self, info: Info[Context, None], input: SegmentIdInput) -> RecomputeSegmentPayload:
        viewer = info.context.require("segments:write")
        segment = await service.get_segment(viewer.team, id_input(input.id, "Segment", "id"))
        changes = await service.recompute(viewer.team, segment)
        return RecomputeSegmentPayload(
            segment=SegmentType.from_model(segment), joined_count=sum(c.action == "join" for c in changes),
            left_count=sum(c.action == "leave" for c in changes),
        )


async def _change_static(info: Info[Context, None], input: StaticSegmentMembersInput,
                         add: bool) -> StaticSegmentMembersPayload:
    viewer = info.context.require("segments:write")
    contact_pks = id_inputs(input.contact_ids, "Contact", "contactIds") or []
    segment, changes = await service.change_static_members(
        viewer.team, id_input(input.segment_id, "Segment", "segmentId"), add=add,
        contact_ids=[str(pk) for pk in contact_pks], emails=input.emails, csv_text=input.csv)
    return StaticSegmentMembersPayload(segment=SegmentType.from_model(segment), changed_count=len(changes))


NODE_TYPES = (
    NodeType("Segment", staff("segments:read"), team_rows(Segment, SegmentType.from_model)),
    NodeType("SegmentMember", staff("segments:read"), team_rows(SegmentMembership, SegmentMember.from_model)),
    NodeType("SegmentHistoryEntry", staff("segments:read"),
             team_rows(SegmentMembershipChange, SegmentHistoryEntry.from_model)),
)
