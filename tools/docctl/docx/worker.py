"""Child process of `docctl import`: limits itself (CPU time, memory), then parses one DOCX.

Usage: python -m docctl.docx.worker SOURCE CLEANED; prints a JSON object, or {"error": ...}."""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path

CPU_SECONDS = 30
MEMORY_BYTES = 768 * 1024 * 1024


def limit() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def main(argv: list[str]) -> int:
    limit()
    from lxml import etree

    from docctl.docx.legacy import extract

    try:
        result = extract(Path(argv[0]), Path(argv[1]))
    except (etree.XMLSyntaxError, KeyError, ValueError, MemoryError) as exc:
        result = {"error": f"{type(exc).__name__}: {exc}"}
    sys.stdout.write(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
