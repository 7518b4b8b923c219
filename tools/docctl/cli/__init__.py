"""The command line: `main(argv) -> int`, one small module per verb, all work done by the library."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from docctl import __version__
from docctl.cli import (
    approve,
    changes,
    check,
    codeowners,
    comply,
    copies,
    due,
    export,
    importdocx,
    kpi,
    new,
    obsolete,
    record,
    records,
    register,
    release,
    revise,
    site,
)
from docctl.cli.common import Command
from docctl.errors import DocctlError

COMMANDS: tuple[Command, ...] = (
    check.COMMAND,
    export.COMMAND,
    copies.COMMAND,
    importdocx.COMMAND,
    comply.COMMAND, kpi.COMMAND, record.COMMAND, records.COMMAND,
    new.COMMAND, revise.COMMAND, approve.COMMAND, release.COMMAND, obsolete.COMMAND,
    register.COMMAND, due.COMMAND, changes.COMMAND, codeowners.COMMAND,
    site.COMMAND,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="docctl", description="受控文件与制度即代码工具 / document control and policy-as-code")
    parser.add_argument("--version", action="version", version=f"docctl {__version__}")
    parser.add_argument("-C", dest="directory", metavar="DIR", help="在 DIR 中运行 / run as if started in DIR")
    parser.add_argument("--lang", choices=("zh", "en"), help="消息语言 / message language")
    parser.add_argument("--today", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        p = sub.add_parser(command.name, help=command.help, description=command.help)
        command.configure(p)
        p.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return 0 if exc.code in (0, None) else 2
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.run(args))
    except DocctlError as exc:
        sys.stderr.write(f"docctl: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("docctl: interrupted\n")
        return 130
    except Exception as exc:  # the one place an internal bug is turned into exit 3
        if os.environ.get("DOCCTL_DEBUG"):
            traceback.print_exc()
        sys.stderr.write(f"docctl: internal error: {type(exc).__name__}: {exc} "
                         "(set DOCCTL_DEBUG=1 for details; please report it)\n")
        return 3


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
