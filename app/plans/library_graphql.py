"""GraphQL for the segment library: the templates, a team's own, and cloning them into segments.

Templates are addressed by `key`: the built-in ones are data, not rows, and a team's own keys are
its own (another team's key is simply not in this team's library).
"""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from app.core.errors import ValidationFailed
from app.graphql.context import Context
from app.graphql.errors import UserError, mutation_payload
from app.plans import templates
from app.plans.library import Template
from app.segments.graphql import SegmentType


@strawberry.type(description="A typed parameter of a template: `{name}` in its rule text.")
class TemplateParameter:
    name: str = strawberry.field(description="The placeholder's name (`{days}` in the rule text).")
    type: str = strawberry.field(description=(
        "One of `integer` (a positive whole number), `money` (major units) or `text`."))
    default: JSON = strawberry.field(description="The value used when none is given.")
    description: str = strawberry.field(description="What the parameter means, for people.")


@strawberry.type(description="A custom property a template reads, with the type it needs.")
class TemplateCustomProperty:
    key: str = strawberry.field(description="The custom property's key.")
    type: str = strawberry.field(description="The PropertyType it must have (lowercase).")


@strawberry.type(name="SegmentTemplate", description="A rule template of the segment library.")
class SegmentTemplateType:
    key: str = strawberry.field(description="Stable key, unique in the library.")
    name: str = strawberry.field(description="Name for people.")
    family: str = strawberry.field(description="A group of related templates (`custom` for the team's own).")
    description: str = strawberry.field(description="What the template finds, for people.")
    rule_text: str = strawberry.field(description="The rule with `{parameter}` placeholders (docs/segments.md).")
    parameters: list[TemplateParameter] = strawberry.field(description="Its parameters.")
    custom_properties: list[TemplateCustomProperty] = strawberry.field(description=(
        "Custom properties it reads: the team needs them to apply it."))
    built_in: bool = strawberry.field(description="True for MemberHub's templates, false for the team's own.")

    @classmethod
    def from_template(cls, t: Template) -> SegmentTemplateType:
        return cls(key=t.key, name=t.name, family=t.family, description=t.description, rule_text=t.rule_text,
                   parameters=[TemplateParameter(name=p.name, type=p.type, default=p.default,
                                                 description=p.description) for p in t.parameters],
                   custom_properties=[TemplateCustomProperty(key=k, type=v)
                                      for k, v in sorted(t.custom_properties.items())],
                   built_in=t.built_in)


@strawberry.input(description="A parameter of a new template.")
class TemplateParameterInput:
    name: str = strawberry.field(description="The placeholder's name in the rule text.")
    type: str = strawberry.field(description="`integer`, `money` or `text`.")
    default: JSON = strawberry.field(description="The value used when none is given.")
    description: str = strawberry.field(default="", description="What it means.")


@strawberry.input(description="A template of the team's own.")
class CreateSegmentTemplateInput:
    key: str = strawberry.field(description="Stable key, unique in the team's library.")
    name: str = strawberry.field(description="Name (required).")
    rule_text: str = strawberry.field(description="The rule with `{parameter}` placeholders.")
    parameters: list[TemplateParameterInput] = strawberry.field(description="Its parameters.", default_factory=list)
    family: str = strawberry.field(default="custom", description="A group name (default `custom`).")
    description: str = strawberry.field(default="", description="What the template finds.")


@strawberry.type(description="Result of `createSegmentTemplate`.")
class SegmentTemplatePayload:
    template: SegmentTemplateType | None = strawberry.field(default=None, description=(
        "The template; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="The team's template to delete.")
class DeleteSegmentTemplateInput:
    key: str = strawberry.field(description="Its key.")


@strawberry.type(description="Result of `deleteSegmentTemplate`.")
class DeleteSegmentTemplatePayload:
    deleted_key: str | None = strawberry.field(default=None, description=(
        "The deleted template's key; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="One template to clone, with its values.")
class TemplateChoiceInput:
    key: str = strawberry.field(description="The template's key.")
    name: str | None = strawberry.field(default=None, description="The segment's name (default: the template's).")
    parameters: JSON | None = strawberry.field(default=None, description='Values by parameter name: {"days": 14}.')


@strawberry.input(description="Which library templates to turn into segments.")
class CloneSegmentTemplatesInput:
    templates: list[TemplateChoiceInput] | None = strawberry.field(default=None, description=(
        "The chosen templates (or `all`)."))
    all: bool = strawberry.field(default=False, description="Every template of the library, with its defaults.")
    skip_unavailable: bool = strawberry.field(
        default=False, description="Create the templates that can be applied and report the others; without it, "
                                   "one that cannot be applied means none is.")


@strawberry.type(description="What became of one chosen template.")
class TemplateCloneResult:
    key: str = strawberry.field(description="The template's key.")
    name: str = strawberry.field(description="The segment's name.")
    segment: SegmentType | None = strawberry.field(description="The segment made; null when it could not be.")
    problems: list[UserError] = strawberry.field(description=(
        "Why it could not be made (missing custom properties, a plan limit, ...)."))


@strawberry.type(description="Result of `cloneSegmentTemplates`.")
class CloneSegmentTemplatesPayload:
    segments: list[SegmentType] = strawberry.field(description="The segments made.", default_factory=list)
    results: list[TemplateCloneResult] = strawberry.field(description=(
        "What became of each chosen template."), default_factory=list)
    user_errors: list[UserError] = strawberry.field(default_factory=list)


def _choices(input: CloneSegmentTemplatesInput) -> list[templates.Choice]:
    choices = []
    for index, choice in enumerate(input.templates or []):
        if choice.parameters is not None and not isinstance(choice.parameters, dict):
            raise ValidationFailed.one(f"templates.{index}.parameters", "parameters are an object of values by name",
                                       "INVALID_PARAMETER")
        parameters: dict[str, Any] | None = choice.parameters
        choices.append(templates.Choice(choice.key, choice.name, parameters))
    return choices


@strawberry.type
class LibraryQuery:
    @strawberry.field(description="The segment library: built-in templates, then the team's own (a bounded "
                                  "catalogue, like segmentFields).")
    async def segment_library(self, info: Info[Context, None],
        family: Annotated[str | None, strawberry.argument(description=(
            "Only templates of this family."))] = None) -> list[SegmentTemplateType]:
        viewer = info.context.require("segments:read")
        found = await templates.library_of(viewer.team)
        return [SegmentTemplateType.from_template(t) for t in found if family is None or t.family == family]


@strawberry.type
class LibraryMutation:
    @strawberry.mutation(description="Add a template of the team's own to its library (Agency plans).")
    @mutation_payload
    async def create_segment_template(self, info: Info[Context, None],
                                      input: CreateSegmentTemplateInput) -> SegmentTemplatePayload:
        viewer = info.context.require("segments:write")
        row = await templates.create_template(
            viewer.team, key=input.key, name=input.name, rule_text=input.rule_text, family=input.family,
            description=input.description,
            parameters=[{"name": p.name, "type": p.type, "default": p.default, "description": p.description}
                        for p in input.parameters])
        return SegmentTemplatePayload(template=SegmentTemplateType.from_template(templates.template_of(row)))

    @strawberry.mutation(description="Delete a template of the team's own (segments made from it stay).")
    @mutation_payload
    async def delete_segment_template(self, info: Info[Context, None],
                                      input: DeleteSegmentTemplateInput) -> DeleteSegmentTemplatePayload:
        viewer = info.context.require("segments:write")
        return DeleteSegmentTemplatePayload(deleted_key=await templates.delete_template(viewer.team, input.key))

    @strawberry.mutation(description="Create segments from library templates in one step: all of them or none "
                                     "(unless skipUnavailable), each template's problems reported on its own.")
    @mutation_payload
    async def clone_segment_templates(self, info: Info[Context, None],
                                      input: CloneSegmentTemplatesInput) -> CloneSegmentTemplatesPayload:
        viewer = info.context.require("segments:write")
        result = await templates.clone(viewer.team, _choices(input), every=input.all,
                                       skip_unavailable=input.skip_unavailable)
        return CloneSegmentTemplatesPayload(
            segments=[SegmentType.from_model(s) for s in result.segments],
            results=[TemplateCloneResult(key=o.key, name=o.name,
                                         segment=SegmentType.from_model(o.segment) if o.segment else None,
                                         problems=[UserError(field=p.field, message=p.message, code=p.code)
                                                   for p in o.problems]) for o in result.outcomes])
