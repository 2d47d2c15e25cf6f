"""The segment library of a team: the built-in templates and its own; cloning templates into segments.

A clone is one call and all or nothing: every chosen template is filled, checked against the
team's catalog (custom properties it needs, the rule validator, names) and reported one by one;
only when every one is ready (or `skip_unavailable` leaves the others out) are the segments
created, together, in one transaction with their first evaluation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.contacts.models import CustomPropertyDefinition
from app.core import plan_caps
from app.core.errors import FieldError, NotFound, ValidationFailed
from app.plans import library
from app.plans.library import Parameter, Template
from app.plans.models import SegmentTemplate
from app.plans.service import check_can_create
from app.segments import service as segments
from app.segments.models import Segment
from app.teams.models import Team

MAX_CHOICES = 200
MAX_CUSTOM_TEMPLATES = 500


def template_of(row: SegmentTemplate) -> Template:
    parameters = tuple(Parameter(p["name"], p["type"], p["default"], p.get("description", ""))
                       for p in row.parameters)
    return Template(row.key, row.name, row.family, row.description, row.rule_text, parameters,
                    dict(row.custom_properties), built_in=False)


async def team_templates(team: Team) -> list[Template]:
    rows = await SegmentTemplate.filter(team_id=team.id).order_by("key")
    return [template_of(row) for row in rows]


async def library_of(team: Team) -> list[Template]:
    """Built-in templates first, then the team's own, by key."""
    return [*library.BUILT_IN, *await team_templates(team)]


def _parameters_from(raw: list[dict[str, Any]]) -> list[Parameter]:
    return [Parameter(str(p.get("name") or ""), str(p.get("type") or ""), p.get("default"),
                      str(p.get("description") or "")) for p in raw]


async def create_template(team: Team, *, key: str, name: str, rule_text: str, parameters: list[dict[str, Any]],
                          family: str = "custom", description: str = "") -> SegmentTemplate:
    """A team's own template; its rule, filled with the defaults, must pass the validator against
    the team's own catalog (the custom properties it reads are recorded with their types)."""
    await check_can_create(team.id, plan_caps.SEGMENT_LIBRARY, field="key")
    errors: list[FieldError] = []
    key = (key or "").strip().lower()
    if not library.KEY.match(key):
        errors.append(FieldError("key", "a key is 1 to 80 lower case letters, digits, '.', '_' or '-', starting "
                                 "with a letter", "INVALID_KEY"))
    elif key in library.BUILT_IN_BY_KEY or await SegmentTemplate.exists(team_id=team.id, key=key):
        errors.append(FieldError("key", f"a template with key '{key}' already exists", "DUPLICATE_KEY"))
    name = (name or "").strip()
    if not name or len(name) > segments.MAX_NAME:
        errors.append(FieldError("name", f"a name of 1 to {segments.MAX_NAME} characters is required", "REQUIRED"))
    family = (family or "custom").strip().lower()[:40] or "custom"
    if not (rule_text or "").strip():
        errors.append(FieldError("ruleText", "a rule is required", "REQUIRED"))
    params = _parameters_from(parameters)
    errors += library.check_definition(rule_text or "", params)
    if errors:
        raise ValidationFailed(errors)
    if await SegmentTemplate.filter(team_id=team.id).count() >= MAX_CUSTOM_TEMPLATES:
        raise ValidationFailed.one("key", f"a team keeps at most {MAX_CUSTOM_TEMPLATES} templates", "TOO_MANY")
    draft = Template(key, name, family, description, rule_text, tuple(params), built_in=False)
    ctx = await segments.load_context(team)
    try:
        await segments.check_rule(team, library.fill(draft, {}), None, ctx=ctx)
    except ValidationFailed as exc:
        raise ValidationFailed([FieldError("ruleText", e.message, e.code) for e in exc.errors]) from exc
    needed = {k: ctx.custom[k][0] for k in library.custom_properties_of(rule_text) if k in ctx.custom}
    return await SegmentTemplate.create(
        team_id=team.id, key=key, name=name, family=family, description=(description or "").strip(),
        rule_text=rule_text.strip(), parameters=[p.to_json() for p in params], custom_properties=needed,
    )


async def delete_template(team: Team, key: str) -> str:
    row = await SegmentTemplate.get_or_none(team_id=team.id, key=(key or "").strip().lower())
    if row is None:
        raise NotFound("key", "template")
    await row.delete()
    return row.key


# ---------------------------------------------------------------- cloning


@dataclass
class Choice:
    key: str
    name: str | None = None
    parameters: dict[str, Any] | None = None


@dataclass
class CloneOutcome:
    key: str
    name: str
    segment: Segment | None = None
    problems: list[FieldError] = field(default_factory=list)


@dataclass
class CloneResult:
    outcomes: list[CloneOutcome]
    segments: list[Segment]

    @property
    def applied(self) -> bool:
        return bool(self.segments)


def _missing_properties(template: Template, defined: dict[str, str], path: str) -> list[FieldError]:
    problems = []
    for key, wanted in sorted(template.custom_properties.items()):
        have = defined.get(key)
        if have is None:
            problems.append(FieldError(f"{path}.key", f"template '{template.key}' needs the custom property "
                                       f"'{key}' ({wanted}), which this team has not defined",
                                       "MISSING_CUSTOM_PROPERTY"))
        elif have != wanted:
            problems.append(FieldError(f"{path}.key", f"template '{template.key}' needs the custom property "
                                       f"'{key}' as {wanted}, but it is {have} here", "CUSTOM_PROPERTY_TYPE"))
    return problems


def _description(template: Template, values: dict[str, Any]) -> str:
    merged = {p.name: values.get(p.name, p.default) for p in template.parameters}
    return library.PLACEHOLDER.sub(lambda m: str(merged.get(m.group(1), m.group(0))), template.description)


async def clone(team: Team, choices: list[Choice] | None, *, every: bool = False,
                skip_unavailable: bool = False) -> CloneResult:
    """Templates into segments of `team`. Without `skip_unavailable`, one template that cannot be
    applied (a missing custom property, an invalid value, a name in use) means none is."""
    await check_can_create(team.id, plan_caps.SEGMENT_LIBRARY, field="templates")
    available = {t.key: t for t in await library_of(team)}
    if every == bool(choices):
        raise ValidationFailed.one("templates", "choose templates, or all: true, not both", "REQUIRED")
    chosen = [Choice(key) for key in available] if every else list(choices or [])
    if len(chosen) > MAX_CHOICES:
        raise ValidationFailed.one("templates", f"at most {MAX_CHOICES} templates per clone", "TOO_MANY")
    ctx = await segments.load_context(team)
    defined = {d.key: str(d.type) for d in await CustomPropertyDefinition.filter(team_id=team.id)}
    outcomes: list[CloneOutcome] = []
    ready: list[tuple[CloneOutcome, segments.NewSegment]] = []
    names: set[str] = set()
    for index, choice in enumerate(chosen):
        path = f"templates.{index}"
        template = available.get((choice.key or "").strip().lower())
        if template is None:
            outcome = CloneOutcome(choice.key, choice.name or "", problems=[FieldError(
                f"{path}.key", f"no template with key '{choice.key[:80]}'", "UNKNOWN_TEMPLATE")])
            outcomes.append(outcome)
            continue
        name = (choice.name or template.name).strip()
        outcome = CloneOutcome(template.key, name)
        outcomes.append(outcome)
        outcome.problems += _missing_properties(template, defined, path)
        rule_text = None
        try:
            rule_text = library.fill(template, choice.parameters, f"{path}.parameters")
        except ValidationFailed as exc:
            outcome.problems += exc.errors
        if name in names or name in ctx.segments:
            outcome.problems.append(FieldError(f"{path}.name", f"a segment named '{name}' already exists",
                                               "DUPLICATE_NAME"))
        names.add(name)
        if rule_text is not None and not outcome.problems:
            try:
                await segments.check_rule(team, rule_text, None, name, ctx=ctx)
            except ValidationFailed as exc:
                outcome.problems += [FieldError(f"{path}.{e.field}", e.message, e.code) for e in exc.errors]
        if not outcome.problems and rule_text is not None:
            ready.append((outcome, segments.NewSegment(
                name=name, rule_text=rule_text, description=_description(template, choice.parameters or {}),
                tags=["library"])))
    if not ready or (len(ready) < len(outcomes) and not skip_unavailable):
        return CloneResult(outcomes, [])
    try:
        created = await segments.create_segments(team, [spec for _, spec in ready], field_prefix="templates")
    except ValidationFailed as exc:  # the team changed since the check (a name taken, a plan cap): nothing made
        if any(e.code == "PLAN_LIMIT" for e in exc.errors):
            raise
        for error in exc.errors:
            index = int(error.field.split(".")[1]) if error.field and error.field.count(".") >= 1 else 0
            ready[min(index, len(ready) - 1)][0].problems.append(error)
        return CloneResult(outcomes, [])
    for (outcome, _), segment in zip(ready, created, strict=True):
        outcome.segment = segment
    return CloneResult(outcomes, created)
