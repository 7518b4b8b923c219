"""Approvals are bound to the approved text: an approved or released version must still match
the digest recorded when the approver signed (rows signed before digests were adopted are legacy)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from docctl.config import Config
from docctl.dates import parse_date
from docctl.digest import document_digest
from docctl.findings import Finding
from docctl.lifecycle import FROZEN
from docctl.rules.context import CheckContext


def digests_from(config: Config) -> date | None:
    """`change_control.digests_from` in docctl.yml: approvals from this day on must carry a digest."""
    section = config.settings.get("change_control")
    return parse_date(section.get("digests_from")) if isinstance(section, dict) else None


def check(ctx: CheckContext) -> Iterator[Finding]:
    since = digests_from(ctx.config)
    for doc in ctx.repo.documents:
        row = doc.current
        if doc.status not in FROZEN or row is None or not row.approver:
            continue
        key = ("history", row.index)
        if row.digest:
            if row.digest != document_digest(doc):
                yield ctx.finding(doc, (*key, "digest"), "digest-mismatch", version=doc.version, id=doc.id)
            continue
        approved = row.day("approved")
        if since is None:
            continue  # the repository has not adopted digests (change_control.digests_from)
        if approved is not None and approved < since:
            yield ctx.finding(
                doc,
                key,
                "digest-legacy",
                version=doc.version,
                approved=row.approved or "—",
                since=since.isoformat(),
            )
        else:
            yield ctx.finding(doc, key, "digest-missing", version=doc.version)
