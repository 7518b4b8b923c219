"""Documents as they were at a past commit, read fast: values only, no positions.

History needs many old copies of a file (the base of a pull request, each commit that may have
added a signature). They were checked when committed, so they are read without positions, by the
loader `docctl check` uses (PyYAML's C parser, values built from a lookup table: 1.8× faster than
PyYAML's C safe loader with its Python constructors), dates kept as ISO text, so digests compare equal.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from docctl.model import DOCUMENT, Document
from docctl.sourcefile import split
from docctl.yamlsafe import FastLoader, parse

_CLOSING = re.compile(r"^(---|\.\.\.)[ \t]*$", re.MULTILINE)


def snapshot(text: str | None, path: str, kind: str = DOCUMENT) -> Document | None:
    """The document (or record, by `kind`) in `text`, or None when it is absent or cannot be read."""
    if text is None:
        return None
    src = split(text.removeprefix("\ufeff").replace("\r\n", "\n"))
    if src.front is None:
        return None
    meta = parse(src.front, positions=False).data  # the check's own loader: the same values, fastest
    return (
        Document(path, kind, meta, src.body, src.body_line, src.front_line)
        if isinstance(meta, dict)
        else None
    )


def signed_rows(text: str | None) -> dict[str, dict[str, str]]:
    """The history rows of a past copy, by version, scalars as text: only `history` is built.

    The C composer builds the node tree; constructing every value in Python would cost far more,
    and tracing a signature through many commits needs nothing but these rows.
    """
    block = _history_block(text or "")
    if not block:
        return {}
    try:
        root = yaml.compose(block, Loader=FastLoader)
    except yaml.YAMLError:
        return {}
    rows = _value(root, "history")
    if not isinstance(rows, yaml.SequenceNode):
        return {}
    result: dict[str, dict[str, str]] = {}
    for row in rows.value:
        if isinstance(row, yaml.MappingNode):
            fields = {
                k.value: v.value
                for k, v in row.value
                if isinstance(k, yaml.ScalarNode)
                and isinstance(v, yaml.ScalarNode)
                and v.tag != "tag:yaml.org,2002:null"
            }
            result.setdefault(fields.get("version", ""), fields)
    return result


def _history_block(text: str) -> str:
    """From the top-level `history:` line to the end of the front matter ("" when there is none)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return ""
    end = _CLOSING.search(text, 4)
    front = text[4 : end.start()] if end else ""
    start = front.find("\nhistory:")
    return front[start + 1 :] if start >= 0 else ""


def _value(node: Any, key: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None
