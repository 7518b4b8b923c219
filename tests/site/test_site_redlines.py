"""版本差异: a page per document with two released versions, their texts taken from a real git history."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import sitebuild
import sitecorpus as corpus

DOC = "YNTD-ITSS-1000"
SECOND_ROW = """  - version: "1.1"
    author: 吴杰
    date: 2025-05-01
    reviewer: 赵建中
    reviewed: 2025-05-01
    approver: 陆涛
    approved: 2025-05-01
    change: 内审频次改为每半年一次
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=docctl test", "-c", "user.email=test@example.com", *args],
                   cwd=repo, check=True, capture_output=True)


def two_versions(repo: Path) -> Path:
    """A repository whose policy was released as 1.0, then revised and released as 1.1, each committed."""
    corpus.synthetic(repo, 1)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "1.0 released")
    path = repo / "policies" / f"{DOC}.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace('\nversion: "1.0"', '\nversion: "1.1"', 1)
    text = text.replace("---\n# 目的", SECOND_ROW + "---\n# 目的", 1)
    text = text.replace("质量部组织内审，每年至少一次。", "质量部组织内审，每半年至少一次。")
    for field in ("prepared", "reviewed", "approved", "effective"):
        text = text.replace(f"{field}: 2025-03-01\n", f"{field}: 2025-05-01\n", 1)
    path.write_text(text, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "1.1 released")
    return repo


@pytest.mark.skipif(subprocess.run(["git", "--version"], capture_output=True).returncode != 0, reason="needs git")
def test_redline_page_shows_what_changed_between_released_versions(tmp_path: Path) -> None:
    repo = two_versions(tmp_path / "repo")
    assert sitebuild.build_site(repo, "--strict", today="2025-06-01") == 0
    redline = (repo / "site" / "redlines" / f"{DOC}.html").read_text(encoding="utf-8")
    assert "版本差异：YNTD-ITSS-1000 运维服务第0号制度" in redline
    assert "<h2 id=\"v10--v11\">V1.0 → V1.1" in redline
    assert "<p>变更内容：内审频次改为每半年一次</p>" in redline
    assert (
        '<span class="docctl-diff-same">  </span>'
        '<span class="docctl-diff-del">- 1. 质量部组织内审，每年至少一次。</span>'
        '<span class="docctl-diff-ins">+ 1. 质量部组织内审，每<ins>半</ins>年至少一次。</span>'
        '<span class="docctl-diff-same">  2. 总经理主持管理评审。</span></pre>'
    ) in redline
    page = (repo / "site" / f"{DOC}.html").read_text(encoding="utf-8")
    assert f'<li>版本差异：<a href="redlines/{DOC}.html">V1.0 → V1.1</a></li>' in page


def test_no_redline_outside_a_git_repository(tmp_path: Path) -> None:
    repo = two_versions(tmp_path / "repo")
    subprocess.run(["rm", "-rf", str(repo / ".git")], check=True)
    assert sitebuild.build_site(repo, "--strict", today="2025-06-01") == 0
    assert not (repo / "site" / "redlines").exists()
    assert "版本差异" not in (repo / "site" / f"{DOC}.html").read_text(encoding="utf-8")


def test_changed_characters_are_marked_both_ways() -> None:
    from docctl.site.redlines import diff_html

    assert diff_html("甲\n每年一次。\n乙", "甲\n每季度一次。\n乙", "zh") == (
        '<pre class="docctl-redline"><span class="docctl-diff-same">  甲</span>'
        '<span class="docctl-diff-del">- 每<del>年</del>一次。</span>'
        '<span class="docctl-diff-ins">+ 每<ins>季度</ins>一次。</span>'
        '<span class="docctl-diff-same">  乙</span></pre>\n'
    )
    assert diff_html("a <b>", "a <b>", "zh") == "<p>正文没有变化（仅文件控制信息或签署不同）。</p>\n"
