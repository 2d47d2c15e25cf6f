"""The one place where service errors become `userErrors` and access errors become GraphQL errors."""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeVar

import asyncpg
import strawberry
from graphql import GraphQLError
from tortoise.exceptions import IntegrityError, OperationalError
from tortoise.exceptions import ValidationError as ModelValidationError

from app.core.errors import FieldError, ValidationFailed
from app.core.ratelimit import RateLimited

P = ParamSpec("P")
PayloadT = TypeVar("PayloadT")


@strawberry.type(description=(
    "A problem with a mutation's input that the caller can fix; when a payload has any, nothing was written."))
class UserError:
    field: str | None = strawberry.field(description=(
        "The input field at fault as a camelCase path (`email`, `contacts.3.email`, `hubId`); null when the "
        "problem is the input as a whole."))
    message: str = strawberry.field(description="What is wrong, in English, for people; may change between versions.")
    code: str = strawberry.field(description=(
        "Stable machine-readable reason, e.g. `REQUIRED`, `INVALID_ID`, `NOT_FOUND`, `TOO_LONG`, "
        "`INVALID_VALUE`, `OUT_OF_RANGE`: branch on this, not on `message`."))


def user_errors(exc: ValidationFailed) -> list[UserError]:
    return [UserError(field=e.field, message=e.message, code=e.code) for e in exc.errors]


def mutation_payload(resolver: Callable[P, Awaitable[PayloadT]]) -> Callable[P, Awaitable[PayloadT]]:
    """A mutation resolver whose `ValidationFailed` (and so `NotFound`) becomes its payload's
    `userErrors`: the payload is the resolver's return type, built with only `user_errors`.
    Put it under `@strawberry.mutation`; access errors still raise (they are GraphQL errors), and so
    does a rate limit (`RATE_LIMITED` with `retryAfter` seconds)."""
    payload_type: list[type] = []

    @functools.wraps(resolver)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> PayloadT:
        try:
            try:
                return await resolver(*args, **kwargs)
            except (ModelValidationError, OperationalError, IntegrityError, asyncpg.StringDataRightTruncationError,
                    asyncpg.IntegrityConstraintViolationError) as exc:
                refused = model_limit_error(exc)
                if refused is exc:
                    raise
                raise refused from exc
        except RateLimited as exc:
            raise rate_limited(exc) from exc
        except ValidationFailed as exc:
            if not payload_type:  # resolved late: payloads may be defined below the mutation class
                payload_type.append(typing.get_type_hints(resolver)["return"])
            return typing.cast(Any, payload_type[0])(user_errors=user_errors(exc))

    return wrapper


_TOO_LONG = re.compile(r"(?P<field>\w+): Length of .* (?P<got>\d+) > (?P<limit>\d+)", re.DOTALL)
_VARCHAR = re.compile(r"character varying\((?P<limit>\d+)\)")


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


_KEY_COLUMNS = re.compile(r"Key \((?P<columns>[^)]*)\)=")
# Unique keys whose duplicate a service reports with a code other than DUPLICATE_<COLUMN>:
# (table, last key column) -> (field, code), so a duplicate that won a race reads the same.
UNIQUE_CODES: dict[tuple[str, str], tuple[str, str]] = {
    ("community_spaces", "slug"): ("slug", "TAKEN"),
    ("community_profiles", "handle"): ("handle", "TAKEN"),
}


def _key_columns(detail: str | None) -> list[str]:
    match = _KEY_COLUMNS.search(detail or "")
    columns = [c.strip().strip('"') for c in match["columns"].split(",")] if match else []
    return [c for c in columns if c != "team_id"]


def constraint_error(cause: asyncpg.IntegrityConstraintViolationError) -> ValidationFailed | None:
    """A unique or foreign key the database enforced where a service's own check-then-write lost a
    race (two requests with the same new external id, a hub deleted meanwhile): the caller's error,
    as the service's own check would have said it. Other constraint failures stay what they are."""
    detail = getattr(cause, "detail", None)
    columns = _key_columns(detail)
    if isinstance(cause, asyncpg.UniqueViolationError):
        column = columns[-1] if columns else None
        if column is None:
            return ValidationFailed([FieldError(None, "this already exists", "DUPLICATE")])
        field, code = UNIQUE_CODES.get((getattr(cause, "table_name", "") or "", column),
                                       (_camel(column), f"DUPLICATE_{column.upper()}"))
        return ValidationFailed([FieldError(field, f"{field}: another one already has this value", code)])
    if isinstance(cause, asyncpg.ForeignKeyViolationError):
        if "is not present" in (detail or "") and columns:
            field = _camel(columns[-1])
            what = columns[-1].removesuffix("_id").replace("_", " ")
            return ValidationFailed([FieldError(field, f"{what} not found", "NOT_FOUND")])
        return ValidationFailed([FieldError(None, "something else still refers to this", "IN_USE")])
    return None


def model_limit_error(exc: Exception) -> Exception:
    """A model's own limit (a column's max_length) that a service did not check first, or a
    unique/foreign key it checked but lost a race on (`constraint_error`), as the caller's error;
    any other database failure stays what it is (a 500). The service's transaction has rolled
    back by now, so nothing was written."""
    cause = exc if isinstance(exc, asyncpg.IntegrityConstraintViolationError) else exc.__cause__
    if isinstance(cause, asyncpg.IntegrityConstraintViolationError):
        return constraint_error(cause) or exc
    if isinstance(exc, ModelValidationError):
        text = str(exc)
        if (match := _TOO_LONG.fullmatch(text)) is not None:
            field = _camel(match["field"])
            return ValidationFailed.one(field, f"{field} is longer than {match['limit']} characters", "TOO_LONG")
        field = _camel(text.partition(":")[0])
        return ValidationFailed.one(field, f"{field} is not a valid value", "INVALID_VALUE")
    cause = exc if isinstance(exc, asyncpg.StringDataRightTruncationError) else exc.__cause__
    if isinstance(cause, asyncpg.StringDataRightTruncationError):
        match = _VARCHAR.search(str(cause))
        limit = f" than {match['limit']} characters" if match else ""
        return ValidationFailed([FieldError(None, f"a value is longer{limit}", "TOO_LONG")])
    return exc


class AccessError(GraphQLError):
    """Authentication/authorization failure, reported with `extensions.code`."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message, extensions={"code": code})


class BadInput(GraphQLError):
    """Malformed arguments that are not a mutation's input (pagination, ids)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, extensions={"code": "BAD_USER_INPUT"})


def rate_limited(exc: RateLimited) -> GraphQLError:
    return GraphQLError(str(exc), extensions={"code": "RATE_LIMITED", "retryAfter": exc.retry_after})


def unauthenticated(message: str = "authentication required") -> AccessError:
    return AccessError(message, "UNAUTHENTICATED")


def forbidden(message: str) -> AccessError:
    return AccessError(message, "FORBIDDEN")
