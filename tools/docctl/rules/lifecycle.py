"""The status of a document fits the records of its current version (docctl.lifecycle's table).

Each step draft → review → approved → effective writes one field (docctl.lifecycle.STEPS): a
version in a state holds the field of the step that entered it and none of the steps ahead.
"""

from __future__ import annotations

from collections.abc import Iterator

from docctl.findings import Finding
from docctl.lifecycle import SIGNED, expected_records
from docctl.model import Document
from docctl.rules.context import CheckContext

REASONS = {
    "signed-draft": ("草稿不应已有审核或批准签署", "a draft carries no review or approval signature"),
    "review-unsigned": ("审核中的版本须有审核人签署", "a version in review is signed by its reviewer"),
    "review-approved": ("已批准的版本状态应为 approved", "an approved version is in status approved"),
    "approved-released": ("已实施的版本状态应为 effective", "a version with an effective date is effective"),
    "effective-undated": ("现行版本须有实施日期 effective", "an effective version has an effective date"),
}
MISSING = {"reviewed": "review-unsigned", "effective": "effective-undated"}
AHEAD = {"reviewed": "signed-draft", "approved": "review-approved", "effective": "approved-released"}
SIGNATURES = ("reviewed", "approved")


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
    own, ahead = expected_records(doc.status)
    present = [name for name in ahead if getattr(row, name)]
    if present:
        signed_draft = doc.status == "draft" and present[0] in SIGNATURES
        return "signed-draft" if signed_draft else AHEAD[present[0]]
    if own in SIGNATURES and doc.status in SIGNED:
        return None  # a missing signature of a signed state: the signatures rule reports it
    if own and not (getattr(row, own) or doc.meta.get(own)):
        return MISSING[own]
    return None
