"""Where in a Word file a value was read, for import findings.

A finding on a DOCX has `path:line:col` with `line` the position of the paragraph or table in the body
(paragraphs and tables counted together, in document order, from 1) and `col` the table column; the
message names the place the way a Word user finds it: 第 3 段 / 表格 2 第 3 行第 4 列 / 页眉 / 文档属性."""

from __future__ import annotations

from typing import Any

Place = dict[str, Any]   # JSON-able: it crosses the boundary of the child process that reads the file

HEADER: Place = {"part": "header"}
CORE: Place = {"part": "core"}
FILE_NAME: Place = {"part": "name"}
WHOLE: Place = {"part": "file"}

NAMED = {"header": ("页眉", "the page header"), "core": ("文档属性", "the document properties"),
         "name": ("文件名", "the file name"), "file": ("全文", "the whole file")}


def paragraph(block: int, number: int) -> Place:
    return {"part": "para", "block": block, "n": number}


def cell(block: int, number: int, row: int, col: int) -> Place:
    return {"part": "table", "block": block, "n": number, "row": row, "col": col}


def describe(place: Place, lang: str) -> str:
    zh = lang != "en"
    part = place["part"]
    if part == "para":
        return f"第 {place['n']} 段" if zh else f"paragraph {place['n']}"
    if part == "table":
        if zh:
            return f"表格 {place['n']} 第 {place['row']} 行第 {place['col']} 列"
        return f"table {place['n']}, row {place['row']}, column {place['col']}"
    return NAMED[part][0 if zh else 1]


def position(place: Place) -> tuple[int, int]:
    """The finding's line and column: the body block and the table column (1:1 outside the body)."""
    return int(place.get("block", 1)), int(place.get("col", 1))
