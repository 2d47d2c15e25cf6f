"""Jinja2 templates in a sandbox: validation on save, rendering at send time.

Templates only see plain dicts of the contact, the hub and the message's context; the sandbox
refuses attribute tricks (`__class__`, `mro`…) and the HTML part is autoescaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import TemplateError, TemplateSyntaxError, Undefined
from jinja2.sandbox import SandboxedEnvironment

from app.core.errors import FieldError, ValidationFailed

MAX_TEMPLATE_LENGTH = 200_000

_text_env = SandboxedEnvironment(autoescape=False, undefined=Undefined)
_html_env = SandboxedEnvironment(autoescape=True, undefined=Undefined)

SAMPLE_CONTEXT: dict[str, Any] = {
    "contact": {
        "email": "ava@example.com", "first_name": "Ava", "last_name": "Lee", "full_name": "Ava Lee",
        "phone": "+15551234567", "country": "us", "tags": ["vip"], "custom": {},
    },
    "hub": {"name": "Yoga Academy", "slug": "yoga-academy", "description": ""},
    "unsubscribe_url": "https://example.com/email/unsubscribe/sample",
    "magic_link_url": "https://example.com/login/sample",
    "order": {"id": "1", "total": "10.00", "currency": "usd", "items": []},
}


@dataclass(frozen=True)
class RenderedMessage:
    subject: str
    html: str
    text: str


def validate_template(subject: str, html_body: str, text_body: str) -> None:
    """Raise ValidationFailed with the compiler's (or sandbox's) error for each bad part."""
    errors: list[FieldError] = []
    for field, source, html in (("subject", subject, False), ("htmlBody", html_body, True),
                                ("textBody", text_body, False)):
        if len(source) > MAX_TEMPLATE_LENGTH:
            errors.append(FieldError(field, "template is too long", "TOO_LONG"))
            continue
        try:
            # A trial render with sample data: unknown filters and unsafe attribute access fail
            # on save rather than at send time.
            (_html_env if html else _text_env).from_string(source).render(SAMPLE_CONTEXT)
        except TemplateSyntaxError as exc:
            errors.append(FieldError(field, f"line {exc.lineno}: {exc.message}", "TEMPLATE_SYNTAX"))
        except TemplateError as exc:  # SecurityError, UndefinedError on a filter, …
            errors.append(FieldError(field, f"{type(exc).__name__}: {exc}", "TEMPLATE_ERROR"))
        except Exception as exc:
            errors.append(FieldError(field, f"{type(exc).__name__}: {exc}", "TEMPLATE_ERROR"))
    if not subject.strip():
        errors.append(FieldError("subject", "subject is required", "REQUIRED"))
    if errors:
        raise ValidationFailed(errors)


def render(subject: str, html_body: str, text_body: str, context: dict[str, Any]) -> RenderedMessage:
    rendered_subject = _text_env.from_string(subject).render(context)
    return RenderedMessage(
        subject=" ".join(rendered_subject.split()),  # no header injection through newlines
        html=_html_env.from_string(html_body).render(context),
        text=_text_env.from_string(text_body).render(context),
    )


def contact_variables(contact: Any) -> dict[str, Any]:
    full_name = " ".join(p for p in (contact.first_name, contact.last_name) if p)
    return {
        "email": contact.email, "first_name": contact.first_name or "", "last_name": contact.last_name or "",
        "full_name": full_name, "phone": contact.phone or "", "country": contact.country or "",
        "tags": list(contact.tags or []), "custom": dict(contact.custom or {}),
    }


def hub_variables(hub: Any) -> dict[str, Any]:
    return {"name": hub.name, "slug": hub.slug, "description": hub.description}


# Built-in transactional templates, used when a hub has not saved its own under that key.
DEFAULT_TEMPLATES: dict[str, tuple[str, str, str]] = {
    "welcome": (
        "Welcome to {{ hub.name }}",
        "<p>Hi {{ contact.first_name or contact.email }},</p><p>Welcome to {{ hub.name }}!</p>",
        "Hi {{ contact.first_name or contact.email }},\n\nWelcome to {{ hub.name }}!\n",
    ),
    "purchase_receipt": (
        "Your receipt from {{ hub.name }}",
        "<p>Thank you for your purchase.</p><p>Order {{ order.id }}: {{ order.total }} "
        "{{ order.currency | upper }}</p>",
        "Thank you for your purchase.\n\nOrder {{ order.id }}: {{ order.total }} {{ order.currency | upper }}\n",
    ),
    "magic_link": (
        "Your sign-in link for {{ hub.name }}",
        '<p><a href="{{ magic_link_url }}">Sign in to {{ hub.name }}</a></p>',
        "Sign in to {{ hub.name }}: {{ magic_link_url }}\n",
    ),
}
TRANSACTIONAL_KINDS = frozenset(DEFAULT_TEMPLATES)
