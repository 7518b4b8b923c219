"""--require-signed: approval commits carry a valid SSH signature made with the signer's roster key."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from gitrepo import GitRepo, errors, make_git_repo


def keygen(folder: Path, name: str) -> tuple[Path, str]:
    key = folder / name
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)], check=True)
    return key, key.with_suffix(".pub").read_text(encoding="utf-8").strip()


@pytest.fixture
def signed_repo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[GitRepo, dict[str, Path]]:
    repo = make_git_repo(tmp_path / "repo", capsys)
    keys: dict[str, Path] = {}
    config = (repo.root / "docctl.yml").read_text(encoding="utf-8")
    for name, email in (("赵建中", "zhaojianzhong"), ("陆涛", "lutao")):
        keys[name], public = keygen(tmp_path, email)
        line = f"    email: {email}@yntd.example.com\n"
        config = config.replace(line, line + f"    signing_key: {public}\n")
    keys["钱进"], _ = keygen(tmp_path, "qianjin")
    (repo.root / "docctl.yml").write_text(config, encoding="utf-8")
    repo.commit("管理员", "roster: signing keys")
    repo.docctl("revise", "YNTD-ITSS-0403", "--change", "年度评审")
    repo.commit("吴杰", "修订")
    return repo, keys


def _commit_with_key(repo: GitRepo, who: str, key: Path, message: str) -> str:
    repo.git("add", "-A", who=who)
    repo.git("-c", "gpg.format=ssh", "-c", f"user.signingkey={key}", "commit", "-q", "-S", "-m", message, who=who)
    return repo.git("rev-parse", "HEAD")


def test_signed_approvals_pass(signed_repo: tuple[GitRepo, dict[str, Path]]) -> None:
    repo, keys = signed_repo
    repo.docctl("approve", "YNTD-ITSS-0403", "--as", "赵建中")
    _commit_with_key(repo, "赵建中", keys["赵建中"], "审核")
    repo.docctl("approve", "YNTD-ITSS-0403", "--as", "陆涛")
    _commit_with_key(repo, "陆涛", keys["陆涛"], "批准")
    rc, out, _ = repo.docctl("check", "--base", "main~2", "--require-signed")
    assert errors(out) == [] and rc == 0


def test_unsigned_and_wrongly_signed_approvals_fail(signed_repo: tuple[GitRepo, dict[str, Path]]) -> None:
    repo, keys = signed_repo
    repo.docctl("approve", "YNTD-ITSS-0403", "--as", "赵建中")
    unsigned = repo.commit("赵建中", "审核（未签名）")
    repo.docctl("approve", "YNTD-ITSS-0403", "--as", "陆涛")
    wrong = _commit_with_key(repo, "陆涛", keys["钱进"], "批准（他人密钥）")
    rc, out, _ = repo.docctl("check", "--base", "main~2", "--require-signed")
    assert rc == 1
    line1 = repo.line("YNTD-ITSS-0403", "reviewer: 赵建中")
    line2 = repo.line("YNTD-ITSS-0403", "approver: 陆涛")
    assert errors(out) == [
        f"policies/YNTD-ITSS-0403.md:{line1}:15: error approval-unsigned: the commit {unsigned[:10]} with "
        "the reviewer "
        "signature of 赵建中 on version 1.1 carries no valid signature by their key: "
        "the commit is not signed (git: N)",
        f"policies/YNTD-ITSS-0403.md:{line2}:15: error approval-unsigned: the commit {wrong[:10]} with the "
        "approver "
        "signature of 陆涛 on version 1.1 carries no valid signature by their key: "
        "a good signature, but by a key that is not on "
        "the roster or not theirs (git: U)",
    ]
    zh = errors(repo.docctl("check", "--base", "main~2", "--require-signed", lang="zh")[1])
    assert zh[0].endswith(
        f"审核人赵建中 对版本 1.1 的签署提交 {unsigned[:10]} 没有其本人密钥的有效签名：提交没有签名（git：N）"
    )
    rc, out, _ = repo.docctl("check", "--base", "main~2")
    assert errors(out) == [] and rc == 0


def test_require_signed_needs_a_base(signed_repo: tuple[GitRepo, dict[str, Path]]) -> None:
    repo, _ = signed_repo
    assert repo.docctl("check", "--require-signed")[::2] == (
        2,
        "docctl: --require-signed 需要 --base REF / --require-signed needs --base REF\n",
    )
