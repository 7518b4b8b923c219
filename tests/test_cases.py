"""Example-file cases: each folder under tests/cases/{valid,invalid} is a small repository with the
exact report `docctl check` must print beside it (expected.txt; expected.en.txt for English)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CASES, TODAY, make_repo
from docctl.cli import main

CASE_DIRS = sorted(p for kind in ("valid", "invalid") for p in (CASES / kind).iterdir() if p.is_dir())


def run_check(repo: Path, lang: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    rc = main(["-C", str(repo), "--today", TODAY, "--lang", lang, "check"])
    return rc, capsys.readouterr().out


@pytest.mark.parametrize("case", CASE_DIRS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_case(case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "repo", case)
    for lang, name in (("zh", "expected.txt"), ("en", "expected.en.txt")):
        expected_file = case / name
        if not expected_file.exists():
            continue
        rc, out = run_check(repo, lang, capsys)
        assert out == expected_file.read_text(encoding="utf-8")
        has_error = " error " in out
        assert rc == (1 if has_error else 0)
        if case.parent.name == "valid":
            assert not has_error


COMPLY_CASES = sorted(p for case in CASE_DIRS for p in case.glob("expected-comply-*.txt"))


@pytest.mark.parametrize("expected", COMPLY_CASES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}/{p.name}")
def test_comply_case(expected: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A case with controls or records may also carry the exact report of `docctl comply --period P`
    (expected-comply-P.txt)."""
    repo = make_repo(tmp_path / "repo", expected.parent)
    period = expected.stem.removeprefix("expected-comply-")
    rc = main(["-C", str(repo), "--today", TODAY, "--lang", "zh", "comply", "--period", period])
    out = capsys.readouterr().out
    assert out == expected.read_text(encoding="utf-8")
    summary = out.splitlines()[-1]
    clean = "不通过 0，无法评估 0" in summary and not out.startswith("以下文件无法正确读取")
    assert rc == (0 if clean else 1)


def test_every_case_has_an_expected_report() -> None:
    for case in CASE_DIRS:
        assert (case / "expected.txt").exists(), case
