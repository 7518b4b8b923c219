"""Conditions in controls are CEL expressions over the record `r`;
common-expression-language (Rust-backed) evaluates them."""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

_SYNTAX = re.compile(r"ERROR: <input>:(\d+):(\d+): (?:Syntax error: )?([^\n]*)")
_UNDEFINED = re.compile(r"Undefined variable or function: '([^']*)'")
TYPE_NAMES = {"str": ("字符串", "a string"), "int": ("整数", "an integer"), "float": ("小数", "a number"),
              "list": ("列表", "a list"), "dict": ("映射", "a map"), "NoneType": ("null", "null"),
              "bytes": ("字节串", "bytes")}


@dataclass(frozen=True)
class Problem:
    """What is wrong with an expression, in both languages: `code` names a message of
    messages_records.EXPRESSION_PROBLEMS; `detail` is the library's own text, quoted at the end."""

    code: str
    args: Mapping[str, Any] = field(default_factory=dict)
    detail: str = ""

    def text(self, lang: str) -> str:
        from docctl.catalog import render
        from docctl.messages_records import EXPRESSION_PROBLEMS

        message = EXPRESSION_PROBLEMS[self.code]
        body = render(message.en if lang == "en" else message.zh, dict(self.args))
        if not self.detail:
            return body
        return f"{body} (CEL: \"{self.detail}\")" if lang == "en" else f"{body}（CEL：“{self.detail}”）"


class ExpressionError(Exception):
    """A CEL expression that does not compile, or does not evaluate to a boolean for a record."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.text("en"))
        self.problem = problem


@lru_cache(maxsize=1024)
def compile_cel(source: str) -> Any:
    import cel  # here, not at the top: importing it costs ~0.3 s, paid only when controls exist

    try:
        return cel.compile(source)
    except Exception as exc:  # the binding raises ValueError, or others for unsupported syntax
        raise ExpressionError(syntax_problem(str(exc))) from exc


def syntax_problem(text: str) -> Problem:
    """The first syntax error the library reports, with its line and column within the expression."""
    found = _SYNTAX.search(text)
    if found is None:
        return Problem("syntax", {}, _first_line(text))
    return Problem("syntax-at", {"line": int(found[1]), "col": int(found[2])}, found[3].strip())


def holds(source: str, meta: dict[str, Any], policy: dict[str, Any] | None = None) -> bool:
    """Evaluate a condition for one record's front matter (`r`; `policy` is the front matter of the
    policy declaring the control, when given); a non-boolean answer is an error."""
    program = compile_cel(source)
    try:
        result = program.execute({"r": meta} if policy is None else {"r": meta, "policy": policy})
    except Exception as exc:  # evaluation errors of the binding: type errors, unknown functions
        raise ExpressionError(runtime_problem(exc)) from exc
    if not isinstance(result, bool):
        zh, en = TYPE_NAMES.get(type(result).__name__, (type(result).__name__,) * 2)
        raise ExpressionError(Problem("not-boolean", {"type_zh": zh, "type_en": en}))
    return result


def runtime_problem(exc: BaseException) -> Problem:
    text = _first_line(exc)
    if isinstance(exc, KeyError):
        return Problem("no-field", {"field": str(exc.args[0]) if exc.args else text})
    if isinstance(exc, ZeroDivisionError):
        return Problem("division-by-zero", {}, text)
    undefined = _UNDEFINED.search(text)
    if undefined:
        return Problem("undefined", {"name": undefined[1]})
    if isinstance(exc, TypeError):
        return Problem("type", {}, text.split(". ")[0].rstrip(".") + ".")
    return Problem("runtime", {}, text)


def _first_line(exc: BaseException | str) -> str:
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
