"""Every document and record against its JSON Schema."""

from __future__ import annotations

from collections.abc import Iterator

from docctl.findings import Finding
from docctl.model import DOCUMENT, Document
from docctl.rules.context import CheckContext
from docctl.schemas import schema_findings, schemas_types


def check(ctx: CheckContext) -> Iterator[Finding]:
    for doc in ctx.repo.all():
        name = schema_name(ctx, doc)
        if name is None:
            allowed = sorted(n.removeprefix("records/") for n in ctx.schemas.schemas if n.startswith("records/"))
            yield ctx.finding(doc, ("type",), "record-type-unknown", value=doc.type, allowed=", ".join(allowed))
            continue
        yield from schema_findings(doc, name, ctx.schemas, ctx.lang)


def schema_name(ctx: CheckContext, doc: Document) -> str | None:
    """The schema a file is validated against; a document of unknown type fails on `type`."""
    if doc.kind == DOCUMENT:
        types = schemas_types(ctx.schemas)
        return doc.type if doc.type in types else (types[0] if types else None)
    name = f"records/{doc.type}"
    return name if name in ctx.schemas.schemas else None
