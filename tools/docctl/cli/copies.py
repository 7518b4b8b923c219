"""`docctl copies ID`: the controlled copies of a document that are out there (read-only)."""

from __future__ import annotations

import argparse

from docctl.cli.common import Command, repository_config, write
from docctl.docx.copies import issued
from docctl.errors import InputError
from docctl.load import load_repository


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", metavar="ID", help="文件编号 / document id")
    p.add_argument("--recall", action="store_true", help="只列出需收回的副本 / only copies to recall")


def run(args: argparse.Namespace) -> int:
    config = repository_config(args)
    repo = load_repository(config)
    doc = repo.get(args.id)
    if doc is None and not any(r.text("document") == args.id for r in repo.records):
        raise InputError(f"unknown document id: {args.id} (未知的文件编号)")
    rows = issued(repo, args.id)
    if args.recall:
        rows = [c for c in rows if not c.current(doc) and c.recalled is None]
    zh = config.lang != "en"
    if not rows:
        write(("没有需要列出的受控副本" if zh else "no controlled copies to list") + f": {args.id}\n")
        return 0
    head = ("副本", "版本", "持有人", "发放日期", "状态", "记录") if zh else \
        ("copy", "version", "recipient", "issued", "state", "record")
    lines = ["\t".join(head)]
    for c in rows:
        state = _state(c.recalled, c.current(doc), zh)
        lines.append("\t".join((c.label, f"V{c.version}", c.recipient, c.date, state, c.record)))
    write("\n".join(lines) + "\n")
    return 0


def _state(recalled: str | None, current: bool, zh: bool) -> str:
    if recalled:
        return f"已收回 {recalled}" if zh else f"recalled {recalled}"
    if current:
        return "现行" if zh else "current"
    return "需收回" if zh else "to recall"


COMMAND = Command("copies", "列出已发放的受控副本 / list issued controlled copies", configure, run)
