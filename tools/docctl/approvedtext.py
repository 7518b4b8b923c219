"""An approval is bound to the text its signer committed (`check --base`).

The approver's commit wrote the row's `digest`. If a later change rewrote the approved text and the
digest with it, the file is consistent again and only history can tell: the content and the digest
as of the signer's commit must still be the current ones.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

from docctl.catalog import make_finding
from docctl.digest import document_digest
from docctl.findings import Finding
from docctl.git import Commit
from docctl.snapshots import snapshot

if TYPE_CHECKING:
    from docctl.approvals import Signature, Signed

State = tuple[str | None, str | None]  # (the row's digest, the digest of the content)


class TextSource(Protocol):
    def text(self, commit: Commit, path: str) -> str | None: ...

    def later(self, commit: Commit, path: str) -> list[Commit]: ...


def rewritten_after_approval(lang: str, source: TextSource, item: Signed) -> Iterator[Finding]:
    sig, commit = item.signature, item.commit
    if sig.role != "approver" or commit is None:
        return
    row = sig.doc.history[sig.index]
    if not row.digest:
        return
    current = sig.version == sig.doc.version  # an earlier version's text lives on only in git
    signed = _state(source, commit, sig, current)
    if signed == (row.digest, document_digest(sig.doc) if current else None):
        return
    later = source.later(commit, sig.doc.path)
    culprit = next((c for c in later if _state(source, c, sig, current) != signed), None)
    line, col = sig.doc.where("history", sig.index, "digest")
    yield make_finding(
        lang,
        sig.doc.path,
        line,
        col,
        "approval-digest-rewritten",
        version=sig.version,
        name=sig.name,
        id=sig.doc.id,
        by=f"commit {culprit.sha[:10]} ({culprit.name} <{culprit.email}>)" if culprit else _WORKTREE[1],
        by_zh=f"提交 {culprit.sha[:10]}（{culprit.name} <{culprit.email}>）" if culprit else _WORKTREE[0],
    )


_WORKTREE = ("工作区中未提交的修改", "uncommitted changes in the working tree")


def _state(source: TextSource, commit: Commit, sig: Signature, current: bool) -> State:
    """The row's digest at `commit`, and the digest of the content then (for the current version)."""
    doc = snapshot(source.text(commit, sig.doc.path), sig.doc.path)
    if doc is None:
        return None, None
    row = next((r.digest for r in doc.history if r.version == sig.version), None)
    return row, document_digest(doc) if current else None
