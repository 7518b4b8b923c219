"""Which typed numbers of a body are headings. A typed `1. 受理事件` after the heading `2.1 服务台` does not
continue the headings' numbering (1, 2, 2.1, then 2.2 or 3): it starts a numbered list. A line the typed
目录 lists is a heading; a line that breaks the numbering stays a list item, and when no typed 目录 says
so, import says where it decided that (the decision is a reading of the numbering, not of the file)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from docctl.docx.typed import Headings, Typed, continues, item_number
from docctl.docx.wordxml import Block, Para


@dataclass
class Outline:
    headings: dict[int, Typed] = field(default_factory=dict)    # by block position
    notes: list[dict[str, Any]] = field(default_factory=list)   # list items told apart from headings


def outline(body: list[Block], typed: Headings, styled: bool) -> Outline:
    result = Outline()
    path: tuple[int, ...] | None = None     # the number of the last heading, None when not known
    item: tuple[int, ...] | None = None     # the number of the last list item of the current run
    part = 0                                # the level of the last heading that is not an article
    for block in body:
        if not isinstance(block, Para) or block.toc or not block.text.strip():
            continue
        found = typed.heading(block.text)
        if found and found.article:          # a titled article: one level below its chapter or section
            found = replace(found, level=min(part + 1, 6))
        if block.level:                      # a Word heading: its typed number, if any, is the path
            path = found.number if found and found.number else None
            if found:
                result.headings[block.block] = found
            item = None
        elif found is None or (styled and found.level == 1):
            item = item_number(block.text)   # a numbered sentence: an item of a list, if numbered
        elif _is_heading(found, block.text, typed, path, item):
            result.headings[block.block] = found
            path, item = found.number or path, None
        else:
            if item is None and not typed.listed and path is not None:
                result.notes.append({"rule": "import-typed-list", "place": block.place(),
                                     "text": block.text.strip(), "previous": ".".join(map(str, path))})
            item = found.number
        if not (found and found.article) and (block.level or block.block in result.headings):
            part = block.level or result.headings[block.block].level
    return result


def _is_heading(found: Typed, text: str, typed: Headings, path: tuple[int, ...] | None,
                item: tuple[int, ...] | None) -> bool:
    """Listed in the typed 目录, or continuing the headings' numbering and not the list just before
    (`3. 回访客户` right after the items `1.` and `2.` is the list's third item)."""
    if found.sure or not found.number or typed.listed_line(text):
        return True
    if item is not None and len(item) == len(found.number) and continues(item, found.number):
        return False
    return continues(path, found.number)
