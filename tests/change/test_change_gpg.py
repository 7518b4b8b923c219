"""--require-signed with GnuPG: approval commits signed with the GPG key whose fingerprint the roster
lists for the signer (primary key fingerprint, also when a signing subkey made the signature)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from gitrepo import GitRepo, errors, make_git_repo

PEOPLE = {"赵建中": "zhaojianzhong", "陆涛": "lutao", "钱进": "qianjin"}


def gpg(*args: str) -> str:
    done = subprocess.run(["gpg", "--batch", *args], capture_output=True, text=True, check=True)
    return done.stdout


def fingerprints(uid: str) -> list[str]:
    """The fingerprints of a key: the primary first, then its subkeys."""
    out = gpg("--with-colons", "--fingerprint", "--list-keys", uid)
    return [line.split(":")[9] for line in out.splitlines() if line.startswith("fpr:")]


def gen_key(name: str, email: str, *, subkey: bool = False) -> str:
    uid = f"{name} <{email}>"
    gpg("--passphrase", "", "--quick-gen-key", uid, "ed25519", "sign", "never")
    primary = fingerprints(uid)[0]
    if subkey:  # a separate signing subkey, which gpg then prefers for signing
        gpg("--passphrase", "", "--quick-add-key", primary, "ed25519", "sign", "never")
    return primary


@pytest.fixture
def gnupg_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    # a short path: gpg-agent's socket lives there and socket paths are limited to ~100 bytes
    home = tmp_path_factory.mktemp("gpg")
    home.chmod(0o700)
    monkeypatch.setenv("GNUPGHOME", str(home))
    yield home
    subprocess.run(["gpgconf", "--kill", "gpg-agent"], check=False)


@pytest.fixture
def gpg_repo(tmp_path: Path, gnupg_home: Path, capsys: pytest.CaptureFixture[str]) -> tuple[GitRepo, dict[str, str]]:
    repo = make_git_repo(tmp_path / "repo", capsys)
    keys = {name: gen_key(name, f"{user}@yntd.example.com", subkey=name == "陆涛") for name, user in PEOPLE.items()}
    grouped = " ".join(keys["陆涛"][i : i + 4] for i in range(0, 40, 4))  # as `gpg --fingerprint` prints it
    roster = {"赵建中": keys["赵建中"], "陆涛": grouped}
    config = (repo.root / "docctl.yml").read_text(encoding="utf-8")
    for name, key in roster.items():
        line = f"    email: {PEOPLE[name]}@yntd.example.com\n"
        config = config.replace(line, line + f'    signing_key: "{key}"\n')
    (repo.root / "docctl.yml").write_text(config, encoding="utf-8")
    repo.commit("管理员", "roster: GPG fingerprints")
    repo.docctl("revise", "YNTD-ITSS-0403", "--change", "年度评审")
    repo.commit("吴杰", "修订")
    return repo, keys


def _commit_with_key(repo: GitRepo, who: str, key: str, message: str) -> str:
    repo.git("add", "-A", who=who)
    repo.git("-c", "gpg.format=openpgp", "-c", f"user.signingkey={key}!", "-c", "commit.gpgsign=true",
             "commit", "-q", "-m", message, who=who)
    return repo.git("rev-parse", "HEAD")


def test_gpg_signed_approvals_pass(gpg_repo: tuple[GitRepo, dict[str, str]]) -> None:
    repo, keys = gpg_repo
    repo.docctl("approve", "YNTD-ITSS-0403", "--as", "赵建中")
    first = _commit_with_key(repo, "赵建中", keys["赵建中"], "审核")
    repo.docctl("approve", "YNTD-ITSS-0403", "--as", "陆涛")
    subkey = fingerprints(keys["陆涛"])[1]
    second = _commit_with_key(repo, "陆涛", subkey, "批准")
    made_by = repo.git("log", "--no-walk=unsorted", "--format=%G? %GF %GP", first, second).splitlines()
    assert made_by == [f"G {keys['赵建中']} {keys['赵建中']}", f"G {subkey} {keys['陆涛']}"]
    rc, out, _ = repo.docctl("check", "--base", "main~2", "--require-signed")
    assert errors(out) == [] and rc == 0


def test_unsigned_and_other_key_gpg_approvals_fail(gpg_repo: tuple[GitRepo, dict[str, str]]) -> None:
    repo, keys = gpg_repo
    repo.docctl("approve", "YNTD-ITSS-0403", "--as", "赵建中")
    unsigned = repo.commit("赵建中", "审核（未签名）")
    repo.docctl("approve", "YNTD-ITSS-0403", "--as", "陆涛")
    other = _commit_with_key(repo, "陆涛", keys["钱进"], "批准（他人密钥）")
    rc, out, _ = repo.docctl("check", "--base", "main~2", "--require-signed")
    line1 = repo.line("YNTD-ITSS-0403", "reviewer: 赵建中")
    line2 = repo.line("YNTD-ITSS-0403", "approver: 陆涛")
    assert errors(out) == [
        f"policies/YNTD-ITSS-0403.md:{line1}:15: error approval-unsigned: the commit {unsigned[:10]} with "
        "the reviewer signature of 赵建中 on version 1.1 carries no valid signature by their key: "
        "the commit is not signed (git: N)",
        f"policies/YNTD-ITSS-0403.md:{line2}:15: error approval-unsigned: the commit {other[:10]} with the "
        "approver signature of 陆涛 on version 1.1 carries no valid signature by their key: "
        "a good signature, but by another key than theirs, "
        "that of 钱进 <qianjin@yntd.example.com> (git: G)",
    ]
    assert rc == 1
    rc, out, _ = repo.docctl("check", "--base", "main~2")
    assert errors(out) == [] and rc == 0


def test_gpg_key_missing_from_the_keyring_fails(gpg_repo: tuple[GitRepo, dict[str, str]]) -> None:
    repo, keys = gpg_repo
    repo.docctl("approve", "YNTD-ITSS-0403", "--as", "赵建中")
    signed = _commit_with_key(repo, "赵建中", keys["赵建中"], "审核")
    gpg("--yes", "--delete-secret-and-public-key", keys["赵建中"])
    rc, out, _ = repo.docctl("check", "--base", "main~1", "--require-signed")
    line = repo.line("YNTD-ITSS-0403", "reviewer: 赵建中")
    assert errors(out) == [
        f"policies/YNTD-ITSS-0403.md:{line}:15: error approval-unsigned: the commit {signed[:10]} with "
        "the reviewer signature of 赵建中 on version 1.1 carries no valid signature by their key: "
        "the signature cannot be checked, its public key "
        "is missing, e.g. not imported into the GPG keyring (git: E)",
    ]
    assert rc == 1
