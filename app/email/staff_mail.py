"""Mail to staff (not to contacts): the team invitation, through a hub's SMTP settings.

Staff are no hub's contacts, so this does not go through the contact outbox: it is sent at once
with the settings of the team's first hub that has them. No such hub: nothing is sent and the
inviter passes on the link the mutation returned.
"""

from __future__ import annotations

import html
import logging

from app.email.models import EmailSettings
from app.email.rendering import RenderedMessage
from app.email.smtp import SmtpFailure, build_message, deliver_message
from app.teams.models import Team, TeamRole

log = logging.getLogger("memberhub.email")


async def send_staff_invitation(team: Team, to: str, url: str, role: TeamRole, inviter: str | None) -> bool:
    config = await EmailSettings.filter(team_id=team.id).order_by("id").first()
    if config is None:
        log.info("invitation to %s not mailed: team %s has no email settings", to, team.id)
        return False
    by = f"{inviter} invited you" if inviter else "You are invited"
    rendered = RenderedMessage(
        subject=f"Join {team.name} on MemberHub",
        html=(f"<p>{html.escape(by)} to join <b>{html.escape(team.name)}</b> as {role.value}.</p>"
              f'<p><a href="{html.escape(url)}">Accept the invitation</a> (within 7 days).</p>'),
        text=f"{by} to join {team.name} as {role.value}.\n\nAccept within 7 days: {url}\n",
    )
    message = build_message(config, to, rendered)
    try:
        await deliver_message(config, message)
    except SmtpFailure as exc:
        log.warning("invitation to %s not mailed: %s", to, exc)
        return False
    return True
