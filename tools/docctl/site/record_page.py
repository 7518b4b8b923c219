"""The page of one quality record: its front-matter fields as a table, then its text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from docctl.model import Document, Repository
from docctl.record_labels import field_label
from docctl.site.document_page import BLOCKS_MARKER
from docctl.site.labels import status_label, word
from docctl.site.markdown import escape, link, shift_headings, table
from docctl.site.paths import page_path
from docctl.site.records_index import record_type_label
from docctl.site.types import SiteOptions

SKIP = ("id", "title")
_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
Anchor = Callable[[Document, str], str]
"""The heading anchor of clause `number` on a document's page ("" when it has none)."""


def no_anchor(doc: Document, number: str) -> str:
    return ""

@dataclass(frozen=True)
class _Context:
    here: str
    repo: Repository
    anchor: Anchor
    lang: str
    record_type: str

    def label(self, path: str) -> str:
        return escape(field_label(self.record_type, path, self.lang))


def render(doc: Document, repo: Repository, options: SiteOptions, anchor: Anchor = no_anchor) -> str:
    """The fields as a table (labels from docctl.record_labels), each list of mappings (a checklist, the
    actions) as a table of its own with labelled columns, then the record's text."""
    ctx = _Context(page_path(doc), repo, anchor, options.lang, doc.type)
    fields = [(k, v) for k, v in doc.meta.items() if k not in SKIP]
    rows = [[ctx.label(k), _shown(k, v, ctx)] for k, v in fields if not _is_table(v)]
    tables = [(field_label(doc.type, k, options.lang), _table(k, v, ctx)) for k, v in fields if _is_table(v)]
    body, apart = merge_tables(shift_headings(doc.body.strip("\n")), tables)
    parts = [
        f"# {escape(doc.id)} {escape(doc.title)}\n",
        BLOCKS_MARKER + "\n",
        table([word(options.lang, "record_id"), escape(doc.id)], rows),
        *(f"## {escape(label)}\n\n{text}" for label, text in apart),
        body + "\n",
    ]
    return "\n".join(parts)


def merge_tables(body: str, tables: list[tuple[str, str]]) -> tuple[str, list[tuple[str, str]]]:
    """A table whose heading the text already has (审核发现) goes at the end of that section of the text, so
    the page and its table of contents name it once; the others are returned, to stand under their own."""
    lines = body.split("\n")
    apart = []
    for label, text in tables:
        end = _section_end(lines, label)
        if end is None:
            apart.append((label, text))
        else:
            lines[end:end] = ["", *text.rstrip("\n").split("\n"), ""]
    return "\n".join(lines), apart


def _section_end(lines: list[str], title: str) -> int | None:
    """The line after the section under the heading `title` (None when the text has no such heading)."""
    headings = [(i, h) for i, h in ((i, _heading(line)) for i, line in enumerate(lines)) if h is not None]
    start = next(((i, level) for i, (level, text) in headings if text == title), None)
    if start is None:
        return None
    return next((i for i, (level, _) in headings if i > start[0] and level <= start[1]), len(lines))


def _heading(line: str) -> tuple[int, str] | None:
    match = _ATX.match(line)
    return (len(match.group(1)), match.group(2).strip()) if match else None


def _is_table(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _table(key: str, items: list[dict[str, Any]], ctx: _Context) -> str:
    columns = list(dict.fromkeys(k for item in items for k in item))
    header = [ctx.label(f"{key}.{c}") for c in columns]
    rows = [[_value(f"{key}.{c}", item.get(c), ctx) for c in columns] for item in items]
    return table(header, rows)


def _shown(key: str, value: Any, ctx: _Context) -> str:
    if key == "status" and isinstance(value, str):
        return escape(status_label(ctx.lang, value))
    if key == "type" and isinstance(value, str):
        return escape(record_type_label(ctx.repo, value, ctx.lang))
    return _value(key, value, ctx)


def _value(path: str, value: Any, ctx: _Context) -> str:
    if isinstance(value, bool):
        return ("yes" if value else "no") if ctx.lang == "en" else ("是" if value else "否")
    if isinstance(value, list):
        separator = "；" if any(isinstance(v, dict) for v in value) else "、"
        return separator.join(_value(path, v, ctx) for v in value) or "—"
    if isinstance(value, dict):
        shown = [f"{ctx.label(f'{path}.{k}')}：{_value(f'{path}.{k}', v, ctx)}" for k, v in value.items()]
        return "<br>".join(shown) or "—"
    if isinstance(value, str):
        return _reference(value, ctx)
    return "—" if value is None else escape(value)


def _reference(value: str, ctx: _Context) -> str:
    """A document or record id (with an optional #clause) as a link, any other text as it is."""
    doc_id, _, number = value.partition("#")
    target = ctx.repo.get(doc_id) or ctx.repo.records_by_id.get(doc_id)
    if target is None:
        return escape(value) or "—"
    return link(value, ctx.here, page_path(target), ctx.anchor(target, number) if number else "")
