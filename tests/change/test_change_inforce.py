"""While a revision is open, the version in force stays in the register, in `due` and is named by
`export --all` (its text is only in git)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gitrepo import TODAY, GitRepo, make_git_repo

DOC = "YNTD-ITSS-0403"


@pytest.fixture
def repo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> GitRepo:
    made = make_git_repo(tmp_path / "repo", capsys)
    assert made.docctl("revise", DOC, "--change", "年度评审")[0] == 0
    return made


def test_register_shows_the_version_in_force_beside_the_draft(repo: GitRepo) -> None:
    rc, out, _ = repo.docctl("register", "--format", "csv")
    assert rc == 0
    assert out.splitlines()[0] == (
        "ID,Title,Organization,Department,Type,Status,Version,Effective,Next review,Approver,Revision"
    )
    assert out.splitlines()[3] == (
        "YNTD-ITSS-0403,运维服务质量管理制度,云南腾电科技有限公司,质量部,policy,effective,1.0,2025-01-07,"
        "2026-01-07,陆涛,revision 1.1 in draft"
    )
    rc, out, _ = repo.docctl("register", "--format", "json")
    row = next(r for r in json.loads(out) if r["id"] == DOC)
    assert row == {
        "id": DOC,
        "title": "运维服务质量管理制度",
        "org": "云南腾电科技有限公司",
        "department": "质量部",
        "type": "policy",
        "status": "effective",
        "version": "1.0",
        "effective": "2025-01-07",
        "next_review": "2026-01-07",
        "approver": "陆涛",
        "revision_version": "1.1",
        "revision_status": "draft",
    }
    repo.docctl("approve", DOC, "--as", "赵建中")
    rc, out, _ = repo.docctl("register", lang="zh")
    assert [line.split() for line in out.splitlines() if line.startswith(DOC)] == [
        [DOC, "运维服务质量管理制度", "云南腾电科技有限公司", "质量部", "policy", "现行", "1.0", "2025-01-07",
         "2026-01-07", "陆涛", "修订中", "1.1（审核中）"]
    ]


def test_a_new_draft_is_listed_as_a_draft(repo: GitRepo) -> None:
    repo.docctl("new", "policy", "--title", "变更管理制度", "--org", "YNTD", "--author", "吴杰")
    rc, out, _ = repo.docctl("register", "--format", "csv")
    assert "YNTD-ITSS-0405,变更管理制度,云南腾电科技有限公司,,policy,draft,1.0,,,," in out.splitlines()


def test_due_keeps_the_overdue_document_in_force(repo: GitRepo) -> None:
    rc, out, _ = repo.docctl("due", "--within", "1y", "--format", "csv")
    assert rc == 0
    lines = out.splitlines()
    assert lines[0].endswith(",Revision,Days left")
    assert [line.split(",")[0] for line in lines[1:]] == [
        "TFDL-ITSS-08-09", "XDYJ-04-04", "YNTD-ITSS-0403", "YNTD-ITSS-0404"
    ]
    assert lines[3].endswith(",2025-01-07,2026-01-07,陆涛,revision 1.1 in draft,319 days overdue")
    rc, out, _ = repo.docctl("due", "--within", "30d", "--format", "json", today="2025-12-29")
    assert [(r["id"], r["days_left"]) for r in json.loads(out)] == [
        ("TFDL-ITSS-08-09", -1087), ("YNTD-ITSS-0403", 9), ("YNTD-ITSS-0404", 9)
    ]
    rc, out, _ = repo.docctl("due", "--within", "30d", lang="zh", today="2026-01-07")
    assert [line.rsplit("  ", 1)[1] for line in out.splitlines()[2:]][-2:] == ["今天到期", "今天到期"]


def test_export_all_exports_the_version_in_force_from_git(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = make_git_repo(tmp_path / "repo", capsys)
    assert repo.docctl("export", DOC, "--out", str(tmp_path / "before"))[0] == 0
    head = repo.git("rev-parse", "HEAD")
    assert repo.docctl("revise", DOC, "--change", "年度评审")[0] == 0
    repo.write(DOC, repo.text(DOC).replace("# 目的\n", "# 目的\n\n修订稿中的新句子。\n", 1))
    rc, out, err = repo.docctl("export", "--all", "--out", str(tmp_path / "docx"))
    assert rc == 0
    ids = ("TFDL-ITSS-08-09", "XDYJ-04-04", DOC, "YNTD-ITSS-0404")
    assert out.splitlines() == [str(tmp_path / "docx" / f"{d}.docx") for d in ids]
    assert err == (
        f"docctl: {DOC} 修订中 1.1（草稿）：导出 git 中的现行版本 1.0（提交 {head[:10]}） / "
        f"{DOC}: revision 1.1 in draft: exported version 1.0 in force from git (commit {head[:10]})\n"
    )
    # the very DOCX the effective file gave before the revision opened
    assert (tmp_path / "docx" / f"{DOC}.docx").read_bytes() == (tmp_path / "before" / f"{DOC}.docx").read_bytes()


def test_export_all_says_when_git_does_not_hold_the_version_in_force(repo: GitRepo, tmp_path: Path) -> None:
    import shutil

    shutil.rmtree(repo.root / ".git")
    rc, out, err = repo.docctl("export", "--all", "--out", str(tmp_path / "docx"))
    assert rc == 1
    assert out.splitlines() == [
        str(tmp_path / "docx" / f"{d}.docx") for d in ("TFDL-ITSS-08-09", "XDYJ-04-04", "YNTD-ITSS-0404")
    ]
    assert err == (
        "docctl: YNTD-ITSS-0403 修订中 1.1（草稿）：git 中找不到现行版本 1.0，未导出 / "
        "YNTD-ITSS-0403: revision 1.1 in draft: version 1.0 in force is not in git history; not exported\n"
        + NOT_EXPORTED
    )


NOT_EXPORTED = (
    "docctl: 1 份现行文件未导出（浅克隆？actions/checkout 须设 fetch-depth: 0） / 1 document(s) in force not "
    "exported (a shallow clone? fetch-depth: 0 in actions/checkout)\n"
)


def test_export_all_fails_on_a_shallow_clone_of_a_document_under_revision(repo: GitRepo, tmp_path: Path) -> None:
    """What CI's default checkout (fetch-depth 1) gives: the last commit only."""
    repo.docctl("revise", DOC, "--change", "年度评审")
    repo.commit("吴杰", "修订 1.1")
    clone = tmp_path / "clone"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone))
    rc, out, err = repo.docctl("-C", str(clone), "export", "--all", "--out", str(tmp_path / "docx"))
    assert rc == 1
    assert err.endswith(
        "YNTD-ITSS-0403: revision 1.1 in draft: version 1.0 in force is not in git history; not exported\n"
        + NOT_EXPORTED
    )
    assert not (tmp_path / "docx" / f"{DOC}.docx").exists()
    full = tmp_path / "full"
    repo.git("clone", "-q", f"file://{repo.root}", str(full))
    assert repo.docctl("-C", str(full), "export", "--all", "--out", str(tmp_path / "docx2"))[0] == 0
    assert (tmp_path / "docx2" / f"{DOC}.docx").exists()


def test_a_controlled_copy_during_a_revision_is_of_the_version_in_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = make_git_repo(tmp_path / "repo", capsys)
    head = repo.git("rev-parse", "HEAD")  # the last commit that changed the document
    assert repo.docctl("export", DOC, "--copy", "1", "--to", "运维部", "--out", str(tmp_path / "one"))[0] == 0
    repo.git("add", "-A")
    repo.git("commit", "-qm", "副本 1")
    assert repo.docctl("revise", DOC, "--change", "年度评审")[0] == 0
    # copy 1 of 1.0 is still the version in force: nothing to recall while 1.1 is a draft
    rc, out, _ = repo.docctl("copies", DOC, "--recall")
    assert (rc, out) == (0, f"no controlled copies to list: {DOC}\n")
    rc, out, err = repo.docctl("export", DOC, "--copy", "2", "--to", "质量部", "--out", str(tmp_path / "two"))
    assert rc == 0
    assert err == (
        f"docctl: {DOC} 修订中 1.1（草稿）：导出 git 中的现行版本 1.0（提交 {head[:10]}） / "
        f"{DOC}: revision 1.1 in draft: exported version 1.0 in force from git (commit {head[:10]})\n"
    )
    record = out.splitlines()[1]
    assert out.splitlines()[0] == str(tmp_path / "two" / f"{DOC}-copy-002.docx")
    assert 'version: "1.0"' in (repo.root / record).read_text(encoding="utf-8")
    rc, out, _ = repo.docctl("copies", DOC)
    assert [line.split("\t")[:5] for line in out.splitlines()[1:]] == [
        ["001", "V1.0", "运维部", TODAY, "current"], ["002", "V1.0", "质量部", TODAY, "current"]]
