"""The version in force: what a reader must follow while the next version is being prepared.

A file holds its current version. While a revision is open (draft, review, approved) the version in
force is the last released history row before it — its text lives in git, its row and the cover's
`next_review` stay in the file. Register, `due` and exports ask this module, not `status`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from docctl.config import Config
from docctl.dates import parse_date
from docctl.model import Document, Revision
from docctl.schedule import next_review

PENDING = ("draft", "review", "approved")  # a revision that has not taken effect yet


@dataclass(frozen=True)
class InForce:
    row: Revision  # the history row of the version in force
    effective: str  # its effective date (ISO)
    pending: Revision | None = None  # the revision being prepared, when the file holds one

    @property
    def version(self) -> str:
        return self.row.version or ""

    def approver(self, doc: Document) -> str:
        """Who approved it: the cover's approver while it is current, else its row's."""
        return (doc.text("approver") if self.pending is None else self.row.approver) or ""


def in_force(doc: Document) -> InForce | None:
    """The version in force, or None (never released, or withdrawn)."""
    current = doc.current
    if current is None:
        return None
    if doc.status == "effective":
        return InForce(current, doc.text("effective") or current.effective or "")
    if doc.status not in PENDING:
        return None
    released = [r for r in doc.history[:-1] if r.effective]
    return InForce(released[-1], released[-1].effective or "", current) if released else None


def review_due(doc: Document, config: Config, force: InForce) -> date | None:
    """When the version in force is next due for periodic review."""
    if force.pending is None:
        return next_review(doc, config)
    return next_review(doc, config, force.row.day("approved") or parse_date(force.effective))
