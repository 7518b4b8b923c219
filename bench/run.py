"""Run benchmarks: `python bench/run.py check [--sizes 100,1000,5000] [--repeat 3]`.

Each benchmark is a module `bench/bench_<name>.py` with `configure(parser)` and `run(args) -> int`,
listed in BENCHMARKS below (one line per benchmark). Exit 0 when every goal is met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import bench_check, bench_site

BENCHMARKS: dict[str, ModuleType] = {
    "check": bench_check,
    "site": bench_site,
}


def main(argv: Sequence[str] | None = None) -> int:
    summary = __doc__.splitlines()[0] if __doc__ else ""
    parser = argparse.ArgumentParser(prog="bench/run.py", description=summary)
    sub = parser.add_subparsers(dest="benchmark", metavar="BENCHMARK", required=True)
    for name, module in BENCHMARKS.items():
        doc = (module.__doc__ or name).strip().splitlines()[0]
        p = sub.add_parser(name, help=doc, description=doc)
        module.configure(p)
        p.set_defaults(run=module.run)
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
