"""The shape that `condition` and `required-when` share: judge every record the control selects in the
period on its own, one expression error ends the run (the rest would fail the same way)."""

from __future__ import annotations

from collections.abc import Callable

from docctl.controls.context import ComplyContext, in_period, select
from docctl.controls.expr import ExpressionError
from docctl.controls.model import ERROR, Control, ControlResult, Failure, outcome
from docctl.model import Document

# A record's verdict: (does the control apply to it, so that it is evidence; its failure, or None)
Judge = Callable[[Document], tuple[bool, Failure | None]]


def judge_each(control: Control, ctx: ComplyContext, expr: str, judge: Judge) -> ControlResult:
    """`judge(rec)` says whether the record is evidence and its failure, if any; it may raise
    ExpressionError, reported as the control's `cannot-evaluate` on that record."""
    records, problems = select(control, ctx)
    if problems:
        return ControlResult(control, ERROR, (), tuple(problems))
    evidence: list[Document] = []
    failures: list[Failure] = []
    for rec in records:
        if not in_period(rec, ctx):
            continue
        try:
            applies, failure = judge(rec)
        except ExpressionError as exc:
            failures.append(Failure("cannot-evaluate", {"expr": expr, "error": exc.problem}, rec.id))
            break
        if applies:
            evidence.append(rec)
        if failure is not None:
            failures.append(failure)
    return ControlResult(control, outcome(evidence, failures), tuple(evidence), tuple(failures))
