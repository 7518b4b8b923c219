"""Working days in China's calendar: official holidays and the 调休 make-up workdays (chinese-calendar)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import chinese_calendar


class CalendarUnknown(Exception):
    """chinese-calendar has no data for this year (each release covers the years published so far)."""

    def __init__(self, day: date) -> None:
        super().__init__(f"no official calendar for {day.year} in chinese-calendar")
        self.day = day


@lru_cache(maxsize=8192)
def is_workday(day: date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError as exc:
        raise CalendarUnknown(day) from exc


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    count = 0
    day = start + timedelta(days=1)
    while day <= end:
        count += is_workday(day)
        day += timedelta(days=1)
    return count


def add_working_days(start: date, n: int) -> date:
    """The day on which `n` working days after `start` have passed (start itself when n == 0)."""
    day = start
    while n > 0:
        day += timedelta(days=1)
        n -= is_workday(day)
    return day
