"""Reporting periods: a year (2025), a half (2025-H1), a quarter (2025-Q3) or a month (2025-07)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from docctl.errors import UsageError

GRAINS = ("year", "half", "quarter", "month")
_PERIOD = re.compile(r"^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$")
_MONTHS = {"year": 12, "half": 6, "quarter": 3, "month": 1}
LABELS_ZH = {"year": "年度", "half": "半年", "quarter": "季度", "month": "月度"}


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date  # inclusive
    label: str

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def parse_period(text: str) -> Period:
    m = _PERIOD.match(text.strip()) if isinstance(text, str) else None
    if not m:
        raise UsageError(f"period '{text}': expected 2025, 2025-H1, 2025-Q3 or 2025-07 "
                         "(期间格式：2025、2025-H1、2025-Q3 或 2025-07)")
    year, part = int(m.group(1)), m.group(2)
    if part is None:
        return _span(year, 1, 12, str(year))
    if part[0] == "H":
        first = 1 + 6 * (int(part[1]) - 1)
        return _span(year, first, 6, f"{year}-{part}")
    if part[0] == "Q":
        first = 1 + 3 * (int(part[1]) - 1)
        return _span(year, first, 3, f"{year}-{part}")
    return _span(year, int(part), 1, f"{year}-{part}")


def grain_of(period: Period) -> str:
    months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
    return {12: "year", 6: "half", 3: "quarter", 1: "month"}.get(months, "year")


def _span(year: int, first_month: int, months: int, label: str) -> Period:
    start = date(year, first_month, 1)
    last = first_month + months - 1
    end = date(year + last // 12, last % 12 + 1, 1) - timedelta(days=1)
    return Period(start, end, label)


def buckets(period: Period, grain: str) -> list[Period]:
    """The periods of a grain (year, half, quarter, month) that lie inside `period`."""
    result = []
    for year in range(period.start.year, period.end.year + 1):
        for first in range(1, 13, _MONTHS[grain]):
            label = _label(year, first, grain)
            p = _span(year, first, _MONTHS[grain], label)
            if p.start >= period.start and p.end <= period.end:
                result.append(p)
    return result


def _label(year: int, first_month: int, grain: str) -> str:
    if grain == "year":
        return str(year)
    if grain == "half":
        return f"{year}-H{1 + (first_month - 1) // 6}"
    if grain == "quarter":
        return f"{year}-Q{1 + (first_month - 1) // 3}"
    return f"{year}-{first_month:02d}"
