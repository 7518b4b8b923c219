"""`docctl check` on input that is not a plain file, on a repository without schemas, and with -C."""

from __future__ import annotations

import os
import shutil
import threading
from datetime import date
from pathlib import Path

import pytest

from conftest import CASES, TODAY, make_repo
from docctl.cli import main
from docctl.dates import parse_duration

MINIMAL = CASES / "valid" / "minimal" / "policies" / "YNTD-ITSS-0001.md"


def check(repo: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    rc = main(["-C", str(repo), "--today", TODAY, "--lang", "en", "check", *args])
    captured = capsys.readouterr()
    return rc, captured.out, captured.err


def test_pipes_and_links_out_of_the_repository_are_refused_unread_with_exit_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "repo", CASES / "valid" / "minimal")
    outside = tmp_path / "secret.md"
    outside.write_text("---\nid: X\n---\n", encoding="utf-8")
    os.mkfifo(repo / "policies" / "YNTD-ITSS-0002.md")
    (repo / "policies" / "YNTD-ITSS-0003.md").symlink_to(outside)
    (repo / "policies" / "YNTD-ITSS-0004.md").symlink_to(tmp_path / "gone.md")
    (repo / "policies" / "YNTD-ITSS-0005.md").symlink_to(repo / "policies" / "YNTD-ITSS-0001.md")
    result: list[tuple[int, str, str]] = []
    worker = threading.Thread(target=lambda: result.append(check(repo, capsys)), daemon=True)
    worker.start()
    worker.join(60)
    assert result, "check blocked on the pipe"
    rc, out, err = result[0]
    assert rc == 2 and err == ""
    lines = [line for line in out.splitlines() if not line.startswith("    ")]
    assert lines[:3] == [
        "policies/YNTD-ITSS-0002.md:1:1: error file-special: not a regular file (a pipe, device or socket); not read",
        f"policies/YNTD-ITSS-0003.md:1:1: error file-link-outside: a symbolic link to outside the repository "
        f"({outside}); not read",
        f"policies/YNTD-ITSS-0004.md:1:1: error file-link-broken: a symbolic link to a file that does not exist "
        f"({tmp_path / 'gone.md'})",
    ]
    # the link inside the repository is read: it is a second file with the same id
    assert "policies/YNTD-ITSS-0005.md:2:5: error id-duplicate" in out
    assert lines[-1].startswith("5 files checked: ")


def test_a_repository_without_schemas_is_a_usage_error(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "repo", CASES / "valid" / "minimal")
    shutil.rmtree(repo / "schemas")
    rc, out, err = check(repo, capsys)
    assert (rc, out) == (2, "")
    assert err == (f"docctl: {repo / 'schemas'}: 没有 JSON Schema（*.schema.json），请从 docctl 复制 schemas/ 文件夹 / "
                   "no JSON schemas (*.schema.json) here: copy the schemas/ folder from docctl\n")


def test_with_C_a_relative_path_is_taken_from_that_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_repo(tmp_path / "repo", CASES / "valid" / "minimal")
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "policies").mkdir(parents=True)
    shutil.copy(MINIMAL, elsewhere / "policies" / "YNTD-ITSS-0001.md")  # the same name outside the repository
    monkeypatch.chdir(elsewhere)
    assert check(repo, capsys, "policies/YNTD-ITSS-0001.md") == (
        0, "1 file checked: 0 errors, 0 warnings, 0 notes\n", "")


def test_durations_past_the_calendar_end_at_the_last_day() -> None:
    cycle = parse_duration("P99999Y")
    assert cycle is not None and cycle.after(date(2025, 1, 7)) == date.max
    one_year = parse_duration("P1Y")
    assert one_year is not None and one_year.after(date(9999, 12, 30)) == date.max
    assert one_year.after(date(2025, 1, 7)) == date(2026, 1, 7)
