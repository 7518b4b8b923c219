"""`docctl revise ID --change "说明" [--major] [--author NAME]`."""

from __future__ import annotations

import argparse

from docctl.cli.common import Command, repository_config
from docctl.cli.say import say
from docctl.revisions import revise


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", metavar="ID")
    p.add_argument("--change", required=True, help="修订说明 / what this revision changes")
    p.add_argument("--major", action="store_true", help="大版本（1.0 → 2.0） / major version")
    p.add_argument(
        "--author", help="本版本编制人（默认沿用） / author of the new version (default: unchanged)"
    )


def run(args: argparse.Namespace) -> int:
    config = repository_config(args)
    out = revise(config, args.id, args.change, args.major, args.author)
    say(
        config.lang,
        f"{out.doc_id}：已开启修订版本 {out.version}（草稿）",
        f"{out.doc_id}: version {out.version} opened as a draft",
    )
    return 0


COMMAND = Command("revise", "开启新版本修订 / open the next version as a draft", configure, run)
