"""What evaluating controls needs: the records grouped once by (type, organization), the period, today."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from docctl.controls.expr import ExpressionError, holds
from docctl.controls.model import Control, Failure
from docctl.dates import parse_date
from docctl.fields import get_path
from docctl.model import Document, Repository
from docctl.periods import Period

INACTIVE = ("cancelled",)


@dataclass
class ComplyContext:
    repo: Repository
    period: Period
    selected: dict[tuple[str, str, str], tuple[list[Document], list[Failure]]] = field(default_factory=dict)
    answers: dict[tuple[str, int], bool] = field(default_factory=dict)
    days: dict[tuple[int, str], date | None] = field(default_factory=dict)

    @property
    def today(self) -> date:
        return self.repo.config.today

    def org_name(self, org: str) -> str:
        found = self.repo.config.orgs_by_name.get(org)
        return found.name if found else org

    @cached_property
    def groups(self) -> dict[tuple[str, str], list[Document]]:
        result: dict[tuple[str, str], list[Document]] = defaultdict(list)
        for rec in self.repo.records:
            if rec.status not in INACTIVE:
                result[(rec.type, self.org_name(rec.org))].append(rec)
        return result

    def records_for(self, control: Control) -> list[Document]:
        return self.groups.get((control.record, self.org_name(control.doc.org)), [])

    def holds(self, source: str, rec: Document) -> bool:
        """A CEL condition for one record, evaluated once per run (controls share conditions)."""
        key = (source, id(rec))
        if key not in self.answers:
            self.answers[key] = holds(source, rec.meta)
        return self.answers[key]

    def satisfies(self, source: str, rec: Document, policy: Document) -> bool:
        """A `require` expression over the record `r` and the declaring `policy` (not shared: it
        depends on the policy too)."""
        return holds(source, rec.meta, policy.meta)

    def day(self, rec: Document, path: str) -> date | None:
        key = (id(rec), path)
        if key not in self.days:
            self.days[key] = parse_date(get_path(rec.meta, path))
        return self.days[key]

    def departments_of_org(self, org: str) -> tuple[str, ...]:
        found = self.repo.config.orgs_by_name.get(org)
        return found.departments if found else ()

    def departments_of(self, name: str) -> tuple[str, ...]:
        person = self.repo.config.people_by_name.get(name)
        return person.departments if person else ()


def select(control: Control, ctx: ComplyContext) -> tuple[list[Document], list[Failure]]:
    """The records a control looks at: its type, its policy's organization, matching `where`.

    Controls of one organization often share a record type and condition: each is evaluated once."""
    key = (control.record, ctx.org_name(control.doc.org), str(control.get("where") or ""))
    if key not in ctx.selected:
        ctx.selected[key] = _select(control, ctx)
    return ctx.selected[key]


def _select(control: Control, ctx: ComplyContext) -> tuple[list[Document], list[Failure]]:
    records = ctx.records_for(control)
    where = control.get("where")
    if not where:
        return list(records), []
    chosen: list[Document] = []
    for rec in records:
        try:
            if ctx.holds(str(where), rec):
                chosen.append(rec)
        except ExpressionError as exc:
            return chosen, [Failure("cannot-evaluate", {"expr": where, "error": exc.problem}, rec.id)]
    return chosen, []


def in_period(rec: Document, ctx: ComplyContext) -> bool:
    """A record belongs to the period when it was dated or closed in it."""
    return dated_in(ctx.day(rec, "date"), ctx.day(rec, "closed"), ctx.period)


def record_in(rec: Document, period: Period) -> bool:
    """`in_period` without a context (the evidence inventory)."""
    return dated_in(parse_date(rec.meta.get("date")), parse_date(rec.meta.get("closed")), period)


def dated_in(opened: date | None, closed: date | None, period: Period) -> bool:
    return (opened is not None and opened in period) or (closed is not None and closed in period)
