"""required-when: fields that must be filled once a record is in a state (a CEL condition)."""

from __future__ import annotations

from docctl.controls.context import ComplyContext
from docctl.controls.each import judge_each
from docctl.controls.model import Control, ControlResult, Failure, Fields
from docctl.fields import get_path, is_empty
from docctl.model import Document


def evaluate(control: Control, ctx: ComplyContext) -> ControlResult:
    when = str(control.get("when"))
    fields = [str(f) for f in control.get("fields") or []]

    def judge(rec: Document) -> tuple[bool, Failure | None]:
        if not ctx.holds(when, rec):
            return False, None
        missing = [f for f in fields if is_empty(get_path(rec.meta, f))]
        if not missing:
            return True, None
        args = {"title": control.title or control.id, "when": when, "fields": Fields(control.record, tuple(missing))}
        return True, Failure("required-missing", args, rec.id)

    return judge_each(control, ctx, when, judge)
