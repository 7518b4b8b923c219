"""docctl changes (变更通知) and docctl codeowners in a real git repository."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gitrepo import GitRepo, make_git_repo


@pytest.fixture
def repo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> GitRepo:
    return make_git_repo(tmp_path / "repo", capsys)


def release_revision(repo: GitRepo, doc_id: str, note: str) -> None:
    repo.docctl("revise", doc_id, "--change", note)
    repo.docctl("approve", doc_id, "--as", "赵建中")
    repo.docctl("approve", doc_id, "--as", "陆涛")
    repo.docctl("release", doc_id, "--effective", "2026-12-01")


def test_change_notice_lists_new_revised_and_withdrawn(repo: GitRepo) -> None:
    repo.git("tag", "notice-1")
    release_revision(repo, "YNTD-ITSS-0403", "第 5 条改为按季度评审")
    repo.docctl("new", "policy", "--title", "文件控制程序", "--org", "YNTD", "--author", "吴杰")
    repo.docctl("approve", "YNTD-ITSS-0405", "--as", "赵建中")
    repo.docctl("approve", "YNTD-ITSS-0405", "--as", "陆涛")
    repo.docctl("release", "YNTD-ITSS-0405", "--effective", "2026-12-01")
    repo.docctl(
        "obsolete", "YNTD-ITSS-0404", "--by", "YNTD-ITSS-0405", "--as", "陆涛", "--reason", "由文件控制程序替代"
    )
    repo.docctl("new", "policy", "--title", "尚在起草", "--org", "YNTD", "--author", "吴杰")
    repo.commit("陆涛", "发布")
    rc, out, _ = repo.docctl("changes", "--since", "notice-1", lang="zh")
    sha = repo.git("rev-parse", "--short=10", "notice-1")
    assert rc == 0
    head = "| 文件编号 | 文件名称 | 版本 | 变更说明 | 批准人 | 实施/作废日期 | 替代文件 |\n"
    head += "|---" * 7 + "|\n"
    assert out == (
        f"# 变更通知\n\n自 notice-1（{sha}）以来，以下受控文件发生变更。\n\n"
        f"## 新发布\n\n{head}| YNTD-ITSS-0405 | 文件控制程序 | 1.0 | 新建 | 陆涛 | 2026-12-01 |  |\n\n"
        f"## 修订\n\n{head}"
        "| YNTD-ITSS-0403 | 运维服务质量管理制度 | 1.0 → 1.1 | 第 5 条改为按季度评审 | 陆涛 | "
        "2026-12-01 |  |\n\n"
        f"## 作废或替代\n\n{head}"
        "| YNTD-ITSS-0404 | 项目质量管理体系 | 1.0 | 由文件控制程序替代 | 陆涛 | 2026-11-22 | YNTD-ITSS-0405 |\n"
    )
    data = json.loads(repo.docctl("changes", "--since", "notice-1", "--format", "json")[1])
    assert [(c["kind"], c["id"]) for c in data["changes"]] == [
        ("new", "YNTD-ITSS-0405"),
        ("revised", "YNTD-ITSS-0403"),
        ("withdrawn", "YNTD-ITSS-0404"),
    ]


def test_codeowners_names_each_documents_approver(repo: GitRepo) -> None:
    stale = ".github/CODEOWNERS is out of date: run docctl codeowners\n"
    assert repo.docctl("codeowners", "--check")[:2] == (1, stale)
    assert repo.docctl("codeowners")[:2] == (0, "wrote .github/CODEOWNERS\n")
    lines = (repo.root / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
    assert lines[3:] == [
        "/docctl.yml @lutao-yntd @sunqi-xdyj @zhangyuanming-tfdl",
        "/schemas/ @lutao-yntd @sunqi-xdyj @zhangyuanming-tfdl",
        "/.github/ @lutao-yntd @sunqi-xdyj @zhangyuanming-tfdl",
        "",
        "/policies/TFDL-ITSS-08-09.md @zhangyuanming-tfdl",
        "/policies/XDYJ-04-04.md @sunqi-xdyj",
        "/policies/YNTD-ITSS-0403.md @lutao-yntd",
        "/policies/YNTD-ITSS-0404.md @lutao-yntd",
    ]
    assert repo.docctl("codeowners", "--check")[:2] == (0, ".github/CODEOWNERS is up to date\n")


def _changes(repo: GitRepo, since: str) -> list[tuple[str, str, str, str, str]]:
    data = json.loads(repo.docctl("changes", "--since", since, "--format", "json")[1])
    return [(c["kind"], c["id"], c["previous_version"], c["version"], c["change"]) for c in data["changes"]]


def test_first_release_of_a_draft_at_the_base_is_new(repo: GitRepo) -> None:
    repo.docctl("new", "policy", "--title", "文件控制程序", "--org", "YNTD", "--author", "吴杰")
    repo.commit("吴杰", "新建")
    repo.docctl("approve", "YNTD-ITSS-0405", "--as", "赵建中")
    repo.commit("赵建中", "审核")
    repo.git("tag", "notice-1")
    repo.docctl("approve", "YNTD-ITSS-0405", "--as", "陆涛")
    repo.docctl("release", "YNTD-ITSS-0405", "--effective", "2026-12-01")
    repo.commit("陆涛", "发布")
    assert _changes(repo, "notice-1") == [("new", "YNTD-ITSS-0405", "", "1.0", "新建")]


def test_a_release_already_under_revision_again_is_listed(repo: GitRepo) -> None:
    repo.git("tag", "notice-1")
    release_revision(repo, "YNTD-ITSS-0403", "按季度评审")
    repo.docctl("revise", "YNTD-ITSS-0403", "--change", "下一轮修订")
    repo.commit("陆涛", "发布并再修订")
    assert _changes(repo, "notice-1") == [("revised", "YNTD-ITSS-0403", "1.0", "1.1", "按季度评审")]


def test_changes_compares_with_the_merge_base_like_check_base(repo: GitRepo) -> None:
    repo.git("checkout", "-q", "-b", "feature")
    release_revision(repo, "YNTD-ITSS-0403", "按季度评审")
    repo.commit("陆涛", "发布 0403 1.1")
    repo.git("checkout", "-q", "main")
    release_revision(repo, "YNTD-ITSS-0404", "主干上的修订")
    repo.commit("陆涛", "发布 0404 1.1")
    repo.git("checkout", "-q", "feature")
    # against main itself 0404 would look revised backwards (1.1 → 1.0); the merge base knows better
    assert _changes(repo, "main") == [("revised", "YNTD-ITSS-0403", "1.0", "1.1", "按季度评审")]
    data = json.loads(repo.docctl("changes", "--since", "main", "--format", "json")[1])
    assert data["base"] == repo.git("merge-base", "main", "HEAD")
