"""Evidence inventory: for each clause of each policy, the records that show it was followed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from docctl.clauses import clause_map
from docctl.controls.context import record_in
from docctl.controls.model import ControlResult
from docctl.model import Document, Repository
from docctl.periods import Period


@dataclass(frozen=True)
class ClauseEvidence:
    doc: Document
    clause: str
    title: str
    results: tuple[ControlResult, ...]
    records: tuple[Document, ...]


def evidence_inventory(repo: Repository, results: Iterable[ControlResult], period: Period) -> list[ClauseEvidence]:
    """Clauses with controls or with records of the period that cite them (`clauses: [DOC#7.3.1]`), in
    document order. A record is of the period when dated or closed in it, as for the controls."""
    by_clause: dict[tuple[str, str], list[ControlResult]] = defaultdict(list)
    cited: dict[tuple[str, str], dict[str, Document]] = defaultdict(dict)
    for result in results:
        by_clause[(result.control.doc.id, result.control.clause)].append(result)
        for rec in result.evidence:
            cited[(result.control.doc.id, result.control.clause)][rec.id] = rec
    for rec in repo.records:
        if not record_in(rec, period):
            continue
        for ref in rec.ids("clauses"):
            doc_id, _, number = ref.partition("#")
            cited[(doc_id, number)][rec.id] = rec
    inventory = []
    wanted = {doc_id for doc_id, _ in (*by_clause, *cited)}
    for doc in repo.documents:
        if doc.id not in wanted:
            continue
        numbers = clause_map(doc.body, doc.body_line)
        for number, clause in numbers.items():
            key = (doc.id, number)
            if key in by_clause or key in cited:
                records = tuple(sorted(cited.get(key, {}).values(), key=lambda r: r.id))
                inventory.append(ClauseEvidence(doc, number, clause.title, tuple(by_clause.get(key, ())),
                                                records))
    return inventory
