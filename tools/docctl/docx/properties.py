"""Document properties: core (title, identifier, version, status) and docctl's custom properties."""

from __future__ import annotations

import json

from docctl.docx.ooxml import esc
from docctl.model import Document

CUSTOM_PREFIX = "docctl."
# Front-matter keys not visible on the cover or in the history table travel as custom properties.
CUSTOM_KEYS = ("type", "status", "department", "effective", "review_cycle", "next_review",
               "supersedes", "superseded_by", "references", "related", "controls", "indicators")
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
# Keys import always writes (top level, and in each history row): the ones the source left out travel as
# docctl.absent, so that import leaves them out again instead of writing explicit nulls.
WRITTEN_KEYS = ("author", "prepared", "reviewer", "reviewed", "approver", "approved", "effective",
                "review_cycle", "supersedes", "superseded_by", "references", "related")
ROW_KEYS = ("version", "author", "date", "reviewer", "reviewed", "approver", "approved", "change")


def core_xml(doc: Document) -> bytes:
    day = doc.text("approved") or doc.text("prepared") or "1980-01-01"
    created = (doc.text("prepared") or day) + "T00:00:00Z"
    fields = [
        f"<dc:title>{esc(doc.title)}</dc:title>",
        f"<dc:subject>{esc(doc.org)}</dc:subject>",
        f"<dc:creator>{esc(doc.text('author') or '')}</dc:creator>",
        f"<cp:keywords>{esc(doc.id)}</cp:keywords>",
        f"<dc:identifier>{esc(doc.id)}</dc:identifier>",
        f"<cp:lastModifiedBy>{esc(doc.text('approver') or '')}</cp:lastModifiedBy>",
        f"<cp:version>{esc(doc.version)}</cp:version>",
        f"<cp:category>{esc(doc.type)}</cp:category>",
        f"<cp:contentStatus>{esc(doc.status)}</cp:contentStatus>",
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>',
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{day}T00:00:00Z</dcterms:modified>',
    ]
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            + "".join(fields) + "</cp:coreProperties>").encode("utf-8")


def custom_values(doc: Document, extra: dict[str, str]) -> dict[str, str]:
    values = {}
    for key in CUSTOM_KEYS:
        if key in doc.meta:
            value = doc.meta[key]
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            values[CUSTOM_PREFIX + key] = text
    absent = absent_keys(doc)
    if absent:
        values[CUSTOM_PREFIX + "absent"] = json.dumps(absent, ensure_ascii=False)
    extra_rows = row_extras(doc)
    if extra_rows:
        values[CUSTOM_PREFIX + "history_extra"] = json.dumps(extra_rows, ensure_ascii=False)
    values.update({CUSTOM_PREFIX + k: v for k, v in extra.items()})
    return values


def absent_keys(doc: Document) -> dict[str, list[str] | list[list[str]]]:
    """The keys import would write that the source does not have: {"keys": [...], "history": [[...]]}."""
    result: dict[str, list[str] | list[list[str]]] = {}
    top = [k for k in WRITTEN_KEYS if k not in doc.meta]
    if top:
        result["keys"] = top
    rows = doc.meta.get("history")
    rows = rows if isinstance(rows, list) else []
    missing = [[k for k in ROW_KEYS if k not in row] if isinstance(row, dict) else [] for row in rows]
    if any(missing):
        result["history"] = missing
    return result


def row_extras(doc: Document) -> list[dict[str, object]]:
    """What each history row holds beyond the table's columns (its effective date, the approval digest),
    one mapping per row; empty when no row has any."""
    rows = doc.meta.get("history")
    rows = rows if isinstance(rows, list) else []
    extras = [{k: v for k, v in row.items() if k not in ROW_KEYS} if isinstance(row, dict) else {}
              for row in rows]
    return extras if any(extras) else []


def custom_xml(values: dict[str, str]) -> bytes:
    props = "".join(
        f'<property fmtid="{FMTID}" pid="{i}" name="{esc(name)}">'
        f"<vt:lpwstr>{esc(value)}</vt:lpwstr></property>"
        for i, (name, value) in enumerate(values.items(), start=2))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
            'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"{props}</Properties>").encode()


def parse_custom(value: str) -> object:
    """The inverse of custom_values for one value: JSON for lists and null, the text otherwise."""
    if value[:1] in ("[", "{") or value == "null":
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value
