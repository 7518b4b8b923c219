"""`docctl import FILE.docx [...] [--out DIR] [--force]`: legacy Word policies → controlled Markdown."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from docctl.cli.common import Command, language, write
from docctl.cli.export import started_in
from docctl.docx.importer import import_docx
from docctl.errors import DocctlError
from docctl.findings import Finding


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", type=Path, metavar="FILE.docx", help="Word 文件 / Word files")
    p.add_argument("--out", type=Path, default=Path("."), help="输出目录 / output folder (default .)")
    p.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite existing files")


def run(args: argparse.Namespace) -> int:
    """Exit 0 all clean, 1 imported with warnings, 2 a file refused (the others are still imported)."""
    status = 0
    lang = language(args, "zh")
    out = started_in(args, args.out)
    for name in args.files:
        try:
            result = import_docx(started_in(args, name), out, lang=lang, overwrite=args.force)
        except DocctlError as exc:
            sys.stderr.write(f"docctl: {exc}\n")
            status = 2
            continue
        write(f"{result.path}\n")
        sys.stderr.write("".join(_lines(replace(f, path=str(name)), lang) for f in result.findings))
        if result.findings and status == 0:
            status = 1
    return status


def _lines(f: Finding, lang: str) -> str:
    hint = f"    {'hint' if lang == 'en' else '提示'}: {f.hint}\n" if f.hint else ""
    return f"{f.location()}: {f.severity.value} {f.rule}: {f.message}\n{hint}"


COMMAND = Command("import", "导入旧版 Word 制度为受控 Markdown / import legacy Word policies", configure, run)
