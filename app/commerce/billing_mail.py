"""The hook through which billing events send mail; email sits above commerce.

`app/wiring.py` binds it to `app.email.service.send_transactional`. Mail is queued after the
billing transaction commits (from `Outbox.flush`), with a dedupe key, so a redelivered webhook
sends nothing twice. The hub's own template for the kind is used, else email's built-in one.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from app.core.errors import ValidationFailed

log = logging.getLogger("memberhub.commerce")

# (team_id, hub_id, contact_id, kind, context, *, dedupe_key) -> anything
SendHook = Callable[..., Awaitable[Any]]
_hook: SendHook | None = None

TRIAL_WILL_END = "trial_will_end"


@dataclass(frozen=True)
class BillingMail:
    hub_id: int
    contact_id: int
    kind: str
    context: dict[str, Any]
    dedupe_key: str


def on_billing_mail(hook: SendHook) -> None:
    global _hook
    _hook = hook


async def send_billing_mail(team_id: int, mail: BillingMail) -> bool:
    if _hook is None:
        log.warning("billing mail %s not sent: no mail hook is wired", mail.dedupe_key)
        return False
    try:
        await _hook(team_id, mail.hub_id, mail.contact_id, mail.kind, mail.context, dedupe_key=mail.dedupe_key)
    except ValidationFailed as exc:  # e.g. the hub has no template for this kind
        log.info("billing mail %s not sent: %s", mail.dedupe_key, exc)
        return False
    return True
