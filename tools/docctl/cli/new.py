"""`docctl new TYPE --title T [--org O] [--department D] [--author NAME]`."""

from __future__ import annotations

import argparse

from docctl.cli.common import Command, repository_config, roster_name_from_git
from docctl.cli.say import say
from docctl.creating import create


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("type", metavar="TYPE", help="policy | procedure | plan | form | external")
    p.add_argument("--title", required=True, help="文件名称 / title")
    p.add_argument("--org", help="组织代码或名称 / organization code or name")
    p.add_argument("--department", help="编制部门 / owning department")
    p.add_argument(
        "--author",
        help="编制人（默认按 git user.email 查名册） / author (default: roster entry of git user.email)",
    )
    p.add_argument("--change", default="新建", help="履历说明 / history note (default 新建)")


def run(args: argparse.Namespace) -> int:
    config = repository_config(args)
    author = args.author or roster_name_from_git(config, "--author", "编制人")
    out = create(config, args.type, args.title, args.org, args.department, author, args.change)
    say(
        config.lang,
        f"已创建 {out.path}：{out.doc_id} 版本 {out.version}，状态 草稿",
        f"created {out.path}: {out.doc_id} version {out.version}, status draft",
    )
    return 0


COMMAND = Command("new", "新建受控文件草稿 / start a new controlled document", configure, run)
