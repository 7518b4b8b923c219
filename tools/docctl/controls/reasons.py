"""The reason for a failure, in the report's language."""

from __future__ import annotations

from docctl.catalog import render
from docctl.controls.expr import Problem
from docctl.controls.model import Failure, Fields
from docctl.messages_records import REASONS, UNITS_ZH


def reason(failure: Failure, lang: str) -> str:
    text = REASONS.get(failure.code)
    if text is None:
        return failure.code
    args = {k: v.text(lang) if isinstance(v, (Problem, Fields)) else v for k, v in failure.args.items()}
    args.setdefault("unit_zh", UNITS_ZH.get(str(args.get("unit", "")), ""))
    return render(text.en if lang == "en" else text.zh, args)
