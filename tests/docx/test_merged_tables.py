"""Tables with merged cells: import keeps them as an HTML table (rowspan / colspan), export turns that
back into a Word table with gridSpan / vMerge, and importing the export gives the same file again."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx_helpers import policy_repo
from lxml import etree
from test_import import defaults, import_

import docx
from docctl.cli import main
from docctl.docx.tables import format_tables

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"


def merged_table_docx(path: Path) -> Path:
    """A cover, a styled heading, and a body table: 金牌 spans two rows, 响应 30 分钟 two columns."""
    d = docx.Document()
    d.add_paragraph("成都蓝鲸运维服务有限公司")
    d.add_paragraph("文件名称：服务级别管理制度")
    d.add_paragraph("文件编号：LJYW-SLM-03      版本号：V1.2")
    d.add_paragraph("批准人：孙三    批准日期：2025.1.9")
    rev = d.add_table(rows=2, cols=4)
    for r, cells in enumerate((("日期", "版本", "变更说明", "批准人"), ("2025.1.9", "V1.2", "新建", "孙三"))):
        for c, text in enumerate(cells):
            rev.cell(r, c).text = text
    d.add_heading("服务级别", level=1)
    table = d.add_table(rows=4, cols=3)
    for r, cells in enumerate((("级别", "指标", "目标"), ("金牌", "响应时间", "15分钟"), ("", "恢复时间", "4小时"),
                               ("银牌", "响应时间", "30分钟"))):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    table.cell(1, 0).merge(table.cell(2, 0)).text = "金牌"
    table.cell(3, 1).merge(table.cell(3, 2)).text = "响应 30 分钟"
    d.add_paragraph("本制度自发布之日起实施。")
    d.save(str(path))
    return path


BODY = ("# 服务级别\n\n<table>\n<thead>\n<tr>\n<th>级别</th>\n<th>指标</th>\n<th>目标</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td rowspan=\"2\">金牌</td>\n<td>响应时间</td>\n<td>15分钟</td>\n</tr>\n<tr>\n"
        "<td>恢复时间</td>\n<td>4小时</td>\n</tr>\n<tr>\n<td>银牌</td>\n<td colspan=\"2\">响应 30 分钟</td>\n"
        "</tr>\n</tbody>\n</table>\n\n本制度自发布之日起实施。\n")


def cells(tr: etree._Element) -> list[tuple[int, str | None, str]]:
    result = []
    for tc in tr.findall(f"{W}tc"):
        span = tc.find(f"{W}tcPr/{W}gridSpan")
        merge = tc.find(f"{W}tcPr/{W}vMerge")
        result.append((int(span.get(f"{W}val")) if span is not None else 1,
                       None if merge is None else merge.get(f"{W}val", "continue"),
                       "".join(t.text or "" for t in tc.iter(f"{W}t"))))
    return result


def test_merged_body_table_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = policy_repo(tmp_path / "repo")
    source = merged_table_docx(tmp_path / "sla.docx")
    assert import_(root / "policies", source) == 1
    assert capsys.readouterr().err == defaults(source, "2025-01-09")
    first = (root / "policies/LJYW-SLM-03.md").read_text(encoding="utf-8")
    assert first.endswith("---\n" + BODY)
    assert main(["-C", str(root), "export", "LJYW-SLM-03", "--out", "out"]) == 0
    exported = root / "out/LJYW-SLM-03.docx"
    tables = docx.Document(str(exported)).tables
    assert len(tables) == 3                       # signatures, history, the body table
    tbl = tables[2]._tbl
    assert [cells(tr) for tr in tbl.tr_lst] == [
        [(1, None, "级别"), (1, None, "指标"), (1, None, "目标")],
        [(1, "restart", "金牌"), (1, None, "响应时间"), (1, None, "15分钟")],
        [(1, "continue", ""), (1, None, "恢复时间"), (1, None, "4小时")],
        [(1, None, "银牌"), (2, None, "响应 30 分钟")]]
    grid = [int(c.get(f"{W}w")) for c in tbl.findall(f"{W}tblGrid/{W}gridCol")]
    widths = [[int(tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) for tc in tr.tc_lst] for tr in tbl.tr_lst]
    assert widths[:3] == [grid] * 3 and widths[3] == [grid[0], grid[1] + grid[2]]
    assert tbl.tr_lst[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert [p.style.name for p in tables[2].cell(2, 0).paragraphs] == ["Table Text"]
    with zipfile.ZipFile(exported) as zf:
        assert "&lt;table" not in zf.read("word/document.xml").decode()
    capsys.readouterr()
    again = tmp_path / "again"
    assert import_(again, exported) == 0
    assert (again / "LJYW-SLM-03.md").read_text(encoding="utf-8") == first


def test_column_after_a_span_is_sized_by_its_own_text() -> None:
    """Row 2 spans the first two columns; the long text of row 2 is in the third column, and must widen
    that column, not the second."""
    def tc(text: str, span: int = 1) -> str:
        pr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else "<w:tcPr/>"
        return f"<w:tc>{pr}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"
    rows = (f"<w:tr>{tc('甲')}{tc('乙')}{tc('丙')}</w:tr>"
            f"<w:tr>{tc('合并', 2)}{tc('很长很长很长很长很长很长很长很长很长很长的说明文字')}</w:tr>")
    document = (f'<w:document xmlns:w="{W_NS}"><w:body><w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/>'
                f"<w:gridCol/></w:tblGrid>{rows}</w:tbl></w:body></w:document>")
    root = etree.fromstring(format_tables(document))
    grid = [int(c.get(f"{W}w")) for c in root.iter(f"{W}gridCol")]
    assert grid[2] > 3 * grid[1] and grid[0] == grid[1]
    spanned = root.findall(f".//{W}tr")[1].findall(f"{W}tc")
    assert [int(t.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) for t in spanned] == [grid[0] + grid[1], grid[2]]
