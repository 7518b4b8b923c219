"""Export documents as controlled DOCX: pandoc for the bodies in batches, then assembly, on every core."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from docctl.docx import pandoc, reference
from docctl.docx.assemble import assemble
from docctl.docx.cover import CopyInfo
from docctl.docx.package import atomic_write
from docctl.model import Document

MAX_CHUNK = 40
T = TypeVar("T")
INLINE_BELOW = 6  # a handful of documents: one process is faster than starting workers


@dataclass(frozen=True)
class ExportJob:
    """One DOCX to write: the document, its Markdown file, the output path, and the copy if controlled."""

    doc: Document
    source: Path
    out: Path
    copy: CopyInfo | None = None


def output_name(doc: Document, copy: CopyInfo | None) -> str:
    return f"{doc.id}-copy-{copy.number:03d}.docx" if copy else f"{doc.id}.docx"


def export(jobs: Sequence[ExportJob], *, workers: int | None = None,
           on_done: Callable[[int], None] | None = None) -> list[Path]:
    """Write every job's DOCX; `on_done(n)` is called as batches of n documents finish."""
    if not jobs:
        return []
    workers = workers or min(2, os.cpu_count() or 1)
    with tempfile.TemporaryDirectory(prefix="docctl-export-") as tmp:
        work = Path(tmp)
        ref = reference.build(work / "reference.docx")
        if len(jobs) < INLINE_BELOW or workers == 1:
            written = export_chunk(list(jobs), ref, work)
            if on_done:
                on_done(len(written))
            return written
        return _parallel(list(jobs), ref, work, workers, on_done)


def chunked(items: Sequence[T], workers: int) -> list[list[T]]:
    """Batches small enough to keep every worker busy (and a progress bar moving), large enough
    that pandoc's start-up cost is paid rarely."""
    size = max(1, min(MAX_CHUNK, -(-len(items) // (workers * 4))))
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def _parallel(jobs: list[ExportJob], ref: Path, work: Path, workers: int,
              on_done: Callable[[int], None] | None) -> list[Path]:
    chunks = chunked(jobs, workers)
    written: dict[int, list[Path]] = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(export_chunk, chunk, ref, work): i for i, chunk in enumerate(chunks)}
        for future in as_completed(futures):
            written[futures[future]] = future.result()
            if on_done:
                on_done(len(written[futures[future]]))
    return [path for i in sorted(written) for path in written[i]]


def export_chunk(jobs: list[ExportJob], ref: Path, work: Path) -> list[Path]:
    """One pandoc process for the bodies of these jobs, then assembly of each controlled copy."""
    bodies = [work / f"body-{os.getpid()}-{i}.docx" for i in range(len(jobs))]
    pandoc.convert_batch([(job.source, body) for job, body in zip(jobs, bodies, strict=False)], ref, work)
    written = []
    for job, body in zip(jobs, bodies, strict=False):
        atomic_write(job.out, assemble(body.read_bytes(), job.doc, job.copy))
        body.unlink()
        written.append(job.out)
    return written
