"""`import`: a legacy Word policy → `<id>.md` with the front-matter contract.

The file is checked before anything opens it (safety.inspect), parsed in a child process with CPU and
memory limits (worker), its body converted by pandoc under a memory cap, then written atomically."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docctl.catalog import make_finding
from docctl.docx import body, safety, worker
from docctl.docx.emit import front_matter
from docctl.docx.frontmatter import decide
from docctl.docx.package import atomic_write
from docctl.errors import InputError
from docctl.findings import Finding

WORKER_TIMEOUT = 60
HEADING = re.compile(r"^#{1,6} ", re.M)


@dataclass
class Imported:
    source: Path
    path: Path
    doc_id: str
    meta: dict[str, Any]
    body: str
    findings: list[Finding] = field(default_factory=list)


def import_docx(source: Path, out_dir: Path, *, lang: str = "zh", overwrite: bool = False) -> Imported:
    safety.inspect(source)
    with tempfile.TemporaryDirectory(prefix="docctl-import-") as tmp:
        cleaned = Path(tmp) / "body.docx"
        found = _run_worker(source, cleaned)
        text = body.convert(cleaned)
    meta, findings = decide(found | {"stem": source.stem}, str(source), lang)
    if not HEADING.search(text):
        findings.append(make_finding(lang, str(source), 1, 1, "import-no-headings"))
    target = out_dir / f"{meta['id']}.md"
    if target.exists() and not overwrite:
        raise InputError(f"{target}: already exists; not overwritten (已存在，未覆盖；用 --force 覆盖)")
    atomic_write(target, (front_matter(meta) + text).encode("utf-8"))
    return Imported(source, target, str(meta["id"]), meta, text, findings)


def _run_worker(source: Path, cleaned: Path) -> dict[str, Any]:
    command = [sys.executable, "-m", "docctl.docx.worker", str(source), str(cleaned)]
    try:
        done = subprocess.run(command, capture_output=True, timeout=WORKER_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as exc:
        raise InputError(f"{source}: refused: reading took longer than {WORKER_TIMEOUT} s "
                         "(解析超时，拒绝导入)") from exc
    cpu, memory = worker.limits()
    if done.returncode == -signal.SIGXCPU:
        raise InputError(f"{source}: refused: reading needs more than {cpu} s of CPU time "
                         f"(解析超出 {cpu} 秒 CPU 时间限制，拒绝导入)")
    if done.returncode != 0 or not done.stdout:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(f"{source}: refused: the reader stopped ({_reason(done.returncode, reason)}) "
                         "(解析失败或超出资源限制，拒绝导入)")
    result: dict[str, Any] = json.loads(done.stdout)
    if result.get("limit") == "memory":
        raise InputError(f"{source}: refused: reading needs more than {memory} MB of memory "
                         f"(解析超出 {memory} MB 内存限制，拒绝导入)")
    if "error" in result:
        raise InputError(f"{source}: refused: not a readable Word document: {result['error']} "
                         "(无法解析，拒绝导入)")
    return result


def _reason(code: int, lines: list[str]) -> str:
    if code < 0:
        return f"killed by signal {-code}: time or memory limit"
    return lines[-1] if lines else f"exit {code}"
