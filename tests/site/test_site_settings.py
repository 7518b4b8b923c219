"""docctl.yml's `site:` section is checked like the rest of it; a build never lets a traceback out; -d is
relative to where docctl runs (-C)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sitebuild
import sitecorpus as corpus

from docctl.cli import main
from docctl.site.plugin import InternalBuildError, adapted

BAD_SITE = "site:\n  search_terms: 5\n  search_termz: [运维]\n"


def bad_site_repo(tmp_path: Path) -> tuple[Path, int]:
    repo = corpus.synthetic(tmp_path / "repo", 2)
    line = (repo / "docctl.yml").read_text(encoding="utf-8").count("\n") + 1
    with (repo / "docctl.yml").open("a", encoding="utf-8") as f:
        f.write(BAD_SITE)
    return repo, line


def test_check_reports_a_bad_site_section_with_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo, line = bad_site_repo(tmp_path)
    assert main(["-C", str(repo), "--today", "2025-06-01", "check"]) == 2
    assert capsys.readouterr().err == (
        "docctl: invalid settings (配置有误):\n"
        f"  docctl.yml:{line + 1}:17: schema-type: “site.search_terms”应为列表，实为整数 / "
        "'site.search_terms' must be a list, not an integer\n"
        f"  docctl.yml:{line + 2}:3: schema-unknown-key: 未知字段“search_termz” / unknown field 'search_termz'\n"
    )


def test_site_and_mkdocs_report_it_without_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo, line = bad_site_repo(tmp_path)
    assert sitebuild.build_site(repo, today="2025-06-01") == 2  # invalid settings, as for check
    err = capsys.readouterr().err
    assert f"docctl.yml:{line + 1}:17: schema-type: “site.search_terms”应为列表，实为整数" in err
    assert "Traceback" not in err
    env = {"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(repo), "PYTHONPATH": os.environ.get(
        "PYTHONPATH", "")}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=repo, env=env, capture_output=True,
                            text=True, timeout=300, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout
    assert f"docctl.yml:{line + 1}:17: schema-type: “site.search_terms”应为列表，实为整数" in result.stderr


def test_an_internal_error_in_an_event_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(value: object) -> object:
        return len(value)  # type: ignore[arg-type]

    monkeypatch.delenv("DOCCTL_DEBUG", raising=False)
    with pytest.raises(InternalBuildError) as caught:
        adapted(broken)(5)
    assert str(caught.value) == (
        "docctl: internal error (内部错误): TypeError: object of type 'int' has no len() "
        "(set DOCCTL_DEBUG=1 for details; please report it)"
    )
    monkeypatch.setenv("DOCCTL_DEBUG", "1")
    with pytest.raises(TypeError):
        adapted(broken)(5)


def test_relative_site_dir_is_inside_the_c_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = corpus.synthetic(tmp_path / "repo", 1)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    assert main(["-C", str(repo), "--today", "2025-06-01", "site", "-d", "out"]) == 0
    assert (repo / "out" / "index.html").is_file()
    assert list(elsewhere.iterdir()) == []
