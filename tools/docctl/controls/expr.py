"""Conditions in controls are CEL expressions over the record `r`;
common-expression-language (Rust-backed) evaluates them.."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


class ExpressionError(Exception):
    """A CEL expression that does not compile, or does not evaluate to a boolean for a record."""


@lru_cache(maxsize=1024)
def compile_cel(source: str) -> Any:
    import cel  # here, not at the top: importing it costs ~0.3 s, paid only when controls exist

    try:
        return cel.compile(source)
    except Exception as exc:  # the binding raises ValueError, or others for unsupported syntax
        raise ExpressionError(_first_line(exc)) from exc


def holds(source: str, meta: dict[str, Any]) -> bool:
    """Evaluate a condition for one record's front matter; a non-boolean answer is an error."""
    program = compile_cel(source)
    try:
        result = program.execute({"r": meta})
    except KeyError as exc:
        raise ExpressionError(f"no field {exc} in the record (use has(r.field) to test for it)") from exc
    except Exception as exc:  # evaluation errors of the binding: type errors, unknown functions
        raise ExpressionError(_first_line(exc)) from exc
    if not isinstance(result, bool):
        raise ExpressionError(f"the expression gives {type(result).__name__}, not a boolean")
    return result


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return " ".join(text.split())
