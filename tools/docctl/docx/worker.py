"""Child process of `docctl import`: limits itself (CPU time, memory), then parses one DOCX.

Usage: python -m docctl.docx.worker SOURCE CLEANED; prints a JSON object, or {"error": ...}.

The limits can be lowered (never raised) through DOCCTL_IMPORT_CPU_SECONDS and DOCCTL_IMPORT_MEMORY_MB,
for tests that make a legal but large document exceed them."""

from __future__ import annotations

import json
import os
import resource
import sys
from pathlib import Path

CPU_SECONDS = 30
MEMORY_MB = 768


def _lowered(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return min(int(value), default) if value.isdigit() and int(value) > 0 else default


def limits() -> tuple[int, int]:
    """CPU seconds and megabytes of address space the child may use."""
    return _lowered("DOCCTL_IMPORT_CPU_SECONDS", CPU_SECONDS), _lowered("DOCCTL_IMPORT_MEMORY_MB", MEMORY_MB)


def limit() -> None:
    """SIGXCPU at the CPU limit (the hard limit, a second later, is SIGKILL); MemoryError at the memory
    limit; no core file when killed."""
    cpu, memory = limits()
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory * 1024 * 1024, memory * 1024 * 1024))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _out_of_memory(message: str) -> bool:
    """libxml2 that cannot allocate says so, or says nothing ('unknown error', line 0)."""
    return "memory" in message.lower() or message.startswith("unknown error")


def main(argv: list[str]) -> int:
    limit()
    try:
        from lxml import etree

        from docctl.docx.legacy import extract
    except MemoryError:
        sys.stdout.write(json.dumps({"error": "MemoryError", "limit": "memory"}))
        return 0
    try:
        result = extract(Path(argv[0]), Path(argv[1]))
    except MemoryError:
        result = {"error": "MemoryError", "limit": "memory"}
    except (etree.XMLSyntaxError, KeyError, ValueError) as exc:
        result = {"error": f"{type(exc).__name__}: {exc}"}
        if isinstance(exc, etree.XMLSyntaxError) and _out_of_memory(str(exc)):
            result["limit"] = "memory"
    sys.stdout.write(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
