"""condition: every record the control looks at (its type, `where`, dated or closed in the period)
satisfies the CEL expression `require`, over the record `r` and the declaring `policy`."""

from __future__ import annotations

from docctl.controls.context import ComplyContext
from docctl.controls.each import judge_each
from docctl.controls.model import Control, ControlResult, Failure
from docctl.model import Document


def evaluate(control: Control, ctx: ComplyContext) -> ControlResult:
    require = str(control.get("require"))
    args = {"title": control.title or control.id, "require": require}

    def judge(rec: Document) -> tuple[bool, Failure | None]:
        ok = ctx.satisfies(require, rec, control.doc)
        return True, None if ok else Failure("condition-false", args, rec.id)

    return judge_each(control, ctx, require, judge)
