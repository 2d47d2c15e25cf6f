"""GraphQL for AI-generated segments: the team's model settings, generate, save, the generations."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from app.contacts.graphql import ContactType
from app.contacts.models import TeamContact
from app.graphql.connections import Connection, keyset_page
from app.graphql.context import Context
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id, id_input
from app.graphql.nodes import NodeType, staff, team_rows
from app.plans import ai, ai_segments
from app.plans.models import SegmentGeneration
from app.segments.graphql import SegmentPreview, SegmentTriggers, SegmentType
from app.segments.models import Segment
from app.teams import audit
from app.teams.service import ADMIN_SCOPE


@strawberry.type(name="SegmentGeneration", description="An English description and the rule made from it.")
class SegmentGenerationType(relay.Node):
    id: relay.NodeID[int]
    prompt: str = strawberry.field(description="The description as written.")
    rule: JSON = strawberry.field(description="The generated rule as a JSON tree.")
    rule_text: str = strawberry.field(description="The generated rule in the text language.")
    explanation: str = strawberry.field(description="The model's account of the rule, for people.")
    model: str = strawberry.field(description="The language model that made it.")
    attempts: int = strawberry.field(description="Model calls it took: 2 when the first rule needed a repair.")
    created_at: datetime = strawberry.field(description="When it was generated.")
    team_id: strawberry.Private[int]
    segment_pk: strawberry.Private[int | None]

    @strawberry.field(description="The segment saved from it, if any.")
    async def segment(self, info: Info[Context, None]) -> SegmentType | None:
        info.context.require("segments:read")
        if self.segment_pk is None:
            return None
        row = await Segment.get_or_none(id=self.segment_pk, team_id=self.team_id)
        return SegmentType.from_model(row) if row else None

    @classmethod
    def from_model(cls, m: SegmentGeneration) -> SegmentGenerationType:
        return cls(id=m.id, prompt=m.prompt, rule=m.rule, rule_text=m.rule_text, explanation=m.explanation,
                   model=m.model, attempts=m.attempts, created_at=m.created_at, team_id=m.team_id,
                   segment_pk=m.segment_id)


@strawberry.type(description="Which language model AI-generated segments use (never the key).")
class AiSegmentSettings:
    source: str = strawberry.field(description="Whose model is used: `team`, `deployment`, or `none`.")
    base_url: str | None = strawberry.field(description="The API root in use; null when none is set.")
    model: str | None = strawberry.field(description="The model in use; null when none is set.")


@strawberry.input(description="The team's own language-model endpoint.")
class SetAiSegmentSettingsInput:
    base_url: str = strawberry.field(description="An OpenAI-compatible API root, such as https://api.openai.com/v1")
    model: str = strawberry.field(description="The model name the endpoint serves.")
    api_key: str | None = strawberry.field(default=None, description="Stored encrypted; omit to keep the current one.")


@strawberry.type(description="Result of the AI-settings mutations.")
class AiSegmentSettingsPayload:
    settings: AiSegmentSettings | None = strawberry.field(default=None, description=(
        "The settings now; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A segment to generate from words.")
class GenerateSegmentInput:
    description: str = strawberry.field(description="Who should be in the segment, in plain English.")


@strawberry.type(description="Result of `generateSegment`.")
class GenerateSegmentPayload:
    generation: SegmentGenerationType | None = strawberry.field(default=None, description=(
        "The description and the rule made from it; null when `userErrors` is not empty."))
    preview: SegmentPreview | None = strawberry.field(default=None, description=(
        "What the rule matches now (count and sample)."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A generation to save as a segment.")
class SaveGeneratedSegmentInput:
    generation_id: strawberry.ID = strawberry.field(description="The generation (a SegmentGeneration id).")
    name: str = strawberry.field(description="The new segment's name (unique in the team).")
    rule_text: str | None = strawberry.field(default=None, description="The rule as edited (default: as generated).")
    description: str | None = strawberry.field(default=None, description="Default: the prompt.")


@strawberry.type(description="Result of `saveGeneratedSegment`.")
class SaveGeneratedSegmentPayload:
    segment: SegmentType | None = strawberry.field(default=None, description=(
        "The new segment; null when `userErrors` is not empty."))
    generation: SegmentGenerationType | None = strawberry.field(default=None, description=(
        "The generation, now pointing at the segment."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


async def _settings_of(info: Info[Context, None]) -> AiSegmentSettings:
    viewer = info.context.require(ADMIN_SCOPE)
    try:
        endpoint = await ai.endpoint_for(viewer.team, info.context.settings)
    except ai.ModelUnavailable:
        return AiSegmentSettings(source="none", base_url=None, model=None)
    return AiSegmentSettings(source=endpoint.source, base_url=endpoint.base_url, model=endpoint.model)


@strawberry.type
class AiSegmentsQuery:
    @strawberry.field(description="The language model behind generateSegment (admin).")
    async def ai_segment_settings(self, info: Info[Context, None]) -> AiSegmentSettings:
        return await _settings_of(info)

    @strawberry.field(description="Descriptions turned into rules, newest first.")
    async def segment_generations(self, info: Info[Context, None], first: int | None = None, after: str | None = None,
                                  last: int | None = None,
                                  before: str | None = None) -> Connection[SegmentGenerationType]:
        viewer = info.context.require("segments:read")
        return await keyset_page(SegmentGeneration.filter(team_id=viewer.team.id), SegmentGenerationType.from_model,
                                 first=first, after=after, last=last, before=before, descending=True)


@strawberry.type
class AiSegmentsMutation:
    @strawberry.mutation(description="The team's own OpenAI-compatible endpoint for AI-generated segments (admin).")
    @mutation_payload
    async def set_ai_segment_settings(self, info: Info[Context, None],
                                      input: SetAiSegmentSettingsInput) -> AiSegmentSettingsPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        await ai.set_team_settings(viewer.team, base_url=input.base_url, model=input.model, api_key=input.api_key,
                                   settings=info.context.settings)
        await audit.record(viewer.team.id, viewer, "settings.ai_changed", "Team", encode_id("Team", viewer.team.id),
                           {"baseUrl": input.base_url, "model": input.model,
                            "apiKeyChanged": input.api_key is not None})
        return AiSegmentSettingsPayload(settings=await _settings_of(info))

    @strawberry.mutation(description="Go back to the deployment's model (admin).")
    @mutation_payload
    async def clear_ai_segment_settings(self, info: Info[Context, None]) -> AiSegmentSettingsPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        await ai.clear_team_settings(viewer.team)
        await audit.record(viewer.team.id, viewer, "settings.ai_cleared", "Team", encode_id("Team", viewer.team.id))
        return AiSegmentSettingsPayload(settings=await _settings_of(info))

    @strawberry.mutation(description="Turn an English description into a validated rule with its preview and a "
                                     "plain-language explanation; nothing is segmented until it is saved.")
    @mutation_payload
    async def generate_segment(self, info: Info[Context, None], input: GenerateSegmentInput) -> GenerateSegmentPayload:
        viewer = info.context.require("segments:write")
        result = await ai_segments.generate(viewer.team, input.description, info.context.settings)
        rows = {c.id: c for c in await TeamContact.filter(team_id=viewer.team.id, id__in=result.preview.sample_ids)}
        parsed = result.preview.parsed
        preview = SegmentPreview(
            count=result.preview.count,
            sample=[ContactType.from_model(rows[i]) for i in result.preview.sample_ids if i in rows],
            rule=JSON(parsed.json), rule_text=parsed.text,
            triggers=SegmentTriggers.from_triggers(parsed.triggers))
        return GenerateSegmentPayload(generation=SegmentGenerationType.from_model(result.generation), preview=preview)

    @strawberry.mutation(description="Save a generation as a dynamic segment, as generated or edited.")
    @mutation_payload
    async def save_generated_segment(self, info: Info[Context, None],
                                     input: SaveGeneratedSegmentInput) -> SaveGeneratedSegmentPayload:
        viewer = info.context.require("segments:write")
        segment, generation = await ai_segments.save(
            viewer.team, id_input(input.generation_id, "SegmentGeneration", "generationId"), input.name,
            input.rule_text, input.description)
        return SaveGeneratedSegmentPayload(segment=SegmentType.from_model(segment),
                                           generation=SegmentGenerationType.from_model(generation))


NODE_TYPES = (
    NodeType("SegmentGeneration", staff("segments:read"),
             team_rows(SegmentGeneration, SegmentGenerationType.from_model)),
)
