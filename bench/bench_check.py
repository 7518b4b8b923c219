"""`docctl check --format json` against the floor (read files + C YAML front matter), same files, same run.

Goal (issue 2): at 1,000 and 5,000 documents the check takes at most 1.5x the floor, peak memory at
most 300 MB. Both wall-clock and CPU time are measured; the goal is judged on CPU time, which other
work on a shared machine disturbs far less than the wall clock (on an idle machine they agree).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from bench import harness

GOAL_RATIO = 1.5
GOAL_PEAK_MB = 300.0
GOAL_FROM_DOCS = 1000
TODAY = "2026-01-15"  # fixed, so the number of review warnings does not change from day to day


@dataclass(frozen=True)
class Row:
    docs: int
    files: int
    corpus: str
    floor: harness.Measurement
    check: harness.Measurement

    @property
    def ratio(self) -> float:
        return self.check.seconds / self.floor.seconds

    @property
    def cpu_ratio(self) -> float:
        return self.check.cpu_seconds / self.floor.cpu_seconds

    @property
    def meets_goal(self) -> bool:
        return self.cpu_ratio <= GOAL_RATIO and self.check.peak_mb <= GOAL_PEAK_MB

    def as_dict(self) -> dict[str, object]:
        return {"docs": self.docs, "files": self.files, "corpus": self.corpus, "ratio": round(self.ratio, 3),
                "cpu_ratio": round(self.cpu_ratio, 3), "meets_goal": self.meets_goal,
                "floor": harness.as_dict(self.floor), "check": harness.as_dict(self.check)}


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sizes", default="100,1000,5000", help="corpus sizes in documents (default %(default)s)")
    p.add_argument("--records-per-doc", type=float, default=2.0)
    p.add_argument("--repeat", type=int, default=3, help="best of this many runs (default %(default)s)")
    p.add_argument("--seed", type=int, default=1)


def commands(corpus: str) -> dict[str, list[str]]:
    py = harness.python()
    return {
        "floor": [py, str(harness.BENCH / "floor.py"), corpus],
        "check": [py, "-m", "docctl", "-C", corpus, "--today", TODAY, "check", "--format", "json"],
    }


def run(args: argparse.Namespace) -> int:
    rows = []
    for docs in (int(s) for s in args.sizes.split(",")):
        path = harness.corpus(docs, args.records_per_doc, args.seed)
        files = sum(1 for area in ("policies", "records") for _ in (path / area).rglob("*.md"))
        result = harness.measure(commands(str(path)), args.repeat)
        rows.append(Row(docs, files, path.name, result["floor"], result["check"]))
        print(f"  {docs} documents measured", flush=True)
    print(report(rows))
    settings = {k: v for k, v in vars(args).items() if k != "run"} | {"today": TODAY}
    saved = harness.save("check", [r.as_dict() for r in rows], settings)
    print(f"\nresults: {saved}")
    return 0 if all(r.meets_goal for r in rows if r.docs >= GOAL_FROM_DOCS) else 1


def report(rows: list[Row]) -> str:
    header = ("docs", "files", "floor s", "check s", "ratio", "floor cpu s", "check cpu s", "cpu ratio",
              "floor MB", "check MB", f"goal (cpu <={GOAL_RATIO}x, <={GOAL_PEAK_MB:.0f} MB)")
    lines = [(str(r.docs), str(r.files), f"{r.floor.seconds:.3f}", f"{r.check.seconds:.3f}", f"{r.ratio:.2f}x",
              f"{r.floor.cpu_seconds:.3f}", f"{r.check.cpu_seconds:.3f}", f"{r.cpu_ratio:.2f}x",
              f"{r.floor.peak_mb:.0f}", f"{r.check.peak_mb:.0f}",
              ("yes" if r.meets_goal else "NO") if r.docs >= GOAL_FROM_DOCS else "-")
             for r in rows]
    return harness.table(header, lines)
