"""Time in rules: relative windows against now, calendar periods and dates in the team's time zone."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

UNITS: dict[str, timedelta] = {
    "minutes": timedelta(minutes=1),
    "hours": timedelta(hours=1),
    "days": timedelta(days=1),
    "weeks": timedelta(weeks=1),
    # Calendar units: the same local wall time N months / years back (see `window_start`); these
    # spans are only their longest length, for the limit on windows.
    "months": timedelta(days=31),
    "years": timedelta(days=366),
}
CALENDAR_UNITS = {"months": 1, "years": 12}
UNIT_ALIASES = {
    "minute": "minutes", "minutes": "minutes", "hour": "hours", "hours": "hours",
    "day": "days", "days": "days", "week": "weeks", "weeks": "weeks",
    "month": "months", "months": "months", "year": "years", "years": "years",
}
MAX_WINDOW = timedelta(days=36_600)
CALENDAR_WORDS = (
    "today", "yesterday", "this week", "last week", "this month", "last month", "this year", "last year",
)
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
MONTH_RE = re.compile(r"^[0-9]{4}-[0-9]{2}$")


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def window_start(amount: int, unit: str, now: datetime, tz: ZoneInfo | None = None) -> datetime:
    """The start of a relative window: an exact instant. Fixed units subtract a duration; months and
    years go back to the same wall time in the team's zone (the 31st clamps to the month's last day)."""
    if unit not in CALENDAR_UNITS:
        return now - UNITS[unit] * amount
    local = now.astimezone(tz or ZoneInfo("UTC"))
    index = local.year * 12 + local.month - 1 - amount * CALENDAR_UNITS[unit]
    year, month = index // 12, index % 12 + 1
    last_day = (_add_months(date(year, month, 1), 1) - timedelta(days=1)).day
    return local.replace(year=year, month=month, day=min(local.day, last_day))


def is_period(value: object) -> bool:
    """A calendar word, a day (2026-03-01) or a month (2026-03)."""
    if not isinstance(value, str):
        return False
    if value in CALENDAR_WORDS:
        return True
    try:
        if DATE_RE.match(value):
            date.fromisoformat(value)
            return True
        if MONTH_RE.match(value):
            date.fromisoformat(value + "-01")
            return True
    except ValueError:
        return False
    return False


def _local_midnight(day: date, tz: ZoneInfo) -> datetime:
    # Local midnight exists on every DST change in the zones we know (changes happen at 01:00-03:00).
    return datetime.combine(day, time(), tzinfo=tz)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def period_range(value: str, now: datetime, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """[start, end) of a period, as aware datetimes; days are local days, so 23 or 25 hours around DST."""
    today = now.astimezone(tz).date()
    if value == "today":
        first, last = today, today + timedelta(days=1)
    elif value == "yesterday":
        first, last = today - timedelta(days=1), today
    elif value in ("this week", "last week"):
        monday = today - timedelta(days=today.weekday())
        if value == "last week":
            monday -= timedelta(days=7)
        first, last = monday, monday + timedelta(days=7)
    elif value in ("this month", "last month"):
        first = today.replace(day=1)
        if value == "last month":
            first = _add_months(first, -1)
        last = _add_months(first, 1)
    elif value in ("this year", "last year"):
        year = today.year - (1 if value == "last year" else 0)
        first, last = date(year, 1, 1), date(year + 1, 1, 1)
    elif MONTH_RE.match(value):
        first = date.fromisoformat(value + "-01")
        last = _add_months(first, 1)
    else:
        first = date.fromisoformat(value)
        last = first + timedelta(days=1)
    return _local_midnight(first, tz), _local_midnight(last, tz)


def local_date_start(value: str, tz: ZoneInfo) -> datetime:
    """A custom date property (YYYY-MM-DD) as the start of that local day."""
    return _local_midnight(date.fromisoformat(value), tz)
