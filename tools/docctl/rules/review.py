"""Periodic review: an effective document is reviewed every cycle (next review overdue = warning)."""

from __future__ import annotations

from collections.abc import Iterator

from docctl.findings import Finding
from docctl.messages import count_en
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
        days = abs((today - due).days)
        if due < today or due <= soon:
            rule = "review-overdue" if due < today else "review-due-soon"
            yield ctx.finding(doc, key, rule, due=due.isoformat(), days=days, days_en=count_en(days, "day"))

