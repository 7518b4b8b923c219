"""When a document is next due for its periodic review."""

from __future__ import annotations

from datetime import date

from docctl.config import Config
from docctl.dates import Duration, parse_duration
from docctl.model import Document


def next_review(doc: Document, config: Config, start: date | None = None) -> date | None:
    """`next_review` when given, else the last approval (or effective date) plus the review cycle.

    `start`: the day the cycle runs from when the cover no longer holds it (a version in force
    while its successor is being revised).
    """
    explicit = doc.date("next_review")
    if explicit:
        return explicit
    start = start or doc.date("approved") or doc.date("effective")
    cycle = review_cycle(doc, config)
    return cycle.after(start) if start and cycle else None


def review_cycle(doc: Document, config: Config) -> Duration | None:
    """The document's `review_cycle`, else its type's."""
    text = doc.text("review_cycle")
    cycle = parse_duration(text) if text else None
    if cycle is None:
        doc_type = config.document_types.get(doc.type)
        cycle = doc_type.review_cycle if doc_type else None
    return cycle
