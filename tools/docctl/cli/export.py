"""`docctl export [ID ...] [--all] [--out DIR] [--copy N --to NAME] [--format docx]`: controlled DOCX."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from docctl.check import check_loaded
from docctl.cli.common import Command, repository_config, write
from docctl.config import Config
from docctl.docx import copies
from docctl.docx.cover import CopyInfo
from docctl.docx.export import ExportJob, export, output_name
from docctl.docx.inforcejobs import InForceJob, in_force_job, in_force_jobs
from docctl.errors import InputError, UsageError
from docctl.inforce import in_force
from docctl.load import load_repository
from docctl.model import Document, Repository
from docctl.register import revision_label


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("ids", nargs="*", metavar="ID", help="文件编号 / document ids")
    p.add_argument("--all", action="store_true", help="导出全部现行有效文件 / every effective document")
    p.add_argument("--out", type=Path, help="输出目录（默认 build/docx）/ output folder (default build/docx)")
    p.add_argument("--copy", type=int, metavar="N", help="受控副本编号 / controlled copy number")
    p.add_argument("--to", metavar="NAME", help="受控副本持有人 / who receives the copy")
    p.add_argument("--format", choices=("docx",), default="docx")


def run(args: argparse.Namespace) -> int:
    _validate(args)
    config = repository_config(args)
    repo = load_repository(config)
    docs = _select(repo, args)
    out = started_in(args, args.out) if args.out else config.path("build", "docx")
    with tempfile.TemporaryDirectory(prefix="docctl-in-force-") as folder:
        jobs, missing = _jobs(config, repo, docs, args, out, Path(folder))
        with _progress(len(jobs)) as advance:
            written = export(jobs, on_done=advance)
    for path in written:
        write(f"{path}\n")
    if args.copy is not None:
        doc, copy = jobs[0].doc, jobs[0].copy
        assert copy is not None
        record = copies.write_record(config.root, repo, doc, copy.number, copy.recipient, copy.date)
        write(f"{record.relative_to(config.root).as_posix()}\n")
    return _missing(missing)


def _jobs(config: Config, repo: Repository, docs: list[Document], args: argparse.Namespace, out: Path,
          work: Path) -> tuple[list[ExportJob], int]:
    """What to export, and how many documents in force `--all` could not (not in the clone)."""
    if args.copy is not None:
        return [_copy_job(config, repo, docs[0], args, out, work)], 0
    jobs = [ExportJob(d, config.path(d.path), out / output_name(d, None)) for d in docs]
    if not args.all:
        return jobs, 0
    found = _in_force_jobs(config, repo, out, work)
    jobs += [item.job for item in found if item.job is not None]
    return sorted(jobs, key=lambda j: j.doc.id), sum(1 for item in found if item.job is None)


def _missing(count: int) -> int:
    """Exit 1 when `--all` left out a document in force (its version in force is not in the clone)."""
    if not count:
        return 0
    sys.stderr.write(f"docctl: {count} 份现行文件未导出（浅克隆？actions/checkout 须设 fetch-depth: 0） / "
                     f"{count} document(s) in force not exported (a shallow clone? fetch-depth: 0 in "
                     "actions/checkout)\n")
    return 1


def started_in(args: argparse.Namespace, path: Path) -> Path:
    """A path from the command line, relative to -C DIR when given (as if started there)."""
    base = Path(args.directory) if args.directory else Path.cwd()
    return (base / path).resolve()


def _validate(args: argparse.Namespace) -> None:
    if not args.ids and not args.all:
        raise UsageError("give document ids or --all (请给出文件编号或 --all)")
    if args.ids and args.all:
        raise UsageError("give document ids or --all, not both (编号与 --all 只能选一)")
    if (args.copy is None) != (args.to is None):
        raise UsageError("--copy N and --to NAME go together (受控副本需同时给出编号与持有人)")
    if args.copy is not None and (len(args.ids) != 1 or args.copy < 1 or not args.to.strip()):
        raise UsageError("a controlled copy is one document, a copy number ≥ 1 and a recipient "
                         "(受控副本：一个文件编号、编号 ≥ 1、持有人)")


def _select(repo: Repository, args: argparse.Namespace) -> list[Document]:
    if args.all:
        docs = [d for d in repo.documents if d.status == "effective"]
        if not any(in_force(d) for d in repo.documents):
            raise InputError("no effective document to export (没有现行有效的文件)")
        return sorted(docs, key=lambda d: d.id)
    unknown = [i for i in args.ids if repo.get(i) is None]
    if unknown:
        raise InputError(f"unknown document id: {', '.join(unknown)} (未知的文件编号)")
    return [d for i in dict.fromkeys(args.ids) if (d := repo.get(i)) is not None]


def _in_force_jobs(config: Config, repo: Repository, out: Path, work: Path) -> list[InForceJob]:
    """--all exports every document in force: one under revision holds its draft in the file, so its
    version in force is exported from git (the last commit holding it effective; job None when the
    clone does not hold it)."""
    found = in_force_jobs(config.root, repo.documents, out, work, config.lang)
    for item in found:
        _tell(item)
    return found


def _tell(item: InForceJob) -> None:
    doc = item.doc
    zh, en = (revision_label(item.pending, doc.status, lang) for lang in ("zh", "en"))
    if item.job is None:
        sys.stderr.write(f"docctl: {doc.id} {zh}：git 中找不到现行版本 {item.version}，未导出 / {doc.id}: {en}: "
                         f"version {item.version} in force is not in git history; not exported\n")
    else:
        sys.stderr.write(f"docctl: {doc.id} {zh}：导出 git 中的现行版本 {item.version}（提交 {item.sha[:10]}） / "
                         f"{doc.id}: {en}: exported version {item.version} in force from git "
                         f"(commit {item.sha[:10]})\n")


def _copy_job(config: Config, repo: Repository, doc: Document, args: argparse.Namespace, out: Path,
              work: Path) -> ExportJob:
    """A controlled copy of the version in force: the file itself, or during a revision the version
    git holds effective."""
    copy = _controlled_copy(config, repo, doc, args)
    item = in_force_job(config.root, doc, out, work, config.lang, copy)
    if item is None:
        return ExportJob(doc, config.path(doc.path), out / output_name(doc, copy), copy)
    _tell(item)
    if item.job is None:
        raise InputError(f"{doc.id}: 现行版本 {item.version} 不在 git 历史中，不能发放受控副本 / version "
                         f"{item.version} in force is not in git history: no controlled copy can be issued")
    return item.job


def _controlled_copy(config: Config, repo: Repository, doc: Document, args: argparse.Namespace) -> CopyInfo:
    if in_force(doc) is None:
        raise InputError(f"{doc.id}: status {doc.status}: only an effective document is issued as a "
                         f"controlled copy (只有现行有效的文件可以发放受控副本)")
    errors = [f for f in check_loaded(repo).findings if f.path == doc.path and f.severity == "error"]
    if errors:
        first = errors[0]
        raise InputError(f"{doc.id}: {len(errors)} error(s) in the source, first {first.path}:{first.line}:"
                         f"{first.col} {first.rule}: {first.message}; run docctl check "
                         f"(源文件有错误，不能发放受控副本)")
    copies.ensure_new_copy(repo, doc, args.copy)
    return CopyInfo(args.copy, args.to.strip(), config.today.isoformat())


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None]]:
    """A rich progress bar on a terminal for long exports; nothing otherwise."""
    if total < 10 or not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("导出 DOCX"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("export", total=total)
        yield lambda n: progress.advance(task, n)


COMMAND = Command("export", "导出受控 DOCX（封面、履历、目录、水印）/ export controlled DOCX copies",
                  configure, run)
