"""Links that leave the server in mail (unsubscribe, magic links, tracking): the public URL.

Outside development and test a link must be HTTPS: a mail client shows no one-click unsubscribe
for an http link, and a sign-in code must not cross the network in clear. A deployment that
forgot to set MEMBERHUB_PUBLIC_URL gets an error at send time (and from `memberhub doctor`),
never a mail with a link that leaks or does not work.
"""

from __future__ import annotations

from urllib.parse import urlparse

from app.settings import Settings, get_settings

DEVELOPMENT_ENVIRONMENTS = frozenset({"development", "test"})


class InsecureLinks(RuntimeError):
    """MEMBERHUB_PUBLIC_URL is not https in an environment that sends real mail."""


def public_link(path: str, settings: Settings | None = None) -> str:
    """`path` (starting with "/") under the public URL; raises InsecureLinks where it must be https."""
    settings = settings or get_settings()
    base = settings.public_url.rstrip("/")
    if settings.environment not in DEVELOPMENT_ENVIRONMENTS and urlparse(base).scheme != "https":
        raise InsecureLinks(f"MEMBERHUB_PUBLIC_URL ({base}) must be an https URL outside development and test: "
                            "links in mail are sent with it")
    return f"{base}{path}"
