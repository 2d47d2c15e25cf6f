"""Errors a caller can fix: services raise them, mutations turn them into `userErrors`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    field: str | None
    message: str
    code: str


class ValidationFailed(Exception):
    """Raised by services; nothing was written. Carries one error per bad field."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors

    @classmethod
    def one(cls, field: str | None, message: str, code: str) -> ValidationFailed:
        return cls([FieldError(field, message, code)])


class NotFound(ValidationFailed):
    """The id does not exist in the caller's team (other teams' ids look exactly the same)."""

    def __init__(self, field: str, what: str) -> None:
        super().__init__([FieldError(field, f"{what} not found", "NOT_FOUND")])
