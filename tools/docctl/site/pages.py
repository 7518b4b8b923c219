"""The registry of what the site shows: page generators and per-document blocks (the extension points).

Extension points — another area adds its pages or blocks with one line here:

``GENERATORS``: a tuple of callables ``(repo: Repository, options: SiteOptions) -> Iterable[GeneratedPage]``.
    Each ``GeneratedPage(path, title, content, nav_section=None, document=None)`` (docctl.site.types) becomes
    one file of the site: ``path`` is relative to the site root ("compliance/index.md", "kpi/x.svg");
    ``content`` is Markdown for ``.md`` paths, text or bytes otherwise; ``nav_section`` None keeps the page
    out of the nav, "" puts it at the top level, any other text groups it under that nav section (in
    order of first appearance). Links between pages are relative Markdown links (use
    ``docctl.site.markdown.link(label, from_path, to_path)``), so `mkdocs build --strict` checks them.
    A compliance dashboard, KPI charts (static SVG) or redline pages are generators like the ones below.

``DOCUMENT_BLOCKS``: a tuple of callables ``(doc: Document, repo: Repository, options: SiteOptions) -> str``
    whose Markdown is injected (in on_page_markdown) below the banner of every document and record page,
    e.g. a compliance status per clause. Return "" to add nothing.

Generators are pure functions of the loaded Repository: they never read files, print or touch MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docctl.dashboard import clause_badges
from docctl.errors import InputError
from docctl.model import RECORD, Document, Repository
from docctl.site import (
    anchors,
    changes,
    compliance,
    document_pages,
    findings_page,
    home,
    in_force_pages,
    indexes,
    kpi_pages,
    records_index,
    redlines,
    register,
)
from docctl.site.document_page import BLOCKS_MARKER
from docctl.site.types import DocumentBlock, GeneratedPage, Generator, SiteContent, SiteOptions

GENERATORS: tuple[Generator, ...] = (
    home.pages,
    findings_page.pages,
    register.pages,
    indexes.pages,
    records_index.pages,
    changes.pages,
    indexes.archive,
    document_pages.pages,
    in_force_pages.pages,
    compliance.pages,
    kpi_pages.pages,
    redlines.pages,
)

DOCUMENT_BLOCKS: tuple[DocumentBlock, ...] = (document_pages.findings_block,)


def generate(
    repo: Repository, options: SiteOptions, generators: Sequence[Generator] = GENERATORS
) -> SiteContent:
    """Every generated page, each path once (two generators claiming one path is an error)."""
    by_path: dict[str, GeneratedPage] = {}
    options = compliance.with_compliance(repo, options)  # comply runs once for all generators
    options = redlines.with_redlines(repo, options)  # git history is read once too
    options = in_force_pages.with_in_force(repo, options)  # so is the text of each version in force
    for generator in generators:
        for page in generator(repo, options):
            if page.path in by_path:
                raise InputError(
                    f"two site pages claim {page.path}: {by_path[page.path].title} / {page.title} "
                    f"(两个页面路径相同)"
                )
            by_path[page.path] = page
    return SiteContent(tuple(by_path.values()), by_path)


def nav(pages: Iterable[GeneratedPage]) -> list[dict[str, object]]:
    """A small explicit nav: only pages with a nav_section, grouped by section in order of appearance."""
    entries: list[dict[str, object]] = []
    sections: dict[str, list[dict[str, str]]] = {}
    for page in pages:
        if page.nav_section is None or not page.path.endswith(".md"):
            continue
        if page.nav_section == "":
            entries.append({page.title: page.path})
        else:
            if page.nav_section not in sections:
                sections[page.nav_section] = []
                entries.append({page.nav_section: sections[page.nav_section]})
            sections[page.nav_section].append({page.title: page.path})
    return entries


def inject_blocks(
    markdown: str,
    doc: Document,
    repo: Repository,
    options: SiteOptions,
    blocks: Sequence[DocumentBlock] = DOCUMENT_BLOCKS,
) -> str:
    added = "\n".join(text for text in (block(doc, repo, options) for block in blocks) if text)
    return markdown.replace(BLOCKS_MARKER, added, 1)


def decorate(markdown: str, doc: Document, repo: Repository, options: SiteOptions) -> str:
    """A document or record page as MkDocs renders it: the DOCUMENT_BLOCKS, then a status badge under each
    clause heading that has controls (from the newest year's `comply` results)."""
    markdown = inject_blocks(markdown, doc, repo, options)
    latest = options.compliance.latest if options.compliance else None
    if doc.kind == RECORD or latest is None:
        return markdown
    return anchors.add_badges(markdown, clause_badges(doc, latest.results, options.lang), options.lang)


def clause_numbers(page: GeneratedPage, options: SiteOptions) -> dict[str, str]:
    """Heading anchor -> clause number on a controlled document's page ({} for any other page)."""
    doc = page.document
    if doc is None or doc.kind == RECORD or not isinstance(page.content, str):
        return {}
    return anchors.numbers_by_anchor(page.content, options.lang)
