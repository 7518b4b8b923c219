"""`docctl check --format json` against the floor (read files + C YAML front matter), same files, same run."""

from __future__ import annotations

import argparse

from bench import harness

GOAL_RATIO = 1.5
GOAL_PEAK_MB = 300.0
TODAY = "2026-01-15"  # fixed, so the number of review warnings does not change from day to day


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
    rows: list[dict[str, object]] = []
    for docs in (int(s) for s in args.sizes.split(",")):
        path = harness.corpus(docs, args.records_per_doc, args.seed)
        files = sum(1 for area in ("policies", "records") for _ in (path / area).rglob("*.md"))
        result = harness.measure(commands(str(path)), args.repeat)
        floor, check = result["floor"], result["check"]
        rows.append({"docs": docs, "files": files, "corpus": path.name,
                     "ratio": round(check.seconds / floor.seconds, 3),
                     "floor": harness.as_dict(floor), "check": harness.as_dict(check)})
        print(f"  {docs} documents done", flush=True)
    print(report(rows))
    settings = {k: v for k, v in vars(args).items() if k != "run"} | {"today": TODAY}
    saved = harness.save("check", rows, settings)
    print(f"\nresults: {saved.relative_to(harness.BENCH.parent)}")
    return 0 if all(_meets_goal(r) for r in rows if int(str(r["docs"])) >= 1000) else 1


def _meets_goal(row: dict[str, object]) -> bool:
    check = row["check"]
    assert isinstance(check, dict)
    return float(str(row["ratio"])) <= GOAL_RATIO and float(check["peak_mb"]) <= GOAL_PEAK_MB


def report(rows: list[dict[str, object]]) -> str:
    lines = []
    for row in rows:
        floor, check = row["floor"], row["check"]
        assert isinstance(floor, dict) and isinstance(check, dict)
        lines.append((str(row["docs"]), str(row["files"]), f"{floor['seconds']:.3f}",
                      f"{check['seconds']:.3f}", f"{row['ratio']:.2f}x", f"{floor['peak_mb']:.0f}", f"{check['peak_mb']:.0f}",
                      "yes" if _meets_goal(row) else "NO"))
    header = ("docs", "files", "floor s", "check s", "ratio", "floor MB", "check MB",
              f"goal (<={GOAL_RATIO}x, <={GOAL_PEAK_MB:.0f} MB)")
    return harness.table(header, lines)
