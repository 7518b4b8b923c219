"""The lifecycle in a real git repository: new → review → approve → release → revise → …"""

from __future__ import annotations

from pathlib import Path

import pytest
from gitrepo import GitRepo, errors, make_git_repo


@pytest.fixture
def repo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> GitRepo:
    return make_git_repo(tmp_path / "repo", capsys)


def test_legitimate_flow_passes_check_against_base(repo: GitRepo) -> None:
    rc, out, _ = repo.docctl(
        "new",
        "policy",
        "--title",
        "变更管理制度",
        "--org",
        "YNTD",
        "--department",
        "质量部",
        "--author",
        "吴杰",
    )
    assert (rc, out) == (0, "created policies/YNTD-ITSS-0405.md: YNTD-ITSS-0405 version 1.0, status draft\n")
    repo.commit("吴杰", "新建 YNTD-ITSS-0405")
    assert repo.docctl("approve", "YNTD-ITSS-0405", "--as", "赵建中")[0] == 0
    repo.commit("赵建中", "审核")
    rc, out, _ = repo.docctl("approve", "YNTD-ITSS-0405", "--as", "陆涛", "--role", "approver")
    assert rc == 0 and out.startswith("YNTD-ITSS-0405 version 1.0: approved by 陆涛, content digest sha256:")
    repo.commit("陆涛", "批准")
    assert repo.docctl("release", "YNTD-ITSS-0405", "--effective", "2026-12-01")[0] == 0
    repo.commit("陆涛", "发布")
    rc, out, _ = repo.docctl("check", "--base", "main~4")
    assert errors(out) == [] and rc == 0

    base = repo.git("rev-parse", "HEAD")
    assert repo.docctl("revise", "YNTD-ITSS-0405", "--change", "增加第 5 条")[0] == 0
    repo.write("YNTD-ITSS-0405", repo.text("YNTD-ITSS-0405") + "\n# 补充条款\n\n新增内容。\n")
    repo.commit("吴杰", "修订 1.1")
    repo.docctl("approve", "YNTD-ITSS-0405", "--as", "赵建中")
    repo.commit("赵建中", "审核 1.1")
    repo.docctl("approve", "YNTD-ITSS-0405", "--as", "陆涛")
    repo.commit("陆涛", "批准 1.1")
    repo.docctl("release", "YNTD-ITSS-0405", "--effective", "2026-12-15")
    repo.commit("陆涛", "发布 1.1")
    rc, out, _ = repo.docctl("check", "--base", base)
    assert errors(out) == [] and rc == 0
    rc, out, _ = repo.docctl("register", "--format", "csv")
    assert (
        "YNTD-ITSS-0405,变更管理制度,云南腾电科技有限公司,质量部,policy,effective,1.1,2026-12-15,2027-11-22,陆涛" in out
    )


def test_edit_of_effective_body_without_revision_fails(repo: GitRepo) -> None:
    text = repo.text("YNTD-ITSS-0403")
    repo.write("YNTD-ITSS-0403", text.replace("# 目的\n", "# 目的\n\n悄悄加的一句。\n", 1))
    repo.commit("吴杰", "改正文")
    rc, found, base = repo.check_base("main~1")
    line1 = repo.line("YNTD-ITSS-0403", "悄悄加的一句")
    assert (rc, found) == (
        1,
        [
            f"policies/YNTD-ITSS-0403.md:{line1}:1: error base-text-changed: the released version 1.0 "
            "(effective) was "
            f"changed in place (compared with {base}) without a new revision"
        ],
    )


def test_edit_after_approval_breaks_the_digest(repo: GitRepo) -> None:
    repo.docctl("revise", "YNTD-ITSS-0404", "--change", "年度评审")
    repo.docctl("approve", "YNTD-ITSS-0404", "--as", "赵建中")
    repo.docctl("approve", "YNTD-ITSS-0404", "--as", "陆涛")
    repo.write(
        "YNTD-ITSS-0404",
        repo.text("YNTD-ITSS-0404").replace("title: 项目质量管理体系", "title: 项目质量体系"),
    )
    rc, out, _ = repo.docctl("check")
    assert rc == 1
    line1 = repo.line("YNTD-ITSS-0404", "digest:")
    assert errors(out) == [
        f"policies/YNTD-ITSS-0404.md:{line1}:13: error digest-mismatch: version 1.1 was modified after "
        "approval without "
        "a new revision (content differs from the approved digest)"
    ]
    assert "hint: restore the approved text, or run docctl revise YNTD-ITSS-0404 --change" in out
    rc, _, err = repo.docctl("release", "YNTD-ITSS-0404")
    assert (rc, err) == (
        2,
        "docctl: YNTD-ITSS-0404: 批准后内容已被修改，不能发布；请 docctl revise / "
        "modified after approval: it cannot be released; run docctl revise\n",
    )


def test_approval_committed_by_the_author_fails(repo: GitRepo) -> None:
    repo.docctl("revise", "YNTD-ITSS-0403", "--change", "年度评审")
    repo.commit("吴杰", "修订")
    repo.docctl("approve", "YNTD-ITSS-0403", "--as", "赵建中")
    sha = repo.commit("吴杰", "代签审核")
    rc, out, _ = repo.docctl("check", "--base", "main~2")
    assert rc == 1
    line1 = repo.line("YNTD-ITSS-0403", "reviewer: 赵建中")
    assert errors(out) == [
        f"policies/YNTD-ITSS-0403.md:{line1}:15: error approval-by-author: the reviewer signature of 赵建中 on "
        f"version 1.1 was committed by the document's author 吴杰 ({sha[:10]})"
    ]


def test_approval_committed_by_someone_else_and_uncommitted(repo: GitRepo) -> None:
    repo.docctl("revise", "YNTD-ITSS-0403", "--change", "年度评审")
    repo.commit("吴杰", "修订")
    repo.docctl("approve", "YNTD-ITSS-0403", "--as", "赵建中")
    sha = repo.commit("钱进", "审核")
    repo.docctl("approve", "YNTD-ITSS-0403", "--as", "陆涛")
    rc, out, _ = repo.docctl("check", "--base", "main~2")
    line1 = repo.line("YNTD-ITSS-0403", "reviewer: 赵建中")
    line2 = repo.line("YNTD-ITSS-0403", "approver: 陆涛")
    assert errors(out) == [
        f"policies/YNTD-ITSS-0403.md:{line1}:15: error approval-committer: the reviewer signature of 赵建中 on "
        "version "
        f"1.1 was committed by 钱进 <qianjin@yntd.example.com> ({sha[:10]}), not by the signer "
        f"(zhaojianzhong@yntd.example.com)",
        f"policies/YNTD-ITSS-0403.md:{line2}:15: error approval-uncommitted: the approver signature of 陆涛 on "
        "version 1.1 is not committed",
    ]


def test_rewritten_history_row_fails(repo: GitRepo) -> None:
    repo.write("YNTD-ITSS-0403", repo.text("YNTD-ITSS-0403").replace("change: 首次发布", "change: 新建"))
    repo.commit("吴杰", "改履历")
    rc, found, base = repo.check_base("main~1", lang="zh")
    line1 = repo.line("YNTD-ITSS-0403", "change: 新建")
    assert (rc, found) == (
        1,
        [
            f"policies/YNTD-ITSS-0403.md:{line1}:13: error base-row-rewritten: 已批准版本 1.0 的履历行被改写"
            f"（change：“首次发布” → “新建”，与 {base} 相比）"
        ],
    )


def test_removed_row_deleted_document_and_backward_status_fail(repo: GitRepo) -> None:
    text = repo.text("XDYJ-04-04")
    start = text.index('  - version: "1.1"')
    repo.write("XDYJ-04-04", text[:start] + text[text.index("---\n", start) :])
    (repo.path("TFDL-ITSS-08-09")).unlink()
    repo.write("YNTD-ITSS-0404", repo.text("YNTD-ITSS-0404").replace("status: effective", "status: review"))
    repo.commit("吴杰", "乱改")
    rc, out, _ = repo.docctl("check", "--base", "main~1")
    rules = sorted(line.split(" error ")[1].split(":")[0] for line in errors(out))
    assert "base-row-removed" in rules and "base-document-deleted" in rules and "base-transition" in rules


def test_obsolete_document_still_related_is_reported(repo: GitRepo) -> None:
    rc, out, _ = repo.docctl("obsolete", "YNTD-ITSS-0404", "--as", "陆涛", "--reason", "并入质量手册")
    assert rc == 0
    assert out == (
        "YNTD-ITSS-0404 is withdrawn by 陆涛\nnote: the effective documents YNTD-ITSS-0403 still list it "
        "in related (docctl check reports it)\n"
    )
    rc, out, _ = repo.docctl("check")
    assert rc == 1
    assert errors(out) == [
        "policies/YNTD-ITSS-0403.md:21:11: error link-obsolete: an effective document relies through "
        "'related' "
        "on the obsolete document 'YNTD-ITSS-0404'"
    ]
    assert (
        "    hint: refer to its replacement instead: an effective document is not edited in place, so open a new "
        'version with docctl revise YNTD-ITSS-0403 --change "…"\n' in out
    )
    assert "withdrawn: 2026-11-22\n" in repo.text("YNTD-ITSS-0404")


def test_shallow_clone_without_the_base_says_so(repo: GitRepo, tmp_path: Path) -> None:
    repo.docctl("revise", "YNTD-ITSS-0403", "--change", "年度评审")
    repo.commit("吴杰", "修订")
    clone = tmp_path / "clone"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone))
    shallow = GitRepo(clone, repo.capsys)
    rc, _, err = shallow.docctl("check", "--base", "main~1")
    assert rc == 2
    assert err == (
        "docctl: 找不到基准 main~1 / the base main~1 is not in this clone；这是浅克隆：请 git fetch "
        "--unshallow，或在 actions/checkout 中设 fetch-depth: 0 / this is a shallow clone: git fetch "
        "--unshallow, or fetch-depth: 0 in actions/checkout\n"
    )
