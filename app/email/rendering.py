"""Jinja2 templates in a bounded sandbox: validation on save, rendering at send time.

Templates only see plain dicts of the contact, the hub and the message's context; the sandbox
refuses attribute tricks (`__class__`, `mro`…) and the HTML part is autoescaped.

Work is bounded three ways. In the template: `range` items over all loops of one render, the
size of any string or list an operator or filter makes, and the rendered output per part; each
gives a clear TEMPLATE_LIMIT error at once. Around it: rendering runs in a separate process
(`app.email.render_pool`) with a time limit and a memory cap, so what the checks above cannot
see (loops over a long list, `~` doubling a string) ends with an error too, never a stalled server.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from jinja2 import TemplateError, TemplateSyntaxError, Undefined
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from app.core.errors import FieldError

MAX_TEMPLATE_LENGTH = 200_000
MAX_OUTPUT = 1_000_000  # characters of one rendered part
MAX_VALUE = 1_000_000  # length of a string or list an operator or filter makes
MAX_LOOP_ITEMS = 100_000  # range() items of one render, every loop together
MAX_EXPONENT = 100


class TemplateLimit(SecurityError):
    """A template asked for more work than one render may do."""


_loop_items: ContextVar[int] = ContextVar("loop_items", default=0)


def _bounded_range(*args: int) -> range:
    items = range(*args)
    spent = _loop_items.get() + len(items)
    if spent > MAX_LOOP_ITEMS:
        raise TemplateLimit(f"loops go over more than {MAX_LOOP_ITEMS} items in one render")
    _loop_items.set(spent)
    return items


def _check_size(value: Any) -> Any:
    if isinstance(value, str | list | tuple | bytes) and len(value) > MAX_VALUE:
        raise TemplateLimit(f"a value of more than {MAX_VALUE} characters or items")
    return value


def _checked_filter(fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)  # keeps jinja's pass_context/pass_environment marks
    def checked(*args: Any, **kwargs: Any) -> Any:
        return _check_size(fn(*args, **kwargs))

    return checked


class BoundedSandbox(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = _bounded_range
        self.globals.pop("lipsum", None)  # unbounded text, of no use in a real email
        self.filters = {name: _checked_filter(fn) for name, fn in self.filters.items()}

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int) and len(seq) * times > MAX_VALUE:
                    raise TemplateLimit(f"a value of more than {MAX_VALUE} characters or items")
        if operator == "**" and isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
            raise TemplateLimit(f"exponents are at most {MAX_EXPONENT}")
        return _check_size(super().call_binop(context, operator, left, right))


_text_env = BoundedSandbox(autoescape=False, undefined=Undefined)
_html_env = BoundedSandbox(autoescape=True, undefined=Undefined)

SAMPLE_CONTEXT: dict[str, Any] = {
    "contact": {
        "email": "ava@example.com", "first_name": "Ava", "last_name": "Lee", "full_name": "Ava Lee",
        "phone": "+15551234567", "country": "us", "tags": ["vip"], "custom": {},
    },
    "hub": {"name": "Yoga Academy", "slug": "yoga-academy", "description": ""},
    "unsubscribe_url": "https://example.com/email/unsubscribe/sample",
    "magic_link_url": "https://example.com/login/sample",
    "code": "12345678",
    "order": {"id": "1", "total": "10.00", "currency": "usd", "placed_at": "2026-01-01T00:00:00+00:00",
              "lines": [{"name": "Pro", "quantity": 1, "amount": "10.00"}]},
}

PARTS = (("subject", False), ("htmlBody", True), ("textBody", False))


@dataclass(frozen=True)
class RenderedMessage:
    subject: str
    html: str
    text: str


@functools.lru_cache(maxsize=128)
def _compiled(source: str, html: bool) -> Any:
    """Compiled once per render process: a campaign renders one template thousands of times."""
    return (_html_env if html else _text_env).from_string(source)


def _render_one(source: str, html: bool, context: dict[str, Any]) -> str:
    """One part, streamed so that output past MAX_OUTPUT stops the render."""
    token = _loop_items.set(0)
    try:
        chunks: list[str] = []
        size = 0
        for chunk in _compiled(source, html).generate(context):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise TemplateLimit(f"the template renders more than {MAX_OUTPUT} characters")
            chunks.append(chunk)
        return "".join(chunks)
    finally:
        _loop_items.reset(token)


def render_parts(sources: tuple[str, str, str], context: dict[str, Any]) -> tuple[list[str], list[FieldError]]:
    """Render subject, HTML and text; every part's problem as a FieldError (in the render process)."""
    outputs: list[str] = []
    errors: list[FieldError] = []
    for (field, html), source in zip(PARTS, sources, strict=True):
        if len(source) > MAX_TEMPLATE_LENGTH:
            errors.append(FieldError(field, "template is too long", "TOO_LONG"))
            outputs.append("")
            continue
        try:
            outputs.append(_render_one(source, html, context))
            continue
        except TemplateSyntaxError as exc:
            errors.append(FieldError(field, f"line {exc.lineno}: {exc.message}", "TEMPLATE_SYNTAX"))
        except TemplateLimit as exc:
            errors.append(FieldError(field, f"the template does too much work: {exc}", "TEMPLATE_LIMIT"))
        except MemoryError:
            errors.append(FieldError(field, "the template does too much work: it needs more memory than "
                                            "a render may use", "TEMPLATE_LIMIT"))
        except TemplateError as exc:  # SecurityError, UndefinedError on a filter, …
            errors.append(FieldError(field, f"{type(exc).__name__}: {exc}", "TEMPLATE_ERROR"))
        except Exception as exc:
            errors.append(FieldError(field, f"{type(exc).__name__}: {exc}", "TEMPLATE_ERROR"))
        outputs.append("")
    return outputs, errors


def render_batch(sources: tuple[str, str, str], contexts: list[dict[str, Any]]
                 ) -> list[tuple[list[str], list[FieldError]]]:
    """One template for many recipients (a campaign batch): one trip to a render process."""
    return [render_parts(sources, context) for context in contexts]


def message_from(outputs: list[str]) -> RenderedMessage:
    subject, html, text = outputs
    return RenderedMessage(subject=" ".join(subject.split()), html=html, text=text)  # no header injection


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
        "<p>Thank you for your purchase.</p>{% if order.lines %}<ul>{% for item in order.lines %}"
        "<li>{{ item.quantity }} &times; {{ item.name }}: {{ item.amount }} {{ order.currency | upper }}</li>"
        "{% endfor %}</ul>{% endif %}<p>Order {{ order.id }}: {{ order.total }} {{ order.currency | upper }}</p>",
        "Thank you for your purchase.\n\n{% for item in order.lines %}{{ item.quantity }} x {{ item.name }}: "
        "{{ item.amount }} {{ order.currency | upper }}\n{% endfor %}"
        "Order {{ order.id }}: {{ order.total }} {{ order.currency | upper }}\n",
    ),
    "magic_link": (
        "Your sign-in link for {{ hub.name }}",
        '<p><a href="{{ magic_link_url }}">Sign in to {{ hub.name }}</a></p>'
        "{% if code %}<p>Or enter this code: <strong>{{ code }}</strong> (valid for 15 minutes)</p>{% endif %}",
        "Sign in to {{ hub.name }}: {{ magic_link_url }}\n"
        "{% if code %}\nOr enter this code: {{ code }} (valid for 15 minutes)\n{% endif %}",
    ),
    # A staff invitation (app/email/staff_mail.py): team_name, role, inviter (may be empty) and the
    # secret accept_url, wiped from the outbox once sent.
    "team_invitation": (
        "Join {{ team_name }} on MemberHub",
        "<p>{% if inviter %}{{ inviter }} invited you{% else %}You are invited{% endif %} to join "
        "<b>{{ team_name }}</b> as {{ role }}.</p>"
        '<p><a href="{{ accept_url }}">Accept the invitation</a> (within 7 days).</p>',
        "{% if inviter %}{{ inviter }} invited you{% else %}You are invited{% endif %} to join {{ team_name }} "
        "as {{ role }}.\n\nAccept within 7 days: {{ accept_url }}\n",
    ),
    # customer.subscription.trial_will_end (app/commerce/stripe_events.py): product_name, trial_end
    # (a date), amount and currency of what the subscription bills when the trial is over.
    "trial_will_end": (
        "Your {{ product_name or hub.name }} trial ends{% if trial_end %} on {{ trial_end }}{% else %} soon{% endif %}",
        "<p>Hi {{ contact.first_name or contact.email }},</p>"
        "<p>Your trial of {{ product_name or hub.name }} ends{% if trial_end %} on {{ trial_end }}{% else %} soon"
        "{% endif %}.{% if amount %} Then your subscription continues at {{ amount }} "
        "{{ currency | upper }}.{% endif %}</p>",
        "Hi {{ contact.first_name or contact.email }},\n\nYour trial of {{ product_name or hub.name }} ends"
        "{% if trial_end %} on {{ trial_end }}{% else %} soon{% endif %}.{% if amount %} Then your subscription "
        "continues at {{ amount }} {{ currency | upper }}.{% endif %}\n",
    ),
}
TRANSACTIONAL_KINDS = frozenset(DEFAULT_TEMPLATES)
