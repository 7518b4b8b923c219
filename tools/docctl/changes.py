"""变更通知: the documents released, revised and withdrawn since a git revision.

Compared with the merge base of REF and HEAD, as `check --base` is. "new" is a document whose first
version took effect since (it may have existed as a draft at the base); "revised" is a document
whose version in force (docctl.inforce) is a later one than at the base.
"""

from __future__ import annotations

from dataclasses import dataclass

from docctl.git import History
from docctl.inforce import InForce, in_force
from docctl.lifecycle import WITHDRAWN
from docctl.load import load_text
from docctl.model import DOCUMENT, Document, Repository
from docctl.versions import parse_version

KINDS = ("new", "revised", "withdrawn")


@dataclass(frozen=True)
class Change:
    kind: str
    id: str
    title: str
    version: str
    previous_version: str
    change: str
    approver: str
    effective: str
    superseded_by: str


def changes_since(repo: Repository, ref: str) -> tuple[str, list[Change]]:
    history = History(repo.config.root)
    base = history.merge_base(ref)
    by_path = {d.path: d for d in repo.documents}
    found = []
    for path in sorted(history.changed(base, ("policies",))):
        text = history.text_at(base, path)
        before = load_text(text, path, DOCUMENT, repo.config.lang)[0] if text is not None else None
        after = by_path.get(path)
        change = _classify(before, after) if after is not None else None
        if change is not None:
            found.append(change)
    return base, sorted(found, key=lambda c: (KINDS.index(c.kind), c.id))


def _classify(before: Document | None, after: Document) -> Change | None:
    if after.status in WITHDRAWN and (before is None or before.status not in WITHDRAWN):
        return _withdrawn(before, after)
    now = in_force(after)  # a version released since may already be under revision again
    if now is None:
        return None
    then = in_force(before) if before is not None else None
    if then is None:
        return _released("new", None, after, now)
    if then.version != now.version:
        return _released("revised", then.version, after, now)
    return None


def _released(kind: str, previous: str | None, after: Document, now: InForce) -> Change:
    """`previous`: the version in force at the base (None: none was); `now`: the one in force now."""
    since, until = parse_version(previous), parse_version(now.version) or (0, 0)
    notes = [
        r.change
        for r in after.history
        if r.change and (since is None or (parse_version(r.version) or (0, 0)) > since)
        and (parse_version(r.version) or (0, 0)) <= until
    ]
    return Change(kind, after.id, after.title, now.version, previous or "", "；".join(notes), now.approver(after),
                  now.effective, "")


def _withdrawn(before: Document | None, after: Document) -> Change:
    return Change(
        "withdrawn",
        after.id,
        after.title,
        after.version,
        before.version if before else "",
        after.text("withdrawn_reason") or "",
        after.text("withdrawn_by") or "",  # who signed the withdrawal (docctl obsolete --as), not the old approver
        after.text("withdrawn") or "",
        after.text("superseded_by") or "",
    )
