"""Compliance pages for the site, as pure functions: a dashboard, clause badges and a records index.

They return Markdown (with inline HTML) or HTML strings; the site plugin decides where the pages go.
`link(record)` gives the URL of a record's page relative to the page being built (default: its path).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from html import escape

from docctl.controls.evaluate import worst_first
from docctl.controls.model import STATUSES, ControlResult
from docctl.controls.reasons import reason
from docctl.controls.report import MARK, status_label
from docctl.model import Document, Repository

Link = Callable[[Document], str]


def record_link(rec: Document) -> str:
    return rec.path


ClauseLink = Callable[[Document, str], str]
"""The URL of a document's clause ("" for the document itself), relative to the page being built."""


def compliance_dashboard(repo: Repository, results: list[ControlResult], link: Link = record_link,
                         title: str = "", clause_link: ClauseLink | None = None) -> str:
    """Status per control, failures first, each reason and evidence record linked; with `clause_link`,
    the document and clause cells link to the document's page and the clause's heading."""
    lang = repo.config.lang
    en = lang == "en"
    head = ["Status", "Policy", "Clause", "Control", "Why", "Evidence"] if en else \
        ["状态", "文件", "条款", "控制项", "原因", "证据"]
    counts = {s: sum(r.status == s for r in results) for s in STATUSES}
    summary = (", " if en else "，").join(f"{MARK[s]} {status_label(s, lang)} {n}" for s, n in counts.items())
    lines = [f"# {title or ('Compliance dashboard' if en else '合规看板')}", "", summary, "",
             "| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for r in worst_first(results):
        c = r.control
        why = "<br>".join(_cell(f"{f.record}: " if f.record else "") + _cell(reason(f, lang))
                          for f in (*r.failures, *r.notes)) or "—"
        evidence = ", ".join(f"[{rec.id}]({link(rec)})" for rec in _unique(r.evidence)) or "—"
        control = f"{_cell(c.id)}<br>{_cell(c.title)}"
        doc, clause = (c.doc.id, f"§{c.clause}") if clause_link is None else (
            f"[{c.doc.id}]({clause_link(c.doc, '')})", f"[§{c.clause}]({clause_link(c.doc, c.clause)})")
        lines.append(f"| {badge(r.status, lang)} | {doc} | {clause} | {control} | {why} | {evidence} |")
    return "\n".join(lines) + "\n"


def badge(status: str, lang: str, detail: str = "") -> str:
    title = f' title="{escape(detail)}"' if detail else ""
    return (f'<span class="docctl-badge docctl-badge--{status}"{title}>'
            f"{MARK[status]} {escape(status_label(status, lang))}</span>")


def clause_badges(doc: Document, results: Iterable[ControlResult], lang: str = "zh") -> dict[str, str]:
    """For each clause of `doc` that has controls: one badge with the worst status and the controls' ids."""
    by_clause: dict[str, list[ControlResult]] = defaultdict(list)
    for r in results:
        if r.control.doc.id == doc.id:
            by_clause[r.control.clause].append(r)
    badges = {}
    for clause, found in by_clause.items():
        worst = min((r.status for r in found), key=STATUSES.index)
        detail = "; ".join(f"{r.control.id}: {status_label(r.status, lang)}" for r in found)
        badges[clause] = badge(worst, lang, detail)
    return badges


def records_index(repo: Repository, link: Link = record_link) -> str:
    """Every record by type and year, newest first, with status and the clauses it is evidence for."""
    en = repo.config.lang == "en"
    lines = [f"# {'Records' if en else '质量记录'}", ""]
    by_type: dict[str, list[Document]] = defaultdict(list)
    for rec in repo.records:
        by_type[rec.type].append(rec)
    for rtype in sorted(by_type):
        spec = repo.config.record_types.get(rtype)
        lines += [f"## {spec.label if spec and not en else rtype}", "",
                  "| " + " | ".join(["Id", "Date", "Title", "Status", "Clauses"] if en else
                                    ["编号", "日期", "标题", "状态", "条款"]) + " |",
                  "| --- | --- | --- | --- | --- |"]
        for rec in sorted(by_type[rtype], key=lambda r: (r.text("date") or "", r.id), reverse=True):
            example = " *(example)*" if rec.meta.get("example") is True and en else \
                " *（示例）*" if rec.meta.get("example") is True else ""
            clauses = ", ".join(rec.ids("clauses")) or "—"
            lines.append(f"| [{rec.id}]({link(rec)}) | {rec.text('date') or ''} | {_cell(rec.title)}{example} "
                         f"| {rec.status} | {clauses} |")
        lines.append("")
    return "\n".join(lines)


def _unique(records: Iterable[Document]) -> list[Document]:
    return sorted({rec.id: rec for rec in records}.values(), key=lambda r: r.id)


def _cell(text: str) -> str:
    return escape(text, quote=False).replace("|", "\\|").replace("\n", " ")
