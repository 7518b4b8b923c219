"""docctl import on the layouts of the second audit: a cover grid whose cells hold a name and a date
(`编制/日期：` | `刘洋 2022年5月6日`), defaults said instead of guessed, `(1)` / `（1）` / `①` items,
regulations with and without heading styles, and a DOCX that declares entities."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from test_import import defaults, import_, load

import docx
from docctl.cli import main

GIVEN = (("状态：", "现行有效"), ("生效日期：", "2022年5月10日"), ("评审周期：", "每年"))


def grid_cover(path: Path, signers: tuple[tuple[str, str], ...],
               given: tuple[tuple[str, str], ...] = GIVEN) -> Path:
    d = docx.Document()
    d.add_paragraph("曲靖云端数据服务有限公司")
    d.add_paragraph("机房巡检管理办法")
    rows = (("文件编号：", "QJYD-OPS-007"), ("版本：", "V1.0"), *signers, *given)
    t = d.add_table(rows=len(rows), cols=2)
    for r, (key, value) in zip(t.rows, rows, strict=True):
        r.cells[0].text, r.cells[1].text = key, value
    d.add_paragraph("一、目的")
    d.add_paragraph("确保机房设备稳定运行。")
    d.save(str(path))
    return path


def test_name_and_date_in_one_cell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = grid_cover(tmp_path / "巡检.docx", (("编制/日期：", "刘洋 2022年5月6日"),
                                                ("审核 / 日期：", "陈晨/2022.05.08"),
                                                ("批准/日期：", "黄磊 2022-05-10")))
    assert import_(tmp_path, source) == 1
    assert capsys.readouterr().err == (
        f"{source}:1:1: warning import-history-missing: 没有找到变更履历表；按封面生成一行履历\n"
        "    提示: 补录历次版本到 history\n")
    meta, _ = load(tmp_path / "QJYD-OPS-007.md")
    assert {k: meta[k] for k in ("author", "prepared", "reviewer", "reviewed", "approver", "approved")} == {
        "author": "刘洋", "prepared": "2022-05-06", "reviewer": "陈晨", "reviewed": "2022-05-08",
        "approver": "黄磊", "approved": "2022-05-10"}


def test_name_and_date_in_one_paragraph(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("曲靖云端数据服务有限公司")
    d.add_paragraph("机房巡检规范（QJYD-OPS-008）")
    d.add_paragraph("编制人：刘洋 2022年5月6日    审核/日期：陈晨 2022.5.8")
    d.add_paragraph("一、目的")
    d.add_paragraph("确保机房设备稳定运行。")
    d.save(str(tmp_path / "p.docx"))
    import_(tmp_path, tmp_path / "p.docx")
    meta, _ = load(tmp_path / "QJYD-OPS-008.md")
    assert {k: meta[k] for k in ("author", "prepared", "reviewer", "reviewed")} == {
        "author": "刘洋", "prepared": "2022-05-06", "reviewer": "陈晨", "reviewed": "2022-05-08"}


def test_signer_label_without_a_name_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = grid_cover(tmp_path / "巡检.docx", (("编制/日期：", "刘洋 2022年5月6日"),
                                                ("审核/日期：", "2022年5月8日"),
                                                ("批准人：", "")))
    assert import_(tmp_path, source) == 1
    err = capsys.readouterr().err
    assert (f"{source}:3:2: warning import-signer-unnamed: 封面的签署栏“审核/日期”（表格 1 第 4 行第 2 列）"
            "读不出姓名（内容为 2022年5月8日）；审核人留空\n    提示: 在前置元数据中填写签署人姓名\n") in err
    assert (f"{source}:3:2: warning import-signer-unnamed: 封面的签署栏“批准人”（表格 1 第 5 行第 2 列）"
            "读不出姓名（栏内为空）；批准人留空\n    提示: 在前置元数据中填写签署人姓名\n") in err
    meta, _ = load(tmp_path / "QJYD-OPS-007.md")
    assert (meta["reviewer"], meta["reviewed"], meta["approver"]) == (None, "2022-05-08", None)


SIGNED = (("编制/日期：", "刘洋 2022年5月6日"), ("审核/日期：", "陈晨 2022年5月8日"),
          ("批准/日期：", "黄磊 2022年5月10日"))
NO_HISTORY = ("{source}:1:1: warning import-history-missing: 没有找到变更履历表；按封面生成一行履历\n"
              "    提示: 补录历次版本到 history\n")


def test_values_the_source_gives_are_not_defaults(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = grid_cover(tmp_path / "巡检.docx", SIGNED, (("状态：", "草稿"), ("生效日期：", "2022年6月1日"),
                                                         ("评审周期：", "两年")))
    assert import_(tmp_path, source) == 1
    assert capsys.readouterr().err == NO_HISTORY.format(source=source)
    meta, _ = load(tmp_path / "QJYD-OPS-007.md")
    assert (meta["status"], meta["effective"], meta["review_cycle"]) == ("draft", "2022-06-01", "P2Y")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_defaults_are_said(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    source = grid_cover(tmp_path / "巡检.docx", SIGNED, ())
    assert main(["--lang", lang, "import", str(source), "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.endswith(defaults(source, "2022-05-10", lang=lang))
    assert err.count("import-defaulted") == 3
    meta, _ = load(tmp_path / "QJYD-OPS-007.md")
    assert (meta["status"], meta["effective"], meta["review_cycle"]) == ("effective", "2022-05-10", "P1Y")


def test_unapproved_source_defaults_to_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = grid_cover(tmp_path / "巡检.docx", (("编制/日期：", "刘洋 2022年5月6日"),), ())
    assert import_(tmp_path, source) == 1
    assert capsys.readouterr().err == NO_HISTORY.format(source=source) + defaults(source, None, "draft")
    meta, _ = load(tmp_path / "QJYD-OPS-007.md")
    assert (meta["status"], meta["effective"], meta["review_cycle"]) == ("draft", None, "P1Y")


def typed_items_docx(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("滇中网络科技有限公司")
    d.add_paragraph("变更管理程序（DZWL-QM-012）")
    d.add_paragraph("1. 职责", style="Heading 1")
    d.add_paragraph("2.2. 变更委员会", style="Heading 2")
    for text in ("(1) 审议重大变更；", "(2) 审议紧急变更。", "值班经理：", "（1）受理变更；", "（2）登记变更。",
                 "其他：", "① 通知；", "② 回顾。", "环境要求：", "1. 温度；", "(1) 机房；", "① 冷通道；",
                 "(2) 配电室；", "2. 湿度。", "检查完毕。"):
        d.add_paragraph(text)
    d.save(str(path))
    return path


TYPED_ITEMS_BODY = """# 职责

## 变更委员会

1. 审议重大变更；
2. 审议紧急变更。

值班经理：

1. 受理变更；
2. 登记变更。

其他：

1. 通知；
2. 回顾。

环境要求：

1. 温度；
   1. 机房；
      1. 冷通道；
   2. 配电室；
2. 湿度。

检查完毕。
"""


def test_parenthesized_and_circled_items_are_ordered_lists(tmp_path: Path) -> None:
    """`(1)` / `（1）` / `①` items become ordered list items like `1.` items, nested in the order a list
    first uses them; never escaped text (`\\(1\\) …`)."""
    import_(tmp_path, typed_items_docx(tmp_path / "变更.docx"))
    assert load(tmp_path / "DZWL-QM-012.md")[1] == TYPED_ITEMS_BODY


def regulation(path: Path, styled: bool, lines: tuple[tuple[str, int], ...]) -> Path:
    d = docx.Document()
    d.add_paragraph("红河科技股份有限公司")
    d.add_paragraph("备份与恢复管理规定（HHKJ-IT-0105）")
    for text, level in lines:
        d.add_paragraph(text, style=f"Heading {level}" if styled and level else None)
    d.save(str(path))
    return path


TITLED = (("第一章 总则", 1), ("第一条 目的", 2), ("保证数据可恢复。", 0), ("第二章 备份策略", 1),
          ("第一节 频率", 2), ("第二条 增量备份", 3), ("每日增量。", 0), ("第三条：全量备份", 3), ("每周全量。", 0))
TITLED_BODY = ("# 总则\n\n## 第一条 目的\n\n保证数据可恢复。\n\n# 备份策略\n\n## 频率\n\n### 第二条 增量备份\n\n"
               "每日增量。\n\n### 第三条：全量备份\n\n每周全量。\n")


@pytest.mark.parametrize("styled", [True, False], ids=["heading-styles", "typed"])
def test_titled_articles_styled_or_not(tmp_path: Path, styled: bool) -> None:
    """Chapters and sections lose their typed number; a titled article (`第一条 目的`, its provision in the
    paragraphs after it) is a heading below them that keeps its number, with or without Word heading
    styles: both give the same Markdown."""
    import_(tmp_path, regulation(tmp_path / "备份.docx", styled, TITLED))
    assert load(tmp_path / "HHKJ-IT-0105.md")[1] == TITLED_BODY


def test_articles_that_are_provisions_stay_paragraphs(tmp_path: Path) -> None:
    """One article written as a sentence makes the file's articles provisions: none is a heading."""
    lines = (("第一章 总则", 0), ("第一条 目的", 0), ("保证数据可恢复。", 0), ("第二条 本规定适用于全公司。", 0))
    import_(tmp_path, regulation(tmp_path / "备份.docx", False, lines))
    assert load(tmp_path / "HHKJ-IT-0105.md")[1] == (
        "# 总则\n\n第一条 目的\n\n保证数据可恢复。\n\n第二条 本规定适用于全公司。\n")


def with_part(source: Path, target: Path, name: str, change: Callable[[bytes], bytes]) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info, change(data) if info.filename == name else data)
    return target


XXE = b'<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def add_doctype(data: bytes) -> bytes:
    head, _, rest = data.partition(b"?>")
    return head + b"?>" + XXE + rest.replace(b"</w:t>", b"&xxe;</w:t>", 1)


def utf16_doctype(data: bytes) -> bytes:
    text = data.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    head, _, rest = text.partition("?>")
    return (head + "?>" + XXE.decode() + rest).encode("utf-16")


@pytest.mark.parametrize(("name", "change"), [("word/document.xml", add_doctype),
                                              ("docProps/core.xml", utf16_doctype)], ids=["document", "utf16-core"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_entity_declarations_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
                                     change: Callable[[bytes], bytes], lang: str) -> None:
    """A real Word file with an external entity in one part: refused before any parser or pandoc sees it,
    in one line naming the file and the part, exit 2, nothing written."""
    plain = typed_items_docx(tmp_path / "plain.docx")
    source = with_part(plain, tmp_path / "xxe.docx", name, change)
    out = tmp_path / "out"
    assert main(["--lang", lang, "import", str(source), "--out", str(out)]) == 2
    assert capsys.readouterr() == ("", (
        f"docctl: {source}: refused: {name} declares a DTD or entities (<!DOCTYPE / <!ENTITY), which Word "
        "never writes and which can pull in external files (含 DTD 或实体声明，可能引用外部实体，拒绝导入)\n"))
    assert not out.exists()
