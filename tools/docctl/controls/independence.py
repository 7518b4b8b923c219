"""independence: two fields must differ (an auditor does not audit their own department or work)."""

from __future__ import annotations

from typing import Any

from docctl.controls.context import ComplyContext, in_period, select
from docctl.controls.model import ERROR, Control, ControlResult, Failure, outcome
from docctl.fields import get_path, is_empty
from docctl.model import Document


def evaluate(control: Control, ctx: ComplyContext) -> ControlResult:
    records, problems = select(control, ctx)
    if problems:
        return ControlResult(control, ERROR, (), tuple(problems))
    evidence: list[Document] = []
    failures: list[Failure] = []
    for rec in records:
        if not in_period(rec, ctx):
            continue
        compared = False
        for where, item in _items(rec, control.get("each")):
            left = _names(item, str(control.get("left")))
            right = _names(item, str(control.get("right")))
            if not left or not right:
                continue
            compare = str(control.get("compare", "value"))
            unknown = _unknown(rec, control, where, left, right, ctx) if compare == "department" else []
            if unknown:
                failures.extend(unknown)  # that item cannot be compared: not a pass
                continue
            compared = True
            overlap = _overlap(left, right, compare, ctx)
            if overlap:
                failures.append(Failure("independence", {
                    "where": where, "left": control.get("left"), "right": control.get("right"),
                    "lvalue": "、".join(left), "rvalue": "、".join(right),
                    "overlap": "、".join(overlap)}, rec.id))
        if compared:
            evidence.append(rec)
    return ControlResult(control, outcome(evidence, failures), tuple(evidence), tuple(failures))


def _items(rec: Document, each: Any) -> list[tuple[str, Any]]:
    if not each:
        return [("", rec.meta)]  # `where` is a prefix of the reason, empty for the record itself
    items = get_path(rec.meta, str(each))
    if not isinstance(items, list):
        return []
    return [(f"{each}[{i}] ", item) for i, item in enumerate(items) if isinstance(item, dict)]


def _names(item: Any, path: str) -> list[str]:
    value = get_path(item, path)
    if is_empty(value):
        return []
    values = value if isinstance(value, list) else [value]
    return [str(v) for v in values if v is not None]


def _unknown(rec: Document, control: Control, where: str, left: list[str], right: list[str],
             ctx: ComplyContext) -> list[Failure]:
    """Departments are compared only for people on the roster and departments of the organization."""
    failures = [Failure("cannot-person", {"where": where, "field": control.get("left"), "name": name}, rec.id)
                for name in left if name not in ctx.repo.config.people_by_name]
    known = ctx.departments_of_org(rec.org)
    failures += [Failure("cannot-department", {"where": where, "field": control.get("right"), "name": name,
                                               "org": rec.org, "known": "、".join(known)}, rec.id)
                 for name in right if known and name not in known]
    return failures


def _overlap(left: list[str], right: list[str], compare: str, ctx: ComplyContext) -> list[str]:
    if compare == "department":
        mine = {d for name in left for d in ctx.departments_of(name)}
        return sorted(mine & set(right))
    return sorted(set(left) & set(right))
