"""Documents as they were at a past commit, read fast: values only, no positions.

History needs many old copies of a file (the base of a pull request, each commit that may have
added a signature). They were checked when committed, so these are read with PyYAML's C safe
loader alone (~10× faster than the position-tracking loader), dates kept as ISO text exactly as
docctl.yamlsafe keeps them, so digests compare equal.
"""

from __future__ import annotations

from typing import Any

import yaml

from docctl.model import DOCUMENT, Document
from docctl.sourcefile import split

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    """The C safe loader, with timestamps left as the text they were written as."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: node.value)


def snapshot(text: str | None, path: str) -> Document | None:
    """The document in `text`, or None when it is absent or cannot be read."""
    if text is None:
        return None
    src = split(text.removeprefix("\ufeff").replace("\r\n", "\n"))
    if src.front is None:
        return None
    try:
        meta = yaml.load(src.front, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return None
    return (
        Document(path, DOCUMENT, meta, src.body, src.body_line, src.front_line)
        if isinstance(meta, dict)
        else None
    )
