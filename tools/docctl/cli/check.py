"""`docctl check [PATH ...] [--format text|json|sarif] [--strict]`: read-only, every fault in one pass."""

from __future__ import annotations

import argparse
from pathlib import Path

from docctl.check import check_repository, select
from docctl.cli.common import Command, repository_config, write
from docctl.findings import exit_status
from docctl.reporters import REPORTERS


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="只报告这些文件或目录 / report only these")
    p.add_argument("--format", choices=sorted(REPORTERS), default="text")
    p.add_argument("--strict", action="store_true", help="警告也算失败 / warnings fail too")


def run(args: argparse.Namespace) -> int:
    config = repository_config(args)
    result = check_repository(config)
    findings = select(result.findings, config.root, args.paths)
    write(REPORTERS[args.format](findings, result.files, config.lang))
    return exit_status(findings, args.strict)


COMMAND = Command("check", "检查所有受控文件和记录 / check every document and record", configure, run)
