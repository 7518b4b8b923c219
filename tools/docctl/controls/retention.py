"""retention: record types are kept at least `at_least` (docctl.yml record_types.<type>.retention, and a
record's own `retention`): a policy's minimum ("保存期限不少于3年") against the configured periods.

`check` reports each shorter period where it is written; `comply` fails the control on the same facts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from docctl.config import Config
from docctl.controls.context import ComplyContext
from docctl.controls.model import FAIL, PASS, Control, ControlResult, Failure
from docctl.dates import Duration, parse_duration
from docctl.model import Document, Repository

_REFERENCE = date(2001, 3, 1)  # durations are compared by the day they reach from one fixed day


@dataclass(frozen=True)
class Short:
    record_type: str
    retention: Duration
    minimum: Duration
    record: Document | None = None  # a record's own retention; None: docctl.yml's


def record_types(control: Control) -> list[str]:
    names = control.get("records")
    return [str(n) for n in names] if isinstance(names, list) else [control.record] if control.record else []


def minimum(control: Control) -> Duration | None:
    text = control.get("at_least")
    return parse_duration(text) if isinstance(text, str) else None


def shorter(retention: Duration, least: Duration) -> bool:
    return retention.after(_REFERENCE) < least.after(_REFERENCE)


def short_retentions(control: Control, config: Config, records: list[Document]) -> list[Short]:
    least = minimum(control)
    if least is None:
        return []
    wanted = record_types(control)
    found = []
    for name in wanted:
        spec = config.record_types.get(name)
        if spec is not None and spec.retention is not None and shorter(spec.retention, least):
            found.append(Short(name, spec.retention, least))
    for rec in records:
        own = parse_duration(rec.text("retention") or "") if rec.type in wanted else None
        if own is not None and shorter(own, least):
            found.append(Short(rec.type, own, least, rec))
    return found


def own_records(control: Control, repo: Repository) -> list[Document]:
    """The records of the declaring policy's organization (a record's own retention overrides its type's)."""
    def org(name: str) -> str:
        found = repo.config.orgs_by_name.get(name)
        return found.name if found else name
    mine = org(control.doc.org)
    return [rec for rec in repo.records if rec.meta.get("retention") is not None and org(rec.org) == mine]


def evaluate(control: Control, ctx: ComplyContext) -> ControlResult:
    failures = tuple(Failure("retention-short-record" if s.record else "retention-short",
                             {"type": s.record_type, "retention": s.retention.text, "min": s.minimum.text},
                             s.record.id if s.record else "")
                     for s in short_retentions(control, ctx.repo.config, own_records(control, ctx.repo)))
    return ControlResult(control, FAIL if failures else PASS, (), failures)
