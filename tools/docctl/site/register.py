"""受控文件清单: every current document in a sortable, filterable table, and the CSV of all documents."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from docctl.inforce import in_force, review_due
from docctl.model import WITHDRAWN, Document, Repository
from docctl.register import revision_label
from docctl.schedule import next_review
from docctl.site import paths
from docctl.site.document_page import date_cell
from docctl.site.labels import status_label, word
from docctl.site.markdown import WIDE, escape, link, table
from docctl.site.relations import Relations
from docctl.site.types import GeneratedPage, SiteOptions

COLUMNS = ("id", "title", "type", "version", "status", "org", "department", "effective", "next_review")


def type_label(repo: Repository, name: str, lang: str) -> str:
    spec = repo.config.document_types.get(name)
    return spec.label if spec and lang != "en" else name


def current(repo: Repository) -> list[Document]:
    return sorted((d for d in repo.documents if d.status not in WITHDRAWN), key=lambda d: d.id)


@dataclass(frozen=True)
class Listed:
    """What the register shows of a document: the version in force beside a revision being prepared
    (as `docctl register` does), else the file's current version."""

    version: str
    status: str
    effective: str
    due: str
    overdue: bool


def listed(doc: Document, repo: Repository, lang: str) -> Listed:
    force = in_force(doc)
    if force is None or force.pending is None:
        due = next_review(doc, repo.config)
        text = due.isoformat() if due else ""
        overdue = doc.status == "effective" and bool(text) and text < repo.config.today.isoformat()
        return Listed(doc.version, status_label(lang, doc.status), doc.text("effective") or "", text, overdue)
    due = review_due(doc, repo.config, force)
    text = due.isoformat() if due else ""
    status = f"{status_label(lang, 'effective')} · {revision_label(force.pending.version or '', doc.status, lang)}"
    return Listed(force.version, status, force.effective, text, bool(text) and text < repo.config.today.isoformat())


def document_table(
    docs: Iterable[Document],
    repo: Repository,
    here: str,
    lang: str,
    archive: bool = False,
    in_force_pages: Mapping[str, Document] | None = None,
) -> str:
    """A row per document; in the archive the last column is the day each was withdrawn, not a review.
    A document under revision whose version in force has a page links it, its status the revision's page."""
    rows = []
    rel = Relations.of(repo) if archive else Relations()
    for doc in docs:
        shown = listed(doc, repo, lang)
        has_page = doc.id in (in_force_pages or {})
        status = link(shown.status, here, paths.page_path(doc)) if has_page else escape(shown.status)
        rows.append(
            [
                link(doc.id, here, paths.in_force_path(doc) if has_page else paths.page_path(doc)),
                escape(doc.title),
                escape(type_label(repo, doc.type, lang)),
                escape(shown.version),
                status,
                escape(doc.org or word(lang, "none")),
                escape(doc.department or word(lang, "none")),
                escape(shown.effective or "—"),
                date_cell(doc, repo, lang) if doc.status in WITHDRAWN else _review(shown, lang),
            ]
        )
        if archive:
            rows[-1].append(_successors(doc, repo, here, rel))
    columns = (*COLUMNS[:-1], "withdrawn", "replaced_by") if archive else COLUMNS
    return table([word(lang, c) for c in columns], rows)


def _successors(doc: Document, repo: Repository, here: str, rel: Relations) -> str:
    """替代文件: the documents that replaced this one (either side may declare it), linked."""
    ids = rel.superseded_by.get(doc.id, [])
    found = [(i, repo.get(i)) for i in ids]
    cells = [link(i, here, paths.page_path(d)) if d else escape(i) for i, d in found]
    return "、".join(cells) or "—"


def _review(shown: Listed, lang: str) -> str:
    if not shown.due:
        return "—"
    return f'<span class="docctl-overdue">{shown.due} {word(lang, "overdue")}</span>' if shown.overdue else shown.due


def pages(repo: Repository, options: SiteOptions) -> Iterable[GeneratedPage]:
    lang = options.lang
    docs = current(repo)
    title = word(lang, "register")
    content = WIDE + "\n".join(
        [
            f"# {title}\n",
            f"{word(lang, 'count', n=len(docs))} · [{word(lang, 'csv')}]({paths.REGISTER_CSV}) · "
            f"[{word(lang, 'archive')}]({paths.ARCHIVE})\n",
            '<div class="docctl-register" markdown>\n',
            document_table(docs, repo, paths.REGISTER, lang, in_force_pages=options.in_force),
            "</div>\n",
        ]
    )
    yield GeneratedPage(paths.REGISTER, title, content, "")
    yield GeneratedPage(paths.REGISTER_CSV, title, register_csv(repo, lang))


def register_csv(repo: Repository, lang: str) -> bytes:
    """All documents, archive included, as UTF-8 CSV with a BOM so that Excel reads the Chinese."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([word(lang, c) for c in (*COLUMNS, "withdrawn", "replaced_by")])
    rel = Relations.of(repo)
    for doc in sorted(repo.documents, key=lambda d: d.id):
        shown = listed(doc, repo, lang)
        withdrawn = doc.status in WITHDRAWN
        writer.writerow(
            [
                doc.id,
                doc.title,
                type_label(repo, doc.type, lang),
                shown.version,
                shown.status,
                doc.org,
                doc.department,
                shown.effective,
                "" if withdrawn else shown.due,
                doc.text("withdrawn") or "",
                "、".join(rel.superseded_by.get(doc.id, [])),
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")
