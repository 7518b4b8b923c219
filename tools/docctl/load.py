"""files -> load -> Repository: discover the Markdown files, read them once, parse front matter."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from docctl import yamlerrors
from docctl.catalog import make_finding
from docctl.config import Config
from docctl.findings import Finding
from docctl.model import DOCUMENT, RECORD, Document, Repository
from docctl.sourcefile import SourceFile, decode, split
from docctl.yamlsafe import Problem, parse

AREAS = {"policies": DOCUMENT, "records": RECORD}


def discover(root: Path, special: set[Path] | None = None) -> list[tuple[Path, str]]:
    """Every Markdown file under policies/ and records/, in a stable order, with its kind.

    Hidden folders and files are skipped. Links and special files (a FIFO would block the read)
    are listed too, and added to `special`: `load_file` looks closer at those before reading."""
    found: list[tuple[Path, str]] = []
    for area, kind in AREAS.items():
        folder = root / area
        if folder.is_dir():
            found.extend((p, kind) for p in sorted(_markdown_files(folder, special)))
    return found


def _markdown_files(folder: Path, special: set[Path] | None) -> Iterator[Path]:
    """The directory entries say what each is without another system call per file."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                yield from _markdown_files(Path(entry.path), special)
            elif entry.name.endswith(".md"):
                path = Path(entry.path)
                if special is not None and (entry.is_symlink() or not entry.is_file(follow_symlinks=False)):
                    special.add(path)
                yield path


def load_repository(config: Config) -> Repository:
    repo = Repository(config)
    with collector_paused():
        _load_all(repo, config)
    return repo


@contextmanager
def collector_paused() -> Iterator[None]:
    """Loading creates only acyclic data that is all kept; the cyclic garbage collector would walk
    the growing heap again and again and find nothing (measured: 1% of the load time at 1,000
    documents, 3% at 5,000, growing with the size of the repository). Once it runs again, its first
    pass scans everything allocated meanwhile: `docctl check` keeps it paused until the repository
    is freed (another 3%)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_all(repo: Repository, config: Config) -> None:
    skip = len(config.root.parts)
    special: set[Path] = set()
    for path, kind in discover(config.root, special):
        rel = "/".join(path.parts[skip:])
        doc, findings = load_file(path, rel, kind, config.lang, config.root if path in special else None)
        repo.findings.extend(findings)
        if doc is None:
            repo.unparsed.append(rel)
        elif kind == DOCUMENT:
            repo.documents.append(doc)
        else:
            repo.records.append(doc)


def load_file(path: Path, rel: str, kind: str, lang: str,
              root: Path | None = None) -> tuple[Document | None, list[Finding]]:
    """One file read and parsed; a file that cannot be read is a finding, never an exception.

    With `root` (for a path discovery found to be a link or special file), a symbolic link is read
    only when it stays inside `root`, and anything but a regular file (a FIFO, a device) is refused
    before reading, since reading it could block or never end."""
    refused = _refuse_special(path, root) if root is not None else None
    if refused:
        return None, [make_finding(lang, rel, 1, 1, refused[0], **refused[1])]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [make_finding(lang, rel, 1, 1, "file-unreadable", error=exc.strerror or str(exc))]
    text, problem = decode(raw)
    if text is None:
        assert problem is not None
        return None, [make_finding(lang, rel, problem.line + 1, problem.col + 1, problem.rule, file=rel,
                                   **problem.args)]
    return load_text(text, rel, kind, lang)


def _refuse_special(path: Path, root: Path) -> tuple[str, dict[str, Any]] | None:
    try:
        if path.is_symlink():
            target = path.resolve()
            if not target.exists():
                return "file-link-broken", {"target": str(target)}
            if not target.is_relative_to(root.resolve()):
                return "file-link-outside", {"target": str(target)}
        if not path.is_file():
            return "file-special", {}
    except OSError as exc:
        return "file-unreadable", {"error": exc.strerror or str(exc)}
    return None


def load_text(text: str, rel: str, kind: str, lang: str) -> tuple[Document | None, list[Finding]]:
    src = split(text)
    findings = [_finding(lang, rel, src, p) for p in src.problems]
    if src.front is None:
        return None, findings
    parsed = parse(src.front, positions=False)
    findings.extend(_finding(lang, rel, src, p) for p in _drop_echoes(parsed.problems, src.problems))
    if not isinstance(parsed.data, dict):
        if parsed.data is not None or not parsed.problems:
            findings.append(make_finding(lang, rel, src.front_line, 1, "front-matter-not-mapping",
                                         **_kind_of(parsed.data)))
        return None, findings
    doc = Document(rel, kind, parsed.data, src.body, src.body_line, src.front_line, src.front, parsed.outline)
    return doc, findings


_KINDS = {list: ("列表", "a list"), str: ("一段文本", "text"), int: ("数字", "a number"), float: ("数字", "a number"),
          bool: ("布尔值", "a boolean")}


def _kind_of(data: object) -> dict[str, Any]:
    """What the front matter is instead of a mapping, in words (not Python's type names)."""
    zh, en = ("空的", "empty") if data is None else _KINDS.get(type(data), ("其他值", "another value"))
    return {"kind": zh, "kind_en": en}


def _drop_echoes(yaml_problems: list[Problem], prescan: list[Problem]) -> list[Problem]:
    """A tab or full-width colon also breaks the YAML parse right there: report it once."""
    near = {line for p in prescan for line in (p.line, p.line + 1)}
    return [p for p in yaml_problems if not (p.rule == "yaml-syntax" and p.line in near)]


def _finding(lang: str, rel: str, src: SourceFile, p: Problem) -> Finding:
    front = p.rule.startswith("front-matter") or p.rule.startswith("file-")
    line = 1 if front else src.front_line + p.line
    args = dict(p.args)
    if "first" in args:  # a 0-based line inside the front matter
        args["first"] = src.front_line + args["first"]
    if p.rule == "yaml-syntax":
        args = yamlerrors.place_start(args, src.front_line)
    return make_finding(lang, rel, line, p.col + 1, p.rule, **args)
