"""deadline: from one date of a record to another, at most N working days (China's calendar) or N days."""

from __future__ import annotations

from datetime import date, timedelta

from docctl.controls.context import ComplyContext, select
from docctl.controls.model import ERROR, Control, ControlResult, Failure, Fields, outcome
from docctl.dates import parse_date
from docctl.fields import get_path
from docctl.model import Document
from docctl.workdays import CalendarUnknown, add_working_days, working_days_between


def evaluate(control: Control, ctx: ComplyContext) -> ControlResult:
    records, problems = select(control, ctx)
    if problems:
        return ControlResult(control, ERROR, (), tuple(problems))
    evidence: list[Document] = []
    failures: list[Failure] = []
    notes: list[Failure] = []
    for rec in records:
        start = ctx.day(rec, str(control.get("from")))
        if start is None or start not in ctx.period:
            continue
        try:
            _one(control, ctx, rec, start, evidence, failures, notes)
        except CalendarUnknown as exc:
            failures.append(Failure("cannot-calendar", {"year": exc.day.year}, rec.id))
    return ControlResult(control, outcome(evidence, failures), tuple(evidence), tuple(failures), tuple(notes))


def _one(control: Control, ctx: ComplyContext, rec: Document, start: date, evidence: list[Document],
         failures: list[Failure], notes: list[Failure]) -> None:
    working = control.get("working_days") is not None
    limit = int(control.get("working_days") if working else control.get("days", 0))
    unit = "working" if working else "calendar"
    end = parse_date(get_path(rec.meta, str(control.get("to"))))
    args = {"start": start.isoformat(), "limit": limit, "unit": unit,
            "from": Fields(control.record, (str(control.get("from")),)),
            "to": Fields(control.record, (str(control.get("to")),))}
    if end is None:
        due = add_working_days(start, limit) if working else start + timedelta(days=limit)
        if due < ctx.today:
            evidence.append(rec)
            failures.append(Failure("deadline-open", args | {"due": due.isoformat()}, rec.id))
        else:
            notes.append(Failure("deadline-pending", args | {"due": due.isoformat()}, rec.id))
        return
    used = working_days_between(start, end) if working else (end - start).days
    evidence.append(rec)
    if used > limit:
        failures.append(Failure("deadline-late", args | {"end": end.isoformat(), "used": used}, rec.id))
