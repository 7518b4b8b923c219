"""The one document model: every controlled document and record, loaded once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from docctl.config import Config
from docctl.dates import parse_date
from docctl.findings import Finding
from docctl.lifecycle import CURRENT as CURRENT  # re-exported: the model speaks of the lifecycle's states
from docctl.lifecycle import FROZEN
from docctl.lifecycle import WITHDRAWN as WITHDRAWN
from docctl.yamlsafe import Key, Outline, Parsed, parse

DOCUMENT = "document"
RECORD = "record"
RELEASED = FROZEN  # the states of docctl.lifecycle, the one state machine


@dataclass(frozen=True)
class Revision:
    """One row of 文件编制和变更履历."""

    index: int
    version: str | None = None
    author: str | None = None
    date: str | None = None
    reviewer: str | None = None
    reviewed: str | None = None
    approver: str | None = None
    approved: str | None = None
    change: str | None = None
    digest: str | None = None
    effective: str | None = None

    @classmethod
    def from_row(cls, index: int, row: Any) -> Revision:
        if not isinstance(row, dict):
            return cls(index, None)
        names = cls.__dataclass_fields__
        return cls(index, **{k: _text(v) for k, v in row.items() if k in names and k != "index"})

    def day(self, name: str) -> dt.date | None:
        return parse_date(getattr(self, name))


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


@dataclass(eq=False)
class Document:
    """A Markdown file with front matter: a controlled document or a record."""

    path: str
    kind: str
    meta: dict[str, Any]
    body: str = ""
    body_line: int = 1
    front_line: int = 2
    front: str = ""  # the front-matter text as parsed (positions are recomputed from it on demand)
    outline: Outline | None = None  # where the top-level keys are, recorded while loading

    @cached_property
    def positions(self) -> Parsed:
        """Line and column of every key and value, and the raw text of unquoted scalars.

        Loading skips this work for speed and memory (it keeps only the `outline` of the top-level
        keys); the first finding that needs a deeper position pays for one more parse of this
        document's front matter.
        """
        return parse(self.front) if self.front else Parsed()

    @property
    def values(self) -> dict[Key, tuple[int, int]]:
        """0-based (line, column) of each value within the front matter, by key path."""
        return self.positions.values

    @property
    def keys(self) -> dict[Key, tuple[int, int]]:
        """0-based (line, column) of each mapping key within the front matter, by key path."""
        return self.positions.keys

    @property
    def raw(self) -> dict[Key, str]:
        """The source text of each unquoted non-string scalar (to show `1.10` that YAML read as 1.1)."""
        return self.positions.raw

    def where(self, *key: str | int) -> tuple[int, int]:
        """1-based line and column of the value at `key`, or of the nearest enclosing key."""
        if len(key) == 1 and self.outline is not None:
            pos = self.outline.value(key[0])
            return (self.front_line + pos[0], pos[1] + 1) if pos else (max(self.front_line - 1, 1), 1)
        while key:
            pos = self.values.get(key) or self.keys.get(key)
            if pos is not None:
                return self.front_line + pos[0], pos[1] + 1
            key = key[:-1]
        return max(self.front_line - 1, 1), 1

    def where_key(self, *key: str | int) -> tuple[int, int]:
        """1-based line and column of the key at `key` (of its value when it is not a mapping key)."""
        pos = self.outline.key(key[0]) if len(key) == 1 and self.outline is not None else self.keys.get(key)
        return (self.front_line + pos[0], pos[1] + 1) if pos else self.where(*key)

    def text(self, name: str) -> str | None:
        return _text(self.meta.get(name))

    def date(self, name: str) -> dt.date | None:
        return parse_date(self.meta.get(name))

    def ids(self, name: str) -> list[str]:
        value = self.meta.get(name)
        if isinstance(value, str):
            return [value]
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    @property
    def id(self) -> str:
        return self.text("id") or ""

    @property
    def title(self) -> str:
        return self.text("title") or ""

    @property
    def type(self) -> str:
        return self.text("type") or ""

    @property
    def status(self) -> str:
        return self.text("status") or ""

    @property
    def version(self) -> str:
        return self.text("version") or ""

    @property
    def org(self) -> str:
        return self.text("org") or ""

    @property
    def department(self) -> str:
        return self.text("department") or ""

    @property
    def stem(self) -> str:
        return self.path.rsplit("/", 1)[-1].removesuffix(".md")

    @cached_property
    def history(self) -> tuple[Revision, ...]:
        rows = self.meta.get("history")
        return tuple(Revision.from_row(i, r) for i, r in enumerate(rows)) if isinstance(rows, list) else ()

    @property
    def current(self) -> Revision | None:
        return self.history[-1] if self.history else None


@dataclass
class Repository:
    """Everything docctl knows about one repository, loaded once."""

    config: Config
    documents: list[Document] = field(default_factory=list)
    records: list[Document] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)

    @cached_property
    def by_id(self) -> dict[str, Document]:
        result: dict[str, Document] = {}
        for doc in self.documents:
            result.setdefault(doc.id, doc)
        return result

    @cached_property
    def records_by_id(self) -> dict[str, Document]:
        result: dict[str, Document] = {}
        for rec in self.records:
            result.setdefault(rec.id, rec)
        return result

    def get(self, doc_id: str) -> Document | None:
        return self.by_id.get(doc_id)

    def all(self) -> list[Document]:
        return [*self.documents, *self.records]
