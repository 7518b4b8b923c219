"""`docctl codeowners [--check]`: write .github/CODEOWNERS from the roster."""

from __future__ import annotations

import argparse

from docctl.cli.common import Command, repository_config
from docctl.cli.say import say
from docctl.codeowners import codeowners
from docctl.editing import write_atomic
from docctl.load import load_repository

TARGET = (".github", "CODEOWNERS")


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--check", action="store_true", help="只检查是否最新（不写） / only check it is up to date"
    )


def run(args: argparse.Namespace) -> int:
    config = repository_config(args)
    text, orphans = codeowners(load_repository(config))
    path = config.path(*TARGET)
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if orphans:
        say(
            config.lang,
            f"注意：{'、'.join(orphans)} 的批准人没有 github 账号（docctl.yml people.github）",
            f"note: no approver of {', '.join(orphans)} has a github account (docctl.yml people.github)",
        )
    if args.check:
        stale = current != text
        say(
            config.lang,
            ".github/CODEOWNERS 需要更新：docctl codeowners" if stale else ".github/CODEOWNERS 是最新的",
            ".github/CODEOWNERS is out of date: run docctl codeowners"
            if stale
            else ".github/CODEOWNERS is up to date",
        )
        return 1 if stale else 0
    if current != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"))
    say(config.lang, "已写入 .github/CODEOWNERS", "wrote .github/CODEOWNERS")
    return 0


COMMAND = Command(
    "codeowners", "依名册生成 CODEOWNERS / write .github/CODEOWNERS from the roster", configure, run
)
