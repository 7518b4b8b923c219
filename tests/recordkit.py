"""Small repositories with one policy and a few records, for the records and controls tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from conftest import REPO, make_repo
from docctl.config import load_config
from docctl.controls.evaluate import comply
from docctl.controls.model import ControlResult
from docctl.controls.reasons import reason
from docctl.load import load_repository
from docctl.model import Repository
from docctl.periods import parse_period

YNTD = "云南腾电科技有限公司"
TODAY = date(2026, 11, 22)
BODY = "# 目的\n\n目的。\n\n# 要求\n\n## 内审\n\n每年十月内审。\n\n## 改进\n\n五个工作日内。\n"


def policy(controls: list[dict[str, Any]], doc_id: str = "YNTD-ITSS-0001", org: str = YNTD,
           extra: dict[str, Any] | None = None, body: str = BODY) -> str:
    meta: dict[str, Any] = {
        "id": doc_id, "title": "测试制度", "type": "policy", "org": org, "department": "质量部",
        "version": "1.0", "status": "effective", "author": "吴杰", "prepared": "2025-01-07",
        "reviewer": "赵建中", "reviewed": "2025-01-07", "approver": "陆涛", "approved": "2025-01-07",
        "effective": "2025-01-07", "review_cycle": "P1Y", "next_review": "2027-01-07",
        "history": [{"version": "1.0", "author": "吴杰", "date": "2025-01-07", "reviewer": "赵建中",
                     "reviewed": "2025-01-07", "approver": "陆涛", "approved": "2025-01-07", "change": "首次发布"}],
        "controls": controls, **(extra or {})}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body


def record(record_type: str, record_id: str, day: str, status: str = "open", org: str = YNTD,
           **fields: Any) -> tuple[str, str]:
    meta: dict[str, Any] = {"id": record_id, "type": record_type, "title": f"记录 {record_id}", "org": org,
                            "date": day, "status": status, **fields}
    path = f"records/{record_type}/{day[:4]}/{record_id}.md"
    return path, "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n# 记录\n"


def build(dest: Path, files: dict[str, str] | list[tuple[str, str]]) -> Repository:
    """A repository with this repository's docctl.yml (record types, roster) and schemas, plus `files`."""
    make_repo(dest, config=REPO / "docctl.yml")
    for rel, text in (files.items() if isinstance(files, dict) else files):
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return load_repository(load_config(dest, today=TODAY))


def evaluate(dest: Path, controls: list[dict[str, Any]], records: list[tuple[str, str]],
             period: str = "2025") -> ControlResult:
    """The one control of a one-policy repository, evaluated for `period`."""
    repo = build(dest, [("policies/YNTD-ITSS-0001.md", policy(controls)), *records])
    report = comply(repo, parse_period(period))
    assert len(report.results) == 1
    return report.results[0]


def reasons(result: ControlResult, lang: str = "zh") -> list[str]:
    return [f"{f.record}: {reason(f, lang)}" if f.record else reason(f, lang) for f in result.failures]


def notes(result: ControlResult, lang: str = "zh") -> list[str]:
    return [f"{f.record}: {reason(f, lang)}" if f.record else reason(f, lang) for f in result.notes]


def evidence(result: ControlResult) -> list[str]:
    return sorted({r.id for r in result.evidence})
