"""变更通知: the documents released, revised and withdrawn since a git revision."""

from __future__ import annotations

from dataclasses import dataclass

from docctl.git import History
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
    base = history.resolve(ref)
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
        return _change("withdrawn", before, after, after.text("withdrawn") or "")
    if after.status != "effective":
        return None
    if before is None:
        return _change("new", before, after, after.text("effective") or "")
    if before.version != after.version or before.status != "effective":
        return _change("revised", before, after, after.text("effective") or "")
    return None


def _change(kind: str, before: Document | None, after: Document, day: str) -> Change:
    since = parse_version(before.version) if before and kind != "withdrawn" else None
    notes = [
        r.change or ""
        for r in after.history
        if kind != "withdrawn" and (since is None or (parse_version(r.version) or (0, 0)) > since)
    ]
    return Change(
        kind,
        after.id,
        after.title,
        after.version,
        before.version if before else "",
        "；".join(n for n in notes if n),
        after.text("approver") or "",
        day,
        after.text("superseded_by") or "",
    )
