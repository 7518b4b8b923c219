"""closure: items tracked to closure; an item due in the period is done by its deadline, or it fails."""

from __future__ import annotations

from datetime import date
from typing import Any

from docctl.controls.context import ComplyContext, select
from docctl.controls.model import ERROR, Control, ControlResult, Failure, outcome
from docctl.dates import parse_date
from docctl.fields import get_path
from docctl.model import Document

DONE = ("closed",)


def evaluate(control: Control, ctx: ComplyContext) -> ControlResult:
    records, problems = select(control, ctx)
    if problems:
        return ControlResult(control, ERROR, (), tuple(problems))
    evidence: list[Document] = []
    failures: list[Failure] = []
    notes: list[Failure] = []
    for rec in records:
        tracked = False
        for label, due, done in _items(rec, control):
            if due is None or due not in ctx.period:
                continue
            args = {"item": label, "due": due.isoformat()}
            tracked = tracked or done is not None or due < ctx.today
            if done is None and due < ctx.today:
                failures.append(Failure("closure-overdue", args | {"days": (ctx.today - due).days}, rec.id))
            elif done is None:
                notes.append(Failure("closure-pending", args, rec.id))
            elif done > due:
                failures.append(Failure("closure-late", args | {"done": done.isoformat()}, rec.id))
        if tracked:
            evidence.append(rec)
    return ControlResult(control, outcome(evidence, failures), tuple(evidence), tuple(failures), tuple(notes))


def _items(rec: Document, control: Control) -> list[tuple[str, date | None, date | None]]:
    due_field = str(control.get("due", "due"))
    items_field = control.get("items")
    if not items_field:
        done = rec.date("closed") if rec.status in DONE else None
        return [(due_field, parse_date(get_path(rec.meta, due_field)), done)]
    items = get_path(rec.meta, str(items_field))
    if not isinstance(items, list):
        return []
    done_field = str(control.get("done", "done"))
    return [(_label(items_field, i, item), parse_date(get_path(item, due_field)),
             parse_date(get_path(item, done_field)))
            for i, item in enumerate(items) if isinstance(item, dict)]


def _label(field: Any, index: int, item: dict[str, Any]) -> str:
    text = str(item.get("action") or item.get("description") or "")
    return f"{field}[{index}] {text[:24]}".rstrip()
