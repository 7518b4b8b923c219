"""`check --base`: a record closed at the base stays exactly as it was (ISO 9001 7.5.3.2, records).

The caller reads from git only the record files changed since the base (docctl.basecheck); here the
closed ones among them are compared with the working tree by docctl.records.closed_records_changed:
any field or body change, or a deletion, is an error. Deleting a record whose retention had run out
(`docctl records due-for-disposal`) is its disposal, not a loss. A record first added or first
closed after the base is not checked here: nothing of it was fixed at the base.
"""

from __future__ import annotations

from docctl.config import Config
from docctl.findings import Finding
from docctl.model import RECORD, Document, Repository
from docctl.records import CLOSED, closed_records_changed, disposal_of
from docctl.snapshots import snapshot

RECORDS = "records"


def closed_since_base(repo: Repository, texts: dict[str, str | None]) -> list[Finding]:
    """Findings for the records in `texts` (path -> text at the base) that were closed there."""
    broken = set(repo.unparsed)  # unreadable now: its load error is the finding, not "deleted"
    present = {r.path for r in repo.records}
    closed = [
        old
        for old in closed_at_base(texts)
        if old.path not in broken
        and (old.path in present or old.id in repo.records_by_id or not _disposed(old, repo.config))
    ]
    return closed_records_changed(closed, repo)


def closed_at_base(texts: dict[str, str | None]) -> list[Document]:
    """The closed records among `texts`; a text without the word `closed` is not parsed at all."""
    found = []
    for path, text in texts.items():
        if text is None or CLOSED not in text:
            continue
        old = snapshot(text, path, RECORD)
        if old is not None and old.status == CLOSED:
            found.append(old)
    return found


def _disposed(old: Document, config: Config) -> bool:
    disposal = disposal_of(old, config)
    return disposal is not None and disposal.due <= config.today
