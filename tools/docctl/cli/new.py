"""`docctl new TYPE --title T [--org O] [--department D] [--author NAME]`."""

from __future__ import annotations

import argparse

from docctl.cli.common import Command, repository_config
from docctl.cli.say import say
from docctl.creating import create
from docctl.errors import UsageError
from docctl.git import configured_email


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
    author = args.author or _author_from_git(config)
    out = create(config, args.type, args.title, args.org, args.department, author, args.change)
    say(
        config.lang,
        f"已创建 {out.path}：{out.doc_id} 版本 {out.version}，状态 草稿",
        f"created {out.path}: {out.doc_id} version {out.version}, status draft",
    )
    return 0


def _author_from_git(config: object) -> str:
    from docctl.config import Config

    assert isinstance(config, Config)
    email = configured_email(config.root)
    found = config.people_by_email.get(email.lower()) if email else None
    if found is None:
        raise UsageError(
            "请用 --author 指定编制人（git user.email 不在名册中） / "
            "give --author (git user.email is not on the roster)"
        )
    return found.name


COMMAND = Command("new", "新建受控文件草稿 / start a new controlled document", configure, run)
