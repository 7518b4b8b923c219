"""Retention controls against docctl.yml: a record type kept shorter than a policy requires is an error
at the line of docctl.yml that sets it (or at a record's own `retention`)."""

from __future__ import annotations

from collections.abc import Iterator

from docctl.catalog import make_finding
from docctl.config import CONFIG_NAME
from docctl.controls.model import Control, controls_of
from docctl.controls.retention import Short, own_records, short_retentions
from docctl.findings import Finding
from docctl.inforce import in_force
from docctl.rules.context import CheckContext
from docctl.yamlsafe import parse


def check(ctx: CheckContext) -> Iterator[Finding]:
    controls = [c for doc in ctx.repo.documents if in_force(doc) is not None
                for c in controls_of(doc) if c.kind == "retention"]
    if not controls:
        return
    places = _config_places(ctx)
    for control in controls:
        for short in short_retentions(control, ctx.config, own_records(control, ctx.repo)):
            yield _finding(ctx, control, short, places)


def _finding(ctx: CheckContext, control: Control, short: Short,
             places: dict[tuple[str | int, ...], tuple[int, int]]) -> Finding:
    args = {"type": short.record_type, "retention": short.retention.text, "min": short.minimum.text,
            "policy": control.doc.id, "clause": control.clause, "id": control.id}
    if short.record is not None:
        return ctx.finding(short.record, ("retention",), "record-retention-short", **args)
    line, col = places.get(("record_types", short.record_type, "retention"), (0, 0))
    return make_finding(ctx.lang, CONFIG_NAME, line + 1, col + 1, "control-retention-short", None, **args)


def _config_places(ctx: CheckContext) -> dict[tuple[str | int, ...], tuple[int, int]]:
    try:
        text = ctx.config.path(CONFIG_NAME).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    return dict(parse(text).values)
