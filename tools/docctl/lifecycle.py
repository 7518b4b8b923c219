"""The document lifecycle: one small state machine used by the editing commands and by `check`.

A file holds one document; its `status` is the state of its current version (the last history row).
Earlier versions are never edited: a version is superseded when a later row of the same file has
been released (`docctl release`), so the superseded text is the file as it was at that row's commit.
"""

from __future__ import annotations

from dataclasses import dataclass

from docctl.errors import TransitionError

STATES = ("draft", "review", "approved", "effective", "superseded", "obsolete")


@dataclass(frozen=True)
class Transition:
    action: str
    source: tuple[str, ...]
    target: str
    new_version: bool = False
    records: str = ""  # the history-row field the transition writes (a signature date, the effective date)


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition("review", ("draft",), "review", records="reviewed"),  # reviewer signs
        Transition("approve", ("review",), "approved", records="approved"),  # approver signs, digest recorded
        Transition("release", ("approved",), "effective", records="effective"),  # the previous one superseded
        Transition("revise", ("approved", "effective"), "draft", new_version=True),
        Transition("supersede", ("approved", "effective"), "superseded"),  # replaced by another document
        Transition("obsolete", ("draft", "review", "approved", "effective", "superseded"), "obsolete"),
    )
}


def _forward_from(state: str) -> set[str]:
    seen = {state}
    frontier = [state]
    while frontier:
        current = frontier.pop()
        for t in TRANSITIONS.values():
            if current in t.source and not t.new_version and t.target not in seen:
                seen.add(t.target)
                frontier.append(t.target)
    return seen


def _signed() -> tuple[str, ...]:
    """States whose version is necessarily approved: approval's target and every state entered
    only from such states (effective, superseded; not obsolete, which a draft may also become)."""
    signed = {TRANSITIONS["approve"].target}
    grown = True
    while grown:
        entering: dict[str, set[str]] = {}
        for t in TRANSITIONS.values():
            if not t.new_version:
                entering.setdefault(t.target, set()).update(t.source)
        new = {state for state, sources in entering.items() if sources <= signed} - signed
        signed |= new
        grown = bool(new)
    return tuple(s for s in STATES if s in signed)


# released text: may change only through `docctl revise` (a new version)
FROZEN = tuple(s for s in STATES if s in _forward_from(TRANSITIONS["approve"].target))
SIGNED = _signed()  # the current version carries its review and approval signatures
CURRENT = (TRANSITIONS["release"].target,)  # in force
WITHDRAWN = (TRANSITIONS["supersede"].target, TRANSITIONS["obsolete"].target)
# the same-version steps that write a row field, in order: draft → review → approved → effective
STEPS = tuple(t for t in TRANSITIONS.values() if t.records and not t.new_version)


def expected_records(state: str) -> tuple[str, tuple[str, ...]]:
    """For a state on the path of STEPS: the field its entering step wrote (which the current row
    must hold) and the fields of the steps still ahead (which it must not hold yet)."""
    targets = ["draft", *(t.target for t in STEPS)]
    if state not in targets:
        return "", ()
    position = targets.index(state)
    own = STEPS[position - 1].records if position else ""
    return own, tuple(t.records for t in STEPS[position:])


ACTION_LABELS = {
    "review": ("审核", "review"),
    "approve": ("批准", "approve"),
    "release": ("发布", "release"),
    "revise": ("修订", "revise"),
    "supersede": ("替代", "supersede"),
    "obsolete": ("作废", "withdraw"),
}


def allowed(action: str, state: str) -> bool:
    return state in TRANSITIONS[action].source


def require(action: str, state: str, doc_id: str) -> str:
    """The state after `action`, or a TransitionError naming what is allowed instead."""
    transition = TRANSITIONS[action]
    if state in transition.source:
        return transition.target
    zh, en = ACTION_LABELS[action]
    sources = "|".join(transition.source)
    raise TransitionError(
        f"{doc_id}: 状态为 {state or '—'} 的文件不能{zh}（须为 {sources}） / "
        f"cannot {en} a document in status {state or '—'} (must be {sources})"
    )


def reachable(before: str, after: str, same_version: bool) -> bool:
    """Could `after` follow `before` through allowed transitions?

    Same version: only forward steps (draft → review → approved → effective → superseded/obsolete).
    New version: the old one must have allowed `revise`, then the new one moves forward from draft.
    """
    if before not in STATES or after not in STATES:
        return True  # the schema reports unknown states
    if same_version:
        return after in _forward_from(before)
    revisable = any(allowed("revise", s) for s in _forward_from(before))
    return revisable and after in _forward_from("draft")

