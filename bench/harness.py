"""What every benchmark shares: cached corpora, timing fresh subprocesses, peak memory, result files.

Every measurement runs its command in a fresh process (so imports and start-up count, as they do for a
user) and takes the best of several runs; peak memory is that process's own maximum resident set size
(not a maximum over all children, nor inflated by the runner's own pages: see run_once).
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from bench.generate import generate

BENCH = Path(__file__).resolve().parent
CORPORA = BENCH / "corpora"
RESULTS = BENCH / "results"
GENERATOR_FILES = ("generate.py", "body.py", "vocab.py")
GNU_TIME = shutil.which("time", path="/usr/bin:/bin")  # GNU time, not the shell keyword


@dataclass(frozen=True)
class Run:
    seconds: float  # wall clock
    cpu_seconds: float  # user + system time of the process itself: steadier on a shared machine
    peak_mb: float
    exit_code: int


@dataclass
class Measurement:
    """The best of `runs` for one command on one corpus."""

    label: str
    command: list[str]
    runs: list[Run] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return min(r.seconds for r in self.runs)

    @property
    def cpu_seconds(self) -> float:
        return min(r.cpu_seconds for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.peak_mb for r in self.runs)


def corpus(docs: int, records_per_doc: float = 2.0, seed: int = 1) -> Path:
    """A generated corpus, reused from bench/corpora/ while the generator is unchanged."""
    digest = hashlib.sha256(b"".join((BENCH / f).read_bytes() for f in GENERATOR_FILES))
    digest.update((BENCH.parent / "schemas").joinpath("document.schema.json").read_bytes())
    path = CORPORA / f"docs{docs}-r{records_per_doc:g}-s{seed}-{digest.hexdigest()[:10]}"
    if not path.is_dir():
        partial = path.with_name(path.name + ".partial")
        if partial.exists():
            shutil.rmtree(partial)
        generate(partial, docs, records_per_doc, seed)
        partial.rename(path)
    return path


def run_once(command: Sequence[str], cwd: Path | None = None, ok: Sequence[int] = (0,)) -> Run:
    """Run a command in a fresh process, output to /dev/null; wall and CPU time, its own peak RSS.

    A forked child starts with its parent's resident pages, and the kernel counts them in the child's
    peak RSS; so when GNU time is installed it starts the command from its own small process and
    reports the command's figures. Without it the peak is read with wait4 and is at least this
    runner's own size (about 20 MB), an upper bound.

    The command may write Python bytecode (`__pycache__`) even when this shell forbids it
    (PYTHONDONTWRITEBYTECODE): a user's installation has compiled modules, as the floor's PyYAML has
    from pip; without them every run of docctl compiles its own sources again (0.03-0.1 s of CPU).
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        wrapped = [GNU_TIME, "-f", "%M", "-o", report.name, *command] if GNU_TIME else list(command)
        start = time.perf_counter()
        proc = subprocess.Popen(wrapped, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        if proc.stderr:
            proc.stderr.close()
        if proc.returncode not in ok:  # a failed run is an error, never a timing
            raise RuntimeError(f"{' '.join(command)} exited {proc.returncode}: {stderr.strip()}")
        # wait4's CPU times include the children the process waited for (GNU time's command)
        cpu = usage.ru_utime + usage.ru_stime
        kib = int(report.read().split()[-1]) if GNU_TIME else usage.ru_maxrss  # KiB on Linux
    return Run(seconds, cpu, kib / 1024, proc.returncode)


def measure(commands: dict[str, list[str]], repeat: int) -> dict[str, Measurement]:
    """Best of `repeat` for each command, interleaved so that drift hits all of them alike."""
    result = {label: Measurement(label, cmd) for label, cmd in commands.items()}
    for cmd in commands.values():  # warm the page cache and .pyc files; not counted
        run_once(cmd)
    for _ in range(repeat):
        for label, cmd in commands.items():
            result[label].runs.append(run_once(cmd))
    return result


def python() -> str:
    return sys.executable


def machine() -> dict[str, object]:
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "processor": platform.processor() or platform.machine()}


def save(name: str, rows: list[dict[str, object]], settings: dict[str, object]) -> Path:
    """bench/results/<name>-<time>.json and <name>-latest.json."""
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    data = {"benchmark": name, "when": stamp, "machine": machine(), "settings": settings, "rows": rows}
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    path = RESULTS / f"{name}-{stamp}.json"
    path.write_text(text, encoding="utf-8")
    (RESULTS / f"{name}-latest.json").write_text(text, encoding="utf-8")
    return path


def as_dict(m: Measurement) -> dict[str, object]:
    return {"label": m.label, "command": m.command, "seconds": round(m.seconds, 4),
            "cpu_seconds": round(m.cpu_seconds, 4), "peak_mb": round(m.peak_mb, 1),
            "runs": [asdict(r) for r in m.runs]}


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    lines = ["  ".join(h.rjust(w) for h, w in zip(header, widths, strict=True))]
    lines += ["  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines)
