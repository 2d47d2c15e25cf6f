"""From an English description to a saved dynamic segment: generate (validated rule, preview,
explanation, stored with its prompt), then save as it is or edited."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from app.core import plan_caps
from app.core.errors import NotFound, ValidationFailed
from app.core.ids import parse_id_or_none
from app.plans import ai
from app.plans.models import SegmentGeneration
from app.plans.service import check_can_create
from app.segments import service as segments
from app.segments.models import Segment, SegmentKind
from app.settings import Settings
from app.teams.models import Team

REPAIR_PROMPT = """That rule is not valid. The validator says:
%s
Answer again with a corrected JSON object {"rule": ..., "explanation": ...}, using only the listed fields."""


@dataclass
class Generated:
    generation: SegmentGeneration
    preview: segments.Preview


def _messages_of(exc: ValidationFailed) -> str:
    return "\n".join(f"- {e.message}" for e in exc.errors[:20])


async def ask_for_rule(endpoint: ai.Endpoint, messages: list[dict[str, str]],
                       check: Callable[[Any], Awaitable[segments.ParsedRule]],
                       ) -> tuple[segments.ParsedRule, ai.ModelAnswer, int]:
    """The model's rule through `check` (the validator); an invalid one gets one repair round with the
    validator's messages, then AI_INVALID_RULE. Returns the rule, the answer and the calls it took."""
    answer = await ai.ask_model(endpoint, messages)
    try:
        return await check(answer.rule), answer, 1
    except ValidationFailed as first:
        repair = [*messages, {"role": "assistant", "content": json.dumps({"rule": answer.rule,
                                                                          "explanation": answer.explanation})},
                  {"role": "user", "content": REPAIR_PROMPT % _messages_of(first)}]
    answer = await ai.ask_model(endpoint, repair)
    try:
        return await check(answer.rule), answer, 2
    except ValidationFailed as second:
        raise ValidationFailed.one(
            "description", "the language model did not produce a valid rule, even after a repair round; "
            f"rephrase the description or write the rule yourself. The validator said:\n{_messages_of(second)}",
            "AI_INVALID_RULE") from second


async def generate(team: Team, description: str, settings: Settings | None = None) -> Generated:
    """Ask the model (at most twice: one repair round with the validator's messages); the rule it
    returns is checked exactly like a rule a person wrote."""
    await check_can_create(team.id, plan_caps.AI_SEGMENTS, field="description")
    description = (description or "").strip()
    if not description:
        raise ValidationFailed.one("description", "describe the audience in a sentence", "REQUIRED")
    if len(description) > ai.MAX_DESCRIPTION:
        raise ValidationFailed.one("description", f"a description is at most {ai.MAX_DESCRIPTION} characters",
                                   "TOO_LONG")
    endpoint = await ai.endpoint_for(team, settings)
    ctx = await segments.load_context(team)
    messages = ai.messages_for(description, ctx, await ai.event_types_of(team))
    parsed, answer, attempts = await ask_for_rule(
        endpoint, messages, lambda rule: segments.check_rule(team, None, rule, ctx=ctx))
    preview = await segments.preview(team, None, parsed.json)
    explanation = answer.explanation.strip()[:2000] or f"Contacts for whom this holds: {parsed.text}"
    row = await SegmentGeneration.create(team_id=team.id, prompt=description, rule=parsed.json,
                                         rule_text=parsed.text, explanation=explanation, model=endpoint.model,
                                         attempts=attempts)
    return Generated(row, preview)


async def get_generation(team: Team, generation_id: Any, field: str = "generationId") -> SegmentGeneration:
    number = parse_id_or_none(generation_id)
    row = await SegmentGeneration.get_or_none(id=number, team_id=team.id) if number else None
    if row is None:
        raise NotFound(field, "segment generation")
    return row


async def save(team: Team, generation_id: Any, name: str, rule_text: str | None = None,
               description: str | None = None) -> tuple[Segment, SegmentGeneration]:
    """A dynamic segment from a generation, with the generated rule or the user's edit of it (checked
    again either way). The generation keeps the prompt and points at the segment."""
    generation = await get_generation(team, generation_id)
    if generation.segment_id is not None:
        raise ValidationFailed.one("generationId", "this generation is saved already", "ALREADY_SAVED")
    await check_can_create(team.id, plan_caps.AI_SEGMENTS, field="generationId")
    segment = await segments.create_segment(
        team, name, SegmentKind.DYNAMIC, description if description is not None else generation.prompt,
        ["ai"], rule_text, None if rule_text is not None else generation.rule)
    generation.segment_id = segment.id
    await generation.save(update_fields=["segment_id"])
    return segment, generation
