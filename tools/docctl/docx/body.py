"""The body of an imported document: pandoc (docx → gfm) under a memory cap, then tidy Markdown."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docctl.docx import pandoc

PANDOC_LIMITS = ["+RTS", "-M300m", "-RTS"]
ORDERED = re.compile(r"^(\s*)(\d+)\.\s{2,}")
BULLET = re.compile(r"^(\s*)-\s{2,}")
TYPED_ITEM = re.compile(r"^(\d+)\\\.\s+")
TYPED_PAREN = re.compile(r"^(?:\\\(|\(|（)\s*(\d{1,2})\s*(?:\\\)|\)|）)\s*(?=\S)")
TYPED_CIRCLED = re.compile(r"^([\u2460-\u2473])\s*(?=\S)")
TYPED_BULLET = re.compile(r"^([•·●▪■◆◇○◦‣∙])\s*(?=\S)")
ITEM_KINDS = (("1.", TYPED_ITEM), ("(1)", TYPED_PAREN), ("①", TYPED_CIRCLED), ("•", TYPED_BULLET))
TYPED_HEADING = re.compile(r"^(#{1,6})\s+\d+(?:\s*\.\s*\d+)*\s*[.、]?\s+")
EMPTY_ANCHOR = re.compile(r'<span id="[^"]*"(?: class="anchor")?></span>')
COLGROUP = re.compile(r"^<colgroup>\n(?:<col [^>]*>\n)*</colgroup>\n", re.M)


def convert(cleaned: Path, timeout: float = 60) -> str:
    markdown = pandoc.run(["-f", "docx", "-t", "gfm", "--wrap=none", str(cleaned), *PANDOC_LIMITS],
                          timeout=timeout).decode("utf-8")
    return tidy(markdown)


def tidy(markdown: str) -> str:
    """Markdown as people write it. An HTML table (merged cells) loses its column widths: export sizes
    columns by their content, so widths read back from a DOCX would only change on every round trip."""
    markdown = COLGROUP.sub("", markdown)
    lines: list[str] = []
    items = TypedItems()
    for raw in markdown.splitlines():
        line = EMPTY_ANCHOR.sub("", raw).rstrip()
        line, joined = items.item(line)
        line = ORDERED.sub(r"\1\2. ", line)
        line = BULLET.sub(r"\1- ", line)
        line = TYPED_HEADING.sub(r"\1 ", line)
        if joined and lines and lines[-1] == "":
            lines.pop()     # typed items of one list, one paragraph each in Word: one Markdown list
        lines.append(line)
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text) + "\n"


def typed_item(line: str) -> tuple[str, str, str] | None:
    """The kind, Markdown marker and text of a typed list item: `1\\. x` → ("1.", "1. ", "x"),
    `\\(2\\) x` / `（2）x` → ("(1)", "2. ", "x"), `② x` → ("①", "2. ", "x"), `• x` → ("•", "- ", "x")."""
    for kind, pattern in ITEM_KINDS:
        m = pattern.match(line)
        if m:
            number = m.group(1)
            if kind == "•":
                return kind, "- ", line[m.end():]
            value = number if number.isascii() else str(ord(number) - ord("①") + 1)
            return kind, f"{value}. ", line[m.end():]
    return None


class TypedItems:
    """Typed list items, one Word paragraph each, as Markdown lists. The numbering kinds nest in the order
    a list first uses them (`1.` then `(1)` then `①` under it); returning to a kind returns to its level."""

    def __init__(self) -> None:
        self.stack: list[list[Any]] = []   # per level: kind, indent, width of its last item's marker

    def item(self, line: str) -> tuple[str, bool]:
        """The line in Markdown, and whether it continues the list of the item before it."""
        if not line:
            return line, False
        found = typed_item(line)
        if found is None:
            self.stack = []
            return line, False
        kind, marker, text = found
        kinds = [level[0] for level in self.stack]
        joined = True
        if kind in kinds:
            del self.stack[kinds.index(kind) + 1:]
        elif self.stack and "•" not in (kind, kinds[-1]):
            self.stack.append([kind, self.stack[-1][1] + self.stack[-1][2], 0])
        else:
            self.stack, joined = [[kind, 0, 0]], False
        self.stack[-1][2] = len(marker)
        return " " * self.stack[-1][1] + marker + text, joined
