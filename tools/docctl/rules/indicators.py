"""A plan's indicators: the data agrees with the table in its text; the catalogue itself is linted."""

from __future__ import annotations

from collections.abc import Iterator

from docctl.findings import Finding
from docctl.kpi.indicators import Indicator, indicators_of
from docctl.kpi.lint import lint
from docctl.kpi.table import TableRow, indicator_table, squeeze
from docctl.model import Document
from docctl.periods import LABELS_ZH
from docctl.rules.context import CheckContext

FIELDS_ZH = {"domain": "指标域", "name": "指标名称", "formula": "计算公式", "target": "考核要求",
             "period": "考核周期"}


def check(ctx: CheckContext) -> Iterator[Finding]:
    for doc in ctx.repo.documents:
        indicators = indicators_of(doc)
        if not indicators:
            continue
        yield from _unique(ctx, doc, indicators)
        yield from _agreement(ctx, doc, indicators, indicator_table(doc.body, doc.body_line))
        for issue in lint(indicators):
            ind = issue.indicator
            yield ctx.finding(doc, ("indicators", ind.index, "name"), issue.rule, id=ind.id,
                              name=ind.name, **issue.args)


def _unique(ctx: CheckContext, doc: Document, indicators: list[Indicator]) -> Iterator[Finding]:
    seen: set[str] = set()
    for ind in indicators:
        if ind.id in seen:
            yield ctx.finding(doc, ("indicators", ind.index, "id"), "kpi-id-duplicate", id=ind.id)
        seen.add(ind.id)


def _agreement(ctx: CheckContext, doc: Document, indicators: list[Indicator],
               table: list[TableRow]) -> Iterator[Finding]:
    by_row = {ind.row: ind for ind in indicators}
    rows = {r.row for r in table}
    for row in table:
        ind = by_row.get(row.row)
        if ind is None:
            yield ctx.finding(doc, ("indicators",), "kpi-table-missing", row=row.row, table_line=row.line)
            continue
        for name, data, text in _pairs(ind, row):
            if squeeze(data) != squeeze(text):
                label = FIELDS_ZH[name] if ctx.lang != "en" else name
                yield ctx.finding(doc, ("indicators", ind.index, name), "kpi-table-mismatch", id=ind.id,
                                  row=row.row, field=label, table_line=row.line, data=data, table=text)
    for ind in indicators:
        if ind.row not in rows:
            yield ctx.finding(doc, ("indicators", ind.index, "row"), "kpi-table-extra", id=ind.id,
                              row=ind.row)


def _pairs(ind: Indicator, row: TableRow) -> list[tuple[str, str, str]]:
    return [("domain", ind.domain, row.domain), ("name", ind.name, row.name),
            ("formula", ind.formula, row.formula), ("target", ind.target.text(), row.target),
            ("period", LABELS_ZH.get(ind.period, ind.period), row.period)]
