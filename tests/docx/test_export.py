"""Open every exported DOCX with python-docx and as raw XML, and check its structure."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx_helpers import POLICIES, REPO, exported_docx  # noqa: F401 (the `exported` fixture)

import docx
from docctl.config import load_config
from docctl.docx.fields import headings
from docctl.load import load_repository

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCS = {d.id: d for d in load_repository(load_config(REPO)).documents}


def part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name).decode("utf-8")


@pytest.mark.parametrize("source", POLICIES, ids=lambda p: p.stem)
def test_cover_and_history_table(exported: Path, source: Path) -> None:
    doc = DOCS[source.stem]
    word = docx.Document(str(exported / f"{doc.id}.docx"))
    texts = [p.text for p in word.paragraphs]
    assert texts[1:4] == [doc.org, doc.title, f"文件编号：{doc.id}"]
    assert f"版本：V{doc.version}" in texts
    signatures, history = word.tables[0], word.tables[1]
    assert [c.text for c in signatures.rows[0].cells] == ["签署", "姓名", "日期", "签署含义"]
    for row, (label, name, day) in zip(signatures.rows[1:], (("编制人", "author", "prepared"),
                                                          ("审核人", "reviewer", "reviewed"),
                                                          ("批准人", "approver", "approved")), strict=True):
        cells = [c.text for c in row.cells]
        assert cells[:3] == [label, doc.text(name) or "", doc.text(day) or ""]
        assert cells[3].startswith(label[:2] + "：")
    heights = [tr.find(f"{W}trPr/{W}trHeight") for tr in signatures._tbl.tr_lst[1:]]
    assert [(h.get(f"{W}val"), h.get(f"{W}hRule")) for h in heights] == [("510", "atLeast")] * 3
    assert "文件编制和变更履历" in texts
    assert len(history.rows) == 2 + len(doc.history)
    tr = history._tbl.tr_lst
    first = [(tc.grid_span, tc.vMerge) for tc in tr[0].tc_lst]
    assert first == [(1, "restart"), (2, None), (2, None), (2, None), (1, "restart")]
    assert [tc.vMerge for tc in tr[1].tc_lst][::7] == ["continue", "continue"]
    assert [len(t.findall(f"{W}trPr/{W}tblHeader")) for t in tr[:3]] == [1, 1, 0]
    head = [c.text for c in history.rows[0].cells] + [c.text for c in history.rows[1].cells]
    assert head == ["版本", "编制/更改", "编制/更改", "发布", "发布", "实施", "实施", "更改记录",
                    "版本", "作者", "日期", "审核", "日期", "批准", "日期", "更改记录"]
    for row, rev in zip(history.rows[2:], doc.history, strict=True):
        assert [c.text for c in row.cells] == [f"V{rev.version}", rev.author or "", rev.date or "",
                                              rev.reviewer or "", rev.reviewed or "", rev.approver or "",
                                              rev.approved or "", rev.change or ""]


@pytest.mark.parametrize("source", POLICIES, ids=lambda p: p.stem)
def test_fields_headings_watermark_properties(exported: Path, source: Path) -> None:
    doc = DOCS[source.stem]
    path = exported / f"{doc.id}.docx"
    body = part(path, "word/document.xml")
    assert '<w:instrText xml:space="preserve"> TOC \\o &quot;1-3&quot; \\h \\z \\u </w:instrText>' in body
    footer = part(path, "word/footer1.xml")
    assert "> PAGE <" in footer and "> NUMPAGES <" in footer and "第 " in footer and " 页 共 " in footer
    for header in ("word/header1.xml", "word/header2.xml"):
        assert 'string="非受控副本"' in part(path, header)
    assert f"{doc.title}    {doc.id}    V{doc.version}" in part(path, "word/header1.xml")
    sect = body[body.rindex("<w:sectPr"):]
    assert '<w:pgSz w:w="11906" w:h="16838"/>' in sect and "<w:titlePg/>" in sect
    assert 'w:type="first"' in sect and 'w:type="default"' in sect
    word = docx.Document(str(path))
    styled = [p for p in word.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert [(int(p.style.name[-1]), p.text) for p in styled] == headings(doc.body)
    props = word.core_properties
    assert (props.title, props.identifier, props.version, props.content_status) == (
        doc.title, doc.id, doc.version, doc.status)


def test_fonts_in_east_asian_slots(exported: Path) -> None:
    styles = part(next(exported.glob("*.docx")), "word/styles.xml")
    assert "Theme" not in "".join(re.findall(r"<w:rFonts[^>]*>", styles))
    defaults = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", styles, re.S)
    assert defaults and 'w:eastAsia="宋体"' in defaults.group(0)
    for sid in ("Heading1", "Heading2", "Heading3", "Title"):
        style = re.search(rf'<w:style [^>]*w:styleId="{sid}".*?</w:style>', styles, re.S)
        assert style and 'w:eastAsia="黑体"' in style.group(0), sid
    table = re.search(r'<w:style [^>]*w:styleId="Table".*?</w:style>', styles, re.S)
    assert table and re.search(r'<w:tblBorders>\s*<w:top [^>]*w:val="single"', table.group(0))
    compact = re.search(r'<w:style [^>]*w:styleId="Compact".*?</w:style>', styles, re.S)
    assert compact and 'w:firstLineChars="0"' in compact.group(0)


def test_heading_numbering_like_the_originals(exported: Path) -> None:
    numbering = part(exported / "YNTD-ITSS-0403.docx", "word/numbering.xml")
    assert '<w:pStyle w:val="Heading2"/><w:suff w:val="space"/><w:lvlText w:val="%1.%2."/>' in numbering
    word = docx.Document(str(exported / "YNTD-ITSS-0403.docx"))
    toc = [p.text for p in word.paragraphs if p.style is not None and p.style.name.startswith("toc")]
    assert toc[:6] == ["1. 目的", "2. 适用范围", "3. 质量管理方针", "4. 质量管理目标", "5. 职责",
                       "5.1. 总经理"]


def test_body_tables_sized_with_header_and_borders(exported: Path) -> None:
    """The KPI table of TFDL-ITSS-08-09: the grid fills the text width, each cell's tcW matches it
    (LibreOffice reads the grid, Word the cells), the header row is repeated, bold and shaded."""
    word = docx.Document(str(exported / "TFDL-ITSS-08-09.docx"))
    kpi = next(t for t in word.tables if t.rows[0].cells[0].text == "序号" and len(t.columns) == 6)
    tbl = kpi._tbl
    grid = [int(c.get(f"{W}w")) for c in tbl.findall(f"{W}tblGrid/{W}gridCol")]
    assert sum(grid) == 11906 - 1701 - 1417
    assert grid.index(max(grid)) == 3            # 计算公式 gets the room
    assert min(grid[4:]) >= 4 * 210              # 考核要求 / 考核周期 stay on one line
    for tr in tbl.tr_lst:
        assert [int(tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) for tc in tr.tc_lst] == grid
    head = tbl.tr_lst[0]
    assert head.find(f"{W}trPr/{W}tblHeader") is not None
    assert [tc.find(f"{W}tcPr/{W}shd").get(f"{W}fill") for tc in head.tc_lst] == ["F2F2F2"] * 6
    assert {p.style.name for p in kpi.rows[0].cells[0].paragraphs} == {"Table Heading"}
    assert {p.style.name for p in kpi.rows[1].cells[3].paragraphs} == {"Table Text"}
    borders = tbl.find(f"{W}tblPr/{W}tblBorders")
    assert [b.get(f"{W}val") for b in borders] == ["single"] * 6
    styles = part(exported / "TFDL-ITSS-08-09.docx", "word/styles.xml")
    heading = re.search(r'<w:style [^>]*w:styleId="TableHeading".*?</w:style>', styles, re.S)
    assert heading and re.search(r"<w:b ?/>", heading.group(0)) and re.search(r'<w:jc w:val="center" ?/>',
                                                                               heading.group(0))


def test_watermark_is_filled_light_grey_without_outline(exported: Path) -> None:
    header = part(exported / "YNTD-ITSS-0403.docx", "word/header1.xml")
    shape = re.search(r"<v:shape .*?</v:shape>", header, re.S)
    assert shape is not None
    assert 'filled="t" fillcolor="#d9d9d9" stroked="f"' in shape.group(0)
    assert '<v:stroke on="f"/><v:fill on="t" color="#d9d9d9" opacity=".5"/>' in shape.group(0)


def test_toc_entries_link_to_heading_bookmarks(exported: Path) -> None:
    body = part(exported / "YNTD-ITSS-0403.docx", "word/document.xml")
    anchors = re.findall(r'<w:hyperlink w:anchor="([^"]+)" w:history="1"><w:r><w:t xml:space="preserve">'
                         r"([^<]+)</w:t>", body)
    assert anchors[:3] == [("目的", "1. 目的"), ("适用范围", "2. 适用范围"), ("质量管理方针", "3. 质量管理方针")]
    bookmarks = set(re.findall(r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)"', body))
    assert {name for name, _ in anchors} <= bookmarks
