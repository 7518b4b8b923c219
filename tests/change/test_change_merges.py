"""Signature tracing through merge commits (`check --base`): a change first made while merging
belongs to the merge commit, and a branch's own commits are followed through the merges."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from gitrepo import EMAILS, GitRepo, make_git_repo

from docctl.digest import document_digest
from docctl.load import load_text
from docctl.model import DOCUMENT

DOC = "YNTD-ITSS-0403"


@pytest.fixture
def repo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> GitRepo:
    return make_git_repo(tmp_path / "repo", capsys)


def _reviewed_on_a_branch(repo: GitRepo) -> None:
    """main moves on (another document changes) while 1.1 of DOC is revised and reviewed on `rev`."""
    repo.git("tag", "base")
    repo.git("checkout", "-q", "-b", "rev")
    repo.docctl("revise", DOC, "--change", "年度评审")
    repo.commit("吴杰", "修订 1.1")
    repo.docctl("approve", DOC, "--as", "赵建中")
    repo.commit("赵建中", "审核 1.1")
    repo.git("checkout", "-q", "main")
    repo.docctl("revise", "XDYJ-04-04", "--change", "调整指标")
    repo.commit("吴杰", "修订 XDYJ-04-04")
    repo.git("checkout", "-q", "rev")


def _merge_main(repo: GitRepo, who: str) -> None:
    repo.git("merge", "-q", "--no-commit", "--no-ff", "main", who=who)


def test_approval_given_while_merging_is_the_merge_commit(repo: GitRepo) -> None:
    _reviewed_on_a_branch(repo)
    _merge_main(repo, "陆涛")
    assert repo.docctl("approve", DOC, "--as", "陆涛")[0] == 0
    repo.commit("陆涛", "合并 main 并批准 1.1")
    rc, found, _ = repo.check_base("base")
    assert (rc, found) == (0, [])


def test_approval_given_while_someone_else_merges_names_the_merge(repo: GitRepo) -> None:
    _reviewed_on_a_branch(repo)
    _merge_main(repo, "赵建中")
    repo.docctl("approve", DOC, "--as", "陆涛")
    sha = repo.commit("赵建中", "合并 main")
    line = repo.line(DOC, "approver: 陆涛")
    rc, found, _ = repo.check_base("base")
    assert (rc, found) == (
        1,
        [
            f"policies/{DOC}.md:{line}:15: error approval-committer: the approver signature of 陆涛 on version "
            f"1.1 was committed by 赵建中 <{EMAILS['赵建中']}> ({sha[:10]}), not by the signer ({EMAILS['陆涛']})"
        ],
    )


def test_approval_on_a_branch_merged_later_is_the_signers_commit(repo: GitRepo) -> None:
    _reviewed_on_a_branch(repo)
    repo.docctl("approve", DOC, "--as", "陆涛")
    repo.commit("陆涛", "批准 1.1")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "合并 rev", "rev", who="管理员")
    assert repo.check_base("base")[:2] == (0, [])


def test_digest_rewritten_inside_a_merge_names_the_merge(repo: GitRepo) -> None:
    _reviewed_on_a_branch(repo)
    repo.docctl("approve", DOC, "--as", "陆涛")
    repo.commit("陆涛", "批准 1.1")
    _merge_main(repo, "吴杰")
    text = repo.text(DOC).replace("# 目的\n", "# 目的\n\n合并时加的一句。\n", 1)
    doc = load_text(text, f"policies/{DOC}.md", DOCUMENT, "en")[0]
    assert doc is not None
    repo.write(DOC, re.sub(r"digest: sha256:[0-9a-f]+", f"digest: {document_digest(doc)}", text))
    sha = repo.commit("吴杰", "合并 main")
    line = repo.line(DOC, "digest:")
    assert repo.check_base("base")[:2] == (
        1,
        [
            f"policies/{DOC}.md:{line}:13: error approval-digest-rewritten: version 1.1 was approved by "
            f"陆涛 on other content: the approved text or its digest was changed after approval by "
            f"commit {sha[:10]} (吴杰 <{EMAILS['吴杰']}>)"
        ],
    )


def test_squash_merge_hint_says_to_merge_with_a_merge_commit(repo: GitRepo) -> None:
    """GitHub's squash merge: one commit authored by the pull request's author, committed by GitHub."""
    _reviewed_on_a_branch(repo)
    repo.docctl("approve", DOC, "--as", "陆涛")
    repo.commit("陆涛", "批准 1.1")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--squash", "rev")
    repo.env = {"GIT_COMMITTER_NAME": "GitHub", "GIT_COMMITTER_EMAIL": "noreply@github.com"}
    sha = repo.commit("吴杰", "年度评审 (#7)")
    rc, out, _ = repo.docctl("check", "--base", "base")
    line = repo.line(DOC, "approver: 陆涛")
    assert rc == 1
    assert (
        f"policies/{DOC}.md:{line}:15: error approval-by-author: the approver signature of 陆涛 on version 1.1 "
        f"was committed by the document's author 吴杰 ({sha[:10]})\n"
        "    hint: the author cannot sign for others: the signer commits it; this commit was rewritten by "
        "noreply@github.com (a squash or rebase merge? merge document pull requests with a merge commit)\n"
    ) in out
    repo.env = {}
    repo.git("reset", "-q", "--hard", "HEAD~1")
    repo.git("checkout", "-q", "rev")
    repo.git("reset", "-q", "--hard", "HEAD~1")
    repo.docctl("approve", DOC, "--as", "陆涛")
    repo.commit("吴杰", "批准 1.1")
    out = repo.docctl("check", "--base", "base")[1]
    assert "    hint: the author cannot sign for others: the signer commits it\n" in out
