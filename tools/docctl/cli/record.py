"""`docctl record new TYPE --org ORG --title TITLE [--date D] [--set key=value ...]`: the next id."""

from __future__ import annotations

import argparse
from typing import Any

from docctl.cli.common import Command, repository_config, write
from docctl.errors import UsageError
from docctl.record_new import create_record
from docctl.yamlsafe import parse


def configure(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = sub.add_parser("new", help="新建记录 / create a record with the next id")
    new.add_argument("record_type", metavar="TYPE", help="记录类型，如 internal-audit / record type")
    new.add_argument("--org", required=True, help="组织名称或代码 / organization name or code")
    new.add_argument("--title", required=True)
    new.add_argument("--date", help="记录日期（默认今天）/ record date (default: today)")
    new.add_argument("--department")
    new.add_argument("--owner")
    new.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                     help="其他字段，值按 YAML 读取 / other fields, values read as YAML")


def run(args: argparse.Namespace) -> int:
    config = repository_config(args)
    org = config.orgs_by_name.get(args.org)
    if org is None:
        raise UsageError(f"--org {args.org}: unknown organization (未知组织；见 docctl.yml organizations)")
    fields: dict[str, Any] = {"title": args.title, "org": org.name, "date": args.date,
                              "department": args.department, "owner": args.owner}
    fields |= dict(_assignment(item) for item in args.set)
    path = create_record(config, args.record_type, fields)
    write(path.relative_to(config.root).as_posix() + "\n")
    return 0


def _assignment(item: str) -> tuple[str, Any]:
    key, sep, text = item.partition("=")
    if not sep or not key.strip():
        raise UsageError(f"--set {item}: expected KEY=VALUE (应为 键=值)")
    parsed = parse(text)
    if parsed.problems:
        raise UsageError(f"--set {item}: not a YAML value (不是有效的 YAML 值)")
    return key.strip(), parsed.data


COMMAND = Command("record", "质量记录 / quality records: record new TYPE …", configure, run)
