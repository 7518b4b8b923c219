"""The page of one quality record: its front-matter fields as a table, then its text."""

from __future__ import annotations

from typing import Any

from docctl.model import Document, Repository
from docctl.site.document_page import BLOCKS_MARKER
from docctl.site.labels import word
from docctl.site.markdown import escape, link, shift_headings, table
from docctl.site.paths import page_path
from docctl.site.types import SiteOptions

SKIP = ("id", "title")


def render(doc: Document, repo: Repository, options: SiteOptions) -> str:
    lang = options.lang
    here = page_path(doc)
    rows = [[escape(key), _value(value, here, repo)] for key, value in doc.meta.items() if key not in SKIP]
    parts = [
        f"# {escape(doc.id)} {escape(doc.title)}\n",
        BLOCKS_MARKER + "\n",
        table([word(lang, "record_id"), escape(doc.id)], rows),
        shift_headings(doc.body.strip("\n")) + "\n",
    ]
    return "\n".join(parts)


def _value(value: Any, here: str, repo: Repository) -> str:
    if isinstance(value, list):
        return "；".join(_value(v, here, repo) for v in value) or "—"
    if isinstance(value, dict):
        return "；".join(f"{escape(k)}：{_value(v, here, repo)}" for k, v in value.items()) or "—"
    if isinstance(value, str):
        target = repo.get(value.split("#")[0])
        return link(value, here, page_path(target)) if target else escape(value)
    return "—" if value is None else escape(value)
