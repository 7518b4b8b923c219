"""What `comply` and `kpi` must not evaluate as if all were well: files that did not load cleanly
(their evidence is incomplete) and controls that `docctl check` rejects (the same rules, reused)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from docctl.controls.model import Control, controls_of
from docctl.findings import Finding, Severity
from docctl.model import Document, Repository
from docctl.rules.context import CheckContext
from docctl.rules.controls import control_findings
from docctl.rules.schema import schema_name
from docctl.schemas import SchemaSet, item_findings

ANY_TYPE = ""  # a broken record outside records/<type>/: every record type is affected


@dataclass(frozen=True)
class Integrity:
    load_findings: tuple[Finding, ...] = ()  # every load finding of a file with a load error
    policies: frozenset[str] = frozenset()  # policy files with load errors
    unparsed_policies: tuple[str, ...] = ()  # policies with no front matter left, that name controls
    records: dict[str, tuple[str, ...]] = field(default_factory=dict)  # record type -> broken files
    rejected: dict[tuple[str, int], tuple[Finding, ...]] = field(default_factory=dict)

    def broken_records(self, record_type: str) -> tuple[str, ...]:
        return (*self.records.get(record_type, ()), *self.records.get(ANY_TYPE, ()))


def integrity(repo: Repository, schemas: SchemaSet | None = None) -> Integrity:
    broken = {f.path for f in repo.findings if f.severity == Severity.ERROR}
    findings = tuple(f for f in repo.findings if f.path in broken)
    parsed_policies = {d.path for d in repo.documents}
    policies = frozenset(p for p in broken if p.startswith("policies/"))
    unparsed = tuple(sorted(p for p in policies if p not in parsed_policies and _names_controls(repo, p)))
    records: dict[str, list[str]] = {}
    types = {r.path: r.type for r in repo.records if r.path in broken}
    for path in sorted(p for p in broken if p.startswith("records/")):
        records.setdefault(types.get(path) or _type_from_path(path), []).append(path)
    schemas = schemas or SchemaSet(repo.config.path("schemas"))
    return Integrity(findings, policies, unparsed, {t: tuple(p) for t, p in records.items()},
                     rejected_controls(repo, schemas))


def rejected_controls(repo: Repository, schemas: SchemaSet) -> dict[tuple[str, int], tuple[Finding, ...]]:
    """The errors `check` reports for each control: its schema, then the control-* rules."""
    rejected: dict[tuple[str, int], list[Finding]] = {}
    ctx = CheckContext(repo, schemas)
    for doc in repo.documents:
        name = schema_name(ctx, doc) if controls_of(doc) else None
        for index, found in (item_findings(doc, name, schemas, repo.config.lang, "controls").items()
                             if name else ()):
            rejected.setdefault((doc.path, index), []).extend(_errors(found))
    for control, finding in control_findings(ctx):
        rejected.setdefault(_key(control), []).extend(_errors([finding]))
    return {k: tuple(sorted(v, key=lambda f: (f.line, f.col))) for k, v in rejected.items() if v}


def _key(control: Control) -> tuple[str, int]:
    return control.doc.path, control.index


def _errors(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == Severity.ERROR]


def _type_from_path(path: str) -> str:
    parts = path.split("/")
    return parts[1] if len(parts) >= 4 else ANY_TYPE


def _names_controls(repo: Repository, path: str) -> bool:
    """An unreadable policy may have had controls or indicators: its text says (no words, none)."""
    try:
        raw = repo.config.path(path).read_bytes()
    except OSError:
        return True
    return b"controls" in raw or b"indicators" in raw


def placeholder(path: str) -> Document:
    """A stand-in for an unreadable policy, so its report line can name the file."""
    return Document(path, "document", {"id": path.rsplit("/", 1)[-1].removesuffix(".md")})
