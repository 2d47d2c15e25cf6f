"""A report's period: calendar days of the team's time zone, checked once, turned into instants.

A day is the team's local calendar day, so a DST day has 23 or 25 hours: the instants come from
`zoneinfo` (start of `start`, start of the day after `end`), never from adding 24 hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.core.errors import FieldError, ValidationFailed

MAX_DAYS = 731  # two years of days, a leap year included
EARLIEST, LATEST = date(1970, 1, 1), date(2200, 12, 31)  # far enough; and the day after `end` always exists


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"  # ISO weeks, starting on Monday
    MONTH = "month"


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    granularity: Granularity
    time_zone: str
    starts_at: datetime  # the first instant of `start` in the time zone
    ends_at: datetime  # the first instant after `end`, or now if that is earlier ("as at")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def bucket_of(self, day: date) -> date:
        """The first day of the bucket `day` falls in, never before the period's start."""
        if self.granularity == Granularity.WEEK:
            first = day - timedelta(days=day.weekday())
        elif self.granularity == Granularity.MONTH:
            first = day.replace(day=1)
        else:
            first = day
        return max(first, self.start)

    def day_list(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(self.days)]


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")  # a team's stored zone is checked where it is set; never fail a report on it


def local_midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=tz).astimezone(UTC)


def today_in(time_zone: str, now: datetime | None = None) -> date:
    return (now or datetime.now(UTC)).astimezone(zone(time_zone)).date()


def make_period(start: date, end: date, granularity: Granularity, time_zone: str,
                now: datetime | None = None) -> Period:
    errors: list[FieldError] = [
        FieldError(name, f"{name} must be between {EARLIEST} and {LATEST}", "INVALID_DATE")
        for name, day in (("start", start), ("end", end)) if not EARLIEST <= day <= LATEST
    ]
    if errors:
        raise ValidationFailed(errors)
    if end < start:
        errors.append(FieldError("end", "the period ends before it starts", "INVALID_PERIOD"))
    elif (end - start).days + 1 > MAX_DAYS:
        errors.append(FieldError("end", f"a period is at most {MAX_DAYS} days", "PERIOD_TOO_LONG"))
    if errors:
        raise ValidationFailed(errors)
    tz = zone(time_zone)
    now = now or datetime.now(UTC)
    ends_at = min(local_midnight(end + timedelta(days=1), tz), now)
    starts_at = local_midnight(start, tz)
    return Period(start=start, end=end, granularity=granularity, time_zone=tz.key, starts_at=starts_at,
                  ends_at=max(ends_at, starts_at))
