"""`comply`: every control of every current policy against the records of one period."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from docctl.controls import closure, deadline, independence, kpitarget, occurrence, required
from docctl.controls.context import ComplyContext
from docctl.controls.expr import ExpressionError
from docctl.controls.inventory import ClauseEvidence, evidence_inventory
from docctl.controls.model import ERROR, STATUSES, Control, ControlResult, Failure, controls_of
from docctl.model import CURRENT, Repository
from docctl.periods import Period
from docctl.workdays import CalendarUnknown

Evaluator = Callable[[Control, ComplyContext], ControlResult]
EVALUATORS: dict[str, Evaluator] = {
    "occurrence": occurrence.evaluate,
    "deadline": deadline.evaluate,
    "required-when": required.evaluate,
    "independence": independence.evaluate,
    "closure": closure.evaluate,
    "kpi-target": kpitarget.evaluate,
}


@dataclass(frozen=True)
class ComplyReport:
    period: Period
    results: list[ControlResult]
    inventory: list[ClauseEvidence]

    @property
    def failed(self) -> bool:
        return any(r.failed for r in self.results)


def all_controls(repo: Repository) -> list[Control]:
    return [c for doc in repo.documents if doc.status in CURRENT for c in controls_of(doc)]


def comply(repo: Repository, period: Period) -> ComplyReport:
    ctx = ComplyContext(repo, period)
    results = [evaluate_control(c, ctx) for c in all_controls(repo)]
    return ComplyReport(period, results, evidence_inventory(repo, results))


def evaluate_control(control: Control, ctx: ComplyContext) -> ControlResult:
    evaluator = EVALUATORS.get(control.kind)
    if evaluator is None:
        return ControlResult(control, ERROR, (), (Failure("cannot-kind", {"kind": control.kind}),))
    try:
        return evaluator(control, ctx)
    except (ExpressionError, CalendarUnknown) as exc:
        failure = Failure("cannot-evaluate", {"expr": "", "error": str(exc)})
        return ControlResult(control, ERROR, (), (failure,))


def worst_first(results: list[ControlResult]) -> list[ControlResult]:
    return sorted(results, key=lambda r: (STATUSES.index(r.status), r.control.doc.id, r.control.index))
