"""docctl obsolete --as --reason: a withdrawal is signed by an approver, and `check --base` traces
its commit as it traces an approval's; `changes` names who withdrew and why."""

from __future__ import annotations

from pathlib import Path

import pytest
from gitrepo import EMAILS, GitRepo, errors, make_git_repo


@pytest.fixture
def repo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> GitRepo:
    return make_git_repo(tmp_path / "repo", capsys)


def test_obsolete_records_signer_and_reason_round_trip(repo: GitRepo) -> None:
    before = repo.text("YNTD-ITSS-0404")
    rc, out, _ = repo.docctl("obsolete", "YNTD-ITSS-0404", "--as", "陆涛", "--reason", "并入质量手册", lang="zh")
    assert rc == 0 and out.startswith("YNTD-ITSS-0404 已作废（陆涛）\n")
    added = "withdrawn: 2026-11-22\nwithdrawn_by: 陆涛\nwithdrawn_reason: 并入质量手册\n"
    after = repo.text("YNTD-ITSS-0404")
    assert added in after
    assert after.replace(added, "").replace("status: obsolete", "status: effective") == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--as", "陆涛"), "the following arguments are required: --reason"),
        (
            ("--as", "赵建中", "--reason", "停用"),
            "docctl: “赵建中”在名册中没有 approver 角色 / '赵建中' has no approver role on the roster\n",
        ),
        (
            ("--as", "陆涛", "--reason", "  "),
            "docctl: --reason 不能为空：写明为什么作废 / --reason must say why it is withdrawn\n",
        ),
        (
            ("--reason", "停用"),
            "docctl: 请用 --as 指定作废的批准人（git user.email 不在名册中） / "
            "give --as (git user.email is not on the roster)\n",
        ),
    ],
)
def test_obsolete_refuses_without_an_approver_or_a_reason(
    repo: GitRepo, args: tuple[str, ...], message: str
) -> None:
    before = repo.text("YNTD-ITSS-0404")
    rc, _, err = repo.docctl("obsolete", "YNTD-ITSS-0404", *args)
    assert rc == 2 and message in err
    assert repo.text("YNTD-ITSS-0404") == before


def test_obsolete_signer_defaults_to_the_git_user(repo: GitRepo) -> None:
    repo.git("config", "user.email", EMAILS["陆涛"])
    assert repo.docctl("obsolete", "YNTD-ITSS-0404", "--reason", "停用")[:2] == (
        0,
        "YNTD-ITSS-0404 is withdrawn by 陆涛\nnote: the effective documents YNTD-ITSS-0403 still list it in "
        "related (docctl check reports it)\n",
    )
    assert "withdrawn_by: 陆涛\n" in repo.text("YNTD-ITSS-0404")


def test_withdrawal_is_committed_by_its_signer(repo: GitRepo) -> None:
    repo.git("tag", "base")
    repo.docctl("obsolete", "YNTD-ITSS-0404", "--as", "陆涛", "--reason", "停用")
    repo.commit("赵建中", "作废")
    sha = repo.git("rev-parse", "--short=10", "HEAD")
    line = repo.line("YNTD-ITSS-0404", "withdrawn_by:")
    rc, found, _ = repo.check_base("base")
    assert (rc, [f for f in found if "withdraw" in f]) == (
        1,
        [
            f"policies/YNTD-ITSS-0404.md:{line}:15: error approval-committer: the withdrawal signature of 陆涛 on "
            f"version 1.0 was committed by 赵建中 <{EMAILS['赵建中']}> ({sha}), not by the signer ({EMAILS['陆涛']})"
        ],
    )
    repo.git("reset", "-q", "--soft", "HEAD~1")
    repo.commit("陆涛", "作废")
    assert not [f for f in repo.check_base("base")[1] if "withdraw" in f]


def test_uncommitted_withdrawal_is_reported_in_chinese(repo: GitRepo) -> None:
    repo.git("tag", "base")
    repo.docctl("obsolete", "YNTD-ITSS-0404", "--as", "陆涛", "--reason", "停用")
    line = repo.line("YNTD-ITSS-0404", "withdrawn_by:")
    found = [f for f in repo.check_base("base", lang="zh")[1] if "uncommitted" in f]
    assert found == [
        f"policies/YNTD-ITSS-0404.md:{line}:15: error approval-uncommitted: 作废批准人陆涛 对版本 1.0 的签署尚未提交"
    ]


def test_change_notice_names_who_withdrew_and_why(repo: GitRepo) -> None:
    repo.git("tag", "base")
    repo.docctl("obsolete", "XDYJ-04-04", "--as", "孙玘", "--reason", "业务已停止")
    repo.commit("孙玘", "作废")
    rc, out, _ = repo.docctl("changes", "--since", "base", lang="zh")
    assert rc == 0
    assert out.endswith("| XDYJ-04-04 | 运维服务质量改进管理制度 | 1.1 | 业务已停止 | 孙玘 | 2026-11-22 |  |\n")
    assert errors(repo.docctl("check")[1]) == []


def test_check_reports_a_withdrawal_signed_by_someone_without_the_approver_role(repo: GitRepo) -> None:
    repo.docctl("obsolete", "YNTD-ITSS-0404", "--as", "陆涛", "--reason", "停用")
    repo.write("YNTD-ITSS-0404", repo.text("YNTD-ITSS-0404").replace("withdrawn_by: 陆涛", "withdrawn_by: 赵建中"))
    line = repo.line("YNTD-ITSS-0404", "withdrawn_by:")
    rc, out, _ = repo.docctl("check", "policies/YNTD-ITSS-0404.md")
    assert rc == 1
    assert [f for f in errors(out) if "withdrawn_by" in f or "赵建中" in f] == [
        f"policies/YNTD-ITSS-0404.md:{line}:15: error person-role: the withdrawing approver '赵建中' has no "
        "approver role on the roster"
    ]


def test_a_withdrawal_since_digests_from_must_name_its_signer(repo: GitRepo) -> None:
    """The example adopts signed changes on 2026-11-22 (change_control.digests_from): a withdrawal
    written by hand on or after that day without withdrawn_by is an error; an earlier one is not."""
    text = repo.text("YNTD-ITSS-0404").replace("status: effective", "status: obsolete\nwithdrawn: 2026-11-22", 1)
    repo.write("YNTD-ITSS-0404", text)
    line = repo.line("YNTD-ITSS-0404", "withdrawn: 2026-11-22")
    rc, out, _ = repo.docctl("check")
    assert rc == 1
    assert (f"policies/YNTD-ITSS-0404.md:{line}:12: error withdrawal-unsigned: the withdrawal of 2026-11-22 names "
            "no signer (withdrawn_by), though changes are signed since 2026-11-22\n"
            '    hint: have an approver sign it: docctl obsolete YNTD-ITSS-0404 --as APPROVER --reason "why"\n') in out
    repo.write("YNTD-ITSS-0404", text.replace("withdrawn: 2026-11-22", "withdrawn: 2026-11-21"))
    assert "withdrawal-unsigned" not in repo.docctl("check")[1]
