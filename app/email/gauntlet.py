"""The send-time gauntlet: may this marketing mail go to this contact, now?

Evaluated per recipient when the mail is about to be sent, never when it was scheduled: a contact
who unsubscribed, bounced, was banned or left the audience in between is skipped, with a reason.
One statement answers a whole batch. Reasons, in the order they are checked:

- `invalid_address`: the address does not parse (email-validator, no network);
- `suppressed`: a suppression of the address covers this mail (bounce, complaint, unsubscribe of
  the team's marketing, this hub's or this drip's mail);
- `banned`: the contact is banned in the sending hub;
- `no_consent`: the contact said no to marketing: their hub membership's notification preference
  `marketing` is false, or their custom property `marketing_consent` is false;
- `left_audience`: no longer in any audience segment, or now in an exclusion segment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tortoise import connections

from app.email.addresses import normalise_or_none

GAUNTLET_SQL = """
SELECT tc.id AS contact_id, tc.email,
  CASE
    WHEN EXISTS (
        SELECT 1 FROM email_suppressions s
        WHERE s.team_id = $1 AND s.email = lower(tc.email)
          AND (s.scope IN ('all', 'marketing') OR (s.scope = 'hub' AND s.scope_ref = $2)
               OR (s.scope = 'drip' AND s.scope_ref = $6 AND $6 <> 0))) THEN 'suppressed'
    WHEN hm.banned THEN 'banned'
    WHEN hm.notification_preferences->>'marketing' = 'false' OR tc.custom->>'marketing_consent' = 'false'
      THEN 'no_consent'
    WHEN cardinality($4::bigint[]) > 0 AND NOT EXISTS (
        SELECT 1 FROM segment_memberships m
        WHERE m.team_id = $1 AND m.segment_id = ANY($4::bigint[]) AND m.team_contact_id = tc.id) THEN 'left_audience'
    WHEN EXISTS (
        SELECT 1 FROM segment_memberships m
        WHERE m.team_id = $1 AND m.segment_id = ANY($5::bigint[]) AND m.team_contact_id = tc.id) THEN 'left_audience'
  END AS reason
FROM team_contacts tc
LEFT JOIN hub_memberships hm ON hm.hub_id = $2 AND hm.team_contact_id = tc.id
WHERE tc.team_id = $1 AND tc.id = ANY($3::bigint[])
"""


@dataclass(frozen=True)
class Verdict:
    contact_id: int
    address: str | None  # the normalised address to send to, when it may be sent
    reason: str | None  # why not, or None


async def check_recipients(
    team_id: int, hub_id: int, contact_ids: Sequence[int], *, include: Sequence[int] = (),
    exclude: Sequence[int] = (), drip_id: int = 0, conn: Any | None = None,
) -> dict[int, Verdict]:
    """A verdict for each contact id (a contact gone from the team is `missing`). `include` empty
    means no audience check (a drip's step checks its own exit conditions)."""
    db = conn or connections.get("default")
    rows = await db.execute_query_dict(
        GAUNTLET_SQL, [team_id, hub_id, list(contact_ids), list(include), list(exclude), drip_id]
    )
    verdicts: dict[int, Verdict] = {}
    for row in rows:
        address = normalise_or_none(row["email"])
        reason = "invalid_address" if address is None else row["reason"]
        verdicts[row["contact_id"]] = Verdict(row["contact_id"], address if reason is None else None, reason)
    for contact_id in contact_ids:
        verdicts.setdefault(contact_id, Verdict(contact_id, None, "missing"))
    return verdicts
