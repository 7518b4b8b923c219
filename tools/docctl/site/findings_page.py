"""The check findings for the auditor: counts by severity and by rule on the home page, and the full list on
findings.md (errors and warnings open, infos collapsed), each finding linked to its document's page.

Rules are named by what they mean to an auditor (RULE_TITLES), not by the tool that fixes them; a rule
without a title shows its id. The list gives each finding's message; the hints, which tell the document's
owner which command to run, stay on the document pages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from docctl.findings import Finding, Severity
from docctl.model import Document, Repository
from docctl.site import paths
from docctl.site.labels import word
from docctl.site.markdown import WIDE, escape, link, table
from docctl.site.types import GeneratedPage, SiteOptions

ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
SEVERITY = {
    Severity.ERROR: ("错误", "Errors"),
    Severity.WARNING: ("警告", "Warnings"),
    Severity.INFO: ("提示", "Notes"),
}
RULE_TITLES: dict[str, tuple[str, str]] = {
    "review-overdue": ("定期评审已过期", "Periodic review overdue"),
    "review-due-soon": ("定期评审即将到期", "Periodic review due soon"),
    "digest-legacy": ("早于内容摘要制度批准的版本（未记录内容摘要）", "Approved before content digests were required"),
    "department-unknown": ("部门不属于该组织", "Department not of the organization"),
    "superseded-without-successor": ("已替代的文件未注明替代文件", "Superseded without a successor"),
    "accepted-note": ("已接受的已知问题", "Accepted known issue"),
    "acceptance-expired": ("已接受的问题已过有效期", "Acceptance expired"),
    "acceptance-unused": ("已接受的问题已不存在", "Acceptance no longer needed"),
    "record-type-unconfigured": ("记录类型未登记保存期限", "Record type without retention"),
    "kpi-value-mismatch": ("指标测量值与分子分母不符", "KPI value does not match its ratio"),
    "kpi-unit-mismatch": ("指标的考核要求与计量方式不符", "KPI target unit does not fit the indicator"),
    "kpi-ratio-inverted": ("指标公式分子分母疑似颠倒", "KPI ratio looks inverted"),
    "kpi-duplicate": ("指标重复", "Duplicate KPI"),
}


def severity_label(severity: Severity, lang: str) -> str:
    zh, en = SEVERITY[severity]
    return en if lang == "en" else zh


def rule_title(rule: str, lang: str) -> str:
    zh, en = RULE_TITLES.get(rule, (rule, rule))
    return en if lang == "en" else zh


def by_rule(findings: Iterable[Finding]) -> list[tuple[Severity, str, int]]:
    """(severity, rule, count), errors first, then the most frequent."""
    counts = Counter((f.severity, f.rule) for f in findings)
    return sorted(((s, r, n) for (s, r), n in counts.items()), key=lambda e: (ORDER.index(e[0]), -e[2], e[1]))


def summary(options: SiteOptions) -> str:
    """The home page's section: counts by severity, then by rule, and the link to the full list."""
    lang = options.lang
    counts = Counter(f.severity for f in options.findings)
    head = table([severity_label(s, lang) for s in ORDER], [[str(counts[s]) for s in ORDER]])
    rules = by_rule(options.findings)
    listed = ""
    if rules:
        header = [word(lang, "check_item"), word(lang, "severity"), word(lang, "number")]
        listed = table(header, [[escape(rule_title(r, lang)), severity_label(s, lang), str(n)] for s, r, n in rules])
        listed += f"\n{link(word(lang, 'all_findings'), paths.HOME, paths.FINDINGS)}\n"
    return f"## {word(lang, 'findings')}\n\n{head}\n{listed}"


def render(repo: Repository, options: SiteOptions) -> str:
    lang = options.lang
    docs = {d.path: d for d in repo.all()}
    parts = [WIDE + f"# {word(lang, 'findings')}\n"]
    if not options.findings:
        parts.append(word(lang, "no_findings") + "\n")
    for severity in ORDER:
        found = [f for f in options.findings if f.severity == severity]
        if found:
            parts.append(f"## {severity_label(severity, lang)}（{len(found)}）\n")
            parts.extend(_rule_block(docs, severity, rule, found, lang) for _, rule, _ in by_rule(found))
    return "\n".join(parts)


def _rule_block(docs: dict[str, Document], severity: Severity, rule: str, found: list[Finding], lang: str) -> str:
    items = [_item(docs.get(f.path), f, lang) for f in found if f.rule == rule]
    opened = "" if severity == Severity.INFO else " open"
    title = f"{escape(rule_title(rule, lang))}（{len(items)}）"
    return f"<details{opened} markdown>\n<summary>{title}</summary>\n\n" + "\n".join(items) + "\n\n</details>\n"


def _item(doc: Document | None, f: Finding, lang: str) -> str:
    where = link(doc.id, paths.FINDINGS, paths.page_path(doc)) if doc else escape(f.path)
    return f"- {where} {word(lang, 'line', line=f.line)}：{escape(f.message)}"


def pages(repo: Repository, options: SiteOptions) -> Iterable[GeneratedPage]:
    yield GeneratedPage(paths.FINDINGS, word(options.lang, "findings"), render(repo, options))
