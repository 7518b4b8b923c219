"""Export jobs for the version in force of a document under revision.

While a revision is open, the file holds the draft; the version staff must follow is the file as git
last held it effective (`inforcetext`). Its text is written to a work folder and exported from there,
as an ordinary job: a reference export, or a controlled copy of that version.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docctl.docx.cover import CopyInfo
from docctl.docx.export import ExportJob, output_name
from docctl.inforce import in_force
from docctl.inforcetext import in_force_text
from docctl.load import load_text
from docctl.model import DOCUMENT, Document


@dataclass(frozen=True)
class InForceJob:
    """A job for the version in force (None when git does not hold it), and what the user is told."""

    doc: Document  # the file as it is now (its draft revision)
    job: ExportJob | None
    version: str  # the version in force
    pending: str  # the revision being prepared
    sha: str = ""  # the commit its text came from


def in_force_job(root: Path, doc: Document, out: Path, work: Path, lang: str,
                 copy: CopyInfo | None = None) -> InForceJob | None:
    """None when the document is not under revision (its file is the version in force)."""
    force = in_force(doc)
    if force is None or force.pending is None:
        return None
    found = in_force_text(root, doc)
    old = load_text(found.text, doc.path, DOCUMENT, lang)[0] if found else None
    pending = force.pending.version or "?"
    if found is None or old is None:
        return InForceJob(doc, None, force.version, pending)
    source = work / f"{doc.id}.md"
    source.write_text(found.text, encoding="utf-8")
    return InForceJob(doc, ExportJob(old, source, out / output_name(old, copy), copy), force.version, pending,
                      found.sha)


def in_force_jobs(root: Path, docs: list[Document], out: Path, work: Path, lang: str) -> list[InForceJob]:
    """`--all`: every document under revision, in id order."""
    found = (in_force_job(root, d, out, work, lang) for d in sorted(docs, key=lambda d: d.id))
    return [j for j in found if j is not None]
