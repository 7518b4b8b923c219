"""`docctl check [PATH ...] [--format text|json|sarif] [--strict] [--base REF [--require-signed]]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from docctl.check import check_repository, select
from docctl.cli.common import Command, repository_config, write
from docctl.errors import UsageError
from docctl.findings import exit_status, sort_findings
from docctl.reporters import REPORTERS


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="只报告这些文件或目录 / report only these")
    p.add_argument("--format", choices=sorted(REPORTERS), default="text")
    p.add_argument("--strict", action="store_true", help="警告也算失败 / warnings fail too")
    p.add_argument("--base", metavar="REF",
                   help="与 git 基准比较（变更控制） / compare with a git base (change control)")
    p.add_argument("--require-signed", action="store_true",
                   help="签署提交须有签署人本人密钥的签名 / signature commits are signed by the signer's key")


def run(args: argparse.Namespace) -> int:
    if args.require_signed and not args.base:
        raise UsageError("--require-signed 需要 --base REF / --require-signed needs --base REF")
    config = repository_config(args)
    result = check_repository(config)
    findings = result.findings
    if args.base:
        from docctl.basecheck import check_against_base

        added = check_against_base(result.repo, args.base, args.require_signed)
        findings = sort_findings([*findings, *added])
    findings = select(findings, config.root, args.paths)
    write(REPORTERS[args.format](findings, result.files, config.lang))
    return exit_status(findings, args.strict)


COMMAND = Command("check", "检查所有受控文件和记录 / check every document and record", configure, run)
