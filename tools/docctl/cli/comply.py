"""`docctl comply [--period 2025] [--format text|json|md]`: every control against the records.

Exit 1 when a control fails or cannot be evaluated.
"""

from __future__ import annotations

import argparse

from docctl.cli.common import Command, repository_config, write
from docctl.controls.evaluate import comply
from docctl.controls.report import RENDERERS
from docctl.load import load_repository
from docctl.periods import parse_period


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--period", help="期间（默认今年）/ period: 2025, 2025-H1, 2025-Q3, 2025-07 "
                   "(default: this year)")
    p.add_argument("--format", choices=sorted(RENDERERS), default="text")


def run(args: argparse.Namespace) -> int:
    config = repository_config(args)
    period = parse_period(args.period or str(config.today.year))
    report = comply(load_repository(config), period)
    write(RENDERERS[args.format](report, config.lang))
    return 1 if report.failed else 0


COMMAND = Command("comply", "按记录检查制度中的控制项 / check the policies' controls against the records",
                  configure, run)
