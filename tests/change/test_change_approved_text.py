"""An approval binds the text its signer committed: a later edit that rewrites the digest too is caught
by `check --base`, while edits between review and approval are fine (the approver signs the final text)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from gitrepo import GitRepo, errors, make_git_repo

from docctl.digest import document_digest
from docctl.load import load_text
from docctl.model import DOCUMENT

DOC = "YNTD-ITSS-0403"


@pytest.fixture
def repo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> GitRepo:
    return make_git_repo(tmp_path / "repo", capsys)


def _reviewed(repo: GitRepo) -> str:
    assert repo.docctl("revise", DOC, "--change", "年度评审")[0] == 0
    repo.commit("吴杰", "修订 1.1")
    assert repo.docctl("approve", DOC, "--as", "赵建中")[0] == 0
    return repo.commit("赵建中", "审核 1.1")


def _rewrite_with_new_digest(repo: GitRepo) -> None:
    """The author edits the approved body and writes the digest of the edited text."""
    text = repo.text(DOC).replace("# 目的\n", "# 目的\n\n批准后加的一句。\n", 1)
    doc = load_text(text, f"policies/{DOC}.md", DOCUMENT, "en")[0]
    assert doc is not None
    repo.write(DOC, re.sub(r"digest: sha256:[0-9a-f]+", f"digest: {document_digest(doc)}", text))


def test_author_rewriting_approved_text_and_digest_fails(repo: GitRepo) -> None:
    base = _reviewed(repo)
    repo.docctl("approve", DOC, "--as", "陆涛")
    repo.commit("陆涛", "批准 1.1")
    _rewrite_with_new_digest(repo)
    sha = repo.commit("吴杰", "批准后改正文")
    assert repo.docctl("check")[0] == 0  # the digest fits the edited text: only history can tell
    rc, found, label = repo.check_base(base)
    line = repo.line(DOC, "digest:")
    assert (rc, found) == (
        1,
        [
            f"policies/{DOC}.md:{line}:13: error approval-digest-rewritten: version 1.1 was approved by "
            f"陆涛 on other content: the approved text or its digest was changed after approval by "
            f"commit {sha[:10]} (吴杰 <wujie@yntd.example.com>)"
        ],
    )
    rc, out, _ = repo.docctl("check", "--base", base, lang="zh")
    assert errors(out) == [
        f"policies/{DOC}.md:{line}:13: error approval-digest-rewritten: 版本 1.1 由 陆涛 批准的不是现在的内容："
        f"批准后已被提交 {sha[:10]}（吴杰 <wujie@yntd.example.com>）改动正文或摘要"
    ]
    assert f"提示: 批准后的修改须 docctl revise {DOC} --change “…” 开新版本并重新审批" in out


def test_uncommitted_rewrite_after_approval_fails(repo: GitRepo) -> None:
    base = _reviewed(repo)
    repo.docctl("approve", DOC, "--as", "陆涛")
    repo.commit("陆涛", "批准 1.1")
    _rewrite_with_new_digest(repo)
    rc, found, _ = repo.check_base(base)
    line = repo.line(DOC, "digest:")
    assert (rc, found) == (
        1,
        [
            f"policies/{DOC}.md:{line}:13: error approval-digest-rewritten: version 1.1 was approved by "
            "陆涛 on other content: the approved text or its digest was changed after approval by "
            "uncommitted changes in the working tree"
        ],
    )


def test_edits_between_review_and_approval_pass(repo: GitRepo) -> None:
    base = _reviewed(repo)
    repo.write(DOC, repo.text(DOC).replace("# 目的\n", "# 目的\n\n审核后补充的一句。\n", 1))
    repo.commit("吴杰", "按审核意见修改")
    repo.docctl("approve", DOC, "--as", "陆涛")
    repo.commit("陆涛", "批准 1.1")
    assert repo.docctl("release", DOC, "--effective", "2026-12-01")[0] == 0
    repo.commit("陆涛", "发布 1.1")
    rc, found, _ = repo.check_base(base)
    assert (rc, found) == (0, [])


def test_approved_release_then_revision_edits_pass(repo: GitRepo) -> None:
    """1.1 approved and released in the branch, then 1.2 opened and edited: 1.1's approval still holds."""
    base = _reviewed(repo)
    repo.docctl("approve", DOC, "--as", "陆涛")
    repo.commit("陆涛", "批准 1.1")
    repo.docctl("release", DOC, "--effective", "2026-12-01")
    repo.commit("陆涛", "发布 1.1")
    repo.docctl("revise", DOC, "--change", "补充条款")
    repo.write(DOC, repo.text(DOC).replace("# 目的\n", "# 目的\n\n1.2 的新句子。\n", 1))
    repo.commit("吴杰", "修订 1.2")
    rc, found, _ = repo.check_base(base)
    assert (rc, found) == (0, [])
