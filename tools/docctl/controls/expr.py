"""Conditions in controls are CEL expressions over the record `r`;
common-expression-language (Rust-backed) evaluates them."""

from __future__ import annotations

import ast
import re
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


def holds(source: str, meta: dict[str, Any], policy: dict[str, Any] | None = None) -> bool:
    """Evaluate a condition for one record's front matter (`r`; `policy` is the front matter of the
    policy declaring the control, when given); a non-boolean answer is an error."""
    program = compile_cel(source)
    try:
        result = program.execute({"r": meta} if policy is None else {"r": meta, "policy": policy})
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


# The binding gives no syntax tree (Program.references() names only variables and functions), so the
# fields a condition reads are found by tokenizing it: string literals are skipped whole (r"…" is a raw
# string, not the record), and the record is the identifier `r` not preceded by a dot.
_TOKEN = re.compile(r"""
    (?P<str>(?:[rR][bB]?|[bB][rR]?)?(?:\"\"\"(?:\\.|[^\\])*?\"\"\"|\'\'\'(?:\\.|[^\\])*?\'\'\'
            |"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'))
  | (?P<id>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<ws>\s+)
  | (?P<other>.)""", re.VERBOSE | re.DOTALL)


def field_references(source: str, var: str = "r") -> list[str]:
    """The top-level fields of `var` an expression reads: `r.x`, `r["x"]`, `r.x.y` give x, in order."""
    tokens = [(m.lastgroup or "", m.group()) for m in _TOKEN.finditer(source) if m.lastgroup != "ws"]
    found: list[str] = []
    for i, (kind, text) in enumerate(tokens):
        if kind != "id" or text != var or (i and tokens[i - 1][1] == "."):
            continue
        after = tokens[i + 1:i + 4]
        if len(after) >= 2 and after[0][1] == "." and after[1][0] == "id":
            found.append(after[1][1])
        elif len(after) == 3 and after[0][1] == "[" and after[1][0] == "str" and after[2][1] == "]":
            found.append(_literal(after[1][1]))
    return found


def _literal(text: str) -> str:
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text.strip("'\"rRbB")
    return value if isinstance(value, str) else str(value)
