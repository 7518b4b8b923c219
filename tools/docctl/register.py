"""The master list of controlled documents (文件清单) and the documents due for periodic review.

Each row shows the version in force (docctl.inforce) with its effective date, next review and
approver; a revision being prepared is shown beside it (`revision_version`, `revision_status`).
A document never released shows its current version and status.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from docctl.config import Config
from docctl.inforce import in_force, review_due
from docctl.messages import STATUS_LABELS, count_en
from docctl.model import Document, Repository

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
    "revision",
)
DUE_COLUMNS = (*COLUMNS, "days_left")
HEADINGS = {
    "zh": ("文件编号", "文件名称", "组织", "部门", "类型", "状态", "版本", "实施日期", "下次评审", "批准人", "修订"),
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
        "Revision",
    ),
}
DUE_HEADINGS = {"zh": (*HEADINGS["zh"], "剩余天数"), "en": (*HEADINGS["en"], "Days left")}
REVISION_LABELS = {
    "draft": ("草稿", "in draft"),
    "review": ("审核中", "in review"),
    "approved": ("已批准待发布", "approved, not yet effective"),
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
    revision_version: str = ""  # the revision being prepared beside the version in force
    revision_status: str = ""


@dataclass(frozen=True)
class DueRow(RegisterRow):
    days_left: int = 0  # negative: days overdue


def register(repo: Repository) -> list[RegisterRow]:
    return [register_row(doc, repo.config) for doc in sorted(repo.documents, key=lambda d: d.id)]


def register_row(doc: Document, config: Config) -> RegisterRow:
    force = in_force(doc)
    if force is None:
        head = (doc.status, doc.version, doc.text("effective") or "", "", doc.text("approver") or "")
    else:
        due = review_due(doc, config, force)
        head = ("effective", force.version, force.effective, due.isoformat() if due else "", force.approver(doc))
    pending = force.pending if force else None
    return RegisterRow(
        doc.id,
        doc.title,
        doc.org,
        doc.department,
        doc.type,
        *head,
        pending.version or "" if pending else "",
        doc.status if pending else "",
    )


def due(repo: Repository, within: timedelta) -> list[DueRow]:
    """Documents in force whose next review falls on or before today + `within` (overdue included)."""
    today = repo.config.today
    found = []
    for row in register(repo):
        day = date.fromisoformat(row.next_review) if row.next_review else None
        if day is not None and day <= today + within:
            found.append(DueRow(**asdict(row), days_left=(day - today).days))
    return found


def render(rows: list[RegisterRow] | list[DueRow], fmt: str, config: Config) -> str:
    if fmt == "json":
        return json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2) + "\n"
    lang = "en" if config.lang == "en" else "zh"
    with_days = bool(rows) and isinstance(rows[0], DueRow)
    headings = (DUE_HEADINGS if with_days else HEADINGS)[lang]
    cells = [[_cell(c, r, lang) for c in (DUE_COLUMNS if with_days else COLUMNS)] for r in rows]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(headings)
        writer.writerows(cells)
        return out.getvalue()
    return table([list(headings), *cells])


def _cell(column: str, row: RegisterRow, lang: str) -> str:
    if column == "revision":
        return revision_label(row.revision_version, row.revision_status, lang)
    if column == "days_left":
        return days_label(row.days_left if isinstance(row, DueRow) else 0, lang)
    value = str(getattr(row, column))
    return STATUS_LABELS.get(value, value) if column == "status" and lang != "en" else value


def revision_label(version: str, status: str, lang: str) -> str:
    """修订中 1.1（草稿） / revision 1.1 in draft; empty when no revision is open."""
    if not version:
        return ""
    zh, en = REVISION_LABELS.get(status, (status, status))
    return f"revision {version} {en}" if lang == "en" else f"修订中 {version}（{zh}）"


def days_label(days: int, lang: str) -> str:
    if days < 0:
        return f"{count_en(-days, 'day')} overdue" if lang == "en" else f"逾期 {-days} 天"
    if days == 0:
        return "due today" if lang == "en" else "今天到期"
    return f"{count_en(days, 'day')} left" if lang == "en" else f"还有 {days} 天"


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
