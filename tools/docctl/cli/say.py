"""One-line confirmations of the editing commands, in the configured language."""

from __future__ import annotations

from datetime import date

from docctl.cli.common import write
from docctl.errors import UsageError


def say(lang: str, zh: str, en: str) -> None:
    write((en if lang == "en" else zh) + "\n")


def parse_day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(f"{option} {text}: 不是 ISO 日期 YYYY-MM-DD / not an ISO date") from exc
