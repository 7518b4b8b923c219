"""Attainment: each indicator against its target, for each period of its grain inside a reporting period."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from docctl.controls.model import FAIL, NO_EVIDENCE, PASS
from docctl.kpi.indicators import Indicator
from docctl.model import Document
from docctl.periods import Period, buckets


@dataclass(frozen=True)
class Measurement:
    period: str
    record: Document | None
    value: float | None
    met: bool | None

    def unit(self, default: str) -> str:
        """The unit the measurement record gives, else the target's."""
        unit = self.record.meta.get("unit") if self.record is not None else None
        return unit if isinstance(unit, str) else default

    @property
    def over_100(self) -> bool:
        return self.value is not None and self.value > 100.0 + 1e-9


@dataclass(frozen=True)
class Attainment:
    indicator: Indicator
    measurements: tuple[Measurement, ...]

    @property
    def status(self) -> str:
        if any(m.met is False for m in self.measurements):
            return FAIL
        if not self.measurements or any(m.record is None for m in self.measurements):
            return NO_EVIDENCE
        return PASS


def measurements_by_indicator(plan: Document, records: Iterable[Document]) -> dict[str, list[Document]]:
    result: dict[str, list[Document]] = defaultdict(list)
    for rec in records:
        if rec.type == "kpi-measurement" and rec.meta.get("plan") == plan.id and rec.status != "cancelled":
            result[str(rec.meta.get("indicator"))].append(rec)
    return result


def attainment(indicator: Indicator, records: list[Document], period: Period) -> Attainment:
    by_period = {str(r.meta.get("period")): r for r in records}
    rows = []
    for bucket in buckets(period, indicator.period):
        rec = by_period.get(bucket.label)
        value = _value(rec)
        met = indicator.target.met(value) if value is not None else None
        rows.append(Measurement(bucket.label, rec, value, met))
    return Attainment(indicator, tuple(rows))


def _value(rec: Document | None) -> float | None:
    if rec is None:
        return None
    value = rec.meta.get("value")
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
