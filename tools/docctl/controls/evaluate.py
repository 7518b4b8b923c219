"""`comply`: every control of every current policy against the records of one period."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from docctl.controls import closure, condition, deadline, independence, kpitarget, occurrence, required, retention
from docctl.controls.context import ComplyContext
from docctl.controls.expr import ExpressionError
from docctl.controls.integrity import Integrity, integrity, placeholder
from docctl.controls.inventory import ClauseEvidence, evidence_inventory
from docctl.controls.model import ERROR, STATUSES, Control, ControlResult, Failure, controls_of
from docctl.findings import Finding
from docctl.inforce import in_force
from docctl.model import Repository
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
    "condition": condition.evaluate,
    "retention": retention.evaluate,
}


@dataclass(frozen=True)
class ComplyReport:
    period: Period
    results: list[ControlResult]
    inventory: list[ClauseEvidence]
    load_findings: tuple[Finding, ...] = ()  # files that did not load cleanly: the evidence is incomplete

    @property
    def failed(self) -> bool:
        return bool(self.load_findings) or any(r.failed for r in self.results)


def all_controls(repo: Repository) -> list[Control]:
    """The controls of every document in force, also while its next version is being prepared (the
    file's controls then: a revision that changes them is reviewed before it takes effect)."""
    return [c for doc in repo.documents if in_force(doc) is not None for c in controls_of(doc)]


def comply(repo: Repository, period: Period) -> ComplyReport:
    ctx = ComplyContext(repo, period)
    state = integrity(repo)
    results = [guarded(c, ctx, state) for c in all_controls(repo)]
    results += [unreadable_policy(path) for path in state.unparsed_policies]
    return ComplyReport(period, results, evidence_inventory(repo, results, period), state.load_findings)


def guarded(control: Control, ctx: ComplyContext, state: Integrity) -> ControlResult:
    """A control is evaluated only on complete evidence and only when `check` accepts it."""
    failures = blockers(control, ctx, state)
    return ControlResult(control, ERROR, (), failures) if failures else evaluate_control(control, ctx)


def blockers(control: Control, ctx: ComplyContext, state: Integrity) -> tuple[Failure, ...]:
    if control.doc.path in state.policies:
        return (Failure("cannot-policy-file", {"file": control.doc.path}),)
    rejected = state.rejected.get((control.doc.path, control.index), ())
    if rejected:
        return tuple(Failure("cannot-check", {"message": f.message, "rule": f.rule,
                                                 "where": f.location()}) for f in rejected)
    failures = []
    if control.kind == "kpi-target":
        plan = ctx.repo.get(str(control.get("plan") or control.doc.id))
        if plan is not None and plan.path in state.policies:
            failures.append(Failure("cannot-policy-file", {"file": plan.path}))
    record_type = "kpi-measurement" if control.kind == "kpi-target" else control.record
    failures += [Failure("cannot-record-file", {"file": path, "type": record_type})
                 for path in state.broken_records(record_type)]
    return tuple(failures)


def unreadable_policy(path: str) -> ControlResult:
    control = Control(placeholder(path), 0, {})
    return ControlResult(control, ERROR, (), (Failure("cannot-policy-file", {"file": path}),))


def evaluate_control(control: Control, ctx: ComplyContext) -> ControlResult:
    evaluator = EVALUATORS.get(control.kind)
    if evaluator is None:
        return ControlResult(control, ERROR, (), (Failure("cannot-kind", {"kind": control.kind}),))
    try:
        return evaluator(control, ctx)
    except ExpressionError as exc:
        failure = Failure("cannot-evaluate", {"expr": "", "error": exc.problem})
    except CalendarUnknown as exc:
        failure = Failure("cannot-calendar", {"year": exc.day.year})
    return ControlResult(control, ERROR, (), (failure,))


def worst_first(results: list[ControlResult]) -> list[ControlResult]:
    return sorted(results, key=lambda r: (STATUSES.index(r.status), r.control.doc.id, r.control.index))
