"""Findings: plain data describing one fault at one place."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    col: int
    rule: str
    severity: Severity
    message: str
    hint: str = ""

    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.path, f.line, f.col, f.rule, f.message))


def count_by_severity(findings: Iterable[Finding]) -> Counter[Severity]:
    return Counter(f.severity for f in findings)


UNREADABLE = frozenset({"file-unreadable", "file-special", "file-link-outside", "file-link-broken"})


def exit_status(findings: Iterable[Finding], strict: bool) -> int:
    """0 clean, 1 when an error (or, with strict, a warning) was found, 2 when an input file could
    not be read at all (every finding is still reported)."""
    findings = list(findings)
    if any(f.rule in UNREADABLE for f in findings):
        return 2
    counts = count_by_severity(findings)
    if counts[Severity.ERROR] or (strict and counts[Severity.WARNING]):
        return 1
    return 0
