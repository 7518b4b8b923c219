"""Clause numbers of a document, counted from its Markdown headings (# 1, ## 1.1, ### 1.1.1).

The seeds number their headings by hand ("7.3.1 内审要求"); the Markdown keeps the structure and drops
the typed numbers, so the number of a clause is its position in the heading tree. Code blocks are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_STARTS = frozenset("#`~ \t")  # only such lines can be headings or fences


@dataclass(frozen=True)
class Clause:
    number: str
    title: str
    level: int
    line: int  # 1-based line in the file


def clauses_of(body: str, body_line: int = 1) -> tuple[Clause, ...]:
    """Every heading of a Markdown body with its clause number, in order."""
    return _clauses(body, body_line)


@lru_cache(maxsize=256)
def _clauses(body: str, body_line: int) -> tuple[Clause, ...]:
    counters: list[int] = []
    result: list[Clause] = []
    fenced = False
    for offset, line in enumerate(body.splitlines()):
        if not line or line[0] not in _STARTS:
            continue
        if _FENCE.match(line):
            fenced = not fenced
            continue
        m = None if fenced else _HEADING.match(line)
        if not m:
            continue
        level = len(m.group(1))
        del counters[level:]
        counters.extend([0] * (level - len(counters)))
        counters[level - 1] += 1
        number = ".".join(str(c) for c in counters)
        result.append(Clause(number, m.group(2), level, body_line + offset))
    return tuple(result)


def clause_map(body: str, body_line: int = 1) -> dict[str, Clause]:
    return {c.number: c for c in clauses_of(body, body_line)}
