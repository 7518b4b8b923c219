"""The page of one quality record: its front-matter fields as a table, then its text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docctl.model import Document, Repository
from docctl.site.document_page import BLOCKS_MARKER
from docctl.site.labels import status_label, word
from docctl.site.markdown import escape, link, shift_headings, table
from docctl.site.paths import page_path
from docctl.site.records_index import record_type_label
from docctl.site.types import SiteOptions

SKIP = ("id", "title")
Anchor = Callable[[Document, str], str]
"""The heading anchor of clause `number` on a document's page ("" when it has none)."""


def no_anchor(doc: Document, number: str) -> str:
    return ""

FIELD_LABELS = {
    "type": "记录类型",
    "org": "组织",
    "department": "部门",
    "date": "日期",
    "status": "状态",
    "closed": "关闭日期",
    "owner": "负责人",
    "clauses": "依据条款",
    "retention": "保存期限",
    "example": "示例数据",
}


def render(doc: Document, repo: Repository, options: SiteOptions, anchor: Anchor = no_anchor) -> str:
    lang = options.lang
    here = page_path(doc)
    rows = [
        [escape(_label(key, lang)), _shown(key, value, here, repo, lang, anchor)]
        for key, value in doc.meta.items()
        if key not in SKIP
    ]
    parts = [
        f"# {escape(doc.id)} {escape(doc.title)}\n",
        BLOCKS_MARKER + "\n",
        table([word(lang, "record_id"), escape(doc.id)], rows),
        shift_headings(doc.body.strip("\n")) + "\n",
    ]
    return "\n".join(parts)


def _label(key: str, lang: str) -> str:
    return key if lang == "en" else FIELD_LABELS.get(key, key)


def _shown(key: str, value: Any, here: str, repo: Repository, lang: str, anchor: Anchor) -> str:
    if key == "status" and isinstance(value, str):
        return escape(status_label(lang, value))
    if key == "type" and isinstance(value, str):
        return escape(record_type_label(repo, value, lang))
    return _value(value, here, repo, anchor)


def _value(value: Any, here: str, repo: Repository, anchor: Anchor) -> str:
    if isinstance(value, list):
        return "；".join(_value(v, here, repo, anchor) for v in value) or "—"
    if isinstance(value, dict):
        return "；".join(f"{escape(k)}：{_value(v, here, repo, anchor)}" for k, v in value.items()) or "—"
    if isinstance(value, str):
        doc_id, _, number = value.partition("#")
        target = repo.get(doc_id)
        if target is None:
            return escape(value)
        return link(value, here, page_path(target), anchor(target, number) if number else "")
    return "—" if value is None else escape(value)
