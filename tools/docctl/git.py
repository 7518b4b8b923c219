"""The one adapter to git (GitPython): the only module that imports it.

Everything the change-control checks need from history: the base commit, the paths changed since,
the text of a file at a commit, the commits that touched given paths with their authors (or one
file, newest first), and the signature status of commits checked against an allowed-signers file
built from the roster; for the site's redlines, every commit that touched given files (path_commits).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import git
from git.exc import GitCommandError, InvalidGitRepositoryError, NoSuchPathError

from docctl.errors import ExternalToolError, UsageError

_SEP = "\x1f"


@dataclass(frozen=True)
class Commit:
    sha: str
    email: str
    name: str
    paths: tuple[str, ...]
    parents: tuple[str, ...] = ()
    committer: str = ""  # the committer's email: another than the author's when git or GitHub rewrote it


@dataclass(frozen=True)
class SignatureCheck:
    sha: str
    status: str  # git's %G?: G good, B bad, U unknown validity, N none, E cannot check, X/Y/R expired/revoked
    signer: str  # %GS: the principal (SSH) or user id (GPG)
    fingerprint: str  # %GF: the key that made the signature (a GPG signing subkey, or the SSH key)
    primary: str = ""  # %GP: the GPG primary key of that subkey (empty for SSH)


def configured_email(root: Path) -> str:
    try:
        return str(
            git.Repo(root, search_parent_directories=True).config_reader().get_value("user", "email", "")
        )
    except (InvalidGitRepositoryError, NoSuchPathError, GitCommandError):
        return ""


class History:
    """A git repository seen from docctl: read-only queries against one base commit."""

    def __init__(self, root: Path) -> None:
        try:
            self.repo = git.Repo(root, search_parent_directories=True)
        except (InvalidGitRepositoryError, NoSuchPathError) as exc:
            raise UsageError(
                f"{root}: 不是 git 仓库，--base/--since 需要 git / not a git repository"
            ) from exc
        self.top = Path(self.repo.working_tree_dir or root).resolve()
        self.prefix = Path(root).resolve().relative_to(self.top).as_posix()
        self.prefix = "" if self.prefix == "." else self.prefix + "/"

    def resolve(self, ref: str) -> str:
        try:
            return str(self.repo.git.rev_parse("--verify", "--quiet", f"{ref}^{{commit}}"))
        except GitCommandError as exc:
            shallow = self.repo.git.rev_parse("--is-shallow-repository") == "true"
            extra = (
                "；这是浅克隆：请 git fetch --unshallow，或在 actions/checkout 中设 fetch-depth: 0 / "
                "this is a shallow clone: git fetch --unshallow, or fetch-depth: 0 in actions/checkout"
                if shallow
                else ""
            )
            raise UsageError(f"找不到基准 {ref} / the base {ref} is not in this clone{extra}") from exc

    def merge_base(self, ref: str) -> str:
        """Where the current branch left `ref` (the base a pull request is compared with)."""
        target = self.resolve(ref)
        try:
            return str(self.repo.git.merge_base(target, "HEAD"))
        except GitCommandError as exc:
            raise UsageError(
                f"{ref} 与 HEAD 没有共同祖先（浅克隆？请 fetch-depth: 0） / "
                f"{ref} and HEAD share no history (shallow clone? use fetch-depth: 0)"
            ) from exc

    def changed(self, base: str, folders: tuple[str, ...]) -> set[str]:
        """Paths (relative to the docctl root) changed since `base`: commits, working tree, untracked."""
        specs = [self.prefix + f for f in folders]
        names = self.repo.git.diff("--name-only", "--no-renames", base, "--", *specs).splitlines()
        names += self.repo.git.ls_files("--others", "--exclude-standard", "--", *specs).splitlines()
        return {self._rel(n) for n in names if n}

    def text_at(self, sha: str, path: str) -> str | None:
        try:
            _, _, _, data = self.repo.git.get_object_data(f"{sha}:{self.prefix}{path}")
        except (GitCommandError, ValueError):
            return None
        return bytes(data).decode("utf-8", errors="replace")

    def texts_at(self, wanted: list[tuple[str, str]]) -> dict[tuple[str, str], str | None]:
        """Many (commit, path) texts through one `git cat-file --batch`."""
        if not wanted:
            return {}
        names = "".join(f"{sha}:{self.prefix}{path}\n" for sha, path in wanted).encode("utf-8")
        with tempfile.TemporaryFile() as stdin:
            stdin.write(names)
            stdin.seek(0)
            out = self.repo.git.execute(
                ["git", "cat-file", "--batch"],
                istream=stdin,
                stdout_as_string=False,
                strip_newline_in_stdout=False,
            )
        assert isinstance(out, bytes)
        return dict(zip(wanted, _batch_texts(out, len(wanted)), strict=True))

    def files_at(self, sha: str, folder: str) -> list[str]:
        out = self.repo.git.ls_tree("-r", "--name-only", sha, "--", self.prefix + folder)
        return [self._rel(n) for n in out.splitlines() if n.endswith(".md")]

    def commits(self, base: str, paths: list[str]) -> list[Commit]:
        """Commits after `base` up to HEAD touching `paths`, oldest first (parents before children).

        A merge commit counts as touching a file only when its copy differs from that of every
        parent (git's combined diff, --cc): it then made a change of its own (a signature given
        while merging, a conflict resolved by rewriting). One pass over the folders holding `paths`
        (git matches a few folder pathspecs cheaply; a pathspec per file costs time proportional to
        their number in every tree git compares).
        """
        if not paths:
            return []
        wanted = set(paths)
        folders = sorted(
            {self.prefix + p.rsplit("/", 1)[0] + "/" if "/" in p else self.prefix + p for p in paths}
        )
        out = self.repo.git.log(
            "--topo-order",
            "--cc",
            "--no-renames",
            "--name-only",
            f"--format=%x1e%H{_SEP}%ae{_SEP}%an{_SEP}%P{_SEP}%ce",
            f"{base}..HEAD",
            "--",
            *folders,
        )
        found = []
        for chunk in out.split("\x1e")[1:]:
            head, _, names = chunk.partition("\n")
            sha, email, name, parents, committer = head.split(_SEP)
            touched = tuple(p for p in (self._rel(n) for n in names.split("\n") if n) if p in wanted)
            if touched:
                found.append(Commit(sha, email, name, touched, tuple(parents.split()), committer))
        found.reverse()
        return found

    def graph(self, base: str) -> tuple[str, dict[str, tuple[str, ...]]]:
        """HEAD and the parents of every commit after `base` up to HEAD (one `git rev-list`)."""
        out = self.repo.git.rev_list("--parents", f"{base}..HEAD")
        parents = {line.split()[0]: tuple(line.split()[1:]) for line in str(out).splitlines() if line}
        return str(self.repo.git.rev_parse("HEAD")), parents

    def touching(self, path: str) -> list[str]:
        """The commits up to HEAD that changed `path`, newest first (merges left out)."""
        out = self.repo.git.log("--no-merges", "--format=%H", "HEAD", "--", self.prefix + path)
        return str(out).split()

    def path_commits(self, paths: list[str]) -> dict[str, list[str]]:
        """Every commit up to HEAD that touched each of `paths`, oldest first, merges left out: one `git log`
        over the folders holding them ({} in a repository without commits)."""
        wanted = set(paths)
        folders = sorted({self.prefix + (p.rsplit("/", 1)[0] + "/" if "/" in p else p) for p in paths})
        if not folders:
            return {}
        try:
            out = self.repo.git.log(
                "--no-merges", "--no-renames", "--name-only", "--format=%x1e%H", "HEAD", "--", *folders
            )
        except GitCommandError:
            return {}
        found: dict[str, list[str]] = {}
        for chunk in reversed(out.split("\x1e")[1:]):
            sha, _, names = chunk.partition("\n")
            for path in (self._rel(n) for n in names.split("\n") if n):
                if path in wanted:
                    found.setdefault(path, []).append(sha.strip())
        return found

    def signatures(self, shas: list[str], allowed_signers: Path) -> dict[str, SignatureCheck]:
        """Verify commit signatures with git itself: SSH keys taken from `allowed_signers`, GPG keys
        from the keyring of the environment (GNUPGHOME)."""
        if not shas:
            return {}
        try:
            out = self.repo.git.execute(
                [
                    "git",
                    "-c",
                    f"gpg.ssh.allowedSignersFile={allowed_signers}",
                    "log",
                    "--no-walk=unsorted",
                    f"--format=%H{_SEP}%G?{_SEP}%GS{_SEP}%GF{_SEP}%GP",
                    *shas,
                ],
                with_extended_output=False,
            )
        except GitCommandError as exc:
            raise ExternalToolError(
                f"git 无法校验签名 / git could not verify signatures: {exc.stderr.strip()}"
            ) from exc
        result = {}
        for line in str(out).splitlines():
            sha, status, signer, fingerprint, primary = (line.split(_SEP) + ["", "", "", ""])[:5]
            result[sha] = SignatureCheck(sha, status, signer, fingerprint, primary)
        return result

    def _rel(self, name: str) -> str:
        return name[len(self.prefix) :] if self.prefix and name.startswith(self.prefix) else name


def _batch_texts(out: bytes, count: int) -> list[str | None]:
    """Parse `git cat-file --batch` output: `<sha> blob <size>\n<data>\n` or `<name> missing\n`."""
    texts: list[str | None] = []
    pos = 0
    for _ in range(count):
        end = out.index(b"\n", pos)
        header = out[pos:end].split(b" ")
        pos = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            texts.append(out[pos : pos + size].decode("utf-8", errors="replace"))
            pos += size + 1
        else:
            texts.append(None)
    return texts
