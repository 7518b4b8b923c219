"""`docctl due [--within 30d] [--format table|csv|json]`: documents due or overdue for periodic review."""

from __future__ import annotations

import argparse
import re
from datetime import timedelta

from docctl.cli.common import Command, repository_config, write
from docctl.dates import parse_duration
from docctl.errors import UsageError
from docctl.load import load_repository
from docctl.register import due, render

_SHORT = re.compile(r"^(\d+)([dwmy])$", re.IGNORECASE)


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--within", default="30d", help="如 30d、2w、3m、P1M（默认 30d） / e.g. 30d, 2w, 3m, P1M")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")


def within(text: str, today: object) -> timedelta:
    from datetime import date

    assert isinstance(today, date)
    short = _SHORT.match(text.strip())
    iso = f"P{short.group(1)}{short.group(2).upper()}" if short else text.strip().upper()
    duration = parse_duration(iso)
    if duration is None:
        raise UsageError(
            f"--within {text}: 应为 30d、2w、3m、1y 或 ISO 8601 时长 / "
            "expected 30d, 2w, 3m, 1y or an ISO 8601 duration"
        )
    return duration.after(today) - today


def run(args: argparse.Namespace) -> int:
    config = repository_config(args)
    rows = due(load_repository(config), within(args.within, config.today))
    write(render(rows, args.format, config))
    return 0


COMMAND = Command(
    "due", "到期或逾期的定期评审 / documents due or overdue for periodic review", configure, run
)
