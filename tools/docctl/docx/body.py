"""The body of an imported document: pandoc (docx → gfm) under a memory cap, then tidy Markdown."""

from __future__ import annotations

import re
from pathlib import Path

from docctl.docx import pandoc

PANDOC_LIMITS = ["+RTS", "-M300m", "-RTS"]
ORDERED = re.compile(r"^(\s*)(\d+)\.\s{2,}")
BULLET = re.compile(r"^(\s*)-\s{2,}")
TYPED_ITEM = re.compile(r"^(\d+)\\\.\s+")
TYPED_BULLET = re.compile(r"^[•·●▪■◆◇○◦‣∙]\s*(?=\S)")
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
    previous: str | None = None     # the kind of typed item the last non-empty line was
    for raw in markdown.splitlines():
        line = EMPTY_ANCHOR.sub("", raw).rstrip()
        kind = "ordered" if TYPED_ITEM.match(line) else "bullet" if TYPED_BULLET.match(line) else None
        line = TYPED_BULLET.sub("- ", TYPED_ITEM.sub(r"\1. ", line))
        line = ORDERED.sub(r"\1\2. ", line)
        line = BULLET.sub(r"\1- ", line)
        line = TYPED_HEADING.sub(r"\1 ", line)
        if kind and kind == previous and lines and lines[-1] == "":
            lines.pop()     # typed items of one list, one paragraph each in Word: one Markdown list
        lines.append(line)
        if line:
            previous = kind
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text) + "\n"
