"""Changes: what changed, when, approved by whom — every revision-history row, newest first, by year."""

from __future__ import annotations

from collections.abc import Iterable

from docctl.model import Document, Repository, Revision
from docctl.site import paths
from docctl.site.labels import word
from docctl.site.markdown import WIDE, escape, link, table
from docctl.site.types import GeneratedPage, SiteOptions


def revision_day(rev: Revision) -> str:
    return rev.approved or rev.reviewed or rev.date or ""


def render(repo: Repository, lang: str) -> str:
    title = word(lang, "changes")
    entries: list[tuple[str, Document, Revision]] = [
        (revision_day(rev), doc, rev) for doc in repo.documents for rev in doc.history
    ]
    entries.sort(key=lambda e: (e[0], e[1].id, e[2].index), reverse=True)
    years: dict[str, list[tuple[str, Document, Revision]]] = {}
    for entry in entries:
        years.setdefault(entry[0][:4] or word(lang, "none"), []).append(entry)
    header = [
        word(lang, k)
        for k in ("date", "id", "title", "version", "change", "prepared_by", "reviewed_by", "approved_by")
    ]
    parts = [WIDE + f"# {title}\n"]
    for year, rows in years.items():
        cells = [
            [
                escape(day or "—"),
                link(doc.id, paths.CHANGES, paths.page_path(doc)),
                escape(doc.title),
                escape(rev.version),
                escape(rev.change),
                escape(rev.author or "—"),
                escape(rev.reviewer or "—"),
                escape(rev.approver or "—"),
            ]
            for day, doc, rev in rows
        ]
        parts.append(f"## {escape(year)}\n\n" + table(header, cells))
    return "\n".join(parts)


def pages(repo: Repository, options: SiteOptions) -> Iterable[GeneratedPage]:
    yield GeneratedPage(paths.CHANGES, word(options.lang, "changes"), render(repo, options.lang), "")
