"""All rule texts in one place, and the one function that turns a rule id into a Finding."""

from __future__ import annotations

from typing import Any

from docctl.findings import Finding, Severity
from docctl.messages import CORE, RuleText
from docctl.messages_change import RULES as CHANGE
from docctl.messages_docx import RULES as DOCX_RULES
from docctl.messages_records import RULES as RECORDS

CATALOG: dict[str, RuleText] = {**CORE, **RECORDS, **CHANGE, **DOCX_RULES}
LANGS = ("zh", "en")


class _Defaults(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def render(template: str, args: dict[str, Any]) -> str:
    return template.format_map(_Defaults(args)) if template else ""


def make_finding(
    lang: str, path: str, line: int, col: int, rule: str,
    severity: Severity | None = None, **args: Any,
) -> Finding:
    text = CATALOG[rule]
    zh = lang != "en"
    message = render(text.zh if zh else text.en, args)
    hint = render(text.hint_zh if zh else text.hint_en, args)
    return Finding(path, line, col, rule, severity or text.severity, message, hint)
