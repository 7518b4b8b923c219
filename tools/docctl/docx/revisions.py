"""文件编制和变更履历: the seeds' table, merged two-row header repeated on each page, a row per revision."""

from __future__ import annotations

from docctl.docx.layout import PAGE
from docctl.docx.ooxml import cell, para, rpr, run, table
from docctl.docx.ooxml import row as table_row
from docctl.model import Document, Revision

TITLE = "文件编制和变更履历"
GROUPS = (("版本", 1), ("编制/更改", 2), ("发布", 2), ("实施", 2), ("更改记录", 1))
SUBHEADS = ("作者", "日期", "审核", "日期", "批准", "日期")
FIXED = [600, 720, 1080, 720, 1080, 720, 1080]  # 小五 rows: a date 2025-01-07 fits on one line
WIDTHS = [*FIXED, PAGE.text_width - sum(FIXED)]
FIELDS = ("author", "date", "reviewer", "reviewed", "approver", "approved")


def revision_page(doc: Document) -> str:
    heading = rpr(bold=True, size=32, east_asia="黑体")
    title = para(run(TITLE, heading), align="center", page_break_before=True,
                 spacing='<w:spacing w:before="0" w:after="240"/>')
    return title + history_table(doc.history)


def history_table(history: tuple[Revision, ...]) -> str:
    bold = rpr(bold=True, size=21, east_asia="黑体")
    first, second, col = [], [], 0
    for text, span in GROUPS:
        width = sum(WIDTHS[col:col + span])
        merge = "restart" if span == 1 else None
        first.append(cell(para(run(text, bold), align="center"), width, span=span, vmerge=merge, shade=True))
        col += span
    second.append(cell(para(""), WIDTHS[0], vmerge="continue", shade=True))
    second.extend(cell(para(run(t, bold), align="center"), w, shade=True)
                  for t, w in zip(SUBHEADS, WIDTHS[1:-1], strict=True))
    second.append(cell(para(""), WIDTHS[-1], vmerge="continue", shade=True))
    rows = [table_row("".join(first), header=True), table_row("".join(second), header=True)]
    rows.extend(_revision_row(rev) for rev in history)
    return table(WIDTHS, "".join(rows))


def _revision_row(rev: Revision) -> str:
    small = rpr(size=18, east_asia="宋体")   # 小五, as Chinese forms set their rows; 更改记录 gets the room
    values = [f"V{rev.version}" if rev.version else ""]
    values.extend(getattr(rev, name) or "" for name in FIELDS)
    cells = [cell(para(run(v, small), align="center"), w) for v, w in zip(values, WIDTHS, strict=False)]
    cells.append(cell(para(run(rev.change or "", small), align="left"), WIDTHS[-1]))
    return table_row("".join(cells))
