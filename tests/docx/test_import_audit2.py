"""docctl import on the layouts of the second audit: a cover grid whose cells hold a name and a date
(`编制/日期：` | `刘洋 2022年5月6日`), defaults said instead of guessed, `(1)` / `（1）` / `①` items,
regulations with and without heading styles, and a DOCX that declares entities."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_import import import_, load

import docx


def grid_cover(path: Path, signers: tuple[tuple[str, str], ...]) -> Path:
    d = docx.Document()
    d.add_paragraph("曲靖云端数据服务有限公司")
    d.add_paragraph("机房巡检规范")
    rows = (("文件编号：", "QJYD-OPS-007"), ("版本：", "V1.0"), *signers, ("状态：", "现行有效"),
            ("生效日期：", "2022年5月10日"))
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
    err = capsys.readouterr().err
    assert "import-signer-unnamed" not in err
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
