"""`docctl changes --since REF [--format md|json]`: the change notice (变更通知)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from dataclasses import asdict

from docctl.changes import KINDS, Change, changes_since
from docctl.cli.common import Command, repository_config, write
from docctl.load import load_repository

TITLES = {
    "zh": {
        "notice": "变更通知",
        "new": "新发布",
        "revised": "修订",
        "withdrawn": "作废或替代",
        "since": "自 {ref}（{sha}）以来，以下受控文件发生变更。",
        "none": "自 {ref}（{sha}）以来没有受控文件变更。",
        "head": ("文件编号", "文件名称", "版本", "变更说明", "批准人", "实施/作废日期", "替代文件"),
    },
    "en": {
        "notice": "Change notice",
        "new": "New",
        "revised": "Revised",
        "withdrawn": "Withdrawn or replaced",
        "since": "Controlled documents changed since {ref} ({sha}).",
        "none": "No controlled document changed since {ref} ({sha}).",
        "head": ("ID", "Title", "Version", "Change", "Approver", "Date", "Replaced by"),
    },
}


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--since",
        required=True,
        metavar="REF",
        help="上次通知时的 git 版本 / git revision of the last notice",
    )
    p.add_argument("--format", choices=("md", "json"), default="md")


def run(args: argparse.Namespace) -> int:
    config = repository_config(args)
    sha, changes = changes_since(load_repository(config), args.since)
    if args.format == "json":
        write(
            json.dumps(
                {"since": args.since, "base": sha, "changes": [asdict(c) for c in changes]},
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    else:
        write(markdown(changes, args.since, sha[:10], TITLES["en" if config.lang == "en" else "zh"]))
    return 0


def markdown(changes: list[Change], ref: str, sha: str, text: Mapping[str, object]) -> str:
    lines = [
        f"# {text['notice']}",
        "",
        str(text["since" if changes else "none"]).format(ref=ref, sha=sha),
        "",
    ]
    head = text["head"]
    assert isinstance(head, tuple)
    for kind in KINDS:
        group = [c for c in changes if c.kind == kind]
        if not group:
            continue
        lines += [f"## {text[kind]}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += [
            f"| {c.id} | {c.title} | {_version(c)} | {_cell(c.change)} | {c.approver} | {c.effective} | "
            f"{c.superseded_by} |"
            for c in group
        ]
        lines.append("")
    return "\n".join(lines)


def _version(change: Change) -> str:
    if change.previous_version and change.previous_version != change.version:
        return f"{change.previous_version} → {change.version}"
    return change.version


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


COMMAND = Command("changes", "变更通知 / change notice since a git revision", configure, run)
