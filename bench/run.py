"""Run benchmarks: `python bench/run.py check [--sizes 100,1000,5000] [--repeat 3]`.

Each benchmark is a module `bench/bench_<name>.py` with `configure(parser)` and `run(args) -> int`,
listed in BENCHMARKS below (one line per benchmark). Exit 0 when every goal is met, 1 otherwise.
Scripts with their own command line are listed in SCRIPTS: `run.py NAME ARGS...` runs
`bench/bench_NAME.py ARGS...` in a fresh process.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import bench_check, bench_site

BENCH = Path(__file__).resolve().parent

BENCHMARKS: dict[str, ModuleType] = {
    "check": bench_check,
    "site": bench_site,
}
SCRIPTS: dict[str, str] = {
    "export": "docctl export against pandoc alone (bench/bench_export.py --help)",
    "comply": "docctl comply against loading the repository (bench/bench_comply.py --help)",
    "base": "docctl check --base against reading the history (bench/bench_base.py --help)",
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SCRIPTS:  # its own command line, passed on untouched
        return _script(argv[0], argv[1:])
    summary = __doc__.splitlines()[0] if __doc__ else ""
    parser = argparse.ArgumentParser(prog="bench/run.py", description=summary)
    sub = parser.add_subparsers(dest="benchmark", metavar="BENCHMARK", required=True)
    for name, module in BENCHMARKS.items():
        doc = (module.__doc__ or name).strip().splitlines()[0]
        p = sub.add_parser(name, help=doc, description=doc)
        module.configure(p)
        p.set_defaults(run=module.run)
    for name, help_text in SCRIPTS.items():
        if (BENCH / f"bench_{name}.py").is_file():
            sub.add_parser(name, help=help_text)  # listed in --help; main() runs the script itself
    args = parser.parse_args(argv)
    return int(args.run(args))


def _script(name: str, args: list[str]) -> int:
    return subprocess.call([sys.executable, str(BENCH / f"bench_{name}.py"), *args])


if __name__ == "__main__":
    sys.exit(main())
