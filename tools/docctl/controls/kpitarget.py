"""kpi-target: each indicator of a plan meets its target in each of its periods."""

from __future__ import annotations

from docctl.controls.context import ComplyContext
from docctl.controls.model import FAIL, NO_EVIDENCE, PASS, Control, ControlResult, Failure
from docctl.kpi.attainment import Attainment, attainment, measurements_by_indicator
from docctl.kpi.indicators import indicators_of, number


def evaluate(control: Control, ctx: ComplyContext) -> ControlResult:
    plan = ctx.repo.get(str(control.get("plan") or control.doc.id))
    if plan is None:
        return ControlResult(control, "error", (), (Failure("cannot-plan", {"plan": control.get("plan")}),))
    wanted = control.get("indicators")
    indicators = [i for i in indicators_of(plan) if not wanted or i.id in wanted]
    measured = ctx.groups.get(("kpi-measurement", ctx.org_name(plan.org)), [])
    by_indicator = measurements_by_indicator(plan, measured)
    results = [attainment(i, by_indicator.get(i.id, []), ctx.period) for i in indicators]
    evidence = tuple(m.record for a in results for m in a.measurements if m.record is not None)
    failures = tuple(f for a in results for f in _failures(a))
    notes = tuple(Failure("kpi-unmeasured", {"indicator": a.indicator.id, "name": a.indicator.name,
                                             "periods": "、".join(m.period for m in a.measurements
                                                                  if m.record is None)})
                  for a in results if any(m.record is None for m in a.measurements))
    status = FAIL if failures else NO_EVIDENCE if notes or not evidence else PASS
    return ControlResult(control, status, evidence, failures, notes)


def _failures(result: Attainment) -> list[Failure]:
    ind = result.indicator
    return [Failure("kpi-below", {"indicator": ind.id, "name": ind.name, "period": m.period,
                                  "value": number(round(m.value or 0, 2)), "unit": m.unit(ind.target.unit),
                                  "target": ind.target.text()},
                    m.record.id if m.record else "")
            for m in result.measurements if m.met is False]
