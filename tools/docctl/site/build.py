"""What a site build needs from the repository: load it once, check it, split the findings."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from docctl.check import check_loaded
from docctl.config import load_config
from docctl.dates import parse_date
from docctl.errors import UsageError
from docctl.findings import Finding, Severity
from docctl.load import load_repository
from docctl.model import Repository
from docctl.site.compliance import with_compliance
from docctl.site.types import SiteOptions


@dataclass(frozen=True)
class Prepared:
    repo: Repository
    options: SiteOptions

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.options.findings if f.severity == Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.options.findings if f.severity == Severity.WARNING]


def parse_today(text: str | None) -> date | None:
    """The plugin's `today` option, else DOCCTL_TODAY (set by `docctl --today ... site`), else None."""
    text = text or os.environ.get("DOCCTL_TODAY")
    day = parse_date(text) if text else None
    if text and day is None:
        raise UsageError(f"today: {text} is not an ISO date (不是 ISO 日期)")
    return day


def prepare(root: Path, today: str | None = None, lang: str | None = None) -> Prepared:
    """Load and check the repository at `root` exactly as `docctl check` does; run `comply` once."""
    config = load_config(root, today=parse_today(today))
    lang = lang or os.environ.get("DOCCTL_LANG")
    if lang in ("zh", "en"):
        config = replace(config, lang=lang)
    result = check_loaded(load_repository(config))
    options = SiteOptions(config.lang, tuple(result.findings))
    return Prepared(result.repo, with_compliance(result.repo, options))


def finding_line(f: Finding) -> str:
    hint = f" ({f.hint})" if f.hint else ""
    return f"{f.location()}: {f.severity.value} {f.rule}: {f.message}{hint}"


def errors_message(errors: list[Finding]) -> str:
    head = (
        f"docctl check found {len(errors)} error(s) (检查发现 {len(errors)} 个错误); the site is not built:"
    )
    return "\n".join([head, *(finding_line(f) for f in errors)])
