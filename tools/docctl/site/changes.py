"""Changes: what changed, when, approved by whom — every revision-history row and every withdrawal (the
`withdrawn` day `docctl obsolete` writes), newest first, by year. A revision not yet approved (a draft's
row) is marked 待批准, so it does not read like an approved change whose approver is missing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from docctl.model import Document, Repository, Revision
from docctl.site import paths
from docctl.site.labels import word
from docctl.site.markdown import WIDE, escape, link, table
from docctl.site.types import GeneratedPage, SiteOptions

PENDING_STATES = ("draft", "review")
COLUMNS = ("date", "id", "title", "version", "change", "prepared_by", "reviewed_by", "approved_by")


@dataclass(frozen=True)
class Entry:
    day: str
    doc: Document
    rev: Revision | None  # None: the withdrawal of `doc`
    order: int


def revision_day(rev: Revision) -> str:
    return rev.approved or rev.reviewed or rev.date or ""


def pending(doc: Document, rev: Revision) -> bool:
    """A row without its approver, or the last row of a document still in draft or review."""
    last = bool(doc.history) and rev is doc.history[-1]
    return not rev.approver or (last and doc.status in PENDING_STATES)


def entries(repo: Repository) -> list[Entry]:
    found = [Entry(revision_day(rev), doc, rev, rev.index) for doc in repo.documents for rev in doc.history]
    found += [Entry(doc.text("withdrawn") or "", doc, None, 1 << 30) for doc in repo.documents if doc.text("withdrawn")]
    return sorted(found, key=lambda e: (e.day, e.doc.id, e.order), reverse=True)


def row(entry: Entry, lang: str) -> list[str]:
    doc, rev = entry.doc, entry.rev
    head = [escape(entry.day or "—"), link(doc.id, paths.CHANGES, paths.page_path(doc)), escape(doc.title)]
    if rev is None:
        by = doc.text("superseded_by")
        change = word(lang, "withdrawal_superseded", by=by) if by else word(lang, "withdrawal_obsolete")
        return [*head, escape(doc.version), f"**{escape(change)}**", "—", "—", "—"]
    people = [escape(rev.author or "—"), escape(rev.reviewer or "—")]
    if pending(doc, rev):
        mark = f'<span class="docctl-pending">{word(lang, "pending")}</span>'
        return [*head, escape(rev.version), f"{mark} {escape(rev.change)}", *people, word(lang, "pending")]
    return [*head, escape(rev.version), escape(rev.change), *people, escape(rev.approver)]


def render(repo: Repository, lang: str) -> str:
    years: dict[str, list[Entry]] = {}
    for entry in entries(repo):
        years.setdefault(entry.day[:4] or word(lang, "none"), []).append(entry)
    header = [word(lang, k) for k in COLUMNS]
    parts = [WIDE + f"# {word(lang, 'changes')}\n"]
    for year, listed in years.items():
        parts.append(f"## {escape(year)}\n\n" + table(header, [row(e, lang) for e in listed]))
    return "\n".join(parts)


def pages(repo: Repository, options: SiteOptions) -> Iterable[GeneratedPage]:
    yield GeneratedPage(paths.CHANGES, word(options.lang, "changes"), render(repo, options.lang), "")
