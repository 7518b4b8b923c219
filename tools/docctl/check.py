"""The check engine: load the repository once, run every rule, return the findings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from docctl.acceptance import apply_acceptances
from docctl.config import Config
from docctl.errors import UsageError
from docctl.findings import Finding, sort_findings
from docctl.load import load_repository
from docctl.model import Repository
from docctl.rules import RULES, Rule, run_rules
from docctl.rules.context import CheckContext
from docctl.schemas import SchemaSet

SCHEMAS_DIR = "schemas"


@dataclass(frozen=True)
class CheckResult:
    repo: Repository
    findings: list[Finding]
    files: int

    def paths(self) -> list[str]:
        """Every file the check read, relative to the repository."""
        return [doc.path for doc in self.repo.all()] + self.repo.unparsed


def check_repository(config: Config, rules: Iterable[Rule] = RULES) -> CheckResult:
    repo = load_repository(config)
    return check_loaded(repo, rules)


def check_loaded(repo: Repository, rules: Iterable[Rule] = RULES) -> CheckResult:
    schemas = SchemaSet(repo.config.path(SCHEMAS_DIR))
    ctx = CheckContext(repo, schemas)
    loaded = {(f.path, f.line, f.col) for f in repo.findings}
    checked = [f for f in run_rules(ctx, rules) if (f.path, f.line, f.col) not in loaded]
    config = repo.config
    findings = sort_findings(apply_acceptances([*repo.findings, *checked], config.accepted, config.today, config.lang))
    return CheckResult(repo, findings, len(repo.documents) + len(repo.records) + len(repo.unparsed))


@dataclass(frozen=True)
class Selection:
    """The files and folders `check PATH ...` reports on, relative to the repository (none: all of it).

    A relative path is looked up from the current folder, then from the repository root; a path that
    does not exist or lies outside the repository is a usage error, never an empty report.
    """

    wanted: tuple[str, ...] = ()

    @classmethod
    def of(cls, root: Path, paths: Iterable[Path]) -> Selection:
        return cls(tuple(_rel(root, p) for p in paths))

    def __contains__(self, rel: str) -> bool:
        return not self.wanted or any(rel == w or w == "" or rel.startswith(w.rstrip("/") + "/")
                                      for w in self.wanted)

    def findings(self, findings: Iterable[Finding]) -> list[Finding]:
        return [f for f in findings if f.path in self]

    def files(self, result: CheckResult) -> int:
        """How many of the files the check loaded are selected."""
        if not self.wanted:
            return result.files
        return sum(1 for rel in result.paths() if rel in self)


def _rel(root: Path, path: Path) -> str:
    """A PATH argument relative to the repository: from the current folder when it lies inside the
    repository, else (as with `-C DIR` run from elsewhere) from the repository root first."""
    inside = Path.cwd().resolve().is_relative_to(root.resolve())
    candidates = [path] if path.is_absolute() else ([path, root / path] if inside else [root / path, path])
    found = next((c for c in candidates if c.exists()), None)
    if found is None:
        raise UsageError(f"{path}: no such file or folder (没有这个文件或文件夹)")
    try:
        rel = found.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise UsageError(f"{path}: not inside the repository {root} (不在文档仓库内)") from None
    return "" if rel == "." else rel
