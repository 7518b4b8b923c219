"""`docctl obsolete ID [--by OTHER]`."""

from __future__ import annotations

import argparse

from docctl.cli.common import Command, repository_config
from docctl.cli.say import say
from docctl.revisions import withdraw


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", metavar="ID")
    p.add_argument("--by", metavar="OTHER", help="替代它的文件编号 / the document that replaces it")


def run(args: argparse.Namespace) -> int:
    config = repository_config(args)
    out = withdraw(config, args.id, args.by)
    if args.by:
        say(config.lang, f"{out.doc_id} 已被 {args.by} 替代", f"{out.doc_id} is superseded by {args.by}")
    else:
        say(config.lang, f"{out.doc_id} 已作废", f"{out.doc_id} is withdrawn")
    if out.detail:
        say(
            config.lang,
            f"注意：现行文件 {out.detail} 仍在 related 中引用它（docctl check 会报告）",
            f"note: the effective documents {out.detail} still list it in related (docctl check reports it)",
        )
    return 0


COMMAND = Command("obsolete", "作废或以他文件替代 / withdraw a document, or mark it replaced", configure, run)
