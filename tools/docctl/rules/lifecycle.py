"""The status of a document fits the signatures of its current version (docctl.lifecycle states)."""

from __future__ import annotations

from collections.abc import Iterator

from docctl.findings import Finding
from docctl.model import Document
from docctl.rules.context import CheckContext

REASONS = {
    "signed-draft": ("草稿不应已有审核或批准签署", "a draft carries no review or approval signature"),
    "review-unsigned": ("审核中的版本须有审核人签署", "a version in review is signed by its reviewer"),
    "review-approved": ("已批准的版本状态应为 approved", "an approved version is in status approved"),
    "approved-released": ("已实施的版本状态应为 effective", "a version with an effective date is effective"),
    "effective-undated": ("现行版本须有实施日期 effective", "an effective version has an effective date"),
}


def check(ctx: CheckContext) -> Iterator[Finding]:
    for doc in ctx.repo.documents:
        reason = _misfit(doc)
        if reason:
            zh, en = REASONS[reason]
            yield ctx.finding(
                doc,
                ("status",),
                "lifecycle-state",
                status=doc.status,
                version=doc.version,
                reason=zh,
                reason_en=en,
            )


def _misfit(doc: Document) -> str | None:
    row = doc.current
    if row is None:
        return None
    if doc.status == "draft" and (row.reviewed or row.approved):
        return "signed-draft"
    if doc.status == "review":
        return "review-approved" if row.approved else (None if row.reviewed else "review-unsigned")
    if doc.status == "approved" and row.effective:
        return "approved-released"
    if doc.status == "effective" and not doc.meta.get("effective"):
        return "effective-undated"
    return None
