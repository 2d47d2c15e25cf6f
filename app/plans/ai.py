"""AI-generated segments: an English description becomes a rule through an OpenAI-compatible
chat-completions endpoint, and the answer is never trusted.

The model is asked for JSON matching the rule's JSON Schema (`app.segments.rule_schema`), with the
team's field catalog, custom properties, event types and segment names in the prompt. Its rule goes
through the segment validator like any other; an invalid one gets one repair round with the
validator's messages, then the caller gets a clear error. The endpoint, model and key come from the
team's own settings or the deployment's (`MEMBERHUB_AI_*`); a team's key is stored encrypted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import urlparse

import openai
from openai.types.chat import ChatCompletionMessageParam
from openai.types.shared_params import ResponseFormatJSONSchema

from app.core.crypto import decrypt_secret, encrypt_secret
from app.core.errors import FieldError, ValidationFailed
from app.plans.models import AiSettings
from app.segments import catalog
from app.segments.catalog import CatalogContext
from app.segments.models import ContactEventStats
from app.segments.rule_schema import rule_schema
from app.settings import Settings, get_settings
from app.teams.models import Team

MAX_DESCRIPTION = 2_000
MAX_EVENT_TYPES = 100
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
DEVELOPMENT = frozenset({"development", "test"})


class ModelUnavailable(ValidationFailed):
    """The model could not be asked (not configured, unreachable, refused the request)."""


@dataclass(frozen=True)
class Endpoint:
    base_url: str
    model: str
    api_key: str
    source: str  # "team" or "deployment"


def base_url_problem(url: str, settings: Settings) -> str | None:
    """Where a team may point its model: outside development only https hosts the deployment
    allows (`MEMBERHUB_AI_ALLOWED_HOSTS`), since the prompt carries the team's catalog."""
    parsed = urlparse(url)
    host = parsed.hostname or ""
    if settings.environment in DEVELOPMENT:
        if (parsed.scheme == "https" and host) or (parsed.scheme == "http" and host in LOCAL_HOSTS):
            return None
        return "base URL must be https (or http to this machine in development)"
    allowed = set(settings.ai_allowed_hosts)
    if settings.ai_base_url:
        allowed.add(urlparse(settings.ai_base_url).hostname or "")
    if parsed.scheme == "https" and host in allowed:
        return None
    return "base URL must be https on a host the deployment allows (MEMBERHUB_AI_ALLOWED_HOSTS)"


async def set_team_settings(team: Team, *, base_url: str, model: str, api_key: str | None,
                            settings: Settings | None = None) -> AiSettings:
    errors: list[FieldError] = []
    base_url, model = (base_url or "").strip().rstrip("/"), (model or "").strip()
    if not base_url:
        errors.append(FieldError("baseUrl", "a base URL is required", "REQUIRED"))
    elif len(base_url) > 500:
        errors.append(FieldError("baseUrl", "baseUrl is longer than 500 characters", "TOO_LONG"))
    elif problem := base_url_problem(base_url, settings or get_settings()):
        errors.append(FieldError("baseUrl", problem, "INVALID_URL"))
    if not model or len(model) > 200:
        errors.append(FieldError("model", "a model name of 1 to 200 characters is required", "REQUIRED"))
    row = await AiSettings.get_or_none(team_id=team.id)
    if row is None and not (api_key or "").strip():
        errors.append(FieldError("apiKey", "an API key is required", "REQUIRED"))
    if errors:
        raise ValidationFailed(errors)
    encrypted = encrypt_secret(api_key.strip()) if api_key and api_key.strip() else None
    if row is None:
        assert encrypted is not None
        return await AiSettings.create(team_id=team.id, base_url=base_url, model=model, api_key_encrypted=encrypted)
    row.base_url, row.model = base_url, model
    if encrypted is not None:
        row.api_key_encrypted = encrypted
    await row.save(update_fields=["base_url", "model", "api_key_encrypted", "updated_at"])
    return row


async def clear_team_settings(team: Team) -> bool:
    return bool(await AiSettings.filter(team_id=team.id).delete())


async def endpoint_for(team: Team, settings: Settings | None = None) -> Endpoint:
    settings = settings or get_settings()
    row = await AiSettings.get_or_none(team_id=team.id)
    if row is not None:
        return Endpoint(row.base_url, row.model, decrypt_secret(row.api_key_encrypted), "team")
    if settings.ai_base_url and settings.ai_model:
        return Endpoint(settings.ai_base_url, settings.ai_model, settings.ai_api_key or "none", "deployment")
    raise ModelUnavailable([FieldError("description", "no language model is configured: set one with "
                                       "setAiSegmentSettings or MEMBERHUB_AI_BASE_URL and MEMBERHUB_AI_MODEL",
                                       "AI_NOT_CONFIGURED")])


# ---------------------------------------------------------------- the prompt


def answer_schema() -> dict[str, Any]:
    """What the model must answer: the rule tree and a plain-language explanation of it."""
    schema = rule_schema()
    return {
        "type": "object",
        "properties": {
            "rule": {"$ref": "#/$defs/node"},
            "explanation": {"type": "string", "description": "one or two plain sentences on who is in the segment"},
        },
        "required": ["rule", "explanation"],
        "additionalProperties": False,
        "$defs": schema["$defs"],
    }


async def event_types_of(team: Team) -> list[str]:
    rows = await (ContactEventStats.filter(team_id=team.id).distinct().order_by("type")
                  .limit(MAX_EVENT_TYPES).values_list("type", flat=True))
    return [str(r) for r in rows]


def catalog_lines(ctx: CatalogContext) -> list[str]:
    lines = []
    for spec in catalog.all_fields(ctx):
        enum = f"; values: {', '.join(spec.enum_values)}" if spec.enum_values else ""
        about = f" - {spec.description}" if spec.description else ""
        lines.append(f"{spec.name} ({spec.type}; operators: {', '.join(spec.operators)}{enum}){about}")
    return lines


SYSTEM_PROMPT = """You write audience rules for MemberHub, a membership platform.
Answer with one JSON object {"rule": <rule tree>, "explanation": <text>} that matches the JSON schema
you are given. Use only the fields, custom properties, event types and segment names listed below.
Money is in major units (250 means 250.00). Durations are {"amount": N, "unit": "days"}.
The team's time zone is %(tz)s.

Field catalog (name, type, operators):
%(fields)s

Custom properties of this team (fields named custom.<key>):
%(custom)s

Event types this team has recorded:
%(events)s

Existing segments (for {"inSegment": name}):
%(segments)s"""


def messages_for(description: str, ctx: CatalogContext, event_types: list[str]) -> list[dict[str, str]]:
    custom = [f"custom.{key} ({kind}{'; options: ' + ', '.join(options) if options else ''})"
              for key, (kind, options) in sorted(ctx.custom.items())]
    system = SYSTEM_PROMPT % {
        "tz": ctx.tz.key,
        "fields": "\n".join(catalog_lines(ctx)),
        "custom": "\n".join(custom) or "(none)",
        "events": "\n".join(event_types) or "(none yet)",
        "segments": "\n".join(sorted(ctx.segments)) or "(none)",
    }
    return [{"role": "system", "content": system}, {"role": "user", "content": description}]


@dataclass(frozen=True)
class ModelAnswer:
    rule: Any
    explanation: str


async def ask_model(endpoint: Endpoint, messages: list[dict[str, str]]) -> ModelAnswer:
    """One chat completion through the maintained `openai` client; a refusal or a non-JSON answer is
    an answer too (the validator turns it into messages for the repair round)."""
    client = openai.AsyncOpenAI(base_url=endpoint.base_url, api_key=endpoint.api_key, max_retries=1, timeout=60)
    response_format: ResponseFormatJSONSchema = {
        "type": "json_schema", "json_schema": {"name": "segment_rule", "schema": answer_schema(), "strict": False}}
    try:
        completion = await client.chat.completions.create(
            model=endpoint.model, messages=cast(list[ChatCompletionMessageParam], messages),
            response_format=response_format, temperature=0,
        )
    except openai.APIError as exc:
        raise ModelUnavailable([FieldError("description", f"the language model could not be asked: "
                                           f"{type(exc).__name__}: {str(exc)[:300]}", "AI_UNAVAILABLE")]) from exc
    finally:
        await client.close()
    content = completion.choices[0].message.content if completion.choices else None
    try:
        parsed = json.loads(content or "")
    except ValueError:
        return ModelAnswer(rule=None, explanation="")
    if not isinstance(parsed, dict):
        return ModelAnswer(rule=None, explanation="")
    explanation = parsed.get("explanation")
    return ModelAnswer(rule=parsed.get("rule"), explanation=explanation if isinstance(explanation, str) else "")
