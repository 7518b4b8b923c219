"""Distribution records of controlled copies: records/distribution/<year>/DIST-<year>-NNN.md."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from docctl.docx.package import atomic_write
from docctl.errors import InputError
from docctl.inforce import in_force
from docctl.model import Document, Repository

FOLDER = "records/distribution"
ID_RE = re.compile(r"^DIST-(\d{4})-(\d{3,})$")


@dataclass(frozen=True)
class IssuedCopy:
    """One copy out there, as its distribution record says."""

    record: str
    document: str
    version: str
    copy: int
    recipient: str
    date: str
    recalled: str | None
    written: object = None   # the copy number as the record writes it (a hand edit may write anything)

    @property
    def label(self) -> str:
        """003; a copy number that is not a whole number is shown as written (check reports it)."""
        return f"{self.copy:03d}" if self.copy else str(self.written)

    def current(self, doc: Document | None) -> bool:
        """A copy of the version in force (also while the next version is being prepared), not recalled."""
        force = in_force(doc) if doc is not None else None
        return force is not None and self.version == force.version and self.recalled is None


def issued(repo: Repository, doc_id: str) -> list[IssuedCopy]:
    result = []
    for rec in repo.records:
        if rec.type == "distribution" and rec.text("document") == doc_id:
            number = rec.meta.get("copy")
            whole = number if isinstance(number, int) and not isinstance(number, bool) and number > 0 else 0
            result.append(IssuedCopy(rec.id, doc_id, rec.text("version") or "", whole,
                                     rec.text("recipient") or "", rec.text("date") or "", rec.text("recalled"),
                                     number))
    return sorted(result, key=lambda c: (c.copy == 0, c.copy, c.record))


def ensure_new_copy(repo: Repository, doc: Document, number: int) -> None:
    """Copy numbers never repeat for a document: refuse a number already issued."""
    for copy in issued(repo, doc.id):
        if copy.copy == number:
            raise InputError(
                f"{doc.id}: 受控副本编号 {number} 已于 {copy.date} 发放给 {copy.recipient}（{copy.record}），"
                f"编号不得重复 / copy {number} of {doc.id} was already issued to {copy.recipient} "
                f"on {copy.date} ({copy.record}); copy numbers never repeat. "
                f"Next free number: {next_copy_number(repo, doc.id)}")


def next_copy_number(repo: Repository, doc_id: str) -> int:
    return max((c.copy for c in issued(repo, doc_id)), default=0) + 1


def next_record_id(root: Path, repo: Repository, year: int) -> str:
    numbers = [int(m.group(2)) for rec in repo.records
               if (m := ID_RE.match(rec.id)) and m.group(1) == str(year)]
    folder = root / FOLDER / str(year)
    if folder.is_dir():
        numbers.extend(int(m.group(2)) for p in folder.glob("DIST-*.md") if (m := ID_RE.match(p.stem)))
    return f"DIST-{year}-{max(numbers, default=0) + 1:03d}"


def record_text(record_id: str, doc: Document, number: int, recipient: str, day: str) -> str:
    data = {
        "id": record_id, "type": "distribution",
        "title": f"受控副本发放：{doc.id} {doc.title} V{doc.version} 第 {number:03d} 号",
        "org": doc.org, "date": day, "status": "open",
        "document": doc.id, "version": doc.version, "copy": number, "recipient": recipient,
    }
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    front = front.replace(f"version: '{doc.version}'", f'version: "{doc.version}"')
    front = re.sub(r"^date: '?(\d{4}-\d{2}-\d{2})'?$", r"date: \1", front, flags=re.M)
    body = (f"受控副本 {number:03d} 号（{doc.id}《{doc.title}》V{doc.version}）"
            f"于 {day} 发放给 {recipient}。"
            "该版本被替代或作废时，应收回本副本，"
            "并在本记录中填写 `recalled` 日期、将 `status` 改为 `closed`。\n")
    return f"---\n{front}---\n{body}"


def write_record(root: Path, repo: Repository, doc: Document, number: int, recipient: str, day: str) -> Path:
    year = int(day[:4])
    record_id = next_record_id(root, repo, year)
    path = root / FOLDER / str(year) / f"{record_id}.md"
    if path.exists():
        raise InputError(f"{path}: already exists (已存在)")
    atomic_write(path, record_text(record_id, doc, number, recipient, day).encode("utf-8"))
    return path
