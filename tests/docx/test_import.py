"""docctl import: the real-layout sample, layouts made here with python-docx, hostile files, round trip."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pypandoc
import pytest
from docx.oxml.ns import qn
from docx_helpers import POLICIES, exported_docx  # noqa: F401 (the `exported` fixture)

import docx
from docctl.cli import main
from docctl.sourcefile import split
from docctl.yamlsafe import parse

SAMPLE = Path("/work/shared/samples/YNTD-ITSS-0403.docx")
if not SAMPLE.exists():
    SAMPLE = Path(__file__).resolve().parents[3] / "shared/samples/YNTD-ITSS-0403.docx"


def load(path: Path) -> tuple[dict[str, object], str]:
    src = split(path.read_text(encoding="utf-8"))
    assert src.front is not None
    data = parse(src.front).data
    assert isinstance(data, dict)
    return data, src.body


def plain(markdown: str) -> str:
    done = subprocess.run([pypandoc.get_pandoc_path(), "-f", "markdown-smart", "-t", "plain", "--wrap=none"],
                          input=markdown.encode(), capture_output=True, check=True)
    return done.stdout.decode()


DEFAULTED = {
    "zh": ("{source}:1:1: warning import-defaulted: 源文件未载明{field}；采用默认值 {key}: {value}（{why}）\n"
           "    提示: 核对后在前置元数据中确认或改正 {key}\n",
           {"status": "状态", "effective": "生效日期", "review_cycle": "评审周期"},
           {"effective": "封面或变更履历载有批准日期，视为已发布实施",
            "draft": "封面和变更履历都没有批准日期，视为草稿",
            "date": "取批准日期", "P1Y": "按每年评审一次"}),
    "en": ("{source}:1:1: warning import-defaulted: the source gives no {field}; the default {key}: {value} is "
           "used ({why})\n    hint: check it, then confirm or correct {key} in the front matter\n",
           {"status": "status", "effective": "effective date", "review_cycle": "review cycle"},
           {"effective": "the cover or the revision table gives an approval date, so it is taken as in force",
            "draft": "neither the cover nor the revision table gives an approval date, so it is taken as a draft",
            "date": "the approval date is taken", "P1Y": "a yearly review is assumed"}),
}


def defaults(source: Path, effective: str | None, status: str | None = "effective", lang: str = "zh") -> str:
    """The import-defaulted findings of a file that gives no status, effective date or review cycle:
    `effective` is the approval date used (None: none), `status` the status assumed (None: given)."""
    template, fields, why = DEFAULTED[lang]
    used = [("status", status, status), ("effective", effective, "date"), ("review_cycle", "P1Y", "P1Y")]
    return "".join(template.format(source=source, field=fields[key], key=key, value=value, why=why[reason or ""])
                   for key, value, reason in used if value)


def import_(tmp: Path, *files: Path) -> int:
    return main(["import", *map(str, files), "--out", str(tmp)])


@pytest.mark.skipif(not SAMPLE.exists(), reason="legacy sample not on this machine")
def test_sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert import_(tmp_path, SAMPLE) == 1
    captured = capsys.readouterr()
    assert captured.out == f"{tmp_path}/YNTD-ITSS-0403.md\n"
    assert captured.err == defaults(SAMPLE, "2025-01-07")
    meta, body = load(tmp_path / "YNTD-ITSS-0403.md")
    assert meta["history"] == [{"version": "1.0", "author": "吴杰", "date": "2025-01-07",
                                "reviewer": "赵建中",
                                "reviewed": "2025-01-07", "approver": "陆涛", "approved": "2025-01-07",
                                "change": "首次发布"}]
    assert (meta["id"], meta["title"], meta["org"], meta["version"]) == (
        "YNTD-ITSS-0403", "运维服务质量管理制度", "云南腾电科技有限公司", "1.0")
    assert body.startswith("# 目的\n\n为确保公司提供的运维服务满足客户所需的服务质量")
    assert "## 总经理\n\n1. 负责审批IT运维服务管理体系年度运维服务能力管理计划、指标体系及相关报告。\n2. " \
        in body
    assert "# 目录" not in body and "\n目录\n" not in body and "右键更新域" not in body


@pytest.mark.parametrize("source", POLICIES, ids=lambda p: p.stem)
def test_round_trip(exported: Path, tmp_path: Path, source: Path) -> None:
    """export then import gives back the same front matter and the same body text."""
    assert import_(tmp_path, exported / f"{source.stem}.docx") == 0
    original, original_body = load(source)
    imported, imported_body = load(tmp_path / source.name)
    assert imported == original
    assert plain(imported_body) == plain(original_body)


def grid_cover_docx(path: Path, approver_in_table: str = "孙玥") -> Path:
    """Another layout: cover as a key/value grid with spaced labels, a 日期|版本|变更说明|批准人 table,
    typed heading numbers without heading styles, a hand-made TOC with page numbers, a merged table."""
    d = docx.Document()
    d.add_paragraph("北京新都远景网络技术有限公司")
    d.add_paragraph("运维服务质量改进管理制度")
    grid = d.add_table(rows=3, cols=4)
    for r, cells in enumerate((("文件编号：", "XDYJ-04-04", "编制部门：", "质量效能部"),
                               ("版 本：", "V 1 . 0", "编制时间：", "2025.01.10"),
                               ("批 准 人：", "孙玘", "审批时间：", "2025. 1. 10"))):
        for c, text in enumerate(cells):
            grid.cell(r, c).text = text
    d.add_paragraph("修订记录")
    rev = d.add_table(rows=2, cols=4)
    for c, text in enumerate(("日期", "版本", "变更说明", "批准人")):
        rev.cell(0, c).text = text
    for c, text in enumerate(("2025. 01. 10", "V1. 0", "新建", approver_in_table)):
        rev.cell(1, c).text = text
    d.add_paragraph("目录")
    d.add_paragraph("1. 总则\t5")
    d.add_paragraph("1.1. 目的\t5")
    d.add_paragraph("1. 总则")
    d.add_paragraph("1.1. 目的")
    d.add_paragraph("为建立系统化、规范化的运维服务质量改进机制，特制定本制度。")
    d.add_paragraph("1.2. 指标")
    table = d.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标域", "指标名称"
    merged = table.cell(1, 0).merge(table.cell(2, 0))
    merged.text = "质量指标"
    table.cell(1, 1).text, table.cell(2, 1).text = "SLA达成率", "客户满意度"
    d.add_paragraph("2. 引用依据")
    d.add_paragraph("1. GB/T 28827.1-2022 《信息技术服务 运行维护 第1部分：通用要求》")
    d.add_paragraph("2. GB/T 28827.2-2012 《信息技术服务 运行维护 第2部分：交付规范》")
    d.save(str(path))
    return path


def test_grid_cover_typed_headings_and_contradiction(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    source = grid_cover_docx(tmp_path / "legacy.docx")
    out = tmp_path / "out"
    assert import_(out, source) == 1
    captured = capsys.readouterr()
    assert captured.out == f"{out}/XDYJ-04-04.md\n"
    assert captured.err == (
        f"{source}:3:2: warning import-signatory-mismatch: 批准人不一致：封面（表格 1 第 3 行第 2 列）为 孙玘，"
        "变更履历最后一行（表格 2 第 2 行第 4 列）为 孙玥；两者均照录（封面字段取封面，履历取履历）\n"
        "    提示: 核实后以受控修订更正\n" + defaults(source, "2025-01-10"))
    meta, body = load(out / "XDYJ-04-04.md")
    assert {k: meta[k] for k in ("id", "title", "org", "department", "version", "approver", "approved",
                                 "prepared", "type", "status")} == {
        "id": "XDYJ-04-04", "title": "运维服务质量改进管理制度", "org": "北京新都远景网络技术有限公司",
        "department": "质量效能部", "version": "1.0", "approver": "孙玘", "approved": "2025-01-10",
        "prepared": "2025-01-10", "type": "policy", "status": "effective"}
    assert meta["history"] == [{"version": "1.0", "author": None, "date": "2025-01-10", "reviewer": None,
                                "reviewed": None, "approver": "孙玥", "approved": "2025-01-10",
                                "change": "新建"}]
    assert body.startswith("# 总则\n\n## 目的\n\n"
                           "为建立系统化、规范化的运维服务质量改进机制，特制定本制度。\n\n## 指标\n")
    assert 'rowspan="2"' in body and "质量指标" in body
    assert body.endswith("# 引用依据\n\n1. GB/T 28827.1-2022 《信息技术服务 运行维护 第1部分：通用要求》\n"
                         "2. GB/T 28827.2-2012 《信息技术服务 运行维护 第2部分：交付规范》\n")


def test_no_cover_id_is_a_warning_and_existing_file_kept(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    d = docx.Document()
    d.add_heading("目的", level=1)
    d.add_paragraph("正文。")
    source = tmp_path / "无编号.docx"
    d.save(str(source))
    assert import_(tmp_path, source) == 1
    assert capsys.readouterr().err == (
        f"{source}:1:1: warning import-id-missing: 无法确定文件编号：封面、页眉和文档属性都未载明；暂用文件名 无编号\n"
        "    提示: 在前置元数据中填写 id，并把文件改名为 <id>.md\n"
        f"{source}:1:1: warning import-title-missing: 无法确定标题：封面和文档属性都未载明；暂用 无编号\n"
        "    提示: 在前置元数据中填写 title\n"
        f"{source}:1:1: warning import-type-guessed: 无法从标题“无编号”（文件名）判断文件类型；暂定 policy\n"
        "    提示: 核对 type：policy、procedure、plan 或 form\n"
        f"{source}:1:1: warning import-org-missing: 无法确定组织：封面和文档属性都未载明\n"
        "    提示: 在前置元数据中填写 org\n"
        f"{source}:1:1: warning import-version-missing: 无法确定版本：封面、变更履历和文档属性都未载明；暂定 1.0\n"
        "    提示: 在前置元数据中填写 version\n"
        f"{source}:1:1: warning import-history-missing: 没有找到变更履历表；按封面生成一行履历\n"
        "    提示: 补录历次版本到 history\n" + defaults(source, None, "draft"))
    before = (tmp_path / "无编号.md").read_bytes()
    assert import_(tmp_path, source) == 2
    assert "already exists; not overwritten" in capsys.readouterr().err
    assert (tmp_path / "无编号.md").read_bytes() == before


def zip_with(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


HOSTILE = {
    "bomb": ({"word/document.xml": b"<a>" + b" " * (40 * 1024 * 1024) + b"</a>"},
             "refused: entry word/document.xml unpacks to 41943047 bytes"),
    "ratio": ({"word/document.xml": b"<a>" + b"A" * (8 * 1024 * 1024) + b"</a>"}, "compression ratio"),
    "entries": ({**{f"x/{i}": b"" for i in range(1001)}, "word/document.xml": b"<a/>"},
                "refused: 1002 zip entries, limit 1000"),
    "no-document": ({"hello.txt": b"hi"}, "refused: no word/document.xml"),
    "traversal": ({"word/document.xml": b"<a/>", "../evil": b"x"}, "unsafe entry name '../evil'"),
    "entity": ({"word/document.xml": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"},
               "refused: word/document.xml declares a DTD or entities (<!DOCTYPE / <!ENTITY), which Word "
               "never writes and which can pull in external files (含 DTD 或实体声明，可能引用外部实体，拒绝导入)\n"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_files_refused(tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]) -> None:
    entries, message = HOSTILE[case]
    source = zip_with(tmp_path / f"{case}.docx", entries)
    out = tmp_path / "out"
    code = import_(out, source)
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"docctl: {source}: refused: ") and message in err
    assert not out.exists() or not list(out.iterdir())


def test_not_a_zip_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "fake.docx"
    source.write_bytes(b"PK\x03\x04 not really")
    assert import_(tmp_path / "out", source) == 2
    assert "refused: not a DOCX (zip) file" in capsys.readouterr().err


def test_cover_with_header_and_core_properties(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Paragraph cover without a number: the id comes from the page header; core title disagrees."""
    d = docx.Document()
    d.core_properties.title = "运维服务管理计划"
    d.sections[0].header.paragraphs[0].text = "湖南同飞电力调度信息有限责任公司  TFDL-ITSS-08-09"
    d.add_paragraph("湖南同飞电力调度信息有限责任公司")
    d.add_paragraph("2022年 运维服务质量管理计划")
    d.add_paragraph("编制人：杨洁")
    d.add_paragraph("编制日期：2022.1.6")
    h = d.add_paragraph("1. 运维服务质量过程活动总体安排")
    h.style = d.styles["Heading 1"]
    d.add_paragraph("为确保公司提供的运维服务满足客户所需的服务质量。")
    buffer = io.BytesIO()
    d.save(buffer)
    source = tmp_path / "plan.docx"
    source.write_bytes(buffer.getvalue())
    assert import_(tmp_path, source) == 1
    assert capsys.readouterr().err.splitlines()[:2] == [
        f"{source}:2:1: warning import-core-mismatch: 标题不一致：第 2 段为 2022年运维服务质量管理计划，"
        "文档属性为 运维服务管理计划；采用 2022年运维服务质量管理计划",
        "    提示: 核对原件后在导入的文件中改正"]
    meta, body = load(tmp_path / "TFDL-ITSS-08-09.md")
    assert (meta["title"], meta["type"], meta["author"], meta["prepared"]) == (
        "2022年运维服务质量管理计划", "plan", "杨洁", "2022-01-06")
    assert body == "# 运维服务质量过程活动总体安排\n\n为确保公司提供的运维服务满足客户所需的服务质量。\n"
    assert qn("w:t")  # python-docx namespaces available for the layouts above


def test_findings_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = grid_cover_docx(tmp_path / "legacy.docx")
    assert main(["--lang", "en", "import", str(source), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == (
        f"{source}:3:2: warning import-signatory-mismatch: the approver differs: 孙玘 on the cover "
        "(table 1, row 3, column 2), 孙玥 in the last row of the revision table (table 2, row 2, column 4); "
        "both are kept (the field from the cover, the history from the table)\n"
        "    hint: check it and correct it through a controlled revision\n" + defaults(source, "2025-01-10", lang="en"))
