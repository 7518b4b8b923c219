"""`docctl release ID [--effective DATE]`."""

from __future__ import annotations

import argparse

from docctl.cli.common import Command, repository_config
from docctl.cli.say import parse_day, say
from docctl.revisions import release


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", metavar="ID")
    p.add_argument(
        "--effective", metavar="DATE", help="实施日期（默认今天） / effective date (default today)"
    )


def run(args: argparse.Namespace) -> int:
    config = repository_config(args)
    out = release(config, args.id, parse_day(args.effective, "--effective"))
    say(
        config.lang,
        f"{out.doc_id} 版本 {out.version} 自 {out.detail} 起实施；此前版本即被替代",
        f"{out.doc_id} version {out.version} is effective from {out.detail}; the previous version is "
        "superseded",
    )
    return 0


COMMAND = Command("release", "发布已批准的版本 / make the approved version effective", configure, run)
