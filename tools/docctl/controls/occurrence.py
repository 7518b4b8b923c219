"""occurrence: at least `min` records of a type in each period (`per`), optionally in a given month."""

from __future__ import annotations

from datetime import date

from docctl.controls.context import ComplyContext, select
from docctl.controls.model import ERROR, FAIL, NO_EVIDENCE, PASS, Control, ControlResult, Failure
from docctl.model import Document
from docctl.periods import Period, buckets


def evaluate(control: Control, ctx: ComplyContext) -> ControlResult:
    records, problems = select(control, ctx)
    if problems:
        return ControlResult(control, ERROR, (), tuple(problems))
    minimum = int(control.get("min", 1))
    month = control.get("month")
    effective = control.doc.date("effective")
    evidence: list[Document] = []
    failures: list[Failure] = []
    notes: list[Failure] = []
    due_buckets = 0
    for bucket in buckets(ctx.period, str(control.get("per", "year"))):
        if effective and bucket.end < effective:
            continue
        inside = _dated_in(ctx, records, bucket, str(control.get("date", "date")))
        hits = [r for r, day in inside if month is None or day.month == month]
        evidence.extend(hits)
        if len(hits) >= minimum:
            due_buckets += 1
            continue
        if bucket.end >= ctx.today:
            args = {"period": bucket.label, "count": len(hits), "min": minimum}
            notes.append(Failure("pending-period", args))
            continue
        due_buckets += 1
        failures.append(_missing(bucket, hits, inside, minimum, month))
    status = FAIL if failures else PASS if due_buckets else NO_EVIDENCE
    return ControlResult(control, status, tuple(evidence), tuple(failures), tuple(notes))


def _dated_in(ctx: ComplyContext, records: list[Document], bucket: Period,
              field: str) -> list[tuple[Document, date]]:
    found: list[tuple[Document, date]] = []
    for rec in records:
        day = ctx.day(rec, field)
        if day is not None and day in bucket:
            found.append((rec, day))
    return found


def _missing(bucket: Period, hits: list[Document], inside: list[tuple[Document, date]], minimum: int,
             month: object) -> Failure:
    others = [f"{r.id} ({day})" for r, day in inside if r not in hits]
    if month is not None:
        return Failure("occurrence-month", {"period": bucket.label, "count": len(hits), "min": minimum,
                                            "month": month, "others": "、".join(others) or "—"})
    return Failure("occurrence-missing", {"period": bucket.label, "count": len(hits), "min": minimum})
