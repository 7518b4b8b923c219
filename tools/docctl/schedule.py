"""When a document is next due for its periodic review."""

from __future__ import annotations

from datetime import date

from docctl.config import Config
from docctl.dates import parse_duration
from docctl.model import Document


def next_review(doc: Document, config: Config) -> date | None:
    """`next_review` when given, else the last approval (or effective date) plus the review cycle."""
    explicit = doc.date("next_review")
    if explicit:
        return explicit
    start = doc.date("approved") or doc.date("effective")
    cycle_text = doc.text("review_cycle")
    cycle = parse_duration(cycle_text) if cycle_text else None
    if cycle is None:
        doc_type = config.document_types.get(doc.type)
        cycle = doc_type.review_cycle if doc_type else None
    return cycle.after(start) if start and cycle else None
