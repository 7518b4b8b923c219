"""The document lifecycle: one small state machine used by the editing commands and by `check`.

A file holds one document; its `status` is the state of its current version (the last history row).
Earlier versions are never edited: a version is superseded when a later row of the same file has
been released (`docctl release`), so the superseded text is the file as it was at that row's commit.
"""

from __future__ import annotations

from dataclasses import dataclass

from docctl.errors import TransitionError

STATES = ("draft", "review", "approved", "effective", "superseded", "obsolete")
WITHDRAWN = ("superseded", "obsolete")
# released text: may change only through `docctl revise` (a new version)
FROZEN = ("approved", "effective", "superseded", "obsolete")


@dataclass(frozen=True)
class Transition:
    action: str
    source: tuple[str, ...]
    target: str
    new_version: bool = False


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition("review", ("draft",), "review"),  # reviewer signs
        Transition("approve", ("review",), "approved"),  # approver signs, digest recorded
        Transition("release", ("approved",), "effective"),  # previous released version superseded
        Transition("revise", ("approved", "effective"), "draft", new_version=True),
        Transition("supersede", ("approved", "effective"), "superseded"),  # replaced by another document
        Transition("obsolete", ("draft", "review", "approved", "effective", "superseded"), "obsolete"),
    )
}

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
        return after in _forward(before)
    revisable = any(allowed("revise", s) for s in _forward(before))
    return revisable and after in _forward("draft")


def _forward(state: str) -> set[str]:
    seen = {state}
    frontier = [state]
    while frontier:
        current = frontier.pop()
        for t in TRANSITIONS.values():
            if current in t.source and not t.new_version and t.target not in seen:
                seen.add(t.target)
                frontier.append(t.target)
    return seen
