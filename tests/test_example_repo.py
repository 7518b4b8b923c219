"""The example repository built from the seeds passes its own check, and the check catches the
contradiction that the seed XDYJ-04-04 carried before its controlled correction."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, TODAY
from docctl.cli import main


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    rc = main(args)
    return rc, capsys.readouterr().out


def test_example_repository_has_no_errors(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out = run(["-C", str(REPO), "--today", TODAY, "--lang", "zh", "check"], capsys)
    assert rc == 0, out
    assert " error " not in out
    assert re.match(r"已检查 \d+ 个文件：0 个错误", out.splitlines()[-1])


def test_the_seed_contradiction_is_caught_before_correction(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "repo"
    (repo / "policies").mkdir(parents=True)
    shutil.copy(REPO / "docctl.yml", repo)
    shutil.copytree(REPO / "schemas", repo / "schemas")
    text = (REPO / "policies" / "XDYJ-04-04.md").read_text(encoding="utf-8")
    # The document as the seed had it: version 1.0 only, cover approver 孙玘, revision row 孙玥.
    text = re.sub(r"\n  - version: \"1.1\".*?(?=\n---)", "", text, flags=re.S)
    for old, new in (('version: "1.1"', 'version: "1.0"'), ("author: 周敏", "author: null"),
                     ("prepared: 2025-02-10", "prepared: 2025-01-10"), ("reviewer: 郑凯", "reviewer: null"),
                     ("reviewed: 2025-02-11", "reviewed: null"), ("approved: 2025-02-12", "approved: 2025-01-10"),
                     ("effective: 2025-02-12", "effective: 2025-01-10")):
        text = text.replace(old, new, 1)
    (repo / "policies" / "XDYJ-04-04.md").write_text(text, encoding="utf-8")
    rc, out = run(["-C", str(repo), "--today", TODAY, "--lang", "zh", "check", "--format", "text"], capsys)
    assert rc == 1
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("approver: 孙玘"))
    assert (f"policies/XDYJ-04-04.md:{line}:11: error cover-mismatch: "
            "封面批准人“孙玘”与变更履历最后一行（1.0）的“孙玥”不一致\n"
            "    提示: 以受控方式更正：docctl revise 开新版本，并在 change 中说明更正了什么\n") in out
    assert "signature-missing: 状态为 effective 的版本 1.0 缺少审核人" in out


def test_internal_error_is_one_line_exit_3(monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    import docctl.cli.check as check_verb

    def boom(*_: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(check_verb, "check_repository", boom)
    rc = main(["-C", str(REPO), "check"])
    err = capsys.readouterr().err
    assert rc == 3
    assert err == ("docctl: internal error: RuntimeError: simulated bug "
                   "(set DOCCTL_DEBUG=1 for details; please report it)\n")
