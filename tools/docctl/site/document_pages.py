"""One page per controlled document and per record, and the findings block injected into them."""

from __future__ import annotations

from collections.abc import Iterable

from docctl.findings import Severity
from docctl.model import Document, Repository
from docctl.site import anchors, document_page, record_page
from docctl.site.labels import word
from docctl.site.markdown import escape
from docctl.site.paths import page_path
from docctl.site.relations import Relations
from docctl.site.types import GeneratedPage, SiteOptions

ADMONITION = {Severity.ERROR: "danger", Severity.WARNING: "warning", Severity.INFO: "info"}


def pages(repo: Repository, options: SiteOptions) -> Iterable[GeneratedPage]:
    rel = Relations.of(repo)
    rendered: dict[str, str] = {}  # page path -> Markdown, for the clause anchors records link to
    for doc in repo.documents:
        rendered[page_path(doc)] = document_page.render(doc, repo, options, rel)
        yield GeneratedPage(page_path(doc), f"{doc.id} {doc.title}", rendered[page_path(doc)], None, doc)

    found: dict[str, dict[str, str]] = {}

    def anchor(doc: Document, number: str) -> str:
        path = page_path(doc)
        if path not in found:
            found[path] = anchors.clause_anchors(rendered[path], options.lang) if path in rendered else {}
        return found[path].get(number, "")

    for record in repo.records:
        yield GeneratedPage(
            page_path(record),
            f"{record.id} {record.title}",
            record_page.render(record, repo, options, anchor),
            None,
            record,
        )


def findings_block(doc: Document, repo: Repository, options: SiteOptions) -> str:
    """The check findings of this file, as an admonition on its page (warnings make --strict fail too)."""
    found = options.findings_by_path.get(doc.path, [])
    if not found:
        return ""
    worst = min(found, key=lambda f: list(ADMONITION).index(f.severity)).severity
    lines = ['<div class="docctl-findings" data-search-exclude markdown>\n',
             f'!!! {ADMONITION[worst]} "{word(options.lang, "findings")}（{len(found)}）"\n']
    for f in found:
        where = word(options.lang, "line", line=f.line)
        hint = f" — {escape(f.hint)}" if f.hint else ""
        lines.append(f"    - `{f.rule}` {escape(doc.path)} {where}：{escape(f.message)}{hint}")
    return "\n".join(lines) + "\n\n</div>\n"
