"""`docctl register [--format table|csv|json]`: the master list of controlled documents."""

from __future__ import annotations

import argparse

from docctl.cli.common import Command, repository_config, write
from docctl.load import load_repository
from docctl.register import register, render


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")


def run(args: argparse.Namespace) -> int:
    config = repository_config(args)
    write(render(register(load_repository(config)), args.format, config))
    return 0


COMMAND = Command("register", "受控文件清单 / the master list of controlled documents", configure, run)
