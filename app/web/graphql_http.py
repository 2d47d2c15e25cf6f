"""GraphQL over HTTP as the spec's SHOULDs have it, on top of strawberry's ASGI view.

- `Accept: application/graphql-response+json` is answered in that media type; request errors (the
  document does not parse or validate, variables do not coerce) are then 400 with no `data` key.
  `application/json` (and `*/*`, or no Accept) keeps 200 for them, as the spec asks for legacy clients.
- Transport errors (bad JSON, no query, wrong method) are GraphQL-shaped JSON bodies, not plain text.
- A mutation sent with GET is 405 with `Allow: POST`; a subscription sent over HTTP is 400 naming the
  websocket endpoint and its subprotocol.
- Automatic persisted queries (app/web/persisted.py) are resolved before execution.
"""

from __future__ import annotations

import json
from typing import Any

from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.exceptions import MissingQueryError
from strawberry.http import GraphQLRequestData
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from app.web.observability import CountingTransportWSHandler
from app.web.persisted import PersistedQueryError, resolve_persisted_query

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
# GraphiQL's headers tab starts with this example until the user edits it (GraphiQL then keeps theirs).
EXAMPLE_HEADERS = '{\n  "Authorization": "Bearer mhk_your_api_key"\n}'
JSON = "application/json"
WEBSOCKET_PROTOCOL = "graphql-transport-ws"


def response_media_type(accept: str | None) -> str:
    """The media type to answer in: graphql-response+json when the client ranks it at least as high as
    application/json (Apollo Client 4 and graphql-http send both), application/json otherwise."""
    if not accept:
        return JSON
    ranks: dict[str, float] = {}
    for part in accept.split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranks[media.lower()] = max(quality, ranks.get(media.lower(), 0.0))
    preferred = ranks.get(GRAPHQL_RESPONSE_JSON, 0.0)
    if preferred > 0 and preferred >= max(ranks.get(JSON, 0.0), ranks.get("*/*", 0.0), ranks.get("application/*", 0.0)):
        return GRAPHQL_RESPONSE_JSON
    return JSON


def is_request_error(result: ExecutionResult) -> bool:
    """Execution never started: no data and only errors without a path (parse, validation, variables)."""
    errors = result.errors or []
    return result.data is None and bool(errors) and all(error.path is None for error in errors)


def websocket_url(request: Request) -> str:
    scheme = "wss" if request.url.scheme == "https" else "ws"
    return f"{scheme}://{request.url.netloc}{request.url.path}"


class GraphQLOverHTTP(GraphQL[Any, None]):
    """strawberry's view with the spec's status codes, media types and JSON error bodies."""

    graphql_transport_ws_handler_class = CountingTransportWSHandler

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope=scope, receive=receive)
        media_type = response_media_type(request.headers.get("accept"))
        try:
            response = await self.run(request)
        except HTTPException as exc:
            response = self.error_response(exc.status_code, exc.reason, media_type)
            if exc.status_code == 405:
                response.headers["Allow"] = "POST" if request.method == "GET" else "GET, POST"
        except PersistedQueryError as exc:
            response = self.error_response(exc.status_code, exc.message, media_type, code=exc.code)
        else:
            if response.media_type == JSON:
                self._shape(request, response, media_type)
        await response(scope, receive, send)

    def error_response(self, status_code: int, message: str, media_type: str, code: str | None = None) -> Response:
        error: dict[str, Any] = {"message": message}
        if code:
            error["extensions"] = {"code": code}
        return Response(self.encode_json({"errors": [error]}), status_code=status_code, media_type=media_type)

    def _shape(self, request: Request, response: Response, media_type: str) -> None:
        """Set the negotiated media type, and 400 for request errors in graphql-response+json."""
        response.media_type = media_type
        response.headers["content-type"] = f"{media_type}; charset=utf-8"
        if media_type == GRAPHQL_RESPONSE_JSON and getattr(request.state, "graphql_request_error", False):
            response.status_code = 400

    async def render_graphql_ide(self, request: Request) -> Response:
        html = self.graphql_ide_html.replace("https://unpkg.com", self.settings.graphiql_assets_url)
        html = html.replace("React.useState(parameters.headers)",
                            f"React.useState(parameters.headers || {json.dumps(EXAMPLE_HEADERS)})")
        return HTMLResponse(html)

    async def process_result(self, request: Request, result: ExecutionResult) -> Any:
        processed: dict[str, Any] = dict(await super().process_result(request, result))
        if is_request_error(result):
            processed.pop("data", None)  # the spec: a request error has no data entry
            request.state.graphql_request_error = True
        return processed

    def should_render_graphql_ide(self, request: Any) -> bool:
        # A GET carrying only a persisted query's hash is an operation, not a browser asking for GraphiQL.
        return "extensions" not in request.query_params and super().should_render_graphql_ide(request)

    async def parse_http_body(self, request: Any) -> GraphQLRequestData | list[GraphQLRequestData]:
        data = await super().parse_http_body(request)
        if isinstance(data, GraphQLRequestData):
            data.query = await resolve_persisted_query(data.query, data.extensions, self.settings)
        return data

    async def execute_single(self, request: Request, request_adapter: Any, sub_response: Any, context: Any,
                             root_value: Any, request_data: GraphQLRequestData) -> ExecutionResult:
        # strawberry lets subscriptions through HTTP for its streaming transports, which are not served here.
        allowed = {OperationType.QUERY} if request_adapter.method == "GET" else {OperationType.QUERY,
                                                                                   OperationType.MUTATION}
        try:
            return await self.schema.execute(
                request_data.query, root_value=root_value, variable_values=request_data.variables,
                context_value=context, operation_name=request_data.operation_name,
                allowed_operation_types=allowed, operation_extensions=request_data.extensions,
            )
        except CannotGetOperationTypeError as exc:
            raise HTTPException(400, exc.as_http_error_reason()) from exc
        except MissingQueryError as exc:
            raise HTTPException(400, "No GraphQL query found in the request") from exc
        except InvalidOperationTypeError as exc:
            if exc.operation_type is OperationType.SUBSCRIPTION:
                raise HTTPException(400, (
                    f"subscriptions are served over a websocket: connect to {websocket_url(request)} with the "
                    f"'{WEBSOCKET_PROTOCOL}' subprotocol")) from exc
            raise HTTPException(405, exc.as_http_error_reason(request_adapter.method)) from exc

    settings: Any  # set by the subclass (app.asgi.MemberHubGraphQL)


__all__ = ["GRAPHQL_RESPONSE_JSON", "GraphQLOverHTTP", "response_media_type"]
