"""Where each generated page lands in the site (paths relative to the site root)."""

from __future__ import annotations

from docctl.model import RECORD, Document

HOME = "index.md"
REGISTER = "register.md"
REGISTER_CSV = "register.csv"
BY_TYPE = "indexes/types.md"
BY_DEPARTMENT = "indexes/departments.md"
BY_ORG = "indexes/organizations.md"
ARCHIVE = "archive.md"
RECORDS = "records/index.md"
CHANGES = "changes.md"
FINDINGS = "findings.md"
POLICIES = "policies/"


def page_path(doc: Document) -> str:
    """A document at policies/X.md is shown at X.md (the docs folder is policies/); a record keeps
    its path."""
    if doc.kind == RECORD:
        return doc.path
    if doc.path.startswith(POLICIES):
        return doc.path[len(POLICIES) :]
    return f"documents/{doc.stem}.md"


def redline_path(doc: Document) -> str:
    """The 版本差异 page of a document (docctl.site.redlines)."""
    return f"redlines/{doc.stem}.md"


def in_force_path(doc: Document) -> str:
    """The page of the version in force of a document under revision (docctl.site.in_force_pages)."""
    return page_path(doc).removesuffix(".md") + "-in-force.md"
