"""The lifecycle operations on one document: revise, sign, release, withdraw.

Each loads the repository once, checks the transition with docctl.lifecycle, edits the front
matter round-trip and writes the file atomically. Nothing here prints.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from docctl.config import Config
from docctl.digest import document_digest
from docctl.editing import append_row, history_rows, new_row, put, version_value
from docctl.errors import TransitionError, UsageError
from docctl.lifecycle import WITHDRAWN, require
from docctl.model import Document
from docctl.schedule import review_cycle
from docctl.targets import COVER_ORDER, ROW_ORDER, Target, locate, person
from docctl.versions import next_version

SIGNATURE_DATES = {"reviewer": "reviewed", "approver": "approved"}
# errors a command is the way out of, so it does not refuse them: a text changed after approval is
# revised (release refuses it with its own message); an effective document relying on an obsolete
# one is revised or withdrawn
WAYS_OUT = {
    "approve": frozenset({"digest-mismatch"}),
    "release": frozenset({"digest-mismatch"}),
    "revise": frozenset({"digest-mismatch", "link-obsolete"}),
    "obsolete": frozenset({"link-obsolete"}),
}
CLEARED_ON_REVISE = ("reviewer", "reviewed", "approver", "approved", "effective")


@dataclass(frozen=True)
class Outcome:
    doc_id: str
    path: str
    status: str
    version: str
    detail: str = ""


def revise(
    config: Config, doc_id: str, change: str, major: bool = False, author: str | None = None
) -> Outcome:
    target = locate(config, doc_id)
    outcome = revise_target(config, target, change, major, author)
    _refuse_errors(target, "revise")
    target.edit.save()
    return outcome


def revise_target(config: Config, target: Target, change: str, major: bool, author: str | None) -> Outcome:
    """Open the next version in memory; the caller saves."""
    doc, front = target.doc, target.edit.front
    status = require("revise", doc.status, doc.id)
    if not change.strip():
        raise UsageError("--change 不能为空：写明本次修订改了什么 / --change must say what changes")
    writer = author or doc.text("author") or ""
    person(config, writer, "author")
    version = next_version(doc.version, major)
    _keep_effective_date(target)
    append_row(
        history_rows(front),
        new_row(
            {
                "version": version_value(version),
                "author": writer,
                "date": config.today,
                "change": change.strip(),
            }
        )
    )
    for key, value in (
        ("version", version_value(version)),
        ("status", status),
        ("author", writer),
        ("prepared", config.today),
    ):
        put(front, key, value, COVER_ORDER)
    for key in CLEARED_ON_REVISE:
        if key in front:
            front[key] = None
    return Outcome(doc.id, doc.path, status, version)


def _keep_effective_date(target: Target) -> None:
    """The version in force keeps its effective date in its own row: revise clears the cover's, and
    the register, `due` and `changes` read the version in force from its row while it is revised.
    Rows signed before docctl recorded it there (the seeds) get it now — a date, not a signature."""
    rows, front = history_rows(target.edit.front), target.edit.front
    if target.doc.status == "effective" and rows and "effective" not in rows[-1] and front.get("effective"):
        put(rows[-1], "effective", front["effective"], ROW_ORDER)


def sign(config: Config, doc_id: str, signer: str, role: str | None = None) -> Outcome:
    target = locate(config, doc_id)
    outcome = sign_target(config, target, signer, role)
    _refuse_errors(target, "approve")
    target.edit.save()
    return outcome


def sign_target(config: Config, target: Target, signer: str, role: str | None) -> Outcome:
    """Record a review or approval signature in memory; the caller saves."""
    doc = target.doc
    doc_id = doc.id
    role = role or ("reviewer" if doc.status == "draft" else "approver")
    if role == "approver" and doc.status == "draft":
        raise TransitionError(
            f"{doc_id}: 尚未审核，不能批准（先由审核人 docctl approve --role reviewer） / "
            "cannot approve before review (a reviewer signs first)"
        )
    status = require("review" if role == "reviewer" else "approve", doc.status, doc_id)
    person(config, signer, role)
    _refuse_self_approval(target, signer, role)
    fields = {role: signer, SIGNATURE_DATES[role]: config.today}
    if role == "approver":
        fields["digest"] = document_digest(doc)
    _record(target, fields, status)
    return Outcome(doc_id, doc.path, status, doc.version, str(fields.get("digest", "")))


def _refuse_self_approval(target: Target, signer: str, role: str) -> None:
    doc = target.doc
    others = {"author": doc.text("author")} | (
        {"reviewer": doc.text("reviewer")} if role == "approver" else {}
    )
    for other_role, name in others.items():
        if name == signer:
            raise TransitionError(
                f"{doc.id}: {signer} 是本版本的{'编制人' if other_role == 'author' else '审核人'}，"
                f"不能自己签署 / {signer} is this version's {other_role} and cannot sign it as {role}"
            )


def _refuse_errors(target: Target, command: str) -> None:
    """Refuse to edit a file that `docctl check` reports errors in (other than those the command
    is the way out of): one line naming the first error and how many there are."""
    from docctl.check import check_loaded
    from docctl.findings import Severity

    errors = [
        f
        for f in check_loaded(target.repo).findings
        if f.path == target.doc.path and f.severity == Severity.ERROR and f.rule not in WAYS_OUT[command]
    ]
    if errors:
        first = errors[0]
        raise TransitionError(
            f"{first.location()}: {first.rule}: {first.message} — 共 {len(errors)} 个错误，"
            f"请先改正（docctl check） / {len(errors)} error(s): fix them first (docctl check)"
        )


def _record(
    target: Target, fields: Mapping[str, object], status: str, cover: Mapping[str, object] | None = None
) -> None:
    front = target.edit.front
    rows = history_rows(front)
    if not rows or str(rows[-1].get("version")) != target.doc.version:
        raise TransitionError(
            f"{target.doc.id}: 变更履历最后一行不是当前版本 {target.doc.version} / "
            "the last history row is not the current version"
        )
    for key, value in fields.items():
        put(rows[-1], key, value, ROW_ORDER)
        if key != "digest":
            put(front, key, value, COVER_ORDER)
    for key, value in (cover or {}).items():
        put(front, key, value, COVER_ORDER)
    put(front, "status", status, COVER_ORDER)


def release(config: Config, doc_id: str, effective: date | None = None) -> Outcome:
    target = locate(config, doc_id)
    outcome = release_target(config, target, effective)
    _refuse_errors(target, "release")
    target.edit.save()
    return outcome


def release_target(config: Config, target: Target, effective: date | None) -> Outcome:
    """Make the approved version effective in memory; the caller saves."""
    doc = target.doc
    doc_id = doc.id
    status = require("release", doc.status, doc_id)
    day = effective or config.today
    approved = doc.date("approved")
    if approved and day < approved:
        raise UsageError(
            f"{doc_id}: 实施日期 {day} 早于批准日期 {approved} / "
            f"the effective date {day} is before the approval date {approved}"
        )
    _refuse_backdating(doc, day)
    recorded = doc.current.digest if doc.current else None
    if recorded and recorded != document_digest(doc):
        raise TransitionError(
            f"{doc_id}: 批准后内容已被修改，不能发布；请 docctl revise / "
            "modified after approval: it cannot be released; run docctl revise"
        )
    cover: dict[str, object] = {}
    cycle = review_cycle(doc, config)
    if "next_review" in target.edit.front and cycle is not None:
        cover["next_review"] = cycle.after(approved or day)
    _record(target, {"effective": day}, status, cover)
    return Outcome(doc_id, doc.path, status, doc.version, day.isoformat())


def _refuse_backdating(doc: Document, day: date) -> None:
    """A version cannot take effect before the version it replaces did."""
    earlier = [r for r in doc.history[:-1] if r.day("effective")]
    previous = earlier[-1] if earlier else None
    since = previous.day("effective") if previous else None
    if previous is not None and since is not None and day < since:
        raise UsageError(
            f"{doc.id}: 实施日期 {day} 早于上一版本 {previous.version} 的实施日期 {since} / "
            f"the effective date {day} is before that of the previous version {previous.version} ({since})"
        )


@dataclass(frozen=True)
class Withdrawal:
    signer: str  # an approver on the roster: the withdrawal is signed as an approval is
    reason: str
    by: str | None = None  # the document that replaces it


def withdraw(config: Config, doc_id: str, withdrawal: Withdrawal) -> Outcome:
    target = locate(config, doc_id)
    doc, by = target.doc, withdrawal.by
    if by is not None:
        other = target.repo.get(by)
        if other is None or by == doc_id or other.status in WITHDRAWN:
            raise UsageError(f"--by {by}: 须为另一份未作废的文件 / must be another document still in force")
    if not withdrawal.reason.strip():
        raise UsageError("--reason 不能为空：写明为什么作废 / --reason must say why it is withdrawn")
    status = require("supersede" if by else "obsolete", doc.status, doc_id)
    person(config, withdrawal.signer, "approver")
    front = target.edit.front
    put(front, "status", status, COVER_ORDER)
    put(front, "withdrawn", config.today, COVER_ORDER)
    put(front, "withdrawn_by", withdrawal.signer, COVER_ORDER)
    put(front, "withdrawn_reason", withdrawal.reason.strip(), COVER_ORDER)
    if by:
        put(front, "superseded_by", by, COVER_ORDER)
    _refuse_errors(target, "obsolete")
    target.edit.save()
    users = [d.id for d in target.repo.documents if doc_id in d.ids("related") and d.status == "effective"]
    return Outcome(doc_id, doc.path, status, doc.version, " ".join(users))
