"""Read a revision table (文件编制和变更履历 / 修订记录) in its common layouts into history rows."""

from __future__ import annotations

from typing import Any

from docctl.docx.normalize import iso_date, label, name, version
from docctl.docx.wordxml import Table

ROLE_WORDS = (("author", ("作者", "编制人", "编写", "起草", "修订人", "更改人", "变更人", "修改人", "拟制", "编制")),
              ("reviewer", ("审核", "审查", "校对")),
              ("approver", ("批准", "审批", "签发")))
DATE_OF = {"author": "date", "reviewer": "reviewed", "approver": "approved", None: "date"}
CHANGE_WORDS = ("变更说明", "更改记录", "修订内容", "变更内容", "修改内容", "修订说明",
                "说明", "内容", "摘要")
VERSION_WORDS = ("版本", "版次")
IGNORED = ("序号", "行号")   # row numbers: nothing to keep


def is_revision_table(table: Table) -> bool:
    head = " ".join(table.grid()[0]) if table.rows else ""
    return any(w in head for w in VERSION_WORDS) and any(
        w in head for w in ("日期", "作者", "批准", "变更", "更改", "修订", "审核"))


def columns(grid: list[list[str]]) -> tuple[list[str | None], int, int | None]:
    """The contract key of each grid column, how many header rows there are, and the column of a lone
    date that names no signatory while several signatories have columns (`… | 修订人 | 审批人 | 日期`):
    it is read as the date of the change, and of its approval, and said so."""
    header_rows = 2 if len(grid) > 1 and _is_subheader(grid[1]) else 1
    keys: list[str | None] = []
    last_role: str | None = None
    heads: list[str] = []
    for col in range(len(grid[0])):
        texts = [label(grid[r][col]) for r in range(header_rows) if col < len(grid[r])]
        key, last_role = _key(texts, last_role)
        keys.append(key)
        heads.append("".join(dict.fromkeys(texts)))
    dates = [c for c, k in enumerate(keys) if k in ("date", "reviewed", "approved")]
    signers = [k for k in keys if k in ("author", "reviewer", "approver")]
    lone = dates[0] if len(dates) == 1 and len(signers) >= 2 and not _role_in(heads[dates[0]]) else None
    if lone is not None:
        keys[lone] = "date"
    return keys, header_rows, lone


def _role_in(text: str) -> bool:
    return any(w in text for _, words in ROLE_WORDS for w in words)


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


def history_rows(table: Table) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows oldest first, each with `_at`: the place of each of its values; and notes on the
    header: columns not understood, a lone date column (rule, header text, place)."""
    grid = table.grid()
    keys, skip, lone = columns(grid)
    notes = [{"rule": "import-revision-column", "header": grid[0][i].strip(), "place": table.place(0, i)}
             for i, k in enumerate(keys) if k is None and label(grid[0][i]) and label(grid[0][i]) not in IGNORED]
    if lone is not None:
        notes.append({"rule": "import-revision-one-date", "header": grid[0][lone].strip(),
                      "place": table.place(0, lone)})
    rows = []
    for r, line in enumerate(grid[skip:], skip):
        if not any(c.strip() for c in line):
            continue
        row: dict[str, Any] = {"_at": {}}
        for c, (key, text) in enumerate(zip(keys, line, strict=False)):
            if key and key not in row:
                row[key] = _value(key, text)
                row["_at"][key] = table.place(r, c)
        if "approver" in row and "approved" not in row and row.get("date"):
            row["approved"] = row["date"]   # 日期 | 版本 | 变更说明 | 批准人: the row's date is its approval
            row["_at"]["approved"] = row["_at"]["date"]
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
