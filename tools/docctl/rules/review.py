"""Periodic review: an effective document is reviewed every cycle (next review overdue = warning)."""

from __future__ import annotations

from collections.abc import Iterator

from docctl.findings import Finding
from docctl.rules.context import CheckContext
from docctl.schedule import next_review


def check(ctx: CheckContext) -> Iterator[Finding]:
    today = ctx.config.today
    soon = ctx.config.review_warn_within.after(today)
    for doc in ctx.repo.documents:
        if doc.status != "effective":
            continue
        due = next_review(doc, ctx.config)
        if due is None:
            continue
        key = ("next_review",) if doc.meta.get("next_review") else ("review_cycle",)
        if due < today:
            yield ctx.finding(doc, key, "review-overdue", due=due.isoformat(), days=(today - due).days)
        elif due <= soon:
            yield ctx.finding(doc, key, "review-due-soon", due=due.isoformat(), days=(due - today).days)

