"""Records: folder, id, closure dates, references to records and clauses, KPI measurements."""

from __future__ import annotations

from collections.abc import Container, Iterator
from datetime import date

from docctl.clauses import clause_numbers
from docctl.dates import parse_date
from docctl.findings import Finding
from docctl.kpi.indicators import Indicator, indicators_of
from docctl.model import Document
from docctl.periods import grain_of, parse_period
from docctl.records import record_path, record_prefix
from docctl.rules.context import CheckContext

REFERENCES = ("capa", "source_record")


def check(ctx: CheckContext) -> Iterator[Finding]:
    clauses: dict[str, Container[str]] = {}  # document id -> its clause numbers, counted once per check
    for rec in ctx.repo.records:
        if f"records/{rec.type}" not in ctx.schemas.schemas or not rec.id:
            continue
        yield from _placement(ctx, rec)
        yield from _closure(ctx, rec)
        yield from _references(ctx, rec, clauses)
        if rec.type == "kpi-measurement":
            yield from _measurement(ctx, rec)
    yield from _copy_numbers(ctx)


def _copy_numbers(ctx: CheckContext) -> Iterator[Finding]:
    """A copy number never repeats for a document, also when two records were written by hand or came
    from two merged branches: every record after the first with the same document and copy is an error
    naming the first."""
    first: dict[tuple[str, int], Document] = {}
    highest: dict[str, int] = {}
    dist = sorted((r for r in ctx.repo.records if r.type == "distribution"), key=lambda r: (r.text("date") or "", r.id))
    for rec in dist:
        number, doc_id = rec.meta.get("copy"), rec.text("document") or ""
        if isinstance(number, int) and not isinstance(number, bool):
            highest[doc_id] = max(highest.get(doc_id, 0), number)
    for rec in dist:
        number, doc_id = rec.meta.get("copy"), rec.text("document") or ""
        if not isinstance(number, int) or isinstance(number, bool):
            continue
        other = first.setdefault((doc_id, number), rec)
        if other is not rec:
            yield ctx.finding(rec, ("copy",), "distribution-copy-duplicate", copy=number, document=doc_id,
                              other=other.id, other_path=other.path, recipient=other.text("recipient") or "",
                              next=highest[doc_id] + 1)


def _placement(ctx: CheckContext, rec: Document) -> Iterator[Finding]:
    day = rec.date("date")
    if day is None:
        return
    expected = record_path(rec.type, day.year, rec.id)
    if rec.path != expected:
        yield ctx.finding(rec, ("id",), "record-folder", expected=expected)
    prefix = record_prefix(ctx.config, rec.type)
    if not rec.id.startswith(f"{prefix}-{day.year}-"):
        yield ctx.finding(rec, ("id",), "record-id-prefix", id=rec.id, prefix=prefix, year=day.year,
                          type=rec.type)
    if rec.type not in ctx.config.record_types:
        yield ctx.finding(rec, ("type",), "record-type-unconfigured", type=rec.type)


def _closure(ctx: CheckContext, rec: Document) -> Iterator[Finding]:
    closed, opened = rec.date("closed"), rec.date("date")
    if rec.status == "closed" and closed is None:
        yield ctx.finding(rec, ("status",), "record-closed-date")
    if rec.status != "closed" and rec.meta.get("closed") is not None:
        yield ctx.finding(rec, ("closed",), "record-not-closed", status=rec.status)
    if closed and opened and closed < opened:
        yield ctx.finding(rec, ("closed",), "record-closed-early", closed=closed, date=opened)
    if closed and rec.status == "closed":
        yield from _done_after_closure(ctx, rec, closed)


def _done_after_closure(ctx: CheckContext, rec: Document, closed: date) -> Iterator[Finding]:
    """A closed record tracks nothing further: no item of it (decisions, actions) is done later."""
    for name, items in rec.meta.items():
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            done = parse_date(item.get("done")) if isinstance(item, dict) else None
            if done is not None and done > closed:
                yield ctx.finding(rec, (name, i, "done"), "record-done-after-closed", item=f"{name}[{i}]",
                                  done=done, closed=closed)


def _references(ctx: CheckContext, rec: Document, clauses: dict[str, Container[str]]) -> Iterator[Finding]:
    known = ctx.repo.records_by_id
    refs: list[tuple[tuple[str | int, ...], object]] = [((k,), rec.meta.get(k)) for k in REFERENCES]
    findings = rec.meta.get("findings")
    if isinstance(findings, list):
        refs += [(("findings", i, "capa"), f.get("capa"))
                 for i, f in enumerate(findings) if isinstance(f, dict)]
    for key, ref in refs:
        if isinstance(ref, str) and ref not in known:
            yield ctx.finding(rec, key, "record-ref-unknown", ref=ref)
    for i, ref in enumerate(rec.ids("clauses")):
        doc_id, _, number = ref.partition("#")
        doc = ctx.repo.get(doc_id)
        if doc is not None and doc_id not in clauses:
            clauses[doc_id] = clause_numbers(doc.body)
        if doc is None or (number and number not in clauses[doc_id]):
            yield ctx.finding(rec, ("clauses", i), "record-clause-unknown", ref=ref)


def _measurement(ctx: CheckContext, rec: Document) -> Iterator[Finding]:
    if rec.meta.get("plan") is None:
        return  # the schema reports the missing field
    plan = ctx.repo.get(str(rec.meta.get("plan")))
    indicator = str(rec.meta.get("indicator"))
    found = {i.id: i for i in indicators_of(plan)} if plan else {}
    if not found:
        rule = "kpi-plan-unknown" if plan is None else "kpi-plan-no-indicators"
        yield ctx.finding(rec, ("plan",), rule, plan=rec.meta.get("plan"))
        return
    if rec.meta.get("indicator") is None:
        return
    if indicator not in found:
        yield ctx.finding(rec, ("indicator",), "kpi-indicator-unknown", plan=rec.meta.get("plan"),
                          indicator=indicator)
        return
    grain = found[indicator].period
    try:
        period = parse_period(str(rec.meta.get("period")))
    except Exception:  # the schema rule reports a malformed period
        return
    if grain_of(period) != grain:
        zh = {"year": "年度", "half": "半年", "quarter": "季度", "month": "月度"}
        yield ctx.finding(rec, ("period",), "kpi-period-grain", indicator=indicator, period=period.label,
                          grain=zh[grain] if ctx.lang != "en" else grain)
    yield from _unit(ctx, rec, found[indicator])
    yield from _value(ctx, rec, found[indicator].target.unit)


def _unit(ctx: CheckContext, rec: Document, ind: Indicator) -> Iterator[Finding]:
    """A ratio is measured in %, a count in a count unit (次, 条 or none): never the other way."""
    unit = rec.meta.get("unit")
    if not isinstance(unit, str) or unit_fits(ind, unit):
        return
    en = ctx.lang == "en"
    if ind.is_ratio:
        expected = "a ratio, measured in %" if en else "比率，单位应为 %"
    elif unit == "%":
        expected = "a count, not a percentage" if en else "计数（公式无除法），单位不应为 %"
    else:
        expected = f"a count in {ind.target.unit}" if en else f"计数，单位应为 {ind.target.unit}"
    yield ctx.finding(rec, ("unit",), "kpi-measurement-unit", unit=unit, indicator=ind.id, name=ind.name,
                      expected=expected)


def unit_fits(ind: Indicator, unit: str) -> bool:
    if ind.is_ratio:
        return unit in ("%", ind.target.unit)
    return unit != "%" and (unit == "" or ind.target.unit in ("", "%") or unit == ind.target.unit)


def _value(ctx: CheckContext, rec: Document, unit: str) -> Iterator[Finding]:
    num, den, value = rec.meta.get("numerator"), rec.meta.get("denominator"), rec.meta.get("value")
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (num, den, value))
    if not numbers or not den:
        return
    computed = num / den * (100 if unit == "%" else 1)
    if abs(computed - value) > 0.05:
        yield ctx.finding(rec, ("value",), "kpi-value-mismatch", value=value, computed=round(computed, 2))
