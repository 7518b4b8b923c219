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


def select(findings: Iterable[Finding], root: Path, paths: Iterable[Path]) -> list[Finding]:
    """Only the findings in the given files or folders (all of them when none are given).

    A relative path is looked up from the current folder, then from the repository root; a path
    that does not exist or lies outside the repository is a usage error, never an empty report.
    """
    wanted = [_rel(root, p) for p in paths]
    if not wanted:
        return list(findings)
    return [f for f in findings if any(f.path == w or f.path.startswith(w.rstrip("/") + "/") or w == ""
                                       for w in wanted)]


def _rel(root: Path, path: Path) -> str:
    candidates = [path] if path.is_absolute() else [path, root / path]
    found = next((c for c in candidates if c.exists()), None)
    if found is None:
        raise UsageError(f"{path}: no such file or folder (没有这个文件或文件夹)")
    try:
        rel = found.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise UsageError(f"{path}: not inside the repository {root} (不在文档仓库内)") from None
    return "" if rel == "." else rel
