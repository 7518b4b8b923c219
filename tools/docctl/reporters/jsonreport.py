"""Findings as JSON: {"files": N, "summary": {"error": e, "warning": w, "info": i, "total": t},
"findings": [{"path", "line", "col", "rule", "severity", "message", "hint"}, ...]}; every key always there."""

from __future__ import annotations

import json
from dataclasses import asdict

from docctl.findings import Finding, Severity, count_by_severity


def render(findings: list[Finding], files: int, lang: str) -> str:
    counts = count_by_severity(findings)
    data = {
        "files": files,
        "summary": {s.value: counts[s] for s in Severity} | {"total": len(findings)},
        "findings": [asdict(f) | {"severity": f.severity.value} for f in findings],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
