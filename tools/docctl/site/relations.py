"""Reverse links computed once per build: who refers to a document, which records are its evidence, and
supersession both ways (X `superseded_by: Y` shows "替代了 X" on Y even when Y lacks `supersedes: X`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from docctl.model import Document, Repository


@dataclass(frozen=True)
class Relations:
    referenced_by: dict[str, list[Document]] = field(default_factory=dict)
    evidence: dict[str, list[Document]] = field(default_factory=dict)
    supersedes: dict[str, list[str]] = field(default_factory=dict)  # successor id -> ids it replaced
    superseded_by: dict[str, list[str]] = field(default_factory=dict)  # predecessor id -> successor ids

    @classmethod
    def of(cls, repo: Repository) -> Relations:
        referenced: dict[str, list[Document]] = {}
        for doc in repo.documents:
            for target in doc.ids("related"):
                referenced.setdefault(target, []).append(doc)
        evidence: dict[str, list[Document]] = {}
        for record in repo.records:
            for doc_id in dict.fromkeys(c.split("#")[0] for c in record.ids("clauses")):
                evidence.setdefault(doc_id, []).append(record)
        supersedes: dict[str, list[str]] = {}
        superseded_by: dict[str, list[str]] = {}
        for doc in repo.documents:
            for old in doc.ids("supersedes"):
                _add(supersedes, doc.id, old)
                _add(superseded_by, old, doc.id)
            for new in doc.ids("superseded_by"):
                _add(superseded_by, doc.id, new)
                _add(supersedes, new, doc.id)
        return cls(referenced, evidence, supersedes, superseded_by)


def _add(links: dict[str, list[str]], key: str, value: str) -> None:
    found = links.setdefault(key, [])
    if value not in found:
        found.append(value)
