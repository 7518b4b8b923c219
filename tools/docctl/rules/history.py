"""文件编制和变更履历: present, versions strictly increasing, the cover equal to the last row."""

from __future__ import annotations

from collections.abc import Iterator

from docctl.findings import Finding
from docctl.messages import labels
from docctl.model import Document
from docctl.rules.context import CheckContext
from docctl.versions import parse_version

# cover field -> history row field
COVER_TO_ROW = {
    "version": "version", "author": "author", "prepared": "date", "reviewer": "reviewer",
    "reviewed": "reviewed", "approver": "approver", "approved": "approved",
}


def check(ctx: CheckContext) -> Iterator[Finding]:
    for doc in ctx.repo.documents:
        if not doc.history:
            if doc.status not in ("", "draft") and isinstance(doc.meta.get("history"), list):
                yield ctx.finding(doc, ("history",), "history-empty", status=doc.status)
            continue
        yield from _order(ctx, doc)
        yield from _effective_order(ctx, doc)
        yield from _cover(ctx, doc)


def _order(ctx: CheckContext, doc: Document) -> Iterator[Finding]:
    previous = None
    for row in doc.history:
        current = parse_version(row.version)
        if current is None:
            continue
        if previous is not None and current <= previous[0]:
            yield ctx.finding(doc, ("history", row.index, "version"), "history-order",
                              version=row.version, previous=previous[1])
        previous = (current, row.version)


def _effective_order(ctx: CheckContext, doc: Document) -> Iterator[Finding]:
    """Versions take effect in their order: a row's effective date is not before an earlier row's."""
    previous = None
    for row in doc.history:
        day = row.day("effective")
        if day is None:
            continue
        if previous is not None and day < previous[0]:
            yield ctx.finding(doc, ("history", row.index, "effective"), "history-effective-order",
                              version=row.version or "?", effective=row.effective,
                              previous=previous[1], previous_effective=previous[0].isoformat())
        previous = (day, row.version or "?")


def _cover(ctx: CheckContext, doc: Document) -> Iterator[Finding]:
    last = doc.history[-1]
    for cover_field, row_field in COVER_TO_ROW.items():
        cover = doc.meta.get(cover_field)
        row = getattr(last, row_field)
        if (cover or None) != (row or None) and not _unparsable(cover, row):
            key = (cover_field,) if cover_field in doc.meta else ("history", last.index, row_field)
            yield ctx.finding(doc, key, "cover-mismatch", cover=cover or "—", row=row or "—",
                              version=last.version or "?", **labels(cover_field))


def _unparsable(cover: object, row: object) -> bool:
    """Values the schema already reports (numbers for versions, legacy dates) are not compared twice."""
    if not isinstance(cover, (str, type(None))) or not isinstance(row, (str, type(None))):
        return True
    return any(isinstance(v, str) and v[:1].isdigit() and "." in v and parse_version(v) is None
               for v in (cover, row))
