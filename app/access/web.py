"""`/hubs/{slug}/sign-in`: where a member's magic link lands.

GET never signs in: mail scanners and link previews fetch links, and a GET that spent the code
would leave the member with a dead link. It shows one button that POSTs the code back. The POST
signs in (the same code, limits and errors as `signInMember`) and hands the member token over in
one of three ways (docs/member-api.md):

- `Accept: application/json` (a hub frontend calling this itself): `{"token", "hubId", "contactId"}`;
- MEMBERHUB_MEMBER_APP_URL set: 303 to it with `#member_token=…` (a fragment never reaches a server
  log or a Referer);
- otherwise a page saying the member is signed in, with the token for a frontend to read.
"""

from __future__ import annotations

import json
from html import escape
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from app.access import members
from app.core.errors import ValidationFailed
from app.core.ids import InvalidId, decode_id, encode_id
from app.core.ratelimit import RateLimited
from app.hubs.models import Hub
from app.settings import get_settings

MAX_FORM_BYTES = 4096
_HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex"}


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    html = (
        "<!doctype html><html><head><meta charset='utf-8'><meta name='robots' content='noindex'>"
        f"<title>{escape(title)}</title></head><body><h1>{escape(title)}</h1>{body}</body></html>"
    )
    return HTMLResponse(html, status_code=status, headers=_HEADERS)


def _hub_pk(value: str) -> int | None:
    try:
        return decode_id(value, "Hub")
    except InvalidId:
        return None


async def _hub(slug: str, hub_value: str) -> Hub | None:
    pk = _hub_pk(hub_value) if hub_value else None
    hub = await Hub.get_or_none(id=pk) if pk else None
    return hub if hub is not None and hub.slug == slug else None


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "") or \
        request.headers.get("content-type", "").startswith("application/json")


async def _fields(request: Request) -> dict[str, str]:
    body = (await request.body())[:MAX_FORM_BYTES]
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            data = json.loads(body or b"{}")
        except ValueError:
            return {}
        return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}
    return {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items() if v}


def _invalid(as_json: bool, code: str = "INVALID_LINK", status: int = 400) -> Response:
    if as_json:
        return JSONResponse({"error": code}, status_code=status, headers=_HEADERS)
    text = ("This sign-in link is not valid any more. Ask for a new one." if code != "RATE_LIMITED"
            else "Too many attempts. Try again in a few minutes.")
    return _page("Sign-in link not valid" if code != "RATE_LIMITED" else "Too many attempts",
                 f"<p>{escape(text)}</p>", status)


async def sign_in_page(request: Request) -> Response:
    slug = request.path_params["slug"]
    as_json = _wants_json(request)
    if request.method == "GET":
        params = request.query_params
        hub = await _hub(slug, params.get("hub", ""))
        email, code = params.get("email", ""), params.get("code", "")
        if hub is None or not email or not code:
            return _invalid(False)
        form = (
            f"<p>Sign in to {escape(hub.name)} as {escape(email)}.</p><form method='post'>"
            f"<input type='hidden' name='hub' value='{escape(params.get('hub', ''))}'>"
            f"<input type='hidden' name='email' value='{escape(email)}'>"
            f"<input type='hidden' name='code' value='{escape(code)}'>"
            "<button type='submit'>Sign in</button></form>"
        )
        return _page(f"Sign in to {hub.name}", form)

    fields = await _fields(request)
    hub = await _hub(slug, fields.get("hub", ""))
    if hub is None or not fields.get("email") or not fields.get("code"):
        return _invalid(as_json)
    client = request.client.host if request.client else None
    try:
        member, token = await members.sign_in_with_code(hub.id, fields["email"], fields["code"], client)
    except ValidationFailed:
        return _invalid(as_json, "INVALID_CODE")
    except RateLimited as exc:
        response = _invalid(as_json, "RATE_LIMITED", 429)
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    if as_json:
        return JSONResponse({"token": token, "hubId": encode_id("Hub", member.hub_id),
                             "contactId": encode_id("Contact", member.team_contact_id)}, headers=_HEADERS)
    app_url = get_settings().member_app_url
    if app_url:
        return RedirectResponse(f"{app_url.replace('{slug}', hub.slug)}#member_token={token}", status_code=303,
                                headers=_HEADERS)
    body = (f"<p>You are signed in to {escape(hub.name)}.</p>"
            f"<p>Member token: <code id='member-token' data-hub='{escape(encode_id('Hub', hub.id))}'>"
            f"{escape(token)}</code></p>")
    return _page("Signed in", body)


SIGN_IN_ROUTES = [Route("/hubs/{slug}/sign-in", sign_in_page, methods=["GET", "POST"])]
