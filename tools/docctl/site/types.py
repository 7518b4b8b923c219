"""Plain data the site generators share: the pages they produce and the options they get."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from docctl.controls.evaluate import ComplyReport
from docctl.findings import Finding
from docctl.model import Document, Repository


@dataclass(frozen=True)
class SiteCompliance:
    """`comply` run once per build: one report per period shown, newest first (docctl.site.compliance)."""

    reports: tuple[ComplyReport, ...] = ()

    @property
    def latest(self) -> ComplyReport | None:
        return self.reports[0] if self.reports else None


@dataclass(frozen=True)
class ReleasedVersion:
    """One released version of a document as git history has it (docctl.site.redlines)."""

    version: str
    body: str
    sha: str  # "" for the file as it is now


@dataclass(frozen=True)
class GeneratedPage:
    """One file the site build adds; nothing of it is committed.

    path: where it lands, relative to the site root ("register.md", "compliance/index.md", "kpi/a.svg").
    title: the page title (also its nav label).
    content: Markdown for `.md` paths, text or bytes for any other file.
    nav_section: None keeps the page out of the nav; "" puts it at the top level; any other text
        groups it under a nav section of that name.
    document: the controlled document or record the page shows, if any (blocks are injected there).
    """

    path: str
    title: str
    content: str | bytes
    nav_section: str | None = None
    document: Document | None = None


@dataclass(frozen=True)
class SiteOptions:
    """What every generator may need besides the repository."""

    lang: str = "zh"
    findings: tuple[Finding, ...] = ()
    compliance: SiteCompliance | None = None  # filled once per build by build.prepare / pages.generate
    redlines: Mapping[str, tuple[ReleasedVersion, ...]] | None = None  # per document id (site.redlines)
    in_force: Mapping[str, Document] | None = None  # id -> its version in force from git (site.in_force_pages)

    @cached_property
    def findings_by_path(self) -> dict[str, list[Finding]]:
        result: dict[str, list[Finding]] = {}
        for finding in self.findings:
            result.setdefault(finding.path, []).append(finding)
        return result


Generator = Callable[[Repository, SiteOptions], Iterable[GeneratedPage]]
"""A callable `(repo, options) -> Iterable[GeneratedPage]` listed in `docctl.site.pages.GENERATORS`."""

DocumentBlock = Callable[[Document, Repository, SiteOptions], str]
"""A callable `(doc, repo, options) -> Markdown` listed in `docctl.site.pages.DOCUMENT_BLOCKS`;
its output is injected near the top of every document and record page ("" adds nothing)."""


@dataclass(frozen=True)
class SiteContent:
    """Everything a build adds: the pages and which page shows which document."""

    pages: tuple[GeneratedPage, ...] = ()
    by_path: dict[str, GeneratedPage] = field(default_factory=dict)
