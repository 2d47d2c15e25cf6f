"""Open and click tracking of campaign mail, off unless a hub turns it on (`trackOpens`, `trackClicks`).

Opens: a 1x1 GIF at `/email/o/<token>`. Clicks: every `href="http(s)://…"` of the HTML part (but
the unsubscribe link) goes through `/email/c/<token>?u=<url>&s=<signature>`, which records the click
and answers 302 to the URL. The signature covers the recipient and the exact URL, so the redirect
can never be turned into an open redirect to somewhere else. Tokens name only the recipient row.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import quote

from app.core.ids import parse_id_or_none
from app.core.links import public_link
from app.core.tokens import sign, verify_signature
from app.settings import get_settings

_OPEN = "email-open:"
_CLICK = "email-click:"
_HREF = re.compile(r"""href=(["'])(https?://[^"']+)\1""", re.IGNORECASE)


def recipient_token(team_id: int, recipient_id: int) -> str:
    payload = f"{team_id}.{recipient_id}"
    return f"{payload}.{sign(get_settings().secret_key, _OPEN + payload)}"


def read_recipient_token(token: str) -> tuple[int, int] | None:
    parts = token.split(".")
    if len(parts) != 3:
        return None
    team_id, recipient_id = parse_id_or_none(parts[0]), parse_id_or_none(parts[1])
    if team_id is None or recipient_id is None:
        return None
    if not verify_signature(get_settings().secret_key, f"{_OPEN}{parts[0]}.{parts[1]}", parts[2]):
        return None
    return team_id, recipient_id


def click_signature(token: str, url: str) -> str:
    return sign(get_settings().secret_key, f"{_CLICK}{token}:{url}")


def click_ok(token: str, url: str, signature: str) -> bool:
    return verify_signature(get_settings().secret_key, f"{_CLICK}{token}:{url}", signature)


def add_tracking(html: str, token: str, *, opens: bool, clicks: bool, skip: str = "") -> str:
    if clicks:
        def rewrite(match: re.Match[str]) -> str:
            url = unescape(match.group(2))
            if skip and url == skip:
                return match.group(0)
            tracked = public_link(f"/email/c/{token}?u={quote(url, safe='')}&s={click_signature(token, url)}")
            return f'href="{tracked.replace("&", "&amp;")}"'

        html = _HREF.sub(rewrite, html)
    if opens:
        pixel = f'<img src="{public_link(f"/email/o/{token}")}" width="1" height="1" alt="">'
        index = html.lower().rfind("</body>")
        html = html[:index] + pixel + html[index:] if index >= 0 else html + pixel
    return html
