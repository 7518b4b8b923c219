"""Indexes of current documents by type, department and organization, and the archive kept apart."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from docctl.model import WITHDRAWN, Document, Repository
from docctl.site import paths
from docctl.site.labels import word
from docctl.site.markdown import WIDE, escape
from docctl.site.register import current, document_table, type_label
from docctl.site.types import GeneratedPage, SiteOptions


def grouped(
    title: str, here: str, docs: list[Document], key: Callable[[Document], str], repo: Repository, lang: str
) -> str:
    groups: dict[str, list[Document]] = {}
    for doc in docs:
        groups.setdefault(key(doc) or word(lang, "none"), []).append(doc)
    parts = [WIDE + f"# {title}\n"]
    for name in sorted(groups):
        parts.append(f"## {escape(name)}\n\n" + document_table(groups[name], repo, here, lang))
    return "\n".join(parts)


def pages(repo: Repository, options: SiteOptions) -> Iterable[GeneratedPage]:
    lang = options.lang
    docs = current(repo)
    section = word(lang, "indexes")
    specs: tuple[tuple[str, str, Callable[[Document], str]], ...] = (
        (paths.BY_TYPE, word(lang, "by_type"), lambda d: type_label(repo, d.type, lang)),
        (paths.BY_DEPARTMENT, word(lang, "by_department"), lambda d: d.department),
        (paths.BY_ORG, word(lang, "by_org"), lambda d: d.org),
    )
    for path, title, key in specs:
        yield GeneratedPage(path, title, grouped(title, path, docs, key, repo, lang), section)


def archive(repo: Repository, options: SiteOptions) -> Iterable[GeneratedPage]:
    lang = options.lang
    title = word(lang, "archive")
    withdrawn = sorted((d for d in repo.documents if d.status in WITHDRAWN), key=lambda d: d.id)
    body = (
        document_table(withdrawn, repo, paths.ARCHIVE, lang) if withdrawn else word(lang, "no_archive") + "\n"
    )
    yield GeneratedPage(paths.ARCHIVE, title, f"{WIDE}# {title}\n\n{body}", "")
