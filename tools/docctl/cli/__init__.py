"""The command line: `main(argv) -> int`, one small module per verb, all work done by the library."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Iterable, Sequence
from typing import Any

from docctl import __version__
from docctl.cli.common import Command
from docctl.cli.parser import Parser
from docctl.errors import DocctlError

# command name -> its module in docctl.cli (add one line per verb). A module, and the libraries it
# needs (GitPython, python-docx, ruamel.yaml, ...), is imported only when its command runs or for
# `docctl --help`: importing every verb cost `docctl check` 0.4 s of CPU on each run.
VERBS: dict[str, str] = {
    "check": "check",
    "export": "export",
    "copies": "copies",
    "import": "importdocx",
    "comply": "comply", "kpi": "kpi", "record": "record", "records": "records",
    "new": "new", "revise": "revise", "approve": "approve", "release": "release", "obsolete": "obsolete",
    "register": "register", "due": "due", "changes": "changes", "codeowners": "codeowners",
    "site": "site",
}
_GLOBAL_WITH_VALUE = ("-C", "--lang", "--today")


def command(name: str) -> Command:
    found: Command = importlib.import_module(f"docctl.cli.{VERBS[name]}").COMMAND
    return found


def __getattr__(name: str) -> Any:
    """`COMMANDS`: every command, for code that lists them all (imports every verb)."""
    if name == "COMMANDS":
        return tuple(command(n) for n in VERBS)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def build_parser(names: Iterable[str] | None = None) -> argparse.ArgumentParser:
    """The parser with the given commands (all of them by default)."""
    parser = Parser(
        prog="docctl", description="受控文件与制度即代码工具 / document control and policy-as-code",
        allow_abbrev=False)  # so that requested_command() reads the command line as argparse does
    parser.add_argument("--version", action="version", version=f"docctl {__version__}")
    _global_options(parser, None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in VERBS if names is None else names:
        cmd = command(name)
        p = sub.add_parser(cmd.name, help=cmd.help, description=cmd.help)
        cmd.configure(p)
        p.set_defaults(run=cmd.run)
        _global_options(p, argparse.SUPPRESS)
    return parser


def _global_options(parser: argparse.ArgumentParser, default: str | None) -> None:
    """-C, --lang and --today: before the command, and again after it (and after a sub-action such
    as `records due-for-disposal`), where they are left unset unless given — a value after the
    command wins over one before it."""
    parser.add_argument("-C", dest="directory", metavar="DIR", default=default,
                        help="在 DIR 中运行 / run as if started in DIR")
    parser.add_argument("--lang", choices=("zh", "en"), default=default, help="消息语言 / message language")
    parser.add_argument("--today", default=default, help=argparse.SUPPRESS)
    if default is None:
        return
    for action in parser._actions:  # noqa: SLF001 — argparse offers no public list of sub-parsers
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for nested in dict.fromkeys(action.choices.values()):
                _global_options(nested, default)


def requested_command(argv: Sequence[str]) -> str | None:
    """The command named on the command line, or None when there is none or help is asked for."""
    tokens = iter(argv)
    for token in tokens:
        if token in ("-h", "--help", "--version", "--"):
            return None
        if token in _GLOBAL_WITH_VALUE:
            next(tokens, None)
        elif not token.startswith("-"):
            return token if token in VERBS else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    wanted = requested_command(argv)
    parser = build_parser(None if wanted is None else [wanted])
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
