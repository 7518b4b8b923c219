"""Signatures: an approved version is reviewed and approved, by different people on the roster."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from itertools import combinations

from docctl.config import Person
from docctl.findings import Finding
from docctl.lifecycle import SIGNED
from docctl.messages import labels
from docctl.model import WITHDRAWN, Document, Revision
from docctl.rules.context import CheckContext
from docctl.rules.digest import digests_from

SIGNED_STATUSES = SIGNED  # from docctl.lifecycle: the states whose version is necessarily approved
SIGNERS = {"author": "author", "reviewer": "reviewer", "approver": "approver"}  # field -> roster role
SIGNED_DATES = {"reviewer": "reviewed", "approver": "approved"}
WITHDRAWER = {"withdrawn_by": "approver"}  # docctl obsolete --as: an approver signs the withdrawal


def check(ctx: CheckContext) -> Iterator[Finding]:
    since = digests_from(ctx.config)
    for doc in ctx.repo.documents:
        if doc.status in SIGNED_STATUSES:
            yield from _missing(ctx, doc)
        if doc.status in WITHDRAWN and since is not None:
            yield from _withdrawal_unsigned(ctx, doc, since)
        yield from _distinct(ctx, doc)
        yield from _roster(ctx, doc)


def _withdrawal_unsigned(ctx: CheckContext, doc: Document, since: date) -> Iterator[Finding]:
    """Since the repository signs its changes (`change_control.digests_from`), a withdrawal names the
    approver who signed it (`docctl obsolete --as`); earlier ones were decided on paper."""
    day = doc.date("withdrawn")
    if day is not None and day >= since and not doc.text("withdrawn_by"):
        yield ctx.finding(doc, ("withdrawn",), "withdrawal-unsigned", day=day.isoformat(),
                          since=since.isoformat(), id=doc.id)


def _missing(ctx: CheckContext, doc: Document) -> Iterator[Finding]:
    for signer, day in SIGNED_DATES.items():
        for name in (signer, day):
            if not doc.meta.get(name):
                key = (name,) if name in doc.meta else ("status",)
                yield ctx.finding(doc, key, "signature-missing", status=doc.status, version=doc.version,
                                  **labels(name))


def _distinct(ctx: CheckContext, doc: Document) -> Iterator[Finding]:
    """On the cover and in every earlier history row (the last row is the cover's, checked there).

    Roster membership is judged for the current version only: people who signed earlier versions
    may have left the company, but one person never signed one version twice."""
    rows = [((), doc.text)] + [(("history", r.index), _getter(r)) for r in doc.history[:-1]]
    for prefix, text in rows:
        for a, b in combinations(SIGNERS, 2):
            name = text(a)
            if name and name == text(b):
                yield ctx.finding(doc, (*prefix, b), "signature-same-person", name=name,
                                  **labels(a, "_a"), **labels(b, "_b"))


def _getter(row: Revision) -> Callable[[str], str | None]:
    def text(name: str) -> str | None:
        value = getattr(row, name)
        return value if isinstance(value, str) else None

    return text


def _roster(ctx: CheckContext, doc: Document) -> Iterator[Finding]:
    for signer, role in (SIGNERS | WITHDRAWER).items():
        name = doc.text(signer)
        if not name:
            continue
        person = ctx.config.people_by_name.get(name)
        if person is None:
            yield ctx.finding(doc, (signer,), "person-unknown", name=name, role=role, **labels(signer))
        elif role not in person.roles:
            yield ctx.finding(doc, (signer,), "person-role", name=name, role=role,
                              roles=", ".join(sorted(person.roles)) or "—", **labels(signer))
        else:
            yield from _other_org(ctx, doc, signer, person)


def _other_org(ctx: CheckContext, doc: Document, signer: str, person: Person) -> Iterator[Finding]:
    """A signer of another organization than the document's (both known to docctl.yml): a warning."""
    theirs = ctx.config.orgs_by_name.get(person.org)
    ours = ctx.config.orgs_by_name.get(doc.org)
    if theirs is not None and ours is not None and theirs is not ours:
        yield ctx.finding(doc, (signer,), "person-other-org", name=doc.text(signer), person_org=theirs.name,
                          doc_org=ours.name, **labels(signer))
