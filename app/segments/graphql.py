"""GraphQL for segments: the field catalog, segments with members and history, preview, explain, edits."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated, Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from app.contacts.graphql import ContactType
from app.contacts.models import TeamContact
from app.core.errors import ValidationFailed
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.enums import described_enum
from app.graphql.errors import UserError, mutation_payload, user_errors
from app.graphql.ids import encode_id, gids, id_arg, id_input, id_inputs
from app.graphql.nodes import NodeType, staff, team_rows
from app.graphql.scopes import requires_scope
from app.hubs.loaders import team_contact_loader
from app.segments import catalog, service
from app.segments.models import MembershipAction, Segment, SegmentKind, SegmentMembership, SegmentMembershipChange
from app.segments.pipeline.graphql import CAUSE_DESCRIPTION, CAUSE_REF_DESCRIPTION, cause_ref_id
from app.segments.pipeline.status import SegmentEvaluation, segment_evaluation
from app.segments.triggers import Triggers
from app.segments.usage import SegmentUse
from app.teams import audit

SegmentKindEnum = described_enum(
    SegmentKind, name="SegmentKind", description="How a segment's members are decided.", values={
        "DYNAMIC": "By a rule, kept up to date in real time as contacts, events, orders and time change.",
        "STATIC": "By hand: `addToStaticSegment` / `removeFromStaticSegment`; no rule.",
        "COHORT": "The contacts that matched a rule when it was created, frozen (the rule is kept for reference).",
    })
MembershipActionEnum = described_enum(
    MembershipAction, name="SegmentMembershipAction", description="Whether a contact entered or left a segment.",
    values={"JOIN": "The contact became a member.", "LEAVE": "The contact stopped being a member."})

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
    name: str = strawberry.field(description=(
        "The name to use in rules (`lifecycleStage`, `custom.plan`, `hub.<slug>.role`)."))
    type: str = strawberry.field(description="String, number, money, date, boolean, enum or tags.")
    operators: list[str] = strawberry.field(description=(
        "Operators the field accepts (`=`, `in`, `within`, `contains`, ...)."))
    description: str = strawberry.field(description="What the field means, for people building rules.")
    enum_values: list[str] = strawberry.field(description="The allowed values of an enum field; empty otherwise.")
    group: str = strawberry.field(description=(
        "Where the field comes from, for grouping in a rule builder: contact, activity, orders, billing, hubs, ..."))


@strawberry.type(description="What can change a segment's rule: event types, fields, orders, hubs, time.")
class SegmentTriggers:
    event_types: list[str] = strawberry.field(description="Event types whose tracking re-evaluates the contact.")
    any_event: bool = strawberry.field(description=(
        "Whether any event at all does (the rule reads lastActivityAt or eventCount)."))
    fields: list[str] = strawberry.field(description="Contact fields it reads (`lifecycleStage`, `custom.plan`).")
    orders: bool = strawberry.field(description="Whether orders change it.")
    hubs: bool = strawberry.field(description="Whether hub memberships (joins, roles, bans) change it.")
    segment_ids: list[strawberry.ID] = strawberry.field(description="Segments whose membership it reads.")
    tables: list[str] = strawberry.field(description="Other domains' data it reads (billing, entitlements, ...).")
    time_based: bool = strawberry.field(description=(
        "Whether the mere passing of time changes it (relative windows, calendar words): re-checked on a schedule."))

    @classmethod
    def from_triggers(cls, t: Triggers) -> SegmentTriggers:
        return cls(
            event_types=sorted(t.event_types), any_event=t.any_event, fields=sorted(t.fields), orders=t.orders,
            hubs=t.hubs, segment_ids=gids("Segment", sorted(t.segments)), tables=sorted(t.tables),
            time_based=t.time_based,
        )


@strawberry.type(description="A current member of a segment. Needs segments:read.")
class SegmentMember(relay.Node):
    id: relay.NodeID[int]
    joined_at: datetime = strawberry.field(description="When the contact (last) joined the segment.")
    team_id: strawberry.Private[int]
    contact_id: strawberry.Private[int]

    @strawberry.field(description="The member's contact (fields beyond `id` need contacts:read); null if deleted.")
    async def contact(self, info: Info[Context, None]) -> ContactType | None:
        return await _contact(info, self.team_id, self.contact_id)

    @classmethod
    def from_model(cls, m: SegmentMembership) -> SegmentMember:
        return cls(id=m.id, joined_at=m.joined_at, team_id=m.team_id, contact_id=m.team_contact_id)


@strawberry.type(description="One join or leave of a segment, with its cause.")
class SegmentHistoryEntry(relay.Node):
    id: relay.NodeID[int]
    action: MembershipAction = strawberry.field(description="Joined or left.")
    cause: str = strawberry.field(description=CAUSE_DESCRIPTION)
    cause_ref: str | None = strawberry.field(description=CAUSE_REF_DESCRIPTION)
    at: datetime = strawberry.field(description="When the change was committed.")
    contact_id: strawberry.ID = strawberry.field(description=(
        "The contact (a Contact id), also when it was deleted since."))
    team_id: strawberry.Private[int]
    contact_pk: strawberry.Private[int]

    @strawberry.field(description="The contact (fields beyond `id` need contacts:read); null if deleted since.")
    async def contact(self, info: Info[Context, None]) -> ContactType | None:
        return await _contact(info, self.team_id, self.contact_pk)

    @classmethod
    def from_model(cls, m: SegmentMembershipChange) -> SegmentHistoryEntry:
        return cls(id=m.id, action=MembershipAction(m.action), cause=m.cause,
                   cause_ref=cause_ref_id(m.cause, m.cause_ref), at=m.at,
                   contact_id=encode_id("Contact", m.team_contact_id),
                   team_id=m.team_id, contact_pk=m.team_contact_id)


@strawberry.type(name="Segment", description=(
    "A named group of the team's contacts: by rule (dynamic), by hand (static) or a frozen cohort. Used by "
    "access rules, drips and ad audiences. Needs segments:read."))
class SegmentType(relay.Node):
    id: relay.NodeID[int]
    name: str = strawberry.field(description=(
        "Name, unique in the team, at most 200 characters; other rules refer to it by name."))
    description: str = strawberry.field(description="What the segment is for, for people; may be empty.")
    kind: SegmentKind = strawberry.field(description="Dynamic, static or cohort.")
    tags: list[str] = strawberry.field(description=(
        "Labels for organising segments (at most 20); filter with `segments(filter: {tag})`."))
    rule: JSON | None = strawberry.field(description=(
        "The rule as a JSON tree (`{\"field\", \"op\", \"value\"}` leaves in `and`/`or`/`not` groups; see "
        "docs/segments.md); null for a static segment."))
    rule_text: str | None = strawberry.field(description=(
        "The rule in the text language (`lifecycleStage in (engaged, loyal) AND ...`), normalised; null for a "
        "static segment."))
    member_count: int = strawberry.field(description="Current number of members (kept with every join and leave).")
    created_at: datetime = strawberry.field(description="When the segment was created.")
    updated_at: datetime = strawberry.field(description="When its name, rule or tags last changed.")
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

    @strawberry.field(description="Current members, in the order they joined. Needs segments:read.")
    async def members(self, info: Info[Context, None], first: int | None = None, after: str | None = None,
                      last: int | None = None, before: str | None = None) -> Connection[SegmentMember]:
        info.context.require("segments:read")
        return await keyset_page(SegmentMembership.filter(team_id=self.team_id, segment_id=self.id),
                                 SegmentMember.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(description="Every join and leave, newest first, with its cause. Needs segments:read.")
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


@strawberry.type(description="What an unsaved rule would match now (`previewSegment`).")
class SegmentPreview:
    count: int = strawberry.field(default=0, description="Contacts of the team matching the rule now.")
    sample: list[ContactType] = strawberry.field(default_factory=list, description=(
        "Up to `sampleSize` of them, lowest id first (fields beyond `id` need contacts:read)."))
    rule: JSON | None = strawberry.field(default=None, description="The rule as a JSON tree, as it would be stored.")
    rule_text: str | None = strawberry.field(default=None, description="The rule as normalised text.")
    triggers: SegmentTriggers | None = strawberry.field(default=None, description="What would re-evaluate it.")
    errors: list[UserError] = strawberry.field(default_factory=list, description=(
        "Why the rule is invalid (`field` is `ruleText` or `rule`, with suggestions in `message`); when not "
        "empty the other fields are empty."))


@requires_scope("contacts:read", except_fields=["path", "text", "matched", "depth"])  # value: personal data
@strawberry.type(description="One condition or group of a rule, and whether the contact meets it.")
class ExplainedCondition:
    path: str = strawberry.field(description="Where it sits in the rule (`rule.and.1.or.0`).")
    text: str = strawberry.field(description="The condition or group in the text language.")
    matched: bool = strawberry.field(description="Whether the contact meets it now.")
    value: str | None = strawberry.field(description="The contact's value for the condition, as text (contacts:read).")
    depth: int = strawberry.field(description="Nesting level, 0 for the whole rule (for indenting).")


@strawberry.type(description="Why a contact is or is not in a segment (`explainSegment`).")
class SegmentExplanation:
    matches: bool = strawberry.field(description="Whether the contact matches the rule now.")
    is_member: bool = strawberry.field(description="Whether the contact is a member now.")
    reason: str = strawberry.field(description=(
        "A sentence for people (\"does not match the rule (membership updates on the next evaluation)\")."))
    conditions: list[ExplainedCondition] = strawberry.field(description=(
        "Every condition and group, depth first; empty for static segments and cohorts."))


@strawberry.type(description="Who a rule edit would move in or out of a segment.")
class SegmentWhatIf:
    join_count: int = strawberry.field(description="Contacts who would join.")
    leave_count: int = strawberry.field(description="Members who would leave.")
    join_sample: list[ContactType] = strawberry.field(description="A few of those joining.")
    leave_sample: list[ContactType] = strawberry.field(description="A few of those leaving.")


@strawberry.input(description="Which segments to list; omitted fields do not filter.")
class SegmentFilter:
    kind: SegmentKind | None = strawberry.field(default=None, description="Only this kind.")
    tag: str | None = strawberry.field(default=None, description="Only segments with this tag (case-insensitive).")


@strawberry.input(description="A new dynamic or static segment (cohorts: `createCohort`).")
class CreateSegmentInput:
    name: str = strawberry.field(description="Name, unique in the team (DUPLICATE_NAME), at most 200 characters.")
    kind: SegmentKind = strawberry.field(default=SegmentKind.DYNAMIC, description=(
        "DYNAMIC (default; needs a rule) or STATIC (no rule)."))
    description: str = strawberry.field(default="", description="What the segment is for.")
    tags: list[str] | None = strawberry.field(default=None, description="Labels, at most 20 of at most 64 characters.")
    rule_text: str | None = strawberry.field(default=None, description=(
        "The rule in the text language (docs/segments.md); errors point at the position and suggest spellings."))
    rule: JSON | None = strawberry.field(default=None, description="The rule as a JSON tree (instead of ruleText).")


@strawberry.input(description="Changes to a segment; fields left out or null are kept.")
class UpdateSegmentInput:
    id: strawberry.ID = strawberry.field(description="The segment (a Segment id).")
    name: str | None = strawberry.field(default=None, description=(
        "New name (rules of other segments follow the rename)."))
    description: str | None = strawberry.field(default=None, description="New description.")
    tags: list[str] | None = strawberry.field(default=None, description="New tags (replace the old ones).")
    rule_text: str | None = strawberry.field(default=None, description=(
        "New rule as text (dynamic segments only: a cohort's or static segment's rule cannot change)."))
    rule: JSON | None = strawberry.field(default=None, description="New rule as a JSON tree (instead of ruleText).")
    dry_run: bool = strawberry.field(default=False, description="Only report who would join/leave; save nothing.")


@strawberry.input(description="A new cohort: the contacts matching the rule now, frozen.")
class CreateCohortInput:
    name: str = strawberry.field(description="Name, unique in the team, at most 200 characters.")
    description: str = strawberry.field(default="", description="What the cohort is for.")
    tags: list[str] | None = strawberry.field(default=None, description="Labels, at most 20.")
    rule_text: str | None = strawberry.field(default=None, description="The rule in the text language.")
    rule: JSON | None = strawberry.field(default=None, description="The rule as a JSON tree (instead of ruleText).")


@strawberry.input(description=(
    "Contacts to add to or remove from a static segment: ids, emails, CSV or a mix, at most 10,000 in all."))
class StaticSegmentMembersInput:
    segment_id: strawberry.ID = strawberry.field(description="The static segment (a Segment id).")
    contact_ids: list[strawberry.ID] | None = strawberry.field(default=None, description="Contact ids of the team.")
    emails: list[str] | None = strawberry.field(default=None, description=(
        "Emails of existing contacts (an unknown one is an error)."))
    csv: str | None = strawberry.field(default=None, description="CSV text: an 'email' column, or emails one a line.")


@strawberry.input(description="A segment.")
class SegmentIdInput:
    id: strawberry.ID = strawberry.field(description="The segment (a Segment id).")


@strawberry.type(description="Result of `createSegment` and `createCohort`.")
class SegmentPayload:
    segment: SegmentType | None = strawberry.field(default=None, description=(
        "The new segment, with its first members counted; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.enum(description="What uses a segment.")
class SegmentUserKind(Enum):
    SEGMENT = strawberry.enum_value("segment", description="Another segment's rule names it.")
    ACCESS_RULE = strawberry.enum_value("access_rule", description="An access rule admits its members.")
    DRIP = strawberry.enum_value("drip", description="A drip campaign enrols its members.")
    AUDIENCE_LINK = strawberry.enum_value("audience_link", description="An ad-audience link syncs it to a platform.")
    CAMPAIGN = strawberry.enum_value("campaign", description=(
        "A campaign not yet finished sends to its members (or excludes them)."))


USER_TYPES = {"segment": "Segment", "access_rule": "AccessRule", "drip": "DripCampaign",
              "audience_link": "AudienceLink", "campaign": "Campaign"}  # GraphQL type of each kind of user


@strawberry.type(description="Something that uses a segment: another segment's rule, an access rule, a drip, "
                             "an audience link.")
class SegmentUser:
    kind: SegmentUserKind = strawberry.field(description="What kind of thing uses it.")
    user_id: strawberry.ID = strawberry.field(description="The global id of the user (a Segment, AccessRule, "
                                              "DripCampaign or AudienceLink)")
    name: str = strawberry.field(description="The user's name (segment or drip name, or what the rule guards).")

    @classmethod
    def from_use(cls, use: SegmentUse) -> SegmentUser:
        return cls(kind=SegmentUserKind(use.kind), user_id=encode_id(USER_TYPES[use.kind], use.id), name=use.name)


@strawberry.type(description="What a rule edit changes for one user of the segment.")
class SegmentImpact:
    user: SegmentUser = strawberry.field(description="What uses the segment.")
    joining: int = strawberry.field(description="Contacts the user gains (access, enrolments, audience additions)")
    leaving: int = strawberry.field(description="Contacts the user loses (access, exits, audience removals)")
    message: str = strawberry.field(description=(
        "A sentence for people, e.g. \"412 members lose access to lesson 'Module 3'\"."))


@strawberry.type(description="Result of `updateSegment`.")
class UpdateSegmentPayload:
    segment: SegmentType | None = strawberry.field(default=None, description=(
        "The segment as stored now (unchanged with dryRun); null when `userErrors` is not empty."))
    saved: bool = strawberry.field(default=False, description="Whether the change was saved (false with dryRun).")
    what_if: SegmentWhatIf | None = strawberry.field(default=None, description=(
        "Who the new rule moves in or out; null when the rule did not change."))
    warnings: list[str] = strawberry.field(default_factory=list, description=(
        "Things to know before saving, for people (e.g. what uses the segment)."))
    impacts: list[SegmentImpact] = strawberry.field(default_factory=list, description="Per user, what the new rule "
                                                    "changes (rule edits only; also with dryRun).")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="The segment to delete.")
class DeleteSegmentInput:
    id: strawberry.ID = strawberry.field(description="The segment (a Segment id).")
    force: bool = strawberry.field(default=False, description="Detach access rules, drips (paused) and audience "
                                   "links that use the segment, then delete it.")


@strawberry.type(description="Result of `deleteSegment`.")
class DeleteSegmentPayload:
    deleted_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "Id of the deleted segment; null when refused."))
    detached: list[str] = strawberry.field(default_factory=list, description="What `force` changed, for people.")
    used_by: list[SegmentUser] = strawberry.field(default_factory=list, description=(
        "Why it was refused: what uses it (with a SEGMENT_IN_USE userError)."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(description="Result of `addToStaticSegment` and `removeFromStaticSegment`.")
class StaticSegmentMembersPayload:
    segment: SegmentType | None = strawberry.field(default=None, description="The segment, with its new member count.")
    changed_count: int = strawberry.field(default=0, description=(
        "Contacts actually added or removed (already members, or not members, do not count)."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(description="Result of `recomputeSegment`.")
class RecomputeSegmentPayload:
    segment: SegmentType | None = strawberry.field(default=None, description="The segment after the recompute.")
    joined_count: int = strawberry.field(default=0, description="Contacts who joined.")
    left_count: int = strawberry.field(default=0, description="Members who left.")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


def _field(spec: catalog.FieldSpec) -> SegmentField:
    return SegmentField(name=spec.name, type=spec.type, operators=list(spec.operators), description=spec.description,
                        enum_values=list(spec.enum_values), group=spec.group)


@strawberry.type
class SegmentsQuery:
    @strawberry.field(description=(
        "The field catalog for rule builders (including this team's custom properties). Needs segments:read."))
    async def segment_fields(self, info: Info[Context, None]) -> list[SegmentField]:
        viewer = info.context.require("segments:read")
        ctx = await service.load_context(viewer.team)
        return [_field(spec) for spec in catalog.all_fields(ctx)]

    @strawberry.field(description="The team's segments, oldest first, optionally by kind and tag. Needs segments:read.")
    async def segments(self, info: Info[Context, None],
                       filter: Annotated[SegmentFilter | None, strawberry.argument(description=(
                           "Which segments; all when omitted."))] = None,
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

    @strawberry.field(description="One segment of the caller's team; null when unknown. Needs segments:read.")
    async def segment(
        self, info: Info[Context, None], id: Annotated[strawberry.ID, strawberry.argument(description="A Segment id.")],
    ) -> SegmentType | None:
        viewer = info.context.require("segments:read")
        segment = await Segment.get_or_none(id=id_arg(id, "Segment"), team_id=viewer.team.id)
        return SegmentType.from_model(segment) if segment else None

    @strawberry.field(description=(
        "Count and sample of an unsaved rule (text or JSON); errors instead if invalid. Runs the rule over the "
        "whole team (query cost 1000). Needs segments:read."), metadata=RULE_STATEMENT)
    async def preview_segment(
        self, info: Info[Context, None],
        rule_text: Annotated[str | None, strawberry.argument(description="The rule in the text language.")] = None,
        rule: Annotated[JSON | None, strawberry.argument(description=(
            "The rule as a JSON tree (instead of ruleText)."))] = None,
        sample_size: Annotated[int, strawberry.argument(description=(
            "How many matching contacts to return, 0 to 50 (default 10)."))] = 10,
    ) -> SegmentPreview:
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

    @strawberry.field(description=(
        "Why a contact is or is not in a segment, condition by condition (null if unknown). Needs segments:read; "
        "condition values need contacts:read too."),
                      metadata={"cost": 100})
    async def explain_segment(
        self, info: Info[Context, None], segment_id: Annotated[strawberry.ID, strawberry.argument(description=(
            "The segment (a Segment id)."))],
        contact_id: Annotated[strawberry.ID, strawberry.argument(description="The contact (a Contact id).")],
    ) -> SegmentExplanation | None:
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
    @strawberry.mutation(description="Create a dynamic (rule) or static (hand-managed) segment. Needs segments:write.",
                         metadata=RULE_STATEMENT)
    @mutation_payload
    async def create_segment(
        self, info: Info[Context, None], input: Annotated[CreateSegmentInput, strawberry.argument(description=(
            "The segment."))],
    ) -> SegmentPayload:
        viewer = info.context.require("segments:write")
        segment = await service.create_segment(
            viewer.team, input.name, input.kind.value, input.description, input.tags, input.rule_text, input.rule)
        await audit.record(viewer.team.id, viewer, "segment.created", "Segment", encode_id("Segment", segment.id),
                           {"name": segment.name, "rule": input.rule_text})
        return SegmentPayload(segment=SegmentType.from_model(segment))

    @strawberry.mutation(description="Create a cohort: the contacts matching a rule now, frozen. Needs segments:write.",
                         metadata=RULE_STATEMENT)
    @mutation_payload
    async def create_cohort(
        self, info: Info[Context, None], input: Annotated[CreateCohortInput, strawberry.argument(description=(
            "The cohort."))],
    ) -> SegmentPayload:
        viewer = info.context.require("segments:write")
        segment = await service.create_segment(
            viewer.team, input.name, SegmentKind.COHORT.value, input.description, input.tags, input.rule_text,
            input.rule)
        await audit.record(viewer.team.id, viewer, "segment.created", "Segment", encode_id("Segment", segment.id),
                           {"name": segment.name, "kind": "cohort", "rule": input.rule_text})
        return SegmentPayload(segment=SegmentType.from_model(segment))

    @strawberry.mutation(description=(
        "Change a segment; with a new rule, reports who joins/leaves (dryRun: only that). Needs segments:write."),
                         metadata=RULE_STATEMENT)
    @mutation_payload
    async def update_segment(
        self, info: Info[Context, None], input: Annotated[UpdateSegmentInput, strawberry.argument(description=(
            "The changes."))],
    ) -> UpdateSegmentPayload:
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
                                     "access rules, drips and audience links (rules of other segments still refuse). "
                                     "Needs segments:write.")
    @mutation_payload
    async def delete_segment(
        self, info: Info[Context, None], input: Annotated[DeleteSegmentInput, strawberry.argument(description=(
            "The segment."))],
    ) -> DeleteSegmentPayload:
        viewer = info.context.require("segments:write")
        try:
            deleted = await service.delete_segment(viewer.team, id_input(input.id, "Segment", "id"), force=input.force)
        except service.SegmentInUse as exc:  # the payload also says who uses it
            return DeleteSegmentPayload(used_by=[SegmentUser.from_use(u) for u in exc.uses],
                                        user_errors=user_errors(exc))
        await audit.record(viewer.team.id, viewer, "segment.deleted", "Segment", input.id,
                           {"force": input.force, "detached": deleted.detached})
        return DeleteSegmentPayload(deleted_id=encode_id("Segment", deleted.deleted_id), detached=deleted.detached)

    @strawberry.mutation(description="Add contacts (ids, emails or CSV) to a static segment, all or nothing. "
                         "Needs segments:write.")
    @mutation_payload
    async def add_to_static_segment(
        self, info: Info[Context, None], input: Annotated[StaticSegmentMembersInput, strawberry.argument(description=(
            "The segment and contacts."))],
    ) -> StaticSegmentMembersPayload:
        return await _change_static(info, input, add=True)

    @strawberry.mutation(description=(
        "Remove contacts (ids, emails or CSV) from a static segment. Needs segments:write."))
    @mutation_payload
    async def remove_from_static_segment(
        self, info: Info[Context, None], input: Annotated[StaticSegmentMembersInput, strawberry.argument(description=(
            "The segment and contacts."))],
    ) -> StaticSegmentMembersPayload:
        return await _change_static(info, input, add=False)

    @strawberry.mutation(description=(
        "Recompute a dynamic segment's members now (normally not needed: membership is kept up to date). "
        "Needs segments:write."), metadata=RULE_STATEMENT)
    @mutation_payload
    async def recompute_segment(
        self, info: Info[Context, None], input: Annotated[SegmentIdInput, strawberry.argument(description=(
            "The dynamic segment (NOT_DYNAMIC otherwise)."))],
    ) -> RecomputeSegmentPayload:
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
