"""`comply` reports: text for the terminal, JSON for tools, Markdown for people (and the site)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from docctl.controls.evaluate import ComplyReport, worst_first
from docctl.controls.model import STATUSES, ControlResult
from docctl.controls.reasons import reason

STATUS_ZH = {"pass": "通过", "fail": "不通过", "no-evidence": "无证据", "error": "无法评估"}
STATUS_EN = {"pass": "pass", "fail": "fail", "no-evidence": "no evidence", "error": "cannot be evaluated"}
MARK = {"pass": "✔", "fail": "✘", "no-evidence": "○", "error": "!"}


def status_label(status: str, lang: str) -> str:
    return (STATUS_EN if lang == "en" else STATUS_ZH).get(status, status)


def summary(report: ComplyReport, lang: str) -> str:
    counts = Counter(r.status for r in report.results)
    parts = [f"{status_label(s, lang)} {counts[s]}" for s in STATUSES]
    head = f"period {report.period.label}: {len(report.results)} controls" if lang == "en" else \
        f"期间 {report.period.label}：{len(report.results)} 项控制"
    return f"{head} — " + ", ".join(parts) if lang == "en" else f"{head}——" + "，".join(parts)


def render_text(report: ComplyReport, lang: str) -> str:
    lines = []
    for r in worst_first(report.results):
        c = r.control
        head = f"{MARK[r.status]} {status_label(r.status, lang)}"
        lines.append(f"{head}  {c.doc.id} §{c.clause} {c.id}: {c.title}")
        lines.extend(f"    - {f.record + ': ' if f.record else ''}{reason(f, lang)}" for f in r.failures)
        lines.extend(f"    · {f.record + ': ' if f.record else ''}{reason(f, lang)}" for f in r.notes)
        if r.evidence:
            label = "evidence" if lang == "en" else "证据"
            lines.append(f"    {label}: {', '.join(_ids(r))}")
    lines.append(summary(report, lang))
    return "\n".join(lines) + "\n"


def _ids(result: ControlResult, limit: int = 12) -> list[str]:
    ids = sorted({rec.id for rec in result.evidence})
    return ids if len(ids) <= limit else [*ids[:limit], f"… (+{len(ids) - limit})"]


def as_data(report: ComplyReport, lang: str) -> dict[str, Any]:
    return {
        "period": report.period.label,
        "results": [{
            "policy": r.control.doc.id, "clause": r.control.clause, "control": r.control.id,
            "kind": r.control.kind, "title": r.control.title, "status": r.status,
            "evidence": sorted({rec.id for rec in r.evidence}),
            "failures": [{"record": f.record, "code": f.code, "reason": reason(f, lang)} for f in r.failures],
            "notes": [{"record": f.record, "code": f.code, "reason": reason(f, lang)} for f in r.notes],
        } for r in report.results],
        "inventory": [{
            "policy": e.doc.id, "clause": e.clause, "title": e.title,
            "controls": [r.control.id for r in e.results], "records": [rec.id for rec in e.records],
        } for e in report.inventory],
    }


def render_json(report: ComplyReport, lang: str) -> str:
    return json.dumps(as_data(report, lang), ensure_ascii=False, indent=2) + "\n"


def render_md(report: ComplyReport, lang: str) -> str:
    en = lang == "en"
    lines = [f"# {'Compliance' if en else '合规检查'} {report.period.label}", "", summary(report, lang), "",
             "| " + " | ".join(["Status", "Policy", "Clause", "Control", "Reason"] if en else
                                ["状态", "文件", "条款", "控制项", "原因"]) + " |",
             "| --- | --- | --- | --- | --- |"]
    for r in worst_first(report.results):
        reasons = "<br>".join(_cell(f"{f.record + ': ' if f.record else ''}{reason(f, lang)}")
                              for f in r.failures)
        c = r.control
        lines.append(f"| {MARK[r.status]} {status_label(r.status, lang)} | {c.doc.id} | {c.clause} "
                     f"| {_cell(c.id + ' ' + c.title)} | {reasons or '—'} |")
    lines += ["", f"## {'Evidence inventory' if en else '证据清单'}", "",
              "| " + " | ".join(["Policy", "Clause", "Controls", "Records"] if en else
                                 ["文件", "条款", "控制项", "记录"]) + " |", "| --- | --- | --- | --- |"]
    for e in report.inventory:
        controls = ", ".join(f"{r.control.id} {MARK[r.status]}" for r in e.results) or "—"
        records = ", ".join(rec.id for rec in e.records) or "—"
        lines.append(f"| {e.doc.id} | {e.clause} {_cell(e.title)} | {controls} | {records} |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


RENDERERS = {"text": render_text, "json": render_json, "md": render_md}
