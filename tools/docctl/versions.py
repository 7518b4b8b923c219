"""Document versions: MAJOR.MINOR strings, compared as numbers (1.10 > 1.9)."""

from __future__ import annotations

import re

_VERSION = re.compile(r"^(\d+)\.(\d+)$")


def parse_version(text: str | None) -> tuple[int, int] | None:
    m = _VERSION.match(text) if isinstance(text, str) else None
    return (int(m.group(1)), int(m.group(2))) if m else None


def next_version(text: str, major: bool = False) -> str:
    parsed = parse_version(text) or (0, 0)
    return f"{parsed[0] + 1}.0" if major else f"{parsed[0]}.{parsed[1] + 1}"
