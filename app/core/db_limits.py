"""Database time per request: statement timeouts reported clearly, heavy work capped per team.

Every API connection runs with `statement_timeout` (MEMBERHUB_STATEMENT_TIMEOUT_MS, set on the
pool); a statement it cancels is `is_statement_timeout`, which the GraphQL layer and the HTTP
routes turn into a STATEMENT_TIMEOUT error rather than an internal one.

Work that runs a rule over a whole team (previews, what-ifs, segment evaluations) goes through
`heavy(team_id)`: at most `per_team` such operations of one team run at once in this process, at
most `per_request` of one request (a document of aliased previews), and at most `total` of all
teams, so the pool always keeps connections for everyone else's ordinary queries. A call inside
another `heavy` block of the same task takes no second slot (no self-deadlock).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import asyncpg


@dataclass(frozen=True)
class SlotLimits:
    per_team: int = 3
    per_request: int = 2
    total: int = 10


_limits = SlotLimits()
_team_slots: dict[int, asyncio.Semaphore] = {}
_total_slots: asyncio.Semaphore | None = None
_request_slots: ContextVar[asyncio.Semaphore | None] = ContextVar("request_db_slots", default=None)
_holding: ContextVar[bool] = ContextVar("holding_db_slot", default=False)


def configure(limits: SlotLimits) -> None:
    """Set this process's limits (the API at startup); slots already taken keep theirs."""
    global _limits, _total_slots
    _limits = limits
    _team_slots.clear()
    _total_slots = None


def start_request() -> None:
    """A request's own slots: called once per request, in the task its resolvers inherit from."""
    _request_slots.set(asyncio.Semaphore(_limits.per_request))


@asynccontextmanager
async def heavy(team_id: int) -> AsyncIterator[None]:
    global _total_slots
    if _holding.get():
        yield
        return
    if _total_slots is None:
        _total_slots = asyncio.Semaphore(_limits.total)
    team = _team_slots.setdefault(team_id, asyncio.Semaphore(_limits.per_team))
    request = _request_slots.get()
    async with AsyncExitStack() as stack:
        # Request first: one request's aliases wait on themselves before taking its team's slots.
        for slot in (request, team, _total_slots):
            if slot is not None:
                await stack.enter_async_context(slot)
        token = _holding.set(True)
        try:
            yield
        finally:
            _holding.reset(token)


def is_statement_timeout(exc: BaseException | None) -> bool:
    """The exception, or one it was raised from (the ORM wraps asyncpg's), is a cancelled statement."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, asyncpg.exceptions.QueryCanceledError):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


TIMEOUT_MESSAGE = "the database took longer than this request may ({seconds:g} s); narrow it down or try again"
