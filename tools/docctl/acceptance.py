"""Accepted findings: known faults a quality manager has accepted, with a reason and an end date.

An accepted finding is not hidden: it stays in every report as a note (severity info) whose message
says who accepted it and why. An acceptance past its `until` date no longer applies and is itself a
warning; one that matches nothing is a note, so stale entries get cleaned up.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from docctl.catalog import make_finding
from docctl.dates import parse_date
from docctl.findings import Finding, Severity

CONFIG = "docctl.yml"


@dataclass(frozen=True)
class Acceptance:
    rule: str
    path: str
    reason: str
    until: date
    line: int = 1

    def matches(self, finding: Finding) -> bool:
        return finding.rule == self.rule and finding.path == self.path


def acceptances(settings: Any, lines: dict[int, int]) -> tuple[Acceptance, ...]:
    """The `accepted:` list of docctl.yml (already schema-checked); `lines` maps index -> line."""
    items = settings.get("accepted") or [] if isinstance(settings, dict) else []
    return tuple(Acceptance(str(i["rule"]), str(i["path"]), str(i["reason"]),
                            parse_date(i["until"]) or date.min, lines.get(n, 1))
                 for n, i in enumerate(items))


def apply_acceptances(findings: list[Finding], accepted: tuple[Acceptance, ...], today: date,
                      lang: str) -> list[Finding]:
    result: list[Finding] = []
    used: set[Acceptance] = set()
    live = [a for a in accepted if a.until >= today]
    for f in findings:
        match = next((a for a in live if a.matches(f)), None) if f.severity != Severity.INFO else None
        if match is None:
            result.append(f)
            continue
        used.add(match)
        note = make_finding(lang, f.path, f.line, f.col, "accepted-note", reason=match.reason,
                            until=match.until.isoformat())
        result.append(replace(f, severity=Severity.INFO, message=f"{f.message}（{note.message}）"
                              if lang != "en" else f"{f.message} ({note.message})"))
    for a in accepted:
        if a.until < today:
            result.append(make_finding(lang, CONFIG, a.line, 5, "acceptance-expired", subject=a.rule, file=a.path,
                                       until=a.until.isoformat()))
        elif a not in used:
            result.append(make_finding(lang, CONFIG, a.line, 5, "acceptance-unused", subject=a.rule, file=a.path))
    return result
