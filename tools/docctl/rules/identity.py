"""Document numbers: unique, equal to the file name, in the organization's pattern."""

from __future__ import annotations

from collections.abc import Iterator

from docctl.findings import Finding
from docctl.model import Document
from docctl.rules.context import CheckContext


def check(ctx: CheckContext) -> Iterator[Finding]:
    for group in (ctx.repo.documents, ctx.repo.records):
        yield from _unique(ctx, group)
    for doc in ctx.repo.all():
        if doc.id and doc.id != doc.stem:
            yield ctx.finding(doc, ("id",), "id-filename", id=doc.id, name=doc.stem + ".md")
    for doc in ctx.repo.documents:
        yield from _organization(ctx, doc)


def _unique(ctx: CheckContext, docs: list[Document]) -> Iterator[Finding]:
    first: dict[str, Document] = {}
    for doc in docs:
        if not doc.id:
            continue
        if doc.id in first:
            other = first[doc.id]
            yield ctx.finding(doc, ("id",), "id-duplicate", id=doc.id, other=f"{other.path}:{other.where('id')[0]}")
        else:
            first[doc.id] = doc


def _organization(ctx: CheckContext, doc: Document) -> Iterator[Finding]:
    if not doc.org:
        return
    org = ctx.config.orgs_by_name.get(doc.org)
    if org is None:
        known = "、".join(o.name for o in ctx.config.organizations)
        yield ctx.finding(doc, ("org",), "org-unknown", org=doc.org, known=known)
        return
    if doc.id and not org.id_pattern.search(doc.id):
        yield ctx.finding(doc, ("id",), "id-pattern", id=doc.id, org=org.name, pattern=org.id_pattern.pattern)
    if doc.department and org.departments and doc.department not in org.departments:
        yield ctx.finding(doc, ("department",), "department-unknown", department=doc.department, org=org.name,
                          known="、".join(org.departments))
