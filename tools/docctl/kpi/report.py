"""`docctl kpi` output: attainment per indicator and period, and the catalogue's lint warnings."""

from __future__ import annotations

import json
from typing import Any

from docctl.controls.report import MARK, load_lines, status_label
from docctl.findings import Finding, Severity
from docctl.kpi.attainment import Attainment
from docctl.kpi.indicators import number
from docctl.model import Repository


def unreadable_evidence(repo: Repository) -> list[Finding]:
    """Load findings of the files attainment depends on: plans (any policy) and measurement records."""
    wanted = {f.path for f in repo.findings if f.severity == Severity.ERROR and _evidence(f.path)}
    return sorted(f for f in repo.findings if f.path in wanted)


def _evidence(path: str) -> bool:
    return path.startswith("policies/") or path.startswith("records/kpi-measurement/")


def render_text(results: list[Attainment], lang: str, broken: list[Finding] | None = None) -> str:
    lines = load_lines(broken or [], lang)
    for path in dict.fromkeys(f.path for f in broken or []):
        lines.append(f"{MARK['error']} {status_label('error', lang)}  {path}: " + (
            "attainment is incomplete without this file" if lang == "en" else "缺少此文件，达成情况不完整"))
    if broken:
        lines.append("")
    for a in results:
        ind = a.indicator
        lines.append(f"{MARK[a.status]} {status_label(a.status, lang)}  {ind.plan.id} {ind.id} {ind.name} "
                     f"({'target' if lang == 'en' else '目标'} {ind.target.text()})")
        for m in a.measurements:
            shown = f"{number(round(m.value, 2))}{m.unit(ind.target.unit)}" if m.value is not None else "—"
            flag = "" if m.met is None else (" ✔" if m.met else " ✘")
            over = ""
            if m.over_100 and ind.target.unit == "%":
                over = " (> 100 %)" if lang == "en" else "（超过 100%）"
            lines.append(f"    {m.period}: {shown}{flag}{over}{'  ' + m.record.id if m.record else ''}")
    return "\n".join(lines) + "\n"


def as_data(results: list[Attainment]) -> list[dict[str, Any]]:
    return [{"plan": a.indicator.plan.id, "indicator": a.indicator.id, "name": a.indicator.name,
             "target": a.indicator.target.text(), "status": a.status,
             "measurements": [{"period": m.period, "value": m.value, "met": m.met, "over_100": m.over_100,
                               "record": m.record.id if m.record else None} for m in a.measurements]}
            for a in results]


def render_json(results: list[Attainment], lang: str, broken: list[Finding] | None = None) -> str:
    """The attainment list; load errors go to standard error (the CLI), not into the data."""
    return json.dumps(as_data(results), ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"text": render_text, "json": render_json}
