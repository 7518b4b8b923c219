"""Who signed: every signature added since the base was committed by the signer, not by the author,
and (with --require-signed) in a commit carrying a valid signature made with the signer's key."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docctl.approvedtext import rewritten_after_approval
from docctl.catalog import make_finding
from docctl.config import Config, Person
from docctl.findings import Finding
from docctl.git import Commit, History, SignatureCheck
from docctl.messages import labels
from docctl.messages_change import GIT_SIGNATURE_STATUS
from docctl.model import Document, Repository
from docctl.snapshots import signed_rows, snapshot

SIGNED_ON = {"reviewer": "reviewed", "approver": "approved"}
WITHDRAWER = "withdrawn_by"  # a withdrawal (docctl obsolete --as) is signed on the cover, dated `withdrawn`
SSH_PREFIXES = ("ssh-", "ecdsa-", "sk-")
Graph = tuple[str, dict[str, tuple[str, ...]]]  # HEAD, and the parents of each commit since the base
PREFETCH = 4  # commits per file read in one batch: the last edit, a review, an approval, a release


@dataclass(frozen=True)
class Signature:
    doc: Document
    version: str
    index: int
    role: str
    name: str
    day: str


@dataclass(frozen=True)
class Signed:
    signature: Signature
    commit: Commit | None


def added_signatures(before: Document | None, after: Document) -> Iterator[Signature]:
    old = {r.version: r for r in before.history} if before else {}
    for row in after.history:
        for role, day_field in SIGNED_ON.items():
            name, day = getattr(row, role), getattr(row, day_field)
            previous = old.get(row.version)
            if name and (
                previous is None or (getattr(previous, role), getattr(previous, day_field)) != (name, day)
            ):
                yield Signature(after, row.version or "", row.index, role, name, day or "")
    withdrawal = _withdrawal(after)
    if withdrawal[0] and (before is None or _withdrawal(before) != withdrawal):
        yield Signature(after, after.version, -1, WITHDRAWER, withdrawal[0], withdrawal[1])


def _withdrawal(doc: Document | None) -> tuple[str, str]:
    """Who withdrew the document and on which day ("" when it has not been)."""
    if doc is None:
        return "", ""
    day = doc.meta.get("withdrawn")
    return doc.text(WITHDRAWER) or "", str(day) if day else ""


def check_signatures(
    repo: Repository, history: History, base: str, signatures: list[Signature], require_signed: bool
) -> Iterator[Finding]:
    if not signatures:
        return
    commits = history.commits(base, sorted({s.doc.path for s in signatures}))
    finder = _Finder(history, commits, history.graph(base))
    located = [Signed(s, finder.introducing(s)) for s in signatures]
    checks = _verify(history, repo.config, located) if require_signed else {}
    for item in located:
        yield from _judge(repo.config, item, checks, require_signed)
        yield from rewritten_after_approval(repo.config.lang, finder, item)


class _Finder:
    """Which commit gave a signature its final form: walking back from HEAD, the commit after
    which the file has held it ever since. Each (commit, file) is parsed at most once.

    On a linear history the commits touching a file form one chain. With merges, the walk follows
    the graph: from a commit that holds the signature to a nearest earlier commit touching the
    file that holds it too; the signature's commit is the one none of whose parents' copies held
    it — a merge commit when the signature was first written while merging.
    """

    def __init__(self, history: History, commits: list[Commit], graph: Graph) -> None:
        self.history = history
        self.head, self.parents = graph
        self.merged = any(len(p) > 1 for p in self.parents.values())
        self.by_path: dict[str, list[Commit]] = {}
        for commit in commits:
            for path in commit.paths:
                self.by_path.setdefault(path, []).append(commit)
        self.cache: dict[tuple[str, str], dict[str, dict[str, str]]] = {}
        recent = [(c.sha, p) for p, cs in self.by_path.items() for c in cs[-PREFETCH:]]
        self.texts = history.texts_at(recent)

    def introducing(self, sig: Signature) -> Commit | None:
        if self.merged:
            return self._introducing_in_graph(sig)
        found = None
        for commit in reversed(self.by_path.get(sig.doc.path, [])):
            if not self._holds(commit, sig):
                break
            found = commit
        return found

    def _introducing_in_graph(self, sig: Signature) -> Commit | None:
        path = sig.doc.path
        current = next((c for c in self._nearest(path, (self.head,)) if self._holds(c, sig)), None)
        while current is not None:
            older = next((c for c in self._nearest(path, current.parents) if self._holds(c, sig)), None)
            if older is None:
                return current
            current = older
        return None

    def _nearest(self, path: str, starts: tuple[str, ...]) -> list[Commit]:
        """The commits touching `path` first met walking back from `starts` (within the range)."""
        touching = {c.sha: c for c in self.by_path.get(path, [])}
        found: list[Commit] = []
        seen: set[str] = set()
        stack = list(reversed(starts))
        while stack:
            sha = stack.pop()
            if sha in seen or sha not in self.parents:
                continue
            seen.add(sha)
            if sha in touching:
                found.append(touching[sha])
            else:
                stack.extend(reversed(self.parents[sha]))
        return found

    def text(self, commit: Commit, path: str) -> str | None:
        key = (commit.sha, path)
        return self.texts[key] if key in self.texts else self.history.text_at(commit.sha, path)

    def later(self, commit: Commit, path: str) -> list[Commit]:
        """The commits touching `path` that descend from `commit`, oldest first."""
        commits = self.by_path.get(path, [])
        if commit not in commits:
            return []
        after = commits[commits.index(commit) + 1 :]
        if not self.merged:
            return after
        reach, found = {commit.sha}, []
        for other in after:  # parents come before children
            if any(c.sha in reach for c in self._nearest(path, other.parents)):
                reach.add(other.sha)
                found.append(other)
        return found

    def _holds(self, commit: Commit, sig: Signature) -> bool:
        if sig.role == WITHDRAWER:
            return _withdrawal(snapshot(self.text(commit, sig.doc.path), sig.doc.path)) == (sig.name, sig.day)
        key = (commit.sha, sig.doc.path)
        if key not in self.cache:
            self.cache[key] = signed_rows(self.text(commit, sig.doc.path))
        row = self.cache[key].get(sig.version, {})
        return (row.get(sig.role), row.get(SIGNED_ON[sig.role])) == (sig.name, sig.day)


def _judge(
    config: Config, item: Signed, checks: dict[str, SignatureCheck], require_signed: bool
) -> Iterator[Finding]:
    sig, commit = item.signature, item.commit
    signer = config.people_by_name.get(sig.name)
    if signer is None:
        return  # the roster rule reports unknown signers
    line, col = sig.doc.where(sig.role) if sig.role == WITHDRAWER else sig.doc.where("history", sig.index, sig.role)
    args: dict[str, Any] = {
        "name": sig.name,
        "version": sig.version,
        "email": signer.email,
        "role": "withdrawal" if sig.role == WITHDRAWER else sig.role,
        **labels(sig.role),
    }
    if commit is None:
        yield make_finding(config.lang, sig.doc.path, line, col, "approval-uncommitted", **args)
        return
    args |= {"committer": f"{commit.name} <{commit.email}>", "sha": commit.sha[:10], **_rewritten(commit)}
    author = config.people_by_name.get(sig.doc.text("author") or "")
    if author is not None and commit.email.lower() == author.email.lower() and author is not signer:
        yield make_finding(
            config.lang, sig.doc.path, line, col, "approval-by-author", author=author.name, **args
        )
    elif commit.email.lower() != signer.email.lower():
        yield make_finding(config.lang, sig.doc.path, line, col, "approval-committer", **args)
    elif require_signed and not _good(signer, checks.get(commit.sha)):
        check = checks.get(commit.sha)
        status = check.status if check is not None and check.status in GIT_SIGNATURE_STATUS else "?"
        args |= _meaning(check)
        yield make_finding(config.lang, sig.doc.path, line, col, "approval-unsigned", status=status, **args)


def _meaning(check: SignatureCheck | None) -> dict[str, str]:
    """git's status letter in words; for a good signature by another key, whose key it was."""
    status = check.status if check is not None and check.status in GIT_SIGNATURE_STATUS else "?"
    who = (check.signer or check.fingerprint or "?") if check is not None else "?"
    zh, en = GIT_SIGNATURE_STATUS[status]
    return {"meaning": zh.format(who=who), "meaning_en": en.format(who=who)}


def _rewritten(commit: Commit) -> dict[str, str]:
    """A note for the hint when someone else committed the author's commit: what a squash or rebase
    merge does (GitHub commits those itself), replacing the signer's own commit."""
    if not commit.committer or commit.committer.lower() == commit.email.lower():
        return {"squash": "", "squash_en": ""}
    return {
        "squash": f"；此提交由 {commit.committer} 重写（压缩或变基合并？文件的拉取请求须以合并提交合并）",
        "squash_en": f"; this commit was rewritten by {commit.committer} (a squash or rebase merge? merge "
        "document pull requests with a merge commit)",
    }


def _good(signer: Person, check: SignatureCheck | None) -> bool:
    key = signer.signing_key.strip()
    if check is None or not key:
        return False
    if key.startswith(SSH_PREFIXES):
        return check.status == "G" and check.signer.lower() == signer.email.lower()
    fingerprint = key.replace(" ", "").upper().removeprefix("0X")
    made_by = {check.fingerprint.upper(), check.primary.upper()} - {""}
    return check.status in ("G", "U") and fingerprint in made_by


def _verify(history: History, config: Config, located: list[Signed]) -> dict[str, SignatureCheck]:
    shas = sorted({item.commit.sha for item in located if item.commit is not None})
    with tempfile.TemporaryDirectory(prefix="docctl-signers-") as folder:
        path = Path(folder) / "allowed_signers"
        path.write_text(allowed_signers(config), encoding="utf-8")
        return history.signatures(shas, path)


def allowed_signers(config: Config) -> str:
    """git's allowed-signers file from the roster: one line per person with an SSH signing key."""
    return "".join(
        f'{p.email} namespaces="git" {p.signing_key.strip()}\n'
        for p in config.people
        if p.email and p.signing_key.strip().startswith(SSH_PREFIXES)
    )
