"""`docctl check --base REF`: what may not change between REF and the working tree.

Compared with the merge base of REF and HEAD: approved history rows are never rewritten or removed,
released text never changes in place, statuses move only along docctl.lifecycle, released documents
are not deleted, every signature added since was committed by its signer (docctl.approvals) and
an approval still binds the text its signer committed (docctl.approvedtext), and records closed at
the base stay as they were (docctl.recordbase). Only files changed since the base are read from
history, all in one batch.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from docctl.approvals import added_signatures, check_signatures
from docctl.catalog import make_finding
from docctl.digest import LIFECYCLE_FIELDS, document_digest
from docctl.findings import Finding
from docctl.git import History
from docctl.lifecycle import FROZEN, reachable
from docctl.model import Document, Repository, Revision
from docctl.recordbase import RECORDS, closed_since_base
from docctl.snapshots import snapshot
from docctl.targets import ROW_ORDER

FOLDERS = ("policies",)


@dataclass(frozen=True)
class Pair:
    path: str
    before: Document | None
    after: Document | None


def check_against_base(repo: Repository, ref: str, require_signed: bool = False) -> list[Finding]:
    history = History(repo.config.root)
    base = history.merge_base(ref)
    label = f"{ref} ({base[:10]})"
    texts = base_texts(history, base)
    records = {p: t for p, t in texts.items() if p.startswith(RECORDS + "/")}
    pairs = list(changed_pairs(repo, {p: t for p, t in texts.items() if p not in records}))
    findings = closed_since_base(repo, records)
    for pair in pairs:
        findings.extend(compare(repo.config.lang, pair, label))
    signatures = [s for p in pairs if p.after is not None for s in added_signatures(p.before, p.after)]
    findings.extend(check_signatures(repo, history, base, signatures, require_signed))
    return findings


def base_texts(
    history: History, base: str, folders: tuple[str, ...] = (*FOLDERS, RECORDS)
) -> dict[str, str | None]:
    """The text at `base` (None: absent) of every document and record file changed since, in one batch."""
    paths = sorted(p for p in history.changed(base, folders) if p.endswith(".md"))
    texts = history.texts_at([(base, p) for p in paths])
    return {path: texts[(base, path)] for path in paths}


def changed_pairs(repo: Repository, texts: dict[str, str | None]) -> Iterator[Pair]:
    by_path = {d.path: d for d in repo.documents}
    for path, text in texts.items():
        yield Pair(path, snapshot(text, path), by_path.get(path))


def compare(lang: str, pair: Pair, base: str) -> Iterator[Finding]:
    before, after = pair.before, pair.after
    if before is None:
        return
    if after is None:
        if before.status in FROZEN:
            yield make_finding(lang, pair.path, 1, 1, "base-document-deleted", id=before.id, base=base)
        return
    yield from _rows(lang, before, after, base)
    same = before.version == after.version
    if same and before.status in FROZEN and document_digest(before) != document_digest(after):
        line, col = _first_difference(before, after)
        yield make_finding(
            lang,
            after.path,
            line,
            col,
            "base-text-changed",
            version=after.version,
            status=before.status,
            base=base,
            id=after.id,
        )
    if not reachable(before.status, after.status, same):
        line, col = after.where("status")
        yield make_finding(
            lang,
            after.path,
            line,
            col,
            "base-transition",
            before=before.status,
            before_version=before.version,
            after=after.status,
            version=after.version,
        )


def _first_difference(before: Document, after: Document) -> tuple[int, int]:
    """Where the text first differs: a body line, or else the first changed controlled field."""
    old, new = before.body.split("\n"), after.body.split("\n")
    for number, (a, b) in enumerate(zip(old, new, strict=False)):
        if a != b:
            return after.body_line + number, 1
    if len(old) != len(new):
        return after.body_line + min(len(old), len(new)), 1
    changed = [k for k in after.meta if k not in LIFECYCLE_FIELDS and after.meta.get(k) != before.meta.get(k)]
    return after.where(changed[0]) if changed else after.where("version")


def _rows(lang: str, before: Document, after: Document, base: str) -> Iterator[Finding]:
    rows = {r.version: r for r in after.history}
    for old in before.history:
        if not old.approved:
            continue
        new = rows.get(old.version)
        if new is None:
            line, col = after.where("history")
            yield make_finding(
                lang, after.path, line, col, "base-row-removed", version=old.version, base=base
            )
            continue
        yield from _row_changes(lang, after, old, new, base)


def _row_changes(lang: str, after: Document, old: Revision, new: Revision, base: str) -> Iterator[Finding]:
    for name in ROW_ORDER:
        was, now = getattr(old, name), getattr(new, name)
        if was == now or (name == "effective" and was is None):
            continue  # release adds the effective date to an approved row
        line, col = after.where("history", new.index, name)
        yield make_finding(
            lang,
            after.path,
            line,
            col,
            "base-row-rewritten",
            version=old.version,
            field=name,
            before=was or "—",
            after=now or "—",
            base=base,
        )
