"""The one place where service errors become `userErrors` and access errors become GraphQL errors."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError

from app.core.errors import ValidationFailed


@strawberry.type(description="A problem with the input that the caller can fix.")
class UserError:
    field: str | None
    message: str
    code: str


def user_errors(exc: ValidationFailed) -> list[UserError]:
    return [UserError(field=e.field, message=e.message, code=e.code) for e in exc.errors]


class AccessError(GraphQLError):
    """Authentication/authorization failure, reported with `extensions.code`."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message, extensions={"code": code})


class BadInput(GraphQLError):
    """Malformed arguments that are not a mutation's input (pagination, ids)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, extensions={"code": "BAD_USER_INPUT"})


def unauthenticated(message: str = "authentication required") -> AccessError:
    return AccessError(message, "UNAUTHENTICATED")


def forbidden(message: str) -> AccessError:
    return AccessError(message, "FORBIDDEN")
