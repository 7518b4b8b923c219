"""Drop the indentation MkDocs templates leave in every page (about a fifth of a small page).

Only whitespace at the start of lines and empty lines go, outside <pre>, <textarea> and <script>; a line
break stays a line break, so what the browser shows does not change.
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")


def compact(html: str) -> str:
    parts = _KEEP.split(html)
    out: list[str] = []
    # split() yields text, whole kept element, tag name, text, ...
    for index in range(0, len(parts), 3):
        out.append(_INDENT.sub("\n", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)
