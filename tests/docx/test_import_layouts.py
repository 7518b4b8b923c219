"""docctl import on more legacy layouts, made here with python-docx: a cover as a two-column table with
merged rows, seed 001's revision table (序号 | 版本号 | 变更说明 | 修订人 | 审批人 | 日期) with 2025年1月7日
dates and typed headings without separators, Chinese numbering (一、 / （一）), no revision table at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_import import import_, load

import docx
from docctl.cli import main


def table_cover_chinese_numbering(path: Path) -> Path:
    d = docx.Document()
    cover = d.add_table(rows=8, cols=2)
    cover.cell(0, 0).merge(cover.cell(0, 1)).text = "湖南同飞电力调度信息有限责任公司"
    cover.cell(1, 0).merge(cover.cell(1, 1)).text = "运维服务备件管理办法"
    for r, (key, value) in enumerate((("文件编号", "TFDL-ITSS-05-01"), ("版 本 号", "V 2 . 1"),
                                      ("编制人", "杨洁"), ("编制日期", "2025年1月7日"),
                                      ("批准人", "张远明"), ("批准日期", "2025年1月 10日")), 2):
        cover.cell(r, 0).text, cover.cell(r, 1).text = key, value
    d.add_paragraph("一、总则")
    d.add_paragraph("（一）目的")
    d.add_paragraph("为规范备件的申领、保管和报废，特制定本办法。")
    d.add_paragraph("1. 备件入库须登记。")
    d.add_paragraph("2. 备件出库须审批。")
    d.add_paragraph("（二）适用范围")
    d.add_paragraph("适用于公司全部运维项目。")
    d.add_paragraph("二、职责")
    d.add_paragraph("运维部负责备件的日常管理。")
    d.save(str(path))
    return path


def test_table_cover_with_merged_rows_and_chinese_numbering(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    source = table_cover_chinese_numbering(tmp_path / "备件.docx")
    assert import_(tmp_path, source) == 1
    assert capsys.readouterr().err == (
        f"{source}:1:1: warning import-history-missing: 没有找到变更履历表；按封面生成一行履历\n"
        "    提示: 补录历次版本到 history\n")
    meta, body = load(tmp_path / "TFDL-ITSS-05-01.md")
    assert {k: meta[k] for k in ("id", "title", "org", "version", "type", "author", "prepared", "approver",
                                 "approved", "effective", "status")} == {
        "id": "TFDL-ITSS-05-01", "title": "运维服务备件管理办法", "org": "湖南同飞电力调度信息有限责任公司",
        "version": "2.1", "type": "policy", "author": "杨洁", "prepared": "2025-01-07", "approver": "张远明",
        "approved": "2025-01-10", "effective": "2025-01-10", "status": "effective"}
    assert meta["history"] == [{"version": "2.1", "author": "杨洁", "date": "2025-01-07", "reviewer": None,
                                "reviewed": None, "approver": "张远明", "approved": "2025-01-10",
                                "change": "首次发布"}]
    assert body == ("# 总则\n\n## 目的\n\n为规范备件的申领、保管和报废，特制定本办法。\n\n"
                    "1. 备件入库须登记。\n2. 备件出库须审批。\n\n## 适用范围\n\n适用于公司全部运维项目。\n\n"
                    "# 职责\n\n运维部负责备件的日常管理。\n")


def seed_001_layout(path: Path) -> Path:
    """Title before organization, 版本修订记录 with seed 001's header, a typed 目录, `1编写目的`."""
    d = docx.Document()
    d.add_paragraph("运维服务质量管理制度")
    d.add_paragraph("XXXX公司")
    d.add_paragraph("版本修订记录")
    rev = d.add_table(rows=3, cols=6)
    rows = (("序号", "版本号", "变更说明", "修订人", "审批人", "日期"),
            ("1", "V1.0", "首次发布", "王伟", "李娜", "2025年1月7日"),
            ("2", "V1.1", "修订第3章", "王伟", "李娜", "2025年3月"))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            rev.cell(r, c).text = text
    d.add_paragraph("目录")
    for line in ("1编写目的\t4", "2 .适用范围\t4", "3 .运维服务质量管理体系总要求\t4", "3.1 运维服务管理组织及职责\t4"):
        d.add_paragraph(line)
    d.add_paragraph("1编写目的")
    d.add_paragraph("为保证XXXX公司提供的运维服务满足客户所需的服务质量，特制订本制度。")
    d.add_paragraph("2 .适用范围")
    d.add_paragraph("适用于本公司运维体系涉及的相关部门。")
    d.add_paragraph("3 .运维服务质量管理体系总要求")
    d.add_paragraph("3.1 运维服务管理组织及职责")
    d.add_paragraph("3个工作日内完成评审")
    d.save(str(path))
    return path


def test_seed_001_layout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = seed_001_layout(tmp_path / "质量管理制度.docx")
    assert import_(tmp_path, source) == 1
    assert capsys.readouterr().err == (
        f"{source}:4:6: warning import-revision-one-date: 变更履历表只有一个日期列“日期”（表格 1 第 1 行第 6 列），"
        "却有多个签署人；记为变更日期，并作为批准日期\n"
        "    提示: 核对各行的审核、批准日期\n"
        f"{source}:1:1: warning import-id-missing: 无法确定文件编号：封面、页眉和文档属性都未载明；"
        "暂用文件名 质量管理制度\n"
        "    提示: 在前置元数据中填写 id，并把文件改名为 <id>.md\n"
        f"{source}:4:6: warning import-date-unreadable: 编制日期“2025年3月”（表格 1 第 3 行第 6 列）不是可识别的日期；"
        "原样照录\n"
        "    提示: 改为 YYYY-MM-DD\n")
    meta, body = load(tmp_path / "质量管理制度.md")
    assert (meta["title"], meta["org"], meta["version"], meta["author"], meta["approver"]) == (
        "运维服务质量管理制度", "XXXX公司", "1.1", "王伟", "李娜")
    assert meta["history"] == [
        {"version": "1.0", "author": "王伟", "date": "2025-01-07", "reviewer": None, "reviewed": None,
         "approver": "李娜", "approved": "2025-01-07", "change": "首次发布"},
        {"version": "1.1", "author": "王伟", "date": "2025年3月", "reviewer": None, "reviewed": None,
         "approver": "李娜", "approved": "2025年3月", "change": "修订第3章"}]
    assert body == ("# 编写目的\n\n为保证XXXX公司提供的运维服务满足客户所需的服务质量，特制订本制度。\n\n"
                    "# 适用范围\n\n适用于本公司运维体系涉及的相关部门。\n\n# 运维服务质量管理体系总要求\n\n"
                    "## 运维服务管理组织及职责\n\n3个工作日内完成评审\n")


def test_body_without_headings_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = docx.Document()
    d.core_properties.title = "值班管理规定"
    d.core_properties.identifier = "XDYJ-02-01"
    d.core_properties.subject = "北京新都远景网络技术有限公司"
    d.core_properties.version = "1.0"
    d.add_paragraph("值班人员须按排班表到岗，不得擅自换班。")
    d.add_paragraph("交接班时须填写交接记录。")
    source = tmp_path / "duty.docx"
    d.save(str(source))
    assert main(["--lang", "en", "import", str(source), "--out", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"{source}:1:1: warning import-history-missing: no revision table found; one history row is made "
        "from the cover\n"
        "    hint: add the earlier versions to history\n"
        f"{source}:1:1: warning import-no-headings: the body has no headings: no heading styles and no typed "
        "numbering it can read (1., 1.1, 一、, （一）); the body is not divided into sections\n"
        "    hint: mark the sections with # and ## in the imported file\n")
    meta, body = load(tmp_path / "XDYJ-02-01.md")
    assert (meta["title"], meta["type"], meta["status"]) == ("值班管理规定", "policy", "draft")
    assert body == "值班人员须按排班表到岗，不得擅自换班。\n\n交接班时须填写交接记录。\n"
