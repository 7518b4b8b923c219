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
        result.append(Clause(_next_number(counters, level), m.group(2), level, body_line + offset))
    return tuple(result)


def _next_number(counters: list[int], level: int) -> str:
    """Count one more heading at `level` (1-based) and return its number: 1, 1.1, 1.0.1, ..."""
    del counters[level:]
    counters.extend([0] * (level - len(counters)))
    counters[level - 1] += 1
    return ".".join(map(str, counters))


def clause_numbers(body: str) -> frozenset[str]:
    """The clause numbers of a body (the keys of clause_map), for rules that only ask whether one exists."""
    if "```" in body or "~~~" in body:
        return frozenset(clause_map(body))
    counters: list[int] = []  # without code blocks, every line that starts with "#" and reads as a heading counts
    return frozenset([_next_number(counters, len(m.group(1)))
                      for line in body.splitlines() if line[:1] == "#" and (m := _HEADING.match(line))])


def clause_map(body: str, body_line: int = 1) -> dict[str, Clause]:
    return {c.number: c for c in clauses_of(body, body_line)}
