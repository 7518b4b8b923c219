"""Indexes of current documents by type, department and organization, and the archive kept apart."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from docctl.model import WITHDRAWN, Document, Repository
from docctl.site import paths
from docctl.site.labels import word
from docctl.site.markdown import WIDE, escape
from docctl.site.register import current, document_table, type_label
from docctl.site.types import GeneratedPage, SiteOptions


def grouped(
    title: str,
    here: str,
    docs: list[Document],
    key: Callable[[Document], str],
    repo: Repository,
    lang: str,
    in_force: Mapping[str, Document] | None = None,
) -> str:
    groups: dict[str, list[Document]] = {}
    for doc in docs:
        groups.setdefault(key(doc) or word(lang, "none"), []).append(doc)
    parts = [WIDE + f"# {title}\n"]
    for name in sorted(groups):
        parts.append(f"## {escape(name)}\n\n" + document_table(groups[name], repo, here, lang, False, in_force))
    return "\n".join(parts)


def by_department(
    title: str, here: str, docs: list[Document], repo: Repository, lang: str,
    in_force: Mapping[str, Document] | None = None,
) -> str:
    """Departments under their organization (in docctl.yml's order): two organizations' 人力资源部 are two."""
    none = word(lang, "none")
    orgs: dict[str, dict[str, list[Document]]] = {}
    for doc in docs:
        orgs.setdefault(doc.org or none, {}).setdefault(doc.department or none, []).append(doc)
    order = {o.name: i for i, o in enumerate(repo.config.organizations)}
    parts = [WIDE + f"# {title}\n"]
    for org, departments in sorted(orgs.items(), key=lambda item: (order.get(item[0], len(order)), item[0])):
        parts.append(f"## {escape(org)}\n")
        for name, listed in sorted(departments.items()):
            parts.append(f"### {escape(name)}\n\n" + document_table(listed, repo, here, lang, False, in_force))
    return "\n".join(parts)


def pages(repo: Repository, options: SiteOptions) -> Iterable[GeneratedPage]:
    lang = options.lang
    docs = current(repo)
    section = word(lang, "indexes")
    by_type, by_dept, by_org = word(lang, "by_type"), word(lang, "by_department"), word(lang, "by_org")
    force = options.in_force  # a document under revision links the page of its version in force
    types = grouped(by_type, paths.BY_TYPE, docs, lambda d: type_label(repo, d.type, lang), repo, lang, force)
    yield GeneratedPage(paths.BY_TYPE, by_type, types, section)
    departments = by_department(by_dept, paths.BY_DEPARTMENT, docs, repo, lang, force)
    yield GeneratedPage(paths.BY_DEPARTMENT, by_dept, departments, section)
    orgs = grouped(by_org, paths.BY_ORG, docs, lambda d: d.org, repo, lang, force)
    yield GeneratedPage(paths.BY_ORG, by_org, orgs, section)


def archive(repo: Repository, options: SiteOptions) -> Iterable[GeneratedPage]:
    lang = options.lang
    title = word(lang, "archive")
    withdrawn = sorted((d for d in repo.documents if d.status in WITHDRAWN), key=lambda d: d.id)
    body = (
        document_table(withdrawn, repo, paths.ARCHIVE, lang, archive=True)
        if withdrawn
        else word(lang, "no_archive") + "\n"
    )
    yield GeneratedPage(paths.ARCHIVE, title, f"{WIDE}# {title}\n\n{body}", "")
