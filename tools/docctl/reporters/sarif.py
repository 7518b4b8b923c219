"""SARIF 2.1.0, for code-scanning annotations on the changed lines of a pull request."""

from __future__ import annotations

import json
from typing import Any

from docctl import __version__
from docctl.catalog import CATALOG
from docctl.findings import Finding, Severity

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(findings: list[Finding], files: int, lang: str) -> str:
    rules = sorted({f.rule for f in findings})
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "docctl", "version": __version__,
            "rules": [_rule(r, lang) for r in rules],
        }},
        "results": [_result(f, rules.index(f.rule)) for f in findings],
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"


def _rule(rule: str, lang: str) -> dict[str, Any]:
    text = CATALOG.get(rule)
    short = (text.zh if lang != "en" else text.en) if text else rule
    return {"id": rule, "name": rule, "shortDescription": {"text": short.split("{")[0].strip() or rule},
            "defaultConfiguration": {"level": LEVELS[text.severity] if text else "warning"}}


def _result(f: Finding, index: int) -> dict[str, Any]:
    message = f.message + (f"\n{f.hint}" if f.hint else "")
    return {
        "ruleId": f.rule, "ruleIndex": index, "level": LEVELS[f.severity], "message": {"text": message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": f.path, "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": f.line, "startColumn": f.col},
        }}],
    }
