"""`docctl kpi [--period 2025] [--format text|json]`: attainment of every indicator from the measurements."""

from __future__ import annotations

import argparse
import sys

from docctl.cli.common import Command, repository_config, write
from docctl.controls.model import FAIL
from docctl.controls.report import load_lines
from docctl.kpi.attainment import attainment, measurements_by_indicator
from docctl.kpi.indicators import indicators_of
from docctl.kpi.report import RENDERERS, unreadable_evidence
from docctl.load import load_repository
from docctl.periods import parse_period


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--period", help="期间（默认今年）/ period (default: this year)")
    p.add_argument("--format", choices=sorted(RENDERERS), default="text")


def run(args: argparse.Namespace) -> int:
    config = repository_config(args)
    period = parse_period(args.period or str(config.today.year))
    repo = load_repository(config)
    results = []
    for plan in repo.documents:
        by_indicator = measurements_by_indicator(plan, repo.records)
        results += [attainment(i, by_indicator.get(i.id, []), period) for i in indicators_of(plan)]
    broken = unreadable_evidence(repo)
    write(RENDERERS[args.format](results, config.lang, broken))
    if broken and args.format == "json":
        sys.stderr.write("\n".join(load_lines(broken, config.lang)) + "\n")
    return 1 if broken or any(a.status == FAIL for a in results) else 0


COMMAND = Command("kpi", "计算指标达成情况 / KPI attainment from the measurement records", configure, run)
