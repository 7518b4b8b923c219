"""`path:line:col: severity rule-id: message` with an indented hint, then a summary line."""

from __future__ import annotations

from collections.abc import Iterable

from docctl.findings import Finding, Severity, count_by_severity
from docctl.messages import count_en

SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


def render(findings: list[Finding], files: int, lang: str) -> str:
    lines = finding_lines(findings, lang)
    lines.append(summary(findings, files, lang))
    return "\n".join(lines) + "\n"


def finding_lines(findings: Iterable[Finding], lang: str) -> list[str]:
    """Each finding as `path:line:col: severity rule: message`, its hint indented below."""
    lines: list[str] = []
    for f in findings:
        lines.append(f"{f.location()}: {f.severity.value} {f.rule}: {f.message}")
        if f.hint:
            lines.append(f"    {'提示' if lang != 'en' else 'hint'}: {f.hint}")
    return lines


def summary(findings: list[Finding], files: int, lang: str) -> str:
    c = count_by_severity(findings)
    e, w, i = c[Severity.ERROR], c[Severity.WARNING], c[Severity.INFO]
    if lang == "en":
        return (f"{count_en(files, 'file')} checked: {count_en(e, 'error')}, {count_en(w, 'warning')}, "
                f"{count_en(i, 'note')}")
    return f"已检查 {files} 个文件：{e} 个错误，{w} 个警告，{i} 个提示"
