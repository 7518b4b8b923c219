"""`docctl obsolete ID --reason TEXT [--as NAME] [--by OTHER]`."""

from __future__ import annotations

import argparse

from docctl.cli.common import Command, repository_config, roster_name_from_git
from docctl.cli.say import say
from docctl.revisions import Withdrawal, withdraw


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", metavar="ID")
    p.add_argument("--by", metavar="OTHER", help="替代它的文件编号 / the document that replaces it")
    p.add_argument(
        "--as",
        dest="signer",
        metavar="NAME",
        help="作废的批准人（默认按 git user.email 查名册） / approver who withdraws it "
        "(default: roster entry of git user.email)",
    )
    p.add_argument("--reason", required=True, metavar="TEXT", help="作废原因 / why it is withdrawn")


def run(args: argparse.Namespace) -> int:
    config = repository_config(args)
    signer = args.signer or roster_name_from_git(config, "--as", "作废的批准人")
    out = withdraw(config, args.id, Withdrawal(signer, args.reason, args.by))
    if args.by:
        say(
            config.lang,
            f"{out.doc_id} 已被 {args.by} 替代（{signer}）",
            f"{out.doc_id} is superseded by {args.by} ({signer})",
        )
    else:
        say(config.lang, f"{out.doc_id} 已作废（{signer}）", f"{out.doc_id} is withdrawn by {signer}")
    if out.detail:
        say(
            config.lang,
            f"注意：现行文件 {out.detail} 仍在 related 中引用它（docctl check 会报告）",
            f"note: the effective documents {out.detail} still list it in related (docctl check reports it)",
        )
    return 0


COMMAND = Command("obsolete", "作废或以他文件替代 / withdraw a document, or mark it replaced", configure, run)
