"""The indicator table in a plan's text: 序号 | 指标域 | 指标名称 | 计算公式 | 考核要求 | 考核周期."""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADER = ("序号", "指标域", "指标名称", "计算公式", "考核要求", "考核周期")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_DELIMITER = re.compile(r"^\|?\s*:?-{3,}")


@dataclass(frozen=True)
class TableRow:
    line: int
    row: int
    domain: str
    name: str
    formula: str
    target: str
    period: str


def indicator_table(body: str, body_line: int = 1) -> list[TableRow]:
    """Rows of the first table whose header is HEADER; a blank 指标域 repeats the one above."""
    rows: list[TableRow] = []
    inside = False
    domain = ""
    for offset, raw in enumerate(body.splitlines()):
        line = raw.strip()
        if not line.startswith("|"):
            if inside:
                break
            continue
        cells = cells_of(line)
        if tuple(cells) == HEADER:
            inside = True
            continue
        if not inside or _DELIMITER.match(line) or len(cells) != len(HEADER) or not cells[0].isdigit():
            continue
        domain = cells[1] or domain
        rows.append(TableRow(body_line + offset, int(cells[0]), domain, *cells[2:]))
    return rows


def cells_of(line: str) -> list[str]:
    inner = line[1:-1] if line.endswith("|") else line[1:]
    return [cell.strip().replace("\\|", "|") for cell in _CELL_SPLIT.split(inner)]


def squeeze(text: str) -> str:
    """Compare texts without their spacing: `≥ 1` and `≥1`, `× 100 %` and `×100%`."""
    return re.sub(r"\s+", "", text)
