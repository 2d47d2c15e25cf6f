"""The one place where service errors become `userErrors` and access errors become GraphQL errors."""

from __future__ import annotations

import functools
import typing
from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeVar

import strawberry
from graphql import GraphQLError

from app.core.errors import ValidationFailed
from app.core.ratelimit import RateLimited

P = ParamSpec("P")
PayloadT = TypeVar("PayloadT")


@strawberry.type(description="A problem with the input that the caller can fix.")
class UserError:
    field: str | None
    message: str
    code: str


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
            return await resolver(*args, **kwargs)
        except RateLimited as exc:
            raise rate_limited(exc) from exc
        except ValidationFailed as exc:
            if not payload_type:  # resolved late: payloads may be defined below the mutation class
                payload_type.append(typing.get_type_hints(resolver)["return"])
            return typing.cast(Any, payload_type[0])(user_errors=user_errors(exc))

    return wrapper


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
