"""`docctl approve ID --as NAME [--role reviewer|approver]`."""

from __future__ import annotations

import argparse

from docctl.cli.common import Command, repository_config
from docctl.cli.say import say
from docctl.revisions import sign


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", metavar="ID")
    p.add_argument("--as", dest="signer", required=True, metavar="NAME", help="签署人姓名 / signer's name")
    p.add_argument(
        "--role",
        choices=("reviewer", "approver"),
        help="签署含义：审核或批准（默认按状态） / meaning: review or approval (default by status)",
    )


def run(args: argparse.Namespace) -> int:
    config = repository_config(args)
    out = sign(config, args.id, args.signer, args.role)
    if out.status == "review":
        say(
            config.lang,
            f"{out.doc_id} 版本 {out.version}：{args.signer} 已审核",
            f"{out.doc_id} version {out.version}: reviewed by {args.signer}",
        )
    else:
        say(
            config.lang,
            f"{out.doc_id} 版本 {out.version}：{args.signer} 已批准，内容摘要 {out.detail}",
            f"{out.doc_id} version {out.version}: approved by {args.signer}, content digest {out.detail}",
        )
    return 0


COMMAND = Command(
    "approve", "审核或批准当前版本 / sign the current version as reviewer or approver", configure, run
)
