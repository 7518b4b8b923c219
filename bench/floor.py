"""The floor every `docctl check` timing is compared with: read every Markdown file of a corpus and
parse its front matter with PyYAML's C loader, nothing else.

    python bench/floor.py CORPUS
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def front_matter(text: str) -> str:
    if not text.startswith("---\n"):
        return ""
    end = text.find("\n---\n", 3)
    return text[4:end] if end >= 0 else ""


def floor(root: Path) -> int:
    count = 0
    for area in ("policies", "records"):
        for path in sorted((root / area).rglob("*.md")):
            data = yaml.load(front_matter(path.read_bytes().decode("utf-8")), Loader=yaml.CSafeLoader)
            count += isinstance(data, dict)
    return count


if __name__ == "__main__":
    print(floor(Path(sys.argv[1])))
