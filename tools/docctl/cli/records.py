"""`docctl records due-for-disposal [--format text|json]`: finished records past their retention period."""

from __future__ import annotations

import argparse
import json

from docctl.cli.common import Command, repository_config, write
from docctl.load import load_repository
from docctl.records import Disposal, due_for_disposal


def configure(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    due = sub.add_parser("due-for-disposal", help="列出超过保存期限的记录 / records past retention")
    due.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    config = repository_config(args)
    due = due_for_disposal(load_repository(config))
    write(_json(due) if args.format == "json" else _text(due, config.lang))
    return 0


def _text(due: list[Disposal], lang: str) -> str:
    lines = [f"{d.record.path}: {d.record.id} {d.record.title} — "
             + (f"closed {d.since}, retention {d.retention.text}, disposable since {d.due}" if lang == "en"
                else f"{d.since} 关闭，保存期限 {d.retention.text}，{d.due} 起可销毁")
             for d in due]
    lines.append(f"{len(due)} records past retention" if lang == "en" else f"{len(due)} 条记录已过保存期限")
    return "\n".join(lines) + "\n"


def _json(due: list[Disposal]) -> str:
    return json.dumps([{"id": d.record.id, "path": d.record.path, "since": d.since.isoformat(),
                        "retention": d.retention.text, "due": d.due.isoformat()} for d in due],
                      ensure_ascii=False, indent=2) + "\n"


COMMAND = Command("records", "记录管理 / records: due-for-disposal", configure, run)
