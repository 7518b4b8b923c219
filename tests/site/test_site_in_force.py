"""The page of the version in force while a revision is prepared: its text from a real git history."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import sitebuild
from tests.change.gitrepo import REPO, make_git_repo

DOC = "YNTD-ITSS-0403"
OLD = "创新的服务理念、精湛的服务技术、卓著的服务信誉。"


def revised(dest: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The seeds committed with 0403 V1.0 in force, then `docctl revise` opening 1.1 with a changed text."""
    repo = make_git_repo(dest, capsys)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    assert repo.docctl("revise", DOC, "--change", "年度评审")[0] == 0
    text = repo.text(DOC)
    assert OLD in text
    repo.write(DOC, text.replace(OLD, "修订稿的新措辞"))
    return dest


def read(site: Path, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_version_in_force_has_its_own_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = revised(tmp_path / "repo", capsys)
    assert sitebuild.build_site(root) == 0
    site = root / "site"
    force = read(site, f"{DOC}-in-force.html")
    assert (
        '<div class="docctl-banner docctl-banner--in-force" role="note">\n<p>现行版本 V1.0；修订稿 V1.1（尚未生效）见 '
        f'<a href="{DOC}.html">{DOC} V1.1</a>。</p>\n</div>'
    ) in force
    assert OLD in force and "修订稿的新措辞" not in force
    assert f"<title>{DOC} 运维服务质量管理制度（现行版本 V1.0） - 受控文件与质量记录</title>" in force
    assert "<td>1.0</td>\n<td>现行</td>" in force and "批准本版本发布实施" in force  # control block, signatures
    assert '<span class="docctl-overdue">2026-01-07 已逾期</span>' in force
    draft = read(site, f"{DOC}.html")
    assert (
        f'现行有效版本为 <a href="{DOC}-in-force.html">V1.0</a>（2025-01-07 起实施）；本页是修订稿 V1.1。</p>'
    ) in draft
    assert '<span class="docctl-overdue">2026-01-07 已逾期</span>' in draft  # as the register says
    register = read(site, "register.html")
    assert f'<a href="{DOC}-in-force.html">{DOC}</a>' in register
    assert f'<a href="{DOC}.html">现行 · 修订中 1.1（草稿）</a>' in register
    for index in ("types", "departments", "organizations"):
        assert f'<a href="../{DOC}-in-force.html">{DOC}</a>' in read(site, f"indexes/{index}.html"), index
    assert f"{DOC}-in-force.html" in read(site, "search/search_index.json")


def test_outside_git_the_draft_says_the_text_in_force_is_not_here(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = revised(tmp_path / "repo", capsys)
    subprocess.run(["rm", "-rf", str(root / ".git")], check=True)
    assert sitebuild.build_site(root) == 0
    assert not (root / "site" / f"{DOC}-in-force.html").exists()
    assert (
        "现行有效版本为 V1.0（2025-01-07 起实施）；本页是修订稿 V1.1。现行版本的文本在本站不可用（git 历史中没有）。"
    ) in read(root / "site", f"{DOC}.html")
    assert f'<a href="{DOC}.html">{DOC}</a>' in read(root / "site", "register.html")
