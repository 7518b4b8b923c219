"""The pandoc from the pypandoc-binary wheel, run once for many documents (`pandoc lua` + a list file)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from docctl.errors import ExternalToolError

BATCH_SCRIPT = Path(__file__).with_name("batch.lua")
READER = "markdown-smart"
PANDOC_EPOCH = "315532800"  # 1980-01-01: pandoc's own timestamps are fixed (we rewrite them anyway)


@cache
def executable() -> str:
    try:
        import pypandoc
        path = str(pypandoc.get_pandoc_path())
    except (ImportError, OSError) as exc:
        raise ExternalToolError(f"pandoc not found (pypandoc-binary): {exc}") from exc
    return path


def run(args: Sequence[str], *, stdin: bytes | None = None, timeout: float = 600) -> bytes:
    env = {**os.environ, "SOURCE_DATE_EPOCH": PANDOC_EPOCH}
    try:
        done = subprocess.run([executable(), *args], input=stdin, capture_output=True, env=env,
                              timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ExternalToolError(f"pandoc failed: {exc}") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ExternalToolError(f"pandoc failed: {message[-1] if message else done.returncode}")
    return done.stdout


@cache
def default_reference() -> bytes:
    return run(["--print-default-data-file", "reference.docx"])


def convert_batch(pairs: Sequence[tuple[Path, Path]], reference: Path, workdir: Path,
                  reader: str = READER) -> None:
    """Convert each Markdown file to DOCX in one pandoc process; front matter is read and dropped."""
    listing = workdir / f"batch-{os.getpid()}-{id(pairs)}.txt"
    listing.write_text("".join(f"{src}\t{dst}\n" for src, dst in pairs), encoding="utf-8")
    try:
        run(["lua", str(BATCH_SCRIPT), str(listing), str(reference), reader])
    finally:
        listing.unlink(missing_ok=True)
