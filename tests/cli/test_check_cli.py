"""`docctl check` from the command line: exit codes, formats, --strict and path filtering."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CASES, REPO, TODAY, make_repo
from docctl.cli import VERBS, main, requested_command
from sarif_shape import assert_sarif_2_1_0

Run = tuple[int, str, str]


def check(repo: Path, capsys: pytest.CaptureFixture[str], *args: str, lang: str = "zh") -> Run:
    rc = main(["-C", str(repo), "--today", TODAY, "--lang", lang, "check", *args])
    captured = capsys.readouterr()
    return rc, captured.out, captured.err


def case(tmp_path: Path, name: str) -> Path:
    return make_repo(tmp_path / "repo", CASES / name)


def expected(name: str, file: str = "expected.txt") -> str:
    return (CASES / name / file).read_text(encoding="utf-8")


def test_clean_repository_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = case(tmp_path, "valid/minimal")
    assert check(repo, capsys) == (0, "已检查 1 个文件：0 个错误，0 个警告，0 个提示\n", "")
    assert check(repo, capsys, "--strict", lang="en") == (0, "1 file checked: 0 errors, 0 warnings, 0 notes\n", "")


def test_errors_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = case(tmp_path, "invalid/identity")
    assert check(repo, capsys) == (1, expected("invalid/identity"), "")


def test_warnings_exit_0_unless_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = case(tmp_path, "invalid/review-overdue")
    report = expected("invalid/review-overdue")
    assert " warning " in report and " error " not in report
    assert check(repo, capsys) == (0, report, "")
    assert check(repo, capsys, "--strict") == (1, report, "")


@pytest.mark.parametrize(("today", "line"), [
    ("2026-07-09", "warning review-overdue: periodic review is overdue: it was due on 2026-07-08 (1 day ago)"),
    ("2026-07-07", "info review-due-soon: periodic review is due on 2026-07-08 (in 1 day)"),
    ("2026-07-06", "info review-due-soon: periodic review is due on 2026-07-08 (in 2 days)"),
])
def test_review_days_in_english_singular_and_plural(tmp_path: Path, capsys: pytest.CaptureFixture[str], today: str,
                                                    line: str) -> None:
    repo = case(tmp_path, "invalid/review-overdue")
    assert main(["-C", str(repo), "--today", today, "--lang", "en", "check"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"policies/YNTD-ITSS-0001.md:16:15: {line}"
    assert out[-1] == f"1 file checked: 0 errors, {'1 warning' if 'overdue' in line else '0 warnings'}, " + (
        "0 notes" if "overdue" in line else "1 note")


def test_check_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    repo = case(tmp_path, "invalid/identity")
    assert check(repo, capsys)[0] == 1 and gc.isenabled()
    gc.disable()
    try:
        assert check(repo, capsys)[0] == 1 and not gc.isenabled()
    finally:
        gc.enable()


def test_missing_docctl_yml_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "policies").mkdir()
    rc, out, err = check(tmp_path, capsys)
    assert (rc, out) == (2, "")
    assert err == (f"docctl: docctl.yml not found in {tmp_path.resolve()} or any parent folder "
                   "(未找到 docctl.yml：请在文档仓库内运行，或用 -C 指定仓库)\n")


def test_directory_that_does_not_exist_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere"
    assert check(missing, capsys) == (2, "", f"docctl: -C {missing}: not a folder (不是文件夹)\n")


@pytest.mark.parametrize(("args", "usage", "error", "chinese"), [
    (["--format", "xml"], "usage: docctl check [-h]",
     "docctl check: error: argument --format: invalid choice: 'xml'",  # the rest varies with Python
     "docctl check: 用法错误：参数 --format 的值 'xml' 无效，可选："),
    (["--strict=yes"], "usage: docctl check [-h]",
     "docctl check: error: argument --strict: ignored explicit argument 'yes'",
     "docctl check: 用法错误：参数 --strict 不带值，却给了 'yes'"),
    (["--bogus"], "usage: docctl [-h]", "docctl: error: unrecognized arguments: --bogus",
     "docctl: 用法错误：无法识别的参数：--bogus"),
])
def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], usage: str,
                             error: str, chinese: str) -> None:
    rc, out, err = check(case(tmp_path, "valid/minimal"), capsys, *args)
    assert (rc, out) == (2, "")
    assert err.startswith(usage)
    assert err.splitlines()[-2].startswith(error)
    assert err.splitlines()[-1].startswith(chinese)


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert capsys.readouterr().err.startswith("usage: docctl [-h]")


def test_paths_select_the_findings_of_those_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = case(tmp_path, "invalid/identity")
    full = expected("invalid/identity").splitlines(keepends=True)
    second, keep = [], False
    for line in full[:-1]:  # each finding with its indented hint, without the summary
        keep = keep if line.startswith("    ") else line.startswith("policies/YNTD-ITSS-0002.md:")
        second += [line] if keep else []
    assert len(second) == 4
    summary = "已检查 1 个文件：2 个错误，0 个警告，0 个提示\n"  # every file is loaded; the selection is reported
    assert check(repo, capsys, str(repo / "policies" / "YNTD-ITSS-0002.md")) == (1, "".join(second) + summary, "")
    # a relative path is found from the repository root as well
    assert check(repo, capsys, "policies/YNTD-ITSS-0002.md") == (1, "".join(second) + summary, "")
    assert check(repo, capsys, str(repo / "policies")) == (1, "".join(full), "")
    two = ("policies/YNTD-ITSS-0002.md", "policies/YNTD-ITSS-0003.md")
    assert check(repo, capsys, *two, lang="en")[1].splitlines()[-1] == "2 files checked: 3 errors, 1 warning, 0 notes"
    report = json.loads(check(repo, capsys, "policies/YNTD-ITSS-0002.md", "--format", "json")[1])
    assert (report["files"], report["summary"]) == (1, {"error": 2, "warning": 0, "info": 0, "total": 2})
    assert check(repo, capsys, str(repo / "docctl.yml"))[1] == "已检查 0 个文件：0 个错误，0 个警告，0 个提示\n"


def test_paths_that_do_not_exist_or_lie_outside_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = case(tmp_path, "invalid/identity")
    assert check(repo, capsys, "policies/NOPE.md") == (
        2, "", "docctl: policies/NOPE.md: no such file or folder (没有这个文件或文件夹)\n")
    outside = tmp_path / "elsewhere.md"
    outside.write_text("x", encoding="utf-8")
    assert check(repo, capsys, str(outside)) == (
        2, "", f"docctl: {outside}: not inside the repository {repo.resolve()} (不在文档仓库内)\n")


def test_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = case(tmp_path, "invalid/review-overdue")
    rc, out, err = check(repo, capsys, "--format", "json", lang="en")
    assert (rc, err) == (0, "")
    assert json.loads(out) == {
        "files": 1,
        "summary": {"error": 0, "warning": 1, "info": 0, "total": 1},
        "findings": [{"path": "policies/YNTD-ITSS-0001.md", "line": 16, "col": 15, "rule": "review-overdue",
                      "severity": "warning",
                      "message": "periodic review is overdue: it was due on 2026-07-08 (137 days ago)",
                      "hint": "after the review, run docctl revise or update next_review"}],
    }


def test_sarif_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = case(tmp_path, "invalid/identity")
    rc, out, err = check(repo, capsys, "--format", "sarif")
    assert (rc, err) == (1, "")
    log = json.loads(out)
    assert_sarif_2_1_0(log)
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("id-filename", "error"), ("id-pattern", "error"), ("id-filename", "error"), ("org-unknown", "error"),
        ("id-duplicate", "error"), ("department-unknown", "warning")]
    assert results[4]["message"]["text"] == ("文件编号“YNTD-ITSS-0003”重复，另见 policies/YNTD-ITSS-0002.md:2\n"
                                             "每个文件编号只能用于一个文件")
    assert results[4]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "policies/YNTD-ITSS-0003.md", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 2, "startColumn": 5}}


def test_check_never_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = case(tmp_path, "invalid/identity")
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in repo.rglob("*") if p.is_file()}
    for fmt in ("text", "json", "sarif"):
        check(repo, capsys, "--format", fmt)
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in repo.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize(("argv", "wanted"), [
    (["check"], "check"), (["-C", "check", "export", "--all"], "export"), (["--lang", "en", "import", "x"], "import"),
    (["-Crepo", "--lang=en", "check", "-h"], "check"), (["--today", "2026-01-01"], None), (["--help", "check"], None),
    (["--version"], None), (["bogus"], None), ([], None),
])
def test_requested_command(argv: list[str], wanted: str | None) -> None:
    assert requested_command(argv) == wanted


def test_check_imports_only_what_it_needs(tmp_path: Path) -> None:
    repo = case(tmp_path, "valid/minimal")
    probe = ("import sys; from docctl.cli import main; rc = main(['-C', sys.argv[1], 'check']); "
             "print(rc, sorted(m for m in ('git', 'docx', 'ruamel', 'cel', 'lxml', 'jieba', 'mkdocs') "
             "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe, str(repo)], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(REPO / "tools")}).stdout
    assert out.splitlines()[-1] == "0 []"


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in VERBS:
        assert f"    {name} " in out or f"    {name}\n" in out, name


def test_global_options_also_after_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """-C, --lang and --today after the verb (README: docctl check FILE --lang en); after wins."""
    repo = case(tmp_path, "valid/minimal")
    english = (0, "1 file checked: 0 errors, 0 warnings, 0 notes\n", "")
    for argv in (
        ["check", "-C", str(repo), "--today", TODAY, "--lang", "en"],
        ["--lang", "zh", "-C", str(tmp_path), "check", "--lang", "en", "-C", str(repo), "--today", TODAY],
        ["-C", str(repo), "--today", TODAY, "check", "policies", "--lang", "en"],
    ):
        rc = main(argv)
        captured = capsys.readouterr()
        assert (rc, captured.out, captured.err) == english
    rc = main(["-C", str(repo), "--lang", "en", "due", "--within", "400d", "--lang", "zh", "--today", TODAY])
    out = capsys.readouterr().out.splitlines()
    assert (rc, out[0].split()[:3], out[2].split()[-3:]) == (0, ["文件编号", "文件名称", "组织"], ["还有", "47", "天"])
    rc = main(["-C", str(repo), "records", "due-for-disposal", "--lang", "en", "--today", TODAY])
    assert (rc, capsys.readouterr().out) == (0, "0 records past retention\n")
