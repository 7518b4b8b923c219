"""Who signed: every signature added since the base was committed by the signer, not by the author,
and (with --require-signed) in a commit carrying a valid signature made with the signer's key."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docctl.catalog import make_finding
from docctl.config import Config, Person
from docctl.findings import Finding
from docctl.git import Commit, History, SignatureCheck
from docctl.load import load_text
from docctl.messages import labels
from docctl.model import DOCUMENT, Document, Repository

SIGNED_ON = {"reviewer": "reviewed", "approver": "approved"}
SSH_PREFIXES = ("ssh-", "ecdsa-", "sk-")


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


def check_signatures(
    repo: Repository, history: History, base: str, signatures: list[Signature], require_signed: bool
) -> Iterator[Finding]:
    if not signatures:
        return
    commits = history.commits(base, sorted({s.doc.path for s in signatures}))
    located = [Signed(s, _introducing(history, repo.config.lang, commits, s)) for s in signatures]
    checks = _verify(history, repo.config, located) if require_signed else {}
    for item in located:
        yield from _judge(repo.config, item, checks, require_signed)


def _introducing(history: History, lang: str, commits: list[Commit], sig: Signature) -> Commit | None:
    """The first commit after the base whose copy of the file holds this signature."""
    for commit in commits:
        if sig.doc.path not in commit.paths:
            continue
        text = history.text_at(commit.sha, sig.doc.path)
        doc = load_text(text, sig.doc.path, DOCUMENT, lang)[0] if text is not None else None
        rows = [r for r in doc.history if r.version == sig.version] if doc else []
        if rows and (getattr(rows[0], sig.role), getattr(rows[0], SIGNED_ON[sig.role])) == (
            sig.name,
            sig.day,
        ):
            return commit
    return None


def _judge(
    config: Config, item: Signed, checks: dict[str, SignatureCheck], require_signed: bool
) -> Iterator[Finding]:
    sig, commit = item.signature, item.commit
    signer = config.people_by_name.get(sig.name)
    if signer is None:
        return  # the roster rule reports unknown signers
    line, col = sig.doc.where("history", sig.index, sig.role)
    args: dict[str, Any] = {
        "name": sig.name,
        "version": sig.version,
        "email": signer.email,
        "role": sig.role,
        **labels(sig.role),
    }
    if commit is None:
        yield make_finding(config.lang, sig.doc.path, line, col, "approval-uncommitted", **args)
        return
    args |= {"committer": f"{commit.name} <{commit.email}>", "sha": commit.sha[:10]}
    author = config.people_by_name.get(sig.doc.text("author") or "")
    if author is not None and commit.email.lower() == author.email.lower() and author is not signer:
        yield make_finding(
            config.lang, sig.doc.path, line, col, "approval-by-author", author=author.name, **args
        )
    elif commit.email.lower() != signer.email.lower():
        yield make_finding(config.lang, sig.doc.path, line, col, "approval-committer", **args)
    elif require_signed and not _good(signer, checks.get(commit.sha)):
        status = checks[commit.sha].status if commit.sha in checks else "?"
        yield make_finding(config.lang, sig.doc.path, line, col, "approval-unsigned", status=status, **args)


def _good(signer: Person, check: SignatureCheck | None) -> bool:
    key = signer.signing_key.strip()
    if check is None or not key:
        return False
    if key.startswith(SSH_PREFIXES):
        return check.status == "G" and check.signer.lower() == signer.email.lower()
    fingerprint = key.replace(" ", "").upper()
    return (
        check.status in ("G", "U")
        and bool(check.fingerprint)
        and fingerprint.endswith(check.fingerprint.upper())
    )


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
