"""Controls declared in policies: clause exists, ids unique, record types and fields known, CEL compiles.

`control_findings` pairs each finding with its control: `comply` reuses it, so a control `check`
rejects is reported as "cannot be evaluated" with the same message instead of being evaluated.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from docctl.catalog import make_finding
from docctl.clauses import clause_numbers
from docctl.controls.expr import ExpressionError, compile_cel, field_references
from docctl.controls.model import Control, controls_of
from docctl.findings import Finding
from docctl.kpi.indicators import indicators_of
from docctl.rules.context import CheckContext
from docctl.rules.schema import schema_name

EXPRESSIONS = ("where", "when", "require")
FIELDS = ("from", "to", "date", "each", "items", "due")


def check(ctx: CheckContext) -> Iterator[Finding]:
    for _control, finding in control_findings(ctx):
        yield finding


def control_findings(ctx: CheckContext) -> Iterator[tuple[Control, Finding]]:
    for doc in ctx.repo.documents:
        controls = controls_of(doc)
        if not controls:
            continue
        numbers = clause_numbers(doc.body)
        seen: set[str] = set()
        for control in controls:
            for finding in _one(ctx, control, numbers, seen):
                yield control, finding
            seen.add(control.id)


def _one(ctx: CheckContext, control: Control, numbers: Container[str], seen: set[str]) -> Iterator[Finding]:
    if control.id in seen:
        yield _finding(ctx, control, ("id",), "control-id-duplicate")
    if control.clause and control.clause not in numbers:
        yield _finding(ctx, control, ("clause",), "control-clause-unknown", clause=control.clause)
    yield from _expressions(ctx, control)
    yield from _record(ctx, control)
    if control.kind == "kpi-target":
        yield from _plan(ctx, control)


def _finding(ctx: CheckContext, control: Control, key: tuple[str | int, ...], rule: str,
             **args: object) -> Finding:
    return ctx.finding(control.doc, ("controls", control.index, *key), rule, id=control.id, **args)


def _expressions(ctx: CheckContext, control: Control) -> Iterator[Finding]:
    for name in EXPRESSIONS:
        source = control.get(name)
        if isinstance(source, str):
            try:
                compile_cel(source)
            except ExpressionError as exc:
                line, col = _error_place(control, name, source, exc)
                yield make_finding(ctx.lang, control.doc.path, line, col, "control-expression", id=control.id,
                                   error=exc.problem.text(ctx.lang))


def _record_list(ctx: CheckContext, control: Control) -> Iterator[Finding]:
    """`records: [type, …]` (retention): each names a record type with a schema."""
    names = control.get("records")
    allowed = sorted(n.removeprefix("records/") for n in ctx.schemas.schemas if n.startswith("records/"))
    for i, name in enumerate(names if isinstance(names, list) else []):
        if isinstance(name, str) and name not in allowed:
            yield _finding(ctx, control, ("records", i), "control-record-unknown", record=name,
                           allowed=", ".join(allowed))


def _error_place(control: Control, name: str, source: str, exc: ExpressionError) -> tuple[int, int]:
    """Where in the file the library's error column is: exact when the expression stands on one line
    as written (plain or quoted without escapes), else the start of the value."""
    line, col = control.where(name)
    args = exc.problem.args
    if "col" not in args or int(args.get("line", 1)) != 1 or "\n" in source:
        return line, col
    lines = control.doc.front.splitlines()
    index = line - control.doc.front_line
    text = lines[index] if 0 <= index < len(lines) else ""
    start = col - 1
    if text[start:start + len(source)] != source:
        start += 1  # a quoted value: the expression starts after the quote
        if text[start:start + len(source)] != source:
            return line, col
    return line, start + int(args["col"])


def _record(ctx: CheckContext, control: Control) -> Iterator[Finding]:
    yield from _record_list(ctx, control)
    if not control.record:
        return
    schema = f"records/{control.record}"
    if schema not in ctx.schemas.schemas:
        allowed = ", ".join(sorted(n.removeprefix("records/") for n in ctx.schemas.schemas
                                   if n.startswith("records/")))
        yield _finding(ctx, control, ("record",), "control-record-unknown", record=control.record,
                       allowed=allowed)
        return
    known = set(ctx.schemas.known_keys(schema)) | _base_keys(ctx)
    for key, path in _field_paths(control):
        if str(path).split(".")[0] not in known:
            yield _finding(ctx, control, key, "control-field-unknown", field=path, record=control.record,
                           known=", ".join(sorted(known)))
    yield from _expression_fields(ctx, control, known)
    yield from _policy_fields(ctx, control)


def _field_paths(control: Control) -> list[tuple[tuple[str | int, ...], object]]:
    nested = ("due", "done") if control.get("items") else ()
    paths: list[tuple[tuple[str | int, ...], object]] = [
        ((k,), control.get(k)) for k in FIELDS if control.get(k) and k not in nested]
    if not control.get("each"):
        paths += [((k,), control.get(k)) for k in ("left", "right") if control.get(k)]
    paths += [(("fields", i), f) for i, f in enumerate(control.get("fields") or [])]
    return paths


def _expression_fields(ctx: CheckContext, control: Control, known: set[str]) -> Iterator[Finding]:
    """The fields an expression reads (r.x, r["x"], r.x.y) must be fields of the record type."""
    for name in EXPRESSIONS:
        source = control.get(name)
        if not isinstance(source, str):
            continue
        for ref in dict.fromkeys(field_references(source)):
            if ref not in known:
                yield _finding(ctx, control, (name,), "control-expression-field", field=ref, expr=source,
                               record=control.record, known=", ".join(sorted(known)))


def _policy_fields(ctx: CheckContext, control: Control) -> Iterator[Finding]:
    """`require` may read the declaring document as `policy`: only fields a document has."""
    source = control.get("require")
    if not isinstance(source, str):
        return
    name = schema_name(ctx, control.doc)
    known = set(ctx.schemas.known_keys(name)) if name else set()
    for ref in dict.fromkeys(field_references(source, "policy")):
        if known and ref not in known:
            yield _finding(ctx, control, ("require",), "control-policy-field", field=ref, expr=source,
                           known=", ".join(sorted(known)))


def _base_keys(ctx: CheckContext) -> set[str]:
    base = ctx.schemas.schemas.get("record", {}).get("$defs", {}).get("recordBase", {})
    return set(base.get("properties", {}))


def _plan(ctx: CheckContext, control: Control) -> Iterator[Finding]:
    plan_id = str(control.get("plan") or control.doc.id)
    plan = ctx.repo.get(plan_id)
    if plan is None or not indicators_of(plan):
        yield _finding(ctx, control, ("plan",), "control-plan-unknown", plan=plan_id)
