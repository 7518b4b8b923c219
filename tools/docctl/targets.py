"""What the editing commands share: find a document, check a signer against the roster."""

from __future__ import annotations

from dataclasses import dataclass

from docctl.config import Config, Person
from docctl.editing import EditableDocument, open_document
from docctl.errors import TransitionError, UsageError
from docctl.load import load_repository
from docctl.model import Document, Repository

COVER_ORDER = (
    "id",
    "title",
    "type",
    "org",
    "department",
    "version",
    "status",
    "author",
    "prepared",
    "reviewer",
    "reviewed",
    "approver",
    "approved",
    "effective",
    "withdrawn",
    "withdrawn_by",
    "withdrawn_reason",
    "review_cycle",
    "next_review",
    "supersedes",
    "superseded_by",
    "references",
    "related",
    "history",
)
ROW_ORDER = (
    "version",
    "author",
    "date",
    "reviewer",
    "reviewed",
    "approver",
    "approved",
    "change",
    "digest",
    "effective",
)
ROLE_LABELS = {
    "author": ("编制人", "author"),
    "reviewer": ("审核人", "reviewer"),
    "approver": ("批准人", "approver"),
}


@dataclass
class Target:
    """A document as the checks see it (safe loader) and as the editor changes it (round trip)."""

    repo: Repository
    doc: Document
    edit: EditableDocument


def locate(config: Config, doc_id: str) -> Target:
    repo = load_repository(config)
    doc = repo.get(doc_id)
    if doc is None:
        raise UsageError(f"{doc_id}: 没有此编号的文件 / no document with this number")
    return Target(repo, doc, open_document(config.path(doc.path)))


def person(config: Config, name: str, role: str) -> Person:
    """The roster entry of `name`, who must hold `role`; otherwise a one-line refusal."""
    zh, en = ROLE_LABELS.get(role, (role, role))
    found = config.people_by_name.get(name)
    if found is None:
        raise UsageError(
            f"{zh}“{name}”不在 docctl.yml 的人员名册中 / the {en} '{name}' is not on the roster in docctl.yml"
        )
    if role not in found.roles:
        raise TransitionError(f"“{name}”在名册中没有 {role} 角色 / '{name}' has no {role} role on the roster")
    return found
