"""required-when: fields that must be filled once a record is in a state (a CEL condition)."""

from __future__ import annotations

from docctl.controls.context import ComplyContext, in_period, select
from docctl.controls.expr import ExpressionError
from docctl.controls.model import ERROR, Control, ControlResult, Failure, Fields, outcome
from docctl.fields import get_path, is_empty
from docctl.model import Document


def evaluate(control: Control, ctx: ComplyContext) -> ControlResult:
    records, problems = select(control, ctx)
    if problems:
        return ControlResult(control, ERROR, (), tuple(problems))
    when = str(control.get("when"))
    fields = [str(f) for f in control.get("fields") or []]
    evidence: list[Document] = []
    failures: list[Failure] = []
    for rec in records:
        if not in_period(rec, ctx):
            continue
        try:
            if not ctx.holds(when, rec):
                continue
        except ExpressionError as exc:
            failures.append(Failure("cannot-evaluate", {"expr": when, "error": exc.problem}, rec.id))
            break
        evidence.append(rec)
        missing = [f for f in fields if is_empty(get_path(rec.meta, f))]
        if missing:
            failures.append(Failure("required-missing", {"title": control.title or control.id, "when": when,
                                                         "fields": Fields(control.record, tuple(missing))}, rec.id))
    return ControlResult(control, outcome(evidence, failures), tuple(evidence), tuple(failures))
