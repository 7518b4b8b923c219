"""The text of the version in force of a document under revision: the file as git last held it
with that version effective (the working tree holds the revision)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docctl.errors import UsageError
from docctl.git import History
from docctl.inforce import in_force
from docctl.model import Document
from docctl.snapshots import snapshot

BATCH = 16  # commits read per `git cat-file --batch` while walking back


@dataclass(frozen=True)
class Found:
    text: str
    sha: str


def in_force_text(root: Path, doc: Document) -> Found | None:
    """None when the document is not under revision, or git does not hold its version in force."""
    force = in_force(doc)
    if force is None or force.pending is None:
        return None
    try:
        history = History(root)
    except UsageError:
        return None
    shas = history.touching(doc.path)
    for start in range(0, len(shas), BATCH):
        texts = history.texts_at([(sha, doc.path) for sha in shas[start : start + BATCH]])
        for (sha, _), text in texts.items():
            old = snapshot(text, doc.path)
            if old is not None and old.version == force.version and old.status == "effective" and text:
                return Found(text, sha)
    return None
