"""Quality records: types and ids from docctl.yml, retention and disposal, immutability after closure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from docctl.catalog import make_finding
from docctl.config import Config
from docctl.dates import Duration, parse_duration
from docctl.findings import Finding
from docctl.model import Document, Repository

CLOSED = "closed"
FINISHED = ("closed", "cancelled")


def record_prefix(config: Config, record_type: str) -> str:
    spec = (config.settings.get("record_types") or {}).get(record_type) or {}
    prefix = spec.get("prefix") if isinstance(spec, dict) else None
    return str(prefix) if prefix else re.sub(r"[^A-Z0-9]", "", record_type.upper())[:4] or "R"


def record_path(record_type: str, year: int, record_id: str) -> str:
    return f"records/{record_type}/{year}/{record_id}.md"


def next_record_id(config: Config, record_type: str, year: int) -> str:
    """PREFIX-YEAR-NNN, one more than the highest number of that prefix and year in the folder."""
    prefix = record_prefix(config, record_type)
    pattern = re.compile(rf"^{re.escape(prefix)}-{year}-(\d+)\.md$")
    folder = config.path("records", record_type, str(year))
    numbers = [int(m.group(1)) for p in folder.glob("*.md") if (m := pattern.match(p.name))] \
        if folder.is_dir() else []
    return f"{prefix}-{year}-{max(numbers, default=0) + 1:03d}"


def retention_of(rec: Document, config: Config) -> Duration | None:
    own = rec.text("retention")
    if own:
        return parse_duration(own)
    spec = config.record_types.get(rec.type)
    return spec.retention if spec else None


@dataclass(frozen=True)
class Disposal:
    record: Document
    since: date
    retention: Duration
    due: date


def due_for_disposal(repo: Repository) -> list[Disposal]:
    """Finished records whose retention, counted from closure (or their date), has passed."""
    found = (disposal_of(rec, repo.config) for rec in repo.records)
    return sorted((d for d in found if d and d.due <= repo.config.today), key=lambda d: (d.due, d.record.id))


def disposal_of(rec: Document, config: Config) -> Disposal | None:
    """When a finished record may be disposed of: its retention counted from closure (or its date)."""
    since = rec.date("closed") or rec.date("date")
    retention = retention_of(rec, config)
    if rec.status not in FINISHED or since is None or retention is None:
        return None
    return Disposal(rec, since, retention, retention.after(since))


def closed_record_changes(old: Document, new: Document | None, lang: str) -> list[Finding]:
    """A record closed in `old` (the base revision) must be unchanged in `new` (None: deleted or moved)."""
    if old.kind != "record" or old.status != CLOSED:
        return []
    closed = old.text("closed") or "?"
    if new is None:
        return [make_finding(lang, old.path, 1, 1, "record-closed-deleted", id=old.id, closed=closed)]
    changed = [k for k in {**old.meta, **new.meta} if old.meta.get(k) != new.meta.get(k)]
    body = old.body.strip() != new.body.strip()
    if not changed and not body:
        return []
    names = changed + (["正文" if lang != "en" else "body"] if body else [])
    line, col = new.where_key(changed[0]) if changed and changed[0] in new.meta else (
        (new.body_line, 1) if not changed else (1, 1))
    return [make_finding(lang, new.path, line, col, "record-closed-changed", id=old.id, closed=closed,
                         changes=", ".join(names))]


def closed_records_changed(base: list[Document], repo: Repository) -> list[Finding]:
    """Every closed record of the base revision compared with the working tree (by path, else by id)."""
    by_path = {r.path: r for r in repo.records}
    findings: list[Finding] = []
    for old in base:
        new = by_path.get(old.path) or repo.records_by_id.get(old.id)
        findings.extend(closed_record_changes(old, new, repo.config.lang))
    return findings


def write_new(path: Path, text: str) -> bool:
    """Create `path` with `text` atomically, never replacing an existing file; False if it exists."""
    import os
    import tempfile

    from docctl.editing import new_file_mode

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".new-", suffix=".md", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, new_file_mode())
        os.link(tmp, path)  # fails if the file appeared meanwhile: never overwrite a record
        return True
    except FileExistsError:
        return False
    finally:
        os.unlink(tmp)
