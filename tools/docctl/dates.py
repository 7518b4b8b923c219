"""Dates and ISO 8601 durations as the documents write them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta

_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")
_LEGACY = re.compile(r"^\s*(\d{4})\s*[.年/]\s*(\d{1,2})\s*[.月/]\s*(\d{1,2})\s*日?\s*$")


@dataclass(frozen=True)
class Duration:
    years: int = 0
    months: int = 0
    days: int = 0
    text: str = ""

    def after(self, start: date) -> date:
        """`start` plus this duration; past the calendar's end (year 9999) it is `date.max`."""
        try:
            result: date = start + relativedelta(years=self.years, months=self.months, days=self.days)
        except (OverflowError, ValueError):
            return date.max
        return result


def parse_duration(text: str) -> Duration | None:
    """`P1Y`, `P6M`, `P2W`, `P30D` and their combinations; None if not such a duration."""
    m = _DURATION.match(text.strip()) if isinstance(text, str) else None
    if not m or text.strip() == "P":
        return None
    y, mo, w, d = (int(g) if g else 0 for g in m.groups())
    return Duration(y, mo, d + 7 * w, text.strip())


def parse_date(value: Any) -> date | None:
    """An ISO date from front matter (kept as text by the loader), or None."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def legacy_to_iso(value: str) -> str | None:
    """`2025.1.7`, `2025. 1. 7`, `2025年1月7日` → `2025-01-07`; None if not such a date."""
    m = _LEGACY.match(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None
