"""Links: related/supersedes ids exist, effective documents do not rely on withdrawn ones, and
Markdown links stay inside the repository."""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator

from docctl.catalog import make_finding
from docctl.findings import Finding
from docctl.messages import STATUS_LABELS
from docctl.model import WITHDRAWN, Document
from docctl.rules.context import CheckContext

ID_FIELDS = ("related", "supersedes", "superseded_by")
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def check(ctx: CheckContext) -> Iterator[Finding]:
    for doc in ctx.repo.documents:
        yield from _ids(ctx, doc)
        if doc.status == "superseded" and not doc.meta.get("superseded_by"):
            yield ctx.finding(doc, ("status",), "superseded-without-successor")
    known = {doc.path for doc in ctx.repo.all()} | set(ctx.repo.unparsed)  # files seen when loading
    for doc in ctx.repo.all():
        yield from _body_links(ctx, doc, known)


def _ids(ctx: CheckContext, doc: Document) -> Iterator[Finding]:
    for field in ID_FIELDS:
        value = doc.meta.get(field)
        items = [(i, v) for i, v in enumerate(value)] if isinstance(value, list) else [(None, value)]
        for index, target in items:
            if not isinstance(target, str):
                continue
            key = (field, index) if index is not None else (field,)
            other = ctx.repo.get(target)
            if other is None:
                yield ctx.finding(doc, key, "link-unknown-id", field=field, target=target)
            elif field == "related" and doc.status == "effective" and other.status in WITHDRAWN:
                successor = other.text("superseded_by")
                yield ctx.finding(doc, key, "link-obsolete", field=field, target=target, status=other.status,
                                  status_label=STATUS_LABELS[other.status],
                                  replacement=f" {successor}" if successor else "", id=doc.id)


def _body_links(ctx: CheckContext, doc: Document, known: set[str]) -> Iterator[Finding]:
    if "](" not in doc.body:
        return
    root = ctx.config.root
    folder = posixpath.dirname(doc.path)
    for match in _LINK.finditer(doc.body):
        target = match.group(1)
        if target.startswith("#") or (_EXTERNAL.match(target) and not target.lower().startswith("file:")):
            continue
        line = doc.body_line + doc.body.count("\n", 0, match.start())
        col = match.start() - doc.body.rfind("\n", 0, match.start())
        rule = _local_link_fault(root, folder, target, known)
        if rule:
            yield make_finding(ctx.lang, doc.path, line, col, rule, target=target)


def _local_link_fault(root: os.PathLike[str], folder: str, target: str, known: set[str]) -> str | None:
    if target.lower().startswith("file:") or target.startswith("/"):
        return "link-outside"
    path = target.split("#", 1)[0].split("?", 1)[0]
    if not path:
        return None
    joined = posixpath.normpath(posixpath.join(folder, path))
    if joined.startswith(".."):
        return "link-outside"
    return None if joined in known or os.path.exists(os.path.join(root, joined)) else "link-missing"
