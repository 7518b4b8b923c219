"""Controlled copies: watermark and marking on the copy, distribution records, numbers never repeat."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx_helpers import policy_repo
from test_import import load, plain

import docx
from docctl.cli import main


def run(root: Path, *args: str) -> int:
    return main(["-C", str(root), "--today", "2026-03-01", *args])


def test_controlled_copy_and_distribution_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = policy_repo(tmp_path / "repo")
    assert run(root, "export", "YNTD-ITSS-0403", "--copy", "3", "--to", "质量部 王芳", "--out", "out") == 0
    out = capsys.readouterr().out.splitlines()
    copy = root / "out" / "YNTD-ITSS-0403-copy-003.docx"
    assert out == [str(copy), "records/distribution/2026/DIST-2026-001.md"]
    texts = [p.text for p in docx.Document(str(copy)).paragraphs]
    assert "受控副本编号：003" in texts and "持有人：质量部 王芳    发放日期：2026-03-01" in texts
    assert not any("非受控" in t for t in texts)
    with zipfile.ZipFile(copy) as zf:
        header = zf.read("word/header1.xml").decode()
        assert 'string="受控副本"' in header and 'string="受控副本"' in zf.read("word/header2.xml").decode()
    assert "运维服务质量管理制度    YNTD-ITSS-0403    V1.0    受控副本 003  持有人：质量部 王芳</w:t>" in header
    record = (root / out[1]).read_text(encoding="utf-8")
    assert record.startswith("---\nid: DIST-2026-001\ntype: distribution\n")
    assert "document: YNTD-ITSS-0403\nversion: \"1.0\"\ncopy: 3\nrecipient: 质量部 王芳\n" in record
    assert run(root, "--today", "2026-03-01", "check") == 0


def test_copy_numbers_never_repeat(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = policy_repo(tmp_path / "repo")
    assert run(root, "export", "XDYJ-04-04", "--copy", "1", "--to", "运维管理部", "--out", "out") == 0
    capsys.readouterr()
    assert run(root, "export", "XDYJ-04-04", "--copy", "1", "--to", "采购部", "--out", "out") == 2
    err = capsys.readouterr().err
    assert err == ("docctl: XDYJ-04-04: 受控副本编号 1 已于 2026-03-01 发放给 运维管理部（DIST-2026-001），"
                   "编号不得重复"
                   " / copy 1 of XDYJ-04-04 was already issued to 运维管理部 on 2026-03-01 (DIST-2026-001); "
                   "copy numbers never repeat. Next free number: 2\n")
    assert sorted(p.name for p in (root / "records/distribution/2026").iterdir()) == ["DIST-2026-001.md"]
    assert run(root, "export", "XDYJ-04-04", "--copy", "2", "--to", "采购部", "--out", "out") == 0
    capsys.readouterr()
    assert run(root, "copies", "XDYJ-04-04") == 0
    assert capsys.readouterr().out == (
        "副本\t版本\t持有人\t发放日期\t状态\t记录\n"
        "001\tV1.1\t运维管理部\t2026-03-01\t现行\tDIST-2026-001\n"
        "002\tV1.1\t采购部\t2026-03-01\t现行\tDIST-2026-002\n")


def test_superseded_version_copies_are_to_recall(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = policy_repo(tmp_path / "repo")
    assert run(root, "export", "YNTD-ITSS-0404", "--copy", "1", "--to", "运维部", "--out", "out") == 0
    path = root / "policies/YNTD-ITSS-0404.md"
    path.write_text(path.read_text(encoding="utf-8").replace("status: effective", "status: superseded", 1),
                    encoding="utf-8")
    capsys.readouterr()
    assert run(root, "copies", "YNTD-ITSS-0404", "--recall") == 0
    assert capsys.readouterr().out.splitlines()[1] == "001\tV1.0\t运维部\t2026-03-01\t需收回\tDIST-2026-001"
    assert run(root, "export", "YNTD-ITSS-0404", "--out", "out") == 0
    with zipfile.ZipFile(root / "out/YNTD-ITSS-0404.docx") as zf:
        assert 'string="作废"' in zf.read("word/header2.xml").decode()
    assert run(root, "export", "YNTD-ITSS-0404", "--copy", "2", "--to", "运维部", "--out", "out") == 2


def test_draft_watermark_and_same_bytes(tmp_path: Path) -> None:
    root = policy_repo(tmp_path / "repo")
    path = root / "policies/TFDL-ITSS-08-09.md"
    path.write_text(path.read_text(encoding="utf-8").replace("status: effective", "status: draft", 1),
                    encoding="utf-8")
    assert run(root, "export", "TFDL-ITSS-08-09", "--out", "a") == 0
    assert run(root, "export", "TFDL-ITSS-08-09", "--out", "b") == 0
    first, second = (root / d / "TFDL-ITSS-08-09.docx" for d in ("a", "b"))
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as zf:
        assert 'string="草稿"' in zf.read("word/header1.xml").decode()


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = policy_repo(tmp_path / "repo")
    assert run(root, "export") == 2
    assert run(root, "export", "NOPE-1") == 2
    assert run(root, "export", "YNTD-ITSS-0403", "--copy", "1") == 2
    err = capsys.readouterr().err.splitlines()
    assert err == ["docctl: give document ids or --all (请给出文件编号或 --all)",
                   "docctl: unknown document id: NOPE-1 (未知的文件编号)",
                   "docctl: --copy N and --to NAME go together (受控副本需同时给出编号与持有人)"]
    assert not (root / "records").exists()


def test_controlled_copy_imports_back_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A controlled copy carries 受控副本编号, 持有人 and 发放日期 on its cover: none of it is a signature.
    Importing it gives exit 0 and the source's front matter and body text."""
    root = policy_repo(tmp_path / "repo")
    assert run(root, "export", "YNTD-ITSS-0403", "--copy", "1", "--to", "质量部 王芳", "--out", "out") == 0
    capsys.readouterr()
    assert main(["import", str(root / "out/YNTD-ITSS-0403-copy-001.docx"), "--out", str(tmp_path / "back")]) == 0
    assert capsys.readouterr().err == ""
    original, original_body = load(root / "policies/YNTD-ITSS-0403.md")
    imported, imported_body = load(tmp_path / "back/YNTD-ITSS-0403.md")
    assert imported == original
    assert plain(imported_body) == plain(original_body)


def cover_and_marks(path: Path) -> tuple[list[str], list[str]]:
    """The cover's paragraphs (up to the history page) and the watermark of each header."""
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    with zipfile.ZipFile(path) as zf:
        marks = [re.search(r'<v:textpath [^>]*string="([^"]+)"', zf.read(f"word/header{n}.xml").decode())
                 for n in (1, 2)]
    return texts[:texts.index("文件编制和变更履历")], [m.group(1) if m else "" for m in marks]


def test_cover_marking_follows_the_status_as_the_watermark(tmp_path: Path) -> None:
    """After obsolete the cover says 作废 as the watermark does; after revise (a draft) 草稿; a plain export
    of an effective document 非受控副本."""
    root = policy_repo(tmp_path / "repo")
    assert run(root, "export", "YNTD-ITSS-0403", "--out", "out") == 0
    cover, marks = cover_and_marks(root / "out/YNTD-ITSS-0403.docx")
    assert (cover[-1], marks) == ("非受控副本 · 仅供参考，使用前请核对现行有效版本", ["非受控副本"] * 2)
    assert run(root, "obsolete", "YNTD-ITSS-0404", "--as", "陆涛", "--reason", "停用") == 0
    assert run(root, "revise", "XDYJ-04-04", "--change", "调整指标") == 0
    assert run(root, "export", "YNTD-ITSS-0404", "XDYJ-04-04", "--out", "out") == 0
    cover, marks = cover_and_marks(root / "out/YNTD-ITSS-0404.docx")
    assert (cover[-1], marks) == ("作废 · 本版本已被替代或作废，仅供查阅，不得使用", ["作废"] * 2)
    assert "状态：已作废" in cover and not any("受控副本" in t for t in cover)
    cover, marks = cover_and_marks(root / "out/XDYJ-04-04.docx")
    assert (cover[-1], marks) == ("草稿 · 未经批准发布，不得作为受控文件使用", ["草稿"] * 2)
    assert "状态：草稿" in cover and "版本：V1.2" in cover and not any("受控副本" in t for t in cover)


def test_duplicate_copy_numbers_are_check_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two records of the same copy of a document (a hand edit, two merged branches): check names both
    files; a copy number that is not a whole number is a schema error and listed as written."""
    root = policy_repo(tmp_path / "repo")
    for n in (1, 2, 3):
        assert run(root, "export", "XDYJ-04-04", "--copy", str(n), "--to", f"部门{n}", "--out", "out") == 0
    folder = root / "records/distribution/2026"
    for name, old, new in (("DIST-2026-002.md", "copy: 2", "copy: 1"), ("DIST-2026-003.md", "copy: 3", 'copy: "A"')):
        text = (folder / name).read_text(encoding="utf-8")
        (folder / name).write_text(text.replace(f"\n{old}\n", f"\n{new}\n"), encoding="utf-8")
    capsys.readouterr()
    assert run(root, "check") == 1
    errors = [line for line in capsys.readouterr().out.splitlines() if " error " in line or "提示: 副本" in line]
    assert errors == [
        "records/distribution/2026/DIST-2026-002.md:10:7: error distribution-copy-duplicate: 受控副本编号重复："
        "XDYJ-04-04 的第 1 号副本已由 DIST-2026-001（records/distribution/2026/DIST-2026-001.md）发放给 部门1",
        "    提示: 副本编号不得重复：改用未用过的编号（下一个可用为 2），或删除重复的记录",
        "records/distribution/2026/DIST-2026-003.md:10:7: error schema-type: “copy”应为整数，实为文本"]
    assert run(root, "--lang", "en", "check") == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line for line in lines if "copy-duplicate" in line or "next free" in line] == [
        "records/distribution/2026/DIST-2026-002.md:10:7: error distribution-copy-duplicate: duplicate copy "
        "number: copy 1 of XDYJ-04-04 was already issued to 部门1 by DIST-2026-001 "
        "(records/distribution/2026/DIST-2026-001.md)",
        "    hint: copy numbers never repeat: use a number not used yet (next free: 2), or remove the duplicate "
        "record"]
    assert run(root, "copies", "XDYJ-04-04") == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "001\tV1.1\t部门1\t2026-03-01\t现行\tDIST-2026-001", "001\tV1.1\t部门2\t2026-03-01\t现行\tDIST-2026-002",
        "A\tV1.1\t部门3\t2026-03-01\t现行\tDIST-2026-003"]


def test_draft_round_trip_after_revise(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`docctl revise` opens a draft whose new history row has no reviewer or approver yet (the keys are
    left out): export then import gives the same front matter, without explicit nulls for them."""
    root = policy_repo(tmp_path / "repo")
    assert run(root, "revise", "XDYJ-04-04", "--change", "调整指标") == 0
    assert run(root, "export", "XDYJ-04-04", "--out", "out") == 0
    capsys.readouterr()
    assert main(["import", str(root / "out/XDYJ-04-04.docx"), "--out", str(tmp_path / "back")]) == 0
    assert capsys.readouterr().err == ""
    original, original_body = load(root / "policies/XDYJ-04-04.md")
    imported, imported_body = load(tmp_path / "back/XDYJ-04-04.md")
    assert original["status"] == "draft" and original["history"][-1] == {  # type: ignore[index]
        "version": "1.2", "author": "周敏", "date": "2026-03-01", "change": "调整指标"}
    assert imported == original
    assert plain(imported_body) == plain(original_body)



def test_round_trip_keeps_row_digests_and_effective_dates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What a history row holds beyond the table's columns (the approval digest, the effective date of a
    version in force) comes back from docctl's own export."""
    root = policy_repo(tmp_path / "repo")
    assert run(root, "revise", "XDYJ-04-04", "--change", "调整指标") == 0
    assert run(root, "approve", "XDYJ-04-04", "--as", "郑凯") == 0
    assert run(root, "approve", "XDYJ-04-04", "--as", "孙玘", "--role", "approver") == 0
    assert run(root, "export", "XDYJ-04-04", "--out", "out") == 0
    capsys.readouterr()
    assert main(["import", str(root / "out/XDYJ-04-04.docx"), "--out", str(tmp_path / "back")]) == 0
    original, _ = load(root / "policies/XDYJ-04-04.md")
    imported, _ = load(tmp_path / "back/XDYJ-04-04.md")
    rows = original["history"]  # type: ignore[index]
    assert rows[1]["effective"] == "2025-02-12" and rows[2]["digest"].startswith("sha256:")  # type: ignore[index]
    assert imported == original
