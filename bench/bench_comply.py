"""Benchmark `docctl comply` on a synthetic corpus against the floor of loading the same repository.

    python bench/bench_comply.py [--docs 5000] [--records 50000] [--every 50] [--out DIR]

Generates a corpus with bench/generate.py, then declares five controls (one of each record-facing kind,
with CEL conditions) in every `--every`-th document, next to a clause the document has. Times, in the same
run on the same files: the floor (load_repository: read every file, parse its front matter with the C
YAML parser), comply on the loaded repository, and both end to end. Prints ratios against the floor.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from bench.generate import generate  # noqa: E402
from docctl.config import load_config  # noqa: E402
from docctl.controls.evaluate import comply  # noqa: E402
from docctl.load import load_repository  # noqa: E402
from docctl.periods import parse_period  # noqa: E402

CONTROLS = """controls:
  - {id: AUDIT-YEARLY, clause: "5.1", title: 每年至少一次内审, kind: occurrence, record: audit,
     min: 1, per: year}
  - {id: AUDIT-QUARTERLY, clause: "5.1", title: 每季度审核, kind: occurrence, record: audit,
     min: 1, per: quarter, where: 'r.status == "closed"'}
  - {id: NC-ACTION, clause: "5.1", title: 严重不符合项关闭须有纠正措施, kind: required-when,
     record: nonconformity, when: 'r.status == "closed" && r.severity == "严重"',
     fields: [corrective_action]}
  - {id: NC-20-DAYS, clause: "5.1", title: 不符合项20个工作日内关闭, kind: deadline, record: nonconformity,
     where: 'r.severity == "一般"', from: date, to: closed, working_days: 20}
  - {id: AUDIT-INDEPENDENT, clause: "5.1", title: 审核员不审自己的工作, kind: independence, record: audit,
     left: auditor, right: owner}
"""


def add_controls(root: Path, every: int) -> int:
    count = 0
    for i, path in enumerate(sorted((root / "policies").glob("*.md"))):
        if i % every:
            continue
        text = path.read_text(encoding="utf-8")
        end = text.index("\n---\n", 4)
        path.write_text(text[:end + 1] + CONTROLS + text[end + 1:], encoding="utf-8")
        count += 1
    return count


def timed(fn, repeat: int = 3) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--records", type=int, default=50000)
    parser.add_argument("--every", type=int, default=50, help="controls in every N-th document")
    parser.add_argument("--period", default="2025")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="docctl-comply-bench-")) / "corpus"
    generate(out, args.docs, args.records / args.docs)
    with_controls = add_controls(out, args.every)
    config = load_config(out)
    period = parse_period(args.period)
    load_s, repo = timed(lambda: load_repository(config))
    comply_s, report = timed(lambda: comply(repo, period))  # type: ignore[arg-type]
    total_s, _ = timed(lambda: comply(load_repository(config), period), repeat=1)
    results = report.results  # type: ignore[attr-defined]
    statuses = {s: sum(r.status == s for r in results) for s in ("pass", "fail", "no-evidence", "error")}
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {args.docs} documents ({with_controls} with controls, {len(results)} controls), "
          f"{len(repo.records)} records in {out}")  # type: ignore[attr-defined]
    print(f"results: {statuses}")
    print(f"floor  load_repository          {load_s:7.2f} s   1.00x")
    print(f"comply on the loaded repository {comply_s:7.2f} s   {comply_s / load_s:.2f}x")
    print(f"load + comply (end to end)      {total_s:7.2f} s   {total_s / load_s:.2f}x")
    print(f"peak RSS {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
