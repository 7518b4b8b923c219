"""What `docctl check --base REF` adds to `docctl check`, on 1,000 documents, 2,000 records and 5,000 commits.

    python bench/bench_base.py [--docs 1000] [--commits 5000] [--out /tmp/bench-base] [--repeat 3]

Builds a real git repository (bench/generate.py corpus, then 5,000 commits written with
git fast-import by the roster's people: 238 cycles of revise → 16 edits → review → approve →
release, each made with docctl's own editing functions, plus one commit closing an open record),
then times in one process: the floor (read every file and parse its front matter with PyYAML's C
loader), `check`, and `check --base` against a pull-request base (HEAD~21: one cycle), a fifth of
the history and the root (all 5,000 commits, 238 documents, 476 signatures to trace, 238 records
closed since). Beside each, what guarding closed records (docctl.recordbase) adds: the same --base
with and without records/ read from the base, run alternately (with − without), and the record part
run alone (its own git diff, cat-file and comparison: an upper bound); then that part's ceiling,
every record of the repository read from git and every closed one compared, as if all had changed.
Best of --repeat runs; the --base part is timed on the repository `check` already loaded.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from unittest import mock

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import re

import yaml

from bench.generate import generate
from docctl import basecheck
from docctl.basecheck import check_against_base
from docctl.check import check_repository
from docctl.config import Config, load_config
from docctl.editing import parse_document
from docctl.findings import Finding
from docctl.git import History
from docctl.load import load_text
from docctl.model import DOCUMENT, Repository
from docctl.recordbase import RECORDS, closed_since_base
from docctl.revisions import release_target, revise_target, sign_target
from docctl.targets import Target

TODAY = date(2026, 11, 22)
EDITS_PER_CYCLE = 16
STEPS_PER_CYCLE = EDITS_PER_CYCLE + 5  # revise, 16 edits, review, approve, release, close a record
_OPEN = re.compile(r"^status: (open|in-progress)$", re.MULTILINE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=5000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/bench-base"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--reuse", action="store_true", help="time the repository already in --out")
    args = parser.parse_args()
    if not (args.reuse and (args.out / ".git").is_dir()):
        started = time.perf_counter()
        build(args.out, args.docs, args.commits)
        print(f"built {args.docs} documents, {args.commits} commits in {time.perf_counter() - started:.1f} s")
    report(args.out, args.repeat)
    return 0


def build(out: Path, docs: int, commits: int) -> None:
    if out.exists():
        shutil.rmtree(out)
    generate(out, docs, records_per_doc=2.0, seed=1)
    git(out, "init", "-q", "-b", "main")
    git(out, "add", "-A")
    git(out, "-c", "user.name=管理员", "-c", "user.email=admin@example.com", "commit", "-q", "-m", "corpus")
    config = load_config(out, today=TODAY)
    stream = "".join(fast_import(out, config, commits // STEPS_PER_CYCLE))
    subprocess.run(["git", "fast-import", "--quiet"], cwd=out, input=stream.encode("utf-8"), check=True)
    git(out, "reset", "-q", "--hard", "main")


def fast_import(out: Path, config: Config, cycles: int) -> Iterator[str]:
    rng = random.Random(7)
    paths = sorted(p.relative_to(out).as_posix() for p in (out / "policies").glob("*.md"))
    texts = {p: (out / p).read_text(encoding="utf-8") for p in paths}
    effective = [p for p in paths if "\nstatus: effective\n" in texts[p]]
    records = sorted(p.relative_to(out).as_posix() for p in (out / RECORDS).rglob("*.md"))
    still_open = rng.sample([p for p in records if _OPEN.search((out / p).read_text(encoding="utf-8"))],
                            k=min(cycles, len(records)))
    mark = 0
    for n, path in enumerate(rng.sample(effective, min(cycles, len(effective)))):
        for who, text in revision_cycle(config, path, texts[path], out):
            mark += 1
            texts[path] = text
            yield commit(mark, who, text, config, path)
        if n < len(still_open):
            mark += 1
            yield commit(mark, *close_record((out / still_open[n]).read_text(encoding="utf-8")), config,
                         still_open[n])


def close_record(text: str) -> tuple[str, str]:
    """The record's owner and its text closed a month after its date."""
    fields = dict(re.findall(r"^(date|owner): (.+)$", text, re.MULTILINE))
    closed = date.fromisoformat(fields["date"]).toordinal() + 30
    return fields["owner"], _OPEN.sub(f"status: closed\nclosed: {date.fromordinal(closed).isoformat()}", text, 1)


def revision_cycle(config: Config, path: str, text: str, out: Path) -> Iterator[tuple[str, str]]:
    doc = load_text(text, path, DOCUMENT, "zh")[0]
    assert doc is not None
    author, reviewer, approver = (doc.text(k) or "" for k in ("author", "reviewer", "approver"))
    text = step(config, path, text, out, lambda t: revise_target(config, t, "年度评审修订", False, None))
    yield author, text
    for n in range(EDITS_PER_CYCLE):
        text += f"\n第 {n + 1} 处修改：补充执行要求。\n"
        yield author, text
    for signer, action in ((reviewer, "reviewer"), (approver, "approver")):
        text = step(config, path, text, out, lambda t, s=signer, a=action: sign_target(config, t, s, a))
        yield signer, text
    text = step(config, path, text, out, lambda t: release_target(config, t, TODAY))
    yield approver, text


def step(config: Config, path: str, text: str, out: Path, action: Callable[[Target], object]) -> str:
    doc = load_text(text, path, DOCUMENT, "zh")[0]
    assert doc is not None
    from docctl.model import Repository

    target = Target(Repository(config, [doc]), doc, parse_document(out / path, text.encode("utf-8")))
    action(target)
    return target.edit.render()


def commit(mark: int, who: str, text: str, config: Config, path: str) -> str:
    email = config.people_by_name[who].email
    data = text.encode("utf-8")
    message = f"{path} step {mark}".encode()
    stamp = 1_763_800_000 + mark * 60
    return (
        f"commit refs/heads/main\nmark :{mark}\nauthor {who} <{email}> {stamp} +0800\n"
        f"committer {who} <{email}> {stamp} +0800\ndata {len(message)}\n{message.decode()}\n"
        + ("from refs/heads/main^0\n" if mark == 1 else "")
        + f"M 100644 inline {path}\ndata {len(data)}\n{text}\n"
    )


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def floor(root: Path) -> None:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in sorted((root / "policies").glob("*.md")) + sorted((root / "records").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        yaml.load(text.split("\n---\n", 1)[0].removeprefix("---\n"), Loader=loader)


def best(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def report(root: Path, repeat: int) -> None:
    """Seconds and ratios to the floor; the --base part is timed on its own, on the loaded repository
    `check` already holds (which is how `docctl check --base` runs)."""
    config = load_config(root, today=TODAY)
    root_commit = git(root, "rev-list", "--max-parents=0", "HEAD").strip()
    middle = int(git(root, "rev-list", "--count", "HEAD")) // 5 // STEPS_PER_CYCLE * STEPS_PER_CYCLE
    t_floor = best(repeat, lambda: floor(root))
    t_check = best(repeat, lambda: check_repository(config))
    loaded = check_repository(config).repo
    print(f"{'floor: read + C-YAML front matter':44s} {t_floor:6.2f} s  1.00× floor")
    print(f"{'check':44s} {t_check:6.2f} s  {t_check / t_floor:4.2f}× floor")
    bases = (
        (f"--base HEAD~{STEPS_PER_CYCLE} (a PR: 1 revision, 1 record)", f"HEAD~{STEPS_PER_CYCLE}"),
        (f"--base HEAD~{middle} ({middle // STEPS_PER_CYCLE} cycles)", f"HEAD~{middle}"),
        ("--base root (every commit)", root_commit),
    )
    for label, ref in bases:
        found = check_against_base(loaded, ref)
        assert not [f for f in found if f.severity == "error"], found[:3]
        added, without = best_pair(repeat, lambda ref=ref: check_against_base(loaded, ref),
                                   lambda ref=ref: documents_only(loaded, ref))
        part = best(repeat, lambda ref=ref: closed_records_part(loaded, ref))
        print(f"{label:44s} +{added:5.2f} s  check + base = {(t_check + added) / t_floor:4.2f}× floor")
        print(f"{'  of which closed records (with − without)':44s} {added - without:+6.2f} s  "
              f"= {(added - without) / t_floor:+6.3f}× floor (alone: {part:5.3f} s = {part / t_floor:5.3f}× floor)")
    ceiling = best(repeat, lambda: closed_records_part(loaded, "HEAD", every=True))
    print(f"{'closed records, ceiling (all records read)':44s} +{ceiling:5.2f} s  = {ceiling / t_floor:5.3f}× floor")


def best_pair(repeat: int, first: Callable[[], object], second: Callable[[], object]) -> tuple[float, float]:
    """Best times of two pieces of work run alternately, so that a change of load hits both alike."""
    pairs = [(best(1, first), best(1, second)) for _ in range(repeat)]
    return min(a for a, _ in pairs), min(b for _, b in pairs)


def documents_only(repo: Repository, ref: str) -> list[Finding]:
    """`check --base` as it was before closed records were guarded: only policies/ read from the base."""
    real = basecheck.base_texts
    with mock.patch.object(basecheck, "base_texts", lambda history, base: real(history, base, basecheck.FOLDERS)):
        return check_against_base(repo, ref)


def closed_records_part(repo: Repository, ref: str, every: bool = False) -> list[Finding]:
    """What docctl.basecheck does for records alone: the changed record files (`every`: all of them)
    read at the base in one batch, the closed ones compared with the loaded repository."""
    history = History(repo.config.root)
    base = history.merge_base(ref)
    listed = history.files_at(base, RECORDS) if every else history.changed(base, (RECORDS,))
    paths = sorted(p for p in listed if p.endswith(".md"))
    texts = history.texts_at([(base, p) for p in paths])
    found = closed_since_base(repo, {p: texts[(base, p)] for p in paths})
    assert not found, found[:3]
    return found

if __name__ == "__main__":
    raise SystemExit(main())
