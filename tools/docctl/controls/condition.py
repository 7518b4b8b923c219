"""condition: every record the control looks at (its type, `where`, dated or closed in the period)
satisfies the CEL expression `require`, over the record `r` and the declaring `policy`."""

from __future__ import annotations

from docctl.controls.context import ComplyContext, in_period, select
from docctl.controls.expr import ExpressionError
from docctl.controls.model import ERROR, Control, ControlResult, Failure, outcome
from docctl.model import Document


def evaluate(control: Control, ctx: ComplyContext) -> ControlResult:
    records, problems = select(control, ctx)
    if problems:
        return ControlResult(control, ERROR, (), tuple(problems))
    require = str(control.get("require"))
    evidence: list[Document] = []
    failures: list[Failure] = []
    for rec in records:
        if not in_period(rec, ctx):
            continue
        try:
            ok = ctx.satisfies(require, rec, control.doc)
        except ExpressionError as exc:
            failures.append(Failure("cannot-evaluate", {"expr": require, "error": exc.problem}, rec.id))
            break
        evidence.append(rec)
        if not ok:
            args = {"title": control.title or control.id, "require": require}
            failures.append(Failure("condition-false", args, rec.id))
    return ControlResult(control, outcome(evidence, failures), tuple(evidence), tuple(failures))
