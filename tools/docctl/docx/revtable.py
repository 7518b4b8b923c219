"""Read a revision table (文件编制和变更履历 / 修订记录) in its common layouts into history rows."""

from __future__ import annotations

from docctl.docx.normalize import iso_date, label, name, version
from docctl.docx.wordxml import Table

ROLE_WORDS = (("author", ("作者", "编制人", "编写", "起草", "修订人", "更改人", "编制")),
              ("reviewer", ("审核", "审查", "校对")),
              ("approver", ("批准", "审批", "签发")))
DATE_OF = {"author": "date", "reviewer": "reviewed", "approver": "approved", None: "date"}
CHANGE_WORDS = ("变更说明", "更改记录", "修订内容", "变更内容", "修改内容", "修订说明",
                "说明", "内容", "摘要")
VERSION_WORDS = ("版本", "版次")


def is_revision_table(table: Table) -> bool:
    head = " ".join(table.grid()[0]) if table.rows else ""
    return any(w in head for w in VERSION_WORDS) and any(
        w in head for w in ("日期", "作者", "批准", "变更", "更改", "修订", "审核"))


def columns(grid: list[list[str]]) -> tuple[list[str | None], int]:
    """The contract key of each grid column, and how many header rows there are."""
    header_rows = 2 if len(grid) > 1 and _is_subheader(grid[1]) else 1
    keys: list[str | None] = []
    last_role: str | None = None
    for col in range(len(grid[0])):
        texts = [label(grid[r][col]) for r in range(header_rows) if col < len(grid[r])]
        key, last_role = _key(texts, last_role)
        keys.append(key)
    return keys, header_rows


def _is_subheader(row: list[str]) -> bool:
    words = [label(c) for c in row]
    return sum(w in ("作者", "日期", "审核", "批准", "姓名", "时间") for w in words) >= 2


def _key(texts: list[str], last_role: str | None) -> tuple[str | None, str | None]:
    joined = "".join(dict.fromkeys(texts))
    if any(w in joined for w in CHANGE_WORDS):
        return "change", last_role
    if joined in VERSION_WORDS or (any(w in joined for w in VERSION_WORDS) and "日期" not in joined):
        return "version", last_role
    role = next((r for r, words in ROLE_WORDS if any(w in joined for w in words)), None)
    if "日期" in joined or "时间" in joined:
        sub = texts[-1]
        own = next((r for r, words in ROLE_WORDS if any(w in sub for w in words)), None)
        return DATE_OF[own or role or last_role], last_role
    if role:
        return role, role
    return None, last_role


def history_rows(table: Table) -> tuple[list[dict[str, str | None]], list[str]]:
    """The rows oldest first, and notes about columns that were not understood."""
    grid = table.grid()
    keys, skip = columns(grid)
    notes = [f"revision table column {i + 1} ({grid[0][i]}) not understood; ignored"
             for i, k in enumerate(keys) if k is None and grid[0][i].strip()]
    rows = []
    for line in grid[skip:]:
        if not any(c.strip() for c in line):
            continue
        row: dict[str, str | None] = {}
        for key, text in zip(keys, line, strict=False):
            if key and key not in row:
                row[key] = _value(key, text)
        if "approver" in row and "approved" not in row and row.get("date"):
            row["approved"] = row["date"]   # 日期 | 版本 | 变更说明 | 批准人: the row's date is its approval
        rows.append(row)
    return rows, notes


def _value(key: str, text: str) -> str | None:
    if key == "version":
        return version(text) or (text.strip() or None)
    if key in ("date", "reviewed", "approved"):
        return iso_date(text) or (text.strip() or None)
    if key == "change":
        return text.strip() or None
    return name(text)
