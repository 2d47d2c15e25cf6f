"""A statement the database cancelled (statement timeout) reaches clients as a clear error."""

from __future__ import annotations

from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from app.core.db_limits import TIMEOUT_MESSAGE, is_statement_timeout


class StatementTimeouts(SchemaExtension):
    """Rewrites errors from cancelled statements into `extensions.code` STATEMENT_TIMEOUT (listed
    after MaskErrors, so it runs first on the way out and the clear message is never masked)."""

    def __init__(self, *, timeout_ms: int) -> None:
        self.message = TIMEOUT_MESSAGE.format(seconds=timeout_ms / 1000)

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if not errors:
            return
        result.errors = [  # type: ignore[union-attr]  # errors were read from it just above
            GraphQLError(self.message, nodes=e.nodes, path=e.path, extensions={"code": "STATEMENT_TIMEOUT"})
            if is_statement_timeout(e.original_error) else e
            for e in errors
        ]
