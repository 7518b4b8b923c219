"""Reverse links computed once per build: who refers to a document, which records are its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

from docctl.model import Document, Repository


@dataclass(frozen=True)
class Relations:
    referenced_by: dict[str, list[Document]] = field(default_factory=dict)
    evidence: dict[str, list[Document]] = field(default_factory=dict)

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
        return cls(referenced, evidence)
