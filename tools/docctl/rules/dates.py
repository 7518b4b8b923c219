"""Dates in order: prepared ≤ reviewed ≤ approved ≤ effective, on the cover and in every history row."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from docctl.findings import Finding
from docctl.messages import labels
from docctl.model import Document
from docctl.rules.context import CheckContext

COVER_ORDER = ("prepared", "reviewed", "approved", "effective")
ROW_ORDER = ("date", "reviewed", "approved", "effective")


def check(ctx: CheckContext) -> Iterator[Finding]:
    for doc in ctx.repo.documents:
        yield from _ordered(ctx, doc, (), COVER_ORDER, doc.date)
        for row in doc.history:
            yield from _ordered(ctx, doc, ("history", row.index), ROW_ORDER, row.day)


def _ordered(ctx: CheckContext, doc: Document, prefix: tuple[str | int, ...], names: tuple[str, ...],
             day: Callable[[str], date | None]) -> Iterator[Finding]:
    latest: tuple[str, date] | None = None
    for name in names:
        value = day(name)
        if value is None:
            continue
        if latest is not None and value < latest[1]:
            early, late = labels(latest[0]), labels(name)
            yield ctx.finding(doc, (*prefix, name), "date-order", later=value.isoformat(),
                              earlier=latest[1].isoformat(), later_label=late["label"],
                              later_en=late["label_en"], earlier_label=early["label"],
                              earlier_en=early["label_en"])
        if latest is None or value >= latest[1]:
            latest = (name, value)
