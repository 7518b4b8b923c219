"""The check engine: load the repository once, run every rule, return the findings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from docctl.config import Config
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
    findings = sort_findings([*repo.findings, *checked])
    return CheckResult(repo, findings, len(repo.documents) + len(repo.records) + len(repo.unparsed))


def select(findings: Iterable[Finding], root: Path, paths: Iterable[Path]) -> list[Finding]:
    """Only the findings in the given files or folders (all of them when none are given)."""
    wanted = [_rel(root, p) for p in paths]
    if not wanted:
        return list(findings)
    return [f for f in findings if any(f.path == w or f.path.startswith(w.rstrip("/") + "/") or w == ""
                                       for w in wanted)]


def _rel(root: Path, path: Path) -> str:
    resolved = path.resolve()
    try:
        rel = resolved.relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
    return "" if rel == "." else rel
