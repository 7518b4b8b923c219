"""The master list of controlled documents (文件清单) and the documents due for periodic review."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from docctl.config import Config
from docctl.messages import STATUS_LABELS
from docctl.model import Repository
from docctl.schedule import next_review

COLUMNS = (
    "id",
    "title",
    "org",
    "department",
    "type",
    "status",
    "version",
    "effective",
    "next_review",
    "approver",
)
HEADINGS = {
    "zh": ("文件编号", "文件名称", "组织", "部门", "类型", "状态", "版本", "实施日期", "下次评审", "批准人"),
    "en": (
        "ID",
        "Title",
        "Organization",
        "Department",
        "Type",
        "Status",
        "Version",
        "Effective",
        "Next review",
        "Approver",
    ),
}


@dataclass(frozen=True)
class RegisterRow:
    id: str
    title: str
    org: str
    department: str
    type: str
    status: str
    version: str
    effective: str
    next_review: str
    approver: str


def register(repo: Repository) -> list[RegisterRow]:
    rows = []
    for doc in sorted(repo.documents, key=lambda d: d.id):
        due = next_review(doc, repo.config) if doc.status == "effective" else None
        rows.append(
            RegisterRow(
                doc.id,
                doc.title,
                doc.org,
                doc.department,
                doc.type,
                doc.status,
                doc.version,
                doc.text("effective") or "",
                due.isoformat() if due else "",
                doc.text("approver") or "",
            )
        )
    return rows


def due(repo: Repository, within: timedelta) -> list[RegisterRow]:
    """Effective documents whose next review falls on or before today + `within` (overdue included)."""
    limit: date = repo.config.today + within
    return [r for r in register(repo) if r.next_review and date.fromisoformat(r.next_review) <= limit]


def render(rows: list[RegisterRow], fmt: str, config: Config) -> str:
    if fmt == "json":
        return json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2) + "\n"
    headings = HEADINGS["en" if config.lang == "en" else "zh"]
    cells = [[_label(c, getattr(r, c), config.lang) for c in COLUMNS] for r in rows]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(headings)
        writer.writerows(cells)
        return out.getvalue()
    return table([list(headings), *cells])


def _label(column: str, value: str, lang: str) -> str:
    return STATUS_LABELS.get(value, value) if column == "status" and lang != "en" else value


def table(rows: list[list[str]]) -> str:
    widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(c + " " * (w - width(c)) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
