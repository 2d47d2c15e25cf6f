"""Unsubscribe pages (RFC 8058): GET only shows a confirmation form, POST unsubscribes.

No login: the signed token is the authority. Mail clients' one-click POST carries
`List-Unsubscribe=One-Click` and no choice, so it unsubscribes from what the mail belongs to
(the drip, or the hub's marketing); the page's form can widen that to the hub or all marketing.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from html import escape
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from app.contacts.models import TeamContact
from app.email import bounces
from app.email.models import CampaignRecipient, DripCampaign, SuppressionReason, SuppressionScope
from app.email.service import suppress
from app.email.tracking import click_ok, read_recipient_token
from app.email.unsubscribe import UnsubscribeTarget, read_token
from app.hubs.models import Hub

MAX_FORM_BYTES = 4096


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    html = (
        "<!doctype html><html><head><meta charset='utf-8'><meta name='robots' content='noindex'>"
        f"<title>{escape(title)}</title></head><body><h1>{escape(title)}</h1>{body}</body></html>"
    )
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})


async def _resolve(target: UnsubscribeTarget) -> tuple[TeamContact, Hub, DripCampaign | None] | None:
    contact = await TeamContact.get_or_none(id=target.contact_id, team_id=target.team_id)
    hub = await Hub.get_or_none(id=target.hub_id, team_id=target.team_id)
    drip = await DripCampaign.get_or_none(id=target.drip_id, team_id=target.team_id) if target.drip_id else None
    if contact is None or hub is None:
        return None
    return contact, hub, drip


def _invalid() -> HTMLResponse:
    return _page("Link not valid", "<p>This unsubscribe link is not valid.</p>", status=400)


async def unsubscribe(request: Request) -> HTMLResponse:
    target = read_token(request.path_params["token"])
    resolved = await _resolve(target) if target else None
    if target is None or resolved is None:
        return _invalid()
    contact, hub, drip = resolved
    if request.method == "GET":
        choices = []
        if drip is not None:
            choices.append(("drip", f"Only the “{drip.name}” emails"))
        choices.append(("hub", f"All marketing email from {hub.name}"))
        choices.append(("all", "All marketing email"))
        options = "".join(
            f"<p><label><input type='radio' name='scope' value='{value}'{' checked' if i == 0 else ''}> "
            f"{escape(label)}</label></p>"
            for i, (value, label) in enumerate(choices)
        )
        form = (f"<p>Unsubscribe {escape(contact.email)} from:</p><form method='post'>{options}"
                "<button type='submit'>Unsubscribe</button></form>")
        return _page("Unsubscribe", form)

    body = (await request.body())[:MAX_FORM_BYTES].decode("utf-8", "replace")
    choice = (parse_qs(body).get("scope") or [""])[0]
    if choice == "all":
        scope, ref = SuppressionScope.MARKETING, 0
    elif choice == "hub" or drip is None:
        scope, ref = SuppressionScope.HUB, hub.id
    else:  # "drip", or the one-click POST of a drip mail
        scope, ref = SuppressionScope.DRIP, drip.id
    await suppress(target.team_id, contact.email, scope, SuppressionReason.UNSUBSCRIBE, scope_ref=ref,
                   contact_id=contact.id)
    if target.campaign_id:
        await CampaignRecipient.filter(team_id=target.team_id, campaign_id=target.campaign_id,
                                       team_contact_id=contact.id, unsubscribed_at__isnull=True
                                       ).update(unsubscribed_at=datetime.now(UTC))
    return _page("Unsubscribed", f"<p>{escape(contact.email)} will not get these emails any more.</p>")


# A transparent 1x1 GIF.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


async def opened(request: Request) -> Response:
    """The open pixel: records the first open; always the same image (an unknown token tells nothing)."""
    found = read_recipient_token(request.path_params["token"])
    if found is not None:
        now = datetime.now(UTC)
        await CampaignRecipient.filter(team_id=found[0], id=found[1], opened_at__isnull=True).update(opened_at=now)
    return Response(PIXEL, media_type="image/gif", headers={"Cache-Control": "no-store, private"})


async def clicked(request: Request) -> Response:
    """A tracked link: 302 to the URL its signature covers, after recording the click (and the open)."""
    token = request.path_params["token"]
    url, signature = request.query_params.get("u", ""), request.query_params.get("s", "")
    found = read_recipient_token(token)
    if found is None or not url.startswith(("https://", "http://")) or not click_ok(token, url, signature):
        return _page("Link not valid", "<p>This link is not valid.</p>", status=400)
    now = datetime.now(UTC)
    await CampaignRecipient.filter(team_id=found[0], id=found[1], clicked_at__isnull=True).update(clicked_at=now)
    await CampaignRecipient.filter(team_id=found[0], id=found[1], opened_at__isnull=True).update(opened_at=now)
    return RedirectResponse(url, status_code=302,
                            headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"})


MAX_BOUNCE_BYTES = 1024 * 1024  # a bounce returns at most the original's headers or a trimmed copy


def _unauthorized() -> JSONResponse:
    return JSONResponse({"error": "unknown hub or wrong credentials"}, status_code=401,
                        headers={"WWW-Authenticate": 'Basic realm="memberhub-bounces"'})


async def _bounce_body(request: Request) -> bytes | None:
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BOUNCE_BYTES:
            return None
    return body


async def postmark_webhook(request: Request) -> JSONResponse:
    """Postmark's bounce / spam-complaint webhook for one hub (app/email/bounces.py)."""
    config = await bounces.authenticated_settings(request.path_params["hub_id"], request.headers.get("authorization"))
    if config is None:
        return _unauthorized()
    body = await _bounce_body(request)
    if body is None:
        return JSONResponse({"error": f"at most {MAX_BOUNCE_BYTES} bytes"}, status_code=413)
    try:
        outcome = await bounces.postmark_event(config, json.loads(body))
    except (ValueError, UnicodeDecodeError) as exc:  # json.JSONDecodeError is a ValueError
        return JSONResponse({"error": f"not a Postmark bounce event: {exc}"}, status_code=400)
    return JSONResponse({"received": True, "outcome": outcome})


async def dsn_webhook(request: Request) -> JSONResponse:
    """One raw bounce or complaint message for one hub: an RFC 3464 delivery status notification (or
    another bounce format), or an RFC 5965 feedback report."""
    config = await bounces.authenticated_settings(request.path_params["hub_id"], request.headers.get("authorization"))
    if config is None:
        return _unauthorized()
    body = await _bounce_body(request)
    if body is None:
        return JSONResponse({"error": f"at most {MAX_BOUNCE_BYTES} bytes"}, status_code=413)
    if not body.strip():
        return JSONResponse({"error": "the bounce message is empty"}, status_code=400)
    try:
        feedback_type, suppressed = await bounces.raw_report(config, body)
    except bounces.UnreadableBounce as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    if feedback_type is not None:
        return JSONResponse({"received": True, "feedbackType": feedback_type, "suppressed": suppressed})
    return JSONResponse({"received": True, "suppressed": suppressed})


UNSUBSCRIBE_ROUTES = [
    Route("/email/bounces/{hub_id}/postmark", postmark_webhook, methods=["POST"]),
    Route("/email/bounces/{hub_id}/dsn", dsn_webhook, methods=["POST"]),
    Route("/email/unsubscribe/{token}", unsubscribe, methods=["GET", "POST"]),
    Route("/email/o/{token}", opened, methods=["GET"]),
    Route("/email/c/{token}", clicked, methods=["GET"]),
]
