"""Mail to staff (not to contacts): the team invitation, through the email outbox.

Staff are no hub's contacts, so the send has no contact: it is an outbox row addressed to the
invitee (`send_staff_mail`), delivered by the worker with the SMTP settings of the team's first
hub that has them, retried like any transactional mail, with the accept link sealed in the row
and wiped once the mail is final. No such hub: nothing is queued and the inviter passes on the
link the mutation returned.
"""

from __future__ import annotations

import logging

from app.email.models import EmailSettings
from app.email.service import send_staff_mail
from app.teams.models import Team, TeamRole

log = logging.getLogger("memberhub.email")
INVITATION = "team_invitation"


async def send_staff_invitation(team: Team, to: str, url: str, role: TeamRole, inviter: str | None) -> bool:
    """Queue the invitation; True when it is on its way (the outbox delivers and retries it)."""
    config = await EmailSettings.filter(team_id=team.id).order_by("id").first()
    if config is None:
        log.info("invitation to %s not mailed: team %s has no email settings", to, team.id)
        return False
    await send_staff_mail(team.id, config.hub_id, to, INVITATION,
                          {"team_name": team.name, "role": role.value, "inviter": inviter or ""},
                          secret={"accept_url": url})
    return True
