"""Per-request (or per-websocket) state: the viewer and the request's dataloaders."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.websockets import WebSocket

from app.graphql.errors import AccessError, forbidden, unauthenticated
from app.settings import Settings

if TYPE_CHECKING:  # the conventions layer sits below the domains whose viewers it carries
    from app.access.members import MemberViewer
    from app.teams.service import Viewer


@dataclass
class Context:
    request: Request | WebSocket
    response: Any
    settings: Settings
    viewer: Viewer | None = None
    member: MemberViewer | None = None  # a hub member signed in with a member token
    platform_admin: bool = False  # a platform-admin token (app/plans/platform.py), never a team credential
    agency_id: int | None = None  # the viewer came with an agency-wide key of this agency (app/plans/agencies.py)
    bearer_token: str | None = None
    token_rejected: bool = False
    connection_params: dict[str, Any] | None = None
    loaders: dict[str, Any] = field(default_factory=dict)
    # Tasks that live as long as the websocket (its credential watcher), cancelled when it closes.
    background: list[asyncio.Task[Any]] = field(default_factory=list)

    def require(self, scope: str | None = None) -> Viewer:
        """The authenticated viewer, holding `scope` if given; raises the GraphQL error otherwise."""
        if self.viewer is None:
            raise unauthenticated(
                "invalid or revoked token" if self.token_rejected else "authentication required"
            )
        if scope is not None and self.viewer.two_factor_pending:
            raise AccessError("this team requires two-factor: turn it on first (enrollTwoFactor, confirmTwoFactor)",
                              "TWO_FACTOR_REQUIRED")
        if scope is not None and not self.viewer.has_scope(scope):
            raise forbidden(f"this operation needs the '{scope}' scope")
        return self.viewer

    def require_platform_admin(self) -> None:
        """Only the deployment's operators: a team's key or session is FORBIDDEN here."""
        if self.platform_admin:
            return
        if self.viewer is None and self.member is None:
            raise unauthenticated("invalid or revoked token" if self.token_rejected else "authentication required")
        raise forbidden("this operation needs a platform-admin token")

    @property
    def client_address(self) -> str | None:
        """The peer's address (behind a proxy, what uvicorn's --forwarded-allow-ips lets it trust)."""
        client = self.request.client
        return client.host if client else None

    def loader(self, name: str, factory: Any) -> Any:
        """A dataloader built once per request, so nothing is cached across requests."""
        if name not in self.loaders:
            self.loaders[name] = factory()
        return self.loaders[name]
