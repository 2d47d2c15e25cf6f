"""The segment library: rule templates with typed parameters, and the built-in ones.

A template is a rule in the segment language (docs/segments.md) with `{name}` placeholders; each
placeholder is a declared parameter with a type and a default. Filling a template turns values into
rule syntax (a whole number, an amount, a quoted string), so a value can never change the rule's
shape; the filled rule then goes through the segment validator like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from app.core.errors import FieldError, ValidationFailed

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
KEY = re.compile(r"^[a-z][a-z0-9_.-]{0,79}$")
PARAMETER_TYPES = ("integer", "money", "text")
MAX_TEXT = 200
MAX_INTEGER = 36_500


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str  # integer (a positive whole number), money (major units, >= 0), text (a quoted string)
    default: Any
    description: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "default": self.default, "description": self.description}


@dataclass(frozen=True)
class Template:
    key: str
    name: str
    family: str
    description: str
    rule_text: str
    parameters: tuple[Parameter, ...] = ()
    # Custom properties the rule reads (key -> type); a team without them cannot take the template.
    custom_properties: dict[str, str] = field(default_factory=dict)
    built_in: bool = True


def render_value(parameter: Parameter, value: Any, path: str) -> str:
    """A value as rule syntax; anything that is not of the parameter's type is refused."""
    if parameter.type == "integer":
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_INTEGER:
            raise ValidationFailed.one(path, f"{parameter.name} must be a whole number from 1 to {MAX_INTEGER}",
                                       "INVALID_PARAMETER")
        return str(value)
    if parameter.type == "money":
        try:
            amount = Decimal(str(value)) if not isinstance(value, bool) and isinstance(value, int | float | str) \
                else None
        except InvalidOperation:
            amount = None
        if amount is None or not amount.is_finite() or amount < 0 or amount > 10**9 or amount != round(amount, 2):
            raise ValidationFailed.one(path, f"{parameter.name} must be an amount such as 250 or 99.50",
                                       "INVALID_PARAMETER")
        return format(amount.normalize(), "f")
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
        raise ValidationFailed.one(path, f"{parameter.name} must be a text of 1 to {MAX_TEXT} characters",
                                   "INVALID_PARAMETER")
    return "'" + value.strip().replace("'", "''") + "'"


def fill(template: Template, values: dict[str, Any] | None, path: str = "parameters") -> str:
    """The template's rule text with every placeholder replaced (defaults for what is not given)."""
    values = dict(values or {})
    declared = {p.name: p for p in template.parameters}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        raise ValidationFailed.one(path, f"unknown parameters: {', '.join(unknown)} "
                                   f"(this template takes: {', '.join(declared) or 'none'})", "INVALID_PARAMETER")
    rendered = {name: render_value(p, values.get(name, p.default), f"{path}.{name}") for name, p in declared.items()}
    return PLACEHOLDER.sub(lambda m: rendered[m.group(1)], template.rule_text)


def check_definition(rule_text: str, parameters: list[Parameter]) -> list[FieldError]:
    """A template's own shape: placeholders and parameters match, types known, defaults valid."""
    errors: list[FieldError] = []
    used = set(PLACEHOLDER.findall(rule_text))
    names = [p.name for p in parameters]
    if len(set(names)) != len(names):
        errors.append(FieldError("parameters", "parameter names must be unique", "DUPLICATE_PARAMETER"))
    for index, parameter in enumerate(parameters):
        where = f"parameters.{index}"
        if not re.fullmatch(r"[a-z][a-z0-9_]{0,39}", parameter.name):
            errors.append(FieldError(f"{where}.name", "a parameter name is lower case letters, digits and _",
                                     "INVALID_PARAMETER"))
        if parameter.type not in PARAMETER_TYPES:
            errors.append(FieldError(f"{where}.type", f"unknown parameter type '{parameter.type[:40]}' "
                                     f"(types: {', '.join(PARAMETER_TYPES)})", "INVALID_PARAMETER"))
            continue
        try:
            render_value(parameter, parameter.default, f"{where}.default")
        except ValidationFailed as exc:
            errors.extend(exc.errors)
    for name in sorted(used - set(names)):
        errors.append(FieldError("ruleText", f"placeholder {{{name}}} has no parameter", "INVALID_PARAMETER"))
    for name in sorted(set(names) - used):
        errors.append(FieldError("parameters", f"parameter '{name}' is not used in the rule", "INVALID_PARAMETER"))
    return errors


def custom_properties_of(rule_text: str) -> set[str]:
    return set(re.findall(r"\bcustom\.([A-Za-z0-9_]+)", rule_text))


def _p(name: str, type: str, default: Any, description: str = "") -> Parameter:
    return Parameter(name, type, default, description)


DAYS = "days"

BUILT_IN: tuple[Template, ...] = (
    # Tenure: how long someone has been a contact.
    Template("tenure.new", "New (first 30 days)", "tenure", "Became a contact within the last {days} days.",
             "createdAt within {days} days", (_p(DAYS, "integer", 30, "length of the first period"),)),
    Template("tenure.established", "Established (1-12 months)", "tenure",
             "A contact for more than {min_months} and at most {max_months} months.",
             "createdAt not within {min_months} months AND createdAt within {max_months} months",
             (_p("min_months", "integer", 1), _p("max_months", "integer", 12))),
    Template("tenure.loyal", "Loyal (12+ months)", "tenure", "A contact for more than {months} months.",
             "createdAt not within {months} months", (_p("months", "integer", 12),)),
    # Value tiers by spend (net of refunds) and by monthly recurring revenue.
    Template("value.entry", "Entry spenders", "value", "Have spent something, but less than {threshold}.",
             "totalSpent > 0 AND totalSpent < {threshold}", (_p("threshold", "money", 100),)),
    Template("value.mid", "Mid spenders", "value", "Have spent from {low} to {high}.",
             "totalSpent between {low} and {high}", (_p("low", "money", 100), _p("high", "money", 500))),
    Template("value.premium", "Premium spenders", "value", "Have spent more than {threshold}.",
             "totalSpent > {threshold}", (_p("threshold", "money", 500),)),
    Template("value.mrr_entry", "Entry subscribers (MRR)", "value", "Pay less than {threshold} a month.",
             "mrr > 0 AND mrr < {threshold}", (_p("threshold", "money", 20),)),
    Template("value.mrr_mid", "Mid subscribers (MRR)", "value", "Pay from {low} to {high} a month.",
             "mrr between {low} and {high}", (_p("low", "money", 20), _p("high", "money", 100))),
    Template("value.mrr_premium", "Premium subscribers (MRR)", "value", "Pay more than {threshold} a month.",
             "mrr > {threshold}", (_p("threshold", "money", 100),)),
    # Behaviour, from activity windows (the latest event of any type, lastActivityAt).
    Template("behaviour.engaged", "Engaged", "behaviour",
             "Active within the last {days} days with at least {events} events overall.",
             "lastActivityAt within {days} days AND eventCount >= {events}",
             (_p(DAYS, "integer", 7), _p("events", "integer", 5))),
    Template("behaviour.declining", "Declining", "behaviour",
             "Were active in the {recent}-{days} day window but not in the last {recent} days.",
             "lastActivityAt not within {recent} days AND lastActivityAt within {days} days",
             (_p("recent", "integer", 14), _p(DAYS, "integer", 30))),
    Template("behaviour.at_risk", "At risk", "behaviour",
             "Last active {quiet} to {days} days ago.",
             "lastActivityAt not within {quiet} days AND lastActivityAt within {days} days",
             (_p("quiet", "integer", 30), _p(DAYS, "integer", 60))),
    Template("behaviour.dormant", "Dormant", "behaviour", "Were active once, but not in the last {days} days.",
             "lastActivityAt is set AND lastActivityAt not within {days} days", (_p(DAYS, "integer", 90),)),
    # Product preference and acquisition channel.
    Template("product.buyers", "Bought a product", "product", "Bought the product with id {product}.",
             "productsPurchased contains {product}", (_p("product", "text", "prod_123", "the product's id"),)),
    Template("product.repeat", "Repeat product buyers", "product",
             "At least {count} purchase events for the product {product}.",
             "count of events of type 'purchase' has product = {product} >= {count}",
             (_p("product", "text", "prod_123"), _p("count", "integer", 2))),
    Template("acquisition.property", "Acquired through a channel", "acquisition",
             "The custom property acquisition_channel is {channel}.",
             "custom.acquisition_channel = {channel}", (_p("channel", "text", "instagram"),),
             {"acquisition_channel": "string"}),
    Template("acquisition.first_touch", "First touch from a channel", "acquisition",
             "A first_touch event whose channel is {channel}.",
             "any event of type 'first_touch' has channel = {channel}", (_p("channel", "text", "instagram"),)),
    # Lifecycle moments.
    Template("cart.abandoners", "Cart abandoners (24 h)", "lifecycle",
             "Abandoned a cart within {hours} hours and have not bought since.",
             "last event of type 'cart_abandoned' within {hours} hours AND no event of type 'purchase' since that "
             "cart_abandoned", (_p("hours", "integer", 24),)),
    Template("orders.first_time", "First-time buyers", "lifecycle", "Exactly one paid order.", "orderCount = 1"),
    Template("orders.second_time", "Second-time buyers", "lifecycle", "Exactly two paid orders.", "orderCount = 2"),
    Template("activity.silent", "30-day silent", "lifecycle", "No activity in the last {days} days.",
             "lastActivityAt not within {days} days", (_p(DAYS, "integer", 30),)),
    Template("consent.whatsapp", "WhatsApp opt-in", "consent", "The custom property whatsapp_opt_in is true.",
             "custom.whatsapp_opt_in = true", (), {"whatsapp_opt_in": "boolean"}),
    Template("orders.win_back", "Win-back candidates", "lifecycle",
             "Bought before, but nothing in the last {days} days.",
             "orderCount >= 1 AND lastOrderAt not within {days} days", (_p(DAYS, "integer", 90),)),
    Template("orders.loyal_at_risk", "Loyal at-risk", "lifecycle",
             "At least {orders} orders, but no activity in the last {days} days.",
             "orderCount >= {orders} AND lastActivityAt not within {days} days",
             (_p("orders", "integer", 3), _p(DAYS, "integer", 30))),
    Template("orders.recent", "Recent buyers", "lifecycle", "An order within the last {days} days.",
             "lastOrderAt within {days} days", (_p(DAYS, "integer", 30),)),
    Template("orders.frequent", "Frequent buyers", "lifecycle", "At least {orders} orders within {days} days.",
             "count of orders within {days} days >= {orders}", (_p("orders", "integer", 3), _p(DAYS, "integer", 90))),
    Template("orders.big_basket", "Big baskets", "value", "Average order of at least {threshold}.",
             "avg of orders.total >= {threshold}", (_p("threshold", "money", 100),)),
    Template("orders.never", "Never bought", "lifecycle", "No paid order yet.", "orderCount = 0"),
    Template("value.vip", "VIPs", "value", "Have spent at least {threshold} or carry the tag {tag}.",
             "totalSpent >= {threshold} OR tags contains {tag}",
             (_p("threshold", "money", 1000), _p("tag", "text", "vip"))),
    # Subscriptions.
    Template("billing.trialing", "In a trial", "subscriptions", "A subscription in its trial.", "isTrial = true"),
    Template("billing.trial_ending", "Trial ending soon", "subscriptions",
             "A trial that renews within {days} days.",
             "any subscription has isTrial = true, daysUntilRenewal <= {days}", (_p(DAYS, "integer", 3),)),
    Template("billing.past_due", "Past due", "subscriptions", "A payment is past due.", "isPastDue = true"),
    Template("billing.recently_canceled", "Recently canceled", "subscriptions",
             "Canceled within the last {days} days.",
             "billingStatus = canceled AND daysSinceCanceled <= {days}", (_p(DAYS, "integer", 30),)),
    Template("billing.annual", "Annual subscribers", "subscriptions", "Billed yearly.",
             "plan.interval = year AND billingStatus in (active, trialing)"),
    # Content.
    Template("content.learners", "Active learners", "content",
             "Completed at least {lessons} lessons and active within {days} days.",
             "contentConsumed >= {lessons} AND lastActivityAt within {days} days",
             (_p("lessons", "integer", 5), _p(DAYS, "integer", 14))),
)

BUILT_IN_BY_KEY = {template.key: template for template in BUILT_IN}
