"""The cover page: organization, title, document number, version, copy marking and the signature block."""

from __future__ import annotations

from dataclasses import dataclass

from docctl.docx.layout import PAGE
from docctl.docx.ooxml import cell, para, rpr, run, table
from docctl.docx.ooxml import row as table_row
from docctl.docx.watermark import CONTROLLED, DRAFT, UNCONTROLLED, VOID, mark_for
from docctl.model import Document

BIG = '<w:spacing w:before="0" w:after="240" w:line="360" w:lineRule="auto"/>'
SIGN_ROW = 510   # 0.9 cm: room to sign by hand on the printed copy
SIGNATURE_HEAD = ("签署", "姓名", "日期", "签署含义")
SIGNATURES = (  # label, name key, date key, meaning of the signature
    ("编制人", "author", "prepared", "编制：对文件内容的编写负责"),
    ("审核人", "reviewer", "reviewed", "审核：确认内容正确、适宜、充分"),
    ("批准人", "approver", "approved", "批准：同意发布实施"),
)
MARKINGS = {  # the cover's line under the signatures, as the watermark says it
    DRAFT: "草稿 · 未经批准发布，不得作为受控文件使用",
    VOID: "作废 · 本版本已被替代或作废，仅供查阅，不得使用",
    UNCONTROLLED: "非受控副本 · 仅供参考，使用前请核对现行有效版本",
}
STATUS_NAMES = {"draft": "草稿", "review": "审核中", "approved": "已批准", "effective": "现行有效",
                "superseded": "已被替代", "obsolete": "已作废"}


@dataclass(frozen=True)
class CopyInfo:
    """A numbered controlled copy and who holds it."""

    number: int
    recipient: str
    date: str


def cover(doc: Document, copy: CopyInfo | None) -> str:
    heading = rpr(bold=True, size=44, east_asia="黑体")
    title = rpr(bold=True, size=36, east_asia="黑体")
    plain = rpr(size=24, east_asia="宋体")
    spacer = para("", spacing='<w:spacing w:before="1200" w:after="0"/>')
    parts = [spacer,
             para(run(doc.org, heading), align="center", spacing=BIG),
             para(run(doc.title, title), align="center", spacing=BIG),
             para(run(f"文件编号：{doc.id}", plain), align="center", spacing=BIG)]
    facts = [f"版本：V{doc.version}", f"状态：{STATUS_NAMES.get(doc.status, doc.status)}"]
    if doc.department:
        facts.insert(0, f"编制部门：{doc.department}")
    if doc.text("effective"):
        facts.append(f"生效日期：{doc.text('effective')}")
    parts.extend(para(run(text, plain), align="center") for text in facts)
    parts.append(para("", spacing='<w:spacing w:before="600" w:after="0"/>'))
    parts.append(signature_table(doc))
    parts.append(para("", spacing='<w:spacing w:before="600" w:after="0"/>'))
    parts.append(copy_marking(mark_for(doc.status, copy is not None), copy))
    return "".join(parts)


def signature_table(doc: Document) -> str:
    widths = [1200, 1400, 1500, PAGE.text_width - 4100 - 600]
    small = rpr(size=21, east_asia="宋体")
    bold = rpr(bold=True, size=21, east_asia="黑体")
    head = "".join(cell(para(run(t, bold), align="center"), w, shade=True)
                   for t, w in zip(SIGNATURE_HEAD, widths, strict=True))
    rows = [table_row(head, header=True)]
    for label, name, day, meaning in SIGNATURES:
        values = (label, doc.text(name) or "", doc.text(day) or "", meaning)
        rows.append(table_row("".join(cell(para(run(v, small), align="center"), w)
                                      for v, w in zip(values, widths, strict=False)), height=SIGN_ROW))
    return table(widths, "".join(rows))


def copy_marking(mark: str, copy: CopyInfo | None) -> str:
    """The status marking, the same as the watermark's (草稿 / 作废 / 受控副本 N / 非受控副本)."""
    style = rpr(bold=True, size=24, east_asia="黑体")
    if mark != CONTROLLED or copy is None:
        return para(run(MARKINGS.get(mark, MARKINGS[UNCONTROLLED]), style), align="center")
    return (para(run(f"受控副本编号：{copy.number:03d}", style), align="center")
            + para(run(f"持有人：{copy.recipient}    发放日期：{copy.date}", style), align="center"))


def copy_header(copy: CopyInfo | None) -> str:
    """What the page header adds on a controlled copy: its number and holder, on every page."""
    return f"    受控副本 {copy.number:03d}  持有人：{copy.recipient}" if copy else ""
