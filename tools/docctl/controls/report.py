"""`comply` reports: text for the terminal, JSON for tools, Markdown for people (and the site)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from docctl.controls.evaluate import ComplyReport, worst_first
from docctl.controls.model import STATUSES, ControlResult
from docctl.controls.reasons import reason
from docctl.findings import Finding
from docctl.model import Document
from docctl.reporters.text import finding_lines

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
    lines = load_lines(report.load_findings, lang)
    for r in worst_first(report.results):
        head = f"{MARK[r.status]} {status_label(r.status, lang)}"
        lines.append(f"{head}  {_name(r)}")
        lines.extend(f"    - {f.record + ': ' if f.record else ''}{reason(f, lang)}" for f in r.failures)
        lines.extend(f"    · {f.record + ': ' if f.record else ''}{reason(f, lang)}" for f in r.notes)
        if r.evidence:
            label = "evidence" if lang == "en" else "证据"
            lines.append(f"    {label}: {', '.join(_ids(r))}")
    lines += inventory_lines(report, lang)
    lines.append(summary(report, lang))
    return "\n".join(lines) + "\n"


def _name(result: ControlResult) -> str:
    c = result.control
    if not c.id:  # an unreadable policy: its controls are unknown
        return c.doc.path
    return f"{c.doc.id} §{c.clause} {c.id}: {c.title}"


def load_lines(findings: Iterable[Finding], lang: str) -> list[str]:
    """The load errors, as `docctl check` prints them, before any result built on them."""
    findings = sorted(findings)
    if not findings:
        return []
    head = "Files that could not be read (the evidence is incomplete):" if lang == "en" else \
        "以下文件无法正确读取（证据不完整）："
    return [head, *finding_lines(findings, lang), ""]


def inventory_lines(report: ComplyReport, lang: str) -> list[str]:
    """The evidence inventory: per clause of each policy, its controls and the records showing it."""
    en = lang == "en"
    lines = ["", "Evidence inventory:" if en else "证据清单："]
    for e in report.inventory:
        lines.append(f"  {e.doc.id} §{e.clause} {e.title}")
        controls = ", ".join(f"{r.control.id} {MARK[r.status]}" for r in e.results) or "—"
        records = ", ".join(rec.id for rec in e.records) or "—"
        lines.append(f"    {'controls' if en else '控制项'}: {controls}")
        lines.append(f"    {'records' if en else '记录'}: {records}")
    return [*lines, ""] if report.inventory else []


def _ids(result: ControlResult, limit: int = 12) -> list[str]:
    ids = sorted({rec.id for rec in result.evidence})
    return ids if len(ids) <= limit else [*ids[:limit], f"… (+{len(ids) - limit})"]


def as_data(report: ComplyReport, lang: str) -> dict[str, Any]:
    counts = Counter(r.status for r in report.results)
    return {
        "period": report.period.label,
        "summary": {"controls": len(report.results), **{s: counts[s] for s in STATUSES}},
        "load_errors": [{"path": f.path, "line": f.line, "col": f.col, "rule": f.rule,
                         "severity": f.severity.value, "message": f.message, "hint": f.hint}
                        for f in sorted(report.load_findings)],
        "results": [{
            "policy": r.control.doc.id, "clause": r.control.clause, "control": r.control.id,
            "kind": r.control.kind, "title": r.control.title, "status": r.status,
            "evidence": _records(r.evidence),
            "failures": [{"record": f.record, "code": f.code, "reason": reason(f, lang)} for f in r.failures],
            "notes": [{"record": f.record, "code": f.code, "reason": reason(f, lang)} for f in r.notes],
        } for r in report.results],
        "inventory": [{
            "policy": e.doc.id, "clause": e.clause, "title": e.title,
            "controls": [r.control.id for r in e.results], "records": _records(e.records),
        } for e in report.inventory],
    }


def _records(records: Iterable[Document]) -> list[dict[str, str]]:
    """Each record once, by id, with its path in the repository."""
    unique = {rec.id: rec for rec in records}
    return [{"id": rec_id, "path": unique[rec_id].path} for rec_id in sorted(unique)]


def render_json(report: ComplyReport, lang: str) -> str:
    return json.dumps(as_data(report, lang), ensure_ascii=False, indent=2) + "\n"


def render_md(report: ComplyReport, lang: str) -> str:
    en = lang == "en"
    lines = [f"# {'Compliance' if en else '合规检查'} {report.period.label}", "", summary(report, lang), "",
             *_md_load(report, lang),
             "| " + " | ".join(["Status", "Policy", "Clause", "Control", "Reason", "Evidence"] if en else
                                ["状态", "文件", "条款", "控制项", "原因", "证据"]) + " |",
             "| --- | --- | --- | --- | --- | --- |"]
    for r in worst_first(report.results):
        reasons = "<br>".join(_cell(f"{f.record + ': ' if f.record else ''}{reason(f, lang)}")
                              for f in r.failures)
        c = r.control
        policy = c.doc.id if c.id else c.doc.path
        lines.append(f"| {MARK[r.status]} {status_label(r.status, lang)} | {policy} | {c.clause} "
                     f"| {_cell(c.id + ' ' + c.title)} | {reasons or '—'} | {_md_links(r.evidence)} |")
    lines += ["", f"## {'Evidence inventory' if en else '证据清单'}", "",
              "| " + " | ".join(["Policy", "Clause", "Controls", "Records"] if en else
                                 ["文件", "条款", "控制项", "记录"]) + " |", "| --- | --- | --- | --- |"]
    for e in report.inventory:
        controls = ", ".join(f"{r.control.id} {MARK[r.status]}" for r in e.results) or "—"
        lines.append(f"| {e.doc.id} | {e.clause} {_cell(e.title)} | {controls} | {_md_links(e.records, None)} |")
    return "\n".join(lines) + "\n"


def _md_links(records: Iterable[Document], limit: int | None = 12) -> str:
    """Record ids linked to their files (paths from the repository root, where the report is written)."""
    unique = {rec.id: rec for rec in records}
    ids = sorted(unique)
    links = [f"[{i}]({unique[i].path})" for i in ids[:limit]]
    if limit is not None and len(ids) > limit:
        links.append(f"… (+{len(ids) - limit})")
    return ", ".join(links) or "—"


def _md_load(report: ComplyReport, lang: str) -> list[str]:
    if not report.load_findings:
        return []
    head = "## Load errors (the evidence is incomplete)" if lang == "en" else "## 读取错误（证据不完整）"
    return [head, "", *(f"- `{f.location()}` {f.rule}: {_cell(f.message)}" for f in sorted(report.load_findings)),
            ""]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


RENDERERS = {"text": render_text, "json": render_json, "md": render_md}
