"""Small helpers that write safe Markdown: escaped table cells, tables, links, shifted headings."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Sequence

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})(\s)")


WIDE = "---\nhide:\n  - toc\nsearch:\n  exclude: true\n---\n"
"""Front matter of a listing page: full width (no table of contents) and left out of the search index,
which then points at the documents themselves instead of the lists that repeat them."""


NO_TOC = "---\nhide:\n  - toc\n---\n"
"""Front matter of a page with no headings for a sidebar (dashboards): full width, still searched."""


def escape(text: object) -> str:
    """Plain text made safe inside a Markdown paragraph or table cell."""
    value = "" if text is None else str(text)
    value = _SPECIAL.sub(r"\\\1", value.replace("&", "&amp;"))
    return " ".join(value.split())


def href(from_path: str, to_path: str, anchor: str = "") -> str:
    """The relative URL of one site page from another, so it works from file:// too."""
    target = posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
    return f"{target}{'#' + anchor if anchor else ''}"


def link(label: str, from_path: str, to_path: str, anchor: str = "") -> str:
    """A Markdown link between two site pages, relative so it works from file:// too."""
    return f"[{escape(label)}]({href(from_path, to_path, anchor)})"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A pipe table; cells must already be escaped Markdown."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(cell or " " for cell in row) + " |" for row in rows)
    return "\n".join(lines) + "\n"


def shift_headings(body: str, levels: int = 1) -> str:
    """Demote ATX headings outside fenced code, so the page keeps one H1 (its title)."""
    out: list[str] = []
    fence = ""
    for line in body.split("\n"):
        match = _FENCE.match(line)
        if match and (not fence or match.group(1).startswith(fence)):
            fence = "" if fence else match.group(1)[:3]
        elif not fence:
            line = _HEADING.sub(lambda m: "#" * min(len(m.group(1)) + levels, 6) + m.group(2), line)
        out.append(line)
    return "\n".join(out)
