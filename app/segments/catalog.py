"""The field catalog: every field a rule may name, with its type, SQL and Python value, and triggers.

Each domain's fields are registered here once at startup (`app.wiring`), so the rule language, validation, the SQL
compiler, the reference evaluator, triggers and `segmentFields` all learn about them at once:

    from app.segments.catalog import register_field

    register_field(
        "mrr", "money", group="billing", description="Monthly recurring revenue (minor units)",
        sql="(SELECT COALESCE(sum(sub.mrr), 0) FROM subscriptions sub WHERE sub.team_contact_id = c.id"
            " AND sub.status = 'active')",
        value=lambda state: state.extra.get("mrr", 0),
        triggers=("table:subscriptions",),
    )

- `sql` is an expression over `c` (team_contacts row) and `s` (contact_stats row, may be NULL),
  or a callable `(builder, suffix) -> str` that may bind values with `builder.param(value, "text")`
  and join per-event-type stats with `builder.event_stats("search")` (returns an alias).
  Never format values into SQL.
- `value(state)` computes the same value in Python from a `ContactState` (the reference evaluator
  and the property tests use it). Data other domains need goes in `state.extra`, filled by a loader
  registered with `register_state_loader(async (conn, team_id, contact_ids) -> {contact_id: {...}})`.
- Types: string, number, money (minor units in storage, major units in rules), date, boolean,
  enum (give `enum_values`), tags (a list of strings).
- `triggers`: what can change the value: "field:<name>" (a contact field), "event:<type>",
  "event:*", "orders", "hubs", "table:<name>"; used to wake only the affected segments.
- Families of fields (`custom.<key>`, `hub.<slug>.role`) register with `register_family`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from app.contacts.models import LifecycleStage
from app.hubs.models import HubRole
from app.segments.timeutil import DATE_RE, local_date_start

FIELD_TYPES = ("string", "number", "money", "date", "boolean", "enum", "tags")
OPERATORS: dict[str, tuple[str, ...]] = {
    "string": ("=", "!=", "in", "not in", "contains", "not contains", "starts with", "ends with",
               "is set", "is not set"),
    "number": ("=", "!=", ">", ">=", "<", "<=", "between", "in", "not in", "is set", "is not set"),
    "money": ("=", "!=", ">", ">=", "<", "<=", "between", "is set", "is not set"),
    "date": ("within", "not within", "before", "after", "between", "during", ">", ">=", "<", "<=", "is set",
             "is not set"),
    "boolean": ("=", "!=", "is set", "is not set"),
    "enum": ("=", "!=", "in", "not in", "is set", "is not set"),
    "tags": ("contains", "not contains"),
}
PAID_ORDER_STATUSES = ("paid", "partially_refunded")
# Case-insensitive fields: one normalisation, applied to the stored value (in SQL and in the
# reference evaluator) and to the rule's value (at validation, so the canonical text shows it).
NORMALISERS: dict[str, Callable[[str], str]] = {"lower": lambda v: v.strip().lower(),
                                                "upper": lambda v: v.strip().upper()}


@dataclass
class ContactState:
    """Everything the reference evaluator knows about one contact (raw rows, not computed properties)."""

    contact: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)  # type, occurred_at, properties
    # status, total_amount, amount_refunded (0 when absent), placed_at, product_ids
    orders: list[dict[str, Any]] = field(default_factory=list)
    hubs: list[dict[str, Any]] = field(default_factory=list)  # slug, role, joined_at, banned
    segment_ids: set[int] = field(default_factory=set)  # current stored memberships (any kind)
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    extra: dict[str, Any] = field(default_factory=dict)

    def paid_orders(self) -> list[dict[str, Any]]:
        return [o for o in self.orders if o["status"] in PAID_ORDER_STATUSES]

    def events_of(self, event_type: str) -> list[dict[str, Any]]:
        return [e for e in self.events if e["type"] == event_type]


def net_amount(order: dict[str, Any]) -> int:
    """What an order counts for in money rules: its total minus what was refunded."""
    return int(order["total_amount"]) - int(order.get("amount_refunded") or 0)


SqlSource = str | Callable[[Any, str | None], str]


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    sql: SqlSource
    value: Callable[[ContactState], Any]
    description: str = ""
    triggers: tuple[str, ...] = ()
    enum_values: tuple[str, ...] = ()
    group: str = "contact"
    normalise: str | None = None  # "lower" | "upper": compared case-insensitively (NORMALISERS)
    # The column only ever holds the normal form (its one writer normalises and checks it), so SQL
    # compares the column itself: no lower()/upper() around it, and the planner's statistics apply.
    stored_normalised: bool = False

    @property
    def case(self) -> str | None:
        """The normalisation this field's values get: its own, or lower case for every enum."""
        return self.normalise or ("lower" if self.type == "enum" else None)

    def normalised(self, value: Any) -> Any:
        """A value (a stored one or a rule's) in this field's normal form; other values unchanged."""
        case = self.case
        if case is None:
            return value
        if isinstance(value, str):
            return NORMALISERS[case](value)
        if isinstance(value, list):
            return [NORMALISERS[case](v) if isinstance(v, str) else v for v in value]
        return value

    @property
    def operators(self) -> tuple[str, ...]:
        return OPERATORS[self.type]

    def sql_expression(self, builder: Any, suffix: str | None = None) -> str:
        return self.sql if isinstance(self.sql, str) else self.sql(builder, suffix)


@dataclass
class CatalogContext:
    """What a team adds to the catalog: custom property definitions, hubs, segments (for references)."""

    team_id: int
    tz: ZoneInfo
    custom: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # key -> (type, options)
    hubs: dict[str, int] = field(default_factory=dict)  # slug -> id
    segments: dict[str, tuple[int, str, Any]] = field(default_factory=dict)  # name -> (id, kind, rule)


@dataclass(frozen=True)
class FieldFamily:
    prefix: str
    resolve: Callable[[CatalogContext, str], FieldSpec | None]
    listing: Callable[[CatalogContext], list[FieldSpec]]
    pattern: str


@dataclass(frozen=True)
class Collection:
    """Records a contact may have several of (subscriptions): `any subscription has a = 1, b = 2` is
    true when ONE record meets every condition. Registered by the owning domain at startup.

    - `rows_sql(builder)`: `FROM <table> r WHERE r.team_contact_id = c.id ...` (alias `r`).
    - `attributes`: name -> FieldSpec whose `sql` reads `r` and whose `value` reads a ContactState
      with the record as `contact` (the record dicts come from `records(state)`).
    - `day_counts`: attributes counting whole days to or from a column (`daysUntilRenewal`), as
      attribute -> SQL timestamp column of `r`: time alone moves them (the time sweep re-checks).
    """

    name: str
    rows_sql: Callable[[Any], str]
    attributes: dict[str, FieldSpec]
    records: Callable[[ContactState], list[dict[str, Any]]]
    triggers: tuple[str, ...] = ()
    day_counts: dict[str, str] = field(default_factory=dict)
    table: str = ""


_FIELDS: dict[str, FieldSpec] = {}
_FAMILIES: dict[str, FieldFamily] = {}
_COLLECTIONS: dict[str, Collection] = {}
StateLoader = Callable[[Any, int, list[int]], Awaitable[dict[int, dict[str, Any]]]]
STATE_LOADERS: list[StateLoader] = []


def register_field(
    name: str, type: str, *, sql: SqlSource, value: Callable[[ContactState], Any], description: str = "",
    triggers: Iterable[str] = (), enum_values: Iterable[str] = (), group: str = "contact",
    normalise: str | None = None, stored_normalised: bool = False,
) -> FieldSpec:
    if type not in FIELD_TYPES:
        raise ValueError(f"unknown field type {type!r}")
    if name in _FIELDS:
        raise ValueError(f"field {name!r} is already registered")
    if normalise is not None and normalise not in NORMALISERS:
        raise ValueError(f"unknown normalisation {normalise!r}")
    spec = FieldSpec(name, type, sql, value, description, tuple(triggers), tuple(enum_values), group, normalise,
                     stored_normalised)
    _FIELDS[name] = spec
    return spec


def register_family(
    prefix: str, resolve: Callable[[CatalogContext, str], FieldSpec | None],
    listing: Callable[[CatalogContext], list[FieldSpec]], pattern: str,
) -> None:
    """Fields named `<prefix><suffix>`; `resolve(ctx, suffix)` returns the spec or None (unknown)."""
    _FAMILIES[prefix] = FieldFamily(prefix, resolve, listing, pattern)


def register_collection(collection: Collection) -> None:
    if collection.name in _COLLECTIONS and _COLLECTIONS[collection.name] is not collection:
        raise ValueError(f"collection {collection.name!r} is already registered")
    _COLLECTIONS[collection.name] = collection


def collection(name: str) -> Collection | None:
    return _COLLECTIONS.get(name)


def collection_names() -> tuple[str, ...]:
    return tuple(_COLLECTIONS)


def register_state_loader(loader: StateLoader) -> None:
    STATE_LOADERS.append(loader)


def static_field(name: str) -> FieldSpec | None:
    return _FIELDS.get(name)


def resolve_field(name: str, ctx: CatalogContext) -> FieldSpec | None:
    if name in _FIELDS:
        return _FIELDS[name]
    for prefix, family in _FAMILIES.items():
        if name.startswith(prefix) and len(name) > len(prefix):
            return family.resolve(ctx, name[len(prefix):])
    return None


def family_of(name: str) -> FieldFamily | None:
    return next((f for p, f in _FAMILIES.items() if name.startswith(p)), None)


def all_fields(ctx: CatalogContext) -> list[FieldSpec]:
    fields = list(_FIELDS.values())
    for family in _FAMILIES.values():
        fields.extend(family.listing(ctx))
    return fields


# ---------------------------------------------------------------- built-in fields


def _contact(key: str) -> Callable[[ContactState], Any]:
    return lambda state: state.contact.get(key)


def _last(items: Iterable[datetime]) -> datetime | None:
    return max(items, default=None)


def _event_count(event_type: str) -> SqlSource:
    return lambda b, _s: f"COALESCE({b.event_stats(event_type)}.count, 0)"


_case: str | None
# The country column holds upper-case ISO 3166 codes only: its one writer (app.contacts) upper-cases
# and checks them, and migration 31 normalised older rows; so rules compare the column as stored.
for _name, _column, _description, _case, _stored in (
    ("firstName", "first_name", "First name", None, False),
    ("lastName", "last_name", "Last name", None, False),
    ("email", "email", "Email address (compared case-insensitively)", "lower", False),
    ("phone", "phone", "Phone number", None, False),
    ("country", "country", "Country (ISO 3166 alpha-2, case-insensitive)", "upper", True),
):
    register_field(_name, "string", sql=f"c.{_column}", value=_contact(_column), description=_description,
                   triggers=(f"field:{_name}",), normalise=_case, stored_normalised=_stored)

register_field("createdAt", "date", sql="c.created_at", value=_contact("created_at"),
               description="Date joined (when the contact was created)", triggers=("field:createdAt",))
# The stage column holds LifecycleStage values only (a CharEnumField its one writer, app.contacts,
# fills after lower-casing and checking the value), so rules compare the column as stored.
register_field("lifecycleStage", "enum", sql="c.lifecycle_stage", value=_contact("lifecycle_stage"),
               description="Lifecycle stage", enum_values=[s.value for s in LifecycleStage],
               triggers=("field:lifecycleStage",), stored_normalised=True)
# Tags are stored normalised by their one writer (app.contacts), so `c.tags @> ...` keeps its index.
register_field("tags", "tags", sql="c.tags",
               value=lambda st: list(st.contact.get("tags") or []),
               description="Contact tags (case-insensitive)", triggers=("field:tags",), normalise="lower")
register_field(
    "lastActivityAt", "date", sql="s.last_activity_at", group="activity",
    value=lambda st: _last(e["occurred_at"] for e in st.events),
    description="Time of the contact's latest event of any type", triggers=("event:*",),
)
register_field(
    "eventCount", "number", sql="COALESCE(s.event_count, 0)", group="activity",
    value=lambda st: len(st.events), description="Number of events of any type", triggers=("event:*",),
)
register_field(
    "contentConsumed", "number", sql=_event_count("lesson_completed"), group="activity",
    value=lambda st: len(st.events_of("lesson_completed")),
    description="Lessons completed (lesson_completed events)", triggers=("event:lesson_completed",),
)
register_field(
    "searchCount", "number", sql=_event_count("search"), group="activity",
    value=lambda st: len(st.events_of("search")), description="Number of searches (search events)",
    triggers=("event:search",),
)
register_field(
    "orderCount", "number", sql="COALESCE(s.order_count, 0)", group="orders",
    value=lambda st: len(st.paid_orders()), description="Paid orders", triggers=("orders",),
)
register_field(
    "totalSpent", "money", sql="COALESCE(s.total_spent, 0)", group="orders",
    value=lambda st: sum(net_amount(o) for o in st.paid_orders()),
    description="Sum of paid orders, net of refunds", triggers=("orders",),
)
register_field(
    "lastOrderAt", "date", sql="s.last_order_at", group="orders",
    value=lambda st: _last(o["placed_at"] for o in st.paid_orders()), description="Latest paid order",
    triggers=("orders",),
)
register_field(
    "firstOrderAt", "date", sql="s.first_order_at", group="orders",
    value=lambda st: min((o["placed_at"] for o in st.paid_orders()), default=None),
    description="First paid order (cohorts: 'firstOrderAt during 2026-03')", triggers=("orders",),
)
register_field(
    "productsPurchased", "tags", sql="COALESCE(s.products, '{}'::text[])", group="orders",
    value=lambda st: sorted({str(p) for o in st.paid_orders() for p in o.get("product_ids", [])}),
    description="Ids of products in paid orders", triggers=("orders",),
)
register_field(
    "hubs", "tags", group="hubs",
    sql="ARRAY(SELECT h.slug FROM hub_memberships hm JOIN hubs h ON h.id = hm.hub_id"
        " WHERE hm.team_contact_id = c.id AND NOT hm.banned)::text[]",
    value=lambda st: [h["slug"] for h in st.hubs if not h["banned"]],
    description="Slugs of the hubs the contact is a (not banned) member of", triggers=("hubs",),
    normalise="lower",  # slugs are stored lower-case (app.hubs), so `hubs contains 'Yoga'` finds them
)


# ---------------------------------------------------------------- families: custom.<key>, hub.<slug>.*

_CUSTOM_TYPES = {"string": "string", "number": "number", "boolean": "boolean", "date": "date", "enum": "enum"}


def _custom_sql(kind: str, key: str) -> SqlSource:
    def build(b: Any, _suffix: str | None) -> str:
        k = b.param(key, "text")
        if kind == "number":
            return f"(CASE WHEN jsonb_typeof(c.custom -> {k}) = 'number' THEN (c.custom ->> {k})::numeric END)"
        if kind == "boolean":
            return f"(CASE WHEN jsonb_typeof(c.custom -> {k}) = 'boolean' THEN (c.custom ->> {k})::boolean END)"
        if kind == "date":
            return (f"(CASE WHEN (c.custom ->> {k}) ~ '^\\d{{4}}-\\d{{2}}-\\d{{2}}$' THEN "
                    f"((c.custom ->> {k})::date::timestamp AT TIME ZONE {b.tz_param()}) END)")
        return f"(CASE WHEN jsonb_typeof(c.custom -> {k}) = 'string' THEN c.custom ->> {k} END)"
    return build


def _custom_value(kind: str, key: str) -> Callable[[ContactState], Any]:
    def value(state: ContactState) -> Any:
        raw = (state.contact.get("custom") or {}).get(key)
        if kind == "number":
            return raw if isinstance(raw, int | float) and not isinstance(raw, bool) else None
        if kind == "boolean":
            return raw if isinstance(raw, bool) else None
        if kind == "date":
            return local_date_start(raw, state.tz) if isinstance(raw, str) and DATE_RE.match(raw) else None
        return raw if isinstance(raw, str) else None
    return value


def _custom_spec(ctx: CatalogContext, key: str) -> FieldSpec | None:
    if key not in ctx.custom:
        return None
    kind, options = ctx.custom[key]
    return FieldSpec(
        f"custom.{key}", _CUSTOM_TYPES[kind], _custom_sql(kind, key), _custom_value(kind, key),
        f"Custom property '{key}'", (f"field:custom.{key}",), options, "custom",
    )


register_family(
    "custom.", _custom_spec, lambda ctx: [s for k in sorted(ctx.custom) if (s := _custom_spec(ctx, k))],
    "custom.<key>",
)


def _hub_membership(state: ContactState, slug: str) -> dict[str, Any] | None:
    return next((h for h in state.hubs if h["slug"] == slug and not h["banned"]), None)


HUB_ATTRIBUTES = ("role", "joinedAt", "contentConsumed", "searches", "lastActivityAt")
# Per-hub activity: the events content writes carry the hub's id in `properties.hub_id`.
_HUB_EVENT_COUNTS = {"contentConsumed": "lesson_completed", "searches": "search"}


def _in_hub(event: dict[str, Any], hub_id: int) -> bool:
    value = (event.get("properties") or {}).get("hub_id")
    return isinstance(value, int | float) and not isinstance(value, bool) and value == hub_id


def _hub_activity_spec(ctx: CatalogContext, slug: str, attribute: str) -> FieldSpec:
    hub_id = ctx.hubs[slug]
    event_type = _HUB_EVENT_COUNTS.get(attribute)

    def sql(b: Any, _s: str | None) -> str:
        hub = f"ev.properties -> 'hub_id' = to_jsonb({b.param(hub_id, 'bigint')})"
        if event_type is None:
            return (f"(SELECT max(ev.occurred_at) FROM events ev WHERE ev.team_contact_id = c.id"
                    f" AND ev.team_id = $1::bigint AND {hub})")
        return (f"(SELECT count(*) FROM events ev WHERE ev.team_contact_id = c.id AND ev.team_id = $1::bigint"
                f" AND ev.type = {b.param(event_type, 'text')} AND {hub})")

    def value(state: ContactState) -> Any:
        if event_type is None:
            return _last(e["occurred_at"] for e in state.events if _in_hub(e, hub_id))
        return sum(1 for e in state.events_of(event_type) if _in_hub(e, hub_id))

    if event_type is None:
        return FieldSpec(f"hub.{slug}.lastActivityAt", "date", sql, value,
                         f"Latest event in hub '{slug}' (any type)", ("event:*",), (), "hubs")
    described = "Lessons completed" if attribute == "contentConsumed" else "Searches"
    return FieldSpec(f"hub.{slug}.{attribute}", "number", sql, value, f"{described} in hub '{slug}'",
                     (f"event:{event_type}",), (), "hubs")


def _hub_spec(ctx: CatalogContext, suffix: str) -> FieldSpec | None:
    slug, _, attribute = suffix.rpartition(".")
    if slug not in ctx.hubs or attribute not in HUB_ATTRIBUTES:
        return None
    if attribute not in ("role", "joinedAt"):
        return _hub_activity_spec(ctx, slug, attribute)
    column = "role" if attribute == "role" else "joined_at"

    def sql(b: Any, _s: str | None) -> str:
        return (f"(SELECT hm.{column} FROM hub_memberships hm WHERE hm.team_contact_id = c.id"
                f" AND hm.hub_id = {b.param(ctx.hubs[slug], 'bigint')} AND NOT hm.banned)")

    def value(state: ContactState) -> Any:
        membership = _hub_membership(state, slug)
        return membership[column] if membership else None

    if attribute == "role":
        return FieldSpec(f"hub.{slug}.role", "enum", sql, value, f"Role in hub '{slug}'", ("hubs",),
                         tuple(r.value for r in HubRole), "hubs")
    return FieldSpec(f"hub.{slug}.joinedAt", "date", sql, value, f"When the contact joined hub '{slug}'",
                     ("hubs",), (), "hubs")


register_family(
    "hub.", _hub_spec,
    lambda ctx: [s for slug in sorted(ctx.hubs) for a in HUB_ATTRIBUTES if (s := _hub_spec(ctx, f"{slug}.{a}"))],
    "hub.<slug>." + " | hub.<slug>.".join(HUB_ATTRIBUTES),
)
